//! The code the page loads on first use: signing a request, the whole of a submission (sending
//! it, reading the provider's answer with the wire layer of all four providers, the catalog
//! lookups and the catalog's text, the history line, following a sandbox image) and reading the
//! sandbox's world. Nobody needs it before the first preview, submission or use of a form in
//! Sandbox mode, so the build splits it into its own wasm chunk (the `split` feature, which the
//! Trunk build enables; `scripts/finish-dist.mjs` splits). Calling one of these functions fetches
//! the chunk once.
//!
//! A chunk that fails to load (the network) is an answer to show, not a panic: the functions are
//! `fallible`, and the next call tries again.

use crate::api::{self, World};
use crate::delivery::{self, Page, Signing, ToSign, sign_now};
use crate::submit::NotSent;
use leptos::wasm_split::SplitLoaderError;
#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;
use std::future::Future;
use std::pin::Pin;

/// A submission to carry out: where it shows its answer, and what to sign.
#[derive(Debug)]
pub struct Submission {
    pub page: Page,
    pub job: Box<ToSign>,
}

/// Work that the chunk does, for the page to await.
pub type Later<T> = Pin<Box<dyn Future<Output = T>>>;

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
    /// Signs `job` (see [`crate::submit::prepare`]) with the time and a nonce of now: once the chunk is
    /// here, which on a slow network is a while after the click.
    pub fn sign(job: Box<ToSign>) -> Result<Box<Signing>, NotSent> {
        sign_now(*job).map(Box::new)
    }

    /// A submission from signing to the answer shown, recorded and followed: the whole of it
    /// runs in the chunk (signing, sending, reading the answer, the history line, following a
    /// sandbox image), so the first load carries none of it.
    pub fn submit(submission: Box<Submission>) -> Result<Later<()>, NotSent> {
        let Submission { page, job } = *submission;
        Ok(Box::pin(delivery::deliver(page, *job)))
    }

    /// Reads the sandbox's regions, instances and snapshots (`world` of the emulator's state),
    /// offered in Sandbox mode where the form asks for one: when a form is first used there.
    pub fn read_world(_nothing: ()) -> Result<Later<Option<World>>, NotSent> {
        Ok(Box::pin(async { api::world().await.ok() }))
    }

    /// Only loads the chunk: called when a submission looks near (the pointer or the focus is on
    /// the buttons), so the click does not wait for it. A failure here is retried by the call
    /// that needs the chunk.
    pub fn warm_up(_nothing: ()) -> Result<(), NotSent> {
        Ok(())
    }

}
