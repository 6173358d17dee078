//! The page's pieces, each small: logic lives in [`crate::model`], [`crate::check`] and
//! [`crate::submit`]; these only show it and pass events to [`crate::store`].

pub mod answer;
pub mod credentials;
pub mod error_summary;
pub mod field;
pub mod form;
pub mod group;
pub mod history;
pub mod lang_toggle;
pub mod notes;
pub mod portability;
pub mod preview;
pub mod provider_picker;
pub mod send;
