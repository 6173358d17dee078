//! Alibaba Cloud RPC signature, `SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`
//! (providers.md B.2): sort every parameter but `Signature` by name, percent-encode both sides,
//! join into the canonicalized query string, wrap it as `METHOD&%2F&percentEncode(query)`, and
//! sign that with HMAC-SHA1 under `AccessKeySecret + "&"`, Base64.

use super::stage;
use crate::wire::hash;
use crate::wire::percent::encode;
use crate::wire::secret::Secret;

/// The `SignatureMethod` value.
pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";
/// The `SignatureVersion` value.
pub const SIGNATURE_VERSION: &str = "1.0";

stage! {
    /// `enc(k1)=enc(v1)&enc(k2)=enc(v2)…`, sorted by parameter name (byte order, case-sensitive).
    CanonicalizedQueryString
}

stage! {
    /// `HTTPMethod&%2F&percentEncode(CanonicalizedQueryString)`.
    StringToSign
}

impl CanonicalizedQueryString {
    /// From every parameter of the request (query and form body together); `Signature` is left out.
    pub fn new(params: &[(String, String)]) -> Self {
        let mut sorted: Vec<&(String, String)> = params.iter().filter(|(k, _)| k != "Signature").collect();
        crate::compact::order::sort(&mut sorted);
        let pairs: Vec<String> = sorted.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
        CanonicalizedQueryString(pairs.join("&"))
    }
}

impl StringToSign {
    pub fn new(method: &str, query: &CanonicalizedQueryString) -> Self {
        StringToSign(format!("{method}&{}&{}", encode("/"), encode(&query.0)))
    }
}

/// Every stage of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub canonicalized_query: CanonicalizedQueryString,
    pub string_to_sign: StringToSign,
    /// Base64, as the `Signature` parameter carries it (before URL encoding).
    pub signature: String,
}

/// `Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))`.
pub fn signature(string_to_sign: &StringToSign, secret: &Secret) -> String {
    let key = format!("{}&", secret.expose());
    hash::base64(&hash::hmac_sha1(key.as_bytes(), string_to_sign.0.as_bytes()))
}

/// Signs a request's parameters for `method` (`GET` or `POST`).
pub fn sign(method: &str, params: &[(String, String)], secret: &Secret) -> Signature {
    let canonicalized_query = CanonicalizedQueryString::new(params);
    let string_to_sign = StringToSign::new(method, &canonicalized_query);
    let signature = signature(&string_to_sign, secret);
    Signature { canonicalized_query, string_to_sign, signature }
}
