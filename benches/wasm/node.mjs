// The package's benchmarks in Node (make bench). Needs pkg/ (make pkg).
//   node benches/wasm/node.mjs [--json out.json]
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { run, table } from "./cases.mjs";

const pkg = new URL("../../pkg/", import.meta.url);

// Instantiation: compile + instantiate the module from its bytes, in a fresh
// process each time (V8 caches compiled modules within a process).
const samples = [];
for (let k = 0; k < 7; k++) {
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", `
    import { readFileSync } from "node:fs";
    const bytes = readFileSync(${JSON.stringify(fileURLToPath(new URL("veivalg_bg.wasm", pkg)))});
    const { initSync } = await import(${JSON.stringify(new URL("veivalg.js", pkg).href)});
    const t = performance.now();
    initSync({ module: bytes });
    console.log(performance.now() - t);
  `], { encoding: "utf8" });
  samples.push(Number(child.stdout.trim()));
}
samples.sort((a, b) => a - b);

const veivalg = await import(new URL("veivalg.js", pkg).href);
veivalg.initSync({ module: readFileSync(new URL("veivalg_bg.wasm", pkg)) });
const rows = [
  { key: "instantiate", name: "instantiate (compile + instantiate from bytes)", ms: samples[samples.length >> 1] },
  ...run(veivalg),
];
console.log(table(`veivalg wasm in Node ${process.version} (${process.platform} ${process.arch})`, rows));
const out = process.argv.indexOf("--json");
if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify({ runner: `Node ${process.version}`, rows }, null, 2));
