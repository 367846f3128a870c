// The text catalogue of the veivalg pages: NAV's code words (design §3) in
// plain Norwegian (bokmål) and English, and the reasons of a decision as
// sentences, for a counsellor ("they") and for the citizen ("you").
//
//   import { label, reasonText, T } from "./lib/i18n.js";
//   label("situation", "MISTET_JOBBEN", "en")   → "Lost my job or will lose it"

import { pct } from "./dom.js";

export const LANGS = ["nb", "en"];

/** Code word → { nb, en }, per vocabulary. */
export const CODES = {
  group: {
    ANTATT_GODE_MULIGHETER: { nb: "Antatt gode muligheter", en: "Assumed good prospects (quick return to work)" },
    ANTATT_BEHOV_FOR_VEILEDNING: { nb: "Antatt behov for veiledning", en: "Assumed need for guidance" },
    OPPGITT_HINDRINGER: { nb: "Oppgitt hindringer", en: "Reported obstacles" },
  },
  unit: {
    NOE: { nb: "Nasjonal oppfølgingsenhet (NOE)", en: "NAV's national follow-up unit (NOE)" },
    LOCAL_OFFICE: { nb: "Lokalt NAV-kontor", en: "Local NAV office" },
  },
  situation: {
    MISTET_JOBBEN: { nb: "Har mistet eller kommer til å miste jobben", en: "Lost my job or will lose it" },
    HAR_SAGT_OPP: { nb: "Har sagt opp eller kommer til å si opp", en: "Quit my job or will quit" },
    DELTIDSJOBB_VIL_MER: { nb: "Har deltidsjobb, men vil jobbe mer", en: "Work part-time and want to work more" },
    ALDRI_HATT_JOBB: { nb: "Har aldri vært i jobb", en: "Have never had a job" },
    VIL_BYTTE_JOBB: { nb: "Har jobb, men vil bytte", en: "Have a job and want to change" },
    JOBB_OVER_2_AAR: { nb: "Har ikke vært i jobb de siste 2 årene", en: "Have not had a job in the last two years" },
    ER_PERMITTERT: { nb: "Er permittert eller kommer til å bli permittert", en: "Temporarily laid off (permittert), or will be" },
    USIKKER_JOBBSITUASJON: { nb: "Er usikker på jobbsituasjonen", en: "Unsure about my job situation" },
    AKKURAT_FULLFORT_UTDANNING: {
      nb: "Har akkurat fullført utdanning, militærtjeneste eller annet",
      en: "Just finished education, military service or other",
    },
    VIL_FORTSETTE_I_JOBB: { nb: "Har jobb og ønsker å fortsette i den", en: "Have a job and want to keep it" },
  },
  education: {
    INGEN_UTDANNING: { nb: "Ingen utdanning", en: "No education" },
    GRUNNSKOLE: { nb: "Grunnskole", en: "Primary and lower secondary school (grunnskole)" },
    VIDEREGAENDE_GRUNNUTDANNING: { nb: "Videregående skole, grunnutdanning (1 til 2 år)", en: "Upper secondary, basic (1 to 2 years)" },
    VIDEREGAENDE_FAGBREV_SVENNEBREV: {
      nb: "Videregående skole, fagbrev eller svennebrev (3 år eller mer)",
      en: "Upper secondary, trade or journeyman's certificate (3 years or more)",
    },
    HOYERE_UTDANNING_1_TIL_4: { nb: "Høyere utdanning (1 til 4 år)", en: "Higher education (1 to 4 years)" },
    HOYERE_UTDANNING_5_ELLER_MER: { nb: "Høyere utdanning (5 år eller mer)", en: "Higher education (5 years or more)" },
  },
  answer: {
    JA: { nb: "Ja", en: "Yes" },
    NEI: { nb: "Nei", en: "No" },
    VET_IKKE: { nb: "Vet ikke", en: "Don't know" },
    INGEN_SVAR: { nb: "Ikke spurt", en: "Not asked" },
  },
  feature: {
    situation: { nb: "Situasjon (grunn til registrering)", en: "Situation (reason for registering)" },
    monthsSinceAbove3G: { nb: "Måneder siden lønn over 3G", en: "Months since a wage above 3G" },
    monthsAbove3GLast24: { nb: "Måneder over 3G siste 24 måneder", en: "Months above 3G in the last 24" },
    education: { nb: "Utdanning", en: "Education" },
  },
  outcome: {
    STABLE_WORK: { nb: "Stabilt arbeid", en: "Stable work" },
    IN_AND_OUT: { nb: "Inn og ut av arbeid", en: "In and out of work" },
    WITHOUT_WORK: { nb: "Uten arbeid", en: "Without work" },
    TOTAL: { nb: "Totalt", en: "Total" },
  },
  /** What a model predicts: the target its accuracy is measured against. */
  target: {
    STABLE_WORK: { nb: "stabilt arbeid", en: "stable work" },
    WITHOUT_WORK: { nb: "uten arbeid", en: "without work" },
    NOT_WITHOUT_WORK: { nb: "ikke uten arbeid", en: "not without work" },
  },
  rule: {
    HEALTH_OBSTACLES: { nb: "Helseproblemer regnes som hindring", en: "Health problems count as an obstacle" },
    OTHER_OBSTACLES: { nb: "Andre problemer regnes som hindring", en: "Other problems count as an obstacle" },
    AGE_IN_BAND: { nb: "Alder innenfor grensen for «antatt gode muligheter»", en: "Age inside the quick-return band" },
    HAS_EDUCATION: { nb: "Har fullført utdanning", en: "Has completed education" },
    PASSED_EDUCATION: { nb: "Utdanningen er bestått", en: "Education passed" },
    APPROVED_EDUCATION: { nb: "Utdanningen er godkjent i Norge", en: "Education approved in Norway" },
    WORK_HISTORY: { nb: "Jobbet seks sammenhengende måneder det siste året", en: "Worked six continuous months in the last year" },
  },
};

/** The plain-language name of a code word, or the code itself when unknown. */
export function label(vocabulary, value, lang = "nb") {
  const entry = CODES[vocabulary]?.[value];
  return entry ? entry[lang] ?? entry.nb : String(value ?? "–");
}

const answer = (value, lang) => label("answer", value, lang).toLowerCase();

/**
 * Reasons as sentences: REASONS[voice][lang][code](detail). `they` is the
 * counsellor's view of the person, `you` speaks to the citizen.
 */
const REASONS = {
  they: {
    nb: {
      HEALTH_OBSTACLES: (d) => `Svarte «${answer(d.answer, "nb")}» på spørsmålet om helseproblemer, og det regnes som en hindring`,
      OTHER_OBSTACLES: (d) => `Svarte «${answer(d.answer, "nb")}» på spørsmålet om andre problemer, og det regnes som en hindring`,
      AGE_OUTSIDE_BAND: (d) => `Er ${d.age} år, utenfor aldersgrensen ${d.min}–${d.max} år for «antatt gode muligheter»`,
      NO_EDUCATION: () => "Har ingen fullført utdanning",
      EDUCATION_NOT_PASSED: (d) => `Utdanningen er ikke oppgitt som bestått (svar: ${answer(d.answer, "nb")})`,
      EDUCATION_NOT_APPROVED: (d) => `Utdanningen er ikke oppgitt som godkjent i Norge (svar: ${answer(d.answer, "nb")})`,
      WORK_HISTORY_NOT_MET: (d) =>
        `Har ikke jobbet ${d.minMonths ?? 6} sammenhengende måneder det siste året (lengste periode: ${d.longestMonths ?? 0} måneder)`,
      QUICK_RETURN_CRITERIA_MET: () => "Alle kriteriene for «antatt gode muligheter» er oppfylt",
      NOT_QUICK_RETURN: () => "Bare gruppen «antatt gode muligheter» kan sendes til NOE",
      AGE_OUTSIDE_NOE_BAND: (d) => `Er ${d.age} år, utenfor NOEs aldersgrense ${d.min}–${d.max} år`,
      DIGITAL_RESERVATION: () => "Har reservert seg mot digital kommunikasjon",
      SENSITIVE: () => "Har strengt fortrolig adresse eller er skjermet",
      SINGLE_PARENT: () => "Er enslig forsørger og følges opp av lokalkontoret (særskilte rettigheter)",
      ROUTED_TO_NOE: (d) => `Er ${d.age} år, innenfor NOEs aldersgrense ${d.min}–${d.max} år`,
      MODEL_SELECTS_NOE: (d) =>
        d.target === "WITHOUT_WORK"
          ? `Modellen anslår ${pct(d.probability)} sannsynlighet for å bli uten arbeid, under grensen på ${pct(d.cutoff)}`
          : `Modellen anslår ${pct(d.probability)} sannsynlighet for stabilt arbeid, over grensen på ${pct(d.cutoff)}`,
      MODEL_SELECTS_LOCAL_OFFICE: (d) =>
        d.target === "WITHOUT_WORK"
          ? `Modellen anslår ${pct(d.probability)} sannsynlighet for å bli uten arbeid, på eller over grensen på ${pct(d.cutoff)}`
          : `Modellen anslår ${pct(d.probability)} sannsynlighet for stabilt arbeid, under grensen på ${pct(d.cutoff)}`,
    },
  },
  you: {
    nb: {
      HEALTH_OBSTACLES: () => "Du svarte at du har helseproblemer som hindrer deg i å søke eller være i jobb.",
      OTHER_OBSTACLES: () => "Du svarte at du har andre problemer med å søke eller være i jobb.",
      AGE_OUTSIDE_BAND: (d) => `Du er ${d.age} år. Gruppen «antatt gode muligheter» gjelder ${d.min}–${d.max} år.`,
      NO_EDUCATION: () => "Du har oppgitt at du ikke har fullført noen utdanning.",
      EDUCATION_NOT_PASSED: () => "Du har ikke oppgitt at utdanningen din er bestått.",
      EDUCATION_NOT_APPROVED: () => "Du har ikke oppgitt at utdanningen din er godkjent i Norge.",
      WORK_HISTORY_NOT_MET: (d) =>
        `Arbeidsforholdene viser ikke ${d.minMonths ?? 6} sammenhengende måneder i jobb det siste året før registreringen.`,
      QUICK_RETURN_CRITERIA_MET: () =>
        "Du har fullført, bestått og godkjent utdanning, har vært i jobb minst 6 sammenhengende måneder det siste året og har ikke oppgitt hindringer.",
      NOT_QUICK_RETURN: () => "Bare personer i gruppen «antatt gode muligheter» sendes til NOE. Andre følges opp av et lokalt NAV-kontor.",
      AGE_OUTSIDE_NOE_BAND: (d) => `NOE følger opp personer fra ${d.min} til ${d.max} år, og du er ${d.age}.`,
      DIGITAL_RESERVATION: () => "Du har reservert deg mot digital kommunikasjon.",
      SENSITIVE: () => "Du har strengt fortrolig adresse eller er skjermet.",
      SINGLE_PARENT: () => "Du er enslig forsørger og har særskilte rettigheter på lokalkontoret.",
      ROUTED_TO_NOE: (d) => `Du er ${d.age} år, og NOE følger opp personer fra ${d.min} til ${d.max} år.`,
    },
    en: {
      HEALTH_OBSTACLES: () => "You said that health problems keep you from seeking or holding a job.",
      OTHER_OBSTACLES: () => "You said that other problems make it hard to seek or hold a job.",
      AGE_OUTSIDE_BAND: (d) => `You are ${d.age}. The group “assumed good prospects” covers ages ${d.min}–${d.max}.`,
      NO_EDUCATION: () => "You said that you have not completed any education.",
      EDUCATION_NOT_PASSED: () => "You did not say that you passed your education.",
      EDUCATION_NOT_APPROVED: () => "You did not say that your education is approved in Norway.",
      WORK_HISTORY_NOT_MET: (d) =>
        `Your employment does not show ${d.minMonths ?? 6} continuous months in work in the year before you registered.`,
      QUICK_RETURN_CRITERIA_MET: () =>
        "You have completed, passed and approved education, worked at least 6 continuous months in the last year and reported no obstacles.",
      NOT_QUICK_RETURN: () => "Only people in the group “assumed good prospects” go to NOE. Everyone else is followed up by a local NAV office.",
      AGE_OUTSIDE_NOE_BAND: (d) => `NOE follows up people aged ${d.min} to ${d.max}, and you are ${d.age}.`,
      DIGITAL_RESERVATION: () => "You have opted out of digital communication.",
      SENSITIVE: () => "You have a confidential address or are shielded.",
      SINGLE_PARENT: () => "You are a single parent and have special rights at the local office.",
      ROUTED_TO_NOE: (d) => `You are ${d.age}, and NOE follows up people aged ${d.min} to ${d.max}.`,
    },
  },
};

/** A reason `{code, detail}` as a sentence; falls back to the code. */
export function reasonText(reason, { lang = "nb", voice = "they" } = {}) {
  const table = REASONS[voice]?.[lang] ?? REASONS[voice]?.nb ?? REASONS.they.nb;
  const f = table[reason.code] ?? REASONS.they.nb[reason.code];
  return f ? f(reason.detail ?? {}) : reason.code;
}

/** The citizen page's own texts (`data-i18n` keys). */
export const T = {
  nb: {
    title: "Hvor blir jeg sendt? – veivalg",
    heading: "Hvor blir jeg sendt som ny arbeidssøker?",
    intro:
      "Svar på spørsmålene slik NAVs registreringsskjema stiller dem, og se om du ville blitt sendt til Nasjonal oppfølgingsenhet (NOE) eller et lokalt NAV-kontor, og hvorfor.",
    privacy: "Ingenting sendes noe sted: alt regnes ut i nettleseren din, og ingenting lagres.",
    langButton: "English",
    loading: "Laster beregningsmodulen …",
    ready: "Klar.",
    loadFailed: "Beregningsmodulen kunne ikke lastes:",
    formHeading: "Registrering",
    required: "Alle spørsmål må besvares, med mindre det står «valgfritt».",
    registeredOn: "Registreringsdato",
    registeredOnHelp: "Datoen registreringen gjelder. 2025-03-14 er forhåndsvalgt.",
    age: "Alder (år)",
    ageHelp: "Alderen din på registreringsdatoen.",
    q1: "1. Hva er din situasjon?",
    q1Help: "Velg det som passer best.",
    q2: "2. Siste stilling (valgfritt)",
    q2Help: "NAV henter stillingen fra Aa-registeret, og du kan endre den. Den brukes ikke i sorteringen.",
    employment: "Arbeidsforhold (valgfritt)",
    employmentHelp:
      "NAV henter arbeidsforholdene dine fra Aa-registeret. Her fyller du inn den siste sammenhengende perioden selv.",
    workedSince: "I jobb fra",
    workedUntil: "I jobb til og med (tomt hvis du fortsatt er i jobb)",
    q3: "3. Hva er din høyeste fullførte utdanning?",
    q3b: "3b. Er utdanningen din godkjent i Norge?",
    q3c: "3c. Er utdanningen din bestått?",
    q3Note: "Spørsmål 3b og 3c stilles ikke når høyeste utdanning er ingen eller grunnskole.",
    q4: "4. Har du helseproblemer som hindrer deg i å søke eller være i jobb?",
    q5: "5. Har du andre problemer med å søke eller være i jobb?",
    q5Help: "For eksempel språk, lesing og skriving eller familiesituasjon.",
    submit: "Vis hvor jeg blir sendt",
    resultHeading: "Resultat",
    sentTo: "Du er sendt til",
    sentToNoe: "Du er sendt til Nasjonal oppfølgingsenhet (NOE).",
    sentToLocal: "Du er sendt til ditt lokale NAV-kontor.",
    groupIs: "Gruppen du er plassert i:",
    why: "Hvorfor:",
    notDecision:
      "Dette er en grovsortering som bare avgjør hvem hos NAV som ser på saken din først. En veileder vurderer behovet ditt for hjelp og fatter vedtaket.",
    policyUsed: "Regler som gjelder på registreringsdatoen:",
    ruleset: "regelsett",
    errorHeading: "Svarene kunne ikke vurderes",
    missing: "Du må svare på dette:",
    invalid: "Dette svaret kan ikke brukes:",
    technical: "Teknisk:",
    footer: "veivalg · Rust og WebAssembly · Ingen data forlater nettleseren.",
    skip: "Hopp til skjemaet",
    navLabel: "Sider",
    navIndex: "Registrering",
    navCounsellor: "Veileder",
    navCitizen: "Innbygger",
    navDemo: "Analyse",
  },
  en: {
    title: "Where will I be sent? – veivalg",
    heading: "Where will I be sent as a new job seeker?",
    intro:
      "Answer the questions as NAV's registration form asks them, and see whether you would be sent to NAV's national follow-up unit (NOE) or to a local NAV office, and why.",
    privacy: "Nothing is sent anywhere: everything is computed in your browser, and nothing is stored.",
    langButton: "Norsk",
    loading: "Loading the calculation module …",
    ready: "Ready.",
    loadFailed: "The calculation module could not be loaded:",
    formHeading: "Registration",
    required: "Answer every question unless it says “optional”.",
    registeredOn: "Date of registration",
    registeredOnHelp: "The day the registration is for. 2025-03-14 is filled in.",
    age: "Age (years)",
    ageHelp: "Your age on the day of registration.",
    q1: "1. What is your situation?",
    q1Help: "Choose the one that fits best.",
    q2: "2. Last job title (optional)",
    q2Help: "NAV takes the title from the employer register (Aa-registeret), and you can change it. It is not used for the sorting.",
    employment: "Employment (optional)",
    employmentHelp: "NAV takes your employment from the employer register (Aa-registeret). Here you enter your latest continuous period yourself.",
    workedSince: "Employed from",
    workedUntil: "Employed until (empty if you still have the job)",
    q3: "3. What is your highest completed education?",
    q3b: "3b. Is your education approved in Norway?",
    q3c: "3c. Did you pass your education?",
    q3Note: "Questions 3b and 3c are not asked when the highest education is none or primary school.",
    q4: "4. Do you have health problems that keep you from seeking or holding a job?",
    q5: "5. Do you have other problems with seeking or holding a job?",
    q5Help: "For example language, reading and writing, or your family situation.",
    submit: "Show where I am sent",
    resultHeading: "Result",
    sentTo: "You are sent to",
    sentToNoe: "You have been sent to NAV's national follow-up unit (NOE).",
    sentToLocal: "You have been sent to your local NAV office.",
    groupIs: "The group you are placed in:",
    why: "Why:",
    notDecision:
      "This is a rough sorting that only decides who at NAV looks at your case first. A counsellor assesses your need for help and makes the decision.",
    policyUsed: "Rules in force on the registration day:",
    ruleset: "ruleset",
    errorHeading: "Your answers could not be assessed",
    missing: "Please answer this:",
    invalid: "This answer cannot be used:",
    technical: "Technical:",
    footer: "veivalg · Rust and WebAssembly · No data leaves your browser.",
    skip: "Skip to the form",
    navLabel: "Pages",
    navIndex: "Registration",
    navCounsellor: "Counsellor",
    navCitizen: "Citizen",
    navDemo: "Analysis",
  },
};
