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
// The cohort files are the synthetic cohort written by the release CLI into
// target/bench-cohorts/ (shared with benches/wasm/cohort-files.mjs, which
// times the same loads through CohortLoader alone, without the page).
//   node benches/wasm/workbench.mjs [--json out.json] [--quick]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { start } from "../../scripts/serve.mjs";

const quick = process.argv.includes("--quick");
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIR = join(ROOT, "target", "bench-cohorts");
const CLI = join(ROOT, "target", "release", "veivalg");
mkdirSync(DIR, { recursive: true });

/**
 * The synthetic cohort as a file (`veivalg synth --seed 1 --size n`), in
 * target/bench-cohorts/ — the same files as the library's loader benchmark
 * (benches/wasm/cohort-files.mjs), written once by whichever runs first.
 */
function cohortFile(n, format) {
  const path = join(DIR, `synthetic-seed1-${n}.${format}`);
  if (existsSync(path)) return path;
  if (!existsSync(CLI)) {
    console.error(`${CLI} is missing: cargo build --release --features cli --bin veivalg`);
    process.exit(2);
  }
  const r = spawnSync(CLI, ["synth", "--seed", "1", "--size", String(n), "--format", format, "--output", `${path}.tmp`], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
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
const row = (name, ms, target, note = "") => {
  rows.push({ name, ms, target, note });
  console.error(`${name}: ${fmt(ms)} ms ${note}`);
};

try {
  // --- a cut-off move and the fairness tables, on the synthetic 100 000 ---------
  {
    const { context, page } = await open();
    // Each case triggers a change `n` times and waits for the page's event:
    // wb-render (step 1: Tabell 5/8, Figur 5, the curve point) or wb-fairness
    // (step 2: the fairness tables), then lays the page out.
    const measure = (what, n) =>
      page.evaluate(
        async ({ what, n }) => {
          const out = [];
          const range = document.getElementById("cut-variant-a-range");
          const select = document.getElementById("fair-method");
          const keys = ["today", "counsellor", "variant-b", "variant-a"];
          for (let i = 0; i < n; i++) {
            const wait = (name) =>
              new Promise((resolve, reject) => {
                document.addEventListener(name, (e) => resolve(e.detail), { once: true });
                setTimeout(() => reject(new Error(`no ${name} in 10 s`)), 10000);
              });
            const step1 = wait("wb-render");
            const step2 = wait("wb-fairness");
            const t0 = performance.now();
            if (what === "switch") {
              step1.catch(() => {});
              select.value = keys[i % keys.length];
              select.dispatchEvent(new Event("change", { bubbles: true }));
            } else {
              range.value = String(20 + (i % 40));
              range.dispatchEvent(new Event("input", { bubbles: true }));
            }
            const row = {};
            if (what !== "switch") {
              const d = await step1;
              void document.body.offsetHeight; // the layout of the redraw
              row.tables = performance.now() - t0;
              row.worker = d.worker;
            }
            const f = await step2;
            void document.body.offsetHeight;
            row.fairness = performance.now() - t0;
            row.fairnessWorker = f.worker;
            out.push(row);
            await new Promise((r) => setTimeout(r, 30));
          }
          return out;
        },
        { what, n },
      );
    const moves = await measure("move", quick ? 15 : 60);
    row("cut-off move: input → Tabell 5/8, Figur 5 and the curve point in the DOM, laid out (median)", median(moves.map((m) => m.tables)), 16, `p95 ${fmt(p95(moves.map((m) => m.tables)))} ms`);
    row("  of which the Worker's evaluation of the variant moved (median)", median(moves.map((m) => m.worker)), null);
    row("  then the fairness tables of that variant: input → in the DOM, laid out (median)", median(moves.map((m) => m.fairness)), null, `p95 ${fmt(p95(moves.map((m) => m.fairness)))} ms`);
    row("fairness tables, five group columns: the library's fairness call in the Worker (median)", median(moves.map((m) => m.fairnessWorker)), 16);
    const switches = await measure("switch", quick ? 12 : 40);
    row("fairness tables, five group columns: method switch → every table in the DOM, laid out (median)", median(switches.map((m) => m.fairness)), 16, `p95 ${fmt(p95(switches.map((m) => m.fairness)))} ms`);
    await context.close();
  }

  // --- loading files -------------------------------------------------------------
  const loadCase = async (n, format, budget) => {
    const file = cohortFile(n, format);
    const { context, page } = await open();
    await page.evaluate(() => delete document.body.dataset.loadMs);
    await page.setInputFiles("#file", file);
    await page.waitForSelector("body[data-load-ms]:not([data-job])", { timeout: 300000 });
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
    const file = cohortFile(1000000, "csv");
    const before = new Set(rendererPeaks());
    const { context, page } = await open();
    await page.evaluate(() => delete document.body.dataset.loadMs);
    await page.setInputFiles("#file", file);
    await page.waitForSelector("body[data-load-ms]:not([data-job])", { timeout: 900000 });
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
