//! Tencent CVM (API v2) CreateImage business rules (seed 003): the instance must be shut down,
//! at most 10 custom images per region, no duplicate names. The seed names no module codes for
//! these, so the emulator answers with the common codes providers.md C.5 gives for such cases
//! (5000 resource not found, 5100 operation failed, 4000 bad parameter) and says why in `message`.

use super::{Failure, Plan, images_at, str_at};
use crate::serve::fixture::Tencent;
use crate::serve::state::State;
use createimage_validator::Provider;
use createimage_validator::catalog::Code as C;
use createimage_validator::providers::tencent::{self, Code};
use serde_json::Value;

/// The region when a request carries no `Region` common parameter.
pub(crate) const DEFAULT_REGION: &str = "ap-guangzhou";

pub(crate) fn plan(fx: &Tencent, state: &State, request: &Value) -> Result<Plan, Failure> {
    // The legacy short names (`gz`) name the same regions as the long ones.
    let region = tencent::canonical_region(str_at(request, "Region").unwrap_or(DEFAULT_REGION));
    let id = str_at(request, "instanceId").unwrap_or_default();
    let name = str_at(request, "imageName").unwrap_or_default();
    let Some(inst) = fx.instances.iter().find(|i| i.id == id && i.region == region) else {
        let msg = format!("(InvalidInstanceId.NotFound) instance {id} does not exist in {region}");
        return Err(Failure::new(C::Tencent(Code::ResourceNotFound), None, msg));
    };
    if inst.status != "STOPPED" {
        let msg =
            format!("(InvalidInstanceState) instance {id} is {}; shut it down before creating an image", inst.status);
        return Err(Failure::new(C::Tencent(Code::ResourceOperationFailed), None, msg));
    }
    if region_images(fx, state, region).any(|(_, n)| n == name) {
        let msg = format!("(InvalidImageName.Duplicate) an image named {name:?} already exists in {region}");
        return Err(Failure::new(C::Tencent(Code::InvalidParameter), None, msg));
    }
    let count = region_images(fx, state, region).count();
    if count >= fx.images_per_region as usize {
        let msg = format!(
            "(LimitExceeded.ImageQuota) {region} already has {count} custom images; the limit is {}",
            fx.images_per_region
        );
        return Err(Failure::new(C::Tencent(Code::ResourceOperationFailed), None, msg));
    }
    Ok(Plan { name: name.to_owned(), location: region.to_owned(), source: id.to_owned() })
}

/// The custom images of a region, whichever of Tencent's APIs made them: both count against the
/// one quota and the one set of names.
pub(crate) fn region_images<'a>(
    fx: &'a Tencent,
    state: &'a State,
    region: &'a str,
) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    let api3 = state.images.iter().filter(move |i| i.provider == Provider::Tencent3 && i.location == region);
    images_at(&fx.images, state, Provider::Tencent, region).chain(api3.map(|i| (i.id.as_str(), i.name.as_str())))
}
