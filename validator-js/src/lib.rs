//! The wasm-bindgen facade of the npm package `createimage-validator`: parse the arguments, call
//! `createimage-validator`, serialize the answer; nothing else. The package ships two modules: the
//! main one, with the whole API (the default feature `meta`: [`validate`] and [`meta`]), and the
//! one behind `createimage-validator/validate` ([`validate`] alone, built with
//! `--no-default-features`, so without the validator's feature `text`), so that an app that only
//! validates loads no labels, hints, catalog meanings or schema code.
//!
//! JSON text crosses the boundary both ways. A request object is turned into text by the engine's
//! own `JSON.stringify` and parsed by `validate_json`, exactly as `createimage check` parses a
//! file; answers are written as JSON text (the bytes `check --json` prints: the validate module's
//! own writer, serde_json in the meta module) and become plain objects through `JSON.parse`.
//! Why not `serde_wasm_bindgen`: a report may carry an integer beyond 2^53 (JD's iops `OutOfRange { max: i64::MAX }`, or the echo of a huge number), which its
//! `json_compatible()` serializer refuses with an error, where `JSON.parse` rounds it as any JS
//! number would (`validateJson` keeps the exact text); and one string each way costs one boundary
//! crossing instead of one per property.

use createimage_validator::{Provider, UnknownProvider};
use wasm_bindgen::prelude::*;

/// A free-list allocator instead of Rust's default dlmalloc, smaller in the validate module,
/// which may weigh 60 KB (docs/size.md). Measured with tests/js/bench.mjs: as fast on the bench's
/// requests, memory flat over a million validations, and on 1 MB inputs within the same time.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

#[cfg(feature = "meta")]
pub mod meta;
pub mod validate;

fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

fn provider(name: &str) -> Result<Provider, JsValue> {
    name.parse().map_err(|e: UnknownProvider| error(e.to_string()))
}
