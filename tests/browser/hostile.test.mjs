// Issue #6's hostile inputs in a real browser: a 10 MB paste of 100,000
// tokens, a 1 MB JSON reply, an 8192-bit key, a JWKS of 1,000 keys. Each
// gets a clear answer, the text is kept, and the page goes on working.
// How long the main thread is blocked is measured by scripts/bench.mjs
// (never by timed assertions here).

import { test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { servedApp, rfcExamples, openApp, paste, vector, pasteLarge } from "./harness.mjs";

const env = servedApp();

const b64 = (text) => Buffer.from(text).toString("base64url");
const hs256ish = (n) => `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(JSON.stringify({ n, exp: 4102444800 }))}.${Buffer.alloc(32, 7).toString("base64url")}`;

/** A large paste shows as a read-only preview of its start, saying how much more is kept. */
async function assertPreview(page, text) {
  const box = page.locator('[data-testid="paste"]');
  assert.ok(await box.evaluate((area) => area.readOnly), "a large paste is shown read-only");
  const [shown, note] = (await box.inputValue()).split("\n\n… ");
  assert.ok(text.startsWith(shown), "the preview is the start of the paste");
  assert.equal(note, `(preview: ${text.length - shown.length} more bytes are kept and analysed)`);
}

test("a 10 MB paste of 100,000 tokens: kept whole, listed in part, said plainly", async (t) => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const lines = [];
  for (let n = 0; n < 100_000; n++) lines.push(hs256ish(n));
  const text = lines.join("\n");
  assert.ok(text.length > 10_000_000, `${text.length} characters`);
  await pasteLarge(t, env.browser, page, text);
  const large = page.locator('[data-testid="large-paste"]');
  await large.waitFor({ timeout: 60_000 });
  assert.match(await large.innerText(), /\d+\.\d MB pasted: all of it is kept and analysed/);
  const truncated = page.locator('[data-testid="notice"][data-notice-id="tokens-truncated"]');
  await truncated.waitFor({ timeout: 120_000 });
  assert.match(await truncated.innerText(), /The paste holds 100000 tokens; the first 500 are listed/);
  // The list paints its first screenful, then the rest.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="token-item"]').length === 500);
  await assertPreview(page, text);
  // Choosing a token far down the list shows its own payload.
  await page.locator('[data-testid="token-item"]').nth(420).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="payload-json"]')?.innerText.includes('"n": 420'), null, { timeout: 60_000 });
  // The answer with its details keeps the whole list, the choice shown.
  assert.equal(await page.locator('[data-testid="token-item"]').count(), 500);
  assert.equal(await page.locator('[data-testid="token-item"]').nth(420).getAttribute("aria-pressed"), "true");
  // Clear gives the box back.
  await page.click('[data-testid="clear-paste"]');
  await page.locator('[data-testid="large-paste"]').waitFor({ state: "detached" });
  await paste(page, rfcExamples()["RFC 7515 A.2"].jws);
  await page.locator('[data-testid="payload-json"]').waitFor();
  assert.equal(await page.locator('[data-testid="token-item"]').count(), 1);
  assert.deepEqual(problems, []);
});

test("the memory a 10 MB paste takes is released when it is cleared, and reused by the next", async (t) => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const lines = [];
  for (let n = 0; n < 100_000; n++) lines.push(hs256ish(n));
  const text = lines.join("\n");
  // WebAssembly memory never shrinks, so "released" is seen as reuse:
  // rounds of paste and Clear with pastes of one size. A page that kept
  // any earlier paste (or a copy of it) would grow by 10 MB a round.
  const after = [];
  for (const round of ["A", "B", "C"]) {
    await pasteLarge(t, env.browser, page, text.slice(0, -1) + round);
    await page.locator('[data-testid="notice"][data-notice-id="tokens-truncated"]').waitFor({ timeout: 120_000 });
    // Each round the same: the list fully painted before Clear.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="token-item"]').length === 500);
    await page.click('[data-testid="clear-paste"]');
    await page.locator('[data-testid="large-paste"]').waitFor({ state: "detached" });
    await page.locator('[data-testid="token-item"]').first().waitFor({ state: "detached" });
    after.push(await page.evaluate(() => window.jwtInspectorMemory.buffer.byteLength));
  }
  t.diagnostic(`page wasm memory after each Clear: ${after.map((b) => (b / 1048576).toFixed(1)).join(", ")} MB`);
  assert.ok(after[0] > text.length, "the paste was copied into the page's memory");
  assert.equal(after[2], after[1], "a third paste and Clear needs no more memory than the second");
  assert.deepEqual(problems, []);
});

test("a 1 MB JSON reply: every token found with its sibling fields, repeats merged", async (t) => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const items = [];
  while (JSON.stringify(items).length < 1_000_000) {
    items.push({ id: items.length, access_token: hs256ish(items.length), expires_in: 3600, note: "x".repeat(200) });
  }
  const text = JSON.stringify({ items });
  await pasteLarge(t, env.browser, page, text);
  const notice = page.locator('[data-testid="notice"][data-notice-id="tokens-truncated"]');
  await notice.waitFor({ timeout: 60_000 });
  assert.match(await notice.innerText(), new RegExp(`The paste holds ${items.length} tokens`));
  assert.match(await page.locator('[data-testid="token-item"]').first().innerText(), /items\[0\]\.access_token field/);
  await assertPreview(page, text);

  // The same token a thousand times over is one token, its places counted.
  const token = rfcExamples()["RFC 7515 A.2"].jws;
  const repeated = JSON.stringify({ items: items.map((item) => ({ ...item, access_token: token })) });
  await page.click('[data-testid="clear-paste"]');
  await pasteLarge(t, env.browser, page, repeated);
  await page.getByText(/and in \d+ more places/).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('[data-testid="token-item"]').count(), 1);
  assert.deepEqual(problems, []);
});

test("an 8192-bit key and a JWKS of 1,000 keys are read, summarised and used", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const a2 = rfcExamples()["RFC 7515 A.2"];
  await paste(page, a2.jws);

  // Wycheproof's 8192-bit RSA key: read and tried (it is not the signer).
  const group = vector("wycheproof/rsa_signature_8192_sha256_test.json").testGroups[0];
  await page.fill('[data-testid="key"]', group.publicKeyPem);
  await page.locator('[data-testid="verdict"][data-verdict="invalid"]').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('[data-testid="key-summary"]').first().innerText(), /RSA 8192-bit/);
  assert.match(await page.locator('[data-testid="verdict"]').innerText(), /does not match/);

  // 999 P-256 decoys and the signer last, no kid in the token: every
  // compatible key is tried and the one that verified is named.
  const decoys = Array.from({ length: 999 }, (_, i) => ({
    ...generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" }),
    kid: `decoy-${i}`,
  }));
  const jwks = JSON.stringify({ keys: [...decoys, { ...a2.jwk, kid: "signer" }] });
  await page.fill('[data-testid="key"]', jwks);
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('[data-testid="verdict"]').innerText(), /Signature verified with JWKS key 1000 \(kid "signer"\)/);
  assert.equal(await page.locator('[data-testid="key"]').inputValue(), jwks);
  assert.deepEqual(problems, []);
});
