//! Integration tests of `createimage sign`: each runs the built executable.
//!
//! - byte-exact requests and signatures for every provider and signature method at a fixed time
//!   and nonce; the expected signatures were computed independently, by hand, with a one-off
//!   Python 3 script written from providers.md (hashlib / hmac / base64 /
//!   `urllib.parse.quote(s, safe="-_.~")`), not with this crate;
//! - `--json` and `--curl` shapes (the curl command is run through `sh` with a stub `curl` to check
//!   its quoting word for word);
//! - the secret in no output, whatever the format or the failure;
//! - exit 1 with the `check` report for an invalid request, exit 2 for usage errors (no secret,
//!   bad time, unknown signature method, a method or region the provider does not take);
//! - defaults: the current time and a fresh random nonce.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const SECRET: &str = "wJalrXUtnFEMI-test-secret";
const AK: &str = "AKIDEXAMPLE";
const NONCE: &str = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";
const TENCENT_NONCE: &str = "1290303896666895346";

const ZENLAYER: &str = r#"{"imageDescription":"nightly 构建","imageName":"web-01","instanceId":"1234567654321"}"#;
const ALIYUN: &str = r#"{"RegionId":"cn-hangzhou","InstanceId":"i-bp1g6zv0ce8oghu7","ImageName":"web:01","Description":"a b*c~(d)!'/中","Tag":[{"Key":"team","Value":"a b/c"}]}"#;
const TENCENT: &str = r#"{"instanceId":"ins-12345678","imageName":"test","imageDescription":"desc"}"#;
const JDCLOUD: &str =
    r#"{"description":"nightly","name":"web-01","instanceId":"i-eumm1234d6","regionId":"cn-north-1"}"#;

fn file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("createimage-sign-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_createimage"));
    cmd.arg("sign")
        .args(args)
        .env(SECRET_ENV, SECRET)
        .env_remove("CREATEIMAGE_SECURITY_TOKEN")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

const SECRET_ENV: &str = "CREATEIMAGE_ACCESS_KEY_SECRET";

fn run_cmd(mut cmd: Command) -> Output {
    let out = cmd.output().expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "the binary panicked: {stderr}");
    out
}

fn run(args: &[&str]) -> Output {
    run_cmd(command(args))
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Signs `request` for `provider` at 2023-11-14T22:13:20Z with `extra` options; `--json` output parsed.
fn sign_json(provider: &str, request: &str, extra: &[&str]) -> Value {
    let path = file(&format!("{provider}-{}.json", extra.join("_").replace(['-', ' '], "")), request);
    let nonce = if provider == "tencent" { TENCENT_NONCE } else { NONCE };
    let mut args = vec!["-p", provider, "--access-key-id", AK, "--nonce", nonce, "--json"];
    if !extra.contains(&"--timestamp") {
        args.extend(["--timestamp", "2023-11-14T22:13:20Z"]);
    }
    args.extend_from_slice(extra);
    let p = path.to_str().unwrap();
    args.push(p);
    let out = run(&args);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    serde_json::from_str(stdout(&out).trim()).expect("one line of JSON")
}

#[test]
fn zenlayer_exact() {
    let v = sign_json("zenlayer", ZENLAYER, &[]);
    assert_eq!(v["method"], "POST");
    assert_eq!(v["url"], "https://console.zenlayer.com/api/v2/vm");
    assert_eq!(v["body"], r#"{"instanceId":"1234567654321","imageName":"web-01","imageDescription":"nightly 构建"}"#);
    let headers: Vec<(&String, &Value)> = v["headers"].as_object().unwrap().iter().collect();
    assert_eq!(headers.len(), 6);
    assert_eq!(v["headers"]["X-ZC-Action"], "CreateImage");
    assert_eq!(v["headers"]["X-ZC-Timestamp"], "1700000000");
    assert_eq!(
        v["headers"]["Authorization"],
        "ZC2-HMAC-SHA256 Credential=AKIDEXAMPLE, SignedHeaders=content-type;host, \
         Signature=b02f95a6748aff3b67d156f3799a0500aefa5f5e83e0a3c3d3191ca43e906631"
    );
}

#[test]
fn aliyun_exact() {
    let get = sign_json("aliyun", ALIYUN, &[]);
    assert_eq!(get["method"], "GET");
    assert!(get["body"].is_null());
    assert_eq!(
        get["url"],
        "https://ecs.aliyuncs.com/?Action=CreateImage&Version=2014-05-26&Format=JSON&AccessKeyId=AKIDEXAMPLE\
         &SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
         &Timestamp=2023-11-14T22%3A13%3A20Z&RegionId=cn-hangzhou&Description=a%20b%2Ac~%28d%29%21%27%2F%E4%B8%AD\
         &ImageName=web%3A01&InstanceId=i-bp1g6zv0ce8oghu7&Tag.1.Key=team&Tag.1.Value=a%20b%2Fc\
         &Signature=pR5XEfvuDf01rWBhf1AvWSkb6e8%3D"
    );
    let post = sign_json("aliyun", ALIYUN, &["--method", "POST"]);
    assert_eq!(post["url"], "https://ecs.aliyuncs.com/");
    assert_eq!(post["headers"]["Content-Type"], "application/x-www-form-urlencoded");
    assert!(post["body"].as_str().unwrap().ends_with("&Signature=7ktFrdivsSN7e%2FwEStqmN%2BAca8w%3D"));
    let v3 = sign_json("aliyun", ALIYUN, &["--signature-method", "ACS3-HMAC-SHA256"]);
    assert_eq!(
        v3["headers"]["Authorization"],
        "ACS3-HMAC-SHA256 Credential=AKIDEXAMPLE,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;\
         x-acs-signature-nonce;x-acs-version,Signature=6efcd7da4c412ccb97e2f8c85a41adc762ef3dd1141708ffd0c9bf12f1b51a88"
    );
    assert_eq!(v3["headers"]["x-acs-date"], "2023-11-14T22:13:20Z");
}

#[test]
fn tencent_exact() {
    // The same moment written with an offset.
    let v = sign_json("tencent", TENCENT, &["--region", "ap-guangzhou", "--timestamp", "2023-11-15T06:13:20+08:00"]);
    assert_eq!(
        v["url"],
        "https://image.api.qcloud.com/v2/index.php?Action=CreateImage&Region=ap-guangzhou&Timestamp=1700000000\
         &Nonce=1290303896666895346&SecretId=AKIDEXAMPLE&SignatureMethod=HmacSHA256&instanceId=ins-12345678\
         &imageName=test&imageDescription=desc&Signature=6IOuJY3ii%2Baz3NKOLkmAJOibDiJXGfhLRZN8NDurMek%3D"
    );
    assert_eq!(v["headers"], serde_json::json!({}));
}

#[test]
fn jdcloud_exact() {
    for (method, signature) in [
        ("JDCLOUD2", "04de456a723443fadddac8c82c21fcbf7e52d4855716263a74067483b9df681b"),
        ("jdcloud3", "3642f79697429e465015f77433a32aa29f54a6113a9fe11834f1bebd90548574"),
    ] {
        let v = sign_json("jdcloud", JDCLOUD, &["--signature-method", method]);
        assert_eq!(v["url"], "https://vm.jdcloud-api.com/v1/regions/cn-north-1/instances/i-eumm1234d6:createImage");
        assert_eq!(v["body"], r#"{"name":"web-01","description":"nightly"}"#);
        assert_eq!(v["headers"]["x-jdcloud-date"], "20231114T221320Z");
        let auth = v["headers"]["Authorization"].as_str().unwrap();
        assert!(auth.starts_with(&format!(
            "{}-HMAC-SHA256 Credential=AKIDEXAMPLE/20231114/cn-north-1/vm/",
            method.to_uppercase()
        )));
        assert!(auth.ends_with(&format!("Signature={signature}")), "{auth}");
    }
}

/// The curl command, split into words by a real shell.
fn curl_words(provider: &str, request: &str, extra: &[&str]) -> Vec<String> {
    let path = file(&format!("curl-{provider}.json"), request);
    let nonce = if provider == "tencent" { TENCENT_NONCE } else { NONCE };
    let mut args = vec!["-p", provider, "--access-key-id", AK, "--timestamp", "1700000000", "--nonce", nonce, "--curl"];
    args.extend_from_slice(extra);
    let p = path.to_str().unwrap();
    args.push(p);
    let out = run(&args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let line = stdout(&out);
    assert_eq!(line.lines().count(), 1);
    let script = format!("curl() {{ for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }}\n{line}");
    let sh = Command::new("sh").arg("-c").arg(script).output().expect("sh runs");
    assert!(sh.status.success(), "{}", String::from_utf8_lossy(&sh.stderr));
    String::from_utf8(sh.stdout).unwrap().lines().map(str::to_owned).collect()
}

#[test]
fn curl_commands_quote_every_word() {
    let words = curl_words("zenlayer", ZENLAYER, &[]);
    assert_eq!(&words[..3], ["-X", "POST", "https://console.zenlayer.com/api/v2/vm"]);
    assert_eq!(words.iter().filter(|w| *w == "-H").count(), 6);
    assert!(words.contains(&"Content-Type: application/json".to_owned()));
    assert_eq!(words[words.len() - 2], "--data-raw");
    assert_eq!(
        words[words.len() - 1],
        r#"{"instanceId":"1234567654321","imageName":"web-01","imageDescription":"nightly 构建"}"#
    );
    // A quote in the request survives the shell.
    let quoted = r#"{"instanceId":"it's $HOME `x` \"q\"","imageName":"web-01"}"#;
    let words = curl_words("zenlayer", quoted, &[]);
    assert_eq!(words.last().unwrap(), r#"{"instanceId":"it's $HOME `x` \"q\"","imageName":"web-01"}"#);
    let words = curl_words("aliyun", ALIYUN, &[]);
    assert_eq!(words.len(), 1, "GET: just the URL");
    assert!(words[0].starts_with("https://ecs.aliyuncs.com/?Action=CreateImage&") && words[0].ends_with("%3D"));
}

#[test]
fn text_output_shows_the_request_and_the_stages() {
    let path = file("text.json", JDCLOUD);
    let out = run(&[
        "-p",
        "jdcloud",
        "--access-key-id",
        AK,
        "--timestamp",
        "1700000000",
        "--nonce",
        NONCE,
        path.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(
        text.starts_with("POST https://vm.jdcloud-api.com/v1/regions/cn-north-1/instances/i-eumm1234d6:createImage\n")
    );
    assert!(text.contains("\nx-jdcloud-nonce: 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\n"));
    assert!(
        text.contains(
            "# CanonicalRequest (JDCLOUD2)\nPOST\n/v1/regions/cn-north-1/instances/i-eumm1234d6:createImage\n"
        )
    );
    assert!(text.contains(
        "# StringToSign (JDCLOUD2)\nJDCLOUD2-HMAC-SHA256\n20231114T221320Z\n20231114/cn-north-1/vm/jdcloud2_request\n"
    ));
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn the_secret_is_in_no_output() {
    let requests = [("zenlayer", ZENLAYER), ("aliyun", ALIYUN), ("tencent", TENCENT), ("jdcloud", JDCLOUD)];
    let mut runs = 0;
    for (provider, request) in requests {
        let path = file(&format!("secret-{provider}.json"), request);
        let p = path.to_str().unwrap();
        for format in [None, Some("--json"), Some("--curl")] {
            for method in ["GET", "POST"] {
                let mut args =
                    vec!["-p", provider, "--access-key-id", AK, "--region", "ap-guangzhou", "--method", method, p];
                if provider != "tencent" {
                    args.drain(4..6);
                }
                args.extend(format);
                // Both ways of passing the secret; a JD GET and the others fail to sign, on purpose.
                for flag in [false, true] {
                    let mut cmd = command(&args);
                    if flag {
                        cmd.env_remove(SECRET_ENV).args(["--access-key-secret", SECRET]);
                    }
                    let out = run_cmd(cmd);
                    let all = format!("{}{}", stdout(&out), stderr(&out));
                    assert!(!all.contains(SECRET), "{provider} {format:?} {method}: {all}");
                    runs += 1;
                }
            }
        }
    }
    // Failures: an invalid request, a bad nonce, an unknown method.
    let bad = file("secret-bad.json", r#"{"instanceId":"ins-1","imageName":"a_b"}"#);
    for extra in [vec![], vec!["--nonce", "x y"], vec!["--signature-method", "nope"], vec!["--json"]] {
        let mut args = vec!["-p", "tencent", "--access-key-id", AK, "--region", "r", bad.to_str().unwrap()];
        args.extend(extra);
        let out = run(&args);
        assert!(!format!("{}{}", stdout(&out), stderr(&out)).contains(SECRET));
        runs += 1;
    }
    assert_eq!(runs, 52);
}

#[test]
fn an_invalid_request_exits_1_with_the_check_report() {
    let bad = file("invalid.json", r#"{"instanceId":"ins-1","imageName":"a_b"}"#);
    let out = run(&["-p", "tencent", "--access-key-id", AK, "--region", "ap-guangzhou", bad.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    let check = Command::new(env!("CARGO_BIN_EXE_createimage"))
        .args(["check", "-p", "tencent", bad.to_str().unwrap()])
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    assert_eq!(stdout(&out), String::from_utf8(check.stdout).unwrap(), "the same report as check");
    assert!(stdout(&out).contains("imageName") && !stdout(&out).contains("Signature"));
    let out =
        run(&["-p", "tencent", "--access-key-id", AK, "--region", "ap-guangzhou", "--json", bad.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    let report: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["issues"][0]["code"], "4000");
    // Warnings do not stop signing, unless --strict.
    let warn = file("warn.json", r#"{"instanceId":"1","imageName":"a.b"}"#);
    let out = run(&["-p", "zenlayer", "--access-key-id", AK, "--json", warn.to_str().unwrap()]);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("warning") && stderr(&out).contains("imageName"));
    let out = run(&["-p", "zenlayer", "--access-key-id", AK, "--strict", warn.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
}

#[test]
fn usage_errors_exit_2() {
    let zen = file("usage.json", ZENLAYER);
    let z = zen.to_str().unwrap();
    let jd = file("usage-jd.json", JDCLOUD);
    let j = jd.to_str().unwrap();
    let mut no_secret = command(&["-p", "zenlayer", "--access-key-id", AK, z]);
    no_secret.env_remove(SECRET_ENV);
    let out = run_cmd(no_secret);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains(SECRET_ENV), "{}", stderr(&out));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["-p", "zenlayer", "--access-key-id", AK, "--timestamp", "yesterday", z], "--timestamp"),
        (vec!["-p", "zenlayer", "--access-key-id", AK, "--timestamp", "1969-12-31T23:59:59Z", z], "1970"),
        (vec!["-p", "jdcloud", "--access-key-id", AK, "--signature-method", "HMAC-SHA1", j], "JDCLOUD2 or JDCLOUD3"),
        (vec!["-p", "jdcloud", "--access-key-id", AK, "--method", "GET", j], "POST only"),
        (vec!["-p", "jdcloud", "--access-key-id", AK, "--region", "cn-east-2", j], "differs"),
        (vec!["-p", "zenlayer", "--access-key-id", AK, "--region", "x", z], "no region"),
        (vec!["-p", "zenlayer", "--access-key-id", AK, "--endpoint", "https://h/api", z], "--endpoint"),
        (vec!["-p", "zenlayer", "--access-key-id", AK, "--method", "PUT", z], "GET or POST"),
        (vec!["-p", "zenlayer", "--access-key-id", "", z], "access key ID"),
        (vec!["-p", "zenlayer", "--access-key-id", AK, "--json", "--curl", z], "cannot be used with"),
        (vec!["-p", "zenlayer", "--access-key-id", AK, "/nonexistent/request.json"], "cannot read"),
    ];
    for (args, needle) in cases {
        let out = run(&args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
    let tencent = file("usage-tencent.json", TENCENT);
    let out = run(&["-p", "tencent", "--access-key-id", AK, tencent.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--region"));
    let out =
        run(&["-p", "tencent", "--access-key-id", AK, "--region", "r", "--nonce", "abc", tencent.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("positive integer"));
}

#[test]
fn defaults_are_now_and_a_fresh_nonce() {
    let path = file("defaults.json", JDCLOUD);
    let sign = || {
        let out = run(&["-p", "jdcloud", "--access-key-id", AK, "--json", path.to_str().unwrap()]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        serde_json::from_str::<Value>(stdout(&out).trim()).unwrap()
    };
    let (a, b) = (sign(), sign());
    let nonce = |v: &Value| v["headers"]["x-jdcloud-nonce"].as_str().unwrap().to_owned();
    assert_ne!(nonce(&a), nonce(&b));
    assert_eq!(nonce(&a).len(), 36);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let date = a["headers"]["x-jdcloud-date"].as_str().unwrap();
    let zen = file("defaults-zen.json", ZENLAYER);
    let out = run(&["-p", "zenlayer", "--access-key-id", AK, "--json", zen.to_str().unwrap()]);
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let ts: u64 = v["headers"]["X-ZC-Timestamp"].as_str().unwrap().parse().unwrap();
    assert!(ts.abs_diff(now) < 120, "{ts} vs {now}");
    assert_eq!(date.len(), 16);
    let tencent = file("defaults-tencent.json", TENCENT);
    let out = run(&["-p", "tencent", "--access-key-id", AK, "--region", "r", "--json", tencent.to_str().unwrap()]);
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let url = v["url"].as_str().unwrap();
    let n = url.split("&Nonce=").nth(1).unwrap().split('&').next().unwrap();
    assert!(n.parse::<u64>().unwrap() > 0 && !n.starts_with('0'));
}

#[test]
fn stdin_security_token_and_not_sent_notes() {
    let mut cmd =
        command(&["-p", "aliyun", "--access-key-id", AK, "--timestamp", "1700000000", "--nonce", NONCE, "--json", "-"]);
    cmd.env("CREATEIMAGE_SECURITY_TOKEN", "sts-token").stdin(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let request =
        r#"{"RegionId":"cn-hangzhou","InstanceId":"i-1","ImageName":"web","Signature":"old","Action":"CreateImage"}"#;
    child.stdin.take().unwrap().write_all(request.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let url = v["url"].as_str().unwrap();
    assert!(url.contains("&SecurityToken=sts-token&") && !url.contains("old"));
    assert_eq!(url.matches("Action=").count(), 1);
    assert!(stderr(&out).contains("not sent: Action, Signature"), "{}", stderr(&out));
    let jd = file("token-jd.json", JDCLOUD);
    let mut cmd = command(&["-p", "jdcloud", "--access-key-id", AK, jd.to_str().unwrap()]);
    cmd.env("CREATEIMAGE_SECURITY_TOKEN", "sts-token");
    let out = run_cmd(cmd);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("security token"));
}

#[test]
fn help_documents_the_environment_variable() {
    let out = run(&["--help"]);
    assert_eq!(code(&out), 0);
    let help = stdout(&out);
    assert!(help.contains(SECRET_ENV));
    assert!(help.contains("Not recommended"));
    assert!(help.contains("ACS3-HMAC-SHA256") && help.contains("JDCLOUD3") && help.contains("HmacSHA1"));
}
