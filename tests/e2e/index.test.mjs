// Browser end-to-end test of www/index.html, served by scripts/serve.mjs
// with its Content-Security-Policy, in Debian's Chromium driven by
// playwright-core (no browser download). Needs pkg/ (`make pkg`).
//   node --test tests/e2e/
import { test } from "node:test";
import assert from "node:assert/strict";
import { env, openPage, assertClean } from "./support.mjs";


async function fillQuickReturn(page) {
  await page.getByLabel("Registreringsdato").fill("2025-03-14");
  await page.getByLabel("Fødselsdato").fill("1979-06-02");
  await page.getByLabel("Hva er din situasjon?").selectOption("MISTET_JOBBEN");
  await page.getByLabel("Hva er din høyeste fullførte utdanning?").selectOption("HOYERE_UTDANNING_1_TIL_4");
  await page.getByRole("group", { name: "Er utdanningen din godkjent i Norge?" }).getByLabel("Ja").check();
  await page.getByRole("group", { name: "Er utdanningen din bestått?" }).getByLabel("Ja").check();
  await page.getByRole("group", { name: /helseproblemer/ }).getByLabel("Nei").check();
  await page.getByRole("group", { name: /andre problemer/ }).getByLabel("Nei").check();
  await page.getByLabel("Har jobbet sammenhengende siden").fill("2023-02-01");
}

test("serves the page with a strict CSP and no-referrer", async () => {
  const res = await fetch(env.server.url);
  assert.equal(res.status, 200);
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(res.headers.get("referrer-policy"), "no-referrer");
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  const wasm = await fetch(new URL("pkg/veivalg_bg.wasm", env.server.url));
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  for (const bad of ["pkg/", "..%2fCargo.toml", "%2e%2e/Cargo.toml", ".git/config"]) {
    assert.equal((await fetch(new URL(bad, env.server.url))).status, 404, bad);
  }
});

test("a quick-return registration shows group, NOE and the step-by-step trace", async () => {
  const session = await openPage();
  const { page } = session;
  await fillQuickReturn(page);
  await page.getByRole("button", { name: "Vis vurderingen" }).click();
  await page.waitForSelector("#result:not([hidden])");
  assert.equal(await page.getAttribute("#result-group", "data-code"), "ANTATT_GODE_MULIGHETER");
  assert.match(await page.textContent("#result-group"), /Antatt gode muligheter/);
  assert.equal(await page.getAttribute("#result-unit", "data-code"), "NOE");
  assert.match(await page.textContent("#result-unit"), /Nasjonal oppfølgingsenhet/);
  assert.match(await page.textContent("#result-policy"), /noe-2025-01/);
  const rules = await page.$$eval("#result-trace tr", (rows) => rows.map((r) => [r.dataset.rule, r.dataset.holds]));
  assert.ok(rules.length >= 5, JSON.stringify(rules));
  assert.deepEqual(rules.at(-1), ["WORK_HISTORY", "true"]);
  assert.deepEqual(rules[0], ["HEALTH_OBSTACLES", "false"]);
  const reasons = await page.$$eval("#result-reasons li", (li) => li.map((l) => l.dataset.code));
  assert.ok(reasons.includes("ROUTED_TO_NOE"), JSON.stringify(reasons));
  assert.equal(await page.isHidden("#error"), true);
  assertClean(session);
  await session.context.close();
});

test("keyboard only: an obstacle sends the person to the local office", async () => {
  const session = await openPage();
  const { page } = session;
  await fillQuickReturn(page);
  // Move the health answer to "Ja" with the keyboard and submit with Enter.
  await page.getByRole("group", { name: /helseproblemer/ }).getByLabel("Nei").focus();
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.isChecked("#healthObstacles-JA"), true);
  await page.getByLabel("Har jobbet sammenhengende siden").press("Enter");
  await page.waitForSelector("#result:not([hidden])");
  assert.equal(await page.getAttribute("#result-group", "data-code"), "OPPGITT_HINDRINGER");
  assert.equal(await page.getAttribute("#result-unit", "data-code"), "LOCAL_OFFICE");
  // Focus moves to the result for screen-reader and keyboard users.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "result-heading");
  assertClean(session);
  await session.context.close();
});

test("an invalid registration shows kind, path and message next to the form", async () => {
  const session = await openPage();
  const { page } = session;
  await fillQuickReturn(page);
  await page.getByLabel("Fødselsdato").fill("2026-01-01");
  await page.getByRole("button", { name: "Vis vurderingen" }).click();
  await page.waitForSelector("#error:not([hidden])");
  assert.equal(await page.textContent("#error-kind"), "INCONSISTENT");
  assert.equal(await page.textContent("#error-path"), "birthDate");
  assert.match(await page.textContent("#error-message"), /2026-01-01/);
  assert.equal(await page.getAttribute("#birthDate", "aria-invalid"), "true");
  assert.equal(await page.isHidden("#result"), true);
  // A missing answer is named by the library.
  await page.getByLabel("Fødselsdato").fill("1979-06-02");
  await page.getByLabel("Hva er din situasjon?").selectOption("");
  await page.getByRole("button", { name: "Vis vurderingen" }).click();
  await page.waitForFunction(() => document.getElementById("error-path")?.textContent === "answers.situation");
  assert.equal(await page.textContent("#error-kind"), "MISSING_FIELD");
  // And the page still works after errors.
  await page.getByLabel("Hva er din situasjon?").selectOption("MISTET_JOBBEN");
  await page.getByRole("button", { name: "Vis vurderingen" }).click();
  await page.waitForSelector("#result:not([hidden])");
  assert.equal(await page.isHidden("#error"), true);
  assert.equal(await page.getAttribute("#result-unit", "data-code"), "NOE");
  assertClean(session);
  await session.context.close();
});
