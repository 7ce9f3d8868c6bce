// Issue #5 in a real browser: nothing leaves the page (requests, storage,
// URL), sharing happens only when asked, the page works offline after one
// visit, the theme toggles, everything is keyboard operable, and axe-core
// finds no WCAG 2.1 AA violation.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { servedApp, openApp, paste, vector, foreignRequests, skipUnless, DIST, ROOT, waitForApp, serviceWorkerControls } from "./harness.mjs";

const env = servedApp();

const staticFiles = new Set(["/", ...readdirSync(DIST).map((f) => `/${f}`)]);

test("privacy: paste, verify, switch, settings — no request leaves, nothing is stored, the URL is unchanged", async (t) => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const served = env.server.requests.length;
  await page.goto(env.server.url);
  await waitForApp(page);
  const startUrl = await page.url();

  const dcos = vector("vendors/dcos/out-of-band-verification.json");
  const registry = vector("vendors/registry/seed-icp-image-manager-response.json");
  await paste(page, `${registry.paste}\nAuthorization: token=${dcos.token}\n`);
  await page.fill('[data-testid="key"]', JSON.stringify(dcos.jwks));
  await page.locator('[data-testid="token-item"]').nth(1).click();
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
  await page.fill('[data-testid="secret"]', "a secret that must not be stored anywhere");
  await page.selectOption('[data-testid="secret-encoding"]', "hex");
  await page.fill('[data-testid="leeway"]', "30");
  await page.click('[data-testid="theme-toggle"]');
  await page.selectOption('[data-testid="examples"]', "auth0");
  await page.locator('[data-testid="vendor"][data-vendor]').first().waitFor();
  await page.waitForTimeout(1_500); // let countdowns tick and any stray request happen

  assert.deepEqual(await foreignRequests(t, context, page, env.server.origin), [], "requests to other origins");
  // The server hears every request for this origin, whatever the engine.
  const unknown = env.server.requests.slice(served).filter((p) => !staticFiles.has(p));
  assert.deepEqual(unknown, [], "requests for anything but the page's own static files");
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
    databases: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, cookies: "", databases: 0 });
  assert.equal(await page.url(), startUrl);
  await context.close();
});

test("the CSP forbids connections to other origins and inline scripts", async () => {
  const { page } = await openApp(env.browser, env.server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const blocked = await page.evaluate(async () => {
    try {
      await fetch("https://example.com/exfiltrate");
      return false;
    } catch {
      return true;
    }
  });
  assert.ok(blocked, "a cross-origin fetch must fail");
  assert.equal(await page.locator("script:not([src])").count(), 0, "no inline scripts");
});

test("share puts the token in the fragment only when asked, with a warning, and the link reopens it", async () => {
  const fixture = vector("vendors/dcos/seed-authorization-header.json");
  const { page, context } = await openApp(env.browser, env.server.url);
  await paste(page, fixture.paste);
  await page.locator('[data-testid="token-item"]').waitFor();
  assert.equal(new URL(await page.url()).hash, "");
  await page.click('[data-testid="share"]');
  await page.locator('[data-testid="share-warning"]').waitFor();
  assert.match(await page.locator('[data-testid="share-warning"]').innerText(), /contains the token itself/);
  const shared = await page.url();
  assert.equal(new URL(shared).hash, `#token=${fixture.expect.token}`);
  const second = await context.newPage();
  await second.goto(shared);
  await second.locator('[data-testid="payload-json"]').waitFor();
  assert.equal(await second.locator('[data-testid="paste"]').inputValue(), fixture.expect.token);
  // jwt.io-style fragments open too.
  const third = await context.newPage();
  await third.goto(`${env.server.url}#id_token=${fixture.expect.token}&state=xyz`);
  await third.locator('[data-testid="payload-json"]').waitFor();
  assert.deepEqual(JSON.parse(await third.locator('[data-testid="payload-json"]').innerText()), fixture.expect.payload);
});

test("offline: after one visit the page reloads with no network and still inspects tokens", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForApp(page);
  await serviceWorkerControls(page);
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page, 15_000);
  await paste(page, vector("vendors/dcos/seed-authorization-header.json").paste);
  await page.locator('[data-testid="payload-json"]').waitFor();
  assert.match(await page.locator('[data-testid="payload-json"]').innerText(), /bootstrapuser/);
  await context.close();
});

test("theme toggles between light and dark, and the page is keyboard operable", async (t) => {
  if (skipUnless(t, env.browser, "keyboard")) return;
  const { page } = await openApp(env.browser, env.server.url, { colorScheme: "light" });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.click('[data-testid="theme-toggle"]');
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  assert.notEqual(await background(), light);
  await page.click('[data-testid="theme-toggle"]');
  assert.equal(await background(), light);

  const dcos = vector("vendors/dcos/out-of-band-verification.json");
  await paste(page, `${dcos.token}\n\n${vector("vendors/dcos/seed-authorization-header.json").paste}`);
  await page.locator('[data-testid="token-item"]').nth(1).waitFor();
  await page.locator('[data-testid="token-item"]').first().focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator('[data-testid="token-item"]').nth(1).getAttribute("aria-pressed"), "true");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "the focused element shows a focus ring");
});

async function axe(page) {
  await page.addScriptTag({ path: join(ROOT, "node_modules/axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

test("axe-core: no WCAG 2.1 AA violations, empty and full, in both themes", async () => {
  for (const colorScheme of ["light", "dark"]) {
    // Light as the system's choice, dark by the page's own toggle, so
    // every engine (emulation or not) checks both.
    const context = await env.browser.newContext({ colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForApp(page);
    if (colorScheme === "dark") await page.click('[data-testid="theme-toggle"]');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--bg").trim());
    assert.equal(background, { light: "#f6f7f9", dark: "#111418" }[colorScheme], `${colorScheme} theme in effect`);
    assert.deepEqual(await axe(page), [], `${colorScheme}, empty page`);
    for (const example of ["docker-registry", "auth0", "keystone-pki"]) {
      await page.selectOption('[data-testid="examples"]', example);
      await page.locator('[data-testid="vendor"]').waitFor();
      await page.click('[data-testid="share"]');
      assert.deepEqual(await axe(page), [], `${colorScheme}, ${example}`);
    }
    // The encoder, open, with a key, a token, its public forms, the
    // private key shown and the refusal set made.
    await page.selectOption('[data-testid="examples"]', "dcos");
    await page.locator('[data-testid="vendor"]').waitFor();
    await page.click('[data-testid="edit-and-sign"]');
    await page.locator('[data-testid="encoder"]').waitFor({ state: "visible", timeout: 30_000 });
    await page.click('[data-testid="generate-key"]');
    await page.locator('[data-testid="encoded-token"]').waitFor({ timeout: 60_000 });
    await page.click('[data-testid="show-private-key"]');
    await page.click(".refusals summary");
    await page.click('[data-testid="make-refusals"]');
    await page.locator('[data-testid="refusal-list"]').waitFor({ timeout: 30_000 });
    await page.fill('[data-testid="encoder-payload"]', "{");
    await page.locator('[data-testid="encoder-payload-problem"]').waitFor();
    assert.deepEqual(await axe(page), [], `${colorScheme}, encoder`);
    // A JWE in the JSON serialization, decrypted: banner, headers apart.
    await page.click('[data-testid="encoder-close"]');
    const jwe = vector("rfc/jwe_examples.json");
    await paste(page, jwe.rfc7516_a4.json);
    await page.fill('[data-testid="key"]', jwe.rfc7516_a3.jwk_json);
    await page.locator('[data-testid="decryption"][data-status="decrypted"]').waitFor({ timeout: 30_000 });
    assert.deepEqual(await axe(page), [], `${colorScheme}, decrypted JWE`);
    await context.close();
  }
});
