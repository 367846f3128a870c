// The first veivalg page: a registration form, and the rule-tree decision for
// it, computed in the browser by the WebAssembly package. Nothing is sent
// anywhere: the only requests are for this page's own files.
import init, { decide, version } from "/pkg/veivalg.js";

const $ = (id) => document.getElementById(id);

/** Education answers after which NAV's form asks no follow-up questions. */
const NO_FOLLOW_UP = new Set(["INGEN_UTDANNING", "GRUNNSKOLE"]);

const GROUPS = {
  ANTATT_GODE_MULIGHETER: "Antatt gode muligheter",
  ANTATT_BEHOV_FOR_VEILEDNING: "Antatt behov for veiledning",
  OPPGITT_HINDRINGER: "Oppgitt hindringer",
};

const UNITS = {
  NOE: "Nasjonal oppfølgingsenhet (NOE)",
  LOCAL_OFFICE: "Lokalt NAV-kontor",
};

const RULES = {
  HEALTH_OBSTACLES: "Helseproblemer regnes som hindring",
  OTHER_OBSTACLES: "Andre problemer regnes som hindring",
  AGE_IN_BAND: "Alder innenfor aldersgrensen for «antatt gode muligheter»",
  HAS_EDUCATION: "Har fullført utdanning",
  PASSED_EDUCATION: "Utdanningen er bestått",
  APPROVED_EDUCATION: "Utdanningen er godkjent i Norge",
  WORK_HISTORY: "Jobbet seks sammenhengende måneder det siste året",
};

const REASONS = {
  HEALTH_OBSTACLES: "Oppga helseproblemer som hindrer jobb",
  OTHER_OBSTACLES: "Oppga andre problemer som hindrer jobb",
  AGE_OUTSIDE_BAND: "Alderen er utenfor grensen for «antatt gode muligheter»",
  NO_EDUCATION: "Har ingen fullført utdanning",
  EDUCATION_NOT_PASSED: "Utdanningen er ikke bestått (eller spørsmålet ble ikke stilt)",
  EDUCATION_NOT_APPROVED: "Utdanningen er ikke godkjent i Norge (eller spørsmålet ble ikke stilt)",
  WORK_HISTORY_NOT_MET: "Har ikke jobbet seks sammenhengende måneder det siste året",
  QUICK_RETURN_CRITERIA_MET: "Alle kriteriene for «antatt gode muligheter» er oppfylt",
  NOT_QUICK_RETURN: "Gruppen er ikke «antatt gode muligheter», så et lokalt NAV-kontor følger opp",
  AGE_OUTSIDE_NOE_BAND: "Alderen er utenfor aldersgrensen for NOE",
  DIGITAL_RESERVATION: "Har reservert seg mot digital kommunikasjon",
  SENSITIVE: "Har strengt fortrolig adresse eller er skjermet",
  SINGLE_PARENT: "Er enslig forsørger",
  ROUTED_TO_NOE: "Alle vilkår for å sendes til NOE er oppfylt",
};

const ANSWERS = { JA: "Ja", NEI: "Nei", VET_IKKE: "Vet ikke", INGEN_SVAR: "Ikke spurt" };

/** Codes → the Norwegian text of the form's own options (situation, education). */
const OPTION_LABELS = new Map(
  [...document.querySelectorAll("option")].filter((o) => o.value).map((o) => [o.value, o.textContent.trim()]),
);

/** Error paths from the library → the form control to mark. */
function controlFor(path) {
  if (path === "registeredOn" || path.startsWith("registeredOn")) return $("registeredOn");
  if (path === "birthDate" || path === "age") return $("birthDate");
  const answer = /^answers\.(\w+)/.exec(path);
  if (answer) return $(answer[1]);
  if (/^employment\[0\]\.end/.test(path)) return $("workedUntil");
  if (/^employment/.test(path)) return $("workedSince");
  return null;
}

function radioValue(name) {
  const checked = document.querySelector(`input[name="${name}"]:checked`);
  return checked ? checked.value : undefined;
}

/** The registration as the library's Person record (design §3). */
function readPerson() {
  const value = (id) => $(id).value.trim() || undefined;
  const education = value("education");
  const answers = {
    situation: value("situation"),
    education,
    healthObstacles: radioValue("healthObstacles"),
    otherObstacles: radioValue("otherObstacles"),
  };
  if (!NO_FOLLOW_UP.has(education)) {
    answers.educationApproved = radioValue("educationApproved");
    answers.educationPassed = radioValue("educationPassed");
  }
  const since = value("workedSince");
  const until = value("workedUntil");
  const employment = since || until ? [{ start: since, end: until ?? null }] : [];
  // Absent answers stay absent (JSON.stringify drops `undefined`): the
  // library then names the missing field.
  return {
    registeredOn: value("registeredOn"),
    birthDate: value("birthDate"),
    answers,
    employment,
  };
}

function text(tag, content, className) {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
}

function code(content) {
  return text("code", content, "code");
}

/** A short Norwegian rendering of a trace input or a detail object. */
function describe(value) {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return value ? "ja" : "nei";
  if (typeof value === "string") return ANSWERS[value] ?? OPTION_LABELS.get(value) ?? value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(describe).join(", ");
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null && !Array.isArray(v) ? `{ ${describe(v)} }` : describe(v)}`)
    .join("; ");
}

function clearErrors() {
  $("error").hidden = true;
  for (const el of document.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    el.closest(".has-error")?.classList.remove("has-error");
  }
  for (const el of document.querySelectorAll(".has-error")) el.classList.remove("has-error");
}

function showError(e) {
  const kind = e?.kind ?? "ERROR";
  const path = e?.path ?? "";
  $("error-message").textContent = e?.message ?? String(e);
  $("error-kind").replaceChildren(code(kind));
  const control = controlFor(path);
  if (control) {
    // The path links to the field at fault, for keyboard users.
    const link = document.createElement("a");
    link.href = `#${control.id}`;
    link.className = "aksel-link";
    link.append(code(path));
    link.addEventListener("click", (event) => {
      event.preventDefault();
      (control.matches("fieldset") ? control.querySelector("input") : control)?.focus();
    });
    $("error-path").replaceChildren(link);
  } else {
    $("error-path").replaceChildren(path ? code(path) : text("span", "hele registreringen"));
  }
  $("error").hidden = false;
  $("result").hidden = true;
  if (control) {
    control.setAttribute("aria-invalid", "true");
    control.closest(".aksel-form-field, fieldset")?.classList.add("has-error");
  }
  $("error").focus();
}

function showDecision(d) {
  $("result-group").replaceChildren(
    text("strong", GROUPS[d.group] ?? d.group ?? "–"),
    text("span", " "),
    code(d.group ?? "–"),
  );
  $("result-group").dataset.code = d.group ?? "";
  $("result-unit").replaceChildren(text("strong", UNITS[d.unit] ?? d.unit), text("span", " "), code(d.unit));
  $("result-unit").dataset.code = d.unit;
  $("result-policy").replaceChildren(
    text("span", "Retningslinje "),
    code(d.policy?.id ?? "–"),
    text("span", ` (gjelder fra ${d.policy?.validFrom ?? "–"}), regelsett `),
    code(d.ruleset ?? "–"),
  );

  const reasons = (d.reasons ?? []).map((r) => {
    const li = document.createElement("li");
    li.dataset.code = r.code;
    li.append(text("span", REASONS[r.code] ?? r.code), text("span", " "), code(r.code));
    const detail = r.detail && Object.keys(r.detail).length ? describe(r.detail) : "";
    if (detail) li.append(text("span", ` (${detail})`, "detail"));
    return li;
  });
  $("result-reasons").replaceChildren(...reasons);

  const rows = (d.trace ?? []).map((step, i) => {
    const tr = document.createElement("tr");
    tr.className = "aksel-table__row";
    tr.dataset.rule = step.rule;
    tr.dataset.holds = String(step.holds);
    const cell = (...children) => {
      const td = document.createElement("td");
      td.className = "aksel-table__data-cell aksel-body-short";
      td.append(...children);
      return td;
    };
    const rule = cell(text("span", RULES[step.rule] ?? step.rule), document.createElement("br"), code(step.rule));
    const input = cell(text("span", describe(step.input)));
    if (step.detail) input.append(document.createElement("br"), text("span", describe(step.detail), "detail"));
    const holds = cell(text("strong", step.holds ? "Ja" : "Nei", step.holds ? "holds" : "fails"));
    tr.append(cell(String(i + 1)), rule, input, holds);
    return tr;
  });
  $("result-trace").replaceChildren(...rows);
  $("result-json").textContent = JSON.stringify(d, null, 2);

  $("result").hidden = false;
  $("result-heading").focus();
}

function syncFollowUps() {
  const skip = NO_FOLLOW_UP.has($("education").value);
  for (const fs of document.querySelectorAll("[data-follow-up]")) {
    fs.hidden = skip;
    fs.disabled = skip;
  }
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function main() {
  const form = $("registration");
  if (!$("registeredOn").value) $("registeredOn").value = today();
  $("education").addEventListener("change", syncFollowUps);
  syncFollowUps();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors();
    try {
      showDecision(decide(readPerson()));
    } catch (e) {
      showError(e);
    }
  });
  try {
    await init();
  } catch (e) {
    $("status").textContent = `Beregningsmodulen kunne ikke lastes: ${e?.message ?? e}`;
    return;
  }
  $("version").textContent = version();
  $("status").textContent = "Klar.";
  $("submit").disabled = false;
  document.body.dataset.ready = "true";
}

main();
