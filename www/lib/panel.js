// <veivalg-panel>: everything a counsellor needs to see about one
// registration (design §6, report 4.2): the routing under the policy in
// force, the three methods side by side, the rule trace, how each input
// weighed in the models, what would have changed the routing, and the
// monthly wage history. No framework and no shadow DOM, so NAV's Aksel CSS
// styles it like the rest of the page.
//
//   <veivalg-panel person='{"registeredOn": "2025-03-14", …}'></veivalg-panel>
//   panel.person = { … };            // or set the property
//
// The panel sets data-state="ready" | "error" | "empty" after each render and
// fires a `veivalg-render` event. Nothing leaves the browser.
import { ready } from "./veivalg.js";
import { h, s, code, pct, int, dec1, dec2, nok, signedDec } from "./dom.js";
import { label, reasonText } from "./i18n.js";

let instances = 0;

const METHOD_NAMES = {
  RULE_TREE: "Dagens regeltre",
  "variant-a": "Variant A",
  "variant-b": "Variant B",
};

const TARGET_PHRASE = {
  STABLE_WORK: "sannsynlighet for stabilt arbeid",
  WITHOUT_WORK: "sannsynlighet for å bli uten arbeid",
  NOT_WITHOUT_WORK: "sannsynlighet for ikke å bli uten arbeid",
};

const KIND_NOTE = {
  PAST_WAGES: "tidligere lønn: beskriver fortiden",
  SELF_REPORTED: "egen oppgitt situasjon: må beskrive den virkelige situasjonen",
};

/** An error block: kind, path and message, as every veivalg function throws them. */
export function errorBlock(e, title = "Kunne ikke vurderes") {
  return h(
    "div",
    { class: "aksel-alert error panel-error", "data-color": "danger", role: "alert", dataset: { kind: e?.kind ?? "ERROR" } },
    h(
      "div",
      { class: "aksel-alert__wrapper" },
      h("h3", { class: "aksel-heading aksel-heading--xsmall" }, title),
      h("p", { class: "aksel-body-short error-message", lang: "en" }, e?.message ?? String(e)),
      h(
        "dl",
        { class: "error-fields aksel-body-short" },
        h("dt", {}, "Feiltype ", h("span", { lang: "en" }, "(kind)")),
        h("dd", { class: "error-kind" }, code(e?.kind ?? "ERROR")),
        h("dt", {}, "Felt ", h("span", { lang: "en" }, "(path)")),
        h("dd", { class: "error-path" }, e?.path ? code(e.path) : "hele registreringen"),
      ),
    ),
  );
}

function unitTag(unit) {
  return h(
    "span",
    { class: "aksel-tag aksel-tag--small unit-tag", "data-color": unit === "NOE" ? "success" : "info", "data-variant": "moderate", dataset: { unit } },
    label("unit", unit),
  );
}

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

const td = (...children) => h("td", { class: "aksel-table__data-cell aksel-body-short" }, ...children);

// --- the rule trace ----------------------------------------------------------

function traceInput(step) {
  const v = step.input;
  switch (step.rule) {
    case "AGE_IN_BAND":
      return `${v} år`;
    case "HAS_EDUCATION":
      return label("education", v);
    case "WORK_HISTORY":
      return `${v?.periods ?? 0} arbeidsforhold`;
    default:
      return typeof v === "string" ? label("answer", v) : JSON.stringify(v);
  }
}

function traceDetail(step) {
  const d = step.detail;
  if (!d) return "";
  switch (step.rule) {
    case "HEALTH_OBSTACLES":
    case "OTHER_OBSTACLES":
      return `Regnes som hindring: ${(d.countsAsObstacle ?? []).map((a) => label("answer", a)).join(", ")}`;
    case "AGE_IN_BAND":
      return `Grense ${d.min}–${d.max} år`;
    case "PASSED_EDUCATION":
    case "APPROVED_EDUCATION":
      return d.primarySchoolCountsAsPassedAndApproved ? "Grunnskole teller som bestått og godkjent i dette regelsettet" : "";
    case "WORK_HISTORY": {
      const test =
        d.test === "MONTH_SAMPLING"
          ? `Stikkprøve av den 1. i hver måned: ${(d.sampled ?? []).filter((x) => x.covered).length} av ${(d.sampled ?? []).length} dager dekket`
          : "Sammenhengende perioder (slått sammen)";
      return `${test}; lengste sammenhengende: ${d.longestMonths ?? 0} måneder`;
    }
    default:
      return "";
  }
}

function traceTable(decision) {
  const rows = (decision.trace ?? []).map((step, i) =>
    h(
      "tr",
      { class: "aksel-table__row", dataset: { rule: step.rule, holds: String(step.holds) } },
      td(String(i + 1)),
      td(label("rule", step.rule), h("br"), code(step.rule)),
      td(traceInput(step), traceDetail(step) ? [h("br"), h("span", { class: "detail" }, traceDetail(step))] : null),
      td(h("strong", { class: step.holds ? "holds" : "fails" }, step.holds ? "Ja" : "Nei")),
    ),
  );
  return table(
    `Regelsett ${decision.ruleset ?? "–"}, i den rekkefølgen reglene ble sjekket`,
    ["#", "Regel", "Grunnlag", "Oppfylt?"],
    rows,
    { class: "aksel-table aksel-table--small trace", dataset: { part: "trace" } },
  );
}

// --- the three methods -------------------------------------------------------

function methodCard({ policy, decision, error }) {
  const name = policy.method === "RULE_TREE" ? METHOD_NAMES.RULE_TREE : METHOD_NAMES[policy.id] ?? policy.id;
  const status = policy.status === "PROPOSAL" ? "forslag" : "i kraft";
  const head = [
    h("h3", { class: "aksel-heading aksel-heading--small" }, name),
    h("p", { class: "aksel-detail" }, "Retningslinje ", code(policy.id), ` (${status}, fra ${policy.validFrom})`),
  ];
  if (error) {
    return h("section", { class: "method-card", dataset: { policy: policy.id, state: "error" } }, head, errorBlock(error));
  }
  const what =
    decision.method === "MODEL"
      ? h(
          "p",
          { class: "aksel-body-short" },
          `${TARGET_PHRASE[decision.model?.target] ?? "sannsynlighet"}: `,
          h("strong", { class: "probability" }, pct(decision.probability)),
          ` (grense ${pct(decision.cutoff)})`,
        )
      : h("p", { class: "aksel-body-short" }, "Gruppe: ", h("strong", {}, label("group", decision.group)));
  return h(
    "section",
    { class: "method-card", dataset: { policy: policy.id, unit: decision.unit } },
    head,
    h("p", { class: "aksel-body-short" }, "Sendes til ", unitTag(decision.unit)),
    what,
    h(
      "ul",
      { class: "aksel-body-short reasons" },
      decision.reasons.map((r) => h("li", { dataset: { code: r.code } }, reasonText(r))),
    ),
  );
}

// --- contributions -----------------------------------------------------------

function featureValue(c) {
  if (c.feature === "situation" || c.feature === "education") return label(c.feature, c.value);
  if (c.value === null || c.value === undefined) return "aldri (siste 36 måneder)";
  return `${c.value} mnd`;
}

function contributionBars(decision, max) {
  const target = decision.model?.target;
  const W = 220;
  const mid = W / 2;
  const rows = decision.contributions.map((c) => {
    const w = (Math.abs(c.logit) / max) * (mid - 4);
    const up = c.logit >= 0;
    const bar = s(
      "svg",
      { class: "contrib-bar", viewBox: `0 0 ${W} 20`, width: W, height: 20, "aria-hidden": "true", focusable: "false" },
      s("line", { class: "axis", x1: mid, x2: mid, y1: 0, y2: 20 }),
      s("rect", { class: `bar ${up ? "bar--up" : "bar--down"}`, x: up ? mid : mid - w, y: 4, width: Math.max(w, 1), height: 12 }),
    );
    const toward = (up === (target === "WITHOUT_WORK")) ? "mot lokalkontor" : "mot NOE";
    const words =
      Math.abs(c.logit) < 0.005 ? "omtrent som en typisk registrert" : `${up ? "trekker opp" : "trekker ned"} (${toward})`;
    return h(
      "tr",
      { class: "aksel-table__row", dataset: { feature: c.feature, logit: String(c.logit) } },
      td(label("feature", c.feature)),
      td(featureValue(c), c.value !== null && c.bin !== String(c.value) && c.feature.startsWith("months") ? [h("br"), h("span", { class: "detail" }, `intervall ${c.bin} mnd`)] : null),
      td(h("div", { class: "contrib-cell" }, bar, h("span", {}, `${signedDec(c.logit)} `, h("span", { class: "detail" }, words)))),
    );
  });
  const wf = decision.waterfall;
  const steps = wf
    ? h(
        "ol",
        { class: "aksel-body-short waterfall", dataset: { order: wf.order } },
        h("li", {}, `En typisk registrert: ${pct(wf.baselineProbability)}`),
        wf.steps.map((st) =>
          h("li", {}, `${label("feature", st.feature)}: ${signedDec((st.to - st.from) * 100, 1)} prosentpoeng → ${pct(st.to)}`),
        ),
      )
    : null;
  return h(
    "div",
    { class: "contributions", dataset: { model: decision.model?.id } },
    h(
      "h3",
      { class: "aksel-heading aksel-heading--xsmall" },
      `${METHOD_NAMES[decision.model?.id] ?? decision.model?.id}: ${TARGET_PHRASE[target] ?? ""} ${pct(decision.probability)}`,
    ),
    table(
      `Bidrag til ${TARGET_PHRASE[target] ?? "sannsynligheten"}, sammenlignet med en typisk registrert (log-odds: til høyre opp, til venstre ned)`,
      ["Opplysning", "Personens verdi", "Bidrag"],
      rows,
      { class: "aksel-table aksel-table--small contrib-table" },
    ),
    steps
      ? h(
          "details",
          { class: "waterfall-details" },
          h("summary", { class: "aksel-body-short" }, "Steg for steg i prosent"),
          steps,
          h(
            "p",
            { class: "aksel-detail order-note" },
            "Rekkefølgen er modellfilens (",
            code(wf.order),
            "). Prosentpoengene per steg avhenger av rekkefølgen opplysningene legges til i; bidragene i log-odds over gjør det ikke, og de summerer seg eksakt.",
          ),
        )
      : null,
  );
}

// --- counterfactuals ----------------------------------------------------------

function changePhrase(c) {
  switch (c.feature) {
    case "situation":
      return `situasjonen «${label("situation", c.to)}» i stedet for «${label("situation", c.from)}»`;
    case "monthsAbove3GLast24":
      return `${c.to} i stedet for ${c.from} måneder over 3G siste 24 måneder`;
    case "monthsSinceAbove3G":
      if (c.from === null) return `lønn over 3G for ${c.to} måneder siden i stedet for ingen gang de siste 36 månedene`;
      if (c.to === null) return `ingen lønn over 3G de siste 36 månedene i stedet for for ${c.from} måneder siden`;
      return `lønn over 3G for ${c.to} i stedet for ${c.from} måneder siden`;
    default:
      return `${label("feature", c.feature)} ${c.to} i stedet for ${c.from}`;
  }
}

/** "Med 17 i stedet for 16 måneder over 3G siste 24 måneder ville personen blitt sendt til NOE." */
export function counterfactualSentence(cf) {
  const to = cf.unit === "NOE" ? "NOE" : "et lokalt NAV-kontor";
  return `Med ${cf.changes.map(changePhrase).join(" og ")} ville personen blitt sendt til ${to}.`;
}

function counterfactualList(decision) {
  const name = METHOD_NAMES[decision.model?.id] ?? decision.model?.id;
  const cfs = decision.counterfactuals ?? [];
  return h(
    "div",
    { class: "counterfactuals", dataset: { model: decision.model?.id } },
    h("h3", { class: "aksel-heading aksel-heading--xsmall" }, name),
    cfs.length
      ? h(
          "ul",
          { class: "aksel-body-long" },
          cfs.map((cf) =>
            h(
              "li",
              { class: "counterfactual", dataset: { unit: cf.unit } },
              counterfactualSentence(cf),
              " ",
              h("span", { class: "detail" }, `(${TARGET_PHRASE[decision.model?.target] ?? ""} ${pct(cf.probability)}; ${cf.kind.map((k) => KIND_NOTE[k] ?? k).join(", ")})`),
            ),
          ),
        )
      : h(
          "p",
          { class: "aksel-body-short" },
          "Ingen endring i modellens opplysninger ville endret sorteringen: aldersgrensen eller en regel som alltid sender personen til lokalkontoret avgjør den.",
        ),
  );
}

// --- wage history -------------------------------------------------------------

const MONTH = new Intl.DateTimeFormat("nb-NO", { month: "short", year: "2-digit", timeZone: "UTC" });
const monthName = (ym) => MONTH.format(new Date(`${ym}-01T00:00:00Z`));

function wageChart(months, id) {
  const W = 720;
  const H = 260;
  const m = { left: 70, right: 36, top: 14, bottom: 34 };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const top = Math.max(...months.map((x) => Math.max(x.nok, 3 * x.monthlyG))) * 1.12;
  const step = top > 80000 ? 20000 : 10000;
  const yMax = Math.ceil(top / step) * step;
  const y = (v) => m.top + plotH - (v / yMax) * plotH;
  const band = plotW / months.length;
  const x = (i) => m.left + i * band;
  const ticks = [];
  for (let v = 0; v <= yMax; v += step) {
    ticks.push(
      s("line", { class: "grid", x1: m.left, x2: W - m.right, y1: y(v), y2: y(v) }),
      s("text", { class: "tick", x: m.left - 6, y: y(v) + 4, "text-anchor": "end" }, int(v)),
    );
  }
  const bars = months.map((w, i) => {
    const cls = w.above3G ? "wage-bar wage-bar--above3g" : w.below1G ? "wage-bar wage-bar--below1g" : "wage-bar wage-bar--between";
    return s(
      "rect",
      { class: cls, x: x(i) + band * 0.15, y: y(w.nok), width: band * 0.7, height: Math.max(0, y(0) - y(w.nok)), dataset: { month: w.month } },
      s("title", {}, `${w.month}: ${nok(w.nok)} = ${dec1(w.ratio)} G`),
    );
  });
  const gLine = (k) =>
    s("path", {
      class: `g-line g-line--${k}g`,
      d: months.map((w, i) => `${i ? "L" : "M"}${x(i)} ${y(k * w.monthlyG)} H${x(i + 1)}`).join(" "),
    });
  const last = months.at(-1);
  const labels = months.map((w, i) =>
    i % 3 === 0 ? s("text", { class: "tick", x: x(i) + band / 2, y: H - m.bottom + 16, "text-anchor": "middle" }, monthName(w.month)) : null,
  );
  const above = months.filter((w) => w.above3G).length;
  const below = months.filter((w) => w.below1G).length;
  return s(
    "svg",
    { class: "wage-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc` },
    s("title", { id: `${id}-title` }, `Månedslønn ${months[0].month} til ${last.month}, i kroner, med 1G- og 3G-linjer`),
    s(
      "desc",
      { id: `${id}-desc` },
      `${above} av ${months.length} måneder over 3G og ${below} under 1G. Tallene står i tabellen under figuren.`,
    ),
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

function wageSection(months, id) {
  if (!months.length) return h("p", { class: "aksel-body-short" }, "Ingen måneder å vise.");
  const rows = months.map((w) =>
    h(
      "tr",
      { class: "aksel-table__row", dataset: { month: w.month } },
      td(w.month),
      td(nok(w.nok)),
      td(nok(Math.round(w.monthlyG))),
      td(`${dec2(w.ratio)} G`),
      td(w.above3G ? "Ja" : "Nei"),
      td(w.below1G ? "Ja" : "Nei"),
    ),
  );
  return h(
    "div",
    { class: "wages" },
    h(
      "p",
      { class: "aksel-body-short legend" },
      h("span", { class: "swatch swatch--above3g", "aria-hidden": "true" }),
      " over 3G ",
      h("span", { class: "swatch swatch--between", "aria-hidden": "true" }),
      " mellom 1G og 3G ",
      h("span", { class: "swatch swatch--below1g", "aria-hidden": "true" }),
      " under 1G. Linjene er 1G og 3G per måned (G/12 og 3 × G/12, grunnbeløpet i kraft den måneden).",
    ),
    wageChart(months, id),
    h(
      "details",
      { class: "wage-table" },
      h("summary", { class: "aksel-body-short" }, "Vis lønnshistorikken som tabell"),
      table(
        "Månedslønn før registreringsmåneden, eldste først. «I G»: lønnen delt på G/12.",
        ["Måned", "Lønn", "G/12 den måneden", "I G", "Over 3G", "Under 1G"],
        rows,
        { class: "aksel-table aksel-table--small", dataset: { part: "wage-table" } },
      ),
    ),
  );
}

// --- the element --------------------------------------------------------------

export class VeivalgPanel extends HTMLElement {
  static observedAttributes = ["person"];

  #person = null;
  #parseError = null;
  #id = `veivalg-panel-${++instances}`;
  #pending = 0;

  constructor() {
    super();
    // A `person` set on the element before this class was defined.
    if (Object.hasOwn(this, "person")) {
      const value = this.person;
      delete this.person;
      this.#person = value ?? null;
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

  attributeChangedCallback(name, _old, value) {
    if (name !== "person") return;
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
    this.#update();
  }

  async #update() {
    const ticket = ++this.#pending;
    let api;
    try {
      api = await ready;
    } catch (e) {
      this.replaceChildren(errorBlock({ kind: "IO", path: "", message: `the WebAssembly module could not be loaded: ${e?.message ?? e}` }));
      this.dataset.state = "error";
      return;
    }
    if (ticket !== this.#pending || !this.isConnected) return;
    this.#render(api);
    this.dispatchEvent(new CustomEvent("veivalg-render", { bubbles: true }));
  }

  #render(api) {
    if (this.#parseError) {
      this.replaceChildren(errorBlock(this.#parseError, "Personen er ikke gyldig JSON"));
      this.dataset.state = "error";
      return;
    }
    if (!this.#person) {
      this.replaceChildren(h("p", { class: "aksel-body-long" }, "Velg en person for å se vurderingen."));
      this.dataset.state = "empty";
      return;
    }
    const person = this.#person;
    let inForce;
    try {
      inForce = api.decide(person);
    } catch (e) {
      this.replaceChildren(errorBlock(e, "Registreringen kunne ikke vurderes"));
      this.dataset.state = "error";
      return;
    }
    const all = api.policies();
    const policyInForce = all.find((p) => p.id === inForce.policy.id);
    const methods = [{ policy: policyInForce, decision: inForce }];
    for (const policy of all.filter((p) => p.method === "MODEL")) {
      try {
        methods.push({ policy, decision: api.decide(person, { policy: policy.id }) });
      } catch (error) {
        methods.push({ policy, error });
      }
    }
    const modelDecisions = methods.filter((m) => m.decision?.method === "MODEL").map((m) => m.decision);
    // One scale for every model's bars, so they can be compared.
    const scale = Math.max(0.25, ...modelDecisions.flatMap((d) => d.contributions.map((c) => Math.abs(c.logit))));
    let wages;
    let wageError;
    try {
      wages = api.wageHistory(person, { months: 24 });
    } catch (e) {
      wageError = e;
    }

    const section = (key, title, ...children) =>
      h(
        "section",
        { class: "panel-section", dataset: { part: key }, "aria-labelledby": `${this.#id}-${key}` },
        h("h2", { class: "aksel-heading aksel-heading--medium", id: `${this.#id}-${key}` }, title),
        ...children,
      );

    this.replaceChildren(
      section(
        "decision",
        "Sortering",
        h(
          "p",
          { class: "aksel-body-long verdict", dataset: { unit: inForce.unit } },
          person.id ? [code(person.id), " "] : null,
          "sendes til ",
          h("strong", {}, label("unit", inForce.unit)),
          inForce.group ? [" (gruppe: ", label("group", inForce.group), ")"] : null,
          ".",
        ),
        h(
          "p",
          { class: "aksel-detail" },
          "Etter retningslinjen i kraft på registreringsdagen ",
          person.registeredOn ?? "",
          ": ",
          code(inForce.policy.id),
          ` (fra ${inForce.policy.validFrom}), regelsett `,
          code(inForce.ruleset ?? "–"),
          ". Sorteringen avgjør bare hvem som ser på saken først; veilederen gjør vurderingen.",
        ),
      ),
      section(
        "methods",
        "Tre metoder side om side",
        h("div", { class: "method-grid" }, methods.map(methodCard)),
        h(
          "p",
          { class: "aksel-detail" },
          "Variant A og B er forslag fra rapporten (avsnitt 4.4). Modellene er tilpasset SYNTETISKE data og må tilpasses på nytt på ekte data før bruk.",
        ),
      ),
      section("trace", "Regelsporet", traceTable(inForce)),
      section(
        "contributions",
        "Hva modellene la vekt på",
        h(
          "p",
          { class: "aksel-body-short" },
          "Hvor mye hver opplysning trekker sannsynligheten opp eller ned, sammenlignet med en typisk registrert (gjennomsnittet i treningsdataene) ",
          h("span", { lang: "en" }, "(compared with a typical registrant)"),
          ".",
        ),
        modelDecisions.length
          ? modelDecisions.map((d) => contributionBars(d, scale))
          : h("p", { class: "aksel-body-short" }, "Ingen modell kunne vurdere personen."),
      ),
      section(
        "counterfactuals",
        "Hva ville endret sorteringen?",
        h(
          "div",
          { class: "aksel-alert aksel-alert--small", "data-color": "info" },
          h(
            "div",
            { class: "aksel-alert__wrapper aksel-body-short not-advice" },
            "Setningene beskriver fortiden og svarene slik de er, ikke råd: tidligere lønn kan ikke endres, og situasjonen skal beskrive den virkelige situasjonen.",
          ),
        ),
        modelDecisions.map(counterfactualList),
      ),
      section(
        "wages",
        "Lønnshistorikk siste 24 måneder",
        wageError ? errorBlock(wageError, "Lønnshistorikken kunne ikke vises") : wageSection(wages, this.#id),
      ),
      h(
        "details",
        { class: "raw" },
        h("summary", { class: "aksel-body-short" }, "Vis svarene som JSON ", h("span", { lang: "en" }, "(raw decisions)")),
        h("pre", { class: "aksel-body-short" }, JSON.stringify(methods.map((m) => m.decision ?? { error: { kind: m.error.kind, path: m.error.path, message: m.error.message } }), null, 2)),
      ),
    );
    this.dataset.state = "ready";
  }
}

if (!customElements.get("veivalg-panel")) customElements.define("veivalg-panel", VeivalgPanel);
