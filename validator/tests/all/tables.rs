//! Invariants over every provider's rule table, bad input that must get an answer rather than a
//! panic, and the pinned JSON shape of a report. Runs natively and in headless Chromium.

use createimage_validator::catalog::{self, KnownCode};
use createimage_validator::testing::{Check, Cross, parent_of};
use createimage_validator::{InputError, Lang, Options, Provider, ValueType, validate_json, validate_value};
use serde_json::json;

fn has_row(code: KnownCode) -> bool {
    catalog::entries(code.provider()).iter().any(|e| e.code == code)
}

fn cross_fields(rule: &Cross) -> Vec<&'static str> {
    match *rule {
        Cross::AnyOf { fields, .. } | Cross::Priority { order: fields } => fields.to_vec(),
        Cross::RequiredUnless { field, unless, .. } => vec![field, unless],
        Cross::RequiredWhen { field, other, .. }
        | Cross::IneffectiveUnless { field, other, .. }
        | Cross::Requires { field, other, .. } => {
            vec![field, other]
        }
        Cross::RangeBy { field, selector, .. } => vec![field, selector],
        Cross::Unique { field, .. } => vec![field],
        Cross::Deprecated { field, replacement } => vec![field, replacement],
        Cross::Custom { .. } => vec![],
    }
}

fn cross_codes(rule: &Cross) -> Vec<KnownCode> {
    match *rule {
        Cross::AnyOf { code, all_empty: None, .. }
        | Cross::RequiredUnless { code, .. }
        | Cross::RequiredWhen { code, .. }
        | Cross::Requires { code, .. }
        | Cross::RangeBy { code, .. }
        | Cross::Unique { code, .. } => vec![code],
        Cross::AnyOf { code, all_empty: Some(empty), .. } => vec![code, empty],
        _ => vec![],
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_table_is_well_formed() {
    for p in Provider::ALL {
        let s = p.spec();
        assert_eq!(s.provider, p);
        assert!(has_row(s.generic) && has_row(s.missing), "{p}: generic/missing code without a catalog row");
        for (i, f) in s.fields.iter().enumerate() {
            let at = format!("{p} {}", f.path);
            assert!(s.fields[..i].iter().all(|g| g.path != f.path), "{at}: duplicate path");
            assert!(has_row(f.code), "{at}: code {} has no catalog row", f.code);
            assert_eq!(f.code.provider(), p, "{at}: another provider's code");
            if let Some(m) = f.missing_code {
                assert!(has_row(m), "{at}: missing code");
            }
            if let Some(hint) = f.row_hint {
                assert!(
                    catalog::entries(p).iter().any(|e| e.code == f.code && e.message.contains(hint)),
                    "{at}: row hint {hint:?} matches no row"
                );
            }
            let parent = parent_of(f.path);
            if !parent.is_empty() {
                let pf = s.field(parent).unwrap_or_else(|| panic!("{at}: parent {parent} is not a field"));
                assert!(matches!(pf.ty, ValueType::Array | ValueType::Object), "{at}: parent is not a container");
            }
            assert!(!f.source.is_empty(), "{at}: no source");
            if !f.common {
                assert!(!f.label.en.is_empty() && !f.label.zh.is_empty(), "{at}: label");
            }
            for c in f.checks {
                match *c {
                    Check::Length { min, max, .. } => {
                        assert!(min <= max && max > 0, "{at}: length {min}..{max}")
                    }
                    Check::Range { min, max, step } => {
                        assert!(min <= max && step >= 1, "{at}: range")
                    }
                    Check::OneOf { values } => {
                        assert!(!values.is_empty(), "{at}: empty enumeration");
                        assert!(f.ty == ValueType::String);
                    }
                    Check::Chars { allowed } | Check::FirstChar { allowed } => {
                        assert!(
                            allowed.classes.iter().all(|k| k.token() != "?"),
                            "{at}: a character class without a token"
                        );
                    }
                    Check::Device { range } => {
                        assert!(!range.is_empty(), "{at}: empty device range")
                    }
                    Check::DocsDisagree { char, .. } => {
                        // The disputed character must be accepted by the field's own character set.
                        let chars = f.checks.iter().find_map(|c| match c {
                            Check::Chars { allowed } => Some(*allowed),
                            _ => None,
                        });
                        assert!(chars.is_none_or(|a| a.allows(char)), "{at}: disputed {char:?} rejected");
                    }
                    _ => {}
                }
            }
        }
        for rule in s.cross {
            for path in cross_fields(rule) {
                assert!(s.field(path).is_some(), "{p}: cross rule names unknown field {path}");
            }
            for code in cross_codes(rule) {
                assert!(has_row(code) && code.provider() == p, "{p}: cross rule code {code}");
            }
            if let Cross::RangeBy { cases, fallback, .. } = rule {
                for (_, r) in cases.iter().chain([&("", *fallback)]) {
                    assert!(r.min <= r.max && r.step >= 1, "{p}: bad range");
                }
            }
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn bad_input_gets_an_answer() {
    let p = Provider::Zenlayer;
    let o = Options::default();
    assert!(matches!(validate_json(p, b"", o), Err(InputError::NotJson(_))));
    assert!(matches!(validate_json(p, b"{\"a\":", o), Err(InputError::NotJson(_))));
    assert!(matches!(validate_json(p, b"[1,2]", o), Err(InputError::NotObject("array"))));
    assert!(matches!(validate_json(p, b"\"x\"", o), Err(InputError::NotObject("string"))));
    assert!(matches!(validate_json(p, b"{\"imageName\":\"\xff\xfe\"}", o), Err(InputError::NotJson(_))));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(validate_json(p, deep.as_bytes(), o), Err(InputError::NotJson(_))));
    let deep_field = format!("{{\"imageName\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(validate_json(p, deep_field.as_bytes(), o), Err(InputError::NotJson(_))));

    // A megabyte in every field of every provider: an answer, with clipped echoes.
    let big = "中".repeat(1 << 20);
    for provider in Provider::ALL {
        let mut req = serde_json::Map::new();
        for f in provider.spec().fields.iter().filter(|f| !f.path.contains(['.', '['])) {
            req.insert(f.path.to_owned(), json!(big));
        }
        req.insert(big.clone(), json!(big));
        let report = validate_value(provider, &serde_json::Value::Object(req), o).unwrap();
        assert!(!report.valid);
        let json = report.to_json();
        assert!(json.len() < 64 * 1024, "{provider}: report of {} bytes echoes the input", json.len());
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn report_json_shape_is_pinned() {
    let r =
        validate_json(Provider::Tencent, br#"{"instanceId":"ins-1","imageName":"a_b"}"#, Options::default()).unwrap();
    assert_eq!(
        r.to_json(),
        r#"{"provider":"tencent","valid":false,"issues":[{"field":"imageName","code":"4000","severity":"error","httpStatus":200,"message":"character 2 (\"_\") is not allowed; only letters, digits and \"-\" may be used.","kind":{"type":"invalidChar","char":"_","index":1,"allowed":["letter","digit","-"]}}]}"#
    );
    let r = validate_json(
        Provider::Zenlayer,
        br#"{"instanceId":"i","imageName":"web.01"}"#,
        Options { lang: Lang::Zh, strict: false },
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["issues"][0]["severity"], "warning");
    assert_eq!(v["issues"][0]["kind"]["type"], "docsDisagree");
    assert!(v["issues"][0]["message"].as_str().unwrap().contains("不允许"));
    let strict = validate_json(
        Provider::Zenlayer,
        br#"{"instanceId":"i","imageName":"web.01"}"#,
        Options { lang: Lang::En, strict: true },
    )
    .unwrap();
    assert!(!strict.valid);
    assert_eq!(strict.issues[0].severity, createimage_validator::Severity::Error);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn messages_exist_in_both_languages() {
    let requests = [
        (
            Provider::Aliyun,
            json!({"ImageName": "1", "Tag": [{"Value": "v", "key": "k"}], "DiskDeviceMapping.1.Device": "/dev/sda"}),
        ),
        (
            Provider::JdCloud,
            json!({"name": "a b", "dataDisks": [{"noDevice": 1, "cloudDiskSpec": {"iops": 5, "charge": {"buyScenario": "!"}}}]}),
        ),
        (Provider::Tencent, json!({"imageName": rep(), "imageDescription": "\u{20000}"})),
    ];
    fn rep() -> String {
        "x".repeat(17)
    }
    for (p, req) in requests {
        let en = validate_value(p, &req, Options { lang: Lang::En, strict: false }).unwrap();
        let zh = validate_value(p, &req, Options { lang: Lang::Zh, strict: false }).unwrap();
        assert_eq!(en.issues.len(), zh.issues.len());
        for (e, z) in en.issues.iter().zip(&zh.issues) {
            assert_eq!(e.kind, z.kind);
            assert!(e.message.is_ascii() || e.message.contains('"'), "{p}: {}", e.message);
            assert!(
                z.message.chars().any(createimage_validator::testing::is_han),
                "{p}: zh message without Chinese: {}",
                z.message
            );
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn open_ranges_and_null_read_naturally() {
    let req = json!({"regionId": "r", "instanceId": "i", "name": "ab", "dataDisks": [{"cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 40, "iops": -10}}]});
    let en = validate_value(Provider::JdCloud, &req, Options::default()).unwrap();
    assert_eq!(en.issues[0].message, "must be at least 0 (is -10).");
    let zh = validate_value(Provider::JdCloud, &req, Options { lang: Lang::Zh, strict: false }).unwrap();
    assert_eq!(zh.issues[0].message, "不能小于 0，当前 -10。");
    let null = validate_json(Provider::Zenlayer, b"null", Options::default()).unwrap_err();
    assert_eq!(null.to_string(), "the request must be a JSON object, not null");
}
