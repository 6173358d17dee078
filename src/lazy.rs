//! The code the page loads on first use: signing a request, reading the provider's answer (the
//! wire layer of all four providers, the catalog lookups and the catalog's text) and reading the
//! emulator's state while a sandbox image is followed. Nobody needs it before the first preview
//! or submission, so the build splits it into its own wasm chunk (the `split` feature, which the
//! Trunk build enables; `scripts/finish-dist.mjs` splits). Calling one of these functions fetches
//! the chunk once.
//!
//! A chunk that fails to load (the network) is an answer to show, not a panic: the functions are
//! `fallible`, and the next call tries again.

use crate::api::EmulatorState;
use crate::browser;
use crate::state::{Keys, Mode};
use crate::submit::{self, Fresh, NotSent, Origin, Outcome, Prepared};
use createimage_validator::Provider;
use leptos::wasm_split::SplitLoaderError;
#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;
use serde_json::Value;

/// Everything one signature takes, owned (a split function takes concrete values).
#[derive(Debug)]
pub struct Job {
    pub provider: Provider,
    pub request: Value,
    pub keys: Keys,
    pub mode: Mode,
    pub origin: Origin,
    /// Sign despite errors ("send anyway").
    pub anyway: bool,
}

/// A signed request, with the preview of it and its curl command.
#[derive(Debug)]
pub struct Signing {
    pub prepared: Prepared,
    pub preview: String,
    pub curl: String,
}

/// An answer to read: the provider's, its HTTP status and body, and the string to sign we sent.
#[derive(Debug)]
pub struct Reading {
    pub provider: Provider,
    pub http_status: u16,
    pub body: String,
    pub ours: Option<String>,
}

impl From<SplitLoaderError> for NotSent {
    fn from(_: SplitLoaderError) -> Self {
        NotSent::NotLoaded
    }
}

/// Declares functions that the `split` build loads on first use: there, an `async` wrapper
/// that fetches the chunk and then calls the function in it. Without `split` (the component
/// tests, native checks) the same `async` function simply runs, so callers do not differ.
macro_rules! on_first_use {
    ($($(#[$doc:meta])* pub fn $name:ident($arg:ident: $ty:ty) -> $out:ty $body:block)*) => {$(
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[wasm_split(wire, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($arg: $ty) -> $out $body

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($arg: $ty) -> $out $body
    )*};
}

on_first_use! {
    /// Signs `job` (see [`submit::prepare`]) with the time and a nonce of now: once the chunk is
    /// here, which on a slow network is a while after the click.
    pub fn sign(job: Box<Job>) -> Result<Box<Signing>, NotSent> {
        let Job { provider, request, keys, mode, origin, anyway } = *job;
        let random = browser::random16().map_err(NotSent::Sign)?;
        let fresh = Fresh { unix_seconds: browser::now_seconds(), nonce: submit::nonce(provider, random) };
        let prepared = submit::prepare(provider, &request, &keys, mode, &origin, &fresh, anyway)?;
        let preview = submit::preview(&prepared.signed);
        let curl = submit::curl(&prepared.signed);
        Ok(Box::new(Signing { prepared, preview, curl }))
    }

    /// Only loads the chunk: called when a submission looks near (the pointer or the focus is on
    /// the buttons), so the click does not wait for it. A failure here is retried by the call
    /// that needs the chunk.
    pub fn warm_up(_nothing: ()) -> Result<(), NotSent> {
        Ok(())
    }

    /// Reads the emulator's state (see [`crate::api::emulator_state`]): the status of a sandbox
    /// image, followed after a submission, so the chunk is there.
    pub fn read_state(body: String) -> Result<Result<Box<EmulatorState>, String>, NotSent> {
        Ok(crate::api::parse_state(&body).map(Box::new))
    }

    /// Reads an answer (see [`submit::interpret`]). It is in the same chunk as [`sign`], which
    /// ran before any answer came, so the loader answers from what it has; should that still
    /// fail, the caller shows the answer unread (the request did go out).
    pub fn read(reading: Box<Reading>) -> Result<Box<Outcome>, NotSent> {
        let Reading { provider, http_status, body, ours } = *reading;
        Ok(Box::new(submit::interpret(provider, http_status, &body, ours.as_deref())))
    }
}
