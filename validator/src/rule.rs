//! The rule vocabulary. A provider's rules are a table of [`Field`]s (each with its [`Check`]s)
//! and a list of [`Cross`]-field rules, read by the one interpreter in `validate.rs`.
//!
//! Field paths are patterns in the provider's own naming: `N` stands for the 1-based number of a
//! repeated Alibaba parameter (`Tag.N.Key`), `[]` for a JSON array index (`dataDisks[].deviceName`).

use crate::catalog::{Code, Text};
use crate::charset::CharSet;
use crate::findings::Findings;
use crate::report::{LengthUnit, ValueType};
use serde::Serialize;

/// What a [`Cross::Custom`] rule reads of a request. The request model (`request::Request`)
/// implements it, so the rule vocabulary does not depend on the request model that depends on it.
pub trait Params {
    /// The items of the repeated `path` (their 1-based numbers; `None` for the request itself when
    /// `path` is empty).
    fn items(&self, path: &str) -> Vec<Option<u32>>;
    /// The text value at `path` in item `index`.
    fn get_str(&self, path: &str, index: Option<u32>) -> Option<&str>;
    /// Whether anything at or under `path` was given.
    fn present(&self, path: &str) -> bool;
    /// Whether anything at or under `path` was given that is not an empty string.
    fn present_nonempty(&self, path: &str) -> bool;
}

/// One parameter (or container of parameters) of a provider's request.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    pub path: &'static str,
    #[serde(rename = "type")]
    pub ty: ValueType,
    /// Required in every instance of its parent (the request itself for top-level fields).
    pub required: bool,
    pub checks: &'static [Check],
    /// The code the provider answers any violation of this field with.
    pub code: Code,
    /// The code for a missing required value, where it differs from `code`.
    #[serde(skip)]
    pub missing_code: Option<Code>,
    /// Picks the catalog row among several rows of `code` (a substring of its message).
    #[serde(skip)]
    pub row_hint: Option<&'static str>,
    /// For arrays: the most items allowed.
    pub max_items: Option<usize>,
    /// For arrays of plain values (Tencent 3.0's `SnapshotIds`): the values' type; `checks` then
    /// apply to each value. `None` for arrays of objects, whose members are fields of their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<ValueType>,
    /// A protocol-level common parameter (signature, timestamp …): known, not a form field.
    pub common: bool,
    pub label: Text,
    pub help: Text,
    /// Where the rule comes from.
    pub source: &'static str,
}

impl Field {
    pub const fn new(path: &'static str, ty: ValueType, code: Code, source: &'static str) -> Self {
        Field {
            path,
            ty,
            required: false,
            checks: &[],
            code,
            missing_code: None,
            row_hint: None,
            max_items: None,
            items: None,
            common: false,
            label: Text::new(path, path),
            help: Text::new("", ""),
            source: crate::catalog::human(source),
        }
    }

    pub const fn required(self) -> Self {
        Field { required: true, ..self }
    }

    pub const fn checks(self, checks: &'static [Check]) -> Self {
        Field { checks, ..self }
    }

    pub const fn missing_code(self, code: Code) -> Self {
        Field { missing_code: Some(code), ..self }
    }

    pub const fn row(self, hint: &'static str) -> Self {
        Field { row_hint: Some(hint), ..self }
    }

    pub const fn max_items(self, max: usize) -> Self {
        Field { max_items: Some(max), ..self }
    }

    /// An array of plain values of type `ty`.
    pub const fn of(self, ty: ValueType) -> Self {
        Field { items: Some(ty), ..self }
    }

    pub const fn common(self) -> Self {
        Field { common: true, ..self }
    }

    pub const fn text(
        self,
        label_en: &'static str,
        label_zh: &'static str,
        help_en: &'static str,
        help_zh: &'static str,
    ) -> Self {
        Field { label: Text::human(label_en, label_zh), help: Text::human(help_en, help_zh), ..self }
    }

    /// The last segment of the path: the key as it appears in JSON.
    pub fn key(&self) -> &'static str {
        let last = self.path.rsplit('.').next().unwrap_or(self.path);
        last.strip_suffix("[]").unwrap_or(last)
    }

    /// The pattern of the container this field lives in (`""` for the request itself).
    pub fn parent(&self) -> &'static str {
        parent_of(self.path)
    }

    /// The length limits of this field, for counters and `maxlength`-style hints.
    pub fn length(&self) -> Option<(usize, usize, LengthUnit)> {
        self.checks.iter().find_map(|c| match *c {
            Check::Length { min, max, unit } => Some((min, max, unit)),
            _ => None,
        })
    }
}

/// The container pattern of `path`: `Tag.N.Key` → `Tag`, `dataDisks[].cloudDiskSpec.iops` →
/// `dataDisks[].cloudDiskSpec`, `dataDisks[].deviceName` → `dataDisks`, `ImageName` → ``.
pub fn parent_of(path: &'static str) -> &'static str {
    let Some((head, _)) = path.rsplit_once('.') else {
        return "";
    };
    if let Some(group) = head.strip_suffix(".N") {
        return group;
    }
    head.strip_suffix("[]").unwrap_or(head)
}

/// A check on one value.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Check {
    Length {
        min: usize,
        max: usize,
        unit: LengthUnit,
    },
    /// Every character must be in one of the classes.
    Chars {
        allowed: CharSet,
    },
    FirstChar {
        allowed: CharSet,
    },
    /// Must not start with any of these (`ignore_case` for URL schemes).
    NoPrefix {
        prefixes: &'static [&'static str],
        ignore_case: bool,
    },
    NoSubstring {
        substrings: &'static [&'static str],
        ignore_case: bool,
    },
    /// One of these exact values.
    OneOf {
        values: &'static [&'static str],
    },
    /// An integer in `min..=max` on the grid `min + k·step`.
    Range {
        min: i64,
        max: i64,
        step: i64,
    },
    Ascii,
    Device {
        range: DeviceRange,
    },
    /// Accepted, with a warning: one edition of the docs allows `char`, another forbids it.
    DocsDisagree {
        char: char,
        allowed_by: crate::report::DocSource,
        forbidden_by: crate::report::DocSource,
    },
    /// Base64 text of a JSON object that must have these members (dotted paths).
    Base64Json {
        expected: &'static str,
        members: &'static [&'static str],
    },
}

/// A range of Linux block-device names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceRange {
    /// The text before the letters: `/dev/xvd`, `vd`.
    pub prefix: &'static str,
    /// The first and last letter suffixes, in the kernel's order (`a`…`z`, `aa`…`az`, `ba`…).
    pub first: &'static str,
    pub last: &'static str,
}

impl DeviceRange {
    /// The position of a letter suffix in the kernel's naming order (`a`=0, `z`=25, `aa`=26 …):
    /// bijective base 26, shifted so that "a" is 0.
    const fn ordinal(suffix: &str) -> Option<u32> {
        let b = suffix.as_bytes();
        if b.is_empty() || b.len() > 3 {
            return None;
        }
        let mut n = 0u32;
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_lowercase() {
                return None;
            }
            n = n * 26 + (b[i] - b'a') as u32 + 1;
            i += 1;
        }
        Some(n - 1)
    }

    pub fn contains(&self, name: &str) -> bool {
        let Some(suffix) = name.strip_prefix(self.prefix) else {
            return false;
        };
        match (Self::ordinal(suffix), Self::ordinal(self.first), Self::ordinal(self.last)) {
            (Some(n), Some(lo), Some(hi)) => lo <= n && n <= hi,
            _ => false,
        }
    }

    pub fn first_name(&self) -> String {
        format!("{}{}", self.prefix, self.first)
    }

    pub fn last_name(&self) -> String {
        format!("{}{}", self.prefix, self.last)
    }

    /// How many names the range holds.
    pub const fn len(&self) -> usize {
        match (Self::ordinal(self.first), Self::ordinal(self.last)) {
            (Some(lo), Some(hi)) if hi >= lo => (hi - lo + 1) as usize,
            _ => 0,
        }
    }

    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An integer range with a step, selected by another field's value.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Range {
    pub min: i64,
    pub max: i64,
    pub step: i64,
}

/// A rule across fields. Field patterns name fields of the same table; fields under the same
/// array item are compared within that item.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Cross {
    /// At least one of these must be present (a container counts when any of its fields is).
    /// With `all_empty`, given-but-all-empty values get that code instead (Alibaba's
    /// `InvalidParameter.AllEmpty`).
    AnyOf { fields: &'static [&'static str], code: Code, all_empty: Option<Code> },
    /// When several are present, the first wins and the others are ignored by the API (warning).
    Priority { order: &'static [&'static str] },
    /// `field` is required in its item unless `unless` is present there.
    RequiredUnless { field: &'static str, unless: &'static str, code: Code },
    /// `field` is required in its item when `other` equals `value` (`other` defaults to `default`).
    /// With `defaulted`, a missing `field` is only a warning: the API falls back to that value.
    RequiredWhen {
        field: &'static str,
        other: &'static str,
        value: &'static str,
        default: Option<&'static str>,
        defaulted: Option<&'static str>,
        code: Code,
    },
    /// `field` has no effect unless `other` is one of `values` (warning).
    IneffectiveUnless {
        field: &'static str,
        other: &'static str,
        values: &'static [&'static str],
        default: Option<&'static str>,
    },
    /// `field` may only be given together with `other`.
    Requires { field: &'static str, other: &'static str, code: Code },
    /// The range of `field` depends on the value of `selector`; `fallback` when it is absent.
    RangeBy {
        field: &'static str,
        selector: &'static str,
        cases: &'static [(&'static str, Range)],
        fallback: Range,
        code: Code,
    },
    /// Values of `field` must differ across the items of its array.
    Unique { field: &'static str, code: Code },
    /// `field` is deprecated in favour of `replacement` (warning).
    Deprecated { field: &'static str, replacement: &'static str },
    /// A rule too specific for the vocabulary, in its provider's module.
    Custom {
        name: &'static str,
        #[serde(skip)]
        check: fn(&dyn Params, &mut Findings),
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_finds_its_field_and_no_other_path_finds_one() {
        for p in crate::provider::Provider::ALL {
            let spec = crate::providers::spec(p);
            for (i, f) in spec.fields.iter().enumerate() {
                assert_eq!(spec.index_of(f.path), Some(i), "{p} {}", f.path);
                for other in [&f.path[..f.path.len() - 1], &format!("{}x", f.path), &f.path.to_uppercase()] {
                    if spec.fields.iter().all(|g| g.path != other) {
                        assert_eq!(spec.index_of(other), None, "{p} {other}");
                    }
                }
            }
            assert_eq!(spec.index_of(""), None);
        }
    }

    #[test]
    fn parents() {
        assert_eq!(parent_of("Tag.N.Key"), "Tag");
        assert_eq!(parent_of("dataDisks[].cloudDiskSpec.iops"), "dataDisks[].cloudDiskSpec");
        assert_eq!(parent_of("dataDisks[].deviceName"), "dataDisks");
        assert_eq!(parent_of("dataDisks[].cloudDiskSpec"), "dataDisks");
        assert_eq!(parent_of("ImageName"), "");
    }

    #[test]
    fn device_ranges() {
        let jd = DeviceRange { prefix: "vd", first: "b", last: "bm" };
        for ok in ["vdb", "vdz", "vdaa", "vdaz", "vdba", "vdbm"] {
            assert!(jd.contains(ok), "{ok}");
        }
        for bad in ["vda", "vdbn", "vdca", "vd", "sdb", "vdB", "vdzzzz"] {
            assert!(!jd.contains(bad), "{bad}");
        }
        assert_eq!(jd.len(), 64);
        let ali = DeviceRange { prefix: "/dev/xvd", first: "a", last: "z" };
        assert!(ali.contains("/dev/xvda") && ali.contains("/dev/xvdz") && !ali.contains("/dev/xvdaa"));
        assert_eq!(ali.len(), 26);
    }
}

/// A provider's whole rule set: its field table, its cross-field rules, and how its JSON is spelt.
#[derive(Debug)]
pub struct Spec {
    pub provider: crate::provider::Provider,
    pub fields: &'static [Field],
    pub cross: &'static [Cross],
    /// Keys match whatever their case (JD: the seed's own example writes `CloudDiskSpec`).
    pub case_insensitive_keys: bool,
    /// Repeated parameters may also come flat, as a query string carries them (`Tag.3.Key`),
    /// and integers as decimal strings (Alibaba RPC).
    pub flat_form: bool,
    /// The provider's generic code for a bad parameter (wrong type, unknown name, given twice).
    pub generic: Code,
    /// The code for a missing required parameter, unless the field names its own.
    pub missing: Code,
    /// Derived from `fields` on first use; `OnceLock::new()` in every table.
    pub derived: std::sync::OnceLock<Index>,
}

impl Spec {
    /// The table index of the field with this exact pattern.
    pub fn index_of(&self, path: &str) -> Option<usize> {
        PathTable::find(&self.index().by_path, self.fields, path)
    }

    pub fn field(&self, path: &str) -> Option<&'static Field> {
        self.index_of(path).map(|i| &self.fields[i])
    }

    /// Facts derived once from the table (parents, keys, a sorted path index).
    pub fn index(&self) -> &Index {
        self.derived.get_or_init(|| Index::new(self.fields, self.cross))
    }
}

/// What the interpreter looks up on every request, computed once per table.
#[derive(Debug)]
pub struct Index {
    /// Per field: the container pattern (`""` for top level) and the JSON key.
    pub parent: Vec<&'static str>,
    pub key: Vec<&'static str>,
    /// Per field: the index of its container, `None` at top level.
    pub parent_index: Vec<Option<usize>>,
    /// Field indices by path (see [`PathTable`]).
    pub by_path: Vec<u32>,
    /// Fields that are required, with their container's index.
    pub required: Vec<(usize, Option<usize>)>,
    /// Per container (slot 0: the request itself, slot i + 1: field i): its fields' (key, index).
    pub children: Vec<Vec<(&'static str, usize)>>,
    /// Per cross rule: the top-level field its subject lives under; the rule has nothing to check
    /// when that field is absent. `None` for rules over the whole request.
    pub cross_anchor: Vec<Option<usize>>,
}

impl Cross {
    /// The field a per-field rule is about.
    pub fn subject(&self) -> Option<&'static str> {
        match *self {
            Cross::RequiredUnless { field, .. }
            | Cross::RequiredWhen { field, .. }
            | Cross::IneffectiveUnless { field, .. }
            | Cross::Requires { field, .. }
            | Cross::RangeBy { field, .. }
            | Cross::Unique { field, .. }
            | Cross::Deprecated { field, .. } => Some(field),
            Cross::AnyOf { .. } | Cross::Priority { .. } | Cross::Custom { .. } => None,
        }
    }
}

/// An open-addressing table of field indices keyed by path, hashed on the path's length and its
/// first and last bytes. The rules look paths up many times per request; a binary search compared
/// whole paths, which share long prefixes (`dataDisks[].cloudDiskSpec.`), byte by byte in wasm.
#[derive(Debug)]
pub struct PathTable;

impl PathTable {
    const EMPTY: u32 = u32::MAX;

    fn hash(path: &str) -> usize {
        let b = path.as_bytes();
        let n = b.len().min(8);
        let mut tail = [0u8; 8];
        tail[..n].copy_from_slice(&b[b.len() - n..]);
        let x = u64::from_le_bytes(tail) ^ (b.len() as u64) << 56 ^ u64::from(b.first().copied().unwrap_or(0)) << 48;
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
    }

    /// Slots for every field (at most half full), each holding its index or `EMPTY`.
    fn build(fields: &[Field]) -> Vec<u32> {
        let mut slots = vec![Self::EMPTY; (fields.len() * 2).next_power_of_two().max(2)];
        let mask = slots.len() - 1;
        for (i, f) in fields.iter().enumerate() {
            let mut at = Self::hash(f.path) & mask;
            while slots[at] != Self::EMPTY {
                at = (at + 1) & mask;
            }
            slots[at] = i as u32;
        }
        slots
    }

    fn find(slots: &[u32], fields: &[Field], path: &str) -> Option<usize> {
        let mask = slots.len() - 1;
        let mut at = Self::hash(path) & mask;
        loop {
            let i = *slots.get(at)?;
            if i == Self::EMPTY {
                return None;
            }
            if fields[i as usize].path == path {
                return Some(i as usize);
            }
            at = (at + 1) & mask;
        }
    }
}

impl Index {
    fn new(fields: &'static [Field], cross: &'static [Cross]) -> Self {
        let parent: Vec<&'static str> = fields.iter().map(|f| f.parent()).collect();
        let key: Vec<&'static str> = fields.iter().map(|f| f.key()).collect();
        let by_path = PathTable::build(fields);
        let find = |p: &str| PathTable::find(&by_path, fields, p);
        let parent_index: Vec<Option<usize>> =
            parent.iter().map(|p| if p.is_empty() { None } else { find(p) }).collect();
        let required =
            fields.iter().enumerate().filter(|(_, f)| f.required).map(|(i, _)| (i, parent_index[i])).collect();
        let mut children = vec![Vec::new(); fields.len() + 1];
        for (i, f) in fields.iter().enumerate() {
            children[parent_index[i].map_or(0, |p| p + 1)].push((f.key(), i));
        }
        let top = |mut i: usize| {
            while let Some(p) = parent_index[i] {
                i = p;
            }
            i
        };
        let cross_anchor = cross.iter().map(|c| c.subject().and_then(find).map(top)).collect();
        Index { parent, key, parent_index, by_path, required, children, cross_anchor }
    }
}
