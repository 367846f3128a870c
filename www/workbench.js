// The analyst's workbench (issue 11): a cohort file of the analyst's own
// (JSON Lines or CSV) or a SYNTHETIC cohort, held in a Web Worker's wasm
// memory (www/workbench-worker.js); a cut-off per variant; Tabell 5/8 and
// the Figur 5 bars; curves over the share sent to NOE; metrics by group; a
// fit of variants A and B on the cohort with model cards and downloads;
// every table as CSV and every figure as SVG. The file is read in the
// Worker, from the File's own stream, and never leaves the browser. Texts in
// bokmål, nynorsk or English (the switch, or ?lang=nn|en).
import { $, h, code } from "./lib/dom.js";
import { setupPage, applyText } from "./lib/page.js";
import { WorkbenchClient } from "./lib/workbench/client.js";
import { block } from "./lib/workbench/blocks.js";
import { summaryTable, outcomeTable, differenceLine, rejectedTable, methodName } from "./lib/workbench/tables.js";
import { figure5, widthOf } from "./lib/workbench/charts.js";
import { cutoffControl } from "./lib/workbench/cutoffs.js";
import { fairnessView } from "./lib/workbench/fairness.js";
import { curvesView } from "./lib/workbench/curves.js";
import { modelCards } from "./lib/workbench/model-cards.js";

const VARIANTS = ["variant-a", "variant-b"];
/** The report's proposal (section 4.4, Tabell 8): A at 37 %, B at 48 %. */
const REPORT_SHARES = { "variant-a": 0.37, "variant-b": 0.48 };
const DEFAULT_SYNTHETIC = { seed: 1, size: 100000 };
const MAX_SYNTHETIC = 1000000;

let t;
/** The Worker holding the cohort on show, and the job making the next one. */
let active = null;
let job = null;
/** What the Worker said about the cohort on show (summary, rejected rows, …). */
let info = null;
/** The last evaluation: today, the counsellors and both variants. */
let results = null;
let fitted = null;
let useFitted = false;
let renders = 0;
let lastMs = null;
/** The rows skipped by a file load that failed (no cohort came of it), still listed. */
let lastRejected = null;

const cuts = Object.fromEntries(VARIANTS.map((key) => [key, { mode: "share", share: REPORT_SHARES[key], cutoff: 0.3 }]));
const controls = {};
const blocks = {};
let curves;
let fairness;
let cards;

// --- the cohort: a file or a synthetic cohort, made in a new Worker ---------

function formatOf(file, head) {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv")) return "csv";
  if (/\.(jsonl|ndjson|json)$/.test(name)) return head.trimStart().startsWith("[") ? "json-array" : "jsonl";
  const first = head.trimStart()[0];
  return first === "{" ? "jsonl" : first === "[" ? "json-array" : "csv";
}

function sizeText(bytes) {
  if (bytes < 1e6) return t("wb.size.kb", { v: t.f.dec1(bytes / 1e3) });
  return t("wb.size.mb", { v: t.f.dec1(bytes / 1e6) });
}

/**
 * The job's progress: the bar and its line of text, and for a screen reader
 * (a live region) the start and every quarter of the file or of the rows
 * made, not every update.
 */
function showJob(j, progress) {
  const p = progress ?? j.last ?? null;
  if (progress) j.last = progress;
  $("job").hidden = false;
  $("job-result").replaceChildren();
  const bar = $("job-progress");
  const label = j.op === "load" ? t("wb.job.reading", { name: j.name, size: sizeText(j.size) }) : t("wb.job.making", { rows: t.f.int(j.params.size), seed: j.params.seed });
  $("job-label").textContent = label;
  let announce = label;
  if (j.op === "load" && p?.phase === "read" && p.total > 0) {
    bar.max = 100;
    bar.value = Math.min(100, (100 * p.bytes) / p.total);
    $("job-text").textContent = t("wb.job.readProgress", { pct: t.f.pct0(p.bytes / p.total), lines: t.f.int(p.lines), rows: t.f.int(p.rows), rejected: t.f.int(p.rejected) });
    $("job").dataset.phase = "read";
    $("job").dataset.rows = String(p.rows);
    announce = `${label}: ${t.f.pct0(Math.floor((4 * p.bytes) / p.total) / 4)}`;
  } else if (j.op === "load" && p?.phase === "finish") {
    bar.value = 100;
    $("job-text").textContent = t("wb.job.finishing", { rows: t.f.int(p.rows) });
    $("job").dataset.phase = "finish";
    announce = $("job-text").textContent;
  } else if (j.op === "synthetic" && p?.phase === "synthetic" && p.size > 0) {
    // The Worker makes the rows in steps and says how many are made.
    bar.max = 100;
    bar.value = Math.min(100, (100 * p.rows) / p.size);
    $("job-text").textContent = t("wb.job.makeProgress", { pct: t.f.pct0(p.rows / p.size), rows: t.f.int(p.rows), size: t.f.int(p.size) });
    $("job").dataset.phase = "synthetic";
    $("job").dataset.rows = String(p.rows);
    announce = `${label}: ${t.f.pct0(Math.floor((4 * p.rows) / p.size) / 4)}`;
  } else {
    // Until the Worker's first progress message: the bar runs without a value.
    bar.removeAttribute("value");
    $("job-text").textContent = t("wb.job.starting");
    $("job").dataset.phase = "start";
  }
  if ($("job-announce").textContent !== announce) $("job-announce").textContent = announce;
}

function endJob() {
  $("job-announce").textContent = "";
  $("job").hidden = true;
  delete $("job").dataset.phase;
}

function problemBox(titleKey, e) {
  const known = t.has(`wb.err.${e.kind}`) ? t(`wb.err.${e.kind}`) : t("wb.err.OTHER");
  return h(
    "div",
    { class: "aksel-alert wb-error", "data-color": "danger", dataset: { kind: e.kind ?? "OTHER" } },
    h(
      "div",
      { class: "aksel-alert__wrapper" },
      h("h3", { class: "aksel-heading aksel-heading--xsmall" }, t(titleKey)),
      h("p", { class: "aksel-body-short" }, known),
      h("p", { class: "aksel-body-short detail technical", lang: "en" }, code(e.kind ?? "OTHER"), e.path ? [" ", code(e.path)] : null, `: ${e.message}`),
    ),
  );
}

/**
 * A Worker started ahead, its wasm compiled, for the next cohort: a file
 * chosen then is read at once (the Worker's start and the wasm's compile
 * take about 100 ms on this machine).
 */
let spare = null;
function prepareSpare() {
  if (spare) return;
  const mine = new WorkbenchClient();
  spare = mine;
  mine.request("init").catch(() => {
    mine.terminate();
    if (spare === mine) spare = null;
  });
}

/** Makes a cohort with `op` ("load" or "synthetic") in a new Worker; the one on show stays until it is done. */
async function makeCohort(op, params, extra = {}) {
  job?.client.terminate();
  const client = spare ?? new WorkbenchClient();
  spare = null;
  const mine = { client, op, params, started: performance.now(), ...extra };
  job = mine;
  delete document.body.dataset.firstProgressMs;
  delete document.body.dataset.loadMs;
  showJob(mine, null);
  document.body.dataset.job = op;
  try {
    const ready = await client.request("init");
    $("version").textContent = `· veivalg ${ready.version}`;
    const made = await client.request(op, params, (p) => {
      if (job !== mine) return;
      // The first progress message, timed for make bench (issue 11: within 100 ms).
      if (!("firstProgressMs" in document.body.dataset)) document.body.dataset.firstProgressMs = String(performance.now() - mine.started);
      showJob(mine, p);
    });
    if (job !== mine) return;
    const ms = performance.now() - mine.started;
    document.body.dataset.loadMs = String(ms);
    endJob();
    job = null;
    active?.terminate();
    active = client;
    info = made;
    lastRejected = null;
    fairnessShown = null;
    fitted = null;
    useFitted = false;
    results = null;
    $("model-choice").hidden = true;
    $("model-shipped").checked = true;
    cards.clear();
    $("fit-status").textContent = "";
    $("job-result").replaceChildren(h("p", { class: "aksel-body-short", dataset: { outcome: "loaded" } }, t(op === "load" ? "wb.job.loaded" : "wb.job.made", { rows: t.f.int(made.summary.rows), s: t.f.dec1(ms / 1000), rejected: t.f.int(made.rejected?.count ?? 0) })));
    showCohort();
    $("analysis").hidden = false;
    evaluate();
    curves.load(active, useFitted);
    document.body.dataset.cohort = made.summary.synthetic ? "synthetic" : "file";
  } catch (e) {
    if (job !== mine) return;
    endJob();
    job = null;
    client.terminate();
    $("job-result").replaceChildren(
      e.kind === "CANCELLED"
        ? h("p", { class: "aksel-body-short", tabindex: "-1", dataset: { outcome: "cancelled" } }, t(info ? "wb.job.cancelledKept" : "wb.job.cancelled"))
        : problemBox(op === "load" ? "wb.err.loadTitle" : "wb.err.makeTitle", e),
    );
    lastRejected = e.rejected ?? null;
    if (e.rejected) showRejected(e.rejected, 0);
    if (e.kind === "CANCELLED") $("job-result").firstChild.focus();
  } finally {
    if (!job) {
      delete document.body.dataset.job;
      setTimeout(prepareSpare, 0);
    }
  }
}

async function loadFile(file) {
  if (!file) return;
  const head = await file.slice(0, 256).text();
  const format = formatOf(file, head);
  if (format === "json-array") {
    $("job-result").replaceChildren(problemBox("wb.err.loadTitle", { kind: "UNSUPPORTED_FORMAT", path: "", message: "a JSON array; give JSON Lines (one record per line) or CSV" }));
    return;
  }
  makeCohort("load", { file, format }, { name: file.name, size: file.size });
}

/** The records a file load skipped (line, field, message; the first 100), or nothing. */
function showRejected(rejected, rows) {
  $("rejected").hidden = !rejected?.count;
  if (!rejected?.count) return;
  $("rejected-intro").textContent = t(rows ? "wb.rej.intro" : "wb.rej.introNone", { count: t.f.int(rejected.count), shown: t.f.int(rejected.first.length), rows: t.f.int(rows) });
  blocks.rejected.update(t, { title: t("wb.rej.tableHeading"), content: rejectedTable(t, rejected.first) });
}

function showCohort() {
  const s = info.summary;
  const card = $("cohort-card");
  card.dataset.state = s.synthetic ? "synthetic" : "file";
  const shares = ["STABLE_WORK", "IN_AND_OUT", "WITHOUT_WORK"].map((o, i) => `${t(`code.outcome.${o}`).toLowerCase()} ${t.f.pct0(s.outcomeShares[i])}`).join(", ");
  const facts = [
    [t("wb.cohort.source"), code(s.source)],
    [t("wb.cohort.rows"), t.f.int(s.rows)],
    [t("wb.cohort.ruleset"), code(s.ruleset)],
    [t("wb.cohort.outcomes"), shares],
    [t("wb.cohort.counsellor"), info.counsellor ? t("wb.yes") : t("wb.cohort.noCounsellor")],
    [t("wb.cohort.groups"), info.groupColumns.length ? info.groupColumns.map((c) => t(`wb.group.${c}`)).join(", ") : "–"],
  ];
  if (info.rejected?.count) facts.push([t("wb.cohort.rejected"), t.f.int(info.rejected.count)]);
  const list = h(
    "dl",
    { class: "cohort-facts aksel-body-short" },
    facts.map(([k, v]) => h("div", { class: "cohort-fact" }, h("dt", {}, k), h("dd", {}, v))),
  );
  card.replaceChildren(
    s.synthetic
      ? h(
          "div",
          { class: "aksel-alert synthetic-banner", "data-color": "warning", id: "synthetic-banner", dataset: { synthetic: "true" } },
          h(
            "div",
            { class: "aksel-alert__wrapper" },
            h("h3", { class: "aksel-heading aksel-heading--small" }, h("span", { class: "aksel-tag aksel-tag--small", "data-color": "warning", "data-variant": "strong" }, t("wb.synthetic")), " ", t("wb.cohort.syntheticHeading")),
            h("p", { class: "aksel-body-short" }, t("wb.cohort.syntheticText")),
            list,
          ),
        )
      : h(
          "div",
          { class: "aksel-alert file-banner", "data-color": "info", dataset: { synthetic: "false" } },
          h("div", { class: "aksel-alert__wrapper" }, h("h3", { class: "aksel-heading aksel-heading--small" }, t("wb.cohort.fileHeading")), h("p", { class: "aksel-body-short" }, t("wb.cohort.fileText")), list),
        ),
  );
  showRejected(info.rejected, s.rows);
  $("preset-today-label").textContent = t("wb.preset.todayShare", { v: t.f.pct0(info.todayShare ?? NaN) });
  fairness.methods(t, info.counsellor);
}

// --- the cut-offs and the evaluation ----------------------------------------

/**
 * A request that runs one at a time: called while one is on its way, it
 * runs once more when that one is back (with the state of then), so a
 * slider dragged fast never queues up stale requests.
 */
function serial(run) {
  let inflight = false;
  let dirty = false;
  const go = async () => {
    inflight = true;
    dirty = false;
    try {
      await run();
    } finally {
      inflight = false;
      if (dirty) go();
    }
  };
  return () => {
    if (inflight) dirty = true;
    else go();
  };
}

const variantsNow = () => VARIANTS.map((key) => ({ key, mode: cuts[key].mode, value: cuts[key].mode === "share" ? cuts[key].share : cuts[key].cutoff }));
let fairnessMs = null;
let fairnessShown = null;
let fairnessRenders = 0;

function timingLine() {
  $("timing").textContent = t("wb.timing", { ms: t.f.dec1(lastMs ?? 0), fair: fairnessMs === null ? "–" : t.f.dec1(fairnessMs), rows: t.f.int(info.summary.rows) });
}

/** Step 1 of a move: the tables, the bars and the curve point; step 2, the fairness tables, follows. */
const evaluate = serial(async () => {
  if (!active || !info) return;
  const t0 = performance.now();
  const from = active;
  try {
    const r = await from.request("evaluate", { variants: variantsNow(), fitted: useFitted });
    if (from !== active) return;
    results = r;
    render();
    lastMs = performance.now() - t0;
    timingLine();
    renders += 1;
    document.body.dataset.renders = String(renders);
    document.dispatchEvent(new CustomEvent("wb-render", { detail: { ms: lastMs, worker: r.ms } }));
  } catch (e) {
    if (from === active) $("timing").replaceChildren(problemBox("wb.err.evaluateTitle", e));
    return;
  }
  refreshFairness();
});

/** Step 2: the metrics by group of the method chosen (a variant at its cut-off on show). */
const refreshFairness = serial(async () => {
  if (!active || !info) return;
  const t0 = performance.now();
  const from = active;
  const method = fairness.selected();
  const variant = variantsNow().find((v) => v.key === method) ?? null;
  const key = `${method} ${variant ? `${variant.mode} ${variant.value}` : ""} ${useFitted} ${t.lang}`;
  try {
    if (key === fairnessShown) return;
    const r = await from.request("fairness", { method, variant, fitted: useFitted });
    if (from !== active) return;
    fairness.render(t, [r.method, r.fairness]);
    fairnessShown = key;
    fairnessMs = performance.now() - t0;
    timingLine();
    fairnessRenders += 1;
    document.body.dataset.fairnessRenders = String(fairnessRenders);
    document.dispatchEvent(new CustomEvent("wb-fairness", { detail: { ms: fairnessMs, worker: r.ms } }));
  } catch (e) {
    if (from === active) fairness.fail(problemBox("wb.err.evaluateTitle", e));
  }
});

/** Today, the counsellors (when the cohort has their decisions), A and B, as [key, evaluation]. */
function methods() {
  if (!results) return [];
  return [["today", results.today], ...(results.counsellor ? [["counsellor", results.counsellor]] : []), ...results.variants];
}

function render() {
  if (!results) return;
  const all = methods();
  for (const [key, e] of results.variants) controls[key].show(t, e);
  blocks.summary.update(t, { title: t("wb.summary.heading"), content: summaryTable(t, all) });
  $("differences").replaceChildren(...results.variants.map(([key, e]) => differenceLine(t, key, e)));
  drawFigure();
  blocks.share.update(t, { title: t("wb.share.heading"), content: outcomeTable(t, "share-tab", t("wb.share.caption"), all, (c) => t.f.pct(c.share), (c) => c.share) });
  blocks.month.update(t, {
    title: t("wb.month.heading", { n: t.f.int(results.today.monthlyVolume) }),
    content: outcomeTable(t, "month-tab", t("wb.month.caption", { n: t.f.int(results.today.monthlyVolume) }), all, (c) => t.f.int(c.perMonth), (c) => c.perMonth),
  });
  curves.mark(t, results);
}

function drawFigure() {
  const all = methods();
  if (!all.length) return;
  blocks.figure.update(t, {
    title: t("wb.figure.heading"),
    content: figure5(t, all, widthOf(blocks.figure.body), { labelledBy: blocks.figure.heading.id, descId: "figure5-desc" }),
  });
}

function preset(name) {
  for (const key of VARIANTS) {
    const share = name === "report" ? REPORT_SHARES[key] : info.todayShare;
    controls[key].set("share", share);
  }
  evaluate();
}

// --- fit ------------------------------------------------------------------

/** The policy file of a variant with the cut-off on show and the model fitted here. */
function policyFile(key) {
  const c = cuts[key];
  return active.request("policy", { key, mode: c.mode, value: c.mode === "share" ? c.share : c.cutoff, fitted: true });
}

async function fit() {
  const button = $("fit");
  button.disabled = true;
  $("fit-status").textContent = t("wb.fit.working");
  const from = active;
  try {
    const out = await from.request("fit", {}, (p) => {
      $("fit-status").textContent = t("wb.fit.progress", { name: methodName(t, p.key) });
    });
    if (from !== active) return;
    fitted = out;
    useFitted = true;
    fairnessShown = null;
    $("model-choice").hidden = false;
    $("model-fitted").checked = true;
    $("fit-status").textContent = t("wb.fit.done", { rows: t.f.int(info.summary.rows) });
    cards.show(t, fitted, policyFile);
    evaluate();
    curves.load(active, useFitted);
  } catch (e) {
    $("fit-status").replaceChildren(problemBox("wb.err.fitTitle", e));
  } finally {
    button.disabled = false;
  }
}

// --- the page ------------------------------------------------------------------

function validNumber(id, min, max) {
  const raw = $(id).value.replace(/\s/g, "");
  const slot = $(`${id}-error`);
  const field = $(id).closest(".aksel-text-field");
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const ok = Number.isSafeInteger(n) && n >= min && n <= max;
  slot.replaceChildren(ok ? "" : h("p", { class: "aksel-error-message aksel-label aksel-error-message--show-icon" }, t(`wb.syn.${id === "syn-size" ? "sizeError" : "seedError"}`, { min: t.f.int(min), max: t.f.int(max) })));
  field.classList.toggle("aksel-text-field--error", !ok);
  if (ok) $(id).removeAttribute("aria-invalid");
  else $(id).setAttribute("aria-invalid", "true");
  return ok ? n : null;
}

function language(next) {
  t = next;
  for (const key of VARIANTS) controls[key]?.render(t);
  for (const b of Object.values(blocks)) b.update?.(t, { title: b.heading.textContent || "" });
  if (info) showCohort();
  if (lastRejected) showRejected(lastRejected, 0);
  if (job) showJob(job, null);
  if (results) render();
  if (info) refreshFairness();
  curves?.language(t);
  if (fitted) cards.show(t, fitted, policyFile);
}

function main() {
  const page = setupPage({ onLanguage: (next) => (t ? language(next) : (t = next)) });
  t = page.t;
  for (const key of VARIANTS) {
    controls[key] = cutoffControl(key, cuts[key], evaluate);
    $("cutoff-grid").append(controls[key].el);
    controls[key].render(t);
  }
  blocks.rejected = block($("rejected-table"), { kind: "table", file: () => "veivalg-rejected-rows.csv", level: 4, id: "block-rejected" });
  blocks.summary = block($("block-summary"), { kind: "table", file: () => "veivalg-tabell-8.csv", id: "block-summary-t" });
  blocks.figure = block($("block-figure"), { kind: "figure", file: () => "veivalg-figur-5.svg", id: "block-figure-f" });
  blocks.share = block($("block-share"), { kind: "table", file: () => "veivalg-tabell-5-andel.csv", id: "block-share-t" });
  blocks.month = block($("block-month"), { kind: "table", file: () => "veivalg-tabell-5-per-maned.csv", id: "block-month-t" });
  fairness = fairnessView($("fairness"), $("fair-method"), () => refreshFairness());
  curves = curvesView($("curves"), () => t);
  cards = modelCards($("model-cards"), () => t);
  // The rejected-rows table lives in its own region, without a second one inside.
  $("rejected-table").removeAttribute("role");
  $("rejected-table").removeAttribute("tabindex");
  $("rejected-table").classList.remove("table-scroll");

  for (const b of document.querySelectorAll("[data-preset]")) b.addEventListener("click", () => preset(b.dataset.preset));
  for (const radio of document.querySelectorAll("input[name=model]")) {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      useFitted = radio.value === "fitted";
      evaluate();
      curves.load(active, useFitted);
    });
  }
  $("fit").addEventListener("click", fit);
  $("job-cancel").addEventListener("click", () => job?.client.terminate());
  $("file").addEventListener("change", () => {
    loadFile($("file").files[0]);
    $("file").value = "";
  });
  const zone = $("dropzone");
  const over = (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes("Files")) return;
    event.preventDefault();
    zone.classList.add("aksel-dropzone--dragging");
  };
  zone.addEventListener("dragenter", over);
  zone.addEventListener("dragover", over);
  zone.addEventListener("dragleave", (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove("aksel-dropzone--dragging");
  });
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("aksel-dropzone--dragging");
    loadFile(event.dataTransfer?.files?.[0]);
  });
  // A file dropped beside the zone is not opened by the browser (it would leave the page).
  addEventListener("dragover", (event) => event.preventDefault());
  addEventListener("drop", (event) => event.preventDefault());

  $("synthetic-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const size = validNumber("syn-size", 1000, MAX_SYNTHETIC);
    const seed = validNumber("syn-seed", 0, Number.MAX_SAFE_INTEGER);
    if (size === null) return $("syn-size").focus();
    if (seed === null) return $("syn-seed").focus();
    makeCohort("synthetic", { size, seed });
  });

  // A block's width changed (the window, or a block laid out for the first
  // time when it comes into view): the figures are drawn again at it.
  let redraw = 0;
  document.addEventListener("wb-width", () => {
    cancelAnimationFrame(redraw);
    redraw = requestAnimationFrame(() => {
      if (results) drawFigure();
      curves.redraw();
      cards.redraw();
    });
  });
  addEventListener("pagehide", () => {
    spare?.terminate();
    job?.client.terminate();
    active?.terminate();
  });

  document.body.dataset.ready = "true";
  makeCohort("synthetic", DEFAULT_SYNTHETIC);
}

main();
