//! Sorting through one compiled sort. The standard library's sort is compiled once per element
//! type and comparison; the crate and the console sort a dozen kinds of lists (signing
//! parameters, headers, findings, catalog rows), all short. Here only a permutation of indices is
//! sorted, behind `dyn`, so one instance serves them all; what is generic is a little swapping.
//! What it saves: docs/size.md.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (equal items keep their order).
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = permutation(items.len(), &|a, b| cmp(&items[a], &items[b]));
    apply(items, order);
}

/// Sorts `items` by the key `key` gives, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The indices `0..len` in the order `cmp` gives them, ties in index order (so stable): the one
/// sort that is compiled. Unstable, because with the index as the last key no two indices are equal
/// and the unstable sort is the smaller code.
fn permutation(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// Moves the item at `order[i]` to position `i`, cycle by cycle, with swaps only.
fn apply<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Every permutation of a list with ties, compared with `slice::sort_by_key`.
        let base = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        let mut seen = 0;
        let mut items = base.to_vec();
        permute_all(&mut items, 0, &mut |v| {
            let mut ours = v.to_vec();
            let mut theirs = v.to_vec();
            sort_by_key(&mut ours, |p| p.0);
            theirs.sort_by_key(|p| p.0);
            assert_eq!(ours, theirs, "input {v:?}");
            seen += 1;
        });
        assert_eq!(seen, 720);
    }

    type Item = (i32, char);

    fn permute_all(v: &mut Vec<Item>, k: usize, f: &mut dyn FnMut(&[Item])) {
        if k == v.len() {
            return f(v);
        }
        for i in k..v.len() {
            v.swap(k, i);
            permute_all(v, k + 1, f);
            v.swap(k, i);
        }
    }

    #[test]
    fn empty_single_and_reversed() {
        let mut none: Vec<u8> = vec![];
        sort(&mut none);
        assert!(none.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut many: Vec<u32> = (0..500).rev().collect();
        sort(&mut many);
        assert_eq!(many, (0..500).collect::<Vec<_>>());
    }
}
