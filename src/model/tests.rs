use super::*;
use serde_json::json;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_provider_has_sandbox_keys_from_the_fixture() {
    for provider in Provider::ALL {
        let (id, secret) = sandbox_keys(provider);
        assert!(!id.is_empty() && !secret.is_empty(), "{provider:?}");
    }
    // One key per part of the fixture: providers that share their accounts share their key.
    let owners = Provider::ALL.iter().filter(|p| p.emulator().account_owner == **p).count();
    assert_eq!(SANDBOX_KEYS.len(), owners);
    assert_eq!(sandbox_keys(Provider::Aliyun).0, "LTAI5tSandboxAliyun0001");
    assert_eq!(sandbox_keys(Provider::Tencent3), sandbox_keys(Provider::Tencent));
}

#[wasm_bindgen_test]
fn ids_follow_the_contract() {
    assert_eq!(field_id(Provider::Aliyun, "ImageName"), "f-aliyun-ImageName");
    assert_eq!(field_id(Provider::Aliyun, "Tag.1.Key"), "f-aliyun-Tag-1-Key");
    assert_eq!(
        field_id(Provider::JdCloud, "dataDisks[0].cloudDiskSpec.diskSizeGB"),
        "f-jdcloud-dataDisks-0-cloudDiskSpec-diskSizeGB"
    );
    assert_eq!(field_id(Provider::JdCloud, "dataDisks[0]"), "f-jdcloud-dataDisks-0");
}

#[wasm_bindgen_test]
fn paths_map_to_slots_and_back() {
    let cases = [
        (Provider::Aliyun, "Tag.1.Key", Slot::at("Tag.N.Key", 0)),
        (Provider::Aliyun, "DiskDeviceMapping.3.Size", Slot::at("DiskDeviceMapping.N.Size", 2)),
        (Provider::Aliyun, "ImageName", Slot::top("ImageName")),
        (Provider::Aliyun, "Tag", Slot::top("Tag")),
        (
            Provider::JdCloud,
            "dataDisks[0].cloudDiskSpec.diskSizeGB",
            Slot::at("dataDisks[].cloudDiskSpec.diskSizeGB", 0),
        ),
        (Provider::JdCloud, "dataDisks[2].cloudDiskSpec", Slot::at("dataDisks[].cloudDiskSpec", 2)),
        (Provider::Zenlayer, "imageName", Slot::top("imageName")),
    ];
    for (p, path, slot) in cases {
        assert_eq!(slot_of(p, path), Some(slot), "{p} {path}");
        assert_eq!(issue_path(p, slot), path, "{p} {slot:?}");
    }
    assert_eq!(slot_of(Provider::Zenlayer, "nope"), None);
    assert_eq!(group_of("Tag.N.Key"), Some("Tag"));
    assert_eq!(group_of("dataDisks[].cloudDiskSpec.charge.chargeMode"), Some("dataDisks"));
    assert_eq!(group_of("ImageName"), None);
    assert_eq!(member_path("dataDisks[].cloudDiskSpec.charge.chargeMode"), "cloudDiskSpec.charge.chargeMode");
    assert_eq!(member_path("Tag.N.Key"), "Key");
}

#[wasm_bindgen_test]
fn values_become_the_request() {
    let mut f = Form::new(Provider::Aliyun);
    f.set(Slot::top("RegionId"), "cn-hangzhou");
    f.set(Slot::top("ImageName"), "web");
    f.set(Slot::top("Description"), "");
    assert_eq!(f.add_item("DiskDeviceMapping", Some(26)), Some(0));
    f.set(Slot::at("DiskDeviceMapping.N.Size", 0), "40");
    f.set(Slot::at("DiskDeviceMapping.N.SnapshotId", 0), "s-1");
    assert_eq!(f.add_item("Tag", Some(20)), Some(0));
    f.set(Slot::at("Tag.N.Key", 0), "team");
    assert_eq!(f.get(Slot::at("Tag.N.Key", 0)), "team");
    assert_eq!(
        f.to_request(Provider::Aliyun),
        json!({"RegionId": "cn-hangzhou", "ImageName": "web",
               "DiskDeviceMapping": [{"Size": 40, "SnapshotId": "s-1"}], "Tag": [{"Key": "team"}]})
    );
    // A number that does not parse stays text (the validator reports it); a slot of no item is ignored.
    f.set(Slot::at("DiskDeviceMapping.N.Size", 0), "4o");
    f.set(Slot::at("Tag.N.Key", 5), "ignored");
    let v = f.to_request(Provider::Aliyun);
    assert_eq!(v["DiskDeviceMapping"][0]["Size"], json!("4o"));
    assert_eq!(v["Tag"].as_array().unwrap().len(), 1);

    let mut jd = Form::new(Provider::JdCloud);
    jd.add_item("dataDisks", None);
    jd.set(Slot::at("dataDisks[].cloudDiskSpec.charge.chargeMode", 0), "prepaid_by_duration");
    jd.set(Slot::at("dataDisks[].cloudDiskSpec.diskSizeGB", 0), "40");
    jd.set(Slot::at("dataDisks[].noDevice", 0), "true");
    assert_eq!(
        jd.to_request(Provider::JdCloud),
        json!({"dataDisks": [{"noDevice": true,
               "cloudDiskSpec": {"diskSizeGB": 40, "charge": {"chargeMode": "prepaid_by_duration"}}}]})
    );
    // Tencent's Region is a common parameter the form keeps, with its default.
    assert_eq!(Form::new(Provider::Tencent).to_request(Provider::Tencent), json!({"Region": "ap-guangzhou"}));
}

#[wasm_bindgen_test]
fn groups_add_and_remove() {
    let mut f = Form::default();
    for i in 0..20 {
        assert_eq!(f.add_item("Tag", Some(20)), Some(i));
        f.set(Slot::at("Tag.N.Key", i), &format!("k{i}"));
    }
    assert_eq!(f.add_item("Tag", Some(20)), None, "at most 20 tags");
    f.remove_item("Tag", 1);
    assert_eq!(f.items("Tag"), 19);
    assert_eq!(f.get(Slot::at("Tag.N.Key", 1)), "k2", "later items move up");
    for _ in 0..19 {
        f.remove_item("Tag", 0);
    }
    assert_eq!(f.items("Tag"), 0);
    assert!(f.groups.is_empty());

    let touched: Touched =
        [Slot::at("Tag.N.Key", 0), Slot::at("Tag.N.Key", 1), Slot::at("Tag.N.Value", 2), Slot::top("ImageName")].into();
    let after = touched_after_removal(&touched, "Tag", 1);
    assert_eq!(after, [Slot::at("Tag.N.Key", 0), Slot::at("Tag.N.Value", 1), Slot::top("ImageName")].into());
    assert!(is_touched(&after, Slot::top("Tag")));
    assert!(is_touched(&after, Slot::at("Tag.N.Value", 1)));
    assert!(!is_touched(&after, Slot::at("Tag.N.Key", 1)));
    let jd: Touched = [Slot::at("dataDisks[].cloudDiskSpec.charge.chargeMode", 1)].into();
    assert!(is_touched(&jd, Slot::at("dataDisks[].cloudDiskSpec", 1)));
    assert!(!is_touched(&jd, Slot::at("dataDisks[].cloudDiskSpec", 0)));
}

#[wasm_bindgen_test]
fn forms_come_from_the_rule_tables() {
    for p in Provider::ALL {
        let shown: Vec<&str> = children(p, "").map(|r| r.path).collect();
        assert!(!shown.is_empty());
        for r in table(p) {
            if r.common && !is_signer_field(p, r.path) {
                assert!(!shown.contains(&r.path), "{p}: common {} shown", r.path);
            }
        }
    }
    let ali: Vec<&str> = children(Provider::Aliyun, "").map(|r| r.path).collect();
    assert!(ali.contains(&"DiskDeviceMapping") && ali.contains(&"Tag") && ali.contains(&"ImageName"));
    let jd_disk: Vec<&str> = children(Provider::JdCloud, "dataDisks[].cloudDiskSpec").map(|r| r.path).collect();
    assert!(jd_disk.contains(&"dataDisks[].cloudDiskSpec.charge"));
    assert!(is_deprecated(rule(Provider::Aliyun, "Tag.N.key").unwrap()));
    assert!(!is_deprecated(rule(Provider::Aliyun, "Tag.N.Key").unwrap()));
    // Tencent's Region is a common parameter the form asks for, with the source.
    assert!(children(Provider::Tencent, "").any(|r| r.path == "Region"));
    assert_eq!(sources(Provider::Aliyun), ["InstanceId", "DiskDeviceMapping", "SnapshotId"]);
    assert!(sources(Provider::Zenlayer).is_empty());
    for p in Provider::ALL {
        for path in source_fields(p) {
            assert!(rule(p, path).is_some_and(|r| in_form(p, r)), "{p}: {path}");
        }
    }
    for p in Provider::ALL {
        for &(path, _) in p.console().offers {
            assert!(rule(p, path).is_some_and(|r| in_form(p, r)), "{p}: {path} offered");
        }
    }
    assert_eq!(region_field(Provider::JdCloud), Some("regionId"));
    assert_eq!(region_field(Provider::Zenlayer), None);
    let mut f = Form::new(Provider::Aliyun);
    assert_eq!(chosen_source(Provider::Aliyun, &f), 0);
    f.set(Slot::top("SnapshotId"), "s-1");
    assert_eq!(chosen_source(Provider::Aliyun, &f), 2);
}

#[wasm_bindgen_test]
fn draft_round_trip_keeps_no_key() {
    let mut draft = Draft { provider: Some("jdcloud".into()), ..Draft::default() };
    let mut form = Form::new(Provider::JdCloud);
    form.set(Slot::top("name"), "web-01");
    form.add_item("dataDisks", None);
    form.set(Slot::at("dataDisks[].deviceName", 0), "vdb");
    draft.forms.insert("jdcloud".into(), form.clone());
    draft.endpoints.insert("jdcloud".into(), Mode::Relay);
    let text = draft.to_json();
    let back = Draft::from_json(&text);
    assert_eq!(back, draft);
    assert_eq!(back.provider(), Some(Provider::JdCloud));
    assert_eq!(back.form(Provider::JdCloud), form);
    assert_eq!(back.endpoint(Provider::JdCloud), Mode::Relay);
    assert_eq!(back.endpoint(Provider::Aliyun), Mode::Sandbox);
    assert_eq!(back.form(Provider::Tencent), Form::new(Provider::Tencent));
    assert_eq!(Draft::from_json("not json"), Draft::default());
    assert!(!text.contains("secret"));
}

#[wasm_bindgen_test]
fn keys_are_remembered_on_request_and_never_print() {
    assert!(Keys::sandbox(Provider::Zenlayer).is_complete());
    let mine = Keys { access_key_id: "AK".into(), secret: "s3cr3t".into(), remember: true };
    assert!(!format!("{mine:?}").contains("s3cr3t"));

    let mut remembered = Remembered::default();
    remembered.update(Provider::Zenlayer, &mine);
    let back = Remembered::from_json(&remembered.to_json());
    assert_eq!(back.keys(Provider::Zenlayer), Some(mine.clone()));
    assert!(!format!("{back:?}").contains("s3cr3t"));
    remembered.update(Provider::Zenlayer, &Keys { remember: false, ..mine });
    assert_eq!(remembered.keys(Provider::Zenlayer), None);
}

#[wasm_bindgen_test]
fn history_serializes_newest_first() {
    let mut h = History::default();
    for i in 0..(History::MAX + 5) {
        h.push(HistoryEntry {
            time_ms: i as f64,
            provider: "tencent".into(),
            endpoint: Mode::Sandbox,
            request_id: Some(format!("r{i}")),
            image_id: None,
            error_code: (i % 2 == 1).then(|| "4000".to_owned()),
            http_status: Some(200),
        });
    }
    assert_eq!(h.0.len(), History::MAX);
    assert_eq!(h.0[0].request_id.as_deref(), Some("r204"));
    h.set_image_id("r204", "img-1");
    assert_eq!(h.0[0].result(), "img-1");
    assert_eq!(h.0[1].result(), "4000");
    let text = h.to_json();
    assert!(
        text.starts_with(
            r#"[{"timeMs":204.0,"provider":"tencent","endpoint":"sandbox","requestId":"r204","imageId":"img-1""#
        ),
        "{text}"
    );
    assert_eq!(History::from_json(&text), h);
    assert_eq!(History::from_json("{oops"), History::default());
}

/// Tencent 3.0's lists of values and its group inside a group: the request they make, the ids of
/// their inputs, and items moving up when one goes.
#[wasm_bindgen_test]
fn lists_and_groups_inside_groups() {
    let p = Provider::Tencent3;
    let mut f = Form::new(p);
    f.set(Slot::top("ImageName"), "web-01");
    for (i, id) in ["snap-1", "", "snap-3"].into_iter().enumerate() {
        assert_eq!(f.add_item("SnapshotIds", None), Some(i));
        f.set(Slot::at("SnapshotIds", i), id);
    }
    assert_eq!(f.get(Slot::at("SnapshotIds", 2)), "snap-3");
    assert_eq!(f.get(Slot::top("SnapshotIds")), "", "a list's items are not its own value");
    for spec in 0..2 {
        assert_eq!(f.add_item("TagSpecification", None), Some(spec));
        f.set(Slot::at("TagSpecification[].ResourceType", spec), "image");
        let tags = group_key("TagSpecification[].Tags", Some(spec));
        assert_eq!(tags, format!("TagSpecification[{spec}].Tags"));
        for tag in 0..=spec {
            assert_eq!(f.add_item(&tags, Some(50)), Some(tag));
            f.set(Slot::at("TagSpecification[].Tags[].Key", nest(Some(spec), tag)), &format!("k{spec}{tag}"));
        }
    }
    let slot = Slot::at("TagSpecification[].Tags[].Key", nest(Some(1), 1));
    assert_eq!(issue_path(p, slot), "TagSpecification[1].Tags[1].Key");
    assert_eq!(slot_of(p, "TagSpecification[1].Tags[1].Key"), Some(slot));
    assert_eq!(slot_id(p, slot), "f-tencent3-TagSpecification-1-Tags-1-Key");
    assert_eq!(slot_id(p, Slot::at("SnapshotIds", 1)), "f-tencent3-SnapshotIds-1");
    assert_eq!(slot_of(p, "SnapshotIds[1]"), Some(Slot::at("SnapshotIds", 1)));
    assert_eq!(
        f.to_request(p),
        json!({
            "Region": "ap-guangzhou",
            "ImageName": "web-01",
            "SnapshotIds": ["snap-1", "snap-3"],
            "TagSpecification": [
                {"ResourceType": "image", "Tags": [{"Key": "k00"}]},
                {"ResourceType": "image", "Tags": [{"Key": "k10"}, {"Key": "k11"}]},
            ],
        })
    );
    assert_eq!(items_of(slot), [("TagSpecification", 1), ("TagSpecification[].Tags", 1)]);
    assert_eq!(items_of(Slot::at("SnapshotIds", 2)), [("SnapshotIds", 2)]);

    // The first tag set goes: the second's tags move up with it, and so do the slots touched in them.
    let touched: Touched = [slot, Slot::at("TagSpecification[].Tags[].Key", nest(Some(0), 0))].into();
    f.remove_item("TagSpecification", 0);
    assert_eq!(f.items("TagSpecification[0].Tags"), 2);
    assert_eq!(f.items("TagSpecification[1].Tags"), 0);
    let moved = Slot::at("TagSpecification[].Tags[].Key", nest(Some(0), 1));
    assert_eq!(f.get(moved), "k11");
    assert_eq!(touched_after_removal(&touched, "TagSpecification", 0), [moved].into());
    assert!(is_touched(&[moved].into(), Slot::at("TagSpecification[].Tags", 0)));
    assert!(!is_touched(&[moved].into(), Slot::at("TagSpecification[].Tags", 1)));
    // A tag inside it goes: the later tag moves up.
    assert_eq!(
        touched_after_removal(&[moved].into(), "TagSpecification[0].Tags", 0),
        [Slot::at("TagSpecification[].Tags[].Key", nest(Some(0), 0))].into()
    );
    f.remove_item("TagSpecification[0].Tags", 0);
    assert_eq!(f.get(Slot::at("TagSpecification[].Tags[].Key", nest(Some(0), 0))), "k11");
}
