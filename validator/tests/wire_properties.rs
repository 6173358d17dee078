//! Properties of the wire, over generated valid CreateImage requests of every provider and every
//! signature algorithm and method:
//! - `decode(encode(r))` is `r` again (same parameters, same table order after checking);
//! - `verify(encode(r))` succeeds with the secret, at the signing time and within the skew;
//! - changing one byte of a signed part (body, query, path, host, a signed header, the
//!   Authorization header but for its access key ID, which no algorithm here signs), the secret,
//!   or the clock beyond the skew makes `verify` fail.
//!
//! A byte change that leaves the request's meaning as the algorithm reads it unchanged (`%2A` →
//! `%2a` in a query) is not a change, and is skipped. Native only (proptest); 48 cases per
//! property and provider keep the suite fast.

#![cfg(not(target_arch = "wasm32"))]

use createimage_validator::wire::algorithms::jdcloud;
use createimage_validator::wire::{
    self, Algorithm, Credentials, HttpRequest, Method, Secret, SignOptions, Signed, Timestamp,
};
use createimage_validator::{Options, Provider, Valid, checked};
use proptest::prelude::*;
use proptest::sample::subsequence;
use serde_json::{Map, Value, json};

const SECRET: &str = "prop-secret-Ω";
const SKEW: u64 = 900;

/// One generated case: a valid request and how to sign it.
#[derive(Debug, Clone)]
struct Case {
    provider: Provider,
    request: Value,
    algorithm: Algorithm,
    method: Method,
    time: u64,
    nonce: String,
    region: Option<String>,
}

impl Case {
    fn valid(&self) -> Valid {
        checked(self.provider, &self.request, Options::default())
            .unwrap_or_else(|e| panic!("generated an invalid request: {e:?}"))
    }

    fn time(&self) -> Timestamp {
        Timestamp::from_unix(self.time).unwrap()
    }

    fn sign(&self) -> Signed {
        let options = SignOptions {
            algorithm: Some(self.algorithm),
            method: Some(self.method),
            region: self.region.clone(),
            ..SignOptions::new(self.time(), self.nonce.clone())
        };
        wire::encode(&self.valid(), &Credentials::new("AKID-prop", SECRET), &options).expect("signs")
    }
}

fn object(pairs: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(pairs.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v))).collect::<Map<_, _>>())
}

fn time() -> impl Strategy<Value = u64> {
    // 2001 … 2286: every provider's time format, far from both ends of the range.
    1_000_000_000u64..10_000_000_000
}

fn uuid() -> impl Strategy<Value = String> {
    "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
}

fn zenlayer() -> impl Strategy<Value = Case> {
    ("\\PC{1,24}", "[a-zA-Z0-9_\\-中文字]{1,24}", prop::option::of("\\PC{0,80}"), time()).prop_map(
        |(instance, name, description, time)| Case {
            provider: Provider::Zenlayer,
            request: object(vec![
                ("instanceId", Some(json!(instance))),
                ("imageName", Some(json!(name))),
                ("imageDescription", description.map(Value::from)),
            ]),
            algorithm: Algorithm::ZenlayerZc2,
            method: Method::Post,
            time,
            nonce: String::new(),
            region: None,
        },
    )
}

fn aliyun() -> impl Strategy<Value = Case> {
    let tag = ("[b-z][a-z0-9 *~]{0,20}", "[a-zA-Z0-9 *~()!'/=&+%中文]{0,30}");
    let disk = (5i64..=2000, "s-[a-z0-9]{6,12}");
    (
        ("[a-z]{2}-[a-z]{3,10}", "i-[a-z0-9]{5,20}", "[a-zA-Z中][a-zA-Z0-9_\\-]{1,30}"),
        prop::option::of("[a-gi-zA-GI-Z0-9 *~()!'/中][ -~中文]{1,40}"),
        prop::option::of("[ -~]{0,64}"),
        prop::collection::vec(tag, 0..3),
        prop::option::of(disk),
        (prop::sample::select(vec![Algorithm::AliyunHmacSha1, Algorithm::AliyunAcs3]), any::<bool>(), time(), uuid()),
    )
        .prop_map(|((region, instance, name), description, token, tags, disk, (algorithm, post, time, nonce))| {
            let tags: Vec<Value> = tags.into_iter().map(|(k, v)| json!({"Key": k, "Value": v})).collect();
            let disk = disk.map(|(size, snapshot)| {
                json!([{"Device": "/dev/xvda", "DiskType": "system", "Size": size, "SnapshotId": snapshot}])
            });
            Case {
                provider: Provider::Aliyun,
                request: object(vec![
                    ("RegionId", Some(json!(region))),
                    ("InstanceId", Some(json!(instance))),
                    ("ImageName", Some(json!(name))),
                    ("Description", description.map(Value::from)),
                    ("ClientToken", token.map(Value::from)),
                    ("Tag", (!tags.is_empty()).then_some(Value::Array(tags))),
                    ("DiskDeviceMapping", disk),
                ]),
                algorithm,
                method: if post { Method::Post } else { Method::Get },
                time,
                nonce,
                region: None,
            }
        })
}

fn tencent() -> impl Strategy<Value = Case> {
    (
        ("ins-[a-z0-9]{8}", "[A-Za-z0-9\\-]{1,16}", prop::option::of("[a-zA-Z0-9\\-_中文]{0,64}")),
        ("ap-[a-z]{3,10}", 1u64..=u64::MAX, time()),
        (prop::sample::select(vec![Algorithm::TencentHmacSha1, Algorithm::TencentHmacSha256]), any::<bool>()),
    )
        .prop_map(|((instance, name, description), (region, nonce, time), (algorithm, post))| Case {
            provider: Provider::Tencent,
            request: object(vec![
                ("instanceId", Some(json!(instance))),
                ("imageName", Some(json!(name))),
                ("imageDescription", description.map(Value::from)),
            ]),
            algorithm,
            method: if post { Method::Post } else { Method::Get },
            time,
            nonce: nonce.to_string(),
            region: Some(region),
        })
}

fn tencent3() -> impl Strategy<Value = Case> {
    let tag = ("[a-oq-z][a-z0-9 ]{0,20}", "[a-zA-Z0-9&=+中][a-zA-Z0-9&=+ 中]{0,20}");
    let source = prop_oneof![
        ("ins-[a-z0-9]{8}", prop::collection::vec("disk-[a-z0-9]{8}", 0..3)).prop_map(|(i, disks)| (
            Some(json!(i)),
            None,
            (!disks.is_empty()).then(|| json!(disks))
        )),
        prop::collection::vec("snap-[a-z0-9]{8}", 1..3).prop_map(|s| (None, Some(json!(s)), None)),
    ];
    (
        ("\\PC{1,60}", prop::option::of("\\PC{0,80}"), source),
        (prop::option::of("true|false|TRUE|FALSE"), prop::option::of(any::<bool>()), prop::collection::vec(tag, 0..3)),
        ("ap-[a-z]{3,10}", 1u64..=u64::MAX, time()),
        (
            prop::sample::select(vec![
                Algorithm::Tencent3Tc3,
                Algorithm::Tencent3HmacSha256,
                Algorithm::Tencent3HmacSha1,
            ]),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (name, description, (instance, snapshots, disks)),
                (force, dry_run, tags),
                (region, nonce, time),
                (algorithm, post),
            )| {
                let tags: Vec<Value> = tags.into_iter().map(|(k, v)| json!({"Key": k, "Value": v})).collect();
                let spec = (!tags.is_empty()).then(|| json!([{"ResourceType": "image", "Tags": tags}]));
                Case {
                    provider: Provider::Tencent3,
                    request: object(vec![
                        ("ImageName", Some(json!(name))),
                        ("InstanceId", instance),
                        ("ImageDescription", description.map(Value::from)),
                        ("ForcePoweroff", force.map(Value::from)),
                        ("DataDiskIds", disks),
                        ("SnapshotIds", snapshots),
                        ("DryRun", dry_run.map(Value::from)),
                        ("TagSpecification", spec),
                    ]),
                    algorithm,
                    method: if post { Method::Post } else { Method::Get },
                    time,
                    nonce: nonce.to_string(),
                    region: Some(region),
                }
            },
        )
}

fn jd() -> impl Strategy<Value = Case> {
    let devices: Vec<&'static str> = vec!["vdb", "vdc", "vdd", "vdx", "vdaa"];
    let disk = (any::<bool>(), 2i64..=1600);
    (
        ("[a-z]{2}-[a-z]{3,6}-[0-9]", "[a-zA-Z0-9 /:%+?#中._~\\-]{1,20}", "[a-zA-Z0-9_.\\-中文]{2,32}"),
        prop::option::of("\\PC{0,80}"),
        subsequence(devices, 0..3),
        prop::collection::vec(disk, 3),
        (prop::sample::select(vec![Algorithm::Jdcloud2, Algorithm::Jdcloud3]), time(), uuid()),
    )
        .prop_filter("a path segment of . or ..", |((_, instance, _), ..)| instance != "." && instance != "..")
        .prop_map(|((region, instance, name), description, devices, disks, (algorithm, time, nonce))| {
            let data: Vec<Value> = devices
                .into_iter()
                .zip(disks)
                .map(|(device, (exclude, size))| {
                    if exclude {
                        json!({"deviceName": device, "noDevice": true})
                    } else {
                        json!({"deviceName": device, "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": size * 10}})
                    }
                })
                .collect();
            Case {
                provider: Provider::JdCloud,
                request: object(vec![
                    ("regionId", Some(json!(region))),
                    ("instanceId", Some(json!(instance))),
                    ("name", Some(json!(name))),
                    ("description", description.map(Value::from)),
                    ("dataDisks", (!data.is_empty()).then_some(Value::Array(data))),
                ]),
                algorithm,
                method: Method::Post,
                time,
                nonce,
                region: None,
            }
        })
}

/// decode(encode(r)) == r, and it checks to the same parameters in the same order.
fn round_trip(case: &Case) -> Result<(), TestCaseError> {
    let valid = case.valid();
    let signed = case.sign();
    let decoded = wire::decode(case.provider, &signed.request).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&decoded, &valid.to_value());
    let again =
        checked(case.provider, &decoded, Options::default()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    prop_assert_eq!(again.params(), valid.params());
    Ok(())
}

/// verify(encode(r)) succeeds; another secret or a clock beyond the skew fails.
fn verifies(case: &Case, beyond: u64) -> Result<(), TestCaseError> {
    let signed = case.sign();
    let secret = Secret::new(SECRET);
    let ok = wire::verify(case.provider, &signed.request, &secret, case.time(), SKEW);
    prop_assert!(ok.is_ok(), "{:?}", ok);
    let edge = Timestamp::from_unix(case.time + SKEW).unwrap();
    prop_assert!(wire::verify(case.provider, &signed.request, &secret, edge, SKEW).is_ok());
    let other = Secret::new(format!("{SECRET}x"));
    prop_assert!(wire::verify(case.provider, &signed.request, &other, case.time(), SKEW).is_err());
    for now in [case.time + SKEW + 1 + beyond, case.time - SKEW - 1 - beyond] {
        let now = Timestamp::from_unix(now).unwrap();
        let late = wire::verify(case.provider, &signed.request, &secret, now, SKEW);
        prop_assert!(matches!(late, Err(wire::VerifyError::Expired { .. })), "{:?}", late);
    }
    Ok(())
}

/// A part of the request the provider's signature covers.
#[derive(Debug, Clone, Copy)]
enum Part {
    Body,
    Query,
    Path,
    Host,
    Header(&'static str),
}

fn signed_parts(case: &Case) -> Vec<Part> {
    let mut parts = vec![Part::Header("authorization")];
    match case.algorithm {
        Algorithm::ZenlayerZc2 => {
            parts = vec![
                Part::Body,
                Part::Host,
                Part::Header("content-type"),
                Part::Header("x-zc-timestamp"),
                Part::Header("x-zc-action"),
                Part::Header("authorization"),
            ];
        }
        Algorithm::AliyunHmacSha1 => parts = vec![if case.method == Method::Get { Part::Query } else { Part::Body }],
        Algorithm::AliyunAcs3 => {
            parts.push(if case.method == Method::Get { Part::Query } else { Part::Body });
            parts.extend([
                Part::Host,
                Part::Header("x-acs-date"),
                Part::Header("x-acs-signature-nonce"),
                Part::Header("x-acs-action"),
            ]);
        }
        Algorithm::Tencent3Tc3 => parts.extend([
            if case.method == Method::Get { Part::Query } else { Part::Body },
            Part::Host,
            Part::Header("content-type"),
            Part::Header("x-tc-timestamp"),
        ]),
        Algorithm::TencentHmacSha1
        | Algorithm::TencentHmacSha256
        | Algorithm::Tencent3HmacSha1
        | Algorithm::Tencent3HmacSha256 => {
            parts = vec![if case.method == Method::Get { Part::Query } else { Part::Body }, Part::Host, Part::Path];
        }
        Algorithm::Jdcloud2 | Algorithm::Jdcloud3 => {
            parts.extend([
                Part::Body,
                Part::Path,
                Part::Host,
                Part::Header("content-type"),
                Part::Header("x-jdcloud-date"),
                Part::Header("x-jdcloud-nonce"),
            ]);
        }
    }
    parts
}

fn form_of(bytes: &[u8]) -> Option<Vec<(String, String)>> {
    wire::percent::parse_form(std::str::from_utf8(bytes).ok()?).ok()
}

/// Changes byte `at` (modulo the part's length) of `part` by `xor`; `None` when the change is
/// no change in meaning (or leaves text that is not UTF-8 where text is needed).
fn mutate(case: &Case, r: &HttpRequest, part: Part, at: usize, xor: u8) -> Option<HttpRequest> {
    let flip = |bytes: &[u8]| -> Option<Vec<u8>> {
        if bytes.is_empty() {
            return None;
        }
        let mut b = bytes.to_vec();
        let i = at % b.len();
        b[i] ^= xor;
        Some(b)
    };
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).ok();
    let mut m = r.clone();
    let form = matches!(case.provider, Provider::Aliyun | Provider::Tencent)
        || case.algorithm == Algorithm::Tencent3HmacSha1
        || case.algorithm == Algorithm::Tencent3HmacSha256;
    match part {
        Part::Body => {
            m.body = flip(&r.body)?;
            if form && form_of(&m.body) == form_of(&r.body) {
                return None;
            }
        }
        Part::Query => {
            m.query = text(flip(r.query.as_bytes())?)?;
            if form_of(m.query.as_bytes()) == form_of(r.query.as_bytes()) {
                return None;
            }
        }
        Part::Path => {
            m.path = text(flip(r.path.as_bytes())?)?;
            if case.algorithm == Algorithm::Jdcloud3
                && jdcloud::canonical_uri(jdcloud::Version::Jdcloud3, &m.path)
                    == jdcloud::canonical_uri(jdcloud::Version::Jdcloud3, &r.path)
            {
                return None;
            }
        }
        Part::Host => m.host = text(flip(r.host.as_bytes())?)?,
        Part::Header(name) => {
            let (_, value) = m.headers.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(name))?;
            if name == "authorization" {
                *value = text(flip_outside_access_key(value.as_bytes(), at, xor)?)?;
            } else {
                let old = value.clone();
                *value = text(flip(value.as_bytes())?)?;
                // TC3 signs header values trimmed and lower-cased.
                let canonical = |v: &str| v.trim().to_ascii_lowercase();
                if case.algorithm == Algorithm::Tencent3Tc3 && canonical(value) == canonical(&old) {
                    return None;
                }
            }
        }
    }
    Some(m)
}

/// Flips a byte of an Authorization header other than those of the access key ID: ZC2, ACS3 and
/// JD sign everything else in it but not the ID, which only tells the server whose secret to
/// check with (the emulator looks the secret up by it, so another ID means another secret).
/// `None` when the flip is no change in meaning: the case of a header name in `SignedHeaders=`
/// (header names are case-insensitive), or one blank between the parameters for another.
fn flip_outside_access_key(value: &[u8], at: usize, xor: u8) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(value).ok()?;
    let start = text.find("Credential=")? + "Credential=".len();
    let end = start + text[start..].find(['/', ','])?;
    let positions: Vec<usize> = (0..value.len()).filter(|i| !(start..end).contains(i)).collect();
    let i = positions[at % positions.len()];
    let mut b = value.to_vec();
    b[i] ^= xor;
    let names_start = text.find("SignedHeaders=").map(|p| p + "SignedHeaders=".len());
    let in_names = names_start.is_some_and(|s| i >= s && !text[s..i].contains([',', ' ']));
    if (in_names && b[i].eq_ignore_ascii_case(&value[i]))
        || (b[i].is_ascii_whitespace() && value[i].is_ascii_whitespace())
    {
        return None;
    }
    Some(b)
}

fn tamper(case: &Case, pick: usize, at: usize, xor: u8) -> Result<(), TestCaseError> {
    let signed = case.sign();
    let parts = signed_parts(case);
    let part = parts[pick % parts.len()];
    let Some(mutated) = mutate(case, &signed.request, part, at, xor) else {
        return Err(TestCaseError::reject("not a change in meaning"));
    };
    let result = wire::verify(case.provider, &mutated, &Secret::new(SECRET), case.time(), SKEW);
    prop_assert!(result.is_err(), "{:?} changed at {} by {:#04x} still verifies:\n{:?}", part, at, xor, mutated);
    Ok(())
}

macro_rules! properties {
    ($($module:ident => $strategy:ident),* $(,)?) => {
        $(
            mod $module {
                use super::*;

                proptest! {
                    #![proptest_config(ProptestConfig { cases: 48, max_global_rejects: 4096, ..ProptestConfig::default() })]

                    #[test]
                    fn decode_of_encode_is_identity(case in $strategy()) {
                        round_trip(&case)?;
                    }

                    #[test]
                    fn verify_of_encode_succeeds_and_secret_and_clock_matter(case in $strategy(), beyond in 0u64..100_000) {
                        verifies(&case, beyond)?;
                    }

                    #[test]
                    fn changing_a_signed_byte_fails(case in $strategy(), pick in any::<usize>(), at in any::<usize>(), xor in 1u8..=255) {
                        tamper(&case, pick, at, xor)?;
                    }
                }
            }
        )*
    };
}

properties!(zenlayer_wire => zenlayer, aliyun_wire => aliyun, tencent_wire => tencent, tencent3_wire => tencent3, jdcloud_wire => jd);
