// The wasm benchmarks of the npm package, shared by the Node runner
// (benches/wasm/node.mjs) and the Chromium runner (benches/wasm/browser.mjs):
// the same cases, the same inputs, the same timing rule. Each case runs in
// batches until at least `minMs` have passed (and at least 3 batches), and
// the median time per call is reported, as benches/bench.rs does natively.

/** Targets from the issue (per call), in milliseconds. */
export const TARGETS = {
  instantiate: 10,
  decide: 0.05,
  synthetic: 500,
  cutoff: 5,
  share: 5,
  fit: 1000,
  // A <veivalg-panel> render in Chromium, one frame (benches/wasm/browser.mjs).
  panel: 16,
};

/** Median time per call of `f`, in milliseconds. */
export function measure(f, { minMs = 300, minBatches = 3 } = {}) {
  const t0 = performance.now();
  f();
  const once = Math.max(performance.now() - t0, 1e-4);
  const batch = Math.max(1, Math.min(100000, Math.round(10 / once)));
  const samples = [];
  const begin = performance.now();
  while (performance.now() - begin < minMs || samples.length < minBatches) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) f();
    samples.push((performance.now() - t) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/** A deterministic registrant (a small LCG, so every runner gets the same 64). */
export function persons(n = 64) {
  let s = 12345;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const wages = [];
    const monthly = pick([0, 15000, 32000, 45000, 61000]);
    for (let k = 1; k <= 36; k++) {
      const m = new Date(Date.UTC(2025, 2 - k, 1));
      const month = `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, "0")}`;
      if (next() < 0.8) wages.push({ month, nok: Math.round(monthly * (0.7 + 0.6 * next())) });
    }
    out.push({
      id: `bench-${i}`,
      registeredOn: "2025-03-14",
      age: 30 + Math.floor(next() * 30),
      answers: {
        situation: pick(["MISTET_JOBBEN", "HAR_SAGT_OPP", "ALDRI_HATT_JOBB", "VIL_BYTTE_JOBB", "ER_PERMITTERT", "JOBB_OVER_2_AAR"]),
        education: "HOYERE_UTDANNING_1_TIL_4",
        educationApproved: "JA",
        educationPassed: "JA",
        healthObstacles: pick(["NEI", "NEI", "NEI", "JA"]),
        otherObstacles: "NEI",
      },
      employment: next() < 0.6 ? [{ start: "2023-02-01", end: null }] : [],
      wages,
    });
  }
  return out;
}

export const SPEC = {
  id: "variant-a",
  target: "STABLE_WORK",
  features: [{ name: "situation" }, { name: "monthsSinceAbove3G" }, { name: "monthsAbove3GLast24" }],
};

export const POLICY = {
  id: "bench-a", validFrom: "2025-01-01", status: "PROPOSAL", method: "MODEL", model: "variant-a",
  share: 0.37, noeAge: { min: 30, max: 59 },
  toLocalOffice: ["HEALTH_OBSTACLES", "OTHER_OBSTACLES", "SINGLE_PARENT", "DIGITAL_RESERVATION", "SENSITIVE"],
  source: "benchmark",
};

/**
 * Runs every case but instantiation (which the runner times, since it
 * needs a fresh module) on the two initialised entry points: `veivalg`
 * (decide, and explain where the package has it) and `veivalg/cohort`
 * (`Cohort`). Returns rows `{ key, name, ms }`.
 */
export function run(veivalg, cohortModule, log = () => {}) {
  const rows = [];
  const row = (key, name, ms) => {
    rows.push({ key, name, ms });
    log(`${name}: ${ms.toFixed(4)} ms`);
  };
  let cohort = null;
  row("synthetic", "Cohort.synthetic({ seed: 1, size: 100 000 })", measure(() => {
    cohort?.free();
    cohort = cohortModule.Cohort.synthetic({ seed: 1, size: 100000 });
  }, { minMs: 1500 }));
  let model;
  row("fit", "cohort.fit(variant A) on 100 000 rows", measure(() => {
    model = cohort.fit(SPEC);
  }, { minMs: 1500 }));
  const policy = { ...POLICY, cutoff: cohort.thresholdForShare({ policy: POLICY, model, share: 0.37 }) };
  const people = persons();
  let i = 0;
  row("decide-custom", "decide(person, { policy, model }): a caller's own model object (stringified every call)", measure(() => {
    i = (i + 1) % people.length;
    veivalg.decide(people[i], { policy, model });
  }));
  row("decide", "decide(person, { policy: \"variant-a\" }): shipped model, explanation + counterfactuals", measure(() => {
    i = (i + 1) % people.length;
    veivalg.decide(people[i], { policy: "variant-a" });
  }));
  row("decide-rule-tree", "decide(person): rule tree with trace", measure(() => {
    i = (i + 1) % people.length;
    veivalg.decide(people[i]);
  }));
  if (typeof veivalg.explain === "function") {
    row("explain", "explain(person, { policy: \"variant-a\" })", measure(() => {
      i = (i + 1) % people.length;
      veivalg.explain(people[i], { policy: "variant-a" });
    }));
  }
  let c = 0.3;
  cohort.evaluate({ policy: POLICY, model, cutoff: c });
  // The slider: volume, accuracy and outcome split (Tabell 5/8) at a new
  // cut-off, without the per-group breakdown.
  row("cutoff", "re-evaluate at a new cut-off: evaluate({ policy, model, cutoff, groupColumns: [] })", measure(() => {
    c = c > 0.7 ? 0.3 : c + 0.001;
    cohort.evaluate({ policy: POLICY, model, cutoff: c, groupColumns: [] });
  }));
  row("cutoff", "… with group metrics for all five group columns (the default)", measure(() => {
    c = c > 0.7 ? 0.3 : c + 0.001;
    cohort.evaluate({ policy: POLICY, model, cutoff: c });
  }));
  let s = 0.2;
  row("share", "re-evaluate at a new share: evaluate({ policy, model, share, groupColumns: [] })", measure(() => {
    s = s > 0.6 ? 0.2 : s + 0.001;
    cohort.evaluate({ policy: POLICY, model, share: s, groupColumns: [] });
  }));
  cohort.free();
  return rows;
}

/** A Markdown table of rows `{ name, ms, target? }`. */
export function table(title, rows) {
  const fmt = (ms) =>
    ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    title,
    "",
    "| benchmark | median | target | |",
    "|---|---:|---:|---|",
  ];
  for (const r of rows) {
    const target = TARGETS[r.key];
    const ok = target === undefined ? "" : r.ms <= target ? "ok" : "OVER";
    lines.push(`| ${r.name} | ${fmt(r.ms)} | ${target === undefined ? "" : fmt(target)} | ${ok} |`);
  }
  return lines.join("\n");
}
