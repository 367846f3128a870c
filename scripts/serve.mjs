// A tiny static server for the pages, with no dependencies.
//
//   node scripts/serve.mjs [--port 8000]      (PORT=… works too)
//
// Serves www/ at /, pkg/ at /pkg/, NAV's Aksel CSS
// (node_modules/@navikt/ds-css/dist/) at /vendor/aksel/ and NAV's font,
// Source Sans 3 (node_modules/@fontsource/source-sans-3/), at
// /vendor/fonts/source-sans-3/, on 127.0.0.1 only,
// with a strict Content-Security-Policy. No directory listings; paths that
// leave their folder are refused. Tests import `start({ port: 0 })`.

import { createServer } from "node:http";
import { open, realpath } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** URL prefix → folder on disk. Longest prefix first. */
const MOUNTS = [
  ["/vendor/aksel/", join(root, "node_modules", "@navikt", "ds-css", "dist")],
  ["/vendor/fonts/source-sans-3/", join(root, "node_modules", "@fontsource", "source-sans-3")],
  ["/pkg/", join(root, "pkg")],
  ["/", join(root, "www")],
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // The workbench's module Worker: same-origin scripts only (no blob: workers).
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "Content-Security-Policy": CSP,
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cache-Control": "no-store",
};

/** The file a URL path names and its mount folder, or null when it names none we serve. */
function resolvePath(pathname, mounts) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  if (decoded.endsWith("/")) decoded += "index.html";
  for (const [prefix, dir] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    const rest = decoded.slice(prefix.length);
    // Refuse dot segments and hidden files outright rather than normalising them.
    if (rest.split("/").some((s) => s === ".." || s === "." || s.startsWith("."))) return null;
    const file = resolve(dir, rest);
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return { file, dir };
  }
  return null;
}

function sendText(res, status, text, method, headers) {
  res.writeHead(status, {
    ...headers,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(method === "HEAD" ? undefined : text);
}

async function handle(req, res, mounts, headers) {
  const method = req.method ?? "GET";
  const send = (status, text) => sendText(res, status, text, method, headers);
  if (method !== "GET" && method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return send(405, "method not allowed\n");
  }
  let url;
  try {
    url = new URL(req.url ?? "/", "http://127.0.0.1");
  } catch {
    return send(400, "bad request\n");
  }
  const target = resolvePath(url.pathname, mounts);
  if (!target) return send(404, "not found\n");
  const { file, dir } = target;
  let handle;
  try {
    // A symbolic link must not lead out of its folder either.
    const [realFile, realDir] = await Promise.all([realpath(file), realpath(dir)]);
    if (!realFile.startsWith(realDir + sep)) return send(404, "not found\n");
    handle = await open(realFile, "r");
    const info = await handle.stat();
    // Directories (no listing) and anything else that is not a plain file.
    if (!info.isFile()) return send(404, "not found\n");
    const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, {
      ...headers,
      "Content-Type": type,
      "Content-Length": info.size,
    });
    if (method === "HEAD") return res.end();
    const body = await handle.readFile();
    res.end(body);
  } catch {
    if (!res.headersSent) send(404, "not found\n");
    else res.destroy();
  } finally {
    await handle?.close();
  }
}

/**
 * Starts the server on 127.0.0.1.
 * @param {{ port?: number, quiet?: boolean, mounts?: [string, string][], csp?: string }} [options]
 *   port 0 picks a free port; `mounts` (URL prefix → absolute folder, longest
 *   prefix first) and `csp` replace the pages' own (a test serves a page of
 *   its own outside www/ this way).
 * @returns {Promise<{ server: import("node:http").Server, port: number, url: string, close: () => Promise<void> }>}
 */
export function start({ port = 8000, quiet = true, mounts = MOUNTS, csp = CSP } = {}) {
  const headers = { ...SECURITY_HEADERS, "Content-Security-Policy": csp };
  mounts = mounts.map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer((req, res) => {
    handle(req, res, mounts, headers).catch(() => res.destroy());
  });
  return new Promise((resolveStart, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      const url = `http://127.0.0.1:${actual}/`;
      if (!quiet) console.log(`veivalg: serving www/ on ${url} (Ctrl-C to stop)`);
      resolveStart({
        server,
        port: actual,
        url,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

function portFromArgs(argv) {
  const i = argv.indexOf("--port");
  const raw = i >= 0 ? argv[i + 1] : process.env.PORT;
  if (raw === undefined || raw === "") return 8000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: not a port: ${raw}`);
    process.exit(2);
  }
  return port;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  start({ port: portFromArgs(process.argv.slice(2)), quiet: false }).catch((e) => {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  });
}
