//! The network: the one module that calls `fetch`. Sends a signed request (to the sandbox, the
//! relay or the provider) and reads the emulator's state. Bodies come back as text; what they
//! mean is [`crate::submit::interpret`]'s business.

use crate::browser;
use crate::submit::Outgoing;
use leptos::prelude::window;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

/// An HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

/// No answer: `fetch` rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoAnswer {
    pub message: String,
    /// A `TypeError`: the network failed or the browser blocked the call (CORS).
    pub type_error: bool,
}

impl NoAnswer {
    fn from_js(e: &JsValue) -> Self {
        NoAnswer { message: browser::error_text(e), type_error: browser::is_type_error(e) }
    }
}

/// Sends `request` and reads the whole answer.
pub async fn send(request: &Outgoing) -> Result<Answer, NoAnswer> {
    let headers = Headers::new().map_err(|e| NoAnswer::from_js(&e))?;
    for (k, v) in &request.headers {
        headers.append(k, v).map_err(|e| NoAnswer::from_js(&e))?;
    }
    let init = RequestInit::new();
    init.set_method(&request.method);
    init.set_headers(&headers);
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(body));
    }
    let req = Request::new_with_str_and_init(&request.url, &init).map_err(|e| NoAnswer::from_js(&e))?;
    fetch_text(&req).await
}

async fn fetch_text(req: &Request) -> Result<Answer, NoAnswer> {
    let value = JsFuture::from(window().fetch_with_request(req)).await.map_err(|e| NoAnswer::from_js(&e))?;
    let response: Response = value.dyn_into().map_err(|e| NoAnswer::from_js(&e))?;
    let text =
        JsFuture::from(response.text().map_err(|e| NoAnswer::from_js(&e))?).await.map_err(|e| NoAnswer::from_js(&e))?;
    Ok(Answer { status: response.status(), body: text.as_string().unwrap_or_default() })
}

/// One image of the emulator (`GET /_emulator/state`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmulatorImage {
    pub provider: String,
    pub image_id: String,
    #[serde(default)]
    pub request_id: String,
    pub status: String,
    pub created_ms: u64,
    pub available_ms: u64,
}

/// The emulator's state: its clock, its images and its world.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmulatorState {
    pub now_ms: u64,
    pub images: Vec<EmulatorImage>,
    #[serde(default)]
    pub world: World,
}

/// An instance or snapshot of the sandbox.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Sample {
    pub id: String,
    /// Region (Zenlayer: zone).
    pub region: String,
    /// The provider's status word, when the sandbox has one.
    #[serde(default)]
    pub status: Option<String>,
    /// The code CreateImage refuses it with; `None` when it makes an image.
    #[serde(default)]
    pub refusal: Option<String>,
}

/// What the sandbox has for one provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Place {
    pub regions: Vec<String>,
    pub instances: Vec<Sample>,
    pub snapshots: Vec<Sample>,
}

/// The sandbox's world (`world` of `GET /_emulator/state`), per provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct World {
    pub aliyun: Place,
    pub tencent: Place,
    pub tencent3: Place,
    pub jdcloud: Place,
    pub zenlayer: Place,
}

impl World {
    pub const fn of(&self, provider: createimage_validator::Provider) -> &Place {
        use createimage_validator::Provider;
        match provider {
            Provider::Aliyun => &self.aliyun,
            Provider::Tencent => &self.tencent,
            Provider::Tencent3 => &self.tencent3,
            Provider::JdCloud => &self.jdcloud,
            Provider::Zenlayer => &self.zenlayer,
        }
    }
}

/// Reads the sandbox emulator's state (called by the code loaded on first use, which carries
/// the reader).
pub async fn emulator_state() -> Result<EmulatorState, NoAnswer> {
    let req = Request::new_with_str("/_emulator/state").map_err(|e| NoAnswer::from_js(&e))?;
    let answer = fetch_text(&req).await?;
    serde_json::from_str(&answer.body)
        .map_err(|e| NoAnswer { message: format!("HTTP {}: {e}", answer.status), type_error: false })
}

/// The sandbox's world: its regions, instances and snapshots.
pub async fn world() -> Result<World, NoAnswer> {
    Ok(emulator_state().await?.world)
}
