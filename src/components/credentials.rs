//! A provider's endpoint (Sandbox, Relay, Direct) and its access key: each endpoint keeps its
//! own (the sandbox's is the emulator's; a key typed for Relay or Direct never goes to the
//! emulator), kept in memory unless the user asks to remember their own. A form of its own
//! (Enter submits the request), so browsers know the password field belongs to it.

use crate::i18n::Phrase;
use crate::model::{Keys, Mode};
use crate::store::{ProviderPage, text, use_store};
use leptos::prelude::*;

const fn mode_label(mode: Mode) -> Phrase {
    match mode {
        Mode::Sandbox => Phrase::Sandbox,
        Mode::Relay => Phrase::Relay,
        Mode::Direct => Phrase::Direct,
    }
}

const fn mode_note(mode: Mode) -> Phrase {
    match mode {
        Mode::Sandbox => Phrase::SandboxNote,
        Mode::Relay => Phrase::RelayNote,
        Mode::Direct => Phrase::DirectNote,
    }
}

#[component]
pub fn Credentials(space: ProviderPage) -> impl IntoView {
    let store = use_store();
    let p = space.provider.as_str();
    let name = format!("endpoint-{p}");
    let legend_id = format!("endpoint-legend-{p}");
    let legend_for = legend_id.clone();
    let note_id = format!("endpoint-note-{p}");
    let radios = Mode::ALL
        .into_iter()
        .map(|m| {
            view! {
                <label class="radio">
                    <input
                        type="radio"
                        name=name.clone()
                        value=m.as_str()
                        prop:checked=move || space.mode.get() == m
                        aria-describedby=note_id.clone()
                        on:change=move |_| space.set_mode(m)
                    />
                    {text(mode_label(m))}
                </label>
            }
        })
        .collect_view();
    let note = move || text(mode_note(space.mode.get()))();
    let keys = move || space.keys_for(space.mode.get());
    let edit = move |f: fn(&mut Keys, String)| {
        move |ev: leptos::ev::Event| {
            space.keys_for(space.mode.get_untracked()).update(|k| f(k, event_target_value(&ev)))
        }
    };
    let key_id = format!("key-id-{p}");
    let secret_id = format!("key-secret-{p}");
    let remember_id = format!("remember-{p}");
    view! {
        <form
            class="card credentials"
            autocomplete="off"
            aria-labelledby=format!("credentials-heading-{p}")
            on:submit=move |ev| {
                ev.prevent_default();
                store.submit(space.provider, false);
            }
        >
            <h2 id=format!("credentials-heading-{p}")>{text(Phrase::CredentialsHeading)}</h2>
            <fieldset class="endpoint" role="radiogroup" aria-labelledby=legend_id.clone()>
                <legend id=legend_for>{text(Phrase::Endpoint)}</legend>
                <div class="radios">{radios}</div>
                <p
                    id=format!("endpoint-note-{p}")
                    class="note"
                    class:note-warning=move || space.mode.get() == Mode::Direct
                >
                    {note}
                </p>
            </fieldset>
            <div class="field">
                <label for=key_id.clone()>{text(Phrase::AccessKeyId)}</label>
                <input
                    type="text"
                    id=key_id
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || keys().with(|k| k.access_key_id.clone())
                    on:input=edit(|k, v| k.access_key_id = v)
                />
            </div>
            <div class="field">
                <label for=secret_id.clone()>{text(Phrase::AccessKeySecret)}</label>
                <input
                    type="password"
                    id=secret_id.clone()
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=format!("{secret_id}-hint")
                    prop:value=move || keys().with(|k| k.secret.clone())
                    on:input=edit(|k, v| k.secret = v)
                />
                <p id=format!("{secret_id}-hint") class="hint">{text(Phrase::SecretNote)}</p>
            </div>
            // Only one's own key is worth remembering: the sandbox's is built in.
            <div class="field field-checkbox" class:hidden=move || space.mode.get() == Mode::Sandbox>
                <div class="control">
                    <input
                        type="checkbox"
                        id=remember_id.clone()
                        aria-describedby=format!("{remember_id}-hint")
                        prop:checked=move || space.keys.with(|k| k.remember)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            space.keys.update(|k| k.remember = on);
                        }
                    />
                    <label for=remember_id.clone()>{text(Phrase::Remember)}</label>
                </div>
                <p id=format!("{remember_id}-hint") class="hint">{text(Phrase::RememberNote)}</p>
            </div>
        </form>
    }
}
