// NAV's registration form (report Appendix 1), built once for the citizen and
// the counsellor page: the fields in Aksel's markup (texts from the message
// catalogue by `data-i18n` key), the answers read as the library's Person
// record (design §3), every missing or malformed answer found before the
// library is asked, and the unusual-but-possible answers a person confirms.
//
//   const form = buildForm(document.getElementById("registration"), { counsellor: false });
//   const { person, errors, warnings } = readForm(form, { today: "2026-12-01" });
import { h } from "./dom.js";

/** Education answers after which NAV's form does not ask 3b and 3c. */
export const NO_FOLLOW_UP = new Set(["INGEN_UTDANNING", "GRUNNSKOLE"]);

const SITUATIONS = [
  "MISTET_JOBBEN", "HAR_SAGT_OPP", "DELTIDSJOBB_VIL_MER", "ALDRI_HATT_JOBB", "VIL_BYTTE_JOBB",
  "JOBB_OVER_2_AAR", "ER_PERMITTERT", "USIKKER_JOBBSITUASJON", "AKKURAT_FULLFORT_UTDANNING", "VIL_FORTSETTE_I_JOBB",
];
const EDUCATIONS = [
  "INGEN_UTDANNING", "GRUNNSKOLE", "VIDEREGAENDE_GRUNNUTDANNING", "VIDEREGAENDE_FAGBREV_SVENNEBREV",
  "HOYERE_UTDANNING_1_TIL_4", "HOYERE_UTDANNING_5_ELLER_MER",
];

/** Where the form asks each field: its control id, for links and inline messages. */
export const FIELD_ORDER = [
  "registeredOn", "birthDate", "situation", "lastJob", "workedSince", "workedUntil", "education",
  "educationApproved", "educationPassed", "healthObstacles", "otherObstacles", "selfAssessment",
  "wageNok", "wageFrom", "wageTo",
];

const errorSlot = (id) => h("div", { class: "aksel-form-field__error", id: `${id}-error`, "aria-live": "polite" });

function textField(id, { help = true, inputmode, width = "date" } = {}) {
  return h(
    "div",
    { class: "aksel-form-field aksel-text-field", dataset: { field: id } },
    h("label", { for: id, class: "aksel-form-field__label aksel-label", "data-i18n": `field.${id}` }),
    help ? h("div", { class: "aksel-form-field__description aksel-body-short", id: `${id}-desc`, "data-i18n": `field.${id}.help` }) : null,
    h("input", {
      id,
      name: id,
      type: "text",
      inputmode,
      autocomplete: "off",
      class: `aksel-text-field__input aksel-body-short input--${width}`,
      "aria-describedby": help ? `${id}-desc` : null,
    }),
    errorSlot(id),
  );
}

function radios(id, vocabulary, values, { help = false, followUp = false, extra = [] } = {}) {
  return h(
    "fieldset",
    { class: "aksel-fieldset radio-group", id, "data-follow-up": followUp, "aria-describedby": help ? `${id}-desc` : null, dataset: { field: id } },
    h("legend", { class: "aksel-fieldset__legend aksel-label", "data-i18n": `field.${id}` }),
    help ? h("div", { class: "aksel-fieldset__description aksel-body-short", id: `${id}-desc`, "data-i18n": `field.${id}.help` }) : null,
    [...values.map((v) => [v, `code.${vocabulary}.${v}`]), ...extra].map(([value, key]) =>
      h(
        "div",
        { class: "aksel-radio" },
        h("input", { class: "aksel-radio__input", type: "radio", id: `${id}-${value}`, name: id, value }),
        h("label", { class: "aksel-radio__label aksel-body-short", for: `${id}-${value}`, "data-i18n": key }),
      ),
    ),
    errorSlot(id),
  );
}

function checkbox(id) {
  return h(
    "div",
    { class: "aksel-checkbox" },
    h("input", { class: "aksel-checkbox__input", type: "checkbox", id, name: id }),
    h("label", { class: "aksel-checkbox__label aksel-body-short", for: id, "data-i18n": `field.${id}` }),
  );
}

/**
 * Fills `form` with NAV's questions (the counsellor's form adds wages and the
 * circumstances that override the routing) and keeps 3b/3c hidden when
 * question 3 does not ask them. The fields go before the form's `.actions`.
 * Returns the form.
 */
export function buildForm(form, { counsellor = false } = {}) {
  const fields = [
    textField("registeredOn", { inputmode: "numeric" }),
    textField("birthDate", { inputmode: "numeric" }),
    radios("situation", "situation", SITUATIONS, { help: true }),
    counsellor ? null : textField("lastJob", { width: "wide" }),
    h(
      "fieldset",
      { class: "aksel-fieldset", id: "employment", "aria-describedby": "employment-desc" },
      h("legend", { class: "aksel-fieldset__legend aksel-label", "data-i18n": "field.employment" }),
      h("div", { class: "aksel-fieldset__description aksel-body-short", id: "employment-desc", "data-i18n": "field.employment.help" }),
      h("div", { class: "field-row" }, textField("workedSince", { help: false, inputmode: "numeric" }), textField("workedUntil", { help: false, inputmode: "numeric" })),
    ),
    radios("education", "education", EDUCATIONS, { help: true }),
    radios("educationApproved", "answer", ["JA", "NEI", "VET_IKKE"], { followUp: true }),
    radios("educationPassed", "answer", ["JA", "NEI"], { followUp: true }),
    radios("healthObstacles", "answer", ["JA", "NEI"]),
    radios("otherObstacles", "answer", ["JA", "NEI"], { help: true }),
    radios("selfAssessment", "selfAssessment", ["1", "2", "3", "4", "5"], { help: true, extra: [["", "field.selfAssessment.none"]] }),
    counsellor
      ? h(
          "fieldset",
          { class: "aksel-fieldset", id: "wages", "aria-describedby": "wages-desc" },
          h("legend", { class: "aksel-fieldset__legend aksel-label", "data-i18n": "field.wages" }),
          h("div", { class: "aksel-fieldset__description aksel-body-short", id: "wages-desc", "data-i18n": "field.wages.help" }),
          h(
            "div",
            { class: "field-row" },
            textField("wageNok", { help: false, inputmode: "numeric", width: "number" }),
            textField("wageFrom", { help: false, inputmode: "numeric", width: "month" }),
            textField("wageTo", { help: false, inputmode: "numeric", width: "month" }),
          ),
        )
      : null,
    counsellor
      ? h(
          "fieldset",
          { class: "aksel-fieldset", id: "flags" },
          h("legend", { class: "aksel-fieldset__legend aksel-label", "data-i18n": "field.flags" }),
          checkbox("singleParent"),
          checkbox("digitalReservation"),
          checkbox("sensitive"),
        )
      : null,
  ];
  const actions = form.querySelector(".actions");
  if (actions) actions.before(...fields.filter(Boolean));
  else form.append(...fields.filter(Boolean));
  const sync = () => {
    const skip = NO_FOLLOW_UP.has(radio(form, "education"));
    for (const fs of form.querySelectorAll("[data-follow-up]")) {
      fs.hidden = skip;
      fs.disabled = skip;
    }
  };
  for (const input of form.querySelectorAll('input[name="education"]')) input.addEventListener("change", sync);
  sync();
  form.syncFollowUps = sync;
  return form;
}

const radio = (form, name) => form.querySelector(`input[name="${name}"]:checked`)?.value;
const pad = (n) => String(n).padStart(2, "0");

/** "14.03.2025", "4.3.2025" or "2025-03-14" → "2025-03-14"; anything else (or no such day) → null. */
export function parseDate(text) {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = text.includes("-") ? [m[1], m[2], m[3]].map(Number) : [m[3], m[2], m[1]].map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** "2025-03-14" → "14.03.2025", as the form shows dates. */
export const showDate = (iso) => (iso ? iso.split("-").reverse().join(".") : "");

/** Whole years from `birth` to `on` (ISO dates). */
export function ageOn(birth, on) {
  const [by, bm, bd] = birth.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Months "YYYY-MM" from `from` to `to`, inclusive. */
function months(from, to) {
  const out = [];
  let [y, m] = from.split("-").map(Number);
  for (let guard = 0; guard < 600; guard++) {
    const month = `${y}-${pad(m)}`;
    if (month > to) break;
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/**
 * The form's answers: `person` (the library's Person record), `errors`
 * (`{ field, key, params? }` for every missing or malformed answer, in form
 * order) and `warnings` (unusual but possible: age under 16 or over 67, a
 * registration after `today`, employment starting after registration).
 */
export function readForm(form, { today }) {
  const value = (id) => form.querySelector(`#${id}`)?.value.trim() ?? "";
  const errors = [];
  const warnings = [];
  const date = (id, required) => {
    const text = value(id);
    if (!text) {
      if (required) errors.push({ field: id, key: `err.required.${id}` });
      return undefined;
    }
    const iso = parseDate(text);
    if (!iso) errors.push({ field: id, key: "err.date" });
    return iso ?? undefined;
  };
  const registeredOn = date("registeredOn", true);
  const birthDate = date("birthDate", true);
  const education = radio(form, "education");
  const answers = { situation: radio(form, "situation"), education };
  if (!NO_FOLLOW_UP.has(education)) {
    answers.educationApproved = radio(form, "educationApproved");
    answers.educationPassed = radio(form, "educationPassed");
  }
  answers.healthObstacles = radio(form, "healthObstacles");
  answers.otherObstacles = radio(form, "otherObstacles");
  const sa = radio(form, "selfAssessment");
  if (sa) answers.selfAssessment = Number(sa);
  const since = date("workedSince", false);
  const until = date("workedUntil", false);
  if (!since && until) errors.push({ field: "workedSince", key: "err.required.workedSince" });
  for (const [field, v] of Object.entries(answers)) {
    if (v === undefined) errors.push({ field, key: `err.required.${field}` });
  }
  const person = { registeredOn, birthDate, answers, employment: since ? [{ start: since, end: until ?? null }] : [] };

  if (form.querySelector("#wageNok")) {
    const nokText = value("wageNok").replace(/\s/g, "");
    const from = value("wageFrom");
    const to = value("wageTo");
    if (nokText || from || to) {
      const nok = /^\d+$/.test(nokText) ? Number(nokText) : null;
      if (!nokText) errors.push({ field: "wageNok", key: "err.required.wageNok" });
      else if (nok === null) errors.push({ field: "wageNok", key: "err.wageNok" });
      const month = (id, text) => {
        if (!text) errors.push({ field: id, key: `err.required.${id}` });
        else if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) errors.push({ field: id, key: "err.month" });
        else return text;
        return null;
      };
      const a = month("wageFrom", from);
      const b = month("wageTo", to);
      if (a && b && b < a) errors.push({ field: "wageTo", key: "err.wageOrder" });
      if (nok !== null && a && b && b >= a) person.wages = months(a, b).map((m) => ({ month: m, nok }));
    }
    for (const flag of ["singleParent", "digitalReservation", "sensitive"]) {
      if (form.querySelector(`#${flag}`).checked) person[flag] = true;
    }
  }

  if (registeredOn && today && registeredOn > today) warnings.push({ field: "registeredOn", key: "warn.futureDate", params: { today } });
  if (registeredOn && birthDate && birthDate <= registeredOn) {
    const age = ageOn(birthDate, registeredOn);
    if (age < 16) warnings.push({ field: "birthDate", key: "warn.young", params: { age } });
    else if (age > 67 && age <= 120) warnings.push({ field: "birthDate", key: "warn.old", params: { age } });
  }
  if (registeredOn && since && since > registeredOn) warnings.push({ field: "workedSince", key: "warn.employmentAfter" });
  const order = (a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field);
  return { person, errors: errors.sort(order), warnings };
}

/** Puts a Person record's answers into the form (the counsellor's examples). */
export function fillForm(form, person) {
  const set = (id, v) => {
    const el = form.querySelector(`#${id}`);
    if (el) el.value = v ?? "";
  };
  set("registeredOn", showDate(person.registeredOn));
  set("birthDate", showDate(person.birthDate));
  for (const input of form.querySelectorAll("input[type=radio]")) {
    const v = person.answers?.[input.name];
    input.checked = input.name === "selfAssessment" ? String(v ?? "") === input.value : v === input.value;
  }
  const job = person.employment?.[0];
  set("workedSince", showDate(job?.start));
  set("workedUntil", showDate(job?.end));
  const wages = person.wages ?? [];
  set("wageNok", wages.length ? String(wages[0].nok) : "");
  set("wageFrom", wages[0]?.month);
  set("wageTo", wages.at(-1)?.month);
  for (const flag of ["singleParent", "digitalReservation", "sensitive"]) {
    const el = form.querySelector(`#${flag}`);
    if (el) el.checked = Boolean(person[flag]);
  }
  form.syncFollowUps?.();
}
