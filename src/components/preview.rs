//! The request preview (`<details id="preview">`): what a submission would send now, signed with
//! a fresh time and nonce, the signature redacted; and the same as a curl command.

use crate::i18n::T;
use crate::store::{Space, text, use_store};
use leptos::prelude::*;

#[component]
pub fn Preview(space: Space) -> impl IntoView {
    let store = use_store();
    let content = Memo::new(move |_| {
        // Sign again whenever anything the request depends on changes, and after each answer.
        space.form.track();
        space.keys.track();
        space.mode.track();
        space.outcome.track();
        store.preview(space).ok()
    });
    let body = move || match content.get() {
        Some((request, curl, anyway)) => view! {
            <p class="note">{move || if anyway { text(T::PreviewAnyway)() } else { text(T::PreviewNote)() }}</p>
            <pre id="preview-request" class="code" tabindex="0">{request}</pre>
            <h3>{text(T::Curl)}</h3>
            <pre id="preview-curl" class="code" tabindex="0">{curl}</pre>
        }
        .into_any(),
        None => view! { <p class="muted">{text(T::PreviewNeedsKeys)}</p> }.into_any(),
    };
    view! {
        <details id="preview" class="card preview">
            <summary>{text(T::PreviewHeading)}</summary>
            {body}
        </details>
    }
}
