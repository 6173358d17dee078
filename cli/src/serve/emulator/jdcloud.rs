//! JD Cloud VM createImage business rules (seed 004 "接口说明" and "返回码"): no task in progress,
//! a local system disk only when stopped, a sound system disk, data disks not busy and in a good
//! state, sizes not below the original, snapshots that exist, image and snapshot quotas.

use super::{Failure, Plan, images_at};
use crate::serve::fixture::JdCloud;
use crate::serve::state::State;
use createimage_validator::catalog::KnownCode as C;
use createimage_validator::providers::jdcloud::Code;
use createimage_validator::{Provider, Request, Scalar, json};
use serde_json::Value;

fn fail(code: Code, message: String) -> Failure {
    Failure::new(C::JdCloud(code), None, message)
}

/// The seed row whose message contains `row`, with its `xx` placeholders filled from `values`.
fn row(code: Code, row: &str, values: &[&str]) -> Failure {
    let template = createimage_validator::catalog::entry_for(C::JdCloud(code), Some(row)).map_or(row, |e| e.message);
    let mut message = String::new();
    let mut rest = template;
    let mut values = values.iter();
    while let Some(at) = rest.find("xx") {
        message.push_str(&rest[..at]);
        message.push_str(values.next().copied().unwrap_or("xx"));
        rest = &rest[at + 2..];
    }
    message.push_str(rest);
    Failure::new(C::JdCloud(code), Some(row), message)
}

pub(crate) fn plan(fx: &JdCloud, state: &State, request: &Value) -> Result<Plan, Failure> {
    let parsed = json::Value::from_serde(request);
    let json::Value::Object(map) = &parsed else { unreachable!("validated as an object") };
    let req = Request::of(Provider::JdCloud, map);
    let region = req.get_str("regionId", None).unwrap_or_default();
    let id = req.get_str("instanceId", None).unwrap_or_default();

    let quota = fx.regions.get(region);
    let Some(inst) = fx.instances.iter().find(|i| i.id == id && i.region == region).filter(|_| quota.is_some()) else {
        return Err(row(Code::NotFound, "Instance", &[id]));
    };
    let quota = quota.expect("checked above");
    match inst.server_error.as_deref() {
        Some("INTERNAL") => return Err(fail(Code::Internal, "Internal server error".into())),
        Some(_) => return Err(fail(Code::Unknown, "Unknown server error".into())),
        None => {}
    }
    if let Some(task) = &inst.task {
        return Err(row(Code::FailedPrecondition, "underlay task", &[task]));
    }
    if !matches!(inst.status.as_str(), "running" | "stopped") {
        return Err(row(Code::FailedPrecondition, "Invalid instance status", &[&inst.status]));
    }
    let Some(system) = inst.disks.iter().find(|d| d.device == "vda") else {
        return Err(row(Code::FailedPrecondition, "System disk not found", &[]));
    };
    if system.mount_state != "attached" {
        return Err(row(Code::FailedPrecondition, "mount state", &[]));
    }
    if system.category == "local" && inst.status == "running" {
        return Err(row(Code::FailedPrecondition, "stop the instance", &[]));
    }

    // dataDisks: excluded devices, replaced devices (not smaller than before), new disks.
    let mut excluded = Vec::new();
    for index in req.items("dataDisks").collect::<Vec<_>>() {
        let device = req.get_str("dataDisks[].deviceName", index);
        if req.get("dataDisks[].noDevice", index) == Some(Scalar::Bool(true)) {
            excluded.extend(device);
            continue;
        }
        if let Some(snap_id) = req.get_str("dataDisks[].cloudDiskSpec.snapshotId", index)
            && !fx.snapshots.iter().any(|s| s.id == snap_id && s.region == region)
        {
            return Err(row(Code::NotFound, "Snapshot", &[snap_id]));
        }
        if let (Some(dev), Some(Scalar::Int(size))) = (device, req.get("dataDisks[].cloudDiskSpec.diskSizeGB", index))
            && let Some(disk) = inst.disks.iter().find(|d| d.device == dev)
            && size < i64::from(disk.size_gb)
        {
            return Err(row(Code::OutOfRange, "larger than the original", &[dev]));
        }
        excluded.extend(device); // replaced: the instance's disk on that device is not snapshotted
    }
    // The instance's cloud data disks that will be snapshotted.
    let snapshotted: Vec<_> = inst
        .disks
        .iter()
        .filter(|d| d.device != "vda" && d.category == "cloud" && !excluded.contains(&d.device.as_str()))
        .collect();
    for disk in &snapshotted {
        if let Some(task) = &disk.busy_in {
            return Err(row(Code::FailedPrecondition, "busy in", &[&disk.id, task]));
        }
        if disk.status != "in-use" {
            return Err(row(Code::FailedPrecondition, "Invalid Disk", &[&disk.id, &disk.status]));
        }
    }
    if images_at(&fx.images, state, Provider::JdCloud, region).count() >= quota.images as usize {
        return Err(row(Code::QuotaExceeded, "Image quota", &[]));
    }
    if snapshotted.len() > quota.snapshots as usize {
        return Err(row(Code::QuotaExceeded, "Snapshot quota", &[]));
    }
    let name = req.get_str("name", None).unwrap_or_default().to_owned();
    Ok(Plan { name, location: region.to_owned(), source: id.to_owned() })
}
