// scripts/size.mjs tells "over budget" from a real failure (needs pkg/):
// within budget exit 0; over a budget exit 3 with an OVER BUDGET line under
// --gate=strict, exit 0 with the same line under --gate=report; a bad
// argument or a missing package is another exit code under either gate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const size = (args, cwd = root) =>
  spawnSync(process.execPath, [join(cwd, "scripts/size.mjs"), ...args], { cwd, encoding: "utf8" });

test("within the budgets: a table of both entry points, exit 0", () => {
  const r = size(["--gate=strict", "--no-breakdown", "--budget", "veivalg=10000000", "--budget", "veivalg/cohort=10000000"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\| \*\*veivalg\*\* \| wasm \+ JS \|/);
  assert.match(r.stdout, /\| \*\*veivalg\/cohort\*\* \| wasm \+ JS \|/);
  assert.doesNotMatch(r.stdout, /OVER BUDGET/);
});

test("over a budget: OVER BUDGET, exit 3 when strict, exit 0 when reporting", () => {
  const strict = size(["--gate=strict", "--no-breakdown", "--budget", "veivalg=1000"]);
  assert.equal(strict.status, 3, strict.stderr);
  assert.match(strict.stdout, /^OVER BUDGET: veivalg is [\d.]+ KB gzip, [\d.]+ KB above its budget of 1\.0 KB/m);
  assert.match(strict.stdout, /failing \(SIZE_GATE=strict\)/);
  const report = size(["--gate=report", "--no-breakdown", "--budget", "veivalg=1000"]);
  assert.equal(report.status, 0, report.stderr);
  assert.match(report.stdout, /^OVER BUDGET: veivalg is/m);
  assert.match(report.stdout, /reported, not failed \(SIZE_GATE=report\)/);
});

test("a real failure is neither 0 nor 3, under either gate", () => {
  for (const gate of ["strict", "report"]) {
    assert.equal(size([`--gate=${gate}`, "--nonsense"]).status, 2);
  }
  assert.equal(size(["--gate=lenient"]).status, 2);
  // A package that was never built: the files are missing.
  const dir = mkdtempSync(join(tmpdir(), "veivalg-size-"));
  try {
    mkdirSync(join(dir, "scripts"));
    cpSync(join(root, "scripts/size.mjs"), join(dir, "scripts/size.mjs"));
    for (const gate of ["strict", "report"]) {
      const r = size([`--gate=${gate}`], dir);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, /make pkg/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
