// The package as a user gets it:
//   - the README's package example (between `<!-- js-example` and
//     `<!-- /js-example -->`) is run against pkg/ as an installed package
//     (`import … from "veivalg"` and `"veivalg/cohort"`), and must print what
//     the README says;
//   - `npm pack` of pkg/ holds the package files and nothing else;
//   - the tarball installs into a fresh project (`npm install ./veivalg-*.tgz`,
//     offline: the package has no dependencies), where both entry points
//     import and initialise through the package's `exports`, and TypeScript
//     finds their declarations (and veivalg/panel's) through them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The files of the package, as `npm pack` must list them. */
// The panel's modules (`veivalg/panel`) are the ones `make pkg` copies into
// pkg/panel/ (the Makefile's PANEL_FILES with the stylesheet, the message catalogue, the loader
// and the .d.ts); every other file is named here.
const PANEL_FILES = readdirSync(join(root, "pkg", "panel"), { recursive: true })
  .filter((f) => f.endsWith(".js") || f.endsWith(".ts") || f.endsWith(".css"))
  .map((f) => `panel/${f}`);
const PACKAGE_FILES = [
  "README.md",
  "cohort/cohort-template.csv",
  "cohort/index.d.ts",
  "cohort/index.js",
  "cohort/veivalg_cohort.d.ts",
  "cohort/veivalg_cohort.js",
  "cohort/veivalg_cohort_bg.wasm",
  "cohort/veivalg_cohort_bg.wasm.d.ts",
  "package.json",
  "veivalg.d.ts",
  "veivalg.js",
  "veivalg_bg.wasm",
  "veivalg_bg.wasm.d.ts",
  ...PANEL_FILES,
].sort();

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
  assert.deepEqual(files, PACKAGE_FILES);
  assert.equal(info.name, "veivalg");
});

test("the packed tarball installs, and both entry points import, initialise and type-check", () => {
  const dir = mkdtempSync(join(tmpdir(), "veivalg-install-"));
  const npm = (args, cwd) => spawnSync("npm", args, { cwd, encoding: "utf8" });
  try {
    const pack = npm(["pack", "--json", "--ignore-scripts", "--pack-destination", dir], join(root, "pkg"));
    assert.equal(pack.status, 0, pack.stderr);
    const [{ filename }] = JSON.parse(pack.stdout);
    const project = join(dir, "app");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    const install = npm(
      ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", join(dir, filename)],
      project,
    );
    assert.equal(install.status, 0, install.stderr);
    assert.deepEqual(
      readdirSync(join(project, "node_modules", "veivalg"), { recursive: true }).sort(),
      [...PACKAGE_FILES, "cohort", "panel", "panel/messages"].sort(),
    );
    writeFileSync(
      join(project, "app.mjs"),
      `import { readFileSync } from "node:fs";
import { initSync, decide, version } from "veivalg";
import { initSync as initCohort, Cohort, version as cohortVersion } from "veivalg/cohort";
initSync({ module: readFileSync(new URL(import.meta.resolve("veivalg/veivalg_bg.wasm"))) });
initCohort({ module: readFileSync(new URL(import.meta.resolve("veivalg/cohort/veivalg_cohort_bg.wasm"))) });
const c = Cohort.synthetic({ seed: 1, size: 1000 });
const model = c.fit({ id: "m", target: "STABLE_WORK", features: [{ name: "situation" }] });
c.free();
const d = decide({ registeredOn: "2025-03-14", age: 45, answers: { situation: "MISTET_JOBBEN",
  education: "HOYERE_UTDANNING_1_TIL_4", educationApproved: "JA", educationPassed: "JA",
  healthObstacles: "NEI", otherObstacles: "NEI" }, employment: [{ start: "2023-02-01", end: null }] });
console.log(version() === cohortVersion(), d.unit, model.id);
`,
    );
    const run = spawnSync(process.execPath, ["app.mjs"], { cwd: project, encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, "true NOE m\n");
    // TypeScript resolves the three entry points through `exports` (their `types`).
    writeFileSync(
      join(project, "app.ts"),
      `import init, { decide, type Decision } from "veivalg";
import initCohort, { Cohort, type Model } from "veivalg/cohort";
import { STYLESHEET, type VeivalgPanel, type PanelLang } from "veivalg/panel";
export function panel(lang: PanelLang): VeivalgPanel {
  const el = document.createElement("veivalg-panel");
  el.lang = lang;
  el.policy = "variant-a";
  el.person = { registeredOn: "2025-03-14", age: 45, answers: { situation: "MISTET_JOBBEN",
    education: "HOYERE_UTDANNING_1_TIL_4", educationApproved: "JA", educationPassed: "JA",
    healthObstacles: "NEI", otherObstacles: "NEI" } };
  el.addEventListener("veivalg-render", () => console.log(el.dataset.state, STYLESHEET));
  return el;
}
export async function main(): Promise<string> {
  await init();
  await initCohort();
  const c: Cohort = Cohort.synthetic({ seed: 1, size: 10 });
  const m: Model = c.fit({ id: "m", target: "STABLE_WORK", features: [{ name: "situation" }] });
  const d: Decision = decide({ registeredOn: "2025-03-14", age: 45, answers: { situation: "MISTET_JOBBEN",
    education: "HOYERE_UTDANNING_1_TIL_4", educationApproved: "JA", educationPassed: "JA",
    healthObstacles: "NEI", otherObstacles: "NEI" } }, { model: m });
  return d.unit;
}
`,
    );
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true, noEmit: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext",
          lib: ["es2022", "esnext.disposable", "dom"], types: [],
        },
        files: ["app.ts"],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], {
      cwd: project,
      encoding: "utf8",
    });
    assert.equal(tsc.status, 0, `tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
