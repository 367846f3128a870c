// Screenshots of every page at 390 px (a phone) and 1280 px into
// docs/screenshots/, the citizen page with a result and with the error
// summary, the counsellor page with an example person, the analyst's
// workbench with a cohort file, with the synthetic cohort in English, and
// with the models fitted on the file.
//   node tests/e2e/screenshots.mjs      (needs pkg/: `make pkg`)
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registrations, jsonl } from "./cohort-files.mjs";
import { chromium } from "playwright-core";
import { start } from "../../scripts/serve.mjs";

const out = new URL("../../docs/screenshots/", import.meta.url);
mkdirSync(out, { recursive: true });
const server = await start({ port: 0 });
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
  await page.click("#fit");
  await page.waitForSelector(".model-card[data-model=variant-b]");
  await page.waitForFunction(() => document.getElementById("model-fitted").checked);
  await page.locator("#fit-heading").scrollIntoViewIfNeeded();
}

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
  ["workbench", "/workbench.html", workbenchFile],
  ["workbench-en-synthetic", "/workbench.html?lang=en", (page) => page.waitForSelector("#curves[data-ready]")],
  ["workbench-fit", "/workbench.html", workbenchFit],
];

for (const width of [390, 1280]) {
  for (const [name, path, act] of shots) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "nb-NO" });
    await page.goto(new URL(path, server.url).href);
    await page.waitForSelector("body[data-ready=true]");
    if (act) await act(page);
    await page.evaluate(() => document.fonts.ready);
    // The workbench skips the layout of blocks off screen (content-visibility:
    // auto); a full-page shot shows them as a reader scrolling would.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll(".wb-block, .notes")) el.style.contentVisibility = "visible";
    });
    const file = new URL(`${name}-${width}.png`, out);
    await page.screenshot({ path: file.pathname, fullPage: true });
    console.log(`docs/screenshots/${name}-${width}.png`);
    await page.close();
  }
}
await browser.close();
await server.close();
