// The benchmark harness: measures the release build in headless Chromium
// and prints one table. Usage: node scripts/bench.mjs [dist]
// (scripts/bench.sh builds first and adds the native criterion benches).

import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { startServer, launchPlaywright, vector } from "../tests/browser/harness.mjs";

const dist = resolve(process.argv[2] || "dist");
const rows = [];
const row = (metric, value, target, ok) => rows.push({ metric, value, target, verdict: ok === undefined ? "" : ok ? "met" : "MISSED" });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// --- bytes on the wire ---------------------------------------------------
const files = readdirSync(dist);
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const raw = (f) => readFileSync(join(dist, f)).length;
const mainWasm = files.find((f) => /^jwt-inspector-web-.*_bg\.wasm$/.test(f));
const initial = files.filter((f) => /\.(html|css|svg)$/.test(f) || f === "boot.js" || /^jwt-inspector-web-/.test(f));
const onDemand = files.filter((f) => /^jwt-inspector-worker/.test(f) || f === "worker-loader.js" || f === "tokens.json");
const encoderFiles = files.filter((f) => /^jwt-inspector-encoder/.test(f));
const initialGz = initial.reduce((n, f) => n + gz(f), 0);
row("first download, gzip (html + js + wasm + css + icon)", kb(initialGz), "≤ 300 KB", initialGz <= 300 * 1024);
row("  page wasm (light core + UI), raw / gzip", `${kb(raw(mainWasm))} / ${kb(gz(mainWasm))}`, "");
row("  full-analysis worker, fetched on demand (js + wasm + loader + examples), gzip", kb(onDemand.reduce((n, f) => n + gz(f), 0)), "");
row("  encoder module, fetched when first opened (js + wasm), gzip", kb(encoderFiles.reduce((n, f) => n + gz(f), 0)), "");

const server = await startServer(dist);
const browser = await launchPlaywright();
try {
  /** A new context whose page has loaded the app and seen it start. */
  const startedPage = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
    return { context, page };
  };
  /** Reads a page's Chromium Performance metrics by name (CDP). */
  const metricsOf = async (context, page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    return {
      cdp,
      metric: async (name) => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === name).value,
    };
  };
  const b64 = (s) => Buffer.from(s).toString("base64url");
  /** An HS256-shaped token with a fixed signature, carrying `payload`. */
  const hs256 = (payload) => `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(JSON.stringify(payload))}.${Buffer.alloc(32, 3).toString("base64url")}`;

  // --- load, as a person sees it (issue 15) ----------------------------------
  // Each of 10 fresh contexts: first contentful paint (the browser's own
  // paint timing), the moment the paste box is in the page and enabled (a
  // MutationObserver installed before any script), and app ready.
  const loads = [];
  for (let i = 0; i < 10; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen = () => {
        const box = document.querySelector('[data-testid="paste"]');
        if (box && !box.disabled && window.benchPasteBoxAt === undefined) window.benchPasteBoxAt = performance.now();
      };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0 && window.benchPasteBoxAt !== undefined
      && performance.getEntriesByName("first-contentful-paint").length > 0);
    loads.push(await page.evaluate(() => ({
      fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime,
      box: window.benchPasteBoxAt,
      ready: performance.getEntriesByName("app-ready")[0].startTime,
    })));
    await context.close();
  }
  const [fcp, box, ready] = ["fcp", "box", "ready"].map((k) => median(loads.map((l) => l[k])));
  row("load: first contentful paint, median of 10 fresh pages", `${fcp.toFixed(0)} ms`, "≤ 150 ms", fcp <= 150);
  row("load: paste box in the page and accepting input, median of 10", `${box.toFixed(0)} ms`, "≤ 150 ms", box <= 150);
  row("load: app ready (wasm started, first render done), median of 10", `${ready.toFixed(0)} ms`, "≤ 250 ms", ready <= 250);

  // --- paste → payload painted (issue 15) ------------------------------------
  // The time from the paste to the payload's text in the DOM and the next
  // frame (requestAnimationFrame after the mutation): the first paste in a
  // fresh page (median of 20 fresh pages), and later pastes in one page
  // (median of 20, alternating two texts so each is a change).
  const jwtio = vector("vendors/jwtio/debugger-examples.json");
  const jwtioHs256 = JSON.stringify(jwtio).match(/eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/)[0];
  const inputs = [
    ["jwt.io's HS256 example", [[jwtioHs256, "John Doe"], [hs256({ sub: "1234567891", name: "Jane Roe", iat: 1516239022 }), "Jane Roe"]]],
    ["an 8 KB token", [0, 1].map((n) => [hs256({ sub: `eight-${n}`, exp: 4102444800, roles: "r".repeat(5900 + n) }), `eight-${n}`])],
    ["a three-token login reply", [0, 1].map((n) => [JSON.stringify({
      access_token: hs256({ sub: `login-${n}`, scope: "openid", exp: 4102444800 }),
      id_token: hs256({ sub: `login-${n}`, aud: "client", exp: 4102444800 }),
      refresh_token: hs256({ sub: `login-${n}`, typ: "Refresh" }),
      token_type: "Bearer", expires_in: 300,
    }, null, 2), `login-${n}`])],
  ];
  const pastePainted = (page, text, marker) => page.evaluate(({ text, marker }) => new Promise((resolve) => {
    const area = document.querySelector('[data-testid="paste"]');
    const shown = () => document.querySelector('[data-testid="payload-json"]')?.textContent.includes(marker);
    const start = performance.now();
    const finish = () => requestAnimationFrame(() => resolve(performance.now() - start));
    const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); finish(); } });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    area.value = text;
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }), { text, marker });
  for (const [name, variants] of inputs) {
    const first = [];
    for (let i = 0; i < 20; i++) {
      const { context, page } = await startedPage();
      // A person's paste comes some time after the page appears; half a
      // second after the app started (its warm-up runs 50 ms after).
      await page.waitForTimeout(500);
      first.push(await pastePainted(page, ...variants[0]));
      await context.close();
    }
    const { context, page } = await startedPage();
    await pastePainted(page, ...variants[0]);
    const later = [];
    for (let i = 0; i < 20; i++) later.push(await pastePainted(page, ...variants[(i + 1) % 2]));
    await context.close();
    const [f, l] = [median(first), median(later)];
    row(`paste → payload painted, ${name}: first paste in a fresh page / later pastes, medians of 20`, `${f.toFixed(1)} ms / ${l.toFixed(1)} ms`, "≤ 16 ms / ≤ 4 ms", f <= 16 && l <= 4);
  }

  // --- bulk verification (issue 15 §4) ---------------------------------------
  // 1,000 RS256 tokens (each with its kid) and a JWKS of three RSA keys,
  // minted here with node:crypto. The key goes in first; then the paste →
  // the list rendered with every listed token's verdict ("✓ verified"),
  // median of 5 fresh pages. And the worker's full analysis of the same
  // job alone, its RSA checks made by WebCrypto or in wasm, median of 5.
  {
    const { jwks, text: bulk } = (await import("./bulk-tokens.mjs")).bulkRs256();
    const listed = [];
    for (let i = 0; i < 5; i++) {
      const { context, page } = await startedPage();
      await page.fill('[data-testid="key"]', jwks);
      await page.waitForTimeout(500); // the worker has started and read the keys
      listed.push(await page.evaluate((text) => new Promise((done) => {
        const area = document.querySelector('[data-testid="paste"]');
        const start = performance.now();
        // Painted: the first screenful of the list (20 items; the worker
        // answers for the first 40 first), then all 500, each with its
        // verdict and the analysis no longer pending.
        const shown = (count) => {
          const items = [...document.querySelectorAll('[data-testid="token-item"]')].slice(0, count);
          return items.length === count && items.every((item) => item.dataset.verdict === "valid")
            && (count < 500 || !document.querySelector('[data-testid="pending"]'));
        };
        // Polled in each animation frame, so a time is taken in the frame
        // that paints what it sees (as the paste rows above do).
        let screenful;
        const poll = () => {
          if (screenful === undefined && shown(20)) screenful = performance.now() - start;
          if (shown(500)) done({ screenful, all: performance.now() - start });
          else requestAnimationFrame(poll);
        };
        // A person's Ctrl+V: a paste event (the page keeps a large paste
        // without laying it all out in the box).
        const data = new DataTransfer();
        data.setData("text/plain", text);
        area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        requestAnimationFrame(poll);
      }), bulk));
      await context.close();
    }
    const { context, page } = await startedPage();
    const paths = await page.evaluate(async ({ text, jwks }) => {
      const worker = new Worker(document.querySelector("script[data-worker]").dataset.worker);
      const ask = (webcrypto) => new Promise((resolve, reject) => {
        worker.onmessage = (e) => {
          const reply = JSON.parse(e.data);
          if (reply.bench) resolve(reply.bench);
          else if (reply !== "ready") reject(new Error(e.data));
        };
        worker.postMessage([JSON.stringify({ "bench-analyse": { webcrypto, job: { id: 1, input: text, key_text: jwks, now: 1767225600 } } })]);
      });
      await new Promise((r) => { worker.onmessage = (e) => JSON.parse(e.data) === "ready" && r(); });
      const out = { webcrypto: [], wasm: [], valid: true };
      for (let i = 0; i < 5; i++) {
        for (const path of ["webcrypto", "wasm"]) {
          const bench = await ask(path === "webcrypto");
          out[path].push(bench.batch_ms[0]);
          out.valid &&= bench.all_valid;
        }
      }
      worker.terminate();
      return out;
    }, { text: bulk, jwks });
    if (!paths.valid) throw new Error("bulk benchmark: a token did not verify");
    const screenful = median(listed.map((l) => l.screenful));
    const all = median(listed.map((l) => l.all));
    row("paste → 1,000 RS256 tokens (3-key JWKS): the list's first screenful (20 items) painted with their verdicts, median of 5", `${screenful.toFixed(0)} ms`, "≤ 200 ms", screenful <= 200);
    row("  … and all 500 listed items painted with their verdicts", `${all.toFixed(0)} ms`, "");
    row("  the worker's full analysis of those 1,000 tokens alone: RSA checks by WebCrypto / in wasm, medians of 5", `${median(paths.webcrypto).toFixed(0)} ms / ${median(paths.wasm).toFixed(0)} ms`, "");
    await context.close();
  }

  // --- memory around 10 MB pastes (issue 15 §5) ------------------------------
  // The page wasm's memory and the JS heap (after a forced GC) before, and
  // after each of three rounds of a 10 MB paste of 100,000 tokens and
  // "Clear". WebAssembly memory never shrinks: memory is released when
  // later rounds reuse it rather than grow it.
  {
    const { context, page } = await startedPage();
    const { cdp, metric } = await metricsOf(context, page);
    const heap = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      return metric("JSHeapUsedSize");
    };
    const wasm = () => page.evaluate(() => window.jwtInspectorMemory.buffer.byteLength);
    const lines = [];
    for (let i = 0; i < 100_000; i++) lines.push(hs256({ n: i, exp: 4102444800 }));
    const text = lines.join("\n").slice(0, 10 * 1024 * 1024 - 1);
    const mb = (bytes) => (bytes / 1048576).toFixed(1);
    const before = await wasm();
    const rounds = [];
    for (const round of ["A", "B", "C"]) {
      await page.evaluate((t) => {
        const data = new DataTransfer();
        data.setData("text/plain", t);
        document.querySelector('[data-testid="paste"]').dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      }, text + round);
      await page.locator('[data-testid="notice"][data-notice-id="tokens-truncated"]').waitFor({ timeout: 120000 });
      const pasted = await wasm();
      await page.click('[data-testid="clear-paste"]');
      await page.locator('[data-testid="large-paste"]').waitFor({ state: "detached" });
      await page.waitForTimeout(300);
      rounds.push({ pasted, cleared: await wasm(), heap: await heap() });
    }
    const highest = Math.max(...rounds.map((r) => r.cleared));
    row("page wasm memory, 10 MB pastes: before / after the 1st paste / after Clear, 1st, 2nd and 3rd round", `${mb(before)} / ${mb(rounds[0].pasted)} / ${rounds.map((r) => mb(r.cleared)).join(", ")} MB`, "after Clear < 32 MB, not growing", highest < 32 * 1048576 && rounds[2].cleared === rounds[1].cleared);
    row("  JS heap after each Clear (forced GC)", `${rounds.map((r) => mb(r.heap)).join(", ")} MB`, "");
    await context.close();
  }

  const { context, page } = await startedPage();
  const { cdp, metric } = await metricsOf(context, page);

  const stage = async (text) => {
    // Hand the text to the page in its own task, so the transfer from this
    // harness is not counted as the page's work.
    // A large text also goes into the clipboard data the paste event
    // carries, which a real paste fills outside the page's tasks.
    await page.evaluate((t) => {
      window.benchText = t;
      window.benchData = new DataTransfer();
      if (t.length > 256 * 1024) window.benchData.setData("text/plain", t);
    }, text);
    await page.waitForTimeout(100);
  };
  // In-page timing shared by the measurements below: clears the
  // analysis mark, runs `act`, polls `doneAt` every frame until it gives a
  // time, waits `settleMs`, and reports the time taken and the longest
  // main-thread task meanwhile (PerformanceObserver).
  await page.evaluate(() => {
    window.benchMeasure = async (act, doneAt, settleMs = 0) => {
      const longest = { ms: 0 };
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest.ms = Math.max(longest.ms, e.duration))));
      observer.observe({ type: "longtask" });
      performance.clearMarks("analysis-rendered");
      const start = performance.now();
      act();
      let done;
      while ((done = doneAt()) === undefined) await new Promise(requestAnimationFrame);
      await new Promise((r) => setTimeout(r, settleMs));
      observer.disconnect();
      return { ms: done - start, longest: longest.ms };
    };
  });
  /** Pastes `text` and resolves with ms until the analysis is rendered, and the longest task meanwhile.
   *  Large texts arrive as a paste event (what a person's paste fires; the page keeps them without
   *  laying them out in the box), small ones by setting the box and firing input. */
  const pasteTimed = async (text) => {
    await stage(text);
    return page.evaluate(() => {
      const text = window.benchText;
      const area = document.querySelector('[data-testid="paste"]');
      const paste = () => {
        if (text.length > 256 * 1024) {
          area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: window.benchData, bubbles: true, cancelable: true }));
        } else {
          area.value = text;
          area.dispatchEvent(new Event("input", { bubbles: true }));
        }
      };
      return window.benchMeasure(paste, () => performance.getEntriesByName("analysis-rendered")[0]?.startTime, 50);
    });
  };


  const eight = [0, 1].map((n) => hs256({ sub: `user-${n}`, exp: 4102444800, roles: "r".repeat(5900 + n) }));

  // --- 1 MB paste holding 1,000 tokens --------------------------------------
  // Three different pastes (a repeated one would hit the worker's cache).
  const megas = [0, 1, 2].map((run) => {
    const lines = [];
    for (let i = 0; i < 1000; i++) lines.push(`Authorization: Bearer ${hs256({ sub: `user-${run}-${i}`, exp: 4102444800 + i, note: "n".repeat(640) })}`);
    return lines.join("\n");
  });
  const bigs = [];
  for (const mega of megas) bigs.push(await pasteTimed(mega));
  const mega = megas[2];
  const bigMs = median(bigs.map((b) => b.ms));
  const bigLongest = Math.max(...bigs.map((b) => b.longest));
  row(`paste → rendered analysis, ${kb(mega.length)} holding 1,000 tokens, median of 3 (the first also starts the worker: ${bigs[0].ms.toFixed(0)} ms)`, `${bigMs.toFixed(0)} ms`, "≤ 500 ms", bigMs <= 500);
  row("  longest main-thread task meanwhile, worst of 3 (PerformanceObserver)", `${bigLongest.toFixed(0)} ms`, "≤ 200 ms", bigLongest <= 200);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await metric("JSHeapUsedSize");
  const wasmMemory = await page.evaluate(() => window.jwtInspectorMemory?.buffer.byteLength ?? 0);
  row("memory after the 1 MB paste: JS heap / page wasm memory", `${kb(heap)} / ${kb(wasmMemory)}`, "");

  // --- hostile inputs: the page must never block for more than 200 ms -------
  const hostile = [];
  const tenLines = [];
  for (let i = 0; i < 100_000; i++) tenLines.push(`${hs256({ n: i, exp: 4102444800 })}${"#".repeat(i % 3)}`);
  hostile.push(["10 MB paste holding 100,000 tokens", tenLines.join("\n").slice(0, 10 * 1024 * 1024)]);
  hostile.push(["1 MB JSON reply (5,000 members, one token)", JSON.stringify({ token: eight[0], ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field_${i}`, "v".repeat(190)])) })]);
  // A 50 MB HAR (issue 12): 2,000 entries, each a request with a bearer
  // token and a 25 KB response body, the shape a browser exports.
  const harEntry = (i) => ({
    startedDateTime: new Date(1767225600000 + i * 1000).toISOString(),
    request: { method: "GET", url: `https://api.example/items/${i}`, headers: [{ name: "Authorization", value: `Bearer ${hs256({ n: i, exp: 4102444800 })}` }] },
    response: { status: 200, headers: [], content: { mimeType: "application/json", text: JSON.stringify({ items: "x".repeat(25_000) }) } },
  });
  hostile.push(["50 MB HAR (2,000 requests with bearer tokens)", JSON.stringify({ log: { version: "1.2", creator: { name: "bench", version: "1" }, entries: Array.from({ length: 2000 }, (_, i) => harEntry(i)) } })]);
  hostile.push(["JSON nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000)]);
  for (const [name, text] of hostile) {
    const result = await pasteTimed(text);
    row(`${name}: paste → rendered; longest main-thread task`, `${result.ms.toFixed(0)} ms; ${result.longest.toFixed(0)} ms`, "task ≤ 200 ms", result.longest <= 200);
  }
  // Keys: an 8192-bit RSA key, and a JWKS of 1,000 keys, against the RFC 7515 A.2 token.
  const keyTimed = async (text) => {
    await stage(text);
    return page.evaluate(() => {
      const text = window.benchText;
      const box = document.querySelector('[data-testid="key"]');
      const enter = () => {
        box.value = text;
        box.dispatchEvent(new Event("input", { bubbles: true }));
      };
      // Done when the worker's verdict replaced "not checked".
      const verdict = () => document.querySelector('[data-testid="verdict"]')?.dataset.verdict;
      const waiting = () => text && (verdict() === "unchecked" || document.querySelector('[data-testid="pending"]'));
      return window.benchMeasure(enter, () => (waiting() ? undefined : performance.now()));
    });
  };
  const a2Token = vector("rfc/rfc_jws_examples.json").vectors.find((v) => v.rfc === "RFC 7515 A.2");
  await pasteTimed(a2Token.jws);
  const bigKey = vector("wycheproof/rsa_signature_8192_sha256_test.json").testGroups[0].publicKeyPem;
  const randomModulus = (i) => { const n = Buffer.alloc(256, i % 251); n[0] = 0xc1; n[255] |= 1; n.writeUInt32BE(i, 100); return n.toString("base64url"); };
  const jwks = JSON.stringify({ keys: Array.from({ length: 1000 }, (_, i) => ({ kty: "RSA", n: randomModulus(i), e: "AQAB" })) });
  for (const [name, text] of [["8192-bit RSA key", bigKey], ["JWKS of 1,000 RSA keys", jwks]]) {
    const result = await keyTimed(text);
    row(`${name}: key pasted → verdict rendered; longest main-thread task`, `${result.ms.toFixed(0)} ms; ${result.longest.toFixed(0)} ms`, "task ≤ 200 ms", result.longest <= 200);
  }
  await keyTimed("");
  await pasteTimed("");

  // --- countdown tick ---------------------------------------------------------
  for (const count of [1, 50]) {
    const now = Math.floor(Date.now() / 1000);
    const text = Array.from({ length: count }, (_, i) => hs256({ sub: `tick-${i}`, exp: now + 3600 + i })).join("\n");
    await pasteTimed(text);
    await page.waitForTimeout(1_000);
    const before = await metric("ScriptDuration");
    await page.waitForTimeout(5_000);
    const perTick = ((await metric("ScriptDuration")) - before) * 1000 / 5;
    row(`countdown tick, script time per tick, ${count} token${count > 1 ? "s" : ""} listed`, `${perTick.toFixed(2)} ms`, "≤ 1 ms", perTick <= 1);
  }

  // --- the encoder: open, re-sign on an edit, make keys ----------------------
  // Each figure ends at the next frame after the text is in the DOM (what
  // a person sees), polled every frame.
  await page.evaluate(() => {
    window.benchUntilPainted = async (act, shown) => {
      const longest = { ms: 0 };
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest.ms = Math.max(longest.ms, e.duration))));
      observer.observe({ type: "longtask" });
      const start = performance.now();
      act();
      while (!shown()) await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      const ms = performance.now() - start;
      observer.disconnect();
      return { ms, longest: longest.ms };
    };
  });
  const opens = [];
  for (let i = 0; i < 5; i++) {
    const { context: fresh, page: encoderPage } = await startedPage();
    opens.push(await encoderPage.evaluate(() => {
      const open = () => document.querySelector('[data-testid="new-token"]').click();
      const shown = () => document.querySelector('[data-testid="encoder"]')?.open && document.querySelector('[data-testid="encoder-payload"]')?.value;
      return new Promise((r) => requestAnimationFrame(r)).then(() => {
        const measure = async () => {
          const start = performance.now();
          open();
          while (!shown()) await new Promise(requestAnimationFrame);
          await new Promise(requestAnimationFrame);
          return performance.now() - start;
        };
        return measure();
      });
    }));
    await fresh.close();
  }
  row("encoder: first 'New token' click → dialog with its editors painted (loads the module), median of 5 fresh pages", `${median(opens).toFixed(0)} ms`, "");
  await page.click('[data-testid="new-token"]');
  await page.locator('[data-testid="encoder"]').waitFor({ state: "visible" });
  /** Generates a key for `alg` and resolves with the time to the new token painted and the longest task. */
  const keygenTimed = (alg, bits) => page.evaluate(({ alg, bits }) => {
    const select = (id, value) => { const s = document.querySelector(`[data-testid="${id}"]`); s.value = value; s.dispatchEvent(new Event("change", { bubbles: true })); };
    select("key-choice-generate", "on");
    document.querySelector('[data-testid="key-choice-generate"]').click();
    select("encoder-alg", alg);
    return new Promise((r) => setTimeout(r, 50)).then(() => {
      if (bits) select("rsa-bits", String(bits));
      const before = document.querySelector('[data-testid="generated-key"]')?.textContent;
      return window.benchUntilPainted(
        () => document.querySelector('[data-testid="generate-key"]').click(),
        () => { const now = document.querySelector('[data-testid="generated-key"]')?.textContent; return now && now !== before && document.querySelector('[data-testid="encoded-token"]') && !document.querySelector('[data-testid="token-stale"]'); },
      );
    });
  }, { alg, bits });
  /** Edits the payload `runs` times; the median time to the re-signed token painted. */
  const resignTimed = async (runs) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      times.push((await page.evaluate((i) => {
        const area = document.querySelector('[data-testid="encoder-payload"]');
        const before = document.querySelector('[data-testid="encoded-token"]').textContent;
        return window.benchUntilPainted(
          () => { area.value = JSON.stringify({ sub: "bench", n: i, exp: 4102444800 }, null, 2); area.dispatchEvent(new Event("input", { bubbles: true })); },
          () => { const token = document.querySelector('[data-testid="encoded-token"]')?.textContent; return token && token !== before && !document.querySelector('[data-testid="token-stale"]'); },
        );
      }, i)).ms);
    }
    return median(times);
  };
  const resigns = [];
  for (const [alg, bits] of [["HS256"], ["ES256"], ["ES256K"], ["EdDSA"], ["RS256", 2048], ["PS256", 3072], ["ML-DSA-65"]]) {
    const made = await keygenTimed(alg, bits);
    resigns.push(`${alg}${bits ? ` ${bits}` : ""} ${(await resignTimed(20)).toFixed(1)} ms`);
    row(`encoder: generate a ${alg}${bits ? ` ${bits}-bit` : ""} key → signed token painted; longest main-thread task`, `${made.ms.toFixed(0)} ms; ${made.longest.toFixed(0)} ms`, "task ≤ 200 ms", made.longest <= 200);
  }
  row("encoder: payload edited → re-signed token painted, median of 20 each", resigns.join("; "), "");
  const rsa4096 = await keygenTimed("RS256", 4096);
  row("encoder: generate an RSA 4096 key (in the worker) → signed token painted; longest main-thread task", `${(rsa4096.ms / 1000).toFixed(1)} s; ${rsa4096.longest.toFixed(0)} ms`, "task ≤ 200 ms", rsa4096.longest <= 200);
  await page.click('[data-testid="encoder-close"]');

  // --- JWE: decrypted in the worker, as a person sees it ---------------------
  // Tokens made here by npm jose; the key is in the key box (or the
  // password in the secret box) before each paste; each paste is a new
  // token, so the worker's cache never answers. Ends at the frame after the
  // "decrypted" banner is in the DOM.
  {
    const jose = await import("jose");
    const { createPrivateKey, createPublicKey, generateKeyPairSync } = await import("node:crypto");
    const { privateKey: pem } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const rsaPublic = createPublicKey(createPrivateKey(pem));
    /** Pastes `text`; done when the decrypted claims naming `sub` are painted. */
    const decryptTimed = (text, sub) => page.evaluate(({ text, sub }) => {
      const area = document.querySelector('[data-testid="paste"]');
      return window.benchUntilPainted(
        () => { area.value = text; area.dispatchEvent(new Event("input", { bubbles: true })); },
        () => document.querySelector('[data-testid="decryption"][data-status="decrypted"]') && document.querySelector('[data-testid="payload-json"]')?.textContent.includes(sub),
      );
    }, { text, sub });
    const fill = (testid, value) => page.evaluate(({ testid, value }) => {
      const box = document.querySelector(`[data-testid="${testid}"]`);
      box.value = value;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, { testid, value });
    await fill("key", pem);
    const rsaTimes = [];
    for (let i = 0; i < 7; i++) {
      await fill("paste", "");
      await page.waitForTimeout(100);
      const token = await new jose.CompactEncrypt(new TextEncoder().encode(JSON.stringify({ sub: `jwe-${i}`, exp: 4102444800 })))
        .setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256GCM" }).encrypt(rsaPublic);
      rsaTimes.push(await decryptTimed(token, `jwe-${i}`));
    }
    const rsaMedian = median(rsaTimes.map((t) => t.ms));
    const rsaLongest = Math.max(...rsaTimes.map((t) => t.longest));
    row("JWE RSA-OAEP-256 (2048-bit) + A256GCM: paste → decrypted claims painted (key in the box), median of 7; longest main-thread task", `${rsaMedian.toFixed(0)} ms; ${rsaLongest.toFixed(0)} ms`, "task ≤ 200 ms", rsaLongest <= 200);
    await fill("key", "");
    await fill("secret", "correct horse battery staple");
    await fill("paste", "");
    await page.waitForTimeout(100);
    const pbes2 = await new jose.CompactEncrypt(new TextEncoder().encode(JSON.stringify({ sub: "pbes2-600000", exp: 4102444800 })))
      .setProtectedHeader({ alg: "PBES2-HS512+A256KW", enc: "A256GCM" })
      .setKeyManagementParameters({ p2c: 600_000 })
      .encrypt(new TextEncoder().encode("correct horse battery staple"));
    const slow = await decryptTimed(pbes2, "pbes2-600000");
    row("JWE PBES2-HS512+A256KW, p2c 600,000 (in the worker): paste → decrypted claims painted; longest main-thread task", `${(slow.ms / 1000).toFixed(1)} s; ${slow.longest.toFixed(0)} ms`, "task ≤ 200 ms", slow.longest <= 200);
    await fill("secret", "");
    await fill("paste", "");
  }

  // --- RS256: wasm (the page's worker) against crypto.subtle.verify ----------
  const a2 = vector("rfc/rfc_jws_examples.json").vectors.find((v) => v.rfc === "RFC 7515 A.2");
  const [input, signature] = [a2.jws.slice(0, a2.jws.lastIndexOf(".")), a2.jws.slice(a2.jws.lastIndexOf(".") + 1)];
  const timing = await page.evaluate(async ({ jws, jwk, input, signature }) => {
    const batches = 50, perBatch = 20;
    const worker = new Worker(document.querySelector("script[data-worker]").dataset.worker);
    // The worker protocol (src/analysis/job.rs): replies are JSON, a
    // request is the array `[json]`.
    const wasm = await new Promise((resolve, reject) => {
      worker.onmessage = (e) => {
        const reply = JSON.parse(e.data);
        if (reply === "ready") {
          const request = { "bench-verify": { token: jws, key: JSON.stringify(jwk), batches, per_batch: perBatch } };
          worker.postMessage([JSON.stringify(request)]);
        } else if (reply.bench) resolve(reply.bench);
        else reject(new Error(`the worker answered the benchmark with ${e.data}`));
      };
    });
    worker.terminate();
    const key = await crypto.subtle.importKey("jwk", jwk, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
    const data = new TextEncoder().encode(input);
    const sig = Uint8Array.from(atob(signature.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const subtle = [];
    let allValid = true;
    // performance.now() is coarsened to 0.1 ms here: WebCrypto is timed in
    // batches large enough to make that negligible.
    const subtleBatches = 20, subtlePerBatch = 50;
    for (let b = 0; b < subtleBatches; b++) {
      const start = performance.now();
      for (let i = 0; i < subtlePerBatch; i++) allValid &&= await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, sig, data);
      subtle.push(performance.now() - start);
    }
    return { wasm: wasm.batch_ms.map((t) => t / perBatch), wasmValid: wasm.all_valid, subtle: subtle.map((t) => t / subtlePerBatch), subtleValid: allValid };
  }, { jws: a2.jws, jwk: a2.jwk, input, signature });
  const [w, s] = [median(timing.wasm), median(timing.subtle)];
  if (!timing.wasmValid || !timing.subtleValid) throw new Error("RS256 benchmark: a verification failed");
  row("RS256 signature check (2048-bit), median per verify: wasm (rsa 0.10, in the worker) / crypto.subtle, 1,000 runs each", `${(w * 1000).toFixed(0)} µs / ${(s * 1000).toFixed(0)} µs = ${(w / s).toFixed(1)}×`, "≤ 10×", w / s <= 10);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const version = browser.version?.() ?? "";
console.log(`\nBenchmark of ${dist} — ${new Date().toISOString().slice(0, 10)}, Chromium ${version}, ${(await import("node:os")).cpus().length} cores\n`);
console.log("| metric | value | target | |");
console.log("|---|---|---|---|");
for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.target} | ${r.verdict} |`);
