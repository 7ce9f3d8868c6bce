// The page interface every browser test is written against, the same in
// every engine. It is a small subset of Playwright's Page and Locator, so
// the tests read like Playwright tests, but it is built only on what each
// engine adapter (./chromium.mjs, ./firefox.mjs, ./webkit.mjs) provides:
//
//   goto(url), reload(), url(), evaluate(expression), screenshot(path),
//   press(key), setInputFiles(selector, path), close()
//
// Every wait, action and read below runs in the page as plain DOM code
// (CSS selectors only), polled from Node, so the three engines behave
// alike. Locators are strict as in Playwright: an action or read on a
// locator that matches several elements fails.

import { readFileSync } from "node:fs";

const DEFAULT_TIMEOUT = 30_000;
const POLL_MS = 25;

/** Runs in the page: the elements a chain of locator steps selects. */
function resolveSteps(steps) {
  const matches = (text, pattern) => (pattern.source !== undefined ? new RegExp(pattern.source, pattern.flags).test(text) : text.includes(pattern));
  const select = (roots, chain) => {
    let elements = roots;
    for (const step of chain) {
      if (step.css !== undefined) {
        const found = new Set();
        for (const root of elements) for (const element of root.querySelectorAll(step.css)) found.add(element);
        elements = [...found];
      } else if (step.nth !== undefined) {
        elements = elements[step.nth] ? [elements[step.nth]] : [];
      } else if (step.hasText !== undefined) {
        elements = elements.filter((element) => matches(element.textContent, step.hasText));
      } else if (step.has !== undefined) {
        elements = elements.filter((element) => select([element], step.has).length > 0);
      } else if (step.text !== undefined) {
        // The innermost elements whose text matches, as getByText finds them.
        const found = [];
        for (const root of elements) {
          for (const element of root.querySelectorAll("body *")) {
            if (!matches(element.textContent, step.text)) continue;
            if ([...element.children].some((child) => matches(child.textContent, step.text))) continue;
            found.push(element);
          }
        }
        elements = found;
      }
    }
    return elements;
  };
  return select([document], steps);
}

/** Runs in the page: whether an element is visible as Playwright means it. */
function isVisible(element) {
  if (!element.isConnected) return false;
  if (getComputedStyle(element).visibility !== "visible") return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

/** Runs in the page: one locator operation. Returns { wait: reason } while
 *  the element is not ready for it, else { value }. */
function locatorOperation({ steps, operation, argument }) {
  const elements = RESOLVE(steps);
  const visible = VISIBLE;
  switch (operation) {
    case "count":
      return { value: elements.length };
    case "allInnerTexts":
      return { value: elements.map((element) => element.innerText) };
    case "state": {
      const shown = elements.filter(visible).length;
      return { value: { count: elements.length, visible: shown } };
    }
  }
  if (elements.length === 0) return { wait: "no element matches" };
  if (elements.length > 1) return { error: `strict mode: ${elements.length} elements match` };
  const element = elements[0];
  const needsVisible = ["click", "fill", "select", "check"].includes(operation);
  if (needsVisible && !visible(element)) return { wait: "the element is not visible" };
  if (needsVisible && element.disabled) return { wait: "the element is disabled" };
  switch (operation) {
    case "innerText":
      return { value: element.innerText };
    case "inputValue":
      return { value: element.value };
    case "getAttribute":
      return { value: element.getAttribute(argument) };
    case "click":
      element.scrollIntoView({ block: "center" });
      element.click();
      return { value: null };
    case "focus":
      element.focus();
      return { value: null };
    case "check":
      if (!element.checked) element.click();
      return { value: null };
    case "dispatch":
      element.dispatchEvent(new Event(argument, { bubbles: true }));
      return { value: null };
    case "fill": {
      element.focus();
      const prototype = Object.getPrototypeOf(element);
      Object.getOwnPropertyDescriptor(prototype, "value").set.call(element, argument);
      element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: argument }));
      return { value: null };
    }
    case "select": {
      const wanted = typeof argument === "string" ? { value: argument, label: argument } : argument;
      const option = [...element.options].find((o) => o.value === wanted.value || o.label === wanted.label);
      if (!option) return { wait: `no option ${JSON.stringify(argument)}` };
      element.value = option.value;
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
      return { value: [option.value] };
    }
  }
  return { error: `unknown operation ${operation}` };
}

const OPERATION_SOURCE = locatorOperation
  .toString()
  .replace("RESOLVE(", `(${resolveSteps.toString()})(`)
  .replace("= VISIBLE;", `= ${isVisible.toString()};`);

/** A pattern (string or RegExp) in a form that crosses into the page. */
const pattern = (value) => (value instanceof RegExp ? { source: value.source, flags: value.flags } : value);

const describe = (steps) =>
  steps
    .map((s) => (s.css !== undefined ? s.css : s.nth !== undefined ? `nth(${s.nth})` : s.text !== undefined ? `text ${JSON.stringify(s.text)}` : "filter"))
    .join(" >> ");

export class Locator {
  constructor(page, steps) {
    this.page = page;
    this.steps = steps;
  }
  locator(css) { return new Locator(this.page, [...this.steps, { css }]); }
  nth(index) { return new Locator(this.page, [...this.steps, { nth: index }]); }
  first() { return this.nth(0); }
  filter({ hasText, has } = {}) {
    const steps = [...this.steps];
    if (hasText !== undefined) steps.push({ hasText: pattern(hasText) });
    if (has !== undefined) steps.push({ has: has.steps });
    return new Locator(this.page, steps);
  }

  /** One operation, retried until the element is ready or the time is up. */
  async run(operation, argument, timeout = DEFAULT_TIMEOUT) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const result = await this.page.evaluate(OPERATION_SOURCE, { steps: this.steps, operation, argument });
      if (result.error) throw new Error(`${operation} on ${describe(this.steps)}: ${result.error}`);
      if (!result.wait) return result.value;
      if (Date.now() > deadline) throw new Error(`${operation} on ${describe(this.steps)}: timed out after ${timeout} ms (${result.wait})`);
      await sleep(POLL_MS);
    }
  }

  count() { return this.run("count"); }
  allInnerTexts() { return this.run("allInnerTexts"); }
  innerText(options = {}) { return this.run("innerText", undefined, options.timeout); }
  inputValue(options = {}) { return this.run("inputValue", undefined, options.timeout); }
  getAttribute(name, options = {}) { return this.run("getAttribute", name, options.timeout); }
  click(options = {}) { return this.run("click", undefined, options.timeout); }
  check(options = {}) { return this.run("check", undefined, options.timeout); }
  fill(value, options = {}) { return this.run("fill", value, options.timeout); }
  selectOption(value, options = {}) { return this.run("select", value, options.timeout); }
  dispatchEvent(type) { return this.run("dispatch", type); }

  focus(options = {}) { return this.run("focus", undefined, options.timeout); }

  /** Calls `fn` in the page with the one matching element (no waiting). */
  async evaluate(fn, argument) {
    const source = `(input) => { const all = (${resolveSteps.toString()})(input.steps);
      if (all.length !== 1) return { error: all.length + " elements match" };
      return { value: (${fn.toString()})(all[0], input.argument) }; }`;
    const result = await this.page.evaluate(source, { steps: this.steps, argument });
    if (result.error) throw new Error(`evaluate on ${describe(this.steps)}: ${result.error}`);
    return result.value;
  }

  /** Calls `fn` in the page with every matching element (no waiting). */
  evaluateAll(fn, argument) {
    const source = `(input) => (${fn.toString()})((${resolveSteps.toString()})(input.steps), input.argument)`;
    return this.page.evaluate(source, { steps: this.steps, argument });
  }

  /** Waits until the locator is attached, visible (the default), hidden or detached. */
  async waitFor({ state = "visible", timeout = DEFAULT_TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const { count, visible } = await this.run("state");
      if (count > 1 && (state === "visible" || state === "attached")) {
        throw new Error(`waitFor on ${describe(this.steps)}: strict mode: ${count} elements match`);
      }
      const done = { attached: count === 1, visible: visible === 1, hidden: visible === 0, detached: count === 0 }[state];
      if (done) return;
      if (Date.now() > deadline) throw new Error(`waitFor on ${describe(this.steps)}: not ${state} after ${timeout} ms`);
      await sleep(POLL_MS);
    }
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page in any engine, driven through its adapter's `driver`. */
export class Page {
  constructor(driver, engine) {
    this.driver = driver;
    this.engine = engine;
    this.keyboard = { press: (key) => driver.press(key) };
  }
  goto(url) { return this.driver.goto(url); }
  reload() { return this.driver.reload(); }
  url() { return this.driver.url(); }
  close() { return this.driver.close(); }
  screenshot({ path }) { return this.driver.screenshot(path); }
  setInputFiles(selector, path) { return this.driver.setInputFiles(selector, path); }

  /** `fn` (a function or its source) called in the page with one JSON argument. */
  evaluate(fn, argument) {
    const source = typeof fn === "function" ? fn.toString() : fn;
    const call = argument === undefined ? `(${source})()` : `(${source})(${JSON.stringify(argument)})`;
    return this.driver.evaluate(call);
  }

  /** Runs a script file in the page, outside its CSP (axe-core). */
  addScriptTag({ path }) { return this.driver.evaluate(`(() => { ${readFileSync(path, "utf8")}\n;return null; })()`); }

  locator(css) { return new Locator(this, [{ css }]); }
  getByText(text) { return new Locator(this, [{ text: pattern(text) }]); }
  fill(selector, value, options) { return this.locator(selector).fill(value, options); }
  click(selector, options) { return this.locator(selector).click(options); }
  check(selector, options) { return this.locator(selector).check(options); }
  selectOption(selector, value, options) { return this.locator(selector).selectOption(value, options); }
  waitForTimeout(ms) { return sleep(ms); }

  /** As Playwright's: the first match (not strict), visible by default. */
  waitForSelector(selector, { state = "visible", timeout = DEFAULT_TIMEOUT } = {}) {
    const first = this.locator(selector).first();
    return first.waitFor({ state, timeout });
  }

  /** Polls `fn(argument)` in the page until it returns something truthy. */
  async waitForFunction(fn, argument, { timeout = DEFAULT_TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, argument ?? undefined);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`waitForFunction timed out after ${timeout} ms`);
      await sleep(POLL_MS * 2);
    }
  }
}
