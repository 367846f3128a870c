// Removes the doc comments wasm-bindgen copies into the JS glue
// (pkg/veivalg.js), its indentation and blank lines: the same documentation
// ships in pkg/veivalg.d.ts, where editors read it, and the glue is 36 %
// smaller without them (1.8 KB gzip). Only whole `/** … */` blocks,
// whole-line `//` comments and leading whitespace go (the glue has no
// string that spans lines), and the script fails if the result no longer
// parses.
//   node scripts/strip-js-docs.mjs pkg/veivalg.js
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";

const file = process.argv[2];
if (!file) {
  console.error("usage: node scripts/strip-js-docs.mjs FILE.js");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
const stripped = text
  .replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, "")
  .replace(/^[ \t]*\/\/.*\n/gm, "")
  .replace(/^[ \t]+/gm, "")
  .replace(/\n{2,}/g, "\n");
// A syntax check of the result as an ES module (`node --check`).
const dir = mkdtempSync(join(tmpdir(), "strip-js-docs-"));
const probe = join(dir, "probe.mjs");
writeFileSync(probe, stripped);
const check = spawnSync(process.execPath, ["--check", probe], { encoding: "utf8" });
rmSync(dir, { recursive: true, force: true });
if (check.status !== 0) {
  console.error(`strip-js-docs: the result does not parse; leaving ${file} unchanged\n${check.stderr}`);
  process.exit(1);
}
writeFileSync(file, stripped);
console.log(`${file}: ${text.length} → ${stripped.length} bytes without doc comments and indentation`);
