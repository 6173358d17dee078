//! The language toggle (`#lang-toggle`): reads `中文` in English and `English` in Chinese.

use crate::i18n::Phrase;
use crate::store::{text, use_store};
use leptos::prelude::*;

#[component]
pub fn LangToggle() -> impl IntoView {
    let store = use_store();
    view! {
        <button
            type="button"
            id="lang-toggle"
            class="secondary lang-toggle"
            title=text(Phrase::LangToggleLabel)
            lang=move || if store.lang.get() == createimage_validator::Lang::En { "zh" } else { "en" }
            on:click=move |_| store.toggle_lang()
        >
            {text(Phrase::LangToggle)}
        </button>
    }
}
