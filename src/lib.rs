//! The createimage browser console (Leptos CSR, built with Trunk from `index.html`).
//!
//! For now a shell: it lists the providers the validator knows. The request forms come later.

pub mod app;
