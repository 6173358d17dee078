//! The console's plain data and the logic on it, with no view and no browser call: the form
//! model (what was typed, per provider, and the request JSON it makes), field paths and element
//! ids, endpoints, keys, the draft and the history as they are stored.
//!
//! Forms are generated from the validator's rule metadata ([`table`]): nothing here restates a
//! label, a limit or an allowed value.

use crate::dict::Dict;
use createimage_validator::meta::FieldRule;
use createimage_validator::request::Request;
use createimage_validator::rule::Cross;
use createimage_validator::{Provider, ValueType, field, providers, rules};
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;
use std::sync::OnceLock;

/// The provider spelt `s` as in [`Provider::as_str`].
pub fn parse_provider(s: &str) -> Option<Provider> {
    Provider::ALL.into_iter().find(|p| p.as_str() == s)
}

/// The position of `provider` in [`Provider::ALL`].
pub const fn index(provider: Provider) -> usize {
    provider.index()
}

/// The rule metadata of `provider`, built once.
pub fn table(provider: Provider) -> &'static [FieldRule] {
    static TABLES: [OnceLock<Vec<FieldRule>>; Provider::ALL.len()] = [const { OnceLock::new() }; Provider::ALL.len()];
    TABLES[provider.index()].get_or_init(|| rules(provider))
}

/// The rule of `provider` whose table path is `path`.
pub fn rule(provider: Provider, path: &str) -> Option<&'static FieldRule> {
    table(provider).iter().find(|r| r.path == path)
}

/// Where the image comes from, the first thing each form asks: the region and the source (for
/// Alibaba, one of the sources of its "at least one of" rule, chosen first; see [`sources`]).
/// The name and description follow ([`crate::check::name_fields`]), then everything else.
pub const fn source_fields(provider: Provider) -> &'static [&'static str] {
    provider.console().source_fields
}

pub use createimage_validator::registration::Offer;

/// What the sandbox offers for field `path` of `provider`.
pub fn offer(provider: Provider, path: &str) -> Option<Offer> {
    provider.console().offers.iter().find(|&&(f, _)| f == path).map(|&(_, o)| o)
}

/// The region field of `provider`'s form, if it has one: an instance or snapshot chosen from the
/// sandbox fills it in with its own region.
pub fn region_field(provider: Provider) -> Option<&'static str> {
    provider.console().offers.iter().find(|&&(_, o)| o == Offer::Regions).map(|&(f, _)| f)
}

/// The sources of which the provider wants at least one, as its rule table says (Alibaba: an
/// instance, disk mappings or a snapshot); empty when there is one way only.
pub fn sources(provider: Provider) -> &'static [&'static str] {
    providers::spec(provider)
        .cross
        .iter()
        .find_map(|c| match c {
            Cross::AnyOf { fields, .. } => Some(*fields),
            _ => None,
        })
        .unwrap_or(&[])
}

/// The source the form shows: the first one with a value, else the first.
pub fn chosen_source(provider: Provider, form: &Form) -> usize {
    sources(provider).iter().position(|&s| !form.get(Slot::top(s)).is_empty() || form.items(s) > 0).unwrap_or(0)
}

/// A common parameter the form still asks for because the signer takes it from the request
/// (Tencent's `Region`).
pub fn is_signer_field(provider: Provider, path: &str) -> bool {
    provider.console().signer_fields.contains(&path)
}

/// A field the console fills in per submission when it is left empty (Alibaba's ClientToken).
pub fn is_auto_field(provider: Provider, path: &str) -> bool {
    provider.console().auto_fields.contains(&path)
}

/// Whether `provider` has a field the console fills in per submission.
pub fn has_auto_fields(provider: Provider) -> bool {
    !provider.console().auto_fields.is_empty()
}

/// Whether a field belongs in the request the form builds: every non-common parameter, and the
/// common ones the signer needs.
pub fn in_form(provider: Provider, rule: &FieldRule) -> bool {
    !rule.common || is_signer_field(provider, rule.path)
}

/// The fields directly inside container `parent` (`""`: the request; `Tag`; `dataDisks[].cloudDiskSpec`)
/// that the form shows, in table order.
pub fn children(provider: Provider, parent: &str) -> impl Iterator<Item = &'static FieldRule> + '_ {
    table(provider).iter().filter(move |r| r.parent == parent && in_form(provider, r))
}

/// The number a person reads on item `item` (0-based) of a group: from 1, whatever the ids say.
pub const fn item_number(item: usize) -> usize {
    item + 1
}

/// A field its provider deprecates in favour of another.
pub fn is_deprecated(rule: &FieldRule) -> bool {
    rule.cross.iter().any(|c| matches!(c, Cross::Deprecated { field, .. } if *field == rule.path))
}

/// A value the user types: not an object or an array.
pub const fn is_scalar(ty: ValueType) -> bool {
    match ty {
        ValueType::String | ValueType::Integer | ValueType::Boolean => true,
        ValueType::Object | ValueType::Array => false,
    }
}

/// The repeatable group a table path repeats with: `Tag` for `Tag.N.Key`, `dataDisks` for
/// `dataDisks[].cloudDiskSpec.iops`.
pub fn group_of(path: &str) -> Option<&str> {
    if let Some(at) = path.find("[]") {
        return Some(&path[..at]);
    }
    path.find(".N.").or_else(|| path.strip_suffix(".N").map(str::len)).map(|at| &path[..at])
}

/// The path of a group member inside its item: `Key` for `Tag.N.Key`, `cloudDiskSpec.iops` for
/// `dataDisks[].cloudDiskSpec.iops`.
pub fn member_path(path: &str) -> &str {
    if let Some(at) = path.find("[].") {
        return &path[at + 3..];
    }
    path.find(".N.").map_or(path, |at| &path[at + 3..])
}

/// Where one value lives: a field of the table and, inside a repeatable group, the item's
/// position (0-based, whatever numbering the provider's paths use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slot {
    pub path: &'static str,
    pub item: Option<usize>,
}

impl Slot {
    pub const fn top(path: &'static str) -> Self {
        Slot { path, item: None }
    }

    pub const fn at(path: &'static str, item: usize) -> Self {
        Slot { path, item: Some(item) }
    }

    /// Whether `other` is this slot or lies inside it (a member of this container, same item).
    pub fn contains(&self, other: &Slot) -> bool {
        if self == other {
            return true;
        }
        let inside = other.path.len() > self.path.len()
            && other.path.starts_with(self.path)
            && matches!(other.path.as_bytes()[self.path.len()], b'.' | b'[');
        inside && (self.item.is_none() || self.item == other.item)
    }

    /// The same slot after item `removed` of `group` went away: `None` for a slot of that item.
    pub fn after_removal(self, group: &str, removed: usize) -> Option<Slot> {
        match self.item {
            Some(i) if group_of(self.path) == Some(group) => match i.cmp(&removed) {
                std::cmp::Ordering::Less => Some(self),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(Slot { item: Some(i - 1), ..self }),
            },
            _ => Some(self),
        }
    }
}

/// The number of the first item in `provider`'s issue paths: 1 for Alibaba's `Tag.1`, 0 for JD's `[0]`.
pub fn first_index(provider: Provider) -> usize {
    usize::from(providers::spec(provider).flat_form)
}

/// The path issues about `slot` carry: `Tag.2.Key`, `dataDisks[0].cloudDiskSpec.iops`.
pub fn issue_path(provider: Provider, slot: Slot) -> String {
    let index = slot.item.map(|i| u32::try_from(i + first_index(provider)).unwrap_or(u32::MAX));
    Request::path(slot.path, index)
}

/// The slot an issue path names, if the table has such a field.
pub fn slot_of(provider: Provider, path: &str) -> Option<Slot> {
    let target = field::resolve(providers::spec(provider), path).ok()?;
    let first = first_index(provider);
    let item = match target.index {
        Some(i) => Some(usize::try_from(i).ok()?.checked_sub(first)?),
        None => None,
    };
    Some(Slot { path: target.field.path, item })
}

/// The element id of the field at issue path `path`: `f-{provider}-{path}`, every run of
/// characters outside `[A-Za-z0-9]` made one `-`, a trailing `-` dropped (the DOM contract).
pub fn field_id(provider: Provider, path: &str) -> String {
    let mut id = format!("f-{}-", provider.as_str());
    for c in path.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    id
}

/// The element id of `slot`'s input (or container).
pub fn slot_id(provider: Provider, slot: Slot) -> String {
    field_id(provider, &issue_path(provider, slot))
}

/// What was typed into one provider's form: text per field, and the items of each repeatable
/// group. Keys are table paths (`ImageName`, `Tag.N.Key`); an empty text is no value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Form {
    pub fields: Dict<String>,
    pub groups: Dict<Vec<Dict<String>>>,
}

impl Form {
    /// A fresh form for `provider`, with its defaults.
    pub fn new(provider: Provider) -> Self {
        let mut form = Form::default();
        for &(path, value) in provider.console().defaults {
            form.fields.insert(path.to_owned(), value.to_owned());
        }
        form
    }

    /// The text at `slot` (`""` when none).
    pub fn get(&self, slot: Slot) -> &str {
        let map = match (slot.item, group_of(slot.path)) {
            (Some(i), Some(group)) => self.groups.get(group).and_then(|items| items.get(i)),
            _ => Some(&self.fields),
        };
        map.and_then(|m| m.get(slot.path)).map_or("", String::as_str)
    }

    /// Sets the text at `slot`; an empty text removes the value. A slot of a missing item is ignored.
    pub fn set(&mut self, slot: Slot, text: &str) {
        let map = match (slot.item, group_of(slot.path)) {
            (Some(i), Some(group)) => match self.groups.get_mut(group).and_then(|items| items.get_mut(i)) {
                Some(item) => item,
                None => return,
            },
            _ => &mut self.fields,
        };
        if text.is_empty() {
            map.remove(slot.path);
        } else {
            map.insert(slot.path.to_owned(), text.to_owned());
        }
    }

    /// How many items `group` has.
    pub fn items(&self, group: &str) -> usize {
        self.groups.get(group).map_or(0, Vec::len)
    }

    /// Appends an empty item to `group` unless it already has `max`; the new item's position.
    pub fn add_item(&mut self, group: &str, max: Option<usize>) -> Option<usize> {
        let items = self.groups.get_or_insert_with(group, Vec::new);
        if max.is_some_and(|m| items.len() >= m) {
            return None;
        }
        items.push(Dict::new());
        Some(items.len() - 1)
    }

    /// Removes item `item` of `group`; the later items move up one.
    pub fn remove_item(&mut self, group: &str, item: usize) {
        if let Some(items) = self.groups.get_mut(group) {
            if item < items.len() {
                items.remove(item);
            }
            if items.is_empty() {
                self.groups.remove(group);
            }
        }
    }

    /// The request JSON this form makes for `provider`: typed values (integers as numbers,
    /// checked boxes as `true`), groups as arrays of objects (nested members as nested objects),
    /// nothing for an empty text. A number that does not parse stays text, so the validator
    /// reports it.
    pub fn to_request(&self, provider: Provider) -> Value {
        let rules = table(provider);
        let mut root = Map::new();
        for r in rules.iter().filter(|r| r.group.is_none() && in_form(provider, r)) {
            if r.ty == ValueType::Array {
                let Some(items) = self.groups.get(r.path).filter(|items| !items.is_empty()) else {
                    continue;
                };
                let members: Vec<&FieldRule> =
                    rules.iter().filter(|m| m.group == Some(r.path) && is_scalar(m.ty)).collect();
                let array = items
                    .iter()
                    .map(|item| {
                        let mut object = Map::new();
                        for m in &members {
                            if let Some(v) = typed(m.ty, item.get(m.path).map_or("", String::as_str)) {
                                insert_path(&mut object, member_path(m.path), v);
                            }
                        }
                        Value::Object(object)
                    })
                    .collect();
                root.insert(r.key.to_owned(), Value::Array(array));
            } else if is_scalar(r.ty)
                && let Some(v) = typed(r.ty, self.get(Slot::top(r.path)))
            {
                insert_path(&mut root, r.path, v);
            }
        }
        Value::Object(root)
    }
}

/// The JSON value of `text` for a field of type `ty`; `None` for no value.
pub fn typed(ty: ValueType, text: &str) -> Option<Value> {
    if text.is_empty() {
        return None;
    }
    match ty {
        ValueType::Integer => {
            Some(text.trim().parse::<i64>().map_or_else(|_| Value::String(text.to_owned()), Value::from))
        }
        ValueType::Boolean => Some(Value::Bool(text == "true")),
        ValueType::String | ValueType::Object | ValueType::Array => Some(Value::String(text.to_owned())),
    }
}

/// Puts `value` at the dotted `path` of `object`, making the objects on the way.
fn insert_path(object: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            object.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let slot = object.entry(head.to_owned()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = slot {
                insert_path(inner, rest, value);
            }
        }
    }
}

/// The fields a user touched (edited or left), and the containers they added to or removed from:
/// a sorted `Vec` (a form has a few dozen slots; a `BTreeSet` is more code for no gain).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched(Vec<Slot>);

impl Touched {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn contains(&self, slot: &Slot) -> bool {
        self.0.binary_search(slot).is_ok()
    }

    pub fn insert(&mut self, slot: Slot) {
        if let Err(at) = self.0.binary_search(&slot) {
            self.0.insert(at, slot);
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Slot> {
        self.0.iter()
    }
}

impl<const N: usize> From<[Slot; N]> for Touched {
    fn from(slots: [Slot; N]) -> Self {
        let mut touched = Touched::new();
        slots.into_iter().for_each(|s| touched.insert(s));
        touched
    }
}

/// Whether `slot` or anything inside it was touched.
pub fn is_touched(touched: &Touched, slot: Slot) -> bool {
    touched.iter().any(|t| slot.contains(t))
}

/// `touched` after item `removed` of `group` went away.
pub fn touched_after_removal(touched: &Touched, group: &str, removed: usize) -> Touched {
    let mut out = Touched::new();
    for s in touched.iter().filter_map(|s| s.after_removal(group, removed)) {
        out.insert(s);
    }
    out
}

/// Where a request goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The emulator of `createimage serve`, same origin.
    #[default]
    Sandbox,
    /// `createimage serve` forwards to the provider's real host.
    Relay,
    /// The browser calls the provider (blocked by CORS).
    Direct,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Sandbox, Mode::Relay, Mode::Direct];

    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Sandbox => "sandbox",
            Mode::Relay => "relay",
            Mode::Direct => "direct",
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/sandbox_keys.rs"));

/// The sandbox key of `provider`: `(access key id, secret)` of the first account of `createimage
/// serve`'s built-in fixture (see build.rs).
pub fn sandbox_keys(provider: Provider) -> (&'static str, &'static str) {
    SANDBOX_KEYS
        .iter()
        .find(|(name, _, _)| *name == provider.emulator().account_owner.as_str())
        .map(|&(_, id, secret)| (id, secret))
        .expect("the fixture has every provider (a test checks)")
}

/// One provider's access key, held in memory; stored only when `remember` is on.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Keys {
    pub access_key_id: String,
    pub secret: String,
    pub remember: bool,
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keys")
            .field("access_key_id", &self.access_key_id)
            .field("secret", &"<redacted>")
            .field("remember", &self.remember)
            .finish()
    }
}

impl Keys {
    pub fn sandbox(provider: Provider) -> Self {
        let (id, secret) = sandbox_keys(provider);
        Keys { access_key_id: id.to_owned(), secret: secret.to_owned(), remember: false }
    }

    pub fn is_complete(&self) -> bool {
        !self.access_key_id.trim().is_empty() && !self.secret.is_empty()
    }
}

/// Keys a user chose to remember, as stored: provider → key.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Remembered(pub Dict<StoredKey>);

impl fmt::Debug for Remembered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()
    }
}

#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredKey {
    pub access_key_id: String,
    pub secret: String,
}

impl fmt::Debug for StoredKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredKey").field("access_key_id", &self.access_key_id).finish_non_exhaustive()
    }
}

impl Remembered {
    pub fn from_json(text: &str) -> Self {
        crate::stored::from_json(text)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The remembered keys of `provider`.
    pub fn keys(&self, provider: Provider) -> Option<Keys> {
        self.0.get(provider.as_str()).map(|k| Keys {
            access_key_id: k.access_key_id.clone(),
            secret: k.secret.clone(),
            remember: true,
        })
    }

    /// Remembers `keys` for `provider` when they ask to be, forgets them otherwise.
    pub fn update(&mut self, provider: Provider, keys: &Keys) {
        if keys.remember {
            let stored = StoredKey { access_key_id: keys.access_key_id.clone(), secret: keys.secret.clone() };
            self.0.insert(provider.as_str().to_owned(), stored);
        } else {
            self.0.remove(provider.as_str());
        }
    }
}

/// What survives a reload: the chosen provider, every form and every endpoint. Never a key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub provider: Option<String>,
    pub forms: Dict<Form>,
    pub endpoints: Dict<Mode>,
}

impl Draft {
    /// The stored text; anything unreadable is an empty draft.
    pub fn from_json(text: &str) -> Self {
        crate::stored::from_json(text)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn provider(&self) -> Option<Provider> {
        self.provider.as_deref().and_then(parse_provider)
    }

    /// The form of `provider`: the stored one, or a fresh one.
    pub fn form(&self, provider: Provider) -> Form {
        self.forms.get(provider.as_str()).cloned().unwrap_or_else(|| Form::new(provider))
    }

    pub fn endpoint(&self, provider: Provider) -> Mode {
        self.endpoints.get(provider.as_str()).copied().unwrap_or_default()
    }
}

/// One submission, as the history keeps it. Never a key, a signature or a body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    /// Milliseconds since the Unix epoch.
    pub time_ms: f64,
    pub provider: String,
    pub endpoint: Mode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
}

impl HistoryEntry {
    /// What the result column shows: the image ID, else the error code.
    pub fn result(&self) -> &str {
        self.image_id.as_deref().or(self.error_code.as_deref()).unwrap_or("")
    }
}

/// Every submission, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct History(pub Vec<HistoryEntry>);

impl History {
    /// The most entries kept; older ones are dropped.
    pub const MAX: usize = 200;

    pub fn from_json(text: &str) -> Self {
        crate::stored::from_json(text)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn push(&mut self, entry: HistoryEntry) {
        self.0.insert(0, entry);
        self.0.truncate(Self::MAX);
    }

    /// Fills in the image ID of the entry with `request_id` (Tencent answers none; the sandbox knows it).
    pub fn set_image_id(&mut self, request_id: &str, image_id: &str) {
        if let Some(e) = self.0.iter_mut().find(|e| e.request_id.as_deref() == Some(request_id)) {
            e.image_id.get_or_insert_with(|| image_id.to_owned());
        }
    }
}

/// The sandbox image being followed after a success: its status word, how far along it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Follow {
    /// The image ID (for Tencent, found in the emulator's state by the request ID).
    pub image_id: Option<String>,
    /// The provider's status word (`Creating`, `AVAILABLE` …).
    pub status: Option<String>,
    /// 0 to 1.
    pub progress: f64,
    pub available: bool,
    /// The emulator does not list the image (any more).
    pub lost: bool,
    /// The image ID came from the emulator, not from the answer.
    pub found_by_request: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_provider_has_sandbox_keys_from_the_fixture() {
        for provider in Provider::ALL {
            let (id, secret) = sandbox_keys(provider);
            assert!(!id.is_empty() && !secret.is_empty(), "{provider:?}");
        }
        // One key per part of the fixture: providers that share their accounts share their key.
        let owners = Provider::ALL.iter().filter(|p| p.emulator().account_owner == **p).count();
        assert_eq!(SANDBOX_KEYS.len(), owners);
        assert_eq!(sandbox_keys(Provider::Aliyun).0, "LTAI5tSandboxAliyun0001");
        assert_eq!(sandbox_keys(Provider::Tencent3), sandbox_keys(Provider::Tencent));
    }

    #[wasm_bindgen_test]
    fn ids_follow_the_contract() {
        assert_eq!(field_id(Provider::Aliyun, "ImageName"), "f-aliyun-ImageName");
        assert_eq!(field_id(Provider::Aliyun, "Tag.1.Key"), "f-aliyun-Tag-1-Key");
        assert_eq!(
            field_id(Provider::JdCloud, "dataDisks[0].cloudDiskSpec.diskSizeGB"),
            "f-jdcloud-dataDisks-0-cloudDiskSpec-diskSizeGB"
        );
        assert_eq!(field_id(Provider::JdCloud, "dataDisks[0]"), "f-jdcloud-dataDisks-0");
    }

    #[wasm_bindgen_test]
    fn paths_map_to_slots_and_back() {
        let cases = [
            (Provider::Aliyun, "Tag.1.Key", Slot::at("Tag.N.Key", 0)),
            (Provider::Aliyun, "DiskDeviceMapping.3.Size", Slot::at("DiskDeviceMapping.N.Size", 2)),
            (Provider::Aliyun, "ImageName", Slot::top("ImageName")),
            (Provider::Aliyun, "Tag", Slot::top("Tag")),
            (
                Provider::JdCloud,
                "dataDisks[0].cloudDiskSpec.diskSizeGB",
                Slot::at("dataDisks[].cloudDiskSpec.diskSizeGB", 0),
            ),
            (Provider::JdCloud, "dataDisks[2].cloudDiskSpec", Slot::at("dataDisks[].cloudDiskSpec", 2)),
            (Provider::Zenlayer, "imageName", Slot::top("imageName")),
        ];
        for (p, path, slot) in cases {
            assert_eq!(slot_of(p, path), Some(slot), "{p} {path}");
            assert_eq!(issue_path(p, slot), path, "{p} {slot:?}");
        }
        assert_eq!(slot_of(Provider::Zenlayer, "nope"), None);
        assert_eq!(group_of("Tag.N.Key"), Some("Tag"));
        assert_eq!(group_of("dataDisks[].cloudDiskSpec.charge.chargeMode"), Some("dataDisks"));
        assert_eq!(group_of("ImageName"), None);
        assert_eq!(member_path("dataDisks[].cloudDiskSpec.charge.chargeMode"), "cloudDiskSpec.charge.chargeMode");
        assert_eq!(member_path("Tag.N.Key"), "Key");
    }

    #[wasm_bindgen_test]
    fn values_become_the_request() {
        let mut f = Form::new(Provider::Aliyun);
        f.set(Slot::top("RegionId"), "cn-hangzhou");
        f.set(Slot::top("ImageName"), "web");
        f.set(Slot::top("Description"), "");
        assert_eq!(f.add_item("DiskDeviceMapping", Some(26)), Some(0));
        f.set(Slot::at("DiskDeviceMapping.N.Size", 0), "40");
        f.set(Slot::at("DiskDeviceMapping.N.SnapshotId", 0), "s-1");
        assert_eq!(f.add_item("Tag", Some(20)), Some(0));
        f.set(Slot::at("Tag.N.Key", 0), "team");
        assert_eq!(f.get(Slot::at("Tag.N.Key", 0)), "team");
        assert_eq!(
            f.to_request(Provider::Aliyun),
            json!({"RegionId": "cn-hangzhou", "ImageName": "web",
                   "DiskDeviceMapping": [{"Size": 40, "SnapshotId": "s-1"}], "Tag": [{"Key": "team"}]})
        );
        // A number that does not parse stays text (the validator reports it); a slot of no item is ignored.
        f.set(Slot::at("DiskDeviceMapping.N.Size", 0), "4o");
        f.set(Slot::at("Tag.N.Key", 5), "ignored");
        let v = f.to_request(Provider::Aliyun);
        assert_eq!(v["DiskDeviceMapping"][0]["Size"], json!("4o"));
        assert_eq!(v["Tag"].as_array().unwrap().len(), 1);

        let mut jd = Form::new(Provider::JdCloud);
        jd.add_item("dataDisks", None);
        jd.set(Slot::at("dataDisks[].cloudDiskSpec.charge.chargeMode", 0), "prepaid_by_duration");
        jd.set(Slot::at("dataDisks[].cloudDiskSpec.diskSizeGB", 0), "40");
        jd.set(Slot::at("dataDisks[].noDevice", 0), "true");
        assert_eq!(
            jd.to_request(Provider::JdCloud),
            json!({"dataDisks": [{"noDevice": true,
                   "cloudDiskSpec": {"diskSizeGB": 40, "charge": {"chargeMode": "prepaid_by_duration"}}}]})
        );
        // Tencent's Region is a common parameter the form keeps, with its default.
        assert_eq!(Form::new(Provider::Tencent).to_request(Provider::Tencent), json!({"Region": "ap-guangzhou"}));
    }

    #[wasm_bindgen_test]
    fn groups_add_and_remove() {
        let mut f = Form::default();
        for i in 0..20 {
            assert_eq!(f.add_item("Tag", Some(20)), Some(i));
            f.set(Slot::at("Tag.N.Key", i), &format!("k{i}"));
        }
        assert_eq!(f.add_item("Tag", Some(20)), None, "at most 20 tags");
        f.remove_item("Tag", 1);
        assert_eq!(f.items("Tag"), 19);
        assert_eq!(f.get(Slot::at("Tag.N.Key", 1)), "k2", "later items move up");
        for _ in 0..19 {
            f.remove_item("Tag", 0);
        }
        assert_eq!(f.items("Tag"), 0);
        assert!(f.groups.is_empty());

        let touched: Touched =
            [Slot::at("Tag.N.Key", 0), Slot::at("Tag.N.Key", 1), Slot::at("Tag.N.Value", 2), Slot::top("ImageName")]
                .into();
        let after = touched_after_removal(&touched, "Tag", 1);
        assert_eq!(after, [Slot::at("Tag.N.Key", 0), Slot::at("Tag.N.Value", 1), Slot::top("ImageName")].into());
        assert!(is_touched(&after, Slot::top("Tag")));
        assert!(is_touched(&after, Slot::at("Tag.N.Value", 1)));
        assert!(!is_touched(&after, Slot::at("Tag.N.Key", 1)));
        let jd: Touched = [Slot::at("dataDisks[].cloudDiskSpec.charge.chargeMode", 1)].into();
        assert!(is_touched(&jd, Slot::at("dataDisks[].cloudDiskSpec", 1)));
        assert!(!is_touched(&jd, Slot::at("dataDisks[].cloudDiskSpec", 0)));
    }

    #[wasm_bindgen_test]
    fn forms_come_from_the_rule_tables() {
        for p in Provider::ALL {
            let shown: Vec<&str> = children(p, "").map(|r| r.path).collect();
            assert!(!shown.is_empty());
            for r in table(p) {
                if r.common && !is_signer_field(p, r.path) {
                    assert!(!shown.contains(&r.path), "{p}: common {} shown", r.path);
                }
            }
        }
        let ali: Vec<&str> = children(Provider::Aliyun, "").map(|r| r.path).collect();
        assert!(ali.contains(&"DiskDeviceMapping") && ali.contains(&"Tag") && ali.contains(&"ImageName"));
        let jd_disk: Vec<&str> = children(Provider::JdCloud, "dataDisks[].cloudDiskSpec").map(|r| r.path).collect();
        assert!(jd_disk.contains(&"dataDisks[].cloudDiskSpec.charge"));
        assert!(is_deprecated(rule(Provider::Aliyun, "Tag.N.key").unwrap()));
        assert!(!is_deprecated(rule(Provider::Aliyun, "Tag.N.Key").unwrap()));
        // Tencent's Region is a common parameter the form asks for, with the source.
        assert!(children(Provider::Tencent, "").any(|r| r.path == "Region"));
        assert_eq!(sources(Provider::Aliyun), ["InstanceId", "DiskDeviceMapping", "SnapshotId"]);
        assert!(sources(Provider::Zenlayer).is_empty());
        for p in Provider::ALL {
            for path in source_fields(p) {
                assert!(rule(p, path).is_some_and(|r| in_form(p, r)), "{p}: {path}");
            }
        }
        for p in Provider::ALL {
            for &(path, _) in p.console().offers {
                assert!(rule(p, path).is_some_and(|r| in_form(p, r)), "{p}: {path} offered");
            }
        }
        assert_eq!(region_field(Provider::JdCloud), Some("regionId"));
        assert_eq!(region_field(Provider::Zenlayer), None);
        let mut f = Form::new(Provider::Aliyun);
        assert_eq!(chosen_source(Provider::Aliyun, &f), 0);
        f.set(Slot::top("SnapshotId"), "s-1");
        assert_eq!(chosen_source(Provider::Aliyun, &f), 2);
    }

    #[wasm_bindgen_test]
    fn draft_round_trip_keeps_no_key() {
        let mut draft = Draft { provider: Some("jdcloud".into()), ..Draft::default() };
        let mut form = Form::new(Provider::JdCloud);
        form.set(Slot::top("name"), "web-01");
        form.add_item("dataDisks", None);
        form.set(Slot::at("dataDisks[].deviceName", 0), "vdb");
        draft.forms.insert("jdcloud".into(), form.clone());
        draft.endpoints.insert("jdcloud".into(), Mode::Relay);
        let text = draft.to_json();
        let back = Draft::from_json(&text);
        assert_eq!(back, draft);
        assert_eq!(back.provider(), Some(Provider::JdCloud));
        assert_eq!(back.form(Provider::JdCloud), form);
        assert_eq!(back.endpoint(Provider::JdCloud), Mode::Relay);
        assert_eq!(back.endpoint(Provider::Aliyun), Mode::Sandbox);
        assert_eq!(back.form(Provider::Tencent), Form::new(Provider::Tencent));
        assert_eq!(Draft::from_json("not json"), Draft::default());
        assert!(!text.contains("secret"));
    }

    #[wasm_bindgen_test]
    fn keys_are_remembered_on_request_and_never_print() {
        assert!(Keys::sandbox(Provider::Zenlayer).is_complete());
        let mine = Keys { access_key_id: "AK".into(), secret: "s3cr3t".into(), remember: true };
        assert!(!format!("{mine:?}").contains("s3cr3t"));

        let mut remembered = Remembered::default();
        remembered.update(Provider::Zenlayer, &mine);
        let back = Remembered::from_json(&remembered.to_json());
        assert_eq!(back.keys(Provider::Zenlayer), Some(mine.clone()));
        assert!(!format!("{back:?}").contains("s3cr3t"));
        remembered.update(Provider::Zenlayer, &Keys { remember: false, ..mine });
        assert_eq!(remembered.keys(Provider::Zenlayer), None);
    }

    #[wasm_bindgen_test]
    fn history_serializes_newest_first() {
        let mut h = History::default();
        for i in 0..(History::MAX + 5) {
            h.push(HistoryEntry {
                time_ms: i as f64,
                provider: "tencent".into(),
                endpoint: Mode::Sandbox,
                request_id: Some(format!("r{i}")),
                image_id: None,
                error_code: (i % 2 == 1).then(|| "4000".to_owned()),
                http_status: Some(200),
            });
        }
        assert_eq!(h.0.len(), History::MAX);
        assert_eq!(h.0[0].request_id.as_deref(), Some("r204"));
        h.set_image_id("r204", "img-1");
        assert_eq!(h.0[0].result(), "img-1");
        assert_eq!(h.0[1].result(), "4000");
        let text = h.to_json();
        assert!(
            text.starts_with(
                r#"[{"timeMs":204.0,"provider":"tencent","endpoint":"sandbox","requestId":"r204","imageId":"img-1""#
            ),
            "{text}"
        );
        assert_eq!(History::from_json(&text), h);
        assert_eq!(History::from_json("{oops"), History::default());
    }
}
