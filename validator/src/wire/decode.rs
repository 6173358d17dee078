//! Reading a CreateImage HTTP request back into the provider's request JSON, in the field
//! tables' naming, for the emulator to validate: the inverse of the encoders. Decoding is
//! lenient where the SDKs differ (extra common parameters and headers, JD's path parameters
//! repeated in the body, `null` for absent values) and strict where the request is not this API.

use super::http::HttpRequest;
use super::percent::{self, PercentError};
use crate::provider::Provider;
use crate::report::ValueType;
use crate::rule::Spec;
use serde_json::{Map, Value};
use std::fmt;

/// Why a request is not a CreateImage request of the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The method this API path does not take.
    Method { method: String },
    /// Not the API's path.
    Path { path: String },
    /// No action named (`Action`, `X-ZC-Action`, `x-acs-action`).
    MissingAction,
    /// Another action than CreateImage.
    WrongAction { action: String },
    /// The query string or form body does not decode.
    Encoding(PercentError),
    /// A parameter named twice.
    RepeatedParameter { name: String },
    /// The JSON body is not UTF-8 JSON.
    BodyNotJson(String),
    /// The JSON body is not an object.
    BodyNotObject(&'static str),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clip = |s: &str| s.chars().take(80).collect::<String>();
        match self {
            DecodeError::Method { method } => write!(f, "method {:?} is not allowed here", clip(method)),
            DecodeError::Path { path } => write!(f, "{:?} is not the CreateImage path", clip(path)),
            DecodeError::MissingAction => f.write_str("the request names no action"),
            DecodeError::WrongAction { action } => write!(f, "action {:?} is not CreateImage", clip(action)),
            DecodeError::Encoding(e) => write!(f, "the parameters do not decode: {e}"),
            DecodeError::RepeatedParameter { name } => write!(f, "parameter {:?} is given more than once", clip(name)),
            DecodeError::BodyNotJson(e) => write!(f, "the body is not JSON: {e}"),
            DecodeError::BodyNotObject(t) => write!(f, "the body is JSON {t}, not an object"),
        }
    }
}

impl std::error::Error for DecodeError {}

impl From<PercentError> for DecodeError {
    fn from(e: PercentError) -> Self {
        DecodeError::Encoding(e)
    }
}

/// Decodes `request` as a CreateImage request of `provider`.
pub fn decode(provider: Provider, request: &HttpRequest) -> Result<Value, DecodeError> {
    use crate::providers::{aliyun, jdcloud, tencent, tencent3, zenlayer};
    match provider {
        Provider::Aliyun => aliyun::wire::decode(request),
        Provider::Tencent => tencent::wire::decode(request),
        Provider::Tencent3 => tencent3::wire::decode(request),
        Provider::JdCloud => jdcloud::wire::decode(request),
        Provider::Zenlayer => zenlayer::wire::decode(request),
    }
}

/// The parameters of a query-string API: the query, then a form body (POST with
/// `application/x-www-form-urlencoded`), decoded, in order.
pub(crate) fn form_params(request: &HttpRequest) -> Result<Vec<(String, String)>, PercentError> {
    let mut params = percent::parse_form(&request.query)?;
    if request.media_type().as_deref() == Some("application/x-www-form-urlencoded") {
        let body = std::str::from_utf8(&request.body).map_err(|_| PercentError::NotUtf8)?;
        params.extend(percent::parse_form(body)?);
    }
    Ok(params)
}

/// Flat parameters as the request JSON of a flat-form table: common parameters and `extra`
/// protocol names dropped, integers of integer fields as numbers, everything else as strings.
pub(crate) fn flat_request(
    spec: &'static Spec,
    params: &[(String, String)],
    extra: &[&str],
) -> Result<Value, DecodeError> {
    let mut out = Map::new();
    for (name, value) in params {
        let field = spec.field(&pattern_of(name));
        if field.is_some_and(|f| f.common) || extra.contains(&name.as_str()) {
            continue;
        }
        let integer = field.is_some_and(|f| f.ty == ValueType::Integer);
        let v = match value.parse::<i64>() {
            Ok(n) if integer && !value.starts_with('+') => Value::from(n),
            _ => Value::String(value.clone()),
        };
        if out.insert(name.clone(), v).is_some() {
            return Err(DecodeError::RepeatedParameter { name: name.clone() });
        }
    }
    Ok(Value::Object(out))
}

/// `Tag.3.Key` → `Tag.N.Key`; other names unchanged.
fn pattern_of(name: &str) -> String {
    let parts: Vec<&str> = name.split('.').collect();
    match parts.as_slice() {
        [group, n, key] if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => format!("{group}.N.{key}"),
        _ => name.to_owned(),
    }
}

/// The JSON object of a JSON body (`{}` for an empty body), `null`s removed at every depth.
pub(crate) fn json_body(request: &HttpRequest) -> Result<Map<String, Value>, DecodeError> {
    if request.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    let value: Value = serde_json::from_slice(&request.body).map_err(|e| DecodeError::BodyNotJson(e.to_string()))?;
    match without_nulls(value) {
        Value::Object(map) => Ok(map),
        other => Err(DecodeError::BodyNotObject(crate::json::serde_type_name(&other))),
    }
}

fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k, without_nulls(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().filter(|v| !v.is_null()).map(without_nulls).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert_eq!(pattern_of("Tag.12.Key"), "Tag.N.Key");
        assert_eq!(pattern_of("Tag.x.Key"), "Tag.x.Key");
        assert_eq!(pattern_of("ImageName"), "ImageName");
    }

    #[test]
    fn nulls_go_at_every_depth() {
        let v = serde_json::json!({"a": null, "b": [null, {"c": null, "d": 1}]});
        assert_eq!(without_nulls(v), serde_json::json!({"b": [{"d": 1}]}));
    }
}
