//! `createimage sign`: checks one request like `check`, then signs it for its provider and prints
//! the HTTP request — as text with the signing stages, as JSON (`{"method","url","headers",
//! "body"}`) or as a curl command. The secret comes from `CREATEIMAGE_ACCESS_KEY_SECRET` and is
//! printed nowhere. This module reads the clock and draws the nonce; the library does neither.

use crate::input::{self, Source};
use crate::output::{self, Exit, Fail, Out};
use crate::random;
use clap::Args;
use createimage_validator::registration::NonceKind;
use createimage_validator::wire::{self, Algorithm, Credentials, Endpoint, Method, SignOptions, Signed, Timestamp};
use createimage_validator::{Lang, Options, Provider, Rejected, checked};
use std::ffi::OsString;
use std::io::Write;

/// The environment variable the secret is read from.
pub const SECRET_ENV: &str = "CREATEIMAGE_ACCESS_KEY_SECRET";
/// The environment variable a temporary (STS) key's security token is read from.
pub const TOKEN_ENV: &str = "CREATEIMAGE_SECURITY_TOKEN";

/// Options of `createimage sign`.
#[derive(Debug, Args)]
#[command(after_help = "The access key secret is read from the environment variable CREATEIMAGE_ACCESS_KEY_SECRET \
(and a temporary key's security token from CREATEIMAGE_SECURITY_TOKEN, Alibaba and Tencent only). \
The secret appears in no output.\n\n\
Signature methods: aliyun HMAC-SHA1 (default) or ACS3-HMAC-SHA256; tencent HmacSHA256 (default) or \
HmacSHA1; jdcloud JDCLOUD2 (default) or JDCLOUD3; zenlayer ZC2-HMAC-SHA256.")]
pub struct SignArgs {
    /// Cloud provider: aliyun, tencent (legacy API v2), tencent3 (API 3.0), jdcloud or zenlayer.
    #[arg(long, short = 'p', value_name = "PROVIDER", value_parser = crate::parse_provider)]
    pub provider: Provider,
    /// The access key ID (Alibaba AccessKeyId, Tencent SecretId, JD AccessKey, Zenlayer AccessKey ID).
    #[arg(long, value_name = "ID")]
    pub access_key_id: String,
    /// The access key secret. Not recommended: other users can see it in the process list and it
    /// stays in the shell history; set CREATEIMAGE_ACCESS_KEY_SECRET instead.
    #[arg(long, value_name = "SECRET")]
    pub access_key_secret: Option<String>,
    /// The request time, RFC 3339 (2026-11-22T08:30:00Z, offsets allowed) or Unix seconds;
    /// default now. Converted to each provider's format.
    #[arg(long, value_name = "RFC3339|UNIX")]
    pub timestamp: Option<String>,
    /// The nonce (Tencent: a positive integer); default random. Zenlayer signs none.
    #[arg(long, value_name = "N")]
    pub nonce: Option<String>,
    /// Tencent: the Region parameter (else the request's "Region"). Alibaba and JD take the
    /// region from the request; given here it must agree.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// GET or POST (Alibaba, Tencent; default GET). JD and Zenlayer take POST only.
    #[arg(long, value_name = "GET|POST", value_parser = parse_method)]
    pub method: Option<Method>,
    /// The signature method (see below); default the provider's first.
    #[arg(long, value_name = "M")]
    pub signature_method: Option<String>,
    /// Send to another scheme and host, e.g. a regional endpoint or http://127.0.0.1:8081 (an
    /// emulator). The provider's path is kept.
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,
    /// Print the request as one line of JSON: {"method","url","headers":{…},"body"}.
    #[arg(long, conflicts_with = "curl")]
    pub json: bool,
    /// Print the request as a curl command.
    #[arg(long)]
    pub curl: bool,
    /// Language of the report when the request has issues: en or zh.
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = crate::parse_lang)]
    pub lang: Lang,
    /// Refuse to sign a request with warnings.
    #[arg(long)]
    pub strict: bool,
    /// The request file, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    pub input: OsString,
}

fn parse_method(s: &str) -> Result<Method, String> {
    s.parse()
}

pub fn run(args: &SignArgs) -> Result<Exit, Fail> {
    let credentials = credentials(args)?;
    let options = sign_options(args)?;
    let source = Source::new(&args.input);
    let bytes = source.read_all()?;
    let bytes = input::request_bytes(&bytes).map_err(|e| Fail::Input(format!("{source}: {e}")))?;
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Fail::Input(format!("{source}: not valid JSON: {e}")))?;
    let valid = match checked(args.provider, &value, Options { lang: args.lang, strict: args.strict }) {
        Ok(valid) => valid,
        Err(Rejected::Input(e)) => return Err(Fail::Input(format!("{source}: {e}"))),
        Err(Rejected::Invalid(report)) => {
            // As `check` prints it, on stdout, and nothing is signed.
            output::print_report(&report, args.json, args.lang)?;
            return Ok(Exit::Findings);
        }
    };
    // Warnings do not stop signing; they go to stderr so stdout stays the request.
    for issue in valid.report().warnings() {
        let mut err = anstream::stderr().lock();
        let _ = output::write_issue(&mut err, "createimage: ", issue, args.lang);
    }
    let signed = wire::encode(&valid, &credentials, &options).map_err(|e| Fail::Input(e.to_string()))?;
    if !signed.not_sent.is_empty() {
        output::note(&format!(
            "not sent: {} (sign sets the common parameters itself; unknown parameters are left out)",
            signed.not_sent.join(", ")
        ));
    }
    if args.provider.registration().wire.nonce == NonceKind::None && args.nonce.is_some() {
        output::note(&format!("{}'s signature has no nonce: --nonce is ignored", args.provider.display_name()));
    }
    let mut out = output::stdout();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&signed.request).map_err(std::io::Error::other)?)?;
    } else if args.curl {
        writeln!(out, "{}", signed.request.curl(" "))?;
    } else {
        write_text(&mut out, &signed)?;
    }
    out.flush()?;
    Ok(Exit::Clean)
}

/// The access key: the ID from `--access-key-id`, the secret from the environment (or the
/// discouraged flag), a security token from the environment when set.
fn credentials(args: &SignArgs) -> Result<Credentials, Fail> {
    let secret = match &args.access_key_secret {
        Some(s) => s.clone(),
        None => match std::env::var(SECRET_ENV) {
            Ok(s) => s,
            Err(std::env::VarError::NotPresent) => {
                return Err(Fail::Input(format!("no access key secret: set the environment variable {SECRET_ENV}")));
            }
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(Fail::Input(format!("{SECRET_ENV} is not valid UTF-8")));
            }
        },
    };
    let mut credentials = Credentials::new(args.access_key_id.clone(), secret);
    match std::env::var(TOKEN_ENV) {
        Ok(token) if !token.is_empty() => credentials = credentials.with_security_token(token),
        Ok(_) | Err(std::env::VarError::NotPresent) => {}
        Err(std::env::VarError::NotUnicode(_)) => return Err(Fail::Input(format!("{TOKEN_ENV} is not valid UTF-8"))),
    }
    Ok(credentials)
}

fn sign_options(args: &SignArgs) -> Result<SignOptions, Fail> {
    let usage = |e: &dyn std::fmt::Display| Fail::Input(e.to_string());
    let timestamp = match &args.timestamp {
        Some(t) => Timestamp::parse(t).map_err(|e| Fail::Input(format!("--timestamp {t:?}: {e}")))?,
        None => now()?,
    };
    let algorithm = match &args.signature_method {
        Some(m) => Some(Algorithm::parse(args.provider, m).map_err(|e| usage(&e))?),
        None => None,
    };
    let endpoint = match &args.endpoint {
        Some(e) => Some(e.parse::<Endpoint>().map_err(|err| Fail::Input(format!("--endpoint {e:?}: {err}")))?),
        None => None,
    };
    let nonce = match &args.nonce {
        Some(n) => n.clone(),
        None => random_nonce(args.provider.registration().wire.nonce)
            .map_err(|e| Fail::Input(format!("no random nonce from the operating system ({e}): pass --nonce")))?,
    };
    Ok(SignOptions { timestamp, nonce, method: args.method, algorithm, endpoint, region: args.region.clone() })
}

fn now() -> Result<Timestamp, Fail> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| Fail::Input("the system clock is before 1970: pass --timestamp".to_owned()))?
        .as_secs();
    Timestamp::from_unix(secs).ok_or_else(|| Fail::Input("the system clock is after 9999: pass --timestamp".to_owned()))
}

/// A fresh nonce of `kind`, as the providers' SDKs send it (a UUID version 4 where any text goes).
fn random_nonce(kind: NonceKind) -> Result<String, getrandom::Error> {
    Ok(match kind {
        NonceKind::PositiveInteger => u64::from_le_bytes(random::bytes()?).max(1).to_string(),
        NonceKind::Uuid => wire::uuid_v4(random::bytes()?),
        NonceKind::None => String::new(),
    })
}

/// The request as HTTP text, then each signing stage (what to compare with a server's
/// "string to sign" when it disagrees).
fn write_text(out: &mut Out, signed: &Signed) -> std::io::Result<()> {
    let r = &signed.request;
    let style = output::LABEL;
    writeln!(out, "{style}{} {}{style:#}", r.method, r.url())?;
    for (k, v) in &r.headers {
        writeln!(out, "{k}: {}", output::printable(v))?;
    }
    if !r.body.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", output::printable(&String::from_utf8_lossy(&r.body)))?;
    }
    let dim = output::DIM;
    for step in signed.stages.steps() {
        writeln!(out)?;
        writeln!(out, "{dim}# {} ({}){dim:#}", step.name, signed.algorithm)?;
        for line in step.text.split('\n') {
            writeln!(out, "{dim}{}{dim:#}", output::printable(line))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces() {
        let a = random_nonce(NonceKind::Uuid).unwrap();
        let b = random_nonce(NonceKind::Uuid).unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
        let n = random_nonce(NonceKind::PositiveInteger).unwrap();
        assert!(!n.starts_with('0') && n.parse::<u64>().unwrap() > 0);
    }
}
