//! What both modules of the npm package export: validate, validateJson, validateField, providers
//! (all that `createimage-validator/validate` has).

use super::{error, provider};
use createimage_validator::json::{self, Value};
use createimage_validator::{Options, Report, meta, validate_field_parsed, validate_json};
use wasm_bindgen::prelude::*;

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
/// would link float formatting for its error messages (docs/size.md).
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

/// `validate(provider, request, options?)`: the report `createimage check --json` prints.
#[wasm_bindgen]
pub fn validate(provider_name: &str, request: JsValue, options_value: JsValue) -> Result<JsValue, JsValue> {
    let (p, o) = (provider(provider_name)?, options(&options_value)?);
    let report = validate_json(p, request_text(&request)?.as_bytes(), o).map_err(|e| error(e.to_string()))?;
    js_sys::JSON::parse(&report.to_json())
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
    let value_text = stringify(&value)?;
    let value = match &value_text {
        Some(text) => json::parse(text.as_bytes()).map_err(|e| error(e.to_string()))?,
        None => Value::Null,
    };
    let request_text = if request.is_undefined() || request.is_null() { None } else { Some(request_text(&request)?) };
    let request = match &request_text {
        Some(text) => Some(json::parse(text.as_bytes()).map_err(|e| error(format!("not valid JSON: {e}")))?),
        None => None,
    };
    let issues = validate_field_parsed(p, field, &value, request.as_ref(), o).map_err(|e| error(e.to_string()))?;
    js_sys::JSON::parse(&Report::issues_json(&issues))
}

/// `providers()`: every provider.
#[wasm_bindgen]
pub fn providers() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&meta::providers_json())
}
