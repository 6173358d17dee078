//! Alibaba Cloud ECS CreateImage (RPC, 2014-05-26): seed 002 "请求参数" and "接口说明", with the
//! codes of its "错误码" table; common parameters from providers.md B.5.
//!
//! Requests come structured (`"Tag": [{"Key": …}]`) or flat as a query string carries them
//! (`"Tag.1.Key"`); issue paths use the flat names. Where the parameter table and the error table
//! disagree (`:` and `.` in ImageName) the name is accepted with a warning.

pub mod catalog;
pub mod codes;
pub mod wire;

pub use codes::Code;

use crate::catalog::{KnownCode as C, Text};
use crate::charset::CharClass::{Char, Digit, Han, Letter};
use crate::charset::CharSet;
use crate::findings::Findings;
use crate::provider::Provider;
use crate::registration::{
    Answer, Console, Emulator, Group, Hosts, IdForm, ImageStatus, NonceKind, Offer, RegionalHosts, Registration,
    RequestIdKind, SignatureEcho, Wire,
};
use crate::report::{DocSource, IssueKind, LengthUnit::Chars, Severity, ValueType};
use crate::request::Request;
use crate::rule::{Check, Cross, DeviceRange, Field, Params, Spec};
use crate::wire::Algorithm;

const PARAM: C = C::Aliyun(Code::InvalidParameter);
const MISSING: C = C::Aliyun(Code::MissingParameter);
const NAME: C = C::Aliyun(Code::InvalidImageNameMalformed);
const DESCRIPTION: C = C::Aliyun(Code::InvalidDescriptionMalformed);
const DEVICE: C = C::Aliyun(Code::InvalidDeviceMalformed);
const DENIED: C = C::Aliyun(Code::OperationDenied);
const SEED: &str = "seed 002, 请求参数";
const COMMON: &str = "providers.md B.5";

/// `/dev/xvda`–`/dev/xvdz` (seed 002, DiskDeviceMapping.N.Device).
pub const DEVICES: DeviceRange = DeviceRange { prefix: "/dev/xvd", first: "a", last: "z" };
/// The system disk's only device name (seed 002, 接口说明, 方法三).
pub const SYSTEM_DEVICE: &str = "/dev/xvda";

const URL_PREFIXES: Check = Check::NoPrefix { prefixes: &["http://", "https://"], ignore_case: true };
const TAG_PREFIXES: Check = Check::NoPrefix { prefixes: &["aliyun", "acs:"], ignore_case: false };
const TAG_URLS: Check = Check::NoSubstring { substrings: &["http://", "https://"], ignore_case: true };
const TAG_KEY: &[Check] = &[Check::Length { min: 1, max: 64, unit: Chars }, TAG_PREFIXES, TAG_URLS];
const TAG_VALUE: &[Check] = &[Check::Length { min: 0, max: 128, unit: Chars }, TAG_PREFIXES, TAG_URLS];

pub static FIELDS: &[Field] = &[
    Field::new("RegionId", ValueType::String, PARAM, SEED).required().missing_code(MISSING).text(
        "Region",
        "地域 ID",
        "The region of the image, e.g. cn-hangzhou.",
        "镜像所在的地域 ID，例如 cn-hangzhou。",
    ),
    Field::new("Action", ValueType::String, PARAM, SEED).common().checks(&[Check::OneOf { values: &["CreateImage"] }]),
    Field::new("Architecture", ValueType::String, C::Aliyun(Code::InvalidArchitectureMalformed), SEED)
        .checks(&[Check::OneOf { values: &["i386", "x86_64", "arm64"] }])
        .text(
            "Architecture",
            "系统架构",
            "When a data disk snapshot becomes the system disk: i386 or x86_64 (default); arm64 on newer API versions.",
            "使用数据盘快照作为系统盘时指定：i386 或 x86_64（默认）；新版 API 另支持 arm64。",
        ),
    Field::new("ClientToken", ValueType::String, PARAM, SEED)
        .checks(&[Check::Length { min: 0, max: 64, unit: Chars }, Check::Ascii])
        .text(
            "Client token",
            "幂等令牌",
            "Makes retries idempotent: ASCII only, at most 64 characters, unique per request.",
            "保证请求幂等性：只支持 ASCII 字符，不超过 64 个字符，不同请求间唯一。",
        ),
    Field::new("Description", ValueType::String, DESCRIPTION, SEED)
        .checks(&[Check::Length { min: 2, max: 256, unit: Chars }, URL_PREFIXES])
        .text(
            "Description",
            "镜像描述",
            "2–256 characters; must not start with http:// or https://.",
            "长度为 2~256 个字符，不能以 http:// 或 https:// 开头。",
        ),
    Field::new("DiskDeviceMapping", ValueType::Array, PARAM, SEED)
        // One system disk (/dev/xvda) and data disks /dev/xvdb–/dev/xvdz, all distinct: 26 at most.
        .max_items(DEVICES.len())
        .text(
            "Disk device mappings",
            "磁盘映射",
            "Combine disk snapshots into one image (method 3). One system disk on /dev/xvda.",
            "将多份磁盘快照组合成镜像（方法三）。只能有一个系统盘，设备名为 /dev/xvda。",
        ),
    Field::new("DiskDeviceMapping.N.Device", ValueType::String, DEVICE, SEED)
        .checks(&[Check::Device { range: DEVICES }])
        .text(
            "Device",
            "设备名",
            "/dev/xvda–/dev/xvdz; /dev/xvda is the system disk.",
            "取值范围 /dev/xvda~/dev/xvdz；/dev/xvda 为系统盘。",
        ),
    Field::new("DiskDeviceMapping.N.DiskType", ValueType::String, PARAM, SEED)
        .checks(&[Check::OneOf { values: &["system", "data"] }])
        .text(
            "Disk type",
            "磁盘类型",
            "system or data; defaults to the snapshot's disk type.",
            "system（系统盘）或 data（数据盘）；默认为快照对应的磁盘类型。",
        ),
    Field::new("DiskDeviceMapping.N.Size", ValueType::Integer, C::Aliyun(Code::InvalidSizeValueNotSupported), SEED)
        .checks(&[Check::Range { min: 5, max: 2000, step: 1 }])
        .text(
            "Size (GiB)",
            "大小（GiB）",
            "5–2000 GiB; at least the snapshot's size. Defaults to the snapshot's size, or 5 GiB without one.",
            "取值范围 5~2000 GiB，须不小于快照大小。默认为快照大小；未指定快照时默认为 5 GiB。",
        ),
    Field::new("DiskDeviceMapping.N.SnapshotId", ValueType::String, PARAM, SEED).text(
        "Snapshot ID",
        "快照 ID",
        "Omit it to add an empty data disk of the given size.",
        "不指定时创建一个指定大小的空数据盘。",
    ),
    Field::new("ImageName", ValueType::String, NAME, SEED)
        .checks(&[
            Check::Length { min: 2, max: 128, unit: Chars },
            Check::FirstChar { allowed: CharSet::of(&[Letter, Han]) },
            URL_PREFIXES,
            Check::Chars { allowed: CharSet::of(&[Han, Letter, Digit, Char(':'), Char('_'), Char('-'), Char('.')]) },
            Check::DocsDisagree {
                char: ':',
                allowed_by: DocSource::AliyunParameterTable,
                forbidden_by: DocSource::AliyunErrorTable,
            },
            Check::DocsDisagree {
                char: '.',
                allowed_by: DocSource::AliyunErrorTable,
                forbidden_by: DocSource::AliyunParameterTable,
            },
        ])
        .text(
            "Image name",
            "镜像名称",
            "2–128 characters, starting with a letter or Chinese character; letters, Chinese, digits, :, _ and -.",
            "长度为 2~128 个字符，以大小写字母或中文开头，可包含数字、半角冒号（:）、下划线（_）或连字符（-）。",
        ),
    // Not in the parameter table, but in the seed's request example and its error table.
    Field::new("ImageVersion", ValueType::String, PARAM, "seed 002, 请求示例").text(
        "Image version",
        "镜像版本",
        "Optional version label of the image.",
        "可选的镜像版本号。",
    ),
    Field::new("InstanceId", ValueType::String, PARAM, SEED).text(
        "Instance ID",
        "实例 ID",
        "Method 1: image a whole instance (Running or Stopped). Takes priority over the other sources.",
        "方法一：以实例为模板（运行中或已停止）。优先级最高。",
    ),
    Field::new("Platform", ValueType::String, C::Aliyun(Code::InvalidPlatformMalformed), SEED)
        .checks(&[Check::OneOf {
            values: &[
                "CentOS",
                "Ubuntu",
                "SUSE",
                "OpenSUSE",
                "RedHat",
                "Debian",
                "CoreOS",
                "Aliyun Linux",
                "Windows Server 2003",
                "Windows Server 2008",
                "Windows Server 2012",
                "Windows 7",
                "Others Linux",
                "Customized Linux",
            ],
        }])
        .text(
            "Platform",
            "操作系统发行版",
            "The OS distribution when a data disk snapshot becomes the system disk.",
            "使用数据盘快照作为系统盘时的操作系统发行版。",
        ),
    Field::new("ResourceGroupId", ValueType::String, PARAM, SEED).text("Resource group", "资源组 ID", "", ""),
    Field::new("SnapshotId", ValueType::String, PARAM, SEED).text(
        "Snapshot ID",
        "快照 ID",
        "Method 2: a system disk snapshot created after 2013-07-15.",
        "方法二：系统盘的历史快照，不能是 2013 年 7 月 15 日（含）之前创建的。",
    ),
    Field::new("Tag", ValueType::Array, PARAM, SEED).max_items(20).text(
        "Tags",
        "标签",
        "Up to 20 tags (N = 1–20).",
        "最多 20 个标签（N 取值 1~20）。",
    ),
    Field::new("Tag.N.Key", ValueType::String, PARAM, SEED).checks(TAG_KEY).text(
        "Tag key",
        "标签键",
        "1–64 characters; not starting with aliyun or acs:, no http:// or https://.",
        "不能为空，最多 64 个字符，不能以 aliyun 和 acs: 开头，不能包含 http:// 或 https://。",
    ),
    Field::new("Tag.N.Value", ValueType::String, PARAM, SEED).checks(TAG_VALUE).text(
        "Tag value",
        "标签值",
        "0–128 characters; not starting with aliyun or acs:, no http:// or https://.",
        "可以为空，最多 128 个字符，不能以 aliyun 和 acs: 开头，不能包含 http:// 或 https://。",
    ),
    Field::new("Tag.N.key", ValueType::String, PARAM, SEED).checks(TAG_KEY).text(
        "Tag key (deprecated)",
        "标签键（即将弃用）",
        "Use Tag.N.Key.",
        "请使用 Tag.N.Key。",
    ),
    Field::new("Tag.N.value", ValueType::String, PARAM, SEED).checks(TAG_VALUE).text(
        "Tag value (deprecated)",
        "标签值（即将弃用）",
        "Use Tag.N.Value.",
        "请使用 Tag.N.Value。",
    ),
    Field::new("Version", ValueType::String, PARAM, COMMON).common(),
    Field::new("AccessKeyId", ValueType::String, PARAM, COMMON).common(),
    Field::new("Signature", ValueType::String, PARAM, COMMON).common(),
    Field::new("SignatureMethod", ValueType::String, PARAM, COMMON).common(),
    Field::new("SignatureVersion", ValueType::String, PARAM, COMMON).common(),
    Field::new("SignatureNonce", ValueType::String, PARAM, COMMON).common(),
    Field::new("Timestamp", ValueType::String, PARAM, COMMON).common(),
    Field::new("Format", ValueType::String, PARAM, COMMON).common(),
    Field::new("SecurityToken", ValueType::String, PARAM, COMMON).common(),
];

pub static CROSS: &[Cross] = &[
    // 接口说明: one of the three sources is required; InstanceId > DiskDeviceMapping > SnapshotId.
    Cross::AnyOf {
        fields: &["InstanceId", "DiskDeviceMapping", "SnapshotId"],
        code: MISSING,
        all_empty: Some(C::Aliyun(Code::InvalidParameterAllEmpty)),
    },
    // An empty value is no source: it neither wins nor gets ignored.
    Cross::Priority { order: &["InstanceId", "DiskDeviceMapping", "SnapshotId"] },
    Cross::RequiredUnless { field: "Tag.N.Key", unless: "Tag.N.key", code: PARAM },
    Cross::Deprecated { field: "Tag.N.key", replacement: "Tag.N.Key" },
    Cross::Deprecated { field: "Tag.N.value", replacement: "Tag.N.Value" },
    Cross::Unique { field: "DiskDeviceMapping.N.Device", code: C::Aliyun(Code::InvalidDeviceInUse) },
    Cross::Custom { name: "system disk of DiskDeviceMapping", check: system_disk },
];

pub static SPEC: Spec = Spec {
    provider: Provider::Aliyun,
    fields: FIELDS,
    cross: CROSS,
    case_insensitive_keys: false,
    flat_form: true,
    generic: PARAM,
    missing: MISSING,
    derived: std::sync::OnceLock::new(),
};

/// Alibaba Cloud ECS, as the rest of createimage knows it.
pub const REGISTRATION: Registration = Registration {
    provider: Provider::Aliyun,
    id: "aliyun",
    aliases: &["alibaba", "alibabacloud", "ecs"],
    display_name: "Alibaba Cloud ECS",
    spec: &SPEC,
    catalog: catalog::ENTRIES,
    rows: catalog::ROWS,
    wire: &Wire {
        algorithms: &[Algorithm::AliyunHmacSha1, Algorithm::AliyunAcs3],
        nonce: NonceKind::Uuid,
        hosts: Hosts {
            default: wire::HOST,
            others: &[wire::CENTRAL_HOST],
            regional: Some(RegionalHosts { prefix: "ecs.", suffix: ".aliyuncs.com", regions: wire::REGIONS }),
        },
        path_prefix: None,
        // "within 15 minutes" (providers.md B.3).
        clock_skew_secs: 900,
        access_key_parameter: "AccessKeyId",
        region_parameter: None,
        // The gateway's own words (providers.md B.6).
        signature_echo: Some(SignatureEcho {
            code: C::Aliyun(Code::SignatureDoesNotMatch),
            message: "Specified signature is not matched with our calculation. server string to sign is:",
            marker: "server string to sign is:",
        }),
    },
    emulator: &Emulator {
        image_status: ImageStatus { creating: "Creating", available: "Available" },
        image_id: IdForm { prefix: "m-", len: 20 },
        // `C8B26B44-0189-443E-9816-D951F59623A9`
        request_id: RequestIdKind::UpperUuid { prefix: "" },
        unknown_key: Answer {
            code: C::Aliyun(Code::InvalidAccessKeyIdNotFound),
            message: "Specified access key is not found.",
        },
        replay: Answer {
            code: C::Aliyun(Code::SignatureNonceUsed),
            message: "Specified signature nonce was used already.",
        },
        auth_failure: C::Aliyun(Code::IncompleteSignature),
        account_owner: Provider::Aliyun,
    },
    console: &Console {
        form: true,
        family: None,
        source_fields: &["RegionId", "InstanceId", "DiskDeviceMapping", "SnapshotId"],
        with_source: &[],
        name_field: "ImageName",
        description_field: "Description",
        signer_fields: &[],
        auto_fields: &["ClientToken"],
        defaults: &[],
        groups: &[
            Group {
                path: "Tag", item: Text::human("Tag {n}", "标签 {n}"), add: Text::human("Add tag", "添加标签")
            },
            Group {
                path: "DiskDeviceMapping",
                item: Text::human("Disk mapping {n}", "磁盘映射 {n}"),
                add: Text::human("Add disk mapping", "添加磁盘映射"),
            },
        ],
        offers: &[
            ("RegionId", Offer::Regions),
            ("InstanceId", Offer::Instances),
            ("SnapshotId", Offer::Snapshots),
            ("DiskDeviceMapping.N.SnapshotId", Offer::Snapshots),
        ],
    },
};

/// 方法三: exactly one system disk, on /dev/xvda; /dev/xvda holds nothing else. The count rules
/// apply only when the mappings are what the image is made from (no InstanceId, which wins).
fn system_disk(req: &dyn Params, findings: &mut Findings) {
    let items = req.items("DiskDeviceMapping");
    if items.is_empty() {
        return;
    }
    let mut systems = Vec::new();
    let mut all_data = true;
    for index in items {
        let disk_type = req.get_str("DiskDeviceMapping.N.DiskType", index);
        let device = req.get_str("DiskDeviceMapping.N.Device", index);
        let at = || Request::path("DiskDeviceMapping.N.Device", index);
        match (disk_type, device) {
            (Some("system"), Some(d)) if d != SYSTEM_DEVICE && DEVICES.contains(d) => {
                findings.error(at(), DEVICE, IssueKind::SystemDiskDevice { device: SYSTEM_DEVICE });
            }
            (Some("data"), Some(SYSTEM_DEVICE)) => {
                findings.error(at(), DEVICE, IssueKind::ReservedDevice { device: SYSTEM_DEVICE });
            }
            _ => {}
        }
        if disk_type != Some("data") {
            all_data = false;
        }
        if disk_type == Some("system") || (disk_type.is_none() && device == Some(SYSTEM_DEVICE)) {
            systems.push(index);
        }
    }
    if req.present("InstanceId") {
        return;
    }
    if systems.len() > 1 {
        let kind = IssueKind::MultipleSystemDisks { count: systems.len() };
        let at = Request::path("DiskDeviceMapping.N.DiskType", systems[1]);
        findings.push(at, DENIED, Some("two or more system disk"), Severity::Error, kind);
    }
    if all_data {
        findings.push(
            "DiskDeviceMapping".into(),
            DENIED,
            Some("does not contain system disk"),
            Severity::Error,
            IssueKind::NoSystemDisk,
        );
    }
}
