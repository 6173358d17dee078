//! Every business error row of the seeds, reached with the built-in fixture; successes,
//! idempotency, quotas under concurrency, image status over time.

use super::*;
use serde_json::json;

const NOW: u64 = 1_800_000_000_000;

fn emulator() -> Emulator {
    Emulator::new(Fixture::builtin(), State::default(), None)
}

fn key(provider: Provider) -> &'static str {
    match provider {
        Provider::Aliyun => "LTAI5tSandboxAliyun0001",
        Provider::Tencent | Provider::Tencent3 => "AKIDsandboxTencent00000000000000001",
        Provider::JdCloud => "JDCSANDBOXACCESSKEY0000000000001",
        Provider::Zenlayer => "ZLSANDBOXACCESSKEY01",
    }
}

fn create_as(e: &Emulator, p: Provider, key: &str, req: Value) -> Result<Created, Failure> {
    let account = e.account(p, key).unwrap_or_else(|| panic!("no account {key}")).clone();
    e.create(p, &account, &req, NOW, "req-1")
}

fn create(e: &Emulator, p: Provider, req: Value) -> Result<Created, Failure> {
    create_as(e, p, key(p), req)
}

/// (provider, access key, request, expected code, a part of the expected message, HTTP status)
type Row = (Provider, String, Value, String, String, u16);

/// The business error rows, one table shared with the HTTP tests (`cli/tests/serve.rs`), which
/// send each row signed to a running server.
fn rows() -> Vec<Row> {
    let table: Vec<Value> = serde_json::from_str(include_str!("../../../tests/data/business_rows.json")).unwrap();
    table
        .into_iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_else(|| panic!("{k} in {r}")).to_owned();
            (
                s("provider").parse().unwrap(),
                s("accessKeyId"),
                r["request"].clone(),
                s("code"),
                s("message"),
                r["httpStatus"].as_u64().unwrap() as u16,
            )
        })
        .collect()
}

fn ali(extra: Value) -> Value {
    let mut base = json!({"RegionId": "cn-hangzhou"});
    base.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    base
}

fn jd(instance: &str, region: &str, extra: Value) -> Value {
    let mut base = json!({"regionId": region, "instanceId": instance, "name": "image-1"});
    base.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    base
}

#[test]
fn every_business_error_row_is_reachable() {
    let mut failures = Vec::new();
    for (p, k, req, code, part, status) in rows() {
        let e = emulator();
        match create_as(&e, p, &k, req.clone()) {
            Err(f) if f.code.as_str() == code && f.message.contains(part.as_str()) && f.http_status == status => {}
            other => failures.push(format!("{p} {req}: want {code} {status} ~{part:?}, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{} rows wrong:\n{}", failures.len(), failures.join("\n"));
}

/// Every seed error row appears in `rows()` (by code and message), or in a test of its own.
#[test]
fn the_table_above_covers_every_seed_row() {
    use createimage_validator::catalog::entries;
    let rows = rows();
    let mut tested: Vec<(Provider, &str, &str)> = rows.iter().map(|r| (r.0, r.3.as_str(), r.4.as_str())).collect();
    // Needs two requests: `client_token_is_idempotent`.
    tested.push((Provider::Aliyun, "InvalidParamter.Conflict", "same token"));
    for p in Provider::ALL {
        for e in entries(p).iter().filter(|e| e.source.starts_with("seed")) {
            let hit = tested.iter().any(|(tp, code, part)| {
                *tp == p
                    && *code == e.code.as_str()
                    && (e.message.is_empty() || fits(e.message, part) || rows_with(p, code) == 1)
            });
            assert!(hit, "{p}: seed row {} {:?} is not reached by any row", e.code, e.message);
        }
    }
}

/// Whether `part` (an expected message fragment) is the row `template` with its `xx` filled in, or
/// a piece of the template.
fn fits(template: &str, part: &str) -> bool {
    if template.contains(part) {
        return true;
    }
    let mut rest = part;
    for piece in template.split("xx").filter(|p| !p.is_empty()) {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    template.contains("xx")
}

fn rows_with(p: Provider, code: &str) -> usize {
    createimage_validator::catalog::entries(p).iter().filter(|e| e.code.as_str() == code).count()
}

#[test]
fn successes_per_provider() {
    let e = emulator();
    let ok = [
        (Provider::Aliyun, ali(json!({"InstanceId": "i-sandbox-running", "ImageName": "web-1"}))),
        (Provider::Aliyun, ali(json!({"SnapshotId": "s-2013-07-16"}))),
        (
            Provider::Aliyun,
            ali(json!({"DiskDeviceMapping.1.SnapshotId": "s-sandbox-system", "DiskDeviceMapping.2.Size": "50"})),
        ),
        (Provider::Tencent, json!({"instanceId": "ins-sandbox1", "imageName": "web-1"})),
        (
            Provider::JdCloud,
            jd("i-sandbox01", "cn-north-1", json!({"dataDisks": [{"deviceName": "vdb", "noDevice": true}]})),
        ),
        (Provider::JdCloud, json!({"RegionID": "cn-north-1", "InstanceId": "i-cloudrun01", "Name": "any-case"})),
        (Provider::Zenlayer, json!({"instanceId": "100000000001", "imageName": "web-01"})),
    ];
    for (p, req) in ok {
        let created = create(&e, p, req.clone()).unwrap_or_else(|f| panic!("{p} {req}: {f:?}"));
        assert!(created.image_id.starts_with(if p == Provider::Aliyun { "m-" } else { "img-" }));
    }
    assert_eq!(e.with_state(|s| s.images.len()), 7);
}

/// A key given twice in two spellings (JD keys match in any case) is refused with JD's generic
/// code and our message, not a seed row's text (which would name another parameter). Not in the
/// shared table: an encoder can only ever send one spelling.
#[test]
fn jd_key_given_twice() {
    let e = emulator();
    let req = jd("i-sandbox01", "cn-north-1", json!({"Name": "twice"}));
    let f = create(&e, Provider::JdCloud, req).unwrap_err();
    assert_eq!(
        (f.code.as_str(), f.http_status, f.message.as_str()),
        ("INVALID_ARGUMENT", 400, "name: is given twice (for example in both the structured and the flat form).")
    );
}

#[test]
fn client_token_is_idempotent() {
    let e = emulator();
    let req = ali(json!({"InstanceId": "i-sandbox-stopped", "ClientToken": "tok-1", "ImageName": "a1"}));
    let first = create(&e, Provider::Aliyun, req.clone()).unwrap();
    let again = create(&e, Provider::Aliyun, req).unwrap();
    assert_eq!(first, again);
    let other = create(
        &e,
        Provider::Aliyun,
        ali(json!({"InstanceId": "i-sandbox-stopped", "ClientToken": "tok-1", "ImageName": "a2"})),
    );
    let f = other.unwrap_err();
    assert_eq!((f.code.as_str(), f.http_status), ("InvalidParamter.Conflict", 403));
    assert_eq!(e.with_state(|s| s.images.len()), 1);
}

#[test]
fn zenlayer_disk_is_busy_while_its_image_is_creating() {
    let e = emulator();
    let req = json!({"instanceId": "100000000009", "imageName": "a"});
    create(&e, Provider::Zenlayer, req.clone()).unwrap();
    let f = create(&e, Provider::Zenlayer, req).unwrap_err();
    assert_eq!(f.code.as_str(), "UNSUPPORTED_OPERATION_DISK_MAKING_IMAGE");
    let img = e.with_state(|s| s.images[0].clone());
    assert_eq!(img.status(NOW), "CREATING");
    assert_eq!(img.status(NOW + 5_000), "AVAILABLE");
}

#[test]
fn concurrent_creates_respect_the_zone_quota() {
    let mut fixture = Fixture::builtin();
    fixture.image_delay_seconds = 0;
    let e = std::sync::Arc::new(Emulator::new(fixture, State::default(), None));
    let handles: Vec<_> = (0..200)
        .map(|i| {
            let e = e.clone();
            std::thread::spawn(move || {
                let account = e.account(Provider::Zenlayer, key(Provider::Zenlayer)).unwrap().clone();
                e.create(
                    Provider::Zenlayer,
                    &account,
                    &json!({"instanceId": "100000000009", "imageName": format!("n{i}")}),
                    NOW + i,
                    "req",
                )
            })
        })
        .collect();
    let ok = handles.into_iter().map(|h| h.join().unwrap()).filter(Result::is_ok).count();
    assert_eq!(ok, 5);
}

#[test]
fn the_builtin_fixture_parses() {
    let f = Fixture::builtin();
    assert!(f.accounts().count() >= 4);
}

#[test]
fn the_world_lists_each_source_with_what_createimage_would_answer() {
    let e = emulator();
    let world = e.world(NOW);
    let find = |p: &str, kind: &str, id: &str| -> Value {
        world[p][kind].as_array().unwrap().iter().find(|i| i["id"] == id).cloned().unwrap_or_else(|| panic!("{p} {id}"))
    };
    // (provider, kind, id, region or zone, status, refusal)
    let cases = [
        ("aliyun", "instances", "i-sandbox-stopped", "cn-hangzhou", json!("Stopped"), Value::Null),
        ("aliyun", "instances", "i-starting", "cn-hangzhou", json!("Starting"), json!("IncorrectInstanceStatus")),
        (
            "aliyun",
            "snapshots",
            "s-not-ready",
            "cn-hangzhou",
            json!("progressing"),
            json!("InvalidSnapshotId.NotReady"),
        ),
        ("aliyun", "snapshots", "s-sandbox-system", "cn-hangzhou", json!("accomplished"), Value::Null),
        ("tencent", "instances", "ins-sandbox1", "ap-guangzhou", json!("STOPPED"), Value::Null),
        ("tencent", "instances", "ins-running", "ap-guangzhou", json!("RUNNING"), json!("5100")),
        ("jdcloud", "instances", "i-sandbox01", "cn-north-1", json!("stopped"), Value::Null),
        ("jdcloud", "instances", "i-starting01", "cn-north-1", json!("starting"), json!("FAILED_PRECONDITION")),
        ("jdcloud", "snapshots", "snapshot-sandbox01", "cn-north-1", Value::Null, Value::Null),
        ("zenlayer", "instances", "100000000001", "HKG-A", json!("STOPPED"), Value::Null),
        (
            "zenlayer",
            "instances",
            "100000000004",
            "SIN-E",
            json!("STOPPED"),
            json!("UNSUPPORTED_OPERATION_ZONE_NOT_SUPPORT"),
        ),
    ];
    for (p, kind, id, region, status, refusal) in cases {
        let item = find(p, kind, id);
        assert_eq!(
            (&item["region"], &item["status"], &item["refusal"]),
            (&json!(region), &status, &refusal),
            "{p} {id}"
        );
    }
    assert_eq!(world["aliyun"]["regions"], json!(["cn-hangzhou", "cn-qingdao", "cn-shanghai", "cn-zhangjiakou"]));
    assert_eq!(world["tencent"]["regions"], json!(["ap-guangzhou", "ap-shanghai"]));
    // A dry run makes nothing.
    assert!(e.with_state(|s| s.images.is_empty()));
}
