// Issue 15 §3: the first view is prerendered into index.html, so the page
// paints and its paste box takes a paste before the WebAssembly arrives
// (src/ui/shell.rs). The copy must equal the app's first render (else the
// page would jump, or offer what the app does not), must need no inline
// script or style (the CSP), and a paste made into it before the app
// starts is analysed the moment the app does, never lost. The page's wasm
// is held back by the test server, the same in every engine.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, launchBrowser, waitForApp, rfcExamples, DIST } from "./harness.mjs";

const HOLD_MS = 2_500;
let server, browser;
before(async () => {
  // Only the page's own wasm is slow: the prerendered view shows meanwhile.
  server = await startServer(DIST, { delay: (path) => (/^\/jwt-inspector-web-[0-9a-f]+_bg\.wasm$/.test(path) ? HOLD_MS : 0) });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const builtIndex = () => readFileSync(join(DIST, "index.html"), "utf8");
const started = (page) => page.evaluate(() => performance.getEntriesByName("app-ready").length > 0);

test("the prerendered first view is the app's first render, with no inline script or style", async () => {
  const html = builtIndex();
  assert.match(html, /data-prerendered/, "index.html carries the prerendered first view (scripts/prerender.mjs)");
  const context = await browser.newContext({ colorScheme: "light" });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator("[data-prerendered] textarea#paste").waitFor();
  assert.equal(await started(page), false, "the view is shown before the app has started");
  await waitForApp(page, HOLD_MS + 30_000);
  const { prerendered, rendered, inline } = await page.evaluate((source) => {
    // The DOM each describes, written one way: attributes sorted, boolean
    // ones without a value, an input's default type="text" left out (the
    // release build's HTML minifier writes them its own way).
    const BOOLEAN = new Set(["selected", "disabled", "checked", "open", "hidden", "required", "readonly", "multiple"]);
    const canonical = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      if (node.nodeType !== Node.ELEMENT_NODE) return "";
      const attributes = [...node.attributes]
        .filter((a) => a.name !== "data-prerendered" && !(node.localName === "input" && a.name === "type" && a.value === "text"))
        .map((a) => (BOOLEAN.has(a.name) ? a.name : `${a.name}=${JSON.stringify(a.value)}`))
        .sort();
      return `<${[node.localName, ...attributes].join(" ")}>${[...node.childNodes].map(canonical).join("")}</${node.localName}>`;
    };
    const parsed = new DOMParser().parseFromString(source, "text/html").querySelector("[data-prerendered]");
    return {
      prerendered: canonical(parsed),
      rendered: canonical(document.querySelector("div.page")),
      inline: parsed.querySelectorAll("script, [style]").length,
    };
  }, html);
  assert.equal(inline, 0);
  assert.equal(prerendered, rendered, "index.html's first view differs from the app's first render: run ./scripts/prerender.sh");
  assert.equal(await page.locator("[data-prerendered]").count(), 0, "the copy is gone once the app runs");
  assert.deepEqual(context.problems, []);
});

test("a paste and a key put in before the WebAssembly arrives are analysed when the app starts", async () => {
  const a2 = rfcExamples()["RFC 7515 A.2"];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator("[data-prerendered] textarea#key").waitFor();
  await page.fill("[data-prerendered] textarea#key", JSON.stringify(a2.jwk));
  await page.fill("[data-prerendered] textarea#paste", `Authorization: Bearer ${a2.jws}`);
  assert.equal(await started(page), false, "pasted before the app started");
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor({ timeout: HOLD_MS + 30_000 });
  assert.match(await page.locator('[data-testid="payload-json"]').innerText(), /"iss": "joe"/);
  assert.equal(await page.locator('[data-testid="paste"]').inputValue(), `Authorization: Bearer ${a2.jws}`, "the paste is kept");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "paste", "the box that had the focus has it again");
  assert.deepEqual(context.problems, []);
});
