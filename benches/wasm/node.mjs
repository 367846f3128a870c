// The package's benchmarks in Node (make bench). Needs pkg/ (make pkg).
//   node benches/wasm/node.mjs [--json out.json]
// Both entry points: `veivalg` (decide, explain) and `veivalg/cohort` (Cohort).
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { run, table } from "./cases.mjs";

const pkg = new URL("../../pkg/", import.meta.url);
const ENTRY = {
  veivalg: { js: "veivalg.js", wasm: "veivalg_bg.wasm" },
  cohort: { js: "cohort/veivalg_cohort.js", wasm: "cohort/veivalg_cohort_bg.wasm" },
};

// Instantiation: compile + instantiate a module from its bytes, in a fresh
// process each time (V8 caches compiled modules within a process); median of 7.
function instantiate({ js, wasm }) {
  const samples = [];
  for (let k = 0; k < 7; k++) {
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", `
      import { readFileSync } from "node:fs";
      const bytes = readFileSync(${JSON.stringify(fileURLToPath(new URL(wasm, pkg)))});
      const { initSync } = await import(${JSON.stringify(new URL(js, pkg).href)});
      const t = performance.now();
      initSync({ module: bytes });
      console.log(performance.now() - t);
    `], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`instantiating ${js} failed:\n${child.stderr}`);
    samples.push(Number(child.stdout.trim()));
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

async function load({ js, wasm }) {
  const m = await import(new URL(js, pkg).href);
  m.initSync({ module: readFileSync(new URL(wasm, pkg)) });
  return m;
}

const rows = [
  { key: "instantiate", name: "instantiate veivalg (compile + instantiate from bytes)", ms: instantiate(ENTRY.veivalg) },
  { key: "instantiate-cohort", name: "instantiate veivalg/cohort (compile + instantiate from bytes)", ms: instantiate(ENTRY.cohort) },
  ...run(await load(ENTRY.veivalg), await load(ENTRY.cohort)),
];
console.log(table(`veivalg wasm in Node ${process.version} (${process.platform} ${process.arch})`, rows));
const out = process.argv.indexOf("--json");
if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify({ runner: `Node ${process.version}`, rows }, null, 2));
