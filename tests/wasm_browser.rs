//! The shared behaviour tests (`tests/shared/`) and the binding tests, as
//! wasm in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test wasm_browser`
//! (chromedriver on PATH or in `CHROMEDRIVER`; browser options in
//! `webdriver.json`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[macro_use]
mod shared;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

shared_tests!(wasm_bindgen_test);
binding_tests!(wasm_bindgen_test);
