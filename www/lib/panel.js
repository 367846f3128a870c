// <veivalg-panel>: everything a counsellor needs to see about one
// registration (design §6, report 4.2): the routing under the policy in
// force, the three methods side by side, the rule trace, how far each input
// pulled toward NOE or the local office, what would have changed the
// routing, the self-assessment and the monthly wage history, in bokmål,
// nynorsk or English. No framework and no shadow DOM, so NAV's Aksel CSS
// styles it like the rest of the page (panel.css has fallbacks without it).
//
//   <veivalg-panel lang="nn" person='{"registeredOn": "2025-03-14", …}'></veivalg-panel>
//   panel.person = { … };  panel.policy = "variant-a";  panel.lang = "en";
//
// The panel sets data-state="ready" | "error" | "empty" after each render and
// fires a `veivalg-render` event. Nothing leaves the browser. The wasm
// package is imported relative to this module, so the panel can ship next to
// the package's own veivalg.js; so is its stylesheet, panel.css, which the
// first panel on a page links into <head> unless its rules are there already
// (see linkStylesheet).
import init, * as veivalg from "./veivalg.js";
import { h, s, code } from "./dom.js";
import { translator, normalLang, reasonText } from "./i18n.js";
import { errorText, plainError } from "./errors.js";
import { counterfactualSentence } from "./counterfactual-text.js";

let instances = 0;
let loading = null;
/** The package's exports once the wasm is instantiated (once per page). */
const load = () => (loading ??= Promise.resolve(init()).then(() => veivalg));

/** The panel's stylesheet, next to this module (a bundler sees the URL and ships the file). */
export const STYLESHEET = new URL("./panel.css", import.meta.url).href;
const styled = new WeakSet();

/**
 * Links panel.css where the panel's styles come from — the document's
 * <head>, or the shadow root the panel sits in — once per document or shadow
 * root, unless its rules already reach the panel (panel.css sets
 * `--veivalg-panel-stylesheet` on the element: the page linked it, a bundler
 * imported it, or the page styles the panel itself and set the property to
 * opt out) or a link to it is already there and still loading.
 */
export function linkStylesheet(panel) {
  const root = panel.getRootNode();
  const shadow = root instanceof ShadowRoot;
  if (styled.has(root) || !(shadow || root === panel.ownerDocument)) return;
  styled.add(root);
  if (getComputedStyle(panel).getPropertyValue("--veivalg-panel-stylesheet").trim()) return;
  if ([...root.querySelectorAll('link[rel~="stylesheet"]')].some((l) => l.href === STYLESHEET)) return;
  const link = panel.ownerDocument.createElement("link");
  link.rel = "stylesheet";
  link.href = STYLESHEET;
  link.dataset.veivalgPanel = "";
  (shadow ? root : root.head ?? root.documentElement).append(link);
}

/**
 * Everything one render needs, in one wasm call (`explain`): the decision
 * under the policy in force (or `options.policy`), every shipped MODEL
 * policy's decision (or its error), and 24 months of wage history (or its
 * error). The panel opts in to `gBeyondTable: "LATEST"` (months after the
 * shipped G table get its latest G, and every output that used it carries
 * `gAssumed`); `"latest"` is accepted for it. Throws only when the person
 * itself is invalid.
 */
export function explainPerson(api, person, options = {}) {
  const g = options.gBeyondTable ?? "LATEST";
  return api.explain(person, { months: 24, ...options, gBeyondTable: typeof g === "string" ? g.toUpperCase() : g });
}

/**
 * The G assumption behind an explanation, `{ from, to, g }`, or null: from a
 * decision that carries one, else from the wage history's `gAssumed` months
 * (their monthly G × 12 is the G they were given).
 */
export function gAssumption(x) {
  const decided = x.methods.map((m) => m.decision?.gAssumed).find(Boolean);
  if (decided) return decided;
  const months = (x.wageHistory ?? []).filter((w) => w.gAssumed);
  if (!months.length) return null;
  return { from: months[0].month, to: months.at(-1).month, g: { from: null, nok: Math.round(months[0].monthlyG * 12) } };
}

/** The note for a G assumption in `t`'s language, from the key `key` (panel.gAssumed, citizen.gAssumed). */
export function gNoteText(t, a, key = "panel.gAssumed") {
  const f = t.f;
  return t(key, { from: f.monthLong(a.from), to: f.monthLong(a.to), value: f.nok(a.g.nok), date: a.g.from ? f.date(a.g.from) : "–" });
}

/** Which unit a higher probability of this model's target points to. */
export function higherPointsTo(target) {
  return target === "WITHOUT_WORK" ? "LOCAL_OFFICE" : "NOE";
}

/** An error block: a translated message, then kind, path and the library's own message. */
export function errorBlock(e, title, t) {
  return h(
    "div",
    { class: "aksel-alert error panel-error", "data-color": "danger", role: "alert", dataset: { kind: e?.kind ?? "ERROR" } },
    h(
      "div",
      { class: "aksel-alert__wrapper" },
      h("h3", { class: "aksel-heading aksel-heading--xsmall" }, title),
      h("p", { class: "aksel-body-short error-text" }, errorText(t, e ?? {})),
      h(
        "dl",
        { class: "error-fields aksel-body-short" },
        h("dt", {}, t("panel.errKind")),
        h("dd", { class: "error-kind" }, code(e?.kind ?? "ERROR")),
        h("dt", {}, t("panel.errPath")),
        h("dd", { class: "error-path" }, e?.path ? code(e.path) : t("err.whole")),
        h("dt", {}, t("err.technical")),
        h("dd", { class: "error-message", lang: "en" }, e?.message ?? String(e)),
      ),
    ),
  );
}

const td = (...children) => h("td", { class: "aksel-table__data-cell aksel-body-short" }, ...children);
/** A cell that shows its column name when the table reflows on a phone. */
const tdl = (label, ...children) => h("td", { class: "aksel-table__data-cell aksel-body-short", "data-label": label }, ...children);

function table(caption, headers, rows, attrs = {}) {
  return h(
    "table",
    { class: "aksel-table aksel-table--small", ...attrs },
    caption ? h("caption", { class: "aksel-body-short table-caption" }, caption) : null,
    h(
      "thead",
      { class: "aksel-table__header" },
      h("tr", { class: "aksel-table__row" }, headers.map((x) => h("th", { scope: "col", class: "aksel-table__header-cell aksel-label" }, x))),
    ),
    h("tbody", { class: "aksel-table__body" }, rows),
  );
}

/** A wide table in a container that scrolls sideways, with a visible hint. */
const scroller = (t, el) => [
  h("p", { class: "aksel-detail scroll-hint" }, t("panel.scrollHint")),
  h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("panel.scrollHint") }, el),
];

/** The renderer for one panel in one language. */
class View {
  constructor(t, id) {
    this.t = t;
    this.f = t.f;
    this.id = id;
  }

  code(vocabulary, value) {
    const key = `code.${vocabulary}.${value}`;
    return this.t.has(key) ? this.t(key) : String(value ?? "–");
  }

  methodName(policy) {
    const key = policy.method === "RULE_TREE" ? "panel.method.RULE_TREE" : `panel.method.${policy.id}`;
    return this.t.has(key) ? this.t(key) : policy.id;
  }

  unitTag(unit) {
    return h(
      "span",
      { class: "aksel-tag aksel-tag--small unit-tag", "data-color": unit === "NOE" ? "success" : "info", "data-variant": "moderate", dataset: { unit } },
      this.code("unit", unit),
    );
  }

  section(key, title, ...children) {
    return h(
      "section",
      { class: "panel-section", dataset: { part: key }, "aria-labelledby": `${this.id}-${key}` },
      h("h2", { class: "aksel-heading aksel-heading--medium", id: `${this.id}-${key}` }, title),
      ...children,
    );
  }

  // --- the routing -----------------------------------------------------------

  decision(person, d) {
    const { t } = this;
    const sa = person.answers?.selfAssessment;
    return this.section(
      "decision",
      t("panel.decision"),
      h(
        "p",
        { class: "aksel-body-long verdict", dataset: { unit: d.unit } },
        person.id ? [code(person.id), " "] : null,
        t("panel.verdict"),
        " ",
        h("strong", {}, this.code("unit", d.unit)),
        d.group ? [` (${t("panel.group")}: `, this.code("group", d.group), ")"] : null,
        ".",
      ),
      h(
        "p",
        { class: "aksel-detail" },
        t("panel.policyLine", { date: this.f.date(person.registeredOn), policy: d.policy.id, from: this.f.date(d.policy.validFrom), ruleset: d.ruleset ?? "–" }),
      ),
      h(
        "p",
        { class: "aksel-body-short self-assessment", dataset: { value: sa ?? "" } },
        h("strong", {}, `${t("panel.selfAssessment")}: `),
        sa ? this.code("selfAssessment", sa) : t("panel.selfAssessmentNone"),
        h("span", { class: "detail" }, ` (${t("panel.selfAssessmentNote")})`),
      ),
    );
  }

  methodCard({ policy, decision, error }) {
    const { t } = this;
    const head = [
      h("h3", { class: "aksel-heading aksel-heading--small" }, this.methodName(policy)),
      h("p", { class: "aksel-detail" }, t("panel.policyRef", { id: policy.id, status: t(`panel.policyStatus.${policy.status ?? "IN_FORCE"}`), from: this.f.date(policy.validFrom) })),
    ];
    if (error) {
      return h(
        "section",
        { class: "method-card", dataset: { policy: policy.id, state: "error" } },
        head,
        errorBlock(error, t("panel.methodError"), t),
      );
    }
    const target = decision.model?.target;
    const what =
      decision.method === "MODEL"
        ? h(
            "p",
            { class: "aksel-body-short" },
            `${t(`target.${target}`)}: `,
            h("strong", { class: "probability" }, this.f.pct(decision.probability)),
            ` ${t("panel.cutoff", { cutoff: this.f.pct(decision.cutoff) })}`,
          )
        : h("p", { class: "aksel-body-short" }, `${t("panel.groupLabel")} `, h("strong", {}, this.code("group", decision.group)));
    return h(
      "section",
      { class: "method-card", dataset: { policy: policy.id, unit: decision.unit } },
      head,
      h("p", { class: "aksel-body-short" }, `${t("panel.sentTo")} `, this.unitTag(decision.unit)),
      what,
      this.gNote(decision.gAssumed),
      h(
        "ul",
        { class: "aksel-body-short reasons" },
        decision.reasons.map((r) => h("li", { dataset: { code: r.code } }, reasonText(r, { lang: t.lang }))),
      ),
    );
  }

  /** The G note for an output that used the latest G after the table, or nothing. */
  gNote(a) {
    return a ? h("p", { class: "aksel-body-short g-note", dataset: { from: a.from, to: a.to, g: String(a.g.nok) } }, gNoteText(this.t, a)) : null;
  }

  // --- the rule trace ----------------------------------------------------------

  traceInput(step) {
    const v = step.input;
    switch (step.rule) {
      case "AGE_IN_BAND":
        return this.t("panel.trace.years", { n: v });
      case "HAS_EDUCATION":
        return this.code("education", v);
      case "WORK_HISTORY":
        return this.t("panel.trace.periods", { n: v?.periods ?? 0 });
      default:
        return typeof v === "string" ? this.code("answer", v) : JSON.stringify(v);
    }
  }

  traceDetail(step) {
    const d = step.detail;
    const { t } = this;
    if (!d) return "";
    switch (step.rule) {
      case "HEALTH_OBSTACLES":
      case "OTHER_OBSTACLES":
        return t("panel.trace.countsAsObstacle", { list: (d.countsAsObstacle ?? []).map((a) => this.code("answer", a)).join(", ") });
      case "AGE_IN_BAND":
        return t("panel.trace.band", d);
      case "PASSED_EDUCATION":
      case "APPROVED_EDUCATION":
        return d.primarySchoolCountsAsPassedAndApproved ? t("panel.trace.primarySchool") : "";
      case "WORK_HISTORY":
        return d.test === "MONTH_SAMPLING"
          ? t("panel.trace.sampling", { covered: (d.sampled ?? []).filter((x) => x.covered).length, total: (d.sampled ?? []).length, longest: d.longestMonths ?? 0 })
          : t("panel.trace.intervals", { longest: d.longestMonths ?? 0 });
      default:
        return "";
    }
  }

  trace(decision) {
    const { t } = this;
    const cols = ["#", t("panel.trace.rule"), t("panel.trace.input"), t("panel.trace.holds")];
    // On a phone each step is a block, labelled without the column's "?".
    const labels = [t("panel.trace.step"), cols[1], cols[2], t("panel.trace.holdsLabel")];
    const rows = (decision.trace ?? []).map((step, i) =>
      h(
        "tr",
        { class: "aksel-table__row", dataset: { rule: step.rule, holds: String(step.holds) } },
        tdl(labels[0], String(i + 1)),
        tdl(labels[1], this.code("rule", step.rule), h("br"), code(step.rule)),
        tdl(labels[2], this.traceInput(step), this.traceDetail(step) ? [h("br"), h("span", { class: "detail" }, this.traceDetail(step))] : null),
        tdl(labels[3], h("strong", { class: step.holds ? "holds" : "fails" }, this.code("answer", step.holds ? "JA" : "NEI"))),
      ),
    );
    return this.section(
      "trace",
      t("panel.trace"),
      table(t("panel.traceCaption", { ruleset: decision.ruleset ?? "–" }), cols, rows, { class: "aksel-table aksel-table--small trace reflow", dataset: { part: "trace" } }),
    );
  }

  // --- how each input pulled ----------------------------------------------------

  featureValue(c) {
    if (c.feature === "situation" || c.feature === "education") return this.code(c.feature, c.value);
    if (c.value === null || c.value === undefined) return this.t("panel.never36");
    return this.t("panel.months", { n: c.value });
  }

  /** A bar on the shared scale: `towardNoe` in probability units (+ toward NOE, − toward the local office). */
  bar(towardNoe, max) {
    const W = 200;
    const mid = W / 2;
    const w = (Math.abs(towardNoe) / max) * (mid - 2);
    const unit = towardNoe >= 0 ? "NOE" : "LOCAL_OFFICE";
    return s(
      "svg",
      { class: "push-bar", viewBox: `0 0 ${W} 18`, width: W, height: 18, "aria-hidden": "true", focusable: "false" },
      s("line", { class: "axis", x1: mid, x2: mid, y1: 0, y2: 18 }),
      s("rect", { class: `bar bar--${unit}`, x: unit === "NOE" ? mid : mid - w, y: 3, width: Math.max(w, 1), height: 12 }),
    );
  }

  /** A probability difference as percentage points for a tick: "5", "2,5", "12,5" (never rounded to a wrong tick). */
  points(x) {
    const pp = Math.round(x * 1000) / 10;
    return Number.isInteger(pp) ? this.f.int(pp) : this.f.dec1(pp);
  }

  /** The visible scale above the bars: ticks in percentage points, and which side is which. */
  scale(max, extra = "") {
    const W = 200;
    const mid = W / 2;
    const ticks = [-max, -max / 2, 0, max / 2, max];
    return h(
      "div",
      { class: `push-scale ${extra}` },
      s(
        "svg",
        { class: "push-scale-axis", viewBox: `0 0 ${W} 20`, width: W, height: 20, "aria-hidden": "true", focusable: "false" },
        s("line", { class: "axis", x1: 2, x2: W - 2, y1: 16, y2: 16 }),
        ticks.map((v) => {
          const x = mid + (v / max) * (mid - 2);
          return [
            s("line", { class: "axis", x1: x, x2: x, y1: 12, y2: 20 }),
            s("text", { class: "tick", x, y: 10, "text-anchor": v === -max ? "start" : v === max ? "end" : "middle" }, this.points(Math.abs(v))),
          ];
        }),
      ),
      h(
        "div",
        { class: "push-scale-ends aksel-detail" },
        h("span", { class: "toward toward--LOCAL_OFFICE" }, `← ${this.t("panel.toward.LOCAL_OFFICE")}`),
        h("span", { class: "toward toward--NOE" }, `${this.t("panel.toward.NOE")} →`),
      ),
      h("span", { class: "visually-hidden" }, this.t("panel.scale", { max: this.f.int(max * 100) })),
    );
  }

  contributions(decision, max) {
    const { t, f } = this;
    const target = decision.model?.target;
    const higher = higherPointsTo(target);
    const name = this.methodName({ method: "MODEL", id: decision.model?.id });
    const wf = decision.waterfall;
    const byFeature = Object.fromEntries(decision.contributions.map((c) => [c.feature, c]));
    const cols = [t("panel.col.input"), t("panel.col.value"), t("panel.col.push"), t("panel.col.toward")];
    const rows = wf.steps.map((st) => {
      const dp = st.to - st.from;
      const towardNoe = higher === "NOE" ? dp : -dp;
      const unit = Math.abs(dp) < 0.0005 ? "NONE" : towardNoe > 0 ? "NOE" : "LOCAL_OFFICE";
      const c = byFeature[st.feature];
      return h(
        "tr",
        { class: "aksel-table__row", dataset: { feature: st.feature, pp: String(dp * 100), toward: unit } },
        tdl(cols[0], this.code("feature", st.feature)),
        tdl(cols[1], c ? this.featureValue(c) : "–"),
        tdl(cols[2], h("div", { class: "push-cell" }, this.bar(towardNoe, max), h("span", { class: "pp" }, f.pp(dp)))),
        tdl(cols[3], h("span", { class: `toward toward--${unit}` }, t(`panel.toward.${unit}`))),
      );
    });
    const headers = [cols[0], cols[1], h("span", {}, cols[2], this.scale(max)), cols[3]];
    return h(
      "div",
      { class: "contributions", dataset: { model: decision.model?.id, higher } },
      h("h3", { class: "aksel-heading aksel-heading--xsmall" }, t("panel.contribHeading", { name, target: t(`target.${target}`), p: f.pct(decision.probability) })),
      h("p", { class: "aksel-body-short higher-means" }, t("panel.higherMeans", { target: t(`target.${target}`), unit: higher })),
      h("p", { class: "aksel-body-short baseline" }, t("panel.baseline", { p: f.pct(wf.baselineProbability) })),
      this.scale(max, "push-scale--phone"),
      table(null, headers, rows, { class: "aksel-table aksel-table--small push-table reflow" }),
      h(
        "p",
        { class: "aksel-body-short person-result", dataset: { unit: decision.unit } },
        t("panel.result", { p: f.pct(decision.probability), cutoff: f.pct(decision.cutoff), unit: decision.unit }),
      ),
      h(
        "details",
        { class: "log-odds" },
        h("summary", { class: "aksel-body-short" }, t("panel.logOdds")),
        h("p", { class: "aksel-detail order-note" }, t("panel.orderNote")),
        scroller(
          t,
          table(
            t("panel.logOddsCaption"),
            [t("panel.col.input"), t("panel.col.value"), t("panel.col.bin"), t("panel.col.logit")],
            decision.contributions.map((c) =>
              h("tr", { class: "aksel-table__row", dataset: { feature: c.feature, logit: String(c.logit) } }, td(this.code("feature", c.feature)), td(this.featureValue(c)), td(String(c.bin ?? "–")), td(f.signedDec(c.logit))),
            ),
            { class: "aksel-table aksel-table--small logit-table" },
          ),
        ),
      ),
    );
  }

  // --- what would have changed it -------------------------------------------------

  counterfactualList(decision) {
    const { t, f } = this;
    const cfs = decision.counterfactuals ?? [];
    const target = decision.model?.target;
    return h(
      "div",
      { class: "counterfactuals", dataset: { model: decision.model?.id } },
      h("h3", { class: "aksel-heading aksel-heading--xsmall" }, this.methodName({ method: "MODEL", id: decision.model?.id })),
      cfs.length
        ? h(
            "ul",
            { class: "aksel-body-long" },
            cfs.map((cf) =>
              h(
                "li",
                { class: "counterfactual", dataset: { unit: cf.unit, actionable: String(cf.actionable) } },
                counterfactualSentence(t, cf),
                " ",
                h("span", { class: "detail" }, `(${t(`target.${target}`)} ${f.pct(cf.probability)}; ${cf.kind.map((k) => t(`panel.cf.kind.${k}`)).join(", ")})`),
              ),
            ),
          )
        : h("p", { class: "aksel-body-short" }, t("panel.cf.none")),
    );
  }

  // --- wage history ----------------------------------------------------------------

  /** The chart drawn at `width` CSS pixels, so its 12 px text stays 12 px. */
  wageChart(months, width) {
    const { t, f } = this;
    const W = Math.max(300, Math.min(760, Math.round(width)));
    const H = W < 500 ? 220 : 260;
    const m = { left: W < 500 ? 52 : 70, right: 30, top: 14, bottom: 34 };
    const plotW = W - m.left - m.right;
    const plotH = H - m.top - m.bottom;
    const top = Math.max(...months.map((x) => Math.max(x.nok, 3 * x.monthlyG))) * 1.12;
    const step = top > 80000 ? 20000 : 10000;
    const yMax = Math.ceil(top / step) * step;
    const y = (v) => m.top + plotH - (v / yMax) * plotH;
    const band = plotW / months.length;
    const x = (i) => m.left + i * band;
    const every = W < 500 ? 6 : 3;
    const ticks = [];
    for (let v = 0; v <= yMax; v += step) {
      if (W < 500 && (v / step) % 2 === 1) continue;
      ticks.push(
        s("line", { class: "grid", x1: m.left, x2: W - m.right, y1: y(v), y2: y(v) }),
        s("text", { class: "tick", x: m.left - 6, y: y(v) + 4, "text-anchor": "end" }, f.int(v)),
      );
    }
    const bars = months.map((w, i) => {
      const cls = w.above3G ? "wage-bar wage-bar--above3g" : w.below1G ? "wage-bar wage-bar--below1g" : "wage-bar wage-bar--between";
      return s(
        "rect",
        { class: cls, x: x(i) + band * 0.15, y: y(w.nok), width: band * 0.7, height: Math.max(0, y(0) - y(w.nok)), dataset: { month: w.month } },
        s("title", {}, `${w.month}: ${f.nok(w.nok)} = ${f.dec1(w.ratio)} G`),
      );
    });
    const gLine = (k) =>
      s("path", { class: `g-line g-line--${k}g`, d: months.map((w, i) => `${i ? "L" : "M"}${x(i)} ${y(k * w.monthlyG)} H${x(i + 1)}`).join(" ") });
    const last = months.at(-1);
    const labels = months.map((w, i) =>
      i % every === 0 ? s("text", { class: "tick", x: x(i) + band / 2, y: H - m.bottom + 18, "text-anchor": "middle" }, f.month(w.month)) : null,
    );
    const id = this.id;
    return s(
      "svg",
      { class: "wage-chart", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-labelledby": `${id}-title ${id}-desc` },
      s("title", { id: `${id}-title` }, t("panel.chartTitle", { from: months[0].month, to: last.month })),
      s("desc", { id: `${id}-desc` }, t("panel.chartDesc", { above: months.filter((w) => w.above3G).length, below: months.filter((w) => w.below1G).length, n: months.length })),
      ticks,
      bars,
      gLine(1),
      gLine(3),
      s("text", { class: "g-label", x: W - m.right + 4, y: y(last.monthlyG) + 4 }, "1G"),
      s("text", { class: "g-label", x: W - m.right + 4, y: y(3 * last.monthlyG) + 4 }, "3G"),
      s("line", { class: "axis", x1: m.left, x2: W - m.right, y1: y(0), y2: y(0) }),
      labels,
    );
  }

  wages(months, width) {
    const { t, f } = this;
    if (!months.length) return h("p", { class: "aksel-body-short" }, t("panel.noMonths"));
    const yes = this.code("answer", "JA");
    const no = this.code("answer", "NEI");
    const rows = months.map((w) =>
      h(
        "tr",
        { class: "aksel-table__row", dataset: { month: w.month, ...(w.gAssumed ? { gAssumed: "true" } : {}) } },
        td(w.month),
        td(f.nok(w.nok)),
        td(f.nok(Math.round(w.monthlyG)), w.gAssumed ? [" ", h("span", { class: "detail" }, `(${t("panel.gAssumedMonth")})`)] : null),
        td(`${f.dec2(w.ratio)} G`),
        td(w.above3G ? yes : no),
        td(w.below1G ? yes : no),
      ),
    );
    return h(
      "div",
      { class: "wages" },
      h(
        "p",
        { class: "aksel-body-short legend" },
        h("span", { class: "swatch swatch--above3g", "aria-hidden": "true" }),
        ` ${t("panel.legend.above")} `,
        h("span", { class: "swatch swatch--between", "aria-hidden": "true" }),
        ` ${t("panel.legend.between")} `,
        h("span", { class: "swatch swatch--below1g", "aria-hidden": "true" }),
        ` ${t("panel.legend.below")}. ${t("panel.legend.lines")}`,
      ),
      h("div", { class: "chart-box" }, this.wageChart(months, width)),
      h(
        "details",
        { class: "wage-table" },
        h("summary", { class: "aksel-body-short" }, t("panel.wageTable")),
        scroller(
          t,
          table(
            t("panel.wageCaption"),
            [t("panel.col.month"), t("panel.col.wage"), t("panel.col.monthlyG"), t("panel.col.inG"), t("panel.col.above3G"), t("panel.col.below1G")],
            rows,
            { class: "aksel-table aksel-table--small", dataset: { part: "wage-table" } },
          ),
        ),
      ),
    );
  }
}

// --- the element --------------------------------------------------------------

export class VeivalgPanel extends HTMLElement {
  static observedAttributes = ["person", "policy", "lang"];

  #person = null;
  #policy = null;
  #parseError = null;
  #id = `veivalg-panel-${++instances}`;
  #pending = 0;
  #resize = null;
  #width = 0;

  constructor() {
    super();
    // Properties set on the element before this class was defined.
    for (const name of ["person", "policy"]) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  get person() {
    return this.#person;
  }

  set person(value) {
    this.#person = value ?? null;
    this.#parseError = null;
    this.#update();
  }

  /** A policy id or object; empty for the policy in force on the registration day. */
  get policy() {
    return this.#policy;
  }

  set policy(value) {
    this.#policy = value || null;
    this.#update();
  }

  attributeChangedCallback(name, _old, value) {
    if (name === "lang") return this.#update();
    if (name === "policy") {
      this.#policy = value || null;
      return this.#update();
    }
    this.#parseError = null;
    try {
      this.#person = value ? JSON.parse(value) : null;
    } catch (e) {
      this.#person = null;
      this.#parseError = { kind: "INVALID_JSON", path: "", message: e.message };
    }
    this.#update();
  }

  connectedCallback() {
    linkStylesheet(this);
    // The wage chart is drawn at the panel's width (12 px text stays 12 px):
    // draw again when the width changes by more than a little.
    this.#resize ??= new ResizeObserver(() => {
      if (this.dataset.state === "ready" && Math.abs(this.clientWidth - this.#width) > 40) this.#update();
    });
    this.#resize.observe(this);
    this.#update();
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
  }

  /** The panel's language: its own `lang`, else the nearest ancestor's. */
  get #lang() {
    return normalLang((this.getAttribute("lang") || this.parentElement?.closest("[lang]")?.getAttribute("lang") || "nb").slice(0, 2));
  }

  async #update() {
    const ticket = ++this.#pending;
    const t = translator(this.#lang);
    let api;
    try {
      api = await load();
    } catch (e) {
      this.replaceChildren(errorBlock({ kind: "IO", path: "", message: `${e?.message ?? e}` }, t("panel.loadFailed"), t));
      this.dataset.state = "error";
      return;
    }
    if (ticket !== this.#pending || !this.isConnected) return;
    this.#render(api, t);
    this.dispatchEvent(new CustomEvent("veivalg-render", { bubbles: true }));
  }

  #render(api, t) {
    if (this.#parseError) {
      this.replaceChildren(errorBlock(this.#parseError, t("panel.notJson"), t));
      this.dataset.state = "error";
      return;
    }
    if (!this.#person) {
      this.replaceChildren(h("p", { class: "aksel-body-long" }, t("panel.empty")));
      this.dataset.state = "empty";
      return;
    }
    const person = this.#person;
    let x;
    try {
      x = explainPerson(api, person, this.#policy ? { policy: this.#policy } : {});
    } catch (e) {
      this.replaceChildren(errorBlock(plainError(e), t("panel.cannotAssess"), t));
      this.dataset.state = "error";
      return;
    }
    const v = new View(t, this.#id);
    const models = x.methods.filter((m) => m.decision?.method === "MODEL").map((m) => m.decision);
    // One scale for every model's bars, so A and B can be compared: the
    // largest step, rounded up to 5, 10, 20 or 25 percentage points.
    const largest = Math.max(0, ...models.flatMap((d) => d.waterfall.steps.map((st) => Math.abs(st.to - st.from))));
    const max = [0.05, 0.1, 0.2, 0.25, 0.5, 1].find((m) => m >= largest) ?? 1;
    // Months after the shipped G table were given its latest G (explainPerson
    // opts in): each model card that used it and the wage history say which
    // months and which G.
    const assumed = gAssumption(x);
    const width = this.clientWidth || 720;
    this.#width = width;

    this.replaceChildren(
      v.decision(person, x.inForce),
      v.section(
        "methods",
        t("panel.methods"),
        h("div", { class: "method-grid" }, x.methods.map((m) => v.methodCard(m))),
        h("p", { class: "aksel-detail" }, t("panel.synthetic")),
      ),
      v.trace(x.inForce),
      v.section(
        "contributions",
        t("panel.contributions"),
        h("p", { class: "aksel-body-short" }, t("panel.contributionsIntro")),
        models.length ? models.map((d) => v.contributions(d, max)) : h("p", { class: "aksel-body-short" }, t("panel.noModel")),
      ),
      v.section(
        "counterfactuals",
        t("panel.counterfactuals"),
        h(
          "div",
          { class: "aksel-alert aksel-alert--small", "data-color": "info" },
          h("div", { class: "aksel-alert__wrapper aksel-body-short not-advice" }, t("panel.notAdvice")),
        ),
        models.map((d) => v.counterfactualList(d)),
      ),
      v.section(
        "wages",
        t("panel.wages"),
        x.wageHistoryError
          ? errorBlock(x.wageHistoryError, t("panel.wagesError"), t)
          : [x.wageHistory.some((w) => w.gAssumed) ? v.gNote(assumed) : null, v.wages(x.wageHistory, width)],
      ),
      h(
        "details",
        { class: "raw" },
        h("summary", { class: "aksel-body-short" }, t("panel.raw")),
        h("pre", { class: "aksel-body-short" }, JSON.stringify(x.methods.map((m) => m.decision ?? { error: m.error }), null, 2)),
      ),
    );
    this.dataset.state = "ready";
  }
}

if (!customElements.get("veivalg-panel")) customElements.define("veivalg-panel", VeivalgPanel);
