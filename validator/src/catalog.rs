//! The error catalogs: every error row of the seeds and each provider's common codes from
//! `providers.md`, as data. Codes are typed per provider ([`codes!`] makes the enum from its wire
//! spellings); a code the server sends that no table knows is kept as [`ErrorCode::Unknown`].

pub use crate::code::Code;
use crate::provider::Provider;
use serde::Serialize;

/// Text in both languages the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    pub const fn new(en: &'static str, zh: &'static str) -> Self {
        Text { en, zh }
    }

    /// Text for people only (labels, hints, meanings, fixes): kept by the `text` feature. A build
    /// that only validates (the npm package's validate module) ships none of it; verdicts and
    /// issue messages never read it.
    pub const fn human(en: &'static str, zh: &'static str) -> Self {
        Text::new(human(en), human(zh))
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// `s` with the `text` feature, `""` without (see [`Text::human`]).
pub const fn human(s: &'static str) -> &'static str {
    if cfg!(feature = "text") { s } else { "" }
}

/// The language of human-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "en-us" | "english" => Ok(Lang::En),
            "zh" | "zh-cn" | "cn" | "chinese" => Ok(Lang::Zh),
            other => Err(format!("unknown language {}: expected en or zh", crate::json::quoted(other))),
        }
    }
}

/// Declares a provider's error-code enum from its wire spellings: one line per code, in the
/// order of the source table. The enum gets `ALL`, `as_str` and `parse`.
#[macro_export]
#[doc(hidden)]
macro_rules! codes {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $wire:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $($(#[$vmeta])* $variant,)* }

        impl $name {
            /// Every code, in table order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The code exactly as the provider spells it on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)* }
            }

            /// The code for a wire spelling (exact match: `InvalidParamter.Conflict` is its own code).
            pub fn parse(wire: &str) -> Option<Self> {
                match wire { $($wire => Some($name::$variant),)* _ => None }
            }
        }
    };
}

/// A code as a server sent it: known to a catalog, or kept verbatim so it still displays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorCode {
    Known(Code),
    Unknown(String),
}

impl ErrorCode {
    pub fn parse(provider: Provider, wire: &str) -> Self {
        Code::parse(provider, wire).map_or_else(|| ErrorCode::Unknown(wire.to_owned()), ErrorCode::Known)
    }

    pub fn as_str(&self) -> &str {
        match self {
            ErrorCode::Known(c) => c.as_str(),
            ErrorCode::Unknown(s) => s,
        }
    }
}

/// One row of a provider's error table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub code: Code,
    pub http_status: u16,
    /// The provider's own message for this row, as documented (`""` where the source gives none).
    pub message: &'static str,
    pub meaning: Text,
    pub fix: Text,
    /// Where the row comes from: a seed file and section, or a section of `providers.md`.
    pub source: &'static str,
    /// False where the provider documents no code and createimage chose one (said in `explain`).
    pub documented: bool,
}

/// A catalog row without its text: what validation reads (the HTTP status and the provider's
/// message of a finding's code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub code: Code,
    pub http_status: u16,
    pub message: &'static str,
}

/// Declares a provider's catalog from one list of rows, each `doc { … }` (documented by the
/// provider) or `chosen { … }` (a code createimage chose), with named fields: `code`, `status`,
/// `message` (the provider's own, `""` where it documents none), `meaning_en`, `meaning_zh`,
/// `fix_en`, `fix_zh`, `source`. It makes `ENTRIES`, the whole rows, and `ROWS`, the same rows
/// without their text. Validation reads only `ROWS`, so a build that validates at once but explains
/// answers later (the console, whose first load leaves the text to the chunk it fetches on first
/// use) need not carry the text.
#[macro_export]
#[doc(hidden)]
macro_rules! catalog {
    (@documented doc) => { true };
    (@documented chosen) => { false };
    ($($kind:ident {
        code: $code:expr,
        status: $status:expr,
        message: $message:expr,
        meaning_en: $meaning_en:expr,
        meaning_zh: $meaning_zh:expr,
        fix_en: $fix_en:expr,
        fix_zh: $fix_zh:expr,
        source: $source:expr $(,)?
    },)*) => {
        /// Every row, in source order.
        pub static ENTRIES: &[$crate::catalog::Entry] = &[$($crate::catalog::Entry {
            code: $code,
            http_status: $status,
            message: $message,
            meaning: $crate::catalog::Text::human($meaning_en, $meaning_zh),
            fix: $crate::catalog::Text::human($fix_en, $fix_zh),
            source: $crate::catalog::human($source),
            documented: $crate::catalog!(@documented $kind),
        },)*];
        /// [`ENTRIES`] without their text, in the same order.
        pub static ROWS: &[$crate::catalog::Row] =
            &[$($crate::catalog::Row { code: $code, http_status: $status, message: $message },)*];
    };
}

/// Every catalog row of `provider`, in source order.
pub fn entries(provider: Provider) -> &'static [Entry] {
    provider.catalog()
}

/// [`entries`] without their text.
pub fn rows(provider: Provider) -> &'static [Row] {
    provider.rows()
}

/// The rows for `code` (exact spelling), best match for `message` first when one is given.
/// Several rows share a code where the seed repeats it with different messages.
pub fn lookup(provider: Provider, code: &str, message: Option<&str>) -> Vec<&'static Entry> {
    let mut rows: Vec<&Entry> = entries(provider).iter().filter(|e| e.code.as_str() == code).collect();
    if let Some(msg) = message {
        // Stable sort: rows the message matches best come first, ties keep table order.
        crate::order::sort_by_key(&mut rows, |e| std::cmp::Reverse(message_affinity(e.message, msg)));
    }
    rows
}

/// The one row a rule's finding refers to: the first row of `code` whose message contains `hint`
/// (or the first row of `code`). `None` only for a code without rows, which the table tests forbid.
pub fn entry_for(code: Code, hint: Option<&str>) -> Option<&'static Row> {
    let mut rows = rows(code.provider()).iter().filter(|e| e.code == code).peekable();
    let first = *rows.peek()?;
    Some(rows.find(|e| hint.is_none_or(|h| e.message.contains(h))).unwrap_or(first))
}

/// The known code of `provider` spelt `code`, exactly or else ignoring case.
pub fn resolve(provider: Provider, code: &str) -> Option<Code> {
    Code::parse(provider, code)
        .or_else(|| entries(provider).iter().map(|e| e.code).find(|c| c.as_str().eq_ignore_ascii_case(code)))
}

/// Known codes of `provider` closest to `code`, for "did you mean".
pub fn nearest(provider: Provider, code: &str, max: usize) -> Vec<&'static str> {
    let mut seen: Vec<&'static str> = Vec::new();
    for e in entries(provider) {
        if !seen.contains(&e.code.as_str()) {
            seen.push(e.code.as_str());
        }
    }
    // Nothing longer than any code is a typo of one; keep the edit distance bounded.
    let lower: String = code.chars().take(80).collect::<String>().to_ascii_lowercase();
    let mut scored: Vec<(usize, &'static str)> = seen
        .into_iter()
        .map(|c| {
            let lc = c.to_ascii_lowercase();
            let d = crate::suggest::distance(&lower, &lc);
            // A code that contains the query (or the reverse) is near whatever its length.
            let d = if !lower.is_empty() && (lc.contains(&lower) || lower.contains(&lc)) { d.min(1) } else { d };
            (d, c)
        })
        .collect();
    crate::order::sort(&mut scored);
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

/// Words of `query` that occur in `row`, case-insensitively; placeholders (`xx`, `%s`) match anything.
fn message_affinity(row: &str, query: &str) -> usize {
    let row = row.to_ascii_lowercase();
    query.to_ascii_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 1 && row.contains(w)).count()
}
