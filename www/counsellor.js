// The counsellor page: pick a SYNTHETIC example person (or paste one as
// JSON) and show it in <veivalg-panel>. Nothing is sent anywhere.
import { ready } from "./lib/veivalg.js";
import "./lib/panel.js";
import { $, h } from "./lib/dom.js";

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

/** Invented example persons (synthetic: no real data), registered 2025-03-14. */
export const SAMPLES = [
  {
    title: "Anne, 45: mistet jobben, fast jobb i ti år",
    person: {
      id: "syntetisk-1",
      registeredOn: "2025-03-14",
      birthDate: "1979-06-02",
      answers: answers("MISTET_JOBBEN", "HOYERE_UTDANNING_1_TIL_4"),
      employment: [{ start: "2015-08-01", end: "2025-02-28" }],
      wages: monthly("2022-03", "2025-02", 46000),
    },
  },
  {
    title: "Hassan, 52: mistet jobben, i jobb 16 av de siste 24 månedene",
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
    title: "Eva, 34: deltid, oppgir helseproblemer",
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
    title: "Jonas, 31: akkurat ferdig utdannet, sommerjobb",
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
    title: "Per, 63: permittert, grunnskole, lang arbeidserfaring",
    person: {
      id: "syntetisk-5",
      registeredOn: "2025-03-14",
      birthDate: "1961-05-30",
      answers: answers("ER_PERMITTERT", "GRUNNSKOLE"),
      employment: [{ start: "1998-03-01", end: null }],
      wages: monthly("2022-03", "2025-02", (m) => (m >= "2025-01" ? 8000 : 43000)),
    },
  },
];

function show(person) {
  $("person-json").value = JSON.stringify(person, null, 2);
  $("panel").person = person;
}

async function main() {
  const select = $("sample");
  select.append(...SAMPLES.map((x, i) => h("option", { value: String(i) }, `${x.title} (syntetisk)`)));
  select.addEventListener("change", () => show(SAMPLES[Number(select.value)].person));
  $("json-form").addEventListener("submit", (event) => {
    event.preventDefault();
    // The panel parses the text: bad JSON is shown as an INVALID_JSON error.
    $("panel").setAttribute("person", $("person-json").value);
    $("panel").focus();
  });
  try {
    const { version } = await ready;
    $("version").textContent = version();
  } catch (e) {
    $("status").textContent = `Beregningsmodulen kunne ikke lastes: ${e?.message ?? e}`;
    return;
  }
  show(SAMPLES[0].person);
  $("status").textContent = "Klar.";
  document.body.dataset.ready = "true";
}

main();
