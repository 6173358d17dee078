//! Access keys: the sandbox's own, the user's (held in memory), and the ones a user chose to remember.

use crate::dict::Dict;
use createimage_validator::Provider;
use serde::Serialize;
use std::fmt;

include!(concat!(env!("OUT_DIR"), "/sandbox_keys.rs"));

/// The sandbox key of `provider`: `(access key id, secret)` of the first account of `createimage
/// serve`'s built-in fixture (see build.rs).
pub fn sandbox_keys(provider: Provider) -> (&'static str, &'static str) {
    SANDBOX_KEYS
        .iter()
        .find(|(name, _, _)| *name == provider.emulator().account_owner.as_str())
        .map(|&(_, id, secret)| (id, secret))
        .expect("the fixture has every provider (a test checks)")
}

/// One provider's access key, held in memory; stored only when `remember` is on.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Keys {
    pub access_key_id: String,
    pub secret: String,
    pub remember: bool,
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keys")
            .field("access_key_id", &self.access_key_id)
            .field("secret", &"<redacted>")
            .field("remember", &self.remember)
            .finish()
    }
}

impl Keys {
    pub fn sandbox(provider: Provider) -> Self {
        let (id, secret) = sandbox_keys(provider);
        Keys { access_key_id: id.to_owned(), secret: secret.to_owned(), remember: false }
    }

    pub fn is_complete(&self) -> bool {
        !self.access_key_id.trim().is_empty() && !self.secret.is_empty()
    }
}

/// Keys a user chose to remember, as stored: provider → key.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Remembered(pub Dict<StoredKey>);

impl fmt::Debug for Remembered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()
    }
}

#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredKey {
    pub access_key_id: String,
    pub secret: String,
}

impl fmt::Debug for StoredKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredKey").field("access_key_id", &self.access_key_id).finish_non_exhaustive()
    }
}

impl Remembered {
    pub fn from_json(text: &str) -> Self {
        crate::stored::from_json(text)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The remembered keys of `provider`.
    pub fn keys(&self, provider: Provider) -> Option<Keys> {
        self.0.get(provider.as_str()).map(|k| Keys {
            access_key_id: k.access_key_id.clone(),
            secret: k.secret.clone(),
            remember: true,
        })
    }

    /// Remembers `keys` for `provider` when they ask to be, forgets them otherwise.
    pub fn update(&mut self, provider: Provider, keys: &Keys) {
        if keys.remember {
            let stored = StoredKey { access_key_id: keys.access_key_id.clone(), secret: keys.secret.clone() };
            self.0.insert(provider.as_str().to_owned(), stored);
        } else {
            self.0.remove(provider.as_str());
        }
    }
}
