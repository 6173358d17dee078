//! Everything the command writes: exit codes, the failure type and how failures are reported
//! on stderr (`createimage: error: …`), colour styles, and the human rendering of issues and
//! summaries. Colour goes through anstream, so it appears on a terminal only and honours
//! `NO_COLOR` / `CLICOLOR_FORCE`. A closed stdout (`| head -1`) ends the command quietly.

use anstyle::{AnsiColor, Style};
use createimage_validator::{Issue, Lang, Report, Severity};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

/// The exit status of a command that ran to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: no error (warnings allowed), or the code is known.
    Clean,
    /// 1: errors found, a JSON Lines line is invalid, or the code is unknown.
    Findings,
    /// 2: a usage error or input that is not a request.
    Usage,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        match e {
            Exit::Clean => ExitCode::SUCCESS,
            Exit::Findings => ExitCode::from(1),
            Exit::Usage => ExitCode::from(2),
        }
    }
}

/// Why a command stopped early.
#[derive(Debug)]
pub enum Fail {
    /// Unreadable or unusable input: the message is printed and the exit status is 2.
    Input(String),
    /// Writing stdout failed. A broken pipe ends the command quietly.
    Output(io::Error),
}

/// Write errors are the only `io::Error`s that convert implicitly; reads map theirs to
/// [`Fail::Input`] by hand, with the file name.
impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        Fail::Output(e)
    }
}

/// Reports `fail` on stderr (unless stdout was merely closed) and gives its exit status.
pub fn report_failure(fail: Fail) -> Exit {
    match fail {
        Fail::Input(msg) => {
            error(&msg);
            Exit::Usage
        }
        // The reader went away (`| head -1`): nothing to say, and nobody to say it to.
        Fail::Output(e) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Clean,
        Fail::Output(e) => {
            error(&format!("cannot write output: {e}"));
            Exit::Usage
        }
    }
}

/// Prints `createimage: error: msg` on stderr. Never panics, even if stderr is closed.
pub fn error(msg: &str) {
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "createimage: {ERROR}error:{ERROR:#} {}", printable(msg));
}

/// Prints `createimage: note: msg` on stderr.
pub fn note(msg: &str) {
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "createimage: {NOTE}note:{NOTE:#} {}", printable(msg));
}

/// Stdout, locked, stripping colour unless it is a terminal that wants it.
pub type Out = anstream::AutoStream<io::StdoutLock<'static>>;

pub fn stdout() -> Out {
    anstream::stdout().lock()
}

pub const ERROR: Style = AnsiColor::Red.on_default().bold();
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
pub const VALID: Style = AnsiColor::Green.on_default().bold();
pub const NOTE: Style = AnsiColor::Cyan.on_default().bold();
pub const DIM: Style = Style::new().dimmed();
pub const LABEL: Style = Style::new().bold();

/// `s` with control characters (an ESC in a request value, say) shown escaped, so that text
/// taken from the input cannot drive the terminal.
pub fn printable(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

fn severity_label(severity: Severity, lang: Lang) -> (&'static str, Style) {
    match (severity, lang) {
        (Severity::Error, Lang::En) => ("error  ", ERROR),
        (Severity::Warning, Lang::En) => ("warning", WARNING),
        (Severity::Error, Lang::Zh) => ("错误", ERROR),
        (Severity::Warning, Lang::Zh) => ("警告", WARNING),
    }
}

/// One issue as `severity  field: message [code]`, after `prefix` (`line N: ` in JSON Lines).
pub fn write_issue(out: &mut impl Write, prefix: &str, issue: &Issue, lang: Lang) -> io::Result<()> {
    let (label, style) = severity_label(issue.severity, lang);
    // Only the label is styled: `field: message [code]` stays one uninterrupted run of text.
    writeln!(
        out,
        "{prefix}{style}{label}{style:#}  {}: {} [{}]",
        printable(&issue.field),
        printable(&issue.message),
        issue.code
    )
}

/// The summary line: `valid`, or `N errors, M warnings`.
pub fn summary(report: &Report, lang: Lang) -> (String, Style) {
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    if report.issues.is_empty() {
        let text = match lang {
            Lang::En => "valid",
            Lang::Zh => "有效",
        };
        return (text.to_owned(), VALID);
    }
    let text = match lang {
        Lang::En => format!("{} {}, {} {}", errors, plural(errors, "error"), warnings, plural(warnings, "warning")),
        Lang::Zh => format!("{errors} 个错误，{warnings} 个警告"),
    };
    let style = if report.valid { WARNING } else { ERROR };
    (text, style)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { word.to_owned() } else { format!("{word}s") }
}

/// A whole report in human form: its issues, then the summary line.
/// A report on stdout as `check` prints it: one JSON line with `json`, the human lines otherwise.
pub fn print_report(report: &Report, json: bool, lang: Lang) -> io::Result<()> {
    let mut out = stdout();
    if json {
        writeln!(out, "{}", report.to_json())?;
    } else {
        write_report(&mut out, "", report, lang)?;
    }
    out.flush()
}

pub fn write_report(out: &mut impl Write, prefix: &str, report: &Report, lang: Lang) -> io::Result<()> {
    for issue in &report.issues {
        write_issue(out, prefix, issue, lang)?;
    }
    let (text, style) = summary(report, lang);
    writeln!(out, "{prefix}{style}{text}{style:#}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_escapes_control_characters() {
        assert_eq!(printable("a\u{1b}[31mb\n"), "a\\u{1b}[31mb\\u{a}");
        assert_eq!(printable("中文 ok"), "中文 ok");
    }

    #[test]
    fn plural_is_english() {
        assert_eq!(plural(1, "error"), "error");
        assert_eq!(plural(0, "error"), "errors");
        assert_eq!(plural(2, "warning"), "warnings");
    }
}
