//! The validator's JSON reader against serde_json: the same verdict on every input, and the same
//! value when both accept it.
#![no_main]

use createimage_validator::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ours = json::parse(data);
    let theirs = serde_json::from_slice::<serde_json::Value>(data);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(&a.to_serde(), b, "same text, different values"),
        (Err(_), Err(_)) => {}
        _ => panic!("verdicts differ: ours {:?}, serde_json {:?}", ours.map(|v| v.to_serde()), theirs),
    }
});
