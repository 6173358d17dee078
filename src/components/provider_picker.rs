//! The provider picker: a tab list (arrow keys, Home and End move between tabs), one tab per
//! provider the console has a form for.

use crate::browser;
use crate::i18n::Phrase;
use crate::store::{text, use_store};
use createimage_validator::Provider;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// The id of `provider`'s tab.
pub fn tab_id(provider: Provider) -> String {
    format!("tab-{}", provider.as_str())
}

/// The providers with a tab, in the product's order.
pub fn tabs() -> Vec<Provider> {
    Provider::ALL.into_iter().filter(|p| p.console().form).collect()
}

/// The tab a key press moves to from `from`.
fn next(from: Provider, key: &str) -> Option<Provider> {
    let all = tabs();
    let at = all.iter().position(|&p| p == from)?;
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
    let tabs = tabs()
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
        <div role="tablist" class="tabs" aria-label=text(Phrase::ProviderPicker)>
            {tabs}
        </div>
    }
}
