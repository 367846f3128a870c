// The message catalogue, part 5: the counsellor page (counsellor.html) and
// its SYNTHETIC example persons.

export default {
  "counsellor.title": { nb: "Veivalg for veiledere – sortering, forklaring og lønnshistorikk", nn: "Veivalg for rettleiarar – sortering, forklaring og lønshistorikk", en: "Veivalg for counsellors – routing, explanation and wage history" },
  "counsellor.heading": { nb: "Veivalg for veiledere", nn: "Veivalg for rettleiarar", en: "Veivalg for counsellors" },
  "counsellor.intro": {
    nb: "Hvordan den automatiske sorteringen vurderte én registrering: dagens regeltre og de to foreslåtte modellvariantene side om side, hva som trakk mot NOE eller lokalkontoret, hva som ville endret sorteringen, og lønnen måned for måned før registreringen (rapporten, avsnitt 4.2). Alt regnes ut i nettleseren; ingenting sendes noe sted.",
    nn: "Korleis den automatiske sorteringa vurderte éi registrering: dagens regeltre og dei to føreslåtte modellvariantane side om side, kva som trekte mot NOE eller lokalkontoret, kva som ville ha endra sorteringa, og løna månad for månad før registreringa (rapporten, avsnitt 4.2). Alt blir rekna ut i nettlesaren; ingenting blir sendt nokon stad.",
    en: "How the automatic sorting assessed one registration: today's rule tree and the two proposed model variants side by side, what pulled toward NOE or the local office, what would have changed the routing, and the wages month by month before registration (the report, section 4.2). Everything is computed in the browser; nothing is sent anywhere.",
  },
  "counsellor.skip": { nb: "Hopp til vurderingen", nn: "Hopp til vurderinga", en: "Skip to the assessment" },
  "counsellor.pickerHeading": { nb: "Velg eller skriv inn en person", nn: "Vel eller skriv inn ein person", en: "Choose or enter a person" },
  "counsellor.sample": { nb: "Eksempelperson", nn: "Eksempelperson", en: "Example person" },
  "counsellor.synthetic": { nb: "SYNTETISK", nn: "SYNTETISK", en: "SYNTHETIC" },
  "counsellor.sampleHelp": { nb: "Oppdiktede personer, ikke ekte data.", nn: "Oppdikta personar, ikkje verkelege data.", en: "Invented persons, not real data." },
  "counsellor.formSummary": { nb: "Skriv inn en person", nn: "Skriv inn ein person", en: "Enter a person" },
  "counsellor.formHelp": {
    nb: "Skjemaet er fylt inn med eksempelpersonen. Endre svarene og trykk på knappen.",
    nn: "Skjemaet er fylt inn med eksempelpersonen. Endre svara og trykk på knappen.",
    en: "The form holds the example person. Change the answers and press the button.",
  },
  "counsellor.submit": { nb: "Vis vurderingen", nn: "Vis vurderinga", en: "Show the assessment" },
  "counsellor.jsonSummary": { nb: "Last inn en person fra JSON", nn: "Last inn ein person frå JSON", en: "Load a person from JSON" },
  "counsellor.jsonLabel": { nb: "Person (JSON, designdokumentet §3)", nn: "Person (JSON, designdokumentet §3)", en: "Person (JSON, design document §3)" },
  "counsellor.jsonHelp": {
    nb: "Teksten blir bare lest i nettleseren. Personen som vises nå, står her, så du kan endre den.",
    nn: "Teksten blir berre lesen i nettlesaren. Personen som blir vist no, står her, så du kan endre han.",
    en: "The text is only read in the browser. The person shown now is here, so you can change it.",
  },
  "counsellor.print": { nb: "Skriv ut vurderingen", nn: "Skriv ut vurderinga", en: "Print the assessment" },
  "counsellor.footer": {
    nb: "veivalg · Rust og WebAssembly · Ingen data forlater nettleseren. Eksempelpersonene og modellene er syntetiske.",
    nn: "veivalg · Rust og WebAssembly · Ingen data forlèt nettlesaren. Eksempelpersonane og modellane er syntetiske.",
    en: "veivalg · Rust and WebAssembly · No data leaves the browser. The example persons and the models are synthetic.",
  },
  "sample.anne": { nb: "Anne, 45: mistet jobben, fast jobb i ti år", nn: "Anne, 45: mista jobben, fast jobb i ti år", en: "Anne, 45: lost her job, permanent job for ten years" },
  "sample.hassan": { nb: "Hassan, 52: mistet jobben, i jobb 16 av de siste 24 månedene", nn: "Hassan, 52: mista jobben, i jobb 16 av dei siste 24 månadene", en: "Hassan, 52: lost his job, in work 16 of the last 24 months" },
  "sample.eva": { nb: "Eva, 34: deltid, oppgir helseproblemer", nn: "Eva, 34: deltid, oppgir helseproblem", en: "Eva, 34: part-time, reports health problems" },
  "sample.jonas": { nb: "Jonas, 31: akkurat ferdig utdannet, sommerjobb", nn: "Jonas, 31: akkurat ferdig utdanna, sommarjobb", en: "Jonas, 31: just graduated, summer job" },
  "sample.per": { nb: "Per, 63: permittert, grunnskole, lang arbeidserfaring", nn: "Per, 63: permittert, grunnskule, lang arbeidserfaring", en: "Per, 63: laid off, primary school, long work experience" },
  "sample.kari": { nb: "Kari, 40: registrert i dag, etter G-tabellens siste måned", nn: "Kari, 40: registrert i dag, etter den siste månaden i G-tabellen", en: "Kari, 40: registered today, after the G table's last month" },
  "sample.suffix": { nb: "(syntetisk)", nn: "(syntetisk)", en: "(synthetic)" },
};
