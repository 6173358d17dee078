//! Tencent Cloud CVM CreateImage, API 3.0 (version 2017-03-12): the parameters of Tencent's
//! CreateImage page and of the official SDKs' request model, in their order, with the limits of
//! the Chinese page (ImageName ≤ 60, ImageDescription ≤ 256 characters; the English editions
//! state none) and the tag service's rules for `TagSpecification`. Requests are the JSON body the
//! SDKs POST; the flat form a GET carries (`SnapshotIds.0`, `TagSpecification.0.Tags.0.Key`) is
//! read into it by `wire::decode`. Where editions disagree on a value's casing (`TRUE`/`true`) it
//! is accepted with a warning. Duplicate names, quotas and instance state are server state.

pub mod catalog;
pub mod codes;
pub mod wire;

pub use codes::Code;

use crate::catalog::{KnownCode as C, Text};
use crate::findings::Findings;
use crate::provider::Provider;
use crate::registration::{
    Answer, Console, Emulator, Family, Group, Hosts, IdForm, ImageStatus, NonceKind, Offer, RegionalHosts,
    Registration, RequestIdKind, Wire,
};
use crate::report::{DocSource, IssueKind, LengthUnit::Chars, ValueType};
use crate::rule::{Check, Cross, Field, Params, Spec};
use crate::wire::Algorithm;

const PARAM: C = C::Tencent3(Code::InvalidParameter);
const VALUE: C = C::Tencent3(Code::InvalidParameterValue);
const TOO_LONG: C = C::Tencent3(Code::ValueTooLarge);
const MISSING: C = C::Tencent3(Code::MissingParameter);
const PAGE: &str = "Tencent Cloud CVM API 3.0, CreateImage, input parameters";
const TAGS: &str = "Tencent Cloud tag service, tag restrictions";
const COMMON: &str = "Tencent Cloud API 3.0, common parameters";

/// The string booleans of `ForcePoweroff` and `Sysprep`: the current Chinese page writes
/// `true`/`false`, older and English editions `TRUE`/`FALSE`.
const STRING_BOOLEANS: &[Check] = &[Check::OneOf { values: &["true", "false", "TRUE", "FALSE"] }];
/// The tag service's reserved key prefixes; a key may not start with a space either.
const TAG_KEY: &[Check] = &[
    Check::Length { min: 1, max: 127, unit: Chars },
    Check::NoPrefix { prefixes: &["qcs:", "project", "项目", " "], ignore_case: false },
];
const TAG_VALUE: &[Check] =
    &[Check::Length { min: 1, max: 255, unit: Chars }, Check::NoPrefix { prefixes: &[" "], ignore_case: false }];

pub static FIELDS: &[Field] = &[
    Field::new("ImageName", ValueType::String, TOO_LONG, PAGE)
        .required()
        .missing_code(MISSING)
        .checks(&[Check::Length { min: 1, max: 60, unit: Chars }])
        .text("Image name", "镜像名称", "Up to 60 characters.", "最多 60 个字符。"),
    Field::new("InstanceId", ValueType::String, PARAM, PAGE).text(
        "Instance ID",
        "实例 ID",
        "Make the image from this instance (ins-…), or give snapshots instead.",
        "用该实例（ins-…）制作镜像；或改为指定快照。",
    ),
    Field::new("ImageDescription", ValueType::String, TOO_LONG, PAGE)
        .checks(&[Check::Length { min: 0, max: 256, unit: Chars }])
        .text("Image description", "镜像描述", "Up to 256 characters.", "最多 256 个字符。"),
    Field::new("ForcePoweroff", ValueType::String, VALUE, PAGE).checks(STRING_BOOLEANS).text(
        "Force power-off",
        "强制关机",
        "true: shut the instance down, then make the image. false (default): image it while it runs; data not yet written to disk may be missing.",
        "true：先关机再制作镜像。false（默认）：开机状态下制作，可能缺少尚未落盘的数据。",
    ),
    Field::new("Sysprep", ValueType::String, VALUE, PAGE).checks(STRING_BOOLEANS).text(
        "Sysprep",
        "Sysprep",
        "Windows only: true runs Sysprep before imaging. Default false.",
        "仅 Windows：true 表示制作镜像前执行 Sysprep。默认 false。",
    ),
    Field::new("DataDiskIds", ValueType::Array, PARAM, PAGE).of(ValueType::String).text(
        "Data disk IDs",
        "数据盘 ID",
        "Data disks of the instance to include (disk-…); only with an instance.",
        "要一并制作进镜像的实例数据盘（disk-…），仅与实例 ID 一起使用。",
    ),
    Field::new("SnapshotIds", ValueType::Array, PARAM, PAGE).of(ValueType::String).text(
        "Snapshot IDs",
        "快照 ID",
        "Make the image from these snapshots (snap-…) instead of an instance: exactly one system disk snapshot.",
        "用这些快照（snap-…）而不是实例制作镜像：须包含且只包含一个系统盘快照。",
    ),
    Field::new("DryRun", ValueType::Boolean, PARAM, PAGE).text(
        "Dry run",
        "预检",
        "true: only check the request (answered DryRunOperation); nothing is created.",
        "true：只检查请求（返回 DryRunOperation），不创建镜像。",
    ),
    Field::new("TagSpecification", ValueType::Array, PARAM, PAGE).text(
        "Tags",
        "标签",
        "Tags bound to the new image.",
        "绑定到新镜像的标签。",
    ),
    Field::new("TagSpecification[].ResourceType", ValueType::String, VALUE, PAGE)
        .required()
        .checks(&[Check::OneOf { values: &["image", "instance", "host", "keypair", "ps", "hpc"] }])
        .text("Resource type", "资源类型", "image, for CreateImage.", "创建镜像时为 image。"),
    Field::new("TagSpecification[].Tags", ValueType::Array, C::Tencent3(Code::ValueLimitExceeded), TAGS)
        .required()
        .max_items(50)
        .text("Tags", "标签", "At most 50 tags per resource.", "每个资源最多 50 个标签。"),
    Field::new("TagSpecification[].Tags[].Key", ValueType::String, VALUE, TAGS).required().checks(TAG_KEY).text(
        "Tag key",
        "标签键",
        "1–127 characters; not starting with qcs:, project or 项目.",
        "1~127 个字符，不能以 qcs:、project 或 项目 开头。",
    ),
    Field::new("TagSpecification[].Tags[].Value", ValueType::String, VALUE, TAGS)
        .required()
        .checks(TAG_VALUE)
        .text("Tag value", "标签值", "1–255 characters.", "1~255 个字符。"),
    Field::new("ImageFamily", ValueType::String, C::Tencent3(Code::InvalidImageFamily), PAGE).text(
        "Image family",
        "镜像族",
        "The image family, e.g. business-daily-update.",
        "镜像族，例如 business-daily-update。",
    ),
    // A common parameter (the X-TC-Region header), but one a person chooses.
    Field::new("Region", ValueType::String, C::Tencent3(Code::UnsupportedRegion), COMMON).common().text(
        "Region",
        "地域",
        "The region of the instance or snapshots, e.g. ap-guangzhou.",
        "实例或快照所在的地域，例如 ap-guangzhou。",
    ),
    // The signature v1 form's common parameters (TC3 sends them as X-TC-* headers).
    Field::new("Action", ValueType::String, C::Tencent3(Code::InvalidAction), COMMON)
        .common()
        .checks(&[Check::OneOf { values: &[wire::ACTION] }]),
    Field::new("Version", ValueType::String, C::Tencent3(Code::NoSuchVersion), COMMON)
        .common()
        .checks(&[Check::OneOf { values: &[wire::VERSION] }]),
    Field::new("Timestamp", ValueType::Integer, PARAM, COMMON).common(),
    Field::new("Nonce", ValueType::Integer, PARAM, COMMON).common(),
    Field::new("SecretId", ValueType::String, PARAM, COMMON).common(),
    Field::new("Signature", ValueType::String, PARAM, COMMON).common(),
    Field::new("SignatureMethod", ValueType::String, PARAM, COMMON)
        .common()
        .checks(&[Check::OneOf { values: &["HmacSHA1", "HmacSHA256"] }]),
    Field::new("Token", ValueType::String, PARAM, COMMON).common(),
    Field::new("Language", ValueType::String, PARAM, COMMON)
        .common()
        .checks(&[Check::OneOf { values: &["zh-CN", "en-US"] }]),
];

pub static CROSS: &[Cross] = &[
    // "InstanceId 和 SnapshotIds 为二选一必填参数": one of the two is required …
    Cross::AnyOf {
        fields: &["InstanceId", "SnapshotIds"],
        code: C::Tencent3(Code::SpecifyOneParameter),
        all_empty: Some(C::Tencent3(Code::SpecifyOneParameter)),
    },
    // … and only one; DataDiskIds belong to the instance.
    Cross::Custom { name: "InstanceId or SnapshotIds, DataDiskIds with InstanceId", check: image_source },
    Cross::Custom { name: "TRUE and FALSE of older and English editions", check: string_boolean_casing },
];

pub static SPEC: Spec = Spec {
    provider: Provider::Tencent3,
    fields: FIELDS,
    cross: CROSS,
    case_insensitive_keys: false,
    flat_form: false,
    generic: PARAM,
    missing: MISSING,
    derived: std::sync::OnceLock::new(),
};

pub const REGISTRATION: Registration = Registration {
    provider: Provider::Tencent3,
    id: "tencent3",
    // The legacy API keeps the names it always had (`tencent`, `qcloud` …): none changes meaning.
    aliases: &[],
    display_name: "Tencent Cloud CVM (API 3.0)",
    spec: &SPEC,
    catalog: catalog::ENTRIES,
    rows: catalog::ROWS,
    wire: &Wire {
        algorithms: &[Algorithm::Tencent3Tc3, Algorithm::Tencent3HmacSha256, Algorithm::Tencent3HmacSha1],
        // Signature v1's `Nonce`; TC3 signs none and ignores it.
        nonce: NonceKind::PositiveInteger,
        hosts: Hosts {
            default: wire::HOST,
            others: &[],
            regional: Some(RegionalHosts { prefix: "cvm.", suffix: ".tencentcloudapi.com", regions: REGIONS }),
        },
        // At `/`, told apart from Alibaba's RPC by `X-TC-Action` or `Version=2017-03-12`.
        path_prefix: None,
        // "超过5分钟" (more than 5 minutes) is AuthFailure.SignatureExpire.
        clock_skew_secs: 300,
        access_key_parameter: "Authorization",
        region_parameter: Some("Region"),
        signature_echo: None,
    },
    // The legacy API's instances, snapshots, images and quota: the same account, the same state.
    emulator: &Emulator {
        image_status: ImageStatus { creating: "CREATING", available: "NORMAL" },
        image_id: IdForm { prefix: "img-", len: 8 },
        request_id: RequestIdKind::LowerUuid,
        // Tencent's own words (its FAQ on AuthFailure.SecretIdNotFound).
        unknown_key: Answer {
            code: C::Tencent3(Code::SecretIdNotFound),
            message: "The SecretId is not found, please ensure that your SecretId is correct.",
        },
        // Only signature v1 carries a nonce here, and no code is documented for its reuse: the
        // signature is refused as not valid.
        replay: Answer {
            code: C::Tencent3(Code::SignatureFailure),
            message: "Nonce has been used already (replay attack)",
        },
        auth_failure: C::Tencent3(Code::SignatureFailure),
        // One account for both of Tencent's APIs.
        account_owner: Provider::Tencent,
    },
    console: &Console {
        form: true,
        family: Some(Family { tab: super::tencent::TAB, api: Text::human("API 3.0", "API 3.0"), default: true }),
        source_fields: &["Region", "InstanceId", "SnapshotIds"],
        with_source: &[("DataDiskIds", "InstanceId")],
        name_field: "ImageName",
        description_field: "ImageDescription",
        // The signer sends the region as X-TC-Region.
        signer_fields: &["Region"],
        auto_fields: &[],
        defaults: &[("Region", "ap-guangzhou")],
        groups: &[
            Group {
                path: "SnapshotIds",
                item: Text::human("Snapshot {n}", "快照 {n}"),
                add: Text::human("Add snapshot ID", "添加快照 ID"),
            },
            Group {
                path: "DataDiskIds",
                item: Text::human("Data disk {n}", "数据盘 {n}"),
                add: Text::human("Add data disk ID", "添加数据盘 ID"),
            },
            Group {
                path: "TagSpecification",
                item: Text::human("Tag set {n}", "标签组 {n}"),
                add: Text::human("Add tag set", "添加标签组"),
            },
            Group {
                path: "TagSpecification[].Tags",
                item: Text::human("Tag {n}", "标签 {n}"),
                add: Text::human("Add tag", "添加标签"),
            },
        ],
        offers: &[("Region", Offer::Regions), ("InstanceId", Offer::Instances), ("SnapshotIds", Offer::Snapshots)],
    },
};

/// Both sources given (`InvalidParameterConflict`), or data disks without the instance they
/// belong to (`InvalidParameter.InvalidDependence`). Empty values count as absent.
fn image_source(req: &dyn Params, findings: &mut Findings) {
    let instance = req.present_nonempty("InstanceId");
    if instance && req.present_nonempty("SnapshotIds") {
        let kind = IssueKind::Conflict { other: "InstanceId".into() };
        findings.error("SnapshotIds".into(), C::Tencent3(Code::InvalidParameterConflict), kind);
    }
    if !instance && req.present("DataDiskIds") {
        let kind = IssueKind::Requires { other: "InstanceId".into() };
        findings.error("DataDiskIds".into(), C::Tencent3(Code::InvalidDependence), kind);
    }
}

/// `TRUE`/`FALSE`: what the English page (Sysprep) and the Chinese page before November 2023
/// (ForcePoweroff) write, where the current Chinese page writes `true`/`false`. Accepted; warned.
fn string_boolean_casing(req: &dyn Params, findings: &mut Findings) {
    let editions = [("ForcePoweroff", DocSource::TencentChineseBefore2023), ("Sysprep", DocSource::TencentEnglish)];
    for (field, allowed_by) in editions {
        if let Some(value @ ("TRUE" | "FALSE")) = req.get_str(field, None) {
            let kind =
                IssueKind::DocsDisagree { char: value.to_owned(), allowed_by, forbidden_by: DocSource::TencentChinese };
            findings.warn(field.into(), VALUE, kind);
        }
    }
}

/// The regions of CVM's API 3.0 (the official Go SDK's region list). Each has its own host,
/// `cvm.<region>.tencentcloudapi.com`, beside the nearest-region host [`wire::HOST`].
pub const REGIONS: &[&str] = &[
    "ap-bangkok",
    "ap-beijing",
    "ap-chengdu",
    "ap-chongqing",
    "ap-guangzhou",
    "ap-guangzhou-open",
    "ap-hongkong",
    "ap-jakarta",
    "ap-mumbai",
    "ap-seoul",
    "ap-shanghai",
    "ap-nanjing",
    "ap-shanghai-fsi",
    "ap-shenzhen-fsi",
    "ap-singapore",
    "ap-tokyo",
    "eu-frankfurt",
    "eu-moscow",
    "na-ashburn",
    "na-siliconvalley",
    "na-toronto",
    "sa-saopaulo",
];
