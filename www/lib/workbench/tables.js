// The workbench's tables, built from the library's results (the page
// formats numbers; it computes none): Tabell 8 (the comparison), Tabell 5
// (outcome × routing, as shares and per month), the rows a file load
// skipped, a model's weights and a calibration table. Every number cell
// carries its raw value in `data-value`, which the CSV export writes.
import { h } from "../dom.js";

export const OUTCOMES = ["STABLE_WORK", "IN_AND_OUT", "WITHOUT_WORK"];

export const th = (text, attrs = {}) => h("th", { class: "aksel-table__header-cell aksel-label", scope: "col", ...attrs }, text);
export const rowHead = (text, attrs = {}) => h("th", { class: "aksel-table__header-cell aksel-label", scope: "row", ...attrs }, text);
export const cell = (text, attrs = {}) => h("td", { class: "aksel-table__data-cell aksel-body-short num", ...attrs }, text);
export const textCell = (text, attrs = {}) => h("td", { class: "aksel-table__data-cell aksel-body-short", ...attrs }, text);
/** A number cell: `text` shown, `value` (a number, or "" for none) exported. */
export const num = (text, value, attrs = {}) => cell(text, { ...attrs, dataset: { ...(attrs.dataset ?? {}), value: value === undefined || value === null || Number.isNaN(value) ? "" : String(value) } });

/** A table with a caption (kept for screen readers and the CSV file name), a head and a body. */
export function tableEl(id, caption, head, rows, { visibleCaption = false } = {}) {
  return h(
    "table",
    { class: "aksel-table aksel-table--small", id },
    h("caption", { class: visibleCaption ? "table-caption aksel-label" : "visually-hidden" }, caption),
    h("thead", { class: "aksel-table__header" }, head),
    h("tbody", { class: "aksel-table__body" }, rows),
  );
}

/** A method's name in `t`'s language ("I dag (regeltreet)", "Variant A"). */
export const methodName = (t, key) => (t.has(`wb.name.${key}`) ? t(`wb.name.${key}`) : key);
const label = (t, vocabulary, value) => (t.has(`code.${vocabulary}.${value}`) ? t(`code.${vocabulary}.${value}`) : String(value));
const line = (e, outcome) => e.table.find((l) => l.outcome === outcome);

/** "72,1 % mot «stabilt arbeid»". */
export function accuracyText(t, e) {
  return t("wb.accuracyAgainst", { v: t.f.pct(e.accuracy), target: label(t, "target", e.target) });
}

/** The column names of a method's two sides: NOE / local office, or standard / not standard. */
function sides(t, e) {
  return e.selectedMeans === "STANDARD" ? [t("wb.col.standard"), t("wb.col.notStandard")] : [t("wb.col.noe"), t("wb.col.local")];
}

/**
 * Outcome × routing, one column pair per method (Tabell 5): `format(cell)`
 * shows a cell `{count, share, perMonth}`, `value(cell)` is what the CSV gets.
 */
export function outcomeTable(t, id, caption, results, format, value) {
  const head = [
    h(
      "tr",
      { class: "aksel-table__row" },
      th(t("wb.col.outcome"), { rowspan: "2" }),
      th(t("wb.col.all"), { rowspan: "2" }),
      results.map(([key]) => th(methodName(t, key), { colspan: "2", scope: "colgroup" })),
    ),
    h("tr", { class: "aksel-table__row" }, results.map(([, e]) => sides(t, e).map((s) => th(s)))),
  ];
  const rows = [...OUTCOMES, "TOTAL"].map((outcome) =>
    h(
      "tr",
      { class: "aksel-table__row", dataset: { outcome } },
      rowHead(label(t, "outcome", outcome)),
      num(format(line(results[0][1], outcome).total), value(line(results[0][1], outcome).total), { dataset: { col: "total", outcome } }),
      results.map(([key, e]) => [
        num(format(line(e, outcome).selected), value(line(e, outcome).selected), { dataset: { method: key, outcome, col: "selected", count: String(line(e, outcome).selected.count) } }),
        num(format(line(e, outcome).notSelected), value(line(e, outcome).notSelected), { dataset: { method: key, outcome, col: "notSelected", count: String(line(e, outcome).notSelected.count) } }),
      ]),
    ),
  );
  rows.push(
    h(
      "tr",
      { class: "aksel-table__row", dataset: { row: "accuracy" } },
      rowHead(t("wb.accuracy")),
      cell("", { dataset: { value: "" } }),
      results.map(([key, e]) => num(accuracyText(t, e), e.accuracy, { colspan: "2", dataset: { method: key, row: "accuracy" } })),
    ),
  );
  return tableEl(id, caption, head, rows);
}

/** The report's own figures (Tabell 5 and 8), shown beside the cohort's. */
const REPORT = {
  today: { share: 0.37, accuracy: 0.64 },
  counsellor: { share: 0.61, accuracy: 0.66 },
  "variant-a": { share: 0.37, accuracy: 0.72 },
  "variant-b": { share: 0.48, accuracy: 0.68 },
};

/** Share to NOE, per month, "without work" to NOE, accuracy, cut-off, AUC, the report (Tabell 8). */
export function summaryTable(t, results) {
  const without = (e) => line(e, "WITHOUT_WORK").selected;
  const lines = [
    ["share", (e) => [t.f.pct(e.selected.share), e.selected.share]],
    ["perMonth", (e) => [t.f.int(e.selected.perMonth), e.selected.perMonth]],
    ["without", (e) => [t.f.int(without(e).perMonth), without(e).perMonth]],
    ["accuracy", (e) => [accuracyText(t, e), e.accuracy]],
    ["cutoff", (e) => (e.cutoff === undefined ? ["–", ""] : [t.f.dec3(e.cutoff), e.cutoff])],
    ["auc", (e) => (e.modelMetrics ? [t.f.dec3(e.modelMetrics.auc), e.modelMetrics.auc] : ["–", ""])],
    ["report", (_e, key) => (REPORT[key] ? [`${t.f.pct0(REPORT[key].share)}, ${t.f.pct0(REPORT[key].accuracy)}`, `${REPORT[key].share} ${REPORT[key].accuracy}`] : ["–", ""])],
  ];
  return tableEl(
    "summary",
    t("wb.summary.caption"),
    h("tr", { class: "aksel-table__row" }, th(t("wb.col.measure")), results.map(([key]) => th(methodName(t, key), { dataset: { method: key } }))),
    lines.map(([row, f]) =>
      h(
        "tr",
        { class: "aksel-table__row", dataset: { row } },
        rowHead(t(`wb.row.${row}`)),
        results.map(([key, e]) => {
          const [shown, value] = f(e, key);
          return num(shown, value, { dataset: { method: key, row } });
        }),
      ),
    ),
  );
}

/** "Variant A mot i dag: +222 stabile, −156 uten arbeid per måned til NOE (…)". */
export function differenceLine(t, key, e) {
  const d = Object.fromEntries(e.difference?.selectedPerMonth ?? []);
  return h(
    "li",
    { dataset: { method: key } },
    t("wb.difference", { name: methodName(t, key) }),
    h("span", { class: "difference" }, t("wb.differenceMain", { stable: t.f.signed(d.STABLE_WORK ?? 0), without: t.f.signed(d.WITHOUT_WORK ?? 0) })),
    t("wb.differenceRest", { inout: t.f.signed(d.IN_AND_OUT ?? 0), total: t.f.signed(d.TOTAL ?? 0) }),
  );
}

/**
 * The skipped records of a file load: line, field, kind and the library's
 * message. On a phone each record reflows to a block of labelled lines.
 */
export function rejectedTable(t, errors) {
  const table = tableEl(
    "rejected-rows",
    t("wb.rej.caption"),
    h("tr", { class: "aksel-table__row" }, th(t("wb.rej.line")), th(t("wb.rej.field")), th(t("wb.rej.kind")), th(t("wb.rej.message"))),
    errors.map((e) =>
      h(
        "tr",
        { class: "aksel-table__row", dataset: { line: String(e.line) } },
        rowHead(t("wb.rej.lineN", { n: t.f.int(e.line) }), { dataset: { value: String(e.line) } }),
        textCell(e.path ? h("code", { class: "code" }, e.path) : t("wb.rej.wholeRecord"), { dataset: { value: e.path, label: t("wb.rej.field") } }),
        textCell(h("code", { class: "code" }, e.kind), { dataset: { value: e.kind, label: t("wb.rej.kind") } }),
        textCell(e.message, { lang: "en", class: "aksel-table__data-cell aksel-body-short rej-message", dataset: { label: t("wb.rej.message") } }),
      ),
    ),
  );
  table.classList.add("reflow");
  return table;
}

/**
 * A design column of a fitted model in words: "intercept", a category
 * ("situation=HAR_SAGT_OPP") or a bin ("monthsSinceAbove3G=2–7", "=never").
 */
export function columnName(t, column) {
  if (column === "intercept") return t("wb.card.interceptRow");
  const [feature, level] = column.split("=");
  const name = t.has(`wb.card.f.${feature}`) ? t(`wb.card.f.${feature}`) : feature;
  if (level === undefined) return name;
  if (t.has(`code.${feature}.${level}`)) return `${name}: ${t(`code.${feature}.${level}`)}`;
  if (level === "never") return `${name}: ${t("wb.card.never")}`;
  return `${name}: ${level}`;
}

/** A fitted model's coefficients: column, estimate and standard error. */
export function weightsTable(t, id, model) {
  const coefficients = model.fit?.coefficients ?? [];
  return compact(tableEl(
    id,
    t("wb.card.weightsCaption", { name: methodName(t, model.id) }),
    h("tr", { class: "aksel-table__row" }, th(t("wb.card.column")), th(t("wb.card.estimate")), th(t("wb.card.stdError"))),
    coefficients.map((c) =>
      h(
        "tr",
        { class: "aksel-table__row", dataset: { column: c.column } },
        rowHead(columnName(t, c.column), { dataset: { value: c.column } }),
        num(c.aliased ? t("wb.card.aliased") : t.f.signedDec(c.estimate, 3), c.aliased ? "" : c.estimate),
        num(c.stdError === undefined || c.stdError === null ? "–" : t.f.dec3(c.stdError), c.stdError),
      ),
    ),
  ));
}

/** A calibration table: predicted against observed, per bin of predicted probability. */
export function calibrationTable(t, id, name, bins) {
  return compact(tableEl(
    id,
    t("wb.card.calibrationCaption", { name }),
    h("tr", { class: "aksel-table__row" }, th(t("wb.card.bin")), th(t("wb.card.rows")), th(t("wb.card.predicted")), th(t("wb.card.observed"))),
    bins.map((b) =>
      h(
        "tr",
        { class: "aksel-table__row" },
        rowHead(`${t.f.pct0(b.from)}–${t.f.pct0(b.to)}`, { dataset: { value: `${b.from}-${b.to}` } }),
        num(t.f.int(b.count), b.count),
        num(b.count ? t.f.pct(b.meanPredicted) : "–", b.count ? b.meanPredicted : ""),
        num(b.count ? t.f.pct(b.observed) : "–", b.count ? b.observed : ""),
      ),
    ),
  ));
}

/** A table of few columns, that fits a phone without scrolling sideways. */
function compact(table) {
  table.classList.add("compact");
  return table;
}
