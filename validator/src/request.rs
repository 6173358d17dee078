//! A request as parsed from JSON against a provider's field table: typed values keyed by their
//! table field and array index. Wrong types, unknown names and duplicates become findings here;
//! the rules in `validate.rs` see only well-typed values.

use crate::findings::Findings;
use crate::json::{Number, Object, Value};
use crate::report::{IssueKind, Severity, ValueType};
use crate::rule::{Field, Spec};

/// A typed value (or the presence of a container).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scalar<'a> {
    Str(&'a str),
    Int(i64),
    Bool(bool),
    /// An object, or one item of an array.
    Item,
    /// Given, but of the wrong JSON type (already reported): present for the rules, never checked.
    Invalid,
}

impl<'a> Scalar<'a> {
    pub fn as_str(&self) -> Option<&'a str> {
        match *self {
            Scalar::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// One value: which table field it belongs to, and its array index (Alibaba's N, 1-based; JD's
/// `dataDisks` index, 0-based; both numbers of an array in an array's item, see [`nest`]).
#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    pub field: usize,
    pub index: Option<u32>,
    pub value: Scalar<'a>,
}

/// A parsed request: the values in the order they were read.
#[derive(Debug)]
pub struct Request<'a> {
    pub(crate) spec: &'static Spec,
    pub(crate) nodes: Vec<Node<'a>>,
}

impl<'a> Request<'a> {
    /// Reads `root` as `provider`'s request, leaving out what is of the wrong type or unknown
    /// (validation reports those): what the emulator's business rules read values from.
    pub fn of(provider: crate::Provider, root: &'a Object<'a>) -> Self {
        Request::parse(provider.spec(), root, &mut Findings::default())
    }

    /// Reads `root` against `spec`; problems of form go to `findings`.
    pub(crate) fn parse(spec: &'static Spec, root: &'a Object<'a>, findings: &mut Findings) -> Self {
        let mut req = Request { spec, nodes: Vec::with_capacity(root.len() + 4) };
        req.walk(root, 0, None, findings);
        req
    }

    /// The value of the field `path` in item `index`.
    pub fn get(&self, path: &str, index: Option<u32>) -> Option<Scalar<'a>> {
        let field = self.spec.index_of(path)?;
        self.nodes.iter().find(|n| n.field == field && n.index == index).map(|n| n.value)
    }

    pub fn get_str(&self, path: &str, index: Option<u32>) -> Option<&'a str> {
        self.get(path, index).and_then(|s| s.as_str())
    }

    /// The nodes of the field `path`.
    pub(crate) fn values(&self, path: &str) -> impl Iterator<Item = &Node<'a>> + '_ {
        let field = self.spec.index_of(path);
        self.nodes.iter().filter(move |n| Some(n.field) == field)
    }

    /// The items of the container `path` (`""`: the request itself, one item).
    pub fn items(&self, path: &str) -> impl Iterator<Item = Option<u32>> + '_ {
        let root = path.is_empty();
        let field = if root { None } else { self.spec.index_of(path) };
        self.items_of(root, field)
    }

    /// The items of the container with table index `field` (`None`: the request itself).
    pub(crate) fn items_of(&self, root: bool, field: Option<usize>) -> impl Iterator<Item = Option<u32>> + '_ {
        root.then_some(None).into_iter().chain(
            self.nodes
                .iter()
                .filter(move |n| !root && Some(n.field) == field && n.value == Scalar::Item)
                .map(|n| n.index),
        )
    }

    /// Whether the field `path`, or for a container any field inside it, is present.
    pub(crate) fn present(&self, path: &str) -> bool {
        self.nodes.iter().any(|n| {
            let p = self.spec.fields[n.field].path;
            p == path || (p.starts_with(path) && matches!(p.as_bytes().get(path.len()), Some(b'.' | b'[')))
        })
    }

    /// Like [`present`](Self::present), but an empty string does not count.
    pub fn present_nonempty(&self, path: &str) -> bool {
        self.nodes.iter().any(|n| {
            let p = self.spec.fields[n.field].path;
            n.value != Scalar::Str("")
                && (p == path || (p.starts_with(path) && matches!(p.as_bytes().get(path.len()), Some(b'.' | b'['))))
        })
    }

    /// The display path of a field pattern in item `index`: `N` and `[]` filled in (both `[]` of
    /// a field inside a nested array, from its [`nest`]ed index); a plain value of an array of
    /// values gets its number appended (`SnapshotIds[1]`).
    pub(crate) fn path(pattern: &str, index: Option<u32>) -> String {
        let Some(i) = index else {
            return pattern.to_owned();
        };
        if let Some(at) = pattern.find(".N")
            && (pattern[at + 2..].is_empty() || pattern[at + 2..].starts_with('.'))
        {
            return format!("{}.{}{}", &pattern[..at], i, &pattern[at + 2..]);
        }
        match pattern.find("[]") {
            Some(at) => match pattern[at + 2..].find("[]") {
                Some(second) => {
                    let (outer, inner) = unnest(i);
                    let rest = &pattern[at + 2..];
                    let outer = outer.map_or(String::new(), |o| o.to_string());
                    format!("{}[{outer}]{}[{inner}]{}", &pattern[..at], &rest[..second], &rest[second + 2..])
                }
                None => format!("{}[{}]{}", &pattern[..at], i, &pattern[at + 2..]),
            },
            None => format!("{pattern}[{i}]"),
        }
    }

    /// The field named `key` inside container `slot` (0: the request; i + 1: field i).
    fn child(&self, slot: usize, key: &str) -> Option<(usize, &'static Field)> {
        let ci = self.spec.case_insensitive_keys;
        self.spec.index().children[slot]
            .iter()
            .find(|(k, _)| if ci { k.eq_ignore_ascii_case(key) } else { *k == key })
            .map(|&(_, i)| (i, &self.spec.fields[i]))
    }

    /// The display prefix for keys inside container `parent`, item `index`.
    fn prefix(&self, parent: &str, index: Option<u32>) -> String {
        if parent.is_empty() {
            return String::new();
        }
        let is_array = self.spec.field(parent).is_some_and(|f| f.ty == ValueType::Array);
        match (is_array, index) {
            (true, Some(i)) if self.spec.flat_form => format!("{parent}.{i}."),
            // An item of an array inside an item of another array: both numbers.
            (true, Some(i)) if parent.contains("[]") => {
                let (outer, inner) = unnest(i);
                format!("{}[{inner}].", Self::path(parent, outer))
            }
            (true, Some(i)) => format!("{parent}[{i}]."),
            _ => format!("{}.", Self::path(parent, index)),
        }
    }

    /// Reads the members of container `slot` (0: the request; i + 1: field i), item `index`.
    fn walk(&mut self, obj: &'a Object<'a>, slot: usize, index: Option<u32>, findings: &mut Findings) {
        let parent = slot.checked_sub(1).map_or("", |fi| self.spec.fields[fi].path);
        for (key, value) in obj.iter() {
            if value.is_null() {
                continue; // the SDKs send null for an absent optional parameter
            }
            if let Some((fi, field)) = self.child(slot, key) {
                self.read(fi, field, index, value, findings);
            } else if parent.is_empty() && self.spec.flat_form && self.read_flat(key, value, findings) {
                // handled as `Group.N.Key`
            } else {
                let siblings = self.spec.fields.iter().filter(|f| f.parent() == parent).map(|f| f.key());
                let suggestion = crate::suggest::nearest(key, siblings).map(|s| {
                    if self.spec.flat_form && parent.is_empty() {
                        s.to_owned()
                    } else {
                        format!("{}{s}", self.prefix(parent, index))
                    }
                });
                let field = format!("{}{}", self.prefix(parent, index), clip(key));
                findings.push(
                    field,
                    self.spec.generic,
                    None,
                    Severity::Warning,
                    IssueKind::UnknownParameter { suggestion },
                );
            }
        }
    }

    /// `Group.N.Key` at the top level of a flat-form request. False when `key` is not of that shape.
    fn read_flat(&mut self, key: &str, value: &'a Value<'a>, findings: &mut Findings) -> bool {
        let mut parts = key.splitn(3, '.');
        let (Some(group), Some(n), Some(sub)) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        let Some((gi, gfield)) = self.child(0, group) else {
            return false;
        };
        if gfield.ty != ValueType::Array || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let max = gfield.max_items.unwrap_or(u32::MAX as usize) as u32;
        let number: u64 = n.parse().unwrap_or(u64::MAX);
        if number < 1 || number > u64::from(max) {
            let kind = IssueKind::IndexOutOfRange { min: 1, max, actual: number };
            findings.push(clip(key).to_owned(), self.spec.generic, None, Severity::Error, kind);
            return true;
        }
        let index = Some(number as u32);
        self.add_item(gi, index);
        match self.child(gi + 1, sub) {
            Some((fi, field)) => self.read(fi, field, index, value, findings),
            None => {
                let siblings = self.spec.fields.iter().filter(|f| f.parent() == gfield.path).map(|f| f.key());
                let suggestion = crate::suggest::nearest(sub, siblings).map(|s| format!("{group}.{number}.{s}"));
                findings.push(
                    clip(key).to_owned(),
                    self.spec.generic,
                    None,
                    Severity::Warning,
                    IssueKind::UnknownParameter { suggestion },
                );
            }
        }
        true
    }

    fn add_item(&mut self, field: usize, index: Option<u32>) {
        if !self.nodes.iter().any(|n| n.field == field && n.index == index) {
            self.nodes.push(Node { field, index, value: Scalar::Item });
        }
    }

    fn read(
        &mut self,
        fi: usize,
        field: &'static Field,
        index: Option<u32>,
        value: &'a Value<'a>,
        findings: &mut Findings,
    ) {
        let at = || Self::path(field.path, index);
        let scalar = match (field.ty, value) {
            (ValueType::String, Value::String(s)) => Scalar::Str(s),
            (ValueType::Integer, Value::Number(Number::Int(i))) => Scalar::Int(*i),
            (ValueType::Integer, Value::Number(Number::Big(_))) => Scalar::Int(i64::MAX),
            (ValueType::Integer, Value::String(s)) if self.spec.flat_form && is_decimal(s) => {
                Scalar::Int(s.parse().unwrap_or(if s.starts_with('-') { i64::MIN } else { i64::MAX }))
            }
            (ValueType::Boolean, Value::Bool(b)) => Scalar::Bool(*b),
            (ValueType::Object, Value::Object(map)) => {
                self.push(fi, index, Scalar::Item, findings);
                self.walk(map, fi + 1, index, findings);
                return;
            }
            (ValueType::Array, Value::Array(items)) => {
                self.read_array(fi, field, index, items, findings);
                return;
            }
            (expected, other) => {
                let kind = IssueKind::WrongType { expected, actual: other.type_name() };
                findings.push(at(), field.code, field.row_hint, Severity::Error, kind);
                Scalar::Invalid
            }
        };
        self.push(fi, index, scalar, findings);
    }

    /// Reads the items of array field `fi`; `outer` is the item of the array it sits in, if any.
    fn read_array(
        &mut self,
        fi: usize,
        field: &'static Field,
        outer: Option<u32>,
        items: &'a [Value<'a>],
        findings: &mut Findings,
    ) {
        // Alibaba numbers its groups from 1 (`Tag.1.Key`); JSON arrays count from 0.
        let base = u32::from(self.spec.flat_form);
        if let Some(max) = field.max_items.filter(|&m| items.len() > m) {
            let kind = IssueKind::TooMany { max, actual: items.len() };
            findings.push(Self::path(field.path, outer), field.code, field.row_hint, Severity::Error, kind);
        }
        for (i, item) in items.iter().enumerate() {
            let Some(index) = nest(outer, i as u32 + base) else {
                break; // past what a nested index holds, far past any array's limit (reported above)
            };
            let index = Some(index);
            match (field.items, item) {
                (_, Value::Null) => {}
                (Some(ValueType::String), Value::String(s)) => self.push(fi, index, Scalar::Str(s), findings),
                (Some(expected), other) => {
                    let kind = IssueKind::WrongType { expected, actual: other.type_name() };
                    findings.push(Self::path(field.path, index), field.code, field.row_hint, Severity::Error, kind);
                    self.push(fi, index, Scalar::Invalid, findings);
                }
                (None, Value::Object(map)) => {
                    self.add_item(fi, index);
                    self.walk(map, fi + 1, index, findings);
                }
                (None, other) => {
                    let kind = IssueKind::WrongType { expected: ValueType::Object, actual: other.type_name() };
                    let at = self.prefix(field.path, index);
                    findings.push(
                        at.trim_end_matches('.').to_owned(),
                        field.code,
                        field.row_hint,
                        Severity::Error,
                        kind,
                    );
                }
            }
        }
    }

    fn push(&mut self, field: usize, index: Option<u32>, value: Scalar<'a>, findings: &mut Findings) {
        if self.nodes.iter().any(|n| n.field == field && n.index == index) {
            let f = &self.spec.fields[field];
            findings.push(Self::path(f.path, index), self.spec.generic, None, Severity::Error, IssueKind::GivenTwice);
            return;
        }
        self.nodes.push(Node { field, index, value });
    }
}

/// The index of an item of an array that sits inside an item of another array: both numbers in
/// one (the outer item's number + 1 above [`NESTED`], the inner one below). `None` past what it
/// holds. Items of top-level arrays keep their own number.
pub fn nest(outer: Option<u32>, inner: u32) -> Option<u32> {
    match outer {
        None => Some(inner),
        Some(_) if inner >= NESTED => None,
        Some(o) => o.checked_add(1)?.checked_mul(NESTED)?.checked_add(inner),
    }
}

/// The two numbers of a [`nest`]ed index; `(None, index)` for a top-level item's.
pub fn unnest(index: u32) -> (Option<u32>, u32) {
    if index >= NESTED { (Some(index / NESTED - 1), index % NESTED) } else { (None, index) }
}

/// See [`nest`]: no array allows this many items.
pub const NESTED: u32 = 1 << 16;

fn is_decimal(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.len() <= 40 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A key or value shortened for display: nobody reads a megabyte of it back.
pub(crate) fn clip(s: &str) -> &str {
    const MAX: usize = 64;
    match s.char_indices().nth(MAX) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

impl crate::rule::Params for Request<'_> {
    fn items(&self, path: &str) -> Vec<Option<u32>> {
        Request::items(self, path).collect()
    }

    fn get_str(&self, path: &str, index: Option<u32>) -> Option<&str> {
        Request::get_str(self, path, index)
    }

    fn present(&self, path: &str) -> bool {
        Request::present(self, path)
    }

    fn present_nonempty(&self, path: &str) -> bool {
        Request::present_nonempty(self, path)
    }
}
