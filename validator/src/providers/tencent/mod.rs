//! Tencent Cloud CVM CreateImage, legacy API v2: seed 003 "Input Parameters", plus the common
//! parameters of providers.md C.4 (known, so a full query string checks without warnings).
//! Duplicate names and the 10-images-per-region quota are server state (emulator).

pub mod catalog;
pub mod codes;
pub mod wire;

pub use codes::Code;

use crate::catalog::{KnownCode as C, Text};
use crate::charset::CharClass::{Char, Digit, Han, Letter};
use crate::charset::CharSet;
use crate::provider::Provider;
use crate::registration::{
    Answer, Console, Emulator, Family, Hosts, IdForm, ImageStatus, NonceKind, Offer, Registration, RequestIdKind, Wire,
};
use crate::report::{LengthUnit::Chars, ValueType};
use crate::rule::{Check, Field, Spec};
use crate::wire::Algorithm;

const PARAM: C = C::Tencent(Code::InvalidParameter);
const SEED: &str = "seed 003, Input Parameters";
const COMMON: &str = "providers.md C.4";

pub static FIELDS: &[Field] = &[
    Field::new("instanceId", ValueType::String, PARAM, SEED).required().text(
        "Instance ID",
        "实例 ID",
        "The instance to image (ins-…). Shut it down first.",
        "要制作镜像的实例 ID（ins-…）。请先关机。",
    ),
    Field::new("imageName", ValueType::String, PARAM, SEED)
        .required()
        .checks(&[
            Check::Length { min: 1, max: 16, unit: Chars },
            Check::Chars { allowed: CharSet::of(&[Letter, Digit, Char('-')]) },
        ])
        .text(
            "Image name",
            "镜像名称",
            "1–16 characters: letters, digits and -. Must differ from your existing image names.",
            "1~16 个字符，只能包含英文字母、数字和 -，不能与已有镜像重名。",
        ),
    Field::new("imageDescription", ValueType::String, PARAM, SEED)
        .checks(&[
            Check::Length { min: 0, max: 64, unit: Chars },
            Check::Chars { allowed: CharSet::of(&[Han, Letter, Digit, Char('-'), Char('_')]) },
        ])
        .text(
            "Image description",
            "镜像描述",
            "0–64 characters: Chinese characters, letters, digits, - and _.",
            "0~64 个字符，可包含中文、英文字母、数字、- 和 _。",
        ),
    Field::new("Action", ValueType::String, PARAM, COMMON)
        .common()
        .checks(&[Check::OneOf { values: &["CreateImage"] }]),
    // A common parameter, but one a person chooses: forms show it beside the credentials.
    Field::new("Region", ValueType::String, PARAM, COMMON).common().text(
        "Region",
        "地域",
        "The region of the instance, e.g. ap-guangzhou.",
        "实例所在的地域，例如 ap-guangzhou。",
    ),
    Field::new("Timestamp", ValueType::Integer, PARAM, COMMON).common(),
    Field::new("Nonce", ValueType::Integer, PARAM, COMMON).common(),
    Field::new("SecretId", ValueType::String, PARAM, COMMON).common(),
    Field::new("Signature", ValueType::String, PARAM, COMMON).common(),
    Field::new("SignatureMethod", ValueType::String, PARAM, COMMON)
        .common()
        .checks(&[Check::OneOf { values: &["HmacSHA1", "HmacSHA256"] }]),
    Field::new("Token", ValueType::String, PARAM, COMMON).common(),
];

pub static SPEC: Spec = Spec {
    provider: Provider::Tencent,
    fields: FIELDS,
    cross: &[],
    case_insensitive_keys: false,
    // The v2 API takes a query string: numbers may arrive as decimal strings.
    flat_form: true,
    generic: PARAM,
    missing: PARAM,
    derived: std::sync::OnceLock::new(),
};

/// The console's one tab for both of Tencent's APIs (this one and API 3.0).
pub const TAB: &str = "Tencent Cloud CVM";

/// Tencent Cloud CVM (API v2), as the rest of createimage knows it.
pub const REGISTRATION: Registration = Registration {
    provider: Provider::Tencent,
    id: "tencent",
    aliases: &["qcloud", "tencentcloud", "cvm"],
    display_name: "Tencent Cloud CVM (legacy API v2)",
    spec: &SPEC,
    catalog: catalog::ENTRIES,
    rows: catalog::ROWS,
    wire: &Wire {
        algorithms: &[Algorithm::TencentHmacSha256, Algorithm::TencentHmacSha1],
        nonce: NonceKind::PositiveInteger,
        hosts: Hosts { default: wire::HOST, others: &[], regional: None },
        path_prefix: Some("/v2"),
        // The docs say 2 hours and, later, 5 minutes (providers.md C.4): the stricter.
        clock_skew_secs: 300,
        access_key_parameter: "SecretId",
        region_parameter: Some("Region"),
        signature_echo: None,
    },
    emulator: &Emulator {
        image_status: ImageStatus { creating: "CREATING", available: "NORMAL" },
        image_id: IdForm { prefix: "img-", len: 8 },
        // An integer task id (seed 003: `24534341`).
        request_id: RequestIdKind::Integer,
        unknown_key: Answer { code: C::Tencent(Code::SecretKeyNotFound), message: "SecretId {key} does not exist" },
        replay: Answer { code: C::Tencent(Code::ReplayAttack), message: "Nonce has been used (replay attack)" },
        auth_failure: C::Tencent(Code::AuthFailure),
        account_owner: Provider::Tencent,
    },
    console: &Console {
        form: true,
        family: Some(Family {
            tab: TAB,
            api: Text::human("Legacy API v2 (private clouds)", "旧版 API v2（专有云）"),
            default: false,
        }),
        source_fields: &["Region", "instanceId"],
        with_source: &[],
        name_field: "imageName",
        description_field: "imageDescription",
        // The signer takes the region from the request.
        signer_fields: &["Region"],
        auto_fields: &[],
        defaults: &[("Region", "ap-guangzhou")],
        groups: &[],
        offers: &[("Region", Offer::Regions), ("instanceId", Offer::Instances)],
    },
};

/// The legacy API's short `Region` names (providers.md C.7, which the legacy Python SDK's own docs
/// use: `Region=gz`) and the long names the later docs and the signature examples use for the same
/// regions. A server takes either; the long one names the region in state (quota, duplicates).
pub const REGION_ALIASES: &[(&str, &str)] = &[
    ("gz", "ap-guangzhou"),
    ("sh", "ap-shanghai"),
    ("bj", "ap-beijing"),
    ("cd", "ap-chengdu"),
    ("cq", "ap-chongqing"),
    ("hk", "ap-hongkong"),
    ("sg", "ap-singapore"),
    ("th", "ap-bangkok"),
    ("kr", "ap-seoul"),
    ("jp", "ap-tokyo"),
    ("de", "eu-frankfurt"),
    ("in", "ap-mumbai"),
    ("ca", "na-toronto"),
    ("usw", "na-siliconvalley"),
    ("use", "na-ashburn"),
];

/// The long name of a region given by its short legacy name; any other name unchanged.
pub fn canonical_region(region: &str) -> &str {
    REGION_ALIASES.iter().find(|(short, _)| *short == region).map_or(region, |(_, long)| long)
}

#[cfg(test)]
mod region_tests {
    use super::*;

    #[test]
    fn short_names_map_to_long_ones_and_others_stay() {
        assert_eq!(canonical_region("gz"), "ap-guangzhou");
        assert_eq!(canonical_region("usw"), "na-siliconvalley");
        assert_eq!(canonical_region("ap-guangzhou"), "ap-guangzhou");
        assert_eq!(canonical_region("GZ"), "GZ");
        let shorts: Vec<&str> = REGION_ALIASES.iter().map(|(s, _)| *s).collect();
        assert_eq!(shorts.len(), 15, "the fifteen short names of the legacy region list");
        let mut longs: Vec<&str> = REGION_ALIASES.iter().map(|(_, l)| *l).collect();
        longs.sort_unstable();
        longs.dedup();
        assert_eq!(longs.len(), 15, "no two short names for one region");
    }
}
