//! `createimage check`: validates one request (a file or stdin) or, with `--jsonl`, one request
//! per line, and prints the report as text or as the JSON of `Report::to_json()`.

use crate::CheckArgs;
use crate::input::{self, Line, Lines, Source};
use crate::output::{self, Exit, Fail, Out};
use createimage_validator::{Lang, Options, Provider, Report, validate_json};
use serde::Serialize;
use std::io::Write;

pub fn run(args: &CheckArgs) -> Result<Exit, Fail> {
    let source = Source::new(&args.input);
    let options = Options { lang: args.lang, strict: args.strict };
    if args.jsonl { check_lines(args, &source, options) } else { check_one(args, &source, options) }
}

/// One request: input problems are exit 2, findings exit 1.
fn check_one(args: &CheckArgs, source: &Source, options: Options) -> Result<Exit, Fail> {
    let bytes = source.read_all()?;
    let report = validate(args.provider, &bytes, options).map_err(|e| Fail::Input(format!("{source}: {e}")))?;
    output::print_report(&report, args.json, args.lang)?;
    Ok(if report.valid { Exit::Clean } else { Exit::Findings })
}

/// The report for one request's bytes, or why they are not a request.
fn validate(provider: Provider, bytes: &[u8], options: Options) -> Result<Report, String> {
    let bytes = input::request_bytes(bytes)?;
    validate_json(provider, bytes, options).map_err(|e| e.to_string())
}

/// A line of `--jsonl --json` output that is not a request.
#[derive(Debug, Serialize)]
struct LineError<'a> {
    line: usize,
    error: &'a str,
}

/// One request per line, read and answered one line at a time. A line that is not a request
/// counts as invalid; the exit status is 1 if any line is invalid.
fn check_lines(args: &CheckArgs, source: &Source, options: Options) -> Result<Exit, Fail> {
    let mut lines = Lines::new(source.open()?, input::MAX_REQUEST);
    let mut out = output::stdout();
    let (mut total, mut invalid) = (0usize, 0usize);
    while let Some((number, line)) = lines.next_line().map_err(|e| source.cannot_read(&e))? {
        let result = match line {
            Line::Text(text) if text.iter().all(u8::is_ascii_whitespace) => continue,
            Line::Text(text) => validate(args.provider, text, options),
            Line::TooLong => Err(format!("longer than {} MiB; not a CreateImage request", input::MAX_REQUEST >> 20)),
        };
        total += 1;
        if !result.as_ref().is_ok_and(|r| r.valid) {
            invalid += 1;
        }
        write_line_result(&mut out, args, number, &result)?;
    }
    if !args.json {
        write_totals(&mut out, args.lang, total, invalid)?;
    }
    out.flush()?;
    Ok(if invalid == 0 { Exit::Clean } else { Exit::Findings })
}

fn write_line_result(
    out: &mut Out,
    args: &CheckArgs,
    number: usize,
    result: &Result<Report, String>,
) -> Result<(), Fail> {
    match (result, args.json) {
        (Ok(report), true) => {
            // The report's own JSON with the line number in front, so answers can be matched to
            // requests even though blank lines are skipped.
            let json = report.to_json();
            let rest = json.strip_prefix('{').unwrap_or(&json);
            writeln!(out, "{{\"line\":{number},{rest}")?;
        }
        (Ok(report), false) => output::write_report(out, &format!("line {number}: "), report, args.lang)?,
        (Err(error), true) => {
            let json = serde_json::to_string(&LineError { line: number, error }).map_err(std::io::Error::other)?;
            writeln!(out, "{json}")?;
        }
        (Err(error), false) => {
            let style = output::ERROR;
            writeln!(out, "line {number}: {style}error:{style:#} {}", output::printable(error))?;
        }
    }
    Ok(())
}

fn write_totals(out: &mut Out, lang: Lang, total: usize, invalid: usize) -> Result<(), Fail> {
    let valid = total - invalid;
    let style = if invalid == 0 { output::VALID } else { output::ERROR };
    let text = match lang {
        Lang::En => {
            format!("{total} {}: {valid} valid, {invalid} invalid", if total == 1 { "request" } else { "requests" })
        }
        Lang::Zh => format!("共 {total} 个请求：{valid} 个有效，{invalid} 个无效"),
    };
    writeln!(out, "{style}{text}{style:#}")?;
    Ok(())
}
