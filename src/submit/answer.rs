//! Reading the provider's answer: what came of a submission, with the catalog's meaning and fix,
//! and the string-to-sign comparison of Alibaba's `SignatureDoesNotMatch`.

use super::NotSent;
use crate::model::Mode;
use createimage_validator::catalog::{ErrorCode, Text};
use createimage_validator::wire::ApiResponse;
use createimage_validator::{Provider, wire};
use serde_json::Value;

/// What came of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Created(Success),
    Failed(Box<Failure>),
    /// An answer that is not the provider's envelope (an HTML page, a relay refusal …).
    Unreadable {
        http_status: u16,
        reason: String,
        raw: String,
    },
    /// No answer at all: `fetch` rejected (network, CORS).
    Network {
        /// The browser's own words (`TypeError: Failed to fetch`).
        message: String,
        mode: Mode,
        /// The `host:port` that did not answer: createimage serve's, or the provider's in Direct mode.
        host: String,
    },
    NotSent(NotSent),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Success {
    pub request_id: String,
    /// `None` for Tencent's legacy API.
    pub image_id: Option<String>,
    pub http_status: u16,
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: String,
    /// Whether createimage's catalog knows the code.
    pub known: bool,
    pub http_status: u16,
    pub message: String,
    pub request_id: Option<String>,
    pub meaning: Option<Text>,
    pub fix: Option<Text>,
    pub recommend: Option<String>,
    pub raw: String,
    /// Alibaba `SignatureDoesNotMatch`: our string to sign and the server's.
    pub string_to_sign: Option<Comparison>,
}

/// Two strings to sign and where they first differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub ours: String,
    pub server: String,
    /// Byte offset of the first difference (a character boundary in both); `None` when equal.
    pub at: Option<usize>,
}

/// Reads the provider's answer. `ours` is the string to sign we signed (for the comparison).
pub fn interpret(provider: Provider, http_status: u16, body: &str, ours: Option<&str>) -> Outcome {
    match wire::parse_response(provider, http_status, body.as_bytes()) {
        Ok(ApiResponse::Created(c)) => Outcome::Created(Success {
            request_id: c.request_id,
            image_id: c.image_id,
            http_status,
            raw: body.to_owned(),
        }),
        Ok(ApiResponse::Failed(e)) => {
            let entry = e.entries().into_iter().next();
            let string_to_sign = match (ours, e.server_string_to_sign()) {
                (Some(ours), Some(server)) => Some(Comparison {
                    ours: ours.to_owned(),
                    server: server.to_owned(),
                    at: first_difference(ours, server),
                }),
                _ => None,
            };
            Outcome::Failed(Box::new(Failure {
                code: e.code.as_str().to_owned(),
                known: matches!(e.code, ErrorCode::Known(_)),
                http_status,
                message: e.message.clone(),
                request_id: e.request_id.clone(),
                meaning: entry.map(|r| r.meaning),
                fix: entry.map(|r| r.fix),
                recommend: e.recommend.clone(),
                raw: body.to_owned(),
                string_to_sign,
            }))
        }
        Err(e) => {
            let reason = relay_message(body).unwrap_or_else(|| e.to_string());
            Outcome::Unreadable { http_status, reason, raw: body.to_owned() }
        }
    }
}

/// The message of `createimage serve`'s own relay answer (`{"error":"relay …","message":…}`):
/// a refused host or origin, an unreachable provider.
pub fn relay_message(body: &str) -> Option<String> {
    let value: Value = serde_json::from_str(body).ok()?;
    let error = value.get("error")?.as_str()?;
    let message = value.get("message")?.as_str()?;
    error.starts_with("relay").then(|| format!("{error}: {message}"))
}

/// The byte offset where `a` and `b` first differ, at a character boundary of both; `None`
/// when they are equal.
pub fn first_difference(a: &str, b: &str) -> Option<usize> {
    let mut at = 0;
    let mut bs = b.chars();
    for ca in a.chars() {
        match bs.next() {
            Some(cb) if cb == ca => at += ca.len_utf8(),
            _ => return Some(at),
        }
    }
    if bs.next().is_some() { Some(at) } else { None }
}

/// `text` cut around `at`: before, the first differing character, after.
pub fn split_at_difference(text: &str, at: usize) -> (&str, &str, &str) {
    let at = at.min(text.len());
    let (before, rest) = text.split_at(at);
    let len = rest.chars().next().map_or(0, char::len_utf8);
    (before, &rest[..len], &rest[len..])
}
