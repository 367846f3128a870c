// What every page does with its language: reads ?lang= (nb, nn or en;
// nothing is stored), fills every `data-i18n` element from the message
// catalogue, keeps <html lang> and the title in step, builds the language
// switch, and carries the language in the links between the pages.
//
//   const page = setupPage({ onLanguage: (t) => redraw(t) });
//   page.t("citizen.heading")
import { h } from "./dom.js";
import { LANGS, normalLang, translator } from "./i18n.js";

const NAMES = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

/** Every `data-i18n` (text), `data-i18n-label` (aria-label) element on the page, in `t`'s language. */
export function applyText(t, root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
}

function linkLang(lang) {
  for (const a of document.querySelectorAll("a[data-page-link]")) {
    const url = new URL(a.getAttribute("href"), location.href);
    if (lang === "nb") url.searchParams.delete("lang");
    else url.searchParams.set("lang", lang);
    a.setAttribute("href", `${url.pathname}${url.search}`);
  }
}

/**
 * Sets the page up in the language of ?lang= and builds the switch into
 * `#lang-switch`. `onLanguage(t)` runs now and after every switch. Returns
 * `{ t }` (always the current translator) and `setLang(lang)`.
 */
export function setupPage({ onLanguage = () => {} } = {}) {
  const page = { t: translator(normalLang(new URLSearchParams(location.search).get("lang"))) };
  const box = document.getElementById("lang-switch");
  const buttons = LANGS.map((lang) =>
    h(
      "button",
      { type: "button", class: "aksel-button aksel-button--small lang-button", "data-variant": "tertiary", lang, dataset: { lang } },
      h("span", { class: "aksel-label" }, NAMES[lang]),
    ),
  );
  const apply = () => {
    const { t } = page;
    document.documentElement.lang = t.lang;
    applyText(t);
    const title = document.querySelector("title[data-i18n]");
    if (title) document.title = t(title.dataset.i18n);
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.lang === t.lang));
    linkLang(t.lang);
    onLanguage(t);
  };
  page.setLang = (lang) => {
    page.t = translator(lang);
    const url = new URL(location.href);
    if (page.t.lang === "nb") url.searchParams.delete("lang");
    else url.searchParams.set("lang", page.t.lang);
    history.replaceState(null, "", url);
    apply();
  };
  if (box) {
    box.replaceChildren(...buttons);
    for (const b of buttons) b.addEventListener("click", () => page.setLang(b.dataset.lang));
  }
  apply();
  return page;
}
