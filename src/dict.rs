//! A small map from text keys, kept as a sorted list: the console's forms and drafts hold a few
//! dozen entries at most, and one `Vec` per value type is far less WebAssembly than a `BTreeMap`
//! (insert, remove, rebalance, drop and clone are compiled per key and value type). Stored as a
//! JSON object, exactly as a `BTreeMap` was, so drafts saved before still load.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// Entries sorted by key, each key once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dict<V>(Vec<(String, V)>);

impl<V> Default for Dict<V> {
    fn default() -> Self {
        Dict(Vec::new())
    }
}

impl<V> Dict<V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.find(key).ok().map(|at| &mut self.0[at].1)
    }

    /// Sets `key` to `value`; the value it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|at| self.0.remove(at).1)
    }

    /// The value at `key`, inserted by `make` when there is none.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let at = match self.find(key) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (key.to_owned(), make()));
                at
            }
        };
        &mut self.0[at].1
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V: Serialize> Serialize for Dict<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Dict<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = Dict<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Dict<V>, A::Error> {
                // A key given twice keeps its last value, as a `BTreeMap` did.
                let mut dict = Dict::new();
                while let Some((k, v)) = access.next_entry::<String, V>()? {
                    dict.insert(k, v);
                }
                Ok(dict)
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn stored_as_the_btreemap_it_replaces() {
        // Drafts saved by the console before this type read back the same, and write the same text.
        let text = r#"{"b":"2","a":"1","c":"3","a":"last"}"#;
        let ours: Dict<String> = serde_json::from_str(text).unwrap();
        let theirs: BTreeMap<String, String> = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&theirs).unwrap());
        assert_eq!(ours.get("a").map(String::as_str), Some("last"));
        assert!(serde_json::from_str::<Dict<String>>("[1]").is_err());
    }

    #[wasm_bindgen_test]
    fn keeps_keys_sorted_and_unique() {
        let mut d = Dict::new();
        for (k, v) in [("m", 1), ("b", 2), ("x", 3), ("b", 4)] {
            d.insert(k.to_owned(), v);
        }
        assert_eq!(d.keys().map(String::as_str).collect::<Vec<_>>(), ["b", "m", "x"]);
        assert_eq!(d.get("b"), Some(&4));
        assert_eq!(d.remove("m"), Some(1));
        assert_eq!(d.remove("m"), None);
        *d.get_or_insert_with("a", || 0) += 5;
        *d.get_or_insert_with("a", || 100) += 1;
        assert_eq!(d.0, [("a".to_owned(), 6), ("b".to_owned(), 4), ("x".to_owned(), 3)]);
        assert!(!d.is_empty());
    }
}
