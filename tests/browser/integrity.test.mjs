// Issue 16, Subresource Integrity: every file the site loads is checked
// against the SHA-384 hash its index.html lists (scripts/build-info.mjs).
// A copy of the built site with one file changed is served, and the page
// must refuse the changed file instead of running it; the service worker
// must never serve a file whose bytes differ from the release.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { DIST, launchBrowser, startServer, rfcExamples, waitForApp, serviceWorkerControls, skipWithoutServiceWorker } from "./harness.mjs";

const index = readFileSync(join(DIST, "index.html"), "utf8");
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s">]+))`))?.slice(1).find((v) => v !== undefined);
const bootTag = index.match(/<script\b[^>]*\ssrc="?\.\/boot\.js"?[^>]*>/)[0];
const pageGlue = attr(bootTag, "data-js").slice(2);
const pageWasm = attr(bootTag, "data-wasm").slice(2);
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

let browser;
const copies = [];
after(async () => {
  await browser?.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
async function engine() {
  browser ??= await launchBrowser();
  return browser;
}

/** A copy of the built site in a temp dir, `file` changed by `change(bytes)`. */
function tamperedCopy(file, change) {
  const dir = mkdtempSync(join(tmpdir(), "jwt-inspector-tampered-"));
  copies.push(dir);
  cpSync(DIST, dir, { recursive: true });
  if (file) writeFileSync(join(dir, file), change(readFileSync(join(dir, file))));
  return dir;
}
/** One byte in the middle flipped: the file is otherwise intact. */
const flipByte = (bytes) => {
  const copy = Buffer.from(bytes);
  copy[copy.length >> 1] ^= 0x01;
  return copy;
};
/** Code appended that would mark the page (or worker) if it ever ran. */
const appendMark = (bytes) => Buffer.concat([bytes, Buffer.from("\n;globalThis.jwtInspectorTampered = true;\n")]);


/** Whether the app started (the paste box alone is no sign: the first
 *  view is prerendered into index.html). */
const started = (page) => page.evaluate(() => performance.getEntriesByName("app-ready").length > 0 || Boolean(window.jwtInspectorMemory));

/** Opens `url` in a fresh context without waiting for the app. */
async function open(url) {
  const context = await (await engine()).newContext();
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

test("every script, preload and stylesheet of the built index.html carries an integrity hash, and data-sri lists every file with its hash", () => {
  const tags = [...index.matchAll(/<(?:script|link)\b[^>]*>/g)].map((m) => m[0]);
  const loading = tags.filter((tag) => /^<script/.test(tag) ? attr(tag, "src") : ["stylesheet", "modulepreload", "preload", "icon"].includes(attr(tag, "rel")));
  assert.ok(loading.length >= 5, `found ${loading.length} loading tags`);
  for (const tag of loading) assert.match(tag, /\sintegrity="?sha384-[A-Za-z0-9+/=]{64}/, tag);
  // The boot script's own hash is that of the file served.
  assert.equal(attr(bootTag, "integrity"), sri(readFileSync(join(DIST, "boot.js"))));
  // data-sri: every file but index.html and sw.js, each with its real hash.
  const listed = attr(bootTag, "data-sri").trim().split(/\s+/);
  const hashes = Object.fromEntries(listed.flatMap((v, i) => (i % 2 ? [] : [[v, listed[i + 1]]])));
  const files = [];
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(dir, e.name)) : files.push(`./${relative(DIST, join(dir, e.name)).split(sep).join("/")}`)));
  walk(DIST);
  assert.deepEqual(Object.keys(hashes).sort(), files.filter((f) => f !== "./index.html" && f !== "./sw.js").sort());
  for (const [file, hash] of Object.entries(hashes)) assert.equal(hash, sri(readFileSync(join(DIST, file))), file);
  for (const file of [`./${pageGlue}`, `./${pageWasm}`, "./jwt-inspector-worker.js", "./jwt-inspector-worker_bg.wasm", "./jwt-inspector-encoder.js", "./jwt-inspector-encoder_bg.wasm", "./worker-loader.js"]) {
    assert.ok(hashes[file], `${file} is listed`);
  }
});

test("one byte changed in the page's wasm: the page shows an error and never starts", async () => {
  const server = await startServer(tamperedCopy(pageWasm, flipByte));
  try {
    const { context, page } = await open(server.url);
    const alert = page.locator('[role="alert"]');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /The inspector could not start in this browser .*Nothing was sent anywhere/s);
    // Refused by its hash before compiling, not by the wasm compiler.
    assert.doesNotMatch(text, /CompileError|LinkError|RuntimeError/);
    assert.equal(await started(page), false, "the app never started");
    await context.close();
  } finally {
    await server.close();
  }
});

test("code added to the page's glue: it is refused and never runs", async () => {
  const server = await startServer(tamperedCopy(pageGlue, appendMark));
  try {
    const { context, page } = await open(server.url);
    await page.locator('[role="alert"]').waitFor();
    assert.equal(await page.evaluate(() => globalThis.jwtInspectorTampered ?? false), false);
    assert.equal(await started(page), false, "the app never started");
    await context.close();
  } finally {
    await server.close();
  }
});

test("code added to boot.js: the browser refuses the script, so nothing starts", async () => {
  const server = await startServer(tamperedCopy("boot.js", appendMark));
  try {
    const { context, page } = await open(server.url);
    // boot.js would define the encoder loader at once; give it time to.
    await page.waitForTimeout(2_000);
    assert.deepEqual(
      await page.evaluate(() => [globalThis.jwtInspectorTampered ?? false, typeof window.jwtInspectorLoadEncoder]),
      [false, "undefined"],
    );
    assert.equal(await started(page), false, "the app never started");
    await context.close();
  } finally {
    await server.close();
  }
});

test("code added to the worker's glue: the full analysis refuses to start and says so", async () => {
  const server = await startServer(tamperedCopy("jwt-inspector-worker.js", appendMark));
  try {
    const { context, page } = await open(server.url);
    await waitForApp(page);
    const a2 = rfcExamples()["RFC 7515 A.2"];
    await page.fill('[data-testid="paste"]', a2.jws);
    await page.fill('[data-testid="key"]', JSON.stringify(a2.jwk));
    const problem = page.locator('[data-testid="problem"]');
    await problem.waitFor();
    assert.match(await problem.innerText(), /could not be verified/);
    assert.equal(await page.locator('[data-testid="verdict"][data-verdict="valid"]').count(), 0);
    await context.close();
  } finally {
    await server.close();
  }
});

test("one byte changed in the encoder's wasm: 'New token' says the encoder could not be opened", async () => {
  const server = await startServer(tamperedCopy("jwt-inspector-encoder_bg.wasm", flipByte));
  try {
    const { context, page } = await open(server.url);
    await waitForApp(page);
    await page.click('[data-testid="new-token"]');
    const alert = page.locator('[role="alert"]').filter({ hasText: "encoder could not be opened" });
    await alert.waitFor();
    assert.doesNotMatch(await alert.innerText(), /CompileError|LinkError|RuntimeError/);
    await context.close();
  } finally {
    await server.close();
  }
});

test("the service worker serves only the release's bytes: a file changed on the server is never served", async (t) => {
  const dir = tamperedCopy(null);
  const server = await startServer(dir);
  try {
    const { context, page } = await open(server.url);
    await waitForApp(page);
    if (await skipWithoutServiceWorker(t, page, browser)) return;
    await serviceWorkerControls(page);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, "the reloaded page is controlled");
    const original = readFileSync(join(dir, "jwt-inspector-worker.js"), "utf8");
    // The file changes on the server after the service worker kept it.
    writeFileSync(join(dir, "jwt-inspector-worker.js"), appendMark(Buffer.from(original)));
    const fetched = () => page.evaluate(async () => {
      try {
        return { text: await (await fetch("./jwt-inspector-worker.js", { cache: "no-store" })).text() };
      } catch (error) {
        return { refused: String(error) };
      }
    });
    // A plain fetch (no integrity of its own): the release's copy.
    assert.deepEqual(await fetched(), { text: original });
    // With its good copy gone, the changed file is refused, not served.
    const requestsBefore = server.requests.length;
    assert.equal(await page.evaluate(async () => (await caches.open("jwt-inspector")).delete(new URL("./jwt-inspector-worker.js", location.href).href)), true);
    const refused = await fetched();
    assert.ok(refused.refused, `expected a network error, got ${JSON.stringify(refused).slice(0, 200)}`);
    assert.ok(server.requests.slice(requestsBefore).includes("/jwt-inspector-worker.js"), "the service worker asked the server");
    // The worker the page starts now fails instead of running that glue.
    const a2 = rfcExamples()["RFC 7515 A.2"];
    await page.fill('[data-testid="paste"]', a2.jws);
    await page.fill('[data-testid="key"]', JSON.stringify(a2.jwk));
    await page.locator('[data-testid="problem"]').waitFor();
    assert.equal(await page.locator('[data-testid="verdict"][data-verdict="valid"]').count(), 0);
    await context.close();
  } finally {
    await server.close();
  }
});
