// The worker protocol (src/analysis/job.rs) spoken to the real Web Worker
// of the release build: replies are JSON (`"ready"`, `{"result": …}`,
// `{"bench": …}`, `{"error": "…"}`), requests the array `[json]` or
// `[json, paste]`, and whatever else arrives is answered with an error in
// words.

import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, rfcExamples, openApp } from "./harness.mjs";

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
