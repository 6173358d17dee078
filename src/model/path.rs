//! The path grammar: where one value lives ([`Slot`]), the issue paths the validator reports and
//! the element ids of the DOM contract.

use createimage_validator::{Provider, meta};

/// The repeatable group a table path repeats with: `Tag` for `Tag.N.Key`, `dataDisks` for
/// `dataDisks[].cloudDiskSpec.iops`.
pub fn group_of(path: &str) -> Option<&str> {
    if let Some(at) = path.find("[]") {
        return Some(&path[..at]);
    }
    path.find(".N.").or_else(|| path.strip_suffix(".N").map(str::len)).map(|at| &path[..at])
}

/// The path of a group member inside its item: `Key` for `Tag.N.Key`, `cloudDiskSpec.iops` for
/// `dataDisks[].cloudDiskSpec.iops`, `Key` for `TagSpecification[].Tags[].Key` (its own group's).
pub fn member_path(path: &str) -> &str {
    if let Some(at) = path.rfind("[].") {
        return &path[at + 3..];
    }
    path.find(".N.").map_or(path, |at| &path[at + 3..])
}

/// Whether `path` lies in a group inside an item of another group
/// (`TagSpecification[].Tags[].Key`): its slots' items carry both numbers ([`meta::nest`]).
pub fn is_nested(path: &str) -> bool {
    path.matches("[]").count() >= 2
}

/// The key a group's items are kept under in a [`Form`]: the group's path (`Tag`), or for a group
/// inside item `outer` of another, its issue path (`TagSpecification[0].Tags`).
pub fn group_key(group: &'static str, outer: Option<usize>) -> String {
    match outer {
        Some(o) => meta::issue_path(group, Some(u32::try_from(o).unwrap_or(u32::MAX))),
        None => group.to_owned(),
    }
}

/// The (outer, inner) item numbers of a nested slot's item.
fn unnest(item: usize) -> (Option<usize>, usize) {
    let (outer, inner) = meta::unnest(u32::try_from(item).unwrap_or(u32::MAX));
    (outer.map(|o| o as usize), inner as usize)
}

/// The item number of a slot of item `inner` of the group inside item `outer`.
pub fn nest(outer: Option<usize>, inner: usize) -> usize {
    let (o, i) = (outer.map(|o| u32::try_from(o).unwrap_or(u32::MAX)), u32::try_from(inner).unwrap_or(u32::MAX));
    meta::nest(o, i).map_or(usize::MAX, |n| n as usize)
}

/// The group (by its [`group_key`]) and the item `slot` lies in: `("Tag", 1)`; a list's value
/// `("SnapshotIds", 0)`; `("TagSpecification[0].Tags", 1)`. `None` outside any group.
pub fn place(slot: Slot) -> Option<(String, usize)> {
    let item = slot.item?;
    if is_nested(slot.path) {
        let inner_group = &slot.path[..slot.path.rfind("[]")?];
        let (outer, inner) = unnest(item);
        let key = meta::issue_path(inner_group, Some(u32::try_from(outer?).ok()?));
        return Some((key, inner));
    }
    Some((group_of(slot.path).unwrap_or(slot.path).to_owned(), item))
}

/// The groups `slot` lies in, outermost first, each with the slot's item in it:
/// `[("Tag", 1)]`, `[("SnapshotIds", 0)]`, `[("TagSpecification", 0), ("TagSpecification[].Tags", 1)]`.
pub fn items_of(slot: Slot) -> Vec<(&'static str, usize)> {
    let Some(item) = slot.item else { return Vec::new() };
    let Some(outer) = group_of(slot.path) else { return vec![(slot.path, item)] };
    match slot.path.rfind("[]").filter(|_| is_nested(slot.path)) {
        Some(at) => match unnest(item) {
            (Some(o), i) => vec![(outer, o), (&slot.path[..at], i)],
            (None, i) => vec![(&slot.path[..at], i)],
        },
        None => vec![(outer, item)],
    }
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
        // A group inside an item holds its items' slots, which carry the outer item's number too.
        let same_item = match (self.item, other.item) {
            (Some(o), Some(n)) if is_nested(other.path) && !is_nested(self.path) => unnest(n).0 == Some(o),
            (mine, theirs) => mine.is_none() || mine == theirs,
        };
        inside && same_item
    }

    /// The same slot after item `removed` of `group` went away: `None` for a slot of that item.
    /// `group` is a [`group_key`].
    pub fn after_removal(self, group: &str, removed: usize) -> Option<Slot> {
        let Some(item) = self.item else { return Some(self) };
        // The item's own number in `group`, and how to write the slot's item with another one.
        let (number, renumber): (usize, Box<dyn Fn(usize) -> usize>) = match place(self) {
            Some((key, i)) if key == group => {
                let outer = is_nested(self.path).then(|| unnest(item).0).flatten();
                (i, Box::new(move |n| if is_nested(self.path) { nest(outer, n) } else { n }))
            }
            // A slot inside an item of the outer group.
            _ if is_nested(self.path) && group_of(self.path) == Some(group) => match unnest(item) {
                (Some(o), i) => (o, Box::new(move |n| nest(Some(n), i))),
                (None, _) => return Some(self),
            },
            _ => return Some(self),
        };
        match number.cmp(&removed) {
            std::cmp::Ordering::Less => Some(self),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(Slot { item: Some(renumber(number - 1)), ..self }),
        }
    }
}

/// The number of the first item in `provider`'s issue paths: 1 for Alibaba's `Tag.1`, 0 for JD's `[0]`.
pub fn first_index(provider: Provider) -> usize {
    usize::from(provider.spec().flat_form)
}

/// The path issues about `slot` carry: `Tag.2.Key`, `dataDisks[0].cloudDiskSpec.iops`.
pub fn issue_path(provider: Provider, slot: Slot) -> String {
    let index = slot.item.map(|i| u32::try_from(i + first_index(provider)).unwrap_or(u32::MAX));
    meta::issue_path(slot.path, index)
}

/// The slot an issue path names, if the table has such a field.
pub fn slot_of(provider: Provider, path: &str) -> Option<Slot> {
    let (pattern, index) = meta::field_at(provider, path)?;
    let first = first_index(provider);
    let item = match index {
        Some(i) => Some(usize::try_from(i).ok()?.checked_sub(first)?),
        None => None,
    };
    Some(Slot { path: pattern, item })
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
