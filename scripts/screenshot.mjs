// Regenerates docs/screenshot.png, the README's picture of the page: the
// Auth0 example with its key, light theme, 1280×860. Needs dist/ built.
// Usage: node scripts/screenshot.mjs

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, launchPlaywright, ROOT } from "../tests/browser/harness.mjs";

const examples = JSON.parse(readFileSync(join(ROOT, "tests/data/minted/tokens.json"), "utf8")).examples;
const server = await startServer();
const browser = await launchPlaywright();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: "light" });
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await page.selectOption('[data-testid="examples"]', "docker-registry");
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
  await page.screenshot({ path: join(ROOT, "docs/screenshot.png") });
  console.log(`wrote docs/screenshot.png (${examples.length} examples available)`);
} finally {
  await browser.close();
  await server.close();
}
