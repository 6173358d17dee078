//! Code that exists only to meet a size or speed budget: the npm package's validate module loads at
//! most 60 KB gzip, the console's first load at most 250 KB gzip. Each piece replaces something a
//! reader would expect (a crate, the standard library's generic code) and is held equal to it by a
//! test; docs/size.md says what each saves, as measured, and which test holds it. The domain is
//! elsewhere: start with `rule`, `providers`, `validate` and `wire`.
//!
//! - [`json`]: the JSON reader (and the writer the report's JSON uses), in place of `serde_json::Value`.
//! - [`order`]: one compiled sort for every list, in place of `slice::sort_by` per type.
//! - [`base64_text`]: a Base64 reader, in place of the `base64` crate's decoder.
//! - `report_json`: the report's JSON written by hand, in place of serde_json's serializer.
//! - `path_table`: fields found by path through a hash table, in place of a binary search.
//!
//! Elsewhere, for the same budgets: the validator's feature `text` (Cargo.toml), `lol_alloc` and the
//! options read by hand in the npm package's facade (validator-js/), and in the console its
//! feature `split` (src/lazy.rs), `src/dict.rs` and Leptos's `erase_components` (.cargo/config.toml).

pub mod base64_text;
pub mod json;
pub mod order;
mod path_table;
mod report_json;

pub(crate) use path_table::PathTable;
