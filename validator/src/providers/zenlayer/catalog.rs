//! Zenlayer VM CreateImage error catalog: seeds 000 (zh) and 001 (en, more rows), then providers.md A.5.
//!
//! The six rows of seed 001's "Error Codes" table, in order, with its English Description as the
//! message; seed 000 (the Chinese edition) has the first three of them, and its 说明 column is the
//! basis of their Chinese meaning. Then the common codes providers.md A.5 confirms from SDK code and
//! the envelope example. Zenlayer's auth and signature code names are UNVERIFIED, so none is listed.
//! Last, `INVALID_PARAMETER`: createimage's own choice, since Zenlayer documents no parameter code.

use crate::catalog::Code as C;

pub use super::codes::Code;

use Code::*;
const SEED_BOTH: &str = "seed 001, Error Codes; seed 000, 错误码";
const SEED_EN: &str = "seed 001, Error Codes";
const SDK_UNVERIFIED: &str = "providers.md A.5, common codes from SDK code (HTTP status UNVERIFIED)";

crate::catalog! {
    // ---- seed 001, Error Codes: every row, in seed order (rows 1-3 also in seed 000) ----
    doc {
        code: C::Zenlayer(InvalidInstanceNotFound),
        status: 404,
        message: "Instance does not exist.",
        meaning_en: "The instance given in instanceId was not found.",
        meaning_zh: "没有找到 instanceId 指定的实例。",
        fix_en: "Check the instanceId against your instance list and retry with an existing instance.",
        fix_zh: "请对照实例列表核对 instanceId，改用存在的实例后重试。",
        source: SEED_BOTH,
    },
    doc {
        code: C::Zenlayer(UnsupportedOperationInstanceStateStarting),
        status: 400,
        message: "Shut down the instance before creating an image.",
        meaning_en: "The instance is running or starting; an image can only be made from a shut-down instance.",
        meaning_zh: "实例开机中，不允许该操作：只有关机状态的实例才能制作镜像。",
        fix_en: "Shut the instance down, wait until it is fully stopped, then retry; do not operate on it while the image is being made.",
        fix_zh: "请先将实例关机，待其完全关机后再重试；制作镜像期间不要对实例进行任何操作。",
        source: SEED_BOTH,
    },
    doc {
        code: C::Zenlayer(LimitExceededImageQuota),
        status: 400,
        message: "Quantity of images exceeds the upper limit.",
        meaning_en: "The zone already has the maximum number of custom images (5 per zone).",
        meaning_zh: "镜像配额超出限制：每个区域最多只能创建 5 个自定义镜像。",
        fix_en: "Delete custom images you no longer need in this zone, or ask Zenlayer Support to raise the limit.",
        fix_zh: "请删除该区域中不再需要的自定义镜像，或联系 Zenlayer Support 提高上限。",
        source: SEED_BOTH,
    },
    doc {
        code: C::Zenlayer(UnsupportedOperationZoneNotSupport),
        status: 400,
        message: "Operations not supported in current zone.",
        meaning_en: "Images are not supported in the instance's zone (for example SIN-E and LAX-A).",
        meaning_zh: "实例所在的区域暂不支持镜像功能（文档列出 SIN-E 和 LAX-A）。",
        fix_en: "Create the image from an instance in a zone that supports images.",
        fix_zh: "请改用位于支持镜像功能的区域中的实例制作镜像。",
        source: SEED_EN,
    },
    doc {
        code: C::Zenlayer(UnsupportedOperationDiskUnavailable),
        status: 400,
        message: "Operations on the image with current status are not supported.",
        meaning_en: "The disk (or image) is in a status that does not allow making an image now.",
        meaning_zh: "磁盘（或镜像）当前状态不支持该操作，暂时无法制作镜像。",
        fix_en: "Wait until the instance's system disk is available again, then retry.",
        fix_zh: "请等待实例的系统盘恢复可用状态后再重试。",
        source: SEED_EN,
    },
    doc {
        code: C::Zenlayer(UnsupportedOperationDiskMakingImage),
        status: 400,
        message: "System disk of the instance is being mirrored.",
        meaning_en: "An image is already being made from this instance's system disk.",
        meaning_zh: "该实例的系统盘正在制作镜像中。",
        fix_en: "Wait for the current image to finish before creating another from the same instance.",
        fix_zh: "请等待当前镜像制作完成后，再用该实例制作新的镜像。",
        source: SEED_EN,
    },
    // ---- providers.md A.5, common codes ----
    doc {
        code: C::Zenlayer(RequestLimitExceeded),
        status: 429,
        message: "",
        meaning_en: "Too many requests were sent in a short time (the SDKs treat this code as HTTP 429).",
        meaning_zh: "短时间内请求过多，触发限流（SDK 将该错误码视同 HTTP 429）。",
        fix_en: "Slow down and retry after a short wait, with backoff.",
        fix_zh: "请降低调用频率，稍等片刻后以退避方式重试。",
        source: "providers.md A.5, common codes from SDK code",
    },
    doc {
        code: C::Zenlayer(InternalServerError),
        status: 500,
        message: "",
        meaning_en: "An internal error occurred on Zenlayer's side.",
        meaning_zh: "Zenlayer 服务端发生内部错误。",
        fix_en: "Retry later; if it keeps failing, contact Zenlayer Support with the requestId.",
        fix_zh: "请稍后重试；如果多次失败，请联系 Zenlayer Support 并提供 requestId。",
        source: SDK_UNVERIFIED,
    },
    doc {
        code: C::Zenlayer(ServiceTemporaryUnavailable),
        status: 503,
        message: "",
        meaning_en: "The service is temporarily unavailable.",
        meaning_zh: "服务暂时不可用。",
        fix_en: "Retry later with backoff.",
        fix_zh: "请稍后以退避方式重试。",
        source: SDK_UNVERIFIED,
    },
    doc {
        code: C::Zenlayer(RequestTimedOut),
        status: 504,
        message: "",
        meaning_en: "The request timed out on Zenlayer's side; the image may or may not have been created.",
        meaning_zh: "请求在 Zenlayer 服务端超时，镜像可能已创建也可能未创建。",
        fix_en: "Check your image list for the new image before retrying.",
        fix_zh: "重试前请先在镜像列表中确认镜像是否已创建。",
        source: SDK_UNVERIFIED,
    },
    doc {
        code: C::Zenlayer(OperationFailedResourceNotFound),
        status: 404,
        message: "",
        meaning_en: "The operation failed because a resource it needs was not found.",
        meaning_zh: "操作失败：所需的资源不存在。",
        fix_en: "Check the IDs in the request (instanceId) and retry with existing resources.",
        fix_zh: "请核对请求中的资源 ID（instanceId），改用存在的资源后重试。",
        source: SDK_UNVERIFIED,
    },
    doc {
        code: C::Zenlayer(InvalidOperationTimeout),
        status: 400,
        message: "",
        meaning_en: "The operation timed out (the code name says so; Zenlayer does not document it further).",
        meaning_zh: "操作超时（从错误码名称可知；Zenlayer 文档未进一步说明）。",
        fix_en: "Check the instance and your image list to see what happened, then retry if needed.",
        fix_zh: "请先查看实例状态和镜像列表，确认结果后再按需重试。",
        source: SDK_UNVERIFIED,
    },
    doc {
        code: C::Zenlayer(InvalidZoneNotFound),
        status: 404,
        message: "The specified zoneId `SEL--A` is not found",
        meaning_en: "The zone ID in the request does not exist (the message quotes it).",
        meaning_zh: "请求中的可用区 ID 不存在（错误信息会给出该 ID）。",
        fix_en: "Use a valid zone ID such as HKG-A or SEL-A.",
        fix_zh: "请使用有效的可用区 ID，例如 HKG-A 或 SEL-A。",
        source: "providers.md A.5, envelope example (HTTP status UNVERIFIED)",
    },
    // ---- createimage's own code: Zenlayer documents none for invalid parameters ----
    chosen {
        code: C::Zenlayer(InvalidParameter),
        status: 400,
        message: "",
        meaning_en: "A parameter breaks a documented Zenlayer rule (for example imageName over 24 characters); Zenlayer documents no error code for this, so createimage chose INVALID_PARAMETER, and the server's actual code may differ.",
        meaning_zh: "某个参数违反了 Zenlayer 文档中的规则（例如 imageName 超过 24 个字符）；Zenlayer 文档未给出对应的错误码，因此由 createimage 自行选用 INVALID_PARAMETER，服务端实际返回的错误码可能不同。",
        fix_en: "Correct the parameter the finding names: imageName up to 24 characters of Chinese, letters, digits, \"-\" or \"_\" (the Chinese edition of the doc also allows \".\"); imageDescription up to 255 characters.",
        fix_zh: "请按检查结果修正参数：imageName 不超过 24 个字符，只含中文、字母、数字、\"-\" 或 \"_\"（中文版文档还允许 \".\"）；imageDescription 不超过 255 个字符。",
        source: "createimage (Zenlayer documents no code; see providers.md A.5)",
    },
    // The emulator's answer to a request whose ZC2 signature, key or timestamp it does not accept:
    // Zenlayer's authentication code names are UNVERIFIED (providers.md A.5).
    chosen {
        code: C::Zenlayer(AuthenticationFailed),
        status: 401,
        message: "",
        meaning_en: "The request's authentication failed: unknown access key, a wrong ZC2-HMAC-SHA256 signature, or a timestamp too far from the server's clock. Zenlayer documents no code for this; createimage chose AUTHENTICATION_FAILED, and the real server's code may differ.",
        meaning_zh: "请求认证失败：AccessKey 不存在、ZC2-HMAC-SHA256 签名错误，或时间戳与服务器时间相差过大。Zenlayer 文档未给出对应的错误码，因此由 createimage 自行选用 AUTHENTICATION_FAILED，真实服务端返回的错误码可能不同。",
        fix_en: "Check the access key ID and password, sign Content-Type and Host exactly as sent, and send X-ZC-Timestamp as the current Unix time.",
        fix_zh: "请检查 AccessKey ID 和密码，签名中的 Content-Type 与 Host 须与实际发送的一致，X-ZC-Timestamp 须为当前 Unix 时间。",
        source: "createimage (Zenlayer's authentication codes are UNVERIFIED; see providers.md A.5)",
    },
}
