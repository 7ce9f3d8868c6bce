// Issue #2 in a real browser: paste the DC/OS seed header line into the
// built page and read its payload; hostile pastes get a message and keep
// the text.

import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, openApp, paste, vector } from "./harness.mjs";

const env = servedApp();

test("DC/OS seed header line decodes to its header and payload", async () => {
  const fixture = vector("vendors/dcos/seed-authorization-header.json");
  const { page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, fixture.paste);
  await page.waitForSelector('[data-testid="token-item"]');
  assert.equal(await page.locator('[data-testid="token-item"]').count(), 1);
  const payload = JSON.parse(await page.locator('[data-testid="payload-json"]').innerText());
  assert.deepEqual(payload, fixture.expect.payload);
  const header = JSON.parse(await page.locator('[data-testid="header-json"]').innerText());
  assert.deepEqual(header, fixture.expect.header);
  assert.match(await page.locator('[data-testid="token-item"]').innerText(), /DC\/OS token= scheme/);
  assert.deepEqual(problems, []);
});

test("a login response lists each token and switching shows the other one", async () => {
  const fixture = vector("vendors/registry/seed-icp-image-manager-response.json");
  const dcos = vector("vendors/dcos/out-of-band-verification.json");
  const { page } = await openApp(env.browser, env.server.url);
  await paste(page, `${fixture.paste}\n\nAuthorization: token=${dcos.token}\n`);
  const items = page.locator('[data-testid="token-item"]');
  await assert.doesNotReject(items.nth(1).waitFor());
  assert.equal(await items.count(), 2);
  assert.match(await page.locator('[data-testid="payload-json"]').innerText(), /registry-token-issuer/);
  await items.nth(1).click();
  // The choice renders on the next frame; read the payload once it has.
  await page.locator('[data-testid="payload-json"]').filter({ hasText: `"uid": "${dcos.expect.payload.uid}"` }).waitFor();
  const payload = JSON.parse(await page.locator('[data-testid="payload-json"]').innerText());
  assert.deepEqual(payload, dcos.expect.payload);
});

test("a malformed payload shows a precise error", async () => {
  const header = Buffer.from('{"alg":"HS256"}').toString("base64url");
  const payload = Buffer.from('{"sub":"a" "exp":1}').toString("base64url");
  const { page } = await openApp(env.browser, env.server.url);
  await paste(page, `${header}.${payload}.c2lnbmF0dXJl`);
  const error = page.locator('[data-testid="error"]').first();
  await error.waitFor();
  assert.equal(await error.innerText(), "The payload is not valid JSON: expected `,` or `}` at byte 11.");
  assert.equal(await page.locator('[data-testid="finding"][data-finding-id="payload-not-json"]').count(), 1);
});

test("hostile pastes get a clear message, keep the text and leave the page responsive", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const cases = {
    "1 MB of random text": Array.from({ length: 1 << 20 }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join(""),
    // Control characters, without NUL and CR, which a textarea drops or rewrites.
    "binary junk": Array.from({ length: 20000 }, () => String.fromCharCode(1 + Math.floor(random() * 31))).join("").replaceAll("\r", "\n"),
    "ten thousand dots": ".".repeat(10000),
    "JSON nested ten thousand deep": "[".repeat(10000) + "]".repeat(10000),
    "an empty paste": "",
  };
  for (const [name, text] of Object.entries(cases)) {
    await paste(page, text);
    const notice = page.locator('[data-testid="notice"]').first();
    await notice.waitFor({ timeout: 10_000 });
    const message = await notice.innerText();
    assert.match(message, /No token found|binary data|Paste a token/, name);
    const kept = await page.locator('[data-testid="paste"]').inputValue();
    assert.ok(kept === text, `${name}: the pasted text must be kept (${kept.length} of ${text.length} characters are there)`);
  }
  // Still responsive: a real token decodes after all that.
  await paste(page, vector("vendors/dcos/seed-authorization-header.json").paste);
  await page.locator('[data-testid="payload-json"]').waitFor();
  assert.deepEqual(problems, []);
});
