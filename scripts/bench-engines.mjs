// Load and paste → paint in each browser engine the suite runs in
// (Chromium, Firefox ESR, WebKitGTK), through the tests' engine-neutral
// driver (tests/browser/harness.mjs), and printed as one Markdown table
// with a column per engine. Every figure is measured in the page by the
// engine's own clock, so the driver's round trips do not count.
//
// Usage: node scripts/bench-engines.mjs [dist]   (scripts/bench.sh runs it)

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

const ENGINES = ["chromium", "firefox", "webkit"];
const RUNS = 10;
const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const dist = resolve(process.argv.find((a, i) => i > 1 && !a.startsWith("--")) || "dist");

/** One engine, in this process (BROWSER_ENGINE chooses the adapter). */
async function measureEngine() {
  const { startServer, launchBrowser } = await import("../tests/browser/harness.mjs");
  const server = await startServer(dist);
  const browser = await launchBrowser();
  const enc = (s) => Buffer.from(s).toString("base64url");
  const token = (n) => `${enc('{"alg":"HS256","typ":"JWT"}')}.${enc(JSON.stringify({ sub: `eight-${n}`, exp: 4102444800, roles: "r".repeat(5900 + n) }))}.${Buffer.alloc(32, 3).toString("base64url")}`;
  // Paste → the payload's text in the DOM → the next frame, in the page.
  const pastePainted = ({ text, marker }) => new Promise((done) => {
    const area = document.querySelector('[data-testid="paste"]');
    const shown = () => document.querySelector('[data-testid="payload-json"]')?.textContent.includes(marker);
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      const dom = performance.now() - start;
      requestAnimationFrame(() => done({ dom, painted: performance.now() - start }));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set.call(area, text);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const ready = () => performance.getEntriesByName("app-ready").length > 0;
  const result = { version: browser.version, fcp: [], ready: [], first: [], later: [], frame: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(ready);
      const load = await page.evaluate(() => ({
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        ready: performance.getEntriesByName("app-ready")[0].startTime,
      }));
      if (load.fcp !== null) result.fcp.push(load.fcp);
      result.ready.push(load.ready);
      // A person's paste comes some time after the page appears; half a
      // second after the app started (its warm-up runs 50 ms after).
      await page.waitForTimeout(500);
      result.first.push(await page.evaluate(pastePainted, { text: token(0), marker: "eight-0" }));
      if (i === 0) {
        for (let n = 1; n <= RUNS * 2; n++) result.later.push(await page.evaluate(pastePainted, { text: token(n % 2), marker: `eight-${n % 2}` }));
      }
      // The engine's frame interval here: two frames, halved.
      result.frame.push(await page.evaluate(() => new Promise((done) => {
        const start = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => done((performance.now() - start) / 2)));
      })));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return result;
}

if (process.argv.includes("--engine-child")) {
  process.stdout.write(JSON.stringify(await measureEngine()));
} else {
  const results = {};
  for (const engine of ENGINES) {
    try {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--engine-child", dist], {
        env: { ...process.env, BROWSER_ENGINE: engine },
        stdio: ["ignore", "pipe", "inherit"],
        timeout: 600_000,
      });
      results[engine] = JSON.parse(out);
    } catch (error) {
      results[engine] = { error: String(error.message).split("\n")[0] };
    }
  }
  const cell = (engine, pick) => (results[engine].error ? "failed" : pick(results[engine]));
  const ms = (xs, digits = 0) => (xs.length ? `${median(xs).toFixed(digits)} ms` : "not reported");
  const rows = [
    ["engine", (r) => r.version],
    [`first contentful paint, median of ${RUNS} fresh pages`, (r) => ms(r.fcp)],
    [`app ready (wasm started, first render), median of ${RUNS}`, (r) => ms(r.ready)],
    [`paste → payload painted, 8 KB token, first paste in a fresh page / later pastes, medians of ${RUNS} / ${RUNS * 2}`, (r) => `${ms(r.first.map((x) => x.painted), 1)} / ${ms(r.later.map((x) => x.painted), 1)}`],
    ["  of which: paste → payload text in the DOM, first / later", (r) => `${ms(r.first.map((x) => x.dom), 1)} / ${ms(r.later.map((x) => x.dom), 1)}`],
    [`  the engine's frame interval on this machine (two rAF, halved), median of ${RUNS}`, (r) => ms(r.frame, 1)],
  ];
  console.log(`| metric | ${ENGINES.join(" | ")} |`);
  console.log(`|---|${ENGINES.map(() => "---").join("|")}|`);
  for (const [name, pick] of rows) console.log(`| ${name} | ${ENGINES.map((e) => cell(e, pick)).join(" | ")} |`);
  for (const engine of ENGINES) if (results[engine].error) console.error(`${engine}: ${results[engine].error}`);
}
