//! Alibaba ECS CreateImage on the RPC wire (seed 002; providers.md B.1–B.6): `https://
//! ecs.aliyuncs.com/`, GET (parameters in the query) or POST (a form body). Signature V1
//! (`HMAC-SHA1`, the default) adds the common parameters `Action=CreateImage`,
//! `Version=2014-05-26`, `Format=JSON`, `AccessKeyId`, `SignatureMethod`, `SignatureVersion=1.0`,
//! `SignatureNonce`, `Timestamp` (and `SecurityToken` for STS keys), then `Signature`.
//! `ACS3-HMAC-SHA256` (V3) keeps only the request's own parameters and signs the `x-acs-*`
//! headers instead.

use crate::catalog::ErrorCode;
use crate::provider::Provider;
use crate::valid::Signable;
use crate::wire::algorithms::{aliyun_acs3 as acs3, aliyun_rpc as rpc, authorization_fields};
use crate::wire::decode::{DecodeError, flat_request, form_params};
use crate::wire::encode::{Algorithm, EncodeError, SignOptions, Signed, Stages, agree_region, not_sent, prepare};
use crate::wire::hash::{constant_time_eq, sha256_hex};
use crate::wire::http::{HttpRequest, Method};
use crate::wire::percent;
use crate::wire::response::{ApiError, ApiResponse, Created, ResponseError, json_object, text};
use crate::wire::secret::{Credentials, Secret};
use crate::wire::time::Timestamp;
use crate::wire::verify::{
    Verified, VerifyError, bounded_nonce, parse_time, required, required_header, signed_header_values, within_skew,
};
use crate::wire::xml;
use serde_json::Value;

/// The seed's endpoint; regional ones (`ecs.<region>.aliyuncs.com`) go through `endpoint`.
pub const HOST: &str = "ecs.aliyuncs.com";
/// The central endpoint Alibaba's generated SDKs use for several mainland regions (providers.md B.7).
pub const CENTRAL_HOST: &str = "ecs-cn-hangzhou.aliyuncs.com";
/// Alibaba's ECS regions, each with its API host `ecs.<region>.aliyuncs.com`: the public regions in
/// mainland China, Hong Kong and abroad (DescribeRegions), the finance and government clouds, and
/// regions Alibaba has since closed (an SDK may still name them; their hosts are Alibaba's). A list,
/// not a pattern: only these names make an API host.
pub const REGIONS: &[&str] = &[
    "cn-qingdao",
    "cn-beijing",
    "cn-zhangjiakou",
    "cn-huhehaote",
    "cn-wulanchabu",
    "cn-hangzhou",
    "cn-shanghai",
    "cn-nanjing",
    "cn-fuzhou",
    "cn-shenzhen",
    "cn-heyuan",
    "cn-guangzhou",
    "cn-chengdu",
    "cn-wuhan-lr",
    "cn-hongkong",
    "cn-hangzhou-finance",
    "cn-shanghai-finance-1",
    "cn-shenzhen-finance-1",
    "cn-beijing-finance-1",
    "cn-north-2-gov-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ap-south-1",
    "us-east-1",
    "us-west-1",
    "eu-west-1",
    "eu-central-1",
    "me-east-1",
    "me-central-1",
    "na-south-1",
];

pub const ACTION: &str = "CreateImage";
pub const VERSION: &str = "2014-05-26";
pub const FORM: &str = "application/x-www-form-urlencoded";

/// Signs `valid` (an Alibaba request): V1 unless `ACS3-HMAC-SHA256` is asked for; GET unless POST is.
pub fn encode(valid: &Signable, credentials: &Credentials, options: &SignOptions) -> Result<Signed, EncodeError> {
    let (algorithm, method) = prepare(Provider::Aliyun, credentials, options, &[Method::Get, Method::Post])?;
    agree_region(options.region.as_deref(), valid.get_str("RegionId").unwrap_or_default())?;
    let (scheme, host) = match &options.endpoint {
        Some(e) => (e.scheme.clone(), e.host.clone()),
        None => ("https".to_owned(), HOST.to_owned()),
    };
    let own: Vec<(String, String)> = valid
        .flat()
        .into_iter()
        .filter(|(k, _)| !super::SPEC.field(k).is_some_and(|f| f.common))
        .map(|(k, v)| (k, v.to_string()))
        .collect();
    let mut signed = match algorithm {
        Algorithm::AliyunAcs3 => encode_acs3(method, scheme, host, own, credentials, options),
        _ => encode_rpc(method, scheme, host, own, credentials, options),
    };
    signed.not_sent = not_sent(valid, &[]);
    if let Some(token) = &credentials.security_token {
        signed.hide(token.expose());
    }
    Ok(signed)
}

/// The request's parameters in the query (GET) or a form body (POST).
fn place(method: Method, params: &[(String, String)]) -> (String, Vec<(String, String)>, Vec<u8>) {
    let encoded = percent::form(params);
    match method {
        Method::Get => (encoded, Vec::new(), Vec::new()),
        Method::Post => (String::new(), vec![("Content-Type".to_owned(), FORM.to_owned())], encoded.into_bytes()),
    }
}

fn encode_rpc(
    method: Method,
    scheme: String,
    host: String,
    own: Vec<(String, String)>,
    credentials: &Credentials,
    options: &SignOptions,
) -> Signed {
    let mut params: Vec<(String, String)> = vec![
        ("Action".into(), ACTION.into()),
        ("Version".into(), VERSION.into()),
        ("Format".into(), "JSON".into()),
        ("AccessKeyId".into(), credentials.access_key_id.clone()),
        ("SignatureMethod".into(), rpc::SIGNATURE_METHOD.into()),
        ("SignatureVersion".into(), rpc::SIGNATURE_VERSION.into()),
        ("SignatureNonce".into(), options.nonce.clone()),
        ("Timestamp".into(), options.timestamp.iso8601()),
    ];
    if let Some(token) = &credentials.security_token {
        params.push(("SecurityToken".into(), token.expose().to_owned()));
    }
    params.extend(own);
    let signature = rpc::sign(method.as_str(), &params, &credentials.secret);
    params.push(("Signature".into(), signature.signature.clone()));
    let (query, headers, body) = place(method, &params);
    let request =
        HttpRequest { method: method.as_str().to_owned(), scheme, host, path: "/".into(), query, headers, body };
    Signed::new(request, Algorithm::AliyunHmacSha1, Stages::AliyunRpc(signature), Vec::new())
}

fn encode_acs3(
    method: Method,
    scheme: String,
    host: String,
    own: Vec<(String, String)>,
    credentials: &Credentials,
    options: &SignOptions,
) -> Signed {
    let (query, mut headers, body) = place(method, &own);
    let hashed_payload = sha256_hex(&body);
    headers.extend([
        ("x-acs-action".to_owned(), ACTION.to_owned()),
        ("x-acs-version".to_owned(), VERSION.to_owned()),
        ("x-acs-date".to_owned(), options.timestamp.iso8601()),
        ("x-acs-signature-nonce".to_owned(), options.nonce.clone()),
        ("x-acs-content-sha256".to_owned(), hashed_payload.clone()),
    ]);
    if let Some(token) = &credentials.security_token {
        headers.push(("x-acs-security-token".to_owned(), token.expose().to_owned()));
    }
    let mut to_sign = vec![("host".to_owned(), host.clone())];
    to_sign.extend(headers.iter().cloned());
    let query_params = if method == Method::Get { own } else { Vec::new() };
    let input = acs3::Input {
        method: method.as_str(),
        canonical_uri: "/",
        query: &query_params,
        headers: &to_sign,
        hashed_payload: &hashed_payload,
    };
    let signature = acs3::sign(&input, &credentials.access_key_id, &credentials.secret);
    headers.push(("Authorization".to_owned(), signature.authorization.to_string()));
    let request =
        HttpRequest { method: method.as_str().to_owned(), scheme, host, path: "/".into(), query, headers, body };
    Signed::new(request, Algorithm::AliyunAcs3, Stages::AliyunAcs3(signature), Vec::new())
}

/// Parameters, and the action from `Action` or `x-acs-action`, of a request to `/`.
fn check_route(request: &HttpRequest) -> Result<Vec<(String, String)>, DecodeError> {
    if request.method != "GET" && request.method != "POST" {
        return Err(DecodeError::Method { method: request.method.clone() });
    }
    if request.path != "/" && !request.path.is_empty() {
        return Err(DecodeError::Path { path: request.path.clone() });
    }
    let params = form_params(request)?;
    let action = params.iter().find(|(k, _)| k == "Action").map(|(_, v)| v.as_str()).or(request.header("x-acs-action"));
    match action {
        None => Err(DecodeError::MissingAction),
        Some(ACTION) => Ok(params),
        Some(other) => Err(DecodeError::WrongAction { action: other.to_owned() }),
    }
}

/// Whether a request to `/` is meant for this API rather than for a page: it names an action, as a
/// parameter (`Action`, V1; read leniently, so that parameters which do not decode still get the
/// API's answer) or as the `x-acs-action` header (V3, the current SDKs).
pub fn names_action(request: &HttpRequest) -> bool {
    let names = |text: &str| percent::parse_form_lenient(text).iter().any(|(k, _)| k == "Action");
    request.header("x-acs-action").is_some()
        || names(&request.query)
        || (request.media_type().as_deref() == Some(FORM) && names(&String::from_utf8_lossy(&request.body)))
}

/// The request JSON (flat form) of a CreateImage request: its parameters without the common ones.
pub fn decode(request: &HttpRequest) -> Result<Value, DecodeError> {
    let params = check_route(request)?;
    flat_request(&super::SPEC, &params, &[])
}

/// `AccessKeyId` (V1), or the Credential of an `ACS3-HMAC-SHA256` Authorization header (V3).
pub fn access_key_id(request: &HttpRequest) -> Option<String> {
    if let Some(auth) = request.header("authorization") {
        return authorization_fields(auth, acs3::ALGORITHM).map(|a| a.credential);
    }
    form_params(request).ok()?.into_iter().find(|(k, _)| k == "AccessKeyId").map(|(_, v)| v)
}

/// Checks a CreateImage request's V1 or V3 signature.
pub fn verify(request: &HttpRequest, secret: &Secret, now: Timestamp, max_skew: u64) -> Result<Verified, VerifyError> {
    if request.method != "GET" && request.method != "POST" {
        return Err(VerifyError::Method { method: request.method.clone() });
    }
    if let Some(auth) = request.header("authorization") {
        return verify_acs3(request, auth, secret, now, max_skew);
    }
    let params =
        form_params(request).map_err(|e| VerifyError::Malformed { name: "parameters".into(), value: e.to_string() })?;
    verify_rpc(request, &params, secret, now, max_skew)
}

fn verify_rpc(
    request: &HttpRequest,
    params: &[(String, String)],
    secret: &Secret,
    now: Timestamp,
    max_skew: u64,
) -> Result<Verified, VerifyError> {
    for name in [
        "Action",
        "Version",
        "AccessKeyId",
        "Signature",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
        "Timestamp",
    ] {
        required(params, name)?;
    }
    let get = |name| required(params, name);
    let nonce = bounded_nonce("SignatureNonce", get("SignatureNonce")?)?;
    if get("SignatureMethod")? != rpc::SIGNATURE_METHOD {
        let value = get("SignatureMethod")?.to_owned();
        return Err(VerifyError::UnsupportedAlgorithm { name: "SignatureMethod".into(), value });
    }
    if get("SignatureVersion")? != rpc::SIGNATURE_VERSION {
        let value = get("SignatureVersion")?.to_owned();
        return Err(VerifyError::UnsupportedAlgorithm { name: "SignatureVersion".into(), value });
    }
    if get("Action")? != ACTION {
        return Err(VerifyError::WrongAction { action: get("Action")?.to_owned() });
    }
    if get("Version")? != VERSION {
        return Err(VerifyError::WrongVersion { version: get("Version")?.to_owned() });
    }
    let timestamp = parse_time("Timestamp", get("Timestamp")?, Timestamp::parse_iso8601)?;
    within_skew(timestamp, now, max_skew)?;
    let expected = rpc::sign(&request.method, params, secret);
    if !constant_time_eq(expected.signature.as_bytes(), get("Signature")?.as_bytes()) {
        return Err(VerifyError::SignatureMismatch { string_to_sign: expected.string_to_sign.to_string() });
    }
    Ok(Verified {
        access_key_id: get("AccessKeyId")?.to_owned(),
        algorithm: Algorithm::AliyunHmacSha1,
        timestamp,
        nonce: Some(nonce.to_owned()),
        region: None,
    })
}

fn verify_acs3(
    request: &HttpRequest,
    authorization: &str,
    secret: &Secret,
    now: Timestamp,
    max_skew: u64,
) -> Result<Verified, VerifyError> {
    let auth = authorization_fields(authorization, acs3::ALGORITHM).ok_or_else(|| {
        let scheme = authorization.split_whitespace().next().unwrap_or("");
        if scheme == acs3::ALGORITHM {
            VerifyError::Malformed { name: "Authorization".into(), value: authorization.to_owned() }
        } else {
            VerifyError::UnsupportedAlgorithm { name: "Authorization".into(), value: scheme.to_owned() }
        }
    })?;
    for name in ["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"] {
        required_header(request, name)?;
    }
    let nonce = bounded_nonce("x-acs-signature-nonce", required_header(request, "x-acs-signature-nonce")?)?;
    let action = required_header(request, "x-acs-action")?;
    if action != ACTION {
        return Err(VerifyError::WrongAction { action: action.to_owned() });
    }
    let version = required_header(request, "x-acs-version")?;
    if version != VERSION {
        return Err(VerifyError::WrongVersion { version: version.to_owned() });
    }
    let timestamp = parse_time("x-acs-date", required_header(request, "x-acs-date")?, Timestamp::parse_iso8601)?;
    let content_hash = required_header(request, "x-acs-content-sha256")?;
    if !constant_time_eq(content_hash.as_bytes(), sha256_hex(&request.body).as_bytes()) {
        return Err(VerifyError::ContentHashMismatch);
    }
    // B.3: host, content-type and every x-acs-* header are signed.
    let must = request
        .headers
        .iter()
        .map(|(k, _)| k.to_ascii_lowercase())
        .filter(|k| k.starts_with("x-acs-") || k == "content-type")
        .chain(["host".to_owned()]);
    for name in must {
        if !auth.signed_headers.iter().any(|h| h.eq_ignore_ascii_case(&name)) {
            return Err(VerifyError::Unsigned { header: name });
        }
    }
    let headers = signed_header_values(request, &auth.signed_headers)?;
    within_skew(timestamp, now, max_skew)?;
    let query = percent::parse_form(&request.query)
        .map_err(|e| VerifyError::Malformed { name: "query".into(), value: e.to_string() })?;
    let uri = if request.path.is_empty() { "/" } else { request.path.as_str() };
    let input = acs3::Input {
        method: &request.method,
        canonical_uri: uri,
        query: &query,
        headers: &headers,
        hashed_payload: content_hash,
    };
    let expected = acs3::sign(&input, &auth.credential, secret);
    if !constant_time_eq(expected.signature.as_bytes(), auth.signature.as_bytes()) {
        return Err(VerifyError::SignatureMismatch { string_to_sign: expected.string_to_sign.to_string() });
    }
    Ok(Verified {
        access_key_id: auth.credential,
        algorithm: Algorithm::AliyunAcs3,
        timestamp,
        nonce: Some(nonce.to_owned()),
        region: None,
    })
}

/// Reads the JSON or XML envelope: `{"RequestId","ImageId"}` / `<CreateImageResponse>` on
/// success, `{"RequestId","HostId","Code","Message","Recommend"}` / `<Error>` on failure.
pub fn parse_response(http_status: u16, body: &[u8]) -> Result<ApiResponse, ResponseError> {
    let text_body = String::from_utf8_lossy(body);
    let trimmed = text_body.trim_start_matches('\u{feff}').trim_start();
    let fields: Vec<(String, String)> = if trimmed.starts_with('<') {
        let root =
            xml::parse(trimmed).map_err(|e| ResponseError::NotEnvelope { http_status, reason: e.to_string() })?;
        root.children.into_iter().map(|c| (c.name, c.text)).collect()
    } else {
        let map = json_object(http_status, body)?;
        map.keys().filter_map(|k| text(&map, k).map(|v| (k.clone(), v))).collect()
    };
    let get = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    if let Some(code) = get("Code") {
        return Ok(ApiResponse::Failed(ApiError {
            provider: Provider::Aliyun,
            http_status,
            request_id: get("RequestId"),
            code: ErrorCode::parse(Provider::Aliyun, &code),
            message: get("Message").unwrap_or_default(),
            recommend: get("Recommend"),
        }));
    }
    match (get("RequestId"), get("ImageId")) {
        (Some(request_id), Some(image_id)) if (200..300).contains(&http_status) => {
            Ok(ApiResponse::Created(Created { request_id, image_id: Some(image_id) }))
        }
        _ => Err(ResponseError::Unexpected { http_status, reason: "neither ImageId nor an error Code" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses() {
        // seed 002, 正常返回示例 (JSON and XML).
        let json = br#"{"ImageId":"m-63DFD5FB2","RequestId":"C8B26B44-0189-443E-9816-D951F59623A9"}"#;
        let xml = b"<CreateImageResponse>\n  <RequestId>C8B26B44-0189-443E-9816-D951F59623A9</RequestId>\n  <ImageId>m-63DFD5FB2</ImageId>\n</CreateImageResponse>";
        let want = ApiResponse::Created(Created {
            request_id: "C8B26B44-0189-443E-9816-D951F59623A9".into(),
            image_id: Some("m-63DFD5FB2".into()),
        });
        assert_eq!(parse_response(200, json), Ok(want.clone()));
        assert_eq!(parse_response(200, xml), Ok(want));
        // providers.md B.6 envelope example.
        let err = "{\"RequestId\":\"540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx\",\"HostId\":\"ecs.aliyuncs.com\",\"Code\":\"MissingParameter.CommandId\",\"Message\":\"The input parameter “CommandId” that is required for processing this request is not supplied.\"}";
        let ApiResponse::Failed(e) = parse_response(400, err.as_bytes()).unwrap() else { panic!("an error") };
        assert_eq!(e.code, ErrorCode::Unknown("MissingParameter.CommandId".into()));
        let xml_err = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><RequestId>R-1</RequestId><HostId>ecs.aliyuncs.com</HostId><Code>InvalidImageName.Malformed</Code><Message>The specified Image name is wrongly formed.</Message><Recommend><![CDATA[https://error-center.aliyun.com/status/search?Keyword=InvalidImageName.Malformed&source=PopGw]]></Recommend></Error>";
        let ApiResponse::Failed(e) = parse_response(400, xml_err).unwrap() else { panic!("an error") };
        assert!(matches!(e.code, ErrorCode::Known(_)));
        assert_eq!(e.entries()[0].code.as_str(), "InvalidImageName.Malformed");
        assert_eq!(e.request_id.as_deref(), Some("R-1"));
        assert!(e.recommend.unwrap().ends_with("source=PopGw"));
        assert!(parse_response(500, b"<html><body>oops</body>").is_err());
        assert!(parse_response(200, br#"{"RequestId":"x"}"#).is_err());
    }
}
