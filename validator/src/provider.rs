//! The providers createimage knows, by name. Everything else about a provider is its
//! [`Registration`](crate::registration::Registration), in its own folder (`providers/<provider>/`),
//! reached through the registry in `providers/mod.rs` ([`Provider::registration`] and the field
//! accessors such as [`Provider::spec`]). This module depends on nothing else in the crate, so that
//! every module can name a provider without depending on every provider.
//!
//! Adding a provider: a variant here and its place in [`Provider::ALL`], its arm in the registry's
//! `registered!`, and its folder.

use std::fmt;

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
    /// Every provider, in the order the product lists them (the order of the variants).
    pub const ALL: [Provider; 5] =
        [Provider::Aliyun, Provider::Tencent, Provider::Tencent3, Provider::JdCloud, Provider::Zenlayer];

    /// The position in [`Provider::ALL`] (a test holds the two together).
    pub const fn index(self) -> usize {
        self as usize
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
