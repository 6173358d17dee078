//! Zenlayer Cloud VM CreateImage (Cloud API 2.0): seed 000 (Chinese edition) and seed 001 (English,
//! later edition), "请求参数 / Input Parameters". Where the editions disagree (`.` in imageName) the
//! request is accepted with a warning. Quotas, instance state and zones are server state (emulator).

pub mod catalog;
pub mod codes;
pub mod wire;

pub use codes::Code;

use crate::catalog::KnownCode as C;
use crate::charset::CharClass::{Char, Digit, Han, Letter};
use crate::charset::CharSet;
use crate::provider::Provider;
use crate::registration::{
    Answer, Console, Emulator, Hosts, IdForm, ImageStatus, NonceKind, Offer, Registration, RequestIdKind, Wire,
};
use crate::report::DocSource;
use crate::report::{LengthUnit::Chars, ValueType::String};
use crate::rule::{Check, Field, Spec};
use crate::wire::Algorithm;

/// Zenlayer documents no generic parameter error code; createimage uses this one (marked
/// undocumented in the catalog and in `explain`).
const PARAM: C = C::Zenlayer(Code::InvalidParameter);
const SEEDS: &str = "seed 000 + seed 001, request parameters";

pub static FIELDS: &[Field] = &[
    Field::new("instanceId", String, PARAM, SEEDS).required().text(
        "Instance ID",
        "实例 ID",
        "The instance to image. Shut it down first.",
        "需要制作镜像的实例 ID。请先关机。",
    ),
    Field::new("imageName", String, PARAM, SEEDS)
        .required()
        .checks(&[
            Check::Length { min: 1, max: 24, unit: Chars },
            Check::Chars { allowed: CharSet::of(&[Han, Letter, Digit, Char('-'), Char('_'), Char('.')]) },
            Check::DocsDisagree {
                char: '.',
                allowed_by: DocSource::ZenlayerChinese,
                forbidden_by: DocSource::ZenlayerEnglish,
            },
        ])
        .text(
            "Image name",
            "镜像名称",
            "Up to 24 characters: Chinese characters, letters, digits, - and _.",
            "不超过 24 个字符，支持中文、字母、数字、- 和 _。",
        ),
    Field::new("imageDescription", String, PARAM, SEEDS)
        .checks(&[Check::Length { min: 0, max: 255, unit: Chars }])
        .text("Image description", "镜像描述", "Up to 255 characters.", "不超过 255 个字符。"),
];

pub static SPEC: Spec = Spec {
    provider: Provider::Zenlayer,
    fields: FIELDS,
    cross: &[],
    case_insensitive_keys: false,
    flat_form: false,
    generic: PARAM,
    missing: PARAM,
    derived: std::sync::OnceLock::new(),
};

/// Zenlayer Cloud VM, as the rest of createimage knows it.
pub const REGISTRATION: Registration = Registration {
    provider: Provider::Zenlayer,
    id: "zenlayer",
    aliases: &[],
    display_name: "Zenlayer Cloud VM",
    spec: &SPEC,
    catalog: catalog::ENTRIES,
    rows: catalog::ROWS,
    wire: &Wire {
        algorithms: &[Algorithm::ZenlayerZc2],
        nonce: NonceKind::None,
        hosts: Hosts { default: wire::HOST, others: &[], regional: None },
        path_prefix: Some("/api"),
        // Not documented (providers.md A.2): 15 minutes, as Alibaba.
        clock_skew_secs: 900,
        access_key_parameter: "Authorization",
        region_parameter: None,
        signature_echo: None,
    },
    emulator: &Emulator {
        image_status: ImageStatus { creating: "CREATING", available: "AVAILABLE" },
        image_id: IdForm { prefix: "img-", len: 8 },
        // `T4C35327C-7B13-47B8-A815-5E5213D4A9F9`
        request_id: RequestIdKind::UpperUuid { prefix: "T" },
        // Its authentication codes are not documented (providers.md A.5): the one the SDK knows.
        unknown_key: Answer { code: C::Zenlayer(Code::AuthenticationFailed), message: "access key {key} is not valid" },
        replay: Answer { code: C::Zenlayer(Code::AuthenticationFailed), message: "the request was replayed" },
        auth_failure: C::Zenlayer(Code::AuthenticationFailed),
        account_owner: Provider::Zenlayer,
    },
    console: &Console {
        form: true,
        family: None,
        source_fields: &["instanceId"],
        with_source: &[],
        name_field: "imageName",
        description_field: "imageDescription",
        signer_fields: &[],
        auto_fields: &[],
        defaults: &[],
        groups: &[],
        offers: &[("instanceId", Offer::Instances)],
    },
};
