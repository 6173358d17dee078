//! Sending one request, as plain logic: sign the form's request for the chosen endpoint, shape
//! what `fetch` sends, redact the preview and the curl command, and read the provider's answer
//! (catalog meaning and fix, and the string-to-sign comparison of Alibaba's
//! `SignatureDoesNotMatch`). The clock, the random numbers and the network are passed in.
//!
//! One module per step: [`sign`], [`curl`] (the preview and the curl command), [`answer`] (reading
//! the provider's answer), [`view`] (the answer as the page shows it).

mod answer;
mod curl;
mod sign;
mod view;

pub use answer::*;
pub use curl::*;
pub use sign::*;
pub use view::*;

#[cfg(test)]
mod tests;
