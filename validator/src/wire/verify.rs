//! Checking a received request's signature, for the emulator: [`verify`] recomputes it with the
//! secret the caller looked up for [`access_key_id`], under the caller's clock and allowed skew.
//! A [`VerifyError`] carries what a server needs to answer in the provider's own words (the
//! missing parameter, the server's string to sign for Alibaba's `SignatureDoesNotMatch`, the
//! times of an expired request); [`VerifyError::code`] names the documented code where there is one.

use super::encode::Algorithm;
use super::http::HttpRequest;
use super::secret::Secret;
use super::time::{TimeError, Timestamp};
use crate::catalog::Code;
use crate::provider::Provider;
use crate::providers::{aliyun, jdcloud, tencent, tencent3, zenlayer};
use std::fmt;

/// What a verified request was signed with and by whom. Replay protection (a nonce seen
/// before) is the caller's: it keeps the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub access_key_id: String,
    pub algorithm: Algorithm,
    pub timestamp: Timestamp,
    /// Alibaba and JD nonces, Tencent's `Nonce`; Zenlayer signs none.
    pub nonce: Option<String>,
    /// Tencent's `Region`, JD's scope region; Alibaba's region is the `RegionId` request parameter.
    pub region: Option<String>,
}

/// Why a request's signature is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// A method the API does not take.
    Method { method: String },
    /// A parameter or header the algorithm needs is absent.
    Missing { name: String },
    /// Present but unreadable (a timestamp that is no time, an Authorization header of another shape).
    Malformed { name: String, value: String },
    /// A signature method, version or algorithm the provider does not accept.
    UnsupportedAlgorithm { name: String, value: String },
    /// `Action` (or its header) is not CreateImage.
    WrongAction { action: String },
    /// An API version the provider does not serve CreateImage under.
    WrongVersion { version: String },
    /// A value longer than the server keeps (a nonce over [`MAX_NONCE_LEN`]).
    TooLong { name: String, max: usize },
    /// A header the algorithm requires to be signed is not in SignedHeaders.
    Unsigned { header: String },
    /// The declared body hash is not the body's.
    ContentHashMismatch,
    /// JD: the credential scope is not the one this request must carry.
    ScopeMismatch { expected: String, found: String },
    /// The timestamp is further from `now` than `max_skew` seconds.
    Expired { timestamp: Timestamp, now: Timestamp, max_skew: u64 },
    /// The signature is not the one the server computes: `string_to_sign` is the server's, as
    /// Alibaba echoes it in `SignatureDoesNotMatch`.
    SignatureMismatch { string_to_sign: String },
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clip = |s: &str| s.chars().take(80).collect::<String>();
        match self {
            VerifyError::Method { method } => write!(f, "method {:?} is not supported", clip(method)),
            VerifyError::Missing { name } => write!(f, "the request is missing {name}"),
            VerifyError::Malformed { name, value } => write!(f, "{name} {:?} is malformed", clip(value)),
            VerifyError::UnsupportedAlgorithm { name, value } => write!(f, "{name} {:?} is not supported", clip(value)),
            VerifyError::WrongAction { action } => write!(f, "action {:?} is not CreateImage", clip(action)),
            VerifyError::WrongVersion { version } => write!(f, "version {:?} is not supported", clip(version)),
            VerifyError::TooLong { name, max } => write!(f, "{name} is longer than {max} characters"),
            VerifyError::Unsigned { header } => write!(f, "header {header} must be signed"),
            VerifyError::ContentHashMismatch => f.write_str("the declared content hash is not the body's"),
            VerifyError::ScopeMismatch { expected, found } => {
                write!(f, "credential scope {:?} should be {expected:?}", clip(found))
            }
            VerifyError::Expired { timestamp, now, max_skew } => write!(
                f,
                "the request time {timestamp} is {} s from the server time {now}; at most {max_skew} s are allowed",
                timestamp.abs_diff(*now)
            ),
            VerifyError::SignatureMismatch { string_to_sign } => {
                write!(f, "the signature does not match; the server's string to sign is: {string_to_sign}")
            }
        }
    }
}

impl std::error::Error for VerifyError {}

impl VerifyError {
    /// The code `provider` answers this failure with, where its catalog has one that says so:
    /// Alibaba's gateway codes (providers.md B.6), Tencent's 4000 / 4100 / 4200 (C.5), JD's
    /// `UNAUTHENTICATED` for every authentication failure (D.5). `None` where nothing documented
    /// fits (a wrong method or action for Tencent and JD) and for Zenlayer, whose authentication
    /// codes are UNVERIFIED (A.5): none is guessed.
    pub fn code(&self, provider: Provider) -> Option<Code> {
        use VerifyError as E;
        match provider {
            Provider::Aliyun => {
                use aliyun::Code as A;
                let code = match self {
                    E::Method { .. } => A::UnsupportedHTTPMethod,
                    E::Missing { .. } => A::MissingParameter,
                    E::Malformed { name, .. } if name == "Timestamp" || name == "x-acs-date" => A::IllegalTimestamp,
                    E::Malformed { .. } | E::Unsigned { .. } | E::ContentHashMismatch => A::IncompleteSignature,
                    E::UnsupportedAlgorithm { .. } => A::InvalidParamater,
                    E::TooLong { .. } => A::InvalidParameter,
                    E::WrongAction { .. } => A::InvalidActionNotFound,
                    E::WrongVersion { .. } => A::InvalidVersion,
                    E::Expired { .. } => A::InvalidTimeStampExpired,
                    E::SignatureMismatch { .. } => A::SignatureDoesNotMatch,
                    E::ScopeMismatch { .. } => return None,
                };
                Some(Code::Aliyun(code))
            }
            Provider::Tencent => {
                use tencent::Code as T;
                let code = match self {
                    E::Missing { .. } | E::Malformed { .. } | E::UnsupportedAlgorithm { .. } | E::TooLong { .. } => {
                        T::InvalidParameter
                    }
                    E::Expired { .. } => T::RequestExpired,
                    E::SignatureMismatch { .. } => T::AuthFailure,
                    E::Method { .. }
                    | E::WrongAction { .. }
                    | E::WrongVersion { .. }
                    | E::Unsigned { .. }
                    | E::ContentHashMismatch
                    | E::ScopeMismatch { .. } => return None,
                };
                Some(Code::Tencent(code))
            }
            Provider::Tencent3 => {
                use tencent3::Code as T;
                let code = match self {
                    E::Method { .. } => T::UnsupportedProtocol,
                    E::Missing { name } if name.eq_ignore_ascii_case("authorization") => T::InvalidAuthorization,
                    E::Missing { .. } => T::MissingParameter,
                    E::Malformed { name, .. } if name.eq_ignore_ascii_case("authorization") => T::InvalidAuthorization,
                    E::Malformed { .. } | E::TooLong { .. } => T::InvalidParameter,
                    E::UnsupportedAlgorithm { name, .. } if name.eq_ignore_ascii_case("authorization") => {
                        T::InvalidAuthorization
                    }
                    E::UnsupportedAlgorithm { .. } => T::InvalidParameterValue,
                    E::WrongAction { .. } => T::InvalidAction,
                    E::WrongVersion { .. } => T::NoSuchVersion,
                    E::Expired { .. } => T::SignatureExpire,
                    // tencent-api3.md §6: a credential date that is not the timestamp's is
                    // probably a signature failure (unverified); so are unsigned required headers.
                    E::Unsigned { .. }
                    | E::ContentHashMismatch
                    | E::ScopeMismatch { .. }
                    | E::SignatureMismatch { .. } => T::SignatureFailure,
                };
                Some(Code::Tencent3(code))
            }
            Provider::JdCloud => match self {
                E::Method { .. } | E::WrongAction { .. } | E::WrongVersion { .. } => None,
                _ => Some(Code::JdCloud(jdcloud::Code::Unauthenticated)),
            },
            Provider::Zenlayer => None,
        }
    }
}

/// Verifies `request`'s signature as `provider`'s server would, with `secret` at time `now`.
pub fn verify(
    provider: Provider,
    request: &HttpRequest,
    secret: &Secret,
    now: Timestamp,
    max_skew: u64,
) -> Result<Verified, VerifyError> {
    match provider {
        Provider::Aliyun => aliyun::wire::verify(request, secret, now, max_skew),
        Provider::Tencent => tencent::wire::verify(request, secret, now, max_skew),
        Provider::Tencent3 => tencent3::wire::verify(request, secret, now, max_skew),
        Provider::JdCloud => jdcloud::wire::verify(request, secret, now, max_skew),
        Provider::Zenlayer => zenlayer::wire::verify(request, secret, now, max_skew),
    }
}

/// The access key ID a request claims, read before verification so the caller can look up its
/// secret. `None` when the request carries none in the provider's form.
pub fn access_key_id(provider: Provider, request: &HttpRequest) -> Option<String> {
    match provider {
        Provider::Aliyun => aliyun::wire::access_key_id(request),
        Provider::Tencent => tencent::wire::access_key_id(request),
        Provider::Tencent3 => tencent3::wire::access_key_id(request),
        Provider::JdCloud => jdcloud::wire::access_key_id(request),
        Provider::Zenlayer => zenlayer::wire::access_key_id(request),
    }
}

/// The longest nonce accepted (Alibaba's `SignatureNonce`/`x-acs-signature-nonce`, JD's
/// `x-jdcloud-nonce`; Tencent's is a 64-bit integer, 20 digits at most). No provider documents a
/// maximum; their SDKs send a UUID (36 characters) or 32 hex digits, so 128 is generous. A server
/// remembers every nonce for its replay window: the bound keeps what one request can make it keep
/// small. The signer refuses longer ones too.
pub const MAX_NONCE_LEN: usize = 128;

/// `value` when it is a nonce of at most [`MAX_NONCE_LEN`] bytes.
pub(crate) fn bounded_nonce<'a>(name: &str, value: &'a str) -> Result<&'a str, VerifyError> {
    if value.len() > MAX_NONCE_LEN {
        return Err(VerifyError::TooLong { name: name.to_owned(), max: MAX_NONCE_LEN });
    }
    Ok(value)
}

/// `Ok` when `timestamp` is within `max_skew` seconds of `now`, either way.
pub(crate) fn within_skew(timestamp: Timestamp, now: Timestamp, max_skew: u64) -> Result<(), VerifyError> {
    if timestamp.abs_diff(now) > max_skew {
        return Err(VerifyError::Expired { timestamp, now, max_skew });
    }
    Ok(())
}

/// Reads a time with `parse`, or says which parameter is malformed.
pub(crate) fn parse_time(
    name: &str,
    value: &str,
    parse: fn(&str) -> Result<Timestamp, TimeError>,
) -> Result<Timestamp, VerifyError> {
    parse(value).map_err(|_| VerifyError::Malformed { name: name.to_owned(), value: value.to_owned() })
}

/// The value of a required parameter.
pub(crate) fn required<'a>(params: &'a [(String, String)], name: &str) -> Result<&'a str, VerifyError> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .ok_or_else(|| VerifyError::Missing { name: name.to_owned() })
}

/// The value of a required header.
pub(crate) fn required_header<'a>(request: &'a HttpRequest, name: &str) -> Result<&'a str, VerifyError> {
    request.header(name).ok_or_else(|| VerifyError::Missing { name: name.to_owned() })
}

/// The signed headers' `(name, value)` pairs as the request carries them (repeated headers each
/// once; `host` from the URL when there is no Host header).
pub(crate) fn signed_header_values(
    request: &HttpRequest,
    names: &[String],
) -> Result<Vec<(String, String)>, VerifyError> {
    let mut out = Vec::new();
    for name in names {
        let name = name.to_ascii_lowercase();
        let values: Vec<&str> = request.header_values(&name).collect();
        if values.is_empty() {
            match request.header(&name) {
                Some(host) => out.push((name, host.to_owned())),
                None => return Err(VerifyError::Missing { name }),
            }
        } else {
            out.extend(values.into_iter().map(|v| (name.clone(), v.to_owned())));
        }
    }
    Ok(out)
}
