//! # veivalg
//!
//! Sorts newly registered job seekers the way NAV (the Norwegian Labour and
//! Welfare Administration) does, and explains every decision.
//!
//! The core is pure Rust with no knowledge of JavaScript; `src/wasm/` is the
//! only place that does. Every input is parsed once into typed values
//! ([`person::Person`], [`calendar::Date`], the form vocabularies in
//! [`form`]), and every failure is an [`Error`] with a kind, the JSON path
//! of the field at fault and a message.
//!
//! Start with [`api`] (JSON text in, JSON text out — what the CLI and the
//! wasm package call) or with [`policy::decide`] for typed values.
#![deny(missing_docs)]

pub mod api;
pub mod cohort;
pub mod domain;
pub mod error;
pub mod fit;
pub mod model;
pub mod routing;
pub mod rules;
#[cfg(test)]
mod ts;
mod vocab;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorData, ErrorKind, Result};
