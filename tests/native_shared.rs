//! The shared behaviour tests (`tests/shared/`), natively.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[macro_use]
mod shared;

shared_tests!(test);
