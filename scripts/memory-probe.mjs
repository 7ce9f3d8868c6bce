// The page's memory around 10 MB pastes: the page wasm's memory and the JS
// heap (after a forced GC) at the start, after a 10 MB paste of 100,000
// tokens, after "Clear", and over three more paste-and-clear rounds, to
// see whether memory is released and reused. WebAssembly memory never
// shrinks, so "released" means later pastes do not grow it.
// Usage: node scripts/memory-probe.mjs (after a release build in dist/)

import { startServer, launchPlaywright } from "../tests/browser/harness.mjs";
const server = await startServer();
const browser = await launchPlaywright();
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
const cdp = await context.newCDPSession(page);
await cdp.send("Performance.enable");
const heap = async () => { await cdp.send("HeapProfiler.collectGarbage"); return (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "JSHeapUsedSize").value; };
const b64 = (s) => Buffer.from(s).toString("base64url");
const lines = []; for (let i = 0; i < 100000; i++) lines.push(`${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(JSON.stringify({ n: i, exp: 4102444800 }))}.${Buffer.alloc(32, 3).toString("base64url")}`);
const text = lines.join("\n").slice(0, 10 * 1024 * 1024);
const mem = () => page.evaluate(() => window.jwtInspectorMemory?.buffer.byteLength);
console.log("start", await mem(), await heap());
await page.evaluate((t) => { const d = new DataTransfer(); d.setData("text/plain", t); document.querySelector('[data-testid="paste"]').dispatchEvent(new ClipboardEvent("paste", { clipboardData: d, bubbles: true, cancelable: true })); }, text);
await page.locator('[data-testid="notice"][data-notice-id="tokens-truncated"]').waitFor({ timeout: 120000 });
await page.waitForTimeout(1000);
console.log("after 10 MB", await mem(), await heap());
await page.click('[data-testid="clear-paste"]');
await page.waitForTimeout(1000);
console.log("after clear", await mem(), await heap());
for (let round = 1; round <= 3; round++) {
  const other = text.replace(/^eyJ/, "eyJ") + "\n" + round;
  await page.evaluate((t) => { const d = new DataTransfer(); d.setData("text/plain", t); document.querySelector('[data-testid="paste"]').dispatchEvent(new ClipboardEvent("paste", { clipboardData: d, bubbles: true, cancelable: true })); }, other);
  await page.locator('[data-testid="large-paste"]').waitFor({ timeout: 120000 });
  await page.locator('[data-testid="notice"][data-notice-id="tokens-truncated"]').waitFor({ timeout: 120000 });
  await page.waitForTimeout(500);
  const during = await mem();
  await page.click('[data-testid="clear-paste"]');
  await page.locator('[data-testid="large-paste"]').waitFor({ state: "detached" });
  await page.waitForTimeout(500);
  console.log("round", round, during, await mem(), await heap());
}
await browser.close(); await server.close();
