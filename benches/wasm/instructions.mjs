// Instructions per call of one wasm case in Node, counted by valgrind's
// callgrind: repeatable to about 1 % on a machine whose other users make
// times swing by a factor of two, so two builds can be compared when the
// clock cannot. Not part of `make bench` (it needs valgrind, and each count
// runs Node under it for 1–3 minutes).
//   node benches/wasm/instructions.mjs <case> [package dir …]
// Cases: decide, rule, explain (veivalg); synthetic, groups, cutoff
// (veivalg/cohort), as in cases.mjs. Package dirs default to pkg/; give
// several (copies of pkg/ from different builds) to compare them.
//
// Each count runs the case twice in a fresh `node --no-liftoff
// --single-threaded` (TurboFan code from the start, no background
// compilation), after a warm-up, with a small and a large number of calls;
// the difference divided by the difference of calls is what one call costs,
// start-up and compilation cancelling out. The count includes the JS glue,
// V8's builtins (JSON.stringify) and the garbage collector.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { persons, SPEC, POLICY } from "./cases.mjs";

const COHORT = ["synthetic", "groups", "cutoff"];
/** [small, large] call counts per case (a synthetic cohort is 100 000 rows). */
const CALLS = { decide: [500, 2500], rule: [500, 2500], explain: [200, 1000], synthetic: [1, 3], groups: [2, 7], cutoff: [10, 70] };

async function run(which, dir, n) {
  const cohortCase = COHORT.includes(which);
  const [js, wasm] = cohortCase
    ? ["cohort/veivalg_cohort.js", "cohort/veivalg_cohort_bg.wasm"]
    : ["veivalg.js", "veivalg_bg.wasm"];
  const m = await import(new URL(js, dir).href);
  m.initSync({ module: readFileSync(new URL(wasm, dir)) });
  if (which === "synthetic") {
    m.Cohort.synthetic({ seed: 1, size: 1000 }).free();
    for (let k = 0; k < n; k++) m.Cohort.synthetic({ seed: 1, size: 100000 }).free();
    return;
  }
  if (cohortCase) {
    const cohort = m.Cohort.synthetic({ seed: 1, size: 100000 });
    const model = cohort.fit(SPEC);
    const groupColumns = which === "groups" ? undefined : [];
    let c = 0.3;
    for (let k = 0; k < 3 + n; k++) cohort.evaluate({ policy: POLICY, model, cutoff: (c += 0.001), groupColumns });
    return;
  }
  const people = persons();
  const call = {
    decide: (p) => m.decide(p, { policy: "variant-a" }),
    rule: (p) => m.decide(p),
    explain: (p) => m.explain(p, { policy: "variant-a" }),
  }[which];
  for (let k = 0; k < 300 + n; k++) call(people[k % people.length]);
}

function count(which, dir, n) {
  const out = spawnSync("valgrind", [
    "--tool=callgrind", "--smc-check=all", "--callgrind-out-file=/dev/null",
    process.execPath, "--no-liftoff", "--single-threaded",
    fileURLToPath(import.meta.url), "--run", which, dir, String(n),
  ], { encoding: "utf8" });
  const m = /Collected : (\d+)/.exec(out.stderr);
  if (out.error || !m) throw new Error(`valgrind failed (is it installed? apt-get install valgrind):\n${out.error ?? out.stderr}`);
  return Number(m[1]);
}

const args = process.argv.slice(2);
if (args[0] === "--run") {
  await run(args[1], args[2], Number(args[3]));
} else {
  const which = args[0];
  if (!CALLS[which]) throw new Error(`usage: node benches/wasm/instructions.mjs <${Object.keys(CALLS).join("|")}> [package dir …]`);
  const dirs = (args.length > 1 ? args.slice(1) : [fileURLToPath(new URL("../../pkg/", import.meta.url))])
    .map((d) => pathToFileURL(`${resolve(d)}/`).href);
  const [lo, hi] = CALLS[which];
  for (const dir of dirs) {
    const per = (count(which, dir, hi) - count(which, dir, lo)) / (hi - lo);
    console.log(`${which} ${fileURLToPath(dir)}: ${Math.round(per).toLocaleString("en")} instructions per call`);
  }
}
