//! Request ids in each provider's shape (providers.md A.7, B.8, C.1, D.7), from the operating
//! system's random source; Tencent's integer ids also count up from a random start, so that they
//! stay unique within a run in their nine digits.

use crate::random;
use createimage_validator::registration::RequestIdKind;
use createimage_validator::{Provider, wire};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// `N` random bytes. The standard library's hash maps, which the server builds all the time,
/// panic the same way when the operating system has no random source.
fn random_bytes<const N: usize>() -> [u8; N] {
    random::bytes().expect("the operating system's random source")
}

/// A fresh request id for `provider`.
pub fn request_id(provider: Provider) -> String {
    match provider.registration().emulator.request_id {
        // `C8B26B44-0189-443E-9816-D951F59623A9`, Zenlayer's with a `T` before it.
        RequestIdKind::UpperUuid { prefix } => {
            format!("{prefix}{}", wire::uuid_v4(random_bytes()).to_ascii_uppercase())
        }
        // `71e69b56-32be-4412-ab45-49eded6a87be`
        RequestIdKind::LowerUuid => wire::uuid_v4(random_bytes()),
        // `0ee754ebce7a3f2f70d6d914dbbd2498`
        RequestIdKind::Hex32 => wire::hash::hex(&random_bytes::<16>()),
        // A task id (`24534341`): counted from a random start, so unique in a run.
        RequestIdKind::Integer => {
            static START: OnceLock<u64> = OnceLock::new();
            static COUNTER: AtomicU64 = AtomicU64::new(0);
            let start = *START.get_or_init(|| u64::from_le_bytes(random_bytes()));
            (start.wrapping_add(COUNTER.fetch_add(1, Ordering::Relaxed)) % 900_000_000 + 100_000_000).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_uniqueness() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..1000 {
            for p in Provider::ALL {
                assert!(seen.insert(request_id(p)));
            }
        }
        let z = request_id(Provider::Zenlayer);
        assert!(
            z.starts_with('T')
                && z.len() == 37
                && z[1..].chars().all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
        );
        assert_eq!(request_id(Provider::JdCloud).len(), 32);
        assert!(request_id(Provider::Tencent).parse::<u64>().is_ok());
    }
}
