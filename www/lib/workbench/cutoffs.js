// The cut-off control of one variant: by share of the cohort sent to NOE or
// by probability, a slider and a number field that follow each other, and
// a line saying what the other measure comes to (from the library's last
// evaluation). Keyboard: the slider's arrow keys move one step, Page Up and
// Down ten; the number field takes any value.
import { h } from "../dom.js";

const RANGE = {
  share: { min: 1, max: 100, step: 1, numberStep: 0.1 },
  cutoff: { min: 1, max: 99, step: 0.5, numberStep: 0.1 },
};

/** Parses "37", "37,5" or "37.5 %" into 37.5; NaN when it is no number. */
export function parsePercent(text) {
  const cleaned = String(text).replace(/\s|%/g, "").replace(",", ".");
  return cleaned === "" ? NaN : Number(cleaned);
}

/**
 * The control of `key` (variant-a, variant-b) in `box`. `state` is
 * `{ mode: "share" | "cutoff", share, cutoff }` (fractions), `onChange()`
 * runs after every change. Returns `{ el, render(t), show(t, evaluation), set(mode, value) }`.
 */
export function cutoffControl(key, state, onChange) {
  const id = `cut-${key}`;
  const modeName = `${id}-mode`;
  const radios = ["share", "cutoff"].map((mode) =>
    h(
      "div",
      { class: "aksel-radio" },
      h("input", { class: "aksel-radio__input", type: "radio", id: `${id}-mode-${mode}`, name: modeName, value: mode, checked: state.mode === mode }),
      h("label", { class: "aksel-radio__label aksel-body-short", for: `${id}-mode-${mode}`, dataset: { i18n: `wb.cut.mode.${mode}` } }),
    ),
  );
  const range = h("input", { type: "range", id: `${id}-range`, class: "cut-range", "aria-describedby": `${id}-effect` });
  const number = h("input", { type: "text", inputmode: "decimal", id: `${id}-number`, class: "aksel-text-field__input aksel-body-short cut-number", "aria-describedby": `${id}-number-error ${id}-effect` });
  const rangeLabel = h("label", { for: `${id}-range`, class: "aksel-label" });
  const numberLabel = h("label", { for: `${id}-number`, class: "aksel-label" });
  const numberError = h("div", { class: "aksel-form-field__error", id: `${id}-number-error`, "aria-live": "polite" });
  const effect = h("p", { class: "aksel-body-short cut-effect", id: `${id}-effect` });
  const legend = h("legend", { class: "aksel-fieldset__legend aksel-heading aksel-heading--small" });
  const target = h("p", { class: "aksel-body-short cut-target" });
  const el = h(
    "fieldset",
    { class: "aksel-fieldset cutoff-box", dataset: { variant: key } },
    legend,
    target,
    h("fieldset", { class: "aksel-fieldset cut-mode" }, h("legend", { class: "visually-hidden", dataset: { i18n: "wb.cut.modeLegend" } }), h("div", { class: "cut-mode-radios" }, radios)),
    h("div", { class: "cut-slider" }, rangeLabel, range),
    h("div", { class: "aksel-form-field aksel-text-field cut-number-field" }, numberLabel, h("div", { class: "cut-number-row" }, number, h("span", { class: "aksel-body-short", "aria-hidden": "true" }, "%")), numberError),
    effect,
  );
  let t;

  const value = () => (state.mode === "share" ? state.share : state.cutoff);
  function sync() {
    const r = RANGE[state.mode];
    Object.assign(range, { min: r.min, max: r.max, step: r.step });
    const percent = Math.round(value() * 1000) / 10;
    range.value = String(percent);
    number.value = t ? t.f.dec1(percent) : String(percent);
    range.setAttribute("aria-valuetext", t ? t("wb.cut.valueText", { v: t.f.dec1(percent) }) : `${percent} %`);
    el.dataset.mode = state.mode;
    el.dataset.value = String(value());
  }
  function setValue(fraction) {
    if (state.mode === "share") state.share = fraction;
    else state.cutoff = fraction;
  }
  function problem(key) {
    numberError.replaceChildren(key ? h("p", { class: "aksel-error-message aksel-label aksel-error-message--show-icon" }, t(key)) : "");
    if (key) number.setAttribute("aria-invalid", "true");
    else number.removeAttribute("aria-invalid");
    number.closest(".aksel-text-field").classList.toggle("aksel-text-field--error", Boolean(key));
  }

  for (const radio of el.querySelectorAll("input[type=radio]")) {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      state.mode = radio.value;
      // Keep the same selection: the other measure of the last evaluation.
      if (state.mode === "cutoff" && state.lastCutoff !== undefined) state.cutoff = Math.min(0.99, Math.max(0.01, state.lastCutoff));
      if (state.mode === "share" && state.lastShare !== undefined) state.share = Math.min(1, Math.max(0.01, state.lastShare));
      problem(null);
      render(t);
      onChange();
    });
  }
  range.addEventListener("input", () => {
    setValue(Number(range.value) / 100);
    problem(null);
    number.value = t.f.dec1(Number(range.value));
    range.setAttribute("aria-valuetext", t("wb.cut.valueText", { v: t.f.dec1(Number(range.value)) }));
    el.dataset.value = String(value());
    onChange();
  });
  number.addEventListener("change", () => {
    const r = RANGE[state.mode];
    const v = parsePercent(number.value);
    if (!Number.isFinite(v)) return problem("wb.cut.notNumber");
    const lo = state.mode === "share" ? 0.1 : 0.1;
    const hi = state.mode === "share" ? 100 : 99.9;
    if (v < lo || v > hi) return problem(state.mode === "share" ? "wb.cut.shareRange" : "wb.cut.cutoffRange");
    problem(null);
    setValue(v / 100);
    number.value = t.f.dec1(v);
    range.value = String(Math.min(r.max, Math.max(r.min, v)));
    el.dataset.value = String(value());
    onChange();
  });

  /** Texts in `t`'s language. */
  function render(next) {
    t = next;
    legend.textContent = t(`wb.name.${key}`);
    target.textContent = t(`wb.cut.target.${key}`);
    rangeLabel.textContent = t(`wb.cut.range.${state.mode}`);
    numberLabel.textContent = t(`wb.cut.number.${state.mode}`);
    for (const el2 of el.querySelectorAll("[data-i18n]")) el2.textContent = t(el2.dataset.i18n);
    for (const radio of el.querySelectorAll("input[type=radio]")) radio.checked = radio.value === state.mode;
    sync();
  }

  /** What the last evaluation gave: the cut-off for a share, the share for a cut-off. */
  function show(next, e) {
    t = next;
    state.lastShare = e.selected.share;
    state.lastCutoff = e.cutoff;
    effect.textContent =
      state.mode === "share"
        ? t("wb.cut.effect.share", { cutoff: e.cutoff === undefined ? "–" : t.f.dec3(e.cutoff), share: t.f.pct(e.selected.share), n: t.f.int(e.selected.count) })
        : t("wb.cut.effect.cutoff", { cutoff: t.f.dec3(state.cutoff), share: t.f.pct(e.selected.share), n: t.f.int(e.selected.count) });
    el.dataset.share = String(e.selected.share);
    if (e.cutoff !== undefined) el.dataset.cutoff = String(e.cutoff);
  }

  /** Sets the mode and value (a preset). */
  function set(mode, fraction) {
    state.mode = mode;
    setValue(fraction);
    problem(null);
    render(t);
  }

  return { el, render, show, set };
}
