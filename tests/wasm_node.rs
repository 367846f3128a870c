//! The shared behaviour tests (`tests/shared/`) and the binding tests, as
//! wasm in Node: `cargo test --target wasm32-unknown-unknown --test wasm_node`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[macro_use]
mod shared;

use wasm_bindgen_test::wasm_bindgen_test;

shared_tests!(wasm_bindgen_test);
binding_tests!(wasm_bindgen_test);
