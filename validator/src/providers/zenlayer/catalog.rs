//! Zenlayer VM CreateImage error catalog: seeds 000 (zh) and 001 (en, more rows), then providers.md A.5.
//!
//! The six rows of seed 001's "Error Codes" table, in order, with its English Description as the
//! message; seed 000 (the Chinese edition) has the first three of them, and its 说明 column is the
//! basis of their Chinese meaning. Then the common codes providers.md A.5 confirms from SDK code and
//! the envelope example. Zenlayer's auth and signature code names are UNVERIFIED, so none is listed.
//! Last, `INVALID_PARAMETER`: createimage's own choice, since Zenlayer documents no parameter code.

use crate::catalog::KnownCode as C;

crate::codes! {
    /// Zenlayer error codes (UPPER_SNAKE, as on the wire).
    pub enum Code {
        // seed 001, Error Codes (the first three also in seed 000, 错误码)
        InvalidInstanceNotFound => "INVALID_INSTANCE_NOT_FOUND",
        UnsupportedOperationInstanceStateStarting => "UNSUPPORTED_OPERATION_INSTANCE_STATE_STARTING",
        LimitExceededImageQuota => "LIMIT_EXCEEDED_IMAGE_QUOTA",
        UnsupportedOperationZoneNotSupport => "UNSUPPORTED_OPERATION_ZONE_NOT_SUPPORT",
        UnsupportedOperationDiskUnavailable => "UNSUPPORTED_OPERATION_DISK_UNAVAILABLE",
        UnsupportedOperationDiskMakingImage => "UNSUPPORTED_OPERATION_DISK_MAKING_IMAGE",
        // providers.md A.5, common codes
        RequestLimitExceeded => "REQUEST_LIMIT_EXCEEDED",
        InternalServerError => "INTERNAL_SERVER_ERROR",
        ServiceTemporaryUnavailable => "SERVICE_TEMPORARY_UNAVAILABLE",
        RequestTimedOut => "REQUEST_TIMED_OUT",
        OperationFailedResourceNotFound => "OPERATION_FAILED_RESOURCE_NOT_FOUND",
        InvalidOperationTimeout => "INVALID_OPERATION_TIMEOUT",
        InvalidZoneNotFound => "INVALID_ZONE_NOT_FOUND",
        // createimage's choice: Zenlayer documents no generic parameter code
        InvalidParameter => "INVALID_PARAMETER",
        AuthenticationFailed => "AUTHENTICATION_FAILED",
    }
}

use Code::*;
const SEED_BOTH: &str = "seed 001, Error Codes; seed 000, 错误码";
const SEED_EN: &str = "seed 001, Error Codes";
const SDK_UNVERIFIED: &str = "providers.md A.5, common codes from SDK code (HTTP status UNVERIFIED)";

crate::catalog! {
    // ---- seed 001, Error Codes: every row, in seed order (rows 1-3 also in seed 000) ----
    doc(
        C::Zenlayer(InvalidInstanceNotFound), 404, "Instance does not exist.",
        "The instance given in instanceId was not found.",
        "没有找到 instanceId 指定的实例。",
        "Check the instanceId against your instance list and retry with an existing instance.",
        "请对照实例列表核对 instanceId，改用存在的实例后重试。",
        SEED_BOTH,
    ),
    doc(
        C::Zenlayer(UnsupportedOperationInstanceStateStarting), 400, "Shut down the instance before creating an image.",
        "The instance is running or starting; an image can only be made from a shut-down instance.",
        "实例开机中，不允许该操作：只有关机状态的实例才能制作镜像。",
        "Shut the instance down, wait until it is fully stopped, then retry; do not operate on it while the image is being made.",
        "请先将实例关机，待其完全关机后再重试；制作镜像期间不要对实例进行任何操作。",
        SEED_BOTH,
    ),
    doc(
        C::Zenlayer(LimitExceededImageQuota), 400, "Quantity of images exceeds the upper limit.",
        "The zone already has the maximum number of custom images (5 per zone).",
        "镜像配额超出限制：每个区域最多只能创建 5 个自定义镜像。",
        "Delete custom images you no longer need in this zone, or ask Zenlayer Support to raise the limit.",
        "请删除该区域中不再需要的自定义镜像，或联系 Zenlayer Support 提高上限。",
        SEED_BOTH,
    ),
    doc(
        C::Zenlayer(UnsupportedOperationZoneNotSupport), 400, "Operations not supported in current zone.",
        "Images are not supported in the instance's zone (for example SIN-E and LAX-A).",
        "实例所在的区域暂不支持镜像功能（文档列出 SIN-E 和 LAX-A）。",
        "Create the image from an instance in a zone that supports images.",
        "请改用位于支持镜像功能的区域中的实例制作镜像。",
        SEED_EN,
    ),
    doc(
        C::Zenlayer(UnsupportedOperationDiskUnavailable), 400, "Operations on the image with current status are not supported.",
        "The disk (or image) is in a status that does not allow making an image now.",
        "磁盘（或镜像）当前状态不支持该操作，暂时无法制作镜像。",
        "Wait until the instance's system disk is available again, then retry.",
        "请等待实例的系统盘恢复可用状态后再重试。",
        SEED_EN,
    ),
    doc(
        C::Zenlayer(UnsupportedOperationDiskMakingImage), 400, "System disk of the instance is being mirrored.",
        "An image is already being made from this instance's system disk.",
        "该实例的系统盘正在制作镜像中。",
        "Wait for the current image to finish before creating another from the same instance.",
        "请等待当前镜像制作完成后，再用该实例制作新的镜像。",
        SEED_EN,
    ),
    // ---- providers.md A.5, common codes ----
    doc(
        C::Zenlayer(RequestLimitExceeded), 429, "",
        "Too many requests were sent in a short time (the SDKs treat this code as HTTP 429).",
        "短时间内请求过多，触发限流（SDK 将该错误码视同 HTTP 429）。",
        "Slow down and retry after a short wait, with backoff.",
        "请降低调用频率，稍等片刻后以退避方式重试。",
        "providers.md A.5, common codes from SDK code",
    ),
    doc(
        C::Zenlayer(InternalServerError), 500, "",
        "An internal error occurred on Zenlayer's side.",
        "Zenlayer 服务端发生内部错误。",
        "Retry later; if it keeps failing, contact Zenlayer Support with the requestId.",
        "请稍后重试；如果多次失败，请联系 Zenlayer Support 并提供 requestId。",
        SDK_UNVERIFIED,
    ),
    doc(
        C::Zenlayer(ServiceTemporaryUnavailable), 503, "",
        "The service is temporarily unavailable.",
        "服务暂时不可用。",
        "Retry later with backoff.",
        "请稍后以退避方式重试。",
        SDK_UNVERIFIED,
    ),
    doc(
        C::Zenlayer(RequestTimedOut), 504, "",
        "The request timed out on Zenlayer's side; the image may or may not have been created.",
        "请求在 Zenlayer 服务端超时，镜像可能已创建也可能未创建。",
        "Check your image list for the new image before retrying.",
        "重试前请先在镜像列表中确认镜像是否已创建。",
        SDK_UNVERIFIED,
    ),
    doc(
        C::Zenlayer(OperationFailedResourceNotFound), 404, "",
        "The operation failed because a resource it needs was not found.",
        "操作失败：所需的资源不存在。",
        "Check the IDs in the request (instanceId) and retry with existing resources.",
        "请核对请求中的资源 ID（instanceId），改用存在的资源后重试。",
        SDK_UNVERIFIED,
    ),
    doc(
        C::Zenlayer(InvalidOperationTimeout), 400, "",
        "The operation timed out (the code name says so; Zenlayer does not document it further).",
        "操作超时（从错误码名称可知；Zenlayer 文档未进一步说明）。",
        "Check the instance and your image list to see what happened, then retry if needed.",
        "请先查看实例状态和镜像列表，确认结果后再按需重试。",
        SDK_UNVERIFIED,
    ),
    doc(
        C::Zenlayer(InvalidZoneNotFound), 404, "The specified zoneId `SEL--A` is not found",
        "The zone ID in the request does not exist (the message quotes it).",
        "请求中的可用区 ID 不存在（错误信息会给出该 ID）。",
        "Use a valid zone ID such as HKG-A or SEL-A.",
        "请使用有效的可用区 ID，例如 HKG-A 或 SEL-A。",
        "providers.md A.5, envelope example (HTTP status UNVERIFIED)",
    ),
    // ---- createimage's own code: Zenlayer documents none for invalid parameters ----
    chosen(
        C::Zenlayer(InvalidParameter), 400, "",
        "A parameter breaks a documented Zenlayer rule (for example imageName over 24 characters); Zenlayer documents no error code for this, so createimage chose INVALID_PARAMETER, and the server's actual code may differ.",
        "某个参数违反了 Zenlayer 文档中的规则（例如 imageName 超过 24 个字符）；Zenlayer 文档未给出对应的错误码，因此由 createimage 自行选用 INVALID_PARAMETER，服务端实际返回的错误码可能不同。",
        "Correct the parameter the finding names: imageName up to 24 characters of Chinese, letters, digits, \"-\" or \"_\" (the Chinese edition of the doc also allows \".\"); imageDescription up to 255 characters.",
        "请按检查结果修正参数：imageName 不超过 24 个字符，只含中文、字母、数字、\"-\" 或 \"_\"（中文版文档还允许 \".\"）；imageDescription 不超过 255 个字符。",
        "createimage (Zenlayer documents no code; see providers.md A.5)",
    ),
    // The emulator's answer to a request whose ZC2 signature, key or timestamp it does not accept:
    // Zenlayer's authentication code names are UNVERIFIED (providers.md A.5).
    chosen(
        C::Zenlayer(AuthenticationFailed), 401, "",
        "The request's authentication failed: unknown access key, a wrong ZC2-HMAC-SHA256 signature, or a timestamp too far from the server's clock. Zenlayer documents no code for this; createimage chose AUTHENTICATION_FAILED, and the real server's code may differ.",
        "请求认证失败：AccessKey 不存在、ZC2-HMAC-SHA256 签名错误，或时间戳与服务器时间相差过大。Zenlayer 文档未给出对应的错误码，因此由 createimage 自行选用 AUTHENTICATION_FAILED，真实服务端返回的错误码可能不同。",
        "Check the access key ID and password, sign Content-Type and Host exactly as sent, and send X-ZC-Timestamp as the current Unix time.",
        "请检查 AccessKey ID 和密码，签名中的 Content-Type 与 Host 须与实际发送的一致，X-ZC-Timestamp 须为当前 Unix 时间。",
        "createimage (Zenlayer's authentication codes are UNVERIFIED; see providers.md A.5)",
    ),
}
