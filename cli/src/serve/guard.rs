//! Who may change state: the relay, `/_emulator/*` and the providers' CreateImage paths answer
//! only requests addressed to this server by a name it was started on, and only from no page or
//! a page of its own origin.
//!
//! - `Host` must be a loopback name (`localhost`, `127.0.0.0/8`, `::1`), the address `serve` is
//!   bound to, any IP address when it is bound to all of them (`0.0.0.0`, `::`), or a name given
//!   with `--allowed-host`. A DNS-rebinding page (`evil.example` resolving to 127.0.0.1) sends
//!   `Host: evil.example`, so it is refused; an IP address is never the result of rebinding.
//! - `Origin`, when sent, must be this server's own (`http://` or `https://` + the `Host`), and
//!   `Sec-Fetch-Site`, when sent, `same-origin` or `none`: a cross-site form, `fetch` or `<img>`
//!   is refused, whatever its content type. SDKs and command-line clients send neither.

use std::net::{IpAddr, SocketAddr};

/// The names and addresses this server answers state-changing requests for.
#[derive(Debug, Clone)]
pub struct Guard {
    bound: IpAddr,
    /// `--allowed-host` names, lower-case, without a port.
    names: Vec<String>,
}

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// No Host, or one this server was not started on.
    Host(String),
    /// A page of another origin.
    Origin(String),
    /// The browser says the page is of another site (`Sec-Fetch-Site`).
    CrossSite(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let clip = |s: &str| s.chars().take(100).collect::<String>();
        match self {
            Refused::Host(h) => {
                write!(f, "host {:?} is not an address this server listens on (name it with --allowed-host)", clip(h))
            }
            Refused::Origin(o) => write!(f, "origin {:?} may not change this server's state", clip(o)),
            Refused::CrossSite(s) => write!(f, "a {:?} request may not change this server's state", clip(s)),
        }
    }
}

impl Guard {
    pub fn new(bound: SocketAddr, allowed_hosts: &[String]) -> Self {
        let names = allowed_hosts.iter().map(|h| hostname(h).to_ascii_lowercase()).collect();
        Guard { bound: bound.ip(), names }
    }

    /// Whether `host` (a `Host` header: a name or IP literal, maybe with a port) names this server.
    pub fn host_allowed(&self, host: &str) -> bool {
        let name = hostname(host);
        let literal = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')).unwrap_or(name);
        if let Ok(ip) = literal.parse::<IpAddr>() {
            return ip.is_loopback() || ip == self.bound || self.bound.is_unspecified();
        }
        let name = name.to_ascii_lowercase();
        name == "localhost" || self.names.contains(&name)
    }

    /// Checks a state-changing request's `Host`, `Origin` and `Sec-Fetch-Site`.
    pub fn check(&self, host: Option<&str>, origin: Option<&str>, fetch_site: Option<&str>) -> Result<(), Refused> {
        let host = host.unwrap_or_default();
        if !self.host_allowed(host) {
            return Err(Refused::Host(host.to_owned()));
        }
        if let Some(origin) = origin {
            let own = ["http://", "https://"]
                .iter()
                .any(|scheme| origin.strip_prefix(scheme).is_some_and(|rest| rest.eq_ignore_ascii_case(host)));
            if !own {
                return Err(Refused::Origin(origin.to_owned()));
            }
        }
        match fetch_site {
            None | Some("same-origin" | "none") => Ok(()),
            Some(other) => Err(Refused::CrossSite(other.to_owned())),
        }
    }

    /// [`check`](Self::check) on a request's headers.
    pub fn check_headers(&self, headers: &axum::http::HeaderMap) -> Result<(), Refused> {
        let get = |name: &str| headers.get(name).map(|v| v.to_str().unwrap_or("\u{fffd}"));
        self.check(get("host"), get("origin"), get("sec-fetch-site"))
    }
}

/// The host part of a `Host` value: without its port; an IPv6 literal keeps its brackets.
fn hostname(host: &str) -> &str {
    if host.starts_with('[') {
        return host.find(']').map_or(host, |end| &host[..=end]);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(addr: &str, names: &[&str]) -> Guard {
        let names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
        Guard::new(addr.parse().unwrap(), &names)
    }

    #[test]
    fn hosts() {
        let local = guard("127.0.0.1:8080", &["dev.example:9000"]);
        let lan = guard("192.168.1.5:8080", &[]);
        let any = guard("0.0.0.0:8080", &[]);
        let table: &[(&Guard, &str, bool)] = &[
            (&local, "127.0.0.1:8080", true),
            (&local, "127.0.0.1", true),
            (&local, "127.9.9.9:1", true),
            (&local, "localhost:8080", true),
            (&local, "LOCALHOST:8080", true),
            (&local, "[::1]:8080", true),
            (&local, "dev.example:8080", true),
            (&local, "DEV.example", true),
            (&local, "evil.example:8080", false),
            (&local, "localhost.evil.example", false),
            (&local, "localhost.", false),
            (&local, "127.0.0.1.evil.example", false),
            (&local, "192.168.1.5:8080", false),
            (&local, "", false),
            (&local, "[::1", false),
            (&local, "127.0.0.1:8080:80", false),
            (&lan, "192.168.1.5:8080", true),
            (&lan, "192.168.1.6:8080", false),
            (&lan, "localhost:8080", true),
            (&any, "10.1.2.3:8080", true),
            (&any, "[fe80::1]:8080", true),
            (&any, "evil.example:8080", false),
        ];
        for (g, host, allowed) in table {
            assert_eq!(g.host_allowed(host), *allowed, "{host} with {g:?}");
        }
    }

    #[test]
    fn origins_and_fetch_sites() {
        let g = guard("127.0.0.1:8080", &[]);
        let h = Some("127.0.0.1:8080");
        assert_eq!(g.check(h, None, None), Ok(()));
        assert_eq!(g.check(h, Some("http://127.0.0.1:8080"), Some("same-origin")), Ok(()));
        assert_eq!(g.check(h, None, Some("none")), Ok(()));
        assert_eq!(g.check(h, Some("https://127.0.0.1:8080"), None), Ok(()));
        let refused = [
            (h, Some("http://evil.example"), None, Refused::Origin("http://evil.example".into())),
            (h, Some("http://127.0.0.1:8081"), None, Refused::Origin("http://127.0.0.1:8081".into())),
            (h, Some("http://localhost:8080"), None, Refused::Origin("http://localhost:8080".into())),
            (h, Some("null"), None, Refused::Origin("null".into())),
            (h, None, Some("cross-site"), Refused::CrossSite("cross-site".into())),
            (h, None, Some("same-site"), Refused::CrossSite("same-site".into())),
            // DNS rebinding: the page's own origin, but a name this server was not started on.
            (
                Some("evil.example:8080"),
                Some("http://evil.example:8080"),
                Some("same-origin"),
                Refused::Host("evil.example:8080".into()),
            ),
            (None, None, None, Refused::Host(String::new())),
        ];
        for (host, origin, site, why) in refused {
            assert_eq!(g.check(host, origin, site), Err(why.clone()), "{host:?} {origin:?} {site:?}");
        }
    }
}
