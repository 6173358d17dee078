//! Containers: a repeatable group (Alibaba `Tag`, `DiskDeviceMapping`; JD `dataDisks`; Tencent
//! 3.0's lists of values, `SnapshotIds`) with its items, add and remove; an object inside an item (JD `cloudDiskSpec`, `charge`); and
//! [`members`], which lays out the fields of any container from the rule table.

use crate::check;
use crate::components::field::Field;
use crate::components::notes::{Notes, described_by, shown};
use crate::i18n::Phrase;
use crate::model::{self, Slot};
use crate::store::{ProviderPage, text, use_store};
use createimage_validator::ValueType;
use createimage_validator::meta::FieldRule;
use leptos::prelude::*;

/// The fields of container `parent` in item `item` (see [`laid_out`]).
pub fn members(space: ProviderPage, parent: &'static str, item: Option<usize>) -> AnyView {
    laid_out(space, model::children(space.provider, parent).collect(), item)
}

/// `fields` in item `item`: values first, then containers, then deprecated parameters folded away.
#[inline(never)]
pub fn laid_out(space: ProviderPage, fields: Vec<&'static FieldRule>, item: Option<usize>) -> AnyView {
    let (deprecated, current): (Vec<&'static FieldRule>, Vec<&'static FieldRule>) =
        fields.into_iter().partition(|r| model::is_deprecated(r));
    let (values, containers): (Vec<_>, Vec<_>) = current.into_iter().partition(|r| model::is_scalar(r.ty));
    let values = values.into_iter().map(|rule| member(space, rule, item)).collect_view();
    let containers = containers.into_iter().map(|rule| member(space, rule, item)).collect_view();
    let deprecated = (!deprecated.is_empty()).then(|| {
        let fields = deprecated.into_iter().map(|rule| member(space, rule, item)).collect_view();
        view! {
            <details class="deprecated">
                <summary>{text(Phrase::Deprecated)}</summary>
                {fields}
            </details>
        }
    });
    view! { {values} {containers} {deprecated} }.into_any()
}

pub fn member(space: ProviderPage, rule: &'static FieldRule, item: Option<usize>) -> AnyView {
    match rule.ty {
        ValueType::Array => match item {
            Some(outer) => view! { <Group space rule outer /> }.into_any(),
            None => view! { <Group space rule /> }.into_any(),
        },
        ValueType::Object => view! { <Object space rule item /> }.into_any(),
        ValueType::String | ValueType::Integer | ValueType::Boolean => match item {
            Some(item) => view! { <Field space rule item /> }.into_any(),
            None => view! { <Field space rule /> }.into_any(),
        },
    }
}

/// The legend, hint and messages of a container.
fn heading(space: ProviderPage, rule: &'static FieldRule, id: &str) -> impl IntoView + use<> {
    let lang = use_store().lang;
    let has_hint = !rule.hint.en.is_empty();
    let hint = has_hint.then(|| {
        view! { <p id=format!("{id}-hint") class="hint">{move || rule.hint.get(lang.get())}</p> }
    });
    let shown = shown(space, id.to_owned());
    view! {
        <legend>{move || rule.label.get(lang.get())}</legend>
        {hint}
        <Notes id=id.to_owned() shown />
    }
}

/// A repeatable group (inside item `outer` of another group, if given): its items and the
/// buttons to add and remove them.
#[component]
pub fn Group(space: ProviderPage, rule: &'static FieldRule, #[prop(optional)] outer: Option<usize>) -> impl IntoView {
    let provider = space.provider;
    let lang = use_store().lang;
    let group = rule.path;
    let key = StoredValue::new(model::group_key(group, outer));
    let id = model::slot_id(provider, Slot { path: group, item: outer });
    let shown = shown(space, id.clone());
    let described = {
        let id = id.clone();
        let has_hint = !rule.hint.en.is_empty();
        move || shown.with(|s| described_by(&id, has_hint, s))
    };
    let count = Memo::new(move |_| key.with_value(|k| space.form.with(|f| f.items(k))));
    let full = move || rule.max_items.is_some_and(|m| count.get() >= m);
    let tally =
        rule.max_items.map(|max| view! { <span class="counter">{move || format!("{} / {max}", count.get())}</span> });
    view! {
        <fieldset class="group" id=id.clone() tabindex="-1" aria-describedby=described>
            {heading(space, rule, &id)}
            {move || (count.get() == 0).then(|| view! { <p class="muted">{text(Phrase::NoItems)}</p> })}
            <For each=move || 0..count.get() key=|i| *i let:item>
                <Item space rule item outer />
            </For>
            <div class="group-foot">
                <button
                    type="button"
                    class="secondary"
                    disabled=full
                    on:click=move |_| space.add_item(group, outer, rule.max_items)
                >
                    {move || check::add_label(provider, group, lang.get())}
                </button>
                {tally}
                {move || full().then(|| view! { <span class="muted">{text(Phrase::GroupFull)}</span> })}
            </div>
        </fieldset>
    }
}

/// One item of a group, numbered as the provider numbers it.
#[component]
fn Item(space: ProviderPage, rule: &'static FieldRule, item: usize, outer: Option<usize>) -> impl IntoView {
    let lang = use_store().lang;
    let group = rule.path;
    let number = model::item_number(item).to_string();
    let title = move || check::item_title(space.provider, group, lang.get(), &number);
    let remove = move || check::remove_label(space.provider, group, item, lang.get());
    view! {
        <fieldset class="item">
            <legend>{title}</legend>
            // First in the item, so messages that appear below (a field left empty) never move it.
            <div class="item-head">
                <button type="button" class="link-button remove" aria-label=remove on:click=move |_| space.remove_item(group, outer, item)>
                    {text(Phrase::RemoveItem)}
                </button>
            </div>
            {if model::is_list(rule) {
                view! { <Field space rule item /> }.into_any()
            } else {
                members(space, group, Some(model::nest(outer, item)))
            }}
        </fieldset>
    }
}

/// An object inside an item (JD `cloudDiskSpec`, `charge`).
#[component]
fn Object(space: ProviderPage, rule: &'static FieldRule, item: Option<usize>) -> impl IntoView {
    let id = model::slot_id(space.provider, Slot { path: rule.path, item });
    view! {
        <fieldset class="object" id=id.clone() tabindex="-1">
            {heading(space, rule, &id)}
            {members(space, rule.path, item)}
        </fieldset>
    }
}
