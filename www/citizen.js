// The citizen page: NAV's registration form (report Appendix 1, Tabell 9) in
// bokmål, nynorsk or English; where the answers send the person, why, and
// what would have given another result, in plain words; and a receipt to
// print or save as PDF. Everything is computed in the browser; nothing is
// sent or stored. The language is chosen with the switch or ?lang=nn|en.
import { ready } from "./lib/veivalg.js";
import { $, h, code } from "./lib/dom.js";
import { reasonText } from "./lib/i18n.js";
import { setupPage } from "./lib/page.js";
import { buildForm, readForm, ageOn } from "./lib/registration-form.js";
import { showProblems, clearProblems, libraryProblem, warningsConfirmed } from "./lib/error-summary.js";
import { plainError } from "./lib/errors.js";
import { counterfactualSentence } from "./lib/counterfactual-text.js";

/** Rules of the quick-return test whose failure a person can read about, and what kind of input each is. */
const RULE_KIND = {
  HEALTH_OBSTACLES: "SELF_REPORTED",
  OTHER_OBSTACLES: "SELF_REPORTED",
  AGE_IN_BAND: "AGE",
  HAS_EDUCATION: "SELF_REPORTED",
  PASSED_EDUCATION: "SELF_REPORTED",
  APPROVED_EDUCATION: "SELF_REPORTED",
  WORK_HISTORY: "PAST",
};

/** Today as "YYYY-MM-DD" in the person's own time zone. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

let shown = null; // { decision, person, computedOn } | { problems } | null
let confirmedWarnings = null;

/**
 * What would have given another result: the decision's counterfactuals when
 * it has them (model policies), else the rule-tree checks that decided the
 * group, each saying whether it describes the past or is the person's answer.
 */
function changes(t, d) {
  if (d.counterfactuals) {
    return d.counterfactuals.map((cf) => ({
      text: counterfactualSentence(t, cf),
      kinds: cf.kind,
      actionable: cf.actionable,
    }));
  }
  const trace = d.trace ?? [];
  const steps =
    d.group === "OPPGITT_HINDRINGER"
      ? trace.filter((s) => (s.rule === "HEALTH_OBSTACLES" || s.rule === "OTHER_OBSTACLES") && s.holds)
      : d.group === "ANTATT_BEHOV_FOR_VEILEDNING"
        ? trace.filter((s) => !s.holds && s.rule in RULE_KIND && s.rule !== "HEALTH_OBSTACLES" && s.rule !== "OTHER_OBSTACLES")
        : [];
  const out = steps.map((s) => ({ text: t(`citizen.change.${s.rule}`, s.detail ?? {}), kinds: [RULE_KIND[s.rule]], actionable: false, rule: s.rule }));
  for (const r of d.reasons) {
    if (r.code === "AGE_OUTSIDE_NOE_BAND") out.push({ text: t("citizen.change.AGE_OUTSIDE_NOE_BAND", r.detail), kinds: ["AGE"], actionable: false, rule: r.code });
  }
  return out;
}

function receipt(t, { decision: d, person, computedOn }, version) {
  const f = t.f;
  const sa = person.answers.selfAssessment;
  const row = (key, value, id) => h("div", { class: "receipt-row" }, h("dt", { class: "aksel-label" }, t(key)), h("dd", { class: "aksel-body-short", id }, value));
  return h(
    "section",
    { class: "receipt", id: "receipt", "aria-labelledby": "receipt-heading" },
    h("h3", { class: "aksel-heading aksel-heading--small", id: "receipt-heading" }, t("receipt.heading")),
    h("p", { class: "aksel-body-short no-print" }, t("receipt.intro")),
    h(
      "dl",
      { class: "receipt-list" },
      row("receipt.computedOn", f.date(computedOn), "receipt-computed"),
      row("receipt.registeredOn", f.date(person.registeredOn)),
      row("receipt.age", String(ageOn(person.birthDate, person.registeredOn))),
      row("receipt.unit", t(`code.unit.${d.unit}`)),
      d.group ? row("receipt.group", t(`code.group.${d.group}`)) : null,
      row("receipt.policy", t("receipt.policyValue", { id: d.policy.id, from: f.date(d.policy.validFrom) }), "receipt-policy"),
      row("receipt.ruleset", d.ruleset ?? "–", "receipt-ruleset"),
      row("receipt.model", d.model ? `${d.model.id} ${d.model.version}` : t("receipt.noModel"), "receipt-model"),
      row("receipt.selfAssessment", sa ? t(`code.selfAssessment.${sa}`) : t("receipt.notAnswered")),
      row("receipt.library", `veivalg ${version}`, "receipt-version"),
    ),
    h("p", { class: "aksel-detail" }, t("receipt.privacy")),
    h(
      "button",
      { type: "button", class: "aksel-button no-print", "data-variant": "secondary", id: "print", onclick: () => print() },
      h("span", { class: "aksel-label" }, t("print.button")),
    ),
  );
}

function showDecision(t, result, version) {
  const { decision: d, person } = result;
  const items = changes(t, d);
  const sa = person.answers.selfAssessment;
  // replaceChildren would write a null as the text "null": drop the parts not shown.
  const parts = [
    h("h2", { id: "result-heading", class: "aksel-heading aksel-heading--large", tabindex: "-1" }, t("citizen.resultHeading")),
    h("p", { class: "aksel-body-long result-unit", id: "result-unit", dataset: { unit: d.unit } }, t(d.unit === "NOE" ? "citizen.sentToNoe" : "citizen.sentToLocal")),
    h("p", { class: "aksel-body-long" }, t(d.unit === "NOE" ? "citizen.noeMeans" : "citizen.localMeans")),
    d.group ? h("p", { class: "aksel-body-long", id: "result-group", dataset: { group: d.group } }, `${t("citizen.groupIs")} `, h("strong", {}, t(`code.group.${d.group}`)), ".") : null,
    h("h3", { class: "aksel-heading aksel-heading--small" }, t("citizen.why")),
    h("ul", { class: "aksel-body-long reasons", id: "result-reasons" }, d.reasons.map((r) => h("li", { dataset: { code: r.code } }, reasonText(r, { lang: t.lang, voice: "you" })))),
    d.gAssumed
      ? h("p", { class: "aksel-body-short g-note", id: "result-g-note" }, t("citizen.gAssumed", { from: t.f.monthLong(d.gAssumed.from), to: t.f.monthLong(d.gAssumed.to), value: t.f.nok(d.gAssumed.g.nok), date: t.f.date(d.gAssumed.g.from) }))
      : null,
    h("p", { class: "aksel-body-short" }, t("citizen.notDecision")),
    h("h3", { class: "aksel-heading aksel-heading--small", id: "changes-heading" }, t("citizen.changeHeading")),
    h("p", { class: "aksel-body-short" }, t("citizen.changeIntro")),
    items.length
      ? h(
          "ul",
          { class: "aksel-body-long changes", id: "result-changes" },
          items.map((c) =>
            h(
              "li",
              { dataset: { kind: c.kinds.join(" "), actionable: String(c.actionable), rule: c.rule ?? "" } },
              c.text,
              " ",
              h("span", { class: "detail" }, `(${c.kinds.map((k) => t(`citizen.kind.${k}`)).join("; ")})`),
            ),
          ),
        )
      : h("p", { class: "aksel-body-long", id: "result-changes" }, t("citizen.changeNone")),
    h("p", { class: "aksel-body-short", id: "result-self-assessment" }, sa ? t("citizen.selfAssessmentShown", { value: t(`code.selfAssessment.${sa}`) }) : null),
    receipt(t, result, version),
  ];
  $("result").replaceChildren(...parts.filter(Boolean));
  $("result").dataset.unit = d.unit;
}

async function main() {
  const form = buildForm($("registration"), { counsellor: false });
  $("registeredOn").value = today().split("-").reverse().join(".");
  let version = "";
  const page = setupPage({
    onLanguage: (t) => {
      $("status").textContent = t(document.body.dataset.ready ? "status.ready" : "status.loading");
      if (shown?.decision) showDecision(t, shown, version);
      else if (shown?.problems) showProblems(form, $("problems"), t, shown.problems);
    },
  });

  let api;
  try {
    api = await ready;
  } catch (e) {
    $("status").textContent = page.t("status.loadFailed", { message: e?.message ?? String(e) });
    return;
  }
  version = api.version();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { t } = page;
    const now = today();
    const { person, errors, warnings } = readForm(form, { today: now });
    const signature = JSON.stringify(warnings);
    if (warnings.length && !errors.length && warningsConfirmed($("problems")) && confirmedWarnings === signature) {
      // The person confirmed exactly these warnings: go on.
    } else if (errors.length || warnings.length) {
      shown = { problems: { errors, warnings } };
      confirmedWarnings = errors.length ? null : signature;
      $("result").replaceChildren();
      delete $("result").dataset.unit;
      showProblems(form, $("problems"), t, shown.problems).focus();
      return;
    }
    try {
      // Opt in to the latest G for months after the shipped G table; a
      // decision that used it carries `gAssumed`, and the result says so.
      const decision = api.decide(person, { gBeyondTable: "LATEST" });
      clearProblems(form, $("problems"));
      shown = { decision, person, computedOn: now };
      showDecision(t, shown, version);
      $("result-heading").focus();
    } catch (e) {
      shown = { problems: { errors: [libraryProblem(plainError(e))] } };
      $("result").replaceChildren();
      delete $("result").dataset.unit;
      showProblems(form, $("problems"), t, shown.problems).focus();
    }
  });
  document.body.dataset.ready = "true";
  $("status").textContent = page.t("status.ready");
  $("submit").disabled = false;
}

main();
