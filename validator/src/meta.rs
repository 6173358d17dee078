//! Field metadata to build forms from, derived from the rule tables (never restated): for each
//! field its path, labels and hints in both languages, whether it is required, its type, length
//! limits and unit, character classes, allowed values, ranges and steps (also those a cross-field
//! rule selects by another field's value), repeatable groups and their bounds, device ranges, and
//! the cross-field rules that name it. Also the provider list and catalog look-ups the JS package
//! exports, so JavaScript never hard-codes a list.

use crate::catalog::{self, Entry, KnownCode, Text};
use crate::charset::CharSet;
use crate::provider::Provider;
use crate::providers::spec;
use crate::report::{DocSource, LengthUnit, ValueType};
use crate::rule::{Check, Cross, DeviceRange, Field, Range, Spec, parent_of};
use serde::Serialize;

/// The index of an item of an array inside an item of another array (Tencent API 3.0's tags in a
/// tag set), as issue paths carry it: both numbers packed in one, and unpacked.
pub use crate::request::{nest, unnest};

/// One provider, as the JS package's `providers()` lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderInfo {
    /// The identifier the API takes: `aliyun`, `tencent`, `jdcloud`, `zenlayer`.
    pub id: Provider,
    /// The product name a person recognises.
    pub name: &'static str,
    /// Keys match whatever their case (JD).
    pub case_insensitive_keys: bool,
    /// Repeated parameters may come flat (`Tag.1.Key`) and integers as decimal strings.
    pub flat_form: bool,
}

/// [`providers`] as JSON text: what serde_json makes of them, without it (`tests`).
pub fn providers_json() -> String {
    let mut out = String::from("[");
    for (i, p) in providers().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        crate::json::ObjectWriter::new(&mut out)
            .str("id", p.id.as_str())
            .str("name", p.name)
            .bool("caseInsensitiveKeys", p.case_insensitive_keys)
            .bool("flatForm", p.flat_form)
            .end();
    }
    out.push(']');
    out
}

/// Every provider, in the product's order.
pub fn providers() -> Vec<ProviderInfo> {
    Provider::ALL
        .iter()
        .map(|&p| {
            let s = spec(p);
            ProviderInfo {
                id: p,
                name: p.display_name(),
                case_insensitive_keys: s.case_insensitive_keys,
                flat_form: s.flat_form,
            }
        })
        .collect()
}

/// The catalog rows for `code` as a server spells it (exactly, else ignoring case), the row that
/// best matches `message` first; empty for a code no catalog knows.
pub fn explain(provider: Provider, code: &str, message: Option<&str>) -> Vec<&'static Entry> {
    let rows = catalog::lookup(provider, code, message);
    if !rows.is_empty() {
        return rows;
    }
    catalog::resolve(provider, code).map_or_else(Vec::new, |known| catalog::lookup(provider, known.as_str(), message))
}

/// Length limits of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Length {
    pub min: usize,
    pub max: usize,
    pub unit: LengthUnit,
}

/// A text the value must not start with or contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Forbidden {
    pub text: &'static str,
    pub ignore_case: bool,
}

/// The range of a field selected by another field's value (JD: disk size by disk type).
#[derive(Debug, Clone, Serialize)]
pub struct RangeBy {
    /// The field whose value selects the range (same item).
    pub selector: &'static str,
    pub cases: Vec<RangeCase>,
    /// The range when the selector is absent or has another value.
    pub fallback: Range,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct RangeCase {
    pub value: &'static str,
    pub min: i64,
    pub max: i64,
    pub step: i64,
}

/// A range of device names, with its ends spelt out.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Devices {
    pub prefix: &'static str,
    pub first: &'static str,
    pub last: &'static str,
    pub first_name: String,
    pub last_name: String,
    pub count: usize,
}

impl From<DeviceRange> for Devices {
    fn from(r: DeviceRange) -> Self {
        Devices {
            prefix: r.prefix,
            first: r.first,
            last: r.last,
            first_name: r.first_name(),
            last_name: r.last_name(),
            count: r.len(),
        }
    }
}

/// A character the editions of the docs disagree on: accepted with a warning.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Disagreement {
    pub char: String,
    pub allowed_by: DocSource,
    pub forbidden_by: DocSource,
}

/// Base64 text of a JSON object with these members.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Base64Json {
    pub expected: &'static str,
    pub members: &'static [&'static str],
}

/// Everything a form needs to know about one field.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldRule {
    /// The table's path pattern: `N` for Alibaba's 1-based item number, `[]` for a JSON array index.
    pub path: &'static str,
    /// The key as it appears in JSON.
    pub key: &'static str,
    /// The container pattern (`""`: the request itself).
    pub parent: &'static str,
    /// The repeatable group (array) this field repeats with, if any.
    pub group: Option<&'static str>,
    #[serde(rename = "type")]
    pub ty: ValueType,
    /// Required in every instance of its parent.
    pub required: bool,
    /// A protocol-level common parameter (signature, timestamp …): known, not a form field.
    pub common: bool,
    pub label: Text,
    pub hint: Text,
    /// The code the provider answers a bad value with.
    pub code: KnownCode,
    /// The code it answers a missing required value with.
    pub missing_code: KnownCode,
    pub source: &'static str,
    pub length: Option<Length>,
    /// Every character must be in one of these classes (`han`, `letter`, `digit`, or the character).
    pub chars: Option<Vec<&'static str>>,
    /// The first character must be in one of these classes.
    pub first_char: Option<Vec<&'static str>>,
    pub forbidden_prefixes: Vec<Forbidden>,
    pub forbidden_substrings: Vec<Forbidden>,
    pub ascii_only: bool,
    /// The only values allowed.
    pub allowed: Option<&'static [&'static str]>,
    /// An integer in `min..=max` on the grid `min + k·step`.
    pub range: Option<Range>,
    pub range_by: Option<RangeBy>,
    pub devices: Option<Devices>,
    pub docs_disagree: Vec<Disagreement>,
    pub base64_json: Option<Base64Json>,
    /// Arrays: the most items allowed.
    pub max_items: Option<usize>,
    /// Arrays of plain values (Tencent 3.0's `SnapshotIds`): the values' type; absent for arrays
    /// of objects, whose members are fields of their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<ValueType>,
    /// Arrays: the number of the first item in issue paths (Alibaba's `Tag.1`: 1; JSON's `[0]`: 0).
    pub first_index: Option<u32>,
    /// The character rules (classes, first character, forbidden prefixes and substrings, ASCII,
    /// device names) as one ECMAScript regular expression for the `u` or `v` flag; `None` when the
    /// field has none.
    pub pattern: Option<String>,
    /// The cross-field rules that name this field, as `jsonSchema()`'s `x-createimage-rules` lists them.
    pub cross: Vec<&'static Cross>,
}

/// Every field of `provider`'s table, in table order.
///
/// ```
/// use createimage_validator::{rules, Provider};
///
/// let jd = rules(Provider::JdCloud);
/// let size = jd.iter().find(|r| r.key == "diskSizeGB").unwrap();
/// let by = size.range_by.as_ref().unwrap();
/// assert_eq!(by.selector, "dataDisks[].cloudDiskSpec.diskType");
/// assert_eq!((by.cases[0].value, by.cases[0].max, by.cases[0].step), ("ssd", 1000, 10));
/// ```
pub fn rules(provider: Provider) -> Vec<FieldRule> {
    let s = spec(provider);
    s.fields.iter().map(|f| field_rule(s, f)).collect()
}

/// The path issues about field `pattern` carry for item `index` (from 1 for Alibaba's `Tag.N.Key`,
/// from 0 for JD's `dataDisks[].deviceName`): `Tag.2.Key`, `dataDisks[0].deviceName`; `pattern`
/// itself without an index.
pub fn issue_path(pattern: &str, index: Option<u32>) -> String {
    crate::request::Request::path(pattern, index)
}

/// The field pattern an issue path names in `provider`'s table, and its item number
/// (`Tag.2.Key` → `("Tag.N.Key", Some(2))`); `None` when the table has no such field.
pub fn field_at(provider: Provider, path: &str) -> Option<(&'static str, Option<u32>)> {
    let target = crate::field::resolve(spec(provider), path).ok()?;
    Some((target.field.path, target.index))
}

/// The fields of which `provider` wants at least one (Alibaba's image sources: an instance, disk
/// mappings or a snapshot); empty when the request has one source only.
pub fn one_of_required(provider: Provider) -> &'static [&'static str] {
    spec(provider)
        .cross
        .iter()
        .find_map(|c| match c {
            Cross::AnyOf { fields, .. } => Some(*fields),
            _ => None,
        })
        .unwrap_or(&[])
}

impl FieldRule {
    /// Whether its provider deprecates this field in favour of another.
    pub fn is_deprecated(&self) -> bool {
        self.cross.iter().any(|c| matches!(c, Cross::Deprecated { field, .. } if *field == self.path))
    }
}

/// The fields a cross-field rule names, in any role.
pub fn cross_fields(rule: &Cross) -> Vec<&'static str> {
    match *rule {
        Cross::AnyOf { fields, .. } | Cross::Priority { order: fields } => fields.to_vec(),
        Cross::RequiredUnless { field, unless, .. } => vec![field, unless],
        Cross::RequiredWhen { field, other, .. }
        | Cross::IneffectiveUnless { field, other, .. }
        | Cross::Requires { field, other, .. } => vec![field, other],
        Cross::RangeBy { field, selector, .. } => vec![field, selector],
        Cross::Unique { field, .. } => vec![field],
        Cross::Deprecated { field, replacement } => vec![field, replacement],
        Cross::Custom { .. } => vec![],
    }
}

/// The nearest enclosing array of `path` (not `path` itself).
pub fn group_of(s: &Spec, path: &'static str) -> Option<&'static str> {
    let mut at = parent_of(path);
    while !at.is_empty() {
        if s.field(at).is_some_and(|f| f.ty == ValueType::Array) {
            return Some(at);
        }
        at = parent_of(at);
    }
    None
}

fn field_rule(s: &'static Spec, f: &'static Field) -> FieldRule {
    let mut rule = FieldRule {
        path: f.path,
        key: f.key(),
        parent: f.parent(),
        group: group_of(s, f.path),
        ty: f.ty,
        required: f.required,
        common: f.common,
        label: f.label,
        hint: f.help,
        code: f.code,
        missing_code: f.missing_code.unwrap_or(f.code),
        source: f.source,
        length: None,
        chars: None,
        first_char: None,
        forbidden_prefixes: Vec::new(),
        forbidden_substrings: Vec::new(),
        ascii_only: false,
        allowed: None,
        range: None,
        range_by: None,
        devices: None,
        docs_disagree: Vec::new(),
        base64_json: None,
        max_items: f.max_items,
        items: f.items,
        first_index: (f.ty == ValueType::Array).then_some(u32::from(s.flat_form)),
        pattern: crate::schema::pattern(f),
        cross: s.cross.iter().filter(|c| cross_fields(c).contains(&f.path)).collect(),
    };
    let tokens = |set: &CharSet| Some(set.tokens());
    for check in f.checks {
        match *check {
            Check::Length { min, max, unit } => rule.length = Some(Length { min, max, unit }),
            Check::Chars { allowed } => rule.chars = tokens(&allowed),
            Check::FirstChar { allowed } => rule.first_char = tokens(&allowed),
            Check::NoPrefix { prefixes, ignore_case } => {
                rule.forbidden_prefixes.extend(prefixes.iter().map(|&text| Forbidden { text, ignore_case }))
            }
            Check::NoSubstring { substrings, ignore_case } => {
                rule.forbidden_substrings.extend(substrings.iter().map(|&text| Forbidden { text, ignore_case }))
            }
            Check::OneOf { values } => rule.allowed = Some(values),
            Check::Range { min, max, step } => rule.range = Some(Range { min, max, step }),
            Check::Ascii => rule.ascii_only = true,
            Check::Device { range } => rule.devices = Some(range.into()),
            Check::DocsDisagree { char, allowed_by, forbidden_by } => {
                rule.docs_disagree.push(Disagreement { char: char.to_string(), allowed_by, forbidden_by })
            }
            Check::Base64Json { expected, members } => rule.base64_json = Some(Base64Json { expected, members }),
        }
    }
    rule.range_by = s.cross.iter().find_map(|c| match *c {
        Cross::RangeBy { field, selector, cases, fallback, .. } if field == f.path => Some(RangeBy {
            selector,
            cases: cases.iter().map(|&(value, r)| RangeCase { value, min: r.min, max: r.max, step: r.step }).collect(),
            fallback,
        }),
        _ => None,
    });
    rule
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers_json_is_serde_json() {
        assert_eq!(providers_json(), serde_json::to_string(&providers()).unwrap());
    }

    #[test]
    fn explain_resolves_case_and_keeps_unknown_empty() {
        let rows = explain(Provider::Aliyun, "invalidimagename.malformed", None);
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r.code.as_str() == "InvalidImageName.Malformed"));
        assert!(explain(Provider::Aliyun, "NoSuchCode", None).is_empty());
    }

    #[test]
    fn groups() {
        let jd = spec(Provider::JdCloud);
        assert_eq!(group_of(jd, "dataDisks[].cloudDiskSpec.charge.chargeUnit"), Some("dataDisks"));
        assert_eq!(group_of(jd, "dataDisks"), None);
        assert_eq!(group_of(spec(Provider::Aliyun), "Tag.N.Key"), Some("Tag"));
    }
}
