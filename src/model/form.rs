//! What was typed into one provider's form, and the request JSON it makes.

use super::*;

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

    /// The text at `slot` (`""` when none). An item of a list of plain values is its own group.
    pub fn get(&self, slot: Slot) -> &str {
        let map = match place(slot) {
            Some((group, i)) => self.groups.get(&group).and_then(|items| items.get(i)),
            None => Some(&self.fields),
        };
        map.and_then(|m| m.get(slot.path)).map_or("", String::as_str)
    }

    /// Sets the text at `slot`; an empty text removes the value. A slot of a missing item is ignored.
    pub fn set(&mut self, slot: Slot, text: &str) {
        let map = match place(slot) {
            Some((group, i)) => match self.groups.get_mut(&group).and_then(|items| items.get_mut(i)) {
                Some(item) => item,
                None => return,
            },
            None => &mut self.fields,
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

    /// Removes item `item` of `group` (a [`group_key`]); the later items move up one, with the
    /// groups inside them (`TagSpecification[2].Tags` becomes `TagSpecification[1].Tags`).
    pub fn remove_item(&mut self, group: &str, item: usize) {
        if let Some(items) = self.groups.get_mut(group) {
            if item < items.len() {
                items.remove(item);
            }
            if items.is_empty() {
                self.groups.remove(group);
            }
        }
        let prefix = format!("{group}[");
        let inner: Vec<(String, usize, String)> = self
            .groups
            .keys()
            .filter_map(|k| {
                let (n, rest) = k.strip_prefix(&prefix)?.split_once(']')?;
                Some((k.clone(), n.parse().ok()?, rest.to_owned()))
            })
            .collect();
        for (key, n, rest) in inner {
            let items = self.groups.remove(&key).unwrap_or_default();
            if n > item {
                self.groups.insert(format!("{prefix}{}]{rest}", n - 1), items);
            } else if n < item {
                self.groups.insert(key, items);
            }
        }
    }

    /// The request JSON this form makes for `provider`: typed values (integers as numbers,
    /// checked boxes as `true`), groups as arrays of objects (nested members as nested objects),
    /// lists as arrays of values (empty items left out),
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
                if let Some(ty) = r.items {
                    let values: Vec<Value> = items
                        .iter()
                        .filter_map(|item| typed(ty, item.get(r.path).map_or("", String::as_str)))
                        .collect();
                    root.insert(r.key.to_owned(), Value::Array(values));
                    continue;
                }
                let members: Vec<&FieldRule> =
                    rules.iter().filter(|m| m.group == Some(r.path) && is_scalar(m.ty)).collect();
                let inner: Vec<&FieldRule> =
                    rules.iter().filter(|m| m.group == Some(r.path) && m.ty == ValueType::Array).collect();
                let array = items
                    .iter()
                    .enumerate()
                    .map(|(at, item)| {
                        let mut object = self.object(&members, item);
                        for g in &inner {
                            let Some(items) = self.groups.get(&group_key(g.path, Some(at))).filter(|i| !i.is_empty())
                            else {
                                continue;
                            };
                            let members: Vec<&FieldRule> =
                                rules.iter().filter(|m| m.group == Some(g.path) && is_scalar(m.ty)).collect();
                            let array = items.iter().map(|item| Value::Object(self.object(&members, item))).collect();
                            insert_path(&mut object, member_path(g.path), Value::Array(array));
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

impl Form {
    /// One item of a group as an object: its `members`' typed values at their paths inside it.
    fn object(&self, members: &[&FieldRule], item: &Dict<String>) -> Map<String, Value> {
        let mut object = Map::new();
        for m in members {
            if let Some(v) = typed(m.ty, item.get(m.path).map_or("", String::as_str)) {
                insert_path(&mut object, member_path(m.path), v);
            }
        }
        object
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
