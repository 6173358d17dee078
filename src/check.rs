//! What the validator said about a form, arranged for the page: each issue placed on the element
//! it is about, labelled in the user's language, ordered as the form is; the error summary's
//! links; the rules "send anyway" overrides; and the portability verdicts. No view here.

use crate::i18n::{self, Phrase};
use crate::model::{self, Form, Slot, Touched};
use createimage_validator::{IssueKind, Lang, Options, Provider, Severity, ValueType, validate_value};
use serde_json::{Map, Value};

/// One issue, placed on the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The id of the element it is about (input, or group/object fieldset).
    pub id: String,
    /// The field and item, when the table knows the path.
    pub slot: Option<Slot>,
    /// The issue path in the provider's naming.
    pub field: String,
    pub code: String,
    pub severity: Severity,
    /// The field's label in the user's language.
    pub label: String,
    /// The label with its item: `Tag 2 · Tag key`.
    pub full_label: String,
    /// The validator's message, in the user's language.
    pub message: String,
    /// Where it sits in the form: table position, item, then the report's order.
    order: (usize, usize, usize),
}

impl Finding {
    /// The text under the field: `Image name is required.`, `Image name: character 4 ("_") …`.
    pub fn sentence(&self, lang: Lang) -> String {
        sentence(&self.label, &self.message, lang)
    }

    /// The text of its error-summary link: `field: message`.
    pub fn summary(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{}: {}", self.full_label, self.message),
            Lang::Zh => format!("{}：{}", self.full_label, self.message),
        }
    }

    /// Whether it shows yet: once its field (or something inside it) was touched, or after a submit attempt.
    pub fn visible(&self, touched: &Touched, submitted: bool) -> bool {
        submitted || self.slot.is_some_and(|s| model::is_touched(touched, s))
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `label` and `message` as one sentence: joined by a space where the message goes on from the
/// label's subject (`is …`, `must …`), by a colon otherwise (`character 4 …`).
pub fn sentence(label: &str, message: &str, lang: Lang) -> String {
    const GOES_ON: [&str; 7] = ["is ", "must ", "can ", "will ", "only ", "allows ", "contains "];
    match lang {
        Lang::En if GOES_ON.iter().any(|w| message.starts_with(w)) => format!("{label} {message}"),
        Lang::En => format!("{label}: {message}"),
        Lang::Zh => format!("{label}：{message}"),
    }
}

/// The issue paths a message names besides its own field (`Tag.1.key`, `dataDisks[0].cloudDiskSpec.diskType`).
fn mentioned(kind: &IssueKind) -> Vec<&str> {
    use IssueKind::*;
    match kind {
        Duplicate { first, .. } => vec![first.as_str()],
        AllEmpty { fields } | OneOfRequired { fields } => fields.clone(),
        RequiredWhen { other, .. }
        | RequiredUnless { other }
        | Requires { other }
        | IneffectiveUnless { other, .. } => {
            vec![other.as_str()]
        }
        Ignored { winner } => vec![winner],
        Deprecated { replacement } => vec![replacement.as_str()],
        _ => Vec::new(),
    }
}

/// What the page says for an issue: the validator's message with every other field it names
/// called by its label, as the page shows it; a typed number that is not one said as such.
fn page_message(provider: Provider, kind: &IssueKind, message: String, lang: Lang) -> String {
    if let IssueKind::WrongType { expected: ValueType::Integer, .. } = kind {
        return Phrase::NotAWholeNumber.get(lang).to_owned();
    }
    let mut paths = mentioned(kind);
    // Longer paths first: `Tag.1.Key` before a `Tag` it contains.
    createimage_validator::compact::order::sort_by_key(&mut paths, |p| usize::MAX - p.len());
    paths.into_iter().fold(message, |m, path| match model::slot_of(provider, path) {
        Some(slot) => m.replace(path, &labels(provider, slot, lang).1),
        None => m,
    })
}

/// A link of the error summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryLink {
    /// The id of the element it focuses (the href without `#`).
    pub target: String,
    pub text: String,
}

/// The validator's report on one form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormReport {
    pub provider: Provider,
    pub lang: Lang,
    /// Every issue, in form order.
    pub findings: Vec<Finding>,
}

impl FormReport {
    /// Validates the request `form` makes, the whole of it, as on every keystroke. An issue
    /// about a source the form does not show (Alibaba's "at least one of") goes to the one it
    /// shows, `source`.
    pub fn new(provider: Provider, form: &Form, lang: Lang, source: Option<&'static str>) -> Self {
        let request = form.to_request(provider);
        let report = validate_value(provider, &request, Options { lang, strict: false })
            .expect("a form always makes a JSON object");
        let mut findings: Vec<Finding> = report
            .issues
            .into_iter()
            .enumerate()
            .map(|(n, issue)| {
                let slot = match (model::slot_of(provider, &issue.field), source) {
                    (Some(s), Some(shown)) if s.item.is_none() && model::sources(provider).contains(&s.path) => {
                        Some(Slot::top(shown))
                    }
                    (slot, _) => slot,
                };
                let (label, full_label, (position, item)) = match slot {
                    Some(s) => labels(provider, s, lang),
                    None => (issue.field.clone(), issue.field.clone(), (usize::MAX, 0)),
                };
                // The report's own order breaks ties.
                let order = (position, item, n);
                Finding {
                    id: slot.map_or_else(|| model::field_id(provider, &issue.field), |s| model::slot_id(provider, s)),
                    slot,
                    code: issue.code.as_str().to_owned(),
                    severity: issue.severity,
                    label,
                    full_label,
                    message: page_message(provider, &issue.kind, issue.message, lang),
                    field: issue.field,
                    order,
                }
            })
            .collect();
        createimage_validator::compact::order::sort_by_key(&mut findings, |f| f.order);
        FormReport { provider, lang, findings }
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The issues about element `id`.
    pub fn at<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.id == id)
    }

    /// The error summary: one link per error, in form order.
    pub fn summary(&self) -> Vec<SummaryLink> {
        self.errors().map(|f| SummaryLink { target: f.id.clone(), text: f.summary(self.lang) }).collect()
    }

    /// The rules "send anyway" overrides, as the confirmation names them: `code — field: message`.
    pub fn overridden(&self) -> Vec<String> {
        self.errors().map(|f| format!("{} — {}", f.code, f.summary(self.lang))).collect()
    }
}

/// Where top-level field `path` comes in the form: the source first, then the name and
/// description, then the rest in table order.
pub fn rank(provider: Provider, path: &str) -> usize {
    let (name, description) = name_fields(provider);
    let names = [name, description];
    let first = model::source_fields(provider).iter().chain(&names);
    match first.clone().position(|&p| p == path) {
        Some(at) => at,
        None => first.count() + model::table(provider).iter().position(|r| r.path == path).unwrap_or(usize::MAX / 2),
    }
}

/// The label of `slot`, the label with its item number, and its place in the form.
fn labels(provider: Provider, slot: Slot, lang: Lang) -> (String, String, (usize, usize)) {
    let rules = model::table(provider);
    let position = rules.iter().position(|r| r.path == slot.path).unwrap_or(usize::MAX / 2);
    let label = rules.get(position).map_or_else(|| slot.path.to_owned(), |r| r.label.get(lang).to_owned());
    let items = model::items_of(slot);
    let mut full: Vec<String> =
        items.iter().map(|&(group, i)| item_title(provider, group, lang, &model::item_number(i).to_string())).collect();
    // A list's value is named by its item alone (`Snapshot 2`).
    if items.last().is_none_or(|&(group, _)| group != slot.path) {
        full.push(label.clone());
    }
    let full = full.join(" · ");
    // Items come after their group's own place, in item order.
    let order = match items.first() {
        Some(&(g, item)) => (rank(provider, g), 1 + item * rules.len() + position),
        None => (rank(provider, slot.path), 0),
    };
    (label, full, order)
}

/// The title of item number `number` of `group`, as the provider's registration labels it (a test
/// there holds that every repeatable group is labelled; "Item {n}" otherwise).
pub fn item_title(provider: Provider, group: &str, lang: Lang, number: &str) -> String {
    let title = provider.console().group(group).map_or(Phrase::ItemOther.get(lang), |g| g.item.get(lang));
    i18n::fill(title, &[("n", number)])
}

/// The "add" button of `group`.
pub fn add_label(provider: Provider, group: &str, lang: Lang) -> &'static str {
    provider.console().group(group).map_or(Phrase::AddItem.get(lang), |g| g.add.get(lang))
}

/// The "remove" button's accessible name for item `item` (0-based) of `group`: `Remove tag 1`.
pub fn remove_label(provider: Provider, group: &str, item: usize, lang: Lang) -> String {
    let number = model::item_number(item).to_string();
    let title = item_title(provider, group, lang, &number);
    let title = match lang {
        Lang::En => lowercase_first(&title),
        Lang::Zh => title,
    };
    Phrase::RemoveLabel.fill(lang, &[("item", &title)])
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// A live counter: `{n} / {max}` in the field's unit.
pub fn counter(provider: Provider, path: &str, value: &str) -> Option<String> {
    let length = model::rule(provider, path)?.length?;
    Some(format!("{} / {}", length.unit.count(value), length.max))
}

/// How one provider takes a name and a description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    Warning,
    Error,
    /// Nothing typed yet.
    Empty,
}

impl Verdict {
    pub const fn text(self) -> Phrase {
        match self {
            Verdict::Ok => Phrase::VerdictOk,
            Verdict::Warning => Phrase::VerdictWarning,
            Verdict::Error => Phrase::VerdictError,
            Verdict::Empty => Phrase::VerdictNone,
        }
    }

    pub const fn class(self) -> &'static str {
        match self {
            Verdict::Ok => "verdict verdict-ok",
            Verdict::Warning => "verdict verdict-warning",
            Verdict::Error => "verdict verdict-error",
            Verdict::Empty => "verdict",
        }
    }
}

/// One row of the portability table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portable {
    pub provider: Provider,
    pub verdict: Verdict,
    pub reason: String,
}

/// The image-name and description fields of `provider`'s request.
pub const fn name_fields(provider: Provider) -> (&'static str, &'static str) {
    let console = provider.console();
    (console.name_field, console.description_field)
}

/// Checks one name and description against every provider: only the issues about those two
/// fields count (a provider's other required fields do not).
pub fn portability(name: &str, description: &str, lang: Lang) -> Vec<Portable> {
    Provider::ALL.into_iter().map(|p| portable(p, name, description, lang)).collect()
}

fn portable(provider: Provider, name: &str, description: &str, lang: Lang) -> Portable {
    if name.is_empty() && description.is_empty() {
        return Portable { provider, verdict: Verdict::Empty, reason: Phrase::PortabilityEmpty.get(lang).to_owned() };
    }
    let (name_field, description_field) = name_fields(provider);
    let mut request = Map::new();
    for (field, value) in [(name_field, name), (description_field, description)] {
        if !value.is_empty() {
            request.insert(field.to_owned(), Value::String(value.to_owned()));
        }
    }
    let report = validate_value(provider, &Value::Object(request), Options { lang, strict: false })
        .expect("an object is a request");
    let issues: Vec<_> =
        report.issues.iter().filter(|i| i.field == name_field || i.field == description_field).collect();
    let verdict = if issues.iter().any(|i| i.severity == Severity::Error) {
        Verdict::Error
    } else if issues.is_empty() {
        Verdict::Ok
    } else {
        Verdict::Warning
    };
    let reason = if issues.is_empty() {
        Phrase::PortabilityFits.fill(lang, &[("name", name_field)])
    } else {
        issues
            .iter()
            .map(|i| {
                let label = model::rule(provider, &i.field).map_or(i.field.as_str(), |r| r.label.get(lang));
                match lang {
                    Lang::En => format!("{label} ({}) {}", i.field, i.message),
                    Lang::Zh => format!("{label}（{}）：{}", i.field, i.message),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    Portable { provider, verdict, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn summary_links_each_error_in_form_order() {
        let mut form = Form::new(Provider::Aliyun);
        form.set(Slot::top("ImageName"), "1web");
        form.set(Slot::top("Description"), "https://x");
        form.add_item("Tag", Some(20));
        form.set(Slot::at("Tag.N.Key", 0), "aliyun-team");
        let checked = FormReport::new(Provider::Aliyun, &form, Lang::En, None);
        let links = checked.summary();
        let targets: Vec<&str> = links.iter().map(|l| l.target.as_str()).collect();
        // In form order: RegionId is missing; InstanceId/DiskDeviceMapping/SnapshotId: one is
        // required (reported on InstanceId); then the name and description; then the tags.
        assert_eq!(
            targets,
            [
                "f-aliyun-RegionId",
                "f-aliyun-InstanceId",
                "f-aliyun-ImageName",
                "f-aliyun-Description",
                "f-aliyun-Tag-1-Key"
            ]
        );
        assert_eq!(
            links[1].text,
            "Instance ID: at least one of Instance ID, Disk device mappings, Snapshot ID is required."
        );
        assert_eq!(links[0].text, "Region: is required.");
        assert!(links[4].text.starts_with("Tag 1 · Tag key: must not start with"), "{}", links[4].text);
        assert_eq!(checked.at("f-aliyun-ImageName").count(), 1);
        assert_eq!(
            checked.at("f-aliyun-ImageName").next().unwrap().sentence(Lang::En),
            "Image name must start with letters or Chinese characters, not \"1\"."
        );
        let rules = checked.overridden();
        assert!(rules[2].starts_with("InvalidImageName.Malformed — Image name:"), "{}", rules[2]);

        // A source the form does not show: the issue goes to the one it shows.
        let snapshot = FormReport::new(Provider::Aliyun, &form, Lang::En, Some("SnapshotId"));
        assert_eq!(snapshot.summary()[1].target, "f-aliyun-SnapshotId");

        let zh = FormReport::new(Provider::Aliyun, &form, Lang::Zh, None);
        assert!(zh.summary()[4].text.starts_with("标签 1 · 标签键："), "{}", zh.summary()[4].text);
    }

    #[wasm_bindgen_test]
    fn findings_show_once_touched_or_submitted() {
        let mut form = Form::new(Provider::Zenlayer);
        form.set(Slot::top("imageName"), &"x".repeat(25));
        let checked = FormReport::new(Provider::Zenlayer, &form, Lang::En, None);
        let name = checked.at("f-zenlayer-imageName").next().unwrap().clone();
        let instance = checked.at("f-zenlayer-instanceId").next().unwrap().clone();
        let touched: Touched = [Slot::top("imageName")].into();
        assert!(name.visible(&touched, false));
        assert!(!instance.visible(&touched, false));
        assert!(instance.visible(&touched, true));
        form.set(Slot::top("imageName"), &"x".repeat(24));
        assert_eq!(FormReport::new(Provider::Zenlayer, &form, Lang::En, None).at("f-zenlayer-imageName").count(), 0);
        assert_eq!(counter(Provider::Zenlayer, "imageName", "镜像ab"), Some("4 / 24".into()));
        assert_eq!(counter(Provider::Zenlayer, "instanceId", "x"), None);
    }

    #[wasm_bindgen_test]
    fn group_items_are_numbered_as_the_provider_numbers_them() {
        let mut jd = Form::new(Provider::JdCloud);
        jd.add_item("dataDisks", None);
        jd.set(Slot::at("dataDisks[].cloudDiskSpec.diskSizeGB", 0), "25");
        jd.set(Slot::at("dataDisks[].cloudDiskSpec.diskType", 0), "ssd");
        let checked = FormReport::new(Provider::JdCloud, &jd, Lang::En, None);
        let size = checked.at("f-jdcloud-dataDisks-0-cloudDiskSpec-diskSizeGB").next().expect("a size issue");
        // Ids keep JD's 0-based index; people read 1 for the first disk.
        assert!(size.full_label.starts_with("Data disk 1 · "), "{}", size.full_label);
        assert_eq!(remove_label(Provider::JdCloud, "dataDisks", 0, Lang::En), "Remove data disk 1");
        assert_eq!(remove_label(Provider::Aliyun, "Tag", 0, Lang::En), "Remove tag 1");
        assert_eq!(remove_label(Provider::Aliyun, "DiskDeviceMapping", 1, Lang::Zh), "删除磁盘映射 2");
        assert_eq!(item_title(Provider::Aliyun, "Tag", Lang::Zh, "3"), "标签 3");

        // Other fields named by their labels; a number that is not one said so.
        jd.set(Slot::at("dataDisks[].cloudDiskSpec.diskType", 0), "ssd.io1");
        jd.set(Slot::at("dataDisks[].cloudDiskSpec.diskSizeGB", 0), "4o");
        let checked = FormReport::new(Provider::JdCloud, &jd, Lang::En, None);
        for f in &checked.findings {
            assert!(!f.message.contains("dataDisks[") && !f.message.contains("a string"), "{}", f.message);
        }
        let size = checked.at("f-jdcloud-dataDisks-0-cloudDiskSpec-diskSizeGB").next().unwrap();
        assert_eq!(size.sentence(Lang::En), "Size (GiB) must be a whole number, digits only.");
        assert_eq!(
            sentence("Image name", "character 4 (\"_\") is not allowed.", Lang::En),
            "Image name: character 4 (\"_\") is not allowed."
        );
        assert_eq!(add_label(Provider::Aliyun, "Tag", Lang::En), "Add tag");
    }

    #[wasm_bindgen_test]
    fn portability_verdicts_per_provider() {
        // The verdicts of `providers`, in that order, whatever order the table lists them in.
        let of = |rows: &[Portable], providers: &[Provider]| -> Vec<Verdict> {
            providers
                .iter()
                .map(|p| rows.iter().find(|r| r.provider == *p).expect("a row per provider").verdict)
                .collect()
        };
        let reason = |rows: &[Portable], p: Provider| rows.iter().find(|r| r.provider == p).unwrap().reason.clone();
        let legacy = [Provider::Aliyun, Provider::Tencent, Provider::JdCloud, Provider::Zenlayer];
        let rows = portability("web-01", "", Lang::En);
        assert_eq!(rows.len(), Provider::ALL.len());
        assert!(rows.iter().all(|r| r.verdict == Verdict::Ok), "{:?}", of(&rows, &Provider::ALL));
        assert_eq!(reason(&rows, Provider::JdCloud), "Accepted as name.");

        // "_" is not allowed by Tencent; "." draws a documentation-disagreement warning at Zenlayer.
        let rows = portability("web_01.x", "", Lang::En);
        assert_eq!(of(&rows, &legacy), [Verdict::Warning, Verdict::Error, Verdict::Ok, Verdict::Warning]);
        assert!(reason(&rows, Provider::Tencent).contains("imageName"), "{}", reason(&rows, Provider::Tencent));

        // A name too long for Tencent (16) and Zenlayer (24), fine for Alibaba and JD; a URL description Alibaba refuses.
        let rows = portability(&"a".repeat(25), "https://example.com", Lang::Zh);
        assert_eq!(of(&rows, &legacy), [Verdict::Error, Verdict::Error, Verdict::Ok, Verdict::Error]);
        let aliyun = reason(&rows, Provider::Aliyun);
        assert!(aliyun.contains("Description"), "{aliyun}");
        assert!(!aliyun.contains("ImageName"), "{aliyun}");

        assert!(portability("", "", Lang::En).iter().all(|r| r.verdict == Verdict::Empty));
    }
}
