// The pages' loader of the package's cohort entry point (served at
// /pkg/cohort/, its own wasm module), next to ./veivalg.js: it re-exports
// `Cohort` and `version`, and instantiates the cohort wasm once per page
// however often `init` is called.
//
//   import { ready } from "./lib/veivalg-cohort.js";
//   const { Cohort } = await ready;
import initPackage, * as cohort from "/pkg/cohort/veivalg_cohort.js";

export * from "/pkg/cohort/veivalg_cohort.js";

let started = null;

/** Instantiates the cohort wasm on the first call; later calls get the same promise. */
export default function init(options) {
  started ??= initPackage(options);
  return started;
}

/** Resolves to the cohort entry point's exports once its wasm is instantiated. */
export const ready = init().then(() => cohort);
