//! Signing a request for an endpoint: what `fetch` sends, the time and nonce of a signature, the
//! ClientToken kept for a retry of the same request.

use crate::model::{Keys, Mode};
use createimage_validator::registration::NonceKind;
use createimage_validator::wire::{Credentials, Endpoint, HttpRequest, SignOptions, Signed, Timestamp};
use createimage_validator::{Options, Provider, checked, send_anyway, wire};
use serde_json::Value;

/// The page's own origin, where the sandbox is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// `http` or `https` (without the colon).
    pub scheme: String,
    /// `host:port`.
    pub host: String,
}

/// What `fetch` sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// `None` for a GET.
    pub body: Option<String>,
}

/// A signed request, ready to go.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub signed: Signed,
    pub outgoing: Outgoing,
    /// How many errors "send anyway" overrode.
    pub overridden: usize,
}

/// Why nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotSent {
    /// The access key ID or the secret is empty.
    NoKeys,
    /// The request has errors (and "send anyway" was not chosen).
    Invalid,
    /// The signer refused (its message).
    Sign(String),
    /// The signing code could not be fetched (the network); the next try fetches it again.
    NotLoaded,
}

/// The time, nonce and ClientToken of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeAndNonce {
    pub unix_seconds: u64,
    pub nonce: String,
}

/// Signs `request` for `provider` with `keys`, for the endpoint `mode` (the sandbox at `origin`;
/// Relay and Direct sign for the provider's real host, which the signature covers).
pub fn prepare(
    provider: Provider,
    request: &Value,
    keys: &Keys,
    mode: Mode,
    origin: &Origin,
    fresh: &TimeAndNonce,
    anyway: bool,
) -> Result<Prepared, NotSent> {
    if !keys.is_complete() {
        return Err(NotSent::NoKeys);
    }
    let options = Options::default();
    let valid = if anyway {
        send_anyway(provider, request, options).map_err(|e| NotSent::Sign(e.to_string()))?
    } else {
        checked(provider, request, options).map_err(|_| NotSent::Invalid)?
    };
    let overridden = valid.report().errors().count();
    let credentials = Credentials::new(keys.access_key_id.trim(), keys.secret.as_str());
    let timestamp = Timestamp::from_unix(fresh.unix_seconds).ok_or_else(|| NotSent::Sign("clock".into()))?;
    let mut options = SignOptions::new(timestamp, fresh.nonce.clone());
    options.endpoint = match mode {
        Mode::Sandbox => Some(Endpoint { scheme: origin.scheme.clone(), host: origin.host.clone() }),
        Mode::Relay | Mode::Direct => None,
    };
    let signed = wire::encode(&valid, &credentials, &options).map_err(|e| NotSent::Sign(e.to_string()))?;
    let outgoing = outgoing(provider, mode, &signed.request);
    Ok(Prepared { signed, outgoing, overridden })
}

/// The `fetch` of a signed request: the sandbox and Direct at the request's own URL, Relay at
/// `/relay/{provider}/{host}{path}?{query}` with the same method, headers and body.
pub fn outgoing(provider: Provider, mode: Mode, request: &HttpRequest) -> Outgoing {
    let url = match mode {
        Mode::Sandbox | Mode::Direct => request.url(),
        Mode::Relay => {
            let mut url = format!("/relay/{}/{}{}", provider.as_str(), request.host, request.path);
            if !request.query.is_empty() {
                url.push('?');
                url.push_str(&request.query);
            }
            url
        }
    };
    let body = (!request.body.is_empty()).then(|| String::from_utf8_lossy(&request.body).into_owned());
    Outgoing { method: request.method.clone(), url, headers: request.headers.clone(), body }
}

/// A nonce of the kind `provider`'s signature takes (none when it takes none).
pub fn nonce(provider: Provider, random: [u8; 16]) -> String {
    match provider.wire().nonce {
        NonceKind::PositiveInteger => {
            let n = u32::from_le_bytes([random[0], random[1], random[2], random[3]]);
            n.max(1).to_string()
        }
        NonceKind::Uuid => wire::uuid_v4(random),
        NonceKind::None => String::new(),
    }
}

/// The ClientToken of the last attempt, kept for a retry of the same request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retry {
    /// The request (without its ClientToken) and endpoint it was made for.
    pub fingerprint: String,
    pub token: String,
}

/// What identifies "the same request" for a retry: provider, endpoint and parameters.
pub fn fingerprint(provider: Provider, mode: Mode, request: &Value) -> String {
    format!("{}\n{}\n{}", provider.as_str(), mode.as_str(), request)
}

/// The ClientToken for a request with `fingerprint`: the pending one if it was made for the same
/// request, else `fresh`. Returns the token and what to keep pending.
pub fn client_token(pending: Option<&Retry>, fingerprint: &str, fresh: String) -> Retry {
    match pending {
        Some(r) if r.fingerprint == fingerprint => r.clone(),
        _ => Retry { fingerprint: fingerprint.to_owned(), token: fresh },
    }
}

/// `request` with `field` set to `token` unless the user gave one.
pub fn with_token(request: &Value, field: &str, token: &str) -> Value {
    let mut out = request.clone();
    if let Value::Object(map) = &mut out {
        map.entry(field.to_owned()).or_insert_with(|| Value::String(token.to_owned()));
    }
    out
}
