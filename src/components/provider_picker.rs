//! The provider picker: a tab list (arrow keys, Home and End move between tabs), one tab per
//! provider the validator knows.

use crate::browser;
use crate::i18n::T;
use crate::model;
use crate::store::{text, use_store};
use createimage_validator::Provider;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// The id of `provider`'s tab.
pub fn tab_id(provider: Provider) -> String {
    format!("tab-{}", provider.as_str())
}

/// The tab a key press moves to from `from`.
fn next(from: Provider, key: &str) -> Option<Provider> {
    let all = Provider::ALL;
    let at = model::index(from);
    match key {
        "ArrowRight" | "ArrowDown" => Some(all[(at + 1) % all.len()]),
        "ArrowLeft" | "ArrowUp" => Some(all[(at + all.len() - 1) % all.len()]),
        "Home" => Some(all[0]),
        "End" => Some(all[all.len() - 1]),
        _ => None,
    }
}

#[component]
pub fn ProviderPicker() -> impl IntoView {
    let store = use_store();
    let tabs = Provider::ALL
        .into_iter()
        .map(|p| {
            let selected = move || store.provider.get() == p;
            let on_key = move |ev: KeyboardEvent| {
                if let Some(to) = next(p, &ev.key()) {
                    ev.prevent_default();
                    store.provider.set(to);
                    browser::focus_later(tab_id(to));
                }
            };
            view! {
                <button
                    type="button"
                    role="tab"
                    class="tab"
                    id=tab_id(p)
                    data-provider=p.as_str()
                    aria-selected=move || if selected() { "true" } else { "false" }
                    aria-controls="provider-panel"
                    tabindex=move || if selected() { "0" } else { "-1" }
                    on:click=move |_| store.provider.set(p)
                    on:keydown=on_key
                >
                    {p.display_name()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div role="tablist" class="tabs" aria-label=text(T::ProviderPicker)>
            {tabs}
        </div>
    }
}
