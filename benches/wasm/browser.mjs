// The package's benchmarks in headless Chromium (make bench), driven by
// playwright-core with Debian's Chromium; the files are served from disk
// by request interception (no server, no network). Needs pkg/ (make pkg).
// Both entry points: `veivalg` (decide, explain) and `veivalg/cohort`
// (Cohort), and a <veivalg-panel> render (veivalg/panel) with its wasm calls counted.
//   node benches/wasm/browser.mjs [--json out.json]
import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { table } from "./cases.mjs";
import { countWasmCalls } from "../../tests/e2e/wasm-calls.mjs";

const ORIGIN = "http://bench.invalid";
const MOUNTS = {
  "/pkg/": fileURLToPath(new URL("../../pkg/", import.meta.url)),
  "/bench/": fileURLToPath(new URL("./", import.meta.url)),
};
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".html": "text/html", ".css": "text/css" };
const PAGE = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>veivalg bench</title>';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});


async function page({ viewport, init } = {}) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  if (init) await context.addInitScript(init);
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === "/") return route.fulfill({ body: PAGE, contentType: "text/html" });
    for (const [prefix, dir] of Object.entries(MOUNTS)) {
      if (path.startsWith(prefix) && !path.includes("..")) {
        const file = dir + path.slice(prefix.length);
        return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? "application/octet-stream" });
      }
    }
    return route.fulfill({ status: 404, body: "" });
  });
  const p = await context.newPage();
  await p.goto(`${ORIGIN}/`);
  return { context, page: p };
}

try {
  // Instantiation: `await init()` on the wasm bytes (compile + instantiate;
  // the fetch is timed apart, since the interception that serves the file
  // here costs more than a local server would), in a fresh context each
  // time, for each entry point; median of 7.
  const ENTRY = [
    { key: "instantiate", name: "veivalg", js: "/pkg/veivalg.js", wasm: "/pkg/veivalg_bg.wasm" },
    { key: "instantiate-cohort", name: "veivalg/cohort", js: "/pkg/cohort/veivalg_cohort.js", wasm: "/pkg/cohort/veivalg_cohort_bg.wasm" },
  ];
  const instantiation = [];
  for (const entry of ENTRY) {
    const samples = [];
    const fetches = [];
    for (let k = 0; k < 7; k++) {
      const { context, page: p } = await page();
      const [f, t] = await p.evaluate(async ({ js, wasm }) => {
        const v = await import(js);
        const t0 = performance.now();
        const bytes = await (await fetch(wasm)).arrayBuffer();
        const t1 = performance.now();
        await v.default({ module_or_path: bytes });
        return [t1 - t0, performance.now() - t1];
      }, entry);
      fetches.push(f);
      samples.push(t);
      await context.close();
    }
    samples.sort((a, b) => a - b);
    fetches.sort((a, b) => a - b);
    instantiation.push(
      { key: entry.key, name: `instantiate ${entry.name} (await init(bytes): compile + instantiate)`, ms: samples[samples.length >> 1] },
      { key: "fetch", name: `(fetch of ${entry.wasm.slice(5)} through request interception)`, ms: fetches[fetches.length >> 1] },
    );
  }
  const { context, page: p } = await page();
  const rows = await p.evaluate(async () => {
    const v = await import("/pkg/veivalg.js");
    await v.default({ module_or_path: "/pkg/veivalg_bg.wasm" });
    const c = await import("/pkg/cohort/veivalg_cohort.js");
    await c.default({ module_or_path: "/pkg/cohort/veivalg_cohort_bg.wasm" });
    const { run } = await import("/bench/cases.mjs");
    return run(v, c);
  });
  await context.close();
  rows.unshift(...instantiation);

  // A <veivalg-panel> render (veivalg/panel from pkg/, with its stylesheet,
  // at 1280 px): from setting `person` to the `veivalg-render` event (the one
  // explain() call, the texts, the SVG bars and chart, the DOM), then style
  // and layout forced by reading the panel's size — a frame's work before
  // paint. The 64 registrants of cases.mjs (36 months of wages each) in
  // turn, once to warm up, then five rounds; median and 95th percentile per
  // person. Every call into the wasm's exports is counted.
  const panelPage = await page({ viewport: { width: 1280, height: 900 }, init: countWasmCalls });
  const panel = await panelPage.page.evaluate(async () => {
    await import("/pkg/panel/panel.js");
    const { persons } = await import("/bench/cases.mjs");
    const people = persons();
    const el = document.createElement("veivalg-panel");
    el.lang = "nb";
    document.body.append(el);
    const once = (person) =>
      new Promise((resolve) => {
        el.addEventListener("veivalg-render", resolve, { once: true });
        el.person = person;
      });
    await once(people[0]);
    for (const p of people) await once(p);
    globalThis.__wasmCalls.length = 0;
    const toEvent = [];
    const withLayout = [];
    let renders = 0;
    for (let round = 0; round < 5; round++) {
      for (const p of people) {
        const t0 = performance.now();
        await once(p);
        const t1 = performance.now();
        el.getBoundingClientRect();
        void el.offsetHeight;
        withLayout.push(performance.now() - t0);
        toEvent.push(t1 - t0);
        renders++;
        if (el.dataset.state !== "ready") throw new Error(`panel state ${el.dataset.state} for ${p.id}`);
      }
    }
    const q = (xs, f) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(f * xs.length))];
    return {
      toEvent: q(toEvent, 0.5),
      median: q(withLayout, 0.5),
      p95: q(withLayout, 0.95),
      renders,
      calls: [...new Set(globalThis.__wasmCalls)],
      callsPerRender: globalThis.__wasmCalls.length / renders,
      sheet: [...document.querySelectorAll("link[rel=stylesheet]")].map((l) => new URL(l.href).pathname),
    };
  });
  await panelPage.context.close();
  if (panel.callsPerRender !== 1 || panel.calls.join() !== "explain") {
    throw new Error(`a panel render made ${panel.callsPerRender} wasm calls (${panel.calls.join(", ")}), not one explain()`);
  }
  rows.push(
    { key: "panel-js", name: "<veivalg-panel> render: person set → veivalg-render (explain + DOM)", ms: panel.toEvent },
    { key: "panel", name: "<veivalg-panel> render + style and layout, per person (one frame)", ms: panel.median },
    { key: "panel-p95", name: "… 95th percentile", ms: panel.p95 },
  );
  console.log(table(`veivalg wasm in headless Chromium ${browser.version()}`, rows));
  console.log(
    `\n<veivalg-panel>: ${panel.renders} renders at 1280 px, ${panel.callsPerRender} wasm call per render (${panel.calls.join(", ")}), stylesheet ${panel.sheet.join(", ")}`,
  );
  const out = process.argv.indexOf("--json");
  if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify({ runner: `Chromium ${browser.version()}`, rows }, null, 2));
} finally {
  await browser.close();
}
