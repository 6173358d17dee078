//! `/relay/{provider}/{host}/{path…}`: forwards a request the browser already signed to the
//! provider's real host, because the providers' APIs do not answer browsers cross-origin. The host
//! comes from a fixed allow-list, matched on the raw path segment (no decoding, no userinfo, no
//! port, no IP literal); only the headers a signature needs travel; cookies never do; redirects are
//! not followed. The secret never reaches this server: only its signature does.

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use createimage_validator::Provider;
use std::time::Duration;

/// The largest request body relayed; CreateImage requests are far smaller.
pub const MAX_BODY: usize = 64 * 1024;
/// How long the relay waits for the provider.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Why a relay request was refused before anything was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    UnknownProvider(String),
    /// The host is not on the provider's allow-list (or is spelt in a way the list does not).
    HostNotAllowed(String),
    Method(String),
    /// A body over [`MAX_BODY`].
    BodyTooLarge,
    /// Another origin or site, or a Host this server was not started on.
    Guard(super::guard::Refused),
    Malformed,
}

impl Refusal {
    fn status(&self) -> StatusCode {
        match self {
            Refusal::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::Method(_) => StatusCode::METHOD_NOT_ALLOWED,
            Refusal::UnknownProvider(_) | Refusal::Malformed => StatusCode::NOT_FOUND,
            Refusal::HostNotAllowed(_) | Refusal::Guard(_) => StatusCode::FORBIDDEN,
        }
    }

    fn message(&self) -> String {
        let clip = |s: &str| s.chars().take(100).collect::<String>();
        match self {
            Refusal::UnknownProvider(p) => format!("unknown provider {:?}", clip(p)),
            Refusal::HostNotAllowed(h) => format!("host {:?} is not on this provider's relay allow-list", clip(h)),
            Refusal::Method(m) => format!("method {m} is not relayed (GET and POST only)"),
            Refusal::BodyTooLarge => format!("the body exceeds the relay's limit of {MAX_BODY} bytes"),
            Refusal::Guard(why) => why.to_string(),
            Refusal::Malformed => "expected /relay/{provider}/{host}/{path}".to_owned(),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        json_error(self.status(), "relay refused", &self.message())
    }
}

/// The relay's own answers (not the provider's): `{"error", "message"}`.
fn json_error(status: StatusCode, error: &str, message: &str) -> Response {
    let body = serde_json::json!({"error": error, "message": message}).to_string();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Whether `host` (as it appears in the relay path, undecoded) is one of `provider`'s API hosts.
pub fn host_allowed(provider: Provider, host: &str) -> bool {
    provider.registration().wire.hosts.allows(host)
}

/// The parts of a relay path: provider, host, and the rest (starting with `/`, possibly just `/`).
pub fn split_path(raw_path: &str) -> Result<(Provider, &str, &str), Refusal> {
    let rest = raw_path.strip_prefix("/relay/").filter(|r| !r.is_empty()).ok_or(Refusal::Malformed)?;
    let (provider, rest) = rest.split_once('/').ok_or(Refusal::Malformed)?;
    let provider: Provider = provider.parse().map_err(|_| Refusal::UnknownProvider(provider.to_owned()))?;
    let (host, path) = match rest.find('/') {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, "/"),
    };
    if !host_allowed(provider, host) {
        return Err(Refusal::HostNotAllowed(host.to_owned()));
    }
    Ok((provider, host, path))
}

/// Why the provider could not be reached, as far as a log may say: reqwest's own text starts with
/// the URL, which carries the signature, the access key id and every parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpstreamFailure {
    Timeout,
    Refused,
    Dns,
    Tls,
    /// Connected, then the answer broke off.
    Body,
    Other,
}

impl UpstreamFailure {
    pub fn of(e: &reqwest::Error) -> Self {
        if e.is_timeout() {
            return UpstreamFailure::Timeout;
        }
        if e.is_body() || e.is_decode() {
            return UpstreamFailure::Body;
        }
        // The causes below the reqwest error name no URL; only their kind is read.
        let mut cause = std::error::Error::source(e);
        while let Some(c) = cause {
            if let Some(io) = c.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::ConnectionRefused
            {
                return UpstreamFailure::Refused;
            }
            let text = c.to_string().to_ascii_lowercase();
            if text.contains("dns error") || text.contains("failed to lookup address") {
                return UpstreamFailure::Dns;
            }
            if text.contains("certificate") || text.contains("tls") || text.contains("handshake") {
                return UpstreamFailure::Tls;
            }
            cause = c.source();
        }
        UpstreamFailure::Other
    }

    pub fn as_str(self) -> &'static str {
        match self {
            UpstreamFailure::Timeout => "timeout",
            UpstreamFailure::Refused => "connection refused",
            UpstreamFailure::Dns => "name lookup failed",
            UpstreamFailure::Tls => "TLS failed",
            UpstreamFailure::Body => "the answer broke off",
            UpstreamFailure::Other => "connection failed",
        }
    }
}

/// Logs and answers an upstream failure by its kind only.
fn upstream_failed(provider: Provider, host: &str, e: &reqwest::Error) -> Response {
    let kind = UpstreamFailure::of(e);
    tracing::warn!(%provider, host, failure = kind.as_str(), "relay: upstream failed");
    let status = if kind == UpstreamFailure::Timeout { StatusCode::GATEWAY_TIMEOUT } else { StatusCode::BAD_GATEWAY };
    json_error(status, "relay upstream failed", &format!("{} did not answer: {}", host, kind.as_str()))
}

/// The request headers a provider's signature or API needs; everything else (cookies, origin,
/// referer, the browser's own headers) stays here.
fn forwarded(name: &HeaderName) -> bool {
    let n = name.as_str();
    matches!(n, "content-type" | "authorization" | "accept")
        || ["x-acs-", "x-jdcloud-", "x-zc-", "x-tc-"].iter().any(|p| n.starts_with(p))
}

/// The response headers worth passing back.
fn returned(name: &HeaderName) -> bool {
    let n = name.as_str();
    n == "content-type" || n == "x-jdcloud-request-id" || n.starts_with("x-acs-")
}

/// Where requests really go: the provider's host over HTTPS, or (tests only) one local upstream
/// that stands in for every allowed host.
#[derive(Debug, Clone)]
pub struct Relay {
    client: reqwest::Client,
    test_upstream: Option<String>,
}

impl Relay {
    pub fn new(test_upstream: Option<String>, timeout: Duration) -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .build()
            .expect("the TLS backend initialises");
        Relay { client, test_upstream }
    }

    /// Checks and forwards one request (its Host and Origin are the caller's to check). A refusal
    /// or an upstream failure is an answer too: the relay's own JSON.
    pub async fn forward(
        &self,
        method: Method,
        raw_path: &str,
        raw_query: Option<&str>,
        headers: &HeaderMap,
        body: Bytes,
    ) -> Response {
        let outcome: Result<Response, Response> = async {
        if method != Method::GET && method != Method::POST {
            return Err(Refusal::Method(method.to_string()).into_response());
        }
        if body.len() > MAX_BODY {
            return Err(Refusal::BodyTooLarge.into_response());
        }
        let (provider, host, path) = split_path(raw_path).map_err(IntoResponse::into_response)?;
        let query = raw_query.map(|q| format!("?{q}")).unwrap_or_default();
        let url = match &self.test_upstream {
            Some(base) => format!("{}{path}{query}", base.trim_end_matches('/')),
            None => format!("https://{host}{path}{query}"),
        };
        let mut out = self.client.request(method.clone(), &url).body(body);
        for (name, value) in headers.iter().filter(|(n, _)| forwarded(n)) {
            out = out.header(name, value);
        }
        // The signature covers the real host; a stand-in upstream must see it too.
        out = out.header(header::HOST, host);
        let started = std::time::Instant::now();
        let answer = out.send().await.map_err(|e| upstream_failed(provider, host, &e))?;
        let status = answer.status();
        tracing::info!(%provider, host, method = %method, status = status.as_u16(), ms = started.elapsed().as_millis() as u64, "relay");
        if status.is_redirection() {
            let message = "the provider answered with a redirect; the relay does not follow redirects";
            return Err(json_error(StatusCode::BAD_GATEWAY, "relay refused", message));
        }
        let mut reply = HeaderMap::new();
        for (name, value) in answer.headers().iter().filter(|(n, _)| returned(n)) {
            reply.append(name.clone(), value.clone());
        }
        let bytes = answer.bytes().await.map_err(|e| upstream_failed(provider, host, &e))?;
        reply.insert(
            HeaderName::from_static("x-createimage-relayed-host"),
            HeaderValue::from_str(host).expect("allowed hosts are ASCII"),
        );
        Ok((status, reply, bytes).into_response())
        }
        .await;
        outcome.unwrap_or_else(|refused| refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_list_and_tricks() {
        use Provider::*;
        for (p, h) in [
            (Aliyun, "ecs.aliyuncs.com"),
            (Aliyun, "ecs-cn-hangzhou.aliyuncs.com"),
            (Aliyun, "ecs.ap-southeast-1.aliyuncs.com"),
            (Aliyun, "ecs.cn-hangzhou.aliyuncs.com"),
            (Aliyun, "ecs.cn-shanghai-finance-1.aliyuncs.com"),
            (Aliyun, "ecs.me-central-1.aliyuncs.com"),
            (Tencent, "image.api.qcloud.com"),
            (JdCloud, "vm.jdcloud-api.com"),
            (Zenlayer, "console.zenlayer.com"),
        ] {
            assert!(host_allowed(p, h), "{p} {h}");
        }
        for region in createimage_validator::providers::aliyun::wire::REGIONS {
            assert!(host_allowed(Aliyun, &format!("ecs.{region}.aliyuncs.com")), "{region}");
        }
        for (p, h) in [
            (Aliyun, "evil.com"),
            (Aliyun, "ecs.aliyuncs.com.evil.com"),
            (Aliyun, "ecs.aliyuncs.com:8443"),
            (Aliyun, "user@ecs.aliyuncs.com"),
            (Aliyun, "ecs.aliyuncs.com@evil.com"),
            (Aliyun, "%65cs.aliyuncs.com"),
            (Aliyun, "ECS.ALIYUNCS.COM"),
            (Aliyun, "ecs.evil.com/.aliyuncs.com"),
            (Aliyun, "ecs..aliyuncs.com"),
            (Aliyun, "ecs.a.b.aliyuncs.com"),
            (Aliyun, "ecs.cn-hangzhou.evil.aliyuncs.com"),
            (Aliyun, "ecs.evil-1.aliyuncs.com"),
            (Aliyun, "ecs.cn-atlantis-1.aliyuncs.com"),
            (Aliyun, "ecs.cn-hangzhou-.aliyuncs.com"),
            (Aliyun, "ecs.-cn-hangzhou.aliyuncs.com"),
            (Aliyun, "127.0.0.1"),
            (Aliyun, "[::1]"),
            (Tencent, "ecs.aliyuncs.com"),
            (Tencent, "cvm.api.qcloud.com"),
            (JdCloud, "vm.jdcloud-api.com."),
            (Zenlayer, "console.zenlayer.com:443"),
            (Zenlayer, ""),
        ] {
            assert!(!host_allowed(p, h), "{p} {h} must be refused");
        }
    }

    #[test]
    fn paths() {
        assert_eq!(split_path("/relay/aliyun/ecs.aliyuncs.com").unwrap(), (Provider::Aliyun, "ecs.aliyuncs.com", "/"));
        assert_eq!(
            split_path("/relay/jdcloud/vm.jdcloud-api.com/v1/regions/cn-north-1/instances/i-1:createImage").unwrap(),
            (Provider::JdCloud, "vm.jdcloud-api.com", "/v1/regions/cn-north-1/instances/i-1:createImage")
        );
        assert_eq!(split_path("/relay/aws/x/y"), Err(Refusal::UnknownProvider("aws".into())));
        assert_eq!(
            split_path("/relay/zenlayer/console.zenlayer.com%2F/api"),
            Err(Refusal::HostNotAllowed("console.zenlayer.com%2F".into()))
        );
        assert_eq!(split_path("/relay/"), Err(Refusal::Malformed));
    }
}
