//! An answer as the page shows it, in one language (plain data; `components::answer` lays it out).

use super::{Comparison, NotSent, Outcome};
use crate::i18n::Phrase;
use crate::model::Mode;
use createimage_validator::Lang;

/// One line of the answer: a label and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerLine {
    pub label: Phrase,
    /// The element id the DOM contract gives the value.
    pub id: Option<&'static str>,
    pub value: String,
    /// An identifier, shown as code.
    pub code: bool,
    /// With a copy button.
    pub copy: bool,
}

/// An answer as the page shows it, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerView {
    pub lead: String,
    pub lead_id: Option<&'static str>,
    pub success: bool,
    pub facts: Vec<AnswerLine>,
    /// Notes: the text, and whether it is a warning.
    pub notes: Vec<(String, bool)>,
    /// Follow the sandbox image until it is available.
    pub follow: bool,
    pub comparison: Option<Comparison>,
    pub raw: Option<String>,
}

/// What the page shows for `outcome`: `sandbox` when the emulator answered, `auto_token` when
/// the provider has a ClientToken the console fills in (a retry is then safe).
pub fn answer_view(outcome: &Outcome, sandbox: bool, auto_token: bool, lang: Lang) -> AnswerView {
    let fact = |label, id, value: String, code, copy| AnswerLine { label, id, value, code, copy };
    let mut shown = AnswerView {
        lead: String::new(),
        lead_id: None,
        success: false,
        facts: Vec::new(),
        notes: Vec::new(),
        follow: false,
        comparison: None,
        raw: None,
    };
    match outcome {
        Outcome::Created(s) => {
            shown.lead = Phrase::Created.get(lang).to_owned();
            shown.success = true;
            let image_id = s.image_id.clone().unwrap_or_default();
            shown.facts.push(fact(Phrase::ImageId, Some("result-image-id"), image_id, true, true));
            shown.facts.push(fact(Phrase::RequestId, Some("result-request-id"), s.request_id.clone(), true, true));
            if s.image_id.is_none() {
                shown.notes.push((Phrase::NoImageId.get(lang).to_owned(), false));
                if sandbox {
                    shown.notes.push((Phrase::FoundByRequestId.get(lang).to_owned(), false));
                }
            }
            shown.follow = sandbox;
            shown.raw = Some(s.raw.clone());
        }
        Outcome::Failed(f) => {
            shown.lead = Phrase::Failed.get(lang).to_owned();
            let meaning = f.meaning.map_or_else(|| Phrase::NotInCatalog.get(lang), |t| t.get(lang));
            let fix = f.fix.map_or("—", |t| t.get(lang));
            shown.facts = vec![
                fact(Phrase::ErrorCode, Some("result-error-code"), f.code.clone(), true, false),
                fact(Phrase::HttpStatus, Some("result-http-status"), f.http_status.to_string(), false, false),
                fact(Phrase::Message, Some("result-message"), f.message.clone(), false, false),
                fact(Phrase::Meaning, Some("result-meaning"), meaning.to_owned(), false, false),
                fact(Phrase::Fix, Some("result-fix"), fix.to_owned(), false, false),
            ];
            if let Some(id) = &f.request_id {
                shown.facts.push(fact(Phrase::RequestId, Some("result-request-id"), id.clone(), true, true));
            }
            if let Some(url) = &f.recommend {
                shown.facts.push(fact(Phrase::Recommend, None, url.clone(), true, false));
            }
            shown.comparison = f.string_to_sign.clone();
            shown.raw = Some(f.raw.clone());
        }
        Outcome::Unreadable { http_status, reason, raw } => {
            shown.lead = Phrase::Unreadable.get(lang).to_owned();
            shown.facts = vec![
                fact(Phrase::HttpStatus, Some("result-http-status"), http_status.to_string(), false, false),
                fact(Phrase::Message, Some("result-message"), reason.clone(), false, false),
            ];
            shown.raw = Some(raw.clone());
        }
        Outcome::Network { message, mode, host } => {
            shown.lead = Phrase::NetworkError.fill(lang, &[("host", host)]);
            shown.lead_id = Some("result-message");
            let what_to_check = match mode {
                Mode::Sandbox | Mode::Relay => Phrase::CheckServe,
                Mode::Direct => Phrase::CorsExplained,
            };
            shown.notes.push((what_to_check.get(lang).to_owned(), *mode == Mode::Direct));
            shown.facts.push(fact(Phrase::BrowserSaid, None, message.clone(), false, false));
            if auto_token {
                shown.notes.push((Phrase::RetryNote.get(lang).to_owned(), false));
            }
        }
        Outcome::NotSent(reason) => {
            let why = match reason {
                NotSent::NoKeys => Phrase::NeedKeys.get(lang).to_owned(),
                NotSent::Invalid => Phrase::FixFirst.get(lang).to_owned(),
                NotSent::Sign(message) => message.clone(),
                NotSent::NotLoaded => Phrase::NotLoaded.get(lang).to_owned(),
            };
            shown.lead = Phrase::NotSent.fill(lang, &[("reason", &why)]);
            shown.lead_id = Some("result-message");
        }
    }
    shown
}
