//! The network: the one module that calls `fetch`. Sends a signed request (to the sandbox, the
//! relay or the provider) and reads the emulator's state. Bodies come back as text; what they
//! mean is [`crate::submit::interpret`]'s business.

use crate::submit::Outgoing;
use gloo_net::http::{Method, RequestBuilder};
use serde::Deserialize;

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

impl From<gloo_net::Error> for NoAnswer {
    fn from(e: gloo_net::Error) -> Self {
        let type_error = matches!(&e, gloo_net::Error::JsError(js) if js.name == "TypeError");
        // `name: message`, as the browser writes a rejection (`TypeError: Failed to fetch`).
        NoAnswer { message: e.to_string(), type_error }
    }
}

/// Sends `request` and reads the whole answer.
pub async fn send(request: &Outgoing) -> Result<Answer, NoAnswer> {
    let method = Method::from_bytes(request.method.as_bytes())
        .map_err(|e| NoAnswer { message: format!("{}: {e}", request.method), type_error: false })?;
    let builder =
        request.headers.iter().fold(RequestBuilder::new(&request.url).method(method), |b, (k, v)| b.header(k, v));
    let req = match &request.body {
        Some(body) => builder.body(body.as_str())?,
        None => builder.build()?,
    };
    read(req.send().await?).await
}

async fn read(response: gloo_net::http::Response) -> Result<Answer, NoAnswer> {
    Ok(Answer { status: response.status(), body: response.text().await? })
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
    let answer = read(RequestBuilder::new("/_emulator/state").send().await?).await?;
    serde_json::from_str(&answer.body)
        .map_err(|e| NoAnswer { message: format!("HTTP {}: {e}", answer.status), type_error: false })
}

/// The sandbox's world: its regions, instances and snapshots.
pub async fn world() -> Result<World, NoAnswer> {
    Ok(emulator_state().await?.world)
}
