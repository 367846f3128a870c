// The `veivalg/cohort` entry point: the classes of the generated glue
// (`./veivalg_cohort.js`: `Cohort`, `CohortLoader`, `SyntheticBuilder`),
// wrapped so that a call on a freed object, a second `free()` and a method
// called on a foreign `this` throw a `VeivalgError` (`kind`, `path`,
// `message`) like every other failure, instead of wasm-bindgen's "null
// pointer passed to rust". The generated object is held in a private
// WeakMap: nothing outside this module can reach its pointer.
import init, {
  initSync,
  version,
  Cohort as Generated,
  CohortLoader as GeneratedLoader,
  SyntheticBuilder as GeneratedBuilder,
} from "./veivalg_cohort.js";

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

/** The generated class behind each wrapper class, by name. */
const GENERATED = { Cohort: Generated, CohortLoader: GeneratedLoader, SyntheticBuilder: GeneratedBuilder };

function generated(self, method, what = "Cohort") {
  const g = typeof self === "object" && self !== null ? inner.get(self) : undefined;
  if (g !== undefined && g instanceof GENERATED[what]) return g;
  if (typeof self === "object" && self !== null && freed.has(self)) {
    throw veivalgError("INVALID_VALUE", "", `${what}.${method}: this ${what} was freed; make a new one`);
  }
  throw veivalgError("INVALID_TYPE", "", `${what}.${method} called on something that is not a ${what}`);
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
  static fromJsonl(bytes, options) {
    return new Cohort(Generated.fromJsonl(bytes, options), token);
  }
  static fromCsv(bytes, options) {
    return new Cohort(Generated.fromCsv(bytes, options), token);
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
  curve(options) {
    return generated(this, "curve").curve(options);
  }
  fairness(options) {
    return generated(this, "fairness").fairness(options);
  }
  modelCard(options) {
    return generated(this, "modelCard").modelCard(options);
  }
  policyWithCutoff(options) {
    return generated(this, "policyWithCutoff").policyWithCutoff(options);
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

/**
 * Reads a cohort file pushed in chunks (see the generated `CohortLoader`):
 * `new CohortLoader({ format })`, `push(chunk)`, then `finish()`.
 */
export class CohortLoader {
  constructor(options) {
    inner.set(this, new GeneratedLoader(options));
  }
  push(chunk) {
    return generated(this, "push", "CohortLoader").push(chunk);
  }
  progress() {
    return generated(this, "progress", "CohortLoader").progress();
  }
  rejected() {
    return generated(this, "rejected", "CohortLoader").rejected();
  }
  /** Makes the Cohort; the loader is done after it (use `rejected()` still). */
  finish() {
    return new Cohort(generated(this, "finish", "CohortLoader").finish(), token);
  }
  /** Frees the wasm memory; a second call throws. */
  free() {
    const g = generated(this, "free", "CohortLoader");
    inner.delete(this);
    freed.add(this);
    g.free();
  }
  /** `using l = new CohortLoader(…)`: frees once; does nothing if already freed. */
  [Symbol.dispose]() {
    if (inner.has(this)) this.free();
  }
}

/**
 * Makes a synthetic cohort a piece at a time, with progress (see the
 * generated `SyntheticBuilder`): `new SyntheticBuilder({ seed, size })`,
 * `step(maxRows)` until `rows` reaches `size`, then `finish()`.
 */
export class SyntheticBuilder {
  constructor(options) {
    inner.set(this, new GeneratedBuilder(options));
  }
  step(maxRows) {
    return generated(this, "step", "SyntheticBuilder").step(maxRows);
  }
  progress() {
    return generated(this, "progress", "SyntheticBuilder").progress();
  }
  /** Makes the Cohort once every row is made; the builder is done after it. */
  finish() {
    return new Cohort(generated(this, "finish", "SyntheticBuilder").finish(), token);
  }
  /** Frees the wasm memory; a second call throws. */
  free() {
    const g = generated(this, "free", "SyntheticBuilder");
    inner.delete(this);
    freed.add(this);
    g.free();
  }
  /** `using b = new SyntheticBuilder(…)`: frees once; does nothing if already freed. */
  [Symbol.dispose]() {
    if (inner.has(this)) this.free();
  }
}
