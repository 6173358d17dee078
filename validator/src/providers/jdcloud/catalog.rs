//! JD Cloud VM createImage error catalog: seed 004 "返回码" table, then providers.md D.5 common codes.
//!
//! The wire code is the envelope's `error.status` (UPPER_SNAKE); `http_status` is `error.code`, the
//! HTTP status. Seed rows keep one row per message, in seed order (FAILED_PRECONDITION, OUT_OF_RANGE,
//! NOT_FOUND and QUOTA_EXCEEDED repeat); messages are the seed's 描述 column verbatim, `xx`
//! placeholders included. The common statuses of D.5 follow where the seed has no row for them.

use crate::catalog::KnownCode as C;

crate::codes! {
    /// JD Cloud error statuses (the envelope's `error.status`), spelled as on the wire.
    pub enum Code {
        // seed 004, 返回码 (first appearance order)
        FailedPrecondition => "FAILED_PRECONDITION",
        Duplicate => "DUPLICATE",
        InvalidArgument => "INVALID_ARGUMENT",
        OutOfRange => "OUT_OF_RANGE",
        NotFound => "NOT_FOUND",
        QuotaExceeded => "QUOTA_EXCEEDED",
        Internal => "INTERNAL",
        Unknown => "UNKNOWN",
        // providers.md D.5, common statuses the seed has no row for
        Unauthenticated => "UNAUTHENTICATED",
        HttpForbidden => "HTTP_FORBIDDEN",
        Aborted => "ABORTED",
        AlreadyExists => "ALREADY_EXISTS",
        RateLimit => "RATE_LIMIT",
        Cancelled => "CANCELLED",
        NotImplemented => "NOT_IMPLEMENTED",
        SourceUnavailable => "SOURCE_UNAVAILABLE",
        Unavailable => "UNAVAILABLE",
    }
}

use Code::*;
const SEED: &str = "seed 004, 返回码";
const COMMON: &str = "providers.md D.5";

crate::catalog! {
    // ---- seed 004, 返回码: every error row, in seed order ----
    // (The seed's first row, `200 | | OK`, is the success response, not an error: skipped.)
    doc(
        C::JdCloud(FailedPrecondition), 400, "Conflict with underlay task xx",
        "The instance is running another task, so no image can be made now.",
        "云主机实例正在执行其他任务，暂时无法制作镜像。",
        "Wait until the instance's current task has finished (check it with describeInstance), then retry.",
        "请等待实例当前的任务结束（可用 describeInstance 查看）后再重试。",
        SEED,
    ),
    doc(
        C::JdCloud(FailedPrecondition), 400, "Invalid instance status xx",
        "The instance is in a state that does not allow making an image.",
        "云主机状态错误，当前状态不允许制作镜像。",
        "Bring the instance to running or stopped (stopped if its system disk is local), then retry.",
        "请将实例置于运行中或已停止状态（本地系统盘实例须为已停止）后重试。",
        SEED,
    ),
    doc(
        C::JdCloud(FailedPrecondition), 400, "Please stop the instance first",
        "The instance must be stopped before the image is made (instances with a local system disk can only be imaged when stopped).",
        "制作镜像前需要先停止实例（本地系统盘的实例只能在已停止状态下制作镜像）。",
        "Stop the instance (stopInstance), wait until it is stopped, then retry.",
        "请先停止实例（stopInstance），待其状态变为已停止后再重试。",
        SEED,
    ),
    doc(
        C::JdCloud(FailedPrecondition), 400, "System disk not found",
        "The instance has no system disk attached.",
        "云主机没有挂载系统盘。",
        "Make sure the instance has its system disk attached, then retry; if it should have one, open a ticket.",
        "请确认实例已挂载系统盘后重试；如系统盘本应存在，请提交工单。",
        SEED,
    ),
    doc(
        C::JdCloud(FailedPrecondition), 400, "Invalid system disk mount state",
        "The system disk's attachment is in an abnormal state.",
        "云主机系统盘的挂载状态异常。",
        "Wait until the system disk is attached normally, then retry; if it persists, open a ticket.",
        "请等待系统盘恢复正常挂载状态后重试；如持续异常，请提交工单。",
        SEED,
    ),
    doc(
        C::JdCloud(Duplicate), 400, "Duplicate deviceName",
        "Two dataDisks entries use the same deviceName.",
        "dataDisks 中指定了重复的盘符（deviceName）。",
        "Give every dataDisks entry a different deviceName (vdb to vdbm).",
        "请为每个 dataDisks 条目指定不同的 deviceName（vdb~vdbm）。",
        SEED,
    ),
    doc(
        C::JdCloud(InvalidArgument), 400, "Parameter DataDisks.CloudDiskSpec.DiskType missing",
        "A new data disk has no cloudDiskSpec.diskType; the type is required when no snapshot is used.",
        "没有指定云盘类型：不使用快照创建云盘时必须指定 diskType。",
        "Set cloudDiskSpec.diskType to ssd, premium-hdd, ssd.gp1, ssd.io1 or hdd.std1, or create the disk from a snapshotId.",
        "请将 cloudDiskSpec.diskType 设为 ssd、premium-hdd、ssd.gp1、ssd.io1 或 hdd.std1 之一，或通过 snapshotId 从快照创建云盘。",
        SEED,
    ),
    doc(
        C::JdCloud(OutOfRange), 400, "DataDisks.CloudDiskSpec.DiskSizeGB out of range",
        "A data disk's diskSizeGB is missing or outside the range for its type; the size is required when no snapshot is used.",
        "云盘大小错误：不使用快照创建云盘时必须指定大小，且须在该类型允许的范围内。",
        "Set diskSizeGB in steps of 10: ssd 20-1000, premium-hdd 20-3000, ssd.gp1/ssd.io1/hdd.std1 20-16000.",
        "请按步长 10 设置 diskSizeGB：ssd 为 20~1000，premium-hdd 为 20~3000，ssd.gp1、ssd.io1、hdd.std1 为 20~16000。",
        SEED,
    ),
    doc(
        C::JdCloud(OutOfRange), 400, "Device 'xx' size can only be larger than the original size",
        "The diskSizeGB given for an existing disk is smaller than the disk's current size.",
        "指定的云盘大小不能小于当前云硬盘的大小。",
        "Set diskSizeGB to at least the disk's current size, or leave it out.",
        "请将 diskSizeGB 设为不小于该云硬盘当前的大小，或不指定。",
        SEED,
    ),
    doc(
        C::JdCloud(FailedPrecondition), 400, "Disk 'xx' busy in 'xx'",
        "A cloud disk of the instance is busy with another task.",
        "云硬盘正在执行某个任务。",
        "Wait until the disk's task has finished, then retry.",
        "请等待云硬盘的任务完成后再重试。",
        SEED,
    ),
    doc(
        C::JdCloud(FailedPrecondition), 400, "Invalid Disk 'xx' status 'xx'",
        "A cloud disk of the instance is in a state that does not allow making a snapshot for the image.",
        "云硬盘状态错误，无法为镜像制作快照。",
        "Check the disk's status, wait until it is back to normal, or exclude it with deviceName plus noDevice=true.",
        "请检查该云硬盘的状态，待其恢复正常后重试，或用 deviceName 加 noDevice=true 将其排除。",
        SEED,
    ),
    doc(
        C::JdCloud(OutOfRange), 400, "DataDisks.CloudDiskSpec.Iops out of range.",
        "A data disk's iops is outside the allowed range.",
        "云硬盘 IOPS 超出规定范围。",
        "Set iops only for ssd.io1 disks, in steps of 10 and within the range for the disk size, or leave it out.",
        "请只为 ssd.io1 类型的云盘设置 iops，步长为 10 且在该容量允许的范围内，或不指定。",
        SEED,
    ),
    doc(
        C::JdCloud(NotFound), 404, "Instance 'xx' not found.",
        "The instance in the path does not exist in this region.",
        "路径中的云主机实例在该地域不存在。",
        "Check the instanceId and the regionId in the URL (describeInstances), then retry.",
        "请用 describeInstances 核对 URL 中的 instanceId 和 regionId 后重试。",
        SEED,
    ),
    doc(
        C::JdCloud(NotFound), 404, "Snapshot 'xx' not found",
        "A snapshotId given in dataDisks does not exist.",
        "dataDisks 中指定的快照不存在。",
        "Check the snapshotId and region (describeSnapshots), then retry.",
        "请用 describeSnapshots 核对 snapshotId 和地域后重试。",
        SEED,
    ),
    doc(
        C::JdCloud(QuotaExceeded), 429, "Image quota limit exceeded",
        "Your private image quota is used up.",
        "私有镜像配额不足。",
        "Delete private images you no longer need or request a higher image quota, then retry.",
        "请删除不再需要的私有镜像或申请提高镜像配额后重试。",
        SEED,
    ),
    doc(
        C::JdCloud(QuotaExceeded), 429, "Snapshot quota limit exceeded",
        "Your snapshot quota is used up, and making the image needs snapshots of the cloud disks.",
        "快照配额不足，而制作镜像需要为云硬盘创建快照。",
        "Delete snapshots you no longer need, exclude data disks with noDevice=true, or request a higher snapshot quota.",
        "请删除不再需要的快照、用 noDevice=true 排除部分数据盘，或申请提高快照配额。",
        SEED,
    ),
    doc(
        C::JdCloud(Internal), 500, "Internal server error",
        "An internal error occurred on JD Cloud's side.",
        "系统内部错误。",
        "Retry later; if it keeps failing, open a ticket with the requestId.",
        "请稍后重试；如果多次尝试失败，请提交工单并附上 requestId。",
        SEED,
    ),
    doc(
        C::JdCloud(Unknown), 500, "Unknown server error",
        "The service is temporarily unavailable.",
        "服务暂时不可用。",
        "Retry later; if it keeps failing, open a ticket with the requestId.",
        "请稍后重试；如果多次尝试失败，请提交工单并附上 requestId。",
        SEED,
    ),
    // ---- providers.md D.5, common statuses the seed has no row for ----
    doc(
        C::JdCloud(Unauthenticated), 401, "",
        "Authentication failed: the request's signature or credentials were not accepted.",
        "认证失败：请求的签名或凭证未通过校验。",
        "Check the AccessKey and SecretKey and re-sign (JDCLOUD2 or JDCLOUD3 HMAC-SHA256, with x-jdcloud-date and x-jdcloud-nonce signed).",
        "请检查 AccessKey 和 SecretKey 并重新签名（JDCLOUD2 或 JDCLOUD3 HMAC-SHA256，且 x-jdcloud-date 和 x-jdcloud-nonce 须参与签名）。",
        COMMON,
    ),
    doc(
        C::JdCloud(HttpForbidden), 403, "",
        "The request was refused, for example because the credentials are wrong or lack permission.",
        "请求被拒绝，例如凭证错误或没有权限。",
        "Check the AccessKey, the signature, and that the sub-user may create images from this instance.",
        "请检查 AccessKey、签名，以及子用户是否有权用该实例制作镜像。",
        COMMON,
    ),
    doc(
        C::JdCloud(Aborted), 409, "",
        "The operation was aborted, usually because of a concurrent conflicting operation.",
        "操作被中止，通常是与并发操作冲突。",
        "Retry after the other operation on the instance has finished.",
        "请等待实例上的其他操作完成后重试。",
        COMMON,
    ),
    doc(
        C::JdCloud(AlreadyExists), 409, "",
        "The resource to create already exists.",
        "要创建的资源已存在。",
        "Check whether the image was already created (describeImages) before sending the request again.",
        "请先用 describeImages 确认镜像是否已创建，再决定是否重新发送请求。",
        COMMON,
    ),
    doc(
        C::JdCloud(RateLimit), 429, "",
        "Too many requests were sent in a short time.",
        "短时间内请求过多，触发限流。",
        "Slow down and retry after a short wait, with backoff.",
        "请降低调用频率，稍等片刻后以退避方式重试。",
        COMMON,
    ),
    doc(
        C::JdCloud(Cancelled), 499, "",
        "The request was cancelled, usually by the client.",
        "请求已被取消，通常由客户端取消。",
        "Send the request again if it is still needed, and check the client's timeout.",
        "如仍需要请重新发送请求，并检查客户端的超时设置。",
        COMMON,
    ),
    doc(
        C::JdCloud(NotImplemented), 501, "",
        "The operation is not implemented by the service.",
        "服务未实现该操作。",
        "Check the URL (…/instances/{instanceId}:createImage) and the API version /v1.",
        "请检查请求地址（…/instances/{instanceId}:createImage）和 API 版本 /v1。",
        COMMON,
    ),
    doc(
        C::JdCloud(SourceUnavailable), 502, "",
        "A backend service JD Cloud depends on is unavailable.",
        "JD Cloud 依赖的后端服务不可用。",
        "Retry later; if it keeps failing, open a ticket with the requestId.",
        "请稍后重试；如果多次失败，请提交工单并附上 requestId。",
        COMMON,
    ),
    doc(
        C::JdCloud(Unavailable), 503, "",
        "The service is temporarily unavailable.",
        "服务暂时不可用。",
        "Retry later with backoff.",
        "请稍后以退避方式重试。",
        COMMON,
    ),
}
