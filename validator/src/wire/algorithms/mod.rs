//! The signature algorithms, one module each, named after the spec: each builds its stages from
//! raw parameters and headers (so the official vectors, most of which are not CreateImage
//! requests, test the very code the CreateImage encoders call) and gives every stage a type
//! whose `Display` is the exact text the spec defines.

pub mod aliyun_acs3;
pub mod aliyun_rpc;
pub mod jdcloud;
pub mod tencent_tc3;
pub mod tencent_v2;
pub mod zenlayer_zc2;

/// Declares a stage type: a newtype over the exact wire text, shown as that text.
macro_rules! stage {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            /// The exact wire text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
pub(crate) use stage;

/// A key derived from the secret for one scope (JD: day, region, service; Tencent TC3: day,
/// service): as good as the secret within it, so it is never formatted; [`SigningKey::expose_hex`]
/// exists for the official vectors.
#[derive(Clone, PartialEq, Eq)]
pub struct SigningKey(pub(crate) [u8; 32]);

impl SigningKey {
    /// The key in hex. Secret-equivalent: for tests against published vectors only.
    pub fn expose_hex(&self) -> String {
        crate::wire::hash::hex(&self.0)
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

/// Canonical headers (`name:value\n` each, names lower-cased, sorted by name, values through
/// `value`) and the signed-header list (`a;b`): Alibaba V3 trims values, Tencent TC3 also
/// lower-cases them.
pub(crate) fn sorted_headers(headers: &[(String, String)], value: fn(&str) -> String) -> (String, String) {
    let mut h: Vec<(String, String)> = headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), value(v))).collect();
    crate::compact::order::sort_by(&mut h, |a, b| a.0.cmp(&b.0));
    let canonical: String = h.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
    let signed = h.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(";");
    (canonical, signed)
}

/// The three fields of an `ALG Credential=…, SignedHeaders=…, Signature=…` header (Zenlayer, JD;
/// Alibaba V3 writes them without the spaces). Read with or without spaces after the commas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationFields {
    /// The Credential value: the AccessKey ID (JD: followed by `/` and the credential scope).
    pub credential: String,
    /// The SignedHeaders value, split on `;`.
    pub signed_headers: Vec<String>,
    pub signature: String,
}

/// Reads an Authorization header of `algorithm`; `None` for another algorithm or another shape.
pub fn authorization_fields(value: &str, algorithm: &str) -> Option<AuthorizationFields> {
    let rest = value.trim().strip_prefix(algorithm)?.strip_prefix(' ')?;
    let (mut credential, mut signed, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (k, v) = part.trim().split_once('=')?;
        let slot = match k {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed,
            "Signature" => &mut signature,
            _ => return None,
        };
        if slot.replace(v.to_owned()).is_some() {
            return None;
        }
    }
    let signed_headers = signed?.split(';').map(str::to_owned).collect();
    Some(AuthorizationFields { credential: credential?, signed_headers, signature: signature? })
}
