// A block of the workbench: a heading, an optional line of help, the table
// or figure (replaced on every redraw, the block itself stays, so focus and
// the scroll position of a wide table survive a slider move) and a button
// that downloads it (a table as CSV, a figure as SVG).
import { h } from "../dom.js";
import { download, svgText, tableCsv } from "./export.js";

let blocks = 0;

/**
 * A block in `container`: `kind` "table" or "figure", `file()` the name of
 * the download, `level` the heading level (3 by default). Returns
 * `{ el, body, heading, help, update(t, { title, help, content }) }`.
 */
export function block(container, { kind, file, level = 3, id = `block-${++blocks}` }) {
  const heading = h(`h${level}`, { class: `aksel-heading aksel-heading--${level === 3 ? "small" : "xsmall"}`, id: `${id}-heading` });
  const help = h("p", { class: "aksel-body-short block-help", hidden: true });
  const hint = kind === "table" ? h("p", { class: "aksel-detail scroll-hint" }) : null;
  const body =
    kind === "table"
      ? h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-labelledby": `${id}-heading`, id: `${id}-body` })
      : h("div", { class: "figure-box", id: `${id}-body` });
  const buttonText = h("span", { class: "aksel-label" });
  const hiddenName = h("span", { class: "visually-hidden" });
  const button = h(
    "button",
    { type: "button", class: "aksel-button aksel-button--small export-button", "data-variant": "tertiary", dataset: { export: kind === "table" ? "csv" : "svg" } },
    buttonText,
    hiddenName,
  );
  button.addEventListener("click", () => {
    if (kind === "table") {
      const table = body.querySelector("table");
      if (table) download(tableCsv(table), file(), "text/csv");
    } else {
      const svg = body.querySelector("svg");
      if (svg) download(svgText(svg), file(), "image/svg+xml");
    }
  });
  const el = h("div", { class: `wb-block wb-block--${kind}`, id }, heading, help, hint, body, h("div", { class: "export-row" }, button));
  container.append(el);
  return {
    el,
    body,
    heading,
    update(t, { title, helpText, content }) {
      heading.textContent = title;
      help.textContent = helpText ?? "";
      help.hidden = !helpText;
      if (hint) hint.textContent = t("wb.scrollHint");
      buttonText.textContent = t(kind === "table" ? "wb.export.csv" : "wb.export.svg");
      hiddenName.textContent = ` – ${title}`;
      if (content !== undefined) {
        body.replaceChildren(...[content].flat().filter(Boolean));
        // A table that reflows or fits on a phone does not scroll sideways.
        if (hint) hint.hidden = Boolean(body.querySelector(":scope > table.reflow, :scope > table.compact"));
      }
    },
  };
}
