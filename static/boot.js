// Starts the inspector's WebAssembly. A file rather than Trunk's inline
// loader, so the Content-Security-Policy can forbid every inline script.
// Registers the service worker that lets the page load again offline.
//
// Every file is loaded with the SHA-384 hash index.html lists for it
// (data-sri, written by scripts/build-info.mjs): a file whose bytes differ
// is refused by the browser and never runs (docs/release.md).
(() => {
  "use strict";
  const { js, wasm, worker, encoder, sri = "" } = document.currentScript.dataset;
  const alert = (text) => {
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.className = "notice high";
    message.textContent = text;
    document.body.append(message);
  };
  // "./file sha384-… ./other sha384-…" → { "./file": "sha384-…", … }
  const hashes = {};
  const pairs = sri.trim().split(/\s+/);
  for (let i = 0; i + 1 < pairs.length; i += 2) hashes[pairs[i]] = pairs[i + 1];
  const integrity = (url) => hashes[url] ?? "";
  const checked = (url) => fetch(url, { integrity: integrity(url) });
  // The worker's loader cannot be given a hash (new Worker has none); it
  // reads its files' hashes from its URL's fragment and checks them.
  if (worker) {
    const base = worker.replace(/[^/]*$/, "");
    const files = new URLSearchParams({
      glue: integrity(`${base}jwt-inspector-worker.js`),
      wasm: integrity(`${base}jwt-inspector-worker_bg.wasm`),
    });
    window.jwtInspectorWorkerUrl = `${worker}#${files}`;
  }
  // "About this build" (index.html): Yew empties <body> when it starts, so
  // the footer is held aside and put back after it (style.css orders it last).
  const about = document.querySelector(".about-build");
  about?.remove();
  const showAbout = () => about && document.body.append(about);
  performance.mark("boot");
  // The glue's <link rel=modulepreload integrity> checks the module this
  // import reuses in Chromium and Firefox, but WebKit's import() fetches it
  // again unchecked; so the glue is fetched with its hash first (in
  // parallel with the preload) and imported only if it matches. The wasm
  // is fetched with its own hash.
  checked(js)
    .then((response) => {
      if (!response.ok) throw new Error(`${js}: ${response.status}`);
      return import(js);
    })
    .then((bindings) => bindings.default({ module_or_path: checked(wasm) }))
    // The benchmark harness reads the page's WebAssembly memory size.
    .then((instance) => { performance.mark("wasm-started"); window.jwtInspectorMemory = instance.memory; })
    .catch((error) => alert(`The inspector could not start in this browser (${error}). Nothing was sent anywhere.`))
    .finally(showAbout);
  // The encoder ("Edit & sign") is its own module, loaded the first time
  // the page opens it (src/ui/browser.rs open_encoder). Loads once; the
  // promise settles when the encoder has started.
  let encoderLoaded;
  window.jwtInspectorLoadEncoder = () => {
    encoderLoaded ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = encoder;
      script.integrity = integrity(encoder);
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${encoder} could not be loaded`));
      document.head.append(script);
    })
      // wasm-bindgen's no-modules glue defines the global wasm_bindgen.
      .then(() => wasm_bindgen({ module_or_path: checked(encoder.replace(/\.js$/, "_bg.wasm")) }))
      .catch((error) => {
        encoderLoaded = undefined;
        alert(`The encoder could not be opened (${error.message ?? error}). Nothing was sent anywhere.`);
      });
    return encoderLoaded;
  };
  if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
    addEventListener("load", () => navigator.serviceWorker.register("./sw.js").catch(() => {}));
  }
})();
