//! The error catalogs against their sources: every error row of the seeds' tables (parsed here, not
//! copied) is in the catalog with its exact code, HTTP status and message, in seed order; and the
//! invariants every provider's catalog keeps.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use createimage_validator::Provider;
use createimage_validator::catalog::{Code, Entry, entries, entry_for, lookup, nearest, rows};
use createimage_validator::providers::{aliyun, jdcloud, tencent, tencent3, zenlayer};

const SEED_000: &str = include_str!("data/seeds/000_8b145c18c1e9df01.txt");
const SEED_001: &str = include_str!("data/seeds/001_f2f3a31e1e5856ef.txt");
const SEED_002: &str = include_str!("data/seeds/002_92e1bbdaa5221ceb.txt");
const SEED_003: &str = include_str!("data/seeds/003_a264d6b2e2b93ba2.txt");
const SEED_004: &str = include_str!("data/seeds/004_2bf49e9f1a14b03b.txt");

/// One row of a seed's error table.
#[derive(Debug)]
struct SeedRow {
    status: u16,
    code: String,
    message: String,
}

/// Markdown cell text: trimmed, `**bold**` markers dropped, `\_` un-escaped.
fn cell(raw: &str) -> String {
    raw.trim().trim_matches('*').replace("\\_", "_")
}

/// The rows of the first pipe table after the line starting with `heading`, as
/// (HTTP status, code, message) — the first three columns. Header and separator rows are skipped
/// (their first cell is not a status); so are rows with an empty code (JD's `200 | | OK`).
fn error_rows(seed: &str, heading: &str) -> Vec<SeedRow> {
    let mut lines = seed.lines().skip_while(|l| !l.starts_with(heading));
    assert!(lines.next().is_some(), "heading {heading:?} not found");
    let mut rows = Vec::new();
    let mut in_table = false;
    for line in lines {
        if !line.contains('|') {
            if in_table {
                break;
            }
            continue;
        }
        in_table = true;
        let mut cells: Vec<String> = line.split('|').map(cell).collect();
        // `| a | b |` splits to ["", a, b, ""]; `a | b |` (seed 001) to [a, b, ""].
        if line.trim_start().starts_with('|') {
            cells.remove(0);
        }
        let Ok(status) = cells[0].parse::<u16>() else {
            continue;
        };
        if cells[1].is_empty() {
            assert!((200..300).contains(&status), "a row without a code must be the success row: {line}");
            continue;
        }
        rows.push(SeedRow { status, code: cells[1].clone(), message: cells[2].clone() });
    }
    rows
}

/// Asserts every row is in `provider`'s catalog with exactly that code, status and message, and
/// that the matching entries keep the seed's order. Returns the matched entries.
fn assert_rows_in_catalog(provider: Provider, seed: &str, rows: &[SeedRow]) -> Vec<&'static Entry> {
    assert!(!rows.is_empty(), "{seed}: no error rows parsed");
    let all = entries(provider);
    let mut last = None;
    let mut matched = Vec::new();
    for row in rows {
        let found = all
            .iter()
            .enumerate()
            .filter(|(_, e)| e.code.as_str() == row.code && e.http_status == row.status && e.message == row.message)
            .find(|(i, _)| last.is_none_or(|l| *i > l));
        let Some((i, e)) = found else {
            panic!("{provider}: {seed} row {row:?} is not in the catalog (in seed order)");
        };
        assert_eq!(
            Code::parse(provider, &row.code),
            Some(e.code),
            "{provider}: {seed} code {} must parse to its catalog code",
            row.code
        );
        last = Some(i);
        matched.push(e);
    }
    matched
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn aliyun_seed_002_rows_are_all_in_the_catalog() {
    let rows = error_rows(SEED_002, "## 错误码");
    let matched = assert_rows_in_catalog(Provider::Aliyun, "seed 002", &rows);
    for e in matched {
        assert!(e.source.starts_with("seed 002"), "{}: source {:?}", e.code, e.source);
    }
    // Repeated codes keep one entry per row.
    let denied = rows.iter().filter(|r| r.code == "OperationDenied").count();
    assert!(denied > 1);
    assert_eq!(
        entries(Provider::Aliyun)
            .iter()
            .filter(|e| e.code == Code::Aliyun(aliyun::Code::OperationDenied) && e.source.starts_with("seed 002"))
            .count(),
        denied
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn jdcloud_seed_004_rows_are_all_in_the_catalog() {
    let rows = error_rows(SEED_004, "## 返回码");
    let matched = assert_rows_in_catalog(Provider::JdCloud, "seed 004", &rows);
    for e in matched {
        assert!(e.source.starts_with("seed 004"), "{}: source {:?}", e.code, e.source);
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn zenlayer_seed_001_rows_are_all_in_the_catalog() {
    let rows = error_rows(SEED_001, "6. Error Codes");
    let matched = assert_rows_in_catalog(Provider::Zenlayer, "seed 001", &rows);
    for e in matched {
        assert!(e.source.starts_with("seed 001"), "{}: source {:?}", e.code, e.source);
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn zenlayer_seed_000_codes_are_in_the_catalog() {
    // Seed 000 is the Chinese edition: its messages are Chinese, the catalog keeps 001's English
    // ones, so match code and status and check the entry credits seed 000.
    let rows = error_rows(SEED_000, "## 6. 错误码");
    assert!(!rows.is_empty());
    let en = error_rows(SEED_001, "6. Error Codes");
    for row in &rows {
        assert!(
            en.iter().any(|r| r.code == row.code && r.status == row.status),
            "seed 000 row {row:?} is not in seed 001"
        );
        let e = entries(Provider::Zenlayer)
            .iter()
            .find(|e| e.code.as_str() == row.code && e.http_status == row.status)
            .unwrap_or_else(|| panic!("seed 000 row {row:?} is not in the catalog"));
        assert!(e.source.contains("seed 000"), "{}: source {:?}", e.code, e.source);
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn tencent_seed_003_has_no_error_table_so_the_catalog_is_providers_md() {
    assert!(!SEED_003.contains("Error Code |"), "seed 003 now has an error table: parse it here");
    for e in entries(Provider::Tencent) {
        assert!(e.source.starts_with("providers.md C.5"), "{}: source {:?}", e.code, e.source);
        // Legacy v2 errors arrive as HTTP 200 with code != 0.
        assert_eq!(e.http_status, 200, "{}", e.code);
        assert!(e.code.as_str().parse::<u32>().is_ok_and(|n| n != 0), "{}", e.code);
    }
}

/// Every code of each provider's enum, as catalog codes.
fn all_codes(provider: Provider) -> Vec<Code> {
    match provider {
        Provider::Aliyun => aliyun::Code::ALL.iter().map(|&c| Code::Aliyun(c)).collect(),
        Provider::Tencent => tencent::Code::ALL.iter().map(|&c| Code::Tencent(c)).collect(),
        Provider::Tencent3 => tencent3::Code::ALL.iter().map(|&c| Code::Tencent3(c)).collect(),
        Provider::JdCloud => jdcloud::Code::ALL.iter().map(|&c| Code::JdCloud(c)).collect(),
        Provider::Zenlayer => zenlayer::Code::ALL.iter().map(|&c| Code::Zenlayer(c)).collect(),
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_code_has_an_entry_and_round_trips() {
    for provider in Provider::ALL {
        for code in all_codes(provider) {
            assert_eq!(code.provider(), provider);
            assert!(entries(provider).iter().any(|e| e.code == code), "{provider}: {code} has no catalog entry");
            assert_eq!(Code::parse(provider, code.as_str()), Some(code), "{provider}: {code}");
        }
        // The per-provider enums round-trip too, and their wire spellings are unique.
        for &c in aliyun::Code::ALL {
            assert_eq!(aliyun::Code::parse(c.as_str()), Some(c));
        }
        for &c in tencent::Code::ALL {
            assert_eq!(tencent::Code::parse(c.as_str()), Some(c));
        }
        for &c in tencent3::Code::ALL {
            assert_eq!(tencent3::Code::parse(c.as_str()), Some(c));
        }
        for &c in jdcloud::Code::ALL {
            assert_eq!(jdcloud::Code::parse(c.as_str()), Some(c));
        }
        for &c in zenlayer::Code::ALL {
            assert_eq!(zenlayer::Code::parse(c.as_str()), Some(c));
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_entry_is_complete() {
    for provider in Provider::ALL {
        let all = entries(provider);
        assert!(!all.is_empty(), "{provider}: empty catalog");
        for (i, e) in all.iter().enumerate() {
            let at = format!("{provider} entry {i} ({})", e.code);
            assert_eq!(e.code.provider(), provider, "{at}: wrong provider");
            assert!((200..=599).contains(&e.http_status), "{at}: HTTP status {}", e.http_status);
            for (what, text) in [
                ("meaning.en", e.meaning.en),
                ("meaning.zh", e.meaning.zh),
                ("fix.en", e.fix.en),
                ("fix.zh", e.fix.zh),
                ("source", e.source),
            ] {
                assert!(!text.trim().is_empty(), "{at}: empty {what}");
            }
            // The Chinese texts are Chinese, the English ones are not.
            for zh in [e.meaning.zh, e.fix.zh] {
                assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{at}: zh text {zh:?}");
            }
            for en in [e.meaning.en, e.fix.en] {
                assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{at}: en text {en:?}");
            }
            assert_eq!(Code::parse(provider, e.code.as_str()), Some(e.code), "{at}");
            // No row is listed twice.
            assert!(
                !all[..i].iter().any(|p| p.code == e.code && p.http_status == e.http_status && p.message == e.message),
                "{at}: duplicate row"
            );
        }
    }
}

/// Validation reads the rows without their text: the same rows as the catalog's, in order.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn rows_are_the_entries_without_their_text() {
    for provider in Provider::ALL {
        let (all, lean) = (entries(provider), rows(provider));
        assert_eq!(all.len(), lean.len(), "{provider}");
        for (e, r) in all.iter().zip(lean) {
            assert_eq!((e.code, e.http_status, e.message), (r.code, r.http_status, r.message), "{provider}");
        }
    }
}

/// A finding's row: the first row of its code whose message contains the rule's hint, else the
/// first row of the code. Checked on every code with several rows, each row by a hint only it has.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn entry_for_picks_the_row_the_hint_names() {
    let mut checked = 0;
    for provider in Provider::ALL {
        let all = entries(provider);
        for e in all {
            let same_code: Vec<_> = all.iter().filter(|o| o.code == e.code).collect();
            let first = same_code[0];
            assert_eq!(entry_for(e.code, None).map(|r| r.message), Some(first.message), "{provider} {}", e.code);
            assert_eq!(entry_for(e.code, Some("no row says this")).map(|r| r.message), Some(first.message));
            let unique = same_code.iter().all(|o| std::ptr::eq(*o, e) || !o.message.contains(e.message));
            if same_code.len() > 1 && unique && !e.message.is_empty() {
                let found = entry_for(e.code, Some(e.message)).expect("a row");
                assert_eq!((found.http_status, found.message), (e.http_status, e.message), "{provider} {}", e.code);
                checked += 1;
            }
        }
    }
    assert!(checked >= 2, "codes with several rows told apart by their hint: {checked}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn unverified_statuses_say_so() {
    // Rows whose HTTP status providers.md marks UNVERIFIED say so in `source`.
    let cases = [
        (Provider::Aliyun, "SignatureDoesNotMatch"),
        (Provider::Aliyun, "InvalidTimeStamp.Expired"),
        (Provider::Aliyun, "InvalidVersion"),
        (Provider::Aliyun, "InvalidAction.NotFound"),
        (Provider::Zenlayer, "INTERNAL_SERVER_ERROR"),
        (Provider::Zenlayer, "SERVICE_TEMPORARY_UNAVAILABLE"),
        (Provider::Zenlayer, "REQUEST_TIMED_OUT"),
        (Provider::Zenlayer, "OPERATION_FAILED_RESOURCE_NOT_FOUND"),
        (Provider::Zenlayer, "INVALID_OPERATION_TIMEOUT"),
        (Provider::Zenlayer, "INVALID_ZONE_NOT_FOUND"),
        (Provider::Tencent, "4000"),
        (Provider::Tencent, "6200"),
    ];
    for (provider, code) in cases {
        let rows = lookup(provider, code, None);
        assert!(!rows.is_empty(), "{provider}: {code} missing");
        for e in rows {
            assert!(e.source.contains("UNVERIFIED"), "{provider}: {code} source {:?}", e.source);
        }
    }
    // The one Zenlayer common code the SDKs tie to a status is not marked.
    let limit = lookup(Provider::Zenlayer, "REQUEST_LIMIT_EXCEEDED", None);
    assert_eq!(limit.len(), 1);
    assert_eq!(limit[0].http_status, 429);
    assert!(!limit[0].source.contains("UNVERIFIED"));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn lookup_picks_the_row_the_message_matches() {
    let rows = lookup(Provider::Aliyun, "OperationDenied", Some("contains two or more system disk snapshots"));
    assert!(rows.len() > 1);
    assert_eq!(rows[0].http_status, 400);
    assert!(rows[0].message.contains("two or more system disk"), "{:?}", rows[0].message);

    let rows = lookup(Provider::Aliyun, "OperationDenied", Some("encrypted snapshot"));
    assert!(rows[0].message.contains("encrypted"), "{:?}", rows[0].message);

    let rows = lookup(Provider::Aliyun, "OperationDenied", Some("The specified snapshot is not from system disk."));
    assert_eq!(rows[0].http_status, 403);
    assert!(rows[0].message.contains("not from system disk"), "{:?}", rows[0].message);

    let rows = lookup(Provider::Aliyun, "IncorrectDiskStatus", None);
    assert_eq!(rows.len(), 1, "IncorrectDiskStatus.* are codes of their own");

    let rows = lookup(Provider::JdCloud, "OUT_OF_RANGE", Some("DataDisks.CloudDiskSpec.Iops out of range."));
    assert!(rows.len() > 1);
    assert!(rows[0].message.contains("Iops"), "{:?}", rows[0].message);

    let rows = lookup(Provider::JdCloud, "FAILED_PRECONDITION", Some("Please stop the instance first"));
    assert_eq!(rows[0].message, "Please stop the instance first");

    let rows = lookup(Provider::JdCloud, "NOT_FOUND", Some("Snapshot 'snapshot-h8u1xxxx36' not found"));
    assert_eq!(rows[0].message, "Snapshot 'xx' not found");

    let rows = lookup(Provider::JdCloud, "QUOTA_EXCEEDED", Some("Snapshot quota limit exceeded"));
    assert_eq!(rows[0].message, "Snapshot quota limit exceeded");

    // Without a message the rows keep table order; an unknown code has none; spelling is exact.
    let rows = lookup(Provider::Aliyun, "OperationDenied", None);
    assert_eq!(rows[0].message, "The specified snapshot is not allowed to create image.");
    assert!(lookup(Provider::Aliyun, "NoSuchCode", None).is_empty());
    assert!(lookup(Provider::Aliyun, "operationdenied", None).is_empty());
    assert_eq!(lookup(Provider::Aliyun, "InvalidParamter.Conflict", None).len(), 1);
    assert!(lookup(Provider::Aliyun, "InvalidParameter.Conflict", None).is_empty());
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn nearest_suggests_the_intended_code() {
    let cases = [
        (Provider::Aliyun, "InvalidImageName.Malformd", "InvalidImageName.Malformed"),
        (Provider::Aliyun, "InvalidInstanceId.NotFond", "InvalidInstanceId.NotFound"),
        (Provider::JdCloud, "QUOTA_EXCEDED", "QUOTA_EXCEEDED"),
        (Provider::Zenlayer, "INVALID_INSTANCE_NOT_FOUN", "INVALID_INSTANCE_NOT_FOUND"),
        (Provider::Tencent, "4001", "4000"),
    ];
    for (provider, typo, want) in cases {
        let got = nearest(provider, typo, 3);
        assert_eq!(got.first().copied(), Some(want), "{provider}: {typo} -> {got:?}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
/// Only the codes createimage had to choose (Zenlayer documents neither) are undocumented.
fn only_zenlayer_invalid_parameter_and_authentication_are_undocumented() {
    let undocumented: Vec<(Provider, &str)> = Provider::ALL
        .into_iter()
        .flat_map(|p| entries(p).iter().filter(|e| !e.documented).map(move |e| (p, e.code.as_str())))
        .collect();
    assert_eq!(
        undocumented,
        vec![(Provider::Zenlayer, "INVALID_PARAMETER"), (Provider::Zenlayer, "AUTHENTICATION_FAILED")]
    );

    let e = lookup(Provider::Zenlayer, "INVALID_PARAMETER", None)[0];
    assert_eq!(e.http_status, 400);
    assert!(e.meaning.en.contains("createimage") && e.meaning.zh.contains("createimage"));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn common_codes_are_present() {
    // A few anchors from providers.md per provider (the seeds' rows are checked above).
    for code in [
        "SignatureDoesNotMatch",
        "InvalidTimeStamp.Expired",
        "SignatureNonceUsed",
        "InvalidVersion",
        "InvalidAction.NotFound",
        "IdempotenceParamNotMatch",
        "InvalidParamater",
        "Throttling",
        "ServiceUnavailable.RegionMaintaining",
    ] {
        assert!(!lookup(Provider::Aliyun, code, None).is_empty(), "aliyun {code}");
    }
    // A code in both the seed and the common table with the same status is one entry.
    assert_eq!(lookup(Provider::Aliyun, "InvalidInstanceId.NotFound", None).len(), 1);
    assert_eq!(lookup(Provider::Aliyun, "InternalError", None).len(), 1);
    for code in ["UNAUTHENTICATED", "HTTP_FORBIDDEN", "RATE_LIMIT", "UNAVAILABLE", "DUPLICATE"] {
        assert!(!lookup(Provider::JdCloud, code, None).is_empty(), "jdcloud {code}");
    }
    for code in ["4000", "4100", "4500", "5000", "5100", "5200", "5300", "6000"] {
        assert!(!lookup(Provider::Tencent, code, None).is_empty(), "tencent {code}");
    }
    assert_eq!(Code::parse(Provider::Tencent, "4000"), Some(Code::Tencent(tencent::Code::InvalidParameter)));
    assert_eq!(Code::parse(Provider::Tencent, "4100"), Some(Code::Tencent(tencent::Code::AuthFailure)));
    for code in [
        "REQUEST_LIMIT_EXCEEDED",
        "INTERNAL_SERVER_ERROR",
        "SERVICE_TEMPORARY_UNAVAILABLE",
        "REQUEST_TIMED_OUT",
        "OPERATION_FAILED_RESOURCE_NOT_FOUND",
        "INVALID_OPERATION_TIMEOUT",
        "INVALID_ZONE_NOT_FOUND",
    ] {
        assert!(!lookup(Provider::Zenlayer, code, None).is_empty(), "zenlayer {code}");
    }
}
