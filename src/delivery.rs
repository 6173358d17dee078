//! Signing, and the rest of a submission after the click: sign, send, read the answer, record
//! it in the history, show it, and follow a sandbox image until it is available. It runs in the
//! code loaded on first use ([`crate::lazy`]), so the first load carries none of it. It acts on
//! the signals of the provider's page that the store hands it ([`Page`]), not on the store
//! itself, so the chunk's code does not depend on the store that calls it.

use crate::api;
use crate::browser;
use crate::model::{Follow, History, HistoryEntry, Keys, Mode};
use crate::storage;
use crate::submit::{self, NotSent, Origin, Outcome, Prepared, Retry, Success, TimeAndNonce};
use createimage_validator::Provider;
use leptos::prelude::*;
use serde_json::Value;

/// Everything one signature takes, owned (a split function takes concrete values).
#[derive(Debug)]
pub struct ToSign {
    pub provider: Provider,
    pub request: Value,
    pub keys: Keys,
    pub mode: Mode,
    pub origin: Origin,
    /// Sign despite errors ("send anyway").
    pub anyway: bool,
}

/// A signed request, with the preview of it and its curl command.
#[derive(Debug)]
pub struct Signing {
    pub prepared: Prepared,
    pub preview: String,
    pub curl: String,
}

/// Signs `job` with the time and a nonce of now (see [`submit::prepare`]).
pub fn sign_now(job: ToSign) -> Result<Signing, NotSent> {
    let ToSign { provider, request, keys, mode, origin, anyway } = job;
    let random = browser::random16().map_err(NotSent::Sign)?;
    let fresh = TimeAndNonce { unix_seconds: browser::now_seconds(), nonce: submit::nonce(provider, random) };
    let prepared = submit::prepare(provider, &request, &keys, mode, &origin, &fresh, anyway)?;
    let preview = submit::preview(&prepared.signed);
    let curl = submit::curl(&prepared.signed);
    Ok(Signing { prepared, preview, curl })
}

/// The signals a submission of one provider's form writes: its page's answer, status follower,
/// pending retry and attempt count, and the history.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub provider: Provider,
    pub sending: RwSignal<bool>,
    pub outcome: RwSignal<Option<Outcome>>,
    pub follow: RwSignal<Option<Follow>>,
    pub retry: StoredValue<Option<Retry>>,
    pub attempt: StoredValue<u32>,
    pub history: RwSignal<History>,
}

impl Page {
    fn record(self, entry: HistoryEntry) {
        self.history.update(|h| h.push(entry));
        self.save_history();
    }

    fn save_history(self) {
        self.history.with_untracked(|h| storage::set(storage::HISTORY, &h.to_json()));
    }
}

/// The rest of a submission, run by the code loaded on first use ([`crate::lazy::submit`]): signs,
/// sends, records and shows the answer, then follows a sandbox image until it is available.
pub async fn deliver(space: Page, job: ToSign) {
    let (provider, mode) = (job.provider, job.mode);
    let prepared = match sign_now(job) {
        Ok(signing) => signing.prepared,
        Err(e) => {
            space.sending.set(false);
            space.outcome.set(Some(Outcome::NotSent(e)));
            browser::focus_answer();
            return;
        }
    };
    // A new submission: an older status follower stops, the last answer goes.
    let attempt = space.attempt.get_value().wrapping_add(1);
    space.attempt.set_value(attempt);
    space.outcome.set(None);
    space.follow.set(None);
    let ours = Some(prepared.signed.stages.string_to_sign().to_owned());
    let outcome = match api::send(&prepared.outgoing).await {
        Ok(answer) => submit::interpret(provider, answer.status, &answer.body, ours.as_deref()),
        Err(e) => {
            let host = match mode {
                Mode::Sandbox | Mode::Relay => browser::origin().host,
                Mode::Direct => prepared.signed.request.host.clone(),
            };
            Outcome::Network { message: e.message, mode, host }
        }
    };
    // An answer means the request arrived: the next one is a new request with a new token.
    if !matches!(outcome, Outcome::Network { .. }) {
        space.retry.set_value(None);
    }
    space.record(history_entry(provider, mode, &outcome));
    space.sending.set(false);
    space.outcome.set(Some(outcome.clone()));
    browser::focus_answer();
    if let (Mode::Sandbox, Outcome::Created(success)) = (mode, outcome) {
        follow(space, success, attempt).await;
    }
}

/// Polls the emulator until the image is available (or gone, or a newer submission started).
async fn follow(space: Page, success: Success, attempt: u32) {
    let provider = space.provider;
    let mut misses = 0;
    space.follow.set(Some(Follow {
        image_id: success.image_id.clone(),
        status: None,
        progress: 0.0,
        available: false,
        lost: false,
        found_by_request: false,
    }));
    for _ in 0..600 {
        if space.attempt.get_value() != attempt {
            return;
        }
        let state = api::emulator_state().await.ok();
        let image = state.as_ref().and_then(|s| {
            s.images.iter().find(|i| {
                i.provider == provider.as_str()
                    && match &success.image_id {
                        Some(id) => &i.image_id == id,
                        None => i.request_id == success.request_id,
                    }
            })
        });
        if space.attempt.get_value() != attempt {
            return;
        }
        match (state.as_ref(), image) {
            (Some(s), Some(image)) => {
                let span = image.available_ms.saturating_sub(image.created_ms).max(1) as f64;
                let done = s.now_ms.saturating_sub(image.created_ms) as f64;
                let available = s.now_ms >= image.available_ms;
                // Tencent answers no image ID: the history gets the one found, as the answer does.
                if success.image_id.is_none() && space.follow.with(|f| f.as_ref().is_some_and(|f| f.status.is_none())) {
                    space.history.update(|h| h.set_image_id(&success.request_id, &image.image_id));
                    space.save_history();
                }
                space.follow.set(Some(Follow {
                    image_id: Some(image.image_id.clone()),
                    status: Some(image.status.clone()),
                    progress: (done / span).clamp(0.0, 1.0),
                    available,
                    lost: false,
                    found_by_request: success.image_id.is_none(),
                }));
                if available {
                    return;
                }
            }
            _ => {
                misses += 1;
                if misses >= 5 {
                    space.follow.update(|f| {
                        if let Some(f) = f {
                            f.lost = true;
                        }
                    });
                    return;
                }
            }
        }
        browser::sleep(400).await;
    }
}

/// The history line of one submission.
fn history_entry(provider: Provider, mode: Mode, outcome: &Outcome) -> HistoryEntry {
    let mut entry = HistoryEntry {
        time_ms: browser::now_ms(),
        provider: provider.as_str().to_owned(),
        endpoint: mode,
        request_id: None,
        image_id: None,
        error_code: None,
        http_status: None,
    };
    match outcome {
        Outcome::Created(s) => {
            entry.request_id = Some(s.request_id.clone());
            entry.image_id = s.image_id.clone();
            entry.http_status = Some(s.http_status);
        }
        Outcome::Failed(f) => {
            entry.request_id = f.request_id.clone();
            entry.error_code = Some(f.code.clone());
            entry.http_status = Some(f.http_status);
        }
        Outcome::Unreadable { http_status, .. } => {
            entry.error_code = Some(format!("HTTP {http_status}"));
            entry.http_status = Some(*http_status);
        }
        Outcome::Network { .. } => entry.error_code = Some("network".to_owned()),
        Outcome::NotSent(_) => {}
    }
    entry
}
