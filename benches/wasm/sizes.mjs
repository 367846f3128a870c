// The package's sizes next to two well-known ML runtimes for the web, as
// their npm tarballs ship them (make bench, after the speed runs):
//   - onnxruntime-web: its smallest `.wasm` (every `.wasm` in the tarball is
//     listed; a page needs at least one of them);
//   - @tensorflow/tfjs: its main minified bundle (the file its package.json
//     names under `unpkg`, else `jsdelivr`).
// Raw and gzip -9, KB = 1000 bytes. The tarballs come from `npm pack
// <name>@<version>` once and are cached under target/size-compare/, so a
// rerun needs no registry. Needs pkg/ (make pkg).
//   node benches/wasm/sizes.mjs [--json out.json]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { measure as measurePackage } from "../../scripts/size.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const CACHE = join(root, "target", "size-compare");

/** The versions compared (pinned, so the cached tarballs stay the ones measured). */
export const OTHERS = [
  { name: "onnxruntime-web", version: "1.30.0", pick: "smallest-wasm" },
  { name: "@tensorflow/tfjs", version: "4.22.0", pick: "main-bundle" },
];

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const sizeOf = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

/** The cached tarball of `name@version`, packed from the registry the first time. */
function tarball({ name, version }) {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${name.replace(/^@/, "").replace(/\//g, "-")}-${version}.tgz`);
  if (existsSync(file)) return file;
  console.error(`sizes: npm pack ${name}@${version} (once; cached in target/size-compare/)`);
  const pack = spawnSync("npm", ["pack", `${name}@${version}`, "--json", "--ignore-scripts", "--pack-destination", CACHE], {
    encoding: "utf8",
  });
  if (pack.status !== 0) throw new Error(`npm pack ${name}@${version} failed:\n${pack.stderr}`);
  const [{ filename }] = JSON.parse(pack.stdout);
  const packed = join(CACHE, filename);
  if (packed !== file) {
    writeFileSync(file, readFileSync(packed));
    rmSync(packed);
  }
  return file;
}

/** Every file of a tarball, unpacked into a temporary folder: `[relative path, bytes]`. */
function unpack(file, dir) {
  const tar = spawnSync("tar", ["-xzf", file, "-C", dir], { encoding: "utf8" });
  if (tar.status !== 0) throw new Error(`tar -xzf ${file} failed: ${tar.stderr}`);
  const base = join(dir, "package");
  return readdirSync(base, { recursive: true })
    .map((p) => p.toString())
    .filter((p) => statSync(join(base, p)).isFile())
    .map((p) => [p, readFileSync(join(base, p))]);
}

/** The rows for one other package: its measured file, and what else it ships. */
function measureOther(other) {
  const dir = mkdtempSync(join(tmpdir(), "veivalg-sizes-"));
  try {
    const files = unpack(tarball(other), dir);
    const label = `${other.name} ${other.version}`;
    if (other.pick === "smallest-wasm") {
      const wasm = files
        .filter(([p]) => p.endsWith(".wasm"))
        .map(([p, b]) => ({ file: p, ...sizeOf(b) }))
        .sort((a, b) => a.raw - b.raw);
      if (wasm.length === 0) throw new Error(`${label}: no .wasm in the tarball`);
      return {
        name: label,
        what: `${wasm[0].file} (the smallest of its ${wasm.length} .wasm files)`,
        raw: wasm[0].raw,
        gzip: wasm[0].gzip,
        all: wasm,
      };
    }
    const manifest = JSON.parse(files.find(([p]) => p === "package.json")[1].toString("utf8"));
    const main = (manifest.unpkg ?? manifest.jsdelivr ?? "").replace(/^\.\//, "");
    const hit = files.find(([p]) => p === main);
    if (!hit) throw new Error(`${label}: no main minified bundle (unpkg/jsdelivr: "${main}")`);
    return { name: label, what: `${main} (its main minified bundle, package.json \`unpkg\`)`, ...sizeOf(hit[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sizeRows() {
  const ours = measurePackage().map((r) => ({
    name: r.name,
    what: r.files.map((f) => f.file.replace(/^pkg\//, "")).join(" + "),
    raw: r.raw,
    gzip: r.gzip,
  }));
  const rows = [...ours];
  for (const other of OTHERS) {
    try {
      rows.push(measureOther(other));
    } catch (e) {
      rows.push({ name: `${other.name} ${other.version}`, what: `not measured: ${e.message.split("\n")[0]}` });
    }
  }
  return rows;
}

export function sizeTable(rows) {
  const base = rows[0].gzip;
  const lines = [
    "Package sizes (gzip -9; KB = 1000 bytes; ratio = gzip size ÷ veivalg's)",
    "",
    "| package | what is measured | raw | gzip -9 | ratio |",
    "|---|---|---:|---:|---:|",
  ];
  for (const r of rows) {
    if (r.raw === undefined) {
      lines.push(`| ${r.name} | ${r.what} | | | |`);
      continue;
    }
    lines.push(`| ${r.name} | ${r.what} | ${kb(r.raw)} | ${kb(r.gzip)} | ${(r.gzip / base).toFixed(1)}× |`);
  }
  const ort = rows.find((r) => r.all);
  if (ort) {
    lines.push("", `every .wasm in ${ort.name}: ${ort.all.map((w) => `${w.file} ${kb(w.raw)} (${kb(w.gzip)} gzip)`).join("; ")}`);
  }
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = sizeRows();
  console.log(sizeTable(rows));
  const out = process.argv.indexOf("--json");
  if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify(rows, null, 2));
}
