//! What the emulator remembers: the images it created, Alibaba ClientTokens, and (in memory only)
//! the nonces it has seen. Optionally persisted to `--state FILE`, written atomically and durably.
//! What a client sends is kept as a digest wherever only equality matters (nonces, tokens and the
//! parameters idempotency compares): what one request makes the server keep has a fixed size, and
//! the state file holds no access key id or request parameters.

use createimage_validator::Provider;
use createimage_validator::wire::hash::{sha256, sha256_hex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io;
use std::path::Path;

/// An image the emulator created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedImage {
    pub provider: Provider,
    pub id: String,
    pub name: String,
    /// Region, or zone for Zenlayer.
    pub location: String,
    /// The instance or snapshot it was made from.
    pub source: String,
    /// The request id of the CreateImage call that made it (Tencent answers nothing else).
    #[serde(default)]
    pub request_id: String,
    pub created_ms: u64,
    pub available_ms: u64,
}

impl CreatedImage {
    /// The status as the provider spells it, at `now_ms`.
    pub fn status(&self, now_ms: u64) -> &'static str {
        let ready = now_ms >= self.available_ms;
        let words = self.provider.registration().emulator.image_status;
        if ready { words.available } else { words.creating }
    }
}

/// A ClientToken already used: a digest of the request it came with, and the image it made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenUse {
    /// [`digest`] of the parameters idempotency compares.
    pub fingerprint: String,
    pub image_id: String,
}

/// Lower-case hex SHA-256 of `text`: what the state keeps of a value it only compares.
pub fn digest(text: &str) -> String {
    sha256_hex(text.as_bytes())
}

/// Whether `s` is a [`digest`] (files written before digests held the text itself).
fn is_digest(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A remembered nonce: the first 128 bits of SHA-256 of `provider\naccessKeyId\nnonce`. Fixed
/// size whatever the nonce; a collision (about 2^-64 at 2^32 nonces) would only refuse a request
/// as a replay.
type NonceSlot = u128;

/// The most memory the nonce cache may take. Full, its tables hold 2^20 hash buckets of 33 bytes
/// (slot, time, control byte) and 2^19 queue slots of 32: 49 MiB, whatever the nonces' length.
#[cfg(test)]
const NONCE_CACHE_BYTES: usize = 64 << 20;
/// The most nonces remembered: 2^19, about 15 minutes of 580 requests a second (a replay window
/// is 10 to 30 minutes). Past this the oldest are forgotten early: their timestamps age out soon
/// after anyway.
pub const MAX_NONCES: usize = 1 << 19;

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub images: Vec<CreatedImage>,
    /// Feeds image ids; never reused, also across restarts with `--state`.
    pub next_id: u64,
    /// [`digest`] of `accessKeyId\ntoken` → its first use.
    pub client_tokens: BTreeMap<String, TokenUse>,
    /// Nonce slot → when it may be forgotten (ms). Not persisted: a restart forgets nonces, as
    /// the stale-timestamp check still bounds replays.
    #[serde(skip)]
    nonces: HashMap<NonceSlot, u64>,
    /// The same nonces in the order they were seen, to forget the oldest first.
    #[serde(skip)]
    nonce_order: VecDeque<(u64, NonceSlot)>,
}

impl State {
    /// A fresh id for `provider`: the prefix and length its docs show.
    pub fn new_image_id(&mut self, provider: Provider) -> String {
        self.next_id += 1;
        let n = self.next_id;
        let form = provider.registration().emulator.image_id;
        format!("{}{}", form.prefix, base36(n, form.len))
    }

    /// Remembers the nonce `key` (`provider\naccessKeyId\nnonce`) until `forget_at_ms`; false
    /// when it was already seen (a replay). Amortised O(1): expired nonces are dropped from the
    /// front of the arrival order.
    pub fn use_nonce(&mut self, key: &str, now_ms: u64, forget_at_ms: u64) -> bool {
        let hash = sha256(key.as_bytes());
        let key = NonceSlot::from_be_bytes(hash[..16].try_into().expect("16 of 32 bytes"));
        while let Some((until, _)) = self.nonce_order.front() {
            if *until > now_ms && self.nonce_order.len() < MAX_NONCES {
                break;
            }
            let (until, old) = self.nonce_order.pop_front().expect("front exists");
            // Only forget it if it was not seen again since (a later entry owns it then).
            if self.nonces.get(&old) == Some(&until) {
                self.nonces.remove(&old);
            }
        }
        match self.nonces.get(&key) {
            Some(until) if *until > now_ms => false,
            _ => {
                self.nonces.insert(key, forget_at_ms);
                self.nonce_order.push_back((forget_at_ms, key));
                true
            }
        }
    }

    /// Forgets every created image and token, but not the ids given (never reused) nor the nonces
    /// seen (a reset must not reopen replays).
    pub fn reset(&mut self) {
        self.images.clear();
        self.client_tokens.clear();
    }

    /// The bytes the nonce cache holds now (its tables' capacities): at most [`NONCE_CACHE_BYTES`].
    #[cfg(test)]
    fn nonce_cache_bytes(&self) -> usize {
        let table = self.nonces.capacity().div_ceil(7) * 8;
        table * (std::mem::size_of::<(NonceSlot, u64)>() + 1)
            + self.nonce_order.capacity() * std::mem::size_of::<(u64, NonceSlot)>()
    }

    /// Reads a state file. Files written before tokens were kept as digests (they held the access
    /// key id, the token and the parameters) load too: each is replaced by its digest, which is
    /// what the new code computes from the same text.
    pub fn load(path: &Path) -> io::Result<State> {
        let mut state: State = match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(State::default()),
            Err(e) => return Err(e),
        };
        state.client_tokens = std::mem::take(&mut state.client_tokens)
            .into_iter()
            .map(|(key, mut used)| {
                if !is_digest(&used.fingerprint) {
                    used.fingerprint = digest(&used.fingerprint);
                }
                (if is_digest(&key) { key } else { digest(&key) }, used)
            })
            .collect();
        Ok(state)
    }

    /// Writes a temporary file beside `path` and flushes it to disk, renames it over `path`, then
    /// flushes the directory: a crash or power cut leaves the old state or the new one, never half
    /// of one, and an acknowledged image is on disk.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        use std::io::Write as _;
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let bytes = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)?;
        sync_dir(path)
    }
}

/// Flushes the directory holding `path`, so that a rename into it survives a power cut.
#[cfg(unix)]
fn sync_dir(path: &Path) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::File::open(dir)?.sync_all()
}

/// Windows cannot open a directory as a file; its rename is already durable with the file flushed.
#[cfg(not(unix))]
fn sync_dir(_: &Path) -> io::Result<()> {
    Ok(())
}

/// `n` in lower-case base 36, scrambled so consecutive ids do not look consecutive, left-padded
/// to `width`.
fn base36(n: u64, width: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    // An odd multiplier is a bijection on u64: distinct n give distinct ids.
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut out = vec![b'0'; width];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(x % 36) as usize];
        x /= 36;
    }
    String::from_utf8(out).expect("ASCII digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_documented_shape_and_never_repeat() {
        let mut s = State::default();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..10_000 {
            let id = s.new_image_id(Provider::Zenlayer);
            assert!(id.starts_with("img-") && id.len() == 12, "{id}");
            assert!(seen.insert(id));
        }
        assert!(s.new_image_id(Provider::Aliyun).starts_with("m-"));
    }

    #[test]
    fn nonces_are_single_use_until_forgotten() {
        let mut s = State::default();
        assert!(s.use_nonce("k", 0, 100));
        assert!(!s.use_nonce("k", 50, 150));
        assert!(s.use_nonce("k", 100, 200));
        assert!(!s.use_nonce("k", 150, 250));
        assert!(s.use_nonce("j", 150, 250));
        // Expired entries leave both structures.
        assert!(s.use_nonce("x", 1000, 1100));
        assert_eq!((s.nonces.len(), s.nonce_order.len()), (1, 1));
    }

    #[test]
    fn live_nonces_are_all_remembered() {
        let mut s = State::default();
        for i in 0..10_000u64 {
            assert!(s.use_nonce(&i.to_string(), 1, u64::MAX));
        }
        assert!((0..10_000u64).all(|i| !s.use_nonce(&i.to_string(), 2, u64::MAX)));
        assert_eq!(s.nonce_order.len(), 10_000);
    }

    /// The cache's bytes stay within its budget however many and however long the nonces: full
    /// of live 128-byte nonces, and then some, it holds MAX_NONCES entries and at most
    /// NONCE_CACHE_BYTES; the newest are still remembered.
    #[test]
    fn the_nonce_cache_is_bounded_in_bytes() {
        let mut s = State::default();
        let long = "n".repeat(createimage_validator::wire::verify::MAX_NONCE_LEN);
        for i in 0..MAX_NONCES + 1000 {
            assert!(s.use_nonce(&format!("aliyun\nkey\n{long}{i}"), 1, u64::MAX));
            if i % 4096 == 0 {
                assert!(s.nonce_cache_bytes() <= NONCE_CACHE_BYTES, "{i}: {}", s.nonce_cache_bytes());
            }
        }
        assert_eq!((s.nonces.len(), s.nonce_order.len()), (MAX_NONCES, MAX_NONCES));
        assert!(s.nonce_cache_bytes() <= NONCE_CACHE_BYTES, "{}", s.nonce_cache_bytes());
        assert!(!s.use_nonce(&format!("aliyun\nkey\n{long}{}", MAX_NONCES + 999), 2, u64::MAX));
        assert!(s.nonce_cache_bytes() > NONCE_CACHE_BYTES / 2, "the budget is not oversized");
    }

    #[test]
    fn save_and_load_round_trip() {
        let dir = std::env::temp_dir().join(format!("createimage-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        let mut s = State::default();
        let id = s.new_image_id(Provider::Tencent);
        s.images.push(CreatedImage {
            provider: Provider::Tencent,
            id,
            name: "n".into(),
            location: "ap-guangzhou".into(),
            source: "ins-1".into(),
            request_id: "1".into(),
            created_ms: 1,
            available_ms: 2,
        });
        s.save(&path).unwrap();
        let back = State::load(&path).unwrap();
        assert_eq!(back.images, s.images);
        assert_eq!(back.next_id, s.next_id);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file is left");
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// A state file written before digests (token key `accessKeyId\ntoken`, the parameters as
    /// JSON) loads as the digests the new code computes from the same text.
    #[test]
    fn older_state_files_load_as_digests() {
        let dir = std::env::temp_dir().join(format!("createimage-state-old-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        let params = r#"[["ImageName","a1"],["InstanceId","i-1"],["RegionId","cn-hangzhou"]]"#;
        let old = serde_json::json!({"images": [], "nextId": 3, "clientTokens": {
            "LTAI5tSandboxAliyun0001\ntok-1": {"fingerprint": params, "imageId": "m-1"}}});
        std::fs::write(&path, old.to_string()).unwrap();
        let s = State::load(&path).unwrap();
        let used = &s.client_tokens[&digest("LTAI5tSandboxAliyun0001\ntok-1")];
        assert_eq!((used.fingerprint.as_str(), used.image_id.as_str()), (digest(params).as_str(), "m-1"));
        s.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("LTAI") && !text.contains("tok-1") && !text.contains("InstanceId"), "{text}");
        assert_eq!(State::load(&path).unwrap().client_tokens, s.client_tokens);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
