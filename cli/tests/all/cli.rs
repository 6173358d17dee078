//! Integration tests of the `createimage` binary: each runs the built executable and checks its
//! exit status, stdout and stderr.
//!
//! Modules:
//! - `usage`: `--help`, `--version`, usage errors, unknown provider and language (exit 2).
//! - `check`: one request: exit 0/1, `--json` shape, `--lang zh`, `--strict`, colour.
//! - `bad_input`: input that is not a request (exit 2, never a panic, in bounded time).
//! - `jsonl`: `check --jsonl`, human and JSON, mixed lines, stdin.
//! - `explain`: catalog rows, repeated codes, undocumented codes, unknown codes.
//! - `pipe`: a reader that closes stdout early.

use serde_json::Value;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const ZEN_VALID: &str = r#"{"instanceId":"1234567654321","imageName":"web-01"}"#;
const ZEN_WARNING: &str = r#"{"instanceId":"i","imageName":"web.01"}"#;
const TENCENT_ERROR: &str = r#"{"instanceId":"ins-1","imageName":"a_b"}"#;

/// Generous: every case here takes milliseconds; this only catches a hang or quadratic blow-up.
const TIME_LIMIT: Duration = Duration::from_secs(20);

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_createimage"));
    cmd.args(args)
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("NO_COLOR")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Runs the binary with `stdin` (written from a thread, so large inputs cannot deadlock) and
/// checks it neither panicked nor took long.
fn run_with(mut cmd: Command, stdin: Option<&[u8]>) -> Output {
    if stdin.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let started = Instant::now();
    let mut child = cmd.spawn().expect("the binary runs");
    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            // The binary may stop reading early (an error); that is not the test's concern.
            let _ = pipe.write_all(&bytes);
        })
    });
    let out = child.wait_with_output().expect("the binary finishes");
    if let Some(w) = writer {
        w.join().unwrap();
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "the binary panicked: {stderr}");
    assert!(out.status.code().is_some(), "killed by a signal: {:?}", out.status);
    assert!(started.elapsed() < TIME_LIMIT, "took {:?}", started.elapsed());
    out
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_with(command(args), stdin)
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// A fresh file under Cargo's scratch directory for integration tests.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("createimage-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}-{}-{name}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&path, contents).unwrap();
    path
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().expect("an object").keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

fn sorted(mut k: Vec<&str>) -> Vec<&str> {
    k.sort_unstable();
    k
}

/// Exit 2 with the shared stderr prefix and nothing on stdout.
fn assert_input_error(out: &Output, needle: &str) {
    let err = stderr(out);
    assert_eq!(code(out), 2, "stderr: {err}");
    assert!(err.starts_with("createimage: error: "), "stderr: {err}");
    assert!(err.contains(needle), "{needle:?} not in {err}");
    assert!(out.stdout.is_empty(), "stdout: {}", stdout(out));
}

mod usage {
    use super::*;

    #[test]
    fn help_lists_the_subcommands() {
        let out = run(&["--help"], None);
        assert_eq!(code(&out), 0);
        let text = stdout(&out);
        assert!(text.contains("check") && text.contains("explain"), "{text}");
    }

    /// The help of each command that takes `--provider` names every registered provider (a new
    /// one must not be missing from the text a user reads first).
    #[test]
    fn provider_help_names_every_provider() {
        for command in ["check", "explain", "sign"] {
            let text = stdout(&run(&[command, "--help"], None));
            for p in createimage_validator::Provider::ALL {
                assert!(text.contains(p.as_str()), "{command} --help does not name {p}:\n{text}");
            }
        }
    }

    #[test]
    fn version_prints_the_package_version() {
        let out = run(&["--version"], None);
        assert_eq!(code(&out), 0);
        assert_eq!(stdout(&out).trim(), format!("createimage {}", env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn check_help_lists_its_options() {
        let out = run(&["check", "--help"], None);
        assert_eq!(code(&out), 0);
        let text = stdout(&out);
        for opt in ["--provider", "--json", "--lang", "--strict", "--jsonl", "FILE"] {
            assert!(text.contains(opt), "{opt} missing from\n{text}");
        }
    }

    #[test]
    fn explain_help_lists_its_options() {
        let out = run(&["explain", "--help"], None);
        assert_eq!(code(&out), 0);
        let text = stdout(&out);
        for opt in ["--provider", "--message", "--json", "--lang", "CODE"] {
            assert!(text.contains(opt), "{opt} missing from\n{text}");
        }
    }

    #[test]
    fn no_arguments_is_a_usage_error() {
        assert_eq!(code(&run(&[], None)), 2);
    }

    #[test]
    fn missing_file_argument_is_a_usage_error() {
        let out = run(&["check", "--provider", "zenlayer"], None);
        assert_eq!(code(&out), 2);
        assert!(stderr(&out).starts_with("createimage: error: "), "{}", stderr(&out));
    }

    #[test]
    fn unknown_subcommand_and_option_are_usage_errors() {
        assert_eq!(code(&run(&["validate"], None)), 2);
        assert_eq!(code(&run(&["check", "--provider", "zenlayer", "--bogus", "-"], Some(ZEN_VALID.as_bytes()))), 2);
    }

    #[test]
    fn unknown_provider_lists_the_providers() {
        for sub in [&["check", "--provider", "aws", "-"][..], &["explain", "--provider", "aws", "X"][..]] {
            let out = run(sub, Some(ZEN_VALID.as_bytes()));
            assert_eq!(code(&out), 2);
            let err = stderr(&out);
            assert!(err.starts_with("createimage: error: "), "{err}");
            assert!(err.contains("aliyun, tencent, tencent3, jdcloud, zenlayer"), "{err}");
            assert!(out.stdout.is_empty());
        }
    }

    #[test]
    fn unknown_lang_is_a_usage_error() {
        let out = run(&["check", "--provider", "zenlayer", "--lang", "fr", "-"], Some(ZEN_VALID.as_bytes()));
        assert_eq!(code(&out), 2);
        assert!(stderr(&out).contains("en or zh"), "{}", stderr(&out));
        let out = run(&["explain", "--provider", "zenlayer", "--lang", "de", "INVALID_PARAMETER"], None);
        assert_eq!(code(&out), 2);
    }
}

mod check {
    use super::*;
    use createimage_validator::{Options, Provider, validate_json};

    fn check(provider: &str, extra: &[&str], request: &str) -> Output {
        let mut args = vec!["check", "--provider", provider];
        args.extend_from_slice(extra);
        args.push("-");
        run(&args, Some(request.as_bytes()))
    }

    #[test]
    fn valid_request_exits_0() {
        let out = check("zenlayer", &[], ZEN_VALID);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(stdout(&out), "valid\n");
        assert!(out.stderr.is_empty());
    }

    #[test]
    fn a_file_argument_works_like_stdin() {
        let path = temp_file("valid.json", ZEN_VALID.as_bytes());
        let out = run(&["check", "--provider", "zenlayer", path.to_str().unwrap()], None);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(stdout(&out), "valid\n");
    }

    #[test]
    fn warning_only_exits_0_and_shows_the_warning() {
        let out = check("zenlayer", &[], ZEN_WARNING);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        let line = text.lines().find(|l| l.contains("imageName: ")).expect("an issue line");
        assert!(line.starts_with("warning"), "{line}");
        assert!(line.contains("[INVALID_PARAMETER]"), "{line}");
        assert_eq!(text.lines().last(), Some("0 errors, 1 warning"));
    }

    #[test]
    fn strict_turns_a_warning_into_exit_1() {
        let out = check("zenlayer", &["--strict"], ZEN_WARNING);
        assert_eq!(code(&out), 1);
        let text = stdout(&out);
        assert!(text.lines().any(|l| l.starts_with("error") && l.contains("imageName: ")), "{text}");
        assert_eq!(text.lines().last(), Some("1 error, 0 warnings"));
    }

    #[test]
    fn error_exits_1_with_field_message_code() {
        let out = check("tencent", &[], TENCENT_ERROR);
        assert_eq!(code(&out), 1);
        let text = stdout(&out);
        let line = text.lines().next().unwrap();
        assert!(line.starts_with("error"), "{line}");
        // `field: message [code]` reads as one unit.
        let unit = line.trim_start_matches("error").trim_start();
        assert!(unit.starts_with("imageName: "), "{line}");
        assert!(unit.ends_with(" [4000]"), "{line}");
        assert_eq!(text.lines().last(), Some("1 error, 0 warnings"));
    }

    #[test]
    fn json_is_exactly_the_library_report() {
        for (provider, p, request, extra) in [
            ("zenlayer", Provider::Zenlayer, ZEN_VALID, false),
            ("zenlayer", Provider::Zenlayer, ZEN_WARNING, false),
            ("zenlayer", Provider::Zenlayer, ZEN_WARNING, true),
            ("tencent", Provider::Tencent, TENCENT_ERROR, false),
        ] {
            let flags: &[&str] = if extra { &["--json", "--strict"] } else { &["--json"] };
            let out = check(provider, flags, request);
            let expected =
                validate_json(p, request.as_bytes(), Options { strict: extra, ..Options::default() }).unwrap();
            assert_eq!(stdout(&out), format!("{}\n", expected.to_json()));
            assert_eq!(code(&out), if expected.valid { 0 } else { 1 });
        }
    }

    #[test]
    fn json_has_exactly_the_listed_keys() {
        let out = check("tencent", &["--json"], TENCENT_ERROR);
        assert_eq!(code(&out), 1);
        let text = stdout(&out);
        assert_eq!(text.lines().count(), 1, "one line: {text}");
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(keys(&v), sorted(vec!["provider", "valid", "issues"]));
        assert_eq!(v["provider"], "tencent");
        assert_eq!(v["valid"], false);
        let issue = &v["issues"][0];
        assert_eq!(keys(issue), sorted(vec!["field", "code", "severity", "httpStatus", "message", "kind"]));
        assert_eq!(issue["field"], "imageName");
        assert_eq!(issue["code"], "4000");
        assert_eq!(issue["severity"], "error");
        assert!(issue["httpStatus"].is_u64());
    }

    #[test]
    fn lang_zh_gives_chinese_messages() {
        let has_han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let out = check("tencent", &["--lang", "zh"], TENCENT_ERROR);
        assert_eq!(code(&out), 1);
        let text = stdout(&out);
        let line = text.lines().find(|l| l.contains("imageName: ")).unwrap();
        assert!(has_han(line), "{line}");
        assert!(line.ends_with("[4000]"), "{line}");

        let out = check("tencent", &["--lang", "zh", "--json"], TENCENT_ERROR);
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert!(has_han(v["issues"][0]["message"].as_str().unwrap()), "{v}");

        let en = check("tencent", &["--json"], TENCENT_ERROR);
        let v: Value = serde_json::from_str(&stdout(&en)).unwrap();
        assert!(!has_han(v["issues"][0]["message"].as_str().unwrap()), "{v}");
    }

    #[test]
    fn no_colour_when_not_a_terminal_or_no_color() {
        let out = check("tencent", &[], TENCENT_ERROR);
        assert!(!out.stdout.contains(&0x1b));
        let mut cmd = command(&["check", "--provider", "tencent", "-"]);
        cmd.env("NO_COLOR", "1");
        let out = run_with(cmd, Some(TENCENT_ERROR.as_bytes()));
        assert!(!out.stdout.contains(&0x1b));
    }

    #[test]
    fn forced_colour_keeps_field_message_code_together() {
        let mut cmd = command(&["check", "--provider", "tencent", "-"]);
        cmd.env("CLICOLOR_FORCE", "1");
        let out = run_with(cmd, Some(TENCENT_ERROR.as_bytes()));
        assert_eq!(code(&out), 1);
        let text = stdout(&out);
        assert!(text.contains('\u{1b}'), "colour was forced: {text:?}");
        let line = text.lines().next().unwrap();
        let unit = &line[line.find("imageName: ").expect("unit intact")..];
        assert!(!unit.contains('\u{1b}') && unit.ends_with(" [4000]"), "{line:?}");
    }

    #[test]
    fn control_characters_from_the_request_are_escaped_in_text() {
        let out = check("zenlayer", &[], "{\"instanceId\":\"i\",\"imageName\":\"a\\u001b[2Jb\"}");
        assert_eq!(code(&out), 1);
        assert!(!out.stdout.contains(&0x1b), "{:?}", stdout(&out));
        assert!(stdout(&out).contains("\\u{1b}"), "{:?}", stdout(&out));
    }

    #[test]
    fn a_leading_byte_order_mark_is_accepted() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(ZEN_VALID.as_bytes());
        let out = run(&["check", "--provider", "zenlayer", "-"], Some(&bytes));
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
}

mod bad_input {
    use super::*;

    fn check_stdin(bytes: &[u8]) -> Output {
        run(&["check", "--provider", "zenlayer", "-"], Some(bytes))
    }

    fn check_file(name: &str, bytes: &[u8]) -> Output {
        let path = temp_file(name, bytes);
        run(&["check", "--provider", "zenlayer", path.to_str().unwrap()], None)
    }

    #[test]
    fn a_one_megabyte_string_value_is_an_ordinary_finding() {
        let request = format!(r#"{{"instanceId":"i","imageName":"{}"}}"#, "a".repeat(1 << 20));
        let out = check_stdin(request.as_bytes());
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        assert!(stdout(&out).contains("imageName: "), "{}", &stdout(&out)[..200.min(out.stdout.len())]);
        // The value itself is not echoed back.
        assert!(out.stdout.len() < 10_000);
        let out = check_file("big.json", request.as_bytes());
        assert_eq!(code(&out), 1);
    }

    #[test]
    fn a_one_megabyte_key_is_an_ordinary_finding() {
        let request = format!(r#"{{"instanceId":"1234567654321","imageName":"web-01","{}":1}}"#, "k".repeat(1 << 20));
        let out = check_stdin(request.as_bytes());
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(out.stdout.len() < 10_000);
    }

    #[test]
    fn json_nested_ten_thousand_deep_is_exit_2() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_input_error(&check_stdin(deep.as_bytes()), "not valid JSON");
        let inside = format!(r#"{{"instanceId":{}1{}}}"#, "{\"a\":".repeat(10_000), "}".repeat(10_000));
        assert_input_error(&check_file("deep.json", inside.as_bytes()), "not valid JSON");
    }

    #[test]
    fn nesting_within_the_parser_limit_is_validated() {
        let request = format!(r#"{{"instanceId":{}1{},"imageName":"x"}}"#, "[".repeat(100), "]".repeat(100));
        let out = check_stdin(request.as_bytes());
        assert_eq!(code(&out), 1, "{}", stderr(&out));
    }

    #[test]
    fn invalid_utf8_is_exit_2() {
        assert_input_error(&check_stdin(b"{\"instanceId\":\"\xff\xfe\",\"imageName\":\"x\"}"), "UTF-8");
        assert_input_error(&check_file("latin1.json", b"{\"imageName\":\"caf\xe9\"}"), "UTF-8");
        assert_input_error(&check_stdin(b"\xc3"), "UTF-8");
    }

    #[test]
    fn an_empty_file_is_exit_2() {
        assert_input_error(&check_file("empty.json", b""), "empty");
        assert_input_error(&check_stdin(b""), "empty");
        assert_input_error(&check_stdin(b" \n\t\n"), "empty");
    }

    #[test]
    fn an_array_instead_of_an_object_is_exit_2() {
        assert_input_error(&check_stdin(format!("[{ZEN_VALID}]").as_bytes()), "must be a JSON object, not an array");
        assert_input_error(&check_stdin(b"\"web-01\""), "must be a JSON object");
        assert_input_error(&check_stdin(b"null"), "must be a JSON object");
        assert_input_error(&check_stdin(b"42"), "must be a JSON object");
    }

    #[test]
    fn text_that_is_not_json_is_exit_2() {
        assert_input_error(&check_stdin(b"instanceId=i&imageName=x"), "not valid JSON");
        assert_input_error(&check_stdin(b"{\"instanceId\":\"i\""), "not valid JSON");
        assert_input_error(&check_stdin(format!("{ZEN_VALID} {ZEN_VALID}").as_bytes()), "not valid JSON");
    }

    #[test]
    fn a_missing_file_is_exit_2() {
        let out = run(&["check", "--provider", "zenlayer", "/nonexistent/createimage/request.json"], None);
        assert_input_error(&out, "cannot read /nonexistent/createimage/request.json");
        let out = run(&["check", "--provider", "zenlayer", "--jsonl", "/nonexistent/requests.jsonl"], None);
        assert_input_error(&out, "cannot read");
    }

    #[test]
    fn a_directory_is_exit_2() {
        let out = run(&["check", "--provider", "zenlayer", env!("CARGO_TARGET_TMPDIR")], None);
        assert_input_error(&out, "cannot read");
    }

    #[test]
    fn an_unknown_provider_is_exit_2_before_reading() {
        let out = run(&["check", "--provider", "azure", "/nonexistent/file"], None);
        assert_input_error(&out, "unknown provider");
    }
}

mod jsonl {
    use super::*;

    fn mixed() -> Vec<u8> {
        let mut s = String::new();
        s.push_str(ZEN_VALID); // line 1: valid
        s.push_str("\n\n"); // line 2: blank, skipped
        s.push_str(ZEN_WARNING); // line 3: warning only
        s.push_str("\r\nnot json\n"); // line 4: not JSON
        s.push_str("[1,2]\n"); // line 5: not an object
        s.push_str(r#"{"instanceId":"i","imageName":"a_b_c_d_e_f_g_h_i_j_k_l_m_n"}"#); // line 6: too long
        s.push_str("\n   \n"); // line 7: blank
        let mut bytes = s.into_bytes();
        bytes.extend_from_slice(b"{\"instanceId\":\"\xff\"}\n"); // line 8: not UTF-8
        bytes
    }

    #[test]
    fn mixed_lines_human() {
        let path = temp_file("mixed.jsonl", &mixed());
        let out = run(&["check", "--provider", "zenlayer", "--jsonl", path.to_str().unwrap()], None);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let text = stdout(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.contains(&"line 1: valid"), "{text}");
        assert!(!text.contains("line 2:") && !text.contains("line 7:"), "blank lines are skipped: {text}");
        assert!(lines.iter().any(|l| l.starts_with("line 3: warning") && l.contains("imageName: ")), "{text}");
        assert!(lines.iter().any(|l| l.starts_with("line 4: error: not valid JSON")), "{text}");
        assert!(lines.iter().any(|l| l.starts_with("line 5: error: ") && l.contains("object")), "{text}");
        assert!(lines.iter().any(|l| l.starts_with("line 6: error") && l.contains("imageName: ")), "{text}");
        assert!(lines.iter().any(|l| l.starts_with("line 8: error: ") && l.contains("UTF-8")), "{text}");
        assert_eq!(lines.last(), Some(&"6 requests: 2 valid, 4 invalid"));
        assert!(out.stderr.is_empty(), "{}", stderr(&out));
    }

    #[test]
    fn mixed_lines_json() {
        let out = run(&["check", "--provider", "zenlayer", "--jsonl", "--json", "-"], Some(&mixed()));
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let rows: Vec<Value> =
            stdout(&out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
        let numbers: Vec<u64> = rows.iter().map(|r| r["line"].as_u64().unwrap()).collect();
        assert_eq!(numbers, [1, 3, 4, 5, 6, 8]);
        for row in &rows {
            match row["line"].as_u64().unwrap() {
                1 | 3 | 6 => {
                    assert_eq!(keys(row), sorted(vec!["line", "provider", "valid", "issues"]));
                    assert_eq!(row["provider"], "zenlayer");
                }
                _ => {
                    assert_eq!(keys(row), sorted(vec!["line", "error"]));
                    assert!(row["error"].is_string());
                }
            }
        }
        assert_eq!(rows[0]["valid"], true);
        assert_eq!(rows[1]["valid"], true);
        assert_eq!(rows[1]["issues"][0]["severity"], "warning");
        assert_eq!(rows[4]["valid"], false);
        assert!(rows[5]["error"].as_str().unwrap().contains("UTF-8"));
    }

    #[test]
    fn json_report_lines_carry_the_library_report() {
        let out = run(&["check", "--provider", "tencent", "--jsonl", "--json", "-"], Some(TENCENT_ERROR.as_bytes()));
        assert_eq!(code(&out), 1);
        let report = createimage_validator::validate_json(
            createimage_validator::Provider::Tencent,
            TENCENT_ERROR.as_bytes(),
            Default::default(),
        )
        .unwrap();
        let mut expected: Value = serde_json::from_str(&report.to_json()).unwrap();
        expected.as_object_mut().unwrap().insert("line".into(), 1.into());
        let got: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(got, expected);
    }

    #[test]
    fn all_valid_lines_exit_0() {
        let input = format!("{ZEN_VALID}\n{ZEN_WARNING}\n\n{ZEN_VALID}");
        let out = run(&["check", "--provider", "zenlayer", "--jsonl", "-"], Some(input.as_bytes()));
        assert_eq!(code(&out), 0, "{}", stdout(&out));
        assert_eq!(stdout(&out).lines().last(), Some("3 requests: 3 valid, 0 invalid"));
    }

    #[test]
    fn strict_applies_to_every_line() {
        let input = format!("{ZEN_VALID}\n{ZEN_WARNING}\n");
        let out = run(&["check", "--provider", "zenlayer", "--jsonl", "--strict", "-"], Some(input.as_bytes()));
        assert_eq!(code(&out), 1);
    }

    #[test]
    fn an_empty_input_has_no_requests() {
        let out = run(&["check", "--provider", "zenlayer", "--jsonl", "-"], Some(b""));
        assert_eq!(code(&out), 0);
        let out = run(&["check", "--provider", "zenlayer", "--jsonl", "--json", "-"], Some(b"\n\n"));
        assert_eq!(code(&out), 0);
        assert!(out.stdout.is_empty());
    }

    #[test]
    fn bad_lines_do_not_stop_the_rest() {
        let mut input = format!("{}{}\n", "[".repeat(10_000), "]".repeat(10_000)).into_bytes();
        input.extend_from_slice(format!(r#"{{"instanceId":"i","imageName":"{}"}}"#, "a".repeat(1 << 20)).as_bytes());
        input.extend_from_slice(b"\n");
        input.extend_from_slice(ZEN_VALID.as_bytes());
        let out = run(&["check", "--provider", "zenlayer", "--jsonl", "--json", "-"], Some(&input));
        assert_eq!(code(&out), 1);
        let rows: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(rows.len(), 3);
        assert!(rows[0]["error"].as_str().unwrap().contains("not valid JSON"));
        assert_eq!(rows[1]["valid"], false);
        assert_eq!(rows[2]["valid"], true);
    }

    #[test]
    fn many_lines_stream() {
        let input = format!("{ZEN_VALID}\n").repeat(5_000);
        let out = run(&["check", "--provider", "zenlayer", "--jsonl", "--json", "-"], Some(input.as_bytes()));
        assert_eq!(code(&out), 0);
        assert_eq!(stdout(&out).lines().count(), 5_000);
    }
}

mod explain {
    use super::*;

    fn explain(args: &[&str]) -> Output {
        let mut all = vec!["explain"];
        all.extend_from_slice(args);
        run(&all, None)
    }

    #[test]
    fn a_known_code_shows_its_row() {
        let out = explain(&["--provider", "aliyun", "InvalidImageName.Malformed"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.starts_with("InvalidImageName.Malformed  HTTP 400"), "{text}");
        assert!(text.contains("The specified Image name is wrongly formed."), "{text}");
        for label in ["message:", "meaning:", "fix:", "source:"] {
            assert!(text.contains(label), "{label} missing from {text}");
        }
    }

    #[test]
    fn json_has_exactly_the_listed_keys() {
        let out = explain(&["--provider", "aliyun", "InvalidImageName.Malformed", "--json"]);
        assert_eq!(code(&out), 0);
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(keys(&v), sorted(vec!["provider", "code", "entries"]));
        assert_eq!(v["provider"], "aliyun");
        assert_eq!(v["code"], "InvalidImageName.Malformed");
        let entries = v["entries"].as_array().unwrap();
        assert!(!entries.is_empty());
        for e in entries {
            assert_eq!(
                keys(e),
                sorted(vec!["code", "httpStatus", "message", "meaning", "fix", "source", "documented"])
            );
            assert_eq!(keys(&e["meaning"]), ["en", "zh"]);
            assert_eq!(keys(&e["fix"]), ["en", "zh"]);
            assert_eq!(e["documented"], true);
        }
    }

    #[test]
    fn a_repeated_code_puts_the_best_message_match_first() {
        let args = ["--provider", "aliyun", "OperationDenied", "--message", "two or more system disk"];
        let out = explain(&[&args[..], &["--json"]].concat());
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let entries = v["entries"].as_array().unwrap();
        assert!(entries.len() > 1, "OperationDenied repeats: {v}");
        assert_eq!(entries[0]["httpStatus"], 400);
        assert!(entries[0]["message"].as_str().unwrap().contains("two or more system disk snapshots"), "{v}");

        let text = stdout(&explain(&args));
        let first = text.lines().next().unwrap();
        assert!(first.starts_with("OperationDenied  HTTP 400"), "{first}");
        assert!(text.lines().nth(1).unwrap().contains("two or more system disk snapshots"), "{text}");
    }

    #[test]
    fn without_a_message_every_row_is_listed() {
        let out = explain(&["--provider", "aliyun", "OperationDenied", "--json"]);
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let statuses: Vec<u64> =
            v["entries"].as_array().unwrap().iter().map(|e| e["httpStatus"].as_u64().unwrap()).collect();
        assert!(statuses.contains(&400) && statuses.contains(&403), "{statuses:?}");
    }

    #[test]
    fn an_undocumented_code_says_so() {
        let out = explain(&["--provider", "zenlayer", "INVALID_PARAMETER"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("documents no such code") && text.contains("createimage chose it"), "{text}");

        let out = explain(&["--provider", "zenlayer", "INVALID_PARAMETER", "--json"]);
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["entries"][0]["documented"], false);

        let out = explain(&["--provider", "zenlayer", "INVALID_PARAMETER", "--lang", "zh"]);
        assert!(stdout(&out).contains("文档中没有这个错误码"), "{}", stdout(&out));
    }

    #[test]
    fn a_documented_code_has_no_such_note() {
        let out = explain(&["--provider", "zenlayer", "INVALID_INSTANCE_NOT_FOUND"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(!stdout(&out).contains("documents no such code"));
    }

    #[test]
    fn lang_zh_shows_the_chinese_meaning() {
        let out = explain(&["--provider", "zenlayer", "LIMIT_EXCEEDED_IMAGE_QUOTA", "--lang", "zh"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("含义") && text.contains("镜像配额"), "{text}");
        // The provider's own message stays as documented.
        assert!(text.contains("Quantity of images exceeds the upper limit."), "{text}");
    }

    #[test]
    fn an_unknown_code_exits_1_with_the_nearest() {
        let out = explain(&["--provider", "aliyun", "InvalidImageName.Malformd"]);
        assert_eq!(code(&out), 1);
        let err = stderr(&out);
        assert!(
            err.contains(r#"unknown code "InvalidImageName.Malformd" for aliyun; nearest: InvalidImageName.Malformed"#),
            "{err}"
        );
        assert!(out.stdout.is_empty());

        let out = explain(&["--provider", "aliyun", "InvalidImageName.Malformd", "--json"]);
        assert_eq!(code(&out), 1);
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["entries"].as_array().unwrap().len(), 0);
        assert_eq!(v["nearest"][0], "InvalidImageName.Malformed");
    }

    #[test]
    fn codes_are_matched_exactly_then_ignoring_case() {
        let out = explain(&["--provider", "aliyun", "invalidimagename.malformed", "--json"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["code"], "InvalidImageName.Malformed");

        let out = explain(&["--provider", "zenlayer", "invalid_parameter"]);
        assert_eq!(code(&out), 0);
        assert!(stdout(&out).starts_with("INVALID_PARAMETER"));
        assert!(stderr(&out).contains("showing INVALID_PARAMETER"), "{}", stderr(&out));
    }

    #[test]
    fn codes_are_per_provider() {
        let out = explain(&["--provider", "tencent", "InvalidImageName.Malformed"]);
        assert_eq!(code(&out), 1);
        assert!(stderr(&out).contains("for tencent"));
    }

    #[test]
    fn a_huge_or_strange_code_is_answered_quickly() {
        let long = "X".repeat(100_000);
        let out = explain(&["--provider", "aliyun", &long]);
        assert_eq!(code(&out), 1);
        let out = explain(&["--provider", "aliyun", "\u{1b}[2J"]);
        assert_eq!(code(&out), 1);
        assert!(!out.stderr.contains(&0x1b), "{:?}", stderr(&out));
        let out = explain(&["--provider", "aliyun", ""]);
        assert_eq!(code(&out), 1);
    }
}

mod pipe {
    use super::*;

    /// Reads one line of stdout, then closes it while the binary is still writing.
    fn close_early(args: &[&str]) -> (Output, String) {
        let mut child: Child = command(args).spawn().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        let n = stdout.read(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        (out, String::from_utf8_lossy(&first[..n]).into_owned())
    }

    #[test]
    fn a_closed_stdout_is_not_a_panic() {
        let input = format!("{ZEN_WARNING}\n").repeat(50_000);
        let path = temp_file("many.jsonl", input.as_bytes());
        for json in [false, true] {
            let mut args = vec!["check", "--provider", "zenlayer", "--jsonl", path.to_str().unwrap()];
            if json {
                args.push("--json");
            }
            let (out, first) = close_early(&args);
            assert!(first.starts_with(if json { "{\"line\":1" } else { "line 1:" }), "{first}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("panicked"), "{err}");
            assert!(err.is_empty(), "a broken pipe is quiet: {err}");
            assert_eq!(out.status.code(), Some(0));
        }
    }
}
