//! The signed request as the page shows it: as text, and as a curl command, the signature redacted.

use createimage_validator::wire::Signed;

/// The signed request as text: request line, headers, body, signing stages; signature redacted.
pub fn preview(signed: &Signed) -> String {
    signed.redacted().to_string()
}

/// The request as a curl command, one option a line, with the signature (and any security
/// token) redacted.
pub fn curl(signed: &Signed) -> String {
    signed.redacted().text(&signed.request.curl(" \\\n  "))
}
