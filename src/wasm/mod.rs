//! JavaScript bindings: the only module that knows wasm-bindgen and js-sys.
//!
//! A list of small functions, each converting once ([`convert`]): the JS
//! input becomes JSON text and is read by the same serde reader as the CLI
//! (so the same errors, with the same paths), the typed API answers, and
//! the result reaches JS as a plain object through serde-wasm-bindgen. A
//! failure is thrown as a real JS `Error` whose own properties `kind`
//! (e.g. `"INVALID_VALUE"`), `path` (e.g. `"answers.situation"`) and
//! `message` come from [`crate::Error`].
//!
//! The crate is built twice for the npm package: with the `person`
//! feature ([`person`]: `decide`, `explain`, … — the `veivalg` entry
//! point) and with the `cohort` feature ([`cohort`]: the `Cohort`,
//! `CohortLoader` and `SyntheticBuilder` classes — `veivalg/cohort`). The TypeScript types are derived from the Rust types
//! (`pkg-config/veivalg-types.d.ts`, written and checked by a native test
//! in `src/ts.rs`); the exports name them.

#[cfg(feature = "cohort")]
mod cohort;
mod convert;
#[cfg(feature = "person")]
mod person;

#[cfg(feature = "cohort")]
pub use cohort::{Cohort, CohortLoader, SyntheticBuilder};
#[cfg(feature = "person")]
pub use person::*;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../../pkg-config/veivalg-types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TS_ERROR: &'static str = r#"
/**
 * What every veivalg function throws: a JS `Error` with the `kind`, `path`
 * and `message` of the library's error (`ErrorData`).
 */
export interface VeivalgError extends Error, ErrorData {
  message: string;
}
"#;

/// The library version (the crate version, e.g. `"0.1.0"`).
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    String::from(env!("CARGO_PKG_VERSION"))
}
