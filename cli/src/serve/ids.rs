//! Request ids in each provider's shape (providers.md A.7, B.8, C.1, D.7): unique per process run
//! (a counter) and unpredictable across runs (a per-process random seed from the standard
//! library's hasher keys).

use createimage_validator::Provider;
use createimage_validator::registration::RequestIdKind;
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(1);

fn seed() -> u64 {
    static SEED: OnceLock<u64> = OnceLock::new();
    *SEED.get_or_init(|| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos());
        h.finish()
    })
}

/// 128 bits: the counter and the seed, mixed (splitmix64) so ids do not look sequential.
fn next() -> (u64, u64) {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mix = |mut z: u64| {
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    (mix(seed() ^ n), mix(n.wrapping_add(0x9e37_79b9_7f4a_7c15) ^ seed().rotate_left(17)))
}

fn uuid_upper() -> String {
    let (a, b) = next();
    let hex = format!("{a:016X}{b:016X}");
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// A fresh request id for `provider`.
pub fn request_id(provider: Provider) -> String {
    match provider.registration().emulator.request_id {
        RequestIdKind::UpperUuid { prefix } => format!("{prefix}{}", uuid_upper()),
        RequestIdKind::LowerUuid => uuid_upper().to_ascii_lowercase(),
        RequestIdKind::Hex32 => {
            let (a, b) = next();
            format!("{a:016x}{b:016x}")
        }
        RequestIdKind::Integer => (next().0 % 900_000_000 + 100_000_000).to_string(),
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
