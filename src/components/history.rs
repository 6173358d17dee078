//! Every submission (time, provider, endpoint, request ID, image ID or error code), kept in local
//! storage, newest first, with a button to clear it.

use crate::browser;
use crate::i18n::{self, Phrase};
use crate::model::{self, HistoryEntry, Mode};
use crate::store::{text, use_store};
use leptos::prelude::*;

const fn mode_label(mode: Mode) -> Phrase {
    match mode {
        Mode::Sandbox => Phrase::Sandbox,
        Mode::Relay => Phrase::Relay,
        Mode::Direct => Phrase::Direct,
    }
}

#[component]
pub fn HistoryPanel() -> impl IntoView {
    let store = use_store();
    let empty = move || store.history.with(|h| h.0.is_empty());
    let rows = move || {
        let lang = store.lang.get();
        store.history.with(|h| h.0.iter().map(|e| row(e, lang)).collect_view())
    };
    view! {
        <section id="history" class="card" aria-labelledby="history-heading">
            <div class="section-head">
                <h2 id="history-heading">{text(Phrase::HistoryHeading)}</h2>
                <button type="button" class="secondary" on:click=move |_| store.clear_history()>
                    {text(Phrase::ClearHistory)}
                </button>
            </div>
            <Show when=move || !empty() fallback=move || view! { <p class="muted">{text(Phrase::HistoryEmpty)}</p> }>
                <div class="table-wrap" tabindex="0">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{text(Phrase::ColTime)}</th>
                                <th scope="col">{text(Phrase::ColProvider)}</th>
                                <th scope="col">{text(Phrase::ColEndpoint)}</th>
                                <th scope="col">{text(Phrase::ColRequestId)}</th>
                                <th scope="col">{text(Phrase::ColResult)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

fn row(e: &HistoryEntry, lang: createimage_validator::Lang) -> impl IntoView + use<> {
    let provider = model::parse_provider(&e.provider).map_or(e.provider.clone(), |p| p.display_name().to_owned());
    let failed = e.image_id.is_none() && e.error_code.is_some();
    view! {
        <tr class="history-row" class:history-failed=failed>
            <td>{browser::local_time(e.time_ms, i18n::html_lang(lang))}</td>
            <td>{provider}</td>
            <td>{mode_label(e.endpoint).get(lang)}</td>
            <td><code>{e.request_id.clone().unwrap_or_default()}</code></td>
            <td><code>{e.result().to_owned()}</code></td>
        </tr>
    }
}
