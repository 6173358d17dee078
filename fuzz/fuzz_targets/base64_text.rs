//! The validator's Base64 reader against the `base64` crate's standard decoder.
#![no_main]

use base64::Engine as _;
use createimage_validator::compact::base64_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let ours = base64_text::decode(text);
    let theirs = base64::engine::general_purpose::STANDARD.decode(text).ok();
    assert_eq!(ours, theirs, "{text:?}");
    if let Some(bytes) = ours {
        assert_eq!(base64::engine::general_purpose::STANDARD.encode(bytes), text, "not canonical");
    }
});
