// Small DOM helpers shared by the pages: build elements without innerHTML
// (every text goes in as text), SVG elements, and number and date formats
// per page language.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.setAttribute("class", v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** An HTML element: `h("p", { class: "x" }, "text", child)`. */
export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element: `s("rect", { x: 0, width: 10 })`. */
export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** A code word in monospace (NAV's own enum values). */
export function code(text) {
  return h("code", { class: "code" }, text);
}

export const $ = (id) => document.getElementById(id);

const LOCALES = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };
const cache = new Map();

/**
 * Number and date formatters for a page language (nb, nn or en):
 * `pct(0.3725)` "37,3 %", `pct0` "37 %", `int(1646.7)` "1 647", `dec1`,
 * `dec2`, `dec3`, `signed(−156)` "−156", `signedDec(0.0577, 2)` "+0,06",
 * `pp(0.0577)` "+5,8" (percentage points of a probability difference),
 * `nok(38000)` "38 000 kr" (en: "NOK 38,000"), `date("2025-03-14")` "14.03.2025",
 * `month("2025-03")` "mars 25", `monthLong("2026-04")` "april 2026".
 */
export function formats(lang = "nb") {
  if (cache.has(lang)) return cache.get(lang);
  // A browser without data for a locale formats in its own default one:
  // Chromium has none for nn-NO, and nynorsk would get "1,000,000.5" in a
  // browser set to English. Nynorsk writes numbers, dates and months as
  // bokmål does, so it falls back to nb-NO.
  const wanted = LOCALES[lang] ?? LOCALES.nb;
  const locale = Intl.NumberFormat.supportedLocalesOf([wanted]).length > 0 ? wanted : LOCALES.nb;
  const nf = (options) => new Intl.NumberFormat(locale, options);
  const PCT1 = nf({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const PCT0 = nf({ style: "percent", maximumFractionDigits: 0 });
  const INT = nf({ maximumFractionDigits: 0 });
  // Kroner as each language writes them: "38 000 kr" in nb and nn, "NOK 38,000" in en.
  const NOK = nf({ style: "currency", currency: "NOK", minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const DEC1 = nf({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const DEC2 = nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const DEC3 = nf({ minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const SIGNED = nf({ maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const signedDigits = (digits) => nf({ minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: "exceptZero" });
  const minus = (text) => text.replace("-", "−");
  const DATE = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : locale, lang === "en" ? { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" } : { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
  const MONTH = new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  const MONTH_LONG = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const f = {
    lang,
    pct: (x) => PCT1.format(x),
    pct0: (x) => PCT0.format(x),
    int: (x) => INT.format(x),
    dec1: (x) => DEC1.format(x),
    dec2: (x) => DEC2.format(x),
    dec3: (x) => DEC3.format(x),
    signed: (x) => minus(SIGNED.format(x)),
    signedDec: (x, digits = 2) => minus(signedDigits(digits).format(x)),
    pp: (x) => minus(signedDigits(1).format(x * 100)),
    nok: (x) => minus(NOK.format(x)),
    date: (iso) => (iso ? DATE.format(new Date(`${iso}T00:00:00Z`)) : "–"),
    month: (ym) => MONTH.format(new Date(`${ym}-01T00:00:00Z`)),
    monthLong: (ym) => MONTH_LONG.format(new Date(`${ym}-01T00:00:00Z`)),
  };
  cache.set(lang, f);
  return f;
}

const NB = formats("nb");
/** 0.3725 → "37,3 %". */
export const pct = NB.pct;
/** 0.3725 → "37 %". */
export const pct0 = NB.pct0;
/** 1646.73 → "1 647". */
export const int = NB.int;
/** 3.968 → "4,0". */
export const dec1 = NB.dec1;
/** 0.4138 → "0,41". */
export const dec2 = NB.dec2;
/** 222 → "+222", −156 → "−156". */
export const signed = NB.signed;
/** 0.0577 → "+0,06", with `digits` decimals (zero shows as "0,00"). */
export const signedDec = NB.signedDec;
/** 38000 → "38 000 kr". */
export const nok = NB.nok;
