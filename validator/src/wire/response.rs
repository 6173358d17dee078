//! Reading a provider's answer to CreateImage: success is a request ID and (except Tencent's
//! legacy API, which answers a task ID only) the new image ID; failure is the provider's code
//! and message, typed through its catalog ([`ErrorCode::Known`]) or kept verbatim
//! ([`ErrorCode::Unknown`]) so a code no table knows still shows. Envelopes: Alibaba JSON and
//! XML, Tencent `code ≠ 0`, JD `error{code,status,message}`, Zenlayer `{requestId,code,message}`.

use crate::catalog::{self, Entry, ErrorCode};
use crate::provider::Provider;
use crate::providers::{aliyun, jdcloud, tencent, tencent3, zenlayer};
use serde_json::Value;
use std::fmt;

/// What the provider answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiResponse {
    Created(Created),
    Failed(ApiError),
}

/// A successful CreateImage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    /// Tencent's legacy API answers an integer task ID here; it is kept as its decimal text.
    pub request_id: String,
    /// `None` for Tencent's legacy API, whose answer carries no image ID (seed 003, Output Parameters).
    pub image_id: Option<String>,
}

/// A failed CreateImage, in the provider's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub provider: Provider,
    /// The HTTP status of the response (Tencent answers errors with 200).
    pub http_status: u16,
    pub request_id: Option<String>,
    pub code: ErrorCode,
    pub message: String,
    /// Alibaba's `Recommend` link to its error center, when sent.
    pub recommend: Option<String>,
}

impl ApiError {
    /// The string to sign the server says it computed, when this is its answer to a signature that
    /// does not match and its message carries one (Alibaba's `SignatureDoesNotMatch`).
    pub fn server_string_to_sign(&self) -> Option<&str> {
        let echo = self.provider.wire().signature_echo?;
        match self.code {
            ErrorCode::Known(code) if code == echo.code => echo.server_string_to_sign(&self.message),
            _ => None,
        }
    }

    /// The catalog rows for this code, the row whose message matches best first; empty for an
    /// unknown code.
    pub fn entries(&self) -> Vec<&'static Entry> {
        match &self.code {
            ErrorCode::Known(c) => catalog::lookup(self.provider, c.as_str(), Some(&self.message)),
            ErrorCode::Unknown(_) => Vec::new(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known = if matches!(self.code, ErrorCode::Unknown(_)) { " (not in createimage's catalog)" } else { "" };
        write!(f, "{} {}{known}: {}", self.http_status, self.code.as_str(), self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " [request {id}]")?;
        }
        Ok(())
    }
}

/// A response that is not the provider's envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseError {
    /// Not JSON (or XML, for Alibaba) at all: an HTML error page, a proxy's answer …
    NotEnvelope { http_status: u16, reason: String },
    /// JSON (or XML) without the fields of either envelope.
    Unexpected { http_status: u16, reason: &'static str },
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::NotEnvelope { http_status, reason } => {
                write!(f, "HTTP {http_status}: the body is not the provider's response envelope ({reason})")
            }
            ResponseError::Unexpected { http_status, reason } => write!(f, "HTTP {http_status}: {reason}"),
        }
    }
}

impl std::error::Error for ResponseError {}

/// Reads `provider`'s answer: the HTTP status and the body.
pub fn parse_response(provider: Provider, http_status: u16, body: &[u8]) -> Result<ApiResponse, ResponseError> {
    match provider {
        Provider::Aliyun => aliyun::wire::parse_response(http_status, body),
        Provider::Tencent => tencent::wire::parse_response(http_status, body),
        Provider::Tencent3 => tencent3::wire::parse_response(http_status, body),
        Provider::JdCloud => jdcloud::wire::parse_response(http_status, body),
        Provider::Zenlayer => zenlayer::wire::parse_response(http_status, body),
    }
}

/// The body as a JSON object.
pub(crate) fn json_object(http_status: u16, body: &[u8]) -> Result<serde_json::Map<String, Value>, ResponseError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ResponseError::Unexpected { http_status, reason: "the JSON body is not an object" }),
        Err(e) => Err(ResponseError::NotEnvelope { http_status, reason: e.to_string() }),
    }
}

/// A string member, or a number member as its decimal text.
pub(crate) fn text(map: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
