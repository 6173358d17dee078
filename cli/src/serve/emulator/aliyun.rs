//! Alibaba ECS CreateImage business rules (seed 002 "接口说明" and the rows of its error table that
//! need server state): regions and quotas, account flags, ClientToken idempotency, duplicate names,
//! and the checks of each image source (instance, disk device mappings, snapshot).

use super::{Failure, Plan, images_at};
use crate::serve::fixture::{Account, Aliyun, AliyunSnapshot};
use crate::serve::state::{State, TokenUse, digest};
use createimage_validator::catalog::KnownCode as C;
use createimage_validator::providers::aliyun::Code;
use createimage_validator::{Provider, Request, Scalar, json};
use serde_json::Value;

/// Snapshots created on or before this day cannot make images (seed 002, 方法二/三).
const OLDEST_ALLOWED_AFTER: &str = "2013-07-15";

pub(crate) enum Decision {
    Create(Plan),
    /// The same ClientToken with the same parameters: the image it already made.
    Repeat(String),
}

fn fail(code: Code, row: Option<&str>) -> Failure {
    Failure::row(C::Aliyun(code), row)
}

fn fail_with(code: Code, message: String) -> Failure {
    Failure::new(C::Aliyun(code), None, message)
}

pub(crate) fn plan(fx: &Aliyun, state: &State, account: &Account, request: &Value) -> Result<Decision, Failure> {
    let parsed = json::Value::from_serde(request);
    let json::Value::Object(map) = &parsed else { unreachable!("validated as an object") };
    let req = Request::of(Provider::Aliyun, map);
    let s = |path: &str| req.get_str(path, None).filter(|v| !v.is_empty());

    let region = s("RegionId").unwrap_or_default();
    let Some(quota) = fx.regions.get(region) else {
        return Err(fail_with(
            Code::InvalidRegionIdNotFound,
            format!("The specified RegionId {region:?} does not exist."),
        ));
    };
    if !account.balance {
        return Err(fail(Code::InvalidAccountStatusNotEnoughBalance, None));
    }
    if let Some(rg) = s("ResourceGroupId")
        && !fx.resource_groups.iter().any(|g| g == rg)
    {
        return Err(fail(Code::InvalidResourceGroupNotFound, None));
    }
    if let Some(v) = s("ImageVersion")
        && fx.rejected_image_versions.iter().any(|r| r == v)
    {
        return Err(fail(Code::InvalidImageVersionMalformed, None));
    }
    if let Some(token) = s("ClientToken")
        && let Some(used) = state.client_tokens.get(&token_key(account, token))
    {
        return if used.fingerprint == fingerprint(request) {
            Ok(Decision::Repeat(used.image_id.clone()))
        } else {
            Err(fail(Code::InvalidParamterConflict, None))
        };
    }
    if let Some(name) = s("ImageName")
        && images_at(&fx.images, state, Provider::Aliyun, region).any(|(_, n)| n == name)
    {
        return Err(fail(Code::InvalidImageNameDuplicated, None));
    }

    // InstanceId > DiskDeviceMapping > SnapshotId (接口说明): the first one given is used.
    let source = if let Some(id) = s("InstanceId") {
        from_instance(fx, account, region, id, quota.snapshots)?;
        id.to_owned()
    } else if req.present_nonempty("DiskDeviceMapping") {
        from_mappings(fx, account, region, &req)?
    } else {
        let id = s("SnapshotId").unwrap_or_default();
        let snap = snapshot(fx, region, id)?;
        if snap.disk_kind != "system" {
            return Err(fail(Code::OperationDenied, Some("not from system disk")));
        }
        id.to_owned()
    };

    if images_at(&fx.images, state, Provider::Aliyun, region).count() >= quota.images as usize {
        return Err(fail(Code::QuotaExceedImage, None));
    }
    let name = s("ImageName").map_or_else(|| format!("image-from-{source}"), str::to_owned);
    Ok(Decision::Create(Plan { name, location: region.to_owned(), source }))
}

/// 方法一: every disk of the instance gets a snapshot.
fn from_instance(fx: &Aliyun, account: &Account, region: &str, id: &str, snapshot_quota: u32) -> Result<(), Failure> {
    let Some(inst) = fx.instances.iter().find(|i| i.id == id && i.region == region) else {
        return Err(fail(Code::InvalidInstanceIdNotFound, None));
    };
    if inst.internal_error {
        return Err(fail(Code::InternalError, None));
    }
    if !matches!(inst.status.as_str(), "Running" | "Stopped") {
        return Err(fail(Code::IncorrectInstanceStatus, None));
    }
    if inst.locked_for_security {
        return Err(fail(Code::InstanceLockedForSecurity, None));
    }
    if !account.snapshot_service {
        return Err(fail(Code::InvalidAccountStatusSnapshotServiceUnavailable, None));
    }
    for disk in &inst.disks {
        if disk.category.starts_with("ephemeral") || disk.category.starts_with("local") {
            return Err(fail(Code::InvalidDiskCategoryCreateImage, None));
        }
        if disk.encrypted {
            return Err(fail(Code::OperationDenied, Some("encrypted")));
        }
        match disk.status.as_str() {
            "In_use" | "Available" => {}
            "Invalid" => return Err(fail(Code::IncorrectDiskStatusInvalid, None)),
            "Transferring" => return Err(fail(Code::IncorrectDiskStatusTransferring, None)),
            _ => return Err(fail(Code::IncorrectDiskStatus, None)),
        }
        if disk.creating_snapshot {
            return Err(fail(Code::IncorrectDiskStatusCreatingSnapshot, None));
        }
    }
    if inst.source_snapshot_deleted {
        return Err(fail_with(
            Code::InvalidSystemSnapshotMissing,
            format!("The source snapshot of the system disk of {id} has been deleted."),
        ));
    }
    if inst.disks.len() > snapshot_quota as usize {
        return Err(fail(Code::QuotaExceedSnapshot, None));
    }
    Ok(())
}

/// 方法三: one system disk snapshot and any data disks; a mapping without a snapshot is an empty disk.
fn from_mappings(fx: &Aliyun, account: &Account, region: &str, req: &Request<'_>) -> Result<String, Failure> {
    let mut systems = 0;
    let mut source = String::new();
    for index in req.items("DiskDeviceMapping").collect::<Vec<_>>() {
        let snap_id = req.get_str("DiskDeviceMapping.N.SnapshotId", index).filter(|v| !v.is_empty());
        let snap = snap_id.map(|id| snapshot(fx, region, id)).transpose()?;
        if let (Some(snap), Some(Scalar::Int(size))) = (snap, req.get("DiskDeviceMapping.N.Size", index))
            && size < i64::from(snap.size_gib)
        {
            return Err(fail(Code::InvalidSizeValueNotSupported, None));
        }
        // Without DiskType the disk keeps its snapshot's type; without a snapshot it is data.
        let disk_type = req.get_str("DiskDeviceMapping.N.DiskType", index);
        let is_system = match disk_type {
            Some(t) => t == "system",
            None => snap.is_some_and(|s| s.disk_kind == "system"),
        };
        if is_system {
            systems += 1;
            if snap.is_some_and(|s| s.disk_kind == "data") && !account.data_disk_image_whitelist {
                return Err(fail(Code::UserNotInTheWhiteList, None));
            }
            source = snap_id.unwrap_or_default().to_owned();
        }
    }
    match systems {
        0 => Err(fail(Code::OperationDenied, Some("does not contain system disk"))),
        1 => Ok(source),
        _ => Err(fail(Code::OperationDenied, Some("two or more system disk"))),
    }
}

fn snapshot<'a>(fx: &'a Aliyun, region: &str, id: &str) -> Result<&'a AliyunSnapshot, Failure> {
    let Some(snap) = fx.snapshots.iter().find(|s| s.id == id && s.region == region) else {
        return Err(fail(Code::InvalidSnapshotIdNotFound, None));
    };
    // ISO dates compare as strings.
    if snap.created.as_str() <= OLDEST_ALLOWED_AFTER {
        return Err(fail(Code::InvalidSnapshotTooOld, None));
    }
    if snap.status != "accomplished" {
        return Err(fail(Code::InvalidSnapshotIdNotReady, None));
    }
    if snap.category != "standard" {
        return Err(fail_with(
            Code::OperationDeniedInvalidSnapshotCategory,
            format!("The category {:?} of snapshot {id} cannot create an image.", snap.category),
        ));
    }
    if snap.encrypted {
        return Err(fail(Code::OperationDenied, Some("encrypted")));
    }
    if !snap.image_allowed {
        return Err(fail(Code::OperationDenied, Some("not allowed to create image")));
    }
    Ok(snap)
}

/// Where a token's use is kept: a digest, so the state file holds no access key id or token.
fn token_key(account: &Account, token: &str) -> String {
    digest(&format!("{}\n{token}", account.access_key_id))
}

/// A digest of the request's parameters without the protocol's own (signature, nonce, time …),
/// canonical: the same token with these parameters is the same request.
fn fingerprint(request: &Value) -> String {
    let spec = Provider::Aliyun.spec();
    let mut kept: Vec<(&String, &Value)> =
        request.as_object().into_iter().flatten().filter(|(k, _)| !spec.field(k).is_some_and(|f| f.common)).collect();
    kept.sort_by(|a, b| a.0.cmp(b.0));
    digest(&serde_json::to_string(&kept).unwrap_or_default())
}

pub(crate) fn remember_token(state: &mut State, account: &Account, request: &Value, image_id: &str) {
    if let Some(token) = request.get("ClientToken").and_then(Value::as_str).filter(|t| !t.is_empty()) {
        let used = TokenUse { fingerprint: fingerprint(request), image_id: image_id.to_owned() };
        state.client_tokens.insert(token_key(account, token), used);
    }
}
