// Cohort files through the package's CohortLoader in headless Chromium
// (make bench): the file is picked in a file input and read with
// File.stream(), each chunk pushed into `new CohortLoader({ format })`, as a
// page's Worker does — here on the page's main thread, with nothing else
// running. Needs pkg/ (make pkg) and the release CLI (it writes the files).
//
// Issue 11's budgets for the library: 180 000 rows (a year of NAV
// registrations) from JSON Lines ≤ 3 s and from CSV ≤ 3 s, the first
// progress (the first chunk pushed) within 100 ms; 1 000 000 rows load, with
// the peak wasm memory recorded (wasm memory never shrinks: its size after
// `finish()` is the peak).
//
// The files are the synthetic cohort (`veivalg synth --seed 1 --size N
// --format jsonl|csv`), written once into target/bench-cohorts/ (not
// shipped; about 0.3 GB for 180 000 rows of JSON Lines, 1.8 GB for 10⁶).
//   node benches/wasm/cohort-files.mjs [--quick] [--json out.json] [--packages a,b,…]
//   (--quick: 180 000 rows only; --packages: contenders side by side, each a
//   directory laid out as pkg/ (holding cohort/index.js and
//   cohort/veivalg_cohort_bg.wasm), relative to the repository or absolute;
//   their loads alternate in the same run, so the machine's noise falls on
//   all of them alike. Default: pkg.)
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../../", import.meta.url));
const DIR = join(root, "target", "bench-cohorts");
const CLI = join(root, "target", "release", "veivalg");
const quick = process.argv.includes("--quick");
const packagesAt = process.argv.indexOf("--packages");
const PACKAGES = packagesAt > 0 ? process.argv[packagesAt + 1].split(",").filter(Boolean) : ["pkg"];
for (const p of PACKAGES) {
  if (!existsSync(join(resolve(root, p), "cohort", "index.js"))) {
    console.error(`${p}: no cohort/index.js (make pkg, or copy a build of pkg/ there)`);
    process.exit(2);
  }
}
mkdirSync(DIR, { recursive: true });

/** `veivalg synth` into DIR, once per size and format. */
function cohortFile(rows, format) {
  const path = join(DIR, `synthetic-seed1-${rows}.${format}`);
  if (existsSync(path)) return path;
  if (!existsSync(CLI)) {
    console.error(`${CLI} is missing: cargo build --release --features cli --bin veivalg`);
    process.exit(2);
  }
  const t = performance.now();
  const r = spawnSync(CLI, ["synth", "--seed", "1", "--size", String(rows), "--format", format, "--output", `${path}.tmp`], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  renameSync(`${path}.tmp`, path);
  console.error(`wrote ${path} (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return path;
}

// The package and an empty page, from a local server on 127.0.0.1 (the
// files themselves go through the file input, not the server).
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path === "/") {
    res.writeHead(200, { "content-type": "text/html" });
    return res.end('<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>veivalg cohort files</title><input type="file" id="file">');
  }
  // /p<k>/… is contender k's package directory.
  const m = path.match(/^\/p(\d+)\/(.*)$/);
  if (m && PACKAGES[Number(m[1])] !== undefined && !path.includes("..")) {
    const file = join(resolve(root, PACKAGES[Number(m[1])]), m[2]);
    if (existsSync(file)) {
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      return createReadStream(file).pipe(res);
    }
  }
  res.writeHead(404);
  res.end();
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

/** Loads one file in a fresh page with contender `k`'s package; returns the timings and the wasm memory. */
async function load(path, format, k) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.evaluate(async (k) => {
    const m = await import(`/p${k}/cohort/index.js`);
    const exports = await m.default({ module_or_path: `/p${k}/cohort/veivalg_cohort_bg.wasm` });
    window.veivalgCohort = { m, memory: exports.memory };
  }, k);
  await page.setInputFiles("#file", path);
  const result = await page.evaluate(async ([format, PIECE]) => {
    const { m, memory } = window.veivalgCohort;
    const file = document.getElementById("file").files[0];
    const startMemory = memory.buffer.byteLength;
    const t0 = performance.now();
    const loader = new m.CohortLoader({ format, source: file.name });
    const reader = file.stream().getReader();
    let first = null;
    let chunks = 0;
    let largest = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      largest = Math.max(largest, value.length);
      // Pushed PIECE bytes at a time, so that progress comes at least that
      // often whatever size the stream's chunks have (Chromium's are 2 MiB).
      for (let at = 0; at < value.length; at += PIECE) {
        loader.push(value.subarray(at, at + PIECE));
        chunks += 1;
        if (first === null) first = performance.now() - t0;
      }
    }
    const cohort = loader.finish();
    const total = performance.now() - t0;
    loader.free();
    const s = cohort.summary();
    cohort.free();
    return {
      bytes: file.size, rows: s.rows, rejected: s.rejected.count, chunks, largest,
      firstProgressMs: first, totalMs: total,
      startMemory, peakMemory: memory.buffer.byteLength,
    };
  }, [format, PIECE]);
  await context.close();
  return result;
}

const mib = (x) => (x / 2 ** 20).toFixed(1);
/** Bytes pushed at a time (a Worker would post progress after each). */
const PIECE = 256 * 1024;
const rows = [];
try {
  const sizes = quick ? [180000] : [180000, 1000000];
  for (const n of sizes) {
    for (const format of ["csv", "jsonl"]) {
      const path = cohortFile(n, format);
      // Three runs at 180 000 rows (median), one at 10⁶; with several
      // packages, one load of each in turn.
      const runs = PACKAGES.map(() => []);
      for (let i = 0; i < (n === 180000 ? 3 : 1); i++) {
        for (let k = 0; k < PACKAGES.length; k++) runs[k].push(await load(path, format, k));
      }
      for (let k = 0; k < PACKAGES.length; k++) {
        runs[k].sort((a, b) => a.totalMs - b.totalMs);
        const r = runs[k][runs[k].length >> 1];
        const all = runs[k].map((x) => (x.totalMs / 1000).toFixed(2)).join(" ");
        rows.push({ format, n, pkg: PACKAGES[k], all, ...r });
        console.error(`${PACKAGES[k]}: ${format} ${n}: ${(r.totalMs / 1000).toFixed(2)} s (runs ${all}), first progress ${r.firstProgressMs.toFixed(1)} ms, wasm memory ${mib(r.peakMemory)} MiB`);
      }
    }
  }
  const lines = [
    `Cohort files through CohortLoader in headless Chromium ${browser.version()} (File.stream() chunks, pushed ${PIECE / 1024} KiB at a time on the main thread; "first progress": the first push returned)`,
    "",
    "| package | file | size | rows | pushes (largest stream chunk) | first progress | load (median; every run) | MB/s | wasm memory before → after (peak) | budget |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of rows) {
    const budget = r.n === 180000 ? "≤ 3 s, first progress ≤ 100 ms" : "loads; peak recorded";
    lines.push(
      `| ${r.pkg} | ${r.format === "csv" ? "CSV" : "JSON Lines"} | ${mib(r.bytes)} MiB | ${r.rows} | ${r.chunks} (${(r.largest / 1024).toFixed(0)} KiB) | ${r.firstProgressMs.toFixed(1)} ms | ${(r.totalMs / 1000).toFixed(2)} s; ${r.all} | ${(r.bytes / 1e6 / (r.totalMs / 1000)).toFixed(0)} | ${mib(r.startMemory)} → ${mib(r.peakMemory)} MiB | ${budget} |`,
    );
  }
  console.log(lines.join("\n"));
  const out = process.argv.indexOf("--json");
  if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify({ runner: `Chromium ${browser.version()}`, rows }, null, 2));
} finally {
  await browser.close();
  server.close();
}
