//! One input, generated from its rule: a `<select>` for enumerations and booleans (not set, true
//! or false: an unticked box could not say false), each value with its word beside it; a numeric
//! text input for integers, text otherwise (a text area for long texts). Label, hint, live
//! counter, messages, `aria-invalid` and `aria-describedby` as the DOM contract says.

use crate::check;
use crate::components::notes::{Notes, described_by, shown};
use crate::i18n::Phrase;
use crate::state::{self, Slot};
use crate::store::{ProviderPage, text, use_store};
use createimage_validator::meta::FieldRule;
use createimage_validator::{Severity, ValueType};
use leptos::prelude::*;

/// Texts longer than this get a text area.
const LONG_TEXT: usize = 128;

/// The field `rule` (in item `item` of its group), labelled and hinted by its rule metadata.
#[component]
pub fn Field(space: ProviderPage, rule: &'static FieldRule, #[prop(optional)] item: Option<usize>) -> impl IntoView {
    let lang = use_store().lang;
    let provider = space.provider;
    let slot = Slot { path: rule.path, item };
    let id = state::slot_id(provider, slot);
    let value = Memo::new(move |_| space.form.with(|f| f.get(slot).to_owned()));
    let shown = shown(space, id.clone());
    let auto = state::is_auto_field(provider, rule.path);
    let has_hint = !rule.hint.en.is_empty() || auto;
    let hint_text = move || {
        let l = lang.get();
        let mut h = rule.hint.get(l).to_owned();
        if auto {
            if !h.is_empty() {
                h.push(' ');
            }
            h.push_str(Phrase::AutoFilled.get(l));
        }
        h
    };
    let label_text = move || rule.label.get(lang.get());
    let described = {
        let id = id.clone();
        move || shown.with(|s| described_by(&id, has_hint, s))
    };
    let invalid = move || shown.with(|s| s.has(Severity::Error)).then_some("true");
    let control = control(space, rule, slot, id.clone(), value, Signal::derive(invalid), Signal::derive(described));
    let counter = rule.length.map(|_| {
        let count_id = format!("{id}-count");
        let count = move || value.with(|v| check::counter(provider, rule.path, v)).unwrap_or_default();
        let over =
            move || rule.length.is_some_and(|l| value.with(|v| createimage_validator::text::count(v, l.unit)) > l.max);
        view! { <span id=count_id class="counter" class:counter-over=over>{count}</span> }
    });
    let required = rule.required.then(|| view! { <span class="required">" (" {text(Phrase::Required)} ")"</span> });
    let hint_view = has_hint.then(|| view! { <p id=format!("{id}-hint") class="hint">{hint_text}</p> });
    view! {
        <div
            class="field"
            class:field-has-error=move || shown.with(|s| s.has(Severity::Error))
            class:field-has-warning=move || shown.with(|s| s.has(Severity::Warning))
        >
            <label for=id.clone()>{label_text} {required}</label>
            <div class="control">{control} {counter}</div>
            {hint_view}
            <Notes id=id.clone() shown />
        </div>
    }
}

/// The input element of `rule`.
fn control(
    space: ProviderPage,
    rule: &'static FieldRule,
    slot: Slot,
    id: String,
    value: Memo<String>,
    invalid: Signal<Option<&'static str>>,
    described: Signal<Option<String>>,
) -> AnyView {
    let store = use_store();
    let on_blur = move |_: leptos::ev::FocusEvent| store.leave(space.provider, slot);
    let on_input = move |ev: leptos::ev::Event| space.edit(slot, &event_target_value(&ev));
    const BOOLEAN: &[&str] = &["true", "false"];
    let allowed = rule.allowed.or((rule.ty == ValueType::Boolean).then_some(BOOLEAN));
    if let Some(allowed) = allowed {
        let options = allowed
            .iter()
            .map(|&v| view! { <option value=v selected=move || value.with(|x| x == v)>{v}</option> })
            .collect_view();
        return view! {
            <select id=id aria-invalid=invalid aria-describedby=described on:change=on_input on:blur=on_blur>
                <option value="" selected=move || value.with(String::is_empty)>{text(Phrase::NotSet)}</option>
                {options}
            </select>
        }
        .into_any();
    }
    match rule.ty {
        ValueType::String if rule.length.is_some_and(|l| l.max > LONG_TEXT) => view! {
            <textarea
                id=id
                rows="2"
                spellcheck="false"
                prop:value=move || value.get()
                aria-invalid=invalid
                aria-describedby=described
                on:input=on_input
                on:blur=on_blur
            ></textarea>
        }
        .into_any(),
        // Integers and one-line text: the same input, a numeric keyboard for integers and no
        // spell-check for identifiers and names.
        ValueType::Integer | ValueType::String | ValueType::Boolean | ValueType::Object | ValueType::Array => {
            let integer = rule.ty == ValueType::Integer;
            view! {
                <input
                    type="text"
                    inputmode=integer.then_some("numeric")
                    id=id
                    autocomplete="off"
                    spellcheck=(!integer).then_some("false")
                    prop:value=move || value.get()
                    aria-invalid=invalid
                    aria-describedby=described
                    on:input=on_input
                    on:blur=on_blur
                />
            }
            .into_any()
        }
    }
}
