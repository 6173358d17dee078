//! Finding a field by its path in a rule table: an open-addressing hash table instead of a binary
//! search, for speed and worst cases in the npm package's validate module (docs/size.md).
//! `rule::tests::every_path_finds_its_field_and_no_other_path_finds_one` holds it.

use crate::rule::Field;

/// An open-addressing table of field indices keyed by path, hashed on the path's length and its
/// first and last bytes. The rules look paths up many times per request; a binary search compared
/// whole paths, which share long prefixes (`dataDisks[].cloudDiskSpec.`), byte by byte in wasm.
#[derive(Debug)]
pub(crate) struct PathTable;

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
    pub(crate) fn build(fields: &[Field]) -> Vec<u32> {
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

    pub(crate) fn find(slots: &[u32], fields: &[Field], path: &str) -> Option<usize> {
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
