// Issue #3 in a real browser: keys pasted into the key panel verify the
// pasted token (RS256 first), and the verdict banner says what was proven.

import { test } from "node:test";
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";
import { createHmac, createPublicKey } from "node:crypto";
import { servedApp, rfcExamples, openApp, paste, vector, keptByPage } from "./harness.mjs";

const env = servedApp();


async function verdict(page) {
  const banner = page.locator('[data-testid="verdict"]');
  await banner.waitFor();
  return { status: await banner.getAttribute("data-verdict"), text: await banner.innerText() };
}

async function setKeys(page, text) {
  await page.fill('[data-testid="key"]', text);
}

test("RS256: the RFC 7515 A.2 token verifies with its JWK, and not with another key", async () => {
  const a2 = rfcExamples()["RFC 7515 A.2"];
  const { page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, a2.jws);
  assert.equal((await verdict(page)).status, "unchecked");
  assert.match((await verdict(page)).text, /Not checked: no key supplied/);
  await setKeys(page, JSON.stringify(a2.jwk));
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
  assert.match((await verdict(page)).text, /Signature verified with JWK \(RSA 2048-bit, e = 65537\)/);
  assert.match(await page.locator('[data-testid="key-summary"]').innerText(), /JWK thumbprint/);
  // The same key as PEM, pasted sloppily on one line with text around it.
  const pem = createPublicKey({ key: a2.jwk, format: "jwk" }).export({ type: "spki", format: "pem" });
  await setKeys(page, `our key: ${pem.replaceAll("\n", " ")} (prod)`);
  // The verdict was already "valid": wait for the one about the new key.
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').filter({ hasText: "PEM block 1 (PUBLIC KEY)" }).waitFor();
  // An EC key cannot verify RS256: said plainly.
  await setKeys(page, JSON.stringify(vector("vendors/registry/distribution-spec-example.json").public_jwk));
  // The page's own analysis says "not checked" at once; the worker's says why.
  await page.locator('[data-testid="verdict"][data-verdict="unchecked"]').filter({ hasText: "RS256 needs an RSA public key" }).waitFor();
  assert.deepEqual(problems, []);
});

test("DC/OS token: valid with its JWKS, invalid with the other JWKS on the page", async () => {
  const fixture = vector("vendors/dcos/out-of-band-verification.json");
  const { page } = await openApp(env.browser, env.server.url);
  await paste(page, `Authorization: token=${fixture.token}`);
  await setKeys(page, JSON.stringify(fixture.jwks));
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
  await setKeys(page, JSON.stringify(fixture.other_jwks_on_page));
  await page.locator('[data-testid="verdict"][data-verdict="invalid"]').waitFor();
  assert.match((await verdict(page)).text, /Signature does not match JWKS key 1/);
});

test("HS256 with a secret in the chosen encoding", async () => {
  const a1 = rfcExamples()["RFC 7515 A.1"];
  const { page } = await openApp(env.browser, env.server.url);
  await paste(page, a1.jws);
  await page.fill('[data-testid="secret"]', a1.jwk.k);
  await page.locator('[data-testid="verdict"][data-verdict="invalid"]').waitFor(); // read as text: wrong bytes
  await page.selectOption('[data-testid="secret-encoding"]', "base64url");
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
});

test("algorithm confusion forged with the public key's PEM is caught", async () => {
  const a2 = rfcExamples()["RFC 7515 A.2"];
  const pem = createPublicKey({ key: a2.jwk, format: "jwk" }).export({ type: "spki", format: "pem" });
  const input = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url")}.${Buffer.from('{"sub":"admin"}').toString("base64url")}`;
  const forged = `${input}.${createHmac("sha256", pem).update(input).digest("base64url")}`;
  const { page } = await openApp(env.browser, env.server.url);
  await paste(page, forged);
  await setKeys(page, pem);
  await page.locator('[data-testid="verdict"][data-verdict="invalid"]').waitFor();
  assert.match((await verdict(page)).text, /algorithm-confusion attack/);
  assert.equal(await page.locator('[data-testid="finding"][data-finding-id="alg-confusion-forged"]').count(), 1);
});

test("unreadable keys get a precise message and the key text is kept", async () => {
  const { page } = await openApp(env.browser, env.server.url);
  const text = '{"kty":"RSA","e":"AQAB"}';
  await setKeys(page, text);
  const error = page.locator('[data-testid="key-error"]');
  await error.waitFor();
  assert.match(await error.innerText(), /JWK is missing `n`/);
  assert.equal(await page.locator('[data-testid="key"]').inputValue(), text);
});

test("three banners: verified, matches but refused (amber), does not match", async () => {
  // Minted here: an HS256 token whose secret is 19 bytes, under the 32 that
  // RFC 7518 §3.2 requires, so the signature matches and policy refuses it.
  const secret = "nineteen-byte-key!!";
  const input = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url")}.${Buffer.from('{"sub":"banner"}').toString("base64url")}`;
  const token = `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
  const { page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, token);
  await page.fill('[data-testid="secret"]', secret);
  await page.locator('[data-testid="verdict"][data-verdict="matched-refused"]').waitFor();
  const amber = await verdict(page);
  assert.match(amber.text, /Signature matches HMAC secret.*, but a strict verifier refuses it: the HMAC secret is shorter than the hash output/);
  assert.equal(await page.locator('[data-testid="finding"][data-finding-id="hmac-secret-too-short"]').count(), 1);
  await page.fill('[data-testid="secret"]', "another-nineteen-b!");
  await page.locator('[data-testid="verdict"][data-verdict="invalid"]').waitFor();
  assert.match((await verdict(page)).text, /^Signature does not match HMAC secret/m);
  await page.fill('[data-testid="secret"]', "");
  await page.locator('[data-testid="verdict"][data-verdict="unchecked"]').waitFor();
  assert.deepEqual(problems, []);
});

test("a pasted private key verifies through its derived public key, and is never stored or put in the URL", async () => {
  const cases = JSON.parse(readFileSync(new URL("../data/private-keys/cases.json", import.meta.url), "utf8")).cases;
  const { page, problems } = await openApp(env.browser, env.server.url);
  const startUrl = await page.url();
  for (const id of ["rsa-pkcs8-ps384", "p256-sec1", "ed25519-openssh"]) {
    const c = cases.find((x) => x.id === id);
    await paste(page, c.token);
    await setKeys(page, c.private_key);
    await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
    const summary = await page.locator('[data-testid="key-summary"]').innerText();
    assert.match(summary, /public key derived from the pasted private key/, id);
    assert.match(summary, /treated as exposed/, id);
    assert.equal(await page.locator('[data-testid="from-private-key"]').count(), 1, id);
  }
  const encrypted = cases.find((x) => x.id === "rsa-pkcs8-encrypted");
  await setKeys(page, encrypted.private_key);
  await page.locator('[data-testid="key-error"]').waitFor();
  assert.match(await page.locator('[data-testid="key-error"]').innerText(), /encrypted with a passphrase/);
  assert.deepEqual(await keptByPage(page), { local: 0, session: 0, cookies: "", url: startUrl });
  assert.deepEqual(problems, []);
});
