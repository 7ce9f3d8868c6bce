// Shared helpers for the browser tests: a static server for dist/ that
// records every request (and can go offline), the browser engine this run
// drives (BROWSER_ENGINE: chromium, firefox or webkit; ./driver/), and the
// test vectors read from tests/vectors at test time.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after, afterEach } from "node:test";
import { Page } from "./driver/page.mjs";

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

/**
 * Serves dist/ on 127.0.0.1 (a free port); `requests` lists every path
 * asked for. `delay(path)` may hold a file back that many milliseconds (a
 * slow network for one file, the same in every engine).
 */
export async function startServer(dir = DIST, { delay = () => 0 } = {}) {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`${dir}/index.html missing: build the app first (scripts/test.sh does)`);
  }
  const requests = [];
  const served = { offline: false };
  const server = createServer(async (req, res) => {
    // Offline: the connection drops as with no network, in every engine.
    if (served.offline) { req.socket.destroy(); return; }
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    const hold = delay(url.pathname);
    if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
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
  Object.assign(served, {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      liveServers.delete(served);
      server.closeAllConnections();
      return new Promise((ok) => server.close(ok));
    },
  });
  liveServers.add(served);
  return served;
}

/** What a test may need that not every engine offers, and why it matters. */
const NEEDS = {
  requests: "observing the browser's requests (WebDriver classic has no network events)",
  keyboard: "trusted key presses",
  files: "setting a file input",
  clipboard: "granting clipboard permissions",
  fileUrl: "opening pages from file://",
  pasteEvent: "a script-made paste event that carries its text (Firefox gives it an empty clipboardData)",
};

/** The engine this run drives: chromium (default), firefox or webkit. */
export const ENGINE = process.env.BROWSER_ENGINE || "chromium";
const ADAPTERS = { chromium: "./driver/chromium.mjs", firefox: "./driver/firefox.mjs", webkit: "./driver/webkit.mjs" };
if (!ADAPTERS[ENGINE]) throw new Error(`BROWSER_ENGINE=${ENGINE}: expected one of ${Object.keys(ADAPTERS).join(", ")}`);
const adapter = await import(ADAPTERS[ENGINE]);

export { launchPlaywright } from "./driver/chromium.mjs";

/** Servers started by this process, so a context can take them offline. */
const liveServers = new Set();

/**
 * The engine's browser behind the interface of ./driver/page.mjs.
 * `browser.newContext(options)` gives a context with `newPage()`,
 * `close()`, `setOffline(bool)` (the test servers stop answering: the
 * same in every engine), `requests` (every request the engine reports,
 * `{url, method}`; empty where `supports("requests")` is false) and
 * `problems` (page errors and console errors).
 */
export async function launchBrowser() {
  const engine = await adapter.launch();
  const contexts = new Set();
  const browser = {
    engine: ENGINE,
    version: engine.version,
    supports: (feature) => feature in adapter.FEATURES,
    async newContext(options = {}) {
      const requests = [];
      const problems = [];
      const hooks = { request: (r) => requests.push(r), problem: (p) => problems.push(p) };
      const inner = await engine.newContext(options, hooks);
      const context = {
        requests,
        problems,
        newPage: async () => new Page(await inner.newPage(), ENGINE),
        setOffline: async (offline) => liveServers.forEach((server) => { server.offline = offline; }),
        async close() {
          if (!contexts.delete(context)) return;
          liveServers.forEach((server) => { server.offline = false; });
          await inner.close().catch(() => {});
        },
      };
      contexts.add(context);
      return context;
    },
    /** Closes every context still open (after each test). */
    closeContexts: () => Promise.all([...contexts].map((c) => c.close())),
    close: async () => {
      await browser.closeContexts();
      await engine.close();
    },
  };
  return browser;
}

/**
 * Skips the test, saying why, when this engine lacks `feature` (a key of
 * NEEDS). Returns true when skipped: `if (skipUnless(t, browser, "x")) return;`
 */
export function skipUnless(t, browser, feature) {
  if (!(feature in NEEDS)) throw new Error(`unknown feature ${feature}`);
  if (browser.supports(feature)) return false;
  t.skip(`${browser.engine} lacks ${NEEDS[feature]}`);
  return true;
}

/**
 * Hands the page a large text the way a person would: a paste event (the
 * page keeps a large paste without laying it out in the box) where the
 * engine lets a script make one that carries text, else a dropped file
 * holding the same text, which takes the same path into the page (Firefox;
 * the test says so).
 */
export async function pasteLarge(t, browser, page, text) {
  const byPaste = browser.supports("pasteEvent");
  if (!byPaste) t.diagnostic(`${browser.engine}: the text is dropped as a file (no script-made paste event carries text here)`);
  await page.evaluate(({ text, byPaste }) => {
    const data = new DataTransfer();
    if (byPaste) {
      data.setData("text/plain", text);
      document.querySelector('[data-testid="paste"]').dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    } else {
      data.items.add(new File([text], "paste.txt", { type: "text/plain" }));
      document.querySelector(".paste-panel").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, { text, byPaste });
}

/**
 * The fixture every suite shares: registers node:test hooks that serve
 * dist/ and launch the engine before the suite, close each test's
 * contexts after it, and close both at the end. Read `env.server` and
 * `env.browser` inside tests.
 */
export function servedApp() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  afterEach(async () => {
    await env.browser?.closeContexts();
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
  await page.goto(url);
  await waitForApp(page);
  return { context, page, problems: context.problems };
}

/**
 * Waits until the app has started (its `app-ready` mark). The paste box is
 * there sooner, in the prerendered first view (src/ui/shell.rs), but the
 * rest of that view only works once the app runs.
 */
export async function waitForApp(page, timeout = 30_000) {
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0, undefined, { timeout });
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

/**
 * Requests to anything but `origin` (and data:/blob:) seen in `context`.
 * Where the engine reports no requests, the page's own resource timing
 * stands in (it misses what workers fetch), and the test says so.
 */
export async function foreignRequests(t, context, page, origin) {
  const local = (u) => u.startsWith(origin) || /^(data|blob):/.test(u);
  if (!("requests" in adapter.FEATURES)) {
    t.diagnostic(`${ENGINE}: no network events; checked the page's resource timing instead`);
    const seen = await page.evaluate(() => performance.getEntries().map((e) => e.name).filter((n) => /^[a-z]+:/.test(n)));
    return seen.filter((u) => !local(u));
  }
  return context.requests.map((r) => r.url).filter((u) => !local(u));
}

/** Waits until the service worker controls the page (it then serves the
 *  app's files offline). */
export async function serviceWorkerControls(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
}

/** Skips, saying why, where the engine runs no service worker. */
export async function skipWithoutServiceWorker(t, page, browser) {
  if (await page.evaluate(() => "serviceWorker" in navigator)) return false;
  t.skip(`${browser.engine} runs no service worker here`);
  return true;
}
