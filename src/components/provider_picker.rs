//! The provider picker: a tab list (arrow keys, Home and End move between tabs), one tab per
//! product the console has a form for. A product that speaks several APIs (Tencent's API 3.0 and
//! legacy API v2) has one tab and, on it, a choice between its APIs ([`ApiChoice`]); each API
//! keeps its own provider underneath (form, draft, keys and answers).

use crate::browser;
use crate::i18n::Phrase;
use crate::store::{text, use_store};
use createimage_validator::Provider;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// The tab `provider` shows under: itself, or the first provider of its family in the product's order.
pub fn tab_of(provider: Provider) -> Provider {
    family(provider).first().copied().unwrap_or(provider)
}

/// The providers sharing `provider`'s tab, in the product's order (itself alone when it has no family).
pub fn family(provider: Provider) -> Vec<Provider> {
    match provider.console().family {
        Some(f) => Provider::ALL
            .into_iter()
            .filter(|p| p.console().form && p.console().family.is_some_and(|g| g.tab == f.tab))
            .collect(),
        None => vec![provider],
    }
}

/// The API a tab opens on: the family's default.
fn default_of(tab: Provider) -> Provider {
    let members = family(tab);
    members.iter().copied().find(|p| p.console().family.is_some_and(|f| f.default)).unwrap_or(tab)
}

/// The id of the tab `provider` shows under.
pub fn tab_id(provider: Provider) -> String {
    format!("tab-{}", tab_of(provider).as_str())
}

/// The tab's name: the product's, for a family; the provider's otherwise.
pub fn tab_name(tab: Provider) -> &'static str {
    tab.console().family.map_or(tab.display_name(), |f| f.tab)
}

/// The tabs, one per product with a form, each named by its first provider, in the product's order.
pub fn tabs() -> Vec<Provider> {
    Provider::ALL.into_iter().filter(|&p| p.console().form && tab_of(p) == p).collect()
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
    // The API last chosen on each tab, so coming back to it finds the same one.
    let last = StoredValue::new(tabs().into_iter().map(default_of).collect::<Vec<_>>());
    Effect::new(move |_| {
        let p = store.provider.get();
        last.update_value(|l| l.retain(|&q| tab_of(q) != tab_of(p)));
        last.update_value(|l| l.push(p));
    });
    let open = move |tab: Provider| {
        let to = last.with_value(|l| l.iter().copied().find(|&q| tab_of(q) == tab)).unwrap_or_else(|| default_of(tab));
        store.provider.set(to);
    };
    let tabs = tabs()
        .into_iter()
        .map(|p| {
            let selected = move || tab_of(store.provider.get()) == p;
            let on_key = move |ev: KeyboardEvent| {
                if let Some(to) = next(p, &ev.key()) {
                    ev.prevent_default();
                    open(to);
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
                    on:click=move |_| {
                        if !selected() {
                            open(p);
                        }
                    }
                    on:keydown=on_key
                >
                    {tab_name(p)}
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

/// The choice between the APIs of `provider`'s tab, when it has several.
#[component]
pub fn ApiChoice(provider: Provider) -> impl IntoView {
    let store = use_store();
    let members = family(provider);
    (members.len() > 1).then(|| {
        let radios = members
            .into_iter()
            .filter_map(|p| p.console().family.map(|f| (p, f)))
            .map(|(p, f)| {
                view! {
                    <label class="radio">
                        <input
                            type="radio"
                            name=format!("api-{}", tab_of(p).as_str())
                            data-provider=p.as_str()
                            prop:checked=move || store.provider.get() == p
                            on:change=move |_| store.provider.set(p)
                        />
                        {move || f.api.get(store.lang.get())}
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="card api-choice">
                <legend>{text(Phrase::ApiChoice)}</legend>
                <div class="radios">{radios}</div>
            </fieldset>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// One tab per product; Tencent's holds both of its APIs and opens on API 3.0.
    #[wasm_bindgen_test]
    fn tencent_has_one_tab_for_both_apis() {
        assert_eq!(tabs(), [Provider::Aliyun, Provider::Tencent, Provider::JdCloud, Provider::Zenlayer]);
        assert_eq!(family(Provider::Tencent3), [Provider::Tencent, Provider::Tencent3]);
        assert_eq!(tab_of(Provider::Tencent3), Provider::Tencent);
        assert_eq!(tab_id(Provider::Tencent3), "tab-tencent");
        assert_eq!(default_of(Provider::Tencent), Provider::Tencent3);
        assert_eq!(tab_name(Provider::Tencent), "Tencent Cloud CVM");
        assert_eq!(tab_name(Provider::Aliyun), "Alibaba Cloud ECS");
        assert_eq!(family(Provider::Zenlayer), [Provider::Zenlayer]);
        assert_eq!(next(Provider::Tencent, "ArrowRight"), Some(Provider::JdCloud));
    }
}
