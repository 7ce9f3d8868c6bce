// JWE in the page (issue 14): the header explained before a key, the
// plaintext after, a sign-then-encrypt token verified beneath the
// decryption, the one failure message, and the plaintext kept out of
// links and storage.

import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, openApp, paste, vector, keptByPage, foreignRequests } from "./harness.mjs";

const env = servedApp();
const jwe = vector("rfc/jwe_examples.json");
const rfc7515A2 = vector("rfc/rfc_jws_examples.json").vectors.find((v) => v.rfc === "RFC 7515 A.2");

test("RFC 7519's Nested JWT: explained, then decrypted with its key, the inner JWS verified beneath", async (t) => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, jwe.rfc7519_a2.compact);
  const banner = page.locator('[data-testid="decryption"]');
  await banner.waitFor({ timeout: 30_000 });
  assert.equal(await banner.getAttribute("data-status"), "no-key");
  assert.match(await banner.innerText(), /RSAES-PKCS1-v1_5[\s\S]*the recipient's RSA private key/);
  assert.equal(await page.locator('[data-finding-id="jwe-rsa1-5"]').count(), 1);

  const keys = { keys: [JSON.parse(jwe.rfc7516_a2.jwk_json), rfc7515A2.jwk] };
  await page.fill('[data-testid="key"]', JSON.stringify(keys));
  await page.locator('[data-testid="decryption"][data-status="decrypted"]').waitFor({ timeout: 30_000 });
  assert.match(await banner.innerText(), /Decrypted/);
  const nested = page.locator(".nested");
  await nested.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor({ timeout: 30_000 });
  assert.match(await nested.locator('[data-testid="payload-json"]').innerText(), /"iss": "joe"/);
  assert.equal(await nested.locator('[data-testid="share"]').count(), 0, "the decrypted inner token offers no link");

  // Nothing kept, no link made, nothing fetched elsewhere.
  const kept = await keptByPage(page);
  assert.deepEqual([kept.local, kept.session, kept.cookies], [0, 0, ""]);
  assert.ok(!kept.url.includes("#"), kept.url);
  assert.deepEqual(await foreignRequests(t, context, page, env.server.origin), []);

  // The key removed: the plaintext goes with it.
  await page.fill('[data-testid="key"]', "");
  await page.locator('[data-testid="decryption"][data-status="no-key"]').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator(".nested").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a password opens PBES2; a wrong key gets the one failure message", async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  const pbes2 = jwe.rfc7520["5.3"].file;
  await paste(page, pbes2.output.compact);
  await page.fill('[data-testid="secret"]', pbes2.input.pwd);
  await page.locator('[data-testid="decryption"][data-status="decrypted"]').waitFor({ timeout: 30_000 });
  assert.match(await page.locator('[data-testid="payload-json"]').innerText(), /"keys"/);

  await paste(page, jwe.rfc7516_a1.compact);
  await page.fill('[data-testid="secret"]', "");
  await page.fill('[data-testid="key"]', jwe.rfc7516_a2.jwk_json);
  const failed = page.locator('[data-testid="decryption"][data-status="failed"]');
  await failed.waitFor({ timeout: 30_000 });
  assert.match(await failed.innerText(), /The key does not decrypt this token \(wrong key, or the token was altered\)/);
  assert.equal(await page.locator('[data-finding-id="jwe-decryption-failed"]').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a JWE in the JSON serialization: headers apart, the recipient the key opened named", async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, jwe.rfc7516_a4.json);
  await page.locator('[data-testid="jwe-headers"]').waitFor({ timeout: 30_000 });
  assert.match(await page.locator('[data-testid="jwe-shared-header"]').innerText(), /"jku": "https:\/\/server.example.com\/keys.jwks"/);
  assert.equal(await page.locator('[data-testid="jwe-recipient"]').count(), 2);
  await page.fill('[data-testid="key"]', jwe.rfc7516_a3.jwk_json);
  await page.locator('[data-testid="decryption"][data-status="decrypted"]').waitFor({ timeout: 30_000 });
  assert.match(await page.locator('[data-testid="decryption"]').innerText(), /recipient 2 \(kid "7"\)/);
  assert.equal(await page.locator('[data-testid="jwe-recipient"][data-opened="true"]').count(), 1);
  assert.equal(await page.locator('[data-testid="payload-json"]').innerText(), "Live long and prosper.");
  assert.deepEqual(problems, []);
  await context.close();
});

test("every RFC JWE example decrypts in the page to its stated plaintext", async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  const cases = [];
  for (const name of ["rfc7516_a1", "rfc7516_a2", "rfc7516_a3"]) {
    cases.push({ name, input: jwe[name].compact, key: jwe[name].jwk_json, plaintext: jwe[name].plaintext });
  }
  cases.push({ name: "rfc7516_a4", input: jwe.rfc7516_a4.json, key: jwe.rfc7516_a3.jwk_json, plaintext: jwe.rfc7516_a4.plaintext });
  cases.push({ name: "rfc7516_a5", input: jwe.rfc7516_a5.json, key: jwe.rfc7516_a3.jwk_json, plaintext: jwe.rfc7516_a5.plaintext });
  for (const [section, vector] of Object.entries(jwe.rfc7520)) {
    const { input, output } = vector.file;
    const keys = Array.isArray(input.key) ? input.key : [input.key];
    for (const form of Object.keys(output)) {
      const text = typeof output[form] === "string" ? output[form] : JSON.stringify(output[form]);
      for (const key of keys) {
        cases.push({ name: `RFC 7520 ${section} ${form}${keys.length > 1 ? ` (${key.kid})` : ""}`, input: text, key: key ? JSON.stringify(key) : "", secret: input.pwd ?? "", plaintext: input.plaintext });
      }
    }
  }
  assert.ok(cases.length > 40, `${cases.length} cases`);
  for (const c of cases) {
    // Start each case from an empty page, so a banner is this case's.
    await paste(page, "");
    await page.locator('[data-testid="decryption"]').waitFor({ state: "detached" });
    await page.fill('[data-testid="key"]', c.key);
    await page.fill('[data-testid="secret"]', c.secret ?? "");
    await paste(page, c.input);
    const banner = page.locator('[data-testid="decryption"][data-status="decrypted"]');
    await banner.waitFor({ timeout: 30_000 }).catch(async () => {
      throw new Error(`${c.name}: ${await page.locator('[data-testid="decryption"]').innerText().catch(() => "no banner")}`);
    });
    const shown = await page.locator('[data-testid="payload-json"]').first().innerText();
    const expected = c.plaintext.trim().startsWith("{") ? JSON.stringify(JSON.parse(c.plaintext), null, 2) : c.plaintext;
    assert.equal(shown, expected, c.name);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a Keycloak-style encrypted token: the decryption and, beneath, the Keycloak token's verdict", async () => {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { ROOT } = await import("./harness.mjs");
  const minted = JSON.parse(readFileSync(join(ROOT, "tests/data/minted/jwe.json"), "utf8"));
  const issuers = JSON.parse(readFileSync(join(ROOT, "tests/data/minted/issuers.json"), "utf8")).examples;
  const inner = issuers.find((e) => e.id === "keycloak-access");
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await page.fill('[data-testid="key"]', `${jwe.rfc7516_a1.jwk_json}\n${inner.key}`);
  await paste(page, minted.keycloak_nested.compact);
  await page.locator('[data-testid="decryption"][data-status="decrypted"]').waitFor({ timeout: 30_000 });
  const nested = page.locator(".nested");
  await nested.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor({ timeout: 30_000 });
  assert.equal(await nested.locator('[data-testid="vendor"]').getAttribute("data-vendor"), "keycloak");
  assert.deepEqual(problems, []);
  await context.close();
});
