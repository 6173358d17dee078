//! A provider's request form, in the order of the task: where the image comes from (the region,
//! then the sources, side by side), its name and description, then everything else in table order
//! (see [`check::rank`]). Submitting it (Enter, or the "Create image" button) submits the request.

use crate::check;
use crate::components::group::{laid_out, member};
use crate::i18n::Phrase;
use crate::state;
use crate::store::{ProviderPage, text, use_store};
use createimage_validator::meta::FieldRule;
use leptos::prelude::*;

/// The id of `space`'s `<form>`, for the submit button outside it.
pub fn form_id(space: ProviderPage) -> String {
    format!("request-{}", space.provider.as_str())
}

#[component]
pub fn RequestForm(space: ProviderPage) -> impl IntoView {
    let store = use_store();
    let provider = space.provider;
    let (deprecated, mut current): (Vec<&'static FieldRule>, Vec<&'static FieldRule>) =
        state::children(provider, "").partition(|r| state::is_deprecated(r));
    createimage_validator::order::sort_by_key(&mut current, |r| check::rank(provider, r.path));
    let fields = current.into_iter().map(|rule| member(space, rule, None)).collect_view();
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
            <h2 id="request-heading">{text(Phrase::RequestHeading)}</h2>
            {fields}
            {laid_out(space, deprecated, None)}
        </form>
    }
}
