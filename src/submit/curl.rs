//! The signed request as the page shows it: as text, and as a curl command, the signature redacted.

use super::*;

/// The signed request as text: request line, headers, body, signing stages; signature redacted.
pub fn preview(signed: &Signed) -> String {
    signed.redacted().to_string()
}

/// The request as a curl command, with the signature (and any security token) redacted.
pub fn curl(signed: &Signed) -> String {
    let r = &signed.request;
    let mut out = format!("curl -X {} {}", r.method, quote(&r.url()));
    for (k, v) in &r.headers {
        out.push_str(" \\\n  -H ");
        out.push_str(&quote(&format!("{k}: {v}")));
    }
    if !r.body.is_empty() {
        out.push_str(" \\\n  --data-raw ");
        out.push_str(&quote(&String::from_utf8_lossy(&r.body)));
    }
    signed.redacted().text(&out)
}

/// A shell word in single quotes.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}
