//! The wire: each provider's CreateImage as an HTTP request, signed, and back (providers.md
//! A–D). Pure like the rest of the crate: the caller passes the time, the nonce and the
//! credentials, so the same code signs in the browser console (WebAssembly) and verifies in the
//! emulator (native).
//!
//! - [`encode()`]: a [`Signable`](crate::valid::Signable) request → a [`Signed`] [`HttpRequest`], with every
//!   signing stage ([`Stages`]) and a [`Redacted`] preview.
//! - [`decode()`]: an [`HttpRequest`] → the provider's request JSON, for validation.
//! - [`verify()`]: an [`HttpRequest`] + the secret + the clock → [`Verified`] or a [`VerifyError`]
//!   carrying what the provider would answer.
//! - [`parse_response()`]: a provider's answer → [`ApiResponse`] (image ID, or a catalog-typed error).
//!
//! Shared pieces: [`http`] (the request value), [`percent`] (RFC 3986), [`secret`] (credentials
//! whose secret never prints), [`time`] (timestamps and their spellings), [`hash`], [`xml`]
//! (Alibaba's XML envelope). The signature algorithms, each callable on raw parameters (the
//! official vectors use them), are in [`algorithms`]; each provider's `wire.rs` puts them to work.
//!
//! ```
//! use createimage_validator::wire::{self, Credentials, SignOptions, Timestamp};
//! use createimage_validator::{Options, Provider, checked};
//! use serde_json::json;
//!
//! let request = json!({"instanceId": "1234567654321", "imageName": "web-01"});
//! let valid = checked(Provider::Zenlayer, &request, Options::default()).unwrap();
//! let credentials = Credentials::new("AKID", "the-password");
//! let time = Timestamp::from_unix(1_700_000_000).unwrap();
//! let signed = wire::encode(&valid, &credentials, &SignOptions::new(time, "unused")).unwrap();
//! assert_eq!(signed.request.url(), "https://console.zenlayer.com/api/v2/vm");
//! assert_eq!(signed.request.body, br#"{"instanceId":"1234567654321","imageName":"web-01"}"#);
//! assert!(signed.redacted().to_string().contains("Signature=<redacted>"));
//!
//! let ok = wire::verify(Provider::Zenlayer, &signed.request, &credentials.secret, time, 300).unwrap();
//! assert_eq!(ok.access_key_id, "AKID");
//! assert_eq!(wire::decode(Provider::Zenlayer, &signed.request).unwrap(), request);
//! ```

pub mod algorithms;
pub mod decode;
pub mod encode;
pub mod hash;
pub mod http;
pub mod percent;
pub mod response;
pub mod secret;
pub mod time;
pub mod verify;
pub mod xml;

pub use decode::{DecodeError, decode};
pub use encode::{
    Algorithm, EncodeError, NonceProblem, Redacted, SignOptions, Signed, Stages, Step, UnknownAlgorithm, encode,
    uuid_v4,
};
pub use http::{Endpoint, EndpointError, HttpRequest, Method};
pub use response::{ApiError, ApiResponse, Created, ResponseError, parse_response};
pub use secret::{Credentials, Secret};
pub use time::{TimeError, Timestamp};
pub use verify::{Verified, VerifyError, access_key_id, verify};
