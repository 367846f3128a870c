// The package's TypeScript declarations are API. Needs pkg/ (`make pkg`).
//   - pkg/veivalg.d.ts type-checks against tests/js/usage.ts with TypeScript 5
//     in strict mode (every export, every Cohort method, and @ts-expect-error
//     lines that must stay errors);
//   - pkg/veivalg.d.ts equals the checked-in tests/js/veivalg.d.ts.golden, so
//     every change to the public types shows up in review
//     (`VEIVALG_BLESS=1 node --test tests/js/` rewrites the golden file).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("pkg/veivalg.d.ts type-checks against tests/js/usage.ts", () => {
  const tsc = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tests/js/tsconfig.json"],
    { cwd: root, encoding: "utf8" },
  );
  assert.equal(tsc.status, 0, `tsc failed:\n${tsc.stdout}${tsc.stderr}`);
});

test("pkg/veivalg.d.ts matches tests/js/veivalg.d.ts.golden", () => {
  const built = readFileSync(`${root}pkg/veivalg.d.ts`, "utf8");
  const goldenPath = `${root}tests/js/veivalg.d.ts.golden`;
  if (process.env.VEIVALG_BLESS) {
    writeFileSync(goldenPath, built);
    return;
  }
  const golden = readFileSync(goldenPath, "utf8");
  if (built !== golden) {
    const a = built.split("\n");
    const b = golden.split("\n");
    const i = a.findIndex((line, k) => line !== b[k]);
    assert.fail(
      `pkg/veivalg.d.ts differs from tests/js/veivalg.d.ts.golden at line ${i + 1}:\n` +
        `  built:  ${a[i]}\n  golden: ${b[i]}\n` +
        "review the change and run `VEIVALG_BLESS=1 node --test tests/js/` to accept it",
    );
  }
});
