//! Tencent Cloud API 3.0 signature, `TC3-HMAC-SHA256` (tencent-api3.md §5.1): a canonical request of
//! method, `/`, the query as received, the signed headers (`name:value\n`, both lower-cased, values
//! trimmed, sorted by name) and the hex SHA-256 of the body; a credential scope of the UTC day of
//! `X-TC-Timestamp`, the service and `tc3_request`; the string to sign is the algorithm, the
//! timestamp, the scope and the hex SHA-256 of the canonical request; the key is derived in three
//! HMAC steps from `"TC3" + SecretKey`; the signature is hex HMAC-SHA256 under it.

pub use super::SigningKey;
use super::stage;
use crate::wire::hash;
use crate::wire::secret::Secret;
use crate::wire::time::Timestamp;

pub const ALGORITHM: &str = "TC3-HMAC-SHA256";
/// The last element of the credential scope.
pub const TERM: &str = "tc3_request";

stage! {
    /// `METHOD\n/\nQUERY\nHEADERS\nSIGNED_HEADERS\nHASHED_PAYLOAD`, HEADERS being `name:value\n` each.
    CanonicalRequest
}

stage! {
    /// `YYYY-MM-DD/service/tc3_request`.
    CredentialScope
}

stage! {
    /// `TC3-HMAC-SHA256\n<timestamp>\n<scope>\n` + hex(SHA-256(canonical request)).
    StringToSign
}

stage! {
    /// `TC3-HMAC-SHA256 Credential=id/scope, SignedHeaders=a;b, Signature=hex` (comma + space).
    Authorization
}

/// What the signature covers.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub method: &'a str,
    /// The query exactly as sent, without `?` (empty for POST): the SDKs sign their own encodings.
    pub query: &'a str,
    /// The signed headers (`content-type` and `host` at least); names and values any case.
    pub headers: &'a [(String, String)],
    /// hex(SHA-256(the exact body bytes)).
    pub hashed_payload: &'a str,
    /// `X-TC-Timestamp`.
    pub timestamp: Timestamp,
    /// `cvm`.
    pub service: &'a str,
}

/// Every stage of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub canonical_request: CanonicalRequest,
    pub credential_scope: CredentialScope,
    pub string_to_sign: StringToSign,
    /// `content-type;host;…`
    pub signed_headers: String,
    /// Lower-case hex.
    pub signature: String,
    pub authorization: Authorization,
}

/// Canonical headers and the signed-header list: names and values lower-cased, values trimmed,
/// sorted by name.
pub fn canonical_headers(headers: &[(String, String)]) -> (String, String) {
    super::sorted_headers(headers, |v| v.trim().to_ascii_lowercase())
}

impl CanonicalRequest {
    pub fn new(input: &Input<'_>) -> (Self, String) {
        let (headers, signed) = canonical_headers(input.headers);
        let text = format!("{}\n/\n{}\n{}\n{}\n{}", input.method, input.query, headers, signed, input.hashed_payload);
        (CanonicalRequest(text), signed)
    }

    /// hex(SHA-256) of the text: the last line of the string to sign.
    pub fn hash(&self) -> String {
        hash::sha256_hex(self.0.as_bytes())
    }
}

impl CredentialScope {
    pub fn new(timestamp: Timestamp, service: &str) -> Self {
        CredentialScope(format!("{}/{service}/{TERM}", timestamp.utc_date()))
    }
}

impl StringToSign {
    pub fn new(timestamp: Timestamp, scope: &CredentialScope, canonical_request: &CanonicalRequest) -> Self {
        StringToSign(format!("{ALGORITHM}\n{}\n{scope}\n{}", timestamp.unix(), canonical_request.hash()))
    }
}

/// `kDate = HMAC("TC3" + secret, YYYY-MM-DD)`, then the service, then `tc3_request`.
pub fn signing_key(secret: &Secret, date: &str, service: &str) -> SigningKey {
    let k_secret = format!("TC3{}", secret.expose());
    let k_date = hash::hmac_sha256(k_secret.as_bytes(), date.as_bytes());
    let k_service = hash::hmac_sha256(&k_date, service.as_bytes());
    SigningKey(hash::hmac_sha256(&k_service, TERM.as_bytes()))
}

/// hex(HMAC-SHA256(signing key, StringToSign)).
pub fn signature(key: &SigningKey, string_to_sign: &StringToSign) -> String {
    hash::hex(&hash::hmac_sha256(&key.0, string_to_sign.0.as_bytes()))
}

impl Authorization {
    pub fn new(secret_id: &str, scope: &CredentialScope, signed: &str, signature: &str) -> Self {
        Authorization(format!(
            "{ALGORITHM} Credential={secret_id}/{scope}, SignedHeaders={signed}, Signature={signature}"
        ))
    }
}

pub fn sign(input: &Input<'_>, secret_id: &str, secret: &Secret) -> Signature {
    let (canonical_request, signed_headers) = CanonicalRequest::new(input);
    let credential_scope = CredentialScope::new(input.timestamp, input.service);
    let string_to_sign = StringToSign::new(input.timestamp, &credential_scope, &canonical_request);
    let key = signing_key(secret, &input.timestamp.utc_date(), input.service);
    let signature = signature(&key, &string_to_sign);
    let authorization = Authorization::new(secret_id, &credential_scope, &signed_headers, &signature);
    Signature { canonical_request, credential_scope, string_to_sign, signed_headers, signature, authorization }
}
