// Issue 11 in a real browser: jwt.io's own examples get the verdicts a
// person expects, and the Expectations panel says whether a service would
// accept the token, without storing anything or touching the URL.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { servedApp, openApp, paste, vector, keptByPage } from "./harness.mjs";

const env = servedApp();
const jwtio = vector("vendors/jwtio/debugger-examples.json").examples;

async function verdict(page, kind) {
  const banner = page.locator(`[data-testid="verdict"][data-verdict="${kind}"]`);
  await banner.waitFor();
  return banner.innerText();
}

async function nothingKept(page, startUrl) {
  assert.deepEqual(await keptByPage(page), { local: 0, session: 0, cookies: "", url: startUrl });
}

test("jwt.io's HS256 example with its documented secret shows the amber 'matches, but…' banner", async () => {
  const example = jwtio.find((e) => e.alg === "HS256");
  const { page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, example.token);
  await page.fill('[data-testid="secret"]', example.secret);
  const text = await verdict(page, "matched-refused");
  assert.match(text, /^!\nSignature matches HMAC secret \(text\), but a strict verifier refuses it: the HMAC secret is shorter than the hash output/);
  assert.deepEqual(problems, []);
});

test("jwt.io's PS384 example verifies with the private key the site shows", async () => {
  const example = jwtio.find((e) => e.alg === "PS384");
  const { page, problems } = await openApp(env.browser, env.server.url);
  const startUrl = await page.url();
  await paste(page, example.token);
  await page.fill('[data-testid="key"]', example.private_key_pem);
  await verdict(page, "valid");
  assert.match(await page.locator('[data-testid="key-summary"]').innerText(), /RSA 2048-bit, e = 65537, public key derived from the pasted private key/);
  await nothingKept(page, startUrl);
  assert.deepEqual(problems, []);
});

test("the Expectations panel says, rule by rule, whether the service would accept the token", async () => {
  // Minted here: HS256 with a 32-byte secret, for audience "orders".
  const secret = "a-secret-of-thirty-two-bytes-ok!";
  const now = Math.floor(Date.now() / 1000);
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const input = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ iss: "https://issuer.example", aud: "orders", sub: "a", iat: now, exp: now + 600 })}`;
  const token = `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
  const { page, problems } = await openApp(env.browser, env.server.url);
  const startUrl = await page.url();
  await paste(page, token);
  await page.fill('[data-testid="secret"]', secret);
  await verdict(page, "valid");
  assert.equal(await page.locator('[data-testid="expectations"]').count(), 0, "nothing to check until asked");
  await page.locator('[data-testid="expectations-panel"] summary').click();
  await page.fill('[data-testid="expect-iss"]', "https://issuer.example");
  await page.fill('[data-testid="expect-aud"]', "orders, billing");
  await page.fill('[data-testid="expect-alg"]', "HS256");
  await page.fill('[data-testid="expect-require"]', "sub");
  await page.fill('[data-testid="expect-max-lifetime"]', "1h");
  const accepted = page.locator('[data-testid="expectations"][data-accepted="true"]');
  await accepted.waitFor();
  const ids = await page.locator('[data-testid="expectation-rule"]').evaluateAll((items) => items.map((i) => `${i.dataset.ruleId}:${i.dataset.ok}`));
  assert.deepEqual(ids, ["alg:true", "signature:true", "required:true", "exp:true", "nbf:true", "iss:true", "aud:true", "max-lifetime:true"]);
  assert.equal(await page.locator('[data-testid="expectations-verdict"]').innerText(), "This service would accept this token.");
  await page.selectOption('[data-testid="expect-key"]', "HMAC secret (text)");
  await accepted.waitFor();
  await page.fill('[data-testid="expect-leeway"]', "30");
  assert.equal(await page.locator('[data-testid="leeway"]').inputValue(), "30", "one leeway, shown in both places");

  await page.fill('[data-testid="expect-aud"]', "billing");
  await page.locator('[data-testid="expectations"][data-accepted="false"]').waitFor();
  assert.equal(
    await page.locator('[data-testid="expectations-verdict"]').innerText(),
    'This service would refuse this token because aud "orders" names none of the expected "billing".',
  );
  await page.fill('[data-testid="expect-max-lifetime"]', "soon");
  assert.match(await page.locator('[data-testid="expectation-problem"]').innerText(), /"soon" is not a duration/);
  await nothingKept(page, startUrl);
  assert.deepEqual(problems, []);
});

test("an ACME request in a curl command is found as a JWS JSON document and verified with the account key", async () => {
  const entries = vector("vendors/acme/wildfly-elytron-requests.json").entries;
  const body = entries[0].body_text;
  const protectedHeader = JSON.parse(Buffer.from(JSON.parse(body).protected, "base64url").toString());
  const text = `curl -s -X POST -H 'Content-Type: application/jose+json' \\\n  --data '${body}' \\\n  https://acme.example/acme/new-acct`;
  const { page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, text);
  await page.fill('[data-testid="key"]', JSON.stringify(protectedHeader.jwk));
  await verdict(page, "valid");
  assert.equal(await page.locator('[data-testid="jws-signature"]').count(), 1);
  assert.match(await page.locator('[data-testid="jws-signatures"] .panel-title').first().innerText(), /JWS JSON serialization \(flattened\), 1 signature/);
  assert.match(await page.locator('[data-testid="payload-json"]').innerText(), /termsOfServiceAgreed/);
  assert.deepEqual(problems, []);
});

test("detached content is asked for, and verifies once pasted", async () => {
  const example = vector("rfc/jws_json_examples.json").examples.find((e) => e.name.includes("§4.5") && e.name.includes("flattened"));
  const { page, problems } = await openApp(env.browser, env.server.url);
  await paste(page, example.document);
  await page.fill('[data-testid="key"]', example.keys.map((k) => JSON.stringify(k)).join("\n"));
  await verdict(page, "unchecked");
  await page.fill('[data-testid="detached-content"]', example.detached_content);
  await verdict(page, "valid");
  assert.deepEqual(problems, []);
});
