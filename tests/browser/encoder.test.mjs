// The encoder ("Edit & sign"), driven as a person would: open it from a
// found token, edit, generate a key in the worker, sign, and carry the
// token and its public key back into the inspector. Also: what it says
// about bad input, the refusal set, that it loads only on first use, that
// it keeps nothing, and that it opens offline.

import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, openApp, paste, keptByPage, foreignRequests, serviceWorkerControls } from "./harness.mjs";

const env = servedApp();

const encoder = (page) => page.locator('[data-testid="encoder"]');
const payloadText = async (page) => JSON.parse(await page.locator('[data-testid="encoder-payload"]').inputValue());
const headerText = async (page) => JSON.parse(await page.locator('[data-testid="encoder-header"]').inputValue());

/** Waits for the encoder's token to be signed from the current editors. */
async function signedToken(page) {
  await page.locator('[data-testid="encoded-token"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="token-stale"]'), null, { timeout: 60_000 });
  return (await page.locator('[data-testid="encoded-token"]').innerText()).trim();
}

/** "New token", and the encoder open. */
async function openNewToken(page) {
  await page.click('[data-testid="new-token"]');
  await encoder(page).waitFor({ state: "visible", timeout: 30_000 });
}

const decodePart = (token, index) => JSON.parse(Buffer.from(token.split(".")[index], "base64url").toString());

test("done when: DC/OS example → change uid, exp +1 h, RSA key, sign, paste the JWKS → Signature verified", async (t) => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  // What the page itself fetched (the service worker precaches the
  // encoder's files in the background, which is not loading it).
  const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  await page.selectOption('[data-testid="examples"]', "dcos");
  // The issuer (and so how it takes a token) comes with the full analysis.
  await page.locator('[data-testid="vendor"][data-vendor="dcos"]').waitFor({ timeout: 30_000 });
  const original = await page.locator('[data-testid="payload-json"]').innerText();
  assert.ok(!(await fetched()).some((u) => u.includes("encoder")), "the encoder is not loaded before it is opened");

  await page.click('[data-testid="edit-and-sign"]');
  await encoder(page).waitFor({ state: "visible", timeout: 30_000 });
  assert.ok((await fetched()).some((u) => u.endsWith("jwt-inspector-encoder_bg.wasm")), "loaded on first use");
  assert.equal((await headerText(page)).alg, "RS256", "the token's header, as it was");
  const payload = await payloadText(page);
  assert.deepEqual(payload, JSON.parse(original), "the token's payload, members in order");
  assert.deepEqual(Object.keys(payload), Object.keys(JSON.parse(original)));

  payload.uid = "bob";
  await page.fill('[data-testid="encoder-payload"]', JSON.stringify(payload, null, 2));
  await page.fill('[data-testid="exp-amount"]', "1");
  await page.selectOption('[data-testid="exp-unit"]', { label: "hours" });
  const before = Math.floor(Date.now() / 1000);
  await page.click('[data-testid="set-exp"]');
  const edited = await payloadText(page);
  assert.equal(edited.uid, "bob");
  assert.ok(Math.abs(edited.exp - (before + 3600)) <= 5, `exp is now + 1 h: ${edited.exp}`);

  await page.click('[data-testid="key-choice-generate"]');
  await page.selectOption('[data-testid="rsa-bits"]', "2048");
  await page.click('[data-testid="generate-key"]');
  await page.locator('[data-testid="generated-key"]').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('[data-testid="generated-key"]').innerText(), /^RSA 2048 · kid /);
  const token = await signedToken(page);
  assert.equal(await page.locator('[data-testid="header-line"]').inputValue(), "Authorization: token=<token>", "DC/OS's way, for the refusal set");
  const jwks = JSON.parse(await page.locator('[data-testid="public-jwks"]').innerText());
  assert.equal(jwks.keys.length, 1);
  assert.equal(decodePart(token, 0).kid, jwks.keys[0].kid, "the header names the new key");
  assert.equal(decodePart(token, 1).uid, "bob");
  assert.match(await page.locator('[data-testid="public-pem"]').innerText(), /^-----BEGIN PUBLIC KEY-----/);
  // The private key stays hidden until asked for, with the warning.
  assert.equal(await page.locator('[data-testid="private-key"]').count(), 0);
  await page.click('[data-testid="show-private-key"]');
  assert.match(await page.locator('[data-testid="private-key"]').innerText(), /^-----BEGIN PRIVATE KEY-----/);
  assert.match(await page.locator(".private-key .key-warning").innerText(), /only in this page's memory/);

  // Paste the token and the JWKS into the inspector by hand.
  await page.click('[data-testid="encoder-close"]');
  await encoder(page).waitFor({ state: "hidden" });
  await paste(page, token);
  await page.fill('[data-testid="key"]', JSON.stringify(jwks, null, 2));
  const verdict = page.locator('[data-testid="verdict"][data-verdict="valid"]');
  await verdict.waitFor({ timeout: 30_000 });
  assert.match(await verdict.innerText(), /Signature verified/);
  assert.equal(JSON.parse(await page.locator('[data-testid="payload-json"]').innerText()).uid, "bob");

  // Nothing kept, nothing in the URL, nothing fetched from elsewhere.
  const kept = await keptByPage(page);
  assert.deepEqual([kept.local, kept.session, kept.cookies], [0, 0, ""]);
  assert.ok(!kept.url.includes("#"), kept.url);
  assert.deepEqual(await foreignRequests(t, context, page, env.server.origin), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("inspect this token: carried into the inspector with its key; reopening keeps the edits", async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await openNewToken(page);
  await page.selectOption('[data-testid="encoder-alg"]', "ES256K");
  await page.click('[data-testid="generate-key"]');
  const token = await signedToken(page);
  assert.equal(decodePart(token, 0).alg, "ES256K");
  await page.click('[data-testid="inspect-token"]');
  await encoder(page).waitFor({ state: "hidden" });
  assert.equal(await page.locator('[data-testid="paste"]').inputValue(), token);
  assert.match(await page.locator('[data-testid="key"]').inputValue(), /"crv": "secp256k1"/);
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor({ timeout: 30_000 });

  // Opened blank again: the editors and the key are as they were.
  await openNewToken(page);
  assert.equal((await headerText(page)).alg, "ES256K");
  assert.equal(await signedToken(page), token, "ECDSA is deterministic (RFC 6979): same text, same token");
  assert.deepEqual(problems, []);
  await context.close();
});

test("bad input: the JSON error's place, the last token kept, a key that does not fit, an HMAC secret", async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await openNewToken(page);
  await page.selectOption('[data-testid="encoder-alg"]', "HS256");
  await page.click('[data-testid="key-choice-secret"]');
  await page.fill('[data-testid="signing-secret"]', "your-256-bit-secret");
  const token = await signedToken(page);
  assert.equal(decodePart(token, 0).alg, "HS256");

  await page.fill('[data-testid="encoder-payload"]', '{\n  "sub": "alice",\n  "exp": \n}');
  const problem = page.locator('[data-testid="encoder-payload-problem"]');
  await problem.waitFor();
  assert.match(await problem.innerText(), /line 4, column 1/);
  assert.equal((await page.locator('[data-testid="encoded-token"]').innerText()).trim(), token, "the last token stays");
  assert.match(await page.locator('[data-testid="token-stale"]').innerText(), /last valid JSON/);

  await page.fill('[data-testid="encoder-payload"]', '{"sub": "alice"}');
  await page.selectOption('[data-testid="encoder-alg"]', "RS256");
  const mismatch = page.locator('[data-testid="sign-error"]');
  await mismatch.waitFor({ timeout: 30_000 });
  assert.match(await mismatch.innerText(), /RS256 needs an RSA/);

  await page.click('[data-testid="key-choice-paste"]');
  await page.fill('[data-testid="signing-key"]', "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----");
  await page.waitForFunction(() => /PKCS#8|PEM|base64/i.test(document.querySelector('[data-testid="sign-error"]')?.textContent ?? ""), null, { timeout: 30_000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the tokens a service must refuse: each case with its reason and a curl, each refused by the inspector", async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await openNewToken(page);
  await page.selectOption('[data-testid="encoder-alg"]', "ES256");
  await page.click('[data-testid="generate-key"]');
  await signedToken(page);
  const jwks = await page.locator('[data-testid="public-jwks"]').innerText();
  await page.click(".refusals summary");
  await page.fill('[data-testid="header-line"]', "X-Auth-Token: <token>");
  await page.click('[data-testid="make-refusals"]');
  const cases = page.locator('[data-testid="refusal"]');
  await page.locator('[data-testid="refusal-list"]').waitFor({ timeout: 30_000 });
  const ids = await cases.evaluateAll((items) => items.map((i) => i.dataset.case));
  for (const id of ["alg-none", "alg-none-capitalised", "alg-none-upper", "hs256-public-key-pem", "hs256-public-key-der", "expired", "not-yet-valid",
    "other-audience", "other-issuer", "flipped-signature-bit", "stripped-signature", "embedded-jwk", "kid-path-traversal", "psychic-es256"]) {
    assert.ok(ids.includes(id), `${id} in ${ids}`);
  }
  assert.match(await page.locator(".refusals .hint").innerText(), /services you are responsible for/);
  // The psychic signature, in the inspector with the real key: not valid.
  const psychic = (await cases.filter({ has: page.locator("code") }).nth(ids.indexOf("psychic-es256")).locator("code").innerText()).trim();
  await page.click('[data-testid="encoder-close"]');
  await paste(page, psychic);
  await page.fill('[data-testid="key"]', jwks);
  await page.locator('[data-testid="verdict"][data-verdict="invalid"]').waitFor({ timeout: 30_000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("offline: the encoder opens from the service worker's cache", async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await serviceWorkerControls(page);
  await context.setOffline(true);
  await openNewToken(page);
  await page.selectOption('[data-testid="encoder-alg"]', "EdDSA");
  await page.click('[data-testid="generate-key"]');
  assert.equal(decodePart(await signedToken(page), 0).alg, "EdDSA");
  assert.deepEqual(problems, []);
  await context.close();
});
