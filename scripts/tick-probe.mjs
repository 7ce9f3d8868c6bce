#!/usr/bin/env node
// The countdown tick's script time, alone: paste one HS256 token into the
// built page in DIST (default dist/), wait 3 s, then read Chromium's
// ScriptDuration over three windows of 5 s, printing ms per tick. Used to
// compare two builds on the same browser (docs/benchmarks.md):
//   CHROMIUM=/usr/bin/chromium node scripts/tick-probe.mjs [DIST]
import { chromium } from "playwright-core";
import { createHmac } from "node:crypto";
import { startServer } from "../tests/browser/harness.mjs";

const server = await startServer(process.argv[2]);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Performance.enable");
const metric = async (name) => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === name).value;
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
const input = `${b64({ alg: "HS256" })}.${b64({ sub: "tick", exp: Math.floor(Date.now() / 1000) + 3600 })}`;
await page.fill('[data-testid="paste"]', `${input}.${createHmac("sha256", "k").update(input).digest("base64url")}`);
await page.waitForTimeout(3000);
const perTick = [];
for (let i = 0; i < 3; i++) {
  const before = await metric("ScriptDuration");
  await page.waitForTimeout(5000);
  perTick.push((((await metric("ScriptDuration")) - before) * 1000) / 5);
}
console.log(`${process.argv[2] || "dist"}: script time per tick, ms: ${perTick.map((t) => t.toFixed(2)).join(" ")}`);
await browser.close();
await server.close();
