//! Boundary cases of Tencent Cloud CVM API 3.0 (`tencent3`): each limit and limit + 1, the one-of
//! and dependence rules, the string booleans in both documented casings, tags (nested arrays), with
//! the exact field, code and kind expected. Runs natively and, unchanged, in headless Chromium; the
//! JS package's tests run the same cases.

mod common;

use common::*;
use createimage_validator::Provider;
use serde_json::{Value, json};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const P: Provider = Provider::Tencent3;
const TOO_LONG: &str = "InvalidParameter.ValueTooLarge";
const VALUE: &str = "InvalidParameterValue";
const PARAM: &str = "InvalidParameter";

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn boundaries() {
    let base = json!({"ImageName": "myImage", "InstanceId": "ins-6pb6lrmy"});
    let snaps = json!({"ImageName": "from-snap", "SnapshotIds": ["snap-kso6f712", "snap-l3rrf322"]});
    let tags = |n: usize| json!([{"ResourceType": "image", "Tags": (0..n).map(|i| json!({"Key": format!("k{i}"), "Value": "v"})).collect::<Vec<_>>()}]);
    let tag = |key: &str, value: &str| json!([{"ResourceType": "image", "Tags": [{"Key": key, "Value": value}]}]);
    let cases = vec![
        case("doc example", base.clone(), &[]),
        case("snapshots", snaps.clone(), &[]),
        case("name 60", with(&base, "ImageName", json!(rep("名", 60))), &[]),
        case("name 61", with(&base, "ImageName", json!(rep("a", 61))), &[(E, "ImageName", TOO_LONG, "tooLong")]),
        case("name any characters", with(&base, "ImageName", json!("web_镜像 (1).x:y")), &[]),
        case("name absent", without(&base, "ImageName"), &[(E, "ImageName", "MissingParameter", "missing")]),
        case("name empty", with(&base, "ImageName", json!("")), &[(E, "ImageName", "MissingParameter", "missing")]),
        case("description 256", with(&base, "ImageDescription", json!(rep("d", 256))), &[]),
        case(
            "description 257",
            with(&base, "ImageDescription", json!(rep("d", 257))),
            &[(E, "ImageDescription", TOO_LONG, "tooLong")],
        ),
        case(
            "neither source",
            without(&base, "InstanceId"),
            &[(E, "InstanceId", "InvalidParameter.SpecifyOneParameter", "oneOfRequired")],
        ),
        case(
            "empty source",
            with(&base, "InstanceId", json!("")),
            &[(E, "InstanceId", "InvalidParameter.SpecifyOneParameter", "allEmpty")],
        ),
        case(
            "both sources",
            with(&base, "SnapshotIds", json!(["snap-kso6f712"])),
            &[(E, "SnapshotIds", "InvalidParameterConflict", "conflict")],
        ),
        case("data disks with instance", with(&base, "DataDiskIds", json!(["disk-6gabakqz"])), &[]),
        case(
            "data disks without instance",
            with(&snaps, "DataDiskIds", json!(["disk-6gabakqz"])),
            &[(E, "DataDiskIds", "InvalidParameter.InvalidDependence", "requires")],
        ),
        case(
            "snapshot id not a string",
            with(&base, "SnapshotIds", json!([1]))
                .as_object()
                .map(|o| {
                    let mut o = o.clone();
                    o.remove("InstanceId");
                    Value::Object(o)
                })
                .unwrap(),
            &[(E, "SnapshotIds[0]", PARAM, "wrongType")],
        ),
        case(
            "snapshot ids not a list",
            with(&without(&base, "InstanceId"), "SnapshotIds", json!("snap-1")),
            &[(E, "SnapshotIds", PARAM, "wrongType")],
        ),
        case("force poweroff true", with(&base, "ForcePoweroff", json!("true")), &[]),
        case("force poweroff false", with(&base, "ForcePoweroff", json!("false")), &[]),
        case(
            "force poweroff TRUE: the older Chinese page",
            with(&base, "ForcePoweroff", json!("TRUE")),
            &[(W, "ForcePoweroff", VALUE, "docsDisagree")],
        ),
        case(
            "sysprep FALSE: the English page",
            with(&base, "Sysprep", json!("FALSE")),
            &[(W, "Sysprep", VALUE, "docsDisagree")],
        ),
        case("sysprep True", with(&base, "Sysprep", json!("True")), &[(E, "Sysprep", VALUE, "notAllowed")]),
        case(
            "force poweroff a boolean",
            with(&base, "ForcePoweroff", json!(true)),
            &[(E, "ForcePoweroff", VALUE, "wrongType")],
        ),
        case("dry run", with(&base, "DryRun", json!(true)), &[]),
        case("dry run a string", with(&base, "DryRun", json!("true")), &[(E, "DryRun", PARAM, "wrongType")]),
        case("50 tags", with(&base, "TagSpecification", tags(50)), &[]),
        case(
            "51 tags",
            with(&base, "TagSpecification", tags(51)),
            &[(E, "TagSpecification[0].Tags", "InvalidParameterValue.LimitExceeded", "tooMany")],
        ),
        case("tag key 127", with(&base, "TagSpecification", tag(&rep("k", 127), "v")), &[]),
        case(
            "tag key 128",
            with(&base, "TagSpecification", tag(&rep("k", 128), "v")),
            &[(E, "TagSpecification[0].Tags[0].Key", VALUE, "tooLong")],
        ),
        case("tag value 255", with(&base, "TagSpecification", tag("k", &rep("v", 255))), &[]),
        case(
            "tag value 256",
            with(&base, "TagSpecification", tag("k", &rep("v", 256))),
            &[(E, "TagSpecification[0].Tags[0].Value", VALUE, "tooLong")],
        ),
        case(
            "tag key reserved",
            with(&base, "TagSpecification", tag("qcs:x", "v")),
            &[(E, "TagSpecification[0].Tags[0].Key", VALUE, "forbiddenPrefix")],
        ),
        case(
            "tag key leading space",
            with(&base, "TagSpecification", tag(" k", "v")),
            &[(E, "TagSpecification[0].Tags[0].Key", VALUE, "forbiddenPrefix")],
        ),
        case(
            "second specification's second tag",
            with(
                &base,
                "TagSpecification",
                json!([
                    {"ResourceType": "image", "Tags": [{"Key": "a", "Value": "1"}]},
                    {"ResourceType": "image", "Tags": [{"Key": "b", "Value": "2"}, {"Key": "项目x", "Value": "3"}]}
                ]),
            ),
            &[(E, "TagSpecification[1].Tags[1].Key", VALUE, "forbiddenPrefix")],
        ),
        case(
            "tag without value, unknown member",
            with(&base, "TagSpecification", json!([{"ResourceType": "image", "Tags": [{"Key": "a", "Valeu": "1"}]}])),
            &[
                (E, "TagSpecification[0].Tags[0].Value", VALUE, "missing"),
                (W, "TagSpecification[0].Tags[0].Valeu", PARAM, "unknownParameter"),
            ],
        ),
        case(
            "resource type",
            with(&base, "TagSpecification", json!([{"ResourceType": "disk", "Tags": [{"Key": "k", "Value": "v"}]}])),
            &[(E, "TagSpecification[0].ResourceType", VALUE, "notAllowed")],
        ),
        case(
            "tags missing",
            with(&base, "TagSpecification", json!([{"ResourceType": "image"}])),
            &[(E, "TagSpecification[0].Tags", "InvalidParameterValue.LimitExceeded", "missing")],
        ),
        case("image family", with(&base, "ImageFamily", json!("business-daily-update")), &[]),
        case("region is a common parameter", with(&base, "Region", json!("ap-guangzhou")), &[]),
        case(
            "legacy spelling is unknown here",
            with(&without(&base, "ImageName"), "imageName", json!("x")),
            &[(E, "ImageName", "MissingParameter", "missing"), (W, "imageName", PARAM, "unknownParameter")],
        ),
    ];
    run(P, &cases);
}
