// The counsellor page: pick a SYNTHETIC example person, enter one in NAV's
// form, or paste one as JSON, and show it in <veivalg-panel> in the page's
// language. Nothing is sent anywhere.
import { ready } from "./lib/veivalg.js";
import "./lib/panel.js";
import { $, h } from "./lib/dom.js";
import { setupPage } from "./lib/page.js";
import { buildForm, readForm, fillForm } from "./lib/registration-form.js";
import { showProblems, clearProblems } from "./lib/error-summary.js";

/** Monthly wages `{month, nok}` from `from` to `to` (inclusive, "YYYY-MM"). */
function monthly(from, to, nok) {
  const out = [];
  let [y, m] = from.split("-").map(Number);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > to) return out;
    out.push({ month, nok: typeof nok === "function" ? nok(month) : nok });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

const answers = (situation, education, extra = {}) => ({
  situation,
  education,
  ...(education === "INGEN_UTDANNING" || education === "GRUNNSKOLE" ? {} : { educationApproved: "JA", educationPassed: "JA" }),
  healthObstacles: "NEI",
  otherObstacles: "NEI",
  ...extra,
});

/** Invented example persons (synthetic: no real data), registered 2025-03-14, and one registered on 1 December 2026, after the G table. */
export const SAMPLES = [
  {
    key: "sample.anne",
    person: {
      id: "syntetisk-1",
      registeredOn: "2025-03-14",
      birthDate: "1979-06-02",
      answers: answers("MISTET_JOBBEN", "HOYERE_UTDANNING_1_TIL_4", { selfAssessment: 4 }),
      employment: [{ start: "2015-08-01", end: "2025-02-28" }],
      wages: monthly("2022-03", "2025-02", 46000),
    },
  },
  {
    key: "sample.hassan",
    person: {
      id: "syntetisk-2",
      registeredOn: "2025-03-14",
      birthDate: "1972-09-20",
      answers: answers("MISTET_JOBBEN", "VIDEREGAENDE_FAGBREV_SVENNEBREV"),
      employment: [
        { start: "2019-01-01", end: "2022-12-31" },
        { start: "2023-11-01", end: "2025-02-28" },
      ],
      wages: [...monthly("2022-03", "2022-12", 39000), ...monthly("2023-11", "2025-02", 40000)],
    },
  },
  {
    key: "sample.eva",
    person: {
      id: "syntetisk-3",
      registeredOn: "2025-03-14",
      birthDate: "1990-11-05",
      answers: answers("DELTIDSJOBB_VIL_MER", "VIDEREGAENDE_GRUNNUTDANNING", { healthObstacles: "JA" }),
      employment: [{ start: "2021-04-01", end: null }],
      wages: monthly("2022-03", "2025-02", 18500),
    },
  },
  {
    key: "sample.jonas",
    person: {
      id: "syntetisk-4",
      registeredOn: "2025-03-14",
      birthDate: "1993-08-15",
      answers: answers("AKKURAT_FULLFORT_UTDANNING", "HOYERE_UTDANNING_5_ELLER_MER"),
      employment: [{ start: "2024-06-10", end: "2024-08-16" }],
      wages: monthly("2024-06", "2024-08", 26000),
    },
  },
  {
    key: "sample.per",
    person: {
      id: "syntetisk-5",
      registeredOn: "2025-03-14",
      birthDate: "1961-05-30",
      answers: answers("ER_PERMITTERT", "GRUNNSKOLE"),
      employment: [{ start: "1998-03-01", end: null }],
      wages: monthly("2022-03", "2025-02", (m) => (m >= "2025-01" ? 8000 : 43000)),
    },
  },
  {
    key: "sample.kari",
    person: {
      id: "syntetisk-6",
      registeredOn: "2026-12-01",
      birthDate: "1986-04-11",
      answers: answers("HAR_SAGT_OPP", "HOYERE_UTDANNING_5_ELLER_MER", { selfAssessment: 3 }),
      employment: [{ start: "2019-09-01", end: "2026-11-30" }],
      wages: monthly("2024-01", "2026-11", 52000),
    },
  },
];

let current = null;

function show(person) {
  current = person;
  $("person-json").value = JSON.stringify(person, null, 2);
  $("panel").person = person;
}

/** Today as "YYYY-MM-DD" in the counsellor's own time zone. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function main() {
  const form = buildForm($("registration"), { counsellor: true });
  fillForm(form, SAMPLES[0].person);
  let problems = null;
  const select = $("sample");
  select.append(...SAMPLES.map((x, i) => h("option", { value: String(i) })));
  const page = setupPage({
    onLanguage: (t) => {
      for (const [i, option] of [...select.options].entries()) option.textContent = `${t(SAMPLES[i].key)} ${t("sample.suffix")}`;
      $("status").textContent = t(document.body.dataset.ready ? "status.ready" : "status.loading");
      $("panel").lang = t.lang;
      if (problems) showProblems(form, $("problems"), t, problems);
    },
  });
  select.addEventListener("change", () => show(SAMPLES[Number(select.value)].person));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const read = readForm(form, { today: today() });
    // A counsellor enters what the registers hold: unusual answers are
    // listed, but only errors stop the assessment.
    if (read.errors.length) {
      problems = { errors: read.errors };
      showProblems(form, $("problems"), page.t, problems).focus();
      return;
    }
    problems = read.warnings.length ? { warnings: read.warnings } : null;
    if (problems) showProblems(form, $("problems"), page.t, problems);
    else clearProblems(form, $("problems"));
    show({ id: current?.id, ...read.person });
    $("panel").focus();
  });
  $("json-form").addEventListener("submit", (event) => {
    event.preventDefault();
    // The panel parses the text: bad JSON is shown as an INVALID_JSON error.
    $("panel").setAttribute("person", $("person-json").value);
    $("panel").focus();
  });
  $("print").addEventListener("click", () => print());
  try {
    const { version } = await ready;
    $("version").textContent = `· veivalg ${version()}`;
  } catch (e) {
    $("status").textContent = page.t("status.loadFailed", { message: e?.message ?? String(e) });
    return;
  }
  show(SAMPLES[0].person);
  document.body.dataset.ready = "true";
  $("status").textContent = page.t("status.ready");
}

main();
