//! Boundary cases of seed 002 (Alibaba ECS CreateImage), in both the structured and the flat
//! (query string) form, each asserting field, code and kind. Runs natively and in headless Chromium.

use crate::common::*;
use createimage_validator::Provider;
use serde_json::{Value, json};

const P: &str = "InvalidParameter";
const NAME: &str = "InvalidImageName.Malformed";
const DESC: &str = "InvalidDescription.Malformed";
const DEV: &str = "InvalidDevice.Malformed";

fn base() -> Value {
    json!({"RegionId": "cn-hangzhou", "InstanceId": "i-instanceid"})
}

/// A request made from DiskDeviceMapping items only (no InstanceId).
fn mappings(items: Value) -> Value {
    json!({"RegionId": "cn-hangzhou", "DiskDeviceMapping": items})
}

fn tags(n: usize) -> Value {
    let items: Vec<Value> = (1..=n).map(|i| json!({"Key": format!("k{i}"), "Value": "v"})).collect();
    with(&base(), "Tag", Value::Array(items))
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn seed_example_is_valid() {
    // seed 002 请求示例, verbatim (flat form): valid, with the warnings the seed's own text implies.
    let example = json!({
        "Action": "CreateImage", "RegionId": "cn-hangzhou",
        "DiskDeviceMapping.1.Size": "2000", "DiskDeviceMapping.1.SnapshotId": "s-snapshotid1",
        "DiskDeviceMapping.1.DiskType": "system", "SnapshotId": "s-snapshotid", "InstanceId": "i-instanceid",
        "ImageName": "FinanceDeptJoshuaCentOS", "ImageVersion": "2017011017", "Description": "FinanceDeptjoshua",
        "Platform": "CentOS", "Architecture": "x86_64", "ClientToken": "123e4567-e89b-12d3-a456-426655440000",
        "Tag.1.value": "FinanceDeptJoshua", "Tag.1.key": "FinanceDept", "Tag.1.Key": "FinanceDept", "Tag.1.Value": "FinanceDeptJoshua"
    });
    let warnings = [
        (W, "DiskDeviceMapping", P, "ignored"),
        (W, "SnapshotId", P, "ignored"),
        (W, "Tag.1.key", P, "deprecated"),
        (W, "Tag.1.value", P, "deprecated"),
    ];
    run(Provider::Aliyun, &[case("seed 002 example", example, &warnings)]);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn names_and_descriptions() {
    let b = base();
    let cases = vec![
        case("base", b.clone(), &[]),
        case("name 2", with(&b, "ImageName", json!("ab")), &[]),
        case("name 1", with(&b, "ImageName", json!("a")), &[(E, "ImageName", NAME, "tooShort")]),
        case("name 128", with(&b, "ImageName", json!(rep("a", 128))), &[]),
        case("name 129", with(&b, "ImageName", json!(rep("a", 129))), &[(E, "ImageName", NAME, "tooLong")]),
        case("name Han first", with(&b, "ImageName", json!("中文镜像-1_a")), &[]),
        case("name digit first", with(&b, "ImageName", json!("1abc")), &[(E, "ImageName", NAME, "invalidFirstChar")]),
        case(
            "name underscore first",
            with(&b, "ImageName", json!("_abc")),
            &[(E, "ImageName", NAME, "invalidFirstChar")],
        ),
        case(
            "name colon: tables disagree",
            with(&b, "ImageName", json!("a:b")),
            &[(W, "ImageName", NAME, "docsDisagree")],
        ),
        case(
            "name dot: tables disagree",
            with(&b, "ImageName", json!("a.b")),
            &[(W, "ImageName", NAME, "docsDisagree")],
        ),
        case("name space", with(&b, "ImageName", json!("a b")), &[(E, "ImageName", NAME, "invalidChar")]),
        case(
            "name URL",
            with(&b, "ImageName", json!("https://x")),
            &[
                (E, "ImageName", NAME, "forbiddenPrefix"),
                (E, "ImageName", NAME, "invalidChar"),
                (W, "ImageName", NAME, "docsDisagree"),
            ],
        ),
        case("description 2", with(&b, "Description", json!("ab")), &[]),
        case("description 1", with(&b, "Description", json!("a")), &[(E, "Description", DESC, "tooShort")]),
        case("description 256", with(&b, "Description", json!(rep("描", 256))), &[]),
        case("description 257", with(&b, "Description", json!(rep("描", 257))), &[(E, "Description", DESC, "tooLong")]),
        case(
            "description http",
            with(&b, "Description", json!("http://x.y")),
            &[(E, "Description", DESC, "forbiddenPrefix")],
        ),
        case(
            "description HTTPS",
            with(&b, "Description", json!("HTTPS://x.y")),
            &[(E, "Description", DESC, "forbiddenPrefix")],
        ),
        case("description URL inside", with(&b, "Description", json!("see http://x.y")), &[]),
        case("client token 64", with(&b, "ClientToken", json!(rep("t", 64))), &[]),
        case("client token 65", with(&b, "ClientToken", json!(rep("t", 65))), &[(E, "ClientToken", P, "tooLong")]),
        case("client token non-ASCII", with(&b, "ClientToken", json!("tök")), &[(E, "ClientToken", P, "notAscii")]),
        case("architecture i386", with(&b, "Architecture", json!("i386")), &[]),
        case(
            "architecture arm",
            with(&b, "Architecture", json!("arm")),
            &[(E, "Architecture", "InvalidArchitecture.Malformed", "notAllowed")],
        ),
        case("platform with space", with(&b, "Platform", json!("Aliyun Linux")), &[]),
        case(
            "platform unknown",
            with(&b, "Platform", json!("Windows 10")),
            &[(E, "Platform", "InvalidPlatform.Malformed", "notAllowed")],
        ),
        case("region absent", without(&b, "RegionId"), &[(E, "RegionId", "MissingParameter", "missing")]),
        case("no source", without(&b, "InstanceId"), &[(E, "InstanceId", "MissingParameter", "oneOfRequired")]),
        case(
            "sources all empty",
            with(&with(&b, "InstanceId", json!("")), "SnapshotId", json!("")),
            &[(E, "InstanceId", "InvalidParameter.AllEmpty", "allEmpty")],
        ),
        case(
            "empty instance, snapshot given",
            with(&with(&b, "InstanceId", json!("")), "SnapshotId", json!("s-1")),
            &[],
        ),
        case("snapshot only", with(&without(&b, "InstanceId"), "SnapshotId", json!("s-1")), &[]),
        case("other action", with(&b, "Action", json!("DeleteImage")), &[(E, "Action", P, "notAllowed")]),
        case("unknown, suggested", with(&b, "Imagename", json!("abc")), &[(W, "Imagename", P, "unknownParameter")]),
        case("common parameters known", with(&with(&b, "SignatureNonce", json!("n")), "Format", json!("JSON")), &[]),
    ];
    run(Provider::Aliyun, &cases);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn disk_device_mappings() {
    let size = "InvalidSize.ValueNotSupported";
    let sys = json!({"Device": "/dev/xvda", "DiskType": "system", "SnapshotId": "s-1"});
    let one = |extra: Value| {
        let mut m = json!({"DiskType": "data", "SnapshotId": "s-2"});
        m.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        mappings(json!([sys.clone(), m]))
    };
    let no_device = |n: usize| {
        let mut items = vec![json!({"DiskType": "system", "SnapshotId": "s-0"})];
        items.extend((1..n).map(|_| json!({"DiskType": "data"})));
        mappings(Value::Array(items))
    };
    let all: Vec<Value> = ('a'..='z')
        .map(|c| json!({"Device": format!("/dev/xvd{c}"), "DiskType": if c == 'a' { "system" } else { "data" }}))
        .collect();
    let cases = vec![
        case("system only", mappings(json!([sys.clone()])), &[]),
        case("size 5", one(json!({"Size": 5})), &[]),
        case("size 4", one(json!({"Size": 4})), &[(E, "DiskDeviceMapping.2.Size", size, "outOfRange")]),
        case("size 2000", one(json!({"Size": 2000})), &[]),
        case("size 2001", one(json!({"Size": 2001})), &[(E, "DiskDeviceMapping.2.Size", size, "outOfRange")]),
        case("size as string", one(json!({"Size": "2000"})), &[]),
        case("size not a number", one(json!({"Size": "big"})), &[(E, "DiskDeviceMapping.2.Size", size, "wrongType")]),
        case("size fractional", one(json!({"Size": 20.5})), &[(E, "DiskDeviceMapping.2.Size", size, "wrongType")]),
        case("device xvdz", one(json!({"Device": "/dev/xvdz"})), &[]),
        case(
            "device xvdaa",
            one(json!({"Device": "/dev/xvdaa"})),
            &[(E, "DiskDeviceMapping.2.Device", DEV, "invalidDevice")],
        ),
        case(
            "device sdb",
            one(json!({"Device": "/dev/sdb"})),
            &[(E, "DiskDeviceMapping.2.Device", DEV, "invalidDevice")],
        ),
        case(
            "data on xvda",
            one(json!({"Device": "/dev/xvda"})),
            &[
                (E, "DiskDeviceMapping.2.Device", DEV, "reservedDevice"),
                (E, "DiskDeviceMapping.2.Device", "InvalidDevice.InUse", "duplicate"),
            ],
        ),
        case(
            "system on xvdb",
            mappings(json!([{"Device": "/dev/xvdb", "DiskType": "system"}])),
            &[(E, "DiskDeviceMapping.1.Device", DEV, "systemDiskDevice")],
        ),
        case(
            "duplicate device",
            mappings(json!([sys.clone(), {"Device": "/dev/xvdc"}, {"Device": "/dev/xvdc"}])),
            &[(E, "DiskDeviceMapping.3.Device", "InvalidDevice.InUse", "duplicate")],
        ),
        case(
            "two system disks",
            mappings(json!([sys.clone(), {"DiskType": "system", "SnapshotId": "s-3"}])),
            &[(E, "DiskDeviceMapping.2.DiskType", "OperationDenied", "multipleSystemDisks")],
        ),
        case(
            "no system disk",
            mappings(json!([{"DiskType": "data", "SnapshotId": "s-1"}])),
            &[(E, "DiskDeviceMapping", "OperationDenied", "noSystemDisk")],
        ),
        case(
            "disk type unknown",
            one(json!({"DiskType": "root"})),
            &[(E, "DiskDeviceMapping.2.DiskType", P, "notAllowed")],
        ),
        case("26 mappings", mappings(Value::Array(all)), &[]),
        case("26 without devices", no_device(26), &[]),
        case("27 mappings", no_device(27), &[(E, "DiskDeviceMapping", P, "tooMany")]),
        case("item not an object", mappings(json!([sys.clone(), "x"])), &[(E, "DiskDeviceMapping.2", P, "wrongType")]),
        case("group not an array", mappings(json!({"Size": 5})), &[(E, "DiskDeviceMapping", P, "wrongType")]),
        case(
            "flat form",
            json!({"RegionId": "r", "DiskDeviceMapping.1.DiskType": "system", "DiskDeviceMapping.1.SnapshotId": "s", "DiskDeviceMapping.2.Size": "30"}),
            &[],
        ),
        case("flat N 26", json!({"RegionId": "r", "DiskDeviceMapping.26.DiskType": "system"}), &[]),
        case(
            "flat N 27",
            json!({"RegionId": "r", "SnapshotId": "s", "DiskDeviceMapping.27.Size": "30"}),
            &[(E, "DiskDeviceMapping.27.Size", P, "indexOutOfRange")],
        ),
        case(
            "flat N 0",
            json!({"RegionId": "r", "SnapshotId": "s", "DiskDeviceMapping.0.Size": "30"}),
            &[(E, "DiskDeviceMapping.0.Size", P, "indexOutOfRange")],
        ),
        case(
            "flat unknown member",
            json!({"RegionId": "r", "DiskDeviceMapping.1.DiskType": "system", "DiskDeviceMapping.1.Sise": "30"}),
            &[(W, "DiskDeviceMapping.1.Sise", P, "unknownParameter")],
        ),
        case(
            "structured and flat twice",
            with(&mappings(json!([sys.clone()])), "DiskDeviceMapping.1.SnapshotId", json!("s-9")),
            &[(E, "DiskDeviceMapping.1.SnapshotId", P, "givenTwice")],
        ),
        case(
            "instance wins",
            with(&mappings(json!([sys.clone()])), "InstanceId", json!("i-1")),
            &[(W, "DiskDeviceMapping", P, "ignored")],
        ),
        case(
            "mappings win over snapshot",
            with(&mappings(json!([sys])), "SnapshotId", json!("s-1")),
            &[(W, "SnapshotId", P, "ignored")],
        ),
    ];
    run(Provider::Aliyun, &cases);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn tags_1_to_20() {
    let b = base();
    let tag = |t: Value| with(&b, "Tag", json!([t]));
    let cases = vec![
        case("20 tags", tags(20), &[]),
        case("21 tags", tags(21), &[(E, "Tag", P, "tooMany")]),
        case("flat N 20", with(&b, "Tag.20.Key", json!("k")), &[]),
        case("flat N 21", with(&b, "Tag.21.Key", json!("k")), &[(E, "Tag.21.Key", P, "indexOutOfRange")]),
        case("flat N 0", with(&b, "Tag.0.Key", json!("k")), &[(E, "Tag.0.Key", P, "indexOutOfRange")]),
        case("key 64", tag(json!({"Key": rep("k", 64)})), &[]),
        case("key 65", tag(json!({"Key": rep("k", 65)})), &[(E, "Tag.1.Key", P, "tooLong")]),
        case("key empty", tag(json!({"Key": ""})), &[(E, "Tag.1.Key", P, "tooShort")]),
        case("key aliyun prefix", tag(json!({"Key": "aliyun-x"})), &[(E, "Tag.1.Key", P, "forbiddenPrefix")]),
        case("key acs: prefix", tag(json!({"Key": "acs:x"})), &[(E, "Tag.1.Key", P, "forbiddenPrefix")]),
        case("key Aliyun (case differs)", tag(json!({"Key": "Aliyun-x"})), &[]),
        case("key with URL", tag(json!({"Key": "see https://x"})), &[(E, "Tag.1.Key", P, "forbiddenSubstring")]),
        case("value 128", tag(json!({"Key": "k", "Value": rep("v", 128)})), &[]),
        case("value 129", tag(json!({"Key": "k", "Value": rep("v", 129)})), &[(E, "Tag.1.Value", P, "tooLong")]),
        case("value empty", tag(json!({"Key": "k", "Value": ""})), &[]),
        case("value acs:", tag(json!({"Key": "k", "Value": "acs:v"})), &[(E, "Tag.1.Value", P, "forbiddenPrefix")]),
        case("value without key", tag(json!({"Value": "v"})), &[(E, "Tag.1.Key", P, "requiredUnless")]),
        case("deprecated key only", tag(json!({"key": "k"})), &[(W, "Tag.1.key", P, "deprecated")]),
        case(
            "deprecated key 65",
            tag(json!({"key": rep("k", 65)})),
            &[(E, "Tag.1.key", P, "tooLong"), (W, "Tag.1.key", P, "deprecated")],
        ),
        case("key not a string", tag(json!({"Key": 5})), &[(E, "Tag.1.Key", P, "wrongType")]),
        case("tag not an object", with(&b, "Tag", json!(["k=v"])), &[(E, "Tag.1", P, "wrongType")]),
    ];
    run(Provider::Aliyun, &cases);
}
