// The workbench's exports, made in the browser and handed to the person as a
// download (a Blob and an <a download> link; nothing goes to a server):
// a table as CSV, a figure as a stand-alone SVG, a model or a policy as JSON.
//
//   download(tableCsv(tableEl), "tabell-8.csv", "text/csv");
//   download(svgText(svgEl), "figur-5.svg", "image/svg+xml");

/**
 * A cell's value for CSV: its `data-value` (the raw number or code the page
 * was given) when it has one, else its text with every kind of space as one
 * space.
 */
function cellValue(cell) {
  if (cell.dataset.value !== undefined) return cell.dataset.value;
  return cell.textContent.replace(/\s+/g, " ").trim();
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value) {
  const text = String(value ?? "");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as CSV text (RFC 4180, CRLF line ends): the header rows first,
 * then the body, with a cell spanning columns repeated into each column it
 * covers (and a cell spanning rows repeated down), so every line has as
 * many fields as the table has columns. Numbers come from `data-value`, so
 * the file holds 0.3725 where the page shows "37,3 %".
 */
export function tableCsv(table) {
  const grid = [];
  const rows = [...table.querySelectorAll(":scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr")];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of tr.cells) {
      while (grid[r][c] !== undefined) c++;
      const value = cellValue(cell);
      const rowspan = Math.max(1, cell.rowSpan || 1);
      const colspan = Math.max(1, cell.colSpan || 1);
      for (let dr = 0; dr < rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) grid[r + dr][c + dc] = value;
      }
      c += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  return grid.map((line) => Array.from({ length: width }, (_, i) => csvField(line[i] ?? "")).join(",")).join("\r\n") + "\r\n";
}

/** The style properties an exported SVG needs to look as it does on the page. */
const STYLE_PROPERTIES = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity", "font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline", "paint-order", "stroke-linejoin"];

/**
 * An SVG element as a stand-alone SVG file: the page's stylesheet does not
 * travel with it, so each element's computed colours, lines and fonts are
 * written onto the copy as presentation attributes.
 */
export function svgText(svg) {
  const copy = svg.cloneNode(true);
  const from = [svg, ...svg.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    for (const p of STYLE_PROPERTIES) {
      const v = style.getPropertyValue(p);
      if (v && v !== "none" && v !== "normal" && !(p === "stroke-width" && style.getPropertyValue("stroke") === "none")) to[i].setAttribute(p, v);
      else if (p === "fill" && v === "none") to[i].setAttribute("fill", "none");
    }
    to[i].removeAttribute("class");
  });
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.removeAttribute("aria-labelledby");
  copy.removeAttribute("aria-describedby");
  const background = copy.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  copy.insertBefore(background, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** JSON text as the CLI writes its files: two-space indentation and a final newline. */
export function jsonText(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Offers `text` as a file called `name`: a Blob, an object URL and a click on
 * an <a download> link (removed again at once). Returns the link's URL
 * (revoked after a minute).
 */
export function download(text, name, type) {
  const blob = new Blob([text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}
