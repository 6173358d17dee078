//! Tencent CVM CreateImage on the legacy API v2 wire (seed 003; providers.md C.1, C.2, C.4,
//! C.5): `https://image.api.qcloud.com/v2/index.php`, GET (parameters in the query) or POST
//! (a form body), common parameters `Action`, `Region`, `Timestamp`, `Nonce`, `SecretId`,
//! `SignatureMethod`, `Signature` (and `Token` for temporary keys), the parameters unencoded in
//! the string to sign and encoded once on the wire.

use crate::catalog::ErrorCode;
use crate::provider::Provider;
use crate::valid::Valid;
use crate::wire::algorithms::tencent_v2::{self, SignatureMethod};
use crate::wire::decode::{DecodeError, flat_request, form_params};
use crate::wire::encode::{Algorithm, EncodeError, SignOptions, Signed, Stages, not_sent, prepare};
use crate::wire::hash::constant_time_eq;
use crate::wire::http::{HttpRequest, Method};
use crate::wire::percent;
use crate::wire::response::{ApiError, ApiResponse, Created, ResponseError, json_object, text};
use crate::wire::secret::{Credentials, Secret};
use crate::wire::time::Timestamp;
use crate::wire::verify::{Verified, VerifyError, parse_time, required, within_skew};
use serde_json::Value;

/// Seed 003: "Domain name for API request: image.api.qcloud.com".
pub const HOST: &str = "image.api.qcloud.com";
pub const PATH: &str = "/v2/index.php";
pub const ACTION: &str = "CreateImage";
pub const FORM: &str = "application/x-www-form-urlencoded";
/// Common parameters the Python SDK adds besides those of C.4 (`RequestClient`, and `Version` for
/// cvm): signed like any parameter, never part of the request itself.
const SDK_EXTRAS: &[&str] = &["RequestClient", "Version"];

/// Signs `valid` (a Tencent request): GET unless POST is asked for.
pub fn encode(valid: &Valid, credentials: &Credentials, options: &SignOptions) -> Result<Signed, EncodeError> {
    let (algorithm, method) = prepare(Provider::Tencent, credentials, options, &[Method::Get, Method::Post])?;
    let region = region(valid, options)?;
    let api = V1 { host: HOST, path: PATH, version: None, is_common };
    Ok(encode_v1(valid, credentials, options, &api, algorithm, method, region))
}

/// The `Region` a Tencent request is signed for: `--region`, else the request's.
pub(crate) fn region(valid: &Valid, options: &SignOptions) -> Result<String, EncodeError> {
    let region = match (&options.region, valid.get_str("Region")) {
        (Some(given), _) => given.clone(),
        (None, Some(request)) => request.to_owned(),
        (None, None) => return Err(EncodeError::MissingRegion),
    };
    if region.is_empty() {
        return Err(EncodeError::MissingRegion);
    }
    Ok(region)
}

/// Where one of Tencent's APIs takes signature v1 requests: the legacy v2 at `/v2/index.php`,
/// API 3.0 at `/` with its `Version`.
pub(crate) struct V1 {
    pub host: &'static str,
    pub path: &'static str,
    pub version: Option<&'static str>,
    /// The API's common parameters: set by the signer, never taken from the request.
    pub is_common: fn(&str) -> bool,
}

/// A signature v1 request (HmacSHA1 unless `algorithm` is one of the HmacSHA256 ones): the
/// common parameters, then the request's own, flat, in the query (GET) or a form body (POST).
pub(crate) fn encode_v1(
    valid: &Valid,
    credentials: &Credentials,
    options: &SignOptions,
    api: &V1,
    algorithm: Algorithm,
    method: Method,
    region: String,
) -> Signed {
    let hmac = match algorithm {
        Algorithm::TencentHmacSha1 | Algorithm::Tencent3HmacSha1 => SignatureMethod::HmacSha1,
        _ => SignatureMethod::HmacSha256,
    };
    let (scheme, host) = match &options.endpoint {
        Some(e) => (e.scheme.clone(), e.host.clone()),
        None => ("https".to_owned(), api.host.to_owned()),
    };
    let mut params: Vec<(String, String)> = vec![
        ("Action".into(), ACTION.into()),
        ("Region".into(), region),
        ("Timestamp".into(), options.timestamp.unix().to_string()),
        ("Nonce".into(), options.nonce.clone()),
        ("SecretId".into(), credentials.access_key_id.clone()),
        ("SignatureMethod".into(), hmac.as_str().into()),
    ];
    if let Some(version) = api.version {
        params.push(("Version".into(), version.into()));
    }
    if let Some(token) = &credentials.security_token {
        params.push(("Token".into(), token.expose().to_owned()));
    }
    params.extend(valid.flat().into_iter().filter(|(k, _)| !(api.is_common)(k)).map(|(k, v)| (k, v.to_string())));
    let signature = tencent_v2::sign(method.as_str(), &host, api.path, &params, &credentials.secret);
    params.push(("Signature".into(), signature.signature.clone()));
    let encoded = percent::form(&params);
    let (query, headers, body) = match method {
        Method::Get => (encoded, Vec::new(), Vec::new()),
        Method::Post => (String::new(), vec![("Content-Type".to_owned(), FORM.to_owned())], encoded.into_bytes()),
    };
    let request = HttpRequest {
        method: method.as_str().to_owned(),
        scheme,
        host,
        path: api.path.to_owned(),
        query,
        headers,
        body,
    };
    let used: &[&str] = if options.region.is_none() { &["Region"] } else { &[] };
    let mut signed = Signed::new(request, algorithm, Stages::TencentV2(signature), not_sent(valid, used));
    if let Some(token) = &credentials.security_token {
        signed.hide(token.expose());
    }
    signed
}

fn is_common(name: &str) -> bool {
    super::SPEC.field(name).is_some_and(|f| f.common)
}

fn check_route(request: &HttpRequest) -> Result<Vec<(String, String)>, DecodeError> {
    if request.method != "GET" && request.method != "POST" {
        return Err(DecodeError::Method { method: request.method.clone() });
    }
    if request.path != PATH {
        return Err(DecodeError::Path { path: request.path.clone() });
    }
    let params = form_params(request)?;
    match params.iter().find(|(k, _)| k == "Action") {
        None => Err(DecodeError::MissingAction),
        Some((_, a)) if a == ACTION => Ok(params),
        Some((_, a)) => Err(DecodeError::WrongAction { action: a.clone() }),
    }
}

/// The request JSON (flat form) of a CreateImage request: its parameters without the common ones.
pub fn decode(request: &HttpRequest) -> Result<Value, DecodeError> {
    let params = check_route(request)?;
    flat_request(&super::SPEC, &params, SDK_EXTRAS)
}

/// The `SecretId` parameter.
pub fn access_key_id(request: &HttpRequest) -> Option<String> {
    form_params(request).ok()?.into_iter().find(|(k, _)| k == "SecretId").map(|(_, v)| v)
}

/// Checks the v2 signature of a CreateImage request.
pub fn verify(request: &HttpRequest, secret: &Secret, now: Timestamp, max_skew: u64) -> Result<Verified, VerifyError> {
    let algorithms = (Algorithm::TencentHmacSha1, Algorithm::TencentHmacSha256);
    verify_v1(request, secret, now, max_skew, algorithms).map(|(verified, _)| verified)
}

/// Checks a signature v1 request (either API; `algorithms`: the API's HmacSHA1 and HmacSHA256)
/// and gives its parameters back for the API's own checks.
pub(crate) fn verify_v1(
    request: &HttpRequest,
    secret: &Secret,
    now: Timestamp,
    max_skew: u64,
    algorithms: (Algorithm, Algorithm),
) -> Result<(Verified, Vec<(String, String)>), VerifyError> {
    if request.method != "GET" && request.method != "POST" {
        return Err(VerifyError::Method { method: request.method.clone() });
    }
    let params =
        form_params(request).map_err(|e| VerifyError::Malformed { name: "parameters".into(), value: e.to_string() })?;
    let mut seen: Vec<&str> = Vec::new();
    for (k, _) in &params {
        if seen.contains(&k.as_str()) {
            return Err(VerifyError::Malformed { name: k.clone(), value: "given more than once".into() });
        }
        seen.push(k);
    }
    for name in ["Action", "Region", "Timestamp", "Nonce", "SecretId", "Signature"] {
        required(&params, name)?;
    }
    let action = required(&params, "Action")?;
    if action != ACTION {
        return Err(VerifyError::WrongAction { action: action.to_owned() });
    }
    let algorithm = match params.iter().find(|(k, _)| k == "SignatureMethod").map(|(_, v)| v.as_str()) {
        None | Some("HmacSHA1") => algorithms.0,
        Some("HmacSHA256") => algorithms.1,
        Some(other) => {
            return Err(VerifyError::UnsupportedAlgorithm { name: "SignatureMethod".into(), value: other.to_owned() });
        }
    };
    let ts_text = required(&params, "Timestamp")?;
    let timestamp = parse_time("Timestamp", ts_text, Timestamp::parse_unix)?;
    let nonce = required(&params, "Nonce")?;
    if nonce.is_empty() || !nonce.bytes().all(|b| b.is_ascii_digit()) || nonce.parse::<u64>().map_or(true, |n| n == 0) {
        return Err(VerifyError::Malformed { name: "Nonce".into(), value: nonce.to_owned() });
    }
    within_skew(timestamp, now, max_skew)?;
    let host = request.header("host").unwrap_or_default();
    let expected = tencent_v2::sign(&request.method, host, &request.path, &params, secret);
    let given = required(&params, "Signature")?;
    if !constant_time_eq(expected.signature.as_bytes(), given.as_bytes()) {
        return Err(VerifyError::SignatureMismatch { string_to_sign: expected.string_to_sign.to_string() });
    }
    let verified = Verified {
        access_key_id: required(&params, "SecretId")?.to_owned(),
        algorithm,
        timestamp,
        nonce: Some(nonce.to_owned()),
        region: Some(required(&params, "Region")?.to_owned()),
    };
    Ok((verified, params))
}

/// Reads `{"code":0,"message":"ok","requestId":…}` (success) or `{"code":≠0,"message":…}`.
pub fn parse_response(http_status: u16, body: &[u8]) -> Result<ApiResponse, ResponseError> {
    let map = json_object(http_status, body)?;
    let Some(code) = text(&map, "code") else {
        return Err(ResponseError::Unexpected { http_status, reason: "no code in the response" });
    };
    let request_id = text(&map, "requestId");
    if code == "0" && (200..300).contains(&http_status) {
        let request_id =
            request_id.ok_or(ResponseError::Unexpected { http_status, reason: "code 0 without requestId" })?;
        return Ok(ApiResponse::Created(Created { request_id, image_id: text(&map, "imageId") }));
    }
    Ok(ApiResponse::Failed(ApiError {
        provider: Provider::Tencent,
        http_status,
        request_id,
        code: ErrorCode::parse(Provider::Tencent, &code),
        message: text(&map, "message").unwrap_or_default(),
        recommend: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses() {
        // Seed 003's output example carries `24534341s`, a typo that is not JSON; the integer is meant.
        let ok = br#"{"code":0,"message":"ok","requestId":24534341}"#;
        assert_eq!(
            parse_response(200, ok),
            Ok(ApiResponse::Created(Created { request_id: "24534341".into(), image_id: None }))
        );
        let err = br#"{"code":4100,"message":"authentication failed","codeDesc":"AuthFailure"}"#;
        let ApiResponse::Failed(e) = parse_response(200, err).unwrap() else { panic!("an error") };
        assert_eq!(e.code.as_str(), "4100");
        assert!(matches!(e.code, ErrorCode::Known(_)) && !e.entries().is_empty());
        let odd = br#"{"code":9999,"message":"(100004) incorrect projectId"}"#;
        let ApiResponse::Failed(e) = parse_response(200, odd).unwrap() else { panic!("an error") };
        assert_eq!(e.code, ErrorCode::Unknown("9999".into()));
        assert!(parse_response(200, br#"{"message":"x"}"#).is_err());
        assert!(parse_response(200, b"{\"code\" : 0, \"requestId\" : 24534341s}").is_err());
    }
}
