//! `createimage explain`: the catalog rows of one provider error code (best match for `--message`
//! first), as text in the chosen language or as JSON; an unknown code lists the nearest known ones.

use crate::ExplainArgs;
use crate::output::{self, DIM, Exit, Fail, LABEL, NOTE};
use createimage_validator::{Entry, Lang, Provider, catalog};
use serde::Serialize;
use std::io::Write;

/// How many near codes an unknown code lists.
const NEAREST: usize = 5;
/// Longer queries are cut before the edit-distance search: no code is this long.
const MAX_QUERY: usize = 100;

/// The `--json` answer.
#[derive(Debug, Serialize)]
struct Explanation<'a> {
    provider: Provider,
    code: &'a str,
    entries: &'a [&'static Entry],
    #[serde(skip_serializing_if = "Option::is_none")]
    nearest: Option<&'a [&'static str]>,
}

pub fn run(args: &ExplainArgs) -> Result<Exit, Fail> {
    let provider = args.provider;
    let query: String = args.code.trim().chars().take(MAX_QUERY).collect();
    let message = args.message.as_deref();

    // Exact spelling first, then the same code in another case.
    let mut code = query.as_str();
    let mut rows = catalog::lookup(provider, code, message);
    if rows.is_empty()
        && let Some(known) = catalog::resolve(provider, code).map(|c| c.as_str())
    {
        if !args.json {
            output::note(&format!("no code \"{code}\" for {provider}; showing {known}"));
        }
        code = known;
        rows = catalog::lookup(provider, code, message);
    }

    let mut out = output::stdout();
    if rows.is_empty() {
        let nearest = catalog::nearest(provider, code, NEAREST);
        if args.json {
            let answer = Explanation { provider, code, entries: &[], nearest: Some(&nearest) };
            writeln!(out, "{}", to_json(&answer)?)?;
            out.flush()?;
        }
        let mut msg = format!("unknown code {:?} for {provider}", code);
        if !nearest.is_empty() {
            msg.push_str("; nearest: ");
            msg.push_str(&nearest.join(", "));
        }
        output::error(&msg);
        return Ok(Exit::Findings);
    }

    if args.json {
        let answer = Explanation { provider, code, entries: &rows, nearest: None };
        writeln!(out, "{}", to_json(&answer)?)?;
    } else {
        for (i, entry) in rows.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            write_entry(&mut out, provider, entry, args.lang, (i + 1, rows.len()))?;
        }
    }
    out.flush()?;
    Ok(Exit::Clean)
}

fn to_json(answer: &Explanation<'_>) -> Result<String, Fail> {
    serde_json::to_string(answer).map_err(|e| Fail::Output(std::io::Error::other(e)))
}

struct Labels {
    row: &'static str,
    message: &'static str,
    none: &'static str,
    meaning: &'static str,
    fix: &'static str,
    source: &'static str,
    note: &'static str,
}

const EN: Labels = Labels {
    row: "row",
    message: "message",
    none: "(none documented)",
    meaning: "meaning",
    fix: "fix",
    source: "source",
    note: "note",
};

const ZH: Labels = Labels {
    row: "条目",
    message: "服务端消息",
    none: "（文档未给出）",
    meaning: "含义",
    fix: "处理办法",
    source: "来源",
    note: "注意",
};

fn undocumented_note(provider: Provider, lang: Lang) -> String {
    let name = provider.display_name();
    match lang {
        Lang::En => format!(
            "{name} documents no such code; createimage chose it for findings the documentation gives no code for, so the server's actual code may differ."
        ),
        Lang::Zh => format!(
            "{name} 的文档中没有这个错误码：它由 createimage 为文档未给出错误码的问题自行选定，服务端实际返回的错误码可能不同。"
        ),
    }
}

/// One catalog row: code and HTTP status, then message, meaning, fix, source, and the note for a
/// code createimage chose.
fn write_entry(
    out: &mut impl Write,
    provider: Provider,
    entry: &Entry,
    lang: Lang,
    (n, of): (usize, usize),
) -> std::io::Result<()> {
    let labels = match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    };
    write!(out, "{LABEL}{}{LABEL:#}  HTTP {}  {DIM}({}", entry.code, entry.http_status, provider.display_name())?;
    if of > 1 {
        write!(out, ", {} {n}/{of}", labels.row)?;
    }
    writeln!(out, "){DIM:#}")?;
    let message = if entry.message.is_empty() { labels.none } else { entry.message };
    let fields = [
        (labels.message, message),
        (labels.meaning, entry.meaning.get(lang)),
        (labels.fix, entry.fix.get(lang)),
        (labels.source, entry.source),
    ];
    for (label, value) in fields {
        writeln!(out, "  {LABEL}{label}:{LABEL:#} {value}")?;
    }
    if !entry.documented {
        writeln!(out, "  {NOTE}{}:{NOTE:#} {}", labels.note, undocumented_note(provider, lang))?;
    }
    Ok(())
}
