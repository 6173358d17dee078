//! Tencent Cloud CVM API 3.0 (`tencent3`; its rules are in `rules_tencent3.rs`): its catalog,
//! both request forms the SDKs send (JSON body, flat GET/form parameters), TC3 and v1 on the wire
//! (the official Python signer's CreateImage requests verify and decode; `encode` reproduces the
//! GET one byte for byte), how `verify` fails, and the `{"Response":{…}}` answers. Runs natively
//! and, unchanged, in headless Chromium.

use createimage_validator::providers::tencent3::{self, catalog::CREATE_IMAGE_CODES, wire as t3};
use createimage_validator::wire::algorithms::tencent_tc3 as tc3;
use createimage_validator::wire::{
    self, Algorithm, ApiResponse, Credentials, DecodeError, Endpoint, HttpRequest, Method, Secret, SignOptions,
    Timestamp, VerifyError,
};
use createimage_validator::{Code, ErrorCode, Options, Provider, catalog, checked};
use serde_json::{Value, json};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const P: Provider = Provider::Tencent3;
const PARAM: &str = "InvalidParameter";
const VECTORS: &str = include_str!("vectors/tencent_tc3.json");

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn catalog_holds_the_51_codes_and_the_common_ones() {
    let entries = catalog::entries(P);
    let own = &tencent3::Code::ALL[..CREATE_IMAGE_CODES];
    assert_eq!(own.len(), 51);
    assert_eq!(own.first().map(|c| c.as_str()), Some("ImageQuotaLimitExceeded"));
    assert_eq!(own.last().map(|c| c.as_str()), Some("UnsupportedOperation.StoppedModeStopCharging"));
    for code in tencent3::Code::ALL {
        let rows: Vec<_> = entries.iter().filter(|e| e.code == Code::Tencent3(*code)).collect();
        assert_eq!(rows.len(), 1, "{}", code.as_str());
        // Processed requests are answered with HTTP 200, errors included.
        assert_eq!(rows[0].http_status, 200, "{}", code.as_str());
        assert_eq!(tencent3::Code::parse(code.as_str()), Some(*code));
    }
    assert_eq!(entries.len(), tencent3::Code::ALL.len());
    let sig = catalog::lookup(P, "AuthFailure.SignatureFailure", None);
    assert_eq!(
        (sig[0].meaning.en, sig[0].meaning.zh),
        ("Invalid signature; signature calculation error.", "签名错误。签名计算错误")
    );
    let state = catalog::lookup(P, "UnsupportedOperation.InstanceStateStarting", None);
    assert_eq!(state[0].meaning.zh, "请求不支持开机中的实例");
    // The legacy API's codes are not 3.0's, and the reverse.
    assert!(catalog::lookup(P, "4000", None).is_empty());
    assert!(catalog::lookup(Provider::Tencent, "InvalidParameter", None).is_empty());
}

fn vector(id: &str) -> Value {
    let all: Value = serde_json::from_str(VECTORS).unwrap();
    all["vectors"].as_array().unwrap().iter().find(|v| v["id"] == id).cloned().unwrap()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key}"))
}

/// The request the official Python SDK sent for a CreateImage vector: its signed headers and
/// body, the unsigned `X-TC-*` headers it adds, and its Authorization.
fn sdk_request(v: &Value) -> HttpRequest {
    let signed: Vec<(String, String)> = v["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_str().unwrap().to_owned()))
        .collect();
    let header = |name: &str| signed.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap();
    let ts = v["timestamp"].as_u64().unwrap();
    let date = Timestamp::from_unix(ts).unwrap().utc_date();
    let auth = format!(
        "TC3-HMAC-SHA256 Credential={}/{date}/cvm/tc3_request, SignedHeaders=content-type;host, Signature={}",
        s(v, "secret_id"),
        s(&v["expect"], "signature")
    );
    HttpRequest {
        method: s(v, "method").to_owned(),
        scheme: "https".into(),
        host: header("host"),
        path: "/".into(),
        query: s(v, "query").to_owned(),
        headers: vec![
            ("Host".into(), header("host")),
            ("X-TC-TraceId".into(), "9d5a1f0e-1c6b-4c1e-8d0e-2b6f7c1a2e3d".into()),
            ("Content-Type".into(), header("content-type")),
            ("X-TC-Action".into(), "CreateImage".into()),
            ("X-TC-RequestClient".into(), "SDK_PYTHON_3.1.162".into()),
            ("X-TC-Timestamp".into(), ts.to_string()),
            ("X-TC-Version".into(), "2017-03-12".into()),
            ("X-TC-Region".into(), "ap-guangzhou".into()),
            ("X-TC-Language".into(), "zh-CN".into()),
            ("Authorization".into(), auth),
        ],
        body: s(v, "body").as_bytes().to_vec(),
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_official_signers_requests_verify_and_decode() {
    let cases = [
        ("D1", json!({"ImageName": "myImage", "InstanceId": "ins-6pb6lrmy"})),
        (
            "D2",
            json!({"ImageName": "web-镜像-01", "InstanceId": "ins-2v3sqe2t", "ImageDescription": "nightly build",
                   "ForcePoweroff": "true", "Sysprep": "false", "DataDiskIds": ["disk-6gabakqz"], "DryRun": false,
                   "TagSpecification": [{"ResourceType": "image", "Tags": [{"Key": "env", "Value": "prod"}]}]}),
        ),
        ("D3", json!({"ImageName": "from-snap", "SnapshotIds": ["snap-kso6f712", "snap-l3rrf322"]})),
        ("D4", json!({"ImageName": "myImage", "InstanceId": "ins-6pb6lrmy"})),
    ];
    for (id, want) in cases {
        let v = vector(id);
        let r = sdk_request(&v);
        let now = Timestamp::from_unix(v["timestamp"].as_u64().unwrap()).unwrap();
        let ok = wire::verify(P, &r, &Secret::new(s(&v, "secret")), now, 300).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(ok.access_key_id, s(&v, "secret_id"), "{id}");
        assert_eq!(
            (ok.algorithm, ok.nonce, ok.region.as_deref()),
            (Algorithm::Tencent3Tc3, None, Some("ap-guangzhou"))
        );
        assert_eq!(wire::access_key_id(P, &r).as_deref(), Some(s(&v, "secret_id")), "{id}");
        let decoded = wire::decode(P, &r).unwrap();
        assert_eq!(decoded, want, "{id}");
        let report = createimage_validator::validate_value(P, &decoded, Options::default()).unwrap();
        assert!(report.valid && report.issues.is_empty(), "{id}: {:?}", report.issues);
        // Another secret, or a changed body, does not verify.
        let wrong = wire::verify(P, &r, &Secret::new("another-secret"), now, 300);
        assert!(matches!(wrong, Err(VerifyError::SignatureMismatch { .. })), "{id}");
        let mut tampered = r.clone();
        tampered.body.push(b' ');
        tampered.query.push_str(if r.query.is_empty() { "" } else { "&DryRun=True" });
        assert!(wire::verify(P, &tampered, &Secret::new(s(&v, "secret")), now, 300).is_err(), "{id}");
    }
}

fn official_credentials() -> Credentials {
    let v = vector("D3");
    Credentials::new(s(&v, "secret_id"), s(&v, "secret"))
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn encode_reproduces_the_official_get() {
    let v = vector("D3");
    let request =
        json!({"ImageName": "from-snap", "SnapshotIds": ["snap-kso6f712", "snap-l3rrf322"], "Region": "ap-guangzhou"});
    let valid = checked(P, &request, Options::default()).unwrap();
    let time = Timestamp::from_unix(1_700_000_000).unwrap();
    let opts = SignOptions { method: Some(Method::Get), ..SignOptions::new(time, "1") };
    let signed = wire::encode(&valid, &official_credentials(), &opts).unwrap();
    let r = &signed.request;
    assert_eq!(r.url(), format!("https://cvm.tencentcloudapi.com/?{}", s(&v, "query")));
    assert!(r.body.is_empty());
    let names: Vec<&str> = r.headers.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        ["Content-Type", "X-TC-Action", "X-TC-Version", "X-TC-Timestamp", "X-TC-Region", "Authorization"]
    );
    let auth = r.header("authorization").unwrap();
    assert!(auth.ends_with(&format!("Signature={}", s(&v["expect"], "signature"))), "{auth}");
    assert_eq!(signed.stages.signature(), s(&v["expect"], "signature"));
    // The request's Region went into X-TC-Region; given as an option, the request's is not sent.
    assert!(signed.not_sent.is_empty());
    let opts = SignOptions { region: Some("ap-guangzhou".into()), ..opts };
    assert_eq!(wire::encode(&valid, &official_credentials(), &opts).unwrap().not_sent, ["Region"]);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_encoding_verifies_and_decodes() {
    let request = json!({"ImageName": "web-镜像-01", "InstanceId": "ins-2v3sqe2t", "ForcePoweroff": "true",
        "DataDiskIds": ["disk-6gabakqz", "disk-2"], "DryRun": true,
        "TagSpecification": [{"ResourceType": "image", "Tags": [{"Key": "env", "Value": "prod &x=1"}, {"Key": "b", "Value": "c"}]}]});
    let time = Timestamp::from_unix(1_700_000_000).unwrap();
    let base = SignOptions { region: Some("ap-shanghai".into()), ..SignOptions::new(time, "1290303896666895346") };
    let local: Endpoint = "http://127.0.0.1:8080".parse().unwrap();
    let cases = [
        (None, None, None),
        (None, Some(Method::Get), None),
        (None, None, Some(local.clone())),
        (Some(Algorithm::Tencent3HmacSha256), None, None),
        (Some(Algorithm::Tencent3HmacSha1), Some(Method::Get), Some(local)),
    ];
    let valid = checked(P, &request, Options::default()).unwrap();
    for (algorithm, method, endpoint) in cases {
        let opts = SignOptions { algorithm, method, endpoint, ..base.clone() };
        let signed = wire::encode(&valid, &official_credentials(), &opts).unwrap();
        let at = format!("{:?} {:?}", signed.algorithm, signed.request.method);
        let ok = wire::verify(P, &signed.request, &official_credentials().secret, time, 300)
            .unwrap_or_else(|e| panic!("{at}: {e}"));
        assert_eq!((ok.algorithm, ok.region.as_deref()), (signed.algorithm, Some("ap-shanghai")), "{at}");
        assert_eq!(wire::decode(P, &signed.request).unwrap(), request, "{at}");
        assert!(t3::is_api3(&signed.request), "{at}");
    }
    let post = wire::encode(&valid, &official_credentials(), &base).unwrap();
    assert_eq!(
        String::from_utf8(post.request.body.clone()).unwrap(),
        r#"{"ImageName":"web-镜像-01","InstanceId":"ins-2v3sqe2t","ForcePoweroff":"true","DataDiskIds":["disk-6gabakqz","disk-2"],"DryRun":true,"TagSpecification":[{"ResourceType":"image","Tags":[{"Key":"env","Value":"prod &x=1"},{"Key":"b","Value":"c"}]}]}"#
    );
    let get = wire::encode(&valid, &official_credentials(), &SignOptions { method: Some(Method::Get), ..base.clone() })
        .unwrap();
    assert_eq!(
        get.request.query,
        "ImageName=web-%E9%95%9C%E5%83%8F-01&InstanceId=ins-2v3sqe2t&ForcePoweroff=true&DataDiskIds.0=disk-6gabakqz&DataDiskIds.1=disk-2&DryRun=true&TagSpecification.0.ResourceType=image&TagSpecification.0.Tags.0.Key=env&TagSpecification.0.Tags.0.Value=prod%20%26x%3D1&TagSpecification.0.Tags.1.Key=b&TagSpecification.0.Tags.1.Value=c"
    );
    let v1 = wire::encode(
        &valid,
        &official_credentials(),
        &SignOptions { algorithm: Some(Algorithm::Tencent3HmacSha1), ..base },
    )
    .unwrap();
    assert_eq!((v1.request.method.as_str(), v1.request.url().as_str()), ("POST", "https://cvm.tencentcloudapi.com/"));
    let body = String::from_utf8(v1.request.body.clone()).unwrap();
    assert!(body.starts_with("Action=CreateImage&Region=ap-shanghai&Timestamp=1700000000&Nonce=1290303896666895346&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&SignatureMethod=HmacSHA1&Version=2017-03-12&ImageName="), "{body}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn flat_parameters_become_the_json_request() {
    let form =
        |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<Vec<_>>();
    type Params = Vec<(String, String)>;
    let cases: Vec<(Params, Result<Value, DecodeError>)> = vec![
        (
            form(&[("ImageName", "a"), ("SnapshotIds.1", "snap-2"), ("SnapshotIds.0", "snap-1"), ("DryRun", "False")]),
            Ok(json!({"ImageName": "a", "SnapshotIds": ["snap-1", "snap-2"], "DryRun": false})),
        ),
        (
            form(&[
                ("TagSpecification.0.ResourceType", "image"),
                ("TagSpecification.0.Tags.0.Key", "k"),
                ("TagSpecification.0.Tags.0.Value", "v"),
                ("TagSpecification.1.Tags.0.Key", "k2"),
                ("DryRun", "True"),
                ("Action", "CreateImage"),
                ("Version", "2017-03-12"),
                ("RequestClient", "SDK_PYTHON_3.1.162"),
            ]),
            Ok(json!({"TagSpecification": [{"ResourceType": "image", "Tags": [{"Key": "k", "Value": "v"}]},
                                           {"Tags": [{"Key": "k2"}]}], "DryRun": true})),
        ),
        // Names the table does not know stay as they are (validation warns); so does a bad value.
        (
            form(&[("SnapshotIds.x", "s"), ("Tag.1.Key", "k"), ("DryRun", "yes")]),
            Ok(json!({"SnapshotIds.x": "s", "Tag.1.Key": "k", "DryRun": "yes"})),
        ),
        (
            form(&[("ImageName", "a"), ("ImageName", "b")]),
            Err(DecodeError::RepeatedParameter { name: "ImageName".into() }),
        ),
        (
            form(&[("SnapshotIds.0", "a"), ("SnapshotIds.0", "b")]),
            Err(DecodeError::RepeatedParameter { name: "SnapshotIds.0".into() }),
        ),
    ];
    for (params, want) in cases {
        assert_eq!(t3::unflatten(&params), want, "{params:?}");
    }
    let report = createimage_validator::validate_value(
        P,
        &t3::unflatten(&form(&[("ImageName", "a"), ("SnapshotIds.0", "s"), ("DryRun", "yes")])).unwrap(),
        Options::default(),
    )
    .unwrap();
    assert_eq!(report.issues.len(), 1);
    assert_eq!((report.issues[0].field.as_str(), report.issues[0].code.as_str()), ("DryRun", PARAM));
}

/// A TC3 request signed over `headers` (names as listed), with `host` as the Host header.
fn signed_over(headers: &[&str], signed_host: &str, service: &str) -> HttpRequest {
    let creds = official_credentials();
    let time = Timestamp::from_unix(1_700_000_000).unwrap();
    let body = br#"{"ImageName":"a","InstanceId":"ins-1"}"#.to_vec();
    let all = [("content-type", "application/json"), ("host", signed_host), ("x-tc-action", "CreateImage")];
    let chosen: Vec<(String, String)> =
        all.iter().filter(|(k, _)| headers.contains(k)).map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    let hashed = createimage_validator::wire::hash::sha256_hex(&body);
    let input =
        tc3::Input { method: "POST", query: "", headers: &chosen, hashed_payload: &hashed, timestamp: time, service };
    let sig = tc3::sign(&input, &creds.access_key_id, &creds.secret);
    HttpRequest {
        method: "POST".into(),
        scheme: "http".into(),
        host: "127.0.0.1:8080".into(),
        path: "/".into(),
        query: String::new(),
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("X-TC-Action".into(), "CreateImage".into()),
            ("X-TC-Version".into(), "2017-03-12".into()),
            ("X-TC-Timestamp".into(), "1700000000".into()),
            ("Authorization".into(), sig.authorization.to_string()),
        ],
        body,
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn verify_takes_what_clients_sign_and_refuses_the_rest() {
    let secret = official_credentials().secret;
    let at = |secs: u64| Timestamp::from_unix(secs).unwrap();
    let check = |r: &HttpRequest, now: u64| wire::verify(P, r, &secret, at(now), 300);
    // The docs' example signs x-tc-action too; the Node.js SDK signs the host without its port and
    // names the service after the host's first label.
    for (headers, host, service) in [
        (&["content-type", "host", "x-tc-action"][..], "127.0.0.1:8080", "cvm"),
        (&["content-type", "host"][..], "127.0.0.1", "cvm"),
        (&["content-type", "host"][..], "127.0.0.1", "127"),
    ] {
        assert!(check(&signed_over(headers, host, service), 1_700_000_000).is_ok(), "{headers:?} {host} {service}");
    }
    assert!(check(&signed_over(&["content-type", "host"], "127.0.0.1:8080", "cvm"), 1_700_000_300).is_ok());
    let expired = check(&signed_over(&["content-type", "host"], "127.0.0.1:8080", "cvm"), 1_700_000_301);
    assert!(matches!(expired, Err(VerifyError::Expired { .. })));
    assert_eq!(
        check(&signed_over(&["host"], "127.0.0.1:8080", "cvm"), 1_700_000_000),
        Err(VerifyError::Unsigned { header: "content-type".into() })
    );
    assert!(matches!(
        check(&signed_over(&["content-type", "host"], "127.0.0.1:8080", "ecs"), 1_700_000_000),
        Err(VerifyError::ScopeMismatch { .. })
    ));
    let mut r = signed_over(&["content-type", "host"], "127.0.0.1:8080", "cvm");
    r.headers[2].1 = "2018-01-01".into();
    assert_eq!(check(&r, 1_700_000_000), Err(VerifyError::WrongVersion { version: "2018-01-01".into() }));
    r.headers[1].1 = "DescribeImages".into();
    assert_eq!(check(&r, 1_700_000_000), Err(VerifyError::WrongAction { action: "DescribeImages".into() }));
    // A credential dated another day than the timestamp.
    let mut r = signed_over(&["content-type", "host"], "127.0.0.1:8080", "cvm");
    let auth = r.headers[4].1.replace("2023-11-14", "2023-11-15");
    r.headers[4].1 = auth;
    assert!(matches!(check(&r, 1_700_000_000), Err(VerifyError::ScopeMismatch { .. })));
    let mut r = signed_over(&["content-type", "host"], "127.0.0.1:8080", "cvm");
    r.headers[4].1 = "HMAC-SHA256 Credential=x".into();
    assert!(matches!(check(&r, 1_700_000_000), Err(VerifyError::UnsupportedAlgorithm { .. })));
    // The codes these answer with.
    let codes = [
        (VerifyError::Expired { timestamp: at(0), now: at(400), max_skew: 300 }, "AuthFailure.SignatureExpire"),
        (VerifyError::SignatureMismatch { string_to_sign: String::new() }, "AuthFailure.SignatureFailure"),
        (VerifyError::Unsigned { header: "host".into() }, "AuthFailure.SignatureFailure"),
        (VerifyError::Missing { name: "authorization".into() }, "AuthFailure.InvalidAuthorization"),
        (VerifyError::WrongVersion { version: "x".into() }, "NoSuchVersion"),
        (VerifyError::WrongAction { action: "x".into() }, "InvalidAction"),
    ];
    for (e, code) in codes {
        assert_eq!(e.code(P).map(|c| c.as_str()), Some(code), "{e:?}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decode_refuses_other_requests_and_tells_3_0_from_alibaba() {
    let r = |method: &str, path: &str, query: &str, headers: &[(&str, &str)]| HttpRequest {
        method: method.into(),
        scheme: "http".into(),
        host: "127.0.0.1".into(),
        path: path.into(),
        query: query.into(),
        headers: headers.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
        body: Vec::new(),
    };
    let tc3 = [("X-TC-Action", "CreateImage")];
    assert_eq!(wire::decode(P, &r("PUT", "/", "", &tc3)), Err(DecodeError::Method { method: "PUT".into() }));
    assert_eq!(
        wire::decode(P, &r("GET", "/v2/index.php", "", &tc3)),
        Err(DecodeError::Path { path: "/v2/index.php".into() })
    );
    assert_eq!(
        wire::decode(P, &r("GET", "/", "", &[("X-TC-Action", "DescribeImages")])),
        Err(DecodeError::WrongAction { action: "DescribeImages".into() })
    );
    assert_eq!(wire::decode(P, &r("GET", "/", "Version=2017-03-12", &[])), Err(DecodeError::MissingAction));
    assert!(t3::is_api3(&r("GET", "/", "", &tc3)));
    assert!(t3::is_api3(&r("GET", "/", "Action=CreateImage&Version=2017-03-12", &[])));
    // Alibaba's RPC: its own version, or its V3 header.
    assert!(!t3::is_api3(&r("GET", "/", "Action=CreateImage&Version=2014-05-26", &[])));
    assert!(!t3::is_api3(&r("POST", "/", "", &[("x-acs-action", "CreateImage")])));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn responses() {
    let ok = br#"{"Response":{"ImageId":"img-0yc6rie8","RequestId":"71e69b56-32be-4412-ab45-49eded6a87be"}}"#;
    let ApiResponse::Created(c) = wire::parse_response(P, 200, ok).unwrap() else { panic!("created") };
    assert_eq!(
        (c.image_id.as_deref(), c.request_id.as_str()),
        (Some("img-0yc6rie8"), "71e69b56-32be-4412-ab45-49eded6a87be")
    );
    let null_id = br#"{"Response":{"ImageId":null,"RequestId":"r"}}"#;
    let ApiResponse::Created(c) = wire::parse_response(P, 200, null_id).unwrap() else { panic!("created") };
    assert_eq!(c.image_id, None);
    let err = br#"{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The provided credentials could not be validated. Please check your signature is correct."},"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}"#;
    let ApiResponse::Failed(e) = wire::parse_response(P, 200, err).unwrap() else { panic!("failed") };
    assert_eq!(e.code, ErrorCode::Known(Code::Tencent3(tencent3::Code::SignatureFailure)));
    assert_eq!((e.http_status, e.request_id.as_deref()), (200, Some("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6")));
    assert_eq!(e.entries()[0].meaning.zh, "签名错误。签名计算错误");
    let unknown = br#"{"Response":{"Error":{"Code":"FailedOperation.Something","Message":"m"},"RequestId":"r"}}"#;
    let ApiResponse::Failed(e) = wire::parse_response(P, 200, unknown).unwrap() else { panic!("failed") };
    assert_eq!(e.code, ErrorCode::Unknown("FailedOperation.Something".into()));
    for bad in [&br#"{"code":0}"#[..], br#"{"Response":{"ImageId":"i"}}"#, br#"{"Response":{"Error":"x"}}"#, b"<html>"]
    {
        assert!(wire::parse_response(P, 200, bad).is_err(), "{}", String::from_utf8_lossy(bad));
    }
    assert!(wire::parse_response(P, 502, br#"{"Response":{"RequestId":"r"}}"#).is_err());
}
