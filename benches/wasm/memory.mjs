// Peak wasm memory of the package at the input limits (docs/limits.md;
// figures in docs/benchmarks.md, "Peak wasm memory at the limits").
// Needs pkg/ (make pkg), or VEIVALG_PKG.
//   node benches/wasm/memory.mjs              every case (several minutes)
//   SIZE=1000000 node benches/wasm/memory.mjs a smaller synthetic cohort
//   ONLY=person|synthetic|records|minimal     one part
// "memory" is `memory.buffer.byteLength` of the module's instance after the
// call. Wasm memory never shrinks, so each figure is the peak so far in that
// instance; the parts that build cohorts each get a fresh instance.
import { readFileSync } from "node:fs";

const pkg = process.env.VEIVALG_PKG ?? new URL("../../pkg/", import.meta.url).pathname;
const only = process.env.ONLY;
const mb = (x) => (x / 2 ** 20).toFixed(1) + " MiB";
const secs = (t) => {
  const ms = performance.now() - t;
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`;
};
const MAX_RECORD_BYTES = 1 << 20;
const MAX_COHORT_BYTES = 256 * 2 ** 20;

/** A fresh instance of an entry point: [module, wasm exports]. */
async function fresh(file, wasm, tag) {
  const m = await import(`${pkg}${file}?${tag}`);
  const w = m.initSync({ module: readFileSync(pkg + wasm) });
  return [m, w];
}

function run(label, w, f) {
  const t = performance.now();
  let r;
  try {
    r = f();
  } catch (e) {
    console.log(`${label}: ${e.kind} ${e.path} ${String(e.message).slice(0, 100)}`);
    return undefined;
  }
  console.log(`${label}: ${secs(t)}, wasm memory ${mb(w.memory.buffer.byteLength)}`);
  return r;
}

// A person at every limit: 10 000 wage entries, 2 000 employment periods.
const person = {
  id: "max", registeredOn: "2025-03-14", birthDate: "1979-06-02",
  answers: { situation: "MISTET_JOBBEN", education: "HOYERE_UTDANNING_1_TIL_4", educationApproved: "JA", educationPassed: "JA", healthObstacles: "NEI", otherObstacles: "NEI" },
  employment: Array.from({ length: 2000 }, (_, i) => ({ start: "2000-01-01", end: i % 2 ? null : "2025-01-31" })),
  wages: Array.from({ length: 10000 }, (_, i) => ({ month: `${2025 - Math.floor((i % 120) / 12) - 1}-${String((i % 12) + 1).padStart(2, "0")}`, nok: 41000 + i })),
};
// ... padded with a long id to just under the 1 MiB a record may have.
const padded = { ...person };
padded.id = "x".repeat(MAX_RECORD_BYTES - JSON.stringify(person).length - 8);

if (!only || only === "person") {
  const [v, w] = await fresh("veivalg.js", "veivalg_bg.wasm", "person");
  console.log(`veivalg start: wasm memory ${mb(w.memory.buffer.byteLength)}`);
  console.log(`the person at every limit: ${JSON.stringify(person).length} bytes of JSON; padded: ${JSON.stringify(padded).length} (limit ${MAX_RECORD_BYTES})`);
  for (const [name, p] of [["person at every limit", person], ["padded to 1 MiB", padded]]) {
    run(`decide, ${name}`, w, () => v.decide(p));
    run(`explain, ${name}`, w, () => v.explain(p));
    run(`score, ${name}`, w, () => v.score(p));
    run(`wageHistory {months: 120}, ${name}`, w, () => v.wageHistory(p, { months: 120 }));
    run(`features, ${name}`, w, () => v.features(p));
    run(`labelOutcome, ${name}`, w, () => v.labelOutcome({ ...p, registeredOn: "2023-12-10" }));
  }
}

if (!only || only === "synthetic") {
  const [c, w] = await fresh("cohort/veivalg_cohort.js", "cohort/veivalg_cohort_bg.wasm", "synthetic");
  console.log(`veivalg/cohort start: wasm memory ${mb(w.memory.buffer.byteLength)}`);
  const size = Number(process.env.SIZE ?? 10_000_000);
  const k = run(`Cohort.synthetic({size: ${size}})`, w, () => c.Cohort.synthetic({ seed: 1, size }));
  if (k) {
    // The largest fit: situation and both month features with 64 explicit
    // edges each (fit::spec::MAX_EDGES); age is not a fit feature.
    const edges = Array.from({ length: 64 }, (_, i) => i / 2);
    const spec = { id: "max", target: "STABLE_WORK", l2: 0.5, features: [{ name: "situation" }, { name: "monthsSinceAbove3G", edges }, { name: "monthsAbove3GLast24", edges }] };
    const model = run("fit, 3 features, 64 edges each", w, () => k.fit(spec));
    const policy = { id: "p", validFrom: "2025-01-01", status: "PROPOSAL", method: "MODEL", model: "max", share: 0.37, noeAge: { min: 30, max: 59 }, toLocalOffice: ["HEALTH_OBSTACLES"], source: "mem" };
    if (model) {
      run("evaluate at share 0.37", w, () => k.evaluate({ policy, model, share: 0.37 }));
      run("evaluate with group metrics for five columns", w, () => k.evaluate({ policy, model, share: 0.37, groupColumns: ["gender", "bornAbroad", "ageBand", "situation", "education"] }));
    }
    run("thresholdForShare, variant-a (a second ranking)", w, () => k.thresholdForShare({ policy: "variant-a", share: 0.5 }));
    // A session keeps at most 8 rankings (one per policy and model): fill
    // the cache with 6 more policies, then a 9th clears it.
    if (model) {
      for (let i = 0; i < 7; i++) {
        const p = { ...policy, id: `p${i}`, noeAge: { min: 30 + i, max: 59 } };
        run(`evaluate, policy ${i + 3} of 9 (a ranking each)`, w, () => k.evaluate({ policy: p, model, share: 0.37 }));
      }
    }
    k.free();
  }
}

/** Records of `rec`'s JSON text, as many as fit in 256 MiB of JSON. */
function cohortOf(rec) {
  const n = Math.floor((MAX_COHORT_BYTES - 2) / (rec.length + 1));
  return { n, rows: Array.from({ length: n }, () => JSON.parse(rec)), bytes: n * (rec.length + 1) + 1 };
}

if (!only || only === "records") {
  // The largest cohort JSON: records with 2 periods and 24 months of wages
  // (about 1.3 KB each) up to the 256 MiB limit.
  const [c, w] = await fresh("cohort/veivalg_cohort.js", "cohort/veivalg_cohort_bg.wasm", "records");
  const rec = JSON.stringify({ person: { ...person, employment: person.employment.slice(0, 2), wages: person.wages.slice(0, 24) }, outcome: "STABLE_WORK" });
  const { n, rows, bytes } = cohortOf(rec);
  const k = run(`Cohort.fromJson, ${n} records of ${rec.length} bytes, ${mb(bytes)} of JSON`, w, () => c.Cohort.fromJson(rows));
  k?.free();
}

if (!only || only === "minimal") {
  // The most rows from records: the smallest valid record (an age, the
  // four answers no-education needs, the outcome given, no wages or
  // employment), about 190 bytes, up to the 256 MiB limit.
  const [c, w] = await fresh("cohort/veivalg_cohort.js", "cohort/veivalg_cohort_bg.wasm", "minimal");
  const answers = { situation: "MISTET_JOBBEN", education: "INGEN_UTDANNING", healthObstacles: "NEI", otherObstacles: "NEI" };
  const rec = JSON.stringify({ person: { registeredOn: "2025-03-14", age: 40, answers }, outcome: "STABLE_WORK" });
  const { n, rows, bytes } = cohortOf(rec);
  const k = run(`Cohort.fromJson, ${n} minimal records of ${rec.length} bytes, ${mb(bytes)} of JSON`, w, () => c.Cohort.fromJson(rows));
  k?.free();
}
