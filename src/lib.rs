//! The createimage browser console (Leptos CSR, built with Trunk from `index.html`): a form per
//! provider generated from the validator's rule metadata, validated on every keystroke, signed
//! in the browser with the validator's wire layer and sent to `createimage serve` (sandbox or
//! relay) or the provider.
//!
//! Plain data and logic, no view: [`model`] (form model, draft, history, keys), [`check`] (the
//! report arranged for the page, error summary, portability), [`submit`] (signing, preview,
//! answers), [`i18n`] (every console text, en/zh), [`lazy`] (what loads on first use). The
//! browser: [`api`] (the only network module), [`storage`] ([`stored`] reads it back), [`browser`]. Reactive wiring:
//! [`store`]. The view: [`app`], [`pages`], [`components`].

pub mod api;
pub mod app;
pub mod browser;
pub mod check;
pub mod components;
pub mod delivery;
pub mod dict;
pub mod i18n;
pub mod lazy;
pub mod model;
pub mod pages;
pub mod storage;
pub mod store;
pub mod stored;
pub mod submit;
