//! Tencent CVM CreateImage on the API 3.0 wire: `https://cvm.tencentcloudapi.com/` (or a
//! region's own `cvm.<region>.tencentcloudapi.com`), version 2017-03-12.
//!
//! - **TC3-HMAC-SHA256** (the SDKs' default): POST with the request as a JSON body, or GET with
//!   the request flat in the query (`SnapshotIds.0=…`, `TagSpecification.0.Tags.0.Key=…`); the
//!   action, version, time, region and token in `X-TC-*` headers; signed over `content-type;host`
//!   (a verifier accepts any signed set that holds both, and the raw query as received).
//! - **Signature v1** (HmacSHA1/HmacSHA256), the legacy API's scheme on the 3.0 host and path `/`
//!   with `Version=2017-03-12`: every parameter in the query or a form body.
//!
//! Answers are `{"Response":{"ImageId","RequestId"}}` or `{"Response":{"Error":{"Code","Message"},"RequestId"}}`,
//! with HTTP 200 whenever the server processed the request.

use crate::catalog::ErrorCode;
use crate::provider::Provider;
use crate::providers::tencent::wire::{V1, encode_v1, region, verify_v1};
use crate::report::ValueType;
use crate::valid::Valid;
use crate::wire::algorithms::{authorization_fields, tencent_tc3 as tc3};
use crate::wire::decode::{DecodeError, form_params, json_body};
use crate::wire::encode::{Algorithm, EncodeError, SignOptions, Signed, Stages, not_sent, prepare};
use crate::wire::hash::{constant_time_eq, sha256_hex};
use crate::wire::http::{HttpRequest, Method};
use crate::wire::percent;
use crate::wire::response::{ApiError, ApiResponse, Created, ResponseError, json_object, text};
use crate::wire::secret::{Credentials, Secret};
use crate::wire::time::Timestamp;
use crate::wire::verify::{Verified, VerifyError, parse_time, required_header, signed_header_values, within_skew};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The nearest-region host of the Chinese site (the CreateImage page's example).
pub const HOST: &str = "cvm.tencentcloudapi.com";
pub const PATH: &str = "/";
pub const ACTION: &str = "CreateImage";
pub const VERSION: &str = "2017-03-12";
/// The credential scope's service: the host's first label.
pub const SERVICE: &str = "cvm";
pub const JSON: &str = "application/json";
pub const FORM: &str = "application/x-www-form-urlencoded";
/// `X-TC-Content-SHA256: UNSIGNED-PAYLOAD` (the SDKs' opt-in): the body is not hashed, this text is.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// Common parameters the Python SDK's signature v1 mode adds besides the documented ones.
const SDK_EXTRAS: &[&str] = &["RequestClient"];

/// `cvm.<region>.tencentcloudapi.com`: the host of one region.
pub fn regional_host(region: &str) -> String {
    format!("cvm.{region}.tencentcloudapi.com")
}

fn is_common(name: &str) -> bool {
    super::SPEC.field(name).is_some_and(|f| f.common)
}

/// Signs `valid` (an API 3.0 request): TC3-HMAC-SHA256 unless a v1 method is asked for; POST
/// (JSON body; a form body for v1) unless GET is.
pub fn encode(valid: &Valid, credentials: &Credentials, options: &SignOptions) -> Result<Signed, EncodeError> {
    let (algorithm, method) = prepare(Provider::Tencent3, credentials, options, &[Method::Post, Method::Get])?;
    let region = region(valid, options)?;
    if algorithm != Algorithm::Tencent3Tc3 {
        let api = V1 { host: HOST, path: PATH, version: Some(VERSION), is_common };
        return Ok(encode_v1(valid, credentials, options, &api, algorithm, method, region));
    }
    let (scheme, host) = match &options.endpoint {
        Some(e) => (e.scheme.clone(), e.host.clone()),
        None => ("https".to_owned(), HOST.to_owned()),
    };
    let (content_type, query, body) = match method {
        Method::Post => (JSON, String::new(), valid.json_body(|f| !f.common)),
        Method::Get => {
            let flat: Vec<(String, String)> =
                valid.flat().into_iter().filter(|(k, _)| !is_common(k)).map(|(k, v)| (k, v.to_string())).collect();
            (FORM, percent::form(&flat), Vec::new())
        }
    };
    let signed_headers = vec![("content-type".to_owned(), content_type.to_owned()), ("host".to_owned(), host.clone())];
    let hashed_payload = sha256_hex(&body);
    let input = tc3::Input {
        method: method.as_str(),
        query: &query,
        headers: &signed_headers,
        hashed_payload: &hashed_payload,
        timestamp: options.timestamp,
        service: SERVICE,
    };
    let signature = tc3::sign(&input, &credentials.access_key_id, &credentials.secret);
    let mut headers = vec![
        ("Content-Type".to_owned(), content_type.to_owned()),
        ("X-TC-Action".to_owned(), ACTION.to_owned()),
        ("X-TC-Version".to_owned(), VERSION.to_owned()),
        ("X-TC-Timestamp".to_owned(), options.timestamp.unix().to_string()),
        ("X-TC-Region".to_owned(), region),
    ];
    if let Some(token) = &credentials.security_token {
        headers.push(("X-TC-Token".to_owned(), token.expose().to_owned()));
    }
    headers.push(("Authorization".to_owned(), signature.authorization.to_string()));
    let request =
        HttpRequest { method: method.as_str().to_owned(), scheme, host, path: PATH.to_owned(), query, headers, body };
    let used: &[&str] = if options.region.is_none() { &["Region"] } else { &[] };
    let mut signed = Signed::new(request, algorithm, Stages::TencentTc3(signature), not_sent(valid, used));
    if let Some(token) = &credentials.security_token {
        signed.hide(token.expose());
    }
    Ok(signed)
}

/// Whether `request` is addressed to API 3.0 at all: the TC3 `X-TC-Action` header, or an
/// `Action` parameter with `Version=2017-03-12` (what tells it from Alibaba's RPC at `/`).
pub fn is_api3(request: &HttpRequest) -> bool {
    request.header("x-tc-action").is_some()
        || form_params(request).is_ok_and(|p| p.iter().any(|(k, v)| k == "Version" && v == VERSION))
}

/// The request JSON of a CreateImage request, in the POST body's form whichever form it came in.
pub fn decode(request: &HttpRequest) -> Result<Value, DecodeError> {
    if request.method != "GET" && request.method != "POST" {
        return Err(DecodeError::Method { method: request.method.clone() });
    }
    if request.path != PATH {
        return Err(DecodeError::Path { path: request.path.clone() });
    }
    if let Some(action) = request.header("x-tc-action") {
        if action != ACTION {
            return Err(DecodeError::WrongAction { action: action.to_owned() });
        }
        if request.method == "POST" && request.media_type().as_deref() == Some(JSON) {
            return Ok(Value::Object(json_body(request)?));
        }
        return unflatten(&form_params(request)?);
    }
    let params = form_params(request)?;
    match params.iter().find(|(k, _)| k == "Action") {
        None => Err(DecodeError::MissingAction),
        Some((_, a)) if a == ACTION => unflatten(&params),
        Some((_, a)) => Err(DecodeError::WrongAction { action: a.clone() }),
    }
}

/// One step of a flat name: a member's key or an item's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step<'a> {
    Key(&'a str),
    Index(u32),
}

/// The steps of a flat name the table knows (`TagSpecification.0.Tags.1.Key`) and the type of
/// its value; `None` for any other name, which stays a top-level parameter as it is.
fn steps(name: &str) -> Option<(Vec<Step<'_>>, ValueType)> {
    let mut parts = name.split('.');
    let mut out = Vec::new();
    let mut pattern = String::new();
    loop {
        let key = parts.next()?;
        if !pattern.is_empty() {
            pattern.push('.');
        }
        pattern.push_str(key);
        let field = super::SPEC.field(&pattern)?;
        out.push(Step::Key(key));
        if field.ty != ValueType::Array {
            return parts.next().is_none().then_some((out, field.ty));
        }
        let n = parts.next()?;
        if n.is_empty() || n.len() > 9 || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push(Step::Index(n.parse().ok()?));
        if let Some(ty) = field.items {
            return parts.next().is_none().then_some((out, ty));
        }
        pattern.push_str("[]");
    }
}

/// A flat value as its field's JSON type: `true`/`false` in the casings SDKs send (`False` from
/// Python's `str`), integers; anything else stays text (and validation says what is wrong).
fn typed(ty: ValueType, raw: &str) -> Value {
    match (ty, raw) {
        (ValueType::Boolean, "true" | "True" | "TRUE") => Value::Bool(true),
        (ValueType::Boolean, "false" | "False" | "FALSE") => Value::Bool(false),
        (ValueType::Integer, _) => raw.parse::<i64>().map_or_else(|_| Value::String(raw.to_owned()), Value::from),
        _ => Value::String(raw.to_owned()),
    }
}

/// A request being rebuilt from flat names.
#[derive(Debug)]
enum Tree {
    Leaf(Value),
    Members(Vec<(String, Tree)>),
    Items(BTreeMap<u32, Tree>),
}

impl Tree {
    fn insert(&mut self, steps: &[Step<'_>], value: Value, name: &str) -> Result<(), DecodeError> {
        let repeated = || DecodeError::RepeatedParameter { name: name.to_owned() };
        let Some((step, rest)) = steps.split_first() else {
            return Err(repeated());
        };
        let fresh = || match rest.first() {
            None => Tree::Leaf(Value::Null),
            Some(Step::Key(_)) => Tree::Members(Vec::new()),
            Some(Step::Index(_)) => Tree::Items(BTreeMap::new()),
        };
        let child = match (self, *step) {
            (Tree::Members(members), Step::Key(key)) => match members.iter().position(|(k, _)| k == key) {
                Some(at) => &mut members[at].1,
                None => {
                    members.push((key.to_owned(), fresh()));
                    &mut members.last_mut().ok_or_else(repeated)?.1
                }
            },
            (Tree::Items(items), Step::Index(i)) => items.entry(i).or_insert_with(fresh),
            _ => return Err(repeated()),
        };
        match (child, rest.is_empty()) {
            (leaf @ Tree::Leaf(Value::Null), true) => {
                *leaf = Tree::Leaf(value);
                Ok(())
            }
            (_, true) => Err(repeated()),
            (child, false) => child.insert(rest, value, name),
        }
    }

    fn into_value(self) -> Value {
        match self {
            Tree::Leaf(v) => v,
            Tree::Members(m) => Value::Object(m.into_iter().map(|(k, t)| (k, t.into_value())).collect()),
            Tree::Items(items) => Value::Array(items.into_values().map(Tree::into_value).collect()),
        }
    }
}

/// Flat parameters (a GET query, a form body) as the request JSON: lists and nested objects
/// rebuilt from `SnapshotIds.0` and `TagSpecification.0.Tags.0.Key` (numbers in order), values
/// typed by the table, common parameters left out.
pub fn unflatten(params: &[(String, String)]) -> Result<Value, DecodeError> {
    let mut root = Tree::Members(Vec::new());
    for (name, raw) in params {
        if is_common(name) || SDK_EXTRAS.contains(&name.as_str()) {
            continue;
        }
        match steps(name) {
            Some((steps, ty)) => root.insert(&steps, typed(ty, raw), name)?,
            None => root.insert(&[Step::Key(name)], Value::String(raw.clone()), name)?,
        }
    }
    Ok(root.into_value())
}

/// The SecretId: from a TC3 Authorization's credential, else the v1 `SecretId` parameter.
pub fn access_key_id(request: &HttpRequest) -> Option<String> {
    match request.header("authorization") {
        Some(auth) => {
            let fields = authorization_fields(auth, tc3::ALGORITHM)?;
            fields.credential.split('/').next().map(str::to_owned)
        }
        None => form_params(request).ok()?.into_iter().find(|(k, _)| k == "SecretId").map(|(_, v)| v),
    }
}

/// Checks a CreateImage request's signature: TC3 when it carries an Authorization header, else v1.
pub fn verify(request: &HttpRequest, secret: &Secret, now: Timestamp, max_skew: u64) -> Result<Verified, VerifyError> {
    if request.method != "GET" && request.method != "POST" {
        return Err(VerifyError::Method { method: request.method.clone() });
    }
    if request.header("authorization").is_none() {
        let algorithms = (Algorithm::Tencent3HmacSha1, Algorithm::Tencent3HmacSha256);
        let (verified, params) = verify_v1(request, secret, now, max_skew, algorithms)?;
        return match params.iter().find(|(k, _)| k == "Version") {
            Some((_, v)) if v == VERSION => Ok(verified),
            Some((_, v)) => Err(VerifyError::WrongVersion { version: v.clone() }),
            None => Err(VerifyError::Missing { name: "Version".into() }),
        };
    }
    verify_tc3(request, secret, now, max_skew)
}

fn verify_tc3(request: &HttpRequest, secret: &Secret, now: Timestamp, max_skew: u64) -> Result<Verified, VerifyError> {
    let auth = required_header(request, "authorization")?;
    let malformed = || VerifyError::Malformed { name: "Authorization".into(), value: auth.to_owned() };
    let fields = authorization_fields(auth, tc3::ALGORITHM).ok_or_else(|| {
        match auth.split_whitespace().next().filter(|a| *a != tc3::ALGORITHM && !a.contains('=')) {
            Some(other) => VerifyError::UnsupportedAlgorithm { name: "Authorization".into(), value: other.to_owned() },
            None => malformed(),
        }
    })?;
    let action = required_header(request, "x-tc-action")?;
    if action != ACTION {
        return Err(VerifyError::WrongAction { action: action.to_owned() });
    }
    let version = required_header(request, "x-tc-version")?;
    if version != VERSION {
        return Err(VerifyError::WrongVersion { version: version.to_owned() });
    }
    let ts_text = required_header(request, "x-tc-timestamp")?;
    let timestamp = parse_time("X-TC-Timestamp", ts_text, Timestamp::parse_unix)?;
    let mut scope = fields.credential.splitn(4, '/');
    let (Some(access_key_id), Some(date), Some(service), Some(term)) =
        (scope.next(), scope.next(), scope.next(), scope.next())
    else {
        return Err(malformed());
    };
    if access_key_id.is_empty() || term != tc3::TERM {
        return Err(malformed());
    }
    for needed in ["content-type", "host"] {
        if !fields.signed_headers.iter().any(|h| h.eq_ignore_ascii_case(needed)) {
            return Err(VerifyError::Unsigned { header: needed.to_owned() });
        }
    }
    within_skew(timestamp, now, max_skew)?;
    // The scope's day is the UTC day of the timestamp; its service is `cvm`, or the host's first
    // label, which the Node.js SDK signs (`127` for `127.0.0.1:8080`).
    let host = request.header("host").unwrap_or_default();
    let first_label = host.split(['.', ':']).next().unwrap_or_default();
    let expected_scope = tc3::CredentialScope::new(timestamp, SERVICE);
    if date != timestamp.utc_date() || (service != SERVICE && service != first_label) {
        return Err(VerifyError::ScopeMismatch {
            expected: expected_scope.to_string(),
            found: fields.credential[access_key_id.len() + 1..].to_owned(),
        });
    }
    let hashed_payload = match request.header("x-tc-content-sha256") {
        Some(UNSIGNED_PAYLOAD) => sha256_hex(UNSIGNED_PAYLOAD.as_bytes()),
        _ => sha256_hex(&request.body),
    };
    let mut headers = signed_header_values(request, &fields.signed_headers)?;
    let sign = |headers: &[(String, String)]| {
        let input = tc3::Input {
            method: &request.method,
            query: &request.query,
            headers,
            hashed_payload: &hashed_payload,
            timestamp,
            service,
        };
        tc3::sign(&input, access_key_id, secret)
    };
    let mut expected = sign(&headers);
    // The Node.js SDK signs the host without its port while it sends the port.
    if !constant_time_eq(expected.signature.as_bytes(), fields.signature.as_bytes())
        && let Some((bare, _)) = host.rsplit_once(':').filter(|(h, p)| !h.contains(':') && !p.is_empty())
    {
        for (name, value) in headers.iter_mut() {
            if name == "host" {
                *value = bare.to_owned();
            }
        }
        let retry = sign(&headers);
        if constant_time_eq(retry.signature.as_bytes(), fields.signature.as_bytes()) {
            expected = retry;
        }
    }
    if !constant_time_eq(expected.signature.as_bytes(), fields.signature.as_bytes()) {
        return Err(VerifyError::SignatureMismatch { string_to_sign: expected.string_to_sign.to_string() });
    }
    Ok(Verified {
        access_key_id: access_key_id.to_owned(),
        algorithm: Algorithm::Tencent3Tc3,
        timestamp,
        nonce: None,
        region: request.header("x-tc-region").map(str::to_owned),
    })
}

/// Reads `{"Response":{…}}`: `ImageId` and `RequestId` on success, `Error.Code`/`Message` on failure.
pub fn parse_response(http_status: u16, body: &[u8]) -> Result<ApiResponse, ResponseError> {
    let map = json_object(http_status, body)?;
    let Some(Value::Object(response)) = map.get("Response") else {
        return Err(ResponseError::Unexpected { http_status, reason: "no Response object in the answer" });
    };
    let request_id = text(response, "RequestId");
    if let Some(error) = response.get("Error") {
        let Value::Object(error) = error else {
            return Err(ResponseError::Unexpected { http_status, reason: "Response.Error is not an object" });
        };
        let Some(code) = text(error, "Code") else {
            return Err(ResponseError::Unexpected { http_status, reason: "Response.Error without a Code" });
        };
        return Ok(ApiResponse::Failed(ApiError {
            provider: Provider::Tencent3,
            http_status,
            request_id,
            code: ErrorCode::parse(Provider::Tencent3, &code),
            message: text(error, "Message").unwrap_or_default(),
            recommend: None,
        }));
    }
    if !(200..300).contains(&http_status) {
        return Err(ResponseError::Unexpected { http_status, reason: "an HTTP error without Response.Error" });
    }
    let request_id =
        request_id.ok_or(ResponseError::Unexpected { http_status, reason: "Response without RequestId" })?;
    // An old English edition says ImageId "may return null".
    Ok(ApiResponse::Created(Created { request_id, image_id: text(response, "ImageId") }))
}

/// The JSON object a 3.0 answer carries (`{"Response":{…}}`), for the emulator.
pub fn envelope(response: Map<String, Value>) -> Value {
    let mut out = Map::new();
    out.insert("Response".into(), Value::Object(response));
    Value::Object(out)
}
