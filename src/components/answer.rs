//! The answer to a submission (`#result`, polite live region): the image and request IDs with
//! copy buttons and, in the sandbox, the image's status until it is available; or the
//! provider's error with its catalog meaning and fix, the raw response on demand and, for
//! Alibaba's `SignatureDoesNotMatch`, our string to sign beside the server's.
//!
//! What to show is worked out as plain data ([`crate::submit::AnswerView`]); this module only lays
//! it out, with one small view per kind of line (a few generic views keep the WebAssembly small).

use crate::browser;
use crate::i18n::Phrase;
use crate::model::Mode;
use crate::store::{ProviderPage, text, use_store};
use crate::submit::{self, AnswerLine, AnswerView, Comparison};
use leptos::prelude::*;

#[component]
pub fn Answer(space: ProviderPage) -> impl IntoView {
    let lang = use_store().lang;
    let shown = Memo::new(move |_| {
        let sandbox = space.mode.with(|m| *m == Mode::Sandbox);
        let auto = crate::model::has_auto_fields(space.provider);
        space.outcome.with(|o| o.as_ref().map(|o| submit::answer_view(o, sandbox, auto, lang.get())))
    });
    let body = move || {
        if space.sending.get() {
            return view! { <p class="muted">{text(Phrase::Creating)}</p> }.into_any();
        }
        match shown.get() {
            None => view! { <p class="muted">{text(Phrase::Nothing)}</p> }.into_any(),
            Some(s) => layout(space, s).into_any(),
        }
    };
    view! {
        // Not a live region: a submission moves the focus to the answer's first line, which is
        // then read once (see `browser::focus_answer`).
        <section id="result" class="card result" aria-labelledby="result-heading">
            <h2 id="result-heading">{text(Phrase::ResultHeading)}</h2>
            {body}
        </section>
    }
}

fn layout(space: ProviderPage, s: AnswerView) -> impl IntoView {
    let AnswerView { lead, lead_id, success, facts, notes, follow, comparison, raw } = s;
    let class = if success { "lead lead-success" } else { "lead lead-error" };
    let facts = (!facts.is_empty()).then(|| {
        let rows = facts.into_iter().map(|f| fact(space, f)).collect_view();
        view! { <dl class="facts">{rows}</dl> }
    });
    let notes =
        notes.into_iter().map(|(n, warn)| view! { <p class="note" class:note-warning=warn>{n}</p> }).collect_view();
    view! {
        <p class=class id=lead_id tabindex="-1">{lead}</p>
        {facts}
        {notes}
        {follow.then(|| view! { <Status space /> })}
        {comparison.map(strings_to_sign)}
        {raw.map(|raw| view! {
            <details id="result-raw">
                <summary>{text(Phrase::RawResponse)}</summary>
                <pre class="code" tabindex="0">{raw}</pre>
            </details>
        })}
    }
}

/// One fact: label, value (as code when it is an identifier), a copy button where useful.
fn fact(space: ProviderPage, f: AnswerLine) -> impl IntoView {
    let AnswerLine { label, id, value, code, copy } = f;
    // The sandbox may find Tencent's image ID after the answer (by its request ID).
    let value = move || {
        if id == Some("result-image-id") && value.is_empty() {
            space.follow.with(|f| f.as_ref().and_then(|f| f.image_id.clone())).unwrap_or_default()
        } else {
            value.clone()
        }
    };
    let copy_value = value.clone();
    view! {
        <dt>{text(label)}</dt>
        <dd>
            {move || {
                let v = value();
                if code && !v.is_empty() {
                    view! { <code id=id>{v}</code> }.into_any()
                } else {
                    view! { <span id=id>{v}</span> }.into_any()
                }
            }}
            {copy.then(|| view! { <CopyButton value=Signal::derive(copy_value) what=label /> })}
        </dd>
    }
}

/// The sandbox image's status word and progress, until it is available.
#[component]
fn Status(space: ProviderPage) -> impl IntoView {
    let follow = move || space.follow.get();
    let status = move || follow().and_then(|f| f.status).unwrap_or_else(|| text(Phrase::Waiting)().to_owned());
    let done = move || follow().is_some_and(|f| f.available || f.lost);
    let note = move || match follow() {
        Some(f) if f.lost => text(Phrase::StatusLost)(),
        _ => text(Phrase::ImageReady)(),
    };
    let percent = move || follow().map_or(0, |f| (f.progress * 100.0).round() as u32);
    view! {
        <div class="status">
            <p>
                {text(Phrase::ImageStatus)} ": " <span id="image-status" class="status-word">{status}</span>
            </p>
            {move || {
                if done() {
                    view! { <p class="note">{note}</p> }.into_any()
                } else {
                    view! { <progress id="image-progress" max="100" prop:value=percent aria-labelledby="image-status"></progress> }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Our string to sign beside the server's, the first difference marked.
fn strings_to_sign(c: Comparison) -> impl IntoView {
    let lang = use_store().lang;
    let position = c.at.map(|at| (c.ours[..at.min(c.ours.len())].chars().count() + 1).to_string());
    let summary = move || match &position {
        None => text(Phrase::StsSame)().to_owned(),
        Some(n) => Phrase::StsDiffers.fill(lang.get(), &[("n", n)]),
    };
    view! {
        <section class="sts" aria-labelledby="sts-heading">
            <h3 id="sts-heading">{text(Phrase::StsHeading)}</h3>
            <p class="note">{summary}</p>
            <h4>{text(Phrase::StsOurs)}</h4>
            {marked("sts-ours", c.ours, c.at)}
            <h4>{text(Phrase::StsServer)}</h4>
            {marked("sts-server", c.server, c.at)}
        </section>
    }
}

/// `text` in a `<pre id>` with the character at `at` in a `<mark>` (a marked "(end)" when the text ends there).
fn marked(id: &'static str, text_: String, at: Option<usize>) -> impl IntoView {
    let (before, mark, after) = match at {
        Some(at) => {
            let (b, m, a) = submit::split_at_difference(&text_, at);
            (b.to_owned(), Some(m.to_owned()), a.to_owned())
        }
        None => (text_, None, String::new()),
    };
    let mark = mark.map(|m| {
        let end = m.is_empty();
        let shown = move || if end { text(Phrase::EndOfText)().to_owned() } else { m.clone() };
        view! { <mark class:end=end>{shown}</mark> }
    });
    view! { <pre id=id class="code" tabindex="0">{before} {mark} {after}</pre> }
}

/// A button copying `value`, saying so for a moment.
#[component]
fn CopyButton(value: Signal<String>, what: Phrase) -> impl IntoView {
    let lang = use_store().lang;
    let state = RwSignal::new(None::<bool>);
    let label = move || {
        let l = lang.get();
        Phrase::CopyLabel.fill(l, &[("what", what.get(l))])
    };
    let on_click = move |_| {
        let value = value.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = browser::copy(&value).await;
            state.set(Some(ok));
            browser::sleep(1500).await;
            state.set(None);
        });
    };
    let shown = move || match state.get() {
        None => text(Phrase::Copy)(),
        Some(true) => text(Phrase::Copied)(),
        Some(false) => text(Phrase::CopyFailed)(),
    };
    view! {
        <button type="button" class="copy" aria-label=label on:click=on_click>
            {shown}
        </button>
    }
}
