// Where the time goes between pasting 1,000 RS256 tokens (a 3-key JWKS
// in the key box) and the list shown with every verdict: when the page
// posts the job to its worker, the worker's reply and its size, the time
// to handle it, main-thread long tasks, and when the list is complete.
// Figures in docs/benchmarks.md. Usage: node scripts/bulk-profile.mjs [dist]

import { startServer, launchPlaywright } from "../tests/browser/harness.mjs";
import { bulkRs256 } from "./bulk-tokens.mjs";
const server = await startServer(process.argv[2] ? (await import("node:path")).resolve(process.argv[2]) : undefined);
const browser = await launchPlaywright();
const { jwks, text: bulk } = bulkRs256();
const context = await browser.newContext();
const page = await context.newPage();
await page.addInitScript(() => {
  window.__t = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m) { window.__t.push(["post", performance.now(), (typeof m[0] === "string" ? m[0].length : 0) + (typeof m[1] === "string" ? m[1].length : 0)]); return post.call(this, m); };
  const add = Worker.prototype.addEventListener;
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, "onmessage");
  Object.defineProperty(Worker.prototype, "onmessage", { set(f) { desc.set.call(this, (e) => { window.__t.push(["reply", performance.now(), typeof e.data === "string" ? e.data.length : 0]); const r = f(e); window.__t.push(["handled", performance.now()]); return r; }); }, get() { return desc.get.call(this); } });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__t.push(["longtask", e.startTime, e.duration]))).observe({ type: "longtask" });
});
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
await page.fill('[data-testid="key"]', jwks);
await page.waitForTimeout(800);
const r = await page.evaluate((text) => new Promise((done) => {
  window.__t = [];
  const area = document.querySelector('[data-testid="paste"]');
  const start = performance.now();
  window.__t.push(["start", start]);
  let listedAt;
  const poll = () => {
    const items = document.querySelectorAll('[data-testid="token-item"]');
    if (items.length === 500 && !listedAt) { listedAt = performance.now(); window.__t.push(["listed", listedAt]); }
    if (items.length === 500 && !document.querySelector('[data-testid="pending"]') && [...items].every((i) => i.dataset.verdict === "valid")) { window.__t.push(["verdicts", performance.now()]); done(window.__t.map(([k, t, x]) => [k, +(t - start).toFixed(1), x])); }
    else requestAnimationFrame(poll);
  };
  const data = new DataTransfer(); data.setData("text/plain", text); area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  requestAnimationFrame(poll);
}), bulk);
console.log(r.map((x) => x.join(" ")).join("\n"));
await browser.close(); await server.close();
