// Where a paste's time goes on the page's main thread: a CPU profile of
// the first paste of an 8 KB token in fresh pages, or of later pastes in
// one page, summed by function (self time, then inclusive time of the
// page's own and Yew's functions), with the paste → DOM / → frame times.
// Wasm functions are named only in a build that keeps its names: copy
// index.html, give the page's <link data-bin="jwt-inspector-web"> the
// attributes data-keep-debug="true" data-wasm-opt="0", and build that copy
// into its own directory (trunk build --release --dist DIR).
// Usage: node scripts/paste-profile.mjs DIST [first|later]

import { resolve } from "node:path";
import { startServer, launchPlaywright } from "../tests/browser/harness.mjs";

const dist = resolve(process.argv[2] ?? "dist");
const mode = process.argv[3] ?? "first";
const server = await startServer(dist);
const browser = await launchPlaywright();
const enc = (s) => Buffer.from(s).toString("base64url");
const token = (n) => `${enc('{"alg":"HS256","typ":"JWT"}')}.${enc(JSON.stringify({ sub: `eight-${n}`, exp: 4102444800, roles: "r".repeat(5900 + n) }))}.${Buffer.alloc(32, 3).toString("base64url")}`;
const pastePainted = (page, n) => page.evaluate(({ text, marker }) => new Promise((done) => {
  const area = document.querySelector('[data-testid="paste"]');
  const shown = () => document.querySelector('[data-testid="payload-json"]')?.textContent.includes(marker);
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    const dom = performance.now() - start;
    observer.disconnect();
    requestAnimationFrame(() => done([dom, performance.now() - start]));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  area.value = text;
  area.dispatchEvent(new Event("input", { bubbles: true }));
}), { text: token(n), marker: `eight-${n}` });

const open = async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  return { context, page, cdp };
};
const profiles = [];
const times = [];
if (mode === "first") {
  for (let i = 0; i < 5; i++) {
    const { context, page, cdp } = await open();
    await cdp.send("Profiler.start");
    times.push(await pastePainted(page, 0));
    profiles.push((await cdp.send("Profiler.stop")).profile);
    await context.close();
  }
} else {
  const { context, page, cdp } = await open();
  for (let i = 0; i < 10; i++) await pastePainted(page, i % 2);
  await cdp.send("Profiler.start");
  for (let i = 0; i < 20; i++) times.push(await pastePainted(page, i % 2));
  profiles.push((await cdp.send("Profiler.stop")).profile);
  await context.close();
}
const pastes = times.length;
const self = new Map();
const inclusive = new Map();
for (const profile of profiles) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  profile.nodes.forEach((n) => (n.children ?? []).forEach((c) => parent.set(c, n.id)));
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const name = byId.get(id).callFrame.functionName;
    if (["(idle)", "(program)", "(root)"].includes(name)) return;
    self.set(name, (self.get(name) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at; at = parent.get(at)) {
      const f = byId.get(at).callFrame.functionName;
      if (!seen.has(f)) { seen.add(f); inclusive.set(f, (inclusive.get(f) ?? 0) + us); }
    }
  });
}
const ms = (us) => (us / 1000 / pastes).toFixed(2).padStart(6);
const short = (name) => name.replace(/::h[0-9a-f]{16}/, "").slice(0, 140);
console.log(`${mode} pastes, paste → DOM / → frame (ms): ${times.map(([d, f]) => `${d.toFixed(1)}/${f.toFixed(1)}`).join(" ")}`);
console.log("\nself time, ms per paste");
[...self].sort((a, b) => b[1] - a[1]).slice(0, 20).forEach(([k, us]) => console.log(ms(us), short(k)));
console.log("\ninclusive time of the page's and Yew's functions, ms per paste");
[...inclusive].sort((a, b) => b[1] - a[1]).filter(([k]) => /jwt_inspector|yew/.test(k)).slice(0, 25).forEach(([k, us]) => console.log(ms(us), short(k)));
await browser.close();
await server.close();
