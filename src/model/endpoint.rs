//! Where a request goes: the sandbox, the relay or the provider.

use serde::Serialize;

/// Where a request goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The emulator of `createimage serve`, same origin.
    #[default]
    Sandbox,
    /// `createimage serve` forwards to the provider's real host.
    Relay,
    /// The browser calls the provider (blocked by CORS).
    Direct,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Sandbox, Mode::Relay, Mode::Direct];

    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Sandbox => "sandbox",
            Mode::Relay => "relay",
            Mode::Direct => "direct",
        }
    }
}
