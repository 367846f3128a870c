// <veivalg-panel> as an embedder gets it: `npm pack` of pkg/, the tarball
// installed into a temporary project, and a page of that project (outside
// www/, without Aksel, the pages' CSS or their loader) that imports
// `veivalg/panel` through an import map from a plain <script type="module">,
// served with a strict Content-Security-Policy (the two inline scripts by
// hash). Every section of the panel is checked for several persons in
// bokmål, nynorsk and English, against the same package's `explain` run in
// Node and against facts worked out by hand from the persons, the shipped
// policies and the G table; `data-state`, the `veivalg-render` event, one
// wasm call per render (every call into the wasm's exports is counted), and
// the stylesheet that ships with the panel (computed colours, theming with
// custom properties).
//   node --test tests/e2e/panel-package.test.mjs     (needs pkg/: `make pkg`)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { start, CSP } from "../../scripts/serve.mjs";
import { openPage, assertClean, assertAccessible, assertNoSidewaysScroll } from "./support.mjs";
import { countWasmCalls } from "./wasm-calls.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));

// --- the embedder's project and page -------------------------------------------

const IMPORT_MAP = JSON.stringify({ imports: { "veivalg/panel": "/node_modules/veivalg/panel/panel.js" } });
const MODULE = `
import "veivalg/panel";
const panel = document.createElement("veivalg-panel");
panel.id = "panel";
document.querySelector("main").append(panel);
document.body.dataset.ready = "true";
`;
const sha = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <title>An embedder's page</title>
  <script type="importmap">${IMPORT_MAP}</script>
  <script type="module">${MODULE}</script>
</head>
<body>
  <main><h1>Assessment</h1></main>
</body>
</html>
`;


let dir;
let server;
let node; // the installed package, in Node: the same `explain` the panel calls

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "veivalg-panel-"));
  const npm = (args, cwd) => spawnSync("npm", args, { cwd, encoding: "utf8" });
  const pack = npm(["pack", "--json", "--ignore-scripts", "--pack-destination", dir], join(root, "pkg"));
  assert.equal(pack.status, 0, pack.stderr);
  const [{ filename }] = JSON.parse(pack.stdout);
  const project = join(dir, "app");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  const install = npm(["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", join(dir, filename)], project);
  assert.equal(install.status, 0, install.stderr);
  writeFileSync(join(project, "index.html"), PAGE);
  // The pages' CSP, with the page's two inline scripts allowed by hash.
  const csp = CSP.replace("script-src 'self'", `script-src 'self' ${sha(IMPORT_MAP)} ${sha(MODULE)}`);
  assert.notEqual(csp, CSP);
  server = await start({ port: 0, mounts: [["/", project]], csp });
  const pkg = join(project, "node_modules", "veivalg");
  node = await import(pathToFileURL(join(pkg, "veivalg.js")).href);
  node.initSync({ module: readFileSync(join(pkg, "veivalg_bg.wasm")) });
});

after(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const open = (viewport = { width: 1280, height: 900 }) => openPage("/", viewport, { server, init: countWasmCalls });

/**
 * Sets `props` on the panel at once and waits for the render: the states
 * seen, the `veivalg-render` events fired (waiting two frames after the
 * first, so a second would be seen) and the wasm calls made.
 */
function render(page, props) {
  return page.evaluate(async (props) => {
    const panel = document.getElementById("panel");
    let events = 0;
    const rendered = new Promise((resolve) => panel.addEventListener("veivalg-render", resolve, { once: true }));
    const count = () => events++;
    panel.addEventListener("veivalg-render", count);
    globalThis.__wasmCalls.length = 0;
    Object.assign(panel, props);
    await rendered;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    panel.removeEventListener("veivalg-render", count);
    return { state: panel.dataset.state, events, calls: [...globalThis.__wasmCalls] };
  }, props);
}

// --- the persons ---------------------------------------------------------------------

/** `{month, nok}` for every month from `from` to `to` (inclusive). */
function monthly(from, to, nok) {
  const out = [];
  let [y, m] = from.split("-").map(Number);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > to) return out;
    out.push({ month, nok });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

const answers = (extra = {}) => ({
  situation: "MISTET_JOBBEN",
  education: "HOYERE_UTDANNING_1_TIL_4",
  educationApproved: "JA",
  educationPassed: "JA",
  healthObstacles: "NEI",
  otherObstacles: "NEI",
  ...extra,
});

const RULES = ["HEALTH_OBSTACLES", "OTHER_OBSTACLES", "AGE_IN_BAND", "HAS_EDUCATION", "PASSED_EDUCATION", "APPROVED_EDUCATION", "WORK_HISTORY"];

// What is expected of each, by hand:
//  - policy in force: noe-2025-01 from 1 January 2025 (NOE ages 30–66), with
//    the ruleset in force on the day (2024-03 from 1 March 2024, 2026-04 from
//    1 April 2026); variants A and B are the shipped proposals from 1 March 2025;
//  - the G table's last row is 130 160 kr from 1 May 2025 (months up to April
//    2026); 3G a month is 3 × 124 028 / 12 = 31 007 kr from May 2024 and
//    3 × 130 160 / 12 = 32 540 kr from May 2025, so 46 000 and 52 000 kr are
//    above 3G in every month;
//  - the wage history is the 24 months before the registration month.
const PERSONS = [
  {
    name: "quick return, 45, working since 2023",
    person: {
      id: "pakke-1",
      registeredOn: "2025-03-14",
      birthDate: "1979-06-02",
      answers: answers({ selfAssessment: 4 }),
      employment: [{ start: "2023-02-01", end: null }],
      wages: monthly("2022-03", "2025-02", 46000),
    },
    // No obstacles, age 45 in 18–59, education passed and approved, 12 of 12
    // sampled months employed: quick return (ANTATT_GODE_MULIGHETER), 45 in 30–66: NOE.
    unit: "NOE",
    group: "ANTATT_GODE_MULIGHETER",
    ruleset: "2024-03",
    holds: [false, false, true, true, true, true, true],
    months: ["2023-03", "2025-02"],
    above3G: 24,
    gAssumed: null,
  },
  {
    name: "health obstacles",
    person: {
      id: "pakke-2",
      registeredOn: "2025-03-14",
      birthDate: "1979-06-02",
      answers: answers({ healthObstacles: "JA" }),
      employment: [{ start: "2023-02-01", end: null }],
      wages: monthly("2022-03", "2025-02", 46000),
    },
    // Reported obstacles: OPPGITT_HINDRINGER, and every policy (the variants'
    // toLocalOffice lists HEALTH_OBSTACLES) sends the person to the local
    // office whatever the model says, so no input change would move it.
    unit: "LOCAL_OFFICE",
    group: "OPPGITT_HINDRINGER",
    allUnits: "LOCAL_OFFICE",
    ruleset: "2024-03",
    holds: [true],
    months: ["2023-03", "2025-02"],
    above3G: 24,
    gAssumed: null,
  },
  {
    name: "two employments, 16 of 24 months above 3G",
    person: {
      id: "pakke-4",
      registeredOn: "2025-03-14",
      birthDate: "1972-09-20",
      answers: answers({ education: "VIDEREGAENDE_FAGBREV_SVENNEBREV", selfAssessment: 2 }),
      employment: [
        { start: "2019-01-01", end: "2022-12-31" },
        { start: "2023-11-01", end: "2025-02-28" },
      ],
      wages: [...monthly("2022-03", "2022-12", 39000), ...monthly("2023-11", "2025-02", 40000)],
    },
    // 52 years old, quick return (employed without a break since November
    // 2023): NOE. Of the 24 months March 2023 – February 2025 the 16 from
    // November 2023 have 40 000 kr, above 3G (29 655 kr a month until April
    // 2024, 31 007 kr from May 2024); the 8 before have none. The models'
    // pushes are all small, so their shared scale is the smallest, 5
    // percentage points (middle ticks at 2.5).
    unit: "NOE",
    group: "ANTATT_GODE_MULIGHETER",
    ruleset: "2024-03",
    holds: [false, false, true, true, true, true, true],
    months: ["2023-03", "2025-02"],
    above3G: 16,
    scale: 5,
    gAssumed: null,
  },
  {
    name: "registered 1 December 2026, after the G table",
    person: {
      id: "pakke-3",
      registeredOn: "2026-12-01",
      birthDate: "1990-01-15",
      answers: answers(),
      employment: [{ start: "2024-01-01", end: "2026-11-30" }],
      wages: monthly("2024-01", "2026-11", 52000),
    },
    // 36 years old, quick return: NOE under noe-2025-01 with the ruleset of
    // 1 April 2026 (no G needed). The
    // variants read 24 months, of which May–November 2026 lie after the table
    // and get its latest G: 130 160 kr from 01.05.2025.
    unit: "NOE",
    group: "ANTATT_GODE_MULIGHETER",
    ruleset: "2026-04",
    holds: [false, false, true, true, true, true, true],
    months: ["2024-12", "2026-11"],
    above3G: 24,
    gAssumed: { from: "2026-05", to: "2026-11", g: "130160", months: 7 },
  },
];

/** Words each language must use (from the message catalogue's intent, written out here). */
const WORDS = {
  nb: {
    verdict: { NOE: "sendes til Nasjonal oppfølgingsenhet (NOE)", LOCAL_OFFICE: "sendes til Lokalt NAV-kontor" },
    toward: { NOE: "mot NOE", LOCAL_OFFICE: "mot lokalkontoret" },
    headings: ["Sortering", "Tre metoder side om side", "Regelsporet", "Hva trakk mot NOE, og hva mot lokalkontoret?", "Hva ville endret sorteringen?", "Lønnshistorikk siste 24 måneder"],
    chart: (from, to) => `Månedslønn ${from} til ${to}, i kroner, med 1G- og 3G-linjer`,
    noChange: /^Ingen endring i modellens opplysninger/,
    gNote: /mai 2026–november 2026 .*siste kjente G, 130 160\skr \(fra 01\.05\.2025\)/,
    yes: "Ja",
    no: "Nei",
  },
  nn: {
    verdict: { NOE: "blir send til Nasjonal oppfølgingseining (NOE)", LOCAL_OFFICE: "blir send til Lokalt NAV-kontor" },
    toward: { NOE: "mot NOE", LOCAL_OFFICE: "mot lokalkontoret" },
    headings: ["Sortering", "Tre metodar side om side", "Regelsporet", "Kva trekte mot NOE, og kva mot lokalkontoret?", "Kva ville ha endra sorteringa?", "Lønshistorikk dei siste 24 månadene"],
    chart: (from, to) => `Månadsløn ${from} til ${to}, i kroner, med 1G- og 3G-linjer`,
    noChange: /^Inga endring i opplysningane til modellen/,
    gNote: /mai 2026–november 2026 .*siste kjende G, 130 160\skr \(frå 01\.05\.2025\)/,
    yes: "Ja",
    no: "Nei",
  },
  en: {
    verdict: { NOE: "goes to NAV's national follow-up unit (NOE)", LOCAL_OFFICE: "goes to Local NAV office" },
    toward: { NOE: "toward NOE", LOCAL_OFFICE: "toward the local office" },
    headings: ["Routing", "Three methods side by side", "The rule trace", "What pulled toward NOE, and what toward the local office?", "What would have changed the routing?", "Wage history, last 24 months"],
    chart: (from, to) => `Monthly wages ${from} to ${to}, in NOK, with 1G and 3G lines`,
    noChange: /^No change in the model's inputs/,
    gNote: /May 2026–November 2026 .*latest known G was used, NOK 130,160 \(from 1 May 2025\)/,
    yes: "Yes",
    no: "No",
  },
};

/** What the panel shows, read from its DOM in one go. */
function readPanel(page) {
  return page.$eval("#panel", (panel) => {
    const txt = (el) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
    const fill = (el) => (el ? getComputedStyle(el).fill : null);
    return {
      lang: panel.lang,
      parts: [...panel.querySelectorAll("section.panel-section")].map((s) => s.dataset.part),
      headings: [...panel.querySelectorAll("section.panel-section > h2")].map(txt),
      verdict: { unit: panel.querySelector(".verdict")?.dataset.unit, text: txt(panel.querySelector(".verdict")) },
      policyLine: txt(panel.querySelector('[data-part="decision"] .aksel-detail')),
      selfAssessment: panel.querySelector(".self-assessment")?.dataset.value,
      cards: [...panel.querySelectorAll(".method-card")].map((c) => ({
        policy: c.dataset.policy,
        unit: c.dataset.unit ?? null,
        state: c.dataset.state ?? null,
        probability: txt(c.querySelector(".probability")),
        reasons: [...c.querySelectorAll(".reasons li")].map((li) => li.dataset.code),
        gNote: c.querySelector(".g-note") ? { ...c.querySelector(".g-note").dataset, text: txt(c.querySelector(".g-note")) } : null,
      })),
      trace: [...panel.querySelectorAll("table.trace tbody tr")].map((r) => ({ rule: r.dataset.rule, holds: r.dataset.holds, shown: txt(r.lastElementChild) })),
      contributions: [...panel.querySelectorAll(".contributions")].map((c) => ({
        model: c.dataset.model,
        higher: c.dataset.higher,
        rows: [...c.querySelectorAll(".push-table tbody tr")].map((r) => ({
          feature: r.dataset.feature,
          pp: Number(r.dataset.pp),
          shown: txt(r.querySelector(".pp")),
          toward: r.dataset.toward,
          words: txt(r.querySelector(".toward")),
          bar: r.querySelector("rect.bar")?.getAttribute("class"),
          fill: fill(r.querySelector("rect.bar")),
        })),
        scale: [...c.querySelectorAll(".push-table .push-scale-axis text")].map(txt),
        result: c.querySelector(".person-result")?.dataset.unit,
      })),
      counterfactuals: [...panel.querySelectorAll(".counterfactuals")].map((c) => ({
        model: c.dataset.model,
        items: [...c.querySelectorAll(".counterfactual")].map((li) => ({ unit: li.dataset.unit, text: txt(li) })),
        none: txt(c.querySelector(":scope > p")),
      })),
      notAdvice: txt(panel.querySelector(".not-advice")),
      wages: {
        chart: panel.querySelector("svg.wage-chart")?.getAttribute("aria-labelledby") ? txt(panel.querySelector("svg.wage-chart > title")) : null,
        bars: panel.querySelectorAll("svg.wage-chart rect.wage-bar").length,
        above3G: panel.querySelectorAll("svg.wage-chart rect.wage-bar--above3g").length,
        aboveFill: fill(panel.querySelector("svg.wage-chart rect.wage-bar--above3g")),
        rows: [...panel.querySelectorAll('table[data-part="wage-table"] tbody tr')].map((r) => ({ month: r.dataset.month, gAssumed: r.dataset.gAssumed === "true" })),
        gNote: txt(panel.querySelector('[data-part="wages"] .g-note')),
      },
    };
  });
}

/** Checks every section of the panel for `p` in `lang` against the package's explain() and the hand-worked facts. */
function checkPanel(shown, p, lang) {
  const w = WORDS[lang];
  const x = node.explain(p.person, { months: 24, gBeyondTable: "LATEST" });
  const label = `${p.name} (${lang})`;

  assert.equal(shown.lang, lang, label);
  assert.deepEqual(shown.parts, ["decision", "methods", "trace", "contributions", "counterfactuals", "wages"], label);
  assert.deepEqual(shown.headings, w.headings, label);

  // The decision under the policy in force on the registration day.
  assert.equal(x.inForce.unit, p.unit, label);
  assert.equal(x.inForce.group, p.group, label);
  assert.equal(shown.verdict.unit, p.unit, label);
  assert.ok(shown.verdict.text.startsWith(`${p.person.id} ${w.verdict[p.unit]}`), `${label}: ${shown.verdict.text}`);
  assert.match(shown.policyLine, /noe-2025-01/, label);
  assert.equal(x.inForce.ruleset, p.ruleset, label);
  assert.match(shown.policyLine, new RegExp(`regelsett ${p.ruleset}|ruleset ${p.ruleset}`), label);
  assert.equal(shown.selfAssessment, String(p.person.answers.selfAssessment ?? ""), label);

  // The three methods: today's rule tree and the two proposals, each with its
  // unit; a model's unit follows from its probability and cut-off.
  assert.deepEqual(shown.cards.map((c) => c.policy), ["noe-2025-01", "variant-a", "variant-b"], label);
  assert.equal(shown.cards[0].unit, p.unit, label);
  for (const [i, m] of x.methods.entries()) {
    const card = shown.cards[i];
    assert.equal(card.state, null, `${label}: ${card.policy} is no error`);
    assert.equal(card.unit, m.decision.unit, `${label}: ${card.policy}`);
    assert.deepEqual(card.reasons, m.decision.reasons.map((r) => r.code), label);
    if (p.allUnits) assert.equal(card.unit, p.allUnits, `${label}: ${card.policy}`);
    if (m.decision.method === "MODEL" && !p.allUnits) {
      const d = m.decision;
      const higher = d.model.target === "WITHOUT_WORK" ? "LOCAL_OFFICE" : "NOE";
      const lower = higher === "NOE" ? "LOCAL_OFFICE" : "NOE";
      assert.equal(card.unit, d.probability >= d.cutoff ? higher : lower, `${label}: ${card.policy} against its cut-off`);
    }
    // A probability shown as a percentage with one decimal, in the language's own digits.
    if (m.decision.method === "MODEL") {
      const pct = (m.decision.probability * 100).toFixed(1);
      assert.equal(card.probability.replace(/\s/g, ""), lang === "en" ? `${pct}%` : `${pct.replace(".", ",")}%`, label);
    }
    // The G note where the latest G was used, and only there.
    if (p.gAssumed && m.decision.method === "MODEL") {
      assert.deepEqual([card.gNote?.from, card.gNote?.to, card.gNote?.g], [p.gAssumed.from, p.gAssumed.to, p.gAssumed.g], `${label}: ${card.policy}`);
      assert.match(card.gNote.text, w.gNote, label);
    } else {
      assert.equal(card.gNote, null, `${label}: ${card.policy} used no assumed G`);
    }
  }

  // The rule trace, in the order the rules were checked, yes/no in the language.
  const holds = x.inForce.trace.map((s) => String(s.holds));
  assert.deepEqual(shown.trace.map((r) => r.rule), RULES.slice(0, shown.trace.length), label);
  assert.deepEqual(shown.trace.map((r) => r.holds), holds, label);
  assert.deepEqual(holds.slice(0, p.holds.length), p.holds.map(String), label);
  assert.deepEqual(shown.trace.map((r) => r.shown), holds.map((h) => (h === "true" ? w.yes : w.no)), label);

  // Contributions in percentage points along the waterfall: they add up
  // exactly to the person's probability; each names its direction in words,
  // and its bar has that direction's colour, the same in A and B.
  const models = x.methods.map((m) => m.decision).filter((d) => d.method === "MODEL");
  assert.deepEqual(shown.contributions.map((c) => c.model), models.map((d) => d.model.id), label);
  for (const [i, d] of models.entries()) {
    const c = shown.contributions[i];
    const higher = d.model.target === "WITHOUT_WORK" ? "LOCAL_OFFICE" : "NOE";
    assert.equal(c.higher, higher, label);
    assert.equal(c.rows.length, d.waterfall.steps.length, label);
    const sum = c.rows.reduce((a, r) => a + r.pp, 0) / 100;
    assert.ok(Math.abs(d.waterfall.baselineProbability + sum - d.probability) < 1e-12, `${label}: ${d.model.id} adds up`);
    for (const r of c.rows) {
      const dp = r.pp / 100;
      if (Math.abs(dp) < 0.0005) continue;
      // Percentage points with one decimal and a sign (a true minus sign).
      assert.equal(r.shown.replace(/\s/g, "").replace("−", "-").replace(",", "."), `${dp > 0 ? "+" : "-"}${Math.abs(r.pp).toFixed(1)}`, `${label}: ${r.feature} ${r.shown}`);
      const toward = (higher === "NOE") === dp > 0 ? "NOE" : "LOCAL_OFFICE";
      assert.equal(r.toward, toward, `${label}: ${r.feature}`);
      assert.equal(r.words, w.toward[toward], `${label}: ${r.feature}`);
      assert.match(r.bar, new RegExp(`bar--${toward}$`), label);
      // panel.css: toward NOE #06893a, toward the local office #c77300 (no Aksel on this page).
      assert.equal(r.fill, toward === "NOE" ? "rgb(6, 137, 58)" : "rgb(199, 115, 0)", `${label}: the shipped stylesheet colours the bar`);
    }
  }
  assert.equal(new Set(shown.contributions.map((c) => c.scale.join())).size, 1, `${label}: one scale for A and B`);
  // The scale's ticks: the largest push either way, half of it, and 0, none rounded off
  // (5 percentage points has its middle ticks at 2.5, not 3), and no push beyond the scale.
  const ticks = shown.contributions[0].scale.map((x) => Number(x.replace(",", ".")));
  const max = ticks[0];
  assert.deepEqual(ticks, [max, max / 2, 0, max / 2, max], label);
  assert.ok([5, 10, 20, 25, 50, 100].includes(max), `${label}: scale ${max}`);
  if (p.scale) assert.equal(max, p.scale, label);
  assert.ok(shown.contributions.every((c) => c.rows.every((r) => Math.abs(r.pp) <= max)), label);

  // What would have changed it: the package's counterfactuals, or the note that nothing would.
  assert.ok(shown.notAdvice.length > 40, label);
  for (const [i, d] of models.entries()) {
    const cf = shown.counterfactuals[i];
    assert.equal(cf.model, d.model.id, label);
    assert.deepEqual(cf.items.map((it) => it.unit), (d.counterfactuals ?? []).map((k) => k.unit), label);
    if (p.allUnits) {
      assert.equal(cf.items.length, 0, `${label}: an override leaves no counterfactual`);
      assert.match(cf.none, w.noChange, label);
    } else {
      for (const it of cf.items) assert.notEqual(it.unit, shown.cards[i + 1].unit, `${label}: a counterfactual gives the other unit`);
    }
  }

  // The wage history: 24 months before the registration month, bars above 3G counted by hand.
  assert.equal(shown.wages.chart, w.chart(...p.months), label);
  assert.equal(shown.wages.bars, 24, label);
  assert.equal(shown.wages.above3G, p.above3G, label);
  assert.equal(shown.wages.aboveFill, "rgb(0, 78, 163)", `${label}: wage bars above 3G in the shipped colour`);
  assert.deepEqual(shown.wages.rows.map((r) => r.month), x.wageHistory.map((m) => m.month), label);
  assert.equal(shown.wages.rows[0].month, p.months[0], label);
  assert.equal(shown.wages.rows.at(-1).month, p.months[1], label);
  assert.equal(shown.wages.rows.filter((r) => r.gAssumed).length, p.gAssumed?.months ?? 0, label);
  if (p.gAssumed) assert.match(shown.wages.gNote, w.gNote, label);
  else assert.equal(shown.wages.gNote, "", label);
}

// --- the tests ------------------------------------------------------------------------

test("the tarball's panel, from an import map on a page outside www/: every section for four persons in nb, nn and en, one wasm call per render", async () => {
  const session = await open();
  const { page } = session;
  // Before any person: the empty state, rendered once (the wasm is loaded, but nothing is asked of it).
  await page.waitForSelector("#panel[data-state=empty]");
  assert.deepEqual(await page.evaluate(() => globalThis.__wasmCalls), []);
  for (const p of PERSONS) {
    for (const lang of ["nb", "nn", "en"]) {
      const r = await render(page, { lang, person: p.person });
      assert.deepEqual(r, { state: "ready", events: 1, calls: ["explain"] }, `${p.name} (${lang})`);
      checkPanel(await readPanel(page), p, lang);
    }
  }
  // The wage table opens, and a language change alone is one render with one call.
  await page.click("#panel .wage-table summary");
  assert.equal(await page.isVisible('#panel table[data-part="wage-table"]'), true);
  assert.deepEqual(await render(page, { lang: "nb" }), { state: "ready", events: 1, calls: ["explain"] });
  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});

test("the tarball's panel: data-state and veivalg-render for an empty, a bad and a good person, and the policy property", async () => {
  const session = await open();
  const { page } = session;
  await page.waitForSelector("#panel[data-state=empty]");
  // A person the library refuses: the error state, with kind and path, after one call.
  const bad = { ...PERSONS[0].person, answers: { ...PERSONS[0].person.answers, situation: "MISTET" } };
  assert.deepEqual(await render(page, { lang: "en", person: bad }), { state: "error", events: 1, calls: ["explain"] });
  assert.equal(await page.textContent("#panel .error-kind"), "INVALID_VALUE");
  assert.equal(await page.textContent("#panel .error-path"), "answers.situation");
  assert.equal(await page.textContent("#panel .error-text"), "This answer cannot be used.");
  // The person attribute as JSON text that does not parse: no wasm call at all.
  const r = await page.evaluate(async () => {
    const panel = document.getElementById("panel");
    const done = new Promise((resolve) => panel.addEventListener("veivalg-render", resolve, { once: true }));
    globalThis.__wasmCalls.length = 0;
    panel.setAttribute("person", "{ not json");
    await done;
    return { state: panel.dataset.state, calls: [...globalThis.__wasmCalls] };
  });
  assert.deepEqual(r, { state: "error", calls: [] });
  assert.equal(await page.textContent("#panel .error-kind"), "INVALID_JSON");
  // Back to a good person, then a policy chosen by id: that policy first, one call.
  assert.deepEqual(await render(page, { person: PERSONS[0].person }), { state: "ready", events: 1, calls: ["explain"] });
  assert.deepEqual(await render(page, { policy: "variant-b" }), { state: "ready", events: 1, calls: ["explain"] });
  assert.deepEqual(await page.$$eval("#panel .method-card", (els) => els.map((e) => e.dataset.policy)), ["variant-b", "variant-a"]);
  assert.match(await page.textContent("#panel [data-part=decision]"), /variant-b/);
  // No person: empty again, without a wasm call.
  assert.deepEqual(await render(page, { person: null, policy: null }), { state: "empty", events: 1, calls: [] });
  assertClean(session);
  await session.context.close();
});

test("the tarball's panel brings its stylesheet: linked once, applied, themable with custom properties, in a shadow root too, and reflowing at 360 px", async () => {
  const session = await open();
  const { page } = session;
  await render(page, { lang: "nb", person: PERSONS[0].person });
  // The first panel linked veivalg/panel's panel.css; a second panel links nothing more.
  await page.evaluate(() => document.querySelector("main").append(document.createElement("veivalg-panel")));
  const links = await page.$$eval("link[rel=stylesheet]", (ls) => ls.map((l) => new URL(l.href).pathname));
  assert.deepEqual(links, ["/node_modules/veivalg/panel/panel.css"]);
  const look = await page.$eval("#panel", (panel) => ({
    display: getComputedStyle(panel).display,
    card: getComputedStyle(panel.querySelector(".method-card")).borderTopStyle,
    grid: getComputedStyle(panel.querySelector(".method-grid")).display,
    table: getComputedStyle(panel.querySelector("table.trace")).borderCollapse,
    note: getComputedStyle(panel.querySelector(".not-advice").closest(".aksel-alert")).borderTopStyle,
  }));
  assert.deepEqual(look, { display: "block", card: "solid", grid: "grid", table: "collapse", note: "solid" });
  // An embedder's theme: custom properties set anywhere above the panel.
  const themed = await page.evaluate(() => {
    document.body.style.setProperty("--veivalg-panel-toward-noe", "rgb(10, 20, 30)");
    document.body.style.setProperty("--veivalg-panel-wage-above-3g", "rgb(40, 50, 60)");
    const panel = document.getElementById("panel");
    const inherited = getComputedStyle(panel).fontFamily === getComputedStyle(document.body).fontFamily;
    document.body.style.setProperty("--veivalg-panel-font", "monospace");
    return [getComputedStyle(panel.querySelector("rect.bar--NOE")).fill, getComputedStyle(panel.querySelector("rect.wage-bar--above3g")).fill, inherited, getComputedStyle(panel.querySelector("h2, h3")).fontFamily];
  });
  // The page's font by default, the embedder's when it names one.
  assert.deepEqual(themed, ["rgb(10, 20, 30)", "rgb(40, 50, 60)", true, "monospace"]);
  // A panel inside another component's shadow root gets the stylesheet there,
  // where the document's stylesheets do not reach.
  const shadowFill = await page.evaluate(async (person) => {
    const host = document.createElement("div");
    document.querySelector("main").append(host);
    const root = host.attachShadow({ mode: "open" });
    const panel = document.createElement("veivalg-panel");
    const done = new Promise((r) => panel.addEventListener("veivalg-render", r, { once: true }));
    root.append(panel);
    panel.person = person;
    await done;
    const link = root.querySelector("link[data-veivalg-panel]");
    if (!link.sheet) await new Promise((r) => link.addEventListener("load", r, { once: true }));
    return { links: root.querySelectorAll("link").length, fill: getComputedStyle(panel.querySelector("rect.wage-bar--above3g")).fill };
  }, PERSONS[0].person);
  // (The custom property set on <body> above reaches into the shadow root too: properties inherit.)
  assert.deepEqual(shadowFill, { links: 1, fill: "rgb(40, 50, 60)" });
  // On a phone the rule trace reflows (no sideways scrolling), each cell labelled.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector("#panel table.trace td")).display === "block");
  await assertNoSidewaysScroll(page);
  assert.match(await page.$eval("#panel table.trace td[data-label]", (td) => getComputedStyle(td, "::before").content), /Steg|Step|#/);
  assertClean(session);
  await session.context.close();
});
