// Issue 16: the page shows its own build. Served, "About this build" names
// the version and commit the build stamped (scripts/build-info.mjs); the
// single file opened from file:// shows the SHA-256 of its own bytes, the
// one `sha256sum` prints for it.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, launchBrowser, startServer, skipUnless, waitForApp } from "./harness.mjs";

const index = readFileSync(join(DIST, "index.html"), "utf8");
const stamped = (name) => index.match(new RegExp(`\\sdata-${name}="([^"]*)"`))?.[1];
const version = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];

let browser, server, file;
before(async () => {
  file = join(mkdtempSync(join(tmpdir(), "jwt-inspector-about-")), "jwt-inspector.html");
  execFileSync("node", [join(ROOT, "scripts/single-file.mjs"), DIST, file]);
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (file) rmSync(dirname(file), { recursive: true, force: true });
});

/** The panel's rows, opened as a person would open it. */
async function panel(page) {
  await page.click('[data-testid="about-build"] summary');
  const read = (id) => page.locator(`[data-testid="${id}"]`).innerText();
  return { version: await read("build-version"), commit: await read("build-commit"), single: page.locator('[data-testid="build-single-sha256"]') };
}

test("served: 'About this build' shows the version and the commit stamped into index.html, under the page", async () => {
  assert.equal(stamped("version"), version);
  assert.match(stamped("commit"), /^([0-9a-f]{40}(-dirty)?|unknown)$/);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  const about = await panel(page);
  assert.equal(about.version, version);
  assert.equal(about.commit, stamped("commit"));
  // A release names its single file's hash; any other build says where it is.
  assert.match(await about.single.innerText(), /^([0-9a-f]{64}|not a release build .*SHA256SUMS.*)$/);
  // Yew empties <body> when it starts: the footer is put back, after the page.
  assert.equal(await page.evaluate(() => {
    const footer = document.querySelector(".about-build").getBoundingClientRect();
    return footer.top >= document.querySelector(".page").getBoundingClientRect().bottom - 1;
  }), true);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test("the single file opened from file:// shows the SHA-256 that sha256sum prints for it", async (t) => {
  if (skipUnless(t, browser, "fileUrl")) return;
  const expected = createHash("sha256").update(readFileSync(file)).digest("hex");
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await waitForApp(page);
  const about = await panel(page);
  assert.equal(about.version, version);
  assert.equal(about.commit, stamped("commit"));
  await page.locator('[data-testid="build-single-sha256"][data-sha256]').waitFor();
  assert.equal(await about.single.innerText(), expected);
  assert.deepEqual(context.problems, []);
  await context.close();
});
