//! JD Cloud VM createImage on the wire (seed 004; providers.md D.1, D.2, D.5): `POST
//! https://vm.jdcloud-api.com/v1/regions/{regionId}/instances/{instanceId}:createImage`, the path
//! parameters percent-encoded in the path and **only** the body parameters (`name`,
//! `description`, `dataDisks`) as compact JSON in the seed's order. Signed with JDCLOUD2 (the
//! default) or JDCLOUD3 over `content-type;host;x-jdcloud-date;x-jdcloud-nonce`, scope
//! `yyyymmdd/{regionId}/vm/…`. Verification takes whatever headers the client signed.

use crate::catalog::ErrorCode;
use crate::provider::Provider;
use crate::valid::Signable;
use crate::wire::algorithms::authorization_fields;
use crate::wire::algorithms::jdcloud::{self as jd, Version};
use crate::wire::decode::{DecodeError, json_body};
use crate::wire::encode::{Algorithm, EncodeError, SignOptions, Signed, Stages, agree_region, not_sent, prepare};
use crate::wire::hash::{constant_time_eq, sha256_hex};
use crate::wire::http::{HttpRequest, Method};
use crate::wire::percent;
use crate::wire::response::{ApiError, ApiResponse, Created, ResponseError, json_object, text};
use crate::wire::secret::{Credentials, Secret};
use crate::wire::time::Timestamp;
use crate::wire::verify::{
    Verified, VerifyError, bounded_nonce, parse_time, required_header, signed_header_values, within_skew,
};
use serde_json::{Map, Value};

pub const HOST: &str = "vm.jdcloud-api.com";
/// The service of the credential scope (sdk-go `VmClient`: `ServiceName: "vm"`).
pub const SERVICE: &str = "vm";
pub const CONTENT_TYPE: &str = "application/json";
/// The request fields that go in the path, not the body.
pub const PATH_PARAMETERS: [&str; 2] = ["regionId", "instanceId"];
const SUFFIX: &str = ":createImage";

/// The wire path for a region and an instance, each percent-encoded as one segment.
pub fn path(region_id: &str, instance_id: &str) -> String {
    format!("/v1/regions/{}/instances/{}{SUFFIX}", percent::encode(region_id), percent::encode(instance_id))
}

/// Signs `valid` (a JD request).
pub fn encode(valid: &Signable, credentials: &Credentials, options: &SignOptions) -> Result<Signed, EncodeError> {
    let (algorithm, method) = prepare(Provider::JdCloud, credentials, options, &[Method::Post])?;
    if credentials.security_token.is_some() {
        return Err(EncodeError::TokenUnsupported { provider: Provider::JdCloud });
    }
    let region = valid.get_str("regionId").unwrap_or_default();
    let instance = valid.get_str("instanceId").unwrap_or_default();
    agree_region(options.region.as_deref(), region)?;
    for (field, value) in [("regionId", region), ("instanceId", instance)] {
        if value == "." || value == ".." {
            return Err(EncodeError::DotSegment { field });
        }
    }
    if region.contains(['/', ',']) {
        return Err(EncodeError::UnscopedRegion { region: region.to_owned() });
    }
    let version = if algorithm == Algorithm::Jdcloud3 { Version::Jdcloud3 } else { Version::Jdcloud2 };
    let (scheme, host) = match &options.endpoint {
        Some(e) => (e.scheme.clone(), e.host.clone()),
        None => ("https".to_owned(), HOST.to_owned()),
    };
    let path = path(region, instance);
    let body = valid.json_body(|f| !PATH_PARAMETERS.contains(&f.path));
    let hashed_payload = sha256_hex(&body);
    let date = options.timestamp.basic();
    let to_sign = vec![
        ("content-type".to_owned(), CONTENT_TYPE.to_owned()),
        ("host".to_owned(), host.clone()),
        ("x-jdcloud-date".to_owned(), date.clone()),
        ("x-jdcloud-nonce".to_owned(), options.nonce.clone()),
    ];
    let input = jd::Input {
        version,
        method: method.as_str(),
        path: &path,
        query: "",
        headers: &to_sign,
        hashed_payload: &hashed_payload,
        date: &date,
        region,
        service: SERVICE,
    };
    let signature = jd::sign(&input, &credentials.access_key_id, &credentials.secret);
    let headers = vec![
        ("Content-Type".to_owned(), CONTENT_TYPE.to_owned()),
        ("x-jdcloud-date".to_owned(), date),
        ("x-jdcloud-nonce".to_owned(), options.nonce.clone()),
        ("Authorization".to_owned(), signature.authorization.to_string()),
    ];
    let request =
        HttpRequest { method: method.as_str().to_owned(), scheme, host, path, query: String::new(), headers, body };
    Ok(Signed::new(request, algorithm, Stages::Jdcloud(signature), not_sent(valid, &[])))
}

/// The raw (still percent-encoded) region and instance segments of a createImage path.
fn path_segments(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix("/v1/regions/")?;
    let (region, rest) = rest.split_once('/')?;
    let instance = rest.strip_prefix("instances/")?.strip_suffix(SUFFIX)?;
    (!region.is_empty() && !instance.is_empty() && !instance.contains('/')).then_some((region, instance))
}

fn route(request: &HttpRequest) -> Result<(String, String), DecodeError> {
    if request.method != "POST" {
        return Err(DecodeError::Method { method: request.method.clone() });
    }
    let bad_path = || DecodeError::Path { path: request.path.clone() };
    let (region, instance) = path_segments(&request.path).ok_or_else(bad_path)?;
    let region = percent::decode(region, false).map_err(|_| bad_path())?;
    let instance = percent::decode(instance, false).map_err(|_| bad_path())?;
    Ok((region, instance))
}

/// The request JSON: `regionId` and `instanceId` from the path, then the body's members. The
/// SDKs also put the path parameters in the body (and `null` for absent values): those copies
/// are dropped, the path wins.
pub fn decode(request: &HttpRequest) -> Result<Value, DecodeError> {
    let (region, instance) = route(request)?;
    let body = json_body(request)?;
    let mut out = Map::new();
    out.insert("regionId".into(), Value::String(region));
    out.insert("instanceId".into(), Value::String(instance));
    for (k, v) in body {
        if !PATH_PARAMETERS.iter().any(|p| p.eq_ignore_ascii_case(&k)) {
            out.insert(k, v);
        }
    }
    Ok(Value::Object(out))
}

/// The AccessKey of the Authorization header's Credential.
pub fn access_key_id(request: &HttpRequest) -> Option<String> {
    let auth = request.header("authorization")?;
    let version = Version::of_authorization(auth)?;
    let fields = authorization_fields(auth, version.algorithm())?;
    fields.credential.split('/').next().map(str::to_owned)
}

/// Checks a createImage request's JDCLOUD2 or JDCLOUD3 signature.
pub fn verify(request: &HttpRequest, secret: &Secret, now: Timestamp, max_skew: u64) -> Result<Verified, VerifyError> {
    if request.method != "POST" {
        return Err(VerifyError::Method { method: request.method.clone() });
    }
    let authorization = required_header(request, "authorization")?;
    let malformed = || VerifyError::Malformed { name: "Authorization".into(), value: authorization.to_owned() };
    let Some(version) = Version::of_authorization(authorization) else {
        let scheme = authorization.split_whitespace().next().unwrap_or("").to_owned();
        return Err(VerifyError::UnsupportedAlgorithm { name: "Authorization".into(), value: scheme });
    };
    let auth = authorization_fields(authorization, version.algorithm()).ok_or_else(malformed)?;
    let scope: Vec<&str> = auth.credential.split('/').collect();
    let [access_key_id, day, scope_region, service, term] = scope.as_slice() else {
        return Err(malformed());
    };
    let date = required_header(request, "x-jdcloud-date")?;
    let nonce = bounded_nonce("x-jdcloud-nonce", required_header(request, "x-jdcloud-nonce")?)?;
    let timestamp = parse_time("x-jdcloud-date", date, Timestamp::parse_basic)?;
    // The server verifies over the headers the client lists (D.2): the Python SDK signs only
    // `content-type;host` and sends the date and nonce unsigned (the date is in the string to sign
    // all the same). A security token, when sent, must be signed.
    if request.header("x-jdcloud-security-token").is_some()
        && !auth.signed_headers.iter().any(|h| h.eq_ignore_ascii_case("x-jdcloud-security-token"))
    {
        return Err(VerifyError::Unsigned { header: "x-jdcloud-security-token".to_owned() });
    }
    let (path_region, _) =
        route(request).map_err(|_| VerifyError::Malformed { name: "path".into(), value: request.path.clone() })?;
    let expected_scope = format!("{}/{path_region}/{SERVICE}/{}", &date[..8], version.term());
    let found_scope = format!("{day}/{scope_region}/{service}/{term}");
    if expected_scope != found_scope {
        return Err(VerifyError::ScopeMismatch { expected: expected_scope, found: found_scope });
    }
    let body_hash = sha256_hex(&request.body);
    if let Some(declared) = request.header("x-jdcloud-content-sha256")
        && !constant_time_eq(declared.as_bytes(), body_hash.as_bytes())
    {
        return Err(VerifyError::ContentHashMismatch);
    }
    let headers = signed_header_values(request, &auth.signed_headers)?;
    within_skew(timestamp, now, max_skew)?;
    let input = jd::Input {
        version,
        method: &request.method,
        path: &request.path,
        query: &request.query,
        headers: &headers,
        hashed_payload: &body_hash,
        date,
        region: scope_region,
        service,
    };
    let expected = jd::sign(&input, access_key_id, secret);
    if !constant_time_eq(expected.signature.as_bytes(), auth.signature.as_bytes()) {
        return Err(VerifyError::SignatureMismatch { string_to_sign: expected.string_to_sign.to_string() });
    }
    Ok(Verified {
        access_key_id: (*access_key_id).to_owned(),
        algorithm: if version == Version::Jdcloud3 { Algorithm::Jdcloud3 } else { Algorithm::Jdcloud2 },
        timestamp,
        nonce: Some(nonce.to_owned()),
        region: Some(path_region),
    })
}

/// Reads `{"requestId","result":{"imageId"}}` or `{"requestId","error":{"code","status","message"}}`.
pub fn parse_response(http_status: u16, body: &[u8]) -> Result<ApiResponse, ResponseError> {
    let map = json_object(http_status, body)?;
    let request_id = text(&map, "requestId");
    if let Some(Value::Object(error)) = map.get("error") {
        let Some(status) = text(error, "status") else {
            return Err(ResponseError::Unexpected { http_status, reason: "an error without status" });
        };
        return Ok(ApiResponse::Failed(ApiError {
            provider: Provider::JdCloud,
            http_status,
            request_id,
            code: ErrorCode::parse(Provider::JdCloud, &status),
            message: text(error, "message").unwrap_or_default(),
            recommend: None,
        }));
    }
    match (request_id, map.get("result")) {
        (Some(request_id), Some(Value::Object(result))) if (200..300).contains(&http_status) => {
            match text(result, "imageId") {
                Some(image_id) => Ok(ApiResponse::Created(Created { request_id, image_id: Some(image_id) })),
                None => Err(ResponseError::Unexpected { http_status, reason: "a result without imageId" }),
            }
        }
        _ => Err(ResponseError::Unexpected { http_status, reason: "neither a result nor an error" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            path("cn-north-1", "i-eumm****d6"),
            "/v1/regions/cn-north-1/instances/i-eumm%2A%2A%2A%2Ad6:createImage"
        );
        assert_eq!(path_segments("/v1/regions/cn-north-1/instances/i-1:createImage"), Some(("cn-north-1", "i-1")));
        for bad in [
            "/v1/regions/cn-north-1/instances/i-1",
            "/v1/regions//instances/i:createImage",
            "/v1/regions/r/instances/a/b:createImage",
            "/v2/x",
        ] {
            assert_eq!(path_segments(bad), None, "{bad}");
        }
    }

    #[test]
    fn responses() {
        // seed 004, 返回示例.
        let ok = br#"{"requestId": "0ee754ebce7a3f2f70d6d914dbbd2498", "result": {"imageId": "img-m5s0****29"}}"#;
        assert_eq!(
            parse_response(200, ok),
            Ok(ApiResponse::Created(Created {
                request_id: "0ee754ebce7a3f2f70d6d914dbbd2498".into(),
                image_id: Some("img-m5s0****29".into())
            }))
        );
        // providers.md D.5 envelope; the message is seed 004's 返回码 row.
        let err = br#"{"requestId":"c2hmmaan8w06w19qcdfuic4w03f7ft2d","error":{"code":429,"status":"QUOTA_EXCEEDED","message":"Image quota limit exceeded","details":[]}}"#;
        let ApiResponse::Failed(e) = parse_response(429, err).unwrap() else { panic!("an error") };
        assert_eq!(e.code.as_str(), "QUOTA_EXCEEDED");
        assert_eq!(e.entries()[0].message, "Image quota limit exceeded");
        let unknown = br#"{"requestId":"x","error":{"code":400,"status":"SOMETHING_NEW","message":"m"}}"#;
        let ApiResponse::Failed(e) = parse_response(400, unknown).unwrap() else { panic!("an error") };
        assert_eq!(e.code, ErrorCode::Unknown("SOMETHING_NEW".into()));
        assert!(parse_response(200, br#"{"requestId":"x","result":{}}"#).is_err());
    }
}
