//! Hostile-traffic figures for `createimage serve` (a measurement, not a test; the tests are
//! `cli/tests/all/hostile.rs`). Run by `scripts/hostile.sh`, which starts the release server on a free
//! loopback port and stops it by its PID.
//!
//!   hostile HOST:PORT PID nonces [N]     N correctly signed requests with a 500 KB nonce: memory before and after
//!   hostile HOST:PORT PID slow [C] [S]   C connections that never finish their headers, held S seconds:
//!                                        memory, and how long an ordinary request waits meanwhile

#[path = "../tests/all/support/resign.rs"]
mod resign;

use createimage_validator::wire::{Credentials, Endpoint, SignOptions, Timestamp, encode};
use createimage_validator::{Options, Provider, checked};
use serde_json::json;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const KEY: &str = "LTAI5tSandboxAliyun0001";
const SECRET: &str = "sandbox-aliyun-secret";

fn rss_mib(pid: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("the server runs");
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("VmRSS");
    kib / 1024.0
}

/// One request on its own connection: the answer's status line.
fn exchange(host: &str, head: &str, body: &[u8]) -> String {
    let mut s = TcpStream::connect(host).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(s, "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).unwrap();
    s.write_all(body).unwrap();
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).lines().next().unwrap_or("(no answer)").to_owned()
}

fn nonces(host: &str, pid: &str, n: usize) {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
    let valid = checked(
        Provider::Aliyun,
        &json!({"RegionId": "cn-hangzhou", "InstanceId": "i-sandbox-stopped"}),
        Options::default(),
    )
    .expect("valid");
    let mut options = SignOptions::new(Timestamp::from_unix(now).unwrap(), "n");
    options.endpoint = Some(Endpoint { scheme: "http".into(), host: host.to_owned() });
    let signed = encode(&valid, &Credentials::new(KEY, SECRET), &options).expect("signs").request;
    let head = format!("POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded");
    let before = rss_mib(pid);
    let mut statuses = std::collections::BTreeMap::new();
    for i in 0..n {
        // A distinct nonce each time (a repeated one would be refused as a replay anyway).
        let huge = format!("{i:08}{}", "n".repeat(500_000));
        let form = resign::aliyun_form_with_nonce(&signed.query, &huge, SECRET);
        *statuses.entry(exchange(host, &head, form.as_bytes())).or_insert(0) += 1;
    }
    println!("{n} signed requests with a 500 KB SignatureNonce: {statuses:?}");
    println!("server memory (RSS): {before:.1} MiB before, {:.1} MiB after", rss_mib(pid));
}

fn slow(host: &str, pid: &str, connections: usize, hold: u64) {
    let before = rss_mib(pid);
    let started = Instant::now();
    let mut held = Vec::new();
    for _ in 0..connections {
        match TcpStream::connect_timeout(&host.parse().unwrap(), Duration::from_secs(2)) {
            Ok(mut s) => {
                let _ = write!(s, "GET / HTTP/1.1\r\nHost: {host}\r\nX-Slow: ");
                held.push(s);
            }
            Err(_) => break,
        }
    }
    println!("{} of {connections} slow connections opened in {:?}", held.len(), started.elapsed());
    std::thread::sleep(Duration::from_secs(1));
    println!("server memory (RSS): {before:.1} MiB before, {:.1} MiB with them open", rss_mib(pid));
    let asked = Instant::now();
    let status = exchange(host, &format!("GET /_emulator/state HTTP/1.1\r\nHost: {host}"), b"");
    println!("an ordinary request meanwhile: {status:?} after {:.1} s", asked.elapsed().as_secs_f64());
    let until = started + Duration::from_secs(hold);
    let mut closed = 0;
    for s in &mut held {
        let left = until.saturating_duration_since(Instant::now()).max(Duration::from_millis(1));
        s.set_read_timeout(Some(left)).unwrap();
        let mut buf = [0u8; 64];
        if s.read(&mut buf).is_ok() {
            closed += 1;
        }
    }
    println!(
        "after {:.0} s: the server had closed {closed} of them; memory {:.1} MiB",
        started.elapsed().as_secs_f64(),
        rss_mib(pid)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: hostile HOST:PORT PID (nonces [N] | slow [C] [S])";
    let (host, pid, probe) = (args.first().expect(usage), args.get(1).expect(usage), args.get(2).expect(usage));
    let num = |i: usize, default: u64| args.get(i).map_or(default, |v| v.parse().expect(usage));
    match probe.as_str() {
        "nonces" => nonces(host, pid, num(3, 300) as usize),
        "slow" => slow(host, pid, num(3, 2000) as usize, num(4, 15)),
        _ => panic!("{usage}"),
    }
}
