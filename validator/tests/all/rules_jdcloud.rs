//! Boundary cases of seed 004 (JD Cloud createImage): path parameters, name and description, and
//! the nested dataDisks / cloudDiskSpec / charge tables, each asserting field, code and kind.
//! Runs natively and in headless Chromium.

use crate::common::*;
use base64::Engine as _;
use createimage_validator::Provider;
use serde_json::{Value, json};

const ARG: &str = "INVALID_ARGUMENT";
const RANGE: &str = "OUT_OF_RANGE";

fn base() -> Value {
    json!({"regionId": "cn-north-1", "instanceId": "i-eumm1234d6", "name": "test"})
}

fn disk(d: Value) -> Value {
    with(&base(), "dataDisks", json!([d]))
}

fn spec(s: Value) -> Value {
    disk(json!({"deviceName": "vdb", "cloudDiskSpec": s}))
}

fn charge(c: Value) -> Value {
    spec(json!({"diskType": "ssd", "diskSizeGB": 20, "charge": c}))
}

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn seed_example_is_valid() {
    // seed 004 请求示例 (its path parameters added as fields), `CloudDiskSpec` spelt as the seed spells it.
    let example = json!({
        "regionId": "cn-north-1", "instanceId": "i-eumm****d6",
        "name": "test", "description": "test",
        "dataDisks": [
            {"deviceName": "vdc", "noDevice": true},
            {"deviceName": "vde", "autoDelete": true, "CloudDiskSpec": {
                "snapshotId": "snapshot-h8u1****36", "diskType": "ssd.io1", "diskSizeGB": 40, "iops": 500, "encrypt": false}},
            {"deviceName": "vdh", "CloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}
        ]
    });
    run(Provider::JdCloud, &[case("seed 004 example", example, &[])]);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn top_level() {
    let b = base();
    let cases = vec![
        case("base", b.clone(), &[]),
        case("name 2", with(&b, "name", json!("ab")), &[]),
        case("name 1", with(&b, "name", json!("a")), &[(E, "name", ARG, "tooShort")]),
        case("name 32", with(&b, "name", json!(rep("名", 32))), &[]),
        case("name 33", with(&b, "name", json!(rep("名", 33))), &[(E, "name", ARG, "tooLong")]),
        case("name classes", with(&b, "name", json!("中文.Name_1-x")), &[]),
        case("name space", with(&b, "name", json!("a b")), &[(E, "name", ARG, "invalidChar")]),
        case("name absent", without(&b, "name"), &[(E, "name", ARG, "missing")]),
        case("description 256", with(&b, "description", json!(rep("d", 256))), &[]),
        case("description 257", with(&b, "description", json!(rep("d", 257))), &[(E, "description", ARG, "tooLong")]),
        case("region absent", without(&b, "regionId"), &[(E, "regionId", ARG, "missing")]),
        case("instance absent", without(&b, "instanceId"), &[(E, "instanceId", ARG, "missing")]),
        case("keys any case", json!({"RegionId": "r", "INSTANCEID": "i", "Name": "ab"}), &[]),
        case("same key twice in two cases", with(&b, "Name", json!("cd")), &[(E, "name", ARG, "givenTwice")]),
        case("SDK nulls", with(&with(&b, "description", json!(null)), "dataDisks", json!(null)), &[]),
        case("dataDisks not an array", with(&b, "dataDisks", json!({})), &[(E, "dataDisks", ARG, "wrongType")]),
        case("disk not an object", with(&b, "dataDisks", json!([1])), &[(E, "dataDisks[0]", ARG, "wrongType")]),
        case(
            "unknown nested",
            disk(json!({"deviceName": "vdb", "noDevise": true})),
            &[(W, "dataDisks[0].noDevise", ARG, "unknownParameter")],
        ),
    ];
    run(Provider::JdCloud, &cases);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn data_disks() {
    let size = "dataDisks[0].cloudDiskSpec.diskSizeGB";
    let s = |t: &str, gb: i64| spec(json!({"diskType": t, "diskSizeGB": gb}));
    let two = |a: &str, b: &str| {
        with(&base(), "dataDisks", json!([{"deviceName": a, "noDevice": true}, {"deviceName": b, "noDevice": true}]))
    };
    let cases = vec![
        case("ssd 20", s("ssd", 20), &[]),
        case("ssd 10", s("ssd", 10), &[(E, size, RANGE, "outOfRange")]),
        case("ssd 1000", s("ssd", 1000), &[]),
        case("ssd 1010", s("ssd", 1010), &[(E, size, RANGE, "outOfRange")]),
        case("ssd 25 off step", s("ssd", 25), &[(E, size, RANGE, "badStep")]),
        case("premium-hdd 3000", s("premium-hdd", 3000), &[]),
        case("premium-hdd 3010", s("premium-hdd", 3010), &[(E, size, RANGE, "outOfRange")]),
        case("ssd.gp1 16000", s("ssd.gp1", 16000), &[]),
        case("ssd.gp1 16010", s("ssd.gp1", 16010), &[(E, size, RANGE, "outOfRange")]),
        case("hdd.std1 16000", s("hdd.std1", 16000), &[]),
        case("ssd.io1 16010", s("ssd.io1", 16010), &[(E, size, RANGE, "outOfRange")]),
        case("disk type unknown", s("nvme", 20), &[(E, "dataDisks[0].cloudDiskSpec.diskType", ARG, "notAllowed")]),
        case("size as string", spec(json!({"diskType": "ssd", "diskSizeGB": "20"})), &[(E, size, RANGE, "wrongType")]),
        case(
            "no snapshot, no type",
            spec(json!({"diskSizeGB": 20})),
            &[(E, "dataDisks[0].cloudDiskSpec.diskType", ARG, "requiredUnless")],
        ),
        case("no snapshot, no size", spec(json!({"diskType": "ssd"})), &[(E, size, RANGE, "requiredUnless")]),
        case("snapshot, nothing else", spec(json!({"snapshotId": "snapshot-1"})), &[]),
        case(
            "snapshot, size 16010",
            spec(json!({"snapshotId": "snapshot-1", "diskSizeGB": 16010})),
            &[(E, size, RANGE, "outOfRange")],
        ),
        case("iops 500 on io1", spec(json!({"diskType": "ssd.io1", "diskSizeGB": 40, "iops": 500})), &[]),
        case(
            "iops 505",
            spec(json!({"diskType": "ssd.io1", "diskSizeGB": 40, "iops": 505})),
            &[(E, "dataDisks[0].cloudDiskSpec.iops", RANGE, "badStep")],
        ),
        case(
            "iops -10",
            spec(json!({"diskType": "ssd.io1", "diskSizeGB": 40, "iops": -10})),
            &[(E, "dataDisks[0].cloudDiskSpec.iops", RANGE, "outOfRange")],
        ),
        case(
            "iops on gp1",
            spec(json!({"diskType": "ssd.gp1", "diskSizeGB": 40, "iops": 500})),
            &[(W, "dataDisks[0].cloudDiskSpec.iops", ARG, "ineffectiveUnless")],
        ),
        case("device vdbm", disk(json!({"deviceName": "vdbm", "noDevice": true})), &[]),
        case(
            "device vdbn",
            disk(json!({"deviceName": "vdbn", "noDevice": true})),
            &[(E, "dataDisks[0].deviceName", ARG, "invalidDevice")],
        ),
        case(
            "device vda",
            disk(json!({"deviceName": "vda", "noDevice": true})),
            &[(E, "dataDisks[0].deviceName", ARG, "invalidDevice")],
        ),
        case("duplicate device", two("vdc", "vdc"), &[(E, "dataDisks[1].deviceName", "DUPLICATE", "duplicate")]),
        case("distinct devices", two("vdc", "vdd"), &[]),
        case(
            "noDevice without deviceName",
            disk(json!({"noDevice": true})),
            &[(E, "dataDisks[0].noDevice", ARG, "requires")],
        ),
        case(
            "noDevice not boolean",
            disk(json!({"deviceName": "vdb", "noDevice": "yes"})),
            &[(E, "dataDisks[0].noDevice", ARG, "wrongType")],
        ),
        case(
            "category local",
            disk(json!({"deviceName": "vdb", "diskCategory": "local", "noDevice": true})),
            &[(E, "dataDisks[0].diskCategory", ARG, "notAllowed")],
        ),
        case(
            "autoDelete on prepaid",
            disk(
                json!({"deviceName": "vdb", "autoDelete": true, "cloudDiskSpec": {"diskType": "ssd", "diskSizeGB": 20,
                "charge": {"chargeMode": "prepaid_by_duration", "chargeUnit": "month", "chargeDuration": 1}}}),
            ),
            &[(W, "dataDisks[0].autoDelete", ARG, "ineffectiveUnless")],
        ),
    ];
    run(Provider::JdCloud, &cases);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn charge_spec() {
    let dur = "dataDisks[0].cloudDiskSpec.charge.chargeDuration";
    let unit = "dataDisks[0].cloudDiskSpec.charge.chargeUnit";
    let buy = "dataDisks[0].cloudDiskSpec.charge.buyScenario";
    let pre =
        |u: &str, d: i64| charge(json!({"chargeMode": "prepaid_by_duration", "chargeUnit": u, "chargeDuration": d}));
    let scenario = |s: &str| charge(json!({"buyScenario": s}));
    let cases = vec![
        case("month 1", pre("month", 1), &[]),
        case("month 9", pre("month", 9), &[]),
        case("month 10", pre("month", 10), &[(E, dur, ARG, "outOfRange")]),
        case("month 0", pre("month", 0), &[(E, dur, ARG, "outOfRange")]),
        case("year 3", pre("year", 3), &[]),
        case("year 4", pre("year", 4), &[(E, dur, ARG, "outOfRange")]),
        case("unit unknown", pre("week", 1), &[(E, unit, ARG, "notAllowed")]),
        case(
            "prepaid without duration",
            charge(json!({"chargeMode": "prepaid_by_duration", "chargeUnit": "month"})),
            &[(E, dur, ARG, "requiredWhen")],
        ),
        case(
            "prepaid without unit: month",
            charge(json!({"chargeMode": "prepaid_by_duration", "chargeDuration": 9})),
            &[(W, unit, ARG, "defaulted")],
        ),
        case(
            "prepaid without unit, 10",
            charge(json!({"chargeMode": "prepaid_by_duration", "chargeDuration": 10})),
            &[(W, unit, ARG, "defaulted"), (E, dur, ARG, "outOfRange")],
        ),
        case(
            "postpaid with unit",
            charge(json!({"chargeMode": "postpaid_by_usage", "chargeUnit": "month"})),
            &[(W, unit, ARG, "ineffectiveUnless")],
        ),
        case("default mode with duration", charge(json!({"chargeDuration": 3})), &[(W, dur, ARG, "ineffectiveUnless")]),
        case(
            "mode unknown",
            charge(json!({"chargeMode": "free"})),
            &[(E, "dataDisks[0].cloudDiskSpec.charge.chargeMode", ARG, "notAllowed")],
        ),
        case("autoRenew boolean", charge(json!({"autoRenew": true})), &[]),
        case(
            "autoRenew string",
            charge(json!({"autoRenew": "True"})),
            &[(E, "dataDisks[0].cloudDiskSpec.charge.autoRenew", ARG, "wrongType")],
        ),
        case("buyScenario valid", scenario(&b64(r#"{"activity":{"activityType":1,"activityIdentifier":"a-1"}}"#)), &[]),
        case("buyScenario not base64", scenario("{not base64}"), &[(E, buy, ARG, "invalidBase64")]),
        case("buyScenario not JSON", scenario(&b64("hello")), &[(E, buy, ARG, "invalidEncodedJson")]),
        case(
            "buyScenario missing identifier",
            scenario(&b64(r#"{"activity":{"activityType":1}}"#)),
            &[(E, buy, ARG, "invalidEncodedJson")],
        ),
        case("buyScenario array", scenario(&b64("[]")), &[(E, buy, ARG, "invalidEncodedJson")]),
    ];
    run(Provider::JdCloud, &cases);
}
