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
