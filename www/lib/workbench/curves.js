// The curves (issue 11, point 4), from veivalg/cohort's curve of each
// variant: accuracy against each variant's own target as the share sent to
// NOE goes from 0 to 100 % (as far as the policy lets it), and the outcome
// split of those sent; the rule tree is a point on each, and the cut-off on
// show a marked point. Each figure has the table of its points behind it.
import { h } from "../dom.js";
import { block } from "./blocks.js";
import { lineChart, lineItem, pointItem, widthOf } from "./charts.js";
import { methodName, num, rowHead, tableEl, th } from "./tables.js";

const VARIANTS = ["variant-a", "variant-b"];
const SPLIT = [
  ["stableWork", "STABLE_WORK"],
  ["inAndOut", "IN_AND_OUT"],
  ["withoutWork", "WITHOUT_WORK"],
];

function pointsTable(t, id, caption, curve, columns) {
  return tableEl(
    id,
    caption,
    h("tr", { class: "aksel-table__row" }, th(t("wb.curve.share")), th(t("wb.curve.cutoff")), columns.map(([, title]) => th(title))),
    [
      ...curve.points.map((p) =>
        h(
          "tr",
          { class: "aksel-table__row", dataset: { share: String(p.share) } },
          rowHead(t.f.pct(p.share), { dataset: { value: String(p.share) } }),
          num(p.cutoff === undefined ? "–" : t.f.dec3(p.cutoff), p.cutoff),
          columns.map(([field]) => num(t.f.pct(p[field]), p[field])),
        ),
      ),
      h(
        "tr",
        { class: "aksel-table__row rule-tree-row", dataset: { ruleTree: "true" } },
        rowHead(t("wb.curve.ruleTreeRow", { share: t.f.pct(curve.ruleTree.share) }), { dataset: { value: `rule tree ${curve.ruleTree.share}` } }),
        num("–", ""),
        columns.map(([field]) => num(t.f.pct(curve.ruleTree[field]), curve.ruleTree[field])),
      ),
    ],
  );
}

/**
 * The curves section in `container`: `load(client, fitted)` asks the Worker
 * for both curves, `mark(t, results)` moves the points of the cut-offs on
 * show, `language(t)` and `redraw()` draw again.
 */
export function curvesView(container, getT) {
  let curves = null;
  let loads = 0;
  let marks = {};
  let error = null;
  const status = h("p", { class: "aksel-body-short", role: "status" });
  container.append(status);
  const figures = {
    accuracy: block(container, { kind: "figure", file: () => "veivalg-kurve-treffsikkerhet.svg", id: "curve-accuracy" }),
    ...Object.fromEntries(VARIANTS.map((k) => [`split-${k}`, block(container, { kind: "figure", file: () => `veivalg-kurve-utfall-${k}.svg`, id: `curve-split-${k}` })])),
  };
  const tables = {
    accuracy: block(container, { kind: "table", file: () => "veivalg-kurve-treffsikkerhet.csv", level: 4, id: "curve-accuracy-table" }),
    ...Object.fromEntries(VARIANTS.map((k) => [`split-${k}`, block(container, { kind: "table", file: () => `veivalg-kurve-utfall-${k}.csv`, level: 4, id: `curve-split-${k}-table` })])),
  };
  // Each table sits behind its figure, in a <details> the reader opens.
  for (const [key, b] of Object.entries(tables)) {
    const details = h("details", { class: "behind" }, h("summary", { class: "aksel-body-short" }));
    figures[key].el.append(details);
    details.append(b.el);
  }

  /** The accuracy figure alone (it carries the points of the cut-offs on show). */
  function drawAccuracy(t, W) {
    const ruleTree = curves["variant-a"].ruleTree;
    const accuracySeries = VARIANTS.map((k) => ({
      key: k,
      name: t("wb.curve.accuracyOf", { name: methodName(t, k), target: t(`code.target.${curves[k].target}`) }),
      cls: `series--${k}`,
      points: curves[k].points.map((p) => [p.share, p.accuracy]),
    }));
    const accuracyPoints = [
      { key: "rule-tree", name: t("wb.curve.ruleTree"), x: ruleTree.share, y: curves["variant-a"].ruleTreeOwnAccuracy, cls: "point--rule-tree" },
      ...VARIANTS.filter((k) => marks[k]).map((k) => ({ key: k, name: methodName(t, k), x: marks[k].share, y: marks[k].accuracy, cls: `point--${k} point--current` })),
    ];
    figures.accuracy.update(t, {
      title: t("wb.curve.accuracyHeading"),
      helpText: t("wb.curve.accuracyHelp"),
      content: lineChart(t, W, {
        id: "curve-accuracy-svg",
        labelledBy: figures.accuracy.heading.id,
        desc: t("wb.curve.accuracyDesc"),
        xLabel: t("wb.curve.xLabel"),
        yLabel: t("wb.curve.yAccuracy"),
        series: accuracySeries,
        points: accuracyPoints,
        legend: [...accuracySeries.map(lineItem), pointItem(t("wb.curve.ruleTreeLegend")), pointItem(t("wb.curve.currentLegend"), "point--current point--variant-a")],
      }),
    });
  }

  function draw() {
    const t = getT();
    for (const b of [...Object.values(figures), ...Object.values(tables)]) b.el.hidden = !curves;
    if (error) {
      status.textContent = t("wb.curve.unavailable", { message: error.message });
      return;
    }
    if (!curves) return;
    status.textContent = "";
    const W = widthOf(figures.accuracy.body);
    const ruleTree = curves["variant-a"].ruleTree;
    drawAccuracy(t, W);
    figures.accuracy.el.querySelector("details summary").textContent = t("wb.curve.showTable");
    tables.accuracy.update(t, {
      title: t("wb.curve.accuracyTable"),
      content: tableEl(
        "curve-accuracy-points",
        t("wb.curve.accuracyTable"),
        h("tr", { class: "aksel-table__row" }, th(t("wb.curve.share")), VARIANTS.map((k) => [th(t("wb.curve.cutoffOf", { name: methodName(t, k) })), th(t("wb.curve.accuracyOf", { name: methodName(t, k), target: t(`code.target.${curves[k].target}`) }))])),
        [
          ...curves["variant-a"].points.map((p, i) =>
            h(
              "tr",
              { class: "aksel-table__row" },
              rowHead(t.f.pct(p.share), { dataset: { value: String(p.share) } }),
              VARIANTS.map((k) => {
                const q = curves[k].points[i];
                return q ? [num(q.cutoff === undefined ? "–" : t.f.dec3(q.cutoff), q.cutoff), num(t.f.pct(q.accuracy), q.accuracy)] : [num("–", ""), num("–", "")];
              }),
            ),
          ),
          h("tr", { class: "aksel-table__row rule-tree-row" }, rowHead(t("wb.curve.ruleTreeRow", { share: t.f.pct(ruleTree.share) }), { dataset: { value: `rule tree ${ruleTree.share}` } }), num("–", ""), num(t.f.pct(curves["variant-a"].ruleTreeOwnAccuracy), curves["variant-a"].ruleTreeOwnAccuracy), num("–", ""), num(t.f.pct(curves["variant-b"].ruleTree.accuracy), curves["variant-b"].ruleTree.accuracy)),
        ],
      ),
    });
    for (const k of VARIANTS) {
      const c = curves[k];
      const series = SPLIT.map(([field, outcome]) => ({ key: field, name: t(`code.outcome.${outcome}`), cls: `series--${outcome}`, points: c.points.filter((p) => p.count > 0).map((p) => [p.share, p[field]]) }));
      const points = SPLIT.map(([field, outcome]) => ({ key: `rule-tree-${field}`, name: "", x: c.ruleTree.share, y: c.ruleTree[field], cls: `point--rule-tree series--${outcome}` }));
      points[0].name = t("wb.curve.ruleTree");
      const f = figures[`split-${k}`];
      f.update(t, {
        title: t("wb.curve.splitHeading", { name: methodName(t, k) }),
        helpText: t("wb.curve.splitHelp"),
        content: lineChart(t, W, {
          id: `curve-split-${k}-svg`,
          labelledBy: f.heading.id,
          desc: t("wb.curve.splitDesc", { name: methodName(t, k) }),
          xLabel: t("wb.curve.xLabel"),
          yLabel: t("wb.curve.ySplit"),
          series,
          points,
          legend: [...series.map(lineItem), pointItem(t("wb.curve.ruleTreeLegend"))],
        }),
      });
      f.el.querySelector("details summary").textContent = t("wb.curve.showTable");
      tables[`split-${k}`].update(t, {
        title: t("wb.curve.splitTable", { name: methodName(t, k) }),
        content: pointsTable(t, `curve-split-${k}-points`, t("wb.curve.splitTable", { name: methodName(t, k) }), c, SPLIT.map(([field, outcome]) => [field, t(`code.outcome.${outcome}`)])),
      });
    }
    container.dataset.ready = "true";
  }

  return {
    async load(client, fitted) {
      const mine = ++loads;
      curves = null;
      error = null;
      delete container.dataset.ready;
      draw();
      try {
        const got = await client.request("curves", { fitted });
        if (mine !== loads) return;
        curves = Object.fromEntries(got);
      } catch (e) {
        if (mine !== loads) return;
        error = e;
      }
      draw();
    },
    mark(t, results) {
      marks = Object.fromEntries(results.variants.map(([k, e]) => [k, { share: e.selected.share, accuracy: e.accuracy }]));
      if (curves) drawAccuracy(t, widthOf(figures.accuracy.body));
    },
    language: () => draw(),
    redraw: () => draw(),
  };
}
