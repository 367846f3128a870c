// The workbench's Web Worker (a module worker): it owns the cohort, held in
// the wasm memory of veivalg/cohort, so that reading a file of a hundred
// thousand registrations, making a synthetic cohort or fitting a model never
// blocks the page. The page sends small requests (www/lib/workbench/client.js)
// and gets small answers: a summary, the tables of one cut-off, a curve, a
// model. The file is read here, from the File's own stream, chunk by chunk;
// nothing is sent anywhere.
//
// Requests `{ id, op, params }`, answers `{ id, type: "progress" | "done" |
// "error", … }`. All evaluation is the library's: this file only passes
// options in and results out.
import { ready } from "./lib/veivalg-cohort.js";

/** The report's today, as Tabell 5 counts it: everyone profiled "standard". */
const TODAY = { method: "RULE_TREE_GROUP" };
const COUNSELLOR = { method: "COUNSELLOR" };
/** The report's model (situation and the two wage inputs), bins from the data. */
const FEATURES = [{ name: "situation" }, { name: "monthsSinceAbove3G" }, { name: "monthsAbove3GLast24" }];
const TARGETS = { "variant-a": "STABLE_WORK", "variant-b": "WITHOUT_WORK" };
/** At most this often a progress message, in milliseconds. */
const PROGRESS_EVERY = 50;
/** Bytes pushed into the loader at a time. */
const PIECE = 256 * 1024;
/**
 * Rows of a synthetic cohort made at a time: about 7 ms in Chromium here
 * (100 000 rows take about 0.33 s, docs/benchmarks.md), so that with
 * PROGRESS_EVERY the progress comes at least every ~100 ms also on a
 * machine several times slower (a step costs one call and a small object).
 */
const ROWS_AT_A_TIME = 2000;

let api;
/** The cohort in wasm memory, and what is known about it. */
let state = null;

const plain = (e) => ({ kind: e?.kind ?? "OTHER", path: e?.path ?? "", message: e?.message ?? String(e), ...(e?.rejected ? { rejected: e.rejected } : {}) });
const send = (id, type, body) => postMessage({ id, type, ...body });
const progress = (id, p) => send(id, "progress", { progress: p });

/** Frees the cohort held now (if any) and holds `cohort` instead. */
function hold(cohort) {
  state?.cohort.free();
  state = { cohort, fitted: {}, evaluations: new Map(), fairness: new Map() };
  state.summary = cohort.summary();
  state.today = cohort.evaluate({ ...TODAY, groupColumns: [] });
  // The counsellors' column needs a 14a decision in every row.
  state.counsellor = state.summary.counsellor ? cohort.evaluate({ ...COUNSELLOR, groupColumns: [] }) : null;
  return describe();
}

/** What the page shows about the cohort held now. */
function describe() {
  const { summary } = state;
  return {
    summary,
    rejected: summary.rejected?.count ? summary.rejected : null,
    todayShare: state.today.selected.share,
    counsellor: Boolean(state.counsellor),
    counsellorRows: summary.counsellorRows,
    groupColumns: summary.groupColumns,
  };
}

/** The evaluate options of a variant at its cut-off (with the model fitted here, when asked). */
function choiceOf(s, v, fitted) {
  const model = fitted ? s.fitted[v.key]?.model : undefined;
  return { policy: v.key, [v.mode === "cutoff" ? "cutoff" : "share"]: v.value, ...(model ? { model } : {}) };
}

const keyOf = (v, fitted) => `${v.key} ${v.mode} ${v.value} ${fitted}`;

/** `make()` once per key (the 64 latest kept): moving one variant leaves the other's answer as it was. */
function cached(cache, key, make) {
  if (cache.has(key)) return cache.get(key);
  const value = make();
  if (cache.size >= 64) cache.delete(cache.keys().next().value);
  cache.set(key, value);
  return value;
}

function need() {
  if (!state) throw Object.assign(new Error("no cohort is loaded yet"), { kind: "INSUFFICIENT_DATA", path: "" });
  return state;
}

const ops = {
  async init() {
    api = await ready;
    return { version: api.version() };
  },


  /**
   * `{ seed, size }`: a SYNTHETIC cohort (synthetic-v1), made in steps of
   * ROWS_AT_A_TIME rows with `{ rows, size }` after each (the same cohort as
   * `Cohort.synthetic` makes in one call).
   */
  synthetic(id, { seed, size }) {
    const builder = new api.SyntheticBuilder({ seed, size });
    try {
      let p = builder.progress();
      progress(id, { phase: "synthetic", ...p });
      let last = performance.now();
      while (p.rows < p.size) {
        p = builder.step(ROWS_AT_A_TIME);
        const now = performance.now();
        if (now - last >= PROGRESS_EVERY || p.rows === p.size) {
          last = now;
          progress(id, { phase: "synthetic", ...p });
        }
      }
      return hold(builder.finish());
    } finally {
      builder.free();
    }
  },

  /**
   * `{ file, format }`: a cohort file (JSON Lines or CSV), read from its
   * stream in chunks into the library's streaming reader. Rows with errors
   * are listed (the first 100) and the rest load. (Cancel stops the whole
   * Worker: the page makes each new cohort in a new one.)
   */
  async load(id, { file, format }) {
    const loader = new api.CohortLoader({ format, source: file.name });
    const reader = file.stream().getReader();
    const total = file.size;
    let last = 0;
    let counts = { bytes: 0, lines: 0, rows: 0, rejected: 0 };
    try {
      progress(id, { phase: "read", ...counts, total });
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        // File.stream() gives chunks of up to 2 MiB in Chromium: pushed in
        // pieces of 256 KiB, the progress comes at least every ~100 ms.
        for (let at = 0; at < value.length; at += PIECE) {
          counts = loader.push(value.subarray(at, at + PIECE));
          const now = performance.now();
          if (now - last >= PROGRESS_EVERY) {
            last = now;
            progress(id, { phase: "read", ...counts, total });
          }
        }
      }
      progress(id, { phase: "finish", ...counts, total });
      return hold(loader.finish());
    } catch (e) {
      // A file that failed as a whole, or in which no row loaded: the rows
      // skipped until then are still listed.
      const rejected = loader.rejected();
      throw Object.assign(plain(e), { rejected: rejected.count ? rejected : null });
    } finally {
      loader.free();
    }
  },

  /**
   * `{ variants: [{ key, mode: "share" | "cutoff", value }], fitted }`:
   * today, the counsellors (when the cohort has their decisions) and each
   * variant at its cut-off, with the difference to today per month. A
   * variant whose cut-off did not move is answered from the cache.
   */
  evaluate(_id, { variants, fitted = false }) {
    const s = need();
    const t0 = performance.now();
    const out = { today: s.today, counsellor: s.counsellor, variants: [] };
    for (const v of variants) {
      const choice = choiceOf(s, v, fitted);
      out.variants.push([v.key, cached(s.evaluations, keyOf(v, fitted), () => s.cohort.evaluate({ ...choice, groupColumns: [], compareTo: { ...TODAY, groupColumns: [] } }))]);
    }
    // The Worker's own time, for the page's timing line and make bench.
    out.ms = performance.now() - t0;
    return out;
  },

  /**
   * `{ method, variant?, fitted }`: the metrics by group of `method` (today,
   * counsellor, variant-a, variant-b; a variant at its cut-off `variant`).
   */
  fairness(_id, { method, variant = null, fitted = false }) {
    const s = need();
    const t0 = performance.now();
    let choice = method === "today" ? TODAY : method === "counsellor" ? COUNSELLOR : null;
    if (method === "counsellor" && !s.counsellor) choice = TODAY;
    if (!choice) choice = choiceOf(s, variant, fitted);
    const key = choice === TODAY ? "today" : choice === COUNSELLOR ? "counsellor" : keyOf(variant, fitted);
    const fair = cached(s.fairness, key, () => s.cohort.fairness(choice));
    return { method: choice === TODAY ? "today" : method, fairness: fair, ms: performance.now() - t0 };
  },

  /** `{ fitted }`: each variant's curve over the share sent to NOE, 0–100 %, with the rule tree's point. */
  curves(_id, { fitted = false }) {
    const s = need();
    return Object.keys(TARGETS).map((key) => {
      const model = fitted ? s.fitted[key]?.model : undefined;
      return [key, s.cohort.curve({ policy: key, ...(model ? { model } : {}) })];
    });
  },

  /**
   * Fits variant A and B on the cohort (the report's three inputs, bins from
   * the data) and returns each model with its card on the cohort (AUC,
   * Brier, calibration).
   */
  fit(id) {
    const s = need();
    const out = {};
    for (const [key, target] of Object.entries(TARGETS)) {
      progress(id, { phase: "fit", key });
      const model = s.cohort.fit({
        id: key,
        version: "fitted",
        target,
        features: FEATURES,
        description: `${key === "variant-a" ? "Variant A" : "Variant B"} (report 4.4), fitted in the browser on ${s.summary.source}.`,
      });
      out[key] = { model, card: s.cohort.modelCard({ model }) };
    }
    s.fitted = out;
    // Answers with the models fitted before are stale now.
    for (const cache of [s.evaluations, s.fairness]) for (const k of [...cache.keys()]) if (k.endsWith(" true")) cache.delete(k);
    return out;
  },

  /** `{ key, mode, value, fitted }`: the variant's policy with the cut-off on show, as a file. */
  policy(_id, { key, mode, value, fitted = false }) {
    const s = need();
    const model = fitted ? s.fitted[key]?.model : undefined;
    return s.cohort.policyWithCutoff({
      policy: key,
      [mode === "cutoff" ? "cutoff" : "share"]: value,
      id: `${key}-${fitted ? "fitted" : "cutoff"}`,
      ...(model ? { model } : {}),
    });
  },
};

addEventListener("message", async (event) => {
  const { id, op, params } = event.data;
  const f = ops[op];
  if (!f) return send(id, "error", { error: { kind: "INVALID_VALUE", path: "op", message: `unknown request ${op}` } });
  try {
    if (!api && op !== "init") api = await ready;
    const result = await f(id, params ?? {});
    send(id, "done", { result });
  } catch (e) {
    send(id, "error", { error: plain(e) });
  }
});
