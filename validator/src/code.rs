//! A known error code of any provider: the union of each provider's code enum
//! (`providers/<provider>/codes.rs`). Its own module, below the catalogs that use it, so that no
//! catalog and the union depend on each other.

use crate::provider::Provider;
use crate::providers::{
    aliyun::codes as aliyun, jdcloud::codes as jdcloud, tencent::codes as tencent, tencent3::codes as tencent3,
    zenlayer::codes as zenlayer,
};
use serde::{Serialize, Serializer};
use std::fmt;

/// A known error code of one provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnownCode {
    Aliyun(aliyun::Code),
    Tencent(tencent::Code),
    Tencent3(tencent3::Code),
    JdCloud(jdcloud::Code),
    Zenlayer(zenlayer::Code),
}

impl KnownCode {
    pub const fn as_str(self) -> &'static str {
        match self {
            KnownCode::Aliyun(c) => c.as_str(),
            KnownCode::Tencent(c) => c.as_str(),
            KnownCode::Tencent3(c) => c.as_str(),
            KnownCode::JdCloud(c) => c.as_str(),
            KnownCode::Zenlayer(c) => c.as_str(),
        }
    }

    pub const fn provider(self) -> Provider {
        match self {
            KnownCode::Aliyun(_) => Provider::Aliyun,
            KnownCode::Tencent(_) => Provider::Tencent,
            KnownCode::Tencent3(_) => Provider::Tencent3,
            KnownCode::JdCloud(_) => Provider::JdCloud,
            KnownCode::Zenlayer(_) => Provider::Zenlayer,
        }
    }

    /// The known code of `provider` spelled `wire`, if any.
    pub fn parse(provider: Provider, wire: &str) -> Option<KnownCode> {
        match provider {
            Provider::Aliyun => aliyun::Code::parse(wire).map(KnownCode::Aliyun),
            Provider::Tencent => tencent::Code::parse(wire).map(KnownCode::Tencent),
            Provider::Tencent3 => tencent3::Code::parse(wire).map(KnownCode::Tencent3),
            Provider::JdCloud => jdcloud::Code::parse(wire).map(KnownCode::JdCloud),
            Provider::Zenlayer => zenlayer::Code::parse(wire).map(KnownCode::Zenlayer),
        }
    }
}

impl fmt::Display for KnownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for KnownCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
