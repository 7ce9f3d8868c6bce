// Issue #5: the single-file build works opened from disk (file://) on a
// machine with no network: paste, decode, verify — and asks for nothing.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser, paste, vector, foreignRequests, skipUnless, DIST, ROOT, waitForApp } from "./harness.mjs";

let browser, file;
before(async () => {
  file = join(mkdtempSync(join(tmpdir(), "jwt-inspector-single-")), "jwt-inspector.html");
  execFileSync("node", [join(ROOT, "scripts/single-file.mjs"), DIST, file]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The single file opened from disk with the network off, recording every
 *  request and page error. */
async function openOffline(t) {
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await waitForApp(page, 30_000);
  // Only the file itself, inline data and the in-memory worker blob.
  const foreign = () => foreignRequests(t, context, page, "file:");
  return { context, page, foreign, problems: context.problems };
}

test("opened from file:// with the network off, it decodes and verifies", async (t) => {
  if (skipUnless(t, browser, "fileUrl")) return;
  const { context, page, foreign, problems } = await openOffline(t);
  const a2 = vector("rfc/rfc_jws_examples.json").vectors.find((v) => v.rfc === "RFC 7515 A.2");
  await paste(page, a2.jws);
  await page.fill('[data-testid="key"]', JSON.stringify(a2.jwk));
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
  assert.match(await page.locator('[data-testid="payload-json"]').innerText(), /"iss": "joe"/);
  assert.deepEqual(await foreign(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("opened from file://, the encoder (inlined) makes a key, signs, and hands the token back", async (t) => {
  if (skipUnless(t, browser, "fileUrl")) return;
  const { context, page, foreign, problems } = await openOffline(t);
  await page.click('[data-testid="new-token"]');
  await page.locator('[data-testid="encoder"]').waitFor({ state: "visible", timeout: 30_000 });
  await page.selectOption('[data-testid="encoder-alg"]', "ES384");
  await page.click('[data-testid="generate-key"]');
  await page.locator('[data-testid="encoded-token"]').waitFor({ timeout: 60_000 });
  await page.click('[data-testid="inspect-token"]');
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor({ timeout: 30_000 });
  assert.deepEqual(await foreign(), []);
  assert.deepEqual(problems, []);
  await context.close();
});
