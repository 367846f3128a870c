// Writes pkg/package.json from the template in pkg-config/, with the version
// taken from Cargo.toml (the one source of the version number).
//   node scripts/package-json.mjs
import { readFileSync, writeFileSync } from "node:fs";

const cargo = readFileSync("Cargo.toml", "utf8");
const pkgSection = cargo.split(/^\[/m).find((s) => s.startsWith("package]"));
const version = pkgSection?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
if (!version) {
  console.error("package-json: no version in Cargo.toml's [package] section");
  process.exit(1);
}
const template = JSON.parse(readFileSync("pkg-config/package.json", "utf8"));
template.version = version;
writeFileSync("pkg/package.json", JSON.stringify(template, null, 2) + "\n");
