//! Human text for every [`IssueKind`], in English and Chinese. The only place issue messages are
//! written: rules produce kinds, this renders them.

use crate::catalog::Lang;
use crate::report::{DocSource, IssueKind, LengthUnit, ValueType};

fn class_name(token: &str, lang: Lang) -> String {
    match (token, lang) {
        ("han", Lang::En) => "Chinese characters".into(),
        ("han", Lang::Zh) => "中文".into(),
        ("letter", Lang::En) => "letters".into(),
        ("letter", Lang::Zh) => "英文字母".into(),
        ("digit", Lang::En) => "digits".into(),
        ("digit", Lang::Zh) => "数字".into(),
        (c, _) => format!("\"{c}\""),
    }
}

/// The classes as a list whose last item is joined by `last` ("and", "or"); Chinese uses 、.
fn classes(tokens: &[&str], lang: Lang, last: &str) -> String {
    let names: Vec<String> = tokens.iter().map(|t| class_name(t, lang)).collect();
    match (lang, names.split_last()) {
        (Lang::Zh, _) => names.join("、"),
        (Lang::En, Some((tail, head))) if !head.is_empty() => format!("{} {last} {tail}", head.join(", ")),
        (Lang::En, _) => names.join(""),
    }
}

fn type_name(t: ValueType, lang: Lang) -> &'static str {
    match (t, lang) {
        (ValueType::String, Lang::En) => "a string",
        (ValueType::Integer, Lang::En) => "an integer",
        (ValueType::Boolean, Lang::En) => "a boolean (true or false)",
        (ValueType::Object, Lang::En) => "an object",
        (ValueType::Array, Lang::En) => "an array",
        (ValueType::String, Lang::Zh) => "字符串",
        (ValueType::Integer, Lang::Zh) => "整数",
        (ValueType::Boolean, Lang::Zh) => "布尔值（true 或 false）",
        (ValueType::Object, Lang::Zh) => "对象",
        (ValueType::Array, Lang::Zh) => "数组",
    }
}

fn unit(u: LengthUnit, lang: Lang) -> &'static str {
    match (u, lang) {
        (LengthUnit::Chars, Lang::En) => "characters",
        (LengthUnit::Utf16, Lang::En) => "UTF-16 code units",
        (LengthUnit::Chars, Lang::Zh) => "个字符",
        (LengthUnit::Utf16, Lang::Zh) => "个 UTF-16 码元",
    }
}

fn doc(d: DocSource, lang: Lang) -> &'static str {
    match (d, lang) {
        (DocSource::ZenlayerChinese, Lang::En) => "the Chinese edition of the docs",
        (DocSource::ZenlayerChinese, Lang::Zh) => "中文版文档",
        (DocSource::ZenlayerEnglish, Lang::En) => "the English edition",
        (DocSource::ZenlayerEnglish, Lang::Zh) => "英文版文档",
        (DocSource::AliyunParameterTable, Lang::En) => "the parameter table",
        (DocSource::AliyunParameterTable, Lang::Zh) => "请求参数表",
        (DocSource::AliyunErrorTable, Lang::En) => "the error table (InvalidImageName.Malformed)",
        (DocSource::AliyunErrorTable, Lang::Zh) => "错误码表（InvalidImageName.Malformed）",
        (DocSource::TencentChinese, Lang::En) => "the current Chinese page",
        (DocSource::TencentChinese, Lang::Zh) => "当前中文文档",
        (DocSource::TencentChineseBefore2023, Lang::En) => "the Chinese page before November 2023",
        (DocSource::TencentChineseBefore2023, Lang::Zh) => "2023 年 11 月前的中文文档",
        (DocSource::TencentEnglish, Lang::En) => "the English edition",
        (DocSource::TencentEnglish, Lang::Zh) => "英文版文档",
    }
}

fn list(values: &[&str]) -> String {
    values.join(", ")
}

/// `t` with its English article: "an array", "a string".
pub(crate) fn json_article(t: &str) -> String {
    if t == "null" {
        return t.to_owned();
    }
    if t.starts_with(['a', 'e', 'i', 'o', 'u']) { format!("an {t}") } else { format!("a {t}") }
}

/// The message for `kind` in `lang`.
pub fn render(kind: &IssueKind, lang: Lang) -> String {
    use IssueKind::*;
    let zh = lang == Lang::Zh;
    match kind {
        Missing if zh => "必填参数，不能为空。".into(),
        Missing => "is required.".into(),
        WrongType { expected, actual } if zh => {
            format!("类型错误：应为{}，实际为 {actual}。", type_name(*expected, lang))
        }
        WrongType { expected, actual } => {
            format!("must be {}, not {}.", type_name(*expected, lang), json_article(actual))
        }
        TooShort { min, actual, unit: u } if zh => format!("长度至少 {min}{}，当前 {actual}。", unit(*u, lang)),
        TooShort { min, actual, unit: u } => format!("must be at least {min} {} long (is {actual}).", unit(*u, lang)),
        TooLong { max, actual, unit: u } if zh => format!("长度不能超过 {max}{}，当前 {actual}。", unit(*u, lang)),
        TooLong { max, actual, unit: u } => format!("must be at most {max} {} long (is {actual}).", unit(*u, lang)),
        Utf16TooLong { max, actual } if zh => {
            format!("按字符计不超过 {max}，但按 UTF-16 计为 {actual}：按 UTF-16 计数的服务端或浏览器可能拒绝。")
        }
        Utf16TooLong { max, actual } => format!(
            "is within {max} characters but {actual} UTF-16 code units: a server or browser that counts UTF-16 may reject it."
        ),
        InvalidChar { char, index, allowed } if zh => {
            format!("第 {} 个字符 \"{char}\" 不允许；只能包含{}。", index + 1, classes(allowed, lang, ""))
        }
        InvalidChar { char, index, allowed } => {
            format!(
                "character {} (\"{char}\") is not allowed; only {} may be used.",
                index + 1,
                classes(allowed, lang, "and")
            )
        }
        InvalidFirstChar { char, allowed } if zh => {
            format!("不能以 \"{char}\" 开头；必须以{}开头。", classes(allowed, lang, "and"))
        }
        InvalidFirstChar { char, allowed } => {
            format!("must start with {}, not \"{char}\".", classes(allowed, lang, "or"))
        }
        ForbiddenPrefix { prefix } if zh => format!("不能以 {prefix} 开头。"),
        ForbiddenPrefix { prefix } => format!("must not start with \"{prefix}\"."),
        ForbiddenSubstring { substring } if zh => format!("不能包含 {substring}。"),
        ForbiddenSubstring { substring } => format!("must not contain \"{substring}\"."),
        NotAscii { char, index } if zh => format!("只能包含 ASCII 字符；第 {} 个字符 \"{char}\" 不是。", index + 1),
        NotAscii { char, index } => format!("must be ASCII only; character {} (\"{char}\") is not.", index + 1),
        NotAllowed { value, allowed } if zh => {
            format!("取值 \"{value}\" 无效；可选值：{}。", list(allowed))
        }
        NotAllowed { value, allowed } => {
            format!("\"{value}\" is not allowed; use one of: {}.", list(allowed))
        }
        // An open-ended range (JD iops: a step, no documented bound) has no maximum to name.
        OutOfRange { min, max: i64::MAX, actual } if zh => format!("不能小于 {min}，当前 {actual}。"),
        OutOfRange { min, max: i64::MAX, actual } => format!("must be at least {min} (is {actual})."),
        OutOfRange { min, max, actual } if zh => format!("取值范围为 {min}~{max}，当前 {actual}。"),
        OutOfRange { min, max, actual } => {
            format!("must be between {min} and {max} (is {actual}).")
        }
        BadStep { step, base, actual } if zh => {
            format!("步长为 {step}（自 {base} 起），{actual} 不符合。")
        }
        BadStep { step, base, actual } => {
            format!("must go in steps of {step} from {base} ({actual} does not).")
        }
        InvalidDevice { value, first, last } if zh => {
            format!("设备名 \"{value}\" 无效；取值范围：{first}~{last}。")
        }
        InvalidDevice { value, first, last } => {
            format!("\"{value}\" is not a device name from {first} to {last}.")
        }
        InvalidBase64 if zh => "不是有效的 Base64 编码。".into(),
        InvalidBase64 => "is not valid Base64.".into(),
        InvalidEncodedJson { expected, missing: Some(m) } if zh => format!("Base64 解码后应为 {expected}，缺少 {m}。"),
        InvalidEncodedJson { expected, missing: Some(m) } => format!("must decode to {expected}; {m} is missing."),
        InvalidEncodedJson { expected, missing: None } if zh => format!("Base64 解码后应为 JSON：{expected}。"),
        InvalidEncodedJson { expected, missing: None } => format!("must decode to the JSON {expected}."),
        UnknownParameter { suggestion: Some(s) } if zh => format!("未知参数，将被忽略。是否要写 {s}？"),
        UnknownParameter { suggestion: Some(s) } => {
            format!("is not a parameter of this API and will be ignored. Did you mean {s}?")
        }
        UnknownParameter { suggestion: None } if zh => "未知参数，将被忽略。".into(),
        UnknownParameter { suggestion: None } => "is not a parameter of this API and will be ignored.".into(),
        GivenTwice if zh => "重复指定（例如同时以结构化和扁平形式给出）。".into(),
        GivenTwice => "is given twice (for example in both the structured and the flat form).".into(),
        IndexOutOfRange { min, max, actual } if zh => {
            format!("序号 N 的取值范围为 {min}~{max}，当前 {actual}。")
        }
        IndexOutOfRange { min, max, actual } => {
            format!("N must be between {min} and {max} (is {actual}).")
        }
        TooMany { max, actual } if zh => format!("最多 {max} 项，当前 {actual} 项。"),
        TooMany { max, actual } => format!("allows at most {max} items (has {actual})."),
        Duplicate { value, first } if zh => format!("\"{value}\" 与 {first} 重复。"),
        Duplicate { value, first } => format!("\"{value}\" is already used by {first}."),
        AllEmpty { fields } if zh => format!("{} 不能全部为空。", fields.join("、")),
        AllEmpty { fields } => format!("{} are all empty; at least one needs a value.", fields.join(", ")),
        OneOfRequired { fields } if zh => format!("{} 至少需要指定一个。", fields.join("、")),
        OneOfRequired { fields } => format!("at least one of {} is required.", fields.join(", ")),
        RequiredWhen { other, value } if zh => format!("当 {other} 为 {value} 时必填。"),
        RequiredWhen { other, value } => format!("is required when {other} is {value}."),
        RequiredUnless { other } if zh => format!("未指定 {other} 时必填。"),
        RequiredUnless { other } => format!("is required when {other} is not given."),
        Requires { other } if zh => format!("须与 {other} 一起使用。"),
        Requires { other } => format!("can only be used together with {other}."),
        Conflict { other } if zh => format!("不能与 {other} 同时指定。"),
        Conflict { other } => format!("cannot be given together with {other}."),
        IneffectiveUnless { other, values } if zh => {
            format!("仅当 {other} 为 {} 时有效，将被忽略。", list(values))
        }
        IneffectiveUnless { other, values } => {
            format!("only takes effect when {other} is {}; it will be ignored.", list(values))
        }
        Ignored { winner } if zh => format!("同时指定了优先级更高的 {winner}，此参数将被忽略。"),
        Ignored { winner } => {
            format!("will be ignored: {winner}, which takes priority, is also given.")
        }
        Deprecated { replacement } if zh => format!("该参数即将被弃用，请使用 {replacement}。"),
        Deprecated { replacement } => format!("is deprecated; use {replacement}."),
        Defaulted { value } if zh => format!("未指定，将默认为 {value}（文档同时称其为必填）。"),
        Defaulted { value } => {
            format!("is not given and defaults to {value} (the docs also call it required).")
        }
        DocsDisagree { char, allowed_by, forbidden_by } if zh => {
            let (a, f) = (doc(*allowed_by, lang), doc(*forbidden_by, lang));
            format!("包含 \"{char}\"：{a}允许，{f}不允许；服务端可能拒绝。")
        }
        DocsDisagree { char, allowed_by, forbidden_by } => {
            let (a, f) = (doc(*allowed_by, lang), doc(*forbidden_by, lang));
            format!("contains \"{char}\", which {a} allows but {f} forbids; the server may reject it.")
        }
        SystemDiskDevice { device } if zh => format!("系统盘的设备名必须为 {device}。"),
        SystemDiskDevice { device } => format!("must be {device} for the system disk."),
        ReservedDevice { device } if zh => format!("{device} 只能用于系统盘。"),
        ReservedDevice { device } => format!("{device} is reserved for the system disk."),
        MultipleSystemDisks { count } if zh => format!("只能指定一个系统盘快照，当前 {count} 个。"),
        MultipleSystemDisks { count } => {
            format!("only one system disk may be given ({count} are).")
        }
        NoSystemDisk if zh => "所有磁盘都是数据盘：需要一个系统盘快照。".into(),
        NoSystemDisk => "every disk is a data disk: one system disk snapshot is required.".into(),
    }
}
