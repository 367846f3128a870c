// The panel's loader in the npm package (pkg/panel/veivalg.js; the pages use
// www/lib/veivalg.js): the package's own module, one directory up, so the
// wasm loads relative to it (`new URL("veivalg_bg.wasm", import.meta.url)`
// in the glue) from node_modules with a bundler or with an import map.
// The wasm is instantiated once however often `init` is called.
import initPackage from "../veivalg.js";

export * from "../veivalg.js";

let started = null;

/** Instantiates the wasm on the first call; later calls get the same promise. */
export default function init(options) {
  started ??= initPackage(options);
  return started;
}
