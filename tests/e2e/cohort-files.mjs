// Cohort files written by the tests themselves (not the shipped synthetic
// cohort): registrations with 36 months of wages before the registration
// month and 12 after, form answers, a counsellor's decision, gender and born
// abroad, drawn from a small seeded generator, as JSON Lines (the CLI's
// cohort records) and as CSV (the columns of the README), row for row the
// same registrations. Some rows give their outcome, the others have it
// computed from the 12 months after registration.
//
//   const rows = registrations(400, { seed: 3, marker: "t1" });
//   writeFileSync("c.jsonl", jsonl(rows));  writeFileSync("c.csv", csv(rows));

const SITUATIONS = [
  ["MISTET_JOBBEN", 30],
  ["HAR_SAGT_OPP", 8],
  ["DELTIDSJOBB_VIL_MER", 6],
  ["ALDRI_HATT_JOBB", 4],
  ["VIL_BYTTE_JOBB", 8],
  ["JOBB_OVER_2_AAR", 12],
  ["ER_PERMITTERT", 10],
  ["USIKKER_JOBBSITUASJON", 10],
  ["AKKURAT_FULLFORT_UTDANNING", 6],
  ["VIL_FORTSETTE_I_JOBB", 6],
];
const EDUCATIONS = ["INGEN_UTDANNING", "GRUNNSKOLE", "VIDEREGAENDE_GRUNNUTDANNING", "VIDEREGAENDE_FAGBREV_SVENNEBREV", "HOYERE_UTDANNING_1_TIL_4", "HOYERE_UTDANNING_5_ELLER_MER"];
/** How likely work is, by situation (the wage draws follow it). */
const WORKS = { MISTET_JOBBEN: 0.6, HAR_SAGT_OPP: 0.65, DELTIDSJOBB_VIL_MER: 0.4, ALDRI_HATT_JOBB: 0.08, VIL_BYTTE_JOBB: 0.9, JOBB_OVER_2_AAR: 0.15, ER_PERMITTERT: 0.85, USIKKER_JOBBSITUASJON: 0.35, AKKURAT_FULLFORT_UTDANNING: 0.45, VIL_FORTSETTE_I_JOBB: 0.88 };

/** A seeded generator: `next()` in [0, 1). */
function generator(seed) {
  let s = (seed * 2654435761) % 4294967296 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, "0");
/** The month `k` months after year-month (y, m) as "YYYY-MM". */
function monthAfter(y, m, k) {
  const d = new Date(Date.UTC(y, m - 1 + k, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/**
 * `n` registrations: `{ id, registeredOn, birthDate, answers, employment,
 * singleParent, digitalReservation, wages: [[offset, nok]], outcome?,
 * counsellorStandard, gender, bornAbroad }`, wage offsets −36 … −1 before
 * and 1 … 12 after the registration month.
 */
export function registrations(n, { seed = 1, marker = "test" } = {}) {
  const next = generator(seed);
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const weighted = (xs) => {
    const total = xs.reduce((a, [, w]) => a + w, 0);
    let r = next() * total;
    for (const [v, w] of xs) if ((r -= w) < 0) return v;
    return xs.at(-1)[0];
  };
  const out = [];
  for (let i = 0; i < n; i++) {
    const y = 2019;
    const m = 1 + Math.floor(next() * 6);
    const day = 1 + Math.floor(next() * 28);
    const age = 25 + Math.floor(next() * 40);
    const birthMonth = 1 + Math.floor(next() * 12);
    // Born before the registration day in the year, so `age` is the age on it.
    const birthDate = `${y - age - (birthMonth > m ? 1 : 0)}-${pad(birthMonth)}-${pad(1 + Math.floor(next() * 28))}`;
    const situation = weighted(SITUATIONS);
    const education = pick(EDUCATIONS);
    const asked = !["INGEN_UTDANNING", "GRUNNSKOLE"].includes(education);
    const answers = {
      situation,
      education,
      ...(asked ? { educationApproved: next() < 0.8 ? "JA" : "NEI", educationPassed: next() < 0.9 ? "JA" : "NEI" } : {}),
      healthObstacles: next() < 0.1 ? "JA" : "NEI",
      otherObstacles: next() < 0.06 ? "JA" : "NEI",
    };
    const works = WORKS[situation];
    const level = 28000 + Math.floor(next() * 40000);
    const wages = [];
    let working = next() < works;
    for (let k = -36; k <= 12; k++) {
      if (k === 0) continue;
      if (next() < 0.12) working = next() < (k > 0 ? works * 0.9 : works);
      if (working) wages.push([k, Math.round(level * (0.8 + 0.4 * next()))]);
    }
    const employment = wages.some(([k]) => k >= -12 && k < 0) ? [{ start: `${monthAfter(y, m, -14)}-01`, end: next() < 0.5 ? `${monthAfter(y, m, -1)}-15` : null }] : [];
    const statedOutcome = next() < 0.3 ? pick(["STABLE_WORK", "IN_AND_OUT", "WITHOUT_WORK"]) : undefined;
    out.push({
      id: `${marker}-${i + 1}`,
      year: y,
      month: m,
      registeredOn: `${y}-${pad(m)}-${pad(day)}`,
      birthDate,
      answers,
      employment,
      singleParent: next() < 0.05,
      digitalReservation: next() < 0.02,
      wages,
      outcome: statedOutcome,
      counsellorStandard: next() < 0.3 + 0.5 * works,
      gender: next() < 0.5 ? "FEMALE" : "MALE",
      bornAbroad: next() < 0.25,
    });
  }
  return out;
}

/** One cohort record (JSON) of a registration, as `veivalg synth` writes them. */
export function record(r, { counsellor = true } = {}) {
  return {
    person: {
      id: r.id,
      registeredOn: r.registeredOn,
      birthDate: r.birthDate,
      answers: r.answers,
      employment: r.employment,
      wages: r.wages.map(([k, nok]) => ({ month: monthAfter(r.year, r.month, k), nok })),
      wagesThrough: monthAfter(r.year, r.month, 12),
      singleParent: r.singleParent,
      digitalReservation: r.digitalReservation,
    },
    ...(r.outcome ? { outcome: r.outcome } : {}),
    ...(counsellor ? { counsellorStandard: r.counsellorStandard } : {}),
    gender: r.gender,
    bornAbroad: r.bornAbroad,
  };
}

/** The registrations as JSON Lines. */
export function jsonl(rows, options) {
  return rows.map((r) => JSON.stringify(record(r, options))).join("\n") + "\n";
}

const WAGE_COLUMNS = [...Array.from({ length: 36 }, (_, i) => `wage-${36 - i}`), ...Array.from({ length: 12 }, (_, i) => `wage+${i + 1}`)];
const COLUMNS = ["id", "registeredOn", "birthDate", "situation", "education", "educationApproved", "educationPassed", "healthObstacles", "otherObstacles", "employment", "singleParent", "digitalReservation", "outcome", "counsellorStandard", "gender", "bornAbroad", ...WAGE_COLUMNS];

/** The registrations as CSV with a header row (`sep` `,` or `;`). */
export function csv(rows, { counsellor = true, sep = "," } = {}) {
  const columns = counsellor ? COLUMNS : COLUMNS.filter((c) => c !== "counsellorStandard");
  const lines = [columns.join(sep)];
  for (const r of rows) {
    const wage = Object.fromEntries(r.wages.map(([k, nok]) => [k < 0 ? `wage${k}` : `wage+${k}`, nok]));
    const cell = {
      id: r.id,
      registeredOn: r.registeredOn,
      birthDate: r.birthDate,
      ...r.answers,
      employment: r.employment.map((p) => `${p.start}/${p.end ?? ""}`).join(" "),
      singleParent: String(r.singleParent),
      digitalReservation: String(r.digitalReservation),
      outcome: r.outcome ?? "",
      counsellorStandard: String(r.counsellorStandard),
      gender: r.gender,
      bornAbroad: String(r.bornAbroad),
      ...wage,
    };
    lines.push(columns.map((c) => cell[c] ?? "").join(sep));
  }
  return lines.join("\r\n") + "\r\n";
}
