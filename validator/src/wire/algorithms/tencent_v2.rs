//! Tencent Cloud legacy API v2 signature (providers.md C.2): every parameter but `Signature`,
//! sorted by name, joined as `k=v` with `&` **without URL encoding**, behind
//! `METHOD + host + path + "?"`; HMAC-SHA256 when `SignatureMethod=HmacSHA256`, otherwise
//! HMAC-SHA1 (also when the parameter is absent), under the raw SecretKey, Base64.

use super::stage;
use crate::wire::hash;
use crate::wire::secret::Secret;
use std::fmt;

/// The HMAC a request is signed with, chosen by its `SignatureMethod` parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignatureMethod {
    HmacSha1,
    HmacSha256,
}

impl SignatureMethod {
    /// The `SignatureMethod` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            SignatureMethod::HmacSha1 => "HmacSHA1",
            SignatureMethod::HmacSha256 => "HmacSHA256",
        }
    }

    /// The method a request's parameters select: `HmacSHA256` exactly, else HMAC-SHA1.
    pub fn of(params: &[(String, String)]) -> Self {
        match params.iter().find(|(k, _)| k == "SignatureMethod") {
            Some((_, v)) if v == "HmacSHA256" => SignatureMethod::HmacSha256,
            _ => SignatureMethod::HmacSha1,
        }
    }
}

impl fmt::Display for SignatureMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

stage! {
    /// The docs' 签名原文字符串 (the SDK's `srcStr`): `GETcvm.api.qcloud.com/v2/index.php?Action=…&…`.
    StringToSign
}

impl StringToSign {
    /// `method` is upper-cased, as the SDK does; values go in raw.
    pub fn new(method: &str, host: &str, path: &str, params: &[(String, String)]) -> Self {
        let mut sorted: Vec<&(String, String)> = params.iter().filter(|(k, _)| k != "Signature").collect();
        crate::compact::order::sort(&mut sorted);
        let query: Vec<String> = sorted.iter().map(|(k, v)| format!("{k}={v}")).collect();
        StringToSign(format!("{}{host}{path}?{}", method.to_ascii_uppercase(), query.join("&")))
    }
}

/// Every stage of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub method: SignatureMethod,
    pub string_to_sign: StringToSign,
    /// Base64, as the `Signature` parameter carries it (before URL encoding).
    pub signature: String,
}

/// `Base64(HMAC(SecretKey, StringToSign))`.
pub fn signature(method: SignatureMethod, string_to_sign: &StringToSign, secret: &Secret) -> String {
    let key = secret.expose().as_bytes();
    let data = string_to_sign.0.as_bytes();
    match method {
        SignatureMethod::HmacSha1 => hash::base64(&hash::hmac_sha1(key, data)),
        SignatureMethod::HmacSha256 => hash::base64(&hash::hmac_sha256(key, data)),
    }
}

/// Signs `params` for `METHOD host path`.
pub fn sign(method: &str, host: &str, path: &str, params: &[(String, String)], secret: &Secret) -> Signature {
    let string_to_sign = StringToSign::new(method, host, path, params);
    let hmac = SignatureMethod::of(params);
    let signature = signature(hmac, &string_to_sign, secret);
    Signature { method: hmac, string_to_sign, signature }
}
