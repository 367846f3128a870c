// The package's TypeScript declarations are API. Needs pkg/ (`make pkg`).
//   - pkg/veivalg.d.ts and pkg/cohort/veivalg_cohort.d.ts type-check against
//     tests/js/usage.ts with TypeScript 5 in strict mode (every export, every
//     Cohort method, and @ts-expect-error lines that must stay errors);
//   - each equals its checked-in golden copy (tests/js/veivalg.d.ts.golden,
//     tests/js/veivalg_cohort.d.ts.golden), so every change to the public
//     types shows up in review. A difference prints a unified diff; after
//     reviewing it, `VEIVALG_BLESS=1 node --test tests/js/` rewrites the
//     golden files from the build (never edit them by hand).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

const GOLDENS = [
  { built: "pkg/veivalg.d.ts", golden: "tests/js/veivalg.d.ts.golden" },
  { built: "pkg/cohort/veivalg_cohort.d.ts", golden: "tests/js/veivalg_cohort.d.ts.golden" },
];

test("both .d.ts files type-check against tests/js/usage.ts", () => {
  const tsc = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tests/js/tsconfig.json"],
    { cwd: root, encoding: "utf8" },
  );
  assert.equal(tsc.status, 0, `tsc failed:\n${tsc.stdout}${tsc.stderr}`);
});

/** A unified diff of two texts (`diff -u`), or the first differing line without it. */
function difference(goldenPath, goldenText, builtPath, builtText) {
  const dir = mkdtempSync(join(tmpdir(), "veivalg-dts-"));
  try {
    const a = join(dir, "golden");
    const b = join(dir, "built");
    writeFileSync(a, goldenText);
    writeFileSync(b, builtText);
    const diff = spawnSync("diff", ["-u", "--label", goldenPath, "--label", builtPath, a, b], { encoding: "utf8" });
    if (diff.status === 1 && diff.stdout) {
      const lines = diff.stdout.split("\n");
      const shown = lines.slice(0, 200).join("\n");
      return lines.length > 200 ? `${shown}\n… (${lines.length - 200} more diff lines)` : shown;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const x = goldenText.split("\n");
  const y = builtText.split("\n");
  const i = x.findIndex((line, k) => line !== y[k]);
  return `first difference at line ${i + 1}:\n- ${x[i]}\n+ ${y[i]}`;
}

for (const { built, golden } of GOLDENS) {
  test(`${built} matches ${golden}`, () => {
    const text = readFileSync(join(root, built), "utf8");
    const goldenPath = join(root, golden);
    if (process.env.VEIVALG_BLESS === "1") {
      writeFileSync(goldenPath, text);
      console.log(`blessed: ${golden} rewritten from ${built}`);
      return;
    }
    assert.ok(existsSync(goldenPath), `${golden} is missing: run \`VEIVALG_BLESS=1 node --test tests/js/\` to write it`);
    const want = readFileSync(goldenPath, "utf8");
    if (text !== want) {
      assert.fail(
        `${built} differs from ${golden} (- golden, + built):\n` +
          difference(golden, want, built, text) +
          "\n\nIf the change is intended (the core's types changed), review it and run " +
          "`VEIVALG_BLESS=1 node --test tests/js/` to rewrite the golden file.",
      );
    }
  });
}
