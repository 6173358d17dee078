//! The messages under a field or a container: errors (`#{id}-error`, class `field-error`) and
//! warnings (`#{id}-warning`, class `field-warning`), shown once the field was touched or after
//! a submit attempt, gone as soon as the value is fixed.

use crate::check::Finding;
use crate::store::ProviderPage;
use createimage_validator::Severity;
use leptos::prelude::*;

/// The visible messages of element `id`: `(severity, sentence)`, errors first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldNotes(pub Vec<(Severity, String)>);

impl FieldNotes {
    pub fn has(&self, severity: Severity) -> bool {
        self.0.iter().any(|(s, _)| *s == severity)
    }

    fn texts(&self, severity: Severity) -> Vec<String> {
        self.0.iter().filter(|(s, _)| *s == severity).map(|(_, t)| t.clone()).collect()
    }
}

/// The messages of element `id`, as they should show now.
pub fn shown(space: ProviderPage, id: String) -> Memo<FieldNotes> {
    Memo::new(move |_| {
        let submitted = space.submitted.get();
        space.touched.with(|touched| {
            space.checked.with(|c| {
                let visible = || c.at(&id).filter(|f: &&Finding| f.visible(touched, submitted));
                // Errors first, then warnings, each in form order.
                let errors = visible().filter(|f| f.is_error());
                let warnings = visible().filter(|f| !f.is_error());
                FieldNotes(errors.chain(warnings).map(|f| (f.severity, f.sentence(c.lang))).collect())
            })
        })
    })
}

/// The ids `aria-describedby` lists: the hint when there is one, then the messages shown.
pub fn described_by(id: &str, has_hint: bool, shown: &FieldNotes) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if shown.has(Severity::Error) {
        ids.push(format!("{id}-error"));
    }
    if shown.has(Severity::Warning) {
        ids.push(format!("{id}-warning"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The error and warning paragraphs of element `id`.
#[component]
pub fn Notes(id: String, shown: Memo<FieldNotes>) -> impl IntoView {
    let part = move |severity: Severity, id: String, class: &'static str| {
        move || {
            let lines = shown.with(|s| s.texts(severity));
            (!lines.is_empty()).then(|| {
                let lines = lines.into_iter().map(|t| view! { <span class="note-line">{t}</span> }).collect_view();
                view! { <p id=id.clone() class=class>{lines}</p> }
            })
        }
    };
    view! {
        {part(Severity::Error, format!("{id}-error"), "field-error")}
        {part(Severity::Warning, format!("{id}-warning"), "field-warning")}
    }
}
