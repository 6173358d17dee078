//! The validator's JSON parser against serde_json on generated text: never a panic, and the same
//! verdict (JSON or not) and the same value wherever serde_json's own outcome does not depend on
//! how a number near `f64::MAX` is written (`json::tests` covers that band).
#![cfg(not(target_arch = "wasm32"))]

use createimage_validator::json;
use proptest::prelude::*;

/// Pieces that make JSON, almost-JSON and noise when strung together.
fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\"k\"",
        "\"ImageName\"",
        "\"a\\\"b\"",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\q\"",
        "\\",
        "\"é中\"",
        "0",
        "-0",
        "12",
        "-7",
        "1.5",
        "1e3",
        "1E-2",
        "-",
        ".",
        "e",
        "+",
        "9223372036854775808",
        "18446744073709551616",
        "-9223372036854775809",
        "true",
        "false",
        "null",
        "tru",
        " ",
        "\n",
        "\t",
        "\u{1}",
        "x",
        "\u{feff}",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..24).prop_map(|t| t.concat())
}

/// A JSON value serde_json writes: its text is valid by construction.
fn value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        (-1e300f64..1e300).prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec((".{0,6}", inner), 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn same(text: &[u8]) -> Result<(), TestCaseError> {
    let theirs = serde_json::from_slice::<serde_json::Value>(text).ok();
    let ours = json::parse(text).ok().map(|v| v.to_serde());
    prop_assert_eq!(ours, theirs, "{}", String::from_utf8_lossy(text));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_parses_as_serde_json_parses_it(t in text()) {
        same(t.as_bytes())?;
    }

    #[test]
    fn written_values_read_back_the_same(v in value()) {
        same(serde_json::to_string(&v).unwrap().as_bytes())?;
        same(serde_json::to_string_pretty(&v).unwrap().as_bytes())?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        same(&bytes)?;
    }
}
