// Where the page's load time goes (the figures behind "Load to interactive"
// in docs/benchmarks.md): traces five loads of the release build in headless
// Chromium and prints the User Timing marks and the main thread's busiest
// event kinds up to `app-ready`; then loads a static copy of the rendered
// page with and without its form controls and prints the style
// recalculation time of each.
//   node scripts/load-breakdown.mjs [dist]     (after a release build)

import { readFileSync, writeFileSync, copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startServer, launchPlaywright } from "../tests/browser/harness.mjs";

const dist = resolve(process.argv[2] || "dist");
const scratch = mkdtempSync(join(tmpdir(), "jwt-inspector-load-"));
const traceFile = join(scratch, "trace.json");
const server = await startServer(dist);
const browser = await launchPlaywright();

/** Loads `url` with tracing on, waits for `ready`, and returns the trace events. */
async function traced(url, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await browser.startTracing(page, { path: traceFile, categories: ["devtools.timeline", "blink.user_timing", "disabled-by-default-devtools.timeline"] });
  await page.goto(url);
  await ready(page);
  await browser.stopTracing();
  await context.close();
  return JSON.parse(readFileSync(traceFile, "utf8")).traceEvents;
}

console.log("Five traced loads (ms after fetchStart; busiest main-thread event kinds until app-ready):");
for (let run = 0; run < 5; run++) {
  const events = await traced(server.url, (page) => page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0));
  const marks = Object.fromEntries(events.filter((e) => e.cat?.includes("user_timing")).map((e) => [e.name, e.ts]));
  const t0 = marks.fetchStart;
  const end = marks["app-ready"];
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const busy = {};
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== "X" || !e.dur || e.ts < t0 || e.ts > end) continue;
    if (e.name.includes("RunTask")) continue;
    busy[e.name] = (busy[e.name] || 0) + e.dur / 1000;
  }
  const at = (name) => `${name} ${((marks[name] - t0) / 1000).toFixed(0)}`;
  console.log(`  ${["boot", "wasm-started", "app-ready"].map(at).join(", ")}`);
  console.log(`    ${Object.entries(busy).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);
}

// The rendered page as static HTML, with and without its form controls.
const page = await (await browser.newContext()).newPage();
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
const body = await page.evaluate(() => document.body.innerHTML);
const css = readdirSync(dist).find((f) => /^style-.*\.css$/.test(f));
copyFileSync(join(dist, css), join(scratch, css));
const variants = {
  "with form controls": body,
  "without form controls": body.replace(/<textarea[^>]*>.*?<\/textarea>|<select[^>]*>.*?<\/select>|<input[^>]*>/gs, "<div></div>"),
};
await server.close();
writeFileSync(join(scratch, "index.html"), "<!doctype html><title>static copies</title>"); // startServer wants one
const statics = await startServer(scratch);
console.log("\nStatic copy of the rendered page, style recalculation per load (ms, five loads):");
for (const [name, html] of Object.entries(variants)) {
  const file = `${name.replaceAll(" ", "-")}.html`;
  writeFileSync(join(scratch, file), `<!doctype html><html lang=en><head><meta charset=utf-8><link rel=stylesheet href="${css}"></head><body>${html}</body></html>`);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const events = await traced(`${statics.url}${file}`, (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))));
    times.push(events.filter((e) => e.name === "UpdateLayoutTree" && e.dur).reduce((n, e) => n + e.dur / 1000, 0).toFixed(1));
  }
  console.log(`  ${name}: ${times.join(" ")}`);
}
await statics.close();
await browser.close();
