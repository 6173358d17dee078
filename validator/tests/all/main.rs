//! The validator's integration tests, one binary: one build and one link instead of one per file.
//! Runs natively and, with `scripts/test.sh wasm_validator`, in headless Chromium (the property
//! tests, which need proptest, only natively). Data: `../data/` (the providers' pages the
//! catalogs are checked against), `../vectors/` (official signing vectors, with their sources).
// meta_schema's json! literals nest deeper than the default limit.
#![recursion_limit = "256"]

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

// The rule tests' cases (each limit and limit + 1) and their export as data for the JS package.
mod common;

// Rules: boundary cases per provider, each with its exact field, code and kind.
mod rules_aliyun;
mod rules_jdcloud;
mod rules_tencent3;
mod rules_zenlayer_tencent;

// Tables and catalogs: invariants over every rule table, the catalogs against the providers' pages.
mod catalog;
mod tables;

// What the JS package and the console read: rules(), json_schema(), providers(), validate_field().
mod meta_schema;

// The JSON reader against serde_json on generated text.
mod json_properties;

// The wire: official vectors, exact requests, properties over generated requests, secrets kept.
mod secrets;
mod signing_vectors;
mod tencent3;
mod wire_properties;
mod wire_requests;
