// What the worker's own warm-up (src/worker.rs, 50 ms after it starts)
// buys the first large analysis: in fresh pages, a new worker analyses the
// 1,000 RS256 tokens of scripts/bulk-tokens.mjs (the `bench-analyse`
// request, RSA checks by WebCrypto) either as soon as it is ready (the
// warm-up waits behind the request: cold) or half a second later (warmed).
// Usage: node scripts/worker-warm-up.mjs [DIST]   (after a release build)

import { resolve } from "node:path";
import { startServer, launchPlaywright } from "../tests/browser/harness.mjs";
import { bulkRs256 } from "./bulk-tokens.mjs";

const server = await startServer(resolve(process.argv[2] ?? "dist"));
const browser = await launchPlaywright();
const { jwks, text } = bulkRs256();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = { cold: [], warmed: [] };
for (let i = 0; i < 5; i++) {
  for (const [name, waitMs] of [["cold", 0], ["warmed", 500]]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
    runs[name].push(await page.evaluate(async ({ text, jwks, waitMs }) => {
      const worker = new Worker(document.querySelector("script[data-worker]").dataset.worker);
      await new Promise((ready) => { worker.onmessage = (e) => JSON.parse(e.data) === "ready" && ready(); });
      await new Promise((later) => setTimeout(later, waitMs));
      const ms = await new Promise((done, fail) => {
        worker.onmessage = (e) => {
          const reply = JSON.parse(e.data);
          if (reply.bench?.all_valid) done(reply.bench.batch_ms[0]);
          else fail(new Error(e.data));
        };
        worker.postMessage([JSON.stringify({ "bench-analyse": { webcrypto: true, job: { id: 1, input: text, key_text: jwks, now: 1767225600 } } })]);
      });
      worker.terminate();
      return ms;
    }, { text, jwks, waitMs }));
    await context.close();
  }
}
for (const [name, ms] of Object.entries(runs)) {
  console.log(`first analysis of 1,000 RS256 tokens by a new worker, ${name}: median ${median(ms).toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(", ")})`);
}
await browser.close();
await server.close();
