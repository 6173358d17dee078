//! Checking one field at a time, for forms that validate as the user types.
//!
//! The value is put into the request at its path and the one interpreter of `validate.rs` runs
//! over the result; only the issues reported at that path (or inside it, for a container) come
//! back. Given the rest of the request (even `{}`), every cross-field rule applies; without it,
//! only the field's own rules do: its type, whether it is required, and its checks.

use crate::json::{Object, Value};
use crate::provider::Provider;
use crate::providers::spec;
use crate::report::{Issue, Options, ValueType};
use crate::request::{Request, nest, unnest};
use crate::rule::{Field, Spec};
use crate::validate::{InputError, check, render};
use std::fmt;
use std::sync::OnceLock;

/// Why a field could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// No field of the provider's table has this path; `suggestion` is the nearest one.
    UnknownField { path: String, suggestion: Option<&'static str> },
    /// The request given as context is not a JSON object.
    Request(InputError),
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::UnknownField { path, suggestion } => {
                let shown: String = path.chars().take(80).collect();
                write!(f, "unknown field {}", crate::json::quoted(&shown))?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean {s}?"),
                    None => Ok(()),
                }
            }
            FieldError::Request(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for FieldError {}

/// A field of the table and the item it is in: `Tag.3.Key` is `Tag.N.Key` in item 3.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub field: &'static Field,
    pub index: Option<u32>,
}

impl Target {
    /// The path issues about this field carry (`Tag.3.Key`, `dataDisks[0].deviceName`).
    pub fn display(&self) -> String {
        Request::path(self.field.path, self.index)
    }
}

/// Resolves a field path as issues spell it (`DiskDeviceMapping.2.Size`,
/// `dataDisks[1].cloudDiskSpec.iops`) or as the table does (`Tag.N.Key`, `dataDisks[].deviceName`:
/// the first item). JD paths match in any case.
pub fn resolve(spec: &'static Spec, path: &str) -> Result<Target, FieldError> {
    let mut pattern = String::with_capacity(path.len());
    let mut numbers: Vec<u32> = Vec::new();
    let first = u32::from(spec.flat_form);
    for (i, segment) in path.split('.').enumerate() {
        if i > 0 {
            pattern.push('.');
        }
        if i > 0 && spec.flat_form && (segment == "N" || is_number(segment)) {
            pattern.push('N');
            numbers.push(if segment == "N" { first } else { segment.parse().unwrap_or(u32::MAX) });
        } else if let Some((name, rest)) = segment.split_once('[')
            && let Some(number) = rest.strip_suffix(']')
            && (number.is_empty() || is_number(number))
        {
            pattern.push_str(name);
            pattern.push_str("[]");
            numbers.push(if number.is_empty() { first } else { number.parse().unwrap_or(u32::MAX) });
        } else {
            pattern.push_str(segment);
        }
    }
    // One value of an array of plain values: `SnapshotIds[1]`.
    if let Some(list) = pattern.strip_suffix("[]").and_then(|p| spec.field(p)).filter(|f| f.items.is_some())
        && let [n] = numbers[..]
    {
        return Ok(Target { field: list, index: Some(n) });
    }
    let found = spec.field(&pattern).or_else(|| {
        spec.case_insensitive_keys.then(|| spec.fields.iter().find(|f| f.path.eq_ignore_ascii_case(&pattern))).flatten()
    });
    // One number per repeated level of the field (an item of an array in an array's item: two).
    let levels = |f: &Field| f.path.matches("[]").count() + usize::from(f.path.contains(".N."));
    let index = match numbers[..] {
        [] => None,
        [n] => Some(n),
        [outer, inner] => nest(Some(outer), inner),
        _ => None,
    };
    match found {
        Some(field) if levels(field) == numbers.len() && (numbers.is_empty() || index.is_some()) => {
            Ok(Target { field, index })
        }
        _ => Err(FieldError::UnknownField {
            path: path.to_owned(),
            suggestion: crate::suggest::nearest(&pattern, spec.fields.iter().map(|f| f.path)),
        }),
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks `value` as the field at `path` of a `provider` request. `value` `null` means absent.
///
/// With `request`, the value replaces (or adds) that field in a copy of it and every rule
/// applies, cross-field rules included; without, only the field's own rules. Either way only
/// issues at `path`, or inside it, are returned, rendered as [`crate::validate_json`] renders them.
///
/// ```
/// use createimage_validator::{validate_field, Options, Provider};
/// use serde_json::json;
///
/// let issues = validate_field(Provider::Tencent, "imageName", &json!("a_b"), None, Options::default()).unwrap();
/// assert_eq!(issues[0].field, "imageName");
///
/// // 25 GB is on no size grid; the range depends on the disk type given in the request.
/// let request = json!({"dataDisks": [{"cloudDiskSpec": {"diskType": "ssd"}}]});
/// let path = "dataDisks[0].cloudDiskSpec.diskSizeGB";
/// let issues = validate_field(Provider::JdCloud, path, &json!(1010), Some(&request), Options::default()).unwrap();
/// assert_eq!(issues.len(), 1);
/// assert_eq!(issues[0].field, path);
/// ```
pub fn validate_field(
    provider: Provider,
    path: &str,
    value: &serde_json::Value,
    request: Option<&serde_json::Value>,
    options: Options,
) -> Result<Vec<Issue>, FieldError> {
    let request = request.map(Value::from_serde);
    validate_field_parsed(provider, path, &Value::from_serde(value), request.as_ref(), options)
}

/// [`validate_field`] for values in the validator's own JSON type.
pub fn validate_field_parsed(
    provider: Provider,
    path: &str,
    value: &Value<'_>,
    request: Option<&Value<'_>>,
    options: Options,
) -> Result<Vec<Issue>, FieldError> {
    let full = spec(provider);
    let target = resolve(full, path)?;
    let mut map = match request {
        Some(Value::Object(map)) => map.clone(),
        Some(other) => return Err(FieldError::Request(InputError::NotObject(other.type_name()))),
        None => Object::new(),
    };
    let value = (!value.is_null()).then(|| value.clone());
    place(full, &mut map, target, value);
    let rules = if request.is_some() { full } else { own_rules_only(provider) };
    let mut findings = check(rules, &map);
    let at = target.display();
    findings.0.retain(|f| {
        f.field.strip_prefix(at.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    });
    Ok(render(provider, findings, options).issues)
}

/// The provider's table without its cross-field rules: what a value is checked against alone.
fn own_rules_only(provider: Provider) -> &'static Spec {
    static SPECS: OnceLock<Vec<&'static Spec>> = OnceLock::new();
    let specs = SPECS.get_or_init(|| {
        Provider::ALL
            .iter()
            .map(|&p| {
                let full = spec(p);
                let local: &'static Spec = Box::leak(Box::new(Spec { cross: &[], derived: OnceLock::new(), ..*full }));
                local
            })
            .collect()
    });
    specs[Provider::ALL.iter().position(|&p| p == provider).unwrap_or(0)]
}

/// Puts `value` (`None`: removes the field) at `target` in `root`, replacing the field in
/// whichever spelling the request used: another case of a JD key, Alibaba's structured or flat form.
fn place<'a>(spec: &'static Spec, root: &mut Object<'a>, target: Target, value: Option<Value<'a>>) {
    let path = target.field.path;
    // Alibaba `Group.N.Member`: set the flat key, drop the member from a structured item.
    if let (true, Some((group, member)), Some(n)) = (spec.flat_form, path.split_once(".N."), target.index) {
        if let Some(Value::Array(items)) = root.get_mut(group)
            && let Some(Value::Object(item)) = n.checked_sub(1).and_then(|i| items.get_mut(i as usize))
        {
            item.remove(member);
        }
        let key = format!("{group}.{n}.{member}");
        match value {
            Some(v) => root.insert(key, v),
            None => root.remove(&key),
        };
        return;
    }
    // A whole group given anew replaces its flat members too.
    if spec.flat_form && target.field.ty == ValueType::Array {
        let prefix = format!("{path}.");
        root.retain(|k, _| !k.starts_with(&prefix));
    }
    // One value of a top-level array of plain values.
    if let (Some(_), Some(n)) = (target.field.items, target.index) {
        let slot = root.slot(path);
        if !matches!(slot, Value::Array(_)) {
            *slot = Value::Array(Vec::new());
        }
        if let Value::Array(items) = slot {
            let n = n as usize;
            if items.len() <= n {
                items.resize(n + 1, Value::Null);
            }
            items[n] = value.unwrap_or(Value::Null);
        }
        return;
    }
    let ci = spec.case_insensitive_keys;
    let same = |a: &str, b: &str| if ci { a.eq_ignore_ascii_case(b) } else { a == b };
    let segments: Vec<&str> = path.split('.').collect();
    // The item number at each repeated level: both of a nested index, else the one.
    let numbers = match (path.matches("[]").count(), target.index) {
        (2, Some(i)) => {
            let (outer, inner) = unnest(i);
            vec![outer.unwrap_or(0), inner]
        }
        (_, i) => vec![i.unwrap_or(0)],
    };
    let mut level = 0;
    let mut at = root;
    for segment in &segments[..segments.len() - 1] {
        let (name, is_array) = match segment.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (*segment, false),
        };
        let key = at.keys().find(|k| same(k, name)).unwrap_or(name).to_owned();
        let slot = at.slot(&key);
        let container = if is_array {
            if !matches!(slot, Value::Array(_)) {
                *slot = Value::Array(Vec::new());
            }
            let Value::Array(items) = slot else { return };
            let i = numbers.get(level).copied().unwrap_or(0) as usize;
            level += 1;
            if items.len() <= i {
                items.resize(i + 1, Value::Object(Object::new()));
            }
            &mut items[i]
        } else {
            slot
        };
        if !matches!(container, Value::Object(_)) {
            *container = Value::Object(Object::new());
        }
        let Value::Object(map) = container else { return };
        at = map;
    }
    let leaf = segments[segments.len() - 1];
    at.retain(|k, _| !same(k, leaf));
    if let Some(v) = value {
        at.insert(leaf.to_owned(), v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn target(p: Provider, path: &str) -> (&'static str, Option<u32>) {
        let t = resolve(spec(p), path).unwrap();
        (t.field.path, t.index)
    }

    #[test]
    fn paths_resolve_as_issues_spell_them() {
        assert_eq!(target(Provider::Aliyun, "Tag.3.Key"), ("Tag.N.Key", Some(3)));
        assert_eq!(target(Provider::Aliyun, "Tag.N.Key"), ("Tag.N.Key", Some(1)));
        assert_eq!(target(Provider::Aliyun, "ImageName"), ("ImageName", None));
        assert_eq!(target(Provider::Aliyun, "Tag"), ("Tag", None));
        let size = "dataDisks[].cloudDiskSpec.diskSizeGB";
        assert_eq!(target(Provider::JdCloud, "dataDisks[2].cloudDiskSpec.diskSizeGB"), (size, Some(2)));
        assert_eq!(target(Provider::JdCloud, "DataDisks[0].CloudDiskSpec.DiskSizeGB"), (size, Some(0)));
        assert_eq!(target(Provider::JdCloud, size), (size, Some(0)));
        let key = "TagSpecification[].Tags[].Key";
        let nested = target(Provider::Tencent3, "TagSpecification[1].Tags[2].Key");
        assert_eq!((nested.0, nested.1.map(crate::request::unnest)), (key, Some((Some(1), 2))));
        assert_eq!(target(Provider::Tencent3, key).1.map(crate::request::unnest), Some((Some(0), 0)));
        assert!(resolve(spec(Provider::Tencent3), "TagSpecification[1].Key").is_err());
        assert!(resolve(spec(Provider::Tencent3), "TagSpecification.Tags[0].Key").is_err());
        for bad in ["Tag.1", "ImageName.1", "Tag.1.Kye", "imagename", "Tag.1.2.Key", ""] {
            assert!(resolve(spec(Provider::Aliyun), bad).is_err(), "{bad}");
        }
        let err = resolve(spec(Provider::Aliyun), "Tag.1.Kye").unwrap_err();
        assert_eq!(err.to_string(), "unknown field \"Tag.1.Kye\"; did you mean Tag.N.Key?");
    }

    /// `request` with `value` placed at `path` (`None`: the field removed).
    fn placed(
        spec: &'static Spec,
        request: &serde_json::Value,
        path: &str,
        value: Option<serde_json::Value>,
    ) -> serde_json::Value {
        let Value::Object(mut root) = Value::from_serde(request) else { panic!("not an object") };
        let value = value.as_ref().map(Value::from_serde);
        place(spec, &mut root, resolve(spec, path).unwrap(), value);
        Value::Object(root).to_serde()
    }

    #[test]
    fn placing_replaces_every_spelling() {
        let jd = spec(Provider::JdCloud);
        let m = json!({"DataDisks": [{"CloudDiskSpec": {"DiskSizeGB": 5, "diskType": "ssd"}}]});
        let m = placed(jd, &m, "dataDisks[1].cloudDiskSpec.diskSizeGB", Some(json!(30)));
        assert_eq!(
            m,
            json!({"DataDisks": [{"CloudDiskSpec": {"DiskSizeGB": 5, "diskType": "ssd"}}, {"cloudDiskSpec": {"diskSizeGB": 30}}]})
        );
        let m = placed(jd, &m, "dataDisks[0].cloudDiskSpec.diskSizeGB", Some(json!(40)));
        assert_eq!(m["DataDisks"][0], json!({"CloudDiskSpec": {"diskType": "ssd", "diskSizeGB": 40}}));

        let ali = spec(Provider::Aliyun);
        let m = json!({"Tag": [{"Key": "a", "Value": "b"}], "Tag.2.Key": "c"});
        let m = placed(ali, &m, "Tag.1.Key", Some(json!("z")));
        assert_eq!(m, json!({"Tag": [{"Value": "b"}], "Tag.1.Key": "z", "Tag.2.Key": "c"}));
        assert_eq!(placed(ali, &m, "Tag", Some(json!([]))), json!({"Tag": []}));
        assert_eq!(placed(ali, &m, "Tag.2.Key", None), json!({"Tag": [{"Value": "b"}], "Tag.1.Key": "z"}));

        let t3 = spec(Provider::Tencent3);
        let m = json!({"TagSpecification": [{"ResourceType": "image", "Tags": [{"Key": "a"}]}]});
        assert_eq!(placed(t3, &json!({}), "SnapshotIds[1]", Some(json!(2))), json!({"SnapshotIds": [null, 2]}));
        let m = placed(t3, &m, "TagSpecification[0].Tags[1].Key", Some(json!("b")));
        assert_eq!(m, json!({"TagSpecification": [{"ResourceType": "image", "Tags": [{"Key": "a"}, {"Key": "b"}]}]}));
    }
}
