//! The error summary (the GOV.UK pattern): after a submit attempt with errors, a box at the top
//! that takes focus and links to each field in error.

use crate::browser;
use crate::i18n::Phrase;
use crate::store::{ProviderPage, text};
use leptos::prelude::*;

#[component]
pub fn ErrorSummary(space: ProviderPage) -> impl IntoView {
    let links = Memo::new(move |_| space.checked.with(|c| c.summary()));
    let shown = move || space.submitted.get() && links.with(|l| !l.is_empty());
    view! {
        <Show when=shown>
            <div
                id="error-summary"
                class="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
            >
                <h2 id="error-summary-title">{text(Phrase::SummaryHeading)}</h2>
                <ul>
                    <For
                        each=move || links.get()
                        key=|l| (l.target.clone(), l.text.clone())
                        children=move |l| {
                            let target = l.target.clone();
                            view! {
                                <li>
                                    <a
                                        href=format!("#{}", l.target)
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            browser::focus(&target);
                                        }
                                    >
                                        {l.text}
                                    </a>
                                </li>
                            }
                        }
                    />
                </ul>
            </div>
        </Show>
    }
}
