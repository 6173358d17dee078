//! The sandbox image followed after a success.

/// The sandbox image being followed after a success: its status word, how far along it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Follow {
    /// The image ID (for Tencent, found in the emulator's state by the request ID).
    pub image_id: Option<String>,
    /// The provider's status word (`Creating`, `AVAILABLE` …).
    pub status: Option<String>,
    /// 0 to 1.
    pub progress: f64,
    pub available: bool,
    /// The emulator does not list the image (any more).
    pub lost: bool,
    /// The image ID came from the emulator, not from the answer.
    pub found_by_request: bool,
}
