// Starts the inspector's WebAssembly. A file rather than Trunk's inline
// loader, so the Content-Security-Policy can forbid every inline script.
// Registers the service worker that lets the page load again offline.
(() => {
  "use strict";
  const { js, wasm, encoder } = document.currentScript.dataset;
  const alert = (text) => {
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.className = "notice high";
    message.textContent = text;
    document.body.append(message);
  };
  performance.mark("boot");
  import(js)
    .then((bindings) => bindings.default({ module_or_path: wasm }))
    // The benchmark harness reads the page's WebAssembly memory size.
    .then((instance) => { performance.mark("wasm-started"); window.jwtInspectorMemory = instance.memory; })
    .catch((error) => alert(`The inspector could not start in this browser (${error}). Nothing was sent anywhere.`));
  // The encoder ("Edit & sign") is its own module, loaded the first time
  // the page opens it (src/ui/browser.rs open_encoder). Loads once; the
  // promise settles when the encoder has started.
  let encoderLoaded;
  window.jwtInspectorLoadEncoder = () => {
    encoderLoaded ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = encoder;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${encoder} could not be loaded`));
      document.head.append(script);
    })
      // wasm-bindgen's no-modules glue defines the global wasm_bindgen.
      .then(() => wasm_bindgen({ module_or_path: encoder.replace(/\.js$/, "_bg.wasm") }))
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
