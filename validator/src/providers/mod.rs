//! One folder per provider: its request table and its [`Registration`](crate::registration::Registration)
//! (`mod.rs`), its error catalog (`catalog.rs`) and its wire format (`wire.rs`).

pub mod aliyun;
pub mod jdcloud;
pub mod tencent;
pub mod tencent3;
pub mod zenlayer;

use crate::provider::Provider;
use crate::rule::Spec;

/// The rule set of `provider`.
pub fn spec(provider: Provider) -> &'static Spec {
    provider.spec()
}
