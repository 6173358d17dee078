//! What the emulator remembers: the images it created, Alibaba ClientTokens, and (in memory only)
//! the nonces it has seen. Optionally persisted to `--state FILE`, written atomically.

use createimage_validator::Provider;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io;
use std::path::Path;

/// An image the emulator created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedImage {
    pub provider: String,
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
    pub fn provider(&self) -> Option<Provider> {
        self.provider.parse().ok()
    }

    /// The status as the provider spells it, at `now_ms`.
    pub fn status(&self, now_ms: u64) -> &'static str {
        let ready = now_ms >= self.available_ms;
        match (self.provider(), ready) {
            (Some(Provider::Aliyun), false) => "Creating",
            (Some(Provider::Aliyun), true) => "Available",
            (Some(Provider::JdCloud), false) => "creating",
            (Some(Provider::JdCloud), true) => "ready",
            (Some(Provider::Tencent), false) => "CREATING",
            (Some(Provider::Tencent), true) => "NORMAL",
            (_, false) => "CREATING",
            (_, true) => "AVAILABLE",
        }
    }
}

/// A ClientToken already used: the request it came with and the image it made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenUse {
    pub fingerprint: String,
    pub image_id: String,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub images: Vec<CreatedImage>,
    /// Feeds image ids; never reused, also across restarts with `--state`.
    pub next_id: u64,
    /// `accessKeyId\ntoken` → its first use.
    pub client_tokens: BTreeMap<String, TokenUse>,
    /// `provider\naccessKeyId\nnonce` → when it may be forgotten (ms). Not persisted: a restart
    /// forgets nonces, as the stale-timestamp check still bounds replays.
    #[serde(skip)]
    pub nonces: HashMap<String, u64>,
    /// The same nonces in the order they were seen, to forget the oldest first.
    #[serde(skip)]
    pub nonce_order: VecDeque<(u64, String)>,
}

/// The most nonces remembered: at tens of thousands of requests a second a whole skew window
/// would not fit in memory; past this the oldest are forgotten early (their timestamps age out
/// soon after anyway).
const MAX_NONCES: usize = 1_000_000;

impl State {
    /// A fresh id for `provider`: the prefix and length its docs show.
    pub fn new_image_id(&mut self, provider: Provider) -> String {
        self.next_id += 1;
        let n = self.next_id;
        match provider {
            Provider::Aliyun => format!("m-{}", base36(n, 20)),
            Provider::JdCloud => format!("img-{}", base36(n, 10)),
            Provider::Tencent | Provider::Zenlayer => format!("img-{}", base36(n, 8)),
        }
    }

    /// Remembers a nonce until `forget_at_ms`; false when it was already seen (a replay).
    /// Amortised O(1): expired nonces are dropped from the front of the arrival order.
    pub fn use_nonce(&mut self, key: String, now_ms: u64, forget_at_ms: u64) -> bool {
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
                self.nonces.insert(key.clone(), forget_at_ms);
                self.nonce_order.push_back((forget_at_ms, key));
                true
            }
        }
    }

    pub fn load(path: &Path) -> io::Result<State> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(e),
        }
    }

    /// Writes to a temporary file beside `path`, then renames it over: a crash leaves the old
    /// state or the new one, never half of one.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let bytes = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, path)
    }
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
        assert!(s.use_nonce("k".into(), 0, 100));
        assert!(!s.use_nonce("k".into(), 50, 150));
        assert!(s.use_nonce("k".into(), 100, 200));
        assert!(!s.use_nonce("k".into(), 150, 250));
        assert!(s.use_nonce("j".into(), 150, 250));
        // Expired entries leave both structures.
        assert!(s.use_nonce("x".into(), 1000, 1100));
        assert_eq!((s.nonces.len(), s.nonce_order.len()), (1, 1));
    }

    #[test]
    fn live_nonces_are_all_remembered() {
        let mut s = State::default();
        for i in 0..10_000u64 {
            assert!(s.use_nonce(i.to_string(), 1, u64::MAX));
        }
        assert!((0..10_000u64).all(|i| !s.use_nonce(i.to_string(), 2, u64::MAX)));
        assert_eq!(s.nonce_order.len(), 10_000);
    }

    #[test]
    fn save_and_load_round_trip() {
        let dir = std::env::temp_dir().join(format!("createimage-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        let mut s = State::default();
        let id = s.new_image_id(Provider::Tencent);
        s.images.push(CreatedImage {
            provider: "tencent".into(),
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
        std::fs::remove_dir_all(dir).unwrap();
    }
}
