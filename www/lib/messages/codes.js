// The message catalogue, part 1: NAV's code words (design §3) and the reasons
// of a decision, in bokmål, nynorsk and English. Keys are
// `code.<vocabulary>.<VALUE>` and `reason.<voice>.<CODE>`: `they` is the
// counsellor's view of the person, `you` speaks to the citizen. A value is a
// string or a function of the reason's `detail` and a formatter `f`.

const answer = (t, v) => t(`code.answer.${v}`).toLowerCase();

export default {
  "code.group.ANTATT_GODE_MULIGHETER": { nb: "Antatt gode muligheter", nn: "Anteke gode moglegheiter", en: "Assumed good prospects (quick return to work)" },
  "code.group.ANTATT_BEHOV_FOR_VEILEDNING": { nb: "Antatt behov for veiledning", nn: "Anteke behov for rettleiing", en: "Assumed need for guidance" },
  "code.group.OPPGITT_HINDRINGER": { nb: "Oppgitt hindringer", nn: "Oppgitte hindringar", en: "Reported obstacles" },

  "code.unit.NOE": { nb: "Nasjonal oppfølgingsenhet (NOE)", nn: "Nasjonal oppfølgingseining (NOE)", en: "NAV's national follow-up unit (NOE)" },
  "code.unit.LOCAL_OFFICE": { nb: "Lokalt NAV-kontor", nn: "Lokalt NAV-kontor", en: "Local NAV office" },

  "code.situation.MISTET_JOBBEN": { nb: "Har mistet eller kommer til å miste jobben", nn: "Har mista eller kjem til å miste jobben", en: "Lost my job or will lose it" },
  "code.situation.HAR_SAGT_OPP": { nb: "Har sagt opp eller kommer til å si opp", nn: "Har sagt opp eller kjem til å seie opp", en: "Quit my job or will quit" },
  "code.situation.DELTIDSJOBB_VIL_MER": { nb: "Har deltidsjobb, men vil jobbe mer", nn: "Har deltidsjobb, men vil jobbe meir", en: "Work part-time and want to work more" },
  "code.situation.ALDRI_HATT_JOBB": { nb: "Har aldri vært i jobb", nn: "Har aldri vore i jobb", en: "Have never had a job" },
  "code.situation.VIL_BYTTE_JOBB": { nb: "Har jobb, men vil bytte", nn: "Har jobb, men vil byte", en: "Have a job and want to change" },
  "code.situation.JOBB_OVER_2_AAR": { nb: "Har ikke vært i jobb de siste 2 årene", nn: "Har ikkje vore i jobb dei siste 2 åra", en: "Have not had a job in the last two years" },
  "code.situation.ER_PERMITTERT": { nb: "Er permittert eller kommer til å bli permittert", nn: "Er permittert eller kjem til å bli permittert", en: "Temporarily laid off (permittert), or will be" },
  "code.situation.USIKKER_JOBBSITUASJON": { nb: "Er usikker på jobbsituasjonen", nn: "Er usikker på jobbsituasjonen", en: "Unsure about my job situation" },
  "code.situation.AKKURAT_FULLFORT_UTDANNING": {
    nb: "Har akkurat fullført utdanning, militærtjeneste eller annet",
    nn: "Har akkurat fullført utdanning, militærteneste eller anna",
    en: "Just finished education, military service or other",
  },
  "code.situation.VIL_FORTSETTE_I_JOBB": { nb: "Har jobb og ønsker å fortsette i den", nn: "Har jobb og ønskjer å halde fram i han", en: "Have a job and want to keep it" },

  "code.education.INGEN_UTDANNING": { nb: "Ingen utdanning", nn: "Inga utdanning", en: "No education" },
  "code.education.GRUNNSKOLE": { nb: "Grunnskole", nn: "Grunnskule", en: "Primary and lower secondary school (grunnskole)" },
  "code.education.VIDEREGAENDE_GRUNNUTDANNING": { nb: "Videregående skole, grunnutdanning (1 til 2 år)", nn: "Vidaregåande skule, grunnutdanning (1 til 2 år)", en: "Upper secondary, basic (1 to 2 years)" },
  "code.education.VIDEREGAENDE_FAGBREV_SVENNEBREV": {
    nb: "Videregående skole, fagbrev eller svennebrev (3 år eller mer)",
    nn: "Vidaregåande skule, fagbrev eller sveinebrev (3 år eller meir)",
    en: "Upper secondary, trade or journeyman's certificate (3 years or more)",
  },
  "code.education.HOYERE_UTDANNING_1_TIL_4": { nb: "Høyere utdanning (1 til 4 år)", nn: "Høgare utdanning (1 til 4 år)", en: "Higher education (1 to 4 years)" },
  "code.education.HOYERE_UTDANNING_5_ELLER_MER": { nb: "Høyere utdanning (5 år eller mer)", nn: "Høgare utdanning (5 år eller meir)", en: "Higher education (5 years or more)" },

  "code.answer.JA": { nb: "Ja", nn: "Ja", en: "Yes" },
  "code.answer.NEI": { nb: "Nei", nn: "Nei", en: "No" },
  "code.answer.VET_IKKE": { nb: "Vet ikke", nn: "Veit ikkje", en: "Don't know" },
  "code.answer.INGEN_SVAR": { nb: "Ikke spurt", nn: "Ikkje spurt", en: "Not asked" },

  "code.selfAssessment.1": { nb: "1 – Svært dårlige", nn: "1 – Svært dårlege", en: "1 – Very poor" },
  "code.selfAssessment.2": { nb: "2 – Dårlige", nn: "2 – Dårlege", en: "2 – Poor" },
  "code.selfAssessment.3": { nb: "3 – Middels", nn: "3 – Middels", en: "3 – Fair" },
  "code.selfAssessment.4": { nb: "4 – Gode", nn: "4 – Gode", en: "4 – Good" },
  "code.selfAssessment.5": { nb: "5 – Svært gode", nn: "5 – Svært gode", en: "5 – Very good" },

  "code.feature.situation": { nb: "Situasjon (grunn til registrering)", nn: "Situasjon (grunn til registrering)", en: "Situation (reason for registering)" },
  "code.feature.monthsSinceAbove3G": { nb: "Måneder siden lønn over 3G", nn: "Månader sidan løn over 3G", en: "Months since a wage above 3G" },
  "code.feature.monthsAbove3GLast24": { nb: "Måneder over 3G siste 24 måneder", nn: "Månader over 3G dei siste 24 månadene", en: "Months above 3G in the last 24" },
  "code.feature.education": { nb: "Utdanning", nn: "Utdanning", en: "Education" },

  "code.outcome.STABLE_WORK": { nb: "Stabilt arbeid", nn: "Stabilt arbeid", en: "Stable work" },
  "code.outcome.IN_AND_OUT": { nb: "Inn og ut av arbeid", nn: "Inn og ut av arbeid", en: "In and out of work" },
  "code.outcome.WITHOUT_WORK": { nb: "Uten arbeid", nn: "Utan arbeid", en: "Without work" },
  "code.outcome.TOTAL": { nb: "Totalt", nn: "Totalt", en: "Total" },

  "code.target.STABLE_WORK": { nb: "stabilt arbeid", nn: "stabilt arbeid", en: "stable work" },
  "code.target.WITHOUT_WORK": { nb: "uten arbeid", nn: "utan arbeid", en: "without work" },
  "code.target.NOT_WITHOUT_WORK": { nb: "ikke uten arbeid", nn: "ikkje utan arbeid", en: "not without work" },

  "code.rule.HEALTH_OBSTACLES": { nb: "Helseproblemer regnes som hindring", nn: "Helseproblem blir rekna som hindring", en: "Health problems count as an obstacle" },
  "code.rule.OTHER_OBSTACLES": { nb: "Andre problemer regnes som hindring", nn: "Andre problem blir rekna som hindring", en: "Other problems count as an obstacle" },
  "code.rule.AGE_IN_BAND": { nb: "Alder innenfor grensen for «antatt gode muligheter»", nn: "Alder innanfor grensa for «anteke gode moglegheiter»", en: "Age inside the quick-return band" },
  "code.rule.HAS_EDUCATION": { nb: "Har fullført utdanning", nn: "Har fullført utdanning", en: "Has completed education" },
  "code.rule.PASSED_EDUCATION": { nb: "Utdanningen er bestått", nn: "Utdanninga er bestått", en: "Education passed" },
  "code.rule.APPROVED_EDUCATION": { nb: "Utdanningen er godkjent i Norge", nn: "Utdanninga er godkjend i Noreg", en: "Education approved in Norway" },
  "code.rule.WORK_HISTORY": { nb: "Jobbet seks sammenhengende måneder det siste året", nn: "Jobba seks samanhengande månader det siste året", en: "Worked six continuous months in the last year" },

  // --- reasons, the counsellor's view ---------------------------------------
  "reason.they.HEALTH_OBSTACLES": {
    nb: (d, t) => `Svarte «${answer(t, d.answer)}» på spørsmålet om helseproblemer, og det regnes som en hindring`,
    nn: (d, t) => `Svarte «${answer(t, d.answer)}» på spørsmålet om helseproblem, og det blir rekna som ei hindring`,
    en: (d, t) => `Answered “${answer(t, d.answer)}” to the question about health problems, which counts as an obstacle`,
  },
  "reason.they.OTHER_OBSTACLES": {
    nb: (d, t) => `Svarte «${answer(t, d.answer)}» på spørsmålet om andre problemer, og det regnes som en hindring`,
    nn: (d, t) => `Svarte «${answer(t, d.answer)}» på spørsmålet om andre problem, og det blir rekna som ei hindring`,
    en: (d, t) => `Answered “${answer(t, d.answer)}” to the question about other problems, which counts as an obstacle`,
  },
  "reason.they.AGE_OUTSIDE_BAND": {
    nb: (d) => `Er ${d.age} år, utenfor aldersgrensen ${d.min}–${d.max} år for «antatt gode muligheter»`,
    nn: (d) => `Er ${d.age} år, utanfor aldersgrensa ${d.min}–${d.max} år for «anteke gode moglegheiter»`,
    en: (d) => `Is ${d.age}, outside the age band ${d.min}–${d.max} for “assumed good prospects”`,
  },
  "reason.they.NO_EDUCATION": { nb: "Har ingen fullført utdanning", nn: "Har inga fullført utdanning", en: "Has no completed education" },
  "reason.they.EDUCATION_NOT_PASSED": {
    nb: (d, t) => `Utdanningen er ikke oppgitt som bestått (svar: ${answer(t, d.answer)})`,
    nn: (d, t) => `Utdanninga er ikkje oppgitt som bestått (svar: ${answer(t, d.answer)})`,
    en: (d, t) => `The education is not given as passed (answer: ${answer(t, d.answer)})`,
  },
  "reason.they.EDUCATION_NOT_APPROVED": {
    nb: (d, t) => `Utdanningen er ikke oppgitt som godkjent i Norge (svar: ${answer(t, d.answer)})`,
    nn: (d, t) => `Utdanninga er ikkje oppgitt som godkjend i Noreg (svar: ${answer(t, d.answer)})`,
    en: (d, t) => `The education is not given as approved in Norway (answer: ${answer(t, d.answer)})`,
  },
  "reason.they.WORK_HISTORY_NOT_MET": {
    nb: (d) => `Har ikke jobbet ${d.minMonths ?? 6} sammenhengende måneder det siste året (lengste periode: ${d.longestMonths ?? 0} måneder)`,
    nn: (d) => `Har ikkje jobba ${d.minMonths ?? 6} samanhengande månader det siste året (lengste periode: ${d.longestMonths ?? 0} månader)`,
    en: (d) => `Has not worked ${d.minMonths ?? 6} continuous months in the last year (longest stretch: ${d.longestMonths ?? 0} months)`,
  },
  "reason.they.QUICK_RETURN_CRITERIA_MET": {
    nb: "Alle kriteriene for «antatt gode muligheter» er oppfylt",
    nn: "Alle kriteria for «anteke gode moglegheiter» er oppfylte",
    en: "Every criterion for “assumed good prospects” is met",
  },
  "reason.they.NOT_QUICK_RETURN": {
    nb: "Bare gruppen «antatt gode muligheter» kan sendes til NOE",
    nn: "Berre gruppa «anteke gode moglegheiter» kan sendast til NOE",
    en: "Only the group “assumed good prospects” can go to NOE",
  },
  "reason.they.AGE_OUTSIDE_NOE_BAND": {
    nb: (d) => `Er ${d.age} år, utenfor NOEs aldersgrense ${d.min}–${d.max} år`,
    nn: (d) => `Er ${d.age} år, utanfor aldersgrensa til NOE, ${d.min}–${d.max} år`,
    en: (d) => `Is ${d.age}, outside NOE's age band ${d.min}–${d.max}`,
  },
  "reason.they.DIGITAL_RESERVATION": { nb: "Har reservert seg mot digital kommunikasjon", nn: "Har reservert seg mot digital kommunikasjon", en: "Has opted out of digital communication" },
  "reason.they.SENSITIVE": { nb: "Har strengt fortrolig adresse eller er skjermet", nn: "Har strengt fortruleg adresse eller er skjerma", en: "Has a strictly confidential address or is shielded" },
  "reason.they.SINGLE_PARENT": {
    nb: "Er enslig forsørger og følges opp av lokalkontoret (særskilte rettigheter)",
    nn: "Er einsleg forsørgjar og blir følgd opp av lokalkontoret (særskilde rettar)",
    en: "Is a single parent and is followed up by the local office (special rights)",
  },
  "reason.they.ROUTED_TO_NOE": {
    nb: (d) => `Er ${d.age} år, innenfor NOEs aldersgrense ${d.min}–${d.max} år`,
    nn: (d) => `Er ${d.age} år, innanfor aldersgrensa til NOE, ${d.min}–${d.max} år`,
    en: (d) => `Is ${d.age}, inside NOE's age band ${d.min}–${d.max}`,
  },
  "reason.they.MODEL_SELECTS_NOE": {
    nb: (d, t, f) =>
      d.target === "WITHOUT_WORK"
        ? `Modellen anslår ${f.pct(d.probability)} sannsynlighet for å bli uten arbeid, under grensen på ${f.pct(d.cutoff)}`
        : `Modellen anslår ${f.pct(d.probability)} sannsynlighet for stabilt arbeid, over grensen på ${f.pct(d.cutoff)}`,
    nn: (d, t, f) =>
      d.target === "WITHOUT_WORK"
        ? `Modellen reknar ${f.pct(d.probability)} sannsyn for å bli utan arbeid, under grensa på ${f.pct(d.cutoff)}`
        : `Modellen reknar ${f.pct(d.probability)} sannsyn for stabilt arbeid, over grensa på ${f.pct(d.cutoff)}`,
    en: (d, t, f) =>
      d.target === "WITHOUT_WORK"
        ? `The model puts the probability of being without work at ${f.pct(d.probability)}, below the cut-off of ${f.pct(d.cutoff)}`
        : `The model puts the probability of stable work at ${f.pct(d.probability)}, above the cut-off of ${f.pct(d.cutoff)}`,
  },
  "reason.they.MODEL_SELECTS_LOCAL_OFFICE": {
    nb: (d, t, f) =>
      d.target === "WITHOUT_WORK"
        ? `Modellen anslår ${f.pct(d.probability)} sannsynlighet for å bli uten arbeid, på eller over grensen på ${f.pct(d.cutoff)}`
        : `Modellen anslår ${f.pct(d.probability)} sannsynlighet for stabilt arbeid, under grensen på ${f.pct(d.cutoff)}`,
    nn: (d, t, f) =>
      d.target === "WITHOUT_WORK"
        ? `Modellen reknar ${f.pct(d.probability)} sannsyn for å bli utan arbeid, på eller over grensa på ${f.pct(d.cutoff)}`
        : `Modellen reknar ${f.pct(d.probability)} sannsyn for stabilt arbeid, under grensa på ${f.pct(d.cutoff)}`,
    en: (d, t, f) =>
      d.target === "WITHOUT_WORK"
        ? `The model puts the probability of being without work at ${f.pct(d.probability)}, at or above the cut-off of ${f.pct(d.cutoff)}`
        : `The model puts the probability of stable work at ${f.pct(d.probability)}, below the cut-off of ${f.pct(d.cutoff)}`,
  },

  // --- reasons, to the citizen ------------------------------------------------
  "reason.you.HEALTH_OBSTACLES": {
    nb: "Du svarte at du har helseproblemer som hindrer deg i å søke eller være i jobb.",
    nn: "Du svarte at du har helseproblem som hindrar deg i å søkje eller vere i jobb.",
    en: "You said that health problems keep you from seeking or holding a job.",
  },
  "reason.you.OTHER_OBSTACLES": {
    nb: "Du svarte at du har andre problemer med å søke eller være i jobb.",
    nn: "Du svarte at du har andre problem med å søkje eller vere i jobb.",
    en: "You said that other problems make it hard to seek or hold a job.",
  },
  "reason.you.AGE_OUTSIDE_BAND": {
    nb: (d) => `Du er ${d.age} år. Gruppen «antatt gode muligheter» gjelder ${d.min}–${d.max} år.`,
    nn: (d) => `Du er ${d.age} år. Gruppa «anteke gode moglegheiter» gjeld ${d.min}–${d.max} år.`,
    en: (d) => `You are ${d.age}. The group “assumed good prospects” covers ages ${d.min}–${d.max}.`,
  },
  "reason.you.NO_EDUCATION": {
    nb: "Du har oppgitt at du ikke har fullført noen utdanning.",
    nn: "Du har oppgitt at du ikkje har fullført noka utdanning.",
    en: "You said that you have not completed any education.",
  },
  "reason.you.EDUCATION_NOT_PASSED": {
    nb: "Du har ikke oppgitt at utdanningen din er bestått.",
    nn: "Du har ikkje oppgitt at utdanninga di er bestått.",
    en: "You did not say that you passed your education.",
  },
  "reason.you.EDUCATION_NOT_APPROVED": {
    nb: "Du har ikke oppgitt at utdanningen din er godkjent i Norge.",
    nn: "Du har ikkje oppgitt at utdanninga di er godkjend i Noreg.",
    en: "You did not say that your education is approved in Norway.",
  },
  "reason.you.WORK_HISTORY_NOT_MET": {
    nb: (d) => `Arbeidsforholdene viser ikke ${d.minMonths ?? 6} sammenhengende måneder i jobb det siste året før registreringen.`,
    nn: (d) => `Arbeidsforholda viser ikkje ${d.minMonths ?? 6} samanhengande månader i jobb det siste året før registreringa.`,
    en: (d) => `Your employment does not show ${d.minMonths ?? 6} continuous months in work in the year before you registered.`,
  },
  "reason.you.QUICK_RETURN_CRITERIA_MET": {
    nb: "Du har fullført, bestått og godkjent utdanning, har vært i jobb minst 6 sammenhengende måneder det siste året og har ikke oppgitt hindringer.",
    nn: "Du har fullført, bestått og godkjend utdanning, har vore i jobb minst 6 samanhengande månader det siste året og har ikkje oppgitt hindringar.",
    en: "You have completed, passed and approved education, worked at least 6 continuous months in the last year and reported no obstacles.",
  },
  "reason.you.NOT_QUICK_RETURN": {
    nb: "Bare personer i gruppen «antatt gode muligheter» sendes til NOE. Andre følges opp av et lokalt NAV-kontor.",
    nn: "Berre personar i gruppa «anteke gode moglegheiter» blir sende til NOE. Andre blir følgde opp av eit lokalt NAV-kontor.",
    en: "Only people in the group “assumed good prospects” go to NOE. Everyone else is followed up by a local NAV office.",
  },
  "reason.you.AGE_OUTSIDE_NOE_BAND": {
    nb: (d) => `NOE følger opp personer fra ${d.min} til ${d.max} år, og du er ${d.age}.`,
    nn: (d) => `NOE følgjer opp personar frå ${d.min} til ${d.max} år, og du er ${d.age}.`,
    en: (d) => `NOE follows up people aged ${d.min} to ${d.max}, and you are ${d.age}.`,
  },
  "reason.you.DIGITAL_RESERVATION": { nb: "Du har reservert deg mot digital kommunikasjon.", nn: "Du har reservert deg mot digital kommunikasjon.", en: "You have opted out of digital communication." },
  "reason.you.SENSITIVE": { nb: "Du har strengt fortrolig adresse eller er skjermet.", nn: "Du har strengt fortruleg adresse eller er skjerma.", en: "You have a confidential address or are shielded." },
  "reason.you.SINGLE_PARENT": {
    nb: "Du er enslig forsørger og har særskilte rettigheter på lokalkontoret.",
    nn: "Du er einsleg forsørgjar og har særskilde rettar på lokalkontoret.",
    en: "You are a single parent and have special rights at the local office.",
  },
  "reason.you.ROUTED_TO_NOE": {
    nb: (d) => `Du er ${d.age} år, og NOE følger opp personer fra ${d.min} til ${d.max} år.`,
    nn: (d) => `Du er ${d.age} år, og NOE følgjer opp personar frå ${d.min} til ${d.max} år.`,
    en: (d) => `You are ${d.age}, and NOE follows up people aged ${d.min} to ${d.max}.`,
  },
};
