//! Writes the starting corpus of the `wire_requests` target: one signed CreateImage request per
//! provider, algorithm and method, as the target reads requests (`METHOD TARGET`, headers, an
//! empty line, the body), signed at the target's clock with its secret.
//!
//!     cd fuzz && cargo +nightly-2026-05-19 run --example wire_seeds -- corpus/wire_requests

use createimage_validator::wire::{self, Algorithm, Credentials, Method, SignOptions, Timestamp};
use createimage_validator::{Options, Provider, checked};
use serde_json::json;

fn main() {
    let dir = std::env::args().nth(1).expect("a directory");
    std::fs::create_dir_all(&dir).expect("the directory");
    let time = Timestamp::from_unix(1_700_000_000).expect("in range");
    let credentials = Credentials::new("AKID-fuzz", "fuzz-secret");
    for provider in Provider::ALL {
        let request = match provider {
            Provider::Aliyun => {
                json!({"RegionId": "cn-hangzhou", "InstanceId": "i-bp1g6zv0ce8oghu7", "ImageName": "web:01",
                "Description": "a b*c~(d)!'/中", "Tag": [{"Key": "team", "Value": "a b/c"}]})
            }
            Provider::Tencent => {
                json!({"instanceId": "ins-12345678", "imageName": "test", "imageDescription": "desc", "Region": "ap-guangzhou"})
            }
            Provider::Tencent3 => {
                json!({"ImageName": "web 01", "SnapshotIds": ["snap-1", "snap-2"], "Region": "ap-guangzhou",
                "TagSpecification": [{"ResourceType": "image", "Tags": [{"Key": "k", "Value": "v"}]}]})
            }
            Provider::JdCloud => {
                json!({"description": "nightly", "name": "web-01", "instanceId": "i-eumm1234d6", "regionId": "cn-north-1"})
            }
            Provider::Zenlayer => {
                json!({"imageDescription": "nightly 构建", "imageName": "web-01", "instanceId": "1234567654321"})
            }
        };
        let valid = checked(provider, &request, Options::default()).expect("a valid request");
        for algorithm in Algorithm::of(provider) {
            for method in [Method::Get, Method::Post] {
                let nonce = if matches!(provider, Provider::Tencent | Provider::Tencent3) {
                    "12345"
                } else {
                    "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                };
                let options =
                    SignOptions { algorithm: Some(algorithm), method: Some(method), ..SignOptions::new(time, nonce) };
                let Ok(signed) = wire::encode(&valid, &credentials, &options) else { continue };
                let r = &signed.request;
                let mut text = format!("{} {}", r.method, r.path);
                if !r.query.is_empty() {
                    text += &format!("?{}", r.query);
                }
                text += &format!("\nHost: {}", r.host);
                for (k, v) in &r.headers {
                    text += &format!("\n{k}: {v}");
                }
                let mut bytes = text.into_bytes();
                bytes.extend_from_slice(b"\n\n");
                bytes.extend_from_slice(&r.body);
                let name = format!("{dir}/{}-{}-{}", provider, algorithm.as_str(), method.as_str());
                std::fs::write(name, bytes).expect("written");
            }
        }
    }
}
