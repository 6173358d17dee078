//! The wasm-bindgen facade of the npm package `createimage-validator` (feature `js`): parse the
//! arguments, call the crate, serialize the answer; nothing else.
//!
//! JSON text crosses the boundary both ways. A request object is turned into text by the engine's
//! own `JSON.stringify` and parsed by `validate_json`, exactly as `createimage check` parses a
//! file; answers are serialized by serde_json (the bytes `check --json` prints) and become plain
//! objects through `JSON.parse`. Why not `serde_wasm_bindgen`: a report may carry an integer
//! beyond 2^53 (JD's iops `OutOfRange { max: i64::MAX }`, or the echo of a huge number), which its
//! `json_compatible()` serializer refuses with an error, where `JSON.parse` rounds it as any JS
//! number would (`validateJson` keeps the exact text); and one string each way costs one boundary
//! crossing instead of one per property.

use crate::catalog;
use crate::field::validate_field;
use crate::meta;
use crate::provider::Provider;
use crate::report::Options;
use crate::schema::json_schema;
use crate::validate::validate_json;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

fn provider(name: &str) -> Result<Provider, JsValue> {
    name.parse().map_err(|e: crate::provider::UnknownProvider| error(e.to_string()))
}

/// A value's JSON text (`JSON.stringify`); `None` for `undefined`. Throws what `JSON.stringify`
/// throws (a `TypeError` for a cycle or a `BigInt`).
fn stringify(value: &JsValue) -> Result<Option<String>, JsValue> {
    if value.is_undefined() {
        return Ok(None);
    }
    Ok(js_sys::JSON::stringify(value)?.as_string())
}

/// A request: JSON text read as `createimage check` reads a file (a leading byte-order mark
/// skipped, blank text refused), anything else through `JSON.stringify`.
fn request_text(request: &JsValue) -> Result<String, JsValue> {
    match request.as_string() {
        Some(text) => json_text(text),
        None => stringify(request)?
            .ok_or_else(|| error("the request must be a JSON object (or its JSON text), not undefined")),
    }
}

fn json_text(text: String) -> Result<String, JsValue> {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.bytes().all(|b| b.is_ascii_whitespace()) {
        return Err(error("empty input: expected a JSON object"));
    }
    Ok(text)
}

/// `{lang?: "en" | "zh", strict?: boolean}`, read member by member: a derived `Deserialize`
/// would link float formatting for its error messages (14 KB of wasm).
fn options(value: &JsValue) -> Result<Options, JsValue> {
    let mut o = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(o);
    }
    if !value.is_object() {
        return Err(error("invalid options: expected an object like {lang: \"zh\", strict: true}"));
    }
    let lang = js_sys::Reflect::get(value, &JsValue::from_str("lang"))?;
    if !lang.is_undefined() {
        let text = lang.as_string().ok_or_else(|| error("invalid options: lang must be \"en\" or \"zh\""))?;
        o.lang = text.parse().map_err(|e: String| error(format!("invalid options: {e}")))?;
    }
    let strict = js_sys::Reflect::get(value, &JsValue::from_str("strict"))?;
    if !strict.is_undefined() {
        o.strict = strict.as_bool().ok_or_else(|| error("invalid options: strict must be true or false"))?;
    }
    Ok(o)
}

/// A plain JS object with the JSON shape of `value`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| error(e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// `validate(provider, request, options?)`: the report `createimage check --json` prints.
#[wasm_bindgen]
pub fn validate(provider_name: &str, request: JsValue, options_value: JsValue) -> Result<JsValue, JsValue> {
    let (p, o) = (provider(provider_name)?, options(&options_value)?);
    let report = validate_json(p, request_text(&request)?.as_bytes(), o).map_err(|e| error(e.to_string()))?;
    to_js(&report)
}

/// `validateJson(provider, json, options?)`: JSON text in, the exact bytes of `check --json` out.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json_text(provider_name: &str, json: String, options_value: JsValue) -> Result<String, JsValue> {
    let (p, o) = (provider(provider_name)?, options(&options_value)?);
    let json = json_text(json)?;
    validate_json(p, json.as_bytes(), o).map(|r| r.to_json()).map_err(|e| error(e.to_string()))
}

/// `validateField(provider, field, value, request?, options?)`: the issues of one field.
#[wasm_bindgen(js_name = validateField)]
pub fn validate_one_field(
    provider_name: &str,
    field: &str,
    value: JsValue,
    request: JsValue,
    options_value: JsValue,
) -> Result<JsValue, JsValue> {
    let (p, o) = (provider(provider_name)?, options(&options_value)?);
    let value: Value = match stringify(&value)? {
        Some(text) => serde_json::from_slice(text.as_bytes()).map_err(|e| error(e.to_string()))?,
        None => Value::Null,
    };
    let request: Option<Value> = if request.is_undefined() || request.is_null() {
        None
    } else {
        let text = request_text(&request)?;
        Some(serde_json::from_slice(text.as_bytes()).map_err(|e| error(format!("not valid JSON: {e}")))?)
    };
    let issues = validate_field(p, field, &value, request.as_ref(), o).map_err(|e| error(e.to_string()))?;
    to_js(&issues)
}

/// `explain(provider, code, message?)`: the catalog rows of a code a server answered.
#[wasm_bindgen]
pub fn explain(provider_name: &str, code: &str, message: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&meta::explain(provider(provider_name)?, code, message.as_deref()))
}

/// `catalog(provider)`: every row of the provider's error catalog.
#[wasm_bindgen]
pub fn catalog(provider_name: &str) -> Result<JsValue, JsValue> {
    to_js(catalog::entries(provider(provider_name)?))
}

/// `providers()`: every provider.
#[wasm_bindgen]
pub fn providers() -> Result<JsValue, JsValue> {
    to_js(&meta::providers())
}

/// `rules(provider)`: field metadata to build forms from.
#[wasm_bindgen]
pub fn rules(provider_name: &str) -> Result<JsValue, JsValue> {
    to_js(&meta::rules(provider(provider_name)?))
}

/// `jsonSchema(provider)`: the request's JSON Schema (2020-12).
#[wasm_bindgen(js_name = jsonSchema)]
pub fn schema(provider_name: &str) -> Result<JsValue, JsValue> {
    to_js(&json_schema(provider(provider_name)?))
}
