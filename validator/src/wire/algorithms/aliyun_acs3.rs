//! Alibaba Cloud V3 signature, `ACS3-HMAC-SHA256` (providers.md B.3): a canonical request of
//! method, `/`, the sorted percent-encoded query, the signed headers (`host`, `content-type`,
//! every `x-acs-*`) and the hex SHA-256 of the body; the string to sign is the algorithm name and
//! the hex SHA-256 of that; the signature is hex HMAC-SHA256 under the raw secret (no `&`). The
//! `Authorization` header separates its parts with commas and no spaces.

use super::stage;
use crate::wire::hash;
use crate::wire::percent::encode;
use crate::wire::secret::Secret;

pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

stage! {
    /// `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nHASHED_PAYLOAD`, HEADERS being `name:value\n` each.
    CanonicalRequest
}

stage! {
    /// `ACS3-HMAC-SHA256\n` + hex(SHA-256(canonical request)).
    StringToSign
}

stage! {
    /// `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex`.
    Authorization
}

/// What the signature covers: the headers in `headers` are all signed (names any case).
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub method: &'a str,
    /// `/` for RPC APIs.
    pub canonical_uri: &'a str,
    /// Query parameters, decoded.
    pub query: &'a [(String, String)],
    pub headers: &'a [(String, String)],
    /// hex(SHA-256(body)), the `x-acs-content-sha256` value.
    pub hashed_payload: &'a str,
}

/// Every stage of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub canonical_request: CanonicalRequest,
    pub string_to_sign: StringToSign,
    /// `host;x-acs-action;…`
    pub signed_headers: String,
    /// Lower-case hex.
    pub signature: String,
    pub authorization: Authorization,
}

/// Canonical query string: sorted by name, then value; both sides percent-encoded.
pub fn canonical_query(query: &[(String, String)]) -> String {
    let mut pairs: Vec<(String, String)> = query.iter().map(|(k, v)| (encode(k), encode(v))).collect();
    crate::compact::order::sort(&mut pairs);
    pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

/// Canonical headers and the signed-header list: names lower-cased, values trimmed, sorted by name.
pub fn canonical_headers(headers: &[(String, String)]) -> (String, String) {
    super::sorted_headers(headers, |v| v.trim().to_owned())
}

impl CanonicalRequest {
    pub fn new(input: &Input<'_>) -> (Self, String) {
        let (headers, signed) = canonical_headers(input.headers);
        let text = format!(
            "{}\n{}\n{}\n{}\n{}\n{}",
            input.method,
            input.canonical_uri,
            canonical_query(input.query),
            headers,
            signed,
            input.hashed_payload
        );
        (CanonicalRequest(text), signed)
    }

    /// hex(SHA-256) of the text: the last line of the string to sign.
    pub fn hash(&self) -> String {
        hash::sha256_hex(self.0.as_bytes())
    }
}

impl StringToSign {
    pub fn new(canonical_request: &CanonicalRequest) -> Self {
        StringToSign(format!("{ALGORITHM}\n{}", canonical_request.hash()))
    }
}

/// hex(HMAC-SHA256(AccessKeySecret, StringToSign)).
pub fn signature(string_to_sign: &StringToSign, secret: &Secret) -> String {
    hash::hex(&hash::hmac_sha256(secret.expose().as_bytes(), string_to_sign.0.as_bytes()))
}

impl Authorization {
    pub fn new(access_key_id: &str, signed_headers: &str, signature: &str) -> Self {
        Authorization(format!(
            "{ALGORITHM} Credential={access_key_id},SignedHeaders={signed_headers},Signature={signature}"
        ))
    }
}

pub fn sign(input: &Input<'_>, access_key_id: &str, secret: &Secret) -> Signature {
    let (canonical_request, signed_headers) = CanonicalRequest::new(input);
    let string_to_sign = StringToSign::new(&canonical_request);
    let signature = signature(&string_to_sign, secret);
    let authorization = Authorization::new(access_key_id, &signed_headers, &signature);
    Signature { canonical_request, string_to_sign, signed_headers, signature, authorization }
}
