//! `validate_json` of each provider on arbitrary bytes: no panic; the report is JSON that
//! serde_json reads back, the same text as serde_json makes of it; the same bytes give the same report.
#![no_main]

use createimage_validator::{Lang, Options, Provider, validate_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, json)) = data.split_first() else { return };
    let provider = Provider::ALL[usize::from(selector & 7) % Provider::ALL.len()];
    let options = Options { lang: if selector & 8 == 0 { Lang::En } else { Lang::Zh }, strict: selector & 16 != 0 };
    match validate_json(provider, json, options) {
        Ok(report) => {
            let text = report.to_json();
            let read: serde_json::Value = serde_json::from_str(&text).expect("the report is JSON");
            assert_eq!(read["provider"], provider.as_str());
            assert_eq!(text, serde_json::to_string(&report).unwrap(), "to_json is not serde_json's text");
            let again = validate_json(provider, json, options).expect("accepted once, accepted twice");
            assert_eq!(report, again);
        }
        Err(e) => {
            let _ = e.to_string();
            assert_eq!(validate_json(provider, json, options).unwrap_err(), e);
        }
    }
});
