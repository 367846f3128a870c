// The one message catalogue of the veivalg pages and the panel, in bokmål
// (nb), nynorsk (nn) and English (en), and the functions that read it. The
// texts live in ./messages/ by area; every key has all three languages
// (checked by tests/e2e/i18n.test.mjs).
//
//   import { translator } from "./lib/i18n.js";
//   const t = translator("nn");
//   t("code.situation.MISTET_JOBBEN")   → "Har mista eller kjem til å miste jobben"
//   t("reason.you.ROUTED_TO_NOE", { age: 45, min: 30, max: 66 })

import codes from "./messages/codes.js";
import common from "./messages/common.js";
import form from "./messages/form.js";
import citizen from "./messages/citizen.js";
import counsellor from "./messages/counsellor.js";
import panel from "./messages/panel.js";
import workbench from "./messages/workbench.js";
import { formats } from "./dom.js";

/** The page languages, in the order the language switch shows them. */
export const LANGS = ["nb", "nn", "en"];

/** Every message: key → { nb, nn, en }, each a string or a function (params, t, f). */
export const MESSAGES = Object.assign({}, codes, common, form, citizen, counsellor, panel, workbench);

/** `lang` if it is one of LANGS, else bokmål. */
export const normalLang = (lang) => (LANGS.includes(lang) ? lang : "nb");

/**
 * A function `t(key, params)` that gives the message in `lang` (a missing key
 * gives the key itself, so a gap shows instead of hiding). `t.lang` is the
 * language, `t.f` its number and date formatters (see dom.js `formats`).
 */
export function translator(lang) {
  const l = normalLang(lang);
  const f = formats(l);
  const t = (key, params) => {
    const entry = MESSAGES[key];
    if (!entry) return key;
    const value = entry[l] ?? entry.nb;
    return typeof value === "function" ? value(params ?? {}, t, f) : value;
  };
  t.lang = l;
  t.f = f;
  t.has = (key) => Object.hasOwn(MESSAGES, key);
  return t;
}

/** The plain-language name of a code word, or the code itself when unknown. */
export function label(vocabulary, value, lang = "nb") {
  const t = translator(lang);
  const key = `code.${vocabulary}.${value}`;
  return t.has(key) ? t(key) : String(value ?? "–");
}

/** A reason `{code, detail}` as a sentence, for a counsellor (`they`) or the citizen (`you`); falls back to the code. */
export function reasonText(reason, { lang = "nb", voice = "they" } = {}) {
  const t = translator(lang);
  for (const key of [`reason.${voice}.${reason.code}`, `reason.they.${reason.code}`]) {
    if (t.has(key)) return t(key, reason.detail ?? {});
  }
  return reason.code;
}
