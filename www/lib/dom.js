// Small DOM helpers shared by the pages: build elements without innerHTML
// (every text goes in as text), SVG elements, and Norwegian number formats.

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

const nb = (options) => new Intl.NumberFormat("nb-NO", options);
const PCT1 = nb({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PCT0 = nb({ style: "percent", maximumFractionDigits: 0 });
const INT = nb({ maximumFractionDigits: 0 });
const DEC1 = nb({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const DEC2 = nb({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const SIGNED = nb({ maximumFractionDigits: 0, signDisplay: "exceptZero" });

/** 0.3725 → "37,3 %". */
export const pct = (x) => PCT1.format(x);
/** 0.3725 → "37 %". */
export const pct0 = (x) => PCT0.format(x);
/** 1646.73 → "1 647". */
export const int = (x) => INT.format(x);
/** 3.968 → "4,0". */
export const dec1 = (x) => DEC1.format(x);
/** 0.4138 → "0,41". */
export const dec2 = (x) => DEC2.format(x);
/** 222 → "+222", −156 → "−156". */
export const signed = (x) => SIGNED.format(x).replace("-", "−");
/** 0.0577 → "+0,06", with `digits` decimals (zero shows as "0,00"). */
export const signedDec = (x, digits = 2) =>
  nb({ minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: "exceptZero" }).format(x);
/** 38000 → "38 000 kr". */
export const nok = (x) => `${INT.format(x)} kr`;
