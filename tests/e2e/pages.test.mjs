// Browser end-to-end tests of the counsellor page and its panel, served
// by scripts/serve.mjs with its Content-Security-Policy, in Debian's Chromium
// driven by playwright-core. Needs pkg/ (`make pkg`). Each page: no console
// errors, every request to the page's own origin, the main flow, and an
// axe-core accessibility check (WCAG 2.1 A and AA rules).
//   node --test tests/e2e/
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, assertClean, assertAccessible, text } from "./support.mjs";

const VIEWPORT = { width: 1280, height: 900 };

/** Picks an example person on the counsellor page by the start of its name. */
async function pickSample(page, name) {
  const value = await page.$eval("#sample", (select, n) => [...select.options].find((o) => o.text.startsWith(n))?.value, name);
  await page.getByLabel(/Eksempelperson/).selectOption(value);
}

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
  assert.match(await contributions.textContent(), /fra en typisk registrert/);
  assert.equal(await contributions.locator("svg.push-bar rect.bar").count(), 6);
  assert.equal(await contributions.locator("rect.bar--LOCAL_OFFICE").count() > 0, true, "some bars pull toward the local office");
  // The page links the panel's stylesheet itself, so the panel links nothing more.
  assert.equal(await page.locator("link[data-veivalg-panel]").count(), 0);
  assert.equal(await page.locator('link[href="/lib/panel.css"]').count(), 1);
  await contributions.getByText("Detaljer: bidrag i log-odds").first().click();
  assert.match(await contributions.locator(".order-note").first().textContent(), /MODEL_FILE_FEATURE_ORDER.*rekkefølgen/s);

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
  assert.match(await wageTable.locator('tr[data-month="2024-05"]').textContent(), /40\s000\skr.*3,87 G.*Ja/);

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
  await page.click("#json-submit");
  await page.waitForSelector("veivalg-panel[data-state=error]");
  assert.equal(await page.textContent("veivalg-panel .error-kind"), "INVALID_JSON");

  await json.fill(JSON.stringify({ registeredOn: "2025-03-14", age: 40, answers: { situation: "MISTET" } }));
  await page.click("#json-submit");
  await page.waitForFunction(() => document.querySelector("veivalg-panel .error-kind")?.textContent === "INVALID_VALUE");
  assert.equal(await page.textContent("veivalg-panel .error-path"), "answers.situation");
  assert.match(await page.textContent("veivalg-panel .error-message"), /MISTET_JOBBEN/);
  // The page's language first: the library's English message is only the technical detail.
  assert.equal(await page.textContent("veivalg-panel .error-text"), "Dette svaret kan ikke brukes.");

  // And the panel recovers.
  await pickSample(page, "Anne");
  await page.waitForSelector("veivalg-panel[data-state=ready]");
  assertClean(session);
  await session.context.close();
});

test("counsellor: pushes are percentage points that add up, named and coloured by direction the same way in A and B", async () => {
  const session = await openPage("counsellor.html", VIEWPORT);
  const { page } = session;
  await pickSample(page, "Hassan");
  await page.waitForFunction(() => document.querySelector("veivalg-panel .verdict")?.textContent.includes("syntetisk-2"));
  // The decisions the panel shows, from its own JSON view.
  const decisions = JSON.parse(await page.textContent("veivalg-panel details.raw pre"));
  for (const d of decisions.filter((x) => x.method === "MODEL")) {
    const box = page.locator(`veivalg-panel .contributions[data-model="${d.model.id}"]`);
    // Variant A predicts stable work (higher → NOE), B being without work (higher → local office).
    assert.equal(await box.getAttribute("data-higher"), d.model.target === "WITHOUT_WORK" ? "LOCAL_OFFICE" : "NOE");
    const rows = await box.locator(".push-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({ pp: Number(tr.dataset.pp), toward: tr.dataset.toward, bar: tr.querySelector("rect.bar").getAttribute("class"), text: tr.textContent })),
    );
    assert.equal(rows.length, d.waterfall.steps.length);
    // The steps go exactly from a typical registrant to this person.
    const sum = rows.reduce((acc, r) => acc + r.pp, 0) / 100;
    assert.ok(Math.abs(d.waterfall.baselineProbability + sum - d.probability) < 1e-12, `${d.model.id}: ${sum}`);
    for (const r of rows) {
      const noe = d.model.target === "WITHOUT_WORK" ? r.pp < 0 : r.pp > 0;
      if (r.toward === "NONE") continue;
      assert.equal(r.toward, noe ? "NOE" : "LOCAL_OFFICE", JSON.stringify(r));
      assert.match(r.bar, new RegExp(`bar--${r.toward}`));
      assert.match(r.text, noe ? /mot NOE/ : /mot lokalkontoret/);
    }
  }
  // One visible scale, the same for both variants.
  const scales = await page.$$eval("veivalg-panel .push-table .push-scale-axis", (svgs) => svgs.map((x) => x.textContent));
  assert.equal(scales.length, 2);
  assert.equal(scales[0], scales[1]);
  assert.match(await page.textContent("veivalg-panel .push-scale-ends"), /mot lokalkontoret.*mot NOE/);
  // Log-odds stay available as detail.
  assert.equal(await page.locator("veivalg-panel details.log-odds table.logit-table tbody tr").count(), 6);
  assertClean(session);
  await session.context.close();
});

test("counsellor: the panel in nynorsk and English, the self-assessment shown, and a person entered in the form", async () => {
  const session = await openPage("counsellor.html?lang=nn", VIEWPORT);
  const { page } = session;
  assert.equal(await page.getAttribute("html", "lang"), "nn");
  await page.waitForSelector("veivalg-panel[data-state=ready]");
  assert.equal(await page.getAttribute("veivalg-panel", "lang"), "nn");
  assert.match(await page.textContent("veivalg-panel .verdict"), /blir send til Nasjonal oppfølgingseining \(NOE\)/);
  assert.match(await page.textContent('veivalg-panel [data-part="contributions"] h2'), /Kva trekte mot NOE/);
  assert.match(await text(page, "veivalg-panel .self-assessment"), /Eigenvurdering \(spørsmål 6\): 4 – Gode.*aldri brukt i sorteringa/);

  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.waitForFunction(() => document.querySelector("veivalg-panel .verdict")?.textContent.includes("goes to"));
  assert.match(await page.textContent("veivalg-panel .method-card[data-policy=variant-a]"), /probability of stable work/);
  assert.match(await page.textContent("veivalg-panel .push-scale-ends"), /toward the local office.*toward NOE/);
  assert.match(new URL(page.url()).search, /lang=en/);
  assert.match(await page.getAttribute("a[href^='/citizen.html']", "href"), /lang=en/);

  // Enter a person: 29 years old, no self-assessment, health problems.
  await page.click("#form-box > summary");
  await page.fill("#birthDate", "20.07.1995");
  await page.check("#healthObstacles-JA");
  await page.check("#selfAssessment-");
  await page.click("#submit");
  await page.waitForFunction(() => document.querySelector("veivalg-panel .method-card")?.dataset.unit === "LOCAL_OFFICE");
  assert.match(await page.textContent("veivalg-panel .self-assessment"), /not answered/);
  assert.match(await page.textContent("veivalg-panel [data-part=decision]"), /Reported obstacles/);
  // An empty required field is listed, in English, and stops the assessment.
  await page.fill("#birthDate", "");
  await page.click("#submit");
  await page.waitForSelector("#problems:not([hidden])");
  assert.deepEqual(await page.$$eval("#problems li", (li) => li.map((l) => [l.dataset.field, l.textContent])), [["birthDate", "Enter the date of birth."]]);
  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});

test("counsellor: a registration after the G table gets the latest G, and each output that used it says which months and which G", async () => {
  const session = await openPage("counsellor.html", VIEWPORT);
  const { page } = session;
  await pickSample(page, "Kari");
  await page.waitForFunction(() => document.querySelector("veivalg-panel .verdict")?.textContent.includes("syntetisk-6"));
  assert.equal(await page.getAttribute("veivalg-panel", "data-state"), "ready");
  const cards = await page.$$eval("veivalg-panel .method-card", (els) => els.map((e) => [e.dataset.policy, e.dataset.state ?? e.dataset.unit]));
  assert.ok(cards.every((c) => c[1] !== "error"), JSON.stringify(cards));
  const notes = await page.$$eval("veivalg-panel .method-card .g-note", (els) => els.map((e) => [e.dataset.from, e.dataset.to, e.dataset.g, e.textContent.replace(/\s/g, " ")]));
  assert.equal(notes.length, 2);
  for (const [from, to, g, note] of notes) {
    assert.deepEqual([from, to, g], ["2026-05", "2026-11", "130160"]);
    assert.match(note, /mai 2026–november 2026 .*130 160\skr \(fra 01\.05\.2025\)/);
  }
  assert.match(await page.textContent('veivalg-panel [data-part="wages"] .g-note'), /siste kjente G/);
  assert.equal(await page.locator('veivalg-panel [data-part="wages"] tr[data-g-assumed="true"]').count(), 7);
  assert.equal(await page.locator('veivalg-panel [data-part="contributions"] .contributions').count(), 2);
  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});

test("counsellor: the wage chart is drawn again at the new width when the window narrows, its text staying 12 px", async () => {
  const session = await openPage("counsellor.html", { width: 1280, height: 900 });
  const { page } = session;
  await page.waitForSelector("veivalg-panel[data-state=ready] svg.wage-chart");
  const wide = Number((await page.getAttribute("svg.wage-chart", "viewBox")).split(" ")[2]);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForFunction((w) => Number(document.querySelector("svg.wage-chart")?.getAttribute("viewBox").split(" ")[2]) < w, wide);
  const sizes = await page.$$eval("svg.wage-chart text", (texts) => texts.map((t) => t.getBoundingClientRect().height));
  assert.ok(Math.min(...sizes) >= 11.5, `smallest chart text ${Math.min(...sizes)} px`);
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  assert.ok(scroll <= inner, `${scroll} > ${inner}`);
  assertClean(session);
  await session.context.close();
});

test("panel: a `policy` property puts that policy first and keeps the other model policy beside it; `lang` follows its attribute", async () => {
  const session = await openPage("counsellor.html", { width: 1280, height: 900 });
  const { page } = session;
  await page.waitForSelector("veivalg-panel[data-state=ready]");
  const rendered = () => page.evaluate(() => new Promise((r) => document.querySelector("veivalg-panel").addEventListener("veivalg-render", r, { once: true })));
  let done = rendered();
  await page.evaluate(() => { document.querySelector("veivalg-panel").policy = "variant-a"; });
  await done;
  assert.deepEqual(await page.$$eval("veivalg-panel .method-card", (els) => els.map((e) => e.dataset.policy)), ["variant-a", "variant-b"]);
  assert.match(await page.textContent("veivalg-panel [data-part=decision]"), /variant-a/);
  done = rendered();
  await page.evaluate(() => document.querySelector("veivalg-panel").setAttribute("lang", "en"));
  await done;
  assert.match(await page.textContent("veivalg-panel [data-part=methods] h2"), /Three methods side by side/);
  assertClean(session);
  await session.context.close();
});
