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

pub mod base64_text;
pub mod catalog;
pub mod charset;
pub mod code;
pub mod field;
pub mod findings;
pub mod json;
pub mod message;
pub mod meta;
pub mod order;
pub mod provider;
pub mod providers;
pub mod registration;
pub mod report;
pub mod request;
pub mod rule;
pub mod schema;
pub mod suggest;
pub mod text;
pub mod valid;
pub mod validate;
pub mod wire;

pub use catalog::{Code, Entry, ErrorCode, Lang, Text};
pub use provider::{Provider, UnknownProvider};
pub use registration::{Registration, registry};
pub use report::{Issue, IssueKind, LengthUnit, Options, Report, Severity, ValueType};
pub use valid::{Rejected, Valid, checked, checked_json, send_anyway};
pub use validate::{InputError, validate_json, validate_value};

pub use field::{FieldError, validate_field};
pub use meta::{FieldRule, ProviderInfo, rules};
pub use schema::json_schema;
