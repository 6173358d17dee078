//! Shared by the rule tests: a case is a request and the exact issues it must produce.

#![allow(dead_code)]

use createimage_validator::{Options, Provider, Severity, validate_value};
use serde_json::Value;

pub const E: Severity = Severity::Error;
pub const W: Severity = Severity::Warning;

/// One expected issue: severity, field path, provider code, kind type.
pub type Want = (Severity, &'static str, &'static str, &'static str);

pub struct Case {
    pub name: String,
    pub request: Value,
    pub want: Vec<Want>,
}

pub fn case(name: impl Into<String>, request: Value, want: &[Want]) -> Case {
    Case { name: name.into(), request, want: want.to_vec() }
}

/// `base` with `key` set to `value` (top level).
pub fn with(base: &Value, key: &str, value: Value) -> Value {
    let mut v = base.clone();
    v.as_object_mut().unwrap().insert(key.to_owned(), value);
    v
}

pub fn without(base: &Value, key: &str) -> Value {
    let mut v = base.clone();
    v.as_object_mut().unwrap().remove(key);
    v
}

pub fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// Runs every case; on failure lists every case that failed with what it got.
pub fn run(provider: Provider, cases: &[Case]) {
    export(provider, cases);
    let mut failures = Vec::new();
    for c in cases {
        let report = validate_value(provider, &c.request, Options::default()).expect("object request");
        let mut got: Vec<(Severity, String, String, String)> = report
            .issues
            .iter()
            .map(|i| {
                let kind = serde_json::to_value(&i.kind).unwrap();
                (i.severity, i.field.clone(), i.code.as_str().to_owned(), kind["type"].as_str().unwrap().to_owned())
            })
            .collect();
        let mut want: Vec<(Severity, String, String, String)> =
            c.want.iter().map(|&(s, f, code, k)| (s, f.to_owned(), code.to_owned(), k.to_owned())).collect();
        got.sort();
        want.sort();
        let valid = !c.want.iter().any(|w| w.0 == Severity::Error);
        if got != want || report.valid != valid {
            failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", c.name));
        }
        for i in &report.issues {
            assert!(!i.message.is_empty(), "{}: empty message", c.name);
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// With `CREATEIMAGE_EXPORT_CASES=DIR`, writes the cases of this `run` to `DIR` as JSON, one file
/// per call: the JS package's tests (`tests/js`) run the very same requests and expectations.
#[cfg(not(target_arch = "wasm32"))]
fn export(provider: Provider, cases: &[Case]) {
    let Some(dir) = std::env::var_os("CREATEIMAGE_EXPORT_CASES") else {
        return;
    };
    let cases: Vec<Value> = cases
        .iter()
        .map(|c| {
            let want: Vec<Value> = c
                .want
                .iter()
                .map(|&(severity, field, code, kind)| {
                    serde_json::json!({"severity": severity, "field": field, "code": code, "kind": kind})
                })
                .collect();
            serde_json::json!({"name": c.name, "request": c.request, "want": want})
        })
        .collect();
    let first = cases.first().and_then(|c| c["name"].as_str()).unwrap_or("empty");
    let slug: String = first.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let path = std::path::Path::new(&dir).join(format!("{provider}-{slug}.json"));
    let json = serde_json::json!({"provider": provider, "cases": cases});
    std::fs::create_dir_all(&dir).expect("create the export directory");
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).expect("write the exported cases");
}

#[cfg(target_arch = "wasm32")]
fn export(_: Provider, _: &[Case]) {}
