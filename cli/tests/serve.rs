//! `createimage serve` over HTTP, as SDKs and the console reach it: every business error row of
//! the shared table, each authentication failure, idempotency, envelopes, quotas under concurrency,
//! restarts with `--state`, the console routes, and the relay against a local upstream.

mod support;

use createimage_validator::Provider;
use serde_json::{Value, json};
use support::*;

fn row_secret(provider: Provider) -> &'static str {
    sandbox(provider).1
}

#[test]
fn a_valid_request_creates_an_image_for_every_provider() {
    let server = Server::start(&[]);
    let cases = [
        (Provider::Aliyun, json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-running", "ImageName": "web-1"})),
        (Provider::Tencent, json!({"instanceId": "ins-sandbox1", "imageName": "web-1"})),
        (Provider::Tencent3, json!({"InstanceId": "ins-sandbox1", "ImageName": "web-3"})),
        (Provider::JdCloud, json!({"regionId": "cn-north-1", "instanceId": "i-sandbox01", "name": "web-1"})),
        (Provider::Zenlayer, json!({"instanceId": "100000000001", "imageName": "web-1"})),
    ];
    for (p, req) in cases {
        let (status, body) = send(&sign(&server, p, &req));
        assert_eq!(status, 200, "{p}: {body}");
        let v = json(&body);
        match p {
            Provider::Aliyun => {
                assert!(v["ImageId"].as_str().unwrap().starts_with("m-") && v["RequestId"].is_string(), "{body}")
            }
            Provider::Tencent => assert!(v["code"] == 0 && v["message"] == "ok" && v["requestId"].is_u64(), "{body}"),
            Provider::Tencent3 => {
                let r = &v["Response"];
                assert!(r["ImageId"].as_str().unwrap().starts_with("img-") && r["RequestId"].is_string(), "{body}")
            }
            Provider::JdCloud => assert!(v["result"]["imageId"].as_str().unwrap().starts_with("img-"), "{body}"),
            Provider::Zenlayer => {
                assert!(v["response"]["imageId"].as_str().unwrap().starts_with("img-"), "{body}");
                assert_eq!(v["requestId"], v["response"]["requestId"]);
                assert!(v["requestId"].as_str().unwrap().starts_with('T'));
            }
        }
    }
    let (_, state) = get(&server, "/_emulator/state");
    let images = json(&state)["images"].as_array().unwrap().clone();
    assert_eq!(images.len(), 5);
    assert!(images.iter().all(|i| i["status"] == "Available"
        || i["status"] == "AVAILABLE"
        || i["status"] == "ready"
        || i["status"] == "NORMAL"));
    let (status, _) = post(&server, "/_emulator/reset");
    assert_eq!(status, 200);
    assert_eq!(json(&get(&server, "/_emulator/state").1)["images"].as_array().unwrap().len(), 0);
}

/// The shared table (`tests/data/business_rows.json`) over HTTP: every row, signed, gets its code,
/// HTTP status and message in the provider's envelope.
#[test]
fn every_business_error_row_over_http() {
    let table: Vec<Value> = serde_json::from_str(include_str!("data/business_rows.json")).unwrap();
    let server = Server::start(&[]);
    let mut failures = Vec::new();
    for row in &table {
        post(&server, "/_emulator/reset");
        let p: Provider = row["provider"].as_str().unwrap().parse().unwrap();
        let key = row["accessKeyId"].as_str().unwrap();
        let signed = sign_anyway(&server, p, &row["request"], key, row_secret(p));
        let (status, body) = send(&signed);
        let v = json(&body);
        let want_status = row["httpStatus"].as_u64().unwrap() as u16;
        let code = error_code(p, &v);
        let message = error_message(p, &v);
        if status != want_status
            || code != row["code"].as_str().unwrap()
            || !message.contains(row["message"].as_str().unwrap())
        {
            failures.push(format!("{row}\n  got {status} {body}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows wrong:\n{}", failures.len(), table.len(), failures.join("\n"));
}

#[test]
fn authentication_failures_answer_in_each_providers_words() {
    let server = Server::start(&[]);
    let reqs = [
        (Provider::Aliyun, json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-stopped"})),
        (Provider::Tencent, json!({"instanceId": "ins-sandbox1", "imageName": "auth"})),
        (Provider::Tencent3, json!({"InstanceId": "ins-sandbox1", "ImageName": "auth3"})),
        (Provider::JdCloud, json!({"regionId": "cn-north-1", "instanceId": "i-sandbox01", "name": "auth"})),
        (Provider::Zenlayer, json!({"instanceId": "100000000001", "imageName": "auth"})),
    ];
    // (bad signature, unknown key, stale timestamp, reused nonce); Zenlayer signs no nonce.
    let want = |p: Provider| match p {
        Provider::Aliyun => {
            ["SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", "InvalidTimeStamp.Expired", "SignatureNonceUsed"]
        }
        Provider::Tencent => ["4100", "4104", "4200", "4500"],
        // TC3 (the SDKs' default, what `sign` sends here) signs no nonce.
        Provider::Tencent3 => {
            ["AuthFailure.SignatureFailure", "AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", ""]
        }
        Provider::JdCloud => ["UNAUTHENTICATED"; 4],
        Provider::Zenlayer => ["AUTHENTICATION_FAILED", "AUTHENTICATION_FAILED", "AUTHENTICATION_FAILED", ""],
    };
    for (p, req) in reqs {
        let (key, secret) = sandbox(p);
        let [bad_sig, unknown, stale, replay] = want(p);

        let wrong = sign_as(&server, p, &req, key, "not-the-secret", now());
        let (status, body) = send(&wrong);
        assert_eq!(error_code(p, &json(&body)), bad_sig, "{p} bad signature: {status} {body}");
        if p == Provider::Aliyun {
            assert!(
                error_message(p, &json(&body)).contains("server string to sign is:GET&%2F&AccessKeyId%3D"),
                "{body}"
            );
        }
        if p == Provider::JdCloud {
            assert_eq!(status, 401);
        }

        let (status, body) = send(&sign_as(&server, p, &req, "NO-SUCH-KEY-0000", secret, now()));
        assert_eq!(error_code(p, &json(&body)), unknown, "{p} unknown key: {status} {body}");

        let (status, body) = send(&sign_as(&server, p, &req, key, secret, now() - 3 * 3600));
        assert_eq!(error_code(p, &json(&body)), stale, "{p} stale: {status} {body}");

        if !replay.is_empty() {
            let once = sign(&server, p, &req);
            let (status, body) = send(&once);
            assert_eq!(status, 200, "{p} first use: {body}");
            let (status, body) = send(&once);
            assert_eq!(error_code(p, &json(&body)), replay, "{p} replay: {status} {body}");
        }
    }
}

#[test]
fn client_token_is_idempotent_over_http() {
    let server = Server::start(&[]);
    let req = json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-stopped", "ClientToken": "ct-1", "ImageName": "one"});
    let first = json(&send(&sign(&server, Provider::Aliyun, &req)).1);
    let again = json(&send(&sign(&server, Provider::Aliyun, &req)).1);
    assert_eq!(first["ImageId"], again["ImageId"]);
    assert_ne!(first["RequestId"], again["RequestId"]);
    let other = json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-stopped", "ClientToken": "ct-1", "ImageName": "two"});
    let (status, body) = send(&sign(&server, Provider::Aliyun, &other));
    assert_eq!(
        (status, error_code(Provider::Aliyun, &json(&body)).as_str()),
        (403, "InvalidParamter.Conflict"),
        "{body}"
    );
}

#[test]
fn alibaba_answers_xml_unless_json_is_asked_for() {
    use createimage_validator::wire::{Secret, algorithms::aliyun_rpc, percent};
    let server = Server::start(&[]);
    let signed = sign(&server, Provider::Aliyun, &json!({"RegionId": "cn-hangzhou", "InstanceId": "i-nope"}));
    let (status, body) = send(&signed);
    assert_eq!(status, 404);
    assert!(body.starts_with('{'), "{body}");
    // A client that asks for XML (or leaves Format out: XML is Alibaba's default), signed anew
    // with the RPC signer as any third-party client would.
    for format in [Some("XML"), None] {
        let mut params: Vec<(String, String)> = percent::parse_form(&signed.query)
            .unwrap()
            .into_iter()
            .filter(|(k, _)| k != "Signature" && k != "Format")
            .collect();
        if let Some(f) = format {
            params.push(("Format".into(), f.into()));
        }
        params.retain(|(k, _)| k != "SignatureNonce");
        params.push(("SignatureNonce".into(), nonce()));
        let signature = aliyun_rpc::sign("GET", &params, &Secret::new(sandbox(Provider::Aliyun).1)).signature;
        params.push(("Signature".into(), signature));
        let mut xml = signed.clone();
        xml.query = percent::form(&params);
        let (status, body) = send(&xml);
        assert_eq!(status, 404, "{format:?}: {body}");
        assert!(
            body.starts_with("<?xml") && body.contains("<Code>InvalidInstanceId.NotFound</Code>"),
            "{format:?}: {body}"
        );
    }
}

#[test]
fn concurrent_creates_against_a_quota_of_five_make_exactly_five() {
    let server = std::sync::Arc::new(Server::start(&[]));
    let handles: Vec<_> = (0..200)
        .map(|i| {
            let server = server.clone();
            std::thread::spawn(move || {
                let req = json!({"instanceId": "100000000009", "imageName": format!("c{i}")});
                send(&sign(&server, Provider::Zenlayer, &req)).0
            })
        })
        .collect();
    let statuses: Vec<u16> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(statuses.iter().filter(|&&s| s == 200).count(), 5, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|&&s| s == 400).count(), 195);
}

#[test]
fn state_file_survives_a_restart() {
    let dir = temp_dir("state");
    let state = dir.join("state.json");
    let state_arg = state.to_str().unwrap().to_owned();
    let server = Server::start_in(dir.clone(), &["--state", &state_arg]);
    let req = json!({"regionId": "cn-north-1", "instanceId": "i-sandbox01", "name": "kept"});
    let created = json(&send(&sign(&server, Provider::JdCloud, &req)).1);
    let id = created["result"]["imageId"].as_str().unwrap().to_owned();
    server.stop();
    let server = Server::start_in(dir, &["--state", &state_arg]);
    let images = json(&get(&server, "/_emulator/state").1)["images"].clone();
    assert_eq!(images[0]["imageId"], id.as_str());
    // The quota counts it too: a new image gets a new id.
    let again = json(
        &send(&sign(
            &server,
            Provider::JdCloud,
            &json!({"regionId": "cn-north-1", "instanceId": "i-sandbox01", "name": "new"}),
        ))
        .1,
    );
    assert_ne!(again["result"]["imageId"], id.as_str());
}

/// ClientTokens survive a restart, and the state file holds digests only: no access key id, token
/// or parameter. A file written before digests (the key id, token and parameters in clear) still
/// answers a repeated request with the image it made.
#[test]
fn client_tokens_survive_a_restart_as_digests() {
    let dir = temp_dir("tokens");
    let state = dir.join("state.json");
    let state_arg = state.to_str().unwrap().to_owned();
    let key = sandbox(Provider::Aliyun).0;
    let old = json!({"images": [], "nextId": 7, "clientTokens": {
        format!("{key}\nct-old"): {"imageId": "m-made-before",
            "fingerprint": r#"[["ClientToken","ct-old"],["ImageName","old"],["InstanceId","i-sandbox-stopped"],["RegionId","cn-hangzhou"]]"#}}});
    std::fs::write(&state, old.to_string()).unwrap();
    let server = Server::start_in(dir.clone(), &["--state", &state_arg]);
    let before = json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-stopped", "ClientToken": "ct-old", "ImageName": "old"});
    assert_eq!(json(&send(&sign(&server, Provider::Aliyun, &before)).1)["ImageId"], "m-made-before");
    let req = json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-stopped", "ClientToken": "ct-new", "ImageName": "new-name"});
    let first = json(&send(&sign(&server, Provider::Aliyun, &req)).1);
    server.stop();
    let text = std::fs::read_to_string(&state).unwrap();
    for clear in [key, "ct-old", "ct-new", "ClientToken", "InstanceId"] {
        assert!(!text.contains(clear), "the state file shows {clear:?}:\n{text}");
    }
    let server = Server::start_in(dir, &["--state", &state_arg]);
    assert_eq!(json(&send(&sign(&server, Provider::Aliyun, &req)).1)["ImageId"], first["ImageId"]);
    assert_eq!(json(&send(&sign(&server, Provider::Aliyun, &before)).1)["ImageId"], "m-made-before");
}

#[test]
fn other_actions_and_paths_get_the_providers_not_found() {
    let server = Server::start(&[]);
    let (status, body) = get(&server, "/?Action=DescribeImages&RegionId=cn-hangzhou&Format=JSON");
    assert_eq!(json(&body)["Code"], "InvalidAction.NotFound", "{status} {body}");
    let (status, body) = get(&server, "/v1/regions/cn-north-1/instances/i-1:stopInstance");
    assert_eq!((status, json(&body)["error"]["status"].as_str().unwrap()), (404, "NOT_FOUND"), "{body}");
    let (status, body) = get(&server, "/v2/index.php?Action=DescribeInstances");
    assert_eq!(status, 200);
    assert_ne!(json(&body)["code"], 0, "{body}");
    let r = reqwest::blocking::Client::new()
        .post(server.url("/api/v2/vm"))
        .header("X-ZC-Action", "DescribeImages")
        .header("Content-Type", "application/json")
        .body("{}")
        .send()
        .unwrap();
    assert!(r.status().is_client_error());
    let v = json(&r.text().unwrap());
    assert!(v["code"].is_string() && v["requestId"].is_string(), "{v}");
}

#[test]
fn the_console_is_served_at_the_root_and_for_client_routes() {
    let server = Server::start(&[]);
    for path in ["/", "/index.html", "/some/client/route"] {
        let (status, body) = get(&server, path);
        assert_eq!(status, 200, "{path}");
        assert!(body.contains("console"), "{path}: {body}");
    }
}

/// `path` fetched with `Accept-Encoding: accept`: the Content-Encoding answered and the bytes as sent.
fn fetch_encoded(server: &Server, path: &str, accept: &str) -> (Option<String>, Vec<u8>) {
    let r = reqwest::blocking::Client::new().get(server.url(path)).header("accept-encoding", accept).send().unwrap();
    assert_eq!(r.status(), 200, "{path}");
    let encoding = r.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_owned());
    (encoding, r.bytes().unwrap().to_vec())
}

#[test]
fn console_files_go_compressed_as_the_browser_accepts_and_answers_do_not() {
    let server = Server::start(&[]);
    let dist = server.dir.join("dist");
    // What Trunk's hook (scripts/finish-dist.mjs) writes beside a file; marked so the test sees
    // which one was sent.
    let wasm = vec![b'w'; 4096];
    std::fs::write(dist.join("app.wasm"), &wasm).unwrap();
    std::fs::write(dist.join("app.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(dist.join("app.wasm.gz"), b"gzip bytes").unwrap();
    std::fs::write(dist.join("plain.js"), "console.log(1);\n".repeat(200)).unwrap();

    assert_eq!(
        fetch_encoded(&server, "/app.wasm", "gzip, deflate, br, zstd"),
        (Some("br".into()), b"brotli bytes".to_vec())
    );
    assert_eq!(fetch_encoded(&server, "/app.wasm", "gzip"), (Some("gzip".into()), b"gzip bytes".to_vec()));
    assert_eq!(fetch_encoded(&server, "/app.wasm", "identity"), (None, wasm));
    // No precompressed file: compressed on the fly (gzip's magic number), or sent as it is.
    let (encoding, body) = fetch_encoded(&server, "/plain.js", "gzip");
    assert_eq!(encoding.as_deref(), Some("gzip"));
    assert_eq!(&body[..2], &[0x1f, 0x8b]);
    assert_eq!(fetch_encoded(&server, "/plain.js", "identity").1.len(), 16 * 200);

    // A provider's answer is the emulator's exact envelope, never compressed.
    let req = sign(&server, Provider::Zenlayer, &json!({"instanceId": "100000000001", "imageName": "web"}));
    let mut out = reqwest::blocking::Client::new()
        .request(reqwest::Method::from_bytes(req.method.as_bytes()).unwrap(), req.url())
        .header("accept-encoding", "gzip, br")
        .body(req.body.clone());
    for (k, v) in req.headers.iter().filter(|(k, _)| !k.eq_ignore_ascii_case("host")) {
        out = out.header(k, v);
    }
    let r = out.send().unwrap();
    assert!(r.headers().get("content-encoding").is_none());
    let body = json(&r.text().unwrap());
    assert!(body["response"]["imageId"].is_string(), "{body}");
}

#[test]
fn logs_carry_no_secret_signature_or_body() {
    let dir = temp_dir("logs");
    let log = dir.join("stderr.log");
    let server = Server::start_logged(dir, &log);
    let req = json!({"instanceId": "100000000001", "imageName": "secret-name-xyz"});
    let signed = sign(&server, Provider::Zenlayer, &req);
    let signature = signed.header("authorization").unwrap().rsplit('=').next().unwrap().to_owned();
    assert_eq!(send(&signed).0, 200);
    let bad = sign_as(
        &server,
        Provider::Aliyun,
        &json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-stopped"}),
        sandbox(Provider::Aliyun).0,
        "wrong",
        now(),
    );
    send(&bad);
    server.stop();
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("CreateImage"), "the log has the requests: {text}");
    for secret in
        ["sandbox-zenlayer-secret", "sandbox-aliyun-secret", &signature, "secret-name-xyz", "server string to sign"]
    {
        assert!(!text.contains(secret), "the log shows {secret:?}:\n{text}");
    }
}

/// The README's trigger table is this data, and it lists every sandbox key of the fixture.
#[test]
fn the_readme_lists_every_trigger_and_sandbox_key() {
    let readme = include_str!("../../README.md");
    let table: Vec<Value> = serde_json::from_str(include_str!("data/business_rows.json")).unwrap();
    for row in &table {
        let request = serde_json::to_string(&row["request"]).unwrap();
        let line = format!("`{request}`");
        let code = format!("`{}`", row["code"].as_str().unwrap());
        assert!(readme.lines().any(|l| l.contains(&line) && l.contains(&code)), "README lacks the row {line} → {code}");
    }
    let fixture: Value = serde_json::from_str(include_str!("../src/serve/default_fixture.json")).unwrap();
    for provider in ["aliyun", "tencent", "jdcloud", "zenlayer"] {
        for account in fixture[provider]["accounts"].as_array().unwrap() {
            let key = account["accessKeyId"].as_str().unwrap();
            let secret = account["secret"].as_str().unwrap();
            assert!(readme.lines().any(|l| l.contains(key) && l.contains(secret)), "README lacks {provider} key {key}");
        }
    }
}

#[test]
fn credentials_file_replaces_the_sandbox_keys() {
    let dir = temp_dir("credentials");
    let file = dir.join("keys.json");
    std::fs::write(&file, r#"{"zenlayer":[{"accessKeyId":"MYKEY","secret":"my-secret"}]}"#).unwrap();
    let server = Server::start_in(dir, &["--credentials", file.to_str().unwrap()]);
    let req = json!({"instanceId": "100000000001", "imageName": "mine"});
    let (status, body) = send(&sign_as(&server, Provider::Zenlayer, &req, "MYKEY", "my-secret", now()));
    assert_eq!(status, 200, "{body}");
    let (key, secret) = sandbox(Provider::Zenlayer);
    let (status, body) = send(&sign_as(&server, Provider::Zenlayer, &req, key, secret, now()));
    assert_eq!(
        (status, error_code(Provider::Zenlayer, &json(&body)).as_str()),
        (401, "AUTHENTICATION_FAILED"),
        "{body}"
    );
    // Other providers keep their sandbox keys.
    let (status, _) = send(&sign(&server, Provider::Tencent, &json!({"instanceId": "ins-sandbox1", "imageName": "t"})));
    assert_eq!(status, 200);
    // The banner names the file's key but never its secret; the sandbox keys (public) in full.
    let banner = server.banner.join("\n");
    assert!(banner.lines().any(|l| l.split_whitespace().eq(["zenlayer", "MYKEY"])), "{banner}");
    assert!(!banner.contains("my-secret"), "{banner}");
    assert!(!banner.contains(sandbox(Provider::Zenlayer).1), "{banner}");
    let (key, secret) = sandbox(Provider::Tencent);
    assert!(banner.lines().any(|l| l.contains(key) && l.contains(secret)), "{banner}");
}

/// Sends a request built by hand: method, path with query, headers, body.
fn raw(server: &Server, method: &str, path: &str, headers: &[(&str, &str)], body: Vec<u8>) -> (u16, String, String) {
    let client = reqwest::blocking::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let mut out = client.request(reqwest::Method::from_bytes(method.as_bytes()).unwrap(), server.url(path)).body(body);
    for (k, v) in headers {
        out = out.header(*k, *v);
    }
    let r = out.send().expect("the server answers");
    let content_type = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (r.status().as_u16(), content_type, r.text().unwrap())
}

/// The form Alibaba's current SDKs (alibabacloud-ecs20140526 and its Java, Go and TypeScript
/// siblings) send: POST `/` with the parameters in the query and an empty body, the action and
/// version in `x-acs-*` headers, signed over the headers the SDK chose (`accept` and `user-agent`
/// among them), JSON asked for through `Accept` only.
#[test]
fn alibaba_v3_with_the_action_in_headers_and_the_parameters_in_the_query() {
    use createimage_validator::wire::algorithms::aliyun_acs3 as acs3;
    use createimage_validator::wire::{Secret, Timestamp, hash};
    let server = Server::start(&[]);
    let (key, secret) = sandbox(Provider::Aliyun);
    let query = vec![
        ("ImageName".to_owned(), "tea-1".to_owned()),
        ("InstanceId".to_owned(), "i-sandbox-stopped".to_owned()),
        ("RegionId".to_owned(), "cn-hangzhou".to_owned()),
        ("Tag.1.Key".to_owned(), "team".to_owned()),
    ];
    let date = Timestamp::from_unix(now()).unwrap().iso8601();
    let nonce = nonce();
    let empty = hash::sha256_hex(b"");
    let headers: Vec<(String, String)> = [
        ("accept", "application/json"),
        ("host", server.host.as_str()),
        ("user-agent", "AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2"),
        ("x-acs-action", "CreateImage"),
        ("x-acs-content-sha256", empty.as_str()),
        ("x-acs-credentials-provider", "static_ak"),
        ("x-acs-date", date.as_str()),
        ("x-acs-signature-nonce", nonce.as_str()),
        ("x-acs-version", "2014-05-26"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let input =
        acs3::Input { method: "POST", canonical_uri: "/", query: &query, headers: &headers, hashed_payload: &empty };
    let signature = acs3::sign(&input, key, &Secret::new(secret.to_owned()));
    let authorization = signature.authorization.to_string();
    let path = "/?ImageName=tea-1&InstanceId=i-sandbox-stopped&RegionId=cn-hangzhou&Tag.1.Key=team";
    let mut sent: Vec<(&str, &str)> =
        headers.iter().filter(|(k, _)| k != "host").map(|(k, v)| (k.as_str(), v.as_str())).collect();
    sent.push(("authorization", authorization.as_str()));
    let (status, content_type, body) = raw(&server, "POST", path, &sent, Vec::new());
    assert_eq!(status, 200, "{body}");
    assert!(content_type.starts_with("application/json"), "JSON because Accept asks for it: {content_type}");
    assert!(json(&body)["ImageId"].as_str().unwrap().starts_with("m-"), "{body}");
    // The nonce is single-use whichever headers were signed.
    let (status, _, body) = raw(&server, "POST", path, &sent, Vec::new());
    assert_eq!((status, json(&body)["Code"].as_str().unwrap()), (400, "SignatureNonceUsed"), "{body}");
}

/// JD's official Python SDK signs `content-type;host` only and sends the date and nonce unsigned
/// (the server verifies over the headers the client lists). The nonce is still single-use.
#[test]
fn jd_signed_over_content_type_and_host_only() {
    use createimage_validator::wire::algorithms::jdcloud::{self as jd, Version};
    use createimage_validator::wire::{Secret, Timestamp, hash};
    let server = Server::start(&[]);
    let (key, secret) = sandbox(Provider::JdCloud);
    let path = "/v1/regions/cn-north-1/instances/i-sandbox01:createImage";
    let body = br#"{"regionId": "cn-north-1", "instanceId": "i-sandbox01", "name": "jd-1", "description": null, "dataDisks": null}"#;
    let payload = hash::sha256_hex(body);
    let date = Timestamp::from_unix(now()).unwrap().basic();
    let nonce = format!("{}-nonce", nonce());
    let signed =
        vec![("content-type".to_owned(), "application/json".to_owned()), ("host".to_owned(), server.host.clone())];
    let input = jd::Input {
        version: Version::Jdcloud3,
        method: "POST",
        path,
        query: "",
        headers: &signed,
        hashed_payload: &payload,
        date: &date,
        region: "cn-north-1",
        service: "vm",
    };
    let authorization = jd::sign(&input, key, &Secret::new(secret.to_owned())).authorization.to_string();
    let headers = [
        ("content-type", "application/json"),
        ("authorization", authorization.as_str()),
        ("x-jdcloud-date", date.as_str()),
        ("x-jdcloud-nonce", nonce.as_str()),
        ("x-jdcloud-content-sha256", payload.as_str()),
    ];
    let (status, _, answer) = raw(&server, "POST", path, &headers, body.to_vec());
    assert_eq!(status, 200, "{answer}");
    assert!(json(&answer)["result"]["imageId"].as_str().unwrap().starts_with("img-"), "{answer}");
    let (status, _, answer) = raw(&server, "POST", path, &headers, body.to_vec());
    assert_eq!((status, json(&answer)["error"]["status"].as_str().unwrap()), (401, "UNAUTHENTICATED"), "{answer}");
}

/// The legacy short region names (`gz`) are the long ones (`ap-guangzhou`): same instances, same
/// quota, the image recorded under the long name.
#[test]
fn tencent_short_region_names_are_aliases_of_the_long_ones() {
    let server = Server::start(&[]);
    for (region, name) in [("gz", "web-short"), ("ap-guangzhou", "web-long")] {
        let request = json!({"Region": region, "instanceId": "ins-sandbox1", "imageName": name});
        let (status, body) = send(&sign(&server, Provider::Tencent, &request));
        assert_eq!((status, json(&body)["code"].as_i64()), (200, Some(0)), "{region}: {body}");
    }
    // A name taken under the long region is a duplicate under the short one.
    let request = json!({"Region": "gz", "instanceId": "ins-sandbox1", "imageName": "web-long"});
    let (_, body) = send(&sign(&server, Provider::Tencent, &request));
    assert_eq!(json(&body)["code"], 4000, "{body}");
    let images = json(&get(&server, "/_emulator/state").1)["images"].as_array().unwrap().clone();
    assert!(images.iter().all(|i| i["location"] == "ap-guangzhou"), "{images:?}");
}

/// Whatever reaches a provider's path gets that provider's envelope (JSON, or XML for Alibaba by
/// default); the relay and the emulator's own paths answer their own JSON. Never the console's page,
/// never an empty or plain-text 404/405/413.
#[test]
fn every_answer_on_a_provider_path_is_its_envelope() {
    let server = Server::start(&[]);
    let big = vec![b'a'; 1024 * 1024 + 1];
    let form = ("content-type", "application/x-www-form-urlencoded");
    let json_type = ("content-type", "application/json");
    // (method, path, headers, body, status, content type, code: where the envelope keeps it)
    type Case<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>, Vec<u8>, u16, &'a str, (&'a str, &'a str));
    let cases: Vec<Case> = vec![
        ("GET", "/?Action=CreateImage&ImageName=%FF", vec![], vec![], 400, "text/xml", ("<Code>", "InvalidParameter")),
        (
            "GET",
            "/?Action=CreateImage&ImageName=%FF&Format=JSON",
            vec![],
            vec![],
            400,
            "application/json",
            ("Code", "InvalidParameter"),
        ),
        ("POST", "/", vec![form], big.clone(), 400, "text/xml", ("<Code>", "InvalidParameter")),
        (
            "POST",
            "/?Action=CreateImage&Format=JSON",
            vec![form],
            big.clone(),
            400,
            "application/json",
            ("Code", "InvalidParameter"),
        ),
        (
            "PUT",
            "/?Action=CreateImage&Format=JSON",
            vec![],
            vec![],
            403,
            "application/json",
            ("Code", "UnsupportedHTTPMethod"),
        ),
        (
            "GET",
            "/?Action=StopInstance&Format=JSON",
            vec![],
            vec![],
            400,
            "application/json",
            ("Code", "InvalidAction.NotFound"),
        ),
        ("POST", "/v2/index.php", vec![form], big.clone(), 200, "application/json", ("code", "4000")),
        ("GET", "/v2/other.php?Action=CreateImage", vec![], vec![], 200, "application/json", ("code", "4000")),
        ("DELETE", "/v2/index.php?Action=CreateImage", vec![], vec![], 200, "application/json", ("code", "4000")),
        (
            "POST",
            "/v1/regions/cn-north-1/instances/i-1:createImage",
            vec![json_type],
            big.clone(),
            400,
            "application/json",
            ("status", "INVALID_ARGUMENT"),
        ),
        (
            "GET",
            "/v1/regions/cn-north-1/instances/i-1:createImage",
            vec![],
            vec![],
            404,
            "application/json",
            ("status", "NOT_FOUND"),
        ),
        ("POST", "/v1/nothing", vec![json_type], b"{}".to_vec(), 404, "application/json", ("status", "NOT_FOUND")),
        (
            "POST",
            "/api/v2/vm",
            vec![json_type, ("x-zc-action", "CreateImage")],
            big.clone(),
            400,
            "application/json",
            ("code", "INVALID_PARAMETER"),
        ),
        ("GET", "/api/v2/vm", vec![], vec![], 400, "application/json", ("code", "INVALID_PARAMETER")),
        (
            "POST",
            "/api/v2/bmc",
            vec![json_type, ("x-zc-action", "CreateImage")],
            b"{}".to_vec(),
            400,
            "application/json",
            ("code", "INVALID_PARAMETER"),
        ),
        (
            "POST",
            "/relay/aliyun/ecs.aliyuncs.com/",
            vec![form],
            vec![b'a'; 64 * 1024 + 1],
            413,
            "application/json",
            ("error", "relay refused"),
        ),
        ("POST", "/_emulator/state", vec![], vec![], 405, "application/json", ("error", "emulator")),
        ("GET", "/_emulator/reset", vec![], vec![], 405, "application/json", ("error", "emulator")),
        ("GET", "/_emulator/other", vec![], vec![], 404, "application/json", ("error", "emulator")),
    ];
    let mut wrong = Vec::new();
    for (method, path, headers, body, status, content_type, (key, code)) in cases {
        let (got_status, got_type, text) = raw(&server, method, path, &headers, body);
        let has_code = if key.starts_with('<') {
            text.contains(&format!("{key}{code}</"))
        } else {
            let v: Value = serde_json::from_str(&text).unwrap_or_default();
            let found = v.get(key).or_else(|| v.get("error").and_then(|e| e.get(key)));
            found.is_some_and(|f| f.as_str().map_or_else(|| f.to_string(), str::to_owned) == code)
        };
        if got_status != status || !got_type.starts_with(content_type) || !has_code {
            wrong.push(format!(
                "{method} {path}: want {status} {content_type} {code}, got {got_status} {got_type} {text:.300}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
