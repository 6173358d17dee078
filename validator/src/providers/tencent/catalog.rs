//! Tencent CVM legacy API v2 error catalog: providers.md C.5 common codes (seed 003 lists none of its own).
//!
//! The legacy envelope is `{"code":<int>,"message":"…"}`: `code` 0 is success, any other value a
//! failure, and errors normally arrive as HTTP 200 (providers.md C.5 marks that UNVERIFIED), so every
//! row has `http_status` 200. The codes are generic; the detail is in `message`, so no row has a
//! fixed message. Codes from 5300 on are UNVERIFIED in providers.md (the source was truncated).

use crate::catalog::KnownCode as C;

crate::codes! {
    /// Tencent legacy v2 codes; the integers are kept as the decimal strings the envelope's `code` shows.
    pub enum Code {
        InvalidParameter => "4000",
        AuthFailure => "4100",
        SubAccountUnauthorized => "4101",
        ResourceUnauthorized => "4102",
        ResourceOperationUnauthorized => "4103",
        SecretKeyNotFound => "4104",
        TokenError => "4105",
        MfaFailed => "4106",
        CamAuthFailure => "4110",
        RequestExpired => "4200",
        AccessDenied => "4300",
        RequestQuotaExceeded => "4400",
        ReplayAttack => "4500",
        ProtocolNotSupported => "4600",
        ResourceNotFound => "5000",
        ResourceOperationFailed => "5100",
        ResourcePurchaseFailed => "5200",
        // providers.md C.5 marks these UNVERIFIED ("5300+", truncated source)
        InsufficientBalance => "5300",
        PartialSuccess => "5400",
        QualificationCheckFailed => "5500",
        InternalError => "6000",
        VersionNotSupported => "6100",
        ApiUnavailable => "6200",
    }
}

use Code::*;
const COMMON: &str = "providers.md C.5 (HTTP status UNVERIFIED)";
const UNVERIFIED: &str = "providers.md C.5 (UNVERIFIED)";

crate::catalog! {
    doc(
        C::Tencent(InvalidParameter), 200, "",
        "A request parameter is invalid; the message says which one.",
        "请求参数不合法，具体参数见 message。",
        "Correct the parameter the message names: imageName 1-16 letters, digits or \"-\" and not already used; imageDescription 0-64 characters; a valid instanceId.",
        "请按 message 修正参数：imageName 为 1~16 个英文字母、数字或 \"-\" 且不能与已有镜像重名；imageDescription 不超过 64 个字符；instanceId 须有效。",
        COMMON,
    ),
    doc(
        C::Tencent(AuthFailure), 200, "",
        "Authentication failed, usually because the signature is wrong.",
        "鉴权失败，通常是签名错误。",
        "Check SecretId and SecretKey and re-sign: GET/POST + host + /v2/index.php + \"?\" + the parameters sorted and unencoded, with the HMAC matching SignatureMethod.",
        "请检查 SecretId 和 SecretKey 并重新签名：请求方法 + 域名 + /v2/index.php + \"?\" + 排序后未编码的参数串，HMAC 算法须与 SignatureMethod 一致。",
        COMMON,
    ),
    doc(
        C::Tencent(SubAccountUnauthorized), 200, "",
        "The sub-account is not authorized to call this API.",
        "子账号没有调用该接口的权限。",
        "Ask the root account to grant the sub-account permission for CreateImage in CAM.",
        "请让主账号在访问管理（CAM）中为该子账号授予 CreateImage 接口权限。",
        COMMON,
    ),
    doc(
        C::Tencent(ResourceUnauthorized), 200, "",
        "The caller is not authorized for the resource (the instance).",
        "调用者没有该资源（实例）的权限。",
        "Ask the root account to grant access to the instance in CAM.",
        "请让主账号在 CAM 中授予该实例的访问权限。",
        COMMON,
    ),
    doc(
        C::Tencent(ResourceOperationUnauthorized), 200, "",
        "The caller is not authorized for the resource this API operates on.",
        "调用者没有该接口所操作资源的权限。",
        "Ask the root account to grant permission on the instance and on image creation in CAM.",
        "请让主账号在 CAM 中授予该实例及创建镜像的操作权限。",
        COMMON,
    ),
    doc(
        C::Tencent(SecretKeyNotFound), 200, "",
        "The secret key (SecretId) does not exist.",
        "密钥（SecretId）不存在。",
        "Check the SecretId, or create a new key in API key management and use it.",
        "请核对 SecretId，或在 API 密钥管理中新建密钥后使用。",
        COMMON,
    ),
    doc(
        C::Tencent(TokenError), 200, "",
        "The Token of the temporary credentials is wrong or expired.",
        "临时凭证的 Token 错误或已过期。",
        "Get fresh temporary credentials and send their Token with the matching SecretId and SecretKey.",
        "请重新获取临时凭证，并将 Token 与对应的 SecretId、SecretKey 一起使用。",
        COMMON,
    ),
    doc(
        C::Tencent(MfaFailed), 200, "",
        "Multi-factor authentication (MFA) failed.",
        "MFA 多因子认证失败。",
        "Pass MFA verification again, then retry.",
        "请重新完成 MFA 校验后重试。",
        COMMON,
    ),
    doc(
        C::Tencent(CamAuthFailure), 200, "",
        "CAM authentication failed for another reason; the message gives details.",
        "CAM 鉴权因其他原因失败，详情见 message。",
        "Check the CAM policies of the caller as the message indicates.",
        "请按 message 的提示检查调用者的 CAM 策略。",
        COMMON,
    ),
    doc(
        C::Tencent(RequestExpired), 200, "",
        "The request has expired: Timestamp is too far from the server's time.",
        "请求已过期：Timestamp 与服务器时间相差过大。",
        "Sync the client clock and send the current Unix time in seconds as Timestamp.",
        "请校准客户端时钟，并以当前 Unix 时间（秒）作为 Timestamp。",
        COMMON,
    ),
    doc(
        C::Tencent(AccessDenied), 200, "",
        "Access was denied: the account is banned or not in the API's user scope.",
        "拒绝访问：账号被封禁，或不在该接口的服务范围内。",
        "Contact Tencent Cloud support about the account's status.",
        "请联系腾讯云客服确认账号状态。",
        COMMON,
    ),
    doc(
        C::Tencent(RequestQuotaExceeded), 200, "",
        "The request-count quota was exceeded.",
        "请求次数超过配额限制。",
        "Call less often and retry later.",
        "请降低调用频率，稍后重试。",
        COMMON,
    ),
    doc(
        C::Tencent(ReplayAttack), 200, "",
        "The request looks like a replay: the Nonce was reused or the Timestamp is outside the allowed window.",
        "请求被判定为重放：Nonce 重复使用，或 Timestamp 超出允许的时间范围。",
        "Send a new random Nonce and the current Timestamp with every request, including retries.",
        "每次请求（包括重试）都请使用新的随机 Nonce 和当前的 Timestamp。",
        COMMON,
    ),
    doc(
        C::Tencent(ProtocolNotSupported), 200, "",
        "The protocol is not supported: the API accepts HTTPS only.",
        "不支持该协议：接口只接受 HTTPS。",
        "Send the request over https://.",
        "请通过 https:// 发送请求。",
        COMMON,
    ),
    doc(
        C::Tencent(ResourceNotFound), 200, "",
        "The resource does not exist, for example the instanceId is wrong for this Region.",
        "资源不存在，例如 instanceId 在该地域（Region）中不存在。",
        "Check instanceId and Region (DescribeInstances lists the instances), then retry.",
        "请用 DescribeInstances 核对 instanceId 和 Region 后重试。",
        COMMON,
    ),
    doc(
        C::Tencent(ResourceOperationFailed), 200, "",
        "The operation on the resource failed; the message gives details (for CreateImage, for example, the instance is not shut down or the region already has 10 custom images).",
        "资源操作失败，详情见 message（对 CreateImage 而言，例如实例未关机，或该地域已有 10 个自定义镜像）。",
        "Fix what the message says: shut the instance down first, or delete unused custom images, then retry.",
        "请按 message 处理：先将实例关机，或删除不用的自定义镜像，然后重试。",
        COMMON,
    ),
    doc(
        C::Tencent(ResourcePurchaseFailed), 200, "",
        "Purchasing a resource failed.",
        "资源购买失败。",
        "Check the account balance and purchase limits as the message indicates, then retry.",
        "请按 message 的提示检查账户余额和购买限制后重试。",
        COMMON,
    ),
    doc(
        C::Tencent(InsufficientBalance), 200, "",
        "The account balance is insufficient.",
        "账户余额不足。",
        "Top up the Tencent Cloud account, then retry.",
        "请为腾讯云账户充值后重试。",
        UNVERIFIED,
    ),
    doc(
        C::Tencent(PartialSuccess), 200, "",
        "The operation only partly succeeded.",
        "操作部分成功。",
        "Check the result of the request and redo the parts that failed.",
        "请检查请求结果，对失败的部分重新操作。",
        UNVERIFIED,
    ),
    doc(
        C::Tencent(QualificationCheckFailed), 200, "",
        "The user qualification check failed.",
        "用户资质审核未通过。",
        "Complete the qualification or identity verification the account needs, then retry.",
        "请完成账号所需的资质或实名认证后重试。",
        UNVERIFIED,
    ),
    doc(
        C::Tencent(InternalError), 200, "",
        "An internal server error occurred.",
        "服务器内部错误。",
        "Retry later; if it keeps failing, contact Tencent Cloud support.",
        "请稍后重试；如果多次失败，请联系腾讯云客服。",
        UNVERIFIED,
    ),
    doc(
        C::Tencent(VersionNotSupported), 200, "",
        "The requested API version is not supported.",
        "不支持该接口版本。",
        "Use the version the endpoint supports (the legacy v2 path /v2/index.php).",
        "请使用接入点支持的接口版本（旧版 v2 路径 /v2/index.php）。",
        UNVERIFIED,
    ),
    doc(
        C::Tencent(ApiUnavailable), 200, "",
        "The API is currently unavailable.",
        "该接口暂不可用。",
        "Retry later; if it stays unavailable, use the newer API or contact Tencent Cloud support.",
        "请稍后重试；如果一直不可用，请改用新版接口或联系腾讯云客服。",
        UNVERIFIED,
    ),
}
