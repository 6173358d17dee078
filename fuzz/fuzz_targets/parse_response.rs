//! Each provider's `parse_response` on an arbitrary status and body, and the readers under it
//! (Alibaba's XML, the time formats): no panic, and every answer can be shown.
#![no_main]

use createimage_validator::Provider;
use createimage_validator::wire::{self, ApiResponse, Timestamp, xml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((status, body)) = data.split_first_chunk::<2>() else { return };
    let status = u16::from_le_bytes(*status);
    for provider in Provider::ALL {
        match wire::parse_response(provider, status, body) {
            Ok(ApiResponse::Failed(e)) => {
                assert_eq!(e.provider, provider);
                let _ = (e.to_string(), e.entries());
            }
            Ok(ApiResponse::Created(_)) => {}
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
    let text = String::from_utf8_lossy(body);
    if let Ok(root) = xml::parse(&text) {
        let _ = root.child_text("Code");
    }
    for parse in [
        Timestamp::parse_iso8601,
        Timestamp::parse_basic,
        Timestamp::parse_unix,
        Timestamp::parse,
        Timestamp::parse_rfc3339,
    ] {
        if let Ok(t) = parse(&text) {
            assert!(t.unix() <= Timestamp::MAX_UNIX);
            assert_eq!(Timestamp::parse_iso8601(&t.iso8601()), Ok(t));
            assert_eq!(Timestamp::parse_basic(&t.basic()), Ok(t));
        }
    }
});
