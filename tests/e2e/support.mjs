// Shared by the browser end-to-end tests: the server (scripts/serve.mjs,
// with its Content-Security-Policy) and Debian's Chromium driven by
// playwright-core (no browser download), pages that record every console
// problem and request, and the same-origin check.
import { before, after } from "node:test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { start } from "../../scripts/serve.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** `{ server, browser }`, started before the file's tests and closed after them. */
export const env = {};

before(async () => {
  env.server = await start({ port: 0 });
  env.browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

/**
 * A fresh page at `path` (on `server`, by default the pages' server) that
 * records console errors, page errors and every request: `requests` holds
 * the URLs, `requestLog` each request's method, resource type and URL.
 * `init` runs in the page before any of its scripts (page.addInitScript).
 */
export async function openPage(path = "/", viewport = undefined, { server = env.server, init } = {}) {
  const context = await env.browser.newContext({ locale: "nb-NO", ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const problems = [];
  const requests = [];
  const requestLog = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    requests.push(r.url());
    requestLog.push({ method: r.method(), type: r.resourceType(), url: r.url() });
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(new URL(path, server.url).href);
  await page.waitForSelector("body[data-ready=true]");
  return { context, page, problems, requests, requestLog, origin: new URL(server.url).origin };
}

/** Resource types a page of static files loads; a fetch may only load the wasm. */
const STATIC_TYPES = new Set(["document", "script", "stylesheet", "font", "image"]);

/**
 * No console problems, and every request was a GET of a static file from the
 * page's own origin: documents, scripts, stylesheets, fonts, images and the
 * wasm module (fetched by the package's loader). Nothing is sent anywhere.
 */
export function assertClean({ problems, requests, requestLog = [], origin = new URL(env.server.url).origin }) {
  assert.deepEqual(problems, []);
  const foreign = requests.filter((u) => !u.startsWith("data:") && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], "every request goes to the page's own origin");
  const notStatic = requestLog.filter(
    (r) => !r.url.startsWith("data:") && (r.method !== "GET" || !(STATIC_TYPES.has(r.type) || (r.type === "fetch" && new URL(r.url).pathname.endsWith(".wasm")))),
  );
  assert.deepEqual(notStatic, [], "every request is a GET of a static file");
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now (injected over CDP,
 * so the CSP stays on): no serious or critical violation.
 */
export async function assertAccessible(page) {
  await page.evaluate(AXE);
  const { violations, passed } = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return {
      violations: result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`),
      passed: result.passes.map((p) => p.id),
    };
  });
  assert.deepEqual(violations, []);
  assert.ok(passed.includes("label") || passed.includes("color-contrast"), `axe ran its rules: ${passed}`);
}

/** No sideways scrolling: the page is no wider than the window. */
export async function assertNoSidewaysScroll(page) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  assert.ok(scroll <= inner, `scrollWidth ${scroll} > innerWidth ${inner}`);
}

/** An element's text with every kind of space (nb-NO uses no-break spaces) as " ". */
export async function text(page, selector) {
  return (await page.textContent(selector))?.replace(/\s/g, " ");
}

/** Fills the citizen form for a person registered 14.03.2025, born 02.06.1979 (45). */
export async function fillCitizen(page, { birthDate = "02.06.1979", registeredOn = "14.03.2025", since = "01.02.2023" } = {}) {
  await page.fill("#registeredOn", registeredOn);
  await page.fill("#birthDate", birthDate);
  await page.check("#situation-MISTET_JOBBEN");
  await page.check("#education-HOYERE_UTDANNING_1_TIL_4");
  await page.check("#educationApproved-JA");
  await page.check("#educationPassed-JA");
  await page.check("#healthObstacles-NEI");
  await page.check("#otherObstacles-NEI");
  if (since) await page.fill("#workedSince", since);
}

/**
 * The workbench's "fit" by keyboard (focus and Enter: a pointer click can land
 * on whatever the page moved under it on a loaded machine), then both model
 * cards; a fit that fails throws with the page's own message.
 */
export async function fitOnWorkbench(page) {
  await page.focus("#fit");
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () => document.querySelector(".model-card[data-model=variant-b]") || document.querySelector("#fit-status .wb-error"),
    null,
    { timeout: 60_000 },
  );
  if (!(await page.$(".model-card[data-model=variant-b]"))) {
    throw new Error(`the fit failed: ${await text(page, "#fit-status")}`);
  }
}
