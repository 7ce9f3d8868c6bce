// Starts the full analysis in this Web Worker: wasm-bindgen's no-modules
// glue, then the WebAssembly (both from this origin).
importScripts("./jwt-inspector-worker.js");
wasm_bindgen({ module_or_path: "./jwt-inspector-worker_bg.wasm" });
