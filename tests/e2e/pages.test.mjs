// Browser end-to-end tests of the counsellor, citizen and demo pages, served
// by scripts/serve.mjs with its Content-Security-Policy, in Debian's Chromium
// driven by playwright-core. Needs pkg/ (`make pkg`). Each page: no console
// errors, every request to the page's own origin, the main flow, and an
// axe-core accessibility check (WCAG 2.1 A and AA rules).
//   node --test tests/e2e/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { openPage, assertClean } from "./support.mjs";

const VIEWPORT = { width: 1280, height: 900 };
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now (injected over CDP, so the CSP stays on). */
async function assertAccessible(page) {
  await page.evaluate(AXE);
  const { violations, passed } = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return {
      violations: result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`),
      passed: result.passes.map((p) => p.id),
    };
  });
  assert.deepEqual(violations, []);
  assert.ok(passed.includes("label") || passed.includes("color-contrast"), `axe ran its rules: ${passed}`);
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page, predicate, arg, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`Tab never reached ${predicate} (${arg})`);
}

/** An element's text with every kind of space (nb-NO uses no-break spaces) as " ". */
async function text(page, selector) {
  return (await page.textContent(selector))?.replace(/\s/g, " ");
}

/** Picks an example person on the counsellor page by the start of its name. */
async function pickSample(page, name) {
  const value = await page.$eval("#sample", (select, n) => [...select.options].find((o) => o.text.startsWith(n))?.value, name);
  await page.getByLabel(/Eksempelperson/).selectOption(value);
}

const focusedName = (name) => document.activeElement?.getAttribute("name") === name;

// --- counsellor ------------------------------------------------------------

test("counsellor: a sample person shows the three methods, trace, contributions, counterfactuals and wages", async () => {
  const session = await openPage("counsellor.html", VIEWPORT);
  const { page } = session;
  assert.match(await page.textContent("label[for=sample]"), /SYNTETISK/);
  // Hassan: 16 of the last 24 months above 3G, so variant A (cut-off 30 %) keeps him local.
  await pickSample(page, "Hassan");
  await page.waitForSelector('veivalg-panel[data-state=ready] .verdict');
  await page.waitForFunction(() => document.querySelector("veivalg-panel .verdict")?.textContent.includes("syntetisk-2"));

  const cards = await page.$$eval("veivalg-panel .method-card", (els) => els.map((e) => [e.dataset.policy, e.dataset.unit]));
  assert.deepEqual(cards, [
    ["noe-2025-01", "NOE"],
    ["variant-a", "LOCAL_OFFICE"],
    ["variant-b", "NOE"],
  ]);
  assert.match(await page.textContent('.method-card[data-policy="variant-a"]'), /sannsynlighet for stabilt arbeid/);
  assert.match(await page.textContent('.method-card[data-policy="noe-2025-01"]'), /innenfor NOEs aldersgrense 30–66/);

  const trace = await page.$$eval("veivalg-panel .trace tbody tr", (rows) => rows.map((r) => [r.dataset.rule, r.dataset.holds]));
  assert.equal(trace.length, 7);
  assert.deepEqual(trace[0], ["HEALTH_OBSTACLES", "false"]);
  assert.deepEqual(trace.at(-1), ["WORK_HISTORY", "true"]);

  const contributions = page.locator('veivalg-panel [data-part="contributions"]');
  assert.match(await contributions.textContent(), /sammenlignet med en typisk registrert/);
  assert.equal(await contributions.locator("svg.contrib-bar rect.bar").count(), 6);
  assert.equal(await contributions.locator("rect.bar--down").count() > 0, true, "some bars point down");
  await contributions.getByText("Steg for steg i prosent").first().click();
  assert.match(await contributions.locator(".order-note").first().textContent(), /MODEL_FILE_FEATURE_ORDER.*avhenger av rekkefølgen/s);

  const cf = page.locator('veivalg-panel .counterfactuals[data-model="variant-a"] .counterfactual');
  assert.match(
    (await cf.allTextContents()).join("\n"),
    /Med 17 i stedet for 16 måneder over 3G siste 24 måneder ville personen blitt sendt til NOE\./,
  );
  assert.match(await page.textContent("veivalg-panel .not-advice"), /beskriver fortiden.*ikke råd/);

  const chart = page.getByRole("img", { name: /Månedslønn 2023-03 til 2025-02/ });
  assert.equal(await chart.count(), 1);
  assert.equal(await chart.locator("rect.wage-bar").count(), 24);
  assert.equal(await chart.locator("path.g-line--1g").count(), 1);
  assert.equal(await chart.locator("path.g-line--3g").count(), 1);
  assert.equal(await chart.locator("rect.wage-bar--above3g").count(), 16);
  await page.getByText("Vis lønnshistorikken som tabell").click();
  const wageTable = page.locator('table[data-part="wage-table"]');
  assert.equal(await wageTable.isVisible(), true);
  assert.equal(await wageTable.locator("tbody tr").count(), 24);
  assert.match(await wageTable.locator('tr[data-month="2024-05"]').textContent(), /40\s000 kr.*3,87 G.*Ja/);

  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});

test("counsellor: an override leaves no counterfactual, and bad JSON or a bad value shows kind, path and message", async () => {
  const session = await openPage("counsellor.html", VIEWPORT);
  const { page } = session;
  await pickSample(page, "Eva");
  await page.waitForFunction(() => document.querySelector("veivalg-panel .verdict")?.textContent.includes("syntetisk-3"));
  assert.deepEqual(
    await page.$$eval("veivalg-panel .method-card", (els) => els.map((e) => e.dataset.unit)),
    ["LOCAL_OFFICE", "LOCAL_OFFICE", "LOCAL_OFFICE"],
  );
  assert.equal(await page.locator("veivalg-panel .counterfactual").count(), 0);
  assert.match(await page.textContent('veivalg-panel [data-part="counterfactuals"]'), /Ingen endring/);

  await page.getByText("Last inn en person fra JSON").click();
  const json = page.getByLabel(/Person \(JSON/);
  await json.fill("{ not json");
  await page.getByRole("button", { name: "Vis vurderingen" }).click();
  await page.waitForSelector("veivalg-panel[data-state=error]");
  assert.equal(await page.textContent("veivalg-panel .error-kind"), "INVALID_JSON");

  await json.fill(JSON.stringify({ registeredOn: "2025-03-14", age: 40, answers: { situation: "MISTET" } }));
  await page.getByRole("button", { name: "Vis vurderingen" }).click();
  await page.waitForFunction(() => document.querySelector("veivalg-panel .error-kind")?.textContent === "INVALID_VALUE");
  assert.equal(await page.textContent("veivalg-panel .error-path"), "answers.situation");
  assert.match(await page.textContent("veivalg-panel .error-message"), /MISTET_JOBBEN/);

  // And the panel recovers.
  await pickSample(page, "Anne");
  await page.waitForSelector("veivalg-panel[data-state=ready]");
  assertClean(session);
  await session.context.close();
});

// --- citizen ----------------------------------------------------------------

test("citizen: the form filled with the keyboard gives a result in an aria-live region, in both languages", async () => {
  const session = await openPage("citizen.html", VIEWPORT);
  const { page } = session;
  assert.match(await page.textContent(".privacy"), /Ingenting sendes noe sted/);
  assert.equal(await page.inputValue("#registeredOn"), "2025-03-14");

  await tabTo(page, () => document.activeElement?.id === "age");
  await page.keyboard.type("45");
  await page.keyboard.press("Tab"); // into question 1: the first answer
  assert.equal(await page.evaluate(() => document.activeElement?.id), "situation-MISTET_JOBBEN");
  await page.keyboard.press("Space");
  await tabTo(page, focusedName, "education");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await page.isChecked("#education-HOYERE_UTDANNING_1_TIL_4"), true);
  await tabTo(page, focusedName, "educationApproved");
  await page.keyboard.press("Space");
  await tabTo(page, focusedName, "educationPassed");
  await page.keyboard.press("Space");
  await tabTo(page, focusedName, "healthObstacles");
  await page.keyboard.press("ArrowDown");
  await tabTo(page, focusedName, "otherObstacles");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.isChecked("#otherObstacles-NEI"), true);
  await tabTo(page, () => document.activeElement?.id === "submit");
  await page.keyboard.press("Enter");

  const result = page.locator("#result");
  assert.equal(await result.getAttribute("aria-live"), "polite");
  await page.waitForSelector("#result[data-unit]");
  // No employment entered: the work-history rule fails, so a local office.
  assert.equal(await result.getAttribute("data-unit"), "LOCAL_OFFICE");
  assert.match(await result.textContent(), /Du er sendt til ditt lokale NAV-kontor\./);
  const reasons = await page.$$eval("#result-reasons li", (li) => li.map((l) => l.dataset.code));
  assert.deepEqual(reasons, ["WORK_HISTORY_NOT_MET", "NOT_QUICK_RETURN"]);

  // English, with the keyboard.
  await page.getByRole("button", { name: "English" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await result.textContent(), /You have been sent to your local NAV office\./);
  assert.match(await page.textContent("#result-reasons"), /continuous months in work/);
  assert.equal(await page.textContent("#situation legend"), "1. What is your situation?");
  assert.equal(await page.textContent('label[for="situation-MISTET_JOBBEN"]'), "Lost my job or will lose it");
  assert.match(await page.textContent(".privacy"), /Nothing is sent anywhere/);
  await page.getByRole("button", { name: "Norsk" }).click();
  assert.equal(await page.getAttribute("html", "lang"), "nb");

  // With a job since 2020 the same answers go to NOE.
  await page.getByLabel("I jobb fra").fill("2020-01-01");
  await page.getByRole("button", { name: "Vis hvor jeg blir sendt" }).click();
  await page.waitForSelector('#result[data-unit="NOE"]');
  assert.match(await result.textContent(), /Du er sendt til Nasjonal oppfølgingsenhet \(NOE\)\./);
  assert.match(await page.textContent("#result-reasons"), /Du er 45 år, og NOE følger opp personer fra 30 til 66 år\./);

  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});

test("citizen: a missing answer is named in plain words, and primary school skips 3b and 3c", async () => {
  const session = await openPage("citizen.html", VIEWPORT);
  const { page } = session;
  await page.getByLabel("Alder (år)").fill("38");
  await page.getByRole("group", { name: /Hva er din situasjon/ }).getByLabel("Har aldri vært i jobb").check();
  await page.getByRole("group", { name: /høyeste fullførte utdanning/ }).getByLabel("Grunnskole").check();
  assert.equal(await page.isHidden("#educationApproved"), true);
  assert.equal(await page.isHidden("#educationPassed"), true);
  await page.getByRole("group", { name: /helseproblemer/ }).getByLabel("Nei").check();
  await page.getByRole("button", { name: "Vis hvor jeg blir sendt" }).click();
  await page.waitForSelector("#error:not([hidden])");
  assert.equal(await page.getAttribute("#error", "data-kind"), "MISSING_FIELD");
  assert.equal(await page.getAttribute("#error", "data-path"), "answers.otherObstacles");
  assert.match(await page.textContent("#error-text"), /Du må svare på dette: 5\. Har du andre problemer/);
  assert.equal(await page.getAttribute("#otherObstacles", "aria-invalid"), "true");
  await page.getByRole("group", { name: /andre problemer/ }).getByLabel("Nei").check();
  await page.getByRole("button", { name: "Vis hvor jeg blir sendt" }).click();
  await page.waitForSelector("#result[data-unit]");
  assert.equal(await page.isHidden("#error"), true);
  assert.equal(await page.getAttribute("#result-group", "data-group"), "ANTATT_BEHOV_FOR_VEILEDNING");
  assertClean(session);
  await session.context.close();
});

// --- demo -------------------------------------------------------------------

test("demo: the synthetic cohort is labelled, and the slider moves the NOE share and accuracy", async () => {
  const session = await openPage("demo.html", VIEWPORT);
  const { page } = session;
  assert.match(await page.textContent("#synthetic-banner"), /SYNTETISK.*Syntetiske data/s);
  assert.equal(await page.getAttribute("#synthetic-banner", "data-synthetic"), "true");
  assert.match(await page.textContent("#cohort-label"), /SYNTETISK.*synthetic-v1 seed 1, 100000 rows/);

  const shareA = '#share-tab [data-method="variant-a"][data-outcome="TOTAL"][data-col="selected"]';
  const accuracyA = '#summary [data-method="variant-a"][data-row="accuracy"]';
  assert.equal(await text(page, shareA), "37,0 %");
  assert.match(await text(page, accuracyA), /^\d+,\d %.*«stabilt arbeid»$/);
  assert.match(await text(page, '#summary [data-method="variant-b"][data-row="accuracy"]'), /«uten arbeid»/);
  assert.match(await text(page, '#summary [data-method="today"][data-row="report"]'), /37 %, 64 %/);
  const before = await text(page, accuracyA);
  assert.match(await text(page, '#differences [data-method="variant-a"]'), /[+−]\d+ stabile, [+−]\d+ uten arbeid per måned til NOE/);
  assert.equal(await page.locator("#figure svg .figure-bar").count(), 6);

  await page.getByLabel(/sendt til NOE, variant A og B/).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.waitForSelector("body[data-share='40']");
  assert.equal(await text(page, "#share-value"), "40 %");
  assert.equal(await text(page, shareA), "40,0 %");
  assert.equal(await text(page, '#month-tab [data-method="variant-a"][data-outcome="TOTAL"][data-col="selected"]'), "3 600");
  assert.notEqual(await text(page, accuracyA), before);
  // Today's rule tree does not move with the slider.
  assert.equal(await text(page, '#share-tab [data-method="today"][data-outcome="TOTAL"][data-col="selected"]'), "37,6 %");
  assert.match(await text(page, "#timing"), /Siste oppdatering: [\d,]+ ms/);

  await page.getByRole("button", { name: /48 %/ }).click();
  await page.waitForSelector("body[data-share='48']");
  assert.equal(await text(page, '#share-tab [data-method="variant-b"][data-outcome="TOTAL"][data-col="selected"]'), "48,0 %");

  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});
