//! What a provider (or an API version of one) is, declared once: a [`Registration`] per provider,
//! a `const` in the provider's own folder (`providers/<provider>/mod.rs`), found through
//! [`Provider::registration`](crate::Provider::registration) and the field accessors beside it
//! (`provider.wire()`, `provider.console()` …). The validator, the CLI, the
//! emulator, the relay and the console read these fields or iterate [`registry`]; none of them
//! restates a host, a default, a clock skew or a status word.
//!
//! Only data lives here. What a provider does differently in code (its wire encoding, its
//! emulator) is reached by a `match` on [`Provider`](crate::Provider) without a `_ =>` arm, so a
//! new provider is a compile error there, not a silent default.

use crate::catalog::{Entry, KnownCode, Row, Text};
use crate::provider::Provider;
use crate::rule::Spec;
use crate::wire::Algorithm;

/// Everything provider-specific that more than one part of the product needs.
#[derive(Debug)]
pub struct Registration {
    pub provider: Provider,
    /// The stable identifier: command line, JSON reports, the JS package, relay paths.
    pub id: &'static str,
    /// Other names `--provider` accepts (lower case).
    pub aliases: &'static [&'static str],
    /// The product name a person recognises.
    pub display_name: &'static str,
    /// The rule table.
    pub spec: &'static Spec,
    /// The error catalog: every row with its text (`explain`, the console's answers).
    pub catalog: &'static [Entry],
    /// [`Self::catalog`] without its text: what validation reads.
    pub rows: &'static [Row],
    pub wire: &'static Wire,
    pub emulator: &'static Emulator,
    pub console: &'static Console,
}

/// How the provider's API is reached and signed.
#[derive(Debug)]
pub struct Wire {
    /// The signature algorithms it accepts, the default first.
    pub algorithms: &'static [Algorithm],
    /// What its signature's nonce is.
    pub nonce: NonceKind,
    /// The API's hosts: where a request goes by default, and what the relay forwards to.
    pub hosts: Hosts,
    /// The first path segment of its API (`/v2` …), under which `createimage serve` answers for
    /// it; `None`: the API is at `/` and is told apart by its parameters (Alibaba's `Action`).
    pub path_prefix: Option<&'static str>,
    /// How far a request's time may be from the server's, in seconds.
    pub clock_skew_secs: u64,
    /// The parameter or header that carries the access key ID.
    pub access_key_parameter: &'static str,
    /// The common parameter that names the region the request is signed for (Tencent `Region`).
    pub region_parameter: Option<&'static str>,
    /// A code whose message echoes the server's string to sign, and the words before it.
    pub signature_echo: Option<SignatureEcho>,
}

/// A signature nonce, as the provider wants it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonceKind {
    /// A UUID (any visible ASCII is accepted; the SDKs send a UUID v4).
    Uuid,
    /// A positive integer without leading zeros (Tencent's `Nonce`).
    PositiveInteger,
    /// The signature has no nonce.
    None,
}

/// A provider's API hosts.
#[derive(Debug)]
pub struct Hosts {
    /// The host a request is sent to unless an endpoint is given.
    pub default: &'static str,
    /// Further hosts of the same API.
    pub others: &'static [&'static str],
    /// Regional hosts `{prefix}{region}{suffix}`, for the regions listed.
    pub regional: Option<RegionalHosts>,
}

#[derive(Debug)]
pub struct RegionalHosts {
    pub prefix: &'static str,
    pub suffix: &'static str,
    pub regions: &'static [&'static str],
}

impl Hosts {
    /// Whether `host` (exact, lower case, no port) is one of these hosts.
    pub fn allows(&self, host: &str) -> bool {
        host == self.default
            || self.others.contains(&host)
            || self.regional.as_ref().is_some_and(|r| {
                host.strip_prefix(r.prefix)
                    .and_then(|h| h.strip_suffix(r.suffix))
                    .is_some_and(|h| r.regions.contains(&h))
            })
    }
}

/// The error a bad signature gets, whose message ends in the server's string to sign.
#[derive(Debug, Clone, Copy)]
pub struct SignatureEcho {
    pub code: KnownCode,
    /// The message up to the string to sign.
    pub message: &'static str,
    /// The words right before the string to sign.
    pub marker: &'static str,
}

impl SignatureEcho {
    /// The string to sign a server's `message` echoes.
    pub fn server_string_to_sign<'a>(&self, message: &'a str) -> Option<&'a str> {
        message.find(self.marker).map(|at| message[at + self.marker.len()..].trim())
    }
}

/// What the emulator (`createimage serve`) answers as the provider does.
#[derive(Debug)]
pub struct Emulator {
    /// The status words of an image being made and of one ready.
    pub image_status: ImageStatus,
    /// The form of the image IDs its docs show.
    pub image_id: IdForm,
    /// The form of its request IDs.
    pub request_id: RequestIdKind,
    /// The answer to an access key it does not know; `{key}` is the key, quoted.
    pub unknown_key: Answer,
    /// The answer to a nonce used twice.
    pub replay: Answer,
    /// The code of an authentication failure its documented codes do not single out.
    pub auth_failure: KnownCode,
    /// The provider whose part of the emulator's fixture holds its accounts (and so its sandbox
    /// key): itself, or the one whose accounts it shares (Tencent's two APIs, one account).
    pub account_owner: Provider,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageStatus {
    pub creating: &'static str,
    pub available: &'static str,
}

/// `{prefix}` followed by `len` base-36 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdForm {
    pub prefix: &'static str,
    pub len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestIdKind {
    /// A UUID in upper case, with a prefix (Zenlayer `T…`; Alibaba none).
    UpperUuid { prefix: &'static str },
    /// A UUID in lower case (Tencent API 3.0: `71e69b56-32be-4412-ab45-49eded6a87be`).
    LowerUuid,
    /// 32 lower-case hex digits.
    Hex32,
    /// A nine-digit integer.
    Integer,
}

/// An error answer: its code and message.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    pub code: KnownCode,
    pub message: &'static str,
}

impl Answer {
    /// The message with `{key}` replaced by `key`, quoted and cut to 64 characters.
    pub fn message_for(&self, key: &str) -> String {
        let key: String = key.chars().take(64).collect();
        self.message.replace("{key}", &format!("{key:?}"))
    }
}

/// What the console's forms need beyond the rule table.
#[derive(Debug)]
pub struct Console {
    /// Whether the console offers a form for it.
    pub form: bool,
    /// The tab it shares with the other APIs of the same product, if it has one (Tencent's API
    /// 3.0 and legacy API v2): one tab, and a choice between the APIs on it.
    pub family: Option<Family>,
    /// Where the image comes from, the first fields of the form, in order.
    pub source_fields: &'static [&'static str],
    /// Fields that go with one source only, shown under it while it is the one chosen:
    /// `(field, source)` (Tencent 3.0's `DataDiskIds` with `InstanceId`).
    pub with_source: &'static [(&'static str, &'static str)],
    /// The image name and the description.
    pub name_field: &'static str,
    pub description_field: &'static str,
    /// Common parameters the form still asks for because the signer takes them from the request.
    pub signer_fields: &'static [&'static str],
    /// Fields the console fills in per submission when they are left empty (a ClientToken).
    pub auto_fields: &'static [&'static str],
    /// Values a fresh form starts with: `(path, value)`.
    pub defaults: &'static [(&'static str, &'static str)],
    /// The repeatable groups' labels.
    pub groups: &'static [Group],
    /// Fields that ask for something the emulator's sandbox has (a region, an instance, a
    /// snapshot): the console offers the sandbox's own there.
    pub offers: &'static [(&'static str, Offer)],
}

/// One API of a product that speaks several: the product's tab and this API's name on it.
#[derive(Debug, Clone, Copy)]
pub struct Family {
    /// The tab's name, the same for every API of the product.
    pub tab: &'static str,
    /// This API's name in the choice on the tab.
    pub api: Text,
    /// Whether the tab opens on this API (one per product).
    pub default: bool,
}

/// What the sandbox has to offer for a field that asks for an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    Regions,
    Instances,
    Snapshots,
}

/// The labels of a repeatable group of the form (`Tag.N`, `dataDisks[]`).
#[derive(Debug, Clone, Copy)]
pub struct Group {
    /// The group's path in the rule table (`Tag`, `dataDisks`).
    pub path: &'static str,
    /// One item's title, `{n}` for its number.
    pub item: Text,
    /// The button that adds an item.
    pub add: Text,
}

impl Console {
    /// The labels of `group`, if it is one of these groups.
    pub fn group(&self, group: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.path == group)
    }
}

/// Every registration, in the order of [`Provider::ALL`].
pub fn registry() -> impl Iterator<Item = &'static Registration> {
    Provider::ALL.into_iter().map(Provider::registration)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ValueType;

    #[test]
    fn each_registration_is_its_providers() {
        let mut ids = Vec::new();
        for (i, r) in registry().enumerate() {
            assert_eq!(r.provider, Provider::ALL[i]);
            assert_eq!(r.provider.index(), i, "Provider's discriminant is its place in ALL");
            assert_eq!(r.spec.provider, r.provider, "{}: the rule table is its own", r.id);
            assert!(r.catalog.iter().all(|e| e.code.provider() == r.provider), "{}: catalog", r.id);
            assert_eq!(r.catalog.len(), r.rows.len(), "{}: rows are the catalog without text", r.id);
            assert!(!r.wire.algorithms.is_empty(), "{}: a default algorithm", r.id);
            assert!(r.wire.algorithms.iter().all(|a| a.provider() == r.provider), "{}: algorithms", r.id);
            assert!(r.wire.hosts.allows(r.wire.hosts.default), "{}", r.id);
            assert!(r.wire.clock_skew_secs > 0);
            assert_eq!(r.emulator.auth_failure.provider(), r.provider, "{}", r.id);
            let owner = r.emulator.account_owner;
            assert_eq!(owner.emulator().account_owner, owner, "{}: the owner holds its own accounts", r.id);
            for answer in [r.emulator.unknown_key, r.emulator.replay]
                .into_iter()
                .chain(r.wire.signature_echo.map(|e| Answer { code: e.code, message: e.message }))
            {
                assert_eq!(answer.code.provider(), r.provider, "{}: {}", r.id, answer.code);
            }
            let field = |path: &str| r.spec.field(path).unwrap_or_else(|| panic!("{}: no field {path}", r.id));
            let c = &r.console;
            for path in c.source_fields.iter().chain(c.signer_fields).chain(c.auto_fields) {
                field(path);
            }
            for path in [c.name_field, c.description_field].into_iter().chain(c.defaults.iter().map(|d| d.0)) {
                field(path);
            }
            for path in c.signer_fields.iter().chain(r.wire.region_parameter.iter()) {
                assert!(field(path).common, "{}: {path} is a common parameter", r.id);
            }
            for (path, _) in c.offers {
                field(path);
            }
            for &(path, source) in c.with_source {
                field(path);
                assert!(c.source_fields.contains(&source), "{}: {path} goes with {source}, not a source", r.id);
            }
            for g in c.groups {
                assert!(r.spec.fields.iter().any(|f| f.path.starts_with(g.path)), "{}: group {}", r.id, g.path);
            }
            // Every repeatable group the form shows has its labels (a list of plain values too: its
            // items are added and removed one by one).
            for f in r.spec.fields.iter().filter(|f| f.ty == ValueType::Array && !f.common) {
                assert!(c.group(f.path).is_some(), "{}: group {} has no labels", r.id, f.path);
            }
            ids.push(r.id);
            ids.extend(r.aliases);
        }
        // A tab shared by several APIs opens on exactly one of them.
        for tab in registry().filter_map(|r| r.console.family).map(|f| f.tab) {
            let family = registry().filter_map(|r| r.console.family.filter(|f| f.tab == tab));
            let (members, defaults) = family.fold((0, 0), |(m, d), f| (m + 1, d + usize::from(f.default)));
            assert!(members > 1, "{tab}: a family of one is a tab of its own");
            assert_eq!(defaults, 1, "{tab}: one default");
        }
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "no two providers share a name");
    }

    #[test]
    fn hosts_are_exact() {
        let ali = &Provider::Aliyun.registration().wire.hosts;
        assert!(ali.allows("ecs.aliyuncs.com"));
        assert!(ali.allows("ecs.cn-shanghai.aliyuncs.com"));
        assert!(!ali.allows("ecs.mars-1.aliyuncs.com"));
        assert!(!ali.allows("ECS.aliyuncs.com"));
        assert!(!ali.allows("ecs.aliyuncs.com:443"));
        assert!(!Provider::Tencent.registration().wire.hosts.allows("evil.example"));
    }
}
