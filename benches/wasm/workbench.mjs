// The analyst's workbench (www/workbench.html) in headless Chromium, as a
// page (make bench): served by scripts/serve.mjs with its CSP, driven by
// playwright-core with Debian's Chromium. Needs pkg/ (make pkg).
//
// Issue 11's budgets:
//   a cut-off move ≤ 16 ms with the redraw (the slider's input event to the
//     tables, bars, fairness tables and curve point in the DOM, laid out);
//   fairness tables for five group columns ≤ 16 ms (the library's call in
//     the Worker, and the method switch that asks for it, to the tables in
//     the DOM);
//   180 000 rows from JSON Lines ≤ 3 s and from CSV ≤ 3 s, the first
//     progress within 100 ms (the file input's change to the tables);
//   1 000 000 rows load without running out of memory (the peak resident
//     memory of the page's renderer process and the Worker's wasm memory).
// The cohort files are written with the tests' generator
// (tests/e2e/cohort-files.mjs), once, into target/bench-workbench/.
//   node benches/wasm/workbench.mjs [--json out.json] [--quick]
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { start } from "../../scripts/serve.mjs";
import { registrations, record, csv } from "../../tests/e2e/cohort-files.mjs";

const quick = process.argv.includes("--quick");
const DIR = fileURLToPath(new URL("../../target/bench-workbench/", import.meta.url));
mkdirSync(DIR, { recursive: true });

/** Writes `n` registrations as JSON Lines or CSV (in blocks, so memory stays small), once. */
async function cohortFile(n, format) {
  const path = `${DIR}cohort-${n}.${format}`;
  if (existsSync(path) && statSync(path).size > 0) return path;
  const out = createWriteStream(`${path}.tmp`);
  const BLOCK = 5000;
  for (let i = 0; i < n; i += BLOCK) {
    const rows = registrations(Math.min(BLOCK, n - i), { seed: 1000 + i / BLOCK, marker: `bench-${i}` });
    let text;
    if (format === "jsonl") text = rows.map((r) => JSON.stringify(record(r))).join("\n") + "\n";
    else {
      text = csv(rows);
      if (i > 0) text = text.slice(text.indexOf("\r\n") + 2);
    }
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  renameSync(`${path}.tmp`, path);
  return path;
}

/** Peak resident memory (VmHWM) of each Chromium renderer this process started, in bytes. */
function rendererPeaks() {
  const parent = new Map();
  const cmd = new Map();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      parent.set(pid, stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      cmd.set(pid, readFileSync(`/proc/${pid}/cmdline`, "utf8"));
    } catch {
      // gone
    }
  }
  const mine = (pid) => {
    for (let p = pid; p && p !== "1"; p = parent.get(p)) if (p === String(process.pid)) return true;
    return false;
  };
  const out = [];
  for (const [pid, line] of cmd) {
    if (!line.includes("--type=renderer") || !mine(pid)) continue;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    if (hwm) out.push(Number(hwm[1]) * 1024);
  }
  return out;
}

/**
 * The wasm memory of the Worker that holds the cohort, in bytes (wasm memory
 * only grows, so this is its peak): the Worker's own module map gives the
 * instance it loaded.
 */
async function wasmMemory(page) {
  const sizes = await Promise.all(page.workers().map((w) => w.evaluate(async () => (await (await import("/lib/veivalg-cohort.js")).default()).memory.buffer.byteLength).catch(() => 0)));
  return Math.max(0, ...sizes);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

const server = await start({ port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function open() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "nb-NO" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await page.goto(new URL("/workbench.html", server.url).href);
  await page.waitForSelector("body[data-cohort=synthetic][data-renders]", { timeout: 60000 });
  await page.waitForSelector("#curves[data-ready]");
  return { context, page };
}

const rows = [];
const row = (name, ms, target, note = "") => rows.push({ name, ms, target, note });

try {
  // --- a cut-off move and the fairness tables, on the synthetic 100 000 ---------
  {
    const { context, page } = await open();
    const moves = await page.evaluate(async (n) => {
      const range = document.getElementById("cut-variant-a-range");
      const out = [];
      for (let i = 0; i < n; i++) {
        const done = new Promise((r) => document.addEventListener("wb-render", (e) => r(e.detail), { once: true }));
        const t0 = performance.now();
        range.value = String(20 + (i % 40));
        range.dispatchEvent(new Event("input", { bubbles: true }));
        const detail = await done;
        void document.body.offsetHeight; // the layout of the redraw
        out.push({ total: performance.now() - t0, worker: detail.worker.variants + detail.worker.fairness, fairness: detail.worker.fairness });
        await new Promise((r) => setTimeout(r, 20));
      }
      return out;
    }, quick ? 15 : 60);
    row("cut-off move: input → Tabell 5/8, Figur 5, fairness tables and curve point in the DOM, laid out (median)", median(moves.map((m) => m.total)), 16, `p95 ${fmt(p95(moves.map((m) => m.total)))} ms`);
    row("  of which the Worker: two evaluations and the fairness of variant A (median)", median(moves.map((m) => m.worker)), null);
    row("fairness tables, five group columns: the library's fairness call in the Worker (median)", median(moves.map((m) => m.fairness)), 16);
    const switches = await page.evaluate(async (n) => {
      const select = document.getElementById("fair-method");
      const keys = ["today", "counsellor", "variant-a", "variant-b"];
      const out = [];
      for (let i = 0; i < n; i++) {
        const done = new Promise((r) => document.addEventListener("wb-render", r, { once: true }));
        const t0 = performance.now();
        select.value = keys[i % keys.length];
        select.dispatchEvent(new Event("change", { bubbles: true }));
        await done;
        void document.body.offsetHeight;
        out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      return out;
    }, quick ? 12 : 40);
    row("fairness tables, five group columns: method switch → every table in the DOM, laid out (median)", median(switches), 16, `p95 ${fmt(p95(switches))} ms`);
    await context.close();
  }

  // --- loading files -------------------------------------------------------------
  const loadCase = async (n, format, budget) => {
    const file = await cohortFile(n, format);
    const { context, page } = await open();
    await page.setInputFiles("#file", file);
    await page.waitForSelector("body[data-cohort=file][data-load-ms]", { timeout: 600000 });
    const [loadMs, firstMs, text] = await page.evaluate(() => [Number(document.body.dataset.loadMs), Number(document.body.dataset.firstProgressMs), document.getElementById("job-result").textContent]);
    const size = statSync(file).size;
    const wasm = await wasmMemory(page);
    row(`load ${n.toLocaleString("en")} rows from ${format === "jsonl" ? "JSON Lines" : "CSV"} (${(size / 1e6).toFixed(0)} MB): change → tables`, loadMs, budget, `${text.trim()}; wasm memory ${(wasm / 1e6).toFixed(0)} MB`);
    row(`  first progress after`, firstMs, 100);
    await context.close();
  };
  await loadCase(quick ? 20000 : 180000, "jsonl", 3000);
  await loadCase(quick ? 20000 : 180000, "csv", 3000);

  if (!quick) {
    const file = await cohortFile(1000000, "csv");
    const before = new Set(rendererPeaks());
    const { context, page } = await open();
    await page.setInputFiles("#file", file);
    await page.waitForSelector("body[data-cohort=file][data-load-ms]", { timeout: 1200000 });
    const [loadMs, text] = await page.evaluate(() => [Number(document.body.dataset.loadMs), document.getElementById("job-result").textContent]);
    const wasm = await wasmMemory(page);
    const peaks = rendererPeaks().filter((p) => !before.has(p));
    row(`load 1,000,000 rows from CSV (${(statSync(file).size / 1e6).toFixed(0)} MB): change → tables`, loadMs, null, `${text.trim()}; renderer peak RSS ${(Math.max(...peaks) / 1e6).toFixed(0)} MB${wasm ? `, wasm memory ${(wasm / 1e6).toFixed(0)} MB` : ""}`);
    await context.close();
  }

  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = [`veivalg workbench in headless Chromium ${browser.version()} (${new Date().toISOString().slice(0, 10)})`, ""];
  lines.push(`${"case".padEnd(width)}  ${"ms".padStart(9)}  ${"target".padStart(7)}  note`);
  for (const r of rows) {
    const verdict = r.target === null ? "" : r.ms <= r.target ? "  ok" : "  OVER";
    lines.push(`${r.name.padEnd(width)}  ${fmt(r.ms).padStart(9)}  ${(r.target === null ? "" : `≤ ${r.target}`).padStart(7)}${verdict}  ${r.note}`);
  }
  console.log(lines.join("\n"));
  const out = process.argv.indexOf("--json");
  if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify({ runner: `Chromium ${browser.version()}`, rows }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
