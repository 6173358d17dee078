//! The browser's local storage: the only place anything is kept between visits. The keys are
//! the DOM contract's (`docs/console-contract.md`). Failures (storage disabled, quota) are
//! ignored: the console then simply forgets.

use leptos::prelude::window;

/// The chosen language (`en` or `zh`).
pub const LANG: &str = "createimage.lang";
/// Every form, endpoint and the chosen provider ([`crate::model::Draft`]); never a key.
pub const DRAFT: &str = "createimage.draft.v1";
/// Every submission ([`crate::model::History`]).
pub const HISTORY: &str = "createimage.history.v1";
/// Keys, only those the user asked to remember ([`crate::model::Remembered`]).
pub const CREDENTIALS: &str = "createimage.credentials.v1";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
