// Counting calls into a wasm module from a page: used by the panel's
// tarball test (tests/e2e/panel-package.test.mjs) and the panel render
// benchmark (benches/wasm/browser.mjs), which both require exactly one
// wasm call (`explain`) per render.

/**
 * Counts every call into the wasm module's exported functions (not the
 * glue's allocator and table helpers, whose names start with `__`), in the
 * page, by wrapping the exports of the instance wasm-bindgen's loader gets.
 */
export function countWasmCalls() {
  globalThis.__wasmCalls = [];
  const wrap = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const exports = {};
    for (const [name, value] of Object.entries(instance.exports)) {
      exports[name] =
        typeof value === "function" && !name.startsWith("__")
          ? (...args) => {
              globalThis.__wasmCalls.push(name);
              return value(...args);
            }
          : value;
    }
    return result instanceof WebAssembly.Instance ? { exports } : { ...result, instance: { exports } };
  };
  const streaming = WebAssembly.instantiateStreaming;
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = async (...args) => wrap(await streaming(...args));
  WebAssembly.instantiate = async (...args) => wrap(await plain(...args));
}
