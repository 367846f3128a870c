// The built npm package (pkg/, from `make pkg`) used from Node the way a
// consumer would: the two ES modules (`veivalg` and `veivalg/cohort`, each
// with its own wasm), loaded and initialised by ./load.mjs.
//   node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { Cohort, cohortModule, pkgDir, quickReturnPerson as person, veivalg } from "./load.mjs";
import { thrown } from "./thrown.mjs";

/** The exports of the `veivalg` entry point (the `person` feature). */
const PERSON_EXPORTS = ["decide", "ruleTree", "score", "labelOutcome", "wageHistory", "features", "policies", "models", "rulesets", "grunnbelop", "version"];

test("package.json matches the build: two entry points, every file there", () => {
  const pkg = JSON.parse(readFileSync(new URL("package.json", pkgDir), "utf8"));
  assert.equal(pkg.name, "veivalg");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.version, veivalg.version());
  assert.equal(pkg.version, cohortModule.version());
  // A `files` entry is a file, or a folder (ending in `/`) that holds files.
  for (const f of pkg.files) {
    if (f.endsWith("/")) assert.ok(readdirSync(new URL(f, pkgDir)).length > 0, f);
    else assert.ok(readFileSync(new URL(f, pkgDir)).length > 0, f);
  }
  assert.deepEqual(pkg.exports["."], { types: "./veivalg.d.ts", import: "./veivalg.js", default: "./veivalg.js" });
  // veivalg/cohort is the wrapper (pkg-config/cohort-wrapper.js) round the
  // generated class: use after free() and a foreign `this` are structured errors.
  assert.deepEqual(pkg.exports["./cohort"], {
    types: "./cohort/index.d.ts",
    import: "./cohort/index.js",
    default: "./cohort/index.js",
  });
  // Every file an export names exists and is listed in `files`.
  for (const [key, target] of Object.entries(pkg.exports)) {
    for (const file of typeof target === "string" ? [target] : Object.values(target)) {
      assert.ok(existsSync(new URL(file, pkgDir)), `${key}: ${file}`);
      const listed = pkg.files.some((f) => f === file.slice(2) || (f.endsWith("/") && file.slice(2).startsWith(f)));
      if (file !== "./package.json") assert.ok(listed, `${file} in files`);
    }
  }
});

test("each entry point holds its own exports and not the other's", () => {
  for (const name of PERSON_EXPORTS) {
    assert.equal(typeof veivalg[name], "function", `veivalg exports ${name}`);
    if (name !== "version") assert.equal(cohortModule[name], undefined, `veivalg/cohort has no ${name}`);
  }
  assert.equal(veivalg.Cohort, undefined, "veivalg has no Cohort");
  assert.equal(typeof Cohort, "function", "veivalg/cohort exports Cohort");
  for (const m of [veivalg, cohortModule]) {
    assert.equal(typeof m.default, "function", "init");
    assert.equal(typeof m.initSync, "function", "initSync");
  }
});

test("a quick-return registration goes to NOE, with reasons and a trace", () => {
  const d = veivalg.decide(person());
  assert.equal(d.method, "RULE_TREE");
  assert.equal(d.group, "ANTATT_GODE_MULIGHETER");
  assert.equal(d.unit, "NOE");
  assert.equal(d.policy.id, "noe-2025-01");
  assert.ok(Array.isArray(d.reasons) && d.reasons.length > 0);
  const work = d.trace.find((s) => s.rule === "WORK_HISTORY");
  assert.equal(work?.holds, true);
});

test("options: undefined, null and a policy id", () => {
  const a = JSON.stringify(veivalg.decide(person()));
  assert.equal(JSON.stringify(veivalg.decide(person(), null)), a);
  assert.equal(JSON.stringify(veivalg.decide(person(), undefined)), a);
  // Aged 45: NOE under the 2018 policy (30–59) too.
  assert.equal(veivalg.decide(person(), { policy: "noe-2018" }).policy.id, "noe-2018");
});

test("bad input throws an Error with kind, path and message", () => {
  const p = person();
  p.answers.situation = "MISTET_JOBEN";
  const e = thrown(() => veivalg.decide(p));
  assert.ok(e instanceof Error);
  assert.equal(e.kind, "INVALID_VALUE");
  assert.equal(e.path, "answers.situation");
  assert.match(e.message, /MISTET_JOBBEN/);
  assert.ok(Object.hasOwn(e, "kind") && Object.hasOwn(e, "path") && Object.hasOwn(e, "message"));
});

test("values with no JSON form and cyclic objects are errors, not traps", () => {
  assert.equal(thrown(() => veivalg.decide(undefined)).kind, "INVALID_TYPE");
  assert.equal(thrown(() => veivalg.decide(() => 1)).kind, "INVALID_TYPE");
  assert.equal(thrown(() => veivalg.decide(Symbol("s"))).kind, "INVALID_TYPE");
  const cyclic = person();
  cyclic.self = cyclic;
  assert.equal(thrown(() => veivalg.decide(cyclic)).kind, "INVALID_JSON");
  const huge = person();
  huge.id = "x".repeat(1 << 20);
  assert.equal(thrown(() => veivalg.decide(huge)).kind, "TOO_LARGE");
});

test("the module keeps working after errors", () => {
  for (let i = 0; i < 50; i++) {
    thrown(() => veivalg.decide({ registeredOn: "2025-13-01" }));
    thrown(() => veivalg.decide(null));
  }
  assert.equal(veivalg.decide(person()).unit, "NOE");
});

test("tables: G, policies, rulesets", () => {
  const g = veivalg.grunnbelop();
  assert.deepEqual(
    g.find((r) => r.from === "2024-05-01"),
    { from: "2024-05-01", nok: 124028 },
  );
  assert.ok(veivalg.policies().some((p) => p.id === "noe-2025-01"));
  assert.ok(veivalg.rulesets().some((r) => r.id === "2024-03"));
});

test("each .d.ts declares its entry point's exports, and no `any`", () => {
  const dts = readFileSync(new URL("veivalg.d.ts", pkgDir), "utf8");
  const cohortDts = readFileSync(new URL("cohort/veivalg_cohort.d.ts", pkgDir), "utf8");
  for (const name of PERSON_EXPORTS) {
    assert.match(dts, new RegExp(`export function ${name}\\(`), name);
    assert.equal(typeof veivalg[name], "function", name);
  }
  assert.match(dts, /export function decide\(person: Person, options\?: DecideOptions \| null\): Decision;/);
  assert.doesNotMatch(dts, /export class Cohort \{/);
  assert.match(cohortDts, /export class Cohort \{/);
  assert.match(cohortDts, /export function version\(/);
  assert.doesNotMatch(cohortDts, /export function decide\(/);
  for (const d of [dts, cohortDts]) {
    // No `any` anywhere in the declarations (comments aside): wasm-bindgen's
    // raw `InitOutput` exports are rewritten to `unknown` by `make pkg`.
    const code = d.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\bany\b/);
  }
});

test("score, features, wage history and labels", () => {
  const f = veivalg.features(person());
  assert.equal(f.situation, "MISTET_JOBBEN");
  assert.equal(f.worked6Of12.intervals, true);
  const h = veivalg.wageHistory(person(), { months: 12 });
  assert.equal(h.length, 12);
  assert.ok(h.every((m) => m.nok === 0 && m.above3G === false));
  const e = thrown(() => veivalg.labelOutcome(person()));
  assert.equal(e.kind, "INSUFFICIENT_DATA");
  assert.equal(e.path, "wages");
  assert.equal(thrown(() => veivalg.score(person(), { model: "none" })).path, "options.model");
  assert.ok(Array.isArray(veivalg.models()));
});

test("the issue's bad inputs: a thrown error with a path, never a trap", () => {
  const cases = [];
  cases.push(["undefined", () => veivalg.decide(undefined), "INVALID_TYPE", ""]);
  const numberEnum = person();
  numberEnum.answers.situation = 3;
  cases.push(["a number for an enum", () => veivalg.decide(numberEnum), "INVALID_TYPE", "answers.situation"]);
  const wageText = person();
  wageText.wages = [{ month: "2024-12", nok: "45 000" }];
  cases.push(["a wage as text", () => veivalg.decide(wageText), "INVALID_TYPE", "wages[0].nok"]);
  const million = person();
  million.wages = new Array(1_000_000).fill({ month: "2024-12", nok: 1 });
  cases.push(["a million wages", () => veivalg.decide(million), "TOO_LARGE", "wages"]);
  const model = { id: "m", features: [] };
  model.self = model;
  cases.push(["a cyclic model", () => veivalg.decide(person(), { model }), "INVALID_JSON", "options.model.self"]);
  cases.push(["a cyclic model in score", () => veivalg.score(person(), { model }), "INVALID_JSON", "options.model.self"]);
  cases.push(["a bigint", () => veivalg.decide({ ...person(), age: 10n }), "INVALID_JSON", "age"]);
  for (const [what, call, kind, path] of cases) {
    const started = performance.now();
    const e = thrown(call);
    assert.ok(e instanceof Error, what);
    assert.equal(e.kind, kind, what);
    assert.equal(e.path, path, what);
    assert.ok(e.message.length > 0, what);
    assert.ok(performance.now() - started < 2000, `${what} answered within 2 s`);
    // Called again after each bad call: the module is still usable.
    assert.equal(veivalg.decide(person()).unit, "NOE", `usable after ${what}`);
  }
});

test("Cohort: synthetic, fit, evaluate at a share, threshold, summary", () => {
  const c = Cohort.synthetic({ seed: 1, size: 20000 });
  const s = c.summary();
  assert.equal(s.rows, 20000);
  assert.equal(s.synthetic, true);
  const model = c.fit({
    id: "a",
    target: "STABLE_WORK",
    features: [{ name: "situation" }, { name: "monthsSinceAbove3G" }, { name: "monthsAbove3GLast24" }],
  });
  assert.equal(model.trainedOn.rows, 20000);
  const policy = {
    id: "a", validFrom: "2025-01-01", status: "PROPOSAL", method: "MODEL", model: "a", share: 0.37,
    noeAge: { min: 30, max: 66 }, toLocalOffice: ["HEALTH_OBSTACLES", "OTHER_OBSTACLES"], source: "test",
  };
  const low = c.evaluate({ policy, model, share: 0.2 });
  const high = c.evaluate({ policy, model, share: 0.5, compareTo: { policy, model, share: 0.2 } });
  assert.ok(low.selected.count < high.selected.count);
  assert.ok(low.cutoff > high.cutoff);
  assert.equal(typeof high.difference.text, "string");
  assert.equal(c.thresholdForShare({ policy, model, share: 0.5 }), high.cutoff);
  // A person decided under the fitted model: contributions add up.
  const d = veivalg.decide(person(), { policy: { ...policy, cutoff: high.cutoff }, model });
  assert.equal(d.method, "MODEL");
  const sum = d.baselineLogit + d.contributions.reduce((a, x) => a + x.logit, 0);
  assert.ok(Math.abs(sum - Math.log(d.probability / (1 - d.probability))) < 1e-9);
  // Errors name the option; the cohort keeps working.
  const e = thrown(() => c.evaluate({ policy, model, share: 1.5 }));
  assert.equal(e.kind, "OUT_OF_RANGE");
  assert.equal(thrown(() => c.evaluate({ policy, model, shares: 0.3 })).path, "options.shares");
  assert.equal(thrown(() => Cohort.synthetic({ seed: 1, size: 0 })).path, "size");
  assert.equal(c.evaluate({ method: "RULE_TREE_GROUP" }).rows, 20000);
  c.free();
});

test("Cohort.fromJson: rows with computed outcomes, bad records by index", () => {
  const records = [];
  const withWages = person();
  withWages.wages = Array.from({ length: 14 }, (_, i) => ({
    month: `${2025 + Math.floor((3 + i) / 12)}-${String(((3 + i) % 12) + 1).padStart(2, "0")}`,
    nok: 60000,
  }));
  for (let i = 0; i < 5; i++) records.push(structuredClone({ person: { ...withWages, id: `p${i}` }, gender: "MALE" }));
  const c = Cohort.fromJson(records);
  assert.equal(c.summary().rows, 5);
  assert.equal(c.summary().synthetic, false);
  const bad = structuredClone(records);
  bad[3].person.answers.situation = "FIRED";
  const e = thrown(() => Cohort.fromJson(bad));
  assert.equal(e.path, "[3].person.answers.situation");
  assert.equal(thrown(() => Cohort.fromJson("rows")).kind, "INVALID_TYPE");
});

test("proxies whose traps throw, and revoked proxies, are errors, not traps", () => {
  const throwing = new Proxy(person(), {
    ownKeys() { throw new Error("trap"); },
    get() { throw new Error("trap"); },
  });
  assert.equal(thrown(() => veivalg.decide(throwing)).kind, "INVALID_JSON");
  const { proxy, revoke } = Proxy.revocable(person(), {});
  revoke();
  assert.equal(thrown(() => veivalg.decide(proxy)).kind, "INVALID_JSON");
  assert.equal(veivalg.decide(person()).unit, "NOE");
});

test("init() with the wasm bytes works in Node as well as initSync, for both entry points", async () => {
  const fresh = await import(new URL("veivalg.js?fresh", pkgDir).href);
  await fresh.default({ module_or_path: readFileSync(new URL("veivalg_bg.wasm", pkgDir)) });
  assert.equal(fresh.decide(person()).unit, "NOE");
  const freshCohort = await import(new URL("cohort/veivalg_cohort.js?fresh", pkgDir).href);
  await freshCohort.default({ module_or_path: readFileSync(new URL("cohort/veivalg_cohort_bg.wasm", pkgDir)) });
  const c = freshCohort.Cohort.synthetic({ seed: 1, size: 100 });
  assert.equal(c.summary().rows, 100);
  c.free();
});

test("the cohort module reports its own errors with kind, path and message", () => {
  const e = thrown(() => Cohort.synthetic({ seed: 1, size: 10, agez: "WIDE" }));
  assert.ok(e instanceof Error);
  assert.equal(e.kind, "UNKNOWN_FIELD");
  assert.equal(e.path, "agez");
  assert.equal(thrown(() => Cohort.synthetic(undefined)).kind, "INVALID_TYPE");
  const c = Cohort.synthetic({ seed: 1, size: 10 });
  assert.equal(c.summary().rows, 10);
  c.free();
});

test("an array of an object's fields where the object belongs is INVALID_TYPE naming it (issue 9)", () => {
  const p = person();
  const cases = [
    [() => veivalg.decide(Object.values(p)), ""],
    [() => veivalg.decide({ ...p, answers: Object.values(p.answers) }), "answers"],
    [() => veivalg.ruleTree({ ...p, employment: [["2023-02-01", null]] }), "employment[0]"],
    [() => veivalg.wageHistory({ ...p, wages: [["2024-12", 41000]] }), "wages[0]"],
    [() => veivalg.decide(p, ["noe-2025-01"]), "options"],
    [() => veivalg.decide(p, { policy: ["x", "2025-01-01", "PROPOSAL", "RULE_TREE"] }), "options.policy"],
    [() => veivalg.labelOutcome(["2024-01-10", []]), ""],
    [() => Cohort.synthetic([1, 50]), ""],
    [() => Cohort.fromJson([[p, "STABLE_WORK"]]), "[0]"],
  ];
  for (const [call, path] of cases) {
    const e = thrown(call);
    assert.deepEqual([e.kind, e.path], ["INVALID_TYPE", path], e.message);
    assert.match(e.message, /sequence|an array/);
  }
  const c = Cohort.synthetic({ seed: 1, size: 40 });
  const e = thrown(() => c.fit(["x", "STABLE_WORK", [{ name: "situation" }]]));
  assert.deepEqual([e.kind, e.path], ["INVALID_TYPE", "spec"]);
  c.free();
  assert.equal(veivalg.decide(p).unit, "NOE");
});
