//! The relay's path splitting and host allow-list (`cli/src/serve/relay.rs`, compiled here as it
//! is): no panic, and a host it accepts is exactly one of the provider's API hosts, spelt as listed,
//! with the path it splits off still the rest of the request path.
#![no_main]

use createimage_validator::Provider;
use createimage_validator::providers::{aliyun, jdcloud, tencent, tencent3, zenlayer};
use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../cli/src/serve/relay.rs"]
mod relay;

// The relay names the guard's refusal type.
#[allow(dead_code)]
#[path = "../../cli/src/serve/guard.rs"]
mod guard;

/// The hosts a relay may reach, written out independently of the relay's own check.
fn listed(provider: Provider, host: &str) -> bool {
    match provider {
        Provider::Aliyun => {
            host == aliyun::wire::HOST
                || host == "ecs-cn-hangzhou.aliyuncs.com"
                || aliyun::wire::REGIONS.iter().any(|region| host == format!("ecs.{region}.aliyuncs.com"))
        }
        Provider::Tencent => host == tencent::wire::HOST,
        Provider::Tencent3 => {
            host == tencent3::wire::HOST
                || tencent3::REGIONS.iter().any(|region| host == format!("cvm.{region}.tencentcloudapi.com"))
        }
        Provider::JdCloud => host == jdcloud::wire::HOST,
        Provider::Zenlayer => host == zenlayer::wire::HOST,
    }
}

fuzz_target!(|path: &str| {
    if let Ok((provider, host, rest)) = relay::split_path(path) {
        assert!(listed(provider, host), "{provider} {host:?} accepted");
        assert!(rest.starts_with('/'));
        // The pieces are the path's own: /relay/{provider}/{host}{rest}, rest "/" standing for nothing.
        let (segment, tail) = path.strip_prefix("/relay/").and_then(|p| p.split_once('/')).expect("split");
        assert_eq!(segment.parse::<Provider>(), Ok(provider));
        let spelt = if tail == host { "/" } else { tail.strip_prefix(host).expect("host first") };
        assert_eq!(spelt, rest);
    }
    for provider in Provider::ALL {
        for candidate in [path, path.trim_start_matches('/')] {
            assert_eq!(
                relay::host_allowed(provider, candidate),
                listed(provider, candidate),
                "{provider} {candidate:?}"
            );
        }
    }
});
