// Metrics by group (issue 11, point 5), as the library computes them
// (veivalg/cohort's fairness): for each group column present in the cohort,
// each group's share sent to NOE, accuracy, true- and false-positive rates
// and their ratios to the best-served group of the column. The library
// names the large gaps (a ratio below 0.8, or a false-positive ratio above
// 1.25); the page marks them with a sign and a word as well as a colour.
import { h } from "../dom.js";
import { block } from "./blocks.js";
import { methodName, num, rowHead, tableEl, th } from "./tables.js";

const METRICS = ["selectionRate", "accuracy", "tpr", "fpr"];

/** A group's value in words: "Kvinne", "Født i utlandet", "30–39", a situation, "Ukjent". */
export function groupValue(t, column, value) {
  if (value === "UNKNOWN") return t("wb.group.unknown");
  if (column === "gender") return t(`wb.gender.${value}`);
  if (column === "bornAbroad") return t(value === "true" ? "wb.bornAbroad.yes" : "wb.bornAbroad.no");
  if (column === "ageBand") return t("wb.ageBand", { band: value });
  const key = `code.${column}.${value}`;
  return t.has(key) ? t(key) : value;
}

const pct = (t, x) => (x === undefined || x === null ? "–" : t.f.pct(x));
const ratio = (t, x) => (x === undefined || x === null ? "–" : t.f.dec2(x));

/** One column's table: a row per group, a value and its ratio per metric, gaps marked. */
export function fairnessTable(t, id, fair, col) {
  const head = [
    h(
      "tr",
      { class: "aksel-table__row" },
      th(t("wb.fair.col.group"), { rowspan: "2" }),
      th(t("wb.fair.col.rows"), { rowspan: "2" }),
      METRICS.map((m) => th(t(`wb.fair.metric.${m}.${fair.selectedMeans}`), { colspan: "2", scope: "colgroup" })),
    ),
    h("tr", { class: "aksel-table__row" }, METRICS.map(() => [th(t("wb.fair.col.value")), th(t("wb.fair.col.ratio"))])),
  ];
  const rows = col.groups.map((g) => {
    const gaps = new Set(g.largeGaps ?? []);
    return h(
      "tr",
      { class: `aksel-table__row${gaps.size ? " gap-row" : ""}`, dataset: { value: g.value, gaps: [...gaps].join(" "), compared: String(g.compared) } },
      rowHead([groupValue(t, col.column, g.value), g.compared ? null : h("span", { class: "detail not-compared" }, ` ${t("wb.fair.notCompared")}`)], { dataset: { value: g.value } }),
      num(t.f.int(g.count), g.count),
      METRICS.map((m) => {
        const gap = gaps.has(m);
        const isBest = g.compared && col.best?.[m]?.value === g.value;
        return [
          num(pct(t, g[m]), g[m], { dataset: { metric: m } }),
          num(
            gap ? [h("span", { class: "gap-mark", "aria-hidden": "true" }, "▲ "), ratio(t, g.ratios?.[m]), h("span", { class: "gap-word" }, t("wb.fair.gap"))] : isBest && (g.ratios?.[m] === undefined || g.ratios?.[m] === null)
              ? h("span", { class: "detail" }, t("wb.fair.best"))
              : [ratio(t, g.ratios?.[m]), isBest ? h("span", { class: "detail" }, ` ${t("wb.fair.best")}`) : null],
            g.ratios?.[m],
            { class: `aksel-table__data-cell aksel-body-short num${gap ? " gap" : ""}`, dataset: { metric: m, gap: String(gap) } },
          ),
        ];
      }),
    );
  });
  return tableEl(id, t("wb.fair.caption", { column: t(`wb.group.${col.column}`), name: methodName(t, fair.key) }), head, rows);
}

/**
 * The fairness section: a method select in `select` and one block per
 * group column in `container`. `methods(t, counsellor)` fills the select,
 * `render(t, [key, fairness])` draws the library's tables of that method;
 * `onChange()` runs when another method is chosen.
 */
export function fairnessView(container, select, onChange) {
  const blocks = new Map();
  select.addEventListener("change", () => onChange?.(select.value));
  const note = h("p", { class: "aksel-body-short fair-note" });
  container.append(note);

  function methods(t, counsellor) {
    const keys = ["today", ...(counsellor ? ["counsellor"] : []), "variant-a", "variant-b"];
    const current = select.value || "variant-a";
    select.replaceChildren(...keys.map((k) => h("option", { value: k }, methodName(t, k))));
    select.value = keys.includes(current) ? current : "variant-a";
  }

  function render(t, entry) {
    if (!entry) return;
    const [key, fair] = entry;
    fair.key = key;
    note.replaceChildren(t("wb.fair.note", { min: t.f.int(fair.minGroupSize), target: t(`code.target.${fair.target}`), name: methodName(t, key) }));
    const present = new Set(fair.columns.map((c) => c.column));
    for (const [column, b] of blocks) b.el.hidden = !present.has(column);
    for (const col of fair.columns) {
      if (!blocks.has(col.column)) blocks.set(col.column, block(container, { kind: "table", file: () => `veivalg-grupper-${container.dataset.method}-${col.column}.csv`, id: `fair-${col.column}` }));
      const b = blocks.get(col.column);
      const gaps = col.groups.filter((g) => g.largeGaps?.length).length;
      b.update(t, {
        title: t(`wb.group.${col.column}`),
        helpText: gaps ? t("wb.fair.gaps", { n: gaps }) : t("wb.fair.noGaps"),
        content: fairnessTable(t, `fair-${col.column}-table`, fair, col),
      });
      b.el.dataset.gaps = String(gaps);
    }
    container.dataset.method = key;
  }

  /** Shows `problem` in place of the tables. */
  function fail(problem) {
    for (const [, b] of blocks) b.el.hidden = true;
    note.replaceChildren(problem);
  }

  return { methods, render, fail, selected: () => select.value || "variant-a" };
}
