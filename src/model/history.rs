//! Every submission, as the history keeps it.

use super::Mode;
use serde::Serialize;

/// One submission, as the history keeps it. Never a key, a signature or a body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    /// Milliseconds since the Unix epoch.
    pub time_ms: f64,
    pub provider: String,
    pub endpoint: Mode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
}

impl HistoryEntry {
    /// What the result column shows: the image ID, else the error code.
    pub fn result(&self) -> &str {
        self.image_id.as_deref().or(self.error_code.as_deref()).unwrap_or("")
    }
}

/// Every submission, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct History(pub Vec<HistoryEntry>);

impl History {
    /// The most entries kept; older ones are dropped.
    pub const MAX: usize = 200;

    pub fn from_json(text: &str) -> Self {
        crate::stored::from_json(text)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn push(&mut self, entry: HistoryEntry) {
        self.0.insert(0, entry);
        self.0.truncate(Self::MAX);
    }

    /// Fills in the image ID of the entry with `request_id` (Tencent answers none; the sandbox knows it).
    pub fn set_image_id(&mut self, request_id: &str, image_id: &str) {
        if let Some(e) = self.0.iter_mut().find(|e| e.request_id.as_deref() == Some(request_id)) {
            e.image_id.get_or_insert_with(|| image_id.to_owned());
        }
    }
}
