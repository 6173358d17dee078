//! Each provider's request decoder and verifier on arbitrary HTTP requests, as the emulator runs
//! them: `access_key_id`, `verify`, `decode`, and the error texts and codes. Nothing may panic.
//!
//! The input is the request's text: `METHOD TARGET` on the first line, `Name: value` header lines,
//! an empty line, the body. The target splits at its first `?` into path and query; the `Host`
//! header gives the host. The clock is the time the corpus's signed requests carry, so mutations
//! of them get as far as the signature check.
#![no_main]

use createimage_validator::Provider;
use createimage_validator::wire::{self, HttpRequest, Secret, Timestamp};
use libfuzzer_sys::fuzz_target;

/// The signing time of the corpus's requests (`scripts/fuzz.sh` says how they were made).
const NOW: u64 = 1_700_000_000;

fn request(data: &[u8]) -> HttpRequest {
    let (head, body) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(at) => (&data[..at], data[at + 2..].to_vec()),
        None => (data, Vec::new()),
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.split('\n');
    let first = lines.next().unwrap_or_default();
    let (method, target) = first.split_once(' ').unwrap_or((first, ""));
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (k, v) = l.split_once(':').unwrap_or((l, ""));
            (k.to_owned(), v.trim_start().to_owned())
        })
        .collect();
    let host = headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("host")).map(|(_, v)| v.clone()).unwrap_or_default();
    HttpRequest {
        method: method.to_owned(),
        scheme: "http".to_owned(),
        host,
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body,
    }
}

fuzz_target!(|data: &[u8]| {
    let r = request(data);
    let now = Timestamp::from_unix(NOW).expect("in range");
    for provider in Provider::ALL {
        let _ = wire::access_key_id(provider, &r);
        match wire::verify(provider, &r, &Secret::new("fuzz-secret"), now, 900) {
            Ok(v) => assert!(v.timestamp.abs_diff(now) <= 900),
            Err(e) => {
                let _ = (e.to_string(), e.code(provider));
            }
        }
        match wire::decode(provider, &r) {
            Ok(v) => assert!(v.is_object()),
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
