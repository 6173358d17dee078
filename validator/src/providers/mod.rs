//! The registry: one folder per provider, each with its request table and its
//! [`Registration`](crate::registration::Registration) (`mod.rs`), its error codes (`codes.rs`),
//! its error catalog (`catalog.rs`) and its wire format (`wire.rs`); and, below, the one `match`
//! from a [`Provider`] to its registration, with the accessors and names built on it.

pub mod aliyun;
pub mod jdcloud;
pub mod tencent;
pub mod tencent3;
pub mod zenlayer;

use crate::catalog::{Entry, Row};
use crate::provider::{Provider, UnknownProvider};
use crate::registration::{Console, Emulator, Registration, Wire};
use crate::rule::Spec;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The rule set of `provider`.
pub(crate) fn spec(provider: Provider) -> &'static Spec {
    provider.spec()
}

/// The one `match` from a provider to its registration: `registered!(p)` is the whole of it,
/// `registered!(p, wire)` one field.
///
/// Each registration is a `const`, so a field read here is that field's value, known when the
/// crate is compiled: a build that reads only some fields (the npm package's validate module, the
/// console's first load) carries only those, not every provider's hosts, status words and catalog
/// text. (With `static`s and a `match` returning the whole, LLVM builds a table of addresses into
/// them and keeps all of it, the catalog's text included: docs/size.md says what that cost.)
macro_rules! registered {
    ($provider:expr) => {
        match $provider {
            Provider::Aliyun => &aliyun::REGISTRATION,
            Provider::Tencent => &tencent::REGISTRATION,
            Provider::Tencent3 => &tencent3::REGISTRATION,
            Provider::JdCloud => &jdcloud::REGISTRATION,
            Provider::Zenlayer => &zenlayer::REGISTRATION,
        }
    };
    ($provider:expr, $field:ident) => {
        match $provider {
            Provider::Aliyun => aliyun::REGISTRATION.$field,
            Provider::Tencent => tencent::REGISTRATION.$field,
            Provider::Tencent3 => tencent3::REGISTRATION.$field,
            Provider::JdCloud => jdcloud::REGISTRATION.$field,
            Provider::Zenlayer => zenlayer::REGISTRATION.$field,
        }
    };
}

impl Provider {
    /// Everything known about this provider.
    pub const fn registration(self) -> &'static Registration {
        registered!(self)
    }

    /// Its rule table.
    pub const fn spec(self) -> &'static Spec {
        registered!(self, spec)
    }

    /// Its error catalog, with the text.
    pub const fn catalog(self) -> &'static [Entry] {
        registered!(self, catalog)
    }

    /// Its error catalog without the text.
    pub const fn rows(self) -> &'static [Row] {
        registered!(self, rows)
    }

    /// How its API is reached and signed.
    pub const fn wire(self) -> &'static Wire {
        registered!(self, wire)
    }

    /// What the emulator answers as it.
    pub const fn emulator(self) -> &'static Emulator {
        registered!(self, emulator)
    }

    /// What the console's forms need beyond the rule table.
    pub const fn console(self) -> &'static Console {
        registered!(self, console)
    }

    /// Other names `--provider` accepts.
    pub const fn aliases(self) -> &'static [&'static str] {
        registered!(self, aliases)
    }

    /// The stable identifier used on the command line, in JSON reports and in the JS package.
    pub const fn as_str(self) -> &'static str {
        registered!(self, id)
    }

    /// The product name a person recognises.
    pub const fn display_name(self) -> &'static str {
        registered!(self, display_name)
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Provider {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Provider {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl FromStr for Provider {
    type Err = UnknownProvider;

    /// Case-insensitive; also accepts each registration's aliases (`alibaba`, `jd`, `qcloud`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim().to_ascii_lowercase();
        Provider::ALL
            .into_iter()
            .find(|p| p.as_str() == name || p.aliases().contains(&name.as_str()))
            .ok_or_else(|| UnknownProvider(s.to_owned()))
    }
}
