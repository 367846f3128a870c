// The message catalogue (www/lib/i18n.js) in Node: every message has
// bokmål, nynorsk and English, no part repeats another part's key, and
// every function-valued message gives a non-empty text.
//   node --test tests/e2e/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { LANGS, MESSAGES, translator } from "../../www/lib/i18n.js";

const dir = new URL("../../www/lib/messages/", import.meta.url);

test("every message has nb, nn and en, of the same kind", () => {
  const missing = [];
  for (const [key, entry] of Object.entries(MESSAGES)) {
    for (const lang of LANGS) {
      if (!(lang in entry)) missing.push(`${key}: ${lang}`);
      else if (typeof entry[lang] !== typeof entry.nb) missing.push(`${key}: ${lang} is a ${typeof entry[lang]}`);
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(Object.keys(MESSAGES).length > 300);
});

test("no two parts of the catalogue define the same key", async () => {
  const seen = new Map();
  const clashes = [];
  for (const file of readdirSync(dir)) {
    const part = (await import(new URL(file, dir))).default;
    for (const key of Object.keys(part)) {
      if (seen.has(key)) clashes.push(`${key}: ${seen.get(key)} and ${file}`);
      seen.set(key, file);
    }
  }
  assert.deepEqual(clashes, []);
  assert.equal(seen.size, Object.keys(MESSAGES).length);
});

test("nynorsk is nynorsk and differs from bokmål where the languages differ", () => {
  const nn = translator("nn");
  const nb = translator("nb");
  assert.equal(nn("code.answer.VET_IKKE"), "Veit ikkje");
  assert.equal(nn("field.situation"), "1. Kva er situasjonen din?");
  assert.match(nn("field.selfAssessment"), /Korleis/);
  assert.match(nn("citizen.heading"), /arbeidssøkjar/);
  assert.match(nn("citizen.changeIntro"), /ikkje/);
  assert.notEqual(nn("citizen.privacy"), nb("citizen.privacy"));
  // "reservert seg/deg mot digital kommunikasjon" is the same in both.
  const alike = new Set(["reason.they.DIGITAL_RESERVATION", "reason.you.DIGITAL_RESERVATION"]);
  const same = Object.keys(MESSAGES).filter((k) => !alike.has(k) && typeof MESSAGES[k].nb === "string" && MESSAGES[k].nb.length > 40 && MESSAGES[k].nb === MESSAGES[k].nn);
  assert.deepEqual(same, [], "long texts are written in nynorsk, not copied from bokmål");
});

test("function messages give text in every language", () => {
  const params = { age: 40, min: 30, max: 66, answer: "JA", probability: 0.4, cutoff: 0.3, target: "STABLE_WORK", p: "40 %", unit: "NOE", n: 3, changes: "x", value: "4", today: "2026-12-01", message: "m", id: "x", from: "01.01.2025", ruleset: "2024-03", last: "april 2026", list: "Ja", covered: 1, total: 2, longest: 3, name: "A", v: "1", ms: "1", rows: "1", stable: "+1", without: "-1", inout: "0", col: "NOE", shares: "x", date: "x", policy: "x", status: "x", feature: "f", to: 1, above: 1, below: 2, mo: 1, size: "1 MB", seed: 1, pct: "5 %", lines: 3, rejected: 0, s: "1,0", count: 2, shown: 2, band: "30–39", column: "Kjønn", cutoff: "0,300", share: "37 %", rate: "34 %", events: 3, fair: "2,0" };
  for (const lang of LANGS) {
    const t = translator(lang);
    for (const key of Object.keys(MESSAGES)) {
      const text = t(key, params);
      assert.equal(typeof text, "string", key);
      assert.ok(text.length > 0 && !text.includes("undefined"), `${lang} ${key}: ${text}`);
    }
  }
});
