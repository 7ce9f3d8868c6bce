// Writes the app's first view into index.html as static HTML (issue 15 §3),
// so the page paints and its paste box takes a paste before the
// WebAssembly has compiled (src/ui/shell.rs takes over from it).
//
// It loads the built page in Chromium, waits for the app's first render,
// and copies its `div.page` between the prerendered markers of index.html,
// marked `data-prerendered`. tests/browser/shell.test.mjs fails when the
// copy no longer equals the first render: then run
//
//   ./scripts/prerender.sh        (build, copy, build again)
//
// Usage: node scripts/prerender.mjs [dist] [index.html]

import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { startServer, launchPlaywright, ROOT } from "../tests/browser/harness.mjs";

const dist = resolve(process.argv[2] || "dist");
const indexPath = resolve(process.argv[3] || `${ROOT}/index.html`);
const START = "<!-- prerendered: scripts/prerender.mjs writes what follows; do not edit by hand -->";
const END = "<!-- /prerendered -->";

const server = await startServer(dist);
const browser = await launchPlaywright();
let firstView;
try {
  const page = await browser.newPage({ colorScheme: "light" });
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  firstView = await page.evaluate(() => {
    const copy = document.querySelector("div.page").cloneNode(true);
    copy.setAttribute("data-prerendered", "");
    return copy.outerHTML;
  });
} finally {
  await browser.close();
  await server.close();
}
if (/\sstyle=|<script/i.test(firstView)) throw new Error("the first view carries inline style or script, which the CSP forbids");

const index = readFileSync(indexPath, "utf8");
const block = `${START}\n    ${firstView}\n    ${END}`;
const start = index.indexOf(START);
const updated = start >= 0
  ? index.slice(0, start) + block + index.slice(index.indexOf(END, start) + END.length)
  : index.replace(/(<\/noscript>\n)/, `$1    ${block}\n`);
if (updated === index) {
  console.log(`${indexPath}: the prerendered first view is already up to date`);
} else {
  writeFileSync(indexPath, updated);
  console.log(`${indexPath}: prerendered first view written (${(firstView.length / 1024).toFixed(1)} KB); rebuild the page`);
}
