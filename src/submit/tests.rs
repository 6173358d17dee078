use super::*;
use crate::model::{Form, Keys, Mode, Slot};
use createimage_validator::wire::Stages;
use createimage_validator::{Lang, Provider};
use serde_json::json;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn origin() -> Origin {
    Origin { scheme: "http".into(), host: "127.0.0.1:8080".into() }
}

fn fresh(provider: Provider) -> TimeAndNonce {
    TimeAndNonce { unix_seconds: 1_700_000_000, nonce: nonce(provider, [7; 16]) }
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
    let s = answer_view(&tencent, true, false, Lang::En);
    let ids: Vec<_> = s.facts.iter().map(|f| f.id).collect();
    assert_eq!(ids, [Some("result-image-id"), Some("result-request-id")]);
    assert_eq!(s.facts[0].value, "", "the sandbox finds Tencent's image ID later");
    assert!(s.follow && s.success && s.notes.len() == 2);
    assert!(!answer_view(&tencent, false, false, Lang::En).follow, "only the sandbox is followed");

    let quota = r#"{"requestId":"R2","code":"LIMIT_EXCEEDED_IMAGE_QUOTA","message":"quota"}"#;
    let zh = answer_view(&interpret(Provider::Zenlayer, 400, quota, None), false, false, Lang::Zh);
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
    let s = answer_view(&direct, false, true, Lang::En);
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
    let s = answer_view(&serve, true, false, Lang::Zh);
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
