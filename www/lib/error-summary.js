// Problems with a form, shown as NAV's forms show them: an error summary at
// the top listing every problem as a link to its field, each message also
// next to its field, all in the page's language; and, for answers that are
// unusual but possible, a warning the person confirms with a checkbox.
//
//   const shown = showProblems(form, box, t, { errors, warnings });
//   shown.focus();   // the summary's heading
import { h } from "./dom.js";
import { errorText, fieldFor } from "./errors.js";

/** The text of one problem: `{ key, params }` from the form, or `{ error }` from the library. */
export const problemText = (t, p) => (p.error ? errorText(t, p.error) : t(p.key, p.params));

/** A library error as a problem of the field its path names. */
export const libraryProblem = (error) => ({ field: fieldFor(error?.path ?? ""), error });

function focusField(form, field) {
  const el = form.querySelector(`#${field}`);
  if (!el) return;
  const target = el.matches("fieldset") ? el.querySelector("input:checked") ?? el.querySelector("input") : el;
  target?.focus();
}

/** Removes every inline message and error mark from the form. */
export function clearProblems(form, box) {
  box.replaceChildren();
  box.hidden = true;
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of form.querySelectorAll(".aksel-text-field--error, .aksel-fieldset--error")) el.classList.remove("aksel-text-field--error", "aksel-fieldset--error");
  for (const el of form.querySelectorAll(".aksel-radio--error")) el.classList.remove("aksel-radio--error");
  for (const el of form.querySelectorAll(".aksel-form-field__error")) el.replaceChildren();
  for (const el of form.querySelectorAll("[data-error-described]")) {
    el.setAttribute("aria-describedby", el.dataset.errorDescribed);
    if (!el.dataset.errorDescribed) el.removeAttribute("aria-describedby");
    delete el.dataset.errorDescribed;
  }
}

function markField(form, p, text, kind) {
  const el = p.field ? form.querySelector(`#${p.field}`) : null;
  if (!el) return;
  const slot = form.querySelector(`#${p.field}-error`);
  if (slot) {
    slot.append(h("p", { class: `aksel-error-message aksel-label aksel-error-message--show-icon problem--${kind}` }, text));
  }
  if (kind !== "error") return;
  el.setAttribute("aria-invalid", "true");
  if (!("errorDescribed" in el.dataset)) {
    el.dataset.errorDescribed = el.getAttribute("aria-describedby") ?? "";
    el.setAttribute("aria-describedby", `${el.dataset.errorDescribed} ${p.field}-error`.trim());
  }
  if (el.matches("fieldset")) {
    el.classList.add("aksel-fieldset--error");
    for (const r of el.querySelectorAll(".aksel-radio")) r.classList.add("aksel-radio--error");
  } else el.closest(".aksel-text-field")?.classList.add("aksel-text-field--error");
}

function list(form, t, problems) {
  return h(
    "ul",
    { class: "aksel-error-summary__list aksel-body-short" },
    problems.map((p) => {
      const text = problemText(t, p);
      const technical = p.error ? h("span", { class: "detail technical", lang: "en" }, ` (${p.error.kind}${p.error.path ? ` ${p.error.path}` : ""}: ${p.error.message})`) : null;
      if (!p.field || !form.querySelector(`#${p.field}`)) return h("li", { dataset: { field: "", kind: p.error?.kind ?? "" } }, text, technical);
      return h(
        "li",
        { dataset: { field: p.field, kind: p.error?.kind ?? "" } },
        h("a", {
          class: "aksel-link",
          href: `#${p.field}`,
          text,
          onclick: (event) => {
            event.preventDefault();
            focusField(form, p.field);
          },
        }),
        technical,
      );
    }),
  );
}

/**
 * Shows `errors` (or, when there are none, `warnings` with a confirmation
 * checkbox) in `box` and next to each field. Returns the element to focus.
 */
export function showProblems(form, box, t, { errors = [], warnings = [] }) {
  clearProblems(form, box);
  const kind = errors.length ? "error" : "warning";
  const problems = errors.length ? errors : warnings;
  for (const p of problems) markField(form, p, problemText(t, p), kind);
  const heading = h("h2", { class: "aksel-error-summary__heading aksel-heading aksel-heading--small", tabindex: "-1", id: `${box.id}-heading` }, t(kind === "error" ? "err.summary" : "warn.summary"));
  const confirm =
    kind === "warning"
      ? h(
          "div",
          { class: "confirm" },
          h(
            "div",
            { class: "aksel-checkbox" },
            h("input", { class: "aksel-checkbox__input", type: "checkbox", id: `${box.id}-confirm`, "aria-describedby": `${box.id}-confirm-help` }),
            h("label", { class: "aksel-checkbox__label aksel-body-short", for: `${box.id}-confirm` }, t("warn.confirm")),
          ),
          h("p", { class: "aksel-body-short detail", id: `${box.id}-confirm-help` }, t("warn.confirmHelp")),
        )
      : null;
  box.className = kind === "error" ? "aksel-error-summary problem-summary" : "aksel-alert problem-summary warning-summary";
  if (kind === "warning") box.setAttribute("data-color", "warning");
  else box.removeAttribute("data-color");
  box.dataset.kind = kind;
  box.setAttribute("aria-labelledby", heading.id);
  box.replaceChildren(...[heading, list(form, t, problems), confirm].filter(Boolean));
  box.hidden = false;
  return heading;
}

/** Whether the shown warnings were confirmed by the person. */
export function warningsConfirmed(box) {
  return box.dataset.kind === "warning" && !box.hidden && Boolean(box.querySelector("input[type=checkbox]")?.checked);
}
