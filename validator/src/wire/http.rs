//! The HTTP request as a plain value: what an encoder produces, what the CLI prints, what the
//! console sends with `fetch` and what the emulator receives and decodes. No I/O here.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
use std::fmt;
use std::str::FromStr;

/// The HTTP methods CreateImage is sent with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

impl Serialize for Method {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = String;
    /// `GET` or `POST`, in any case.
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_uppercase().as_str() {
            "GET" => Ok(Method::Get),
            "POST" => Ok(Method::Post),
            _ => Err(format!("unknown HTTP method {:?}: expected GET or POST", s.chars().take(20).collect::<String>())),
        }
    }
}

/// One HTTP request. `path` and `query` are exactly as on the wire (percent-encoded), `query`
/// without its `?`; `host` is the URL authority (`host` or `host:port`), which is also what a
/// `Host` header would carry. Headers keep their order and their spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: String,
    /// `https` (every provider) or `http` (a local emulator).
    pub scheme: String,
    pub host: String,
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// `scheme://host/path?query`.
    pub fn url(&self) -> String {
        let mut url = format!("{}://{}{}", self.scheme, self.host, self.path);
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(&self.query);
        }
        url
    }

    /// The request as a curl command that sends it exactly: `-X` unless it is a GET, the URL,
    /// every header as signed, the body with `--data-raw` (no `@file` reading, no stripping),
    /// each word quoted for a POSIX shell where it needs it. `between_options` goes before each
    /// option after the URL: `" "` for one line, `" \\\n  "` for one option a line.
    pub fn curl(&self, between_options: &str) -> String {
        let mut out = String::from("curl");
        if self.method != "GET" {
            out.push_str(" -X ");
            out.push_str(&shell_quote(&self.method));
        }
        out.push(' ');
        out.push_str(&shell_quote(&self.url()));
        for (k, v) in &self.headers {
            out.push_str(between_options);
            out.push_str("-H ");
            out.push_str(&shell_quote(&format!("{k}: {v}")));
        }
        if !self.body.is_empty() {
            out.push_str(between_options);
            out.push_str("--data-raw ");
            out.push_str(&shell_quote(&String::from_utf8_lossy(&self.body)));
        }
        out
    }

    /// The first header named `name` (any case); `Host` falls back to [`HttpRequest::host`].
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .or_else(|| (name.eq_ignore_ascii_case("host") && !self.host.is_empty()).then_some(self.host.as_str()))
    }

    /// Every value of the headers named `name` (any case), in order.
    pub fn header_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().filter(move |(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The media type of `Content-Type`, lower-cased, without parameters (`; charset=…`).
    pub fn media_type(&self) -> Option<String> {
        self.header("content-type").map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
    }
}

/// What `fetch`, curl or a person needs: `{"method","url","headers":{…},"body"}`, headers in the
/// order they are sent, the body as text (`null` when there is none: `fetch` refuses a body on a
/// GET). Every body the encoders make is UTF-8 (JSON or a form); other bytes would show as U+FFFD.
/// `createimage sign --json` prints exactly this.
impl Serialize for HttpRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Headers<'a>(&'a [(String, String)]);
        impl Serialize for Headers<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
        let mut st = s.serialize_struct("HttpRequest", 4)?;
        st.serialize_field("method", &self.method)?;
        st.serialize_field("url", &self.url())?;
        st.serialize_field("headers", &Headers(&self.headers))?;
        let body = (!self.body.is_empty()).then(|| String::from_utf8_lossy(&self.body));
        st.serialize_field("body", &body)?;
        st.end()
    }
}

/// Where a request goes: the scheme and authority of `--endpoint https://host[:port]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub scheme: String,
    pub host: String,
}

/// Why an endpoint was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointError {
    Empty,
    /// Only `http` and `https`.
    Scheme(String),
    /// The signature covers the provider's own path: an endpoint is a scheme and an authority only.
    HasPath,
    /// A character that cannot be in a host name or port.
    BadHost(String),
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointError::Empty => f.write_str("the endpoint is empty"),
            EndpointError::Scheme(s) => write!(f, "unsupported scheme {s:?}: expected http or https"),
            EndpointError::HasPath => {
                f.write_str("an endpoint is a scheme and a host[:port] only, without path, query or user")
            }
            EndpointError::BadHost(h) => write!(f, "{h:?} is not a host name or host:port"),
        }
    }
}

impl std::error::Error for EndpointError {}

impl FromStr for Endpoint {
    type Err = EndpointError;

    /// `https://host[:port]`, `http://host[:port]`, or a bare `host[:port]` (HTTPS). A trailing
    /// `/` is allowed.
    fn from_str(s: &str) -> Result<Self, EndpointError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(EndpointError::Empty);
        }
        let (scheme, rest) = match s.split_once("://") {
            Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
            None => ("https".to_owned(), s),
        };
        if scheme != "https" && scheme != "http" {
            return Err(EndpointError::Scheme(scheme));
        }
        let host = rest.strip_suffix('/').unwrap_or(rest);
        if host.contains(['/', '?', '#', '@']) {
            return Err(EndpointError::HasPath);
        }
        let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']' | '_');
        if host.is_empty() || !host.chars().all(valid) {
            return Err(EndpointError::BadHost(host.chars().take(80).collect()));
        }
        Ok(Endpoint { scheme, host: host.to_ascii_lowercase() })
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}", self.scheme, self.host)
    }
}

/// `s` as one POSIX shell word: as it is when it holds only characters no shell treats
/// specially, else in single quotes.
fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./:=@%+,".contains(&b)) {
        return s.to_owned();
    }
    format!("'{}'", s.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        let e: Endpoint = "http://127.0.0.1:8081/".parse().unwrap();
        assert_eq!((e.scheme.as_str(), e.host.as_str()), ("http", "127.0.0.1:8081"));
        assert_eq!(
            "ECS.cn-hangzhou.aliyuncs.com".parse::<Endpoint>().unwrap().to_string(),
            "https://ecs.cn-hangzhou.aliyuncs.com"
        );
        assert_eq!("ftp://x".parse::<Endpoint>(), Err(EndpointError::Scheme("ftp".into())));
        assert_eq!("https://x/api".parse::<Endpoint>(), Err(EndpointError::HasPath));
        assert_eq!("https://u@x".parse::<Endpoint>(), Err(EndpointError::HasPath));
        assert!(matches!("https://a b".parse::<Endpoint>(), Err(EndpointError::BadHost(_))));
        assert_eq!("".parse::<Endpoint>(), Err(EndpointError::Empty));
    }

    #[test]
    fn shell_words() {
        for (word, quoted) in [
            ("https://h/x?a=1&b=2", "'https://h/x?a=1&b=2'"),
            ("plain-word", "plain-word"),
            ("it's", r"'it'\''s'"),
            ("", "''"),
            ("$HOME `x`", "'$HOME `x`'"),
        ] {
            assert_eq!(shell_quote(word), quoted);
        }
    }

    #[test]
    fn curl_one_line_or_one_option_a_line() {
        let mut r = HttpRequest {
            method: "POST".into(),
            scheme: "https".into(),
            host: "h".into(),
            path: "/v".into(),
            query: String::new(),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: br#"{"a":"it's"}"#.to_vec(),
        };
        assert_eq!(
            r.curl(" "),
            r#"curl -X POST https://h/v -H 'Content-Type: application/json' --data-raw '{"a":"it'\''s"}'"#
        );
        assert_eq!(
            r.curl(" \\\n  "),
            "curl -X POST https://h/v \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\"a\":\"it'\\''s\"}'"
        );
        (r.method, r.query, r.headers, r.body) = ("GET".into(), "A=1&B=%2F".into(), Vec::new(), Vec::new());
        assert_eq!(r.curl(" "), "curl 'https://h/v?A=1&B=%2F'");
    }

    #[test]
    fn headers_any_case() {
        let r = HttpRequest {
            method: "POST".into(),
            scheme: "https".into(),
            host: "h".into(),
            path: "/".into(),
            query: "a=1".into(),
            headers: vec![("Content-Type".into(), "Application/JSON; charset=utf-8".into())],
            body: vec![],
        };
        assert_eq!(r.header("content-type"), Some("Application/JSON; charset=utf-8"));
        assert_eq!(r.header("HOST"), Some("h"));
        assert_eq!(r.media_type().as_deref(), Some("application/json"));
        assert_eq!(r.url(), "https://h/?a=1");
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"method":"POST","url":"https://h/?a=1","headers":{"Content-Type":"Application/JSON; charset=utf-8"},"body":null}"#
        );
    }
}
