//! # createimage-validator
//!
//! Every rule, limit and error code of the CreateImage APIs of Alibaba Cloud ECS, Tencent Cloud
//! CVM (legacy API v2), JD Cloud VM and Zenlayer Cloud VM, encoded once, as data. Pure Rust with
//! no I/O, clock or randomness: the same verdicts natively (CLI, emulator) and in WebAssembly
//! (console, JS package).
//!
//! ```
//! use createimage_validator::{validate_json, Options, Provider};
//!
//! let report = validate_json(
//!     Provider::Zenlayer,
//!     br#"{"instanceId":"1234567654321","imageName":"web-01"}"#,
//!     Options::default(),
//! )
//! .unwrap();
//! assert!(report.valid);
//!
//! let report = validate_json(Provider::Tencent, br#"{"instanceId":"ins-1","imageName":"a_b"}"#, Options::default()).unwrap();
//! assert_eq!(report.issues[0].field, "imageName");
//! assert_eq!(report.issues[0].code.as_str(), "4000");
//! ```
//!
//! The public surface is what the CLI, the emulator, the console and the npm package's facade use:
//! the items re-exported here, and the modules `catalog`, `code`, `meta`, `schema`,
//! `registration`, `providers` (each provider's codes, catalog and wire format) `report` and
//! `wire`. `compact` holds the size workarounds (docs/size.md). A provider's rule table is
//! reachable as [`Spec`] (from [`Provider::spec`] or its [`Registration`]) to read its fields; the
//! vocabulary of its checks, the interpreter and the parsed form of a request stay inside, except
//! [`Request`]: the values of a request as the rule table types them, which the emulator's
//! business rules read. `testing` is for this crate's own integration tests only.

pub mod catalog;
mod charset;
pub mod code;
pub mod compact;
mod field;
mod findings;
mod message;
pub mod meta;
mod provider;
pub mod providers;
pub mod registration;
pub mod report;
mod request;
mod rule;
pub mod schema;
mod suggest;
mod text;
mod valid;
mod validate;
pub mod wire;

// The JSON value the facade, the emulator and the console hand to the validator (a size
// workaround, see compact).
pub use compact::json;

pub use catalog::{Entry, ErrorCode, KnownCode, Lang, Text};
pub use provider::{Provider, UnknownProvider};
pub use registration::{Registration, registry};
pub use report::{Issue, IssueKind, LengthUnit, Options, Report, Severity, ValueType};
pub use request::{Request, Scalar};
pub use rule::{Field, Spec};
pub use valid::{Rejected, Signable, checked, checked_json, send_anyway};
pub use validate::{InputError, validate_json, validate_value};

pub use field::{FieldError, validate_field, validate_field_parsed};
pub use meta::{FieldRule, ProviderInfo, rules};
pub use schema::json_schema;

/// What the integration tests (`tests/all`) walk besides the public surface: every table's checks
/// and cross-field rules, and the character classes. Not API.
#[doc(hidden)]
pub mod testing {
    pub use crate::charset::is_han;
    pub use crate::rule::{Check, Cross, parent_of};
}
