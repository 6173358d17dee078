//! What survives a reload: the chosen provider, every form and every endpoint.

use super::{Form, Mode, parse_provider};
use crate::dict::Dict;
use createimage_validator::Provider;
use serde::Serialize;

/// What survives a reload: the chosen provider, every form and every endpoint. Never a key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub provider: Option<String>,
    pub forms: Dict<Form>,
    pub endpoints: Dict<Mode>,
}

impl Draft {
    /// The stored text; anything unreadable is an empty draft.
    pub fn from_json(text: &str) -> Self {
        crate::stored::from_json(text)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn provider(&self) -> Option<Provider> {
        self.provider.as_deref().and_then(parse_provider)
    }

    /// The form of `provider`: the stored one, or a fresh one.
    pub fn form(&self, provider: Provider) -> Form {
        self.forms.get(provider.as_str()).cloned().unwrap_or_else(|| Form::new(provider))
    }

    pub fn endpoint(&self, provider: Provider) -> Mode {
        self.endpoints.get(provider.as_str()).copied().unwrap_or_default()
    }
}
