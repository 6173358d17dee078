//! The report's JSON written by hand: the bytes serde_json writes of the `Serialize` derives of
//! [`Report`], [`Issue`] and [`IssueKind`], without serde_json's serializer or the derives' code
//! in the npm package's validate module (docs/size.md). `tests` holds it byte-equal to serde_json
//! for every kind the enum declares.

use super::json::ObjectWriter;
use crate::report::{Issue, IssueKind, Report};

impl Report {
    /// `issues` as a JSON array.
    pub fn issues_json(issues: &[Issue]) -> String {
        let mut out = String::with_capacity(2 + 200 * issues.len());
        write_issues(&mut out, issues);
        out
    }

    /// The report as compact JSON (the `check --json` line): the bytes serde_json makes of the
    /// `Serialize` derive (`tests::to_json_is_serde_json`).
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
    /// This kind as a JSON object (`type` and its data), appended to `out`.
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

#[cfg(test)]
mod tests {
    use crate::catalog::KnownCode;
    use crate::provider::Provider;
    use crate::report::*;
    use std::collections::BTreeSet;

    /// The `type` tag of every variant `pub enum IssueKind` declares in report.rs, read from its
    /// source (serde's camelCase of the variant's name), so that a new variant without a sample in
    /// [`every_kind`] fails [`every_declared_kind_is_written`].
    fn declared_kinds() -> BTreeSet<String> {
        let source = include_str!("../report.rs");
        let body = &source[source.find("pub enum IssueKind {").expect("IssueKind in report.rs")..];
        let body = &body[body.find('{').unwrap() + 1..];
        let mut depth = 0i32;
        let mut kinds = BTreeSet::new();
        for line in body.lines() {
            let t = line.trim();
            if depth == 0 && t.starts_with('}') {
                break;
            }
            if depth == 0 && !t.starts_with("//") && !t.starts_with('#') {
                let name: String = t.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
                let mut chars = name.chars();
                if let Some(first) = chars.next().filter(char::is_ascii_uppercase) {
                    kinds.insert(first.to_ascii_lowercase().to_string() + chars.as_str());
                }
            }
            depth += t.matches(['{', '(']).count() as i32 - t.matches(['}', ')']).count() as i32;
        }
        kinds
    }

    #[test]
    fn every_declared_kind_is_written() {
        let written: BTreeSet<String> = every_kind().iter().map(|k| k.name().to_owned()).collect();
        assert!(declared_kinds().len() > 30, "the enum was read: {:?}", declared_kinds());
        assert_eq!(written, declared_kinds(), "every IssueKind variant needs a sample in every_kind()");
    }

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
                code: KnownCode::Zenlayer(crate::providers::zenlayer::Code::InvalidParameter),
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
