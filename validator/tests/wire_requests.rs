//! CreateImage requests on the wire, end to end, for every provider: the exact request an
//! encoder builds (method, URL, headers in order, body bytes, and only the common parameters
//! providers.md lists), signatures cross-checked against an independent computation, what
//! `decode` tolerates, how `verify` fails, and why `encode` refuses. Runs natively and in
//! headless Chromium.
//!
//! The expected signatures below were computed once, independently of this crate, by a short
//! Python 3 script written from providers.md (hashlib, hmac, base64, urllib.parse.quote with
//! safe="-_.~"); they are not official vectors (those are in `signing_vectors.rs`).

use createimage_validator::wire::{
    self, Algorithm, Credentials, DecodeError, EncodeError, Endpoint, HttpRequest, Method, Secret, SignOptions, Signed,
    Timestamp, VerifyError,
};
use createimage_validator::{Code, Options, Provider, checked};
use serde_json::{Value, json};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const AK: &str = "AKIDEXAMPLE";
const SK: &str = "wJalrXUtnFEMI-test-secret";
const NONCE: &str = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";
const TENCENT_NONCE: &str = "1290303896666895346";
/// 2023-11-14T22:13:20Z.
const TIME: u64 = 1_700_000_000;

fn time() -> Timestamp {
    Timestamp::from_unix(TIME).unwrap()
}

fn credentials() -> Credentials {
    Credentials::new(AK, SK)
}

fn sign(provider: Provider, request: Value, options: SignOptions) -> Signed {
    let valid = checked(provider, &request, Options::default()).expect("a valid request");
    wire::encode(&valid, &credentials(), &options).expect("signs")
}

fn options(nonce: &str) -> SignOptions {
    SignOptions::new(time(), nonce)
}

fn header<'a>(r: &'a HttpRequest, name: &str) -> &'a str {
    r.header(name).unwrap_or_else(|| panic!("no header {name}"))
}

fn names(r: &HttpRequest) -> Vec<&str> {
    r.headers.iter().map(|(k, _)| k.as_str()).collect()
}

fn query_names(query: &str) -> Vec<String> {
    wire::percent::parse_form(query).unwrap().into_iter().map(|(k, _)| k).collect()
}

fn zenlayer_request() -> Value {
    json!({"imageDescription": "nightly 构建", "imageName": "web-01", "instanceId": "1234567654321"})
}

fn aliyun_request() -> Value {
    json!({"RegionId": "cn-hangzhou", "InstanceId": "i-bp1g6zv0ce8oghu7", "ImageName": "web:01",
           "Description": "a b*c~(d)!'/中", "Tag": [{"Key": "team", "Value": "a b/c"}]})
}

fn tencent_request() -> Value {
    json!({"instanceId": "ins-12345678", "imageName": "test", "imageDescription": "desc"})
}

fn tencent3_request() -> Value {
    json!({"ImageName": "web 镜像", "SnapshotIds": ["snap-1", "snap-2"], "DryRun": true})
}

fn jd_request() -> Value {
    json!({"description": "nightly", "name": "web-01", "instanceId": "i-eumm1234d6", "regionId": "cn-north-1"})
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn zenlayer_request_on_the_wire() {
    let signed = sign(Provider::Zenlayer, zenlayer_request(), options("ignored"));
    let r = &signed.request;
    assert_eq!((r.method.as_str(), r.url().as_str()), ("POST", "https://console.zenlayer.com/api/v2/vm"));
    // Keys in the seed's parameter order, compact, UTF-8 as is.
    assert_eq!(
        String::from_utf8(r.body.clone()).unwrap(),
        r#"{"instanceId":"1234567654321","imageName":"web-01","imageDescription":"nightly 构建"}"#
    );
    assert_eq!(
        names(r),
        ["Content-Type", "X-ZC-Action", "X-ZC-Version", "X-ZC-Timestamp", "X-ZC-Signature-Method", "Authorization"]
    );
    assert_eq!(header(r, "X-ZC-Action"), "CreateImage");
    assert_eq!(header(r, "X-ZC-Timestamp"), "1700000000");
    assert_eq!(
        header(r, "Authorization"),
        "ZC2-HMAC-SHA256 Credential=AKIDEXAMPLE, SignedHeaders=content-type;host, \
         Signature=b02f95a6748aff3b67d156f3799a0500aefa5f5e83e0a3c3d3191ca43e906631"
    );
    assert_eq!(signed.algorithm, Algorithm::ZenlayerZc2);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn aliyun_rpc_get_and_post() {
    let get = sign(Provider::Aliyun, aliyun_request(), options(NONCE));
    let r = &get.request;
    assert_eq!(
        (r.method.as_str(), r.scheme.as_str(), r.host.as_str(), r.path.as_str()),
        ("GET", "https", "ecs.aliyuncs.com", "/")
    );
    assert!(r.headers.is_empty() && r.body.is_empty());
    let params = wire::percent::parse_form(&r.query).unwrap();
    let common = [
        "Action",
        "Version",
        "Format",
        "AccessKeyId",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
        "Timestamp",
    ];
    // The request's own parameters in the order of seed 002's parameter table.
    let own = ["RegionId", "Description", "ImageName", "InstanceId", "Tag.1.Key", "Tag.1.Value"];
    let mut want: Vec<&str> = common.iter().chain(&own).copied().collect();
    want.push("Signature");
    assert_eq!(query_names(&r.query), want);
    let value = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str()).unwrap();
    assert_eq!(value("Timestamp"), "2023-11-14T22:13:20Z");
    assert_eq!(value("Format"), "JSON");
    assert_eq!(value("Signature"), "pR5XEfvuDf01rWBhf1AvWSkb6e8=");
    // Encoded once, RFC 3986: `%20` for space, `%2A` for `*`, `~` kept, `+` of Base64 as `%2B`.
    assert!(r.query.contains("Description=a%20b%2Ac~%28d%29%21%27%2F%E4%B8%AD"), "{}", r.query);
    assert!(r.query.contains("Timestamp=2023-11-14T22%3A13%3A20Z"));

    let post = sign(Provider::Aliyun, aliyun_request(), SignOptions { method: Some(Method::Post), ..options(NONCE) });
    let r = &post.request;
    assert_eq!((r.method.as_str(), r.query.as_str()), ("POST", ""));
    assert_eq!(names(r), ["Content-Type"]);
    assert_eq!(header(r, "content-type"), "application/x-www-form-urlencoded");
    let body = String::from_utf8(r.body.clone()).unwrap();
    assert_eq!(query_names(&body), want);
    assert!(body.ends_with("&Signature=7ktFrdivsSN7e%2FwEStqmN%2BAca8w%3D"), "{body}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn aliyun_acs3() {
    let signed = sign(
        Provider::Aliyun,
        aliyun_request(),
        SignOptions { algorithm: Some(Algorithm::AliyunAcs3), ..options(NONCE) },
    );
    let r = &signed.request;
    // V3 carries only the request's own parameters; the protocol goes in x-acs-* headers.
    assert_eq!(
        query_names(&r.query),
        ["RegionId", "Description", "ImageName", "InstanceId", "Tag.1.Key", "Tag.1.Value"]
    );
    assert_eq!(
        names(r),
        [
            "x-acs-action",
            "x-acs-version",
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-content-sha256",
            "Authorization"
        ]
    );
    assert_eq!(
        header(r, "authorization"),
        "ACS3-HMAC-SHA256 Credential=AKIDEXAMPLE,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;\
         x-acs-signature-nonce;x-acs-version,Signature=6efcd7da4c412ccb97e2f8c85a41adc762ef3dd1141708ffd0c9bf12f1b51a88"
    );
    let post = sign(
        Provider::Aliyun,
        aliyun_request(),
        SignOptions { algorithm: Some(Algorithm::AliyunAcs3), method: Some(Method::Post), ..options(NONCE) },
    );
    assert!(header(&post.request, "authorization").contains("SignedHeaders=content-type;host;x-acs-action"));
    assert_eq!(header(&post.request, "x-acs-content-sha256"), wire::hash::sha256_hex(&post.request.body));
    for s in [&signed, &post] {
        wire::verify(Provider::Aliyun, &s.request, &Secret::new(SK), time(), 900).expect("verifies");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn tencent_request_on_the_wire() {
    let opts = SignOptions { region: Some("ap-guangzhou".into()), ..options(TENCENT_NONCE) };
    let signed = sign(Provider::Tencent, tencent_request(), opts);
    let r = &signed.request;
    assert_eq!(r.url().split('?').next().unwrap(), "https://image.api.qcloud.com/v2/index.php");
    assert_eq!(
        query_names(&r.query),
        [
            "Action",
            "Region",
            "Timestamp",
            "Nonce",
            "SecretId",
            "SignatureMethod",
            "instanceId",
            "imageName",
            "imageDescription",
            "Signature"
        ]
    );
    assert!(r.query.ends_with("&Signature=6IOuJY3ii%2Baz3NKOLkmAJOibDiJXGfhLRZN8NDurMek%3D"), "{}", r.query);
    assert_eq!(signed.algorithm, Algorithm::TencentHmacSha256);

    // The region may come from the request instead; SHA-1 on request.
    let mut with_region = tencent_request();
    with_region["Region"] = json!("ap-guangzhou");
    let sha1 = sign(
        Provider::Tencent,
        with_region,
        SignOptions { algorithm: Some(Algorithm::TencentHmacSha1), ..options(TENCENT_NONCE) },
    );
    assert!(
        sha1.request.query.contains("Region=ap-guangzhou&") && sha1.request.query.contains("SignatureMethod=HmacSHA1")
    );
    assert!(sha1.not_sent.is_empty(), "{:?}", sha1.not_sent);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn jd_request_on_the_wire() {
    for (algorithm, signature) in [
        (Algorithm::Jdcloud2, "04de456a723443fadddac8c82c21fcbf7e52d4855716263a74067483b9df681b"),
        (Algorithm::Jdcloud3, "3642f79697429e465015f77433a32aa29f54a6113a9fe11834f1bebd90548574"),
    ] {
        let signed =
            sign(Provider::JdCloud, jd_request(), SignOptions { algorithm: Some(algorithm), ..options(NONCE) });
        let r = &signed.request;
        assert_eq!(r.url(), "https://vm.jdcloud-api.com/v1/regions/cn-north-1/instances/i-eumm1234d6:createImage");
        // Body parameters only, in the seed's order; the path parameters are in the path.
        assert_eq!(r.body, br#"{"name":"web-01","description":"nightly"}"#);
        assert_eq!(names(r), ["Content-Type", "x-jdcloud-date", "x-jdcloud-nonce", "Authorization"]);
        assert_eq!(header(r, "x-jdcloud-date"), "20231114T221320Z");
        let scope = if algorithm == Algorithm::Jdcloud2 { "jdcloud2_request" } else { "jdcloud3_request" };
        assert_eq!(
            header(r, "authorization"),
            format!(
                "{algorithm}-HMAC-SHA256 Credential=AKIDEXAMPLE/20231114/cn-north-1/vm/{scope}, \
                 SignedHeaders=content-type;host;x-jdcloud-date;x-jdcloud-nonce, Signature={signature}"
            )
        );
    }
    // Path segments are percent-encoded; `:createImage` stays literal.
    let odd = json!({"regionId": "cn-north-1", "instanceId": "i-a/b c:d", "name": "web-01"});
    let signed = sign(Provider::JdCloud, odd.clone(), options(NONCE));
    assert_eq!(signed.request.path, "/v1/regions/cn-north-1/instances/i-a%2Fb%20c%3Ad:createImage");
    assert_eq!(wire::decode(Provider::JdCloud, &signed.request).unwrap(), odd);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn endpoints_and_stale_common_parameters() {
    let endpoint: Endpoint = "http://127.0.0.1:8081".parse().unwrap();
    let mut request = aliyun_request();
    request["Signature"] = json!("stale");
    request["Action"] = json!("CreateImage");
    request["Timestamp"] = json!("2001-01-01T00:00:00Z");
    request["NotAParameter"] = json!("x");
    let signed = sign(Provider::Aliyun, request, SignOptions { endpoint: Some(endpoint), ..options(NONCE) });
    assert!(signed.request.url().starts_with("http://127.0.0.1:8081/?"));
    assert_eq!(signed.not_sent, ["Action", "Signature", "Timestamp", "NotAParameter"]);
    assert!(!signed.request.query.contains("stale") && !signed.request.query.contains("NotAParameter"));
    assert_eq!(query_names(&signed.request.query).iter().filter(|n| *n == "Action").count(), 1);
}

fn verify(p: Provider, r: &HttpRequest) -> Result<wire::Verified, VerifyError> {
    wire::verify(p, r, &Secret::new(SK), time(), 300)
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_encoding_verifies_and_decodes() {
    let cases: Vec<(Provider, Value, SignOptions)> = vec![
        (Provider::Zenlayer, zenlayer_request(), options("n")),
        (Provider::Aliyun, aliyun_request(), options(NONCE)),
        (Provider::Aliyun, aliyun_request(), SignOptions { method: Some(Method::Post), ..options(NONCE) }),
        (
            Provider::Tencent,
            tencent_request(),
            SignOptions { region: Some("ap-guangzhou".into()), ..options(TENCENT_NONCE) },
        ),
        (
            Provider::Tencent,
            tencent_request(),
            SignOptions { region: Some("ap-guangzhou".into()), method: Some(Method::Post), ..options(TENCENT_NONCE) },
        ),
        (Provider::JdCloud, jd_request(), options(NONCE)),
        (Provider::JdCloud, jd_request(), SignOptions { algorithm: Some(Algorithm::Jdcloud3), ..options(NONCE) }),
        (
            Provider::Tencent3,
            tencent3_request(),
            SignOptions { region: Some("ap-guangzhou".into()), ..options(TENCENT_NONCE) },
        ),
        (
            Provider::Tencent3,
            tencent3_request(),
            SignOptions { region: Some("ap-guangzhou".into()), method: Some(Method::Get), ..options(TENCENT_NONCE) },
        ),
        (
            Provider::Tencent3,
            tencent3_request(),
            SignOptions {
                region: Some("ap-guangzhou".into()),
                algorithm: Some(Algorithm::Tencent3HmacSha256),
                ..options(TENCENT_NONCE)
            },
        ),
    ];
    for (p, request, opts) in cases {
        let signed = sign(p, request, opts);
        let ok = verify(p, &signed.request).unwrap_or_else(|e| panic!("{p}: {e}"));
        assert_eq!((ok.access_key_id.as_str(), ok.algorithm, ok.timestamp), (AK, signed.algorithm, time()));
        assert_eq!(wire::access_key_id(p, &signed.request).as_deref(), Some(AK));
        let valid = checked(p, &wire::decode(p, &signed.request).unwrap(), Options::default()).unwrap();
        let original = checked(
            p,
            &match p {
                Provider::Zenlayer => zenlayer_request(),
                Provider::Aliyun => aliyun_request(),
                Provider::Tencent => tencent_request(),
                Provider::Tencent3 => tencent3_request(),
                Provider::JdCloud => jd_request(),
            },
            Options::default(),
        )
        .unwrap();
        assert_eq!(valid.params(), original.params(), "{p}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decode_tolerates_what_sdks_send() {
    // JD Go SDK: path parameters repeated in the body, `null` for absent optional values.
    let mut r = sign(Provider::JdCloud, jd_request(), options(NONCE)).request;
    r.body =
        br#"{"dataDisks":null,"description":null,"instanceId":"i-eumm1234d6","name":"web-01","regionId":"cn-north-1"}"#
            .to_vec();
    r.headers.push(("User-Agent".into(), "JdcloudSdkGo/1.0 vm/1.0".into()));
    assert_eq!(
        wire::decode(Provider::JdCloud, &r).unwrap(),
        json!({"regionId": "cn-north-1", "instanceId": "i-eumm1234d6", "name": "web-01"})
    );
    // Tencent Python SDK: RequestClient and Version, signed like the others.
    let mut params = vec![
        ("Action", "CreateImage"),
        ("Region", "ap-guangzhou"),
        ("Timestamp", "1700000000"),
        ("Nonce", "7"),
        ("SecretId", AK),
        ("RequestClient", "SDK_PYTHON_2.0.15"),
        ("Version", "2017-03-12"),
        ("instanceId", "ins-12345678"),
        ("imageName", "test"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect::<Vec<_>>();
    let sig =
        wire::algorithms::tencent_v2::sign("GET", "image.api.qcloud.com", "/v2/index.php", &params, &Secret::new(SK));
    params.push(("Signature".into(), sig.signature));
    let r = HttpRequest {
        method: "GET".into(),
        scheme: "https".into(),
        host: "image.api.qcloud.com".into(),
        path: "/v2/index.php".into(),
        query: wire::percent::form(&params),
        headers: vec![("Host".into(), "image.api.qcloud.com".into())],
        body: Vec::new(),
    };
    assert_eq!(
        wire::decode(Provider::Tencent, &r).unwrap(),
        json!({"instanceId": "ins-12345678", "imageName": "test"})
    );
    let ok = verify(Provider::Tencent, &r).unwrap();
    assert_eq!(
        (ok.algorithm, ok.nonce.as_deref(), ok.region.as_deref()),
        (Algorithm::TencentHmacSha1, Some("7"), Some("ap-guangzhou"))
    );
    // Alibaba: integers arrive as text and decode as numbers of integer fields.
    let mut r = sign(Provider::Aliyun, aliyun_request(), options(NONCE)).request;
    r.query.push_str("&DiskDeviceMapping.1.Size=40");
    assert_eq!(wire::decode(Provider::Aliyun, &r).unwrap()["DiskDeviceMapping.1.Size"], json!(40));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decode_refuses_other_requests() {
    let base = sign(Provider::Zenlayer, zenlayer_request(), options("n")).request;
    let mut r = base.clone();
    r.headers.retain(|(k, _)| k != "X-ZC-Action");
    r.headers.push(("X-ZC-Action".into(), "DescribeImages".into()));
    assert_eq!(wire::decode(Provider::Zenlayer, &r), Err(DecodeError::WrongAction { action: "DescribeImages".into() }));
    let mut r = base.clone();
    r.body = b"[1]".to_vec();
    assert_eq!(wire::decode(Provider::Zenlayer, &r), Err(DecodeError::BodyNotObject("array")));
    let mut r = base.clone();
    r.method = "GET".into();
    assert!(matches!(wire::decode(Provider::Zenlayer, &r), Err(DecodeError::Method { .. })));
    let mut r = sign(Provider::JdCloud, jd_request(), options(NONCE)).request;
    r.path = "/v1/regions/cn-north-1/instances/i-1:stopInstance".into();
    assert!(matches!(wire::decode(Provider::JdCloud, &r), Err(DecodeError::Path { .. })));
    let mut r = sign(Provider::Aliyun, aliyun_request(), options(NONCE)).request;
    r.query.push_str("&ImageName=again");
    assert_eq!(wire::decode(Provider::Aliyun, &r), Err(DecodeError::RepeatedParameter { name: "ImageName".into() }));
    r.query = "Action=DeleteImage".into();
    assert!(matches!(wire::decode(Provider::Aliyun, &r), Err(DecodeError::WrongAction { .. })));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn verify_answers_in_the_providers_words() {
    // Alibaba: the server's string to sign, for SignatureDoesNotMatch.
    let signed = sign(Provider::Aliyun, aliyun_request(), options(NONCE));
    let err = wire::verify(Provider::Aliyun, &signed.request, &Secret::new("another"), time(), 300).unwrap_err();
    let VerifyError::SignatureMismatch { string_to_sign } = &err else { panic!("{err:?}") };
    assert_eq!(string_to_sign, signed.stages.steps()[1].text);
    assert_eq!(string_to_sign, signed.stages.string_to_sign());
    assert_eq!(err.code(Provider::Aliyun).map(|c| c.as_str()), Some("SignatureDoesNotMatch"));
    // Expired, either way, just beyond the skew; on the boundary it passes.
    let late = Timestamp::from_unix(TIME + 301).unwrap();
    let err = wire::verify(Provider::Aliyun, &signed.request, &Secret::new(SK), late, 300).unwrap_err();
    assert!(matches!(err, VerifyError::Expired { max_skew: 300, .. }));
    assert_eq!(
        err.code(Provider::Aliyun),
        Some(Code::Aliyun(createimage_validator::providers::aliyun::Code::InvalidTimeStampExpired))
    );
    let early = Timestamp::from_unix(TIME - 301).unwrap();
    assert!(wire::verify(Provider::Aliyun, &signed.request, &Secret::new(SK), early, 300).is_err());
    assert!(
        wire::verify(
            Provider::Aliyun,
            &signed.request,
            &Secret::new(SK),
            Timestamp::from_unix(TIME + 300).unwrap(),
            300
        )
        .is_ok()
    );
    // Missing parameters are named.
    let mut r = signed.request.clone();
    let params: Vec<(String, String)> =
        wire::percent::parse_form(&r.query).unwrap().into_iter().filter(|(k, _)| k != "SignatureNonce").collect();
    r.query = wire::percent::form(&params);
    let err = verify(Provider::Aliyun, &r).unwrap_err();
    assert_eq!(err, VerifyError::Missing { name: "SignatureNonce".into() });
    assert_eq!(err.code(Provider::Aliyun).map(|c| c.as_str()), Some("MissingParameter"));
    // Tencent: expired is 4200, a bad signature 4100.
    let t = sign(
        Provider::Tencent,
        tencent_request(),
        SignOptions { region: Some("ap-guangzhou".into()), ..options(TENCENT_NONCE) },
    );
    let err = wire::verify(Provider::Tencent, &t.request, &Secret::new(SK), late, 300).unwrap_err();
    assert_eq!(err.code(Provider::Tencent).map(|c| c.as_str()), Some("4200"));
    let err = wire::verify(Provider::Tencent, &t.request, &Secret::new("x"), time(), 300).unwrap_err();
    assert_eq!(err.code(Provider::Tencent).map(|c| c.as_str()), Some("4100"));
    // JD: the scope must name the path's region and the vm service.
    let mut j = sign(Provider::JdCloud, jd_request(), options(NONCE)).request;
    j.path = j.path.replace("cn-north-1", "cn-east-2");
    assert!(matches!(verify(Provider::JdCloud, &j), Err(VerifyError::ScopeMismatch { .. })));
    // JD: a declared content hash must be the body's.
    let mut j = sign(Provider::JdCloud, jd_request(), options(NONCE)).request;
    j.headers.push(("x-jdcloud-content-sha256".into(), wire::hash::sha256_hex(b"other")));
    assert_eq!(verify(Provider::JdCloud, &j), Err(VerifyError::ContentHashMismatch));
    // Zenlayer: personal access tokens are another scheme; its codes are not guessed.
    let mut z = sign(Provider::Zenlayer, zenlayer_request(), options("n")).request;
    z.headers.retain(|(k, _)| k != "Authorization");
    z.headers.push(("Authorization".into(), "Bearer abc".into()));
    let err = verify(Provider::Zenlayer, &z).unwrap_err();
    assert!(matches!(err, VerifyError::UnsupportedAlgorithm { .. }));
    assert_eq!(err.code(Provider::Zenlayer), None);
}

/// The string to sign a server echoes is read from its answer to a bad signature only, through the
/// provider's registration (Alibaba's gateway words); other codes and providers carry none.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_servers_string_to_sign_is_read_from_a_signature_mismatch_only() {
    let answer = |p: Provider, status: u16, body: &str| match wire::parse_response(p, status, body.as_bytes()) {
        Ok(wire::ApiResponse::Failed(e)) => e,
        other => panic!("{other:?}"),
    };
    let mismatch = r#"{"RequestId":"R","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3DB"}"#;
    assert_eq!(answer(Provider::Aliyun, 400, mismatch).server_string_to_sign(), Some("GET&%2F&AccessKeyId%3DB"));
    let other = mismatch.replace("SignatureDoesNotMatch", "IncompleteSignature");
    assert_eq!(answer(Provider::Aliyun, 400, &other).server_string_to_sign(), None);
    let bare = r#"{"RequestId":"R","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched."}"#;
    assert_eq!(answer(Provider::Aliyun, 400, bare).server_string_to_sign(), None);
    let tencent = r#"{"code":4100,"message":"server string to sign is:x"}"#;
    assert_eq!(answer(Provider::Tencent, 200, tencent).server_string_to_sign(), None);
    // Every algorithm's string to sign is its stages' own.
    for (p, request, nonce) in [
        (Provider::Aliyun, aliyun_request(), NONCE),
        (Provider::JdCloud, jd_request(), NONCE),
        (Provider::Zenlayer, zenlayer_request(), "n"),
    ] {
        for algorithm in Algorithm::of(p) {
            let s = sign(p, request.clone(), SignOptions { algorithm: Some(algorithm), ..options(nonce) });
            let named = s.stages.steps().into_iter().find(|step| step.name == "StringToSign").map(|step| step.text);
            assert_eq!(named, Some(s.stages.string_to_sign()), "{algorithm}");
            let canonical =
                s.stages.steps().into_iter().find(|step| step.name == "CanonicalRequest").map(|step| step.text);
            assert_eq!(canonical, s.stages.canonical_request(), "{algorithm}");
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn encode_refuses_what_cannot_be_signed() {
    let zen = checked(Provider::Zenlayer, &zenlayer_request(), Options::default()).unwrap();
    let jd = checked(Provider::JdCloud, &jd_request(), Options::default()).unwrap();
    let tencent = checked(Provider::Tencent, &tencent_request(), Options::default()).unwrap();
    let c = credentials();
    let get = SignOptions { method: Some(Method::Get), ..options(NONCE) };
    assert_eq!(
        wire::encode(&zen, &c, &get),
        Err(EncodeError::MethodNotAllowed { provider: Provider::Zenlayer, method: Method::Get })
    );
    assert!(matches!(wire::encode(&jd, &c, &get), Err(EncodeError::MethodNotAllowed { .. })));
    let wrong = SignOptions { algorithm: Some(Algorithm::Jdcloud3), ..options(NONCE) };
    assert!(matches!(wire::encode(&zen, &c, &wrong), Err(EncodeError::WrongAlgorithm { .. })));
    assert_eq!(wire::encode(&tencent, &c, &options(TENCENT_NONCE)), Err(EncodeError::MissingRegion));
    let region = SignOptions { region: Some("ap-guangzhou".into()), ..options("abc") };
    assert!(matches!(wire::encode(&tencent, &c, &region), Err(EncodeError::InvalidNonce { .. })));
    let region = SignOptions { region: Some("cn-east-2".into()), ..options(NONCE) };
    assert!(matches!(wire::encode(&jd, &c, &region), Err(EncodeError::RegionConflict { .. })));
    assert!(matches!(wire::encode(&zen, &c, &region), Err(EncodeError::NoRegionParameter { .. })));
    assert_eq!(wire::encode(&zen, &Credentials::new("", SK), &options("n")), Err(EncodeError::InvalidAccessKeyId));
    assert_eq!(wire::encode(&zen, &Credentials::new("a/b", SK), &options("n")), Err(EncodeError::InvalidAccessKeyId));
    assert_eq!(wire::encode(&zen, &Credentials::new(AK, ""), &options("n")), Err(EncodeError::EmptySecret));
    assert!(matches!(
        wire::encode(&jd, &credentials().with_security_token("t"), &options(NONCE)),
        Err(EncodeError::TokenUnsupported { .. })
    ));
    let dots =
        checked(Provider::JdCloud, &json!({"regionId": "..", "instanceId": "i", "name": "ab"}), Options::default())
            .unwrap();
    assert_eq!(wire::encode(&dots, &c, &options(NONCE)), Err(EncodeError::DotSegment { field: "regionId" }));
}

/// Found by the fuzzer (wire_tamper): a JD region with `/` or `,` was signed into a credential scope
/// (`AK/date/region/vm/term` in the Authorization header) that no verifier can read back. Such a
/// region is refused; any other region the rules accept signs into a request that verifies.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_jd_region_signs_only_when_its_scope_reads_back() {
    for (region, refused) in [
        ("/KK", true),
        ("cn/north-1", true),
        ("a,b", true),
        ("a, Signature=0", true),
        ("cn-north-1", false),
        ("a b", false),
        ("a=b;c", false),
    ] {
        let valid = checked(
            Provider::JdCloud,
            &json!({"regionId": region, "instanceId": "i-1", "name": "ab"}),
            Options::default(),
        )
        .unwrap_or_else(|e| panic!("{region:?}: {e:?}"));
        for algorithm in [Algorithm::Jdcloud2, Algorithm::Jdcloud3] {
            let opts = SignOptions { algorithm: Some(algorithm), ..options(NONCE) };
            match wire::encode(&valid, &credentials(), &opts) {
                Err(e) => {
                    assert!(refused, "{region:?} {algorithm}: {e}");
                    assert_eq!(e, EncodeError::UnscopedRegion { region: region.to_owned() });
                }
                Ok(signed) => {
                    assert!(!refused, "{region:?} {algorithm} was signed");
                    let ok = verify(Provider::JdCloud, &signed.request).unwrap_or_else(|e| panic!("{region:?}: {e}"));
                    assert_eq!(ok.region.as_deref(), Some(region));
                }
            }
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn security_tokens_travel_with_the_request() {
    let c = credentials().with_security_token("STS-token-value");
    let valid = checked(Provider::Aliyun, &aliyun_request(), Options::default()).unwrap();
    let signed = wire::encode(&valid, &c, &options(NONCE)).unwrap();
    assert!(signed.request.query.contains("SecurityToken=STS-token-value"));
    verify(Provider::Aliyun, &signed.request).unwrap();
    let preview = signed.redacted().to_string();
    assert!(!preview.contains("STS-token-value") && preview.contains("SecurityToken=<redacted>"), "{preview}");
    let v3 =
        wire::encode(&valid, &c, &SignOptions { algorithm: Some(Algorithm::AliyunAcs3), ..options(NONCE) }).unwrap();
    assert_eq!(v3.request.header("x-acs-security-token"), Some("STS-token-value"));
    assert!(header(&v3.request, "authorization").contains("x-acs-security-token"));
    let valid = checked(Provider::Tencent, &tencent_request(), Options::default()).unwrap();
    let t = wire::encode(&valid, &c, &SignOptions { region: Some("ap-guangzhou".into()), ..options(TENCENT_NONCE) })
        .unwrap();
    assert!(t.request.query.contains("Token=STS-token-value"));
    assert!(!t.redacted().to_string().contains("STS-token-value"));
}

/// Nonces: every shape an SDK sends, up to the limit, verifies; one byte more is refused before
/// the signature is computed (a server keeps each nonce for its replay window).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn nonces_are_bounded_in_length() {
    use createimage_validator::wire::verify::MAX_NONCE_LEN;
    let at_limit = "n".repeat(MAX_NONCE_LEN);
    let over = "n".repeat(MAX_NONCE_LEN + 1);
    let acs3 = SignOptions { algorithm: Some(Algorithm::AliyunAcs3), ..options(NONCE) };
    let cases = [
        (Provider::Aliyun, aliyun_request(), options(NONCE), "SignatureNonce"),
        (Provider::Aliyun, aliyun_request(), acs3, "x-acs-signature-nonce"),
        (Provider::JdCloud, jd_request(), options(NONCE), "x-jdcloud-nonce"),
    ];
    for (provider, request, base, name) in cases {
        // A UUID (Alibaba's Python and Java SDKs, JD's), 32 hex digits (Alibaba's Go SDK), the limit.
        for nonce in [NONCE, "edb2b34af0af9a6d14deaf7c1a5315eb", at_limit.as_str()] {
            let signed = sign(provider, request.clone(), SignOptions { nonce: nonce.to_owned(), ..base.clone() });
            let ok = verify(provider, &signed.request).unwrap_or_else(|e| panic!("{provider} {name} {nonce}: {e}"));
            assert_eq!(ok.nonce.as_deref(), Some(nonce));
        }
        let mut r = sign(provider, request.clone(), base.clone()).request;
        if r.header(name).is_some() {
            for (k, v) in &mut r.headers {
                if k.eq_ignore_ascii_case(name) {
                    v.clone_from(&over);
                }
            }
        } else {
            let params: Vec<(String, String)> = wire::percent::parse_form(&r.query)
                .unwrap()
                .into_iter()
                .map(|(k, v)| if k == name { (k, over.clone()) } else { (k, v) })
                .collect();
            r.query = wire::percent::form(&params);
        }
        let err = verify(provider, &r).unwrap_err();
        assert_eq!(err, VerifyError::TooLong { name: name.to_owned(), max: MAX_NONCE_LEN }, "{provider} {name}");
        let code = err.code(provider).map(|c| c.as_str());
        let expected = if provider == Provider::Aliyun { "InvalidParameter" } else { "UNAUTHENTICATED" };
        assert_eq!(code, Some(expected), "{provider} {name}");
    }
    // Tencent's nonce is a 64-bit integer: its largest verifies, one more is malformed.
    let tencent = |nonce: &str| SignOptions { region: Some("ap-guangzhou".into()), ..options(nonce) };
    let max = u64::MAX.to_string();
    assert!(verify(Provider::Tencent, &sign(Provider::Tencent, tencent_request(), tencent(&max)).request).is_ok());
}
