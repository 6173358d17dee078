//! The portability check: one image name and description against all four providers at once,
//! a verdict and its reason per provider.

use crate::check;
use crate::i18n::Phrase;
use crate::model;
use crate::store::{text, use_store};
use createimage_validator::Provider;
use leptos::prelude::*;

#[component]
pub fn Portability() -> impl IntoView {
    let store = use_store();
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let rows = Memo::new(move |_| check::portability(&name.get(), &description.get(), store.lang.get()));
    let body = Provider::ALL
        .into_iter()
        .map(|p| {
            let row = move || rows.with(|r| r[model::index(p)].clone());
            view! {
                <tr data-provider=p.as_str()>
                    <th scope="row">{p.display_name()}</th>
                    <td class=move || row().verdict.class()>{move || text(row().verdict.text())()}</td>
                    <td class="reason">{move || row().reason}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section id="portability" class="card" aria-labelledby="portability-heading">
            <h2 id="portability-heading">{text(Phrase::PortabilityHeading)}</h2>
            <p class="muted">{text(Phrase::PortabilityIntro)}</p>
            <div class="portability-inputs">
                <TextInput id="portability-name" label=Phrase::PortabilityName value=name />
                <TextInput id="portability-description" label=Phrase::PortabilityDescription value=description />
            </div>
            <div class="table-wrap" tabindex="0">
                <table class="portability-table">
                    <thead>
                        <tr>
                            <th scope="col">{text(Phrase::ColProvider)}</th>
                            <th scope="col">{text(Phrase::ColVerdict)}</th>
                            <th scope="col">{text(Phrase::ColReason)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// One labelled line of text, bound to `value`.
#[component]
fn TextInput(id: &'static str, label: Phrase, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{text(label)}</label>
            <input
                type="text"
                id=id
                autocomplete="off"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
