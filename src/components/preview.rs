//! The request preview (`<details id="preview">`): what a submission would send now, signed with
//! a fresh time and nonce, the signature redacted; and the same as a curl command. It signs only
//! while open, so the signing code loads when someone first looks.

use crate::i18n::Phrase;
use crate::store::{ProviderPage, text, use_store};
use crate::submit::NotSent;
use leptos::prelude::*;

#[component]
pub fn Preview(space: ProviderPage) -> impl IntoView {
    let store = use_store();
    let open = RwSignal::new(false);
    let details = NodeRef::<leptos::html::Details>::new();
    let content = RwSignal::new(None::<Result<(String, String, bool), NotSent>>);
    // Signing is asynchronous (the first call loads the code): only the latest one is shown.
    let latest = StoredValue::new(0u32);
    Effect::new(move || {
        // Sign again whenever anything the request depends on changes, and after each answer.
        space.form.track();
        space.keys_for(space.mode.get()).track();
        space.mode.track();
        space.checked.track();
        space.outcome.track();
        let turn = latest.get_value().wrapping_add(1);
        latest.set_value(turn);
        if !open.get() {
            // Closed: nothing signed is kept on the page.
            content.set(None);
            return;
        }
        let signing = store.preview(space);
        leptos::task::spawn_local(async move {
            let result = signing.await;
            // The page may have gone meanwhile (another provider's tab): then there is no one to tell.
            if latest.try_get_value() == Some(turn) {
                content.try_set(Some(result));
            }
        });
    });
    let body = move || {
        match content.get() {
        Some(Ok((request, curl, anyway))) => view! {
            <p class="note">{move || if anyway { text(Phrase::PreviewAnyway)() } else { text(Phrase::PreviewNote)() }}</p>
            <pre id="preview-request" class="code" tabindex="0">{request}</pre>
            <h3>{text(Phrase::Curl)}</h3>
            <pre id="preview-curl" class="code" tabindex="0">{curl}</pre>
        }
        .into_any(),
        Some(Err(NotSent::NotLoaded)) => view! { <p class="muted" role="alert">{text(Phrase::NotLoaded)}</p> }.into_any(),
        Some(Err(_)) => view! { <p class="muted">{text(Phrase::PreviewNeedsKeys)}</p> }.into_any(),
        None => view! { <p class="muted">{move || open.get().then(|| text(Phrase::Signing)())}</p> }.into_any(),
    }
    };
    view! {
        <details
            id="preview"
            class="card preview"
            node_ref=details
            // Another provider's page reuses this element: it starts closed, as its signal does.
            prop:open=move || open.get()
            on:toggle=move |_| open.set(details.get_untracked().is_some_and(|d| d.open()))
        >
            <summary>{text(Phrase::PreviewHeading)}</summary>
            {body}
        </details>
    }
}
