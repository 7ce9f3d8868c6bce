// Shared helpers for the browser tests: a static server for dist/ that
// records every request, Debian's Chromium through playwright-core, and
// the test vectors read from tests/vectors at test time.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { before, after } from "node:test";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = resolve(process.env.JWT_INSPECTOR_DIST || join(ROOT, "dist"));
export const VECTORS = resolve(process.env.JWT_INSPECTOR_VECTORS || join(ROOT, "tests/vectors"));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** Reads a vector file (JSON parsed when it ends in .json). */
export function vector(relative) {
  const path = join(VECTORS, relative);
  if (!existsSync(path)) throw new Error(`test vector missing: ${path} (set JWT_INSPECTOR_VECTORS)`);
  const text = readFileSync(path, "utf8");
  return relative.endsWith(".json") ? JSON.parse(text) : text;
}

/** Serves dist/ on 127.0.0.1 (a free port); `requests` lists every path asked for. */
export async function startServer(dir = DIST) {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`${dir}/index.html missing: build the app first (scripts/test.sh does)`);
  }
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    let path = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!path.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream", "cache-control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with the flags these machines need. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * The fixture every suite shares: registers node:test hooks that serve
 * dist/ and launch Chromium before the suite and close both after it.
 * Read `env.server` and `env.browser` inside tests.
 */
export function servedApp() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The RFC 7515 / 8037 examples by name ("RFC 7515 A.2", …). */
export const rfcExamples = () => Object.fromEntries(vector("rfc/rfc_jws_examples.json").vectors.map((v) => [v.rfc, v]));

/** Opens the app and waits until it is ready for input. */
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  await page.goto(url);
  await page.waitForSelector('[data-testid="paste"]', { timeout: 30_000 });
  return { context, page, problems };
}

/** Replaces the paste with `text`, as a person pasting would. */
export async function paste(page, text) {
  await page.fill('[data-testid="paste"]', text);
}

/** What the page keeps about the person: web storage, cookies, and its URL. */
export async function keptByPage(page) {
  return page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
    url: location.href,
  }));
}
