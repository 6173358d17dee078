//! A `createimage serve` started for a test: on 127.0.0.1, on a port the OS picks, with a temporary
//! console folder; stopped by its own PID when the value drops. And signed requests to it, made
//! with the validator's own encoders (what the console and `createimage sign` use).

#![allow(dead_code)]

pub mod resign;

use createimage_validator::wire::{Credentials, Endpoint, HttpRequest, SignOptions, Timestamp, encode};
use createimage_validator::{Options, Provider, checked, send_anyway};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub struct Server {
    child: Child,
    pub host: String,
    pub dir: PathBuf,
    /// What serve printed on start, up to "Ctrl-C stops.".
    pub banner: Vec<String>,
}

static NEXT: AtomicU64 = AtomicU64::new(0);

pub fn temp_dir(tag: &str) -> PathBuf {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("createimage-{tag}-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Server {
    /// Starts `createimage serve` with images available at once, plus `extra` arguments.
    pub fn start(extra: &[&str]) -> Server {
        Self::start_in(temp_dir("serve"), extra)
    }

    /// Like [`start`](Self::start), in `dir` (which holds the console and any state file).
    pub fn start_in(dir: PathBuf, extra: &[&str]) -> Server {
        Self::spawn(dir, extra, None)
    }

    /// Like [`start`](Self::start), with the server's log (stderr, at level info) in `log`.
    pub fn start_logged(dir: PathBuf, log: &std::path::Path) -> Server {
        Self::spawn(dir, &[], Some(log))
    }

    /// Like [`start_logged`](Self::start_logged), plus `extra` arguments.
    pub fn start_logged_with(dir: PathBuf, log: &std::path::Path, extra: &[&str]) -> Server {
        Self::spawn(dir, extra, Some(log))
    }

    /// The server's process id (to signal it).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits up to `limit` for the process to end: its exit status, or `None` if it still runs.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    fn spawn(dir: PathBuf, extra: &[&str], log: Option<&std::path::Path>) -> Server {
        let dist = dir.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html><title>createimage</title>console").unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_createimage"))
            .args(["serve", "--addr", "127.0.0.1:0", "--image-delay", "0", "--dist"])
            .arg(&dist)
            .args(extra)
            .env("CREATEIMAGE_LOG", if log.is_some() { "info" } else { "warn" })
            .stdout(Stdio::piped())
            .stderr(match log {
                Some(path) => Stdio::from(std::fs::File::create(path).unwrap()),
                None => Stdio::inherit(),
            })
            .spawn()
            .expect("createimage serve starts");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut banner = Vec::new();
        let mut host = None;
        while banner.last().is_none_or(|l: &String| l != "Ctrl-C stops.") {
            assert!(Instant::now() < deadline, "serve did not print its banner");
            let line = lines.next().expect("serve printed its banner").unwrap();
            if host.is_none()
                && let Some(rest) = line.split("http://").nth(1)
            {
                host = Some(rest.trim_end_matches('/').to_owned());
            }
            banner.push(line);
        }
        let host = host.expect("the banner names the address");
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, host, dir, banner }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.host)
    }

    pub fn stop(mut self) {
        self.kill();
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

static NONCE: AtomicU64 = AtomicU64::new(1);

/// A nonce no other request of this test run uses (Tencent's must be a positive integer).
pub fn nonce() -> String {
    (now() * 1000 + NONCE.fetch_add(1, Ordering::Relaxed) % 1000 + u64::from(std::process::id()) * 7).to_string()
        + &NONCE.fetch_add(1, Ordering::Relaxed).to_string()
}

/// The sandbox key pair of `provider` in the built-in fixture.
pub fn sandbox(provider: Provider) -> (&'static str, &'static str) {
    match provider {
        Provider::Aliyun => ("LTAI5tSandboxAliyun0001", "sandbox-aliyun-secret"),
        Provider::Tencent | Provider::Tencent3 => ("AKIDsandboxTencent00000000000000001", "sandbox-tencent-secret"),
        Provider::JdCloud => ("JDCSANDBOXACCESSKEY0000000000001", "sandbox-jdcloud-secret"),
        Provider::Zenlayer => ("ZLSANDBOXACCESSKEY01", "sandbox-zenlayer-secret"),
    }
}

/// Signs a valid `request` for `server`, as `key`/`secret`, at unix time `at`.
pub fn sign_as(server: &Server, provider: Provider, request: &Value, key: &str, secret: &str, at: u64) -> HttpRequest {
    let valid = checked(provider, request, Options::default()).unwrap_or_else(|r| panic!("{provider} {request}: {r}"));
    let mut options = SignOptions::new(Timestamp::from_unix(at).unwrap(), nonce());
    options.endpoint = Some(Endpoint { scheme: "http".into(), host: server.host.clone() });
    if matches!(provider, Provider::Tencent | Provider::Tencent3) {
        options.region = Some(request["Region"].as_str().unwrap_or("ap-guangzhou").to_owned());
    }
    encode(&valid, &Credentials::new(key, secret), &options).expect("encodes").request
}

/// Signs `request` whatever its errors (the console's "send anyway"), so the server's own
/// validation answers.
pub fn sign_anyway(server: &Server, provider: Provider, request: &Value, key: &str, secret: &str) -> HttpRequest {
    let valid =
        send_anyway(provider, request, Options::default()).unwrap_or_else(|e| panic!("{provider} {request}: {e}"));
    let mut options = SignOptions::new(Timestamp::from_unix(now()).unwrap(), nonce());
    options.endpoint = Some(Endpoint { scheme: "http".into(), host: server.host.clone() });
    if matches!(provider, Provider::Tencent | Provider::Tencent3) {
        options.region = Some(request["Region"].as_str().unwrap_or("ap-guangzhou").to_owned());
    }
    encode(&valid, &Credentials::new(key, secret), &options).expect("encodes").request
}

pub fn sign(server: &Server, provider: Provider, request: &Value) -> HttpRequest {
    let (key, secret) = sandbox(provider);
    sign_as(server, provider, request, key, secret, now())
}

/// Sends `req`: status and body.
pub fn send(req: &HttpRequest) -> (u16, String) {
    let client = reqwest::blocking::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let method = reqwest::Method::from_bytes(req.method.as_bytes()).unwrap();
    let mut out = client.request(method, req.url()).body(req.body.clone());
    for (k, v) in &req.headers {
        if !k.eq_ignore_ascii_case("host") {
            out = out.header(k, v);
        }
    }
    let r = out.send().expect("the server answers");
    (r.status().as_u16(), r.text().unwrap())
}

pub fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

pub fn get(server: &Server, path: &str) -> (u16, String) {
    let r = reqwest::blocking::get(server.url(path)).unwrap();
    (r.status().as_u16(), r.text().unwrap())
}

pub fn post(server: &Server, path: &str) -> (u16, String) {
    let r = reqwest::blocking::Client::new().post(server.url(path)).send().unwrap();
    (r.status().as_u16(), r.text().unwrap())
}

/// The error code in `provider`'s envelope.
pub fn error_code(provider: Provider, body: &Value) -> String {
    match provider {
        Provider::Aliyun => body["Code"].as_str().unwrap_or_default().to_owned(),
        Provider::Tencent => body["code"].to_string(),
        Provider::Tencent3 => body["Response"]["Error"]["Code"].as_str().unwrap_or_default().to_owned(),
        Provider::JdCloud => body["error"]["status"].as_str().unwrap_or_default().to_owned(),
        Provider::Zenlayer => body["code"].as_str().unwrap_or_default().to_owned(),
    }
}

/// The error message in `provider`'s envelope.
pub fn error_message(provider: Provider, body: &Value) -> String {
    match provider {
        Provider::Aliyun => body["Message"].as_str(),
        Provider::JdCloud => body["error"]["message"].as_str(),
        Provider::Tencent3 => body["Response"]["Error"]["Message"].as_str(),
        _ => body["message"].as_str(),
    }
    .unwrap_or_default()
    .to_owned()
}
