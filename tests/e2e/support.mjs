// Shared by the browser end-to-end tests: the server (scripts/serve.mjs,
// with its Content-Security-Policy) and Debian's Chromium driven by
// playwright-core (no browser download), pages that record every console
// problem and request, and the same-origin check.
import { before, after } from "node:test";
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

/** A fresh page at `path` that records console errors, page errors and every request. */
export async function openPage(path = "/", viewport = undefined) {
  const context = await env.browser.newContext({ locale: "nb-NO", ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.goto(new URL(path, env.server.url).href);
  await page.waitForSelector("body[data-ready=true]");
  return { context, page, problems, requests };
}

/** No console problems, and every request went to the page's own origin. */
export function assertClean({ problems, requests }) {
  assert.deepEqual(problems, []);
  const origin = new URL(env.server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith("data:") && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], "every request goes to the page's own origin");
}
