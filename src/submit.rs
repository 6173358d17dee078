//! Sending one request, as plain logic: sign the form's request for the chosen endpoint, shape
//! what `fetch` sends, redact the preview and the curl command, and read the provider's answer
//! (catalog meaning and fix, and the string-to-sign comparison of Alibaba's
//! `SignatureDoesNotMatch`). The clock, the random numbers and the network are passed in.

use crate::i18n::Phrase;
use crate::state::{Keys, Mode};
use createimage_validator::catalog::{ErrorCode, Text};
use createimage_validator::registration::NonceKind;
use createimage_validator::wire::{
    self, ApiResponse, Credentials, Endpoint, HttpRequest, SignOptions, Signed, Timestamp,
};
use createimage_validator::{Lang, Options, Provider, checked, send_anyway};
use serde_json::Value;

/// The page's own origin, where the sandbox is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// `http` or `https` (without the colon).
    pub scheme: String,
    /// `host:port`.
    pub host: String,
}

/// What `fetch` sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// `None` for a GET.
    pub body: Option<String>,
}

/// A signed request, ready to go.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub signed: Signed,
    pub outgoing: Outgoing,
    /// How many errors "send anyway" overrode.
    pub overridden: usize,
}

/// Why nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotSent {
    /// The access key ID or the secret is empty.
    NoKeys,
    /// The request has errors (and "send anyway" was not chosen).
    Invalid,
    /// The signer refused (its message).
    Sign(String),
    /// The signing code could not be fetched (the network); the next try fetches it again.
    NotLoaded,
}

/// The time, nonce and ClientToken of one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fresh {
    pub unix_seconds: u64,
    pub nonce: String,
}

/// Signs `request` for `provider` with `keys`, for the endpoint `mode` (the sandbox at `origin`;
/// Relay and Direct sign for the provider's real host, which the signature covers).
pub fn prepare(
    provider: Provider,
    request: &Value,
    keys: &Keys,
    mode: Mode,
    origin: &Origin,
    fresh: &Fresh,
    anyway: bool,
) -> Result<Prepared, NotSent> {
    if !keys.is_complete() {
        return Err(NotSent::NoKeys);
    }
    let options = Options::default();
    let valid = if anyway {
        send_anyway(provider, request, options).map_err(|e| NotSent::Sign(e.to_string()))?
    } else {
        checked(provider, request, options).map_err(|_| NotSent::Invalid)?
    };
    let overridden = valid.report().errors().count();
    let credentials = Credentials::new(keys.access_key_id.trim(), keys.secret.as_str());
    let timestamp = Timestamp::from_unix(fresh.unix_seconds).ok_or_else(|| NotSent::Sign("clock".into()))?;
    let mut options = SignOptions::new(timestamp, fresh.nonce.clone());
    options.endpoint = match mode {
        Mode::Sandbox => Some(Endpoint { scheme: origin.scheme.clone(), host: origin.host.clone() }),
        Mode::Relay | Mode::Direct => None,
    };
    let signed = wire::encode(&valid, &credentials, &options).map_err(|e| NotSent::Sign(e.to_string()))?;
    let outgoing = outgoing(provider, mode, &signed.request);
    Ok(Prepared { signed, outgoing, overridden })
}

/// The `fetch` of a signed request: the sandbox and Direct at the request's own URL, Relay at
/// `/relay/{provider}/{host}{path}?{query}` with the same method, headers and body.
pub fn outgoing(provider: Provider, mode: Mode, request: &HttpRequest) -> Outgoing {
    let url = match mode {
        Mode::Sandbox | Mode::Direct => request.url(),
        Mode::Relay => {
            let mut url = format!("/relay/{}/{}{}", provider.as_str(), request.host, request.path);
            if !request.query.is_empty() {
                url.push('?');
                url.push_str(&request.query);
            }
            url
        }
    };
    let body = (!request.body.is_empty()).then(|| String::from_utf8_lossy(&request.body).into_owned());
    Outgoing { method: request.method.clone(), url, headers: request.headers.clone(), body }
}

/// A nonce of the kind `provider`'s signature takes (none when it takes none).
pub fn nonce(provider: Provider, random: [u8; 16]) -> String {
    match provider.wire().nonce {
        NonceKind::PositiveInteger => {
            let n = u32::from_le_bytes([random[0], random[1], random[2], random[3]]);
            n.max(1).to_string()
        }
        NonceKind::Uuid => wire::uuid_v4(random),
        NonceKind::None => String::new(),
    }
}

/// The ClientToken of the last attempt, kept for a retry of the same request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retry {
    /// The request (without its ClientToken) and endpoint it was made for.
    pub fingerprint: String,
    pub token: String,
}

/// What identifies "the same request" for a retry: provider, endpoint and parameters.
pub fn fingerprint(provider: Provider, mode: Mode, request: &Value) -> String {
    format!("{}\n{}\n{}", provider.as_str(), mode.as_str(), request)
}

/// The ClientToken for a request with `fingerprint`: the pending one if it was made for the same
/// request, else `fresh`. Returns the token and what to keep pending.
pub fn client_token(pending: Option<&Retry>, fingerprint: &str, fresh: String) -> Retry {
    match pending {
        Some(r) if r.fingerprint == fingerprint => r.clone(),
        _ => Retry { fingerprint: fingerprint.to_owned(), token: fresh },
    }
}

/// `request` with `field` set to `token` unless the user gave one.
pub fn with_token(request: &Value, field: &str, token: &str) -> Value {
    let mut out = request.clone();
    if let Value::Object(map) = &mut out {
        map.entry(field.to_owned()).or_insert_with(|| Value::String(token.to_owned()));
    }
    out
}

/// The signed request as text: request line, headers, body, signing stages; signature redacted.
pub fn preview(signed: &Signed) -> String {
    signed.redacted().to_string()
}

/// The request as a curl command, one option a line, with the signature (and any security
/// token) redacted.
pub fn curl(signed: &Signed) -> String {
    signed.redacted().text(&signed.request.curl(" \\\n  "))
}

/// What came of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Created(Success),
    Failed(Box<Failure>),
    /// An answer that is not the provider's envelope (an HTML page, a relay refusal …).
    Unreadable {
        http_status: u16,
        reason: String,
        raw: String,
    },
    /// No answer at all: `fetch` rejected (network, CORS).
    Network {
        /// The browser's own words (`TypeError: Failed to fetch`).
        message: String,
        mode: Mode,
        /// The `host:port` that did not answer: createimage serve's, or the provider's in Direct mode.
        host: String,
    },
    NotSent(NotSent),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Success {
    pub request_id: String,
    /// `None` for Tencent's legacy API.
    pub image_id: Option<String>,
    pub http_status: u16,
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: String,
    /// Whether createimage's catalog knows the code.
    pub known: bool,
    pub http_status: u16,
    pub message: String,
    pub request_id: Option<String>,
    pub meaning: Option<Text>,
    pub fix: Option<Text>,
    pub recommend: Option<String>,
    pub raw: String,
    /// Alibaba `SignatureDoesNotMatch`: our string to sign and the server's.
    pub string_to_sign: Option<Comparison>,
}

/// Two strings to sign and where they first differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub ours: String,
    pub server: String,
    /// Byte offset of the first difference (a character boundary in both); `None` when equal.
    pub at: Option<usize>,
}

/// Reads the provider's answer. `ours` is the string to sign we signed (for the comparison).
pub fn interpret(provider: Provider, http_status: u16, body: &str, ours: Option<&str>) -> Outcome {
    match wire::parse_response(provider, http_status, body.as_bytes()) {
        Ok(ApiResponse::Created(c)) => Outcome::Created(Success {
            request_id: c.request_id,
            image_id: c.image_id,
            http_status,
            raw: body.to_owned(),
        }),
        Ok(ApiResponse::Failed(e)) => {
            let entry = e.entries().into_iter().next();
            let string_to_sign = match (ours, e.server_string_to_sign()) {
                (Some(ours), Some(server)) => Some(Comparison {
                    ours: ours.to_owned(),
                    server: server.to_owned(),
                    at: first_difference(ours, server),
                }),
                _ => None,
            };
            Outcome::Failed(Box::new(Failure {
                code: e.code.as_str().to_owned(),
                known: matches!(e.code, ErrorCode::Known(_)),
                http_status,
                message: e.message.clone(),
                request_id: e.request_id.clone(),
                meaning: entry.map(|r| r.meaning),
                fix: entry.map(|r| r.fix),
                recommend: e.recommend.clone(),
                raw: body.to_owned(),
                string_to_sign,
            }))
        }
        Err(e) => {
            let reason = relay_message(body).unwrap_or_else(|| e.to_string());
            Outcome::Unreadable { http_status, reason, raw: body.to_owned() }
        }
    }
}

/// The message of `createimage serve`'s own relay answer (`{"error":"relay …","message":…}`):
/// a refused host or origin, an unreachable provider.
pub fn relay_message(body: &str) -> Option<String> {
    let value: Value = serde_json::from_str(body).ok()?;
    let error = value.get("error")?.as_str()?;
    let message = value.get("message")?.as_str()?;
    error.starts_with("relay").then(|| format!("{error}: {message}"))
}

/// The byte offset where `a` and `b` first differ, at a character boundary of both; `None`
/// when they are equal.
pub fn first_difference(a: &str, b: &str) -> Option<usize> {
    let mut at = 0;
    let mut bs = b.chars();
    for ca in a.chars() {
        match bs.next() {
            Some(cb) if cb == ca => at += ca.len_utf8(),
            _ => return Some(at),
        }
    }
    if bs.next().is_some() { Some(at) } else { None }
}

/// `text` cut around `at`: before, the first differing character, after.
pub fn split_at_difference(text: &str, at: usize) -> (&str, &str, &str) {
    let at = at.min(text.len());
    let (before, rest) = text.split_at(at);
    let len = rest.chars().next().map_or(0, char::len_utf8);
    (before, &rest[..len], &rest[len..])
}

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
pub struct Shown {
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
pub fn shown(outcome: &Outcome, sandbox: bool, auto_token: bool, lang: Lang) -> Shown {
    let fact = |label, id, value: String, code, copy| AnswerLine { label, id, value, code, copy };
    let mut shown = Shown {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Form, Slot};
    use createimage_validator::wire::Stages;
    use serde_json::json;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    fn origin() -> Origin {
        Origin { scheme: "http".into(), host: "127.0.0.1:8080".into() }
    }

    fn fresh(provider: Provider) -> Fresh {
        Fresh { unix_seconds: 1_700_000_000, nonce: nonce(provider, [7; 16]) }
    }

    #[wasm_bindgen_test]
    fn first_difference_finder() {
        assert_eq!(first_difference("abc", "abc"), None);
        assert_eq!(first_difference("abc", "abd"), Some(2));
        assert_eq!(first_difference("ab", "abc"), Some(2));
        assert_eq!(first_difference("abc", "ab"), Some(2));
        assert_eq!(first_difference("", "x"), Some(0));
        assert_eq!(first_difference("镜像a", "镜像b"), Some(6));
        assert_eq!(first_difference("é", "e"), Some(0));
        assert_eq!(split_at_difference("GET&%2F&A", 4), ("GET&", "%", "2F&A"));
        assert_eq!(split_at_difference("ab", 2), ("ab", "", ""));
        assert_eq!(split_at_difference("镜像a", 3), ("镜", "像", "a"));
    }

    #[wasm_bindgen_test]
    fn signature_mismatch_is_compared() {
        let body = r#"{"RequestId":"R","HostId":"ecs.aliyuncs.com","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3DB"}"#;
        let Outcome::Failed(f) = interpret(Provider::Aliyun, 400, body, Some("GET&%2F&AccessKeyId%3DA")) else {
            panic!("a failure")
        };
        let c = f.string_to_sign.expect("a comparison");
        assert_eq!(c.at, Some(first_difference(&c.ours, &c.server).unwrap()));
        assert_eq!(split_at_difference(&c.server, c.at.unwrap()).1, "B");
        assert!(f.known);
        assert!(f.meaning.is_some() && f.fix.is_some());
    }

    #[wasm_bindgen_test]
    fn answers_are_read_with_the_catalog() {
        let ok = interpret(Provider::Zenlayer, 200, r#"{"requestId":"R1","response":{"imageId":"img-1"}}"#, None);
        let Outcome::Created(s) = ok else { panic!("created: {ok:?}") };
        assert_eq!((s.request_id.as_str(), s.image_id.as_deref()), ("R1", Some("img-1")));
        let tencent = interpret(Provider::Tencent, 200, r#"{"code":0,"message":"ok","requestId":24534341}"#, None);
        let Outcome::Created(t) = tencent else { panic!("created: {tencent:?}") };
        assert_eq!((t.request_id.as_str(), t.image_id), ("24534341", None));
        let quota = r#"{"requestId":"R2","code":"LIMIT_EXCEEDED_IMAGE_QUOTA","message":"quota"}"#;
        let Outcome::Failed(f) = interpret(Provider::Zenlayer, 400, quota, None) else { panic!("a failure") };
        assert_eq!((f.code.as_str(), f.http_status, f.known), ("LIMIT_EXCEEDED_IMAGE_QUOTA", 400, true));
        assert!(!f.meaning.unwrap().zh.is_empty());
        let Outcome::Failed(u) =
            interpret(Provider::Zenlayer, 400, r#"{"requestId":"R3","code":"SOMETHING_NEW","message":"m"}"#, None)
        else {
            panic!("a failure")
        };
        assert!(!u.known && u.meaning.is_none());
        assert!(matches!(interpret(Provider::Zenlayer, 502, "<html>", None), Outcome::Unreadable { .. }));
        let relay = r#"{"error":"relay upstream failed","message":"dns error"}"#;
        let Outcome::Unreadable { reason, .. } = interpret(Provider::Zenlayer, 502, relay, None) else {
            panic!("unreadable")
        };
        assert_eq!(reason, "relay upstream failed: dns error");
    }

    #[wasm_bindgen_test]
    fn signs_for_each_endpoint_without_the_secret() {
        let mut form = Form::new(Provider::Zenlayer);
        form.set(Slot::top("instanceId"), "100000000001");
        form.set(Slot::top("imageName"), "web-01");
        let request = form.to_request(Provider::Zenlayer);
        let keys = Keys::sandbox(Provider::Zenlayer);
        let f = fresh(Provider::Zenlayer);
        let sandbox = prepare(Provider::Zenlayer, &request, &keys, Mode::Sandbox, &origin(), &f, false).unwrap();
        assert_eq!(sandbox.outgoing.url, "http://127.0.0.1:8080/api/v2/vm");
        assert_eq!(sandbox.outgoing.body.as_deref(), Some(r#"{"instanceId":"100000000001","imageName":"web-01"}"#));
        let relay = prepare(Provider::Zenlayer, &request, &keys, Mode::Relay, &origin(), &f, false).unwrap();
        assert_eq!(relay.outgoing.url, "/relay/zenlayer/console.zenlayer.com/api/v2/vm");
        let direct = prepare(Provider::Zenlayer, &request, &keys, Mode::Direct, &origin(), &f, false).unwrap();
        assert_eq!(direct.outgoing.url, "https://console.zenlayer.com/api/v2/vm");
        for p in [&sandbox, &relay, &direct] {
            let text = format!("{}{}", preview(&p.signed), curl(&p.signed));
            assert!(!text.contains(&keys.secret));
            assert!(!text.contains(p.signed.stages.signature()), "signature redacted");
            assert!(text.contains("<redacted>"));
        }
        assert!(curl(&sandbox.signed).starts_with("curl -X POST http://127.0.0.1:8080/api/v2/vm \\\n  -H "));

        // Alibaba: a GET with the parameters in the query, through the relay.
        let mut ali = Form::new(Provider::Aliyun);
        ali.set(Slot::top("RegionId"), "cn-hangzhou");
        ali.set(Slot::top("InstanceId"), "i-sandbox-stopped");
        let request = with_token(&ali.to_request(Provider::Aliyun), "ClientToken", "tok-1");
        let f = fresh(Provider::Aliyun);
        let relay =
            prepare(Provider::Aliyun, &request, &Keys::sandbox(Provider::Aliyun), Mode::Relay, &origin(), &f, false)
                .unwrap();
        assert!(relay.outgoing.url.starts_with("/relay/aliyun/ecs.aliyuncs.com/?"), "{}", relay.outgoing.url);
        assert!(relay.outgoing.url.contains("ClientToken=tok-1"));
        assert_eq!(relay.outgoing.body, None);
        assert!(matches!(relay.signed.stages, Stages::AliyunRpc(_)));
        assert!(!curl(&relay.signed).contains(relay.signed.stages.signature()));

        // Tencent: an integer nonce and the Region from the form.
        let mut tc = Form::new(Provider::Tencent);
        tc.set(Slot::top("instanceId"), "ins-sandbox1");
        tc.set(Slot::top("imageName"), "web-01");
        let f = fresh(Provider::Tencent);
        assert!(f.nonce.parse::<u32>().unwrap() > 0);
        let p = prepare(
            Provider::Tencent,
            &tc.to_request(Provider::Tencent),
            &Keys::sandbox(Provider::Tencent),
            Mode::Sandbox,
            &origin(),
            &f,
            false,
        )
        .unwrap();
        assert!(p.outgoing.url.contains("Region=ap-guangzhou"), "{}", p.outgoing.url);
    }

    #[wasm_bindgen_test]
    fn refuses_without_keys_or_with_errors_unless_sent_anyway() {
        let bad = json!({"instanceId": "1", "imageName": "x".repeat(25)});
        let keys = Keys::sandbox(Provider::Zenlayer);
        let f = fresh(Provider::Zenlayer);
        assert_eq!(
            prepare(Provider::Zenlayer, &bad, &Keys::default(), Mode::Sandbox, &origin(), &f, false).unwrap_err(),
            NotSent::NoKeys
        );
        assert_eq!(
            prepare(Provider::Zenlayer, &bad, &keys, Mode::Sandbox, &origin(), &f, false).unwrap_err(),
            NotSent::Invalid
        );
        let anyway = prepare(Provider::Zenlayer, &bad, &keys, Mode::Sandbox, &origin(), &f, true).unwrap();
        assert_eq!(anyway.overridden, 1);
    }

    #[wasm_bindgen_test]
    fn answers_are_laid_out_with_the_contract_ids() {
        let tencent = interpret(Provider::Tencent, 200, r#"{"code":0,"message":"ok","requestId":24534341}"#, None);
        let s = shown(&tencent, true, false, Lang::En);
        let ids: Vec<_> = s.facts.iter().map(|f| f.id).collect();
        assert_eq!(ids, [Some("result-image-id"), Some("result-request-id")]);
        assert_eq!(s.facts[0].value, "", "the sandbox finds Tencent's image ID later");
        assert!(s.follow && s.success && s.notes.len() == 2);
        assert!(!shown(&tencent, false, false, Lang::En).follow, "only the sandbox is followed");

        let quota = r#"{"requestId":"R2","code":"LIMIT_EXCEEDED_IMAGE_QUOTA","message":"quota"}"#;
        let zh = shown(&interpret(Provider::Zenlayer, 400, quota, None), false, false, Lang::Zh);
        let ids: Vec<_> = zh.facts.iter().filter_map(|f| f.id).collect();
        assert_eq!(
            ids,
            [
                "result-error-code",
                "result-http-status",
                "result-message",
                "result-meaning",
                "result-fix",
                "result-request-id"
            ]
        );
        assert!(zh.facts[3].value.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "meaning in Chinese");
        assert_eq!(zh.raw.as_deref(), Some(quota));

        let direct = Outcome::Network {
            message: "TypeError: Failed to fetch".into(),
            mode: Mode::Direct,
            host: "ecs.aliyuncs.com".into(),
        };
        let s = shown(&direct, false, true, Lang::En);
        assert_eq!(s.lead_id, Some("result-message"));
        assert_eq!(s.lead, "The server at ecs.aliyuncs.com could not be reached.");
        assert_eq!(s.facts[0].value, "TypeError: Failed to fetch", "the browser's words, beside ours");
        assert!(s.notes[0].1 && s.notes[0].0.contains("CORS"), "Direct explains CORS");
        assert!(s.notes[1].0.contains("ClientToken"));
        let serve = Outcome::Network {
            message: "TypeError: Failed to fetch".into(),
            mode: Mode::Sandbox,
            host: "127.0.0.1:8080".into(),
        };
        let s = shown(&serve, true, false, Lang::Zh);
        assert!(s.lead.contains("127.0.0.1:8080") && s.notes[0].0.contains("createimage serve"), "{s:?}");
    }

    #[wasm_bindgen_test]
    fn client_tokens_are_reused_only_for_the_same_request() {
        let a = fingerprint(Provider::Aliyun, Mode::Sandbox, &json!({"InstanceId": "i-1"}));
        let b = fingerprint(Provider::Aliyun, Mode::Sandbox, &json!({"InstanceId": "i-2"}));
        let first = client_token(None, &a, "t1".into());
        assert_eq!(first.token, "t1");
        assert_eq!(client_token(Some(&first), &a, "t2".into()).token, "t1", "a retry reuses it");
        assert_eq!(client_token(Some(&first), &b, "t3".into()).token, "t3", "another request gets a new one");
        assert_eq!(with_token(&json!({"ClientToken": "mine"}), "ClientToken", "t")["ClientToken"], "mine");
        assert_eq!(nonce(Provider::Tencent, [0; 16]), "1");
    }
}
