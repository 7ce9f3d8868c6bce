// The worker protocol (src/analysis/job.rs) spoken to the real Web Worker
// of the release build: replies are JSON (`"ready"`, `{"result": …}`,
// `{"bench": …}`, `{"error": "…"}`), requests the array `[json]` or
// `[json, paste]`, and whatever else arrives is answered with an error in
// words.

import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, rfcExamples, openApp, pasteLarge } from "./harness.mjs";
import { bulkRs256 } from "../../scripts/bulk-tokens.mjs";

const env = servedApp();

/** Starts the page's worker, waits for `ready`, posts each message in turn and returns the parsed replies. */
async function converse(page, messages) {
  return page.evaluate(async (messages) => {
    const worker = new Worker(document.querySelector("script[data-worker]").dataset.worker);
    const replies = [];
    await new Promise((resolve) => {
      worker.onmessage = (e) => {
        const reply = JSON.parse(e.data);
        if (reply !== "ready") replies.push(reply);
        if (replies.length === messages.length) resolve();
        else worker.postMessage(messages[replies.length]);
      };
    });
    worker.terminate();
    return replies;
  }, messages);
}

test("the worker answers jobs, the benchmark, and refuses what it cannot read, in words", async () => {
  const a2 = rfcExamples()["RFC 7515 A.2"];
  const { page, context, problems } = await openApp(env.browser, env.server.url);
  const job = { id: 7, key_text: JSON.stringify(a2.jwk) };
  const replies = await converse(page, [
    [JSON.stringify({ analyse: job }), `Authorization: Bearer ${a2.jws}`],
    [JSON.stringify({ "bench-verify": { token: a2.jws, key: JSON.stringify(a2.jwk), batches: 2, per_batch: 1 } })],
    ["not json"],
    JSON.stringify({ analyse: job }),
    [JSON.stringify({ analyse: job }), 42],
  ]);
  const [result, bench, unreadable, bare, numberPaste] = replies;
  assert.equal(result.result.id, 7);
  assert.equal(result.result.report.tokens[0].signature.status, "valid");
  assert.equal(bench.bench.batch_ms.length, 2);
  assert.equal(bench.bench.all_valid, true);
  assert.match(unreadable.error, /^the page sent a request the worker cannot read: /);
  for (const reply of [bare, numberPaste]) {
    assert.deepEqual(reply, { error: "the page sent a message the worker does not understand" });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// 600 RS256 tokens (minted by scripts/bulk-tokens.mjs) make a paste over
// the page's 256 KB light-analysis limit, so the page has nothing to show
// until the worker answers.
const long = bulkRs256(600);

test("a long paste is answered twice: its first screenful, then the whole list", async () => {
  assert.ok(long.text.length > 256 * 1024, `${long.text.length} characters`);
  const { page, context, problems } = await openApp(env.browser, env.server.url);
  const replies = await page.evaluate(async ({ text, jwks }) => {
    const worker = new Worker(document.querySelector("script[data-worker]").dataset.worker);
    const seen = [];
    await new Promise((resolve) => {
      worker.onmessage = (e) => {
        const reply = JSON.parse(e.data);
        if (reply === "ready") {
          worker.postMessage([JSON.stringify({ analyse: { id: 3, key_text: jwks, now: 1767225600 } }), text]);
          return;
        }
        if (!reply.result) {
          seen.push(reply);
          resolve();
          return;
        }
        const { id, partial, report } = reply.result;
        seen.push({
          id, partial: Boolean(partial), listed: report.tokens.length, total: report.total_tokens,
          verdicts: [...new Set(report.tokens.map((t) => t.signature.status))],
          detailed: report.tokens.filter((t) => !t.summary_only).length,
        });
        if (!partial) resolve();
      };
    });
    worker.terminate();
    return seen;
  }, long);
  assert.deepEqual(replies, [
    { id: 3, partial: true, listed: 40, total: 600, verdicts: ["valid"], detailed: 1 },
    { id: 3, partial: false, listed: 500, total: 600, verdicts: ["valid"], detailed: 1 },
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the page shows a long paste's first screenful while the rest is analysed", async (t) => {
  const { page, context, problems } = await openApp(env.browser, env.server.url);
  await page.fill('[data-testid="key"]', long.jwks);
  await page.locator('[data-testid="key-summary"]').first().waitFor();
  // Every change to the list, as (items, of them verified, pending shown).
  await page.evaluate(() => {
    window.listStates = new Promise((resolve) => {
      const states = [];
      const note = () => {
        const items = [...document.querySelectorAll('[data-testid="token-item"]')];
        const state = [items.length, items.filter((i) => i.dataset.verdict === "valid").length, Boolean(document.querySelector('[data-testid="pending"]'))];
        if (JSON.stringify(state) !== JSON.stringify(states.at(-1))) states.push(state);
        if (items.length === 500 && !state[2]) resolve(states);
      };
      new MutationObserver(note).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  });
  await pasteLarge(t, env.browser, page, long.text);
  const states = await page.evaluate(() => window.listStates);
  const withItems = states.filter(([items]) => items > 0);
  assert.deepEqual(withItems[0], [40, 40, true], `the first screenful, verified, while the rest is pending: ${JSON.stringify(states)}`);
  assert.deepEqual(withItems.at(-1), [500, 500, false]);
  assert.ok(withItems.every(([items], i) => i === 0 || items >= withItems[i - 1][0]), `the list never shrinks: ${JSON.stringify(withItems)}`);
  assert.match(await page.locator(".token-list .panel-title").innerText(), /^600 tokens found$/);
  // A key change re-analyses the same paste: the list stays whole.
  await page.evaluate(() => {
    window.fewest = new Promise((resolve) => {
      let fewest = Infinity;
      let pendingSeen = false;
      new MutationObserver(() => {
        fewest = Math.min(fewest, document.querySelectorAll('[data-testid="token-item"]').length);
        const pending = Boolean(document.querySelector('[data-testid="pending"]'));
        pendingSeen ||= pending;
        if (pendingSeen && !pending) resolve(fewest);
      }).observe(document.body, { childList: true, subtree: true });
    });
  });
  await page.fill('[data-testid="key"]', `${long.jwks}\n`);
  assert.equal(await page.evaluate(() => window.fewest), 500);
  assert.deepEqual(problems, []);
  await context.close();
});
