// Loads the WebAssembly package once for every module on a page.
//
//   import { ready } from "./lib/veivalg.js";
//   const { decide } = await ready;
import init, * as veivalg from "/pkg/veivalg.js";

/** Resolves to the package's exports once the wasm is instantiated. */
export const ready = init().then(() => veivalg);
