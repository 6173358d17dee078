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
        Provider::Tencent => "AKIDsandboxTencent00000000000000001",
        Provider::JdCloud => "JDCSANDBOXACCESSKEY0000000000001",
        Provider::Zenlayer => "ZLSANDBOXACCESSKEY01",
    }
}

fn create_as(e: &Emulator, p: Provider, key: &str, req: Value) -> Result<Created, Failure> {
    let account = e.account(p, key).unwrap_or_else(|| panic!("no account {key}")).clone();
    e.create(p, &account, &req, NOW)
}

fn create(e: &Emulator, p: Provider, req: Value) -> Result<Created, Failure> {
    create_as(e, p, key(p), req)
}

/// (provider, access key, request, expected code, a part of the expected message, HTTP status)
type Row = (Provider, &'static str, Value, &'static str, &'static str, u16);

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

fn rows() -> Vec<Row> {
    use Provider::*;
    let a = key(Aliyun);
    let z = |id: &str| json!({"instanceId": id, "imageName": "web-01"});
    let t = |id: &str, name: &str, region: &str| json!({"instanceId": id, "imageName": name, "Region": region});
    let j = key(JdCloud);
    vec![
        // ---- seed 002, 错误码 (validator rows are covered in the validator's tests; the emulator answers them too)
        (Aliyun, a, ali(json!({"SnapshotId": "s-nope"})), "InvalidSnapshotId.NotFound", "does not exist", 404),
        (
            Aliyun,
            a,
            ali(json!({"ImageName": "1bad", "InstanceId": "i-sandbox-stopped"})),
            "InvalidImageName.Malformed",
            "wrongly formed",
            400,
        ),
        (
            Aliyun,
            a,
            ali(json!({"ImageName": "sandbox-existing", "InstanceId": "i-sandbox-stopped"})),
            "InvalidImageName.Duplicated",
            "already",
            400,
        ),
        (
            Aliyun,
            a,
            ali(json!({"Description": "x", "InstanceId": "i-sandbox-stopped"})),
            "InvalidDescription.Malformed",
            "wrongly formed",
            400,
        ),
        (
            Aliyun,
            a,
            ali(json!({"ImageVersion": "0.0.0", "InstanceId": "i-sandbox-stopped"})),
            "InvalidImageVersion.Malformed",
            "ImageVersion",
            400,
        ),
        (Aliyun, a, ali(json!({"SnapshotId": "s-not-ready"})), "InvalidSnapshotId.NotReady", "status", 403),
        (Aliyun, a, ali(json!({"SnapshotId": "s-2013-07-15"})), "InvalidSnapshot.TooOld", "2013-07-15", 403),
        (Aliyun, a, ali(json!({"SnapshotId": "s-not-allowed"})), "OperationDenied", "not allowed to create image", 403),
        (
            Aliyun,
            a,
            ali(json!({"InstanceId": "i-qingdao", "RegionId": "cn-qingdao"})),
            "QuotaExceed.Image",
            "Quota",
            403,
        ),
        (Aliyun, a, ali(json!({"SnapshotId": "s-sandbox-data"})), "OperationDenied", "not from system disk", 403),
        (Aliyun, a, ali(json!({"InstanceId": "i-nope"})), "InvalidInstanceId.NotFound", "does not exist", 404),
        (Aliyun, a, ali(json!({"InstanceId": "i-starting"})), "IncorrectInstanceStatus", "status", 400),
        (Aliyun, a, ali(json!({"InstanceId": "i-locked"})), "InstanceLockedForSecurity", "security", 400),
        (
            Aliyun,
            a,
            ali(json!({"DiskDeviceMapping": [{"Device": "/dev/sdb"}]})),
            "InvalidDevice.Malformed",
            "not valid",
            400,
        ),
        (Aliyun, a, ali(json!({})), "MissingParameter", "SnapshotId or InstanceId or DiskDeviceMapping", 400),
        (Aliyun, a, json!({"InstanceId": "i-sandbox-stopped"}), "MissingParameter", "RegionId", 400),
        (
            Aliyun,
            a,
            ali(json!({"DiskDeviceMapping": [{"DiskType": "system", "SnapshotId": "s-sandbox-system", "Size": 2001}]})),
            "InvalidSize.ValueNotSupported",
            "range",
            400,
        ),
        (
            Aliyun,
            a,
            ali(json!({"DiskDeviceMapping": [{"SnapshotId": "s-sandbox-system", "Size": 30}]})),
            "InvalidSize.ValueNotSupported",
            "range",
            400,
        ),
        (
            Aliyun,
            a,
            ali(
                json!({"DiskDeviceMapping": [{"SnapshotId": "s-sandbox-system", "DiskType": "system", "Device": "/dev/xvdb"}]}),
            ),
            "InvalidDevice.Malformed",
            "not valid",
            400,
        ),
        (
            Aliyun,
            a,
            ali(
                json!({"DiskDeviceMapping": [{"SnapshotId": "s-sandbox-system"}, {"Device": "/dev/xvdb"}, {"Device": "/dev/xvdb"}]}),
            ),
            "InvalidDevice.InUse",
            "occupied",
            400,
        ),
        (
            Aliyun,
            a,
            ali(json!({"DiskDeviceMapping": [{"SnapshotId": "s-sandbox-data"}]})),
            "OperationDenied",
            "does not contain system disk",
            400,
        ),
        (
            Aliyun,
            a,
            ali(
                json!({"DiskDeviceMapping": [{"SnapshotId": "s-sandbox-system"}, {"SnapshotId": "s-sandbox-system2"}]}),
            ),
            "OperationDenied",
            "two or more system disk",
            400,
        ),
        (Aliyun, a, ali(json!({"InstanceId": "i-local-disk"})), "InvalidDiskCategory.CreateImage", "diskCategory", 400),
        (
            Aliyun,
            "LTAI5tSandboxNoBalance01",
            ali(json!({"InstanceId": "i-sandbox-stopped"})),
            "InvalidAccountStatus.NotEnoughBalance",
            "balance",
            403,
        ),
        (
            Aliyun,
            "LTAI5tSandboxNoSnapshot1",
            ali(json!({"InstanceId": "i-sandbox-stopped"})),
            "InvalidAccountStatus.SnapshotServiceUnavailable",
            "Snapshot service",
            403,
        ),
        (
            Aliyun,
            "LTAI5tSandboxNoWhitelist",
            ali(json!({"DiskDeviceMapping": [{"SnapshotId": "s-sandbox-data", "DiskType": "system"}]})),
            "UserNotInTheWhiteList",
            "white list",
            403,
        ),
        (
            Aliyun,
            a,
            ali(json!({"InstanceId": "i-sandbox-stopped", "Architecture": "arm"})),
            "InvalidArchitecture.Malformed",
            "Architecture",
            400,
        ),
        (
            Aliyun,
            a,
            ali(json!({"InstanceId": "i-sandbox-stopped", "Platform": "Plan9"})),
            "InvalidPlatform.Malformed",
            "Platform",
            400,
        ),
        (Aliyun, a, ali(json!({"InstanceId": "i-encrypted"})), "OperationDenied", "encrypted", 400),
        (Aliyun, a, ali(json!({"SnapshotId": "s-encrypted"})), "OperationDenied", "encrypted", 400),
        (Aliyun, a, ali(json!({"InstanceId": "", "SnapshotId": ""})), "InvalidParameter.AllEmpty", "InstanceId", 400),
        (Aliyun, a, ali(json!({"InstanceId": "i-disk-invalid"})), "IncorrectDiskStatus.Invalid", "restart", 403),
        (Aliyun, a, ali(json!({"SnapshotId": "s-flash"})), "OperationDenied.InvalidSnapshotCategory", "flash", 403),
        (
            Aliyun,
            a,
            ali(json!({"InstanceId": "i-zhangjiakou", "RegionId": "cn-zhangjiakou"})),
            "QuotaExceed.Snapshot",
            "snapshot quota",
            403,
        ),
        (
            Aliyun,
            a,
            ali(json!({"InstanceId": "i-disk-transferring"})),
            "IncorrectDiskStatus.Transferring",
            "transferring",
            403,
        ),
        (Aliyun, a, ali(json!({"InstanceId": "i-disk-expired"})), "IncorrectDiskStatus", "disk status", 403),
        (
            Aliyun,
            a,
            ali(json!({"InstanceId": "i-source-snapshot-deleted"})),
            "InvalidSystemSnapshot.Missing",
            "deleted",
            403,
        ),
        (
            Aliyun,
            a,
            ali(json!({"InstanceId": "i-creating-snapshot"})),
            "IncorrectDiskStatus.CreatingSnapshot",
            "in process",
            403,
        ),
        (
            Aliyun,
            a,
            ali(json!({"InstanceId": "i-sandbox-stopped", "ResourceGroupId": "rg-nope"})),
            "InvalidResourceGroup.NotFound",
            "ResourceGroup",
            404,
        ),
        (Aliyun, a, ali(json!({"InstanceId": "i-internal-error"})), "InternalError", "unknown error", 500),
        (
            Aliyun,
            a,
            ali(json!({"InstanceId": "i-sandbox-stopped", "RegionId": "mars-1"})),
            "InvalidRegionId.NotFound",
            "mars-1",
            404,
        ),
        // ---- seed 003 (common codes, providers.md C.5)
        (Tencent, key(Tencent), t("ins-nope", "img", "ap-guangzhou"), "5000", "does not exist", 200),
        (Tencent, key(Tencent), t("ins-running", "img", "ap-guangzhou"), "5100", "shut it down", 200),
        (Tencent, key(Tencent), t("ins-sandbox1", "sandbox-existing", "ap-guangzhou"), "4000", "already exists", 200),
        (Tencent, key(Tencent), t("ins-shfull1", "img", "ap-shanghai"), "5100", "limit is 10", 200),
        (Tencent, key(Tencent), t("ins-sandbox1", "bad_name", "ap-guangzhou"), "4000", "imageName", 200),
        // ---- seeds 000/001
        (Zenlayer, key(Zenlayer), z("999"), "INVALID_INSTANCE_NOT_FOUND", "does not exist", 404),
        (Zenlayer, key(Zenlayer), z("100000000002"), "UNSUPPORTED_OPERATION_INSTANCE_STATE_STARTING", "Shut down", 400),
        (Zenlayer, key(Zenlayer), z("100000000003"), "UNSUPPORTED_OPERATION_INSTANCE_STATE_STARTING", "Shut down", 400),
        (Zenlayer, key(Zenlayer), z("100000000008"), "LIMIT_EXCEEDED_IMAGE_QUOTA", "upper limit", 400),
        (Zenlayer, key(Zenlayer), z("100000000004"), "UNSUPPORTED_OPERATION_ZONE_NOT_SUPPORT", "zone", 400),
        (Zenlayer, key(Zenlayer), z("100000000005"), "UNSUPPORTED_OPERATION_ZONE_NOT_SUPPORT", "zone", 400),
        (Zenlayer, key(Zenlayer), z("100000000006"), "UNSUPPORTED_OPERATION_DISK_UNAVAILABLE", "status", 400),
        (Zenlayer, key(Zenlayer), z("100000000007"), "UNSUPPORTED_OPERATION_DISK_MAKING_IMAGE", "mirrored", 400),
        (
            Zenlayer,
            key(Zenlayer),
            json!({"instanceId": "100000000001", "imageName": "x".repeat(25)}),
            "INVALID_PARAMETER",
            "imageName",
            400,
        ),
        // ---- seed 004, 返回码
        (
            JdCloud,
            j,
            jd("i-task000001", "cn-north-1", json!({})),
            "FAILED_PRECONDITION",
            "Conflict with underlay task resize",
            400,
        ),
        (
            JdCloud,
            j,
            jd("i-starting01", "cn-north-1", json!({})),
            "FAILED_PRECONDITION",
            "Invalid instance status starting",
            400,
        ),
        (
            JdCloud,
            j,
            jd("i-localrun01", "cn-north-1", json!({})),
            "FAILED_PRECONDITION",
            "Please stop the instance first",
            400,
        ),
        (JdCloud, j, jd("i-nosysdisk1", "cn-north-1", json!({})), "FAILED_PRECONDITION", "System disk not found", 400),
        (
            JdCloud,
            j,
            jd("i-mountbad01", "cn-north-1", json!({})),
            "FAILED_PRECONDITION",
            "Invalid system disk mount state",
            400,
        ),
        (
            JdCloud,
            j,
            jd(
                "i-sandbox01",
                "cn-north-1",
                json!({"dataDisks": [{"deviceName": "vdc", "noDevice": true}, {"deviceName": "vdc", "noDevice": true}]}),
            ),
            "DUPLICATE",
            "Duplicate deviceName",
            400,
        ),
        (
            JdCloud,
            j,
            jd(
                "i-sandbox01",
                "cn-north-1",
                json!({"dataDisks": [{"deviceName": "vdc", "cloudDiskSpec": {"diskSizeGB": 40}}]}),
            ),
            "INVALID_ARGUMENT",
            "DiskType missing",
            400,
        ),
        (
            JdCloud,
            j,
            jd(
                "i-sandbox01",
                "cn-north-1",
                json!({"dataDisks": [{"deviceName": "vdc", "cloudDiskSpec": {"diskType": "ssd", "diskSizeGB": 1010}}]}),
            ),
            "OUT_OF_RANGE",
            "DiskSizeGB out of range",
            400,
        ),
        (
            JdCloud,
            j,
            jd(
                "i-sandbox01",
                "cn-north-1",
                json!({"dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd", "diskSizeGB": 50}}]}),
            ),
            "OUT_OF_RANGE",
            "Device 'vdb' size can only be larger than the original size",
            400,
        ),
        (
            JdCloud,
            j,
            jd("i-diskbusy01", "cn-north-1", json!({})),
            "FAILED_PRECONDITION",
            "Disk 'vol-dbdata01' busy in 'snapshotting'",
            400,
        ),
        (
            JdCloud,
            j,
            jd("i-diskbad001", "cn-north-1", json!({})),
            "FAILED_PRECONDITION",
            "Invalid Disk 'vol-bddata01' status 'error'",
            400,
        ),
        (
            JdCloud,
            j,
            jd(
                "i-sandbox01",
                "cn-north-1",
                json!({"dataDisks": [{"deviceName": "vdc", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 40, "iops": 505}}]}),
            ),
            "OUT_OF_RANGE",
            "Iops out of range",
            400,
        ),
        (JdCloud, j, jd("i-nope", "cn-north-1", json!({})), "NOT_FOUND", "Instance 'i-nope' not found.", 404),
        (
            JdCloud,
            j,
            jd(
                "i-sandbox01",
                "cn-north-1",
                json!({"dataDisks": [{"deviceName": "vdc", "cloudDiskSpec": {"snapshotId": "snapshot-nope"}}]}),
            ),
            "NOT_FOUND",
            "Snapshot 'snapshot-nope' not found",
            404,
        ),
        (JdCloud, j, jd("i-eastone001", "cn-east-1", json!({})), "QUOTA_EXCEEDED", "Image quota limit exceeded", 429),
        (
            JdCloud,
            j,
            jd("i-easttwo001", "cn-east-2", json!({})),
            "QUOTA_EXCEEDED",
            "Snapshot quota limit exceeded",
            429,
        ),
        (JdCloud, j, jd("i-internal01", "cn-north-1", json!({})), "INTERNAL", "Internal server error", 500),
        (JdCloud, j, jd("i-unknown001", "cn-north-1", json!({})), "UNKNOWN", "Unknown server error", 500),
        (
            JdCloud,
            j,
            jd("i-sandbox01", "cn-north-1", json!({"Name": "twice"})),
            "INVALID_ARGUMENT",
            "name: is given twice",
            400,
        ),
    ]
}

#[test]
fn every_business_error_row_is_reachable() {
    let mut failures = Vec::new();
    for (p, k, req, code, part, status) in rows() {
        let e = emulator();
        match create_as(&e, p, k, req.clone()) {
            Err(f) if f.code.as_str() == code && f.message.contains(part) && f.http_status == status => {}
            other => failures.push(format!("{p} {req}: want {code} {status} ~{part:?}, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{} rows wrong:\n{}", failures.len(), failures.join("\n"));
}

/// Every seed error row appears in `rows()` (by code and message), or in a test of its own.
#[test]
fn the_table_above_covers_every_seed_row() {
    use createimage_validator::catalog::entries;
    let mut tested: Vec<(Provider, &str, &str)> = rows().iter().map(|r| (r.0, r.3, r.4)).collect();
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
