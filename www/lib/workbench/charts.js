// The workbench's figures as SVG, drawn at their box's own width so that
// 12 px text stays 12 px on a phone: the Figur 5 bars (NOE and the local
// office per month, by outcome), line charts for the curves (share sent to
// NOE against accuracy or the outcome split) and a model's calibration plot.
// Each figure has a table behind it on the page; lines differ by dash and
// marker as well as by colour, and are named at their ends.
import { s } from "../dom.js";
import { OUTCOMES, methodName } from "./tables.js";

const label = (t, vocabulary, value) => t(`code.${vocabulary}.${value}`);

/**
 * The widths of the blocks figures are drawn in, as a ResizeObserver last
 * saw them: a redraw reads them here instead of asking the box (which would
 * lay the page out again in the middle of a slider move). A block's own box
 * is laid out even while its contents are skipped off screen
 * (`content-visibility: auto`). When a width changes, the block gets a
 * bubbling `wb-width` event, and the page draws its figures again.
 */
const widths = new WeakMap();
const sizes = new ResizeObserver((entries) => {
  for (const e of entries) {
    const before = widths.get(e.target);
    widths.set(e.target, e.contentRect.width);
    if (before !== undefined && Math.abs(before - e.contentRect.width) >= 1) e.target.dispatchEvent(new CustomEvent("wb-width", { bubbles: true }));
  }
});

/** The width to draw a figure in `box` at: its block's width, within limits. */
export function widthOf(box, max = 820) {
  const el = box?.closest?.(".wb-block") ?? box;
  if (!el) return max;
  if (!widths.has(el)) {
    sizes.observe(el);
    widths.set(el, el.clientWidth);
  }
  return Math.max(280, Math.min(max, Math.floor(widths.get(el) || max)));
}

/** Stacked bars per method and side, per month (Figur 5). */
export function figure5(t, results, W, { labelledBy, descId }) {
  const bars = results.flatMap(([key, e]) =>
    ["selected", "notSelected"].map((col) => {
      const side = e.selectedMeans === "STANDARD" ? (col === "selected" ? "wb.col.standard" : "wb.col.notStandard") : col === "selected" ? "wb.col.noe" : "wb.col.local";
      return {
        key,
        col,
        name: t("wb.bar", { name: methodName(t, key), col: t(side) }),
        parts: OUTCOMES.map((o) => ({ outcome: o, value: e.table.find((l) => l.outcome === o)[col].perMonth })),
        total: e.table.find((l) => l.outcome === "TOTAL")[col].perMonth,
      };
    }),
  );
  const narrow = W < 560;
  const left = narrow ? 4 : 230;
  const above = narrow ? 16 : 0;
  const right = 56;
  const barH = 24;
  const gap = 8;
  const groupGap = 18;
  const max = Math.max(1, ...bars.map((b) => b.total));
  const scale = (W - left - right) / max;
  const key = svgLegend(outcomeItems(t), W - 8);
  let y = 8 + key.height;
  const rows = bars.map((b, i) => {
    if (i > 0 && i % 2 === 0) y += groupGap;
    y += above;
    let x = left;
    const segments = b.parts.map((p) => {
      const w = Math.max(p.value * scale, 0);
      const seg = s(
        "g",
        {},
        s("rect", { class: `outcome--${p.outcome}`, x, y, width: w, height: barH }, s("title", {}, `${label(t, "outcome", p.outcome)}: ${t.f.int(p.value)}`)),
        w > 44 ? s("text", { class: `bar-label on-${p.outcome}`, x: x + w / 2, y: y + barH / 2 + 4, "text-anchor": "middle" }, t.f.int(p.value)) : null,
      );
      x += w;
      return seg;
    });
    const row = s(
      "g",
      { class: "figure-bar", dataset: { method: b.key, col: b.col } },
      narrow ? s("text", { class: "tick", x: left, y: y - 4 }, b.name) : s("text", { class: "tick", x: left - 8, y: y + barH / 2 + 4, "text-anchor": "end" }, b.name),
      segments,
      s("text", { class: "tick", x: x + 6, y: y + barH / 2 + 4 }, t.f.int(b.total)),
    );
    y += barH + gap;
    return row;
  });
  return s(
    "svg",
    { class: "figure", viewBox: `0 0 ${W} ${y + 4}`, width: W, height: y + 4, role: "img", "aria-labelledby": `${labelledBy} ${descId}` },
    s("desc", { id: descId }, t("wb.figure.desc")),
    key.nodes,
    rows,
  );
}

const DASHES = ["", "7 4", "2 3", "10 3 2 3"];
const MARKERS = ["circle", "square", "diamond", "triangle"];
/** About the width of a 12 px Source Sans 3 character, for laying out legends. */
const CHAR = 6.0;

function marker(shape, x, y, r, attrs) {
  if (shape === "circle") return s("circle", { cx: x, cy: y, r, ...attrs });
  if (shape === "square") return s("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r, ...attrs });
  if (shape === "diamond") return s("path", { d: `M${x} ${y - r * 1.3}L${x + r * 1.3} ${y}L${x} ${y + r * 1.3}L${x - r * 1.3} ${y}Z`, ...attrs });
  return s("path", { d: `M${x} ${y - r * 1.3}L${x + r * 1.2} ${y + r}L${x - r * 1.2} ${y + r}Z`, ...attrs });
}

/**
 * A legend inside the SVG (so that a downloaded figure keeps it), wrapped
 * to `W`: items `{ name, draw(x, y) }` where `draw` makes the 28 px sample.
 * Returns `{ nodes, height }`.
 */
function svgLegend(items, W, top = 4) {
  const nodes = [];
  let x = 0;
  let y = top + 10;
  for (const item of items) {
    const w = 34 + item.name.length * CHAR + 16;
    if (x > 0 && x + w > W) {
      x = 0;
      y += 18;
    }
    nodes.push(s("g", { class: "legend-item" }, item.draw(x, y - 4), s("text", { class: "tick", x: x + 34, y: y }, item.name)));
    x += w;
  }
  return { nodes, height: items.length ? y + 10 : 0 };
}

/** A legend item for a line of `series` index `i`. */
export function lineItem(sr, i) {
  return {
    name: sr.name,
    draw: (x, y) => s("g", { class: `series ${sr.cls}` }, s("line", { class: "line", x1: x, y1: y, x2: x + 28, y2: y, "stroke-dasharray": DASHES[i % DASHES.length] || null }), sr.marks ? marker(MARKERS[i % MARKERS.length], x + 14, y, 3, { class: "mark" }) : null),
  };
}

/** A legend item for the point markers (the rule tree, the cut-offs on show). */
export function pointItem(name, cls = "point--rule-tree") {
  return { name, draw: (x, y) => s("g", { class: `point ${cls}` }, marker("diamond", x + 14, y, 5, { class: "point-mark" })) };
}

/** A legend item for a filled swatch (a bar's outcome). */
function swatchItem(name, cls) {
  return { name, draw: (x, y) => s("rect", { class: cls, x: x + 6, y: y - 7, width: 16, height: 14, rx: 2 }) };
}

/**
 * A line chart on [0, 1] × [0, yMax] (both as percentages): `series`
 * `[{ name, cls, points: [[x, y], …], marks? }]`, `points`
 * `[{ name, x, y, cls }]` (single markers, such as the rule tree), `legend`
 * items drawn above the plot, `diagonal` for a calibration plot.
 */
export function lineChart(t, W, { id, labelledBy, desc, xLabel, yLabel, series, points = [], legend = [], diagonal = false, yMax = 1 }) {
  const narrow = W < 560;
  const key = svgLegend(legend, W - 8);
  const H = (narrow ? 240 : 300) + key.height;
  const pad = { left: 54, right: 16, top: 12 + key.height, bottom: 40 };
  const iw = W - pad.left - pad.right;
  const ih = H - pad.top - pad.bottom;
  const X = (x) => pad.left + x * iw;
  const Y = (y) => pad.top + ih - (y / yMax) * ih;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const grid = [
    ...ticks.map((k) => k * yMax).map((v) => [s("line", { class: "grid", x1: X(0), x2: X(1), y1: Y(v), y2: Y(v) }), s("text", { class: "tick", x: pad.left - 6, y: Y(v) + 4, "text-anchor": "end" }, t.f.pct0(v))]),
    ...ticks.map((v) => s("text", { class: "tick", x: X(v), y: H - pad.bottom + 16, "text-anchor": v === 0 ? "start" : v === 1 ? "end" : "middle" }, t.f.pct0(v))),
    s("line", { class: "axis", x1: X(0), x2: X(1), y1: Y(0), y2: Y(0) }),
    s("line", { class: "axis", x1: X(0), x2: X(0), y1: Y(0), y2: Y(yMax) }),
    s("text", { class: "tick axis-label", x: X(0.5), y: H - 4, "text-anchor": "middle" }, xLabel),
  ];
  const lines = series.map((sr, i) => {
    const pts = sr.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    const d = pts.map(([x, y], k) => `${k ? "L" : "M"}${X(x).toFixed(1)} ${Y(y).toFixed(1)}`).join("");
    return s(
      "g",
      { class: `series ${sr.cls}`, dataset: { series: sr.key ?? String(i) } },
      s("path", { class: "line", d, fill: "none", "stroke-dasharray": DASHES[i % DASHES.length] || null }),
      sr.marks ? pts.map(([x, y]) => marker(MARKERS[i % MARKERS.length], X(x), Y(y), 3, { class: "mark" })) : null,
    );
  });
  // Point names above their points (right of them, or left near the right
  // edge), pushed apart when two would overlap.
  const labels = points
    .filter((p) => p.name)
    .map((p) => ({ p, x: X(p.x), y: Y(p.y) - 9, end: X(p.x) + p.name.length * CHAR + 12 > W }))
    .sort((a, b) => a.y - b.y);
  for (let i = 0; i < labels.length; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(labels[i].x - labels[j].x) < 110 && Math.abs(labels[i].y - labels[j].y) < 14) labels[i].y = labels[j].y + 14;
    }
  }
  const dots = points.map((p, i) => s("g", { class: `point ${p.cls ?? ""}`, dataset: { point: p.key ?? String(i) } }, marker("diamond", X(p.x), Y(p.y), 5, { class: "point-mark" })));
  const names = labels.map((l) => s("text", { class: "tick point-name", x: l.end ? l.x - 8 : l.x + 8, y: l.y, "text-anchor": l.end ? "end" : "start" }, l.p.name));
  return s(
    "svg",
    { class: "chart", id, viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-labelledby": `${labelledBy} ${id}-desc` },
    s("desc", { id: `${id}-desc` }, desc),
    key.nodes,
    grid,
    diagonal ? s("line", { class: "diagonal", x1: X(0), y1: Y(0), x2: X(1), y2: Y(yMax) }) : null,
    lines,
    dots,
    names,
    s("text", { class: "tick axis-label", x: 0, y: 0, transform: `translate(11 ${pad.top + ih / 2}) rotate(-90)`, "text-anchor": "middle" }, yLabel),
  );
}

/** The legend items of the Figur 5 bars: one swatch per outcome. */
export function outcomeItems(t) {
  return OUTCOMES.map((o) => swatchItem(label(t, "outcome", o), `outcome--${o}`));
}
