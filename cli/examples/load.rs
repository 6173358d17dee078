//! Load generator for `createimage serve` (a measurement, not a test): signs N CreateImage requests
//! with the validator's encoders up front, then sends them from C concurrent keep-alive
//! connections and reports requests/s and latency percentiles. Run by `scripts/load.sh`, which
//! starts the server on a free loopback port and stops it afterwards.
//!
//!   load HOST:PORT [--requests N] [--connections C] [--provider P]

use createimage_validator::wire::{Credentials, Endpoint, HttpRequest, SignOptions, Timestamp, encode};
use createimage_validator::{Options, Provider, checked};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn arg(args: &[String], name: &str, default: &str) -> String {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned().unwrap_or_else(|| default.to_owned())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let host = args.first().expect("usage: load HOST:PORT [--requests N] [--connections C] [--provider P]").clone();
    let requests: usize = arg(&args, "--requests", "100000").parse().unwrap();
    let connections: usize = arg(&args, "--connections", "64").parse().unwrap();
    let provider: Provider = arg(&args, "--provider", "zenlayer").parse().unwrap();

    // The whole server path runs for each: decode, key lookup, signature, nonce, validation, the
    // state under its lock, the envelope. The instances are at their quota, so the state does not
    // grow and every answer is the same business error after the same work.
    let (key, secret, body) = match provider {
        Provider::Zenlayer => (
            "ZLSANDBOXACCESSKEY01",
            "sandbox-zenlayer-secret",
            json!({"instanceId": "100000000008", "imageName": "load"}),
        ),
        Provider::Aliyun => (
            "LTAI5tSandboxAliyun0001",
            "sandbox-aliyun-secret",
            json!({"RegionId": "cn-qingdao", "InstanceId": "i-qingdao", "ImageName": "load"}),
        ),
        Provider::JdCloud => (
            "JDCSANDBOXACCESSKEY0000000000001",
            "sandbox-jdcloud-secret",
            json!({"regionId": "cn-east-1", "instanceId": "i-eastone001", "name": "load"}),
        ),
        Provider::Tencent => (
            "AKIDsandboxTencent00000000000000001",
            "sandbox-tencent-secret",
            json!({"instanceId": "ins-shfull1", "imageName": "load", "Region": "ap-shanghai"}),
        ),
        Provider::Tencent3 => (
            "AKIDsandboxTencent00000000000000001",
            "sandbox-tencent-secret",
            json!({"InstanceId": "ins-shfull1", "ImageName": "load", "Region": "ap-shanghai"}),
        ),
    };
    let valid = checked(provider, &body, Options::default()).expect("a valid request");
    let credentials = Credentials::new(key, secret);
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
    let started = Instant::now();
    let signed: Vec<HttpRequest> = (0..requests)
        .map(|i| {
            let mut o = SignOptions::new(
                Timestamp::from_unix(now).unwrap(),
                ((now % 100_000 + 1) * 100_000_000 + i as u64).to_string(),
            );
            o.endpoint = Some(Endpoint { scheme: "http".into(), host: host.clone() });
            if matches!(provider, Provider::Tencent | Provider::Tencent3) {
                o.region = Some("ap-shanghai".into());
            }
            encode(&valid, &credentials, &o).expect("encodes").request
        })
        .collect();
    eprintln!("signed {requests} {provider} requests in {:.2}s", started.elapsed().as_secs_f64());

    let signed = Arc::new(signed);
    let next = Arc::new(AtomicUsize::new(0));
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let (latencies, elapsed, errors) = runtime.block_on(async move {
        let client = reqwest::Client::builder().pool_max_idle_per_host(connections).build().unwrap();
        let started = Instant::now();
        let tasks: Vec<_> = (0..connections)
            .map(|_| {
                let (client, signed, next) = (client.clone(), signed.clone(), next.clone());
                tokio::spawn(async move {
                    let mut mine = Vec::new();
                    let mut errors = 0usize;
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(req) = signed.get(i) else { break };
                        let method = reqwest::Method::from_bytes(req.method.as_bytes()).unwrap();
                        let mut out = client.request(method, req.url()).body(req.body.clone());
                        for (k, v) in &req.headers {
                            if !k.eq_ignore_ascii_case("host") {
                                out = out.header(k, v);
                            }
                        }
                        let t = Instant::now();
                        match out.send().await {
                            Ok(r) => {
                                let status = r.status();
                                let _ = r.bytes().await;
                                // The expected answer is the provider's quota error; anything else is an error.
                                if status.is_server_error()
                                    || status == 401
                                    || status == 403 && provider != Provider::Aliyun
                                {
                                    errors += 1;
                                }
                            }
                            Err(_) => errors += 1,
                        }
                        mine.push(t.elapsed());
                    }
                    (mine, errors)
                })
            })
            .collect();
        let mut all = Vec::new();
        let mut errors = 0;
        for t in tasks {
            let (mine, e) = t.await.unwrap();
            all.extend(mine);
            errors += e;
        }
        (all, started.elapsed(), errors)
    });
    let mut l = latencies;
    l.sort();
    let pct = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{provider}: {} requests, {connections} connections, {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, unexpected answers {errors}",
        l.len(),
        l.len() as f64 / elapsed.as_secs_f64(),
        ms(pct(0.50)),
        ms(pct(0.99)),
        ms(*l.last().unwrap()),
    );
}
