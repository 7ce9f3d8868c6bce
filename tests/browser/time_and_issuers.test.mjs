// Issue #4 in a real browser: countdowns tick every second, "as of" and
// leeway re-evaluate the state, the issuer badge and the registry access
// table show, and the "how to send" line copies a working command.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { servedApp, openApp, paste, vector, skipUnless, ROOT } from "./harness.mjs";

const env = servedApp();

const minted = JSON.parse(readFileSync(join(ROOT, "tests/data/minted/tokens.json"), "utf8")).examples;
const example = (id) => minted.find((e) => e.id === id);

function hs256(payload) {
  const head = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");
  return `${head}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${Buffer.alloc(32, 7).toString("base64url")}`;
}

test("the exp countdown ticks every second and the state turns to expired", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const now = Math.floor(Date.now() / 1000);
  await paste(page, hs256({ sub: "tick", iat: now, exp: now + 4 }));
  const countdown = page.locator('[data-testid="countdown-exp"]');
  await countdown.waitFor();
  const first = Number(await countdown.getAttribute("data-seconds-left"));
  await page.waitForTimeout(2_100);
  const later = Number(await countdown.getAttribute("data-seconds-left"));
  assert.ok(first - later >= 2 && first - later <= 3, `ticked from ${first} to ${later}`);
  assert.match(await countdown.innerText(), /expires in 00:00:0\d/);
  await page.locator('[data-testid="validity"][data-state="expired"]').waitFor({ timeout: 8_000 });
  assert.match(await countdown.innerText(), /expired 00:00:0\d ago/);
  assert.deepEqual(problems, []);
});

test("nbf counts down to validity, and leeway and 'as of' re-evaluate the state", async () => {
  const { page } = await openApp(env.browser, env.server.url);
  const now = Math.floor(Date.now() / 1000);
  await paste(page, hs256({ nbf: now + 30, exp: now + 3600 }));
  await page.locator('[data-testid="validity"][data-state="not-yet-valid"]').waitFor();
  assert.match(await page.locator('[data-testid="countdown-nbf"]').innerText(), /becomes valid in 00:00:[23]\d/);
  await page.fill('[data-testid="leeway"]', "60");
  await page.locator('[data-testid="validity"][data-state="valid"]').waitFor();
  // As of the DC/OS fixture's expiry minus a minute: that token was valid then.
  const dcos = vector("vendors/dcos/out-of-band-verification.json");
  await page.fill('[data-testid="leeway"]', "0");
  await paste(page, dcos.token);
  await page.locator('[data-testid="validity"][data-state="expired"]').waitFor();
  await page.locator('[data-testid="pending"]').waitFor({ state: "detached" });
  await page.fill('[data-testid="as-of"]', "2016-07-08T13:43:26");
  await page.locator('[data-testid="as-of"]').dispatchEvent("change");
  // datetime-local is local time: compute what the browser thinks that instant is.
  await page.locator('[data-testid="validity"]').filter({ hasText: "Evaluated as of" }).waitFor();
  const state = await page.locator('[data-testid="validity"]').getAttribute("data-state");
  const offsetMinutes = await page.evaluate(() => new Date("2016-07-08T13:43:26").getTimezoneOffset());
  const asOf = Date.UTC(2016, 6, 8, 13, 43, 26) / 1000 + offsetMinutes * 60;
  assert.equal(state, asOf < 1467985466 ? (1467985466 - asOf <= 300 ? "expiring-soon" : "valid") : "expired");
  await page.click('[data-testid="as-of-now"]');
  await page.locator('[data-testid="validity"][data-state="expired"]').waitFor();
});

test("each issuer's badge shows, with the registry access table and how to send the token", async () => {
  const { page } = await openApp(env.browser, env.server.url);
  for (const [id, vendor] of [["dcos", "dcos"], ["docker-registry", "docker-registry"], ["auth0", "auth0"], ["keystone-jws", "keystone-jws"], ["keystone-pki", "keystone"], ["keystone-fernet", "keystone"]]) {
    await paste(page, example(id).paste);
    const items = page.locator('[data-testid="token-item"]');
    await items.first().waitFor();
    // The issuer comes from the full analysis, in the worker.
    await page.locator('[data-testid="pending"]').waitFor({ state: "detached" });
    // The Auth0 login response lists an opaque access token first.
    const count = await items.count();
    for (let i = 0; i < count; i++) {
      await items.nth(i).click();
      if ((await page.locator('[data-testid="vendor"]').getAttribute("data-vendor")) === vendor) break;
    }
    assert.equal(await page.locator('[data-testid="vendor"]').getAttribute("data-vendor"), vendor, id);
  }
  await paste(page, example("docker-registry").paste);
  const table = page.locator('[data-testid="access-table"]');
  await table.waitFor();
  assert.match(await table.innerText(), /team\/web\s+pull and push/);
  await paste(page, example("dcos").paste);
  await page.locator('[data-testid="how-to-send"]').waitFor();
  assert.match(await page.locator('[data-testid="how-to-send"]').innerText(), /Authorization: token=<token>/);
});

test("the issuer's curl is copied to the clipboard with the token in it", async (t) => {
  if (skipUnless(t, env.browser, "clipboard")) return;
  const permissions = { names: ["clipboard-read", "clipboard-write"], origin: env.server.origin };
  const { page } = await openApp(env.browser, env.server.url, { permissions });
  await paste(page, example("dcos").paste);
  await page.locator('[data-testid="how-to-send"]').waitFor();
  await page.click('[data-testid="copy-how-to-send"]');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^curl -H "Authorization: token=eyJ[\w.-]+" https:\/\/<master>\/acs\/api\/v1\/users$/);
});

test("the Keystone PKI fixture shows its token JSON and verifies with the fixture certificate", async () => {
  const pem = vector("vendors/keystone/v3.pem");
  const { page } = await openApp(env.browser, env.server.url);
  await paste(page, pem);
  await page.fill('[data-testid="key"]', vector("vendors/keystone/signing_cert.pem"));
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
  const payload = JSON.parse(await page.locator('[data-testid="payload-json"]').innerText());
  assert.ok(payload.token.expires_at);
  assert.ok(await page.locator('[data-testid="countdown-exp"]').count());
});
