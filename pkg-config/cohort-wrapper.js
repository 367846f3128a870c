// The `veivalg/cohort` entry point: the `Cohort` class of the generated
// glue (`./veivalg_cohort.js`), wrapped so that a call on a freed Cohort, a
// second `free()` and a method called on a foreign `this` throw a
// `VeivalgError` (`kind`, `path`, `message`) like every other failure,
// instead of wasm-bindgen's "null pointer passed to rust". The generated
// object is held in a private WeakMap: nothing outside this module can
// reach its pointer.
import init, { initSync, version, Cohort as Generated } from "./veivalg_cohort.js";

export { init as default, initSync, version };

const inner = new WeakMap();
const freed = new WeakSet();
const token = Symbol("Cohort");

function veivalgError(kind, path, message) {
  const e = new Error(message);
  Object.defineProperty(e, "kind", { value: kind, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(e, "path", { value: path, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(e, "message", { value: message, enumerable: true, writable: true, configurable: true });
  return e;
}

function generated(self, method) {
  const g = typeof self === "object" && self !== null ? inner.get(self) : undefined;
  if (g !== undefined) return g;
  if (typeof self === "object" && self !== null && freed.has(self)) {
    throw veivalgError("INVALID_VALUE", "", `Cohort.${method}: this Cohort was freed; make a new one`);
  }
  throw veivalgError("INVALID_TYPE", "", `Cohort.${method} called on something that is not a Cohort`);
}

/** A cohort held in wasm memory (see the generated `Cohort` for the methods). */
export class Cohort {
  constructor(g, t) {
    if (t !== token || !(g instanceof Generated)) {
      throw veivalgError("INVALID_VALUE", "", "make a Cohort with Cohort.synthetic or Cohort.fromJson");
    }
    inner.set(this, g);
  }
  static synthetic(options) {
    return new Cohort(Generated.synthetic(options), token);
  }
  static fromJson(rows, options) {
    return new Cohort(Generated.fromJson(rows, options), token);
  }
  evaluate(options) {
    return generated(this, "evaluate").evaluate(options);
  }
  fit(spec) {
    return generated(this, "fit").fit(spec);
  }
  thresholdForShare(options) {
    return generated(this, "thresholdForShare").thresholdForShare(options);
  }
  summary() {
    return generated(this, "summary").summary();
  }
  /** Frees the wasm memory; a second call throws. */
  free() {
    const g = generated(this, "free");
    inner.delete(this);
    freed.add(this);
    g.free();
  }
  /** `using c = Cohort.synthetic(…)`: frees once; does nothing if already freed. */
  [Symbol.dispose]() {
    if (inner.has(this)) this.free();
  }
}
