//! Zenlayer Cloud API 2.0 signature, `ZC2-HMAC-SHA256` (providers.md A.2): the canonical request
//! has a fixed URI `/` and an empty query whatever the real path; the signed headers are
//! `content-type;host` (values as sent); the string to sign carries the `X-ZC-Timestamp` value;
//! the signature is hex HMAC-SHA256 under the raw AccessKey password, without key derivation.

use super::stage;
use crate::wire::hash;
use crate::wire::secret::Secret;

pub const ALGORITHM: &str = "ZC2-HMAC-SHA256";

stage! {
    /// `METHOD\n/\n\nHEADERS\nSIGNED_HEADERS\nHASHED_PAYLOAD`, HEADERS being `name:value\n` each.
    CanonicalRequest
}

stage! {
    /// `ZC2-HMAC-SHA256\n<X-ZC-Timestamp>\n` + hex(SHA-256(canonical request)).
    StringToSign
}

stage! {
    /// `ZC2-HMAC-SHA256 Credential=AK, SignedHeaders=content-type;host, Signature=hex` (comma + space).
    Authorization
}

/// What the signature covers.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub method: &'a str,
    /// The signed headers (the SDKs: `content-type` and `host`), names any case, values as sent.
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
    /// The `X-ZC-Timestamp` text (Unix seconds).
    pub timestamp: &'a str,
}

/// Every stage of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub hashed_payload: String,
    pub canonical_request: CanonicalRequest,
    pub string_to_sign: StringToSign,
    pub signed_headers: String,
    pub signature: String,
    pub authorization: Authorization,
}

impl CanonicalRequest {
    pub fn new(method: &str, headers: &[(String, String)], hashed_payload: &str) -> (Self, String) {
        let mut h: Vec<(String, &str)> = headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.trim())).collect();
        crate::compact::order::sort_by(&mut h, |a, b| a.0.cmp(&b.0));
        let canonical: String = h.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
        let signed = h.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(";");
        (CanonicalRequest(format!("{method}\n/\n\n{canonical}\n{signed}\n{hashed_payload}")), signed)
    }

    pub fn hash(&self) -> String {
        hash::sha256_hex(self.0.as_bytes())
    }
}

impl StringToSign {
    pub fn new(timestamp: &str, canonical_request: &CanonicalRequest) -> Self {
        StringToSign(format!("{ALGORITHM}\n{timestamp}\n{}", canonical_request.hash()))
    }
}

/// hex(HMAC-SHA256(password, StringToSign)).
pub fn signature(string_to_sign: &StringToSign, secret: &Secret) -> String {
    hash::hex(&hash::hmac_sha256(secret.expose().as_bytes(), string_to_sign.0.as_bytes()))
}

impl Authorization {
    pub fn new(access_key_id: &str, signed_headers: &str, signature: &str) -> Self {
        Authorization(format!(
            "{ALGORITHM} Credential={access_key_id}, SignedHeaders={signed_headers}, Signature={signature}"
        ))
    }
}

pub fn sign(input: &Input<'_>, access_key_id: &str, secret: &Secret) -> Signature {
    let hashed_payload = hash::sha256_hex(input.body);
    let (canonical_request, signed_headers) = CanonicalRequest::new(input.method, input.headers, &hashed_payload);
    let string_to_sign = StringToSign::new(input.timestamp, &canonical_request);
    let signature = signature(&string_to_sign, secret);
    let authorization = Authorization::new(access_key_id, &signed_headers, &signature);
    Signature { hashed_payload, canonical_request, string_to_sign, signed_headers, signature, authorization }
}
