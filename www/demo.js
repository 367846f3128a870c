// The analysts' page: a SYNTHETIC cohort of 100 000 registrations held in
// wasm memory, today's rule tree next to variants A and B, and a slider for
// the share sent to NOE. A slider move is two `cohort.evaluate({ policy,
// share })` calls (a number in, a table out; nothing is re-scored) and a
// redraw. Texts in bokmål, nynorsk or English (the switch, or ?lang=nn|en).
// Nothing is sent anywhere.
import { ready } from "./lib/veivalg.js";
import { ready as cohortReady } from "./lib/veivalg-cohort.js";
import { $, h, s, code } from "./lib/dom.js";
import { setupPage } from "./lib/page.js";

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

let t;
let lastPercent = null;
const label = (vocabulary, value) => t(`code.${vocabulary}.${value}`);
const nameOf = (key) => (t.has(`demo.name.${key}`) ? t(`demo.name.${key}`) : key);

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
  return t("demo.accuracyAgainst", { v: t.f.pct(e.accuracy), target: label("target", e.target) });
}

/** Outcome × NOE/local office, one column pair per method (Tabell 5). */
function outcomeTable(id, caption, results, format) {
  const head = [
    h(
      "tr",
      { class: "aksel-table__row" },
      th(t("demo.col.outcome"), { rowspan: "2" }),
      th(t("demo.col.all"), { rowspan: "2" }),
      results.map(([key]) => th(nameOf(key), { colspan: "2", scope: "colgroup" })),
    ),
    h("tr", { class: "aksel-table__row" }, results.map(() => [th(t("demo.col.noe")), th(t("demo.col.local"))])),
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
      rowHead(t("demo.accuracy")),
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
    ["share", (e) => t.f.pct(e.selected.share)],
    ["perMonth", (e) => t.f.int(e.selected.perMonth)],
    ["without", (e) => t.f.int(without(e))],
    ["accuracy", accuracyText],
    ["cutoff", (e) => (e.cutoff === undefined ? "–" : t.f.pct(e.cutoff))],
    ["auc", (e) => (e.modelMetrics ? t.f.dec2(e.modelMetrics.auc) : "–")],
    ["report", (_e, key) => (REPORT[key] ? `${t.f.pct0(REPORT[key].share)}, ${t.f.pct0(REPORT[key].accuracy)}` : "–")],
  ];
  return tableEl(
    "summary",
    t("demo.summaryCaption"),
    h("tr", { class: "aksel-table__row" }, th(h("span", { class: "visually-hidden" }, t("demo.col.measure"))), results.map(([key]) => th(nameOf(key)))),
    lines.map(([row, f]) =>
      h("tr", { class: "aksel-table__row", dataset: { row } }, rowHead(t(`demo.row.${row}`)), results.map(([key, e]) => cell(f(e, key), { dataset: { method: key, row } }))),
    ),
  );
}

/** "+222 stabile, −156 uten arbeid per måned til NOE (inn og ut −120, totalt −53)". */
function differenceLine(key, e) {
  const d = Object.fromEntries(e.difference?.selectedPerMonth ?? []);
  return h(
    "li",
    { dataset: { method: key } },
    t("demo.difference", { name: nameOf(key) }),
    h("span", { class: "difference" }, t("demo.differenceMain", { stable: t.f.signed(d.STABLE_WORK ?? 0), without: t.f.signed(d.WITHOUT_WORK ?? 0) })),
    t("demo.differenceRest", { inout: t.f.signed(d.IN_AND_OUT ?? 0), total: t.f.signed(d.TOTAL ?? 0) }),
  );
}

/** Stacked bars per method and unit, per month (Figur 5). */
function figure(results) {
  const bars = results.flatMap(([key, e]) =>
    ["selected", "notSelected"].map((col) => ({
      key,
      col,
      name: t("demo.bar", { name: nameOf(key), col: t(col === "selected" ? "demo.col.noe" : "demo.col.local") }),
      parts: OUTCOMES.map((o) => ({ outcome: o, value: e.table.find((l) => l.outcome === o)[col].perMonth })),
      total: e.table.find((l) => l.outcome === "TOTAL")[col].perMonth,
    })),
  );
  // Drawn at the box's own width, so the 12 px labels stay 12 px on a phone,
  // where each bar's name goes above it instead of to its left.
  const W = Math.max(300, Math.min(820, $("figure").clientWidth || 820));
  const narrow = W < 560;
  const left = narrow ? 4 : 210;
  const above = narrow ? 16 : 0;
  const right = 60;
  const barH = 24;
  const gap = 8;
  const groupGap = 18;
  const max = Math.max(...bars.map((b) => b.total));
  const scale = (W - left - right) / max;
  let y = 8;
  const rows = bars.map((b, i) => {
    if (i > 0 && i % 2 === 0) y += groupGap;
    y += above;
    let x = left;
    const segments = b.parts.map((p) => {
      const w = p.value * scale;
      const seg = s(
        "g",
        {},
        s("rect", { class: `outcome--${p.outcome}`, x, y, width: Math.max(w, 0), height: barH }, s("title", {}, `${label("outcome", p.outcome)}: ${t.f.int(p.value)}`)),
        w > 44
          ? s("text", { class: `bar-label on-${p.outcome}`, x: x + w / 2, y: y + barH / 2 + 4, "text-anchor": "middle" }, t.f.int(p.value))
          : null,
      );
      x += w;
      return seg;
    });
    const row = s(
      "g",
      { class: "figure-bar", dataset: { method: b.key, col: b.col } },
      narrow
        ? s("text", { class: "tick", x: left, y: y - 4 }, b.name)
        : s("text", { class: "tick", x: left - 8, y: y + barH / 2 + 4, "text-anchor": "end" }, b.name),
      segments,
      s("text", { class: "tick", x: x + 6, y: y + barH / 2 + 4 }, t.f.int(b.total)),
    );
    y += barH + gap;
    return row;
  });
  return s(
    "svg",
    { class: "figure", viewBox: `0 0 ${W} ${y + 4}`, width: W, height: y + 4, role: "img", "aria-labelledby": "figure-heading figure-desc" },
    s("desc", { id: "figure-desc" }, t("demo.figureDesc")),
    rows,
  );
}

function render(results) {
  $("summary-table").replaceChildren(summaryTable(results));
  $("differences").replaceChildren(...results.filter(([key]) => key !== TODAY).map(([key, e]) => differenceLine(key, e)));
  $("figure").replaceChildren(figure(results));
  $("share-table").replaceChildren(outcomeTable("share-tab", t("demo.shareCaption"), results, (c) => t.f.pct(c.share)));
  $("month-table").replaceChildren(outcomeTable("month-tab", t("demo.monthCaption"), results, (c) => t.f.int(c.perMonth)));
}

/** One slider position: a share in percent → every table and the figure. */
function update(percent) {
  const t0 = performance.now();
  const share = percent / 100;
  const results = [[TODAY, today]];
  for (const policy of variants) {
    results.push([policy.id, cohort.evaluate({ policy: policy.id, share, groupColumns: [], compareTo: TODAY_OPTIONS })]);
  }
  lastPercent = percent;
  $("share-value").textContent = `${percent} %`;
  $("share").setAttribute("aria-valuetext", t("demo.percentText", { v: percent }));
  render(results);
  const ms = performance.now() - t0;
  $("timing").textContent = t("demo.timing", { ms: t.f.dec1(ms), n: results.length - 1, rows: t.f.int(today.rows) });
  document.body.dataset.share = String(percent);
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

let summary;
let made;

function cohortLabel() {
  $("cohort-label").replaceChildren(
    summary.synthetic ? t("demo.synthetic") : t("demo.notSynthetic"),
    " · ",
    code(summary.source),
    ` · ${t("demo.cohortLabel", { ruleset: summary.ruleset, shares: OUTCOMES.map((o, i) => `${label("outcome", o).toLowerCase()} ${t.f.pct0(summary.outcomeShares[i])}`).join(", ") })}`,
  );
  $("figure-legend").replaceChildren(
    ...OUTCOMES.flatMap((o) => [h("span", { class: `swatch swatch--${o}`, "aria-hidden": "true" }), ` ${label("outcome", o)} `]),
  );
  $("status").textContent = t("demo.ready", { rows: t.f.int(summary.rows), ms: t.f.int(made) });
}

async function main() {
  const page = setupPage({
    onLanguage: (next) => {
      t = next;
      if (!summary) $("status").textContent = t("status.loading");
      else {
        cohortLabel();
        if (lastPercent !== null) update(lastPercent);
      }
    },
  });
  let api;
  let Cohort;
  try {
    [api, { Cohort }] = await Promise.all([ready, cohortReady]);
  } catch (e) {
    $("status").textContent = page.t("status.loadFailed", { message: e?.message ?? String(e) });
    return;
  }
  $("version").textContent = `· veivalg ${api.version()}`;
  $("status").textContent = t("demo.making");
  await nextFrame();
  const t0 = performance.now();
  try {
    cohort = Cohort.synthetic({ seed: 1, size: 100000 });
  } catch (e) {
    $("status").textContent = `${t("demo.cohortFailed")} ${e?.kind} ${e?.path} ${e?.message}`;
    return;
  }
  made = performance.now() - t0;
  summary = cohort.summary();
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

  $("main").hidden = false;
  update(Number(slider.value));
  cohortLabel();
  document.body.dataset.ready = "true";
}

main();
