// Prints the raw and gzip sizes of the package's wasm and JS glue and fails
// (exit 1) when the two together exceed the budget, gzip -9.
//   node scripts/size.mjs              (make size, and the last step of make test)
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** The budget from the README: 120 KB (120 000 bytes) gzip, wasm + JS glue. */
export const BUDGET_GZIP_BYTES = 120_000;

const files = ["pkg/veivalg_bg.wasm", "pkg/veivalg.js"];
let raw = 0;
let gz = 0;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`${"file".padEnd(22)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)}`);
for (const f of files) {
  const bytes = readFileSync(f);
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  console.log(`${f.padEnd(22)} ${kb(bytes.length).padStart(10)} ${kb(g).padStart(10)}`);
}
console.log(`${"total".padEnd(22)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)}`);
const verdict = gz <= BUDGET_GZIP_BYTES ? "within" : "OVER";
console.log(`budget ${kb(BUDGET_GZIP_BYTES)} gzip: ${verdict} (${gz} of ${BUDGET_GZIP_BYTES} bytes)`);
if (gz > BUDGET_GZIP_BYTES) {
  console.error("the package is over its size budget (README, \"Size\"): make it smaller before it ships");
  process.exit(1);
}
