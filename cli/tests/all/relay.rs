//! The relay against a local upstream (the hidden test-only `--relay-test-upstream`): what it
//! forwards and what it keeps back, every host it refuses, and its limits.

use crate::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;

/// What the upstream saw of one request.
#[derive(Debug)]
struct Seen {
    request_line: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A one-thread HTTP/1.1 upstream on 127.0.0.1 that records each request and answers with
/// `status` and `extra` headers. Stops when the test process ends.
fn upstream(status: &'static str, extra: &'static str) -> (String, mpsc::Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut headers = Vec::new();
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                let (k, v) = line.split_once(':').unwrap();
                headers.push((k.trim().to_owned(), v.trim().to_owned()));
            }
            let len = headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                .map_or(0, |(_, v)| v.parse().unwrap());
            let mut body = vec![0; len];
            reader.read_exact(&mut body).unwrap();
            let answer = r#"{"ok":true}"#;
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nSet-Cookie: session=upstream\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
            let _ = tx.send(Seen { request_line: request_line.trim_end().to_owned(), headers, body });
        }
    });
    (format!("http://{addr}"), rx)
}

fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

#[test]
fn forwards_method_path_query_body_and_signature_headers_only() {
    let (up, seen) = upstream("200 OK", "X-Jdcloud-Request-Id: abc\r\n");
    let server = Server::start(&["--relay-test-upstream", &up]);
    let r = client()
        .post(server.url("/relay/jdcloud/vm.jdcloud-api.com/v1/regions/cn-north-1/instances/i-1:createImage?x=1"))
        .header("Content-Type", "application/json")
        .header("Authorization", "JDCLOUD2-HMAC-SHA256 Credential=ak/20240101/cn-north-1/vm/jdcloud2_request, SignedHeaders=content-type;host;x-jdcloud-date;x-jdcloud-nonce, Signature=00")
        .header("x-jdcloud-date", "20240101T000000Z")
        .header("x-jdcloud-nonce", "n-1")
        .header("Cookie", "session=browser")
        .header("X-Forwarded-For", "10.0.0.1")
        .header("Referer", "http://evil.example/")
        .body(r#"{"name":"img"}"#)
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("set-cookie").is_none(), "cookies from upstream are stripped");
    assert_eq!(r.headers()["x-jdcloud-request-id"], "abc");
    assert_eq!(r.headers()["x-createimage-relayed-host"], "vm.jdcloud-api.com");
    assert_eq!(r.text().unwrap(), r#"{"ok":true}"#);
    let s = seen.recv().unwrap();
    assert_eq!(s.request_line, "POST /v1/regions/cn-north-1/instances/i-1:createImage?x=1 HTTP/1.1");
    assert_eq!(s.header("host"), Some("vm.jdcloud-api.com"));
    assert_eq!(s.header("x-jdcloud-nonce"), Some("n-1"));
    assert!(s.header("authorization").unwrap().starts_with("JDCLOUD2-HMAC-SHA256"));
    for stripped in ["cookie", "x-forwarded-for", "referer", "origin"] {
        assert_eq!(s.header(stripped), None, "{stripped} must not reach the provider");
    }
    assert_eq!(s.body, br#"{"name":"img"}"#);
}

#[test]
fn alibaba_rpc_get_at_the_root_path() {
    let (up, seen) = upstream("200 OK", "");
    let server = Server::start(&["--relay-test-upstream", &up]);
    let r = client()
        .get(server.url("/relay/aliyun/ecs.cn-shanghai.aliyuncs.com?Action=CreateImage&Signature=a%2Bb"))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let s = seen.recv().unwrap();
    assert_eq!(s.request_line, "GET /?Action=CreateImage&Signature=a%2Bb HTTP/1.1");
    assert_eq!(s.header("host"), Some("ecs.cn-shanghai.aliyuncs.com"));
}

#[test]
fn every_other_host_is_refused_before_anything_is_sent() {
    let (up, seen) = upstream("200 OK", "");
    let server = Server::start(&["--relay-test-upstream", &up]);
    let tricks = [
        "/relay/aliyun/evil.example/",
        "/relay/aliyun/ecs.aliyuncs.com.evil.example/",
        "/relay/aliyun/ecs.aliyuncs.com:8443/",
        "/relay/aliyun/user@ecs.aliyuncs.com/",
        "/relay/aliyun/ecs.aliyuncs.com%40evil.example/",
        "/relay/aliyun/%65cs.aliyuncs.com/",
        "/relay/aliyun/127.0.0.1/",
        "/relay/aliyun/[::1]/",
        "/relay/aliyun/2130706433/",
        "/relay/aliyun/ECS.ALIYUNCS.COM/",
        "/relay/tencent/ecs.aliyuncs.com/v2/index.php",
        "/relay/tencent/cvm.api.qcloud.com/v2/index.php",
        "/relay/zenlayer/console.zenlayer.com.evil.example/api/v2/vm",
        "/relay/jdcloud/vm.jdcloud-api.com./v1/x",
        "/relay/aws/ec2.amazonaws.com/",
        "/relay/",
        "/relay",
    ];
    for path in tricks {
        let status = client().get(server.url(path)).send().unwrap().status().as_u16();
        assert!(status == 403 || status == 404, "{path}: {status}");
    }
    assert!(seen.try_recv().is_err(), "nothing reached the upstream");
}

#[test]
fn redirects_are_not_followed() {
    let (up, _seen) = upstream("302 Found", "Location: http://evil.example/\r\n");
    let server = Server::start(&["--relay-test-upstream", &up]);
    let r = client().get(server.url("/relay/zenlayer/console.zenlayer.com/api/v2/vm")).send().unwrap();
    assert_eq!(r.status(), 502);
    assert!(r.headers().get("location").is_none());
}

#[test]
fn limits_body_size_methods_and_origins() {
    let (up, seen) = upstream("200 OK", "");
    let server = Server::start(&["--relay-test-upstream", &up]);
    let url = server.url("/relay/zenlayer/console.zenlayer.com/api/v2/vm");
    let at_limit = vec![b'x'; 64 * 1024];
    assert_eq!(client().post(&url).body(at_limit).send().unwrap().status(), 200);
    seen.recv().unwrap();
    let over = vec![b'x'; 64 * 1024 + 1];
    assert_eq!(client().post(&url).body(over).send().unwrap().status(), 413);
    assert_eq!(client().delete(&url).send().unwrap().status(), 405);
    let foreign = client().post(&url).header("Origin", "http://evil.example").body("{}").send().unwrap();
    assert_eq!(foreign.status(), 403);
    assert!(foreign.headers().get("access-control-allow-origin").is_none());
    let own = client().post(&url).header("Origin", format!("http://{}", server.host)).body("{}").send().unwrap();
    assert_eq!(own.status(), 200);
    seen.recv().unwrap();
    assert!(seen.try_recv().is_err());
}

#[test]
fn a_silent_provider_times_out() {
    // An upstream that accepts and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let up = format!("http://{}", listener.local_addr().unwrap());
    let hold = std::thread::spawn(move || {
        let conns: Vec<_> = listener.incoming().take(1).collect();
        std::thread::sleep(std::time::Duration::from_secs(5));
        drop(conns);
    });
    let server = Server::start(&["--relay-test-upstream", &up, "--relay-test-timeout", "1"]);
    let r = client().post(server.url("/relay/tencent/image.api.qcloud.com/v2/index.php")).body("a=b").send().unwrap();
    assert_eq!(r.status(), 504);
    let body = json(&r.text().unwrap());
    assert_eq!(body["message"], "image.api.qcloud.com did not answer: timeout", "{body}");
    drop(server);
    hold.join().unwrap();
}

/// When the provider cannot be reached, the log and the answer say why by kind only: no URL, no
/// signature, no access key id, no parameter (reqwest's own error text starts with the URL).
#[test]
fn an_unreachable_provider_is_logged_without_the_url() {
    // A port nothing listens on: bound, then released.
    let refused = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let up = format!("http://{refused}");
    let dir = temp_dir("relay-log");
    let log = dir.join("stderr.log");
    let server = Server::start_logged_with(dir, &log, &["--relay-test-upstream", &up]);
    let request =
        serde_json::json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-stopped", "ImageName": "param-xyz"});
    let alibaba = sign(&server, createimage_validator::Provider::Aliyun, &request);
    let signature = createimage_validator::wire::percent::parse_form(&alibaba.query)
        .unwrap()
        .into_iter()
        .find(|(k, _)| k == "Signature")
        .unwrap()
        .1;
    let r = client().get(server.url(&format!("/relay/aliyun/ecs.aliyuncs.com/?{}", alibaba.query))).send().unwrap();
    assert_eq!(r.status(), 502);
    let answer = r.text().unwrap();
    let jd_request = serde_json::json!({"regionId": "cn-north-1", "instanceId": "i-sandbox01", "name": "param-xyz"});
    let jd = sign(&server, createimage_validator::Provider::JdCloud, &jd_request);
    let mut out =
        client().post(server.url(&format!("/relay/jdcloud/vm.jdcloud-api.com{}", jd.path))).body(jd.body.clone());
    for (k, v) in jd.headers.iter().filter(|(k, _)| !k.eq_ignore_ascii_case("host")) {
        out = out.header(k, v);
    }
    let r = out.send().unwrap();
    assert_eq!(r.status(), 502);
    let jd_answer = r.text().unwrap();
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(text.matches("connection refused").count(), 2, "each failure is logged by its kind:\n{text}");
    let jd_signature = jd.header("authorization").unwrap().rsplit('=').next().unwrap().to_owned();
    for (what, leaked) in [("the log", &text), ("the Alibaba answer", &answer), ("the JD answer", &jd_answer)] {
        for secret in [
            "Signature",
            signature.as_str(),
            jd_signature.as_str(),
            sandbox(createimage_validator::Provider::Aliyun).0,
            sandbox(createimage_validator::Provider::JdCloud).0,
            "param-xyz",
            &refused.to_string(),
            "http://",
        ] {
            assert!(!leaked.contains(secret), "{what} shows {secret:?}:\n{leaked}");
        }
    }
}
