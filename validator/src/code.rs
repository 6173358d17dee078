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
pub enum Code {
    Aliyun(aliyun::Code),
    Tencent(tencent::Code),
    Tencent3(tencent3::Code),
    JdCloud(jdcloud::Code),
    Zenlayer(zenlayer::Code),
}

impl Code {
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::Aliyun(c) => c.as_str(),
            Code::Tencent(c) => c.as_str(),
            Code::Tencent3(c) => c.as_str(),
            Code::JdCloud(c) => c.as_str(),
            Code::Zenlayer(c) => c.as_str(),
        }
    }

    pub const fn provider(self) -> Provider {
        match self {
            Code::Aliyun(_) => Provider::Aliyun,
            Code::Tencent(_) => Provider::Tencent,
            Code::Tencent3(_) => Provider::Tencent3,
            Code::JdCloud(_) => Provider::JdCloud,
            Code::Zenlayer(_) => Provider::Zenlayer,
        }
    }

    /// The known code of `provider` spelled `wire`, if any.
    pub fn parse(provider: Provider, wire: &str) -> Option<Code> {
        match provider {
            Provider::Aliyun => aliyun::Code::parse(wire).map(Code::Aliyun),
            Provider::Tencent => tencent::Code::parse(wire).map(Code::Tencent),
            Provider::Tencent3 => tencent3::Code::parse(wire).map(Code::Tencent3),
            Provider::JdCloud => jdcloud::Code::parse(wire).map(Code::JdCloud),
            Provider::Zenlayer => zenlayer::Code::parse(wire).map(Code::Zenlayer),
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
