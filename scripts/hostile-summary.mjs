// The count of hostile inputs a `make test` run threw at the library (issue
// 12: at least 100 000 per run across the entry points), read from the logs
// the test steps write into target/test-logs/ (the Makefile tees them):
//   native-hostile.log  cargo test --test hostile -- --nocapture
//   wasm-node.log       the wasm tests in Node, --nocapture
//   wasm-browser.log    the wasm tests in headless Chromium, --nocapture
//   js.log              node --test tests/js/
// Prints one line per source with its count and time, and the total. A
// step that did not run (no log) is listed as such. Exits 0: it reports,
// the steps themselves fail on a bad answer.
//   node scripts/hostile-summary.mjs [target/test-logs]
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "target/test-logs";
const read = (name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : null);
const int = (s) => Number(s.replace(/[^0-9]/g, ""));

/** [source, log, pattern with (count) and optional (seconds)] */
const sources = [
  ["native fuzzer, 23 entry points (tests/hostile.rs)", "native-hostile.log", /^hostile: (\d+) inputs across \d+ entry points in ([\d.]+) s/m],
  ["native corpus replay (tests/corpus/)", "native-hostile.log", /^hostile corpus: (\d+) inputs replayed in ([\d.]+) s/m],
  ["native objects given as arrays", "native-hostile.log", /^hostile objects given as arrays: (\d+) inputs/m],
  ["native labelOutcome input vs its Value-fed reader", "native-hostile.log", /^hostile label sources read as from_value did: (\d+) inputs/m],
  ["wasm fuzz pass in Node (wasm_bindgen_test)", "wasm-node.log", /wasm fuzz pass: (\d+) hostile inputs at \d+ exports in ([\d.]+) s/],
  ["wasm fuzz pass in Chromium (wasm_bindgen_test)", "wasm-browser.log", /wasm fuzz pass: (\d+) hostile inputs at \d+ exports in ([\d.]+) s/],
  ["the package from Node (tests/js/hostile.test.mjs)", "js.log", /hostile JS values: (\d+) calls in all in ([\d.]+) s/],
];

let total = 0;
let seconds = 0;
const lines = [];
for (const [what, log, pattern] of sources) {
  const text = read(log);
  const m = text?.match(pattern);
  if (!m) {
    lines.push(`  ${what.padEnd(52)} ${text === null ? "not run" : "no count in " + log}`);
    continue;
  }
  const n = int(m[1]);
  total += n;
  if (m[2]) seconds += Number(m[2]);
  lines.push(`  ${what.padEnd(52)} ${n.toLocaleString("en").padStart(8)}${m[2] ? `  in ${Number(m[2]).toFixed(1).padStart(5)} s` : ""}`);
}
console.log(`hostile inputs in this run: ${total.toLocaleString("en")} (${seconds.toFixed(1)} s of fuzzing and replay)`);
console.log(lines.join("\n"));
