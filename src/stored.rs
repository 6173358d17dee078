//! Reads back what the page stored (the draft, remembered keys, the history) with the validator's
//! JSON reader, which the first load carries anyway for the rules that read JSON, in place of
//! serde_json's reader and the `Deserialize` code of these types (a budget workaround, its saving
//! in docs/size.md: the types still derive `Serialize`, and writing is serde_json's). The same text
//! reads back as serde_json read it: unknown members ignored, a missing member its default, and a
//! value of the wrong type makes the whole text unreadable, so the caller starts afresh.

use crate::dict::Dict;
use crate::model::{Draft, Form, History, HistoryEntry, Mode, Remembered, StoredKey};
use createimage_validator::json::{self, Number, Value};

/// A type read from stored JSON; `None` when the value is not one.
pub trait Stored: Sized {
    fn read(value: &Value<'_>) -> Option<Self>;
}

/// `text` read as `T`; the default when it is not JSON or not a `T`.
pub fn from_json<T: Stored + Default>(text: &str) -> T {
    json::parse(text.as_bytes()).ok().and_then(|v| T::read(&v)).unwrap_or_default()
}

/// Member `key` of `object`: absent or `null` is `T`'s default (as `#[serde(default)]`), another
/// type is unreadable.
fn member<T: Stored + Default>(object: &Value<'_>, key: &str) -> Option<T> {
    match object.get(key) {
        None | Some(Value::Null) => Some(T::default()),
        Some(v) => T::read(v),
    }
}

/// `Some` when `value` is an object.
fn object(value: &Value<'_>) -> Option<()> {
    matches!(value, Value::Object(_)).then_some(())
}

/// Member `key` that must be there.
fn required<T: Stored>(object: &Value<'_>, key: &str) -> Option<T> {
    object.get(key).and_then(T::read)
}

impl Stored for String {
    fn read(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::String(s) => Some(s.to_string()),
            _ => None,
        }
    }
}

impl<T: Stored> Stored for Option<T> {
    fn read(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Null => Some(None),
            v => T::read(v).map(Some),
        }
    }
}

impl<T: Stored> Stored for Vec<T> {
    fn read(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Array(items) => items.iter().map(T::read).collect(),
            _ => None,
        }
    }
}

impl<V: Stored> Stored for Dict<V> {
    fn read(value: &Value<'_>) -> Option<Self> {
        let Value::Object(object) = value else { return None };
        let mut dict = Dict::new();
        for (k, v) in object.iter() {
            dict.insert(k.to_owned(), V::read(v)?);
        }
        Some(dict)
    }
}

impl Stored for u16 {
    fn read(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Number(Number::Int(n)) => u16::try_from(*n).ok(),
            _ => None,
        }
    }
}

/// Milliseconds since the epoch, as serde_json wrote the `f64` (`1765100000123.0`): the whole
/// milliseconds are read (no float reader is carried for a fraction nobody shows).
impl Stored for f64 {
    fn read(value: &Value<'_>) -> Option<Self> {
        match value {
            Value::Number(Number::Int(n)) => Some(*n as f64),
            Value::Number(Number::Float(text)) => {
                let whole = text.strip_suffix(".0").unwrap_or(text);
                whole.parse::<i64>().ok().map(|n| n as f64)
            }
            _ => None,
        }
    }
}

impl Stored for Mode {
    fn read(value: &Value<'_>) -> Option<Self> {
        let Value::String(s) = value else { return None };
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

impl Stored for Form {
    fn read(value: &Value<'_>) -> Option<Self> {
        object(value)?;
        Some(Form { fields: member(value, "fields")?, groups: member(value, "groups")? })
    }
}

impl Stored for Draft {
    fn read(value: &Value<'_>) -> Option<Self> {
        object(value)?;
        Some(Draft {
            provider: member(value, "provider")?,
            forms: member(value, "forms")?,
            endpoints: member(value, "endpoints")?,
        })
    }
}

impl Stored for StoredKey {
    fn read(value: &Value<'_>) -> Option<Self> {
        Some(StoredKey { access_key_id: required(value, "accessKeyId")?, secret: required(value, "secret")? })
    }
}

impl Stored for Remembered {
    fn read(value: &Value<'_>) -> Option<Self> {
        Dict::read(value).map(Remembered)
    }
}

impl Stored for HistoryEntry {
    fn read(value: &Value<'_>) -> Option<Self> {
        Some(HistoryEntry {
            time_ms: required(value, "timeMs")?,
            provider: required(value, "provider")?,
            endpoint: required(value, "endpoint")?,
            request_id: member(value, "requestId")?,
            image_id: member(value, "imageId")?,
            error_code: member(value, "errorCode")?,
            http_status: member(value, "httpStatus")?,
        })
    }
}

impl Stored for History {
    fn read(value: &Value<'_>) -> Option<Self> {
        Vec::read(value).map(History)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Slot;
    use createimage_validator::Provider;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn drafts_read_as_serde_json_read_them() {
        let text = r#"{"provider":"zenlayer","forms":{"zenlayer":{"fields":{"imageName":"web-01"},"groups":{}}},
            "endpoints":{"zenlayer":"relay"},"later":[1,2]}"#;
        let draft: Draft = from_json(text);
        assert_eq!(draft.provider(), Some(Provider::Zenlayer));
        assert_eq!(draft.form(Provider::Zenlayer).get(Slot::top("imageName")), "web-01");
        assert_eq!(draft.endpoint(Provider::Zenlayer), Mode::Relay);
        // What the writer writes reads back.
        assert_eq!(from_json::<Draft>(&draft.to_json()), draft);
        // Missing members are their defaults; a value of another type makes the whole text unreadable.
        assert_eq!(from_json::<Draft>("{}"), Draft::default());
        for bad in [r#"{"provider":5}"#, r#"{"endpoints":{"aliyun":"moon"}}"#, r#"{"forms":{"aliyun":[]}}"#, "[]", "{"]
        {
            assert_eq!(from_json::<Draft>(bad), Draft::default(), "{bad}");
        }
    }

    #[wasm_bindgen_test]
    fn history_and_keys_read_as_serde_json_read_them() {
        let text = r#"[{"timeMs":1765100000123.0,"provider":"tencent","endpoint":"sandbox","requestId":"r-1","imageId":null,"httpStatus":200},
            {"timeMs":1765100000000,"provider":"jdcloud","endpoint":"relay","errorCode":"network"}]"#;
        let history: History = from_json(text);
        assert_eq!(history.0.len(), 2);
        assert_eq!(history.0[0].time_ms, 1_765_100_000_123.0);
        assert_eq!((history.0[0].request_id.as_deref(), history.0[0].image_id.as_deref()), (Some("r-1"), None));
        assert_eq!(history.0[0].http_status, Some(200));
        assert_eq!(history.0[1].error_code.as_deref(), Some("network"));
        assert_eq!(from_json::<History>(&history.to_json()), history);
        for bad in [
            r#"[{"provider":"x","endpoint":"relay"}]"#,
            r#"[{"timeMs":"x","provider":"x","endpoint":"relay"}]"#,
            r#"[{"timeMs":1,"provider":"x","endpoint":"relay","httpStatus":70000}]"#,
        ] {
            assert_eq!(from_json::<History>(bad), History::default(), "{bad}");
        }

        let keys: Remembered = from_json(r#"{"aliyun":{"accessKeyId":"LTAI","secret":"s"}}"#);
        assert_eq!(keys.keys(Provider::Aliyun).map(|k| (k.access_key_id, k.secret)), Some(("LTAI".into(), "s".into())));
        assert_eq!(from_json::<Remembered>(r#"{"aliyun":{"accessKeyId":"LTAI"}}"#), Remembered::default());
    }
}
