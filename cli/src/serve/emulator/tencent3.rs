//! Tencent CVM API 3.0 CreateImage business rules, on the same instances, images and quota (10
//! per region) as the legacy API: the instance or the snapshots must exist in the region; an
//! instance in a passing state is refused with its `UnsupportedOperation.InstanceState*` code (a
//! running or stopped one is imaged: `ForcePoweroff=false`, the default, images it running);
//! `DataDiskIds` must be the instance's data disks; the snapshots must be taken and hold exactly
//! one system disk; names are unique per region. `DryRun` answers `DryRunOperation` once all of
//! that holds, and makes nothing.

use super::tencent::{DEFAULT_REGION, region_images};
use super::{Failure, Plan, str_at};
use crate::serve::fixture::Tencent;
use crate::serve::state::State;
use createimage_validator::catalog::Code as C;
use createimage_validator::providers::tencent3::Code;
use serde_json::Value;

/// The instance states CreateImage refuses, each with its code (CVM's `InstanceState` values).
const PASSING_STATES: &[(&str, Code)] = &[
    ("STARTING", Code::StateStarting),
    ("STOPPING", Code::StateStopping),
    ("REBOOTING", Code::StateRebooting),
    ("TERMINATING", Code::StateTerminating),
    ("ENTER_RESCUE_MODE", Code::StateEnterRescueMode),
    ("RESCUE_MODE", Code::StateRescueMode),
    ("EXIT_RESCUE_MODE", Code::StateExitRescueMode),
    ("FREEZING", Code::StateFreezing),
    ("ENTER_SERVICE_LIVE_MIGRATE", Code::StateEnterServiceLiveMigrate),
    ("SERVICE_LIVE_MIGRATE", Code::StateServiceLiveMigrate),
];

fn fail(code: Code, message: String) -> Failure {
    Failure::new(C::Tencent3(code), None, message)
}

fn strings(request: &Value, key: &str) -> Vec<String> {
    let items = request.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    items.iter().filter_map(Value::as_str).map(str::to_owned).collect()
}

pub(crate) fn plan(fx: &Tencent, state: &State, request: &Value) -> Result<Plan, Failure> {
    let region = str_at(request, "Region").unwrap_or(DEFAULT_REGION);
    let name = str_at(request, "ImageName").unwrap_or_default();
    let source = match str_at(request, "InstanceId") {
        Some(id) => instance_source(fx, region, id, &strings(request, "DataDiskIds"))?,
        None => snapshot_source(fx, region, &strings(request, "SnapshotIds"))?,
    };
    if region_images(fx, state, region).any(|(_, n)| n == name) {
        let msg = format!("The specified image name already exists: {name:?} in {region}.");
        return Err(fail(Code::InvalidImageNameDuplicate, msg));
    }
    let count = region_images(fx, state, region).count();
    if count >= fx.images_per_region as usize {
        let msg =
            format!("Image quota exceeded: {region} has {count} custom images, the limit is {}.", fx.images_per_region);
        return Err(fail(Code::ImageQuotaLimitExceeded, msg));
    }
    if request.get("DryRun") == Some(&Value::Bool(true)) {
        return Err(fail(
            Code::DryRunOperation,
            "Request validation has passed; DryRun is set, so nothing was created.".into(),
        ));
    }
    Ok(Plan { name: name.to_owned(), location: region.to_owned(), source })
}

fn instance_source(fx: &Tencent, region: &str, id: &str, data_disks: &[String]) -> Result<String, Failure> {
    let Some(inst) = fx.instances.iter().find(|i| i.id == id && i.region == region) else {
        return Err(fail(Code::InvalidInstanceIdNotFound, format!("No instance found: {id} in {region}.")));
    };
    if let Some(&(_, code)) = PASSING_STATES.iter().find(|(s, _)| *s == inst.status) {
        return Err(fail(
            code,
            format!("Instance {id} is {}; the operation is not supported in this state.", inst.status),
        ));
    }
    for disk in data_disks {
        if inst.system_disk.as_deref() == Some(disk.as_str()) {
            let msg = format!("{disk} is the system disk of {id}; DataDiskIds takes data disks only.");
            return Err(fail(Code::DataDiskIdContainsRootDisk, msg));
        }
        if !inst.data_disks.contains(disk) {
            let msg = format!("Data disk {disk} does not belong to instance {id}.");
            return Err(fail(Code::DataDiskNotBelongSpecifiedInstance, msg));
        }
    }
    Ok(id.to_owned())
}

fn snapshot_source(fx: &Tencent, region: &str, ids: &[String]) -> Result<String, Failure> {
    let mut systems = 0;
    for id in ids {
        let Some(snap) = fx.snapshots.iter().find(|s| &s.id == id && s.region == region) else {
            return Err(fail(
                Code::SnapshotNotFound,
                format!("The specified snapshot does not exist: {id} in {region}."),
            ));
        };
        if snap.status == "CREATING" {
            return Err(fail(Code::SnapshotCreating, format!("Snapshot {id} is being created.")));
        }
        systems += usize::from(snap.disk == "system");
    }
    match systems {
        0 => Err(fail(Code::SystemSnapshotNotFound, "No system disk snapshot given in SnapshotIds.".into())),
        1 => Ok(ids.join(",")),
        n => Err(fail(
            Code::DuplicateSystemSnapshots,
            format!("Only one system disk snapshot can be included ({n} given)."),
        )),
    }
}
