//! Zenlayer Cloud VM CreateImage (Cloud API 2.0): seed 000 (Chinese edition) and seed 001 (English,
//! later edition), "请求参数 / Input Parameters". Where the editions disagree (`.` in imageName) the
//! request is accepted with a warning. Quotas, instance state and zones are server state (emulator).

pub mod catalog;
pub mod wire;

pub use catalog::Code;

use crate::catalog::KnownCode as C;
use crate::charset::CharClass::{Char, Digit, Han, Letter};
use crate::charset::CharSet;
use crate::provider::Provider;
use crate::report::DocSource;
use crate::report::{LengthUnit::Chars, ValueType::String};
use crate::rule::{Check, Field, Spec};

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
