// The citizen page: NAV's registration form (report Appendix 1, Tabell 9) in
// bokmål or English, and where the answers send the person, in plain words.
// Everything is computed in the browser; nothing is sent or stored. The
// language can be chosen with ?lang=en in the address, or with the button.
import { ready } from "./lib/veivalg.js";
import { $, h, code } from "./lib/dom.js";
import { CODES, T, label, reasonText } from "./lib/i18n.js";

/** Education answers after which NAV's form does not ask 3b and 3c. */
const NO_FOLLOW_UP = new Set(["INGEN_UTDANNING", "GRUNNSKOLE"]);

/** Form question → the T key of its label, for error messages. */
const QUESTION = {
  registeredOn: "registeredOn",
  age: "age",
  situation: "q1",
  education: "q3",
  educationApproved: "q3b",
  educationPassed: "q3c",
  healthObstacles: "q4",
  otherObstacles: "q5",
  workedSince: "workedSince",
  workedUntil: "workedUntil",
};

let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "nb";
let lastDecision = null;
let lastError = null;

const t = (key) => T[lang][key] ?? T.nb[key] ?? key;

/** Radio buttons for one question, from the code vocabulary. */
function buildOptions() {
  for (const box of document.querySelectorAll("[data-options]")) {
    const name = box.dataset.options;
    const vocabulary = name === "situation" || name === "education" ? name : "answer";
    const values = box.dataset.values?.split(" ") ?? Object.keys(CODES[vocabulary]);
    box.replaceChildren(
      ...values.map((value) =>
        h(
          "div",
          { class: "aksel-radio" },
          h("input", { class: "aksel-radio__input", type: "radio", id: `${name}-${value}`, name, value }),
          h("label", { class: "aksel-radio__label aksel-body-short", for: `${name}-${value}`, dataset: { vocabulary, code: value } }),
        ),
      ),
    );
  }
}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
  for (const el of document.querySelectorAll("label[data-vocabulary]")) el.textContent = label(el.dataset.vocabulary, el.dataset.code, lang);
  // The button names the other language, in that language.
  $("lang").lang = lang === "nb" ? "en" : "nb";
  if (lastDecision) showDecision(lastDecision);
  if (lastError) showError(lastError);
}

function syncFollowUps() {
  const education = document.querySelector('input[name="education"]:checked')?.value;
  const skip = NO_FOLLOW_UP.has(education);
  for (const fs of document.querySelectorAll("[data-follow-up]")) {
    fs.hidden = skip;
    fs.disabled = skip;
  }
}

const radio = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;

/** The answers as the library's Person record (design §3). */
function readPerson() {
  const value = (id) => $(id).value.trim() || undefined;
  const education = radio("education");
  const answers = {
    situation: radio("situation"),
    education,
    healthObstacles: radio("healthObstacles"),
    otherObstacles: radio("otherObstacles"),
  };
  if (!NO_FOLLOW_UP.has(education)) {
    answers.educationApproved = radio("educationApproved");
    answers.educationPassed = radio("educationPassed");
  }
  const age = value("age");
  const since = value("workedSince");
  const until = value("workedUntil");
  // Absent answers stay absent (JSON drops `undefined`): the library names them.
  return {
    registeredOn: value("registeredOn"),
    age: age !== undefined && /^\d+$/.test(age) ? Number(age) : age,
    answers,
    employment: since || until ? [{ start: since, end: until ?? null }] : [],
  };
}

/** The form control an error path points at. */
function controlFor(path) {
  if (path.startsWith("registeredOn")) return "registeredOn";
  if (path === "age" || path === "birthDate") return "age";
  const answer = /^answers\.(\w+)/.exec(path);
  if (answer) return answer[1];
  if (/^employment\[0\]\.end/.test(path)) return "workedUntil";
  if (/^employment/.test(path)) return "workedSince";
  return null;
}

function clearErrors() {
  $("error").hidden = true;
  for (const el of document.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of document.querySelectorAll(".has-error")) el.classList.remove("has-error");
}

function showError(e) {
  lastError = e;
  const id = controlFor(e?.path ?? "");
  const question = id ? t(QUESTION[id]) : "";
  const intro = e?.kind === "MISSING_FIELD" ? t("missing") : t("invalid");
  const target = id ? $(id) : null;
  const link = target
    ? h("a", {
        class: "aksel-link",
        href: `#${id}`,
        text: question,
        onclick: (event) => {
          event.preventDefault();
          (target.matches("fieldset") ? target.querySelector("input") : target).focus();
        },
      })
    : null;
  $("error-text").replaceChildren(intro, " ", link ?? h("span", { lang: "en" }, e?.message ?? String(e)));
  $("error-technical").replaceChildren(
    `${t("technical")} `,
    code(e?.kind ?? "ERROR"),
    " ",
    code(e?.path || "–"),
    " ",
    h("span", { lang: "en" }, e?.message ?? ""),
  );
  $("error").hidden = false;
  if (target) {
    target.setAttribute("aria-invalid", "true");
    target.closest(".aksel-form-field, fieldset")?.classList.add("has-error");
  }
  $("error").dataset.kind = e?.kind ?? "ERROR";
  $("error").dataset.path = e?.path ?? "";
}

function showDecision(d) {
  lastDecision = d;
  const voiced = d.reasons.map((r) => h("li", { dataset: { code: r.code } }, reasonText(r, { lang, voice: "you" })));
  $("result").replaceChildren(
    h("h2", { id: "result-heading", class: "aksel-heading aksel-heading--medium", tabindex: "-1" }, t("resultHeading")),
    h("p", { class: "aksel-body-long result-unit", id: "result-unit", dataset: { unit: d.unit } }, d.unit === "NOE" ? t("sentToNoe") : t("sentToLocal")),
    d.group ? h("p", { class: "aksel-body-long", id: "result-group", dataset: { group: d.group } }, `${t("groupIs")} `, h("strong", {}, label("group", d.group, lang)), ".") : null,
    h("h3", { class: "aksel-heading aksel-heading--xsmall" }, t("why")),
    h("ul", { class: "aksel-body-long reasons", id: "result-reasons" }, voiced),
    h("p", { class: "aksel-body-short" }, t("notDecision")),
    h("p", { class: "aksel-detail" }, `${t("policyUsed")} `, code(d.policy.id), `, ${t("ruleset")} `, code(d.ruleset ?? "–")),
  );
  $("result").dataset.unit = d.unit;
}

async function main() {
  buildOptions();
  applyLanguage();
  for (const input of document.querySelectorAll('input[name="education"]')) input.addEventListener("change", syncFollowUps);
  syncFollowUps();
  $("lang").addEventListener("click", () => {
    lang = lang === "nb" ? "en" : "nb";
    applyLanguage();
  });

  let api;
  try {
    api = await ready;
  } catch (e) {
    $("status").removeAttribute("data-i18n");
    $("status").textContent = `${t("loadFailed")} ${e?.message ?? e}`;
    return;
  }
  $("registration").addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors();
    lastError = null;
    try {
      showDecision(api.decide(readPerson()));
    } catch (e) {
      lastDecision = null;
      $("result").replaceChildren();
      delete $("result").dataset.unit;
      showError(e);
      $("error").focus();
    }
  });
  $("status").dataset.i18n = "ready";
  $("status").textContent = t("ready");
  $("submit").disabled = false;
  document.body.dataset.ready = "true";
}

main();
