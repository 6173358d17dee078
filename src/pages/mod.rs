//! The console's one page: a provider's workspace.

pub mod console;
