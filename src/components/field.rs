//! One input, generated from its rule: a `<select>` for enumerations and booleans (not set, true
//! or false: an unticked box could not say false), each value with its word beside it; a numeric
//! text input for integers, text otherwise (a text area for long texts). Label, hint, live
//! counter, messages, `aria-invalid` and `aria-describedby` as the DOM contract says. In Sandbox
//! mode, a field that asks for a region, instance or snapshot offers the sandbox's own.

use crate::check;
use crate::components::notes::{Notes, described_by, shown};
use crate::i18n::{self, Phrase};
use crate::model::{self, Mode, Offer, Slot};
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
    let id = model::slot_id(provider, slot);
    let value = Memo::new(move |_| space.form.with(|f| f.get(slot).to_owned()));
    let shown = shown(space, id.clone());
    let auto = model::is_auto_field(provider, rule.path);
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
        let over = move || rule.length.is_some_and(|l| value.with(|v| l.unit.count(v)) > l.max);
        view! { <span id=count_id class="counter" class:counter-over=over>{count}</span> }
    });
    let required = rule.required.then(|| view! { <span class="required">" (" {text(Phrase::Required)} ")"</span> });
    let hint_view = has_hint.then(|| view! { <p id=format!("{id}-hint") class="hint">{hint_text}</p> });
    let pick = model::offer(provider, rule.path).map(|offer| sandbox_pick(space, slot, offer, &id, value));
    view! {
        <div
            class="field"
            class:field-has-error=move || shown.with(|s| s.has(Severity::Error))
            class:field-has-warning=move || shown.with(|s| s.has(Severity::Warning))
        >
            <label for=id.clone()>{label_text} {required}</label>
            <div class="control">{control} {counter}</div>
            {pick}
            {hint_view}
            <Notes id=id.clone() shown />
        </div>
    }
}

/// In Sandbox mode, once the sandbox's world is read: a list of its regions, instances or
/// snapshots, each with what it is and what CreateImage does with it; choosing one fills in
/// the field (and, for an instance or snapshot of the request, its region).
fn sandbox_pick(space: ProviderPage, slot: Slot, offer: Offer, id: &str, value: Memo<String>) -> impl IntoView + use<> {
    let store = use_store();
    let lang = store.lang;
    let provider = space.provider;
    let pick_id = format!("{id}-sandbox");
    let choices = move || {
        let l = lang.get();
        store.world.with(|w| {
            let place = w.as_ref()?.of(provider);
            let describe = |s: &crate::api::Sample| {
                let will = match &s.refusal {
                    None => Phrase::WillCreate.get(l).to_owned(),
                    Some(code) => Phrase::WillRefuse.fill(l, &[("code", code)]),
                };
                let what = s.status.as_deref().map_or_else(|| s.region.clone(), |st| format!("{st}, {}", s.region));
                let will = if s.status.is_some() { format!(": {will}") } else { String::new() };
                (s.id.clone(), format!("{} — {what}{will}", s.id), s.region.clone())
            };
            let list: Vec<(String, String, String)> = match offer {
                Offer::Regions => place.regions.iter().map(|r| (r.clone(), r.clone(), String::new())).collect(),
                Offer::Instances => place.instances.iter().map(describe).collect(),
                Offer::Snapshots => place.snapshots.iter().map(describe).collect(),
            };
            (!list.is_empty()).then_some(list)
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        let region = choices().and_then(|l| l.into_iter().find(|(v, ..)| *v == chosen)).map(|(.., r)| r);
        if let (Some(field), Some(region), None) = (model::region_field(provider), region, slot.item)
            && !region.is_empty()
        {
            space.edit(Slot::top(field), &region);
        }
        space.edit(slot, &chosen);
    };
    move || {
        if space.mode.get() != Mode::Sandbox {
            return None;
        }
        let list = choices()?;
        // Each option follows the value on its own: the list is not rebuilt under the keyboard.
        let options = list
            .into_iter()
            .map(|(v, shown, _)| {
                let is = v.clone();
                view! { <option value=v selected=move || value.with(|x| *x == is)>{shown}</option> }
            })
            .collect_view();
        let pick_id = pick_id.clone();
        Some(view! {
            <div class="sandbox-pick">
                <label for=pick_id.clone()>{text(Phrase::SandboxPick)}</label>
                <select id=pick_id on:change=on_change>
                    <option value="">{text(Phrase::SandboxPickNone)}</option>
                    {options}
                </select>
            </div>
        })
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
    let lang = store.lang;
    let on_blur = move |_: leptos::ev::FocusEvent| store.leave(space.provider, slot);
    let on_input = move |ev: leptos::ev::Event| space.edit(slot, &event_target_value(&ev));
    const BOOLEAN: &[&str] = &["true", "false"];
    let allowed = rule.allowed.or((rule.ty == ValueType::Boolean).then_some(BOOLEAN));
    if let Some(allowed) = allowed {
        // Other spellings of a value the provider also takes (Tencent 3.0's `TRUE` beside `true`)
        // are not offered twice.
        let options = allowed
            .iter()
            .enumerate()
            .filter(|&(at, v)| !allowed[..at].iter().any(|w| w.eq_ignore_ascii_case(v)))
            .map(|(_, &v)| {
                let shown = move || i18n::value_label(v, lang.get());
                view! { <option value=v selected=move || value.with(|x| x == v)>{shown}</option> }
            })
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
