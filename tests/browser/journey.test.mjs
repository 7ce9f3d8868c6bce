// The whole journey a newcomer takes, in one real browser session:
// paste → decode → key → verdict → a countdown tick → switch token → theme
// → offline reload. Screenshots go to tests/browser/screenshots/ (ignored).

import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { servedApp, paste, vector, ROOT, waitForApp, serviceWorkerControls } from "./harness.mjs";

const SHOTS = join(ROOT, "tests/browser/screenshots");
const env = servedApp();
before(() => {
  mkdirSync(SHOTS, { recursive: true });
});

test("paste, decode, verify, tick, switch, theme, offline", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  await page.goto(env.server.url);
  await waitForApp(page);
  await shot("01-empty");

  const dcos = vector("vendors/dcos/out-of-band-verification.json");
  const now = Math.floor(Date.now() / 1000);
  const head = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");
  const live = `${head}.${Buffer.from(JSON.stringify({ sub: "journey", iat: now, exp: now + 3600 })).toString("base64url")}.${Buffer.alloc(32, 1).toString("base64url")}`;
  await paste(page, `Authorization: token=${dcos.token}\n\ncurl -H "Authorization: Bearer ${live}" https://api.example/`);
  await page.locator('[data-testid="token-item"]').nth(1).waitFor();
  assert.deepEqual(JSON.parse(await page.locator('[data-testid="payload-json"]').innerText()), dcos.expect.payload);

  await page.fill('[data-testid="key"]', JSON.stringify(dcos.jwks, null, 1));
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
  assert.equal(await page.locator('[data-testid="vendor"]').getAttribute("data-vendor"), "dcos");
  await shot("02-dcos-verified");

  await page.locator('[data-testid="token-item"]').nth(1).click();
  const countdown = page.locator('[data-testid="countdown-exp"]');
  await countdown.waitFor();
  const before = Number(await countdown.getAttribute("data-seconds-left"));
  await page.waitForTimeout(1_200);
  assert.ok(Number(await countdown.getAttribute("data-seconds-left")) < before, "the countdown ticked");
  // An HS256 token offered only the DC/OS RSA keys: refused as algorithm confusion.
  assert.equal(await page.locator('[data-testid="verdict"]').getAttribute("data-verdict"), "invalid");
  assert.equal(await page.locator('[data-testid="finding"][data-finding-id="alg-confusion"]').count(), 1);
  await shot("03-switched-live-countdown");

  await page.click('[data-testid="theme-toggle"]');
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  await shot("04-dark");

  await serviceWorkerControls(page);
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await paste(page, dcos.token);
  await page.locator('[data-testid="payload-json"]').waitFor();
  await shot("05-offline-reload");
  await context.close();
});
