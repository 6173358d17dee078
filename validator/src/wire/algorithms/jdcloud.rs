//! JD Cloud signatures, `JDCLOUD2-HMAC-SHA256` and `JDCLOUD3-HMAC-SHA256` (providers.md D.2),
//! both "modified from AWS V4": canonical request → string to sign with a
//! `yyyymmdd/region/service/term` scope → hex HMAC-SHA256 under a key derived in four HMAC steps
//! from `PREFIX + SecretKey`. They differ in the prefix and term, and in canonicalisation:
//! JDCLOUD2 signs the path and query exactly as sent and collapses runs of spaces in header
//! values; JDCLOUD3 decodes and re-encodes the path (`:` → `%3A`, `//` → `/`) and the query
//! (sorted, empty names dropped) and only trims header values.

pub use super::SigningKey;
use super::stage;
use crate::wire::hash;
use crate::wire::percent;
use crate::wire::secret::Secret;
use std::fmt;

/// The two JD signature versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Version {
    /// Go, Java and Rust SDKs and the official doc.
    Jdcloud2,
    /// Python ≥ 1.6.95, PHP and Node SDKs (since 2019-11).
    Jdcloud3,
}

impl Version {
    /// `JDCLOUD2` / `JDCLOUD3`: the key prefix, and the `--signature-method` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Version::Jdcloud2 => "JDCLOUD2",
            Version::Jdcloud3 => "JDCLOUD3",
        }
    }

    /// The algorithm name of the string to sign and the Authorization header.
    pub const fn algorithm(self) -> &'static str {
        match self {
            Version::Jdcloud2 => "JDCLOUD2-HMAC-SHA256",
            Version::Jdcloud3 => "JDCLOUD3-HMAC-SHA256",
        }
    }

    /// The last element of the credential scope.
    pub const fn term(self) -> &'static str {
        match self {
            Version::Jdcloud2 => "jdcloud2_request",
            Version::Jdcloud3 => "jdcloud3_request",
        }
    }

    /// The version whose Authorization header starts with `value`'s algorithm.
    pub fn of_authorization(value: &str) -> Option<Self> {
        [Version::Jdcloud2, Version::Jdcloud3]
            .into_iter()
            .find(|v| value.trim_start().strip_prefix(v.algorithm()).is_some_and(|rest| rest.starts_with(' ')))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

stage! {
    /// `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nHASHED_PAYLOAD`, HEADERS being `name:value\n` each.
    CanonicalRequest
}

stage! {
    /// `yyyymmdd/region/service/jdcloudN_request`.
    CredentialScope
}

stage! {
    /// `ALG\n<x-jdcloud-date>\n<scope>\n` + hex(SHA-256(canonical request)).
    StringToSign
}

stage! {
    /// `ALG Credential=AK/scope, SignedHeaders=a;b, Signature=hex` (comma + space).
    Authorization
}

/// What the signature covers.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub version: Version,
    pub method: &'a str,
    /// The path as on the wire (percent-encoded).
    pub path: &'a str,
    /// The query as on the wire, without `?`.
    pub query: &'a str,
    /// The signed headers (a `host` entry included when host is signed); names any case.
    pub headers: &'a [(String, String)],
    /// hex(SHA-256(body)), or the `x-jdcloud-content-sha256` value when that header is signed.
    pub hashed_payload: &'a str,
    /// The `x-jdcloud-date` value, `YYYYMMDDThhmmssZ`.
    pub date: &'a str,
    pub region: &'a str,
    pub service: &'a str,
}

/// Every stage of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub canonical_request: CanonicalRequest,
    pub credential_scope: CredentialScope,
    pub string_to_sign: StringToSign,
    pub signed_headers: String,
    pub signature: String,
    pub authorization: Authorization,
}

/// The canonical URI. JDCLOUD2: the path as sent (`/` when empty). JDCLOUD3: percent-decoded
/// (`+` as space), runs of `/` collapsed, each segment re-encoded (RFC 3986, `/` kept), with a
/// leading `/` (the Python SDK's `__build_canonical_uri`).
pub fn canonical_uri(version: Version, path: &str) -> String {
    match version {
        Version::Jdcloud2 if path.is_empty() => "/".to_owned(),
        Version::Jdcloud2 => path.to_owned(),
        Version::Jdcloud3 => {
            let decoded = percent::decode_lenient(path);
            let mut collapsed = String::with_capacity(decoded.len());
            for c in decoded.chars() {
                if !(c == '/' && collapsed.ends_with('/')) {
                    collapsed.push(c);
                }
            }
            let encoded = percent::encode_path(&collapsed);
            if encoded.starts_with('/') { encoded } else { format!("/{encoded}") }
        }
    }
}

/// The canonical query. JDCLOUD2: the query as sent. JDCLOUD3: pairs split on `&` and the first
/// `=`, decoded and re-encoded (RFC 3986), empty names dropped, sorted.
pub fn canonical_query(version: Version, query: &str) -> String {
    match version {
        Version::Jdcloud2 => query.to_owned(),
        Version::Jdcloud3 => {
            let mut pairs: Vec<(String, String)> = query
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (percent::encode(&percent::decode_lenient(k)), percent::encode(&percent::decode_lenient(v)))
                })
                .filter(|(k, _)| !k.is_empty())
                .collect();
            crate::compact::order::sort(&mut pairs);
            pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
        }
    }
}

/// Canonical headers and the signed-header list: names lower-cased and sorted, values trimmed
/// (JDCLOUD2 also collapses runs of spaces), repeated names joined with `,`.
pub fn canonical_headers(version: Version, headers: &[(String, String)]) -> (String, String) {
    let mut merged: Vec<(String, String)> = Vec::new();
    for (name, value) in headers {
        let name = name.to_ascii_lowercase();
        let value = match version {
            Version::Jdcloud2 => collapse_spaces(value.trim_matches(' ')),
            Version::Jdcloud3 => value.trim().to_owned(),
        };
        match merged.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => {
                v.push(',');
                v.push_str(&value);
            }
            None => merged.push((name, value)),
        }
    }
    crate::compact::order::sort_by(&mut merged, |a, b| a.0.cmp(&b.0));
    let canonical: String = merged.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
    let signed = merged.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(";");
    (canonical, signed)
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

impl CanonicalRequest {
    pub fn new(input: &Input<'_>) -> (Self, String) {
        let (headers, signed) = canonical_headers(input.version, input.headers);
        let text = format!(
            "{}\n{}\n{}\n{}\n{}\n{}",
            input.method,
            canonical_uri(input.version, input.path),
            canonical_query(input.version, input.query),
            headers,
            signed,
            input.hashed_payload
        );
        (CanonicalRequest(text), signed)
    }

    pub fn hash(&self) -> String {
        hash::sha256_hex(self.0.as_bytes())
    }
}

impl CredentialScope {
    pub fn new(version: Version, date: &str, region: &str, service: &str) -> Self {
        CredentialScope(format!("{}/{region}/{service}/{}", day(date), version.term()))
    }
}

/// The `yyyymmdd` of an `x-jdcloud-date` value.
fn day(date: &str) -> &str {
    date.get(..8).unwrap_or(date)
}

impl StringToSign {
    pub fn new(version: Version, date: &str, scope: &CredentialScope, canonical_request: &CanonicalRequest) -> Self {
        StringToSign(format!("{}\n{date}\n{scope}\n{}", version.algorithm(), canonical_request.hash()))
    }
}

/// `kDate = HMAC(PREFIX + secret, yyyymmdd)`, then region, service and term.
pub fn signing_key(version: Version, secret: &Secret, day: &str, region: &str, service: &str) -> SigningKey {
    let k_secret = format!("{}{}", version.as_str(), secret.expose());
    let k_date = hash::hmac_sha256(k_secret.as_bytes(), day.as_bytes());
    let k_region = hash::hmac_sha256(&k_date, region.as_bytes());
    let k_service = hash::hmac_sha256(&k_region, service.as_bytes());
    SigningKey(hash::hmac_sha256(&k_service, version.term().as_bytes()))
}

/// hex(HMAC-SHA256(signing key, StringToSign)).
pub fn signature(key: &SigningKey, string_to_sign: &StringToSign) -> String {
    hash::hex(&hash::hmac_sha256(&key.0, string_to_sign.0.as_bytes()))
}

impl Authorization {
    pub fn new(version: Version, access_key_id: &str, scope: &CredentialScope, signed: &str, signature: &str) -> Self {
        Authorization(format!(
            "{} Credential={access_key_id}/{scope}, SignedHeaders={signed}, Signature={signature}",
            version.algorithm()
        ))
    }
}

pub fn sign(input: &Input<'_>, access_key_id: &str, secret: &Secret) -> Signature {
    let (canonical_request, signed_headers) = CanonicalRequest::new(input);
    let credential_scope = CredentialScope::new(input.version, input.date, input.region, input.service);
    let string_to_sign = StringToSign::new(input.version, input.date, &credential_scope, &canonical_request);
    let key = signing_key(input.version, secret, day(input.date), input.region, input.service);
    let signature = signature(&key, &string_to_sign);
    let authorization =
        Authorization::new(input.version, access_key_id, &credential_scope, &signed_headers, &signature);
    Signature { canonical_request, credential_scope, string_to_sign, signed_headers, signature, authorization }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jdcloud3_paths() {
        let v = Version::Jdcloud3;
        assert_eq!(canonical_uri(v, ""), "/");
        assert_eq!(canonical_uri(v, "v1"), "/v1");
        assert_eq!(canonical_uri(v, "v1/"), "/v1/");
        assert_eq!(canonical_uri(v, "///v1//a"), "/v1/a");
        assert_eq!(
            canonical_uri(v, "/v1/regions/cn-north-1/instances/中文:GET"),
            "/v1/regions/cn-north-1/instances/%E4%B8%AD%E6%96%87%3AGET"
        );
        assert_eq!(canonical_uri(v, "%2Fv1%2F%2Fx"), "/v1/x");
        assert_eq!(canonical_uri(Version::Jdcloud2, "/v1/i-x:createImage"), "/v1/i-x:createImage");
    }

    #[test]
    fn jdcloud3_queries() {
        let v = Version::Jdcloud3;
        assert_eq!(canonical_query(v, "b=2&a=1&=x&c"), "a=1&b=2&c=");
        assert_eq!(canonical_query(v, "k=a+b%20c*"), "k=a%20b%20c%2A");
        assert_eq!(canonical_query(Version::Jdcloud2, "b=2&a=1"), "b=2&a=1");
    }

    #[test]
    fn header_values() {
        let h = vec![("X-A".to_owned(), "  a   b  ".to_owned()), ("x-a".to_owned(), "c".to_owned())];
        assert_eq!(canonical_headers(Version::Jdcloud2, &h), ("x-a:a b,c\n".to_owned(), "x-a".to_owned()));
        assert_eq!(canonical_headers(Version::Jdcloud3, &h), ("x-a:a   b,c\n".to_owned(), "x-a".to_owned()));
    }

    #[test]
    fn signing_key_is_never_formatted() {
        let k = signing_key(Version::Jdcloud2, &Secret::new("sk"), "20180405", "cn-north-1", "service_name");
        assert_eq!(format!("{k:?}"), "SigningKey(<redacted>)");
    }
}
