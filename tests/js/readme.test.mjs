// The README's package example (between `<!-- js-example` and
// `<!-- /js-example -->`) is run against pkg/ as an installed package
// (`import … from "veivalg"`), and must print what the README says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("the README's package example prints what the README says", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const start = readme.indexOf("<!-- js-example");
  const end = readme.indexOf("<!-- /js-example -->");
  assert.ok(start >= 0 && end > start, "js-example markers in README.md");
  const block = readme.slice(start, end);
  const code = block.match(/```js\n([\s\S]*?)```/)?.[1];
  const expected = block.match(/```text\n([\s\S]*?)```/)?.[1];
  assert.ok(code && expected, "a js block and a text block");
  const dir = mkdtempSync(join(tmpdir(), "veivalg-readme-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(root, "pkg"), join(dir, "node_modules", "veivalg"), "dir");
    writeFileSync(join(dir, "example.mjs"), code);
    const run = spawnSync(process.execPath, ["example.mjs"], { cwd: dir, encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("npm pack includes the package files and nothing else", () => {
  const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: join(root, "pkg"),
    encoding: "utf8",
  });
  assert.equal(pack.status, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout);
  const files = info.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "README.md",
    "package.json",
    "veivalg.d.ts",
    "veivalg.js",
    "veivalg_bg.wasm",
    "veivalg_bg.wasm.d.ts",
  ]);
  assert.equal(info.name, "veivalg");
});
