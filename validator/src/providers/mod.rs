//! One module per provider: its request table (`mod.rs`) and its error catalog (`catalog.rs`).

pub mod aliyun;
pub mod jdcloud;
pub mod tencent;
pub mod tencent3;
pub mod zenlayer;

use crate::provider::Provider;
use crate::rule::Spec;

/// The rule set of `provider`.
pub fn spec(provider: Provider) -> &'static Spec {
    match provider {
        Provider::Aliyun => &aliyun::SPEC,
        Provider::Tencent => &tencent::SPEC,
        Provider::Tencent3 => &tencent3::SPEC,
        Provider::JdCloud => &jdcloud::SPEC,
        Provider::Zenlayer => &zenlayer::SPEC,
    }
}
