// Peak wasm memory of the package at the input limits (docs/benchmarks.md,
// "Peak wasm memory at the limits"). Needs pkg/ (make pkg), or VEIVALG_PKG.
//   node benches/wasm/memory.mjs
import { readFileSync } from "node:fs";
const pkg = process.env.VEIVALG_PKG ?? new URL("../../pkg/", import.meta.url).pathname;
const v = await import(pkg + "veivalg.js");
const w = v.initSync({ module: readFileSync(pkg + "veivalg_bg.wasm") });
const mb = (x) => (x / 2 ** 20).toFixed(1) + " MiB";
const person = {
  id: "max", registeredOn: "2025-03-14", birthDate: "1979-06-02",
  answers: { situation: "MISTET_JOBBEN", education: "HOYERE_UTDANNING_1_TIL_4", educationApproved: "JA", educationPassed: "JA", healthObstacles: "NEI", otherObstacles: "NEI" },
  employment: Array.from({ length: 2000 }, (_, i) => ({ start: "2000-01-01", end: i % 2 ? null : "2025-01-31" })),
  wages: Array.from({ length: 10000 }, (_, i) => ({ month: `${2025 - Math.floor((i % 120) / 12) - 1}-${String((i % 12) + 1).padStart(2, "0")}`, nok: 41000 + i })),
};
console.log("person JSON bytes", JSON.stringify(person).length, "start", mb(w.memory.buffer.byteLength));
for (const [n, f] of [["decide", () => v.decide(person)], ["explain", () => v.explain(person)], ["score", () => v.score(person)], ["wageHistory", () => v.wageHistory(person, { months: 36 })], ["features", () => v.features(person)], ["labelOutcome", () => v.labelOutcome({ ...person, registeredOn: "2024-01-10" })]]) {
  const t = performance.now();
  let r; try { f(); r = "ok"; } catch (e) { r = `${e.kind} ${e.path} ${e.message.slice(0, 80)}`; }
  console.log(n, r, (performance.now() - t).toFixed(1), "ms", "memory", mb(w.memory.buffer.byteLength));
}
const c = await import(pkg + "cohort/veivalg_cohort.js");
const wc = c.initSync({ module: readFileSync(pkg + "cohort/veivalg_cohort_bg.wasm") });
console.log("cohort module start", mb(wc.memory.buffer.byteLength));
const size = Number(process.env.SIZE ?? 10000000);
let t = performance.now();
const k = c.Cohort.synthetic({ seed: 1, size });
console.log(`synthetic ${size}`, ((performance.now() - t) / 1000).toFixed(1), "s memory", mb(wc.memory.buffer.byteLength));
const edges = Array.from({ length: 64 }, (_, i) => i / 2);
const spec = { id: "max", target: "STABLE_WORK", l2: 0.5, maxBins: 40, features: [{ name: "situation" }, { name: "monthsSinceAbove3G", edges }, { name: "monthsAbove3GLast24", edges }, ...(["age"].map((name) => ({ name })))] };
t = performance.now();
let model;
try { model = k.fit(spec); console.log("fit ok"); } catch (e) { console.log("fit", e.kind, e.path, e.message.slice(0, 100)); spec.features.pop(); model = k.fit(spec); console.log("fit without age ok"); }
console.log("fit", ((performance.now() - t) / 1000).toFixed(1), "s memory", mb(wc.memory.buffer.byteLength));
const policy = { id: "p", validFrom: "2025-01-01", status: "PROPOSAL", method: "MODEL", model: "max", share: 0.37, noeAge: { min: 30, max: 59 }, toLocalOffice: ["HEALTH_OBSTACLES"], source: "mem" };
t = performance.now();
k.evaluate({ policy, model, share: 0.37 });
console.log("evaluate", ((performance.now() - t) / 1000).toFixed(1), "s memory", mb(wc.memory.buffer.byteLength));
k.free();
// The largest fromJson: records up to 256 MiB of JSON.
const rec = JSON.stringify({ person: { ...person, employment: person.employment.slice(0, 2), wages: person.wages.slice(0, 24) }, outcome: "STABLE_WORK" });
const n = Number(process.env.ROWS ?? Math.floor((256 * 2 ** 20) / (rec.length + 1)) - 10);
const rows = Array.from({ length: n }, () => JSON.parse(rec));
t = performance.now();
try { const j = c.Cohort.fromJson(rows); console.log(`fromJson ${n} rows (${mb(n * (rec.length + 1))} JSON)`, ((performance.now() - t) / 1000).toFixed(1), "s memory", mb(wc.memory.buffer.byteLength)); j.free(); }
catch (e) { console.log("fromJson", e.kind, e.path, e.message.slice(0, 120), "memory", mb(wc.memory.buffer.byteLength)); }
