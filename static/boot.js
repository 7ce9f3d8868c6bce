// Starts the inspector's WebAssembly. A file rather than Trunk's inline
// loader, so the Content-Security-Policy can forbid every inline script.
// Registers the service worker that lets the page load again offline.
(() => {
  "use strict";
  const { js, wasm } = document.currentScript.dataset;
  performance.mark("boot");
  import(js)
    .then((bindings) => bindings.default({ module_or_path: wasm }))
    // The benchmark harness reads the page's WebAssembly memory size.
    .then((instance) => { performance.mark("wasm-started"); window.jwtInspectorMemory = instance.memory; })
    .catch((error) => {
      const message = document.createElement("p");
      message.setAttribute("role", "alert");
      message.textContent = `The inspector could not start in this browser (${error}). Nothing was sent anywhere.`;
      document.body.append(message);
    });
  if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
    addEventListener("load", () => navigator.serviceWorker.register("./sw.js").catch(() => {}));
  }
})();
