//! Zenlayer VM CreateImage on the wire (providers.md A.1, A.2, A.5): `POST
//! https://console.zenlayer.com/api/v2/vm`, the request as compact JSON in the seed's parameter
//! order, headers `X-ZC-Action: CreateImage` (not the `X-TC-Action` typo of seed 000),
//! `X-ZC-Version`, `X-ZC-Timestamp`, `X-ZC-Signature-Method` and a `ZC2-HMAC-SHA256`
//! Authorization over `content-type;host` and the body.

use crate::provider::Provider;
use crate::valid::Signable;
use crate::wire::algorithms::{authorization_fields, zenlayer_zc2 as zc2};
use crate::wire::decode::{DecodeError, json_body};
use crate::wire::encode::{EncodeError, SignOptions, Signed, Stages, not_sent, prepare};
use crate::wire::hash::constant_time_eq;
use crate::wire::http::{HttpRequest, Method};
use crate::wire::response::{ApiError, ApiResponse, Created, ResponseError, json_object, text};
use crate::wire::secret::{Credentials, Secret};
use crate::wire::time::Timestamp;
use crate::wire::verify::{Verified, VerifyError, parse_time, required_header, signed_header_values, within_skew};
use crate::{ErrorCode, wire::encode::Algorithm};
use serde_json::Value;

pub const HOST: &str = "console.zenlayer.com";
/// `"/api/v2/" + serviceName` (sdk-go `InitWithApiInfo`).
pub const PATH: &str = "/api/v2/vm";
pub const ACTION: &str = "CreateImage";
/// The VM API version CreateImage is sent under (sdk-go `vm20230313`); `2026-04-01` defines the
/// same three fields and is accepted by [`verify`].
pub const VERSION: &str = "2023-03-13";
pub const VERSIONS: &[&str] = &["2023-03-13", "2026-04-01"];
pub const CONTENT_TYPE: &str = "application/json";

/// Signs `valid` (a Zenlayer request) as the SDKs do.
pub fn encode(valid: &Signable, credentials: &Credentials, options: &SignOptions) -> Result<Signed, EncodeError> {
    let (algorithm, method) = prepare(Provider::Zenlayer, credentials, options, &[Method::Post])?;
    if options.region.is_some() {
        return Err(EncodeError::NoRegionParameter { provider: Provider::Zenlayer });
    }
    if credentials.security_token.is_some() {
        return Err(EncodeError::TokenUnsupported { provider: Provider::Zenlayer });
    }
    let (scheme, host) = match &options.endpoint {
        Some(e) => (e.scheme.clone(), e.host.clone()),
        None => ("https".to_owned(), HOST.to_owned()),
    };
    let body = valid.json_body(|_| true);
    let timestamp = options.timestamp.unix().to_string();
    let signed_headers = vec![("content-type".to_owned(), CONTENT_TYPE.to_owned()), ("host".to_owned(), host.clone())];
    let input = zc2::Input { method: method.as_str(), headers: &signed_headers, body: &body, timestamp: &timestamp };
    let signature = zc2::sign(&input, &credentials.access_key_id, &credentials.secret);
    let headers = vec![
        ("Content-Type".to_owned(), CONTENT_TYPE.to_owned()),
        ("X-ZC-Action".to_owned(), ACTION.to_owned()),
        ("X-ZC-Version".to_owned(), VERSION.to_owned()),
        ("X-ZC-Timestamp".to_owned(), timestamp),
        ("X-ZC-Signature-Method".to_owned(), zc2::ALGORITHM.to_owned()),
        ("Authorization".to_owned(), signature.authorization.to_string()),
    ];
    let request = HttpRequest {
        method: method.as_str().to_owned(),
        scheme,
        host,
        path: PATH.to_owned(),
        query: String::new(),
        headers,
        body,
    };
    Ok(Signed::new(request, algorithm, Stages::Zenlayer(signature), not_sent(valid, &[])))
}

fn check_route(request: &HttpRequest) -> Result<(), DecodeError> {
    if request.method != "POST" {
        return Err(DecodeError::Method { method: request.method.clone() });
    }
    if request.path != PATH && request.path.strip_suffix('/') != Some(PATH) {
        return Err(DecodeError::Path { path: request.path.clone() });
    }
    match request.header("x-zc-action") {
        None => Err(DecodeError::MissingAction),
        Some(ACTION) => Ok(()),
        Some(other) => Err(DecodeError::WrongAction { action: other.to_owned() }),
    }
}

/// The request JSON of a CreateImage request (its body, `null`s dropped).
pub fn decode(request: &HttpRequest) -> Result<Value, DecodeError> {
    check_route(request)?;
    json_body(request).map(Value::Object)
}

/// The AccessKey ID of the Authorization header.
pub fn access_key_id(request: &HttpRequest) -> Option<String> {
    authorization_fields(request.header("authorization")?, zc2::ALGORITHM).map(|a| a.credential)
}

/// Checks the `ZC2-HMAC-SHA256` signature of a CreateImage request.
pub fn verify(request: &HttpRequest, secret: &Secret, now: Timestamp, max_skew: u64) -> Result<Verified, VerifyError> {
    if request.method != "POST" {
        return Err(VerifyError::Method { method: request.method.clone() });
    }
    let authorization = required_header(request, "authorization")?;
    let auth = authorization_fields(authorization, zc2::ALGORITHM).ok_or_else(|| {
        let scheme = authorization.split_whitespace().next().unwrap_or("");
        if scheme == zc2::ALGORITHM {
            VerifyError::Malformed { name: "Authorization".into(), value: authorization.to_owned() }
        } else {
            // Includes `Bearer <token>`, the personal-access-token form createimage does not sign.
            VerifyError::UnsupportedAlgorithm { name: "Authorization".into(), value: scheme.to_owned() }
        }
    })?;
    let method = required_header(request, "x-zc-signature-method")?;
    if method != zc2::ALGORITHM {
        return Err(VerifyError::UnsupportedAlgorithm { name: "X-ZC-Signature-Method".into(), value: method.into() });
    }
    let action = required_header(request, "x-zc-action")?;
    if action != ACTION {
        return Err(VerifyError::WrongAction { action: action.to_owned() });
    }
    let version = required_header(request, "x-zc-version")?;
    if !VERSIONS.contains(&version) {
        return Err(VerifyError::WrongVersion { version: version.to_owned() });
    }
    let ts_text = required_header(request, "x-zc-timestamp")?;
    let timestamp = parse_time("X-ZC-Timestamp", ts_text, Timestamp::parse_unix)?;
    for must in ["content-type", "host"] {
        if !auth.signed_headers.iter().any(|h| h.eq_ignore_ascii_case(must)) {
            return Err(VerifyError::Unsigned { header: must.to_owned() });
        }
    }
    let headers = signed_header_values(request, &auth.signed_headers)?;
    within_skew(timestamp, now, max_skew)?;
    let input = zc2::Input { method: &request.method, headers: &headers, body: &request.body, timestamp: ts_text };
    let expected = zc2::sign(&input, &auth.credential, secret);
    if !constant_time_eq(expected.signature.as_bytes(), auth.signature.as_bytes()) {
        return Err(VerifyError::SignatureMismatch { string_to_sign: expected.string_to_sign.to_string() });
    }
    Ok(Verified {
        access_key_id: auth.credential,
        algorithm: Algorithm::ZenlayerZc2,
        timestamp,
        nonce: None,
        region: None,
    })
}

/// Reads `{"requestId","response":{"requestId","imageId"}}` or `{"requestId","code","message"}`.
pub fn parse_response(http_status: u16, body: &[u8]) -> Result<ApiResponse, ResponseError> {
    let map = json_object(http_status, body)?;
    if let Some(code) = text(&map, "code") {
        return Ok(ApiResponse::Failed(ApiError {
            provider: Provider::Zenlayer,
            http_status,
            request_id: text(&map, "requestId"),
            code: ErrorCode::parse(Provider::Zenlayer, &code),
            message: text(&map, "message").unwrap_or_default(),
            recommend: None,
        }));
    }
    match map.get("response") {
        Some(Value::Object(inner)) if (200..300).contains(&http_status) => {
            let request_id = text(&map, "requestId").or_else(|| text(inner, "requestId"));
            match (request_id, text(inner, "imageId")) {
                (Some(request_id), Some(image_id)) => {
                    Ok(ApiResponse::Created(Created { request_id, image_id: Some(image_id) }))
                }
                _ => Err(ResponseError::Unexpected { http_status, reason: "a response without requestId or imageId" }),
            }
        }
        _ => Err(ResponseError::Unexpected { http_status, reason: "neither a response nor an error code" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses() {
        // providers.md A.1 (success) and A.5 (failure) examples.
        let ok = br#"{"requestId":"T69E37B61-4E39-4461-A2BB-205F847D1D60","response":{"requestId":"T69E37B61-4E39-4461-A2BB-205F847D1D60","imageId":"img-xxxxx"}}"#;
        assert_eq!(
            parse_response(200, ok),
            Ok(ApiResponse::Created(Created {
                request_id: "T69E37B61-4E39-4461-A2BB-205F847D1D60".into(),
                image_id: Some("img-xxxxx".into())
            }))
        );
        let err = br#"{"requestId":"T67723B59-F4D1-42EA-BDC1-5E67167FD8CC","code":"INVALID_ZONE_NOT_FOUND","message":"The specified zoneId `SEL--A` is not found"}"#;
        let ApiResponse::Failed(e) = parse_response(400, err).unwrap() else { panic!("an error") };
        assert_eq!(e.code.as_str(), "INVALID_ZONE_NOT_FOUND");
        assert!(matches!(e.code, ErrorCode::Known(_)));
        assert_eq!(e.entries()[0].code.as_str(), "INVALID_ZONE_NOT_FOUND");
        let unknown = br#"{"requestId":"T1","code":"SIGNATURE_VERIFICATION_FAILED","message":"no"}"#;
        let ApiResponse::Failed(e) = parse_response(401, unknown).unwrap() else { panic!("an error") };
        assert_eq!(e.code, ErrorCode::Unknown("SIGNATURE_VERIFICATION_FAILED".into()));
        assert!(e.entries().is_empty() && e.to_string().contains("not in createimage's catalog"));
        assert!(matches!(parse_response(502, b"<html>bad gateway</html>"), Err(ResponseError::NotEnvelope { .. })));
        assert!(matches!(parse_response(200, b"{}"), Err(ResponseError::Unexpected { .. })));
    }
}
