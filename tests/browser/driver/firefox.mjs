// Firefox adapter: Debian's firefox-esr through puppeteer-core over
// WebDriver BiDi (the recipe in ../shared/BROWSERS.md). Each context is a
// BiDi user context: its own cookies, storage and service workers.

import puppeteer from "puppeteer-core";

export const FEATURES = {
  requests: "the page's requests through BiDi network events (a worker's own requests are not reported)",
  keyboard: "trusted key presses",
  files: "setting a file input",
  fileUrl: "pages opened from file://",
};

export async function launch() {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    headless: true,
    // Firefox 140's BiDi lacks the screen-orientation and media emulation
    // that page.setViewport and emulateMediaFeatures send: one window size
    // for every page, and the light scheme a fresh profile has.
    defaultViewport: null,
    args: ["--width=1280", "--height=900"],
    extraPrefsFirefox: {
      "ui.systemUsesDarkTheme": 0,
      // No update checks, telemetry or remote settings: the privacy tests
      // must see only what the page asks for.
      "app.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
    },
  });
  return {
    version: await browser.version(),
    async newContext(options, hooks) {
      const context = await browser.createBrowserContext();
      return {
        async newPage() {
          const page = await context.newPage();
          page.on("pageerror", (e) => hooks.problem(`pageerror: ${e.message}`));
          page.on("console", (m) => { if (m.type() === "error") hooks.problem(`console: ${m.text()}`); });
          page.on("request", (r) => hooks.request({ url: r.url(), method: r.method() }));
          return {
            goto: (url) => page.goto(url),
            reload: () => page.reload(),
            url: () => page.url(),
            evaluate: (expression) => page.evaluate(expression),
            screenshot: (path) => page.screenshot({ path, fullPage: true }),
            press: (key) => page.keyboard.press(key),
            setInputFiles: async (selector, path) => (await page.$(selector)).uploadFile(path),
            close: () => page.close(),
          };
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
