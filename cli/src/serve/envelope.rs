//! Each provider's response envelope, success and error, byte for byte as its docs show them
//! (seed 002 for Alibaba JSON and XML, seed 003 for Tencent, seed 004 for JD, seeds 000/001 and
//! providers.md A.5 for Zenlayer). Error bodies carry the code's HTTP status from the catalog.

use super::emulator::Failure;
use createimage_validator::Provider;
use serde_json::json;

/// Alibaba's gateway names itself in `HostId`.
const ALIYUN_HOST_ID: &str = "ecs.aliyuncs.com";

/// A response: status, content type, body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
}

impl Reply {
    fn json(status: u16, body: serde_json::Value) -> Self {
        Reply { status, content_type: "application/json; charset=utf-8", body: body.to_string() }
    }

    /// Tencent's API 3.0: `{"Response":{…}}`, always HTTP 200 once the request was processed,
    /// and `application/json` exactly: the Python SDK reads `Response.Error` only under that
    /// content type (or `text/plain`), and with a charset reports no error at all.
    fn api3(response: serde_json::Value) -> Self {
        Reply { status: 200, content_type: "application/json", body: json!({ "Response": response }).to_string() }
    }

    fn xml(status: u16, body: String) -> Self {
        Reply { status, content_type: "text/xml; charset=utf-8", body }
    }
}

/// How Alibaba answers: JSON, or XML (its default when `Format` is absent; the docs' requests
/// and every SDK send `Format=JSON`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    /// `Format` when the request names one; otherwise what `Accept` asks for (the V3 SDKs send no
    /// `Format`, only `Accept: application/json`, and read JSON); otherwise XML.
    pub fn of_request(format: Option<&str>, accept: Option<&str>) -> Self {
        match (format, accept) {
            (Some(f), _) if f.eq_ignore_ascii_case("json") => Format::Json,
            (Some(_), _) => Format::Xml,
            (None, Some(a)) if a.to_ascii_lowercase().contains("json") => Format::Json,
            (None, _) => Format::Xml,
        }
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// A successful CreateImage.
pub fn success(provider: Provider, request_id: &str, image_id: &str, format: Format) -> Reply {
    match provider {
        Provider::Aliyun => match format {
            Format::Json => Reply::json(200, json!({"ImageId": image_id, "RequestId": request_id})),
            Format::Xml => Reply::xml(
                200,
                format!(
                    "<?xml version='1.0' encoding='UTF-8'?><CreateImageResponse><RequestId>{}</RequestId><ImageId>{}</ImageId></CreateImageResponse>",
                    xml_escape(request_id),
                    xml_escape(image_id)
                ),
            ),
        },
        // seed 003: `requestId` is an integer task id; the legacy API returns no image id.
        Provider::Tencent => Reply::json(
            200,
            json!({"code": 0, "message": "ok", "requestId": request_id.parse::<u64>().unwrap_or_default()}),
        ),
        Provider::Tencent3 => Reply::api3(json!({"ImageId": image_id, "RequestId": request_id})),
        Provider::JdCloud => Reply::json(200, json!({"requestId": request_id, "result": {"imageId": image_id}})),
        Provider::Zenlayer => Reply::json(
            200,
            json!({"requestId": request_id, "response": {"requestId": request_id, "imageId": image_id}}),
        ),
    }
}

/// A refusal.
pub fn error(provider: Provider, request_id: &str, failure: &Failure, format: Format) -> Reply {
    let code = failure.code.as_str();
    let message = failure.message.as_str();
    match provider {
        Provider::Aliyun => {
            let recommend = format!("https://error-center.aliyun.com/status/search?Keyword={code}&source=PopGw");
            match format {
                Format::Json => Reply::json(
                    failure.http_status,
                    json!({"RequestId": request_id, "HostId": ALIYUN_HOST_ID, "Code": code, "Message": message, "Recommend": recommend}),
                ),
                Format::Xml => Reply::xml(
                    failure.http_status,
                    format!(
                        "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>{}</RequestId><HostId>{ALIYUN_HOST_ID}</HostId><Code>{}</Code><Message>{}</Message><Recommend><![CDATA[{}]]></Recommend></Error>",
                        xml_escape(request_id),
                        xml_escape(code),
                        xml_escape(message),
                        recommend
                    ),
                ),
            }
        }
        // Errors arrive as HTTP 200 with a non-zero integer code (providers.md C.5).
        Provider::Tencent => Reply::json(200, json!({"code": code.parse::<i64>().unwrap_or(-1), "message": message})),
        Provider::Tencent3 => {
            Reply::api3(json!({"Error": {"Code": code, "Message": message}, "RequestId": request_id}))
        }
        Provider::JdCloud => Reply::json(
            failure.http_status,
            json!({"requestId": request_id, "error": {"code": failure.http_status, "status": code, "message": message}}),
        ),
        Provider::Zenlayer => {
            Reply::json(failure.http_status, json!({"requestId": request_id, "code": code, "message": message}))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use createimage_validator::catalog::Code;

    #[test]
    fn format_from_the_parameter_then_accept() {
        let cases = [
            (Some("JSON"), None, Format::Json),
            (Some("json"), Some("text/xml"), Format::Json),
            (Some("XML"), Some("application/json"), Format::Xml),
            (None, Some("application/json"), Format::Json),
            (None, Some("*/*"), Format::Xml),
            (None, None, Format::Xml),
        ];
        for (format, accept, want) in cases {
            assert_eq!(Format::of_request(format, accept), want, "{format:?} {accept:?}");
        }
    }
    use createimage_validator::providers::{jdcloud, zenlayer};

    #[test]
    fn success_envelopes_match_the_seeds() {
        let z = success(Provider::Zenlayer, "T4C35327C-7B13-47B8-A815-5E5213D4A9F9", "img-tqcr7c2e", Format::Json);
        assert_eq!(
            z.body,
            r#"{"requestId":"T4C35327C-7B13-47B8-A815-5E5213D4A9F9","response":{"imageId":"img-tqcr7c2e","requestId":"T4C35327C-7B13-47B8-A815-5E5213D4A9F9"}}"#
        );
        let j = success(Provider::JdCloud, "0ee754ebce7a3f2f70d6d914dbbd2498", "img-m5s0****29", Format::Json);
        assert_eq!(j.body, r#"{"requestId":"0ee754ebce7a3f2f70d6d914dbbd2498","result":{"imageId":"img-m5s0****29"}}"#);
        let a = success(Provider::Aliyun, "C8B26B44-0189-443E-9816-D951F59623A9", "m-63DFD5FB2", Format::Xml);
        assert!(a.body.ends_with(
            "<CreateImageResponse><RequestId>C8B26B44-0189-443E-9816-D951F59623A9</RequestId><ImageId>m-63DFD5FB2</ImageId></CreateImageResponse>"
        ));
        let a = success(Provider::Aliyun, "C8B26B44-0189-443E-9816-D951F59623A9", "m-63DFD5FB2", Format::Json);
        assert_eq!(a.body, r#"{"ImageId":"m-63DFD5FB2","RequestId":"C8B26B44-0189-443E-9816-D951F59623A9"}"#);
        let t = success(Provider::Tencent, "24534341", "img-1", Format::Json);
        assert_eq!(t.body, r#"{"code":0,"message":"ok","requestId":24534341}"#);
    }

    #[test]
    fn error_envelopes() {
        let f = Failure::row(Code::Zenlayer(zenlayer::Code::LimitExceededImageQuota), None);
        let z = error(Provider::Zenlayer, "T1", &f, Format::Json);
        assert_eq!(z.status, 400);
        assert_eq!(
            z.body,
            r#"{"code":"LIMIT_EXCEEDED_IMAGE_QUOTA","message":"Quantity of images exceeds the upper limit.","requestId":"T1"}"#
        );
        let f = Failure::new(
            Code::JdCloud(jdcloud::Code::QuotaExceeded),
            Some("Image quota"),
            "Image quota limit exceeded",
        );
        let j = error(Provider::JdCloud, "r", &f, Format::Json);
        assert_eq!(j.status, 429);
        assert_eq!(
            j.body,
            r#"{"error":{"code":429,"message":"Image quota limit exceeded","status":"QUOTA_EXCEEDED"},"requestId":"r"}"#
        );
        let f = Failure::new(
            Code::Aliyun(createimage_validator::providers::aliyun::Code::InvalidImageNameMalformed),
            None,
            "a<b",
        );
        let x = error(Provider::Aliyun, "R", &f, Format::Xml);
        assert!(x.body.contains("<Code>InvalidImageName.Malformed</Code><Message>a&lt;b</Message>"), "{}", x.body);
    }
}
