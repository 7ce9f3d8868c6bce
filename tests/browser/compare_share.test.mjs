// Issue 11 §7 and §8 in a real browser: two tokens compared side by side,
// and a redacted copy shared without its signature or chosen claim values.

import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, openApp, paste, vector, keptByPage } from "./harness.mjs";

const env = servedApp();
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
// Minted here, unsigned-looking on purpose: comparison needs no key.
const tokenA = `${b64({ alg: "RS256", kid: "k1" })}.${b64({ sub: "a", aud: "api", iat: 1700000000, exp: 1700003600 })}.c2ln`;
const tokenB = `${b64({ alg: "RS256", kid: "k2" })}.${b64({ sub: "a", iat: 1700000000, exp: 1700018000, scope: "read" })}.c2ln`;

test("two found tokens compared: claims added, removed and changed, times and keys", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, `${tokenA}\n${tokenB}`);
  await page.selectOption('[data-testid="compare-with"]', "1");
  await page.locator('[data-testid="comparison"]').waitFor();
  const rows = await page.locator('[data-testid="compare-row"]').evaluateAll((r) => r.map((x) => `${x.dataset.name}:${x.dataset.change}`));
  assert.deepEqual(rows, ["alg:same", "kid:changed", "sub:same", "aud:removed", "iat:same", "exp:changed", "scope:added"]);
  const summary = await page.locator('[data-testid="compare-summary"]').allInnerTexts();
  assert.ok(summary.includes("B expires 04:00:00 after A."), summary.join(" | "));
  assert.ok(summary.some((l) => l.startsWith("They name different kids")), summary.join(" | "));

  await page.selectOption('[data-testid="compare-with"]', "pasted");
  await page.fill('[data-testid="compare-paste"]', `Authorization: Bearer ${tokenB}`);
  await page.locator('[data-testid="compare-row"][data-name="scope"][data-change="added"]').waitFor();
  assert.deepEqual(problems, []);
});

test("a redacted copy drops the signature and hides the chosen claims, and says it no longer verifies", async () => {
  const example = vector("vendors/jwtio/debugger-examples.json").examples.find((e) => e.alg === "HS256");
  const { page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, example.token);
  await page.click('[data-testid="share-redacted"]');
  const dialog = page.locator('[data-testid="share-redacted-dialog"]');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /This redacted copy no longer verifies/);
  const checked = await page.locator('[data-testid="redact-claim"]').evaluateAll((b) => b.filter((x) => x.checked).map((x) => x.dataset.claim));
  assert.deepEqual(checked, ["sub", "name"]);
  const shared = async () => {
    const hash = await page.evaluate(() => location.hash);
    const token = decodeURIComponent(hash.replace(/^#token=/, ""));
    const [header, payload, signature] = token.split(".");
    return { header, payload: JSON.parse(Buffer.from(payload, "base64url").toString()), signature };
  };
  let copy = await shared();
  assert.equal(copy.signature, "");
  assert.deepEqual(copy.payload, { sub: "…", name: "…", iat: 1516239022 });
  assert.ok(!(await page.evaluate(() => location.href)).includes(example.token.split(".")[2]), "the signature is not in the URL");
  const before = await page.evaluate(() => location.hash);
  await page.check('[data-testid="redact-claim"][data-claim="iat"]');
  await page.waitForFunction((previous) => location.hash !== previous, before);
  copy = await shared();
  assert.deepEqual(copy.payload, { sub: "…", name: "…", iat: "…" });
  // The URL holds the redacted copy, as asked; nothing else is kept.
  const { url: _shared, ...kept } = await keptByPage(page);
  assert.deepEqual(kept, { local: 0, session: 0, cookies: "" });
  assert.deepEqual(problems, []);
});
