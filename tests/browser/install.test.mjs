// Issue 16, installable: the site's web app manifest has what Chromium
// needs to offer "Install" (name, short_name, start_url, scope, display,
// 192 and 512 px icons whose sizes are the PNGs' real ones), the service
// worker keeps the manifest and icons, and the installed start URL loads
// with no network once the app has been visited.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, launchBrowser, startServer, waitForApp, serviceWorkerControls, skipWithoutServiceWorker } from "./harness.mjs";

const index = readFileSync(join(DIST, "index.html"), "utf8");
const manifestHref = index.match(/<link\b[^>]*\srel="?manifest"?[^>]*>/)?.[0].match(/\shref="?([^"\s>]+)/)?.[1];

let browser, server;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});


/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(0, 8).toString("hex"), "89504e470d0a1a0a", "a PNG signature");
  assert.equal(bytes.subarray(12, 16).toString("ascii"), "IHDR");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test("the manifest has what an install needs, and each icon's sizes are its PNG's", () => {
  assert.ok(manifestHref, "index.html links a manifest");
  const manifestUrl = new URL(manifestHref, "https://app.example/inspector/");
  const manifest = JSON.parse(readFileSync(join(DIST, manifestUrl.pathname.replace("/inspector/", "")), "utf8"));
  for (const field of ["name", "short_name", "start_url", "scope", "display"]) assert.ok(manifest[field], `${field} is set`);
  assert.ok(["standalone", "fullscreen", "minimal-ui", "window-controls-overlay"].includes(manifest.display), manifest.display);
  // start_url within scope, both on the page's own path.
  const start = new URL(manifest.start_url, manifestUrl).href;
  const scope = new URL(manifest.scope, manifestUrl).href;
  assert.equal(scope, "https://app.example/inspector/");
  assert.ok(start.startsWith(scope), `${start} is inside ${scope}`);
  const sizes = new Set();
  for (const icon of manifest.icons) {
    const path = join(DIST, new URL(icon.src, manifestUrl).pathname.replace("/inspector/", ""));
    assert.equal(icon.type, "image/png");
    assert.equal(pngSize(readFileSync(path)), icon.sizes, icon.src);
    for (const purpose of (icon.purpose ?? "any").split(/\s+/)) sizes.add(`${icon.sizes} ${purpose}`);
  }
  for (const needed of ["192x192 any", "512x512 any", "192x192 maskable", "512x512 maskable"]) assert.ok(sizes.has(needed), needed);
});

test("installed start URL: after one visit it loads with no network, and the manifest and icons are kept", async (t) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  if (await skipWithoutServiceWorker(t, page, browser)) return;
  const manifestUrl = new URL(manifestHref, server.url).href;
  // The browser reads the same manifest (content type included).
  const served = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { type: response.headers.get("content-type"), manifest: await response.json() };
  }, manifestUrl);
  assert.match(served.type, /^application\/manifest\+json/);
  await serviceWorkerControls(page);
  const startUrl = new URL(served.manifest.start_url, manifestUrl).href;
  const kept = await page.evaluate(async (urls) => Promise.all(urls.map(async (url) => Boolean(await caches.match(url)))), [
    manifestUrl,
    ...served.manifest.icons.map((icon) => new URL(icon.src, manifestUrl).href),
  ]);
  assert.deepEqual(kept, kept.map(() => true), "the service worker keeps the manifest and every icon");

  await context.setOffline(true);
  await page.goto(startUrl);
  await waitForApp(page);
  await page.fill('[data-testid="paste"]', "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvZmZsaW5lIn0.c2ln");
  assert.match(await page.locator('[data-testid="payload-json"]').innerText(), /"sub": "offline"/);
  // An icon the installed app shows comes from the cache too.
  assert.equal(await page.evaluate(async (url) => (await fetch(url)).ok, new URL(served.manifest.icons[0].src, manifestUrl).href), true);
  await context.close();
});
