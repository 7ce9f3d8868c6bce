// Turns the Trunk build in dist/ into one self-contained HTML file (CSS,
// JavaScript and WebAssembly inlined) that works opened from file:// on an
// air-gapped machine. Its CSP allows only these exact inline blocks (by
// hash) and no connection at all.
//
// Usage: node scripts/single-file.mjs [dist] [output]

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, resolve } from "node:path";

const SKELETON_ID = "jwt-inspector-skeleton";
const dist = resolve(process.argv[2] || "dist");
const output = resolve(process.argv[3] || "dist-single/jwt-inspector.html");

const index = readFileSync(join(dist, "index.html"), "utf8");
// Attribute values quoted or not, in any order (the release HTML is minified).
const valueOf = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s">]+))`))?.slice(1).find((v) => v !== undefined);
const tags = [...index.matchAll(/<(?:link|script)\s[^>]*>/g)].map((m) => m[0]);
const attribute = (name) => {
  const found = tags.map((tag) => valueOf(tag, name)).find(Boolean);
  if (!found?.startsWith("./")) throw new Error(`${name} not found in ${dist}/index.html: run the Trunk build first`);
  return found.slice(2);
};
const linked = (rel) => valueOf(tags.find((tag) => valueOf(tag, "rel") === rel), "href").slice(2);
const jsFile = attribute("data-js");
const wasmFile = attribute("data-wasm");
const cssFile = linked("stylesheet");
// The build's identity, as scripts/build-info.mjs wrote it into index.html.
const buildValue = (name) => tags.map((tag) => valueOf(tag, name)).find(Boolean) ?? "unknown";
const version = buildValue("data-version");
const commit = buildValue("data-commit");
const iconFile = linked("icon");

const glue = readFileSync(join(dist, jsFile), "utf8");
const workerGlue = readFileSync(join(dist, "jwt-inspector-worker.js"), "utf8");
const workerWasm = readFileSync(join(dist, "jwt-inspector-worker_bg.wasm")).toString("base64");
const encoderGlue = readFileSync(join(dist, "jwt-inspector-encoder.js"), "utf8");
const encoderWasm = readFileSync(join(dist, "jwt-inspector-encoder_bg.wasm")).toString("base64");
const examples = readFileSync(join(dist, "tokens.json"), "utf8");
const wasm = readFileSync(join(dist, wasmFile)).toString("base64");
const css = readFileSync(join(dist, cssFile), "utf8");
const icon = readFileSync(join(dist, iconFile)).toString("base64");

// The Web Worker (full analysis) runs from a blob: its glue and wasm inline.
const workerSource = `${workerGlue}
wasm_bindgen({ module_or_path: Uint8Array.from(atob("${workerWasm}"), (c) => c.charCodeAt(0)) });
`;
// "About this build": this file's own SHA-256, computed here from its exact
// bytes. A file cannot contain its own hash, so it carries a skeleton of
// itself instead (the SKELETON block: the file with the <style>, this
// script and the skeleton block's contents cut out); the page puts those
// three back, as the HTML parser keeps them byte for byte, and hashes the
// result with crypto.subtle. Yew empties <body> when it starts, so the
// footer is held aside and put back after it.
const aboutScript = `const jwtInspectorAbout = document.querySelector(".about-build");
jwtInspectorAbout?.remove();
(async () => {
  const cell = jwtInspectorAbout.querySelector('[data-testid="build-single-sha256"]');
  try {
    const block = document.getElementById("${SKELETON_ID}");
    const parts = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(block.textContent), (c) => c.charCodeAt(0))));
    const text = parts[0] + document.querySelector("head > style").textContent + parts[1] +
      document.querySelector('head > script[type="module"]').textContent + parts[2] + block.textContent + parts[3];
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
    cell.textContent = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    cell.dataset.sha256 = cell.textContent;
  } catch (error) {
    cell.textContent = \`could not be computed in this browser (\${error.message ?? error}); compare sha256sum of this file with SHA256SUMS\`;
  }
})();
`;
const script = `${aboutScript}window.jwtInspectorWorkerUrl = URL.createObjectURL(new Blob([${JSON.stringify(workerSource)}], { type: "text/javascript" }));
window.jwtInspectorExamples = ${JSON.stringify(examples)};
// The encoder's no-modules glue, in its own scope; started on first use
// (src/ui/browser.rs open_encoder), as static/boot.js does when served.
const encoderInit = (() => {
${encoderGlue}
return wasm_bindgen;
})();
let encoderLoaded;
window.jwtInspectorLoadEncoder = () =>
  (encoderLoaded ??= encoderInit({ module_or_path: Uint8Array.from(atob("${encoderWasm}"), (c) => c.charCodeAt(0)) })
    .catch((error) => {
      encoderLoaded = undefined;
      const message = document.createElement("p");
      message.setAttribute("role", "alert");
      message.className = "notice high";
      message.textContent = \`The encoder could not be opened (\${error.message ?? error}). Nothing was sent anywhere.\`;
      document.body.append(message);
    }));
${glue}
const wasmBytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
try {
  await __wbg_init({ module_or_path: wasmBytes });
} finally {
  if (jwtInspectorAbout) document.body.append(jwtInspectorAbout);
}
`;
const hash = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  "worker-src blob:",
  `style-src ${hash(css)}`,
  "img-src data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
// The file in four fixed parts around the three blocks the page reads back
// from its DOM (style, module script, skeleton).
const parts = [
  `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>JWT Inspector — offline, private (single file)</title>
<link rel="icon" href="data:image/svg+xml;base64,${icon}">
<style>`,
  `</style>
<script type="module">`,
  `</script>
<script type="text/plain" id="${SKELETON_ID}">`,
  `</script>
</head>
<body>
<noscript>This inspector runs as WebAssembly in your browser; please enable JavaScript. Nothing you paste is sent anywhere.</noscript>
<footer class="about-build" data-testid="about-build">
<details>
<summary>About this build</summary>
<dl>
<dt>Version</dt><dd data-testid="build-version">${escapeHtml(version)}</dd>
<dt>Commit</dt><dd data-testid="build-commit"><code>${escapeHtml(commit)}</code></dd>
<dt>This file's SHA-256</dt><dd data-testid="build-single-sha256">computing…</dd>
</dl>
<p>Compare this SHA-256 with the line for this file in the release's SHA256SUMS (or with <code>sha256sum</code> of the file).</p>
</details>
</footer>
</body>
</html>
`,
];
const skeleton = Buffer.from(JSON.stringify(parts)).toString("base64");
// The parser hands these back as written only without CR or NUL, and only
// while none of them closes its own element early.
for (const [name, text] of [["style", css], ["script", script]]) {
  if (/[\r\0]/.test(text)) throw new Error(`the ${name} holds CR or NUL: the page could not rebuild its own bytes`);
}
if (/<\/style/i.test(css) || /<\/script/i.test(script)) throw new Error("an inlined block closes its own element");
const html = parts[0] + css + parts[1] + script + parts[2] + skeleton + parts[3];
if (Buffer.from(html, "utf8").toString("utf8") !== html) throw new Error("the single file is not valid UTF-8");
const sha256 = createHash("sha256").update(html, "utf8").digest("hex");
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, html);
console.log(`wrote ${output} (${(html.length / 1024).toFixed(0)} KB, SHA-256 ${sha256}): open it from disk; it needs no network`);
