// Turns the Trunk build in dist/ into one self-contained HTML file (CSS,
// JavaScript and WebAssembly inlined) that works opened from file:// on an
// air-gapped machine. Its CSP allows only these exact inline blocks (by
// hash) and no connection at all.
//
// Usage: node scripts/single-file.mjs [dist] [output]

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, resolve } from "node:path";

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
const script = `window.jwtInspectorWorkerUrl = URL.createObjectURL(new Blob([${JSON.stringify(workerSource)}], { type: "text/javascript" }));
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
await __wbg_init({ module_or_path: wasmBytes });
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

const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>JWT Inspector — offline, private (single file)</title>
<link rel="icon" href="data:image/svg+xml;base64,${icon}">
<style>${css}</style>
<script type="module">${script}</script>
</head>
<body>
<noscript>This inspector runs as WebAssembly in your browser; please enable JavaScript. Nothing you paste is sent anywhere.</noscript>
</body>
</html>
`;
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, html);
console.log(`wrote ${output} (${(html.length / 1024).toFixed(0)} KB): open it from disk; it needs no network`);
