//! The console's plain data and the logic on it, with no view and no browser call: the form
//! model (what was typed, per provider, and the request JSON it makes), field paths and element
//! ids, endpoints, keys, the draft and the history as they are stored.
//!
//! Forms are generated from the validator's rule metadata ([`table`]): nothing here restates a
//! label, a limit or an allowed value.
//!
//! One module per thing held: [`table`] (the rule tables as the forms read them), [`path`] (where a
//! value lives, issue paths, element ids), [`form`] (what was typed, and the request it makes),
//! [`touched`], [`endpoint`], [`keys`], [`draft`], [`history`], [`follow`].

use crate::dict::Dict;
use createimage_validator::meta::FieldRule;
pub use createimage_validator::registration::Offer;
use createimage_validator::{Provider, ValueType, meta, providers, request, rules};
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;
use std::sync::OnceLock;

mod draft;
mod endpoint;
mod follow;
mod form;
mod history;
mod keys;
mod path;
mod table;
mod touched;

pub use draft::*;
pub use endpoint::*;
pub use follow::*;
pub use form::*;
pub use history::*;
pub use keys::*;
pub use path::*;
pub use table::*;
pub use touched::*;

#[cfg(test)]
mod tests;
