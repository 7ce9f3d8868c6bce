// Serves dist/ on 127.0.0.1 and runs Lighthouse (npm `lighthouse`) against
// it in Debian's Chromium; prints the performance, accessibility and
// best-practices scores. Usage: node scripts/lighthouse.mjs [dist]

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { createRequire } from "node:module";

const dist = resolve(process.argv[2] || "dist");
const require = createRequire(resolve("tools/lighthouse/package.json"));
const { default: lighthouse } = await import(require.resolve("lighthouse"));
const chromeLauncher = await import(require.resolve("chrome-launcher"));

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml" };
const server = createServer(async (req, res) => {
  let path = join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname));
  try {
    if ((await stat(path)).isDirectory()) path = join(path, "index.html");
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream", "cache-control": "max-age=31536000" });
    res.end(await readFile(path));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
const runs = [
  ["mobile, Lighthouse's default simulated throttling (slow 4G, 4x CPU)", {}],
  ["desktop, no throttling", {
    formFactor: "desktop",
    screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
    throttlingMethod: "provided",
  }],
];
try {
  for (const [name, settings] of runs) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      ...settings,
    });
    const { categories, audits } = result.lhr;
    console.log(`\nLighthouse ${result.lhr.lighthouseVersion}, ${name}, ${result.lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0]}`);
    for (const key of ["performance", "accessibility", "best-practices"]) {
      console.log(`${categories[key].title.padEnd(16)} ${Math.round(categories[key].score * 100)}`);
    }
    for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]) {
      console.log(`  ${audits[id].title}: ${audits[id].displayValue}`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
