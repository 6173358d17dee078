//! The few browser facilities the console needs besides the network and storage: the clock,
//! random bytes, a timer, the clipboard, focus, the page title and language, and the page's
//! origin. Thin wrappers over `web_sys`, no logic.

use crate::submit::Origin;
use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Seconds since the Unix epoch.
pub fn now_seconds() -> u64 {
    (now_ms() / 1000.0) as u64
}

/// 16 bytes from `crypto.getRandomValues`, or why the browser gave none.
pub fn random16() -> Result<[u8; 16], String> {
    let mut bytes = [0u8; 16];
    let crypto = window().crypto().map_err(|e| error_text(&e))?;
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(|e| error_text(&e))?;
    Ok(bytes)
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Copies `text` to the clipboard; false when the browser refused.
pub async fn copy(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Focuses the element `id` (after the page has rendered) and scrolls it into view.
pub fn focus_later(id: String) {
    leptos::prelude::set_timeout(move || focus(&id), std::time::Duration::ZERO);
}

/// Focuses the element `id` now.
pub fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// After a submission: focuses the answer's first line (so it is read once, where the user now
/// is) and brings the answer into view.
pub fn focus_answer() {
    leptos::prelude::set_timeout(
        || {
            let lead = document().query_selector("#result .lead").ok().flatten();
            if let Some(el) = lead.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Start);
                if let Some(result) = document().get_element_by_id("result") {
                    result.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        },
        std::time::Duration::ZERO,
    );
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

pub fn set_html_lang(lang: &str) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang);
    }
}

/// The page's scheme and `host:port`.
pub fn origin() -> Origin {
    let location = window().location();
    let scheme = location.protocol().unwrap_or_else(|_| "http:".into());
    Origin { scheme: scheme.trim_end_matches(':').to_owned(), host: location.host().unwrap_or_default() }
}

/// A local time in the page's language, in a form no reader can take for another date (the
/// month in words): `7 Dec 2026, 09:05:03`, `2026年12月7日 09:05:03`.
pub fn local_time(ms: f64, lang: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    let locale = if lang == "zh" { "zh-CN" } else { "en-GB" };
    let options = js_sys::Object::new();
    for key in ["dateStyle", "timeStyle"] {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str("medium"));
    }
    String::from(date.to_locale_string(locale, &options))
}

/// The message of a rejected promise (a `TypeError` from `fetch`, say).
pub fn error_text(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        let name = String::from(err.name());
        let message = String::from(err.message());
        return format!("{name}: {message}");
    }
    e.as_string().unwrap_or_else(|| "unknown error".to_owned())
}

/// Whether a rejection is a `TypeError` (what `fetch` rejects with on network and CORS failures).
pub fn is_type_error(e: &JsValue) -> bool {
    e.dyn_ref::<js_sys::TypeError>().is_some()
}
