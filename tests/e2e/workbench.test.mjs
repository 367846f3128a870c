// Browser end-to-end tests of the analyst's workbench (workbench.html),
// served by scripts/serve.mjs with its Content-Security-Policy, in Debian's
// Chromium driven by playwright-core, used as an analyst would: cohort files
// the tests write themselves (tests/e2e/cohort-files.mjs, never the shipped
// synthetic cohort), chosen in the file input or dropped on the page, and
// the page's tables compared with `veivalg evaluate` on the same file.
//
// Needs pkg/ (`make pkg`) and the CLI binary target/debug/veivalg, built
// with `--features cli` (`make test` builds it in its `cargo test` step; set
// VEIVALG_BIN to use another one).
//   node --test tests/e2e/workbench.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { env, openPage, assertClean, assertAccessible, assertNoSidewaysScroll, text, fitOnWorkbench } from "./support.mjs";
import { registrations, jsonl, csv } from "./cohort-files.mjs";
import { formats } from "../../www/lib/dom.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = process.env.VEIVALG_BIN ?? join(ROOT, "target", "debug", "veivalg");
const WIDE = { width: 1280, height: 900 };
const METHODS = ["today", "counsellor", "variant-a", "variant-b"];
const OUTCOMES = ["STABLE_WORK", "IN_AND_OUT", "WITHOUT_WORK", "TOTAL"];
const nb = formats("nb");

let dir;
const files = {};

before(() => {
  if (!existsSync(BIN)) {
    // The binary of `make test`'s cargo step; built here when a file is run alone.
    execFileSync("cargo", ["build", "--features", "cli", "--bin", "veivalg"], { cwd: ROOT, stdio: "inherit" });
  }
  dir = mkdtempSync(join(tmpdir(), "veivalg-workbench-"));
  const rows = registrations(600, { seed: 11, marker: "wbmarker" });
  files.jsonl = join(dir, "kohort-test.jsonl");
  files.csv = join(dir, "kohort-test.csv");
  writeFileSync(files.jsonl, jsonl(rows));
  writeFileSync(files.csv, csv(rows, { sep: ";" }));
  // Without counsellors' decisions: the counsellors' column is left out.
  files.noCounsellor = join(dir, "uten-veiledere.csv");
  writeFileSync(files.noCounsellor, csv(registrations(300, { seed: 12, marker: "wbmarker" }), { counsellor: false }));
  // Bad rows at known lines (1-based): not JSON, an unknown situation, no registration day.
  const lines = jsonl(registrations(200, { seed: 13, marker: "wbmarker" })).trim().split("\n");
  lines[4] = "{ not json";
  lines[9] = lines[9].replace(/"situation":"[A-Z0-9_]+"/, '"situation":"MISTET"');
  lines[19] = lines[19].replace(/"registeredOn":"[^"]*",/, "");
  files.bad = join(dir, "med-feil.jsonl");
  writeFileSync(files.bad, `${lines.join("\n")}\n`);
  const csvLines = csv(registrations(100, { seed: 14, marker: "wbmarker" })).trim().split("\r\n");
  csvLines[6] = csvLines[6].replace(/,\d{4}-\d\d-\d\d,/, ",2019-13-40,");
  files.badCsv = join(dir, "med-feil.csv");
  writeFileSync(files.badCsv, `${csvLines.join("\r\n")}\r\n`);
  // A large file, to cancel while it is read (about 40 MB).
  files.large = join(dir, "stor.jsonl");
  writeFileSync(files.large, jsonl(registrations(600, { seed: 15, marker: "wbmarker" })).repeat(45));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** `veivalg evaluate --json` on a file. */
function evaluate(file, ...args) {
  return JSON.parse(execFileSync(BIN, ["evaluate", "--cohort", file, "--json", ...args], { encoding: "utf8" }));
}

/** The CLI's evaluation of each method the page shows. */
function cliTables(file, { counsellor = true, a = 0.37, b = 0.48 } = {}) {
  return {
    today: evaluate(file, "--method", "RULE_TREE_GROUP"),
    ...(counsellor ? { counsellor: evaluate(file, "--method", "COUNSELLOR") } : {}),
    "variant-a": evaluate(file, "--policy", "variant-a", "--share", String(a)),
    "variant-b": evaluate(file, "--policy", "variant-b", "--share", String(b)),
  };
}

/** Opens the workbench and waits for its first tables (the default synthetic cohort). */
async function openWorkbench(viewport = WIDE, path = "/workbench.html") {
  const session = await openPage(path, viewport);
  await session.page.waitForSelector("body[data-cohort=synthetic][data-renders][data-fairness-renders]");
  return session;
}

/**
 * Lays out every block as if it had been scrolled into view (the page skips
 * the layout of blocks off screen, `content-visibility: auto`), so that the
 * checks of the whole page (axe, sideways scrolling) see everything.
 */
async function showAll(page) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll(".wb-block, .notes")) el.style.contentVisibility = "visible";
  });
}

/** axe-core on the whole page, every block laid out. */
async function accessible(page) {
  await showAll(page);
  await assertAccessible(page);
}

/** The page's render count now; `waitRender(page, n)` waits for the next one. */
const renders = (page) => page.evaluate(() => Number(document.body.dataset.renders ?? 0));
async function waitRender(page, after) {
  await page.waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n, after);
}

const fairnessRenders = (page) => page.evaluate(() => Number(document.body.dataset.fairnessRenders ?? 0));

/** Loads `file` through the file input and waits for its tables. */
async function loadFile(page, file) {
  const n = await renders(page);
  const f = await fairnessRenders(page);
  await page.setInputFiles("#file", file);
  await page.waitForSelector("body[data-cohort=file]");
  await waitRender(page, n);
  await page.waitForSelector("#curves[data-ready]");
  await page.waitForFunction((k) => Number(document.body.dataset.fairnessRenders ?? 0) > k, f);
}

/** Tabell 5 as the page shows it: counts per method, outcome and side; accuracy and cut-off from Tabell 8. */
async function pageTables(page) {
  return page.evaluate(() => {
    const out = {};
    for (const td of document.querySelectorAll("#share-tab td[data-method][data-outcome]")) {
      const m = (out[td.dataset.method] ??= { counts: {} });
      m.counts[`${td.dataset.outcome} ${td.dataset.col}`] = Number(td.dataset.count);
    }
    for (const td of document.querySelectorAll("#summary td[data-method]")) {
      const m = (out[td.dataset.method] ??= { counts: {} });
      if (td.dataset.row === "accuracy") m.accuracy = Number(td.dataset.value);
      if (td.dataset.row === "cutoff") m.cutoff = td.dataset.value === "" ? null : Number(td.dataset.value);
      if (td.dataset.row === "share") m.share = Number(td.dataset.value);
    }
    return out;
  });
}

/** The CLI's tables in the same shape. */
function shape(e) {
  const counts = {};
  for (const l of e.table) {
    counts[`${l.outcome} selected`] = l.selected.count;
    counts[`${l.outcome} notSelected`] = l.notSelected.count;
  }
  return { counts, accuracy: e.accuracy, cutoff: e.cutoff ?? null, share: e.selected.share };
}

async function assertSameAsCli(page, file, options = {}) {
  const cli = cliTables(file, options);
  const shown = await pageTables(page);
  assert.deepEqual(Object.keys(shown).sort(), Object.keys(cli).sort(), "the same methods");
  for (const [key, e] of Object.entries(cli)) {
    assert.deepEqual(shown[key], shape(e), key);
    // And the text the analyst reads is the CLI's number, formatted.
    const stable = e.table.find((l) => l.outcome === "STABLE_WORK").selected.share;
    assert.equal(await text(page, `#share-tab td[data-method="${key}"][data-outcome="STABLE_WORK"][data-col=selected]`), nb.pct(stable).replace(/\s/g, " "), key);
  }
  return cli;
}

// --- loading files ---------------------------------------------------------------

test("workbench: a JSON Lines file of the test's own gives the tables `veivalg evaluate` gives on it, groups included", async () => {
  const session = await openWorkbench();
  const { page } = session;
  assert.equal(await page.getAttribute("#cohort-card", "data-state"), "synthetic");
  await loadFile(page, files.jsonl);
  assert.equal(await page.getAttribute("#cohort-card", "data-state"), "file");
  assert.match(await text(page, "#cohort-card"), /Din fil.*kohort-test\.jsonl.*600.*2018-10/);
  assert.match(await text(page, "#job-result"), /Lastet 600 rader på [\d,]+ s \(0 rader med feil\)/);
  assert.equal(await page.isVisible("#rejected"), false);
  const cli = await assertSameAsCli(page, files.jsonl);
  // Groups: the page's metrics of variant A per group are the library's, as the CLI reports them.
  const groups = await page.$$eval("#fairness table tbody tr", (rows) =>
    rows.map((r) => ({
      column: r.closest(".wb-block").id.replace(/^fair-/, ""),
      value: r.dataset.value,
      selectionRate: Number(r.querySelector('td[data-metric=selectionRate]:not([data-gap])').dataset.value),
      tpr: r.querySelector("td[data-metric=tpr]:not([data-gap])").dataset.value,
    })),
  );
  assert.ok(groups.length >= 15, `${groups.length} groups`);
  for (const g of groups) {
    const c = cli["variant-a"].groups.find((x) => x.column === g.column && x.value === g.value);
    assert.ok(c, `${g.column} ${g.value}`);
    assert.equal(g.selectionRate, c.selectionRate, `${g.column} ${g.value}`);
    assert.equal(g.tpr === "" ? null : Number(g.tpr), c.tpr ?? null, `${g.column} ${g.value}`);
  }
  assert.deepEqual([...new Set(groups.map((g) => g.column))], ["gender", "bornAbroad", "ageBand", "situation", "education"]);
  await accessible(page);
  assertClean(session);
  await session.context.close();
});

test("workbench: a CSV file (semicolons, as Norwegian Excel writes) gives the tables `veivalg evaluate --cohort file.csv` gives", async () => {
  const session = await openWorkbench();
  const { page } = session;
  await loadFile(page, files.csv);
  assert.match(await text(page, "#cohort-card"), /kohort-test\.csv.*600/);
  await assertSameAsCli(page, files.csv);
  // The same registrations as the JSON Lines file: the same tables.
  assert.deepEqual(cliTables(files.csv)["variant-a"].table, cliTables(files.jsonl)["variant-a"].table);
  assertClean(session);
  await session.context.close();
});

test("workbench: a file dropped on the drop zone loads; without counsellors' decisions their column is left out", async () => {
  const session = await openWorkbench();
  const { page } = session;
  const n = await renders(page);
  const content = readFileSync(files.noCounsellor, "utf8");
  const transfer = await page.evaluateHandle((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], "uten-veiledere.csv", { type: "text/csv" }));
    return dt;
  }, content);
  await page.dispatchEvent("#dropzone", "dragenter", { dataTransfer: transfer });
  assert.match(await page.getAttribute("#dropzone", "class"), /aksel-dropzone--dragging/);
  await page.dispatchEvent("#dropzone", "drop", { dataTransfer: transfer });
  await page.waitForSelector("body[data-cohort=file]");
  await waitRender(page, n);
  assert.match(await text(page, "#cohort-card"), /uten-veiledere\.csv.*300.*Nei \(kolonnen vises ikke\)/);
  assert.equal(await page.locator('#summary th[data-method="counsellor"]').count(), 0);
  assert.equal(await page.locator("#fair-method option[value=counsellor]").count(), 0);
  await assertSameAsCli(page, files.noCounsellor, { counsellor: false });
  assertClean(session);
  await session.context.close();
});

test("workbench: a file with bad rows lists them by line, field and error, as the CLI does, and loads the rest", async () => {
  const session = await openWorkbench();
  const { page } = session;
  await loadFile(page, files.bad);
  assert.match(await text(page, "#job-result"), /Lastet 197 rader .*\(3 rader med feil\)/);
  await page.waitForSelector("#rejected:not([hidden])");
  assert.match(await text(page, "#rejected-intro"), /3 poster i filen kunne ikke leses .* 197 andre radene er lastet/);
  const shown = await page.$$eval("#rejected-rows tbody tr", (rows) => rows.map((r) => [Number(r.dataset.line), r.cells[1].dataset.value, r.cells[2].dataset.value]));
  // The CLI reports every failing record on standard error, one JSON line each.
  const run = spawnSync(BIN, ["evaluate", "--cohort", files.bad, "--method", "RULE_TREE_GROUP", "--json"], { encoding: "utf8" });
  const cli = run.stderr.trim().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l)).filter((e) => e.line);
  assert.deepEqual(shown, cli.map((e) => [e.line, e.path, e.kind]));
  assert.deepEqual(shown, [
    [5, "", "INVALID_JSON"],
    [10, "person.answers.situation", "INVALID_VALUE"],
    [20, "person.registeredOn", "MISSING_FIELD"],
  ]);
  assert.match(await text(page, "#rejected-rows tr[data-line='10']"), /MISTET_JOBBEN/);
  assert.match(await text(page, "#cohort-card"), /Rader med feil \(ikke lastet\)\s*3/);
  // A CSV file names the column.
  await loadFile(page, files.badCsv);
  assert.deepEqual(await page.$$eval("#rejected-rows tbody tr", (rows) => rows.map((r) => [Number(r.dataset.line), r.cells[1].dataset.value])), [[7, "registeredOn"]]);
  await accessible(page);
  assertClean(session);
  await session.context.close();
});

test("workbench: a file in which no row can be read is refused with its errors, and the cohort on show stays", async () => {
  const session = await openWorkbench();
  const { page } = session;
  const junk = join(dir, "bare-feil.jsonl");
  writeFileSync(junk, '{"person": 1}\n{"person": {"registeredOn": "2019-02-01"}}\n');
  await page.setInputFiles("#file", junk);
  await page.waitForSelector("#job-result .wb-error");
  assert.match(await text(page, "#job-result"), /Filen kunne ikke lastes.*INSUFFICIENT_DATA/);
  assert.deepEqual(await page.$$eval("#rejected-rows tbody tr", (rows) => rows.map((r) => Number(r.dataset.line))), [1, 2]);
  assert.equal(await page.getAttribute("body", "data-cohort"), "synthetic");
  assertClean(session);
  await session.context.close();
});

test("workbench: Cancel stops reading a large file, and the cohort from before stays in use", async () => {
  const session = await openWorkbench();
  const { page } = session;
  await page.setInputFiles("#file", files.large);
  await page.waitForSelector("#job[data-phase=read]");
  await page.waitForFunction(() => Number(document.getElementById("job").dataset.rows) > 0);
  assert.equal(await page.getAttribute("#job-progress", "max"), "100");
  assert.ok(Number(await page.getAttribute("#job-progress", "value")) < 100);
  assert.match(await text(page, "#job-text"), /lest · [\d ]+ linjer · [\d ]+ rader lastet · 0 med feil/);
  // By keyboard (focus and Enter): a pointer click can land on a heading the
  // page moves under it on a loaded machine.
  await page.getByRole("button", { name: "Avbryt" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector("#job-result [data-outcome=cancelled]");
  assert.equal(await page.isVisible("#job"), false);
  assert.equal(await text(page, "#job-result"), "Avbrutt. Kohorten fra før er beholdt.");
  assert.equal(await page.getAttribute("body", "data-cohort"), "synthetic");
  // The old cohort still answers: move variant A's slider.
  const n = await renders(page);
  await page.focus("#cut-variant-a-range");
  await page.keyboard.press("ArrowRight");
  await waitRender(page, n);
  assert.equal(await text(page, '#share-tab td[data-method="variant-a"][data-outcome=TOTAL][data-col=selected]'), "38,0 %");
  // A synthetic cohort being made is cancelled as well.
  await page.fill("#syn-size", "1000000");
  await page.click("#syn-make");
  await page.waitForSelector("#job[data-phase=synthetic]");
  assert.equal(await page.getAttribute("#job-progress", "max"), "100");
  assert.ok(Number(await page.getAttribute("#job-progress", "value")) < 100, "the bar has a value, short of 100");
  // By keyboard (focus and Enter): a pointer click can land on a heading the
  // page moves under it on a loaded machine.
  await page.getByRole("button", { name: "Avbryt" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector("#job-result [data-outcome=cancelled]");
  assert.match(await text(page, "#cohort-card"), /synthetic-v1 seed 1, 100000 rows/);
  assertClean(session);
  await session.context.close();
});

test("workbench: a synthetic cohort is made in steps: the bar rises to 100 %, and the page answers meanwhile", async (t) => {
  const session = await openWorkbench();
  const { page } = session;
  // Every value the bar takes, and the text under it, as the page sets them.
  await page.evaluate(() => {
    const bar = document.getElementById("job-progress");
    globalThis.seen = [];
    new MutationObserver(() => {
      if (bar.hasAttribute("value")) globalThis.seen.push({ value: Number(bar.getAttribute("value")), text: document.getElementById("job-text").textContent, at: performance.now() });
    }).observe(bar, { attributes: true, attributeFilter: ["value"] });
  });
  // The largest size the form takes: several seconds of rows in the Worker.
  await page.fill("#syn-size", "1000000");
  await page.fill("#syn-seed", "3");
  await page.click("#syn-make");
  await page.waitForFunction(() => {
    const v = Number(document.getElementById("job-progress").getAttribute("value"));
    return document.getElementById("job").dataset.phase === "synthetic" && v > 0 && v < 100;
  });
  assert.match(await text(page, "#job-label"), /Lager en syntetisk kohort: 1 000 000 rader, frø 3/);
  assert.match(await text(page, "#job-text"), /^\d+ % laget · [\d ]+ av 1 000 000 rader\. Siden kan brukes imens\.$/);
  // Meanwhile the page answers: the focus moves by keyboard, and variant A's
  // slider moves the tables of the cohort on show (the old Worker's).
  await page.focus("#cut-variant-a-range");
  const n = await renders(page);
  await page.keyboard.press("ArrowRight");
  await waitRender(page, n);
  assert.equal(await text(page, '#share-tab td[data-method="variant-a"][data-outcome=TOTAL][data-col=selected]'), "38,0 %");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "cut-variant-a-mode-share");
  const during = await page.evaluate(() => ({
    phase: document.getElementById("job").dataset.phase,
    value: Number(document.getElementById("job-progress").getAttribute("value")),
  }));
  assert.deepEqual([during.phase, during.value < 100], ["synthetic", true], "all of that while the rows were being made");
  // Done: the new cohort is on show.
  await page.waitForFunction(() => document.getElementById("cohort-card").textContent.includes("seed 3, 1000000 rows"), null, { timeout: 120000 });
  assert.equal(await page.isVisible("#job"), false);
  assert.match(await text(page, "#job-result"), /^Laget 1 000 000 syntetiske rader på [\d,]+ s\.$/);
  const seen = await page.evaluate(() => globalThis.seen);
  const values = seen.map((s) => s.value);
  assert.ok(new Set(values).size >= 5, `several progress messages: ${values.join(", ")}`);
  for (let i = 1; i < values.length; i++) assert.ok(values[i] >= values[i - 1], `the bar never goes back: ${values.join(", ")}`);
  assert.ok(values.some((v) => v > 0 && v < 50) && values.some((v) => v >= 50 && v < 100), `values on the way: ${values.join(", ")}`);
  assert.equal(values.at(-1), 100);
  assert.match(seen.at(-1).text.replace(/\s/g, " "), /^100 % laget · 1 000 000 av 1 000 000 rader/);
  const gaps = seen.slice(1).map((s, i) => s.at - seen[i].at);
  t.diagnostic(`${seen.length} progress updates in ${Math.round(seen.at(-1).at - seen[0].at)} ms, the longest gap ${Math.round(Math.max(...gaps))} ms`);
  assertClean(session);
  await session.context.close();
});

test("workbench: no request carries the file's contents (every request intercepted, the Worker's too)", async () => {
  const context = await env.browser.newContext({ viewport: WIDE, locale: "nb-NO" });
  const seen = [];
  await context.route("**/*", (route) => {
    const r = route.request();
    seen.push({ url: r.url(), method: r.method(), body: r.postDataBuffer()?.length ?? 0, headers: Object.entries(r.headers()).join(" ") });
    route.continue();
  });
  const page = await context.newPage();
  await page.goto(new URL("/workbench.html", env.server.url).href);
  await page.waitForSelector("body[data-cohort=synthetic][data-renders]");
  for (const file of [files.jsonl, files.csv]) {
    const n = await renders(page);
    await page.setInputFiles("#file", file);
    await page.waitForFunction((name) => document.getElementById("cohort-card").textContent.includes(name), file.split("/").pop());
    await waitRender(page, n);
  }
  await fitOnWorkbench(page);
  const download = page.waitForEvent("download");
  await page.click('.model-card[data-model=variant-a] [data-download=model]');
  await download;
  // The Worker's own requests went through the same interception.
  assert.ok(seen.some((r) => r.url.endsWith("/workbench-worker.js")), "the worker script");
  assert.ok(seen.some((r) => r.url.endsWith("/pkg/cohort/veivalg_cohort_bg.wasm")), "the wasm the worker loads");
  const origin = new URL(env.server.url).origin;
  const content = [readFileSync(files.jsonl, "utf8"), readFileSync(files.csv, "utf8")];
  for (const r of seen) {
    if (r.url.startsWith("data:") || r.url.startsWith("blob:")) continue;
    assert.equal(new URL(r.url).origin, origin, r.url);
    assert.equal(r.method, "GET", r.url);
    assert.equal(r.body, 0, r.url);
    assert.ok(!r.url.includes("wbmarker") && !r.headers.includes("wbmarker"), `${r.url} names a row of the file`);
    assert.ok(!content.some((c) => r.url.includes(c.slice(0, 40))), r.url);
  }
  await context.close();
});

// --- cut-offs, curves, groups ------------------------------------------------------

test("workbench: a cut-off per variant by share or probability, the report's presets, live tables and bars", async () => {
  const session = await openWorkbench();
  const { page } = session;
  await loadFile(page, files.jsonl);
  const cell = (m) => `#share-tab td[data-method="${m}"][data-outcome=TOTAL][data-col=selected]`;
  assert.equal(await text(page, cell("variant-a")), "37,0 %");
  assert.equal(await text(page, cell("variant-b")), "48,0 %");
  // B alone moves: A keeps its cut-off.
  let n = await renders(page);
  await page.fill("#cut-variant-b-number", "55");
  await page.press("#cut-variant-b-number", "Enter");
  await waitRender(page, n);
  assert.equal(await text(page, cell("variant-b")), "55,0 %");
  assert.equal(await text(page, cell("variant-a")), "37,0 %");
  assert.deepEqual(shape(evaluate(files.jsonl, "--policy", "variant-b", "--share", "0.55")), (await pageTables(page))["variant-b"]);
  // A by probability: the CLI's --cutoff gives the same.
  n = await renders(page);
  await page.check("#cut-variant-a-mode-cutoff");
  await waitRender(page, n);
  n = await renders(page);
  await page.fill("#cut-variant-a-number", "30");
  await page.press("#cut-variant-a-number", "Enter");
  await waitRender(page, n);
  const shown = (await pageTables(page))["variant-a"];
  const cli = evaluate(files.jsonl, "--policy", "variant-a", "--cutoff", "0.3");
  assert.deepEqual(shown.counts, shape(cli).counts);
  assert.match(await text(page, "#cut-variant-a-effect"), new RegExp(`Grensen 0,300 sender ${nb.pct(cli.selected.share).replace(/\s/g, " ")}`));
  // A number out of range is refused next to the field.
  await page.fill("#cut-variant-a-number", "120");
  await page.press("#cut-variant-a-number", "Enter");
  assert.match(await text(page, "#cut-variant-a-number-error"), /mellom 0,1 og 99,9 prosent/);
  assert.equal(await page.getAttribute("#cut-variant-a-number", "aria-invalid"), "true");
  // The report's proposal puts both back on shares: A 37 %, B 48 %.
  n = await renders(page);
  await page.getByRole("button", { name: /Rapportens forslag/ }).click();
  await waitRender(page, n);
  assert.equal(await text(page, cell("variant-a")), "37,0 %");
  assert.equal(await text(page, cell("variant-b")), "48,0 %");
  // Figur 5: two bars per method, each the sum of its outcomes per month.
  const bars = await page.$$eval("#block-figure-f svg .figure-bar", (gs) => gs.map((g) => [g.dataset.method, g.dataset.col]));
  assert.equal(bars.length, 8);
  const month = await text(page, '#month-tab td[data-method="variant-a"][data-outcome=TOTAL][data-col=selected]');
  assert.match(await text(page, '#block-figure-f .figure-bar[data-method="variant-a"][data-col=selected]'), new RegExp(month));
  assertClean(session);
  await session.context.close();
});

test("workbench: curves of A and B with the rule tree as a point, and the table behind each figure", async () => {
  const session = await openWorkbench();
  const { page } = session;
  await loadFile(page, files.jsonl);
  const svg = page.locator("#curve-accuracy-svg");
  assert.match(await svg.getAttribute("role"), /img/);
  assert.equal(await svg.locator(".series path.line").count(), 2);
  assert.equal(await svg.locator(".point[data-point=rule-tree]").count(), 1);
  assert.equal(await svg.locator(".point[data-point=variant-a], .point[data-point=variant-b]").count(), 2);
  // The table behind: one row per share and the rule tree's row, its numbers the library's curve.
  await page.locator("#curve-accuracy details > summary").click();
  const rows = await page.$$eval("#curve-accuracy-points tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.dataset.value)));
  const ruleTree = rows.at(-1);
  assert.match(ruleTree[0], /^rule tree /);
  const today = evaluate(files.jsonl, "--method", "RULE_TREE_GROUP");
  assert.equal(Number(ruleTree[0].replace("rule tree ", "")), today.selected.share);
  assert.equal(Number(ruleTree[2]), today.accuracy, "the rule tree's point is its Tabell 8 accuracy");
  // At 37 % variant A's accuracy on the curve is the accuracy of the evaluation at 37 %.
  const at37 = rows.find((r) => Number(r[0]) === 0.37);
  assert.equal(Number(at37[2]), evaluate(files.jsonl, "--policy", "variant-a", "--share", "0.37").accuracy);
  assert.ok(rows.length > 40, `${rows.length} rows`);
  for (const k of ["variant-a", "variant-b"]) {
    assert.equal(await page.locator(`#curve-split-${k}-svg .series path.line`).count(), 3);
    assert.equal(await page.locator(`#curve-split-${k}-svg .point[data-point]`).count(), 3);
  }
  await accessible(page);
  assertClean(session);
  await session.context.close();
});

test("workbench: groups present in the file, large gaps marked by sign and word, the method chosen", async () => {
  const session = await openWorkbench();
  const { page } = session;
  await loadFile(page, files.jsonl);
  assert.deepEqual(await page.$$eval("#fair-method option", (os) => os.map((o) => o.value)), METHODS);
  assert.equal(await page.getAttribute("#fairness", "data-method"), "variant-a");
  const gaps = await page.$$eval("#fairness td[data-gap=true]", (tds) => tds.map((td) => td.textContent));
  assert.ok(gaps.length > 0, "the situations differ a lot in who goes to NOE");
  for (const g of gaps) assert.match(g, /▲.*stor forskjell/);
  const n = await fairnessRenders(page);
  await page.selectOption("#fair-method", "today");
  await page.waitForFunction((k) => Number(document.body.dataset.fairnessRenders ?? 0) > k, n);
  assert.equal(await page.getAttribute("#fairness", "data-method"), "today");
  assert.match(await text(page, "#fairness .fair-note"), /I dag \(regeltreet\), mot «stabilt arbeid»/);
  assert.match(await text(page, "#fair-gender thead"), /Standard/);
  assertClean(session);
  await session.context.close();
});

// --- fit and exports ------------------------------------------------------------------

test("workbench: fit A and B on the file, model cards, and model and policy files the CLI takes back", async () => {
  const session = await openWorkbench();
  const { page } = session;
  await loadFile(page, files.jsonl);
  await fitOnWorkbench(page);
  assert.match(await text(page, "#fit-status"), /tilpasset de 600 radene/);
  assert.equal(await page.isChecked("#model-fitted"), true);
  for (const k of ["variant-a", "variant-b"]) {
    const card = page.locator(`.model-card[data-model=${k}]`);
    assert.match(await text(page, `.model-card[data-model=${k}] .card-facts`), /AUC\s*0,\d{3}.*Brier-skår\s*0,\d{3}/);
    assert.ok((await card.locator("table[id$=weights-table] tbody tr").count()) >= 5);
    assert.ok((await card.locator(".chart .mark").count()) >= 3, "calibration points");
  }
  // Move A to 40 %, then download A's model and policy.
  const n = await renders(page);
  await page.fill("#cut-variant-a-number", "40");
  await page.press("#cut-variant-a-number", "Enter");
  await waitRender(page, n);
  const save = async (selector) => {
    const wait = page.waitForEvent("download");
    await page.click(selector);
    const d = await wait;
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    return path;
  };
  const modelFile = await save(".model-card[data-model=variant-a] [data-download=model]");
  const policyFile = await save(".model-card[data-model=variant-a] [data-download=policy]");
  const model = JSON.parse(readFileSync(modelFile, "utf8"));
  const policy = JSON.parse(readFileSync(policyFile, "utf8"));
  assert.equal(model.trainedOn.rows, 600);
  assert.equal(policy.model, model.id);
  assert.equal(policy.share, 0.4);
  // The CLI takes both back and gives the page's tables at that cut-off.
  const cli = evaluate(files.jsonl, "--policy", policyFile, "--model", modelFile);
  const shown = (await pageTables(page))["variant-a"];
  assert.deepEqual(shown, shape(cli));
  assert.equal(cli.cutoff, policy.cutoff);
  const card = page.locator(".model-card[data-model=variant-a]");
  assert.equal(Number(await card.getAttribute("data-auc")), cli.modelMetrics.auc);
  await accessible(page);
  assertClean(session);
  await session.context.close();
});

test("workbench: every table downloads as CSV with the raw numbers, every figure as a stand-alone SVG", async () => {
  const session = await openWorkbench();
  const { page } = session;
  await loadFile(page, files.jsonl);
  const tables = await page.locator("[data-export=csv]:visible").count();
  const figures = await page.locator("[data-export=svg]:visible").count();
  assert.ok(tables >= 8 && figures >= 4, `${tables} tables, ${figures} figures`);
  const get = async (selector) => {
    const wait = page.waitForEvent("download");
    await page.click(selector);
    const d = await wait;
    return { name: d.suggestedFilename(), body: readFileSync(await d.path(), "utf8") };
  };
  const t8 = await get("#block-summary-t [data-export=csv]");
  assert.equal(t8.name, "veivalg-tabell-8.csv");
  const lines = t8.body.trimEnd().split("\r\n").map((l) => l.split(","));
  assert.deepEqual(lines[0], ["Mål", "I dag (regeltreet)", "Veilederne (14a)", "Variant A", "Variant B"]);
  const cli = cliTables(files.jsonl);
  const share = lines.find((l) => l[0] === "Andel sendt til NOE (standard)");
  assert.deepEqual(share.slice(1).map(Number), METHODS.map((m) => cli[m].selected.share));
  const t5 = await get("#block-share-t [data-export=csv]");
  const t5lines = t5.body.trimEnd().split("\r\n").map((l) => l.split(","));
  assert.equal(t5lines[0].length, 10, "a spanning header cell fills each column it covers");
  assert.deepEqual(t5lines[0].slice(0, 4), ["Utfall", "Alle", "I dag (regeltreet)", "I dag (regeltreet)"]);
  const fig = await get("#block-figure-f [data-export=svg]");
  assert.equal(fig.name, "veivalg-figur-5.svg");
  assert.match(fig.body, /^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(fig.body, /fill="rgb\(/, "colours written on the elements");
  assert.doesNotMatch(fig.body, /class="/);
  assert.match(fig.body, /Stabilt arbeid/, "the legend travels with the figure");
  const curve = await get("#curve-accuracy [data-export=svg]");
  assert.match(curve.body, /<path[^>]*stroke="rgb/);
  assertClean(session);
  await session.context.close();
});

// --- as a person uses it: keyboard, languages, phones -----------------------------------

async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

test("workbench: the keyboard alone makes a cohort, moves a cut-off, switches to probability, fits and downloads", async () => {
  const session = await openWorkbench();
  const { page } = session;
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Hopp til kohorten");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "cohort-heading");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "file", "the file input comes first");
  await tabTo(page, "#syn-size");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("5 000");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("7");
  let n = await renders(page);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("cohort-card").textContent.includes("seed 7, 5000 rows"));
  await waitRender(page, n);
  await tabTo(page, "#cut-variant-a-range");
  n = await renders(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector('#share-tab td[data-method="variant-a"][data-outcome=TOTAL][data-col=selected]')?.textContent.replace(/\s/g, " ") === "40,0 %");
  assert.equal(await page.getAttribute("#cut-variant-a-range", "aria-valuetext"), "40,0 prosent");
  // Shift+Tab back to the radios, and the arrow key picks "probability".
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "cut-variant-a-mode-share");
  n = await renders(page);
  await page.keyboard.press("ArrowRight");
  await waitRender(page, n);
  assert.equal(await page.getAttribute(".cutoff-box[data-variant=variant-a]", "data-mode"), "cutoff");
  assert.match(await text(page, "label[for=cut-variant-a-range]"), /Sannsynlighetsgrense/);
  await tabTo(page, "#fit");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".model-card[data-model=variant-b]");
  await tabTo(page, ".model-card[data-model=variant-b] [data-download=policy]", 300);
  const wait = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  assert.equal((await wait).suggestedFilename(), "veivalg-policy-variant-b-fitted.json");
  assertClean(session);
  await session.context.close();
});

test("workbench: nynorsk and English follow the switch (<html lang>, tables, numbers), and the language carries over", async () => {
  const session = await openWorkbench(WIDE, "/workbench.html?lang=nn");
  const { page } = session;
  assert.equal(await page.getAttribute("html", "lang"), "nn");
  assert.match(await text(page, "#cohort-card"), /Syntetiske data.*Vedtaka til rettleiarane \(14a\)/);
  assert.match(await text(page, "#summary"), /Del send til NOE.*Rettleiarane \(14a\)|Rettleiarane \(14a\).*Del send til NOE/);
  const n = await renders(page);
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.title(), "Analyst's workbench – today's rule tree, variant A and variant B on your own cohort");
  assert.match(await text(page, "#cohort-card"), /Synthetic data.*Counsellors' decisions \(14a\)\s*Yes/);
  assert.equal(await text(page, '#share-tab td[data-method="variant-a"][data-outcome=TOTAL][data-col=selected]'), "37.0%");
  assert.match(await text(page, "#curve-accuracy"), /Accuracy against the share sent to NOE/);
  assert.match(await text(page, "#fairness"), /Gender.*Female/);
  assert.match(await page.getAttribute("a[href^='/counsellor.html']", "href"), /lang=en/);
  assert.ok((await renders(page)) >= n);
  await accessible(page);
  assertClean(session);
  await session.context.close();
});

test("workbench: nynorsk writes Norwegian numbers in a browser set to English (Chromium has no nn-NO number data)", async () => {
  const context = await env.browser.newContext({ locale: "en-US", viewport: WIDE });
  const page = await context.newPage();
  await page.goto(new URL("/workbench.html?lang=nn", env.server.url).href);
  await page.waitForSelector("body[data-cohort=synthetic][data-renders]");
  assert.match(await text(page, "#cohort-card"), /Rader\s*100\s000Regelsett/);
  assert.match(await text(page, "#summary"), /37,0\s?%/);
  await context.close();
});

test("workbench: at 360 px nothing scrolls sideways, with a file loaded, the models fitted and every table open", async () => {
  const session = await openWorkbench({ width: 360, height: 800 });
  const { page } = session;
  await loadFile(page, files.csv);
  await fitOnWorkbench(page);
  for (const summary of await page.locator("details.behind > summary").all()) await summary.click();
  await showAll(page);
  await assertNoSidewaysScroll(page);
  // Nothing is cut off inside a block either (a block clips what overflows it).
  const wide = await page.$$eval(".wb-block, .model-card", (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.id || e.className}: ${e.scrollWidth} > ${e.clientWidth}`));
  assert.deepEqual(wide, []);
  const sizes = await page.$$eval("svg.chart text, svg.figure text", (texts) => texts.filter((t) => t.getBoundingClientRect().height > 0).map((t) => t.getBoundingClientRect().height));
  assert.ok(Math.min(...sizes) >= 11.5, `smallest chart text ${Math.min(...sizes)} px`);
  await accessible(page);
  assertClean(session);
  await session.context.close();
});
