// Chromium adapter: Debian's Chromium through playwright-core. Playwright
// can do far more; only what ./page.mjs needs is passed through, so a test
// that passes here runs the same way in Firefox and WebKit.

import { chromium } from "playwright-core";

export const FEATURES = {
  requests: "every request, workers' included, through Playwright's request events",
  keyboard: "trusted key presses",
  files: "setting a file input",
  clipboard: "clipboard permissions",
  fileUrl: "pages opened from file://",
  pasteEvent: "script-made paste events with clipboardData",
};

/** Playwright's own Chromium browser, for the benchmark scripts that need
 *  more than the tests' interface (init scripts, CDP metrics). */
export function launchPlaywright() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--disable-dev-shm-usage",
    ],
  });
}

export async function launch() {
  const browser = await launchPlaywright();
  return {
    version: browser.version(),
    /** `hooks.request({url, method})` hears every request of the context
     *  (service worker's included), `hooks.problem(text)` every page error. */
    async newContext({ viewport, colorScheme, permissions } = {}, hooks) {
      const context = await browser.newContext({ viewport, colorScheme });
      if (permissions) await context.grantPermissions(permissions.names, { origin: permissions.origin });
      context.on("request", (r) => hooks.request({ url: r.url(), method: r.method() }));
      return {
        async newPage() {
          const page = await context.newPage();
          page.on("pageerror", (e) => hooks.problem(`pageerror: ${e.message}`));
          page.on("console", (m) => { if (m.type() === "error") hooks.problem(`console: ${m.text()}`); });
          return {
            goto: (url) => page.goto(url),
            reload: () => page.reload(),
            url: () => page.url(),
            evaluate: (expression) => page.evaluate(expression),
            screenshot: (path) => page.screenshot({ path, fullPage: true }),
            press: (key) => page.keyboard.press(key),
            setInputFiles: (selector, path) => page.setInputFiles(selector, path),
            close: () => page.close(),
          };
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
