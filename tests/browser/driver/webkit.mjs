// WebKit adapter: WebKitGTK's MiniBrowser driven by WebKitWebDriver (from
// Debian's webkit2gtk-driver) through selenium-webdriver, on a private
// Xvfb display (the recipe in ../shared/BROWSERS.md). Each context is its
// own WebDriver session, so its own MiniBrowser and storage.
//
// WebDriver classic reports neither page errors nor requests. Page errors
// are collected in the page (a listener installed after each load, read
// back with every evaluate), so an error thrown while the page starts,
// before the listener is in, is not seen. Requests are not observable.

import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { Builder, By, Key } from "selenium-webdriver";

export const FEATURES = {
  fileUrl: "pages opened from file://",
  pasteEvent: "script-made paste events with clipboardData",
  keyboard: "key presses through WebDriver actions",
  files: "setting a file input",
};

const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: Key.SPACE };

/** Installed in the page after every load: keeps errors for the harness. */
const COLLECT_PROBLEMS = `if (!window.__harnessProblems) {
  window.__harnessProblems = [];
  addEventListener("error", (e) => window.__harnessProblems.push("pageerror: " + e.message));
  addEventListener("unhandledrejection", (e) => window.__harnessProblems.push("pageerror: " + (e.reason && e.reason.message || e.reason)));
  const error = console.error.bind(console);
  console.error = (...args) => { window.__harnessProblems.push("console: " + args.join(" ")); error(...args); };
}`;

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts Xvfb on a display it picks itself (-displayfd). */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], { stdio: ["ignore", "ignore", "pipe", "pipe"] });
    let errors = "";
    xvfb.stderr.on("data", (d) => { errors += d; });
    xvfb.on("error", reject);
    xvfb.on("exit", (code) => reject(new Error(`Xvfb exited (${code}): ${errors}`)));
    xvfb.stdio[3].on("data", (d) => resolve({ process: xvfb, display: `:${String(d).trim()}` }));
  });
}

async function waitForDriver(port) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("WebKitWebDriver did not start");
}

/** A Debian package's version, for the record ("unknown" without dpkg). */
function packageVersion(name) {
  try {
    return execFileSync("dpkg-query", ["-W", "-f", "${Version}", name], { encoding: "utf8" });
  } catch {
    return "unknown";
  }
}

/** One WebKitWebDriver per context: it allows one session at a time. */
async function startDriver(display) {
  const port = await freePort();
  const process_ = spawn(process.env.WEBKIT_WEBDRIVER || "WebKitWebDriver", [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display },
    stdio: "ignore",
  });
  await waitForDriver(port);
  return { port, stop: () => process_.kill() };
}

export async function launch() {
  const xvfb = await startXvfb();
  const drivers = new Set();
  const stop = () => {
    drivers.forEach((d) => d.stop());
    xvfb.process.removeAllListeners("exit");
    xvfb.process.kill();
  };
  process.once("exit", stop);
  return {
    version: `WebKitGTK ${packageVersion("libwebkit2gtk-4.1-0")}`,
    async newContext({ viewport } = {}, hooks) {
      const server = await startDriver(xvfb.display);
      drivers.add(server);
      const port = server.port;
      const driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        })
        .build();
      await driver.manage().setTimeouts({ script: 180_000, pageLoad: 60_000 });
      if (viewport) await driver.manage().window().setRect({ width: viewport.width, height: viewport.height });
      let current = await driver.getWindowHandle();
      let firstPageTaken = false;
      return {
        async newPage() {
          if (firstPageTaken) {
            await driver.switchTo().newWindow("tab");
          }
          firstPageTaken = true;
          const handle = await driver.getWindowHandle();
          current = handle;
          const focus = async () => {
            if (current !== handle) {
              await driver.switchTo().window(handle);
              current = handle;
            }
          };
          const evaluate = async (expression) => {
            await focus();
            const { value, problems } = await driver.executeScript(
              `return Promise.resolve(${expression}).then((value) => ({ value, problems: (window.__harnessProblems || []).splice(0) }));`,
            );
            problems.forEach(hooks.problem);
            return value ?? undefined;
          };
          const loaded = async () => { await driver.executeScript(COLLECT_PROBLEMS); };
          return {
            goto: async (url) => { await focus(); await driver.get(url); await loaded(); },
            reload: async () => { await focus(); await driver.navigate().refresh(); await loaded(); },
            url: async () => { await focus(); return driver.getCurrentUrl(); },
            evaluate,
            screenshot: async (path) => { await focus(); writeFileSync(path, Buffer.from(await driver.takeScreenshot(), "base64")); },
            press: async (key) => { await focus(); await driver.actions().sendKeys(KEYS[key] ?? key).perform(); },
            setInputFiles: async (selector, path) => { await focus(); await driver.findElement(By.css(selector)).sendKeys(path); },
            close: async () => { await focus(); await driver.close(); },
          };
        },
        close: async () => {
          await driver.quit().catch(() => {});
          server.stop();
          drivers.delete(server);
        },
      };
    },
    close: async () => stop(),
  };
}
