//! Signing a checked request: the [`Algorithm`]s each provider accepts (the values of
//! `createimage sign --signature-method`), the [`SignOptions`] the caller supplies (time and
//! nonce included: this crate reads no clock and draws no random numbers), what comes back
//! ([`Signed`]: the request, every signing stage, what was left out) and why signing can refuse
//! ([`EncodeError`]). Each provider's `wire.rs` does the work; [`encode`] picks it.

use super::algorithms::{aliyun_acs3, aliyun_rpc, jdcloud, tencent_tc3, tencent_v2, zenlayer_zc2};
use super::http::{Endpoint, HttpRequest, Method};
use super::percent;
use super::secret::Credentials;
use super::time::Timestamp;
use crate::provider::Provider;
use crate::registration::NonceKind;
use crate::valid::Valid;
use std::fmt;

/// A signature algorithm, as `--signature-method` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// Alibaba RPC signature V1.0, `SignatureMethod=HMAC-SHA1` (the default).
    AliyunHmacSha1,
    /// Alibaba V3, `ACS3-HMAC-SHA256`.
    AliyunAcs3,
    /// Tencent v2, `SignatureMethod=HmacSHA1`.
    TencentHmacSha1,
    /// Tencent v2, `SignatureMethod=HmacSHA256` (the default: the stronger hash).
    TencentHmacSha256,
    /// Tencent API 3.0, `TC3-HMAC-SHA256` (the default, as in the SDKs).
    Tencent3Tc3,
    /// Tencent API 3.0 with signature v1, `SignatureMethod=HmacSHA256`.
    Tencent3HmacSha256,
    /// Tencent API 3.0 with signature v1, `SignatureMethod=HmacSHA1`.
    Tencent3HmacSha1,
    /// JD `JDCLOUD2-HMAC-SHA256` (the default: Go and Java SDKs, official doc).
    Jdcloud2,
    /// JD `JDCLOUD3-HMAC-SHA256`.
    Jdcloud3,
    /// Zenlayer `ZC2-HMAC-SHA256`, the only one.
    ZenlayerZc2,
}

impl Algorithm {
    pub const ALL: [Algorithm; 10] = [
        Algorithm::AliyunHmacSha1,
        Algorithm::AliyunAcs3,
        Algorithm::TencentHmacSha256,
        Algorithm::TencentHmacSha1,
        Algorithm::Tencent3Tc3,
        Algorithm::Tencent3HmacSha256,
        Algorithm::Tencent3HmacSha1,
        Algorithm::Jdcloud2,
        Algorithm::Jdcloud3,
        Algorithm::ZenlayerZc2,
    ];

    /// The name on the command line and in the providers' docs.
    pub const fn as_str(self) -> &'static str {
        match self {
            Algorithm::AliyunHmacSha1 => aliyun_rpc::SIGNATURE_METHOD,
            Algorithm::AliyunAcs3 => aliyun_acs3::ALGORITHM,
            Algorithm::TencentHmacSha1 | Algorithm::Tencent3HmacSha1 => tencent_v2::SignatureMethod::HmacSha1.as_str(),
            Algorithm::TencentHmacSha256 | Algorithm::Tencent3HmacSha256 => {
                tencent_v2::SignatureMethod::HmacSha256.as_str()
            }
            Algorithm::Tencent3Tc3 => tencent_tc3::ALGORITHM,
            Algorithm::Jdcloud2 => jdcloud::Version::Jdcloud2.as_str(),
            Algorithm::Jdcloud3 => jdcloud::Version::Jdcloud3.as_str(),
            Algorithm::ZenlayerZc2 => zenlayer_zc2::ALGORITHM,
        }
    }

    pub const fn provider(self) -> Provider {
        match self {
            Algorithm::AliyunHmacSha1 | Algorithm::AliyunAcs3 => Provider::Aliyun,
            Algorithm::TencentHmacSha1 | Algorithm::TencentHmacSha256 => Provider::Tencent,
            Algorithm::Tencent3Tc3 | Algorithm::Tencent3HmacSha256 | Algorithm::Tencent3HmacSha1 => Provider::Tencent3,
            Algorithm::Jdcloud2 | Algorithm::Jdcloud3 => Provider::JdCloud,
            Algorithm::ZenlayerZc2 => Provider::Zenlayer,
        }
    }

    /// What a provider is signed with when no algorithm is asked for.
    pub const fn default_for(provider: Provider) -> Self {
        provider.wire().algorithms[0]
    }

    /// The algorithms of `provider`, the default first.
    pub fn of(provider: Provider) -> impl Iterator<Item = Algorithm> {
        provider.wire().algorithms.iter().copied()
    }

    /// The algorithm of `provider` named `name` (any case).
    pub fn parse(provider: Provider, name: &str) -> Result<Self, UnknownAlgorithm> {
        Self::of(provider)
            .find(|a| a.as_str().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| UnknownAlgorithm { provider, name: name.chars().take(40).collect() })
    }
}

impl serde::Serialize for Algorithm {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `--signature-method` its provider does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownAlgorithm {
    pub provider: Provider,
    pub name: String,
}

impl fmt::Display for UnknownAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Algorithm::of(self.provider).map(Algorithm::as_str).collect();
        write!(f, "{} has no signature method {:?}: expected {}", self.provider, self.name, names.join(" or "))
    }
}

impl std::error::Error for UnknownAlgorithm {}

/// Everything a signature depends on besides the request and the credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOptions {
    /// The request time; converted to each provider's format.
    pub timestamp: Timestamp,
    /// Alibaba `SignatureNonce` (`x-acs-signature-nonce`), Tencent `Nonce` (a positive integer),
    /// JD `x-jdcloud-nonce`. Zenlayer's signature has no nonce and ignores it.
    pub nonce: String,
    /// GET or POST where the provider takes both (Alibaba and Tencent: GET by default); JD and
    /// Zenlayer take POST only.
    pub method: Option<Method>,
    /// `None`: [`Algorithm::default_for`] the provider.
    pub algorithm: Option<Algorithm>,
    /// Another scheme and host (a regional endpoint, a local emulator).
    pub endpoint: Option<Endpoint>,
    /// Tencent: the `Region` parameter (else the request's `Region`). Alibaba and JD take the
    /// region from the request (`RegionId`, `regionId`); given here it must agree. Zenlayer has none.
    pub region: Option<String>,
}

impl SignOptions {
    pub fn new(timestamp: Timestamp, nonce: impl Into<String>) -> Self {
        SignOptions { timestamp, nonce: nonce.into(), method: None, algorithm: None, endpoint: None, region: None }
    }
}

/// Every stage of a signature, by algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stages {
    AliyunRpc(aliyun_rpc::Signature),
    AliyunAcs3(aliyun_acs3::Signature),
    TencentV2(tencent_v2::Signature),
    TencentTc3(tencent_tc3::Signature),
    Jdcloud(jdcloud::Signature),
    Zenlayer(zenlayer_zc2::Signature),
}

/// One named stage, for previews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Step<'a> {
    /// The spec's name for it (`CanonicalRequest`, `StringToSign` …).
    pub name: &'static str,
    pub text: &'a str,
}

impl Stages {
    /// The stages a person compares with a server's answer, in order.
    pub fn steps(&self) -> Vec<Step<'_>> {
        let step = |name, text| Step { name, text };
        match self {
            Stages::AliyunRpc(s) => vec![
                step("CanonicalizedQueryString", s.canonicalized_query.as_str()),
                step("StringToSign", s.string_to_sign.as_str()),
            ],
            Stages::AliyunAcs3(s) => vec![
                step("CanonicalRequest", s.canonical_request.as_str()),
                step("StringToSign", s.string_to_sign.as_str()),
            ],
            Stages::TencentV2(s) => vec![step("StringToSign", s.string_to_sign.as_str())],
            Stages::TencentTc3(s) => vec![
                step("CanonicalRequest", s.canonical_request.as_str()),
                step("StringToSign", s.string_to_sign.as_str()),
            ],
            Stages::Jdcloud(s) => vec![
                step("CanonicalRequest", s.canonical_request.as_str()),
                step("StringToSign", s.string_to_sign.as_str()),
            ],
            Stages::Zenlayer(s) => vec![
                step("CanonicalRequest", s.canonical_request.as_str()),
                step("StringToSign", s.string_to_sign.as_str()),
            ],
        }
    }

    /// The string to sign: what a server that refuses the signature compares (Alibaba echoes its own).
    pub fn string_to_sign(&self) -> &str {
        match self {
            Stages::AliyunRpc(s) => s.string_to_sign.as_str(),
            Stages::AliyunAcs3(s) => s.string_to_sign.as_str(),
            Stages::TencentV2(s) => s.string_to_sign.as_str(),
            Stages::TencentTc3(s) => s.string_to_sign.as_str(),
            Stages::Jdcloud(s) => s.string_to_sign.as_str(),
            Stages::Zenlayer(s) => s.string_to_sign.as_str(),
        }
    }

    /// The canonical request, for the algorithms that have one (Tencent v2 and Alibaba's RPC
    /// signature sign a query string directly).
    pub fn canonical_request(&self) -> Option<&str> {
        match self {
            Stages::AliyunRpc(_) | Stages::TencentV2(_) => None,
            Stages::AliyunAcs3(s) => Some(s.canonical_request.as_str()),
            Stages::TencentTc3(s) => Some(s.canonical_request.as_str()),
            Stages::Jdcloud(s) => Some(s.canonical_request.as_str()),
            Stages::Zenlayer(s) => Some(s.canonical_request.as_str()),
        }
    }

    /// The signature as the algorithm writes it (Base64 or hex).
    pub fn signature(&self) -> &str {
        match self {
            Stages::AliyunRpc(s) => &s.signature,
            Stages::AliyunAcs3(s) => &s.signature,
            Stages::TencentV2(s) => &s.signature,
            Stages::TencentTc3(s) => &s.signature,
            Stages::Jdcloud(s) => &s.signature,
            Stages::Zenlayer(s) => &s.signature,
        }
    }
}

/// A signed request, ready to send.
#[derive(Clone, PartialEq, Eq)]
pub struct Signed {
    pub request: HttpRequest,
    pub algorithm: Algorithm,
    pub stages: Stages,
    /// Parameters of the input that are not sent: common parameters the signer sets itself
    /// (`Action`, `Timestamp`, a stale `Signature` …) and parameters no table knows.
    pub not_sent: Vec<String>,
    /// Texts a preview hides: the signature and the security token, in every spelling they take.
    pub(crate) sensitive: Vec<String>,
}

impl fmt::Debug for Signed {
    /// Everything but the list of texts previews hide (a token's spellings among them).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signed")
            .field("request", &self.request)
            .field("algorithm", &self.algorithm)
            .field("stages", &self.stages)
            .field("not_sent", &self.not_sent)
            .finish_non_exhaustive()
    }
}

impl Signed {
    pub(crate) fn new(request: HttpRequest, algorithm: Algorithm, stages: Stages, not_sent: Vec<String>) -> Self {
        let mut signed = Signed { request, algorithm, stages, not_sent, sensitive: Vec::new() };
        let signature = signed.stages.signature().to_owned();
        signed.hide(&signature);
        signed
    }

    /// Adds `text` (and its percent-encodings) to what previews hide.
    pub(crate) fn hide(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let once = percent::encode(text);
        let twice = percent::encode(&once);
        for t in [twice, once, text.to_owned()] {
            if !self.sensitive.contains(&t) {
                self.sensitive.push(t);
            }
        }
        // Longest first, so a text is never half-replaced by a shorter spelling of it.
        crate::order::sort_by_key(&mut self.sensitive, |t| std::cmp::Reverse(t.len()));
    }

    /// A preview with the signature and any security token replaced by `<redacted>`: the
    /// request line, headers and body, then each signing stage.
    pub fn redacted(&self) -> Redacted<'_> {
        Redacted(self)
    }
}

/// See [`Signed::redacted`].
#[derive(Debug, Clone, Copy)]
pub struct Redacted<'a>(&'a Signed);

impl Redacted<'_> {
    /// `text` (a curl command, a log line built from this request) with the signature and any
    /// security token replaced by `<redacted>`, in every spelling they take.
    pub fn text(&self, text: &str) -> String {
        self.hide(text)
    }

    fn hide(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for s in &self.0.sensitive {
            out = out.replace(s.as_str(), "<redacted>");
        }
        out
    }
}

impl fmt::Display for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.0.request;
        writeln!(f, "{} {}", r.method, self.hide(&r.url()))?;
        for (k, v) in &r.headers {
            writeln!(f, "{k}: {}", self.hide(v))?;
        }
        if !r.body.is_empty() {
            writeln!(f)?;
            writeln!(f, "{}", self.hide(&String::from_utf8_lossy(&r.body)))?;
        }
        for step in self.0.stages.steps() {
            writeln!(f)?;
            writeln!(f, "{} ({}):", step.name, self.0.algorithm)?;
            writeln!(f, "{}", self.hide(step.text))?;
        }
        Ok(())
    }
}

/// Why a checked request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    /// An algorithm of another provider.
    WrongAlgorithm {
        algorithm: Algorithm,
        provider: Provider,
    },
    /// A method the provider does not take (JD and Zenlayer: POST only).
    MethodNotAllowed {
        provider: Provider,
        method: Method,
    },
    /// Tencent needs a `Region`: from the options or the request.
    MissingRegion,
    /// The region in the options is not the request's.
    RegionConflict {
        given: String,
        request: String,
    },
    /// Zenlayer's API has no region parameter.
    NoRegionParameter {
        provider: Provider,
    },
    /// The nonce does not suit the provider.
    InvalidNonce {
        nonce: String,
        reason: NonceProblem,
    },
    /// Empty, or with a character an Authorization header or scope cannot carry.
    InvalidAccessKeyId,
    EmptySecret,
    /// A security token for a provider whose token handling createimage does not implement.
    TokenUnsupported {
        provider: Provider,
    },
    /// A path parameter that is `.` or `..`: URL normalisation would change the path.
    DotSegment {
        field: &'static str,
    },
    /// JD: a region its credential scope (`date/region/service/term`, inside the Authorization
    /// header) cannot carry: one with the scope's separator `/` or the header's `,`.
    UnscopedRegion {
        region: String,
    },
}

/// What is wrong with a nonce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonceProblem {
    Empty,
    /// Over [`MAX_NONCE_LEN`](super::verify::MAX_NONCE_LEN) characters.
    TooLong,
    /// Only visible ASCII (`!`–`~`): it goes in a header or a query string.
    NotVisibleAscii,
    /// Tencent: a positive integer without leading zeros that fits in 64 bits.
    NotPositiveInteger,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::WrongAlgorithm { algorithm, provider } => {
                write!(f, "{algorithm} is a signature method of {}, not of {provider}", algorithm.provider())
            }
            EncodeError::MethodNotAllowed { provider, method } => {
                write!(f, "{} takes CreateImage as POST only, not {method}", provider.display_name())
            }
            EncodeError::MissingRegion => f.write_str(
                "Tencent needs a region (the Region parameter): pass --region or put \"Region\" in the request",
            ),
            EncodeError::RegionConflict { given, request } => {
                write!(f, "--region {given:?} differs from the request's region {request:?}")
            }
            EncodeError::NoRegionParameter { provider } => {
                write!(f, "{} has no region parameter: drop --region", provider.display_name())
            }
            EncodeError::InvalidNonce { nonce, reason } => {
                let shown: String = nonce.chars().take(40).collect();
                let why = match reason {
                    NonceProblem::Empty => "it is empty",
                    NonceProblem::TooLong => {
                        let max = super::verify::MAX_NONCE_LEN;
                        return write!(f, "invalid nonce {shown:?}: it is longer than {max} characters");
                    }
                    NonceProblem::NotVisibleAscii => "only visible ASCII characters (no spaces) are allowed",
                    NonceProblem::NotPositiveInteger => {
                        "Tencent's Nonce is a positive integer (no leading zeros, at most 18446744073709551615)"
                    }
                };
                write!(f, "invalid nonce {shown:?}: {why}")
            }
            EncodeError::InvalidAccessKeyId => {
                f.write_str("invalid access key ID: it must be non-empty visible ASCII without ',', '/', ';' or '='")
            }
            EncodeError::EmptySecret => f.write_str("the access key secret is empty"),
            EncodeError::TokenUnsupported { provider } => {
                write!(f, "createimage does not sign security tokens for {}", provider.display_name())
            }
            EncodeError::DotSegment { field } => {
                write!(f, "{field} cannot be \".\" or \"..\": URL normalisation would change the request path")
            }
            EncodeError::UnscopedRegion { region } => write!(
                f,
                "region {:?} cannot be signed: the signature's credential scope cannot hold \"/\" or \",\"",
                region.chars().take(40).collect::<String>()
            ),
        }
    }
}

impl std::error::Error for EncodeError {}

/// Checks what every provider needs of the credentials and the nonce, and resolves the algorithm
/// and method.
pub(crate) fn prepare(
    provider: Provider,
    credentials: &Credentials,
    options: &SignOptions,
    methods: &[Method],
) -> Result<(Algorithm, Method), EncodeError> {
    let ak = &credentials.access_key_id;
    if ak.is_empty() || !ak.bytes().all(|b| b.is_ascii_graphic() && !matches!(b, b',' | b'/' | b';' | b'=')) {
        return Err(EncodeError::InvalidAccessKeyId);
    }
    if credentials.secret.is_empty() {
        return Err(EncodeError::EmptySecret);
    }
    let algorithm = options.algorithm.unwrap_or(Algorithm::default_for(provider));
    if algorithm.provider() != provider {
        return Err(EncodeError::WrongAlgorithm { algorithm, provider });
    }
    let method = options.method.unwrap_or(methods[0]);
    if !methods.contains(&method) {
        return Err(EncodeError::MethodNotAllowed { provider, method });
    }
    match provider.wire().nonce {
        NonceKind::Uuid => check_nonce(&options.nonce, false)?,
        NonceKind::PositiveInteger => check_nonce(&options.nonce, true)?,
        NonceKind::None => {}
    }
    Ok((algorithm, method))
}

fn check_nonce(nonce: &str, integer: bool) -> Result<(), EncodeError> {
    let fail = |reason| Err(EncodeError::InvalidNonce { nonce: nonce.to_owned(), reason });
    if nonce.is_empty() {
        return fail(NonceProblem::Empty);
    }
    if nonce.len() > super::verify::MAX_NONCE_LEN {
        return fail(NonceProblem::TooLong);
    }
    if !nonce.bytes().all(|b| b.is_ascii_graphic()) {
        return fail(NonceProblem::NotVisibleAscii);
    }
    if integer
        && (nonce.starts_with('0') || !nonce.bytes().all(|b| b.is_ascii_digit()) || nonce.parse::<u64>().is_err())
    {
        return fail(NonceProblem::NotPositiveInteger);
    }
    Ok(())
}

/// The region a request is signed for: the request's own, which `--region` may only repeat.
pub(crate) fn agree_region(given: Option<&str>, request: &str) -> Result<(), EncodeError> {
    match given {
        Some(g) if g != request => {
            Err(EncodeError::RegionConflict { given: g.to_owned(), request: request.to_owned() })
        }
        _ => Ok(()),
    }
}

/// The names of the request's common parameters (set by the signer, not taken from the input)
/// and of its unknown ones, except those in `used`.
pub(crate) fn not_sent(valid: &Valid, used: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = valid
        .params()
        .iter()
        .filter(|p| p.field.common && !used.contains(&p.field.path))
        .map(|p| p.field.path.to_owned())
        .collect();
    out.extend(valid.unknown_parameters().into_iter().map(str::to_owned));
    out
}

/// Signs `valid` for its provider.
pub fn encode(valid: &Valid, credentials: &Credentials, options: &SignOptions) -> Result<Signed, EncodeError> {
    use crate::providers::{aliyun, jdcloud, tencent, tencent3, zenlayer};
    match valid.provider() {
        Provider::Aliyun => aliyun::wire::encode(valid, credentials, options),
        Provider::Tencent => tencent::wire::encode(valid, credentials, options),
        Provider::Tencent3 => tencent3::wire::encode(valid, credentials, options),
        Provider::JdCloud => jdcloud::wire::encode(valid, credentials, options),
        Provider::Zenlayer => zenlayer::wire::encode(valid, credentials, options),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn algorithm_names() {
        for a in Algorithm::ALL {
            assert_eq!(Algorithm::parse(a.provider(), &a.as_str().to_ascii_lowercase()), Ok(a));
            assert_eq!(Algorithm::of(a.provider()).next(), Some(Algorithm::default_for(a.provider())));
        }
        assert!(Algorithm::parse(Provider::Zenlayer, "HMAC-SHA1").unwrap_err().to_string().contains("ZC2-HMAC-SHA256"));
    }

    #[test]
    fn nonces() {
        assert!(check_nonce("3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", false).is_ok());
        assert!(check_nonce("1290303896666895346", true).is_ok());
        for (n, integer) in
            [("", false), ("a b", false), ("ü", false), ("0", true), ("012", true), ("-1", true), ("x", true)]
        {
            assert!(check_nonce(n, integer).is_err(), "{n:?}");
        }
        assert!(check_nonce("18446744073709551616", true).is_err());
        let too_long = check_nonce(&"a".repeat(129), false).unwrap_err();
        assert!(too_long.to_string().ends_with(": it is longer than 128 characters"), "{too_long}");
        assert!(check_nonce(&"a".repeat(128), false).is_ok());
    }
}
