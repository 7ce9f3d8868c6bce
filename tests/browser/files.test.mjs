// Issue 12 §5 in a real browser: a file picked or dropped is read in the
// page, never uploaded, and treated as a paste.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { servedApp, openApp, skipUnless, foreignRequests } from "./harness.mjs";

const env = servedApp();
const fixture = (name) => new URL(`../data/files/${name}`, import.meta.url).pathname;

test("a HAR picked with 'Open a file' yields its tokens, named by request, without uploading it", async (t) => {
  if (skipUnless(t, env.browser, "files")) return;
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  const served = env.server.requests.length;
  await page.setInputFiles('[data-testid="open-file"]', fixture("chromium.har"));
  await page.locator('[data-testid="file-read"]').waitFor();
  assert.match(await page.locator('[data-testid="file-read"]').innerText(), /^Read chromium\.har \(\d+ KB\) here in the browser; nothing was uploaded\.$/);
  await page.locator('[data-testid="token-item"]').first().waitFor();
  const listed = (await page.locator('[data-testid="token-item"]').allInnerTexts()).join("\n");
  assert.match(listed, /HAR entry GET http:\/\/127\.0\.0\.1:\d+\/api\/orders/);
  assert.deepEqual(await foreignRequests(t, context, page, env.server.origin), [], "nothing left the page");
  assert.deepEqual(env.server.requests.slice(served).filter((p) => p.startsWith("/api")), [], "no URL in the HAR was fetched");
  assert.ok(context.requests.every((r) => r.method === "GET"), "nothing was sent");
  assert.deepEqual(problems, []);
});

test("a Docker config.json dropped on the paste panel names the registry and user, never the password", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const text = readFileSync(fixture("docker-config.json"), "utf8");
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], "config.json", { type: "application/json" }));
    const panel = document.querySelector(".paste-panel");
    panel.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await page.locator('[data-testid="file-read"]').waitFor();
  const notices = await page.locator('[data-testid="notice"]').allInnerTexts();
  assert.ok(notices.some((n) => n.includes('Basic credentials for user "alice"')), notices.join(" | "));
  const analysis = await page.locator(".analysis").innerText();
  assert.ok(!analysis.includes("s3cret-password"), "the analysis never shows the password");
  assert.deepEqual(problems, []);
});

test("a kubeconfig dropped on the page names each token by kubeconfig user and context", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const text = readFileSync(fixture("kubeconfig.yaml"), "utf8");
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], "config", { type: "text/yaml" }));
    document.querySelector(".paste-panel").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await page.locator('[data-testid="token-item"]').first().waitFor();
  await page.locator('[data-testid="pending"]').waitFor({ state: "detached" });
  const listed = (await page.locator('[data-testid="token-item"]').allInnerTexts()).join("\n");
  assert.match(listed, /token of kubeconfig user deployer \(context dev-deployer\)/);
  assert.match(listed, /auth-provider id-token of kubeconfig user alice-oidc/);
  const notices = (await page.locator('[data-testid="notice"]').allInnerTexts()).join("\n");
  assert.match(notices, /aws eks get-token --cluster-name prod/);
  assert.deepEqual(problems, []);
});
