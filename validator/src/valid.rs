//! The typestate of a checked request (garde's `Valid<T>`): [`checked`] runs every rule and hands
//! back a [`Valid`] only when no error remains (warnings allowed, unless strict). The wire
//! encoders take `&Valid`, so nothing unchecked can be signed or sent.
//!
//! A [`Valid`] holds the parameters in the order of the provider's field table (the seed's
//! parameter order), with the table's own spelling of every key (JD's `CloudDiskSpec` becomes
//! `cloudDiskSpec`) and Alibaba's repeated groups numbered as given (`Tag.3.Key` stays `3`).

use crate::json;
use crate::provider::Provider;
use crate::report::{IssueKind, Options, Report, ValueType};
use crate::request::{Request, Scalar, unnest};
use crate::rule::{Field, Spec};
use crate::validate::{Findings, InputError, check, render};
use serde_json::{Map, Value};
use std::fmt;

/// A request every rule has accepted. Only [`checked`] makes one.
#[derive(Debug, Clone)]
pub struct Valid {
    provider: Provider,
    params: Vec<Param>,
    report: Report,
}

/// One parameter of a [`Valid`] request.
#[derive(Debug, Clone)]
pub struct Param {
    pub field: &'static Field,
    pub value: ParamValue,
}

impl PartialEq for Param {
    fn eq(&self, other: &Self) -> bool {
        self.field.path == other.field.path && self.value == other.value
    }
}

impl Eq for Param {}

/// The value of a [`Param`]: a scalar, or a container whose members are again in table order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamValue {
    Str(String),
    Int(i64),
    Bool(bool),
    Object(Vec<Param>),
    Array(Vec<Item>),
    /// An array of plain values (Tencent 3.0's `SnapshotIds`), in order.
    List(Vec<String>),
}

/// One item of an array parameter: its number (Alibaba's 1-based `N`, JD's 0-based index) and members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub index: u32,
    pub params: Vec<Param>,
}

/// Why [`checked`] refused a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// Not a request at all (not an object).
    Input(InputError),
    /// A request with errors (or, with `strict`, warnings): the report says which.
    Invalid(Report),
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejected::Input(e) => e.fmt(f),
            Rejected::Invalid(r) => {
                write!(f, "the {} request has {} error(s)", r.provider, r.errors().count())
            }
        }
    }
}

impl std::error::Error for Rejected {}

/// Checks `value` against `provider`'s rules; a [`Valid`] request when no error remains.
pub fn checked(provider: Provider, value: &Value, options: Options) -> Result<Valid, Rejected> {
    checked_parsed(provider, &json::Value::from_serde(value), options)
}

/// [`checked`] for a request in the validator's own JSON type.
pub fn checked_parsed(provider: Provider, value: &json::Value<'_>, options: Options) -> Result<Valid, Rejected> {
    let json::Value::Object(map) = value else {
        return Err(Rejected::Input(InputError::NotObject(value.type_name())));
    };
    let spec = crate::providers::spec(provider);
    let report = render(provider, check(spec, map), options);
    if !report.valid {
        return Err(Rejected::Invalid(report));
    }
    // Parsing again is cheap; its findings were all reported above.
    let mut seen = Findings::default();
    let req = Request::parse(spec, map, &mut seen);
    let params = members(spec, &req, 0, None);
    Ok(Valid { provider, params, report })
}

/// A request the user chose to send despite its errors ("send anyway", for a rule the provider
/// may have relaxed since its docs were written): the one deliberate way past [`checked`]. The
/// report keeps every error, so the caller can name the rules it overrides; values of the wrong
/// JSON type cannot be encoded and are left out.
pub fn send_anyway(provider: Provider, value: &Value, options: Options) -> Result<Valid, InputError> {
    let value = json::Value::from_serde(value);
    let json::Value::Object(map) = &value else {
        return Err(InputError::NotObject(value.type_name()));
    };
    let spec = crate::providers::spec(provider);
    let report = render(provider, check(spec, map), options);
    let mut seen = Findings::default();
    let req = Request::parse(spec, map, &mut seen);
    let params = members(spec, &req, 0, None);
    Ok(Valid { provider, params, report })
}

/// [`checked`] for JSON text.
pub fn checked_json(provider: Provider, json: &[u8], options: Options) -> Result<Valid, Rejected> {
    let value = json::parse(json).map_err(|e| Rejected::Input(InputError::NotJson(e.to_string())))?;
    checked_parsed(provider, &value, options)
}

/// The members of container `slot` (0: the request; i + 1: field i) in item `index`, in table order.
fn members(spec: &'static Spec, req: &Request<'_>, slot: usize, index: Option<u32>) -> Vec<Param> {
    let mut out = Vec::new();
    for &(_, fi) in &spec.index().children[slot] {
        let field = &spec.fields[fi];
        let value = match field.ty {
            ValueType::Array if field.items.is_some() => {
                let mut values: Vec<(u32, &str)> = req
                    .nodes
                    .iter()
                    .filter(|n| n.field == fi)
                    .filter_map(|n| Some((n.index?, n.value.as_str()?)))
                    .collect();
                if values.is_empty() {
                    continue;
                }
                crate::order::sort(&mut values);
                ParamValue::List(values.into_iter().map(|(_, v)| v.to_owned()).collect())
            }
            ValueType::Array => {
                // Only this item's own items when the array sits in an item of another array.
                let nested = index.is_some();
                let mut numbers: Vec<u32> = req
                    .nodes
                    .iter()
                    .filter(|n| n.field == fi && n.value == Scalar::Item)
                    .filter_map(|n| n.index)
                    .filter(|&i| !nested || unnest(i).0 == index)
                    .collect();
                crate::order::sort(&mut numbers);
                numbers.dedup();
                if numbers.is_empty() {
                    continue;
                }
                let items = numbers
                    .into_iter()
                    .map(|i| Item { index: unnest(i).1, params: members(spec, req, fi + 1, Some(i)) })
                    .collect();
                ParamValue::Array(items)
            }
            ValueType::Object => {
                if !req.nodes.iter().any(|n| n.field == fi && n.index == index) {
                    continue;
                }
                ParamValue::Object(members(spec, req, fi + 1, index))
            }
            _ => match req.nodes.iter().find(|n| n.field == fi && n.index == index).map(|n| n.value) {
                Some(Scalar::Str(s)) => ParamValue::Str(s.to_owned()),
                Some(Scalar::Int(i)) => ParamValue::Int(i),
                Some(Scalar::Bool(b)) => ParamValue::Bool(b),
                // Item and Invalid cannot be scalar values of a request without errors.
                _ => continue,
            },
        };
        out.push(Param { field, value });
    }
    out
}

impl Valid {
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The top-level parameters, in table order.
    pub fn params(&self) -> &[Param] {
        &self.params
    }

    /// The report of the check that let the request through: its warnings, if any.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The top-level parameter whose table path is `path`.
    pub fn get(&self, path: &str) -> Option<&ParamValue> {
        self.params.iter().find(|p| p.field.path == path).map(|p| &p.value)
    }

    /// The top-level string parameter `path`.
    pub fn get_str(&self, path: &str) -> Option<&str> {
        match self.get(path) {
            Some(ParamValue::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// Parameters the request carried that no table knows (warnings): they are not sent.
    pub fn unknown_parameters(&self) -> Vec<&str> {
        self.report
            .issues
            .iter()
            .filter(|i| matches!(i.kind, IssueKind::UnknownParameter { .. }))
            .map(|i| i.field.as_str())
            .collect()
    }

    /// The request as JSON in the provider's own form: flat names (`Tag.1.Key`) for the
    /// query-string APIs (Alibaba, Tencent), nested objects for the JSON APIs (JD, Zenlayer).
    pub fn to_value(&self) -> Value {
        let spec = crate::providers::spec(self.provider);
        if spec.flat_form {
            Value::Object(self.flat().into_iter().map(|(k, v)| (k, scalar_value(v))).collect())
        } else {
            Value::Object(object_value(&self.params))
        }
    }

    /// Flat parameters for a query string: `(name, value)` with `Group.N.Key` names, in table
    /// order, integers and booleans as their decimal / `true`/`false` text.
    pub fn flat(&self) -> Vec<(String, FlatValue<'_>)> {
        let mut out = Vec::new();
        for p in &self.params {
            flatten(p, "", &mut out);
        }
        out
    }

    /// The compact JSON text of the top-level parameters `keep` accepts, keys in table order.
    pub fn json_body(&self, keep: impl Fn(&Field) -> bool) -> Vec<u8> {
        let mut out = String::new();
        let kept: Vec<&Param> = self.params.iter().filter(|p| keep(p.field)).collect();
        write_object(&mut out, kept.into_iter());
        out.into_bytes()
    }
}

/// A flat parameter value, borrowed from the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlatValue<'a> {
    Str(&'a str),
    Int(i64),
    Bool(bool),
}

impl fmt::Display for FlatValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlatValue::Str(s) => f.write_str(s),
            FlatValue::Int(i) => write!(f, "{i}"),
            FlatValue::Bool(b) => write!(f, "{b}"),
        }
    }
}

fn flatten<'a>(p: &'a Param, prefix: &str, out: &mut Vec<(String, FlatValue<'a>)>) {
    let name = format!("{prefix}{}", p.field.key());
    match &p.value {
        ParamValue::Str(s) => out.push((name, FlatValue::Str(s))),
        ParamValue::Int(i) => out.push((name, FlatValue::Int(*i))),
        ParamValue::Bool(b) => out.push((name, FlatValue::Bool(*b))),
        ParamValue::Object(members) => {
            for m in members {
                flatten(m, &format!("{name}."), out);
            }
        }
        ParamValue::Array(items) => {
            for item in items {
                for m in &item.params {
                    flatten(m, &format!("{name}.{}.", item.index), out);
                }
            }
        }
        ParamValue::List(values) => {
            out.extend(values.iter().enumerate().map(|(i, v)| (format!("{name}.{i}"), FlatValue::Str(v))));
        }
    }
}

fn scalar_value(v: FlatValue<'_>) -> Value {
    match v {
        FlatValue::Str(s) => Value::String(s.to_owned()),
        FlatValue::Int(i) => Value::from(i),
        FlatValue::Bool(b) => Value::Bool(b),
    }
}

fn object_value(params: &[Param]) -> Map<String, Value> {
    params.iter().map(|p| (p.field.key().to_owned(), param_value(&p.value))).collect()
}

fn param_value(v: &ParamValue) -> Value {
    match v {
        ParamValue::Str(s) => Value::String(s.clone()),
        ParamValue::Int(i) => Value::from(*i),
        ParamValue::Bool(b) => Value::Bool(*b),
        ParamValue::Object(members) => Value::Object(object_value(members)),
        ParamValue::Array(items) => {
            Value::Array(items.iter().map(|i| Value::Object(object_value(&i.params))).collect())
        }
        ParamValue::List(values) => Value::Array(values.iter().cloned().map(Value::String).collect()),
    }
}

fn write_object<'a>(out: &mut String, params: impl Iterator<Item = &'a Param>) {
    out.push('{');
    for (i, p) in params.enumerate() {
        if i > 0 {
            out.push(',');
        }
        json::write_str(out, p.field.key());
        out.push(':');
        write_value(out, &p.value);
    }
    out.push('}');
}

fn write_value(out: &mut String, v: &ParamValue) {
    match v {
        ParamValue::Str(s) => json::write_str(out, s),
        ParamValue::Int(i) => out.push_str(&i.to_string()),
        ParamValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        ParamValue::Object(members) => write_object(out, members.iter()),
        ParamValue::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_object(out, item.params.iter());
            }
            out.push(']');
        }
        ParamValue::List(values) => {
            out.push('[');
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json::write_str(out, v);
            }
            out.push(']');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_body_keeps_table_order_and_spelling() {
        let req = json!({"imageDescription": "d", "imageName": "n", "instanceId": "i"});
        let v = checked(Provider::Zenlayer, &req, Options::default()).unwrap();
        assert_eq!(v.json_body(|_| true), br#"{"instanceId":"i","imageName":"n","imageDescription":"d"}"#);
        let jd = json!({"dataDisks": [{"CloudDiskSpec": {"diskSizeGB": 40, "diskType": "ssd.gp1"}, "deviceName": "vdb"}],
                        "name": "web", "regionId": "cn-north-1", "instanceId": "i-1"});
        let v = checked(Provider::JdCloud, &jd, Options::default()).unwrap();
        assert_eq!(
            String::from_utf8(v.json_body(|f| f.path != "regionId" && f.path != "instanceId")).unwrap(),
            r#"{"name":"web","dataDisks":[{"cloudDiskSpec":{"diskType":"ssd.gp1","diskSizeGB":40},"deviceName":"vdb"}]}"#
        );
    }

    #[test]
    fn flat_keeps_group_numbers() {
        let req = json!({"RegionId": "cn-hangzhou", "InstanceId": "i-1", "Tag.3.Key": "k", "Tag": [{"Key": "a"}]});
        let v = checked(Provider::Aliyun, &req, Options::default()).unwrap();
        let flat: Vec<(String, String)> = v.flat().into_iter().map(|(k, v)| (k, v.to_string())).collect();
        assert_eq!(
            flat,
            [("RegionId", "cn-hangzhou"), ("InstanceId", "i-1"), ("Tag.1.Key", "a"), ("Tag.3.Key", "k")]
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
    }

    #[test]
    fn errors_refuse_and_strict_refuses_warnings() {
        let bad = json!({"instanceId": "i"});
        assert!(matches!(checked(Provider::Zenlayer, &bad, Options::default()), Err(Rejected::Invalid(r)) if !r.valid));
        let warn = json!({"instanceId": "i", "imageName": "a.b"});
        assert!(checked(Provider::Zenlayer, &warn, Options::default()).is_ok());
        let strict = Options { strict: true, ..Options::default() };
        assert!(checked(Provider::Zenlayer, &warn, strict).is_err());
        assert!(matches!(checked(Provider::Zenlayer, &json!([1]), Options::default()), Err(Rejected::Input(_))));
    }
}
