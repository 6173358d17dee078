//! Zenlayer VM CreateImage business rules (seeds 000/001): the instance must be shut down, zones
//! SIN-E and LAX-A have no images, 5 images per zone, and the system disk must be available and
//! not already being imaged (also while an image the emulator made from it is still creating).

use super::{Failure, Plan, images_at, str_at};
use crate::serve::fixture::Zenlayer;
use crate::serve::state::State;
use createimage_validator::Provider;
use createimage_validator::catalog::KnownCode as C;
use createimage_validator::providers::zenlayer::Code;
use serde_json::Value;

fn fail(code: Code) -> Failure {
    Failure::row(C::Zenlayer(code), None)
}

pub(crate) fn plan(fx: &Zenlayer, state: &State, request: &Value, now_ms: u64) -> Result<Plan, Failure> {
    let id = str_at(request, "instanceId").unwrap_or_default();
    let Some(inst) = fx.instances.iter().find(|i| i.id == id) else {
        return Err(fail(Code::InvalidInstanceNotFound));
    };
    if fx.zones_without_images.contains(&inst.zone) {
        return Err(fail(Code::UnsupportedOperationZoneNotSupport));
    }
    if inst.status != "STOPPED" {
        return Err(fail(Code::UnsupportedOperationInstanceStateStarting));
    }
    if inst.disk_status != "AVAILABLE" {
        return Err(fail(Code::UnsupportedOperationDiskUnavailable));
    }
    let imaging =
        state.images.iter().any(|i| i.provider == Provider::Zenlayer && i.source == id && i.available_ms > now_ms);
    if inst.disk_making_image || imaging {
        return Err(fail(Code::UnsupportedOperationDiskMakingImage));
    }
    if images_at(&fx.images, state, Provider::Zenlayer, &inst.zone).count() >= fx.images_per_zone as usize {
        return Err(fail(Code::LimitExceededImageQuota));
    }
    let name = str_at(request, "imageName").unwrap_or_default().to_owned();
    Ok(Plan { name, location: inst.zone.clone(), source: id.to_owned() })
}
