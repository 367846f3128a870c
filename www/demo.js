// The analysts' page: a SYNTHETIC cohort of 100 000 registrations held in
// wasm memory, today's rule tree next to variants A and B, and a slider for
// the share sent to NOE. A slider move is two `cohort.evaluate({ policy,
// share })` calls (a number in, a table out; nothing is re-scored) and a
// redraw. Nothing is sent anywhere.
import { ready } from "./lib/veivalg.js";
import { $, h, s, code, pct, pct0, int, dec2, signed } from "./lib/dom.js";
import { label } from "./lib/i18n.js";

const OUTCOMES = ["STABLE_WORK", "IN_AND_OUT", "WITHOUT_WORK"];
const TODAY = "today";
/** Today as the report's Tabell 5 counts it: everyone profiled "standard". */
const TODAY_OPTIONS = { method: "RULE_TREE_GROUP", groupColumns: [] };
/** The report's own figures (Tabell 8), shown beside the synthetic ones. */
const REPORT = {
  [TODAY]: { share: 0.37, accuracy: 0.64 },
  "variant-a": { share: 0.37, accuracy: 0.72 },
  "variant-b": { share: 0.48, accuracy: 0.68 },
};
const NAMES = { [TODAY]: "I dag (regeltreet)", "variant-a": "Variant A", "variant-b": "Variant B" };

let cohort;
let today;
let variants = [];

const th = (text, attrs = {}) => h("th", { class: "aksel-table__header-cell aksel-label", scope: "col", ...attrs }, text);
const rowHead = (text) => h("th", { class: "aksel-table__header-cell aksel-label", scope: "row" }, text);
const cell = (text, attrs = {}) => h("td", { class: "aksel-table__data-cell aksel-body-short num", ...attrs }, text);

function tableEl(id, caption, head, rows) {
  return h(
    "table",
    { class: "aksel-table aksel-table--small", id },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", { class: "aksel-table__header" }, head),
    h("tbody", { class: "aksel-table__body" }, rows),
  );
}

function accuracyText(e) {
  return `${pct(e.accuracy)} mot «${label("target", e.target)}»`;
}

/** Outcome × NOE/local office, one column pair per method (Tabell 5). */
function outcomeTable(id, caption, results, format) {
  const head = [
    h(
      "tr",
      { class: "aksel-table__row" },
      th("Utfall", { rowspan: "2" }),
      th("Alle", { rowspan: "2" }),
      results.map(([key]) => th(NAMES[key] ?? key, { colspan: "2", scope: "colgroup" })),
    ),
    h("tr", { class: "aksel-table__row" }, results.map(() => [th("NOE"), th("Lokalkontor")])),
  ];
  const rows = [...OUTCOMES, "TOTAL"].map((outcome) => {
    const line = (e) => e.table.find((l) => l.outcome === outcome);
    return h(
      "tr",
      { class: "aksel-table__row", dataset: { outcome } },
      rowHead(label("outcome", outcome)),
      cell(format(line(results[0][1]).total)),
      results.map(([key, e]) => [
        cell(format(line(e).selected), { dataset: { method: key, outcome, col: "selected" } }),
        cell(format(line(e).notSelected), { dataset: { method: key, outcome, col: "notSelected" } }),
      ]),
    );
  });
  rows.push(
    h(
      "tr",
      { class: "aksel-table__row" },
      rowHead("Treffsikkerhet"),
      cell(""),
      results.map(([key, e]) => cell(accuracyText(e), { colspan: "2", dataset: { method: key, row: "accuracy" } })),
    ),
  );
  return tableEl(id, caption, head, rows);
}

/** Share to NOE, "without work" to NOE, accuracy and target (Tabell 8). */
function summaryTable(results) {
  const without = (e) => e.table.find((l) => l.outcome === "WITHOUT_WORK").selected.perMonth;
  const lines = [
    ["share", "Andel sendt til NOE", (e) => pct(e.selected.share)],
    ["perMonth", "Sendt til NOE per måned", (e) => int(e.selected.perMonth)],
    ["without", "«Uten arbeid» sendt til NOE per måned", (e) => int(without(e))],
    ["accuracy", "Treffsikkerhet (mål)", accuracyText],
    ["cutoff", "Sannsynlighetsgrense", (e) => (e.cutoff === undefined ? "–" : pct(e.cutoff))],
    ["auc", "AUC", (e) => (e.modelMetrics ? dec2(e.modelMetrics.auc) : "–")],
    ["report", "Rapporten: andel til NOE, treffsikkerhet", (_e, key) => (REPORT[key] ? `${pct0(REPORT[key].share)}, ${pct0(REPORT[key].accuracy)}` : "–")],
  ];
  return tableEl(
    "summary",
    "Sammenligning av i dag, variant A og variant B",
    h("tr", { class: "aksel-table__row" }, th(h("span", { class: "visually-hidden" }, "Mål")), results.map(([key]) => th(NAMES[key] ?? key))),
    lines.map(([row, name, f]) =>
      h("tr", { class: "aksel-table__row", dataset: { row } }, rowHead(name), results.map(([key, e]) => cell(f(e, key), { dataset: { method: key, row } }))),
    ),
  );
}

/** "+222 stabile, −156 uten arbeid per måned til NOE (inn og ut −120, totalt −53)". */
function differenceLine(key, e) {
  const d = Object.fromEntries(e.difference?.selectedPerMonth ?? []);
  return h(
    "li",
    { dataset: { method: key } },
    `${NAMES[key] ?? key} mot i dag: `,
    h(
      "span",
      { class: "difference" },
      `${signed(d.STABLE_WORK ?? 0)} stabile, ${signed(d.WITHOUT_WORK ?? 0)} uten arbeid per måned til NOE`,
    ),
    ` (inn og ut ${signed(d.IN_AND_OUT ?? 0)}, totalt ${signed(d.TOTAL ?? 0)}).`,
  );
}

/** Stacked bars per method and unit, per month (Figur 5). */
function figure(results) {
  const bars = results.flatMap(([key, e]) =>
    ["selected", "notSelected"].map((col) => ({
      key,
      col,
      name: `${NAMES[key] ?? key}: ${col === "selected" ? "NOE" : "lokalkontor"}`,
      parts: OUTCOMES.map((o) => ({ outcome: o, value: e.table.find((l) => l.outcome === o)[col].perMonth })),
      total: e.table.find((l) => l.outcome === "TOTAL")[col].perMonth,
    })),
  );
  const W = 820;
  const left = 210;
  const right = 60;
  const barH = 24;
  const gap = 8;
  const groupGap = 18;
  const max = Math.max(...bars.map((b) => b.total));
  const scale = (W - left - right) / max;
  let y = 8;
  const rows = bars.map((b, i) => {
    if (i > 0 && i % 2 === 0) y += groupGap;
    let x = left;
    const segments = b.parts.map((p) => {
      const w = p.value * scale;
      const seg = s(
        "g",
        {},
        s("rect", { class: `outcome--${p.outcome}`, x, y, width: Math.max(w, 0), height: barH }, s("title", {}, `${label("outcome", p.outcome)}: ${int(p.value)}`)),
        w > 44
          ? s("text", { class: `bar-label on-${p.outcome}`, x: x + w / 2, y: y + barH / 2 + 4, "text-anchor": "middle" }, int(p.value))
          : null,
      );
      x += w;
      return seg;
    });
    const row = s(
      "g",
      { class: "figure-bar", dataset: { method: b.key, col: b.col } },
      s("text", { class: "tick", x: left - 8, y: y + barH / 2 + 4, "text-anchor": "end" }, b.name),
      segments,
      s("text", { class: "tick", x: x + 6, y: y + barH / 2 + 4 }, int(b.total)),
    );
    y += barH + gap;
    return row;
  });
  return s(
    "svg",
    { class: "figure", viewBox: `0 0 ${W} ${y + 4}`, role: "img", "aria-labelledby": "figure-heading figure-desc" },
    s("desc", { id: "figure-desc" }, "Stablede søyler per metode for NOE og lokalkontor, delt på arbeidsutfall. Tallene står i tabellen «per måned» under."),
    rows,
  );
}

function render(results) {
  $("summary-table").replaceChildren(summaryTable(results));
  $("differences").replaceChildren(...results.filter(([key]) => key !== TODAY).map(([key, e]) => differenceLine(key, e)));
  $("figure").replaceChildren(figure(results));
  $("share-table").replaceChildren(outcomeTable("share-tab", "Andel av alle registrerte", results, (c) => pct(c.share)));
  $("month-table").replaceChildren(outcomeTable("month-tab", "Per måned, av 9 000 registrerte", results, (c) => int(c.perMonth)));
}

/** One slider position: a share in percent → every table and the figure. */
function update(percent) {
  const t0 = performance.now();
  const share = percent / 100;
  const results = [[TODAY, today]];
  for (const policy of variants) {
    results.push([policy.id, cohort.evaluate({ policy: policy.id, share, groupColumns: [], compareTo: TODAY_OPTIONS })]);
  }
  $("share-value").textContent = `${percent} %`;
  $("share").setAttribute("aria-valuetext", `${percent} prosent`);
  render(results);
  const ms = performance.now() - t0;
  $("timing").textContent = `Siste oppdatering: ${ms.toLocaleString("nb-NO", { maximumFractionDigits: 1 })} ms (${results.length - 1} evalueringer av ${int(today.rows)} rader, og tegning).`;
  document.body.dataset.share = String(percent);
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function main() {
  let api;
  try {
    api = await ready;
  } catch (e) {
    $("status").textContent = `Beregningsmodulen kunne ikke lastes: ${e?.message ?? e}`;
    return;
  }
  $("version").textContent = api.version();
  $("status").textContent = "Lager en syntetisk kohort med 100 000 registreringer …";
  await nextFrame();
  const t0 = performance.now();
  try {
    cohort = api.Cohort.synthetic({ seed: 1, size: 100000 });
  } catch (e) {
    $("status").textContent = `Kohorten kunne ikke lages: ${e?.kind} ${e?.path} ${e?.message}`;
    return;
  }
  const made = performance.now() - t0;
  const summary = cohort.summary();
  $("cohort-label").replaceChildren(
    summary.synthetic ? "SYNTETISK" : "ikke merket syntetisk",
    " · ",
    code(summary.source),
    ` · regelsett ${summary.ruleset} · utfall: ${OUTCOMES.map((o, i) => `${label("outcome", o).toLowerCase()} ${pct0(summary.outcomeShares[i])}`).join(", ")}`,
  );
  $("synthetic-banner").dataset.synthetic = String(summary.synthetic);
  variants = api.policies().filter((p) => p.method === "MODEL");
  today = cohort.evaluate(TODAY_OPTIONS);

  const slider = $("share");
  slider.addEventListener("input", () => update(Number(slider.value)));
  for (const button of document.querySelectorAll("[data-share]")) {
    button.addEventListener("click", () => {
      slider.value = button.dataset.share;
      update(Number(slider.value));
    });
  }
  addEventListener("pagehide", () => cohort?.free(), { once: true });

  $("figure-legend").replaceChildren(
    ...OUTCOMES.flatMap((o) => [h("span", { class: `swatch swatch--${o}`, "aria-hidden": "true" }), ` ${label("outcome", o)} `]),
  );
  $("main").hidden = false;
  update(Number(slider.value));
  $("status").textContent = `Klar: ${int(summary.rows)} syntetiske registreringer laget på ${int(made)} ms.`;
  document.body.dataset.ready = "true";
}

main();
