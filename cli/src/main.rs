//! The `createimage` command line: parses the arguments with clap, dispatches to `check`,
//! `explain`, `sign` or `serve`, and turns the outcome into an exit code (0 clean, 1 findings, 2 usage
//! or input error).
//!
//! Modules:
//! - [`check`]: `createimage check` (one request, or JSON Lines).
//! - [`explain`]: `createimage explain` (catalog rows for an error code).
//! - [`input`]: reading the request bytes (file or stdin), size caps, UTF-8 checks, line reading.
//! - [`output`]: styles, the human rendering shared by the commands, output errors and exit codes.
//! - [`sign`]: `createimage sign` (a checked request, signed, as text, JSON or curl).
//! - [`serve`]: `createimage serve` (the console, the providers' emulator and the relay on one port).

mod check;
mod explain;
mod input;
mod output;
mod serve;
mod sign;

use clap::{Args, Parser, Subcommand};
use createimage_validator::{Lang, Provider};
use std::ffi::OsString;
use std::io::Write as _;
use std::process::ExitCode;

use output::Exit;

/// Validate CreateImage requests of Alibaba ECS, Tencent CVM, JD Cloud VM and Zenlayer VM offline,
/// and explain the error codes those APIs answer with.
#[derive(Debug, Parser)]
#[command(name = "createimage", version, about, long_about = None, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a CreateImage request (a JSON object) against the provider's documented rules.
    ///
    /// Exit status: 0 when there is no error (warnings allowed), 1 when there are errors,
    /// 2 for a usage error or input that is not a JSON object.
    Check(CheckArgs),
    /// Show what an error code of a provider means and how to fix it.
    ///
    /// Exit status: 0 when the code is known, 1 when it is not (the nearest codes are listed),
    /// 2 for a usage error.
    Explain(ExplainArgs),
    /// Check a request, then sign it for its provider and print the HTTP request (text, --json or --curl).
    ///
    /// Exit status: 0 when signed, 1 when the request has errors (the report is printed as `check`
    /// prints it), 2 for a usage error, unreadable input or a request that cannot be signed.
    Sign(sign::SignArgs),
    /// Serve the console, an emulator of the four providers' CreateImage APIs (each at its own
    /// path, so their SDKs work against it unchanged) and a relay to the real provider hosts.
    Serve(serve::ServeArgs),
}

/// Options of `createimage check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Cloud provider: aliyun, tencent (legacy API v2), tencent3 (API 3.0), jdcloud or zenlayer.
    #[arg(long, short = 'p', value_name = "PROVIDER", value_parser = parse_provider)]
    pub provider: Provider,
    /// Print the report as one line of JSON.
    #[arg(long)]
    pub json: bool,
    /// Language of the messages: en or zh.
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_lang)]
    pub lang: Lang,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// Read one request per line (JSON Lines); blank lines are skipped.
    #[arg(long)]
    pub jsonl: bool,
    /// The request file, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    pub input: OsString,
}

/// Options of `createimage explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Cloud provider: aliyun, tencent (legacy API v2), tencent3 (API 3.0), jdcloud or zenlayer.
    #[arg(long, short = 'p', value_name = "PROVIDER", value_parser = parse_provider)]
    pub provider: Provider,
    /// The error code, as the provider spells it (e.g. InvalidImageName.Malformed).
    #[arg(value_name = "CODE")]
    pub code: String,
    /// The error message the server sent: rows whose message matches it best come first.
    #[arg(long, short = 'm', value_name = "TEXT")]
    pub message: Option<String>,
    /// Print the rows as one line of JSON.
    #[arg(long)]
    pub json: bool,
    /// Language of the meaning and fix: en or zh.
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_lang)]
    pub lang: Lang,
}

fn parse_provider(s: &str) -> Result<Provider, String> {
    s.parse::<Provider>().map_err(|e| e.to_string())
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>()
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Sign(args) => sign::run(&args),
        Command::Serve(args) => {
            return match serve::run(&args) {
                Ok(()) => Exit::Clean.into(),
                Err(e) => {
                    output::error(&e);
                    Exit::Usage.into()
                }
            };
        }
    };
    match result {
        Ok(exit) => exit.into(),
        Err(fail) => output::report_failure(fail).into(),
    }
}

/// Help and version go to stdout with exit 0; usage errors go to stderr, prefixed like every
/// other error of the command, with exit 2.
fn clap_exit(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if !e.use_stderr() {
        // --help, --version: a closed stdout is not worth a complaint.
        let _ = e.print();
        return Exit::Clean.into();
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = e.print();
        return Exit::Usage.into();
    }
    let rendered = e.render();
    let _ = write!(anstream::stderr(), "createimage: {}", rendered.ansi());
    Exit::Usage.into()
}
