//! Credentials. The secret half is a [`Secret`]: its `Debug` and `Display` print `<redacted>`, it
//! has no `Serialize`, and only the signers in this crate read it. Nothing this crate formats
//! (errors, stages, requests, previews) ever contains it; `tests/all/secrets.rs` formats them all to check.

use std::fmt;

/// A secret string: an AccessKey secret, a Zenlayer AccessKey password, a security token.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(secret: impl Into<String>) -> Self {
        Secret(secret.into())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The secret text, for the signers and for the one place a token must go on the wire.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// An AccessKey pair, and the security token that comes with temporary (STS) keys.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// Alibaba AccessKeyId, Tencent SecretId, JD AccessKey, Zenlayer AccessKey ID: not secret.
    pub access_key_id: String,
    /// Alibaba AccessKeySecret, Tencent SecretKey, JD SecretKey, Zenlayer AccessKey password.
    pub secret: Secret,
    /// Alibaba `SecurityToken`, Tencent `Token`: sent with the request, so it is on the wire, but
    /// never in `Debug` or in a redacted preview.
    pub security_token: Option<Secret>,
}

impl Credentials {
    pub fn new(access_key_id: impl Into<String>, secret: impl Into<String>) -> Self {
        Credentials { access_key_id: access_key_id.into(), secret: Secret::new(secret), security_token: None }
    }

    pub fn with_security_token(self, token: impl Into<String>) -> Self {
        Credentials { security_token: Some(Secret::new(token)), ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_never_shows_the_secret() {
        let c = Credentials::new("AKID", "s3cr3t-value").with_security_token("t0ken-value");
        for text in [format!("{c:?}"), format!("{c:#?}"), format!("{}", c.secret), format!("{:?}", c.secret)] {
            assert!(!text.contains("s3cr3t-value") && !text.contains("t0ken-value"), "{text}");
        }
        assert!(format!("{c:?}").contains("AKID"));
    }
}
