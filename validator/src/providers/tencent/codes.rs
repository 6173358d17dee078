//! Tencent CVM (legacy API v2)'s error codes as the server spells them (the rows that explain them are in `catalog.rs`).

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
