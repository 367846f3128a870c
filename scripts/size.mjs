// Prints the raw and gzip -9 sizes of the package's two entry points (the
// wasm and the JS glue of each) against their budgets, and, for every entry
// point over its budget, an `OVER BUDGET` line and where the bytes go
// (`twiggy top -n 25` of its wasm, and the same bytes summed by crate).
//
//   node scripts/size.mjs [--gate=strict|report] [--json FILE]
//                         [--budget NAME=BYTES …] [--no-breakdown]
// (--budget overrides one entry point's budget, e.g. `--budget veivalg=50000`,
// to try the gate; --no-breakdown leaves twiggy out. Both are for tests.)
//
// Exit codes, so that a caller can tell "too big" from "broken":
//   0  every entry point within its budget, or over it with --gate=report
//   3  over a budget with --gate=strict (the default; `make size` always)
//   anything else: a real failure (2: a missing or unreadable file, a bad
//   argument; 1: the script itself broke)
// The breakdown needs twiggy (`scripts/setup.sh twiggy`, which this script
// runs when it is missing and a package is over budget; without it the
// breakdown is left out and the verdict is the same).
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/**
 * The budgets of issue 9, gzip -9 of the wasm and the JS glue together,
 * KB = 1000 bytes. `bindgen` is wasm-bindgen's output before wasm-opt
 * (kept by `make pkg`); `named` is made from it with `wasm-opt <opt> -g`: the
 * shipped code with its names section, which twiggy needs to name functions.
 */
export const ENTRY_POINTS = [
  {
    name: "veivalg",
    files: ["pkg/veivalg_bg.wasm", "pkg/veivalg.js"],
    bindgen: "target/pkg-wasm/veivalg_bg.bindgen.wasm",
    named: "target/pkg-wasm/veivalg_bg.named.wasm",
    // The shipped module's wasm-opt level (Makefile WASM_OPT_FLAGS).
    opt: "-Oz",
    budget: 120_000,
  },
  {
    name: "veivalg/cohort",
    files: ["pkg/cohort/veivalg_cohort_bg.wasm", "pkg/cohort/veivalg_cohort.js"],
    bindgen: "target/pkg-wasm/veivalg_cohort_bg.bindgen.wasm",
    named: "target/pkg-wasm/veivalg_cohort_bg.named.wasm",
    // Built for speed (Makefile WASM_OPT_FLAGS_COHORT, Cargo.toml profile wasm-cohort).
    opt: "-O2",
    budget: 220_000,
  },
];

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** Raw and gzip -9 size of each file of each entry point. */
export function measure(entries = ENTRY_POINTS, budgets = {}) {
  return entries.map((e0) => {
    const e = { ...e0, budget: budgets[e0.name] ?? e0.budget };
    const files = e.files.map((f) => {
      const bytes = readFileSync(new URL(f, `file://${root}`));
      return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const raw = files.reduce((a, f) => a + f.raw, 0);
    const gzip = files.reduce((a, f) => a + f.gzip, 0);
    return { ...e, files, raw, gzip, over: gzip > e.budget };
  });
}

/** The table `make size` prints (Markdown, so it pastes into the docs). */
export function table(results) {
  const lines = [
    "| entry point | file | raw | gzip -9 | budget (gzip) | |",
    "|---|---|---:|---:|---:|---|",
  ];
  for (const r of results) {
    for (const f of r.files) lines.push(`| ${r.name} | ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | | |`);
    lines.push(`| **${r.name}** | wasm + JS | **${kb(r.raw)}** | **${kb(r.gzip)}** | ${kb(r.budget)} | ${r.over ? "OVER" : "ok"} |`);
  }
  return lines.join("\n");
}

function haveTwiggy() {
  return spawnSync("twiggy", ["--version"], { encoding: "utf8" }).status === 0;
}

/** The crate a (demangled) Rust symbol belongs to, or a kind of wasm item. */
function crateOf(name) {
  const n = name.replace(/^[<&*\[(]+/, "").replace(/^(const |mut |dyn |impl )+/, "");
  // `crate::…` or, in v0 mangling, `crate[hash]::…`.
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
  if (m) return m[1];
  // A primitive's method or impl (`<u32>::from_ascii_radix`, `<i64 as core::fmt::Display>::fmt`).
  if (/^(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|bool|char|str)\b/.test(n)) {
    return n.match(/ as ([A-Za-z_][A-Za-z0-9_]*)[[:]/)?.[1] ?? "core";
  }
  if (/^data segment/.test(n)) return "(data segments: strings, tables, the embedded pkg-config/ files)";
  if (/shim$/.test(n)) return "(the exports: wasm-bindgen's shims, with the exported functions inlined)";
  if (/^(code|func)\[/.test(n)) return "(functions without a name)";
  if (/^__wbindgen|^__wbg|^__externref|^__abort|^__instance/.test(n)) return "wasm_bindgen";
  if (/^(export|import|elem|type|table|global|memory|custom section)\b/.test(n)) return "(wasm headers: exports, imports, tables, types)";
  if (/^__|^mem(cmp|cpy|set|move)$/.test(n)) return "compiler_builtins";
  return "(other)";
}

/**
 * The optimised module with its names (`wasm-opt <opt> -g` of wasm-bindgen's
 * output: the same code as the shipped file, whose names are stripped),
 * made once per build. Returns its path, or an explanation.
 */
export function namedWasm(r) {
  const bindgen = `${root}${r.bindgen}`;
  const named = `${root}${r.named}`;
  if (!existsSync(bindgen)) return { missing: `(no ${r.bindgen}: run \`make pkg\` for the breakdown)` };
  if (!existsSync(named) || statSync(named).mtimeMs < statSync(bindgen).mtimeMs) {
    const wasmOpt = `${root}node_modules/.bin/wasm-opt`;
    const opt = spawnSync(existsSync(wasmOpt) ? wasmOpt : "wasm-opt", [r.opt, "-g", bindgen, "-o", named], { encoding: "utf8" });
    if (opt.status !== 0) return { missing: `(wasm-opt ${r.opt} -g failed: ${opt.stderr || opt.error})` };
  }
  return { path: named };
}

/** Items of the names section (and producers), which the shipped module does not carry. */
const notShipped = (name) => / subsection$/.test(name) || /^custom section '(name|producers)'/.test(name);

/**
 * `twiggy top -n 25` of the named module, without the items the shipped
 * module does not have (its names section), and the same bytes summed by
 * crate. Read from twiggy's JSON output; sizes are before gzip.
 */
function breakdown(r) {
  const { path, missing } = namedWasm(r);
  if (missing) return missing;
  if (!haveTwiggy()) {
    spawnSync("bash", [`${root}scripts/setup.sh`, "twiggy"], { stdio: "inherit" });
    if (!haveTwiggy()) return "(twiggy is not installed: `scripts/setup.sh twiggy` for the breakdown)";
  }
  const top = spawnSync("twiggy", ["top", "--format", "json", path], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (top.status !== 0) return `(twiggy top failed: ${top.stderr})`;
  const items = JSON.parse(top.stdout).filter((i) => !notShipped(i.name));
  const total = items.reduce((a, i) => a + i.shallow_size, 0);
  const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
  const out = [
    `where the bytes of ${r.name} go: twiggy top -n 25 of ${r.named} (wasm-opt ${r.opt} -g, the shipped code with names;`,
    `the names section left out), ${kb(total)} before gzip in ${items.length} items:`,
  ];
  for (const i of items.slice(0, 25)) out.push(`  ${String(i.shallow_size).padStart(8)} B ${pct(i.shallow_size)}  ${i.name}`);
  const rest = items.slice(25).reduce((a, i) => a + i.shallow_size, 0);
  out.push(`  ${String(rest).padStart(8)} B ${pct(rest)}  … and ${items.length - 25} more`);
  const byCrate = new Map();
  for (const i of items) byCrate.set(crateOf(i.name), (byCrate.get(crateOf(i.name)) ?? 0) + i.shallow_size);
  out.push("", `the same ${kb(total)} summed by crate (the first path segment of each symbol; generic code counts where it is defined):`);
  for (const [c, n] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    out.push(`  ${kb(n).padStart(9)} ${pct(n)}  ${c}`);
  }
  return out.join("\n");
}

function main() {
  const args = process.argv.slice(2);
  let gate = "strict";
  let json = null;
  let explain = true;
  const budgets = {};
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a.startsWith("--gate=")) gate = a.slice("--gate=".length);
    else if (a === "--json") json = args[++k];
    else if (a === "--no-breakdown") explain = false;
    else if (a === "--budget" && /^[^=]+=\d+$/.test(args[k + 1] ?? "")) {
      const [name, bytes] = args[++k].split("=");
      if (!ENTRY_POINTS.some((e) => e.name === name)) {
        console.error(`size: --budget: no entry point "${name}" (${ENTRY_POINTS.map((e) => e.name).join(", ")})`);
        process.exit(2);
      }
      budgets[name] = Number(bytes);
    } else {
      console.error(`size: unknown argument ${a} (usage: node scripts/size.mjs [--gate=strict|report] [--json FILE] [--budget NAME=BYTES] [--no-breakdown])`);
      process.exit(2);
    }
  }
  if (gate !== "strict" && gate !== "report") {
    console.error(`size: --gate (SIZE_GATE) must be strict or report, not "${gate}"`);
    process.exit(2);
  }
  let results;
  try {
    results = measure(ENTRY_POINTS, budgets);
  } catch (e) {
    console.error(`size: ${e.message} (run \`make pkg\` first)`);
    process.exit(2);
  }
  console.log(table(results));
  if (json) writeFileSync(json, JSON.stringify(results, null, 2) + "\n");
  const over = results.filter((r) => r.over);
  for (const r of results) {
    if (!r.over) console.log(`${r.name}: ${kb(r.gzip)} gzip, within its budget of ${kb(r.budget)}`);
  }
  for (const r of over) {
    console.log("");
    console.log(`OVER BUDGET: ${r.name} is ${kb(r.gzip)} gzip, ${kb(r.gzip - r.budget)} above its budget of ${kb(r.budget)} (${r.gzip} of ${r.budget} bytes)`);
    if (explain) console.log(breakdown(r));
  }
  if (over.length === 0) return;
  console.log("");
  if (gate === "strict") {
    console.log(`size: OVER BUDGET (${over.map((r) => r.name).join(", ")}); failing (SIZE_GATE=strict)`);
    process.exit(3);
  }
  console.log(`size: OVER BUDGET (${over.map((r) => r.name).join(", ")}); reported, not failed (SIZE_GATE=report)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
