//! Every text of the console's own, in English and Chinese, as one table. Field labels, hints,
//! issue messages and catalog meanings are not here: they come from the validator in the
//! language asked for. Placeholders are `{name}`, filled by [`fill`].

use createimage_validator::Lang;

macro_rules! texts {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// A text of the console.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Phrase {
            $($key,)*
        }

        impl Phrase {
            /// Every text, in table order.
            pub const ALL: &'static [Phrase] = &[$(Phrase::$key,)*];

            /// The text in `lang`.
            pub const fn get(self, lang: Lang) -> &'static str {
                // One row per text, in declaration order: a table lookup, not a match.
                const TABLE: &[[&str; 2]] = &[$([$en, $zh],)*];
                let row = &TABLE[self as usize];
                match lang {
                    Lang::En => row[0],
                    Lang::Zh => row[1],
                }
            }
        }
    };
}

texts! {
    AppTitle => "createimage console", "createimage 控制台";
    ErrorPrefix => "Error: ", "错误：";
    Tagline => "Check a cloud CreateImage request against the provider's documented rules, sign it in your browser and send it.",
        "按云厂商文档中的规则检查 CreateImage 请求，在浏览器中签名并发送。";
    LangToggle => "中文", "English";
    LangToggleLabel => "Switch the page to Chinese", "将页面切换为英文";
    ProviderPicker => "Provider", "云厂商";
    ApiChoice => "API version", "API 版本";
    RequestHeading => "Request parameters", "请求参数";
    SourceHeading => "Where the image comes from", "镜像来源";
    SourceChoice => "Make the image from", "制作镜像所用的来源";
    NameHeading => "Name and description", "名称与描述";
    AdvancedHeading => "Advanced settings", "高级设置";
    SandboxPick => "In the sandbox", "沙箱中的资源";
    SandboxPickNone => "Choose one to fill it in…", "选择一项以填入…";
    WillCreate => "makes an image", "可创建镜像";
    WillRefuse => "refused with {code}", "将被拒绝：{code}";
    NotAWholeNumber => "must be a whole number, digits only.", "必须是整数，只能包含数字。";
    Required => "required", "必填";
    NotSet => "— not set —", "— 未设置 —";
    AutoFilled => "Left empty, the console makes one for each submission and reuses it when you retry after a network failure.",
        "留空时控制台为每次提交生成一个，网络故障后重试同一请求时沿用。";
    Deprecated => "Deprecated parameters", "即将弃用的参数";
    AddItem => "Add item", "添加一项";
    ItemOther => "Item {n}", "第 {n} 项";
    RemoveItem => "Remove", "删除";
    RemoveLabel => "Remove {item}", "删除{item}";
    GroupFull => "The most this list takes.", "已达到上限。";
    NoItems => "None yet.", "暂无。";
    CredentialsHeading => "Credentials and endpoint", "凭证与接入点";
    Endpoint => "Endpoint", "接入点";
    Sandbox => "Sandbox", "沙箱";
    Relay => "Relay", "中继";
    Direct => "Direct", "直连";
    SandboxNote => "The emulator built into createimage serve: no cloud account needed; the sandbox keys are filled in.",
        "createimage serve 内置的模拟器：无需云账号，已填入沙箱密钥。";
    RelayNote => "createimage serve forwards the request, signed here in your browser, to the provider's real host. Your secret never leaves this page.",
        "createimage serve 将在浏览器中签好名的请求转发到云厂商的真实地址。密钥不会离开本页面。";
    DirectNote => "The browser sends the request straight to the provider. The providers' APIs do not allow requests from web pages (CORS), so the browser will block it: use Relay.",
        "浏览器直接向云厂商发送请求。云厂商的 API 不允许网页跨域访问（CORS），浏览器会拦截该请求：请使用中继。";
    AccessKeyId => "Access key ID", "AccessKey ID";
    AccessKeySecret => "Access key secret", "AccessKey Secret";
    SecretNote => "Kept in this tab's memory only; never put in a URL, the history or the draft.",
        "只保存在本标签页的内存中；不会写入 URL、历史记录或草稿。";
    Remember => "Remember on this device", "在此设备上记住";
    RememberNote => "Stores the access key ID and secret in this browser's local storage, where anyone using this browser profile can read them. Off: they are forgotten when the tab closes.",
        "将 AccessKey ID 和 Secret 保存在本浏览器的本地存储（local storage）中，使用此浏览器配置的任何人都能读取。关闭时，标签页关闭即遗忘。";
    Create => "Create image", "创建镜像";
    Creating => "Creating…", "创建中…";
    FixFirst => "Fix the errors shown in the form before sending, or send anyway.", "请先改正表单中标出的错误，或选择仍然发送。";
    SendAnyway => "Send anyway", "仍然发送";
    Cancel => "Cancel", "取消";
    SendAnywayTitle => "Send despite the errors?", "忽略错误仍然发送？";
    SendAnywayIntro => "By the provider's documentation, this request breaks the rules below. Send it only if you know the provider has relaxed them since.",
        "按云厂商文档，此请求违反了以下规则。只有确知云厂商已放宽这些规则时才发送。";
    SummaryHeading => "There is a problem", "存在问题";
    ResultHeading => "Answer", "响应";
    Nothing => "Nothing sent yet.", "尚未发送。";
    Created => "Image creation accepted.", "已受理镜像创建。";
    ImageId => "Image ID", "镜像 ID";
    RequestId => "Request ID", "请求 ID";
    Copy => "Copy", "复制";
    Copied => "Copied", "已复制";
    CopyFailed => "Could not copy", "复制失败";
    CopyLabel => "Copy {what}", "复制{what}";
    NoImageId => "Tencent's API answers no image ID.", "腾讯云的接口不返回镜像 ID。";
    FoundByRequestId => "The sandbox looks it up in the emulator's state by the request ID.", "沙箱按请求 ID 在模拟器状态中查找。";
    ImageStatus => "Image status", "镜像状态";
    Waiting => "Waiting for the image…", "等待镜像…";
    ImageReady => "The image is available.", "镜像已可用。";
    StatusLost => "The emulator no longer lists this image.", "模拟器中已找不到该镜像。";
    Failed => "The provider refused the request.", "云厂商拒绝了该请求。";
    ErrorCode => "Error code", "错误码";
    HttpStatus => "HTTP status", "HTTP 状态码";
    Message => "Message", "消息";
    Meaning => "Meaning", "含义";
    Fix => "What to do", "处理方法";
    NotInCatalog => "This code is not in createimage's catalog.", "createimage 的错误码目录中没有该错误码。";
    Recommend => "Provider's diagnosis", "云厂商诊断";
    RawResponse => "Raw response", "原始响应";
    StsHeading => "String to sign", "待签名字符串";
    StsOurs => "Ours", "本地";
    StsServer => "The server's", "服务端";
    StsSame => "The two are identical: the access key secret is probably wrong.",
        "两者完全相同：很可能是 AccessKey Secret 不对。";
    StsDiffers => "They first differ at character {n} (highlighted).", "两者从第 {n} 个字符起不同（已高亮）。";
    EndOfText => "(end)", "（结束）";
    Unreadable => "The answer is not in the provider's format.", "响应不是云厂商的格式。";
    NetworkError => "The server at {host} could not be reached.", "无法连接到 {host} 上的服务器。";
    CheckServe => "Check that createimage serve is still running there and that this page's address is right, then send again.",
        "请确认 createimage serve 仍在该地址运行、本页地址无误，然后重新发送。";
    BrowserSaid => "Browser's message", "浏览器的消息";
    CorsExplained => "In Direct mode this is expected: the browser blocks the call because the provider's API does not allow web pages (CORS). Use Relay.",
        "直连模式下这是预期的：云厂商的 API 不允许网页跨域访问（CORS），浏览器拦截了请求。请使用中继。";
    RetryNote => "Sending the same request again reuses its ClientToken, so it cannot create two images.",
        "再次发送同一请求会沿用同一个 ClientToken，不会重复创建镜像。";
    NotSent => "Not sent: {reason}", "未发送：{reason}";
    NeedKeys => "enter the access key ID and secret.", "请填写 AccessKey ID 和 Secret。";
    NotLoaded => "the signing code could not be loaded (check the connection), try again.", "签名代码未能加载（请检查网络连接），请重试。";
    PreviewHeading => "Request preview", "请求预览";
    Signing => "Signing…", "正在签名…";
    PreviewNote => "Signed just now with a fresh time and nonce; the signature is redacted. Each submission signs again.",
        "刚以新的时间和随机数签名；签名已隐去。每次提交都会重新签名。";
    PreviewAnyway => "The form has errors: this is the request \"Send anyway\" would sign.", "表单有错误：这是“仍然发送”会签名的请求。";
    PreviewNeedsKeys => "Enter the access key ID and secret to see the signed request.", "填写 AccessKey ID 和 Secret 后可查看签名后的请求。";
    Curl => "curl", "curl";
    HistoryHeading => "History", "历史记录";
    ClearHistory => "Clear history", "清空历史记录";
    HistoryEmpty => "No submissions yet.", "暂无提交记录。";
    ColTime => "Time", "时间";
    ColProvider => "Provider", "云厂商";
    ColEndpoint => "Endpoint", "接入点";
    ColRequestId => "Request ID", "请求 ID";
    ColResult => "Image ID or error code", "镜像 ID 或错误码";
    PortabilityHeading => "Portability check", "可移植性检查";
    PortabilityIntro => "One image name and description, checked against all four providers at once.",
        "同一个镜像名称和描述，一次检查四家云厂商的规则。";
    PortabilityName => "Image name", "镜像名称";
    PortabilityDescription => "Description", "镜像描述";
    ColVerdict => "Verdict", "结论";
    ColReason => "Reason", "原因";
    VerdictOk => "OK", "通过";
    VerdictWarning => "Warning", "警告";
    VerdictError => "Error", "错误";
    VerdictNone => "—", "—";
    PortabilityEmpty => "Type a name above.", "请在上方输入名称。";
    PortabilityFits => "Accepted as {name}.", "可作为 {name} 使用。";
    Footer => "Runs entirely in your browser; everything it loads comes from this server, no CDN or external font.",
        "完全在浏览器中运行；所加载的一切都来自本服务器，不使用 CDN 或外部字体。";
}

/// Words for the API values the forms offer, shown beside the value: (value, English, Chinese).
const VALUE_LABELS: &[(&str, &str, &str)] = &[
    ("true", "Yes", "是"),
    ("false", "No", "否"),
    ("system", "System disk", "系统盘"),
    ("data", "Data disk", "数据盘"),
    ("cloud", "Cloud disk", "云硬盘"),
    ("ssd", "SSD cloud disk", "SSD 云硬盘"),
    ("premium-hdd", "Premium HDD cloud disk", "高效云硬盘"),
    ("ssd.gp1", "General purpose SSD", "通用型 SSD 云硬盘"),
    ("ssd.io1", "Provisioned IOPS SSD", "性能型 SSD 云硬盘"),
    ("hdd.std1", "Capacity HDD", "容量型 HDD 云硬盘"),
    ("prepaid_by_duration", "Prepaid for a period", "包年包月"),
    ("postpaid_by_usage", "Pay by usage", "按用量后付费"),
    ("postpaid_by_duration", "Pay by configuration", "按配置后付费"),
    ("month", "Month", "月"),
    ("year", "Year", "年"),
    ("i386", "32-bit x86", "32 位 x86"),
    ("x86_64", "64-bit x86", "64 位 x86"),
    ("arm64", "64-bit Arm", "64 位 Arm"),
];

/// An API value as a choice reads: its word in `lang` with the value beside it (`Data disk
/// (data)`), or the value alone where it is a name already (`CentOS`).
pub fn value_label(value: &str, lang: Lang) -> String {
    match VALUE_LABELS.iter().find(|(v, ..)| *v == value) {
        Some((_, en, zh)) => match lang {
            Lang::En => format!("{en} ({value})"),
            Lang::Zh => format!("{zh}（{value}）"),
        },
        None => value.to_owned(),
    }
}

impl Phrase {
    /// The text in `lang` with its placeholders filled.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.get(lang), args)
    }
}

/// `text` with every `{name}` of `args` replaced by its value.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The placeholders of a text, in order: what every translation must also have.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else { break };
        out.push(&rest[start + 1..start + len]);
        rest = &rest[start + len + 1..];
    }
    createimage_validator::compact::order::sort(&mut out);
    out
}

/// The `lang` attribute of the page for `lang`.
pub const fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// The language stored as `s` (`en`, `zh`).
pub fn parse_lang(s: &str) -> Option<Lang> {
    s.parse().ok()
}

/// The other language: what the toggle switches to.
pub const fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_text_has_both_languages_and_the_same_placeholders() {
        for &t in Phrase::ALL {
            let (en, zh) = (t.get(Lang::En), t.get(Lang::Zh));
            assert!(!en.trim().is_empty(), "{t:?} has no English");
            assert!(!zh.trim().is_empty(), "{t:?} has no Chinese");
            assert_eq!(placeholders(en), placeholders(zh), "{t:?}: placeholders differ");
        }
    }

    #[wasm_bindgen_test]
    fn chinese_is_translated() {
        // Texts that may legitimately read the same in both languages.
        let same = [Phrase::Curl, Phrase::VerdictNone, Phrase::AppTitle];
        for &t in Phrase::ALL {
            if !same.contains(&t) && t.get(Lang::En) == t.get(Lang::Zh) {
                panic!("{t:?} is not translated");
            }
        }
    }

    #[wasm_bindgen_test]
    fn fill_and_toggle() {
        assert_eq!(Phrase::ItemOther.fill(Lang::En, &[("n", "3")]), "Item 3");
        assert_eq!(Phrase::ItemOther.fill(Lang::Zh, &[("n", "3")]), "第 3 项");
        assert_eq!(placeholders("a {x} b {y}"), ["x", "y"]);
        assert_eq!(Phrase::LangToggle.get(Lang::En), "中文");
        assert_eq!(Phrase::LangToggle.get(Lang::Zh), "English");
        assert_eq!(other(Lang::En), Lang::Zh);
        assert_eq!(parse_lang("zh"), Some(Lang::Zh));
        assert_eq!(html_lang(Lang::Zh), "zh");
        assert_eq!(value_label("data", Lang::En), "Data disk (data)");
        assert_eq!(value_label("false", Lang::Zh), "否（false）");
        assert_eq!(value_label("CentOS", Lang::Zh), "CentOS");
    }
}
