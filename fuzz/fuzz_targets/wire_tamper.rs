//! A request our signer signed verifies; the same request changed in any part its signature covers
//! never does. Each provider, each signature algorithm and method, with fuzzed request fields,
//! nonce, time and change. A change that leaves the request's meaning as the algorithm reads it
//! unchanged (`%2A` for `%2a`, a header name's case) is no change and is skipped.
#![no_main]

use createimage_validator::wire::algorithms::jdcloud;
use createimage_validator::wire::{
    self, Algorithm, Credentials, HttpRequest, Method, Secret, SignOptions, Timestamp, percent,
};
use createimage_validator::{Options, Provider, checked};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

const SECRET: &str = "fuzz-secret-Ω";
const SKEW: u64 = 900;

#[derive(Debug, Arbitrary)]
struct Case {
    provider: u8,
    algorithm: u8,
    post: bool,
    time: u32,
    nonce: String,
    name: String,
    instance: String,
    description: Option<String>,
    region: String,
    change: Change,
}

#[derive(Debug, Arbitrary)]
enum Change {
    Method(String),
    /// A parameter of the query or the form body gets another value.
    Parameter {
        pick: usize,
        value: String,
    },
    /// A parameter is added to the query.
    Added {
        name: String,
        value: String,
    },
    /// A byte of the body, the path, the host or a signed header is flipped.
    Byte {
        part: u8,
        at: usize,
        xor: u8,
    },
    Secret(String),
}

fn request(provider: Provider, c: &Case) -> Value {
    let mut r = match provider {
        Provider::Aliyun => json!({"RegionId": c.region, "InstanceId": c.instance, "ImageName": c.name}),
        Provider::Tencent => json!({"instanceId": c.instance, "imageName": c.name}),
        Provider::Tencent3 => json!({"InstanceId": c.instance, "ImageName": c.name, "Region": c.region}),
        Provider::JdCloud => json!({"regionId": c.region, "instanceId": c.instance, "name": c.name}),
        Provider::Zenlayer => json!({"instanceId": c.instance, "imageName": c.name}),
    };
    if let Some(d) = &c.description {
        let key = match provider {
            Provider::Aliyun => "Description",
            Provider::JdCloud => "description",
            Provider::Tencent | Provider::Zenlayer => "imageDescription",
            Provider::Tencent3 => "ImageDescription",
        };
        r[key] = json!(d);
    }
    r
}

fn form_of(bytes: &[u8]) -> Option<Vec<(String, String)>> {
    percent::parse_form(std::str::from_utf8(bytes).ok()?).ok()
}

/// The headers `algorithm` signs (besides the host, which is [`HttpRequest::host`] here).
fn signed_headers(algorithm: Algorithm) -> &'static [&'static str] {
    match algorithm {
        Algorithm::AliyunHmacSha1
        | Algorithm::TencentHmacSha1
        | Algorithm::TencentHmacSha256
        | Algorithm::Tencent3HmacSha1
        | Algorithm::Tencent3HmacSha256 => &[],
        Algorithm::Tencent3Tc3 => &["content-type", "x-tc-timestamp"],
        Algorithm::AliyunAcs3 => {
            &["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"]
        }
        Algorithm::Jdcloud2 | Algorithm::Jdcloud3 => &["content-type", "x-jdcloud-date", "x-jdcloud-nonce"],
        Algorithm::ZenlayerZc2 => &["content-type", "x-zc-timestamp"],
    }
}

fn flip(bytes: &[u8], at: usize, xor: u8) -> Option<Vec<u8>> {
    if bytes.is_empty() || xor == 0 {
        return None;
    }
    let mut b = bytes.to_vec();
    let i = at % b.len();
    b[i] ^= xor;
    Some(b)
}

/// `r` changed as `change` says, or `None` when that is no change in meaning for `algorithm`.
fn changed(algorithm: Algorithm, r: &HttpRequest, change: &Change) -> Option<(HttpRequest, Option<Secret>)> {
    let mut m = r.clone();
    let form = matches!(
        algorithm,
        Algorithm::AliyunHmacSha1
            | Algorithm::TencentHmacSha1
            | Algorithm::TencentHmacSha256
            | Algorithm::Tencent3HmacSha1
            | Algorithm::Tencent3HmacSha256
    );
    match change {
        Change::Method(method) => {
            if *method == r.method {
                return None;
            }
            m.method = method.clone();
        }
        Change::Parameter { pick, value } => {
            let in_body = r.query.is_empty();
            let mut params = if in_body { form_of(&r.body)? } else { form_of(r.query.as_bytes())? };
            if params.is_empty() {
                return None;
            }
            let i = pick % params.len();
            if params[i].1 == *value {
                return None;
            }
            params[i].1 = value.clone();
            if in_body {
                m.body = percent::form(&params).into_bytes();
            } else {
                m.query = percent::form(&params);
            }
        }
        Change::Added { name, value } => {
            // Zenlayer's signature does not cover the query (its API takes none).
            if algorithm == Algorithm::ZenlayerZc2 || name.is_empty() {
                return None;
            }
            let mut params = form_of(m.query.as_bytes())?;
            if params.iter().any(|(k, _)| k == name) {
                return None;
            }
            params.push((name.clone(), value.clone()));
            m.query = percent::form(&params);
        }
        Change::Byte { part, at, xor } => match part % 4 {
            0 => {
                m.body = flip(&r.body, *at, *xor)?;
                if form && form_of(&m.body) == form_of(&r.body) {
                    return None;
                }
            }
            1 => {
                // Alibaba's V1, Zenlayer's and TC3 signatures do not cover the path (TC3's is always `/`).
                if matches!(algorithm, Algorithm::AliyunHmacSha1 | Algorithm::ZenlayerZc2 | Algorithm::Tencent3Tc3) {
                    return None;
                }
                m.path = String::from_utf8(flip(r.path.as_bytes(), *at, *xor)?).ok()?;
                if algorithm == Algorithm::Jdcloud3
                    && jdcloud::canonical_uri(jdcloud::Version::Jdcloud3, &m.path)
                        == jdcloud::canonical_uri(jdcloud::Version::Jdcloud3, &r.path)
                {
                    return None;
                }
            }
            2 => {
                if algorithm == Algorithm::AliyunHmacSha1 {
                    return None;
                }
                m.host = String::from_utf8(flip(r.host.as_bytes(), *at, *xor)?).ok()?;
            }
            _ => {
                let names = signed_headers(algorithm);
                if names.is_empty() {
                    return None;
                }
                let name = names[at % names.len()];
                let (_, value) = m.headers.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(name))?;
                let old = value.clone();
                *value = String::from_utf8(flip(value.as_bytes(), at / names.len(), *xor)?).ok()?;
                // TC3 signs header values trimmed and lower-cased.
                let tc3 = algorithm == Algorithm::Tencent3Tc3;
                if value.trim() == old.trim() || tc3 && value.trim().eq_ignore_ascii_case(old.trim()) {
                    return None;
                }
            }
        },
        Change::Secret(other) => {
            if other == SECRET {
                return None;
            }
            return Some((m, Some(Secret::new(other.clone()))));
        }
    }
    Some((m, None))
}

fuzz_target!(|c: Case| {
    let provider = Provider::ALL[usize::from(c.provider) % Provider::ALL.len()];
    let algorithms: Vec<Algorithm> = Algorithm::of(provider).collect();
    let algorithm = algorithms[usize::from(c.algorithm) % algorithms.len()];
    let Ok(valid) = checked(provider, &request(provider, &c), Options::default()) else { return };
    let time = Timestamp::from_unix(1_000_000_000 + u64::from(c.time)).expect("in range");
    let method = if c.post { Method::Post } else { Method::Get };
    let options =
        SignOptions { algorithm: Some(algorithm), method: Some(method), ..SignOptions::new(time, c.nonce.clone()) };
    let credentials = Credentials::new("AKID-fuzz", SECRET);
    let Ok(signed) = wire::encode(&valid, &credentials, &options) else { return };
    let secret = Secret::new(SECRET);
    let r = &signed.request;
    if let Err(e) = wire::verify(provider, r, &secret, time, SKEW) {
        panic!("a request we signed does not verify: {e}\n{r:?}");
    }
    assert_eq!(wire::access_key_id(provider, r).as_deref(), Some("AKID-fuzz"));
    let mut expected = valid.to_value();
    if provider == Provider::Tencent3 {
        // API 3.0's Region is a common parameter (TC3's `X-TC-Region` header, v1's `Region`
        // parameter), not part of the request decode gives; the emulator reads it on its own.
        if let Value::Object(members) = &mut expected {
            members.remove("Region");
        }
    }
    assert_eq!(
        wire::decode(provider, r).as_ref(),
        Ok(&expected),
        "decode(encode(r)) is not r ({algorithm:?}, {method:?}):\n{r:?}"
    );
    let Some((m, other_secret)) = changed(algorithm, r, &c.change) else { return };
    let result = wire::verify(provider, &m, other_secret.as_ref().unwrap_or(&secret), time, SKEW);
    assert!(result.is_err(), "{:?} still verifies:\n{m:?}\nsigned:\n{r:?}", c.change);
});
