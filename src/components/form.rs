//! A provider's request form: every parameter of its table that is not a common one, laid out
//! by [`members`]. Submitting it (Enter, or the "Create image" button) submits the request.

use crate::components::group::members;
use crate::i18n::T;
use crate::store::{Space, text, use_store};
use leptos::prelude::*;

/// The id of `space`'s `<form>`, for the submit button outside it.
pub fn form_id(space: Space) -> String {
    format!("request-{}", space.provider.as_str())
}

#[component]
pub fn RequestForm(space: Space) -> impl IntoView {
    let store = use_store();
    let provider = space.provider;
    view! {
        <form
            id=form_id(space)
            class="card request-form"
            novalidate
            aria-labelledby="request-heading"
            on:submit=move |ev| {
                ev.prevent_default();
                store.submit(provider, false);
            }
        >
            <h2 id="request-heading">{text(T::RequestHeading)}</h2>
            {members(space, "", None)}
        </form>
    }
}
