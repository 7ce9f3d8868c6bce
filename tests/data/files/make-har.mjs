#!/usr/bin/env node
// Records a real HAR with Debian's Chromium through Playwright
// (recordHar): a page calls a local API with a bearer token and gets a
// login reply holding an id_token. The tokens are minted here (HS256 with
// the key below; a test key, never use it for anything real).
//
//   CHROMIUM=/usr/bin/chromium node tests/data/files/make-har.mjs
//
// Writes tests/data/files/chromium.har.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { createHmac } from "node:crypto";
import { rmSync, renameSync } from "node:fs";

const KEY = "har-fixture-secret-of-32-bytes!!";
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
const mint = (claims) => {
  const input = `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}`;
  return `${input}.${createHmac("sha256", KEY).update(input).digest("base64url")}`;
};
const access = mint({ iss: "https://issuer.example", sub: "alice", aud: "api", iat: 1767225600, exp: 4102444800 });
const refreshLike = mint({ iss: "https://issuer.example", sub: "alice", typ: "Refresh", iat: 1767225600, exp: 4102444800 });
const idToken = mint({ iss: "https://issuer.example", sub: "alice", aud: "web", iat: 1767225600, exp: 4102444800, nonce: "n-0S6" });

const server = createServer((req, res) => {
  if (req.url === "/") {
    res.setHeader("content-type", "text/html");
    // The token is assembled in the page, so the HTML itself does not
    // hold it: the HAR then carries it only in the request header.
    const reversed = JSON.stringify([...access].reverse().join(""));
    res.end(`<script>fetch("/api/orders", { headers: { Authorization: "Bearer " + [...${reversed}].reverse().join("") } })
      .then(() => fetch("/login", { method: "POST" })).then((r) => r.text()).then(() => { document.title = "done"; });</script>`);
  } else if (req.url === "/login") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ access_token: refreshLike, id_token: idToken, token_type: "Bearer", expires_in: 3600 }));
  } else {
    res.setHeader("content-type", "application/json");
    res.end("[]");
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
const out = new URL("./chromium.har", import.meta.url).pathname;
const context = await browser.newContext({ recordHar: { path: `${out}.tmp`, content: "embed" } });
const page = await context.newPage();
await page.goto(url);
await page.waitForFunction(() => document.title === "done");
await context.close();
await browser.close();
server.close();
rmSync(out, { force: true });
renameSync(`${out}.tmp`, out);
console.log(`wrote ${out}`);
