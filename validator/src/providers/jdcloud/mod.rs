//! JD Cloud VM createImage (REST v1): seed 004 — path parameters, 请求参数, and the nested
//! InstanceDiskAttachmentSpec, DiskSpec and ChargeSpec tables. Keys match case-insensitively (the
//! seed's own example writes `CloudDiskSpec`); issue paths use the table's spelling.
//!
//! DiskSpec marks `az` and `name` required, yet the seed's createImage example omits both: in this
//! API the image's disks take them from the instance, so they are not required here.

pub mod catalog;
pub mod codes;
pub mod wire;

pub use codes::Code;

use crate::catalog::{KnownCode as C, Text};
use crate::charset::CharClass::{Char, Digit, Han, Letter};
use crate::charset::CharSet;
use crate::provider::Provider;
use crate::registration::{
    Answer, Console, Emulator, Group, Hosts, IdForm, ImageStatus, NonceKind, Offer, Registration, RequestIdKind, Wire,
};
use crate::report::{LengthUnit::Chars, ValueType};
use crate::rule::{Check, Cross, DeviceRange, Field, Range, Spec};
use crate::wire::Algorithm;

const ARG: C = C::JdCloud(Code::InvalidArgument);
const RANGE: C = C::JdCloud(Code::OutOfRange);
const SEED: &str = "seed 004, 请求参数";
const PATH: &str = "seed 004, 请求地址";
const ATTACH: &str = "seed 004, InstanceDiskAttachmentSpec";
const DISK: &str = "seed 004, DiskSpec";
const CHARGE: &str = "seed 004, ChargeSpec";

/// Data disks `vdb`–`vdbm` (InstanceDiskAttachmentSpec.deviceName).
pub const DEVICES: DeviceRange = DeviceRange { prefix: "vd", first: "b", last: "bm" };
pub const DISK_TYPES: &[&str] = &["ssd", "premium-hdd", "ssd.gp1", "ssd.io1", "hdd.std1"];
const PREPAID: &str = "prepaid_by_duration";
const DEFAULT_MODE: &str = "postpaid_by_duration";

const fn step10(max: i64) -> Range {
    Range { min: 20, max, step: 10 }
}

pub static FIELDS: &[Field] = &[
    Field::new("regionId", ValueType::String, ARG, PATH)
        .required()
        .text("Region", "地域 ID", "The region of the instance, e.g. cn-north-1.", "云主机所在的地域，例如 cn-north-1。"),
    Field::new("instanceId", ValueType::String, ARG, PATH)
        .required()
        .text("Instance ID", "云主机 ID", "The instance to image (i-…).", "要制作镜像的云主机 ID（i-…）。"),
    Field::new("name", ValueType::String, ARG, SEED)
        .required()
        .checks(&[
            Check::Length { min: 2, max: 32, unit: Chars },
            Check::Chars { allowed: CharSet::of(&[Han, Digit, Letter, Char('_'), Char('-'), Char('.')]) },
        ])
        .text(
            "Image name",
            "镜像名称",
            "2–32 characters: Chinese characters, digits, letters, _, - and .",
            "长度为 2~32 个字符，只允许中文、数字、大小写字母、下划线（_）、连字符（-）及点（.）。",
        ),
    Field::new("description", ValueType::String, ARG, SEED)
        .checks(&[Check::Length { min: 0, max: 256, unit: Chars }])
        .text("Description", "镜像描述", "Up to 256 characters.", "256 字符以内。"),
    Field::new("dataDisks", ValueType::Array, ARG, SEED).text(
        "Data disks",
        "数据盘列表",
        "Exclude a cloud data disk (deviceName + noDevice), replace one, or add a new one.",
        "排除某块云盘数据盘（deviceName + noDevice）、替换已有数据盘或插入新盘。",
    ),
    Field::new("dataDisks[].diskCategory", ValueType::String, ARG, ATTACH)
        .checks(&[Check::OneOf { values: &["cloud"] }])
        .text("Disk category", "磁盘类型", "Data disks can only be cloud disks.", "数据盘仅支持云硬盘（cloud）。"),
    Field::new("dataDisks[].autoDelete", ValueType::Boolean, ARG, ATTACH).text(
        "Delete with instance",
        "随实例删除",
        "Only for pay-by-configuration, non-shared cloud disks. Default false.",
        "仅对按配置计费的非多点挂载云硬盘生效，默认 false。",
    ),
    Field::new("dataDisks[].cloudDiskSpec", ValueType::Object, ARG, ATTACH).text("Cloud disk", "云硬盘配置", "", ""),
    Field::new("dataDisks[].deviceName", ValueType::String, ARG, ATTACH)
        .checks(&[Check::Device { range: DEVICES }])
        .text("Device name", "盘符", "vdb–vdbm, distinct.", "取值范围 vdb~vdbm，不能重复。"),
    Field::new("dataDisks[].noDevice", ValueType::Boolean, ARG, ATTACH).text(
        "Exclude device",
        "排除设备",
        "With deviceName: leave that cloud disk out of the image.",
        "配合 deviceName 使用：该云盘不参与制作快照。",
    ),
    Field::new("dataDisks[].cloudDiskSpec.az", ValueType::String, ARG, DISK).text("Availability zone", "可用区", "", ""),
    Field::new("dataDisks[].cloudDiskSpec.name", ValueType::String, ARG, DISK).text("Disk name", "云硬盘名称", "", ""),
    Field::new("dataDisks[].cloudDiskSpec.description", ValueType::String, ARG, DISK).text("Disk description", "云硬盘描述", "", ""),
    Field::new("dataDisks[].cloudDiskSpec.diskType", ValueType::String, ARG, DISK)
        .row("DiskType missing")
        .checks(&[Check::OneOf { values: DISK_TYPES }])
        .text(
            "Disk type",
            "云硬盘类型",
            "ssd, premium-hdd, ssd.gp1, ssd.io1 or hdd.std1; required without a snapshot.",
            "ssd、premium-hdd、ssd.gp1、ssd.io1、hdd.std1 之一；不使用快照时必填。",
        ),
    Field::new("dataDisks[].cloudDiskSpec.diskSizeGB", ValueType::Integer, RANGE, DISK).row("DiskSizeGB").text(
        "Size (GiB)",
        "大小（GiB）",
        "Steps of 10: ssd 20–1000, premium-hdd 20–3000, ssd.gp1/ssd.io1/hdd.std1 20–16000; required without a snapshot.",
        "步长 10：ssd 为 20~1000，premium-hdd 为 20~3000，ssd.gp1、ssd.io1、hdd.std1 为 20~16000；不使用快照时必填。",
    ),
    Field::new("dataDisks[].cloudDiskSpec.iops", ValueType::Integer, RANGE, DISK)
        .row("Iops")
        .checks(&[Check::Range { min: 0, max: i64::MAX, step: 10 }])
        .text("IOPS", "IOPS", "Only for ssd.io1; steps of 10.", "仅对 ssd.io1 型云盘有效，步长为 10。"),
    Field::new("dataDisks[].cloudDiskSpec.snapshotId", ValueType::String, ARG, DISK).text("Snapshot ID", "快照 ID", "", ""),
    Field::new("dataDisks[].cloudDiskSpec.policyId", ValueType::String, ARG, DISK).text("Policy ID", "策略 ID", "", ""),
    Field::new("dataDisks[].cloudDiskSpec.charge", ValueType::Object, ARG, DISK).text(
        "Charge",
        "计费配置",
        "Defaults to pay by configuration.",
        "不指定时默认为按配置后付费。",
    ),
    Field::new("dataDisks[].cloudDiskSpec.multiAttachable", ValueType::Boolean, ARG, DISK).text("Multi-attach", "多点挂载", "", ""),
    Field::new("dataDisks[].cloudDiskSpec.encrypt", ValueType::Boolean, ARG, DISK).text("Encrypt", "加密", "", ""),
    Field::new("dataDisks[].cloudDiskSpec.charge.chargeMode", ValueType::String, ARG, CHARGE)
        .checks(&[Check::OneOf { values: &[PREPAID, "postpaid_by_usage", DEFAULT_MODE] }])
        .text(
            "Charge mode",
            "计费模式",
            "prepaid_by_duration, postpaid_by_usage or postpaid_by_duration (default).",
            "prepaid_by_duration、postpaid_by_usage 或 postpaid_by_duration（默认）。",
        ),
    Field::new("dataDisks[].cloudDiskSpec.charge.chargeUnit", ValueType::String, ARG, CHARGE)
        .checks(&[Check::OneOf { values: &["month", "year"] }])
        .text("Charge unit", "计费单位", "Prepaid only: month (default) or year.", "仅预付费有效：month（默认）或 year。"),
    Field::new("dataDisks[].cloudDiskSpec.charge.chargeDuration", ValueType::Integer, ARG, CHARGE).text(
        "Charge duration",
        "计费时长",
        "Prepaid only: 1–9 months or 1–3 years.",
        "仅预付费有效：按月 1~9，按年 1、2、3。",
    ),
    Field::new("dataDisks[].cloudDiskSpec.charge.autoRenew", ValueType::Boolean, ARG, CHARGE).text("Auto renew", "自动续费", "", ""),
    Field::new("dataDisks[].cloudDiskSpec.charge.buyScenario", ValueType::String, ARG, CHARGE)
        .checks(&[Check::Base64Json {
            expected: r#"{"activity":{"activityType":…,"activityIdentifier":…}}"#,
            members: &["activity.activityType", "activity.activityIdentifier"],
        }])
        .text(
            "Buy scenario",
            "活动凭证",
            "Base64 of {\"activity\":{\"activityType\":…,\"activityIdentifier\":…}}.",
            "BASE64 编码的 JSON：{\"activity\":{\"activityType\":…,\"activityIdentifier\":…}}。",
        ),
];

const DISK_TYPE: &str = "dataDisks[].cloudDiskSpec.diskType";
const SNAPSHOT: &str = "dataDisks[].cloudDiskSpec.snapshotId";
const MODE: &str = "dataDisks[].cloudDiskSpec.charge.chargeMode";
const UNIT: &str = "dataDisks[].cloudDiskSpec.charge.chargeUnit";
const DURATION: &str = "dataDisks[].cloudDiskSpec.charge.chargeDuration";

pub static CROSS: &[Cross] = &[
    Cross::Unique { field: "dataDisks[].deviceName", code: C::JdCloud(Code::Duplicate) },
    Cross::Requires { field: "dataDisks[].noDevice", other: "dataDisks[].deviceName", code: ARG },
    Cross::IneffectiveUnless {
        field: "dataDisks[].autoDelete",
        other: MODE,
        values: &[DEFAULT_MODE],
        default: Some(DEFAULT_MODE),
    },
    // 返回码: "没有使用快照的情况下需要指定类型 / 大小".
    Cross::RequiredUnless { field: DISK_TYPE, unless: SNAPSHOT, code: ARG },
    Cross::RequiredUnless { field: "dataDisks[].cloudDiskSpec.diskSizeGB", unless: SNAPSHOT, code: RANGE },
    Cross::RangeBy {
        field: "dataDisks[].cloudDiskSpec.diskSizeGB",
        selector: DISK_TYPE,
        cases: &[
            ("ssd", step10(1000)),
            ("premium-hdd", step10(3000)),
            ("ssd.gp1", step10(16000)),
            ("ssd.io1", step10(16000)),
            ("hdd.std1", step10(16000)),
        ],
        // Type taken from the snapshot: only the widest range can be checked here.
        fallback: step10(16000),
        code: RANGE,
    },
    Cross::IneffectiveUnless {
        field: "dataDisks[].cloudDiskSpec.iops",
        other: DISK_TYPE,
        values: &["ssd.io1"],
        default: None,
    },
    Cross::RequiredWhen {
        field: DURATION,
        other: MODE,
        value: PREPAID,
        default: Some(DEFAULT_MODE),
        defaulted: None,
        code: ARG,
    },
    Cross::RequiredWhen {
        field: UNIT,
        other: MODE,
        value: PREPAID,
        default: Some(DEFAULT_MODE),
        defaulted: Some("month"),
        code: ARG,
    },
    Cross::IneffectiveUnless { field: UNIT, other: MODE, values: &[PREPAID], default: Some(DEFAULT_MODE) },
    Cross::IneffectiveUnless { field: DURATION, other: MODE, values: &[PREPAID], default: Some(DEFAULT_MODE) },
    Cross::RangeBy {
        field: DURATION,
        selector: UNIT,
        cases: &[("month", Range { min: 1, max: 9, step: 1 }), ("year", Range { min: 1, max: 3, step: 1 })],
        fallback: Range { min: 1, max: 9, step: 1 },
        code: ARG,
    },
];

pub static SPEC: Spec = Spec {
    provider: Provider::JdCloud,
    fields: FIELDS,
    cross: CROSS,
    case_insensitive_keys: true,
    flat_form: false,
    generic: ARG,
    missing: ARG,
    derived: std::sync::OnceLock::new(),
};

/// JD Cloud VM, as the rest of createimage knows it.
pub const REGISTRATION: Registration = Registration {
    provider: Provider::JdCloud,
    id: "jdcloud",
    aliases: &["jd"],
    display_name: "JD Cloud VM",
    spec: &SPEC,
    catalog: catalog::ENTRIES,
    rows: catalog::ROWS,
    wire: &Wire {
        // JDCLOUD2 first: the Go and Java SDKs' and the official doc's.
        algorithms: &[Algorithm::Jdcloud2, Algorithm::Jdcloud3],
        nonce: NonceKind::Uuid,
        hosts: Hosts { default: wire::HOST, others: &[], regional: None },
        path_prefix: Some("/v1"),
        // Not documented (providers.md D.2): 15 minutes, as Alibaba.
        clock_skew_secs: 900,
        access_key_parameter: "Authorization",
        region_parameter: None,
        signature_echo: None,
    },
    emulator: &Emulator {
        image_status: ImageStatus { creating: "creating", available: "ready" },
        image_id: IdForm { prefix: "img-", len: 10 },
        // `0ee754ebce7a3f2f70d6d914dbbd2498`
        request_id: RequestIdKind::Hex32,
        unknown_key: Answer { code: C::JdCloud(Code::Unauthenticated), message: "access key {key} is not valid" },
        replay: Answer { code: C::JdCloud(Code::Unauthenticated), message: "x-jdcloud-nonce has been used already" },
        auth_failure: C::JdCloud(Code::Unauthenticated),
        account_owner: Provider::JdCloud,
    },
    console: &Console {
        form: true,
        family: None,
        source_fields: &["regionId", "instanceId"],
        with_source: &[],
        name_field: "name",
        description_field: "description",
        signer_fields: &[],
        auto_fields: &[],
        defaults: &[],
        groups: &[Group {
            path: "dataDisks",
            item: Text::human("Data disk {n}", "数据盘 {n}"),
            add: Text::human("Add data disk", "添加数据盘"),
        }],
        offers: &[
            ("regionId", Offer::Regions),
            ("instanceId", Offer::Instances),
            ("dataDisks[].cloudDiskSpec.snapshotId", Offer::Snapshots),
        ],
    },
};
