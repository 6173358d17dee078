//! The fields a user touched, which decides whose messages show.

use super::Slot;

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
