//! The page's reactive state and the actions components call: one [`ProviderPage`] per provider (its
//! form, what was touched, its endpoint and keys, its answer), the language, the chosen
//! provider and the history. Persistence (draft, remembered keys, language) runs as effects;
//! the data types and their logic are in [`crate::model`], [`crate::check`] and [`crate::submit`].

use crate::check::FormReport;
use crate::i18n::{self, Phrase};
use crate::model::{self, Draft, Follow, Form, History, Keys, Mode, Remembered, Slot, Touched};
use crate::submit::{self, NotSent, Outcome, Retry};
use crate::{api, browser, delivery, lazy, storage};
use createimage_validator::{Lang, Provider, wire};
use leptos::prelude::*;
use serde_json::Value;

/// Everything the page shows, as signals.
#[derive(Debug, Clone, Copy)]
pub struct Store {
    pub lang: RwSignal<Lang>,
    pub provider: RwSignal<Provider>,
    pub spaces: [ProviderPage; Provider::ALL.len()],
    pub history: RwSignal<History>,
    /// A pointer button is down (see [`Store::leave`]).
    pointer_down: StoredValue<bool>,
    /// Fields left while it was down: their messages wait for the click.
    held: StoredValue<Vec<(Provider, Slot)>>,
    /// The sandbox's regions, instances and snapshots, read once they are first wanted.
    pub world: RwSignal<Option<api::World>>,
    world_asked: StoredValue<bool>,
    /// A world read while a pointer button was down: shown once the click is over.
    world_held: StoredValue<Option<api::World>>,
}

/// One provider's workspace.
#[derive(Debug, Clone, Copy)]
pub struct ProviderPage {
    pub provider: Provider,
    pub form: RwSignal<Form>,
    pub touched: RwSignal<Touched>,
    /// A submit was attempted with errors: every message shows, and the summary.
    pub submitted: RwSignal<bool>,
    pub mode: RwSignal<Mode>,
    /// The user's own key, for Relay and Direct (remembered on request).
    pub keys: RwSignal<Keys>,
    /// The key the sandbox gets: the emulator's own unless the user types another. A key typed
    /// for Relay or Direct is never sent to the emulator.
    pub sandbox_keys: RwSignal<Keys>,
    /// Which of the provider's sources the form shows (see [`model::sources`]).
    pub source: RwSignal<usize>,
    pub sending: RwSignal<bool>,
    pub outcome: RwSignal<Option<Outcome>>,
    pub follow: RwSignal<Option<Follow>>,
    /// The ClientToken kept for a retry of the same request.
    pub retry: StoredValue<Option<Retry>>,
    /// Bumped by every submission, so an older status follower stops.
    pub attempt: StoredValue<u32>,
    /// The validator's report on the form, recomputed on every change.
    pub checked: Memo<FormReport>,
}

/// The store the page provides.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// A console text in the current language, as a reactive view or attribute.
pub fn text(t: Phrase) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_store().lang;
    move || t.get(lang.get())
}

impl Store {
    /// Reads what storage kept and builds every provider's space.
    pub fn new() -> Self {
        let lang = storage::get(storage::LANG).and_then(|s| i18n::parse_lang(&s)).unwrap_or_default();
        let draft = storage::get(storage::DRAFT).map(|s| Draft::from_json(&s)).unwrap_or_default();
        let remembered = storage::get(storage::CREDENTIALS).map(|s| Remembered::from_json(&s)).unwrap_or_default();
        let history = storage::get(storage::HISTORY).map(|s| History::from_json(&s)).unwrap_or_default();
        let lang = RwSignal::new(lang);
        let spaces = Provider::ALL.map(|p| ProviderPage::new(p, lang, &draft, &remembered));
        Store {
            lang,
            provider: RwSignal::new(draft.provider().unwrap_or(Provider::ALL[0])),
            spaces,
            history: RwSignal::new(history),
            pointer_down: StoredValue::new(false),
            held: StoredValue::new(Vec::new()),
            world: RwSignal::new(None),
            world_asked: StoredValue::new(false),
            world_held: StoredValue::new(None),
        }
    }

    pub fn space(&self, provider: Provider) -> ProviderPage {
        self.spaces[provider.index()]
    }

    pub fn current(&self) -> ProviderPage {
        self.space(self.provider.get())
    }

    /// Follows the pointer's button: while it is down, fields the press leaves keep their new
    /// messages back, and the click lands where the pointer was pressed.
    pub fn watch_pointer(self) {
        let down = move |_| self.pointer_down.set_value(true);
        let up = move |_| {
            self.pointer_down.set_value(false);
            // After the click this release ends.
            leptos::prelude::set_timeout(
                move || {
                    let held = std::mem::take(&mut *self.held.write_value());
                    held.into_iter().for_each(|(p, slot)| self.space(p).touch(slot));
                    if let Some(world) = self.world_held.write_value().take() {
                        self.world.set(Some(world));
                    }
                },
                std::time::Duration::ZERO,
            );
        };
        // For the page's whole life: the handles are never needed to remove them.
        let _ = window_event_listener(leptos::ev::pointerdown, down);
        let _ = window_event_listener(leptos::ev::pointerup, up);
        let _ = window_event_listener(leptos::ev::pointercancel, up);
    }

    /// The user left `slot` of `provider`'s form: its messages show, once a click that left it is
    /// over (a message appearing between a press and its release would move what was pressed).
    pub fn leave(self, provider: Provider, slot: Slot) {
        if self.pointer_down.get_value() {
            self.held.update_value(|h| h.push((provider, slot)));
        } else {
            self.space(provider).touch(slot);
        }
    }

    /// Reads the sandbox's world once, with the code loaded on first use (when a form is first
    /// used in Sandbox mode). Offers appear under the fields: not between a press and its release.
    pub fn want_world(self) {
        if self.world_asked.get_value() {
            return;
        }
        self.world_asked.set_value(true);
        leptos::task::spawn_local(async move {
            let world = match lazy::read_world(()).await {
                Ok(reading) => reading.await,
                Err(_) => None,
            };
            match world {
                Some(world) if self.pointer_down.get_value() => self.world_held.set_value(Some(world)),
                Some(world) => self.world.set(Some(world)),
                None => self.world_asked.set_value(false),
            }
        });
    }

    /// Keeps storage, the page title and the page language in step with the state.
    pub fn persist(self) {
        Effect::new(move || {
            let lang = self.lang.get();
            storage::set(storage::LANG, i18n::html_lang(lang));
            browser::set_html_lang(i18n::html_lang(lang));
        });
        Effect::new(move || {
            let lang = self.lang.get();
            let space = self.current();
            let failed = space.submitted.get() && space.checked.with(FormReport::has_errors);
            let prefix = if failed { Phrase::ErrorPrefix.get(lang) } else { "" };
            browser::set_title(&format!("{prefix}{}", Phrase::AppTitle.get(lang)));
        });
        Effect::new(move || {
            let mut draft = Draft { provider: Some(self.provider.get().as_str().to_owned()), ..Draft::default() };
            for space in self.spaces {
                let key = space.provider.as_str().to_owned();
                draft.forms.insert(key.clone(), space.form.get());
                draft.endpoints.insert(key, space.mode.get());
            }
            storage::set(storage::DRAFT, &draft.to_json());
        });
        Effect::new(move || {
            let mut remembered = Remembered::default();
            for space in self.spaces {
                space.keys.with(|k| remembered.update(space.provider, k));
            }
            if remembered.0.is_empty() {
                storage::remove(storage::CREDENTIALS);
            } else {
                storage::set(storage::CREDENTIALS, &remembered.to_json());
            }
        });
    }

    pub fn toggle_lang(self) {
        self.lang.update(|l| *l = i18n::other(*l));
    }

    pub fn clear_history(self) {
        self.history.set(History::default());
        storage::remove(storage::HISTORY);
    }

    /// Where a submission of `space` shows its answer and records it (the code loaded on first
    /// use takes these signals, not the store).
    fn page(self, space: ProviderPage) -> delivery::Page {
        delivery::Page {
            provider: space.provider,
            sending: space.sending,
            outcome: space.outcome,
            follow: space.follow,
            retry: space.retry,
            attempt: space.attempt,
            history: self.history,
        }
    }

    /// The request of `space` with the console's own fields filled in (Alibaba's ClientToken:
    /// the pending one for a retry of the same request, else a new one), or why it cannot be.
    fn request(self, space: ProviderPage) -> Result<Value, NotSent> {
        let provider = space.provider;
        let mode = space.mode.get_untracked();
        let mut request = space.form.with_untracked(|f| f.to_request(provider));
        for rule in model::table(provider).iter().filter(|r| model::is_auto_field(provider, r.path)) {
            let fingerprint = submit::fingerprint(provider, mode, &request);
            let pending = space.retry.get_value();
            let fresh = wire::uuid_v4(browser::random16().map_err(NotSent::Sign)?);
            let retry = submit::client_token(pending.as_ref(), &fingerprint, fresh);
            request = submit::with_token(&request, rule.path, &retry.token);
            space.retry.set_value(Some(retry));
        }
        Ok(request)
    }

    /// What signing `space`'s request takes (errors overridden when `anyway`), read untracked.
    fn job(self, space: ProviderPage, anyway: bool) -> Result<Box<delivery::ToSign>, NotSent> {
        let provider = space.provider;
        let request = self.request(space)?;
        let mode = space.mode.get_untracked();
        let keys = space.keys_for(mode).get_untracked();
        Ok(Box::new(delivery::ToSign { provider, request, keys, mode, origin: browser::origin(), anyway }))
    }

    /// The preview of `space`'s request as it is now: `(request, curl, errors overridden)`, once
    /// the signing code is loaded. The caller tracks what it depends on.
    pub fn preview(self, space: ProviderPage) -> impl Future<Output = Result<(String, String, bool), NotSent>> + use<> {
        let anyway = space.checked.with_untracked(FormReport::has_errors);
        let job = self.job(space, anyway);
        async move {
            let signing = lazy::sign(job?).await?;
            Ok((signing.preview, signing.curl, anyway))
        }
    }

    /// Submits `provider`'s form: with errors (unless `anyway`), shows the error summary and
    /// focuses it; without keys, says so; otherwise loads the code that sends (the first time)
    /// and delivers it ([`delivery::deliver`]).
    pub fn submit(self, provider: Provider, anyway: bool) {
        let space = self.space(provider);
        if space.sending.get_untracked() {
            return;
        }
        if !anyway && space.checked.with_untracked(FormReport::has_errors) {
            space.submitted.set(true);
            browser::focus_later("error-summary".to_owned());
            return;
        }
        let mode = space.mode.get_untracked();
        if !space.keys_for(mode).with_untracked(Keys::is_complete) {
            space.outcome.set(Some(Outcome::NotSent(NotSent::NoKeys)));
            browser::focus_answer();
            return;
        }
        let job = self.job(space, anyway);
        // Sending from here on: a second click waits, also while the code that sends loads.
        space.sending.set(true);
        leptos::task::spawn_local(async move {
            let loaded = match job {
                Ok(job) => lazy::submit(Box::new(lazy::Submission { page: self.page(space), job })).await,
                Err(e) => Err(e),
            };
            match loaded {
                Ok(delivery) => delivery.await,
                Err(e) => {
                    space.sending.set(false);
                    space.outcome.set(Some(Outcome::NotSent(e)));
                    browser::focus_answer();
                }
            }
        });
    }
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

impl ProviderPage {
    fn new(provider: Provider, lang: RwSignal<Lang>, draft: &Draft, remembered: &Remembered) -> Self {
        let stored = draft.form(provider);
        let source = RwSignal::new(model::chosen_source(provider, &stored));
        let form = RwSignal::new(stored);
        let shown_source = move || model::sources(provider).get(source.get()).copied();
        ProviderPage {
            provider,
            form,
            touched: RwSignal::new(Touched::new()),
            submitted: RwSignal::new(false),
            mode: RwSignal::new(draft.endpoint(provider)),
            keys: RwSignal::new(remembered.keys(provider).unwrap_or_default()),
            sandbox_keys: RwSignal::new(Keys::sandbox(provider)),
            source,
            sending: RwSignal::new(false),
            outcome: RwSignal::new(None),
            follow: RwSignal::new(None),
            retry: StoredValue::new(None),
            attempt: StoredValue::new(0),
            checked: Memo::new(move |_| form.with(|f| FormReport::new(provider, f, lang.get(), shown_source()))),
        }
    }

    /// The user typed `text` into `slot`.
    pub fn edit(self, slot: Slot, text: &str) {
        self.form.update(|f| f.set(slot, text));
        self.touch(slot);
    }

    /// The user left `slot` (or acted on it).
    pub fn touch(self, slot: Slot) {
        if !self.touched.with_untracked(|t| t.contains(&slot)) {
            self.touched.update(|t| {
                t.insert(slot);
            });
        }
    }

    /// The key the endpoint `mode` gets.
    pub fn keys_for(self, mode: Mode) -> RwSignal<Keys> {
        match mode {
            Mode::Sandbox => self.sandbox_keys,
            Mode::Relay | Mode::Direct => self.keys,
        }
    }

    /// Whether the user has seen an error: a field left or edited with one, or a submit attempt.
    pub fn errors_seen(self) -> bool {
        let submitted = self.submitted.get();
        self.touched.with(|t| self.checked.with(|c| c.errors().any(|f| f.visible(t, submitted))))
    }

    /// Shows source `at` of the provider's sources; what was given for the others goes, so the
    /// request carries the one the form shows.
    pub fn choose_source(self, at: usize) {
        let sources = model::sources(self.provider);
        let others = sources.iter().enumerate().filter(|&(i, _)| i != at).map(|(_, &p)| p);
        let gone: Vec<&str> =
            others.flat_map(|p| std::iter::once(p).chain(model::with_source(self.provider, p))).collect();
        self.form.update(|f| {
            for &path in &gone {
                f.set(Slot::top(path), "");
                while f.items(path) > 0 {
                    f.remove_item(path, 0);
                }
            }
        });
        self.source.set(at);
    }

    /// Adds an item to `group` (inside item `outer` of another group, if given) and focuses its
    /// first field.
    pub fn add_item(self, group: &'static str, outer: Option<usize>, max: Option<usize>) {
        let mut added = None;
        self.form.update(|f| added = f.add_item(&model::group_key(group, outer), max));
        self.touch(Slot { path: group, item: outer });
        // A list's item is a value itself.
        let first = model::children(self.provider, group).find(|r| model::is_scalar(r.ty)).map_or(group, |r| r.path);
        if let Some(item) = added {
            browser::focus_later(model::slot_id(self.provider, Slot::at(first, model::nest(outer, item))));
        }
    }

    /// Removes item `item` of `group` (inside item `outer` of another group, if given) and
    /// focuses the group.
    pub fn remove_item(self, group: &'static str, outer: Option<usize>, item: usize) {
        let key = model::group_key(group, outer);
        self.form.update(|f| f.remove_item(&key, item));
        self.touched.update(|t| {
            *t = model::touched_after_removal(t, &key, item);
            t.insert(Slot { path: group, item: outer });
        });
        browser::focus_later(model::slot_id(self.provider, Slot { path: group, item: outer }));
    }

    /// Switches the endpoint; each endpoint keeps its own key.
    pub fn set_mode(self, to: Mode) {
        self.mode.set(to);
    }
}
