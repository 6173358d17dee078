//! A provider's request form, in the order of the task, each part under its heading: where the
//! image comes from (the region, and the source: a visible choice where the provider has several),
//! its name and description, then the advanced settings (everything else in the rule table).
//! Submitting it (Enter, or the "Create image" button) submits the request.

use crate::check;
use crate::components::group::{laid_out, member};
use crate::i18n::Phrase;
use crate::model::{self, Mode};
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
    let (name, description) = check::name_fields(provider);
    let sources = model::sources(provider);
    let fields =
        |paths: &[&str]| paths.iter().filter_map(|p| model::rule(provider, p)).collect::<Vec<&'static FieldRule>>();
    let place = model::source_fields(provider).iter().filter(|p| !sources.contains(p)).copied().collect::<Vec<_>>();
    let first = model::source_fields(provider).iter().chain(&[name, description]).copied().collect::<Vec<_>>();
    let rest: Vec<&'static FieldRule> = model::children(provider, "")
        .filter(|r| !first.contains(&r.path) && !model::goes_with_source(provider, r.path))
        .collect();
    // The sandbox's regions, instances and snapshots, read when the form is first used.
    let want = move || {
        if space.mode.get_untracked() == Mode::Sandbox {
            store.want_world();
        }
    };
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
            on:pointerenter=move |_| want()
            on:focusin=move |_| want()
        >
            <h2 id="request-heading">{text(Phrase::RequestHeading)}</h2>
            <h3>{text(Phrase::SourceHeading)}</h3>
            {laid_out(space, fields(&place), None)}
            {(!sources.is_empty()).then(|| view! { <SourceChoice space /> })}
            <h3>{text(Phrase::NameHeading)}</h3>
            {laid_out(space, fields(&[name, description]), None)}
            <h3>{text(Phrase::AdvancedHeading)}</h3>
            {laid_out(space, rest, None)}
        </form>
    }
}

/// The provider's sources as radio buttons, and the fields of the chosen one.
#[component]
fn SourceChoice(space: ProviderPage) -> impl IntoView {
    let lang = use_store().lang;
    let provider = space.provider;
    let sources = model::sources(provider);
    let radios = sources
        .iter()
        .enumerate()
        .filter_map(|(at, path)| model::rule(provider, path).map(|rule| (at, rule)))
        .map(|(at, rule)| {
            view! {
                <label class="radio">
                    <input
                        type="radio"
                        name=format!("source-{}", provider.as_str())
                        prop:checked=move || space.source.get() == at
                        on:change=move |_| space.choose_source(at)
                    />
                    {move || rule.label.get(lang.get())}
                </label>
            }
        })
        .collect_view();
    // The chosen source's field, and the fields that go with it.
    let chosen = move || {
        let path = *sources.get(space.source.get())?;
        let fields = std::iter::once(path).chain(model::with_source(provider, path));
        Some(fields.filter_map(|p| model::rule(provider, p)).map(|rule| member(space, rule, None)).collect_view())
    };
    view! {
        <fieldset class="source-choice">
            <legend>{text(Phrase::SourceChoice)}</legend>
            <div class="radios">{radios}</div>
        </fieldset>
        {chosen}
    }
}
