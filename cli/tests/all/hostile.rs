//! `createimage serve` under hostile traffic, on loopback and bounded in count and time: what one
//! request can make the server keep, cross-site and DNS-rebinding requests, slow clients, the
//! connection cap, and a shutdown with a slow client connected.

use crate::support::*;
use createimage_validator::Provider;
use serde_json::json;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Sends `head` (request line and headers, without the blank line) and `body` on a fresh
/// connection: the status and the body of the answer.
fn raw(server: &Server, head: &str, body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(&server.host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let head = head.trim_end();
    write!(s, "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).unwrap();
    s.write_all(body).unwrap();
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).unwrap();
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or(String::new(), |(_, b)| b.to_owned());
    (status, body)
}

/// The resident memory of process `pid`, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn images(server: &Server) -> usize {
    json(&get(server, "/_emulator/state").1)["images"].as_array().unwrap().len()
}

/// A correctly signed Alibaba request (the public sandbox key) whose `SignatureNonce` is 500 KB,
/// sent 300 times as a form body: each is refused before anything is remembered, and the
/// server's memory stays where it was (it grew by about 1 MB a request when such nonces were kept).
#[test]
fn huge_nonces_are_refused_and_kept_nowhere() {
    let server = Server::start(&[]);
    let signed =
        sign(&server, Provider::Aliyun, &json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-stopped"}));
    let form = resign::aliyun_form_with_nonce(&signed.query, &"n".repeat(500_000), sandbox(Provider::Aliyun).1);
    let head = format!("POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded", server.host);
    let (status, body) = raw(&server, &head, form.as_bytes());
    assert_eq!((status, error_code(Provider::Aliyun, &json(&body)).as_str()), (400, "InvalidParameter"), "{body}");
    assert!(error_message(Provider::Aliyun, &json(&body)).contains("longer than 128"), "{body}");
    let before = rss_kib(server.pid());
    for _ in 0..300 {
        assert_eq!(raw(&server, &head, form.as_bytes()).0, 400);
    }
    let grown = rss_kib(server.pid()).saturating_sub(before);
    assert!(grown < 20 * 1024, "300 requests with a 500 KB nonce grew the server by {grown} KiB");
}

#[test]
fn cross_site_and_rebinding_requests_change_nothing() {
    let server = Server::start(&["--allowed-host", "dev.example"]);
    let created = sign(&server, Provider::Zenlayer, &json!({"instanceId": "100000000001", "imageName": "kept"}));
    assert_eq!(send(&created).0, 200);
    assert_eq!(images(&server), 1);
    let own = format!("http://{}", server.host);
    let port = server.host.rsplit(':').next().unwrap().to_owned();
    let evil = format!("evil.example:{port}");
    // (Host, extra headers) of requests a hostile page can make; each must be refused.
    let hostile = [
        (server.host.clone(), "Origin: http://evil.example\r\nContent-Type: text/plain".to_owned()),
        (server.host.clone(), "Origin: null".to_owned()),
        (server.host.clone(), "Sec-Fetch-Site: cross-site".to_owned()),
        (server.host.clone(), "Sec-Fetch-Site: same-site\r\nOrigin: http://localhost:1".to_owned()),
        (evil.clone(), format!("Origin: http://{evil}\r\nSec-Fetch-Site: same-origin")),
        (evil.clone(), String::new()),
    ];
    for (host, extra) in &hostile {
        let reset = raw(&server, &format!("POST /_emulator/reset HTTP/1.1\r\nHost: {host}\r\n{extra}"), b"x");
        assert_eq!(reset.0, 403, "reset with Host {host} and {extra:?}: {}", reset.1);
        assert!(json(&reset.1)["message"].is_string(), "{}", reset.1);
        let relay = raw(
            &server,
            &format!("GET /relay/zenlayer/console.zenlayer.com/api/v2/vm HTTP/1.1\r\nHost: {host}\r\n{extra}"),
            b"",
        );
        assert_eq!(relay.0, 403, "relay with Host {host} and {extra:?}: {}", relay.1);
        assert_eq!(json(&relay.1)["error"], "relay refused");
        // A provider path: signed with the public sandbox key, still refused, in the provider's envelope.
        let signed = sign(&server, Provider::Zenlayer, &json!({"instanceId": "100000000001", "imageName": "evil"}));
        let mut head = format!("POST /api/v2/vm HTTP/1.1\r\nHost: {host}");
        for (k, v) in signed.headers.iter().filter(|(k, _)| !k.eq_ignore_ascii_case("host")) {
            head += &format!("\r\n{k}: {v}");
        }
        if !extra.is_empty() {
            head += &format!("\r\n{}", extra.replace("Content-Type: text/plain", ""));
        }
        let api = raw(&server, head.trim_end(), &signed.body);
        assert_eq!(error_code(Provider::Zenlayer, &json(&api.1)), "INVALID_PARAMETER", "{host} {extra:?}: {}", api.1);
    }
    assert_eq!(images(&server), 1, "nothing was wiped or created");
    // The console's own page, a named host, and a client with no Origin (an SDK, curl) pass.
    for (host, extra) in [
        (server.host.clone(), format!("Origin: {own}\r\nSec-Fetch-Site: same-origin")),
        (format!("localhost:{port}"), format!("Origin: http://localhost:{port}")),
        (format!("dev.example:{port}"), String::new()),
        (server.host.clone(), String::new()),
    ] {
        let state = raw(&server, &format!("GET /_emulator/state HTTP/1.1\r\nHost: {host}\r\n{extra}"), b"");
        assert_eq!(state.0, 200, "{host} {extra:?}: {}", state.1);
    }
    let reset = raw(&server, &format!("POST /_emulator/reset HTTP/1.1\r\nHost: {}\r\nOrigin: {own}", server.host), b"");
    assert_eq!(reset.0, 200, "{}", reset.1);
    assert_eq!(images(&server), 0);
}

/// Headers that never end and a body that trickles in are cut off at their deadlines (2 s here).
#[test]
fn slow_clients_are_cut_off() {
    let server = Server::start(&["--test-read-timeout", "2"]);
    let started = Instant::now();
    let mut headers = TcpStream::connect(&server.host).unwrap();
    write!(headers, "GET / HTTP/1.1\r\nHost: {}\r\n", server.host).unwrap();
    let mut body = TcpStream::connect(&server.host).unwrap();
    write!(body, "POST /v2/index.php HTTP/1.1\r\nHost: {}\r\nContent-Length: 100\r\n\r\nab", server.host).unwrap();
    let mut idle = TcpStream::connect(&server.host).unwrap();
    // A byte every 300 ms: each read is quick, the whole body is not.
    let trickle = std::thread::spawn(move || {
        for _ in 0..30 {
            std::thread::sleep(Duration::from_millis(300));
            if body.write_all(b"x").is_err() {
                break;
            }
        }
        let mut rest = Vec::new();
        let _ = body.read_to_end(&mut rest);
        (started.elapsed(), rest)
    });
    for (what, stream) in [("headers", &mut headers), ("idle", &mut idle)] {
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest);
        let waited = started.elapsed();
        assert!(waited < Duration::from_secs(5), "{what}: closed after {waited:?}");
    }
    let (waited, answer) = trickle.join().unwrap();
    assert!(waited < Duration::from_secs(5), "the trickling body held its connection {waited:?}");
    assert!(waited >= Duration::from_millis(1900), "cut off early: {waited:?}");
    // What the client got is nothing or the provider's refusal (Tencent's v2 refuses with HTTP 200
    // and a non-zero code), never a half-read request served.
    let text = String::from_utf8_lossy(&answer);
    assert!(text.is_empty() || text.starts_with("HTTP/1.1 4") || text.contains(r#"{"code":4000,"#), "{text}");
}

/// Past `--max-connections` a connection waits, unserved and costing nothing, until one closes.
#[test]
fn connections_beyond_the_cap_wait_their_turn() {
    let server = Server::start(&["--max-connections", "2"]);
    let held: Vec<TcpStream> = (0..2).map(|_| TcpStream::connect(&server.host).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(200));
    let mut third = TcpStream::connect(&server.host).unwrap();
    write!(third, "GET /_emulator/state HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", server.host).unwrap();
    third.set_read_timeout(Some(Duration::from_millis(1000))).unwrap();
    let mut first = [0u8; 1];
    assert!(third.read(&mut first).is_err(), "the third connection was served past the cap");
    drop(held);
    third.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
    let mut answer = Vec::new();
    third.read_to_end(&mut answer).unwrap();
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));
}

/// SIGTERM with a client holding a request open: the server stops accepting at once and exits
/// within its 5 s grace.
#[test]
fn shutdown_is_bounded_with_a_slow_client_connected() {
    let mut server = Server::start(&[]);
    let mut slow = TcpStream::connect(&server.host).unwrap();
    write!(slow, "POST /v2/index.php HTTP/1.1\r\nHost: {}\r\nContent-Length: 1000\r\n\r\nab", server.host).unwrap();
    let mut half = TcpStream::connect(&server.host).unwrap();
    write!(half, "GET / HTTP/1.1\r\nHost: {}\r\n", server.host).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let killed = std::process::Command::new("kill").args(["-TERM", &server.pid().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = server.wait_exit(Duration::from_secs(8)).expect("serve exits within 8 s of SIGTERM");
    let took = started.elapsed();
    assert!(status.success(), "{status:?}");
    assert!(took < Duration::from_secs(7), "shutdown took {took:?}");
    drop((slow, half));
}
