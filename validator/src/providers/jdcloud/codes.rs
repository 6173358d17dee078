//! JD Cloud VM's error codes as the server spells them (the rows that explain them are in `catalog.rs`).

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
