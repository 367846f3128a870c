// Browser end-to-end tests of the citizen page (citizen.html): the keyboard
// flow ending on the result, the error summary, warnings the person
// confirms, the library's errors in the page's language, the three
// languages, what would change the result, and the printed receipt.
//   node --test tests/e2e/
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, assertClean, assertAccessible, fillCitizen, text } from "./support.mjs";

const VIEWPORT = { width: 1280, height: 900 };

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page, predicate, arg, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`Tab never reached ${predicate} (${arg})`);
}

const focusedName = (name) => document.activeElement?.getAttribute("name") === name;
const focusedId = (id) => document.activeElement?.id === id;
const summary = (page) => page.$$eval("#problems li", (li) => li.map((l) => l.dataset.field));

test("citizen: keyboard only, the flow ends with focus on the result heading, and the result says what would change it", async () => {
  const session = await openPage("citizen.html", VIEWPORT);
  const { page } = session;
  assert.match(await page.textContent(".privacy"), /Ingenting forlater denne enheten/);
  // Today is filled in as the registration day, as dd.mm.åååå.
  assert.match(await page.inputValue("#registeredOn"), /^\d{2}\.\d{2}\.\d{4}$/);

  await tabTo(page, focusedId, "registeredOn");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("14.03.2025");
  await page.keyboard.press("Tab");
  await page.keyboard.type("02.06.1979");
  await page.keyboard.press("Tab"); // into question 1: the first answer
  assert.equal(await page.evaluate(() => document.activeElement?.id), "situation-MISTET_JOBBEN");
  await page.keyboard.press("Space");
  await tabTo(page, focusedName, "education");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await page.isChecked("#education-HOYERE_UTDANNING_1_TIL_4"), true);
  await tabTo(page, focusedName, "educationApproved");
  await page.keyboard.press("Space");
  await tabTo(page, focusedName, "educationPassed");
  await page.keyboard.press("Space");
  await tabTo(page, focusedName, "healthObstacles");
  await page.keyboard.press("ArrowDown");
  await tabTo(page, focusedName, "otherObstacles");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.isChecked("#otherObstacles-NEI"), true);
  await tabTo(page, focusedName, "selfAssessment");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await page.isChecked("#selfAssessment-4"), true);
  await tabTo(page, focusedId, "submit");
  await page.keyboard.press("Enter");

  await page.waitForSelector("#result[data-unit]");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "result-heading");
  assert.equal(await page.getAttribute("#result", "aria-live"), "polite");
  // No employment entered: the work-history rule fails, so a local office.
  assert.equal(await page.getAttribute("#result", "data-unit"), "LOCAL_OFFICE");
  assert.match(await page.textContent("#result"), /Du er sendt til ditt lokale NAV-kontor\./);
  assert.doesNotMatch(await page.textContent("#result"), /null|undefined|NaN/);
  assert.deepEqual(await page.$$eval("#result-reasons li", (li) => li.map((l) => l.dataset.code)), ["WORK_HISTORY_NOT_MET", "NOT_QUICK_RETURN"]);
  // What would change it: the work history, which describes the past.
  const changes = await page.$$eval("#result-changes li", (li) => li.map((l) => [l.dataset.rule, l.dataset.kind, l.dataset.actionable]));
  assert.deepEqual(changes, [["WORK_HISTORY", "PAST", "false"]]);
  assert.match(await page.textContent("#result-changes"), /seks sammenhengende måneder.*beskriver fortiden og kan ikke endres/);
  assert.match(await page.textContent("#result-self-assessment"), /4 – Gode.*ikke brukt i sorteringen/);
  assert.match(await text(page, "#receipt-policy"), /noe-2025-01 \(gjelder fra 01\.01\.2025\)/);
  assert.equal(await page.textContent("#receipt-ruleset"), "2024-03");
  assert.match(await page.textContent("#receipt-model"), /ingen \(regeltreet alene\)/);
  assert.match(await page.textContent("#receipt-version"), /^veivalg \d+\.\d+\.\d+/);

  // With a job since 2020 the same answers go to NOE.
  await page.getByLabel("I jobb fra").fill("01.01.2020");
  await page.getByRole("button", { name: "Vis hvor jeg blir sendt" }).click();
  await page.waitForSelector('#result[data-unit="NOE"]');
  assert.match(await page.textContent("#result"), /Du er sendt til Nasjonal oppfølgingsenhet \(NOE\)\./);
  assert.match(await page.textContent("#result-reasons"), /Du er 45 år, og NOE følger opp personer fra 30 til 66 år\./);
  assert.match(await page.textContent("#result-changes"), /Ingen av svarene dine/);
  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});

test("citizen: keyboard only, an empty form in English: the summary lists every missing field, takes focus, and its links lead to the fields", async () => {
  const session = await openPage("citizen.html?lang=en", VIEWPORT);
  const { page } = session;
  // Clear the registration day (filled in with today), then go on to the button, all by keyboard.
  await tabTo(page, focusedId, "registeredOn");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await tabTo(page, focusedId, "submit");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#problems:not([hidden])");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "problems-heading");
  assert.equal(await page.textContent("#problems-heading"), "To continue, please correct the following:");
  // Every required field, in the form's order; the optional ones (self-assessment, employment) are not missing.
  const fields = ["registeredOn", "birthDate", "situation", "education", "educationApproved", "educationPassed", "healthObstacles", "otherObstacles"];
  assert.deepEqual(await summary(page), fields);
  const texts = await page.$$eval("#problems li", (li) => li.map((l) => l.textContent));
  assert.ok(texts.every((x) => x.length > 10 && !/null|undefined|missing field/.test(x)), texts.join(" | "));
  // Each message is also next to its field, and each link is reachable and moves focus there.
  for (const field of fields) {
    assert.ok((await page.textContent(`#${field}-error`)).length > 10, field);
  }
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), "#registeredOn");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "registeredOn");
  // Shift+Tab back up into the summary, to the situation link.
  for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.getAttribute("href") === "#situation")); i++) {
    await page.keyboard.press("Shift+Tab");
  }
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), "#situation");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.name), "situation");
  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});

test("citizen: bokmål, nynorsk and English — <html lang>, the form, the result", async () => {
  const session = await openPage("citizen.html", VIEWPORT);
  const { page } = session;
  await fillCitizen(page, { since: null });
  await page.check("#healthObstacles-JA");
  await page.click("#submit");
  await page.waitForSelector("#result[data-unit]");
  const expect = {
    nb: { legend: "1. Hva er din situasjon?", result: /Du er sendt til ditt lokale NAV-kontor\./, title: /Hvor blir jeg sendt/, change: /helseproblemer/ },
    nn: { legend: "1. Kva er situasjonen din?", result: /Du er send til det lokale NAV-kontoret ditt\./, title: /Kvar blir eg send/, change: /Utan helseproblem som hindrar jobb/ },
    en: { legend: "1. What is your situation?", result: /You have been sent to your local NAV office\./, title: /Where will I be sent/, change: /Without health problems/ },
  };
  for (const [lang, name] of [["nn", "Nynorsk"], ["en", "English"], ["nb", "Bokmål"]]) {
    await page.getByRole("button", { name }).focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.getAttribute("html", "lang"), lang);
    assert.equal(await page.getAttribute(`#lang-switch [data-lang=${lang}]`, "aria-pressed"), "true");
    assert.match(await page.title(), expect[lang].title);
    assert.equal(await page.textContent("#situation legend"), expect[lang].legend);
    assert.match(await page.textContent("#result-unit"), expect[lang].result);
    assert.match(await page.textContent("#result-changes"), expect[lang].change);
  }
  const nn = await openPage("citizen.html?lang=nn", VIEWPORT);
  assert.equal(await nn.page.getAttribute("html", "lang"), "nn");
  assert.equal(await nn.page.textContent('label[for="situation-ALDRI_HATT_JOBB"]'), "Har aldri vore i jobb");
  assert.match(await nn.page.textContent(".privacy"), /Ingenting forlèt denne eininga/);
  assertClean(nn);
  await nn.context.close();
  assertClean(session);
  await session.context.close();
});

test("citizen: an empty form lists every missing answer at the top, each linking to its field and shown next to it", async () => {
  const session = await openPage("citizen.html", VIEWPORT);
  const { page } = session;
  await page.fill("#registeredOn", "");
  await page.click("#submit");
  await page.waitForSelector("#problems:not([hidden])");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "problems-heading");
  assert.equal(await page.textContent("#problems-heading"), "For å gå videre må du rette opp følgende:");
  assert.doesNotMatch(await page.textContent("#problems"), /null|undefined/);
  assert.deepEqual(await summary(page), [
    "registeredOn", "birthDate", "situation", "education", "educationApproved", "educationPassed", "healthObstacles", "otherObstacles",
  ]);
  assert.equal(await page.textContent("#otherObstacles-error"), "Svar på spørsmålet om andre problemer.");
  assert.equal(await page.getAttribute("#otherObstacles", "aria-invalid"), "true");
  assert.match(await page.getAttribute("#birthDate", "aria-describedby"), /birthDate-error/);
  // The links move focus to the field, with the keyboard.
  await tabTo(page, () => document.activeElement?.getAttribute("href") === "#birthDate");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "birthDate");
  await page.click('#problems a[href="#situation"]');
  assert.equal(await page.evaluate(() => document.activeElement?.name), "situation");
  // Primary school: 3b and 3c are not asked, so they are not missing either.
  await page.check("#education-GRUNNSKOLE");
  assert.equal(await page.isHidden("#educationApproved"), true);
  await page.click("#submit");
  await page.waitForSelector("#problems:not([hidden])");
  assert.deepEqual(await summary(page), ["registeredOn", "birthDate", "situation", "healthObstacles", "otherObstacles"]);
  // In nynorsk the same summary is in nynorsk.
  await page.getByRole("button", { name: "Nynorsk" }).click();
  assert.equal(await page.textContent("#problems-heading"), "For å gå vidare må du rette opp dette:");
  assert.equal(await page.textContent('#problems li[data-field="situation"]'), "Vel situasjonen som passar best.");
  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});

test("citizen: a malformed date and the library's own errors are shown in the page's language", async () => {
  const session = await openPage("citizen.html", VIEWPORT);
  const { page } = session;
  await fillCitizen(page, { birthDate: "31.02.1979" });
  await page.click("#submit");
  await page.waitForSelector("#problems:not([hidden])");
  assert.equal(await page.textContent('#problems li[data-field="birthDate"]'), "Skriv datoen som dd.mm.åååå, for eksempel 14.03.2025.");
  // Born after the registration day: the library says INCONSISTENT birthDate.
  await page.fill("#birthDate", "01.01.2026");
  await page.click("#submit");
  await page.waitForSelector('#problems li[data-kind="INCONSISTENT"]');
  assert.match(await page.textContent('#problems li[data-field="birthDate"]'), /^Fødselsdatoen kan ikke være etter registreringsdatoen\./);
  assert.equal(await page.textContent("#birthDate-error"), "Fødselsdatoen kan ikke være etter registreringsdatoen.");
  // Older than the library accepts: OUT_OF_RANGE, in English on an English page.
  await page.getByRole("button", { name: "English" }).click();
  await page.fill("#birthDate", "01.01.1890");
  await page.click("#submit");
  await page.waitForSelector('#problems li[data-kind="INVALID_VALUE"]');
  assert.match(await page.textContent('#problems li[data-field="birthDate"]'), /^Check the year: the date must lie between 1900 and 2199\./);
  await page.fill("#birthDate", "01.01.1900");
  await page.click("#submit");
  await page.waitForSelector('#problems li[data-kind="OUT_OF_RANGE"]');
  assert.match(await page.textContent('#problems li[data-field="birthDate"]'), /^The date of birth gives an age above 120/);
  // An employment that ends before it starts.
  await page.fill("#birthDate", "02.06.1979");
  await page.fill("#workedUntil", "01.01.2022");
  await page.click("#submit");
  await page.waitForSelector('#problems li[data-field="workedUntil"]');
  assert.match(await page.textContent("#problems"), /The end date cannot be before the start date\./);
  assertClean(session);
  await session.context.close();
});

test("citizen: unusual but possible answers are warnings to confirm: age under 16 or over 67, a future registration, employment after it", async () => {
  const session = await openPage("citizen.html", VIEWPORT);
  const { page } = session;
  await fillCitizen(page, { birthDate: "01.01.2010" });
  await page.click("#submit");
  await page.waitForSelector('#problems[data-kind="warning"]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), "problems-heading");
  assert.match(await page.textContent("#problems"), /15 år på registreringsdatoen, altså under 16 år/);
  assert.equal(await page.locator("#result[data-unit]").count(), 0);
  // Pressing again without confirming shows the warning again; confirming goes on.
  await page.click("#submit");
  await page.waitForSelector('#problems[data-kind="warning"]');
  await page.check("#problems-confirm");
  await page.click("#submit");
  await page.waitForSelector("#result[data-unit]");
  assert.match(await page.textContent("#result-reasons"), /Du er 15 år/);

  await page.fill("#birthDate", "01.01.1950");
  await page.click("#submit");
  await page.waitForSelector('#problems[data-kind="warning"]');
  assert.match(await page.textContent("#problems"), /75 år.*over 67 år/);

  await page.fill("#birthDate", "02.06.1979");
  await page.fill("#registeredOn", "14.03.2099");
  await page.fill("#workedSince", "01.01.2100");
  await page.click("#submit");
  await page.waitForSelector('#problems[data-kind="warning"]');
  // Born 1979, registered 2099: 119 years old, also unusual.
  assert.deepEqual(await summary(page), ["registeredOn", "birthDate", "workedSince"]);
  assert.match(await page.textContent('#problems li[data-field="registeredOn"]'), /etter dagens dato \(\d{2}\.\d{2}\.\d{4}\)\. Stemmer det\?/);
  assert.match(await page.textContent('#problems li[data-field="workedSince"]'), /starter etter registreringsdatoen/);
  await page.check("#problems-confirm");
  await page.click("#submit");
  await page.waitForSelector("#result[data-unit]");
  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});

test("citizen: print media shows the receipt and hides the form", async () => {
  const session = await openPage("citizen.html", VIEWPORT);
  const { page } = session;
  await fillCitizen(page);
  await page.check("#selfAssessment-2");
  await page.click("#submit");
  await page.waitForSelector("#result[data-unit]");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#receipt"), true);
  assert.equal(await page.isVisible("#registration"), false);
  assert.equal(await page.isVisible("#lang-switch"), false);
  assert.equal(await page.isVisible("#print"), false);
  const receipt = await text(page, "#receipt");
  assert.match(receipt, /Kvittering.*Beregnet.*Registreringsdato.*14\.03\.2025.*Retningslinje.*noe-2025-01.*Regelsett.*2024-03.*Modell.*Egenvurdering.*2 – Dårlige.*Programversjon.*veivalg/);
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 1000 && pdf.subarray(0, 5).toString() === "%PDF-");
  assertClean(session);
  await session.context.close();
});

test("citizen: registered after the G table (1 December 2026), the result needs no G, so no G note is shown, and nothing is sent", async () => {
  // The citizen page decides under the policy in force on the registration
  // day, noe-2025-01, a RULE_TREE policy: the rule tree reads the answers,
  // the age and the employment periods, never wages in G. So even after the
  // shipped G table (its last G applies up to April 2026) no output of the
  // page uses an assumed G, and the G note (shown when a decision carries
  // `gAssumed`) does not appear. The page opts in to `gBeyondTable: "LATEST"`
  // all the same, so a registration today gets a result, not an error.
  const session = await openPage("citizen.html", VIEWPORT);
  const { page } = session;
  await fillCitizen(page, { registeredOn: "01.12.2026", birthDate: "15.01.1990", since: "01.01.2024" });
  const before = session.requests.length;
  await page.click("#submit");
  await page.waitForSelector("#result[data-unit]");
  assert.equal(session.requests.length, before, "submitting sends and loads nothing");
  // 36 years old, no obstacles, higher education passed and approved, in work
  // since 2024: quick return, and 36 is within NOE's 30–66.
  assert.equal(await page.getAttribute("#result", "data-unit"), "NOE");
  assert.equal(await page.locator("#problems:not([hidden])").count(), 0);
  assert.equal(await page.locator("#result-g-note, #result .g-note").count(), 0);
  assert.doesNotMatch(await page.textContent("#result"), /grunnbeløp|G-tabell/);
  assert.match(await text(page, "#receipt-policy"), /noe-2025-01 \(gjelder fra 01\.01\.2025\)/);
  // The ruleset in force from 1 April 2026.
  assert.equal(await page.textContent("#receipt-ruleset"), "2026-04");
  assert.match(await page.textContent("#receipt-model"), /ingen \(regeltreet alene\)/);
  // The same decision from the page's own library: a rule-tree decision without gAssumed.
  const d = await page.evaluate(async () => {
    const { ready } = await import("/lib/veivalg.js");
    const { decide } = await ready;
    const person = {
      registeredOn: "2026-12-01", birthDate: "1990-01-15",
      answers: { situation: "MISTET_JOBBEN", education: "HOYERE_UTDANNING_1_TIL_4", educationApproved: "JA", educationPassed: "JA", healthObstacles: "NEI", otherObstacles: "NEI" },
      employment: [{ start: "2024-01-01", end: null }],
    };
    const x = decide(person, { gBeyondTable: "LATEST" });
    return { method: x.method, policy: x.policy.id, gAssumed: x.gAssumed ?? null };
  });
  assert.deepEqual(d, { method: "RULE_TREE", policy: "noe-2025-01", gAssumed: null });
  await assertAccessible(page);
  assertClean(session);
  await session.context.close();
});
