// The pages' loader of the WebAssembly package (served at /pkg/). It
// re-exports the package, so modules next to it import it as they would the
// package's own veivalg.js (the panel does: `import init, * as veivalg from
// "./veivalg.js"`), and it instantiates the wasm once for every module on a
// page however often `init` is called.
//
//   import { ready } from "./lib/veivalg.js";
//   const { decide } = await ready;
import initPackage, * as veivalg from "/pkg/veivalg.js";

export * from "/pkg/veivalg.js";

let started = null;

/** Instantiates the wasm on the first call; later calls get the same promise. */
export default function init(options) {
  started ??= initPackage(options);
  return started;
}

/** Resolves to the package's exports once the wasm is instantiated. */
export const ready = init().then(() => veivalg);
