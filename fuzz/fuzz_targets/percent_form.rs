//! Percent decoding, query and form parsing: no panic; strict decoding agrees with the lenient one
//! where it succeeds; encoding then decoding gives the text back; a parsed form written again
//! parses to the same pairs.
#![no_main]

use createimage_validator::wire::percent;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let lenient = percent::decode_lenient(text);
    match percent::decode(text, true) {
        Ok(strict) => assert_eq!(strict, lenient),
        Err(e) => {
            let _ = e.to_string();
        }
    }
    let _ = percent::decode(text, false);
    assert_eq!(percent::decode(&percent::encode(text), true).as_deref(), Ok(text));
    assert_eq!(percent::decode(&percent::encode_path(text), false).as_deref(), Ok(text));
    assert!(percent::encode(text).bytes().all(|b| percent::is_unreserved(b) || b == b'%'));
    if let Ok(pairs) = percent::parse_form(text) {
        let written = percent::form(&pairs);
        let kept: Vec<(String, String)> = pairs.into_iter().filter(|(k, v)| !(k.is_empty() && v.is_empty())).collect();
        let mut again = percent::parse_form(&written).expect("a written form parses");
        again.retain(|(k, v)| !(k.is_empty() && v.is_empty()));
        assert_eq!(again, kept);
    }
});
