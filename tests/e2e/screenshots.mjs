// Screenshots of every page at 390 px (a phone) and 1280 px into
// docs/screenshots/, the citizen page with a result and with the error
// summary, the counsellor page with an example person, the panel from the
// package on a plain page of its own (no Aksel, the panel's own stylesheet
// only), as an embedder first sees it, and the analyst's workbench with a
// cohort file, with the synthetic cohort in English, and with the models
// fitted on the file, and a million synthetic rows being made.
//   node tests/e2e/screenshots.mjs      (needs pkg/: `make pkg`)
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { registrations, jsonl } from "./cohort-files.mjs";
import { chromium } from "playwright-core";
import { start, CSP } from "../../scripts/serve.mjs";

const out = new URL("../../docs/screenshots/", import.meta.url);
mkdirSync(out, { recursive: true });
const server = await start({ port: 0 });

// The embedder's page: pkg/ at /node_modules/veivalg/, an import map and a
// plain module script (allowed by hash under the pages' CSP).
const IMPORT_MAP = JSON.stringify({ imports: { "veivalg/panel": "/node_modules/veivalg/panel/panel.js" } });
const MODULE = `import "veivalg/panel";
document.body.dataset.ready = "true";`;
const sha = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const embedDir = mkdtempSync(join(tmpdir(), "veivalg-embed-"));
writeFileSync(
  join(embedDir, "index.html"),
  `<!doctype html>
<html lang="nb">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <title>veivalg/panel on a page of its own</title>
  <script type="importmap">${IMPORT_MAP}</script>
  <script type="module">${MODULE}</script>
</head>
<body>
  <main>
    <h1>Et fagsystem med veivalg/panel</h1>
    <veivalg-panel lang="nb"></veivalg-panel>
  </main>
</body>
</html>
`,
);
const embed = await start({
  port: 0,
  mounts: [["/node_modules/veivalg/", fileURLToPath(new URL("../../pkg", import.meta.url))], ["/", embedDir]],
  csp: CSP.replace("script-src 'self'", `script-src 'self' ${sha(IMPORT_MAP)} ${sha(MODULE)}`),
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function citizenResult(page) {
  await page.fill("#registeredOn", "14.03.2025");
  await page.fill("#birthDate", "02.06.1979");
  for (const id of ["situation-MISTET_JOBBEN", "education-HOYERE_UTDANNING_1_TIL_4", "educationApproved-JA", "educationPassed-JA", "healthObstacles-NEI", "otherObstacles-NEI", "selfAssessment-4"]) await page.check(`#${id}`);
  await page.click("#submit");
  await page.waitForSelector("#result[data-unit]");
}

// The workbench with a cohort file written here (never the shipped
// synthetic cohort), a few rows of it bad so that the list shows.
const rows = registrations(2000, { seed: 21, marker: "shot" });
const lines = jsonl(rows).trim().split("\n");
lines[41] = lines[41].replace(/"situation":"[A-Z0-9_]+"/, '"situation":"MISTET"');
lines[99] = "{ not json";
const cohortFile = join(mkdtempSync(join(tmpdir(), "veivalg-shots-")), "kohort-2019.jsonl");
writeFileSync(cohortFile, `${lines.join("\n")}\n`);

async function workbenchFile(page) {
  await page.waitForSelector("body[data-cohort=synthetic][data-renders][data-fairness-renders]");
  await page.setInputFiles("#file", cohortFile);
  await page.waitForSelector("body[data-cohort=file]");
  await page.waitForSelector("#curves[data-ready]");
  await page.waitForFunction(() => document.querySelector("#fairness .fair-note")?.textContent.includes("Variant A"));
  const n = await page.evaluate(() => Number(document.body.dataset.renders));
  await page.fill("#cut-variant-b-number", "52");
  await page.press("#cut-variant-b-number", "Enter");
  await page.waitForFunction((k) => Number(document.body.dataset.renders) > k, n);
}

async function workbenchFit(page) {
  await workbenchFile(page);
  // By keyboard: a pointer click can land on what the page moved under it.
  await page.focus("#fit");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".model-card[data-model=variant-b]");
  await page.waitForFunction(() => document.getElementById("model-fitted").checked);
  await page.locator("#fit-heading").scrollIntoViewIfNeeded();
}

/** A million synthetic rows being made in the Worker: the bar a third of the way or more. */
async function workbenchMaking(page) {
  await page.waitForSelector("body[data-cohort=synthetic][data-renders]");
  await page.fill("#syn-size", "1000000");
  await page.focus("#syn-make");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => Number(document.getElementById("job-progress").value) >= 30, null, { timeout: 60_000 });
  await page.locator("#synthetic-heading").scrollIntoViewIfNeeded();
}

// [name, path, what to do, server, { fullPage }]: whole pages, but for a
// moment of work, shot as the screen shows it.
const shots = [
  ["index", "/", null],
  ["citizen-result", "/citizen.html", citizenResult],
  ["citizen-errors", "/citizen.html", async (page) => {
    await page.click("#submit");
    await page.waitForSelector("#problems:not([hidden])");
  }],
  ["counsellor", "/counsellor.html", (page) => page.waitForSelector("veivalg-panel[data-state=ready]")],
  ["counsellor-nn-after-g-table", "/counsellor.html?lang=nn", async (page) => {
    await page.waitForSelector("veivalg-panel[data-state=ready]");
    await page.selectOption("#sample", { index: 5 });
    await page.waitForFunction(() => document.querySelector("veivalg-panel .verdict")?.textContent.includes("syntetisk-6"));
  }],
  ["panel-embedded", "/", async (page) => {
    // The counsellor page's Hassan (synthetic): variant A keeps him local.
    await page.evaluate(async () => {
      const panel = document.querySelector("veivalg-panel");
      const done = new Promise((r) => panel.addEventListener("veivalg-render", r, { once: true }));
      const months = (from, to, nok) => {
        const o = [];
        let [y, m] = from.split("-").map(Number);
        for (;;) {
          const month = `${y}-${String(m).padStart(2, "0")}`;
          if (month > to) return o;
          o.push({ month, nok });
          [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
        }
      };
      panel.person = {
        id: "syntetisk-2", registeredOn: "2025-03-14", birthDate: "1972-09-20",
        answers: { situation: "MISTET_JOBBEN", education: "VIDEREGAENDE_FAGBREV_SVENNEBREV", educationApproved: "JA", educationPassed: "JA", healthObstacles: "NEI", otherObstacles: "NEI" },
        employment: [{ start: "2019-01-01", end: "2022-12-31" }, { start: "2023-11-01", end: "2025-02-28" }],
        wages: [...months("2022-03", "2022-12", 39000), ...months("2023-11", "2025-02", 40000)],
      };
      await done;
    });
  }, embed],
  ["workbench", "/workbench.html", workbenchFile],
  ["workbench-en-synthetic", "/workbench.html?lang=en", (page) => page.waitForSelector("#curves[data-ready]")],
  ["workbench-fit", "/workbench.html", workbenchFit],
  ["workbench-making-synthetic", "/workbench.html", workbenchMaking, server, { fullPage: false }],
];

for (const width of [390, 1280]) {
  for (const [name, path, act, on = server, { fullPage = true } = {}] of shots) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "nb-NO" });
    await page.goto(new URL(path, on.url).href);
    await page.waitForSelector("body[data-ready=true]");
    if (act) await act(page);
    await page.evaluate(() => document.fonts.ready);
    // The workbench skips the layout of blocks off screen (content-visibility:
    // auto); a full-page shot shows them as a reader scrolling would.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll(".wb-block, .notes")) el.style.contentVisibility = "visible";
    });
    const file = new URL(`${name}-${width}.png`, out);
    await page.screenshot({ path: file.pathname, fullPage });
    console.log(`docs/screenshots/${name}-${width}.png`);
    await page.close();
  }
}
await browser.close();
await server.close();
await embed.close();
rmSync(embedDir, { recursive: true, force: true });
