//! Zenlayer VM's error codes as the server spells them (the rows that explain them are in `catalog.rs`).

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
