//! The JSON shapes of `rules()`, `json_schema()`, `providers()` and `validate_field()` (what the JS
//! package returns), pinned on representative fields, and the invariants they rely on.
//! Runs natively and in headless Chromium.

use createimage_validator::meta::{self, cross_fields};
use createimage_validator::testing::Check;
use createimage_validator::{Options, Provider, json_schema, rules, validate_field, validate_value};
use serde_json::{Value, json};

fn rule(p: Provider, path: &str) -> Value {
    let r = rules(p).into_iter().find(|r| r.path == path).unwrap_or_else(|| panic!("{p} {path}"));
    serde_json::to_value(r).unwrap()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn field_rule_shape_is_pinned() {
    assert_eq!(
        rule(Provider::JdCloud, "dataDisks[].cloudDiskSpec.diskSizeGB"),
        json!({
            "path": "dataDisks[].cloudDiskSpec.diskSizeGB", "key": "diskSizeGB", "parent": "dataDisks[].cloudDiskSpec",
            "group": "dataDisks", "type": "integer", "required": false, "common": false,
            "label": {"en": "Size (GiB)", "zh": "大小（GiB）"},
            "hint": {
                "en": "Steps of 10: ssd 20–1000, premium-hdd 20–3000, ssd.gp1/ssd.io1/hdd.std1 20–16000; required without a snapshot.",
                "zh": "步长 10：ssd 为 20~1000，premium-hdd 为 20~3000，ssd.gp1、ssd.io1、hdd.std1 为 20~16000；不使用快照时必填。"
            },
            "code": "OUT_OF_RANGE", "missingCode": "OUT_OF_RANGE", "source": "seed 004, DiskSpec",
            "length": null, "chars": null, "firstChar": null, "forbiddenPrefixes": [], "forbiddenSubstrings": [],
            "asciiOnly": false, "allowed": null, "range": null,
            "rangeBy": {
                "selector": "dataDisks[].cloudDiskSpec.diskType",
                "cases": [
                    {"value": "ssd", "min": 20, "max": 1000, "step": 10},
                    {"value": "premium-hdd", "min": 20, "max": 3000, "step": 10},
                    {"value": "ssd.gp1", "min": 20, "max": 16000, "step": 10},
                    {"value": "ssd.io1", "min": 20, "max": 16000, "step": 10},
                    {"value": "hdd.std1", "min": 20, "max": 16000, "step": 10}
                ],
                "fallback": {"min": 20, "max": 16000, "step": 10}
            },
            "devices": null, "docsDisagree": [], "base64Json": null, "maxItems": null, "firstIndex": null, "pattern": null,
            "cross": [
                {"type": "requiredUnless", "field": "dataDisks[].cloudDiskSpec.diskSizeGB", "unless": "dataDisks[].cloudDiskSpec.snapshotId", "code": "OUT_OF_RANGE"},
                {"type": "rangeBy", "field": "dataDisks[].cloudDiskSpec.diskSizeGB", "selector": "dataDisks[].cloudDiskSpec.diskType",
                 "cases": [["ssd", {"min": 20, "max": 1000, "step": 10}], ["premium-hdd", {"min": 20, "max": 3000, "step": 10}],
                           ["ssd.gp1", {"min": 20, "max": 16000, "step": 10}], ["ssd.io1", {"min": 20, "max": 16000, "step": 10}],
                           ["hdd.std1", {"min": 20, "max": 16000, "step": 10}]],
                 "fallback": {"min": 20, "max": 16000, "step": 10}, "code": "OUT_OF_RANGE"}
            ]
        })
    );
    let device = rule(Provider::JdCloud, "dataDisks[].deviceName");
    assert_eq!(
        device["devices"],
        json!({"prefix": "vd", "first": "b", "last": "bm", "firstName": "vdb", "lastName": "vdbm", "count": 64})
    );
    assert_eq!(device["pattern"], "^vd(?:[b-z]|a[a-z]|b[a-m])$");
    let tags = rule(Provider::Aliyun, "Tag");
    assert_eq!(
        (tags["maxItems"].clone(), tags["firstIndex"].clone(), tags["group"].clone()),
        (json!(20), json!(1), Value::Null)
    );
    let key = rule(Provider::Aliyun, "Tag.N.Key");
    assert_eq!(key["group"], "Tag");
    assert_eq!(key["length"], json!({"min": 1, "max": 64, "unit": "chars"}));
    assert_eq!(
        key["forbiddenPrefixes"],
        json!([{"text": "aliyun", "ignoreCase": false}, {"text": "acs:", "ignoreCase": false}])
    );
    assert_eq!(
        key["forbiddenSubstrings"],
        json!([{"text": "http://", "ignoreCase": true}, {"text": "https://", "ignoreCase": true}])
    );
    assert_eq!(
        key["pattern"],
        "^(?!aliyun|acs:)(?![\\s\\S]*(?:[Hh][Tt][Tt][Pp]:\\/\\/|[Hh][Tt][Tt][Pp][Ss]:\\/\\/))[\\s\\S]*$"
    );
    let name = rule(Provider::Tencent, "imageName");
    assert_eq!(name["chars"], json!(["letter", "digit", "-"]));
    assert_eq!(name["pattern"], "^[A-Za-z0-9\\-]*$");
    assert_eq!(name["required"], true);
    let token = rule(Provider::Aliyun, "ClientToken");
    assert_eq!((token["asciiOnly"].clone(), token["pattern"].clone()), (json!(true), json!("^[\\u{0}-\\u{7F}]*$")));
    let zen = rule(Provider::Zenlayer, "imageName");
    assert_eq!(
        zen["docsDisagree"],
        json!([{"char": ".", "allowedBy": "zenlayerChinese", "forbiddenBy": "zenlayerEnglish"}])
    );
    assert!(zen["pattern"].as_str().unwrap().starts_with("^[\\u{2E80}-\\u{2E99}\\u{2E9B}-\\u{2EF3}"));
    assert!(zen["pattern"].as_str().unwrap().ends_with("\\u{31350}-\\u{323AF}A-Za-z0-9\\-_\\.]*$"));
    assert_eq!(rule(Provider::Aliyun, "Signature")["common"], true);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn providers_shape_is_pinned() {
    assert_eq!(
        serde_json::to_value(meta::providers()).unwrap(),
        json!([
            {"id": "aliyun", "name": "Alibaba Cloud ECS", "caseInsensitiveKeys": false, "flatForm": true},
            {"id": "tencent", "name": "Tencent Cloud CVM (legacy API v2)", "caseInsensitiveKeys": false, "flatForm": true},
            {"id": "tencent3", "name": "Tencent Cloud CVM (API 3.0)", "caseInsensitiveKeys": false, "flatForm": false},
            {"id": "jdcloud", "name": "JD Cloud VM", "caseInsensitiveKeys": true, "flatForm": false},
            {"id": "zenlayer", "name": "Zenlayer Cloud VM", "caseInsensitiveKeys": false, "flatForm": false}
        ])
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn json_schema_shape_is_pinned() {
    let zen = json_schema(Provider::Zenlayer);
    assert_eq!(zen["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(zen["$id"], "urn:createimage:zenlayer:CreateImage");
    assert_eq!(zen["type"], "object");
    assert_eq!(zen["required"], json!(["instanceId", "imageName"]));
    let mut name = zen["properties"]["imageName"].clone();
    let pattern = name.as_object_mut().unwrap().remove("pattern").unwrap();
    assert_eq!(pattern, rule(Provider::Zenlayer, "imageName")["pattern"]);
    assert_eq!(
        name,
        json!({
            "title": "Image name", "description": "Up to 24 characters: Chinese characters, letters, digits, - and _.",
            "type": "string", "minLength": 1, "maxLength": 24,
            "x-createimage-path": "imageName", "x-createimage-code": "INVALID_PARAMETER",
            "x-createimage-label": {"en": "Image name", "zh": "镜像名称"},
            "x-createimage-hint": {"en": "Up to 24 characters: Chinese characters, letters, digits, - and _.", "zh": "不超过 24 个字符，支持中文、字母、数字、- 和 _。"},
            "x-createimage-checks": [{"type": "docsDisagree", "char": ".", "allowedBy": "zenlayerChinese", "forbiddenBy": "zenlayerEnglish"}]
        })
    );
    assert_eq!(zen["properties"]["imageDescription"]["type"], json!(["string", "null"]));
    assert_eq!(zen["x-createimage-rules"], json!([]));
    assert_eq!(zen["x-createimage-caseInsensitiveKeys"], false);

    let jd = json_schema(Provider::JdCloud);
    let disk = &jd["properties"]["dataDisks"]["items"];
    assert_eq!(disk["type"], json!(["object", "null"]));
    assert_eq!(disk["dependentRequired"], json!({"noDevice": ["deviceName"]}));
    let spec_schema = &disk["properties"]["cloudDiskSpec"];
    assert_eq!(
        spec_schema["allOf"][2],
        json!({
            "if": {"properties": {"diskType": {"const": "ssd"}}, "required": ["diskType"]},
            "then": {"properties": {"diskSizeGB": {"type": ["integer", "null"], "minimum": 20, "maximum": 1000, "multipleOf": 10}}}
        })
    );
    assert_eq!(spec_schema["allOf"][0], json!({"anyOf": [{"required": ["diskType"]}, {"required": ["snapshotId"]}]}));
    assert_eq!(
        spec_schema["properties"]["charge"]["allOf"][0],
        json!({"if": {"properties": {"chargeMode": {"const": "prepaid_by_duration"}}, "required": ["chargeMode"]}, "then": {"required": ["chargeDuration"]}})
    );
    assert_eq!(
        spec_schema["properties"]["charge"]["properties"]["buyScenario"]["contentSchema"],
        json!({"type": "object", "required": ["activity"], "properties": {"activity": {"type": "object",
            "required": ["activityType", "activityIdentifier"],
            "properties": {"activityType": {"not": {"type": "null"}}, "activityIdentifier": {"not": {"type": "null"}}}}}})
    );
    assert_eq!(jd["x-createimage-caseInsensitiveKeys"], true);
    assert_eq!(jd["x-createimage-rules"], serde_json::to_value(Provider::JdCloud.spec().cross).unwrap());

    let ali = json_schema(Provider::Aliyun);
    let flat: Vec<&String> = ali["patternProperties"].as_object().unwrap().keys().collect();
    assert!(flat.contains(&&"^Tag\\.(?:[1-9]|1[0-9]|20)\\.Key$".to_owned()), "{flat:?}");
    assert!(flat.contains(&&"^DiskDeviceMapping\\.(?:[1-9]|1[0-9]|2[0-6])\\.Size$".to_owned()), "{flat:?}");
    assert_eq!(
        ali["properties"]["DiskDeviceMapping"]["items"]["properties"]["Size"]["type"],
        json!(["integer", "string", "null"])
    );
    assert_eq!(ali["properties"]["Tag"]["items"]["properties"]["key"]["deprecated"], true);
    assert_eq!(
        ali["allOf"][0]["anyOf"][3],
        json!({"not": {"propertyNames": {"not": {"pattern": "^DiskDeviceMapping\\.(?:[1-9]|1[0-9]|2[0-6])\\."}}}})
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn validate_field_issues_have_the_report_shape() {
    let o = Options::default();
    let request = json!({"regionId": "r", "instanceId": "i", "name": "a b", "dataDisks": [{"cloudDiskSpec": {"diskType": "ssd", "diskSizeGB": 20}}]});
    let path = "dataDisks[0].cloudDiskSpec.diskSizeGB";
    let issues = validate_field(Provider::JdCloud, path, &json!(1010), Some(&request), o).unwrap();
    let mut full = request.clone();
    full["dataDisks"][0]["cloudDiskSpec"]["diskSizeGB"] = json!(1010);
    let report = validate_value(Provider::JdCloud, &full, o).unwrap();
    let want: Vec<_> = report.issues.into_iter().filter(|i| i.field == path).collect();
    assert_eq!(issues, want);
    assert_eq!(
        serde_json::to_value(&issues).unwrap(),
        json!([{"field": path, "code": "OUT_OF_RANGE", "severity": "error", "httpStatus": 400,
                "message": "must be between 20 and 1000 (is 1010).", "kind": {"type": "outOfRange", "min": 20, "max": 1000, "actual": 1010}}])
    );
    // Alone, only the field's own rules: the size grid is a cross-field rule.
    assert!(validate_field(Provider::JdCloud, path, &json!(1010), None, o).unwrap().is_empty());
    let err = validate_field(Provider::JdCloud, path, &json!(1), Some(&json!([])), o).unwrap_err();
    assert_eq!(err.to_string(), "the request must be a JSON object, not an array");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn tables_fit_the_metadata() {
    // FieldRule holds one length, one class set, one range and one RangeBy per field.
    for p in Provider::ALL {
        let s = p.spec();
        for f in s.fields {
            let kinds: Vec<String> = f
                .checks
                .iter()
                .filter(|c| {
                    !matches!(c, Check::DocsDisagree { .. } | Check::NoPrefix { .. } | Check::NoSubstring { .. })
                })
                .map(|c| serde_json::to_value(c).unwrap()["type"].as_str().unwrap().to_owned())
                .collect();
            for k in &kinds {
                assert_eq!(kinds.iter().filter(|x| *x == k).count(), 1, "{p} {}: two {k} checks", f.path);
            }
            let range_by = s.cross.iter().filter(
                |c| matches!(c, createimage_validator::testing::Cross::RangeBy { field, .. } if *field == f.path),
            );
            assert!(range_by.count() <= 1, "{p} {}: two rangeBy rules", f.path);
        }
        // Every rule naming a field is listed with it.
        for r in rules(p) {
            for c in s.cross.iter().filter(|c| cross_fields(c).contains(&r.path)) {
                assert!(r.cross.iter().any(|x| std::ptr::eq(*x, c)), "{p} {}", r.path);
            }
        }
    }
}
