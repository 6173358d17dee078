//! The providers createimage knows. Each is declared once, by its [`Registration`] in its own
//! folder (`providers/<provider>/`); this enum names them, and [`registered!`] is the one place that
//! maps a name to its registration. Adding a provider: a variant, its place in [`Provider::ALL`],
//! its arm in [`registered!`], and its folder.

use crate::catalog::{Entry, Row};
use crate::providers::{aliyun, jdcloud, tencent, tencent3, zenlayer};
use crate::registration::{Console, Emulator, Registration, Wire};
use crate::rule::Spec;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A cloud provider whose CreateImage API createimage encodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provider {
    /// Alibaba Cloud ECS, RPC API version 2014-05-26 (seed 002).
    Aliyun,
    /// Tencent Cloud CVM, legacy API v2 (seed 003): what private clouds (TCE) still speak.
    Tencent,
    /// Tencent Cloud CVM, API 3.0 (version 2017-03-12, TC3-HMAC-SHA256): what a Tencent Cloud
    /// account can call today.
    Tencent3,
    /// JD Cloud VM, REST v1 (seed 004).
    JdCloud,
    /// Zenlayer Cloud VM, Cloud API 2.0 (seeds 000 and 001).
    Zenlayer,
}

/// `$read` applied to `$provider`'s registration (`registered!(p, |r| r.spec)`): the one `match`
/// from a provider to its registration.
///
/// Each arm reads a field of a known `static`, which the compiler folds to the field's value, so
/// a build that reads only some fields (the npm package's validate module: the rule tables, the
/// rows, the names) carries only those, not every provider's hosts, status words and catalog text.
/// [`Provider::registration`] hands out the whole of it, for code that wants everything anyway.
macro_rules! registered {
    ($provider:expr, |$r:ident| $read:expr) => {
        match $provider {
            Provider::Aliyun => {
                let $r = &aliyun::REGISTRATION;
                $read
            }
            Provider::Tencent => {
                let $r = &tencent::REGISTRATION;
                $read
            }
            Provider::Tencent3 => {
                let $r = &tencent3::REGISTRATION;
                $read
            }
            Provider::JdCloud => {
                let $r = &jdcloud::REGISTRATION;
                $read
            }
            Provider::Zenlayer => {
                let $r = &zenlayer::REGISTRATION;
                $read
            }
        }
    };
}

impl Provider {
    /// Every provider, in the order the product lists them (the order of the variants).
    pub const ALL: [Provider; 5] =
        [Provider::Aliyun, Provider::Tencent, Provider::Tencent3, Provider::JdCloud, Provider::Zenlayer];

    /// Everything known about this provider.
    pub const fn registration(self) -> &'static Registration {
        registered!(self, |r| r)
    }

    /// Its rule table.
    pub const fn spec(self) -> &'static Spec {
        registered!(self, |r| r.spec)
    }

    /// Its error catalog, with the text. Not a field of the registration: code that reads the
    /// registration (the console's first load) then carries no catalog text.
    pub const fn catalog(self) -> &'static [Entry] {
        match self {
            Provider::Aliyun => aliyun::catalog::ENTRIES,
            Provider::Tencent => tencent::catalog::ENTRIES,
            Provider::Tencent3 => tencent3::catalog::ENTRIES,
            Provider::JdCloud => jdcloud::catalog::ENTRIES,
            Provider::Zenlayer => zenlayer::catalog::ENTRIES,
        }
    }

    /// Its error catalog without the text.
    pub const fn rows(self) -> &'static [Row] {
        registered!(self, |r| r.rows)
    }

    /// How its API is reached and signed.
    pub const fn wire(self) -> &'static Wire {
        registered!(self, |r| r.wire)
    }

    /// What the emulator answers as it.
    pub const fn emulator(self) -> &'static Emulator {
        registered!(self, |r| r.emulator)
    }

    /// What the console's forms need beyond the rule table.
    pub const fn console(self) -> &'static Console {
        registered!(self, |r| r.console)
    }

    /// Other names `--provider` accepts.
    pub const fn aliases(self) -> &'static [&'static str] {
        registered!(self, |r| r.aliases)
    }

    /// The position in [`Provider::ALL`] (a test holds the two together).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The stable identifier used on the command line, in JSON reports and in the JS package.
    pub const fn as_str(self) -> &'static str {
        registered!(self, |r| r.id)
    }

    /// The product name a person recognises.
    pub const fn display_name(self) -> &'static str {
        registered!(self, |r| r.display_name)
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

/// The answer to a provider name that is not one of [`Provider::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProvider(pub String);

impl fmt::Display for UnknownProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Provider::ALL.iter().map(|p| p.as_str()).collect();
        let shown: String = self.0.chars().take(40).collect();
        write!(f, "unknown provider {}: expected one of {}", crate::json::quoted(&shown), names.join(", "))
    }
}

impl std::error::Error for UnknownProvider {}

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
