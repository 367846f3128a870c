// The message catalogue, part 2: what every page shares (navigation, the
// language switch, loading status, footer) and the landing page.

export default {
  "nav.label": { nb: "Sider", nn: "Sider", en: "Pages" },
  "nav.home": { nb: "Forside", nn: "Framside", en: "Home" },
  "nav.citizen": { nb: "Innbygger", nn: "Innbyggjar", en: "Citizen" },
  "nav.counsellor": { nb: "Veileder", nn: "Rettleiar", en: "Counsellor" },
  "nav.demo": { nb: "Analyse", nn: "Analyse", en: "Analysis" },
  "lang.label": { nb: "Språk", nn: "Språk", en: "Language" },
  "status.loading": { nb: "Laster beregningsmodulen …", nn: "Lastar utrekningsmodulen …", en: "Loading the calculation module …" },
  "status.ready": { nb: "Klar.", nn: "Klar.", en: "Ready." },
  "status.loadFailed": {
    nb: (p) => `Beregningsmodulen kunne ikke lastes: ${p.message}`,
    nn: (p) => `Utrekningsmodulen kunne ikkje lastast: ${p.message}`,
    en: (p) => `The calculation module could not be loaded: ${p.message}`,
  },
  "footer.text": {
    nb: "veivalg · Rust og WebAssembly · Ingen data forlater nettleseren.",
    nn: "veivalg · Rust og WebAssembly · Ingen data forlèt nettlesaren.",
    en: "veivalg · Rust and WebAssembly · No data leaves your browser.",
  },
  "print.button": { nb: "Skriv ut eller lagre som PDF", nn: "Skriv ut eller lagre som PDF", en: "Print or save as PDF" },

  // --- the landing page (index.html) ----------------------------------------
  "home.title": { nb: "Veivalg – hvordan NAV sorterer nye arbeidssøkere", nn: "Veivalg – korleis NAV sorterer nye arbeidssøkjarar", en: "Veivalg – how NAV sorts new job seekers" },
  "home.heading": { nb: "Veivalg", nn: "Veivalg", en: "Veivalg" },
  "home.lead": {
    nb: "Når du registrerer deg som arbeidssøker hos NAV, sorterer en regel deg automatisk: enten til Nasjonal oppfølgingsenhet (NOE), som følger deg opp digitalt, eller til et lokalt NAV-kontor. Veivalg gjør den samme sorteringen og forklarer hvert steg.",
    nn: "Når du registrerer deg som arbeidssøkjar hos NAV, sorterer ein regel deg automatisk: anten til Nasjonal oppfølgingseining (NOE), som følgjer deg opp digitalt, eller til eit lokalt NAV-kontor. Veivalg gjer den same sorteringa og forklarer kvart steg.",
    en: "When you register as a job seeker with NAV, a rule sorts you automatically: either to the national follow-up unit (NOE), which follows you up digitally, or to a local NAV office. Veivalg does the same sorting and explains every step.",
  },
  "home.privacy": {
    nb: "Alt regnes ut i nettleseren din. Ingenting du skriver inn, sendes noe sted eller lagres.",
    nn: "Alt blir rekna ut i nettlesaren din. Ingenting du skriv inn, blir sendt nokon stad eller lagra.",
    en: "Everything is computed in your browser. Nothing you enter is sent anywhere or stored.",
  },
  "home.pagesHeading": { nb: "Tre sider, for tre slags brukere", nn: "Tre sider, for tre slags brukarar", en: "Three pages, for three kinds of users" },
  "home.citizen.heading": { nb: "Hvor blir jeg sendt?", nn: "Kvar blir eg send?", en: "Where will I be sent?" },
  "home.citizen.text": {
    nb: "For deg som skal registrere deg: svar på spørsmålene slik NAVs skjema stiller dem, og se med vanlige ord hvor du blir sendt, hvorfor, og hva som kunne gitt et annet resultat. Du kan skrive ut en kvittering.",
    nn: "For deg som skal registrere deg: svar på spørsmåla slik skjemaet til NAV stiller dei, og sjå med vanlege ord kvar du blir send, kvifor, og kva som kunne ha gitt eit anna resultat. Du kan skrive ut ei kvittering.",
    en: "For you, if you are about to register: answer the questions as NAV's form asks them, and see in plain words where you are sent, why, and what could have given another result. You can print a receipt.",
  },
  "home.citizen.link": { nb: "Til innbyggersiden", nn: "Til innbyggjarsida", en: "Go to the citizen page" },
  "home.counsellor.heading": { nb: "For veiledere", nn: "For rettleiarar", en: "For counsellors" },
  "home.counsellor.text": {
    nb: "Én registrering sett fra NAV-kontoret: dagens regeltre og de to foreslåtte modellene side om side, hvor mye hver opplysning trakk mot NOE eller lokalkontoret, hva som ville endret sorteringen, egenvurderingen og lønnen måned for måned.",
    nn: "Éi registrering sett frå NAV-kontoret: dagens regeltre og dei to føreslåtte modellane side om side, kor mykje kvar opplysning trekte mot NOE eller lokalkontoret, kva som ville ha endra sorteringa, eigenvurderinga og løna månad for månad.",
    en: "One registration as the NAV office sees it: today's rule tree and the two proposed models side by side, how much each input pulled toward NOE or the local office, what would have changed the routing, the self-assessment and the wages month by month.",
  },
  "home.counsellor.link": { nb: "Til veiledersiden", nn: "Til rettleiarsida", en: "Go to the counsellor page" },
  "home.demo.heading": { nb: "For analytikere", nn: "For analytikarar", en: "For analysts" },
  "home.demo.text": {
    nb: "Last inn din egen kohort (JSON Lines eller CSV) eller en syntetisk, og sammenlign dagens regeltre med variant A og B: en grense per variant, tabellene fra rapporten, kurver, forskjeller mellom grupper, modeller tilpasset kohorten, og alt kan lastes ned. Filen forlater aldri nettleseren.",
    nn: "Last inn din eigen kohort (JSON Lines eller CSV) eller ein syntetisk, og samanlikn dagens regeltre med variant A og B: ei grense per variant, tabellane frå rapporten, kurver, skilnader mellom grupper, modellar tilpassa kohorten, og alt kan lastast ned. Fila forlèt aldri nettlesaren.",
    en: "Load your own cohort (JSON Lines or CSV) or a synthetic one, and compare today's rule tree with variants A and B: a cut-off per variant, the report's tables, curves, gaps between groups, models fitted to the cohort, and everything to download. The file never leaves the browser.",
  },
  "home.demo.link": { nb: "Til arbeidsbenken", nn: "Til arbeidsbenken", en: "Go to the workbench" },
  "home.aboutHeading": { nb: "Om sorteringen", nn: "Om sorteringa", en: "About the sorting" },
  "home.about": {
    nb: "Veivalg bygger på NAVs rapport om profilering av arbeidssøkere (2018-regeltreet og forslagene til en sannsynlighetsmodell). Sorteringen avgjør bare hvem hos NAV som ser på saken først; en veileder vurderer behovet for hjelp. Modellene og eksempelpersonene er laget av syntetiske data, ikke ekte personer.",
    nn: "Veivalg byggjer på rapporten frå NAV om profilering av arbeidssøkjarar (2018-regeltreet og framlegga til ein sannsynsmodell). Sorteringa avgjer berre kven hos NAV som ser på saka først; ein rettleiar vurderer behovet for hjelp. Modellane og eksempelpersonane er laga av syntetiske data, ikkje verkelege personar.",
    en: "Veivalg follows NAV's report on profiling job seekers (the 2018 rule tree and the proposals for a probability model). The sorting only decides who at NAV looks at the case first; a counsellor assesses the need for help. The models and the example persons are made from synthetic data, not real people.",
  },
};
