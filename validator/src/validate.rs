//! The one interpreter of the rule tables: parse, run every field check and cross-field rule,
//! then render findings into a [`Report`] in the requested language.

use crate::catalog;
pub use crate::findings::Findings;
use crate::json::{self, Object, Value};
use crate::provider::Provider;
use crate::report::{Issue, IssueKind, LengthUnit, Options, Report, Severity, ValueType};
use crate::request::{Node, Request, Scalar, clip, unnest};
use crate::rule::{Check, Cross, Field, Range, Spec};
use crate::text;
use std::fmt;

/// Input that is not a request at all: the CLI answers it with exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Not JSON (or not UTF-8); the parser's message.
    NotJson(String),
    /// JSON, but not an object.
    NotObject(&'static str),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotJson(e) => write!(f, "not valid JSON: {e}"),
            InputError::NotObject(t) => {
                write!(f, "the request must be a JSON object, not {}", crate::message::json_article(t))
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Validates a request given as JSON text (or bytes, which must be UTF-8).
pub fn validate_json(provider: Provider, json: &[u8], options: Options) -> Result<Report, InputError> {
    let value = json::parse(json).map_err(|e| InputError::NotJson(e.to_string()))?;
    validate_parsed(provider, &value, options)
}

/// Validates a request parsed by serde_json.
pub fn validate_value(provider: Provider, value: &serde_json::Value, options: Options) -> Result<Report, InputError> {
    validate_parsed(provider, &Value::from_serde(value), options)
}

/// Validates a parsed JSON request.
pub fn validate_parsed(provider: Provider, value: &Value<'_>, options: Options) -> Result<Report, InputError> {
    let Value::Object(map) = value else {
        return Err(InputError::NotObject(value.type_name()));
    };
    let findings = check(crate::providers::spec(provider), map);
    Ok(render(provider, findings, options))
}

/// Runs every rule of `spec` over `map`.
pub fn check(spec: &'static Spec, map: &Object<'_>) -> Findings {
    let mut findings = Findings::default();
    let req = Request::parse(spec, map, &mut findings);
    check_required(&req, &mut findings);
    for node in &req.nodes {
        let field = &spec.fields[node.field];
        check_value(field, node.index, node.value, &mut findings);
    }
    let anchors = &spec.index().cross_anchor;
    for (rule, anchor) in spec.cross.iter().zip(anchors) {
        if anchor.is_none_or(|a| req.nodes.iter().any(|n| n.field == a)) {
            check_cross(&req, rule, &mut findings);
        }
    }
    findings
}

/// Turns findings into the report: catalog status, message in the language asked for.
pub fn render(provider: Provider, findings: Findings, options: Options) -> Report {
    let issues: Vec<Issue> = findings
        .0
        .into_iter()
        .map(|f| {
            let severity = if options.strict { Severity::Error } else { f.severity };
            Issue {
                http_status: catalog::entry_for(f.code, f.row_hint).map_or(400, |e| e.http_status),
                message: crate::message::render(&f.kind, options.lang),
                field: f.field,
                code: f.code,
                severity,
                kind: f.kind,
                row_hint: f.row_hint,
            }
        })
        .collect();
    let valid = !issues.iter().any(|i| i.severity == Severity::Error);
    Report { provider, valid, issues }
}

fn check_required(req: &Request<'_>, findings: &mut Findings) {
    for &(fi, parent) in &req.spec.index().required {
        let field = &req.spec.fields[fi];
        for index in req.items_of(parent.is_none(), parent) {
            // An array is there when it has an item in this container (its items carry their own numbers).
            let value = if field.ty == ValueType::Array {
                let mine = |n: &&Node<'_>| parent.is_none() || n.index.is_some_and(|i| unnest(i).0 == index);
                req.nodes.iter().filter(|n| n.field == fi).find(mine).map(|n| n.value)
            } else {
                req.nodes.iter().find(|n| n.field == fi && n.index == index).map(|n| n.value)
            };
            if matches!(value, None | Some(Scalar::Str(""))) {
                let code = field.missing_code.unwrap_or(field.code);
                findings.push(
                    Request::path(field.path, index),
                    code,
                    field.row_hint,
                    Severity::Error,
                    IssueKind::Missing,
                );
            }
        }
    }
}

/// Runs a field's own checks on one value.
pub fn check_value(field: &Field, index: Option<u32>, value: Scalar<'_>, findings: &mut Findings) {
    // An empty required value was reported as missing; its other checks would only repeat that.
    if field.required && value == Scalar::Str("") {
        return;
    }
    let mut emit =
        |severity, kind| findings.push(Request::path(field.path, index), field.code, field.row_hint, severity, kind);
    for check in field.checks {
        match (check, value) {
            (Check::Range { min, max, step }, Scalar::Int(v)) => {
                if let Some(kind) = range_issue(Range { min: *min, max: *max, step: *step }, v) {
                    emit(Severity::Error, kind);
                }
            }
            (_, Scalar::Str(s)) => {
                for (severity, kind) in string_issues(check, s) {
                    emit(severity, kind);
                }
            }
            _ => {}
        }
    }
}

fn range_issue(r: Range, v: i64) -> Option<IssueKind> {
    if v < r.min || v > r.max {
        Some(IssueKind::OutOfRange { min: r.min, max: r.max, actual: v })
    } else if r.step > 1 && (v - r.min) % r.step != 0 {
        Some(IssueKind::BadStep { step: r.step, base: r.min, actual: v })
    } else {
        None
    }
}

fn starts_with(s: &str, prefix: &str, ignore_case: bool) -> bool {
    match s.get(..prefix.len()) {
        Some(head) if ignore_case => head.eq_ignore_ascii_case(prefix),
        Some(head) => head == prefix,
        None => false,
    }
}

fn string_issues(check: &Check, s: &str) -> Vec<(Severity, IssueKind)> {
    use Severity::{Error, Warning};
    let mut out = Vec::new();
    match *check {
        Check::Length { min, max, unit } => {
            let n = text::count(s, unit);
            if n < min {
                out.push((Error, IssueKind::TooShort { min, actual: n, unit }));
            } else if n > max {
                out.push((Error, IssueKind::TooLong { max, actual: n, unit }));
            } else if unit == LengthUnit::Chars && !s.is_ascii() {
                let wide = text::count(s, LengthUnit::Utf16);
                if wide > max {
                    out.push((Warning, IssueKind::Utf16TooLong { max, actual: wide }));
                }
            }
        }
        Check::Chars { allowed } => {
            if let Some((index, c)) = allowed.first_outside(s) {
                out.push((Error, IssueKind::InvalidChar { char: c.to_string(), index, allowed: allowed.tokens() }));
            }
        }
        Check::FirstChar { allowed } => {
            if let Some(c) = s.chars().next().filter(|&c| !allowed.allows(c)) {
                out.push((Error, IssueKind::InvalidFirstChar { char: c.to_string(), allowed: allowed.tokens() }));
            }
        }
        Check::NoPrefix { prefixes, ignore_case } => {
            if let Some(&prefix) = prefixes.iter().find(|p| starts_with(s, p, ignore_case)) {
                out.push((Error, IssueKind::ForbiddenPrefix { prefix }));
            }
        }
        Check::NoSubstring { substrings, ignore_case } => {
            let hit = substrings.iter().find(|sub| {
                if ignore_case { s.to_ascii_lowercase().contains(&sub.to_ascii_lowercase()) } else { s.contains(*sub) }
            });
            if let Some(&substring) = hit {
                out.push((Error, IssueKind::ForbiddenSubstring { substring }));
            }
        }
        Check::OneOf { values } => {
            if !values.contains(&s) {
                out.push((Error, IssueKind::NotAllowed { value: clip(s).to_owned(), allowed: values.to_vec() }));
            }
        }
        Check::Ascii if !s.is_ascii() => {
            if let Some((index, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
                out.push((Error, IssueKind::NotAscii { char: c.to_string(), index }));
            }
        }
        Check::Device { range } => {
            if !range.contains(s) {
                out.push((
                    Error,
                    IssueKind::InvalidDevice { value: clip(s).to_owned(), first: range.first, last: range.last },
                ));
            }
        }
        Check::DocsDisagree { char, allowed_by, forbidden_by } => {
            if s.contains(char) {
                out.push((Warning, IssueKind::DocsDisagree { char: char.to_string(), allowed_by, forbidden_by }));
            }
        }
        Check::Base64Json { expected, members } => {
            if let Some(kind) = base64_json_issue(s, expected, members) {
                out.push((Error, kind));
            }
        }
        Check::Range { .. } | Check::Ascii => {}
    }
    out
}

fn base64_json_issue(s: &str, expected: &'static str, members: &'static [&'static str]) -> Option<IssueKind> {
    let Some(bytes) = crate::compact::base64_text::decode(s.trim()) else {
        return Some(IssueKind::InvalidBase64);
    };
    let root = match json::parse(&bytes) {
        Ok(root @ Value::Object(_)) => root,
        _ => return Some(IssueKind::InvalidEncodedJson { expected, missing: None }),
    };
    let missing = members.iter().find(|m| {
        let mut at = &root;
        for part in m.split('.') {
            match at.get(part) {
                Some(v) if !v.is_null() => at = v,
                _ => return true,
            }
        }
        false
    });
    missing.map(|&m| IssueKind::InvalidEncodedJson { expected, missing: Some(m) })
}

fn check_cross(req: &Request<'_>, rule: &Cross, findings: &mut Findings) {
    let spec = req.spec;
    // A finding about a field maps to the catalog row that field's own rules map to.
    let row = |field: &str| spec.field(field).and_then(|f| f.row_hint);
    match *rule {
        Cross::AnyOf { fields, code, all_empty } => {
            let given: Vec<&str> = fields.iter().copied().filter(|f| req.present(f)).collect();
            match (given.first(), all_empty) {
                // The row that names the fields (Alibaba's MissingParameter row names all three).
                (None, _) => {
                    let kind = IssueKind::OneOfRequired { fields: fields.to_vec() };
                    findings.push(fields[0].to_owned(), code, Some(fields[0]), Severity::Error, kind)
                }
                (Some(&first), Some(empty)) if !given.iter().any(|f| req.present_nonempty(f)) => {
                    findings.error(first.to_owned(), empty, IssueKind::AllEmpty { fields: fields.to_vec() })
                }
                _ => {}
            }
        }
        Cross::Priority { order } => {
            if let Some(winner) = order.iter().copied().find(|f| req.present_nonempty(f)) {
                for &loser in order.iter().filter(|&&f| f != winner && req.present_nonempty(f)) {
                    findings.warn(loser.to_owned(), spec.generic, IssueKind::Ignored { winner });
                }
            }
        }
        Cross::RequiredUnless { field, unless, code } => {
            let parent = crate::rule::parent_of(field);
            for index in req.items(parent).collect::<Vec<_>>() {
                if req.get(field, index).is_none() && req.get(unless, index).is_none() {
                    let kind = IssueKind::RequiredUnless { other: Request::path(unless, index) };
                    findings.push(Request::path(field, index), code, row(field), Severity::Error, kind);
                }
            }
        }
        Cross::RequiredWhen { field, other, value, default, defaulted, code } => {
            for index in req.items(crate::rule::parent_of(field)) {
                let actual = req.get_str(other, index).or(default);
                if actual == Some(value) && req.get(field, index).is_none() {
                    let at = Request::path(field, index);
                    match defaulted {
                        Some(d) => findings.warn(at, code, IssueKind::Defaulted { value: d }),
                        None => {
                            let kind = IssueKind::RequiredWhen { other: Request::path(other, index), value };
                            findings.push(at, code, row(field), Severity::Error, kind)
                        }
                    }
                }
            }
        }
        Cross::IneffectiveUnless { field, other, values, default } => {
            for node in req.values(field) {
                if let Some(actual) = req.get_str(other, node.index).or(default)
                    && !values.contains(&actual)
                {
                    let kind = IssueKind::IneffectiveUnless {
                        other: Request::path(other, node.index),
                        values: values.to_vec(),
                    };
                    findings.warn(Request::path(field, node.index), spec.generic, kind);
                }
            }
        }
        Cross::Requires { field, other, code } => {
            for node in req.values(field) {
                if req.get(other, node.index).is_none() {
                    let kind = IssueKind::Requires { other: Request::path(other, node.index) };
                    findings.error(Request::path(field, node.index), code, kind);
                }
            }
        }
        Cross::RangeBy { field, selector, cases, fallback, code } => {
            let row = row(field);
            for node in req.values(field) {
                let Scalar::Int(v) = node.value else { continue };
                let sel = req.get_str(selector, node.index);
                let range = cases.iter().find(|(k, _)| Some(*k) == sel).map_or(fallback, |&(_, r)| r);
                if let Some(kind) = range_issue(range, v) {
                    findings.push(Request::path(field, node.index), code, row, Severity::Error, kind);
                }
            }
        }
        Cross::Unique { field, code } => {
            let mut seen: Vec<(&str, Option<u32>)> = Vec::new();
            for node in req.values(field) {
                let Some(v) = node.value.as_str() else {
                    continue;
                };
                match seen.iter().find(|(s, _)| *s == v) {
                    Some(&(_, first)) => {
                        let kind =
                            IssueKind::Duplicate { value: clip(v).to_owned(), first: Request::path(field, first) };
                        findings.error(Request::path(field, node.index), code, kind);
                    }
                    None => seen.push((v, node.index)),
                }
            }
        }
        Cross::Deprecated { field, replacement } => {
            for node in req.values(field) {
                let kind = IssueKind::Deprecated { replacement: Request::path(replacement, node.index) };
                findings.warn(Request::path(field, node.index), spec.generic, kind);
            }
        }
        Cross::Custom { check, .. } => check(req, findings),
    }
}
