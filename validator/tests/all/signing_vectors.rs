//! The official signing vectors of providers.md (A.3, B.4, C.3, D.3), one test per vector, each
//! stage checked where the vector gives it. The data is in `tests/vectors/*.json` (sources in
//! `tests/vectors/README.md`). The vectors run the same algorithm functions the CreateImage
//! encoders call (`wire::algorithms::*`): most vectors are not CreateImage requests, so they feed
//! those functions raw parameters and headers.
//!
//! Runs natively and, unchanged, in headless Chromium (the console signs in the browser).

use createimage_validator::wire::algorithms::{
    aliyun_acs3, aliyun_rpc, jdcloud, tencent_tc3, tencent_v2, zenlayer_zc2,
};
use createimage_validator::wire::{Secret, Timestamp, hash, percent};
use serde_json::Value;

const ZENLAYER: &str = include_str!("../vectors/zenlayer.json");
const ALIYUN: &str = include_str!("../vectors/aliyun.json");
const TENCENT: &str = include_str!("../vectors/tencent.json");
const JDCLOUD: &str = include_str!("../vectors/jdcloud.json");
const TENCENT_TC3: &str = include_str!("../vectors/tencent_tc3.json");

/// The vector `id` of a data file: searched in every array of the file, then among its objects.
fn vector(file: &str, id: &str) -> Value {
    let doc: Value = serde_json::from_str(file).expect("the vector file is JSON");
    let obj = doc.as_object().expect("an object");
    for v in obj.values() {
        match v {
            Value::Array(items) => {
                if let Some(found) = items.iter().find(|i| i["id"] == id) {
                    return found.clone();
                }
            }
            Value::Object(_) if v["id"] == id => return v.clone(),
            _ => {}
        }
    }
    panic!("no vector {id}");
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} is not a string in {}", v["id"]))
}

fn pairs(v: &Value, key: &str) -> Vec<(String, String)> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not a list"))
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_str().unwrap().to_owned()))
        .collect()
}

/// Checks each expected stage the vector gives; every vector must give at least one.
fn expect(v: &Value, got: &[(&str, String)]) {
    let want = v["expect"].as_object().expect("expect");
    let mut checked = 0;
    for (stage, value) in got {
        if let Some(w) = want.get(*stage) {
            assert_eq!(value, w.as_str().unwrap(), "{}: {stage}", v["id"]);
            checked += 1;
        }
    }
    assert!(checked > 0, "{}: no stage checked", v["id"]);
    // Every expected stage must have been computed: a typo in the data cannot pass silently.
    for key in want.keys().filter(|k| !k.ends_with("_in_providers_md")) {
        assert!(got.iter().any(|(stage, _)| stage == key), "{}: stage {key} not computed", v["id"]);
    }
}

/// `abbreviated` is providers.md's `head…tail` form of `full`.
fn abbreviates(abbreviated: &str, full: &str) -> bool {
    let (head, tail) = abbreviated.split_once('…').expect("an abbreviation");
    full.starts_with(head) && full.ends_with(tail) && full.len() > head.len() + tail.len()
}

fn zenlayer(v: &Value) {
    let headers = vec![
        ("content-type".to_owned(), s(v, "content_type").to_owned()),
        ("host".to_owned(), s(v, "host").to_owned()),
    ];
    let input = zenlayer_zc2::Input {
        method: s(v, "method"),
        headers: &headers,
        body: s(v, "body").as_bytes(),
        timestamp: s(v, "timestamp"),
    };
    let sig = zenlayer_zc2::sign(&input, s(v, "access_key_id"), &Secret::new(s(v, "secret")));
    if let Some(abbreviated) = v["expect"]["payload_hash_in_providers_md"].as_str() {
        assert!(abbreviates(abbreviated, &sig.hashed_payload), "{abbreviated}");
    }
    expect(
        v,
        &[
            ("payload_hash", sig.hashed_payload.clone()),
            ("canonical_request_hash", sig.canonical_request.hash()),
            ("signature", sig.signature.clone()),
            ("authorization", sig.authorization.to_string()),
        ],
    );
}

fn aliyun_rpc(v: &Value) {
    let sig = aliyun_rpc::sign(s(v, "method"), &pairs(v, "params"), &Secret::new(s(v, "secret")));
    expect(v, &[("string_to_sign", sig.string_to_sign.to_string()), ("signature", sig.signature.clone())]);
}

fn aliyun_acs3(v: &Value) {
    let body = s(v, "body").as_bytes();
    let hashed = hash::sha256_hex(body);
    let mut headers = vec![("host".to_owned(), s(v, "host").to_owned())];
    headers.extend(pairs(v, "headers"));
    let declared = headers.iter().find(|(k, _)| k == "x-acs-content-sha256").map(|(_, v)| v.as_str());
    assert_eq!(declared, Some(hashed.as_str()), "x-acs-content-sha256 is the body's hash");
    let query = pairs(v, "query");
    let input = aliyun_acs3::Input {
        method: s(v, "method"),
        canonical_uri: "/",
        query: &query,
        headers: &headers,
        hashed_payload: &hashed,
    };
    let sig = aliyun_acs3::sign(&input, s(v, "access_key_id"), &Secret::new(s(v, "secret")));
    assert_eq!(
        sig.authorization.to_string(),
        format!(
            "ACS3-HMAC-SHA256 Credential={},SignedHeaders={},Signature={}",
            s(v, "access_key_id"),
            sig.signed_headers,
            sig.signature
        )
    );
    expect(v, &[("canonical_request_hash", sig.canonical_request.hash()), ("signature", sig.signature.clone())]);
}

fn tencent(v: &Value) {
    let sig =
        tencent_v2::sign(s(v, "method"), s(v, "host"), s(v, "path"), &pairs(v, "params"), &Secret::new(s(v, "secret")));
    expect(
        v,
        &[
            ("string_to_sign", sig.string_to_sign.to_string()),
            ("signature", sig.signature.clone()),
            ("url_encoded_signature", percent::encode(&sig.signature)),
        ],
    );
}

fn jd(v: &Value) {
    let version = match s(v, "algorithm") {
        "JDCLOUD2" => jdcloud::Version::Jdcloud2,
        "JDCLOUD3" => jdcloud::Version::Jdcloud3,
        other => panic!("unknown algorithm {other}"),
    };
    let headers = pairs(v, "headers");
    let date = headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("x-jdcloud-date")).map(|(_, d)| d.as_str()).unwrap();
    let hashed = hash::sha256_hex(s(v, "body").as_bytes());
    let input = jdcloud::Input {
        version,
        method: s(v, "method"),
        path: s(v, "path"),
        query: s(v, "query"),
        headers: &headers,
        hashed_payload: &hashed,
        date,
        region: s(v, "region"),
        service: s(v, "service"),
    };
    let secret = Secret::new(s(v, "secret"));
    let sig = jdcloud::sign(&input, s(v, "access_key_id"), &secret);
    let key = jdcloud::signing_key(version, &secret, &date[..8], s(v, "region"), s(v, "service"));
    if let Some(abbreviated) = v["expect"]["signature_in_providers_md"].as_str() {
        assert!(abbreviates(abbreviated, &sig.signature), "{abbreviated}");
    }
    expect(
        v,
        &[
            ("signing_key", key.expose_hex()),
            ("canonical_uri", jdcloud::canonical_uri(version, s(v, "path"))),
            ("signed_headers", sig.signed_headers.clone()),
            ("signature", sig.signature.clone()),
            ("authorization", sig.authorization.to_string()),
        ],
    );
}

/// Tencent API 3.0: the body is hashed as the very bytes sent (the `\uXXXX` escapes of the
/// examples are literal text), the query signed as received.
fn tencent_tc3(v: &Value) {
    let headers = pairs(v, "headers");
    let hashed = hash::sha256_hex(s(v, "body").as_bytes());
    let timestamp = Timestamp::from_unix(v["timestamp"].as_u64().expect("a Unix timestamp")).unwrap();
    let input = tencent_tc3::Input {
        method: s(v, "method"),
        query: s(v, "query"),
        headers: &headers,
        hashed_payload: &hashed,
        timestamp,
        service: s(v, "service"),
    };
    let secret = Secret::new(s(v, "secret"));
    let sig = tencent_tc3::sign(&input, s(v, "secret_id"), &secret);
    let key = tencent_tc3::signing_key(&secret, &timestamp.utc_date(), s(v, "service"));
    expect(
        v,
        &[
            ("payload_hash", hashed.clone()),
            ("canonical_request_hash", sig.canonical_request.hash()),
            ("signing_key", key.expose_hex()),
            ("signature", sig.signature.clone()),
            ("authorization", sig.authorization.to_string()),
        ],
    );
}

macro_rules! vectors {
    ($check:ident, $file:ident: $($name:ident => $id:literal),* $(,)?) => {
        $(
            #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
            #[cfg_attr(not(target_arch = "wasm32"), test)]
            fn $name() {
                $check(&vector($file, $id));
            }
        )*
    };
}

vectors!(zenlayer, ZENLAYER: z1 => "Z1", z2 => "Z2", z3 => "Z3");
vectors!(aliyun_rpc, ALIYUN: al1 => "AL1", al1_post => "AL1-POST", al2 => "AL2", al2_post => "AL2-POST");
vectors!(aliyun_acs3, ALIYUN: al3 => "AL3");
vectors!(tencent, TENCENT:
    t1 => "T1",
    t1_sha1 => "T1-SHA1",
    t2_post_hmacsha1 => "T2-POST-HmacSHA1",
    t2_post_lowercase => "T2-post-lowercase",
    t2_post_hmacsha256 => "T2-POST-HmacSHA256",
    t2_get_hmacsha1 => "T2-GET-HmacSHA1",
);
vectors!(tencent_tc3, TENCENT_TC3:
    tc3_o1 => "O1",
    tc3_o2 => "O2",
    tc3_o3 => "O3",
    tc3_o4 => "O4",
    tc3_d1 => "D1",
    tc3_d2 => "D2",
    tc3_d3 => "D3",
    tc3_d4 => "D4",
);
// The v1 signature (the legacy API's) on the 3.0 host: the same algorithm, path `/`.
vectors!(tencent, TENCENT_TC3: v1_on_api3_cn => "V1-CN", v1_on_api3_older => "V1-older");
vectors!(jd, JDCLOUD:
    j1 => "J1",
    j2 => "J2",
    j3_path_empty => "J3-path-empty",
    j3_path_v1 => "J3-path-v1",
    j3_path_v1_slash => "J3-path-v1-slash",
    j3_path_chinese => "J3-path-chinese",
    j4_path_root => "J4-path-root",
    j4_path_v1 => "J4-path-v1",
    j4_path_chinese => "J4-path-chinese",
    j4_case31_post => "J4-case31-post",
);

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn aliyun_percent_encode() {
    let v = vector(ALIYUN, "percentEncode");
    for case in v["cases"].as_array().unwrap() {
        assert_eq!(percent::encode(case[0].as_str().unwrap()), case[1].as_str().unwrap());
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn aliyun_sha_hmac1() {
    let v = vector(ALIYUN, "sha_hmac1");
    let key = s(&v, "key").as_bytes();
    for case in v["cases"].as_array().unwrap() {
        let mac = hash::hmac_sha1(key, case[0].as_str().unwrap().as_bytes());
        assert_eq!(hash::base64(&mac), case[1].as_str().unwrap());
    }
}

/// Every vector in the data files has a test above: adding one to a file without a test fails here.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_vector_has_a_test() {
    const TESTED: &[&str] = &[
        "Z1",
        "Z2",
        "Z3",
        "AL1",
        "AL1-POST",
        "AL2",
        "AL2-POST",
        "AL3",
        "percentEncode",
        "sha_hmac1",
        "T1",
        "T1-SHA1",
        "T2-POST-HmacSHA1",
        "T2-post-lowercase",
        "T2-POST-HmacSHA256",
        "T2-GET-HmacSHA1",
        "J1",
        "J2",
        "J3-path-empty",
        "J3-path-v1",
        "J3-path-v1-slash",
        "J3-path-chinese",
        "J4-path-root",
        "J4-path-v1",
        "J4-path-chinese",
        "J4-case31-post",
        "O1",
        "O2",
        "O3",
        "O4",
        "D1",
        "D2",
        "D3",
        "D4",
        "V1-CN",
        "V1-older",
    ];
    let mut ids = Vec::new();
    for file in [ZENLAYER, ALIYUN, TENCENT, JDCLOUD, TENCENT_TC3] {
        let doc: Value = serde_json::from_str(file).unwrap();
        for v in doc.as_object().unwrap().values() {
            match v {
                Value::Array(items) => ids.extend(items.iter().map(|i| i["id"].as_str().unwrap().to_owned())),
                Value::Object(o) => ids.extend(o.get("id").and_then(Value::as_str).map(str::to_owned)),
                _ => {}
            }
        }
    }
    ids.sort();
    let mut tested: Vec<String> = TESTED.iter().map(|s| (*s).to_owned()).collect();
    tested.sort();
    assert_eq!(ids, tested);
}
