//! The submit button ("Create image"; "Creating…" and disabled while sending; disabled-looking
//! but usable once the user has seen errors, to show the summary; not `aria-disabled`, which
//! would tell assistive technology and test tools it cannot be pressed) and, for a user who has
//! seen the errors and disagrees, "Send anyway" with its confirmation naming every rule it
//! overrides. An untouched form offers only "Create image". Pointing at or tabbing to the buttons starts
//! loading the signing code (see [`crate::lazy`]), so a click rarely waits for it.

use crate::check::FormReport;
use crate::components::form::form_id;
use crate::i18n::Phrase;
use crate::lazy;
use crate::store::{ProviderPage, text, use_store};
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn SendBar(space: ProviderPage) -> impl IntoView {
    let store = use_store();
    let provider = space.provider;
    // Errors the user has seen: an untouched form pushes no override.
    let has_errors = move || space.errors_seen();
    let dialog = NodeRef::<Dialog>::new();
    let open = move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let warm_up = move || leptos::task::spawn_local(async { _ = lazy::warm_up(()).await });
    let rules =
        move || space.checked.with(FormReport::overridden).into_iter().map(|r| view! { <li>{r}</li> }).collect_view();
    view! {
        <div class="card send-bar">
            <div class="buttons" on:pointerenter=move |_| warm_up() on:focusin=move |_| warm_up()>
                <button
                    type="submit"
                    form=form_id(space)
                    class="primary"
                    class:looks-disabled=has_errors
                    aria-describedby=move || has_errors().then_some("send-hint")
                    disabled=move || space.sending.get()
                >
                    {move || if space.sending.get() { text(Phrase::Creating)() } else { text(Phrase::Create)() }}
                </button>
                {move || {
                    (has_errors() && !space.sending.get())
                        .then(|| view! { <button type="button" class="secondary" on:click=open>{text(Phrase::SendAnyway)}</button> })
                }}
            </div>
            {move || has_errors().then(|| view! { <p id="send-hint" class="note">{text(Phrase::FixFirst)}</p> })}
        </div>
        <dialog id="send-anyway" node_ref=dialog aria-labelledby="send-anyway-title" aria-describedby="send-anyway-intro">
            <h2 id="send-anyway-title">{text(Phrase::SendAnywayTitle)}</h2>
            <p id="send-anyway-intro">{text(Phrase::SendAnywayIntro)}</p>
            <ul class="rules">{rules}</ul>
            <div class="buttons">
                <button
                    type="button"
                    class="primary danger"
                    on:click=move |_| {
                        close();
                        store.submit(provider, true);
                    }
                >
                    {text(Phrase::SendAnyway)}
                </button>
                <button type="button" class="secondary" on:click=move |_| close()>
                    {text(Phrase::Cancel)}
                </button>
            </div>
        </dialog>
    }
}
