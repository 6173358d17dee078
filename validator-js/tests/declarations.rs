//! The npm package's hand-kept TypeScript declarations (`validator-js/js/index.d.ts`) against the Rust
//! types they describe: every `IssueKind` and `Cross` variant has its `type` tag in the matching
//! union, and the unions name nothing else. A new Rust variant without a TS type fails here.
//! Runs natively and in headless Chromium.

use createimage_validator::report::LengthUnit;
use createimage_validator::{IssueKind, ValueType};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const DTS: &str = include_str!("../js/index.d.ts");
const REPORT_RS: &str = include_str!("../../validator/src/report.rs");
const RULE_RS: &str = include_str!("../../validator/src/rule.rs");

/// The variant names of `pub enum NAME { … }` in Rust source, doc comments and attributes skipped.
fn variants(source: &str, name: &str) -> Vec<String> {
    let start = source.find(&format!("pub enum {name} {{")).unwrap_or_else(|| panic!("no enum {name}"));
    let body = &source[start..];
    let body = &body[body.find('{').unwrap() + 1..];
    let mut depth = 0;
    let mut out = Vec::new();
    for line in body.lines() {
        let t = line.trim();
        if depth == 0 && t.starts_with('}') {
            break;
        }
        if depth == 0 && !t.starts_with("//") && !t.starts_with('#') && !t.is_empty() {
            let ident: String = t.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if ident.starts_with(|c: char| c.is_ascii_uppercase()) {
                out.push(ident);
            }
        }
        depth += t.matches('{').count() as i32 - t.matches('}').count() as i32;
        depth += t.matches('(').count() as i32 - t.matches(')').count() as i32;
    }
    out
}

/// serde's `rename_all = "camelCase"` for a variant name.
fn camel(variant: &str) -> String {
    let mut c = variant.chars();
    c.next().map(|f| f.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default()
}

/// The `type: "…"` tags of the TS union `export type NAME = … ;`.
fn ts_tags(name: &str) -> Vec<String> {
    let start = DTS.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("no TS type {name}"));
    let body = &DTS[start..];
    let body = &body[..body.find("\n\n").unwrap()];
    body.split("type: \"").skip(1).map(|s| s[..s.find('"').unwrap()].to_owned()).collect()
}

fn check(rust: &str, enum_name: &str, ts_name: &str) {
    let mut want: Vec<String> = variants(rust, enum_name).iter().map(|v| camel(v)).collect();
    let mut have = ts_tags(ts_name);
    assert!(want.len() >= 10, "{enum_name}: parsed only {want:?}");
    want.sort();
    have.sort();
    let missing: Vec<&String> = want.iter().filter(|w| !have.contains(w)).collect();
    let extra: Vec<&String> = have.iter().filter(|h| !want.contains(h)).collect();
    assert!(missing.is_empty(), "index.d.ts {ts_name} lacks {missing:?} (variants of {enum_name})");
    assert!(extra.is_empty(), "index.d.ts {ts_name} names {extra:?}, which {enum_name} does not have");
    assert_eq!(want, have);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_issue_kind_has_its_typescript_type() {
    check(REPORT_RS, "IssueKind", "IssueKind");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_cross_rule_has_its_typescript_type() {
    check(RULE_RS, "Cross", "CrossRule");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_tag_rule_is_serdes() {
    // The camelCase rule above is serde's: checked on real values, including a variant with digits.
    let tag = |k: &IssueKind| serde_json::to_value(k).unwrap()["type"].as_str().unwrap().to_owned();
    assert_eq!(tag(&IssueKind::Utf16TooLong { max: 1, actual: 2 }), camel("Utf16TooLong"));
    assert_eq!(tag(&IssueKind::NoSystemDisk), camel("NoSystemDisk"));
    assert_eq!(tag(&IssueKind::TooLong { max: 1, actual: 2, unit: LengthUnit::Chars }), camel("TooLong"));
    assert_eq!(tag(&IssueKind::WrongType { expected: ValueType::Integer, actual: "string" }), "wrongType");
    // And the parser finds a variant that spans lines.
    assert!(variants(REPORT_RS, "IssueKind").contains(&"DocsDisagree".to_owned()));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn small_unions_match_their_enums() {
    for (rust, enum_name, ts) in [
        (REPORT_RS, "Severity", "Severity"),
        (REPORT_RS, "LengthUnit", "LengthUnit"),
        (REPORT_RS, "ValueType", "ValueType"),
        (REPORT_RS, "DocSource", "DocSource"),
    ] {
        let mut want: Vec<String> = variants(rust, enum_name)
            .iter()
            .map(|v| if enum_name == "Severity" { v.to_lowercase() } else { camel(v) })
            .collect();
        let start = DTS.find(&format!("export type {ts} =")).unwrap();
        let line = &DTS[start..start + DTS[start..].find(';').unwrap()];
        let mut have: Vec<String> = line.split('"').skip(1).step_by(2).map(str::to_owned).collect();
        want.sort();
        have.sort();
        assert_eq!(want, have, "{ts}");
    }
}
