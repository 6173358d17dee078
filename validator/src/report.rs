//! What validation answers: [`Issue`]s (field, provider code, severity, typed reason) and the
//! [`Report`] that collects them. The JSON shape here is the one `createimage check --json`
//! prints and the JS package returns; `tests/tables.rs` (`report_json_shape_is_pinned`) pins it.

use crate::catalog::{Code, Lang};
use crate::json::ObjectWriter;
use crate::provider::Provider;
use serde::Serialize;

/// How serious an issue is: an error makes the request invalid; a warning does not (unless strict).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// How a length is counted. Providers count characters; browsers and Java servers count UTF-16.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LengthUnit {
    /// Unicode scalar values (what "characters" means in the seeds).
    Chars,
    /// UTF-16 code units.
    Utf16,
}

impl LengthUnit {
    pub const fn as_str(self) -> &'static str {
        match self {
            LengthUnit::Chars => "chars",
            LengthUnit::Utf16 => "utf16",
        }
    }
}

/// The JSON type a field expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ValueType {
    String,
    Integer,
    Boolean,
    Object,
    Array,
}

impl ValueType {
    pub const fn as_str(self) -> &'static str {
        match self {
            ValueType::String => "string",
            ValueType::Integer => "integer",
            ValueType::Boolean => "boolean",
            ValueType::Object => "object",
            ValueType::Array => "array",
        }
    }
}

/// A part of the provider documentation, named where two parts disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DocSource {
    /// Seed 000: Zenlayer's CreateImage page, Chinese edition.
    ZenlayerChinese,
    /// Seed 001: Zenlayer's CreateImage page, English (later) edition.
    ZenlayerEnglish,
    /// Seed 002, 请求参数: Alibaba's parameter table.
    AliyunParameterTable,
    /// Seed 002, 错误码: Alibaba's error table (`InvalidImageName.Malformed`).
    AliyunErrorTable,
    /// Tencent's CreateImage page (API 3.0), Chinese edition, as it is now.
    TencentChinese,
    /// Tencent's CreateImage page (API 3.0), Chinese edition, before November 2023.
    TencentChineseBefore2023,
    /// Tencent's CreateImage page (API 3.0), English edition.
    TencentEnglish,
}

impl DocSource {
    pub const fn as_str(self) -> &'static str {
        match self {
            DocSource::ZenlayerChinese => "zenlayerChinese",
            DocSource::ZenlayerEnglish => "zenlayerEnglish",
            DocSource::AliyunParameterTable => "aliyunParameterTable",
            DocSource::AliyunErrorTable => "aliyunErrorTable",
            DocSource::TencentChinese => "tencentChinese",
            DocSource::TencentChineseBefore2023 => "tencentChineseBefore2023",
            DocSource::TencentEnglish => "tencentEnglish",
        }
    }
}

/// Why an issue was raised: a typed reason carrying its data, rendered to text only in `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum IssueKind {
    /// A required parameter is absent (or null, or an empty string where one is not allowed).
    Missing,
    /// The JSON value has the wrong type.
    WrongType {
        expected: ValueType,
        actual: &'static str,
    },
    TooShort {
        min: usize,
        actual: usize,
        unit: LengthUnit,
    },
    TooLong {
        max: usize,
        actual: usize,
        unit: LengthUnit,
    },
    /// Within the limit counted in characters, over it counted in UTF-16 (warning).
    Utf16TooLong {
        max: usize,
        actual: usize,
    },
    /// A character outside the allowed set; `allowed` names the classes (`han`, `letter`, `digit`) and literal characters.
    InvalidChar {
        char: String,
        index: usize,
        allowed: Vec<&'static str>,
    },
    /// The first character is not one of the allowed classes.
    InvalidFirstChar {
        char: String,
        allowed: Vec<&'static str>,
    },
    ForbiddenPrefix {
        prefix: &'static str,
    },
    ForbiddenSubstring {
        substring: &'static str,
    },
    NotAscii {
        char: String,
        index: usize,
    },
    /// Not one of the enumerated values.
    NotAllowed {
        value: String,
        allowed: Vec<&'static str>,
    },
    OutOfRange {
        min: i64,
        max: i64,
        actual: i64,
    },
    /// Not on the step grid (`value - base` must be a multiple of `step`).
    BadStep {
        step: i64,
        base: i64,
        actual: i64,
    },
    /// Not a device name of the allowed range.
    InvalidDevice {
        value: String,
        first: &'static str,
        last: &'static str,
    },
    /// Not Base64 text.
    InvalidBase64,
    /// Decoded, but not the JSON the docs require; `missing` names the first absent member.
    InvalidEncodedJson {
        expected: &'static str,
        missing: Option<&'static str>,
    },
    /// A parameter no rule table knows; `suggestion` is the nearest known name.
    UnknownParameter {
        suggestion: Option<String>,
    },
    /// Given twice (for example in both the structured and the flat form).
    GivenTwice,
    /// The N of a repeated parameter is outside its range.
    IndexOutOfRange {
        min: u32,
        max: u32,
        actual: u64,
    },
    /// More items than allowed.
    TooMany {
        max: usize,
        actual: usize,
    },
    /// The same value as an earlier item; `first` is that item's field.
    Duplicate {
        value: String,
        first: String,
    },
    /// None of these is present; at least one is required.
    OneOfRequired {
        fields: Vec<&'static str>,
    },
    /// Some of these are given, but every one is empty.
    AllEmpty {
        fields: Vec<&'static str>,
    },
    /// Required when `other` has value `value`.
    RequiredWhen {
        other: String,
        value: &'static str,
    },
    /// Required when `other` is absent.
    RequiredUnless {
        other: String,
    },
    /// Only meaningful together with `other`.
    Requires {
        other: String,
    },
    /// Not allowed together with `other`.
    Conflict {
        other: String,
    },
    /// Will be ignored: only effective when `other` is one of `values` (warning).
    IneffectiveUnless {
        other: String,
        values: Vec<&'static str>,
    },
    /// Will be ignored because `winner`, of higher priority, is present (warning).
    Ignored {
        winner: &'static str,
    },
    /// Deprecated; use `replacement` (warning).
    Deprecated {
        replacement: String,
    },
    /// Not given: the provider uses `value` by default, though its docs also call it required (warning).
    Defaulted {
        value: &'static str,
    },
    /// One edition of the docs allows `char`, another forbids it (warning).
    DocsDisagree {
        char: String,
        allowed_by: DocSource,
        forbidden_by: DocSource,
    },
    /// The system disk's device must be `device`.
    SystemDiskDevice {
        device: &'static str,
    },
    /// `device` is reserved for the system disk.
    ReservedDevice {
        device: &'static str,
    },
    /// More than one system disk.
    MultipleSystemDisks {
        count: usize,
    },
    /// Every mapping is a data disk: no system disk.
    NoSystemDisk,
}

/// One finding about one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// The field path in the provider's own naming (`DiskDeviceMapping.2.Size`, `dataDisks[0].cloudDiskSpec.iops`).
    pub field: String,
    /// The error code the provider's server would answer.
    pub code: Code,
    pub severity: Severity,
    /// The HTTP status the provider answers that code with (from the catalog row).
    pub http_status: u16,
    /// Human text in the requested language.
    pub message: String,
    pub kind: IssueKind,
    /// Picks the catalog row of `code` this finding maps to (a part of its message), where the
    /// code has several; not part of the JSON.
    #[serde(skip)]
    pub row_hint: Option<&'static str>,
}

/// Everything found in one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub provider: Provider,
    pub valid: bool,
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Warning)
    }

    /// `issues` as a JSON array.
    pub fn issues_json(issues: &[Issue]) -> String {
        let mut out = String::with_capacity(2 + 200 * issues.len());
        write_issues(&mut out, issues);
        out
    }

    /// The report as compact JSON (the `check --json` line): the bytes serde_json makes of the
    /// `Serialize` derive, written without it, since serde_json's serializer and the derive's code
    /// were a tenth of the npm package's validate module (`tests::to_json_is_serde_json`).
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(48 + 200 * self.issues.len());
        let mut o = ObjectWriter::new(&mut out);
        o.str("provider", self.provider.as_str()).bool("valid", self.valid);
        write_issues(o.key("issues"), &self.issues);
        o.end();
        out
    }
}

fn write_issues(out: &mut String, issues: &[Issue]) {
    out.push('[');
    for (i, issue) in issues.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        issue.write_json(out);
    }
    out.push(']');
}

impl Issue {
    /// This issue as a JSON object, appended to `out`.
    fn write_json(&self, out: &mut String) {
        let mut o = ObjectWriter::new(out);
        o.str("field", &self.field)
            .str("code", self.code.as_str())
            .str("severity", self.severity.as_str())
            .uint("httpStatus", self.http_status.into())
            .str("message", &self.message);
        self.kind.write_json(o.key("kind"));
        o.end();
    }
}

impl IssueKind {
    /// The `type` tag of the JSON form.
    pub fn name(&self) -> &'static str {
        use IssueKind::*;
        match self {
            Missing => "missing",
            WrongType { .. } => "wrongType",
            TooShort { .. } => "tooShort",
            TooLong { .. } => "tooLong",
            Utf16TooLong { .. } => "utf16TooLong",
            InvalidChar { .. } => "invalidChar",
            InvalidFirstChar { .. } => "invalidFirstChar",
            ForbiddenPrefix { .. } => "forbiddenPrefix",
            ForbiddenSubstring { .. } => "forbiddenSubstring",
            NotAscii { .. } => "notAscii",
            NotAllowed { .. } => "notAllowed",
            OutOfRange { .. } => "outOfRange",
            BadStep { .. } => "badStep",
            InvalidDevice { .. } => "invalidDevice",
            InvalidBase64 => "invalidBase64",
            InvalidEncodedJson { .. } => "invalidEncodedJson",
            UnknownParameter { .. } => "unknownParameter",
            GivenTwice => "givenTwice",
            IndexOutOfRange { .. } => "indexOutOfRange",
            TooMany { .. } => "tooMany",
            Duplicate { .. } => "duplicate",
            OneOfRequired { .. } => "oneOfRequired",
            AllEmpty { .. } => "allEmpty",
            RequiredWhen { .. } => "requiredWhen",
            RequiredUnless { .. } => "requiredUnless",
            Requires { .. } => "requires",
            Conflict { .. } => "conflict",
            IneffectiveUnless { .. } => "ineffectiveUnless",
            Ignored { .. } => "ignored",
            Deprecated { .. } => "deprecated",
            Defaulted { .. } => "defaulted",
            DocsDisagree { .. } => "docsDisagree",
            SystemDiskDevice { .. } => "systemDiskDevice",
            ReservedDevice { .. } => "reservedDevice",
            MultipleSystemDisks { .. } => "multipleSystemDisks",
            NoSystemDisk => "noSystemDisk",
        }
    }

    fn write_json(&self, out: &mut String) {
        use IssueKind::*;
        let mut o = ObjectWriter::new(out);
        o.str("type", self.name());
        let size = |n: usize| n as u64;
        match self {
            Missing | InvalidBase64 | GivenTwice | NoSystemDisk => {}
            WrongType { expected, actual } => {
                o.str("expected", expected.as_str()).str("actual", actual);
            }
            TooShort { min, actual, unit } => {
                o.uint("min", size(*min)).uint("actual", size(*actual)).str("unit", unit.as_str());
            }
            TooLong { max, actual, unit } => {
                o.uint("max", size(*max)).uint("actual", size(*actual)).str("unit", unit.as_str());
            }
            Utf16TooLong { max, actual } | TooMany { max, actual } => {
                o.uint("max", size(*max)).uint("actual", size(*actual));
            }
            InvalidChar { char, index, allowed } => {
                o.str("char", char).uint("index", size(*index)).strs("allowed", allowed);
            }
            InvalidFirstChar { char, allowed } => {
                o.str("char", char).strs("allowed", allowed);
            }
            ForbiddenPrefix { prefix } => {
                o.str("prefix", prefix);
            }
            ForbiddenSubstring { substring } => {
                o.str("substring", substring);
            }
            NotAscii { char, index } => {
                o.str("char", char).uint("index", size(*index));
            }
            NotAllowed { value, allowed } => {
                o.str("value", value).strs("allowed", allowed);
            }
            OutOfRange { min, max, actual } => {
                o.int("min", *min).int("max", *max).int("actual", *actual);
            }
            BadStep { step, base, actual } => {
                o.int("step", *step).int("base", *base).int("actual", *actual);
            }
            InvalidDevice { value, first, last } => {
                o.str("value", value).str("first", first).str("last", last);
            }
            InvalidEncodedJson { expected, missing } => {
                o.str("expected", expected).opt_str("missing", *missing);
            }
            UnknownParameter { suggestion } => {
                o.opt_str("suggestion", suggestion.as_deref());
            }
            IndexOutOfRange { min, max, actual } => {
                o.uint("min", (*min).into()).uint("max", (*max).into()).uint("actual", *actual);
            }
            Duplicate { value, first } => {
                o.str("value", value).str("first", first);
            }
            OneOfRequired { fields } | AllEmpty { fields } => {
                o.strs("fields", fields);
            }
            RequiredWhen { other, value } => {
                o.str("other", other).str("value", value);
            }
            RequiredUnless { other } | Requires { other } | Conflict { other } => {
                o.str("other", other);
            }
            IneffectiveUnless { other, values } => {
                o.str("other", other).strs("values", values);
            }
            Ignored { winner } => {
                o.str("winner", winner);
            }
            Deprecated { replacement } => {
                o.str("replacement", replacement);
            }
            Defaulted { value } => {
                o.str("value", value);
            }
            DocsDisagree { char, allowed_by, forbidden_by } => {
                o.str("char", char).str("allowedBy", allowed_by.as_str()).str("forbiddenBy", forbidden_by.as_str());
            }
            SystemDiskDevice { device } | ReservedDevice { device } => {
                o.str("device", device);
            }
            MultipleSystemDisks { count } => {
                o.uint("count", size(*count));
            }
        }
        o.end();
    }
}

/// How to validate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(default)]
pub struct Options {
    pub lang: Lang,
    /// Treat warnings as errors.
    pub strict: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Code;

    /// One of every kind, with text that needs escaping wherever the kind holds text.
    fn every_kind() -> Vec<IssueKind> {
        use IssueKind::*;
        let t = || "q\"\\\n\u{1}é😀".to_owned();
        vec![
            Missing,
            WrongType { expected: ValueType::Integer, actual: "number" },
            TooShort { min: 2, actual: 1, unit: LengthUnit::Chars },
            TooLong { max: 128, actual: 129, unit: LengthUnit::Utf16 },
            Utf16TooLong { max: 10, actual: 11 },
            InvalidChar { char: t(), index: usize::MAX, allowed: vec!["han", "-"] },
            InvalidFirstChar { char: t(), allowed: vec![] },
            ForbiddenPrefix { prefix: "http://" },
            ForbiddenSubstring { substring: "\"" },
            NotAscii { char: t(), index: 0 },
            NotAllowed { value: t(), allowed: vec!["a", "b"] },
            OutOfRange { min: i64::MIN, max: i64::MAX, actual: -1 },
            BadStep { step: 10, base: -5, actual: 7 },
            InvalidDevice { value: t(), first: "/dev/vdb", last: "/dev/vdz" },
            InvalidBase64,
            InvalidEncodedJson { expected: "{}", missing: None },
            InvalidEncodedJson { expected: "{}", missing: Some("a.b") },
            UnknownParameter { suggestion: None },
            UnknownParameter { suggestion: Some(t()) },
            GivenTwice,
            IndexOutOfRange { min: 1, max: u32::MAX, actual: u64::MAX },
            TooMany { max: 20, actual: 21 },
            Duplicate { value: t(), first: t() },
            OneOfRequired { fields: vec!["A", "B"] },
            AllEmpty { fields: vec!["A"] },
            RequiredWhen { other: t(), value: "x" },
            RequiredUnless { other: t() },
            Requires { other: t() },
            Conflict { other: t() },
            IneffectiveUnless { other: t(), values: vec!["on"] },
            Ignored { winner: "W" },
            Deprecated { replacement: t() },
            Defaulted { value: "v" },
            DocsDisagree {
                char: t(),
                allowed_by: DocSource::ZenlayerChinese,
                forbidden_by: DocSource::AliyunErrorTable,
            },
            DocsDisagree {
                char: t(),
                allowed_by: DocSource::ZenlayerEnglish,
                forbidden_by: DocSource::AliyunParameterTable,
            },
            DocsDisagree {
                char: t(),
                allowed_by: DocSource::TencentChineseBefore2023,
                forbidden_by: DocSource::TencentChinese,
            },
            DocsDisagree { char: t(), allowed_by: DocSource::TencentEnglish, forbidden_by: DocSource::TencentChinese },
            SystemDiskDevice { device: "/dev/xvda" },
            ReservedDevice { device: "/dev/xvda" },
            MultipleSystemDisks { count: 2 },
            NoSystemDisk,
        ]
    }

    #[test]
    fn to_json_is_serde_json() {
        let issues: Vec<Issue> = every_kind()
            .into_iter()
            .enumerate()
            .map(|(i, kind)| Issue {
                field: format!("F.{i}\""),
                code: Code::Zenlayer(crate::providers::zenlayer::Code::InvalidParameter),
                severity: if i % 2 == 0 { Severity::Error } else { Severity::Warning },
                http_status: 400 + i as u16,
                message: "m\"中".to_owned(),
                kind,
                row_hint: None,
            })
            .collect();
        for provider in Provider::ALL {
            for report in [
                Report { provider, valid: true, issues: vec![] },
                Report { provider, valid: false, issues: issues.clone() },
            ] {
                assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
                assert_eq!(Report::issues_json(&report.issues), serde_json::to_string(&report.issues).unwrap());
            }
        }
    }
}
