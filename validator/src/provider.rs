//! The providers (one per API) createimage knows, and their names on the command line, in JSON and in JS.

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

impl Provider {
    /// Every provider, in the order the product lists them.
    pub const ALL: [Provider; 5] =
        [Provider::Aliyun, Provider::Tencent, Provider::Tencent3, Provider::JdCloud, Provider::Zenlayer];

    /// The stable identifier used on the command line, in JSON reports and in the JS package.
    pub const fn as_str(self) -> &'static str {
        match self {
            Provider::Aliyun => "aliyun",
            Provider::Tencent => "tencent",
            Provider::Tencent3 => "tencent3",
            Provider::JdCloud => "jdcloud",
            Provider::Zenlayer => "zenlayer",
        }
    }

    /// The product name a person recognises.
    pub const fn display_name(self) -> &'static str {
        match self {
            Provider::Aliyun => "Alibaba Cloud ECS",
            Provider::Tencent => "Tencent Cloud CVM (legacy API v2)",
            Provider::Tencent3 => "Tencent Cloud CVM (API 3.0)",
            Provider::JdCloud => "JD Cloud VM",
            Provider::Zenlayer => "Zenlayer Cloud VM",
        }
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

    /// Case-insensitive; also accepts the obvious aliases (`alibaba`, `jd`, `qcloud`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "aliyun" | "alibaba" | "alibabacloud" | "ecs" => Ok(Provider::Aliyun),
            // The legacy API keeps the names it always had; API 3.0 is a name of its own.
            "tencent" | "qcloud" | "tencentcloud" | "cvm" => Ok(Provider::Tencent),
            "tencent3" => Ok(Provider::Tencent3),
            "jdcloud" | "jd" => Ok(Provider::JdCloud),
            "zenlayer" => Ok(Provider::Zenlayer),
            _ => Err(UnknownProvider(s.to_owned())),
        }
    }
}
