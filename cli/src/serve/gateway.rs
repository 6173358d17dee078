//! The providers' CreateImage endpoints, at each provider's own path: decode with the wire layer,
//! authenticate as the provider does (the wire layer's `verify`, the fixture's keys, single-use
//! nonces), then the emulator, then the provider's envelope. Logs carry the request id, provider,
//! outcome and time; never a secret, a signature or a body.

use super::emulator::Failure;
use super::envelope::{self, Format, Reply};
use super::{App, ids, now_ms};
use axum::body::Body;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, Method, Request, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, any};
use createimage_validator::Provider;
use createimage_validator::catalog::KnownCode;
use createimage_validator::providers::{aliyun, jdcloud, tencent3};
use createimage_validator::wire::{self, DecodeError, HttpRequest, Secret, Timestamp, VerifyError, percent};
use serde_json::Value;
use tower::ServiceExt as _;
use tower_http::services::ServeFile;

/// How far a request's time may be from the server's, in seconds.
fn max_skew(provider: Provider) -> u64 {
    provider.registration().wire.clock_skew_secs
}

fn http_request(method: &Method, uri: &axum::http::Uri, headers: &HeaderMap, body: &[u8]) -> HttpRequest {
    HttpRequest {
        method: method.as_str().to_owned(),
        scheme: "http".to_owned(),
        host: headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default().to_owned(),
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or_default().to_owned(),
        headers: headers
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect(),
        body: body.to_vec(),
    }
}

/// The largest request body the emulator reads; CreateImage requests are far smaller.
pub const MAX_BODY: usize = 1024 * 1024;

/// `/`: Tencent's API 3.0 when the request says so (its `X-TC-Action` header, or `Action` with
/// `Version=2017-03-12`), else Alibaba's RPC endpoint when it names an action (an `Action`
/// parameter, or the `x-acs-action` header of the V3 SDKs), the console otherwise.
pub async fn root(State(app): State<App>, OriginalUri(uri): OriginalUri, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_BODY).await;
    let req = http_request(&parts.method, &uri, &parts.headers, bytes.as_deref().unwrap_or_default());
    let api3 = tencent3::wire::is_api3(&req);
    if api3 || aliyun::wire::names_action(&req) || bytes.is_err() && parts.method == Method::POST {
        let provider = if api3 { Provider::Tencent3 } else { Provider::Aliyun };
        return respond(match bytes {
            Ok(_) => handle(&app, provider, &req),
            Err(_) => too_large(provider, &req),
        });
    }
    let index = ServeFile::new(app.dist.join("index.html")).precompressed_br().precompressed_gzip();
    match index.oneshot(Request::from_parts(parts, Body::empty())).await {
        Ok(r) => r.into_response(),
        Err(e) => (axum::http::StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// The CreateImage endpoint of `provider` (Tencent, JD, Zenlayer: their own paths and every path
/// below their API's prefix, so that a wrong path gets the provider's answer too; Alibaba shares `/`).
pub fn endpoint(provider: Provider) -> MethodRouter<App> {
    any(move |State(app): State<App>, OriginalUri(uri): OriginalUri, request: Request<Body>| async move {
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_BODY).await;
        let req = http_request(&parts.method, &uri, &parts.headers, bytes.as_deref().unwrap_or_default());
        respond(match bytes {
            Ok(_) => handle(&app, provider, &req),
            Err(_) => too_large(provider, &req),
        })
    })
}

/// A body over [`MAX_BODY`] (or one that breaks off), in the provider's envelope.
fn too_large(provider: Provider, req: &HttpRequest) -> Reply {
    let request_id = ids::request_id(provider);
    let message = format!("the request body could not be read whole or is over {MAX_BODY} bytes");
    let failure = Failure::new(provider.spec().generic, None, message);
    tracing::info!(%provider, request_id, status = failure.http_status, code = failure.code.as_str(), "CreateImage: body refused");
    envelope::error(provider, &request_id, &failure, format(provider, req))
}

fn respond(reply: Reply) -> Response {
    (
        axum::http::StatusCode::from_u16(reply.status).unwrap_or(axum::http::StatusCode::OK),
        [(header::CONTENT_TYPE, reply.content_type)],
        reply.body,
    )
        .into_response()
}

/// Alibaba's parameters, read leniently (a pair that does not decode is kept as best it can be), so
/// that even a request whose parameters the API refuses is answered in the format it asks for.
fn rpc_params(req: &HttpRequest) -> Vec<(String, String)> {
    let mut params = percent::parse_form_lenient(&req.query);
    if req.media_type().as_deref() == Some(aliyun::wire::FORM) {
        params.extend(percent::parse_form_lenient(&String::from_utf8_lossy(&req.body)));
    }
    params
}

/// How the answer is written: Alibaba's `Format` (or `Accept`), JSON for the others.
fn format(provider: Provider, req: &HttpRequest) -> Format {
    match provider {
        Provider::Aliyun => {
            let params = rpc_params(req);
            let format = params.iter().find(|(k, _)| k == "Format").map(|(_, v)| v.as_str());
            Format::of_request(format, req.header("accept"))
        }
        Provider::Tencent | Provider::Tencent3 | Provider::JdCloud | Provider::Zenlayer => Format::Json,
    }
}

/// One CreateImage call, start to end.
pub fn handle(app: &App, provider: Provider, req: &HttpRequest) -> Reply {
    let started = std::time::Instant::now();
    let request_id = ids::request_id(provider);
    let format = format(provider, req);
    let outcome = call(app, provider, req, &request_id);
    let reply = match &outcome {
        Ok(image_id) => envelope::success(provider, &request_id, image_id, format),
        Err(failure) => envelope::error(provider, &request_id, failure, format),
    };
    let code = outcome.as_ref().err().map(|f| f.code.as_str());
    tracing::info!(%provider, request_id, status = reply.status, code, us = started.elapsed().as_micros() as u64, "CreateImage");
    reply
}

fn call(app: &App, provider: Provider, req: &HttpRequest, request_id: &str) -> Result<String, Failure> {
    // A page of another origin, or a name this server was not started on (DNS rebinding).
    app.guard
        .check(Some(&req.host), req.header("origin"), req.header("sec-fetch-site"))
        .map_err(|why| Failure::new(provider.spec().generic, None, why.to_string()))?;
    // What the request is (path, method, action) before who sent it: a wrong path or action gets
    // the provider's "not found" whoever asks.
    let mut request = wire::decode(provider, req).map_err(|e| decode_failure(provider, &e))?;
    let now_ms = now_ms();
    let now = Timestamp::from_unix(now_ms / 1000).expect("the clock is after 1970");
    let Some(key) = wire::access_key_id(provider, req) else {
        let e = VerifyError::Missing { name: provider.registration().wire.access_key_parameter.to_owned() };
        return Err(verify_failure(provider, &e));
    };
    let Some(account) = app.emulator.account(provider, &key) else {
        return Err(unknown_key(provider, &key));
    };
    let verified = wire::verify(provider, req, &Secret::new(account.secret.clone()), now, max_skew(provider))
        .map_err(|e| verify_failure(provider, &e))?;
    if let Some(nonce) = &verified.nonce {
        let slot = format!("{provider}\n{key}\n{nonce}");
        let forget_at = now_ms + 2 * max_skew(provider) * 1000;
        if !app.emulator.with_state(|s| s.use_nonce(&slot, now_ms, forget_at)) {
            return Err(replay(provider));
        }
    }
    // A region the signature carries as a common parameter (Tencent's `Region`): the emulator needs
    // it (quotas are per region).
    if let (Some(name), Some(region), Some(map)) =
        (provider.registration().wire.region_parameter, &verified.region, request.as_object_mut())
    {
        map.entry(name).or_insert_with(|| Value::String(region.clone()));
    }
    app.emulator.create(provider, account, &request, now_ms, request_id).map(|c| c.image_id)
}

fn verify_failure(provider: Provider, e: &VerifyError) -> Failure {
    let registration = provider.registration();
    let code = e.code(provider).unwrap_or(registration.emulator.auth_failure);
    let message = match (e, registration.wire.signature_echo) {
        // The server's own words, with its string to sign.
        (VerifyError::SignatureMismatch { string_to_sign }, Some(echo)) => format!("{}{string_to_sign}", echo.message),
        _ => e.to_string(),
    };
    let message = match (provider, e) {
        // The gateway's own words (providers.md B.6).
        (Provider::Aliyun, VerifyError::Expired { .. }) => "Specified time stamp or date value is expired.".to_owned(),
        // The documented example of the 3.0 error envelope.
        (Provider::Tencent3, VerifyError::SignatureMismatch { .. }) => {
            "The provided credentials could not be validated. Please check your signature is correct.".to_owned()
        }
        (Provider::Tencent3, _) => message,
        (Provider::Aliyun | Provider::Tencent | Provider::JdCloud | Provider::Zenlayer, _) => message,
    };
    Failure::new(code, None, message)
}

fn unknown_key(provider: Provider, key: &str) -> Failure {
    let answer = provider.registration().emulator.unknown_key;
    Failure::new(answer.code, None, answer.message_for(key))
}

fn replay(provider: Provider) -> Failure {
    let answer = provider.registration().emulator.replay;
    Failure::new(answer.code, None, answer.message)
}

fn decode_failure(provider: Provider, e: &DecodeError) -> Failure {
    let message = e.to_string();
    let generic = provider.registration().spec.generic;
    // The inner `_` arms are over the errors: anything else is the provider's bad parameter.
    match provider {
        Provider::Aliyun => match e {
            DecodeError::MissingAction | DecodeError::WrongAction { .. } => Failure::new(
                KnownCode::Aliyun(aliyun::Code::InvalidActionNotFound),
                None,
                format!("Specified api is not found, please check your url and method. ({message})"),
            ),
            DecodeError::Method { .. } => {
                Failure::new(KnownCode::Aliyun(aliyun::Code::UnsupportedHTTPMethod), None, message)
            }
            _ => Failure::new(generic, None, message),
        },
        Provider::JdCloud => match e {
            DecodeError::Path { .. }
            | DecodeError::Method { .. }
            | DecodeError::MissingAction
            | DecodeError::WrongAction { .. } => {
                Failure::new(KnownCode::JdCloud(jdcloud::Code::NotFound), None, message)
            }
            _ => Failure::new(generic, None, message),
        },
        Provider::Tencent3 => match e {
            DecodeError::MissingAction | DecodeError::WrongAction { .. } => {
                Failure::new(KnownCode::Tencent3(tencent3::Code::InvalidAction), None, message)
            }
            DecodeError::Method { .. } => {
                Failure::new(KnownCode::Tencent3(tencent3::Code::UnsupportedProtocol), None, message)
            }
            _ => Failure::new(generic, None, message),
        },
        Provider::Tencent | Provider::Zenlayer => Failure::new(generic, None, message),
    }
}
