//! The secret never leaves: every value the signing path produces or can fail with — requests,
//! signatures and their stages, previews, credentials, derived keys, encode / decode / verify
//! errors — is formatted with `Display`, `Debug` and `{:#?}` and searched for the secret, in its
//! raw and percent-encoded spellings. Runs natively and in headless Chromium.

use createimage_validator::wire::algorithms::jdcloud;
use createimage_validator::wire::{
    self, Algorithm, Credentials, EncodeError, HttpRequest, Method, NonceProblem, Secret, SignOptions, Timestamp,
    VerifyError,
};
use createimage_validator::{Options, Provider, checked};
use serde_json::json;
use std::fmt::Debug;

const SECRET: &str = "SECRET-do-not-leak/7f3a+中";
const TOKEN: &str = "TOKEN-do-not-preview-91c2";

fn forbidden() -> Vec<String> {
    let mut v =
        vec![SECRET.to_owned(), wire::percent::encode(SECRET), wire::percent::encode(&wire::percent::encode(SECRET))];
    // JD's derived key is as good as the secret for a day.
    for version in [jdcloud::Version::Jdcloud2, jdcloud::Version::Jdcloud3] {
        v.push(jdcloud::signing_key(version, &Secret::new(SECRET), "20231114", "cn-north-1", "vm").expose_hex());
    }
    v
}

fn assert_clean(what: &str, text: &str) {
    for f in forbidden() {
        assert!(!text.contains(&f), "{what} shows the secret ({f}):\n{text}");
    }
}

fn debug_clean<T: Debug>(what: &str, value: &T) {
    assert_clean(what, &format!("{value:?}"));
    assert_clean(what, &format!("{value:#?}"));
}

fn requests() -> Vec<(Provider, serde_json::Value)> {
    vec![
        (Provider::Zenlayer, json!({"instanceId": "1", "imageName": "web-01"})),
        (Provider::Aliyun, json!({"RegionId": "cn-hangzhou", "InstanceId": "i-1", "ImageName": "web"})),
        (Provider::Tencent, json!({"instanceId": "ins-1", "imageName": "web", "Region": "ap-guangzhou"})),
        (Provider::JdCloud, json!({"regionId": "cn-north-1", "instanceId": "i-1", "name": "web"})),
    ]
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn signing_never_shows_the_secret() {
    let time = Timestamp::from_unix(1_700_000_000).unwrap();
    for (provider, request) in requests() {
        let valid = checked(provider, &request, Options::default()).unwrap();
        debug_clean("Signable", &valid);
        for algorithm in Algorithm::of(provider) {
            for method in [Method::Get, Method::Post] {
                let mut credentials = Credentials::new("AKIDEXAMPLE", SECRET);
                if matches!(provider, Provider::Aliyun | Provider::Tencent) {
                    credentials = credentials.with_security_token(TOKEN);
                }
                debug_clean("Credentials", &credentials);
                let options = SignOptions {
                    algorithm: Some(algorithm),
                    method: Some(method),
                    ..SignOptions::new(time, "1290303896666895346")
                };
                let signed = match wire::encode(&valid, &credentials, &options) {
                    Ok(s) => s,
                    Err(e) => {
                        assert_clean("EncodeError", &e.to_string());
                        debug_clean("EncodeError", &e);
                        continue;
                    }
                };
                debug_clean("Signed", &signed);
                debug_clean("HttpRequest", &signed.request);
                assert_clean("URL", &signed.request.url());
                assert_clean("body", &String::from_utf8_lossy(&signed.request.body));
                for (k, v) in &signed.request.headers {
                    assert_clean("header", &format!("{k}: {v}"));
                }
                for step in signed.stages.steps() {
                    assert_clean(step.name, step.text);
                }
                let preview = signed.redacted().to_string();
                assert_clean("preview", &preview);
                assert!(!preview.contains(TOKEN), "the preview shows the token:\n{preview}");
                assert!(!preview.contains(signed.stages.signature()), "the preview shows the signature:\n{preview}");
                assert!(preview.contains("<redacted>"));

                // Verification: success, a wrong secret, a tampered body, an expired clock.
                let secret = Secret::new(SECRET);
                debug_clean("Verified", &wire::verify(provider, &signed.request, &secret, time, 300).unwrap());
                let errors: Vec<VerifyError> = [
                    wire::verify(provider, &signed.request, &Secret::new("wrong"), time, 300),
                    wire::verify(provider, &tampered(&signed.request), &secret, time, 300),
                    wire::verify(provider, &signed.request, &secret, Timestamp::from_unix(1).unwrap(), 300),
                ]
                .into_iter()
                .map(|r| r.expect_err("fails"))
                .collect();
                for e in errors {
                    assert_clean("VerifyError", &e.to_string());
                    debug_clean("VerifyError", &e);
                }
                debug_clean("decode", &wire::decode(provider, &signed.request));
            }
        }
    }
}

fn tampered(r: &HttpRequest) -> HttpRequest {
    let mut r = r.clone();
    if r.body.is_empty() {
        r.query = r.query.replacen("web", "wex", 1);
    } else {
        let at = r.body.len() / 2;
        r.body[at] ^= 1;
    }
    r
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn secrets_and_errors_format_redacted() {
    let secret = Secret::new(SECRET);
    assert_eq!(secret.to_string(), "<redacted>");
    assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
    let key = jdcloud::signing_key(jdcloud::Version::Jdcloud2, &secret, "20231114", "cn-north-1", "vm");
    debug_clean("SigningKey", &key);
    let errors = [
        EncodeError::WrongAlgorithm { algorithm: Algorithm::Jdcloud2, provider: Provider::Zenlayer },
        EncodeError::MethodNotAllowed { provider: Provider::JdCloud, method: Method::Get },
        EncodeError::MissingRegion,
        EncodeError::RegionConflict { given: "a".into(), request: "b".into() },
        EncodeError::NoRegionParameter { provider: Provider::Zenlayer },
        EncodeError::InvalidNonce { nonce: "x y".into(), reason: NonceProblem::NotVisibleAscii },
        EncodeError::InvalidAccessKeyId,
        EncodeError::EmptySecret,
        EncodeError::TokenUnsupported { provider: Provider::JdCloud },
        EncodeError::DotSegment { field: "regionId" },
        EncodeError::UnscopedRegion { region: "a/b".into() },
    ];
    for e in errors {
        assert!(!e.to_string().is_empty());
        assert_clean("EncodeError", &e.to_string());
        debug_clean("EncodeError", &e);
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn redacted_text_hides_the_signature_and_the_token_in_any_text() {
    let valid = checked(Provider::Aliyun, &json!({"RegionId": "cn-hangzhou", "InstanceId": "i-1"}), Options::default())
        .unwrap();
    let credentials = Credentials::new("AK", "the-secret").with_security_token("token/with+chars");
    let options = SignOptions::new(Timestamp::from_unix(1_700_000_000).unwrap(), "n-1");
    let signed = wire::encode(&valid, &credentials, &options).unwrap();
    // A curl command built from the request, as the console and `createimage sign --curl` build one.
    let curl = format!("curl '{}'", signed.request.url());
    let shown = signed.redacted().text(&curl);
    assert!(shown.contains("<redacted>"), "{shown}");
    for hidden in [signed.stages.signature(), "token/with+chars", "token%2Fwith%2Bchars"] {
        assert!(!shown.contains(hidden), "{hidden:?} is visible in {shown}");
    }
}
