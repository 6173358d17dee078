//! Boundary cases of seed 000/001 (Zenlayer) and seed 003 (Tencent): each limit and limit + 1,
//! with the exact field, code and kind expected. Runs natively and, unchanged, in headless Chromium.

use crate::common::*;
use createimage_validator::Provider;
use serde_json::json;

const ZP: &str = "INVALID_PARAMETER";

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn zenlayer_boundaries() {
    let base = json!({"instanceId": "1234567654321", "imageName": "web-01"});
    let ext_b = rep("\u{20000}", 24); // 24 Han characters outside the BMP: 48 UTF-16 units
    let cases = vec![
        case("base is valid", base.clone(), &[]),
        case(
            "doc example",
            json!({"instanceId":"your-instance-id","imageName":"testimagename","imageDescription":"testimagedescription"}),
            &[],
        ),
        case("name 24", with(&base, "imageName", json!(rep("a", 24))), &[]),
        case("name 25", with(&base, "imageName", json!(rep("a", 25))), &[(E, "imageName", ZP, "tooLong")]),
        case("name 24 Han", with(&base, "imageName", json!(rep("中", 24))), &[]),
        case("name 25 Han", with(&base, "imageName", json!(rep("中", 25))), &[(E, "imageName", ZP, "tooLong")]),
        case("name 1", with(&base, "imageName", json!("a")), &[]),
        case("name empty", with(&base, "imageName", json!("")), &[(E, "imageName", ZP, "missing")]),
        case("name absent", without(&base, "imageName"), &[(E, "imageName", ZP, "missing")]),
        case("name null is absent", with(&base, "imageName", json!(null)), &[(E, "imageName", ZP, "missing")]),
        case("name -_", with(&base, "imageName", json!("a-b_c")), &[]),
        case(
            "name dot: editions disagree",
            with(&base, "imageName", json!("a.b")),
            &[(W, "imageName", ZP, "docsDisagree")],
        ),
        case("name space", with(&base, "imageName", json!("a b")), &[(E, "imageName", ZP, "invalidChar")]),
        case("name kana", with(&base, "imageName", json!("アイ")), &[(E, "imageName", ZP, "invalidChar")]),
        case("name UTF-16 over", with(&base, "imageName", json!(ext_b)), &[(W, "imageName", ZP, "utf16TooLong")]),
        case("name number", with(&base, "imageName", json!(12)), &[(E, "imageName", ZP, "wrongType")]),
        case("description 255", with(&base, "imageDescription", json!(rep("d", 255))), &[]),
        case(
            "description 256",
            with(&base, "imageDescription", json!(rep("d", 256))),
            &[(E, "imageDescription", ZP, "tooLong")],
        ),
        case("description empty", with(&base, "imageDescription", json!("")), &[]),
        case("instance absent", without(&base, "instanceId"), &[(E, "instanceId", ZP, "missing")]),
        case(
            "instance number",
            with(&base, "instanceId", json!(1234567654321u64)),
            &[(E, "instanceId", ZP, "wrongType")],
        ),
        case(
            "unknown with suggestion",
            with(&without(&base, "imageName"), "ImageName", json!("x")),
            &[(W, "ImageName", ZP, "unknownParameter"), (E, "imageName", ZP, "missing")],
        ),
        case("unknown far", with(&base, "zzz", json!(1)), &[(W, "zzz", ZP, "unknownParameter")]),
    ];
    run(Provider::Zenlayer, &cases);
}

const T: &str = "4000";

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn tencent_boundaries() {
    let base = json!({"instanceId": "ins-12345678", "imageName": "test"});
    let cases = vec![
        case("seed example", json!({"instanceId":"ins-12345678","imageName":"test","imageDescription":"desc"}), &[]),
        case("name 16", with(&base, "imageName", json!(rep("a", 16))), &[]),
        case("name 17", with(&base, "imageName", json!(rep("a", 17))), &[(E, "imageName", T, "tooLong")]),
        case("name 1", with(&base, "imageName", json!("a")), &[]),
        case("name empty", with(&base, "imageName", json!("")), &[(E, "imageName", T, "missing")]),
        case("name digits and -", with(&base, "imageName", json!("img-2024-01")), &[]),
        case("name underscore", with(&base, "imageName", json!("a_b")), &[(E, "imageName", T, "invalidChar")]),
        case("name Han", with(&base, "imageName", json!("镜像")), &[(E, "imageName", T, "invalidChar")]),
        case("description 64", with(&base, "imageDescription", json!(rep("中", 64))), &[]),
        case(
            "description 65",
            with(&base, "imageDescription", json!(rep("中", 65))),
            &[(E, "imageDescription", T, "tooLong")],
        ),
        case("description classes", with(&base, "imageDescription", json!("中文-abc_123")), &[]),
        case(
            "description space",
            with(&base, "imageDescription", json!("a b")),
            &[(E, "imageDescription", T, "invalidChar")],
        ),
        case("description empty", with(&base, "imageDescription", json!("")), &[]),
        case("instance absent", without(&base, "instanceId"), &[(E, "instanceId", T, "missing")]),
        case(
            "common params",
            with(&with(&base, "Action", json!("CreateImage")), "Timestamp", json!("1465185768")),
            &[],
        ),
        case("other action", with(&base, "Action", json!("DescribeInstances")), &[(E, "Action", T, "notAllowed")]),
        case("timestamp not a number", with(&base, "Timestamp", json!("soon")), &[(E, "Timestamp", T, "wrongType")]),
        case(
            "signature method",
            with(&base, "SignatureMethod", json!("HmacMD5")),
            &[(E, "SignatureMethod", T, "notAllowed")],
        ),
        case("boolean for a name", with(&base, "imageName", json!(true)), &[(E, "imageName", T, "wrongType")]),
    ];
    run(Provider::Tencent, &cases);
}
