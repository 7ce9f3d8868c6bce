// Starts the full analysis in this Web Worker: wasm-bindgen's no-modules
// glue, then the WebAssembly (both from this origin), each checked against
// the SHA-384 hash index.html lists for it. boot.js passes the two hashes
// in this script's URL fragment (#glue=…&wasm=…).
//
// importScripts takes no integrity, so the glue is first fetched with its
// hash: a file that does not match stops the worker here, before anything
// of it runs. The service worker (sw.js) then serves importScripts only
// those same checked bytes (docs/release.md).
const hashes = new URLSearchParams(self.location.hash.slice(1));
const fail = (error) => setTimeout(() => { throw error; });
fetch("./jwt-inspector-worker.js", { integrity: hashes.get("glue") ?? "" })
  .then((response) => {
    if (!response.ok) throw new Error(`jwt-inspector-worker.js: ${response.status}`);
    importScripts("./jwt-inspector-worker.js");
    return wasm_bindgen({ module_or_path: fetch("./jwt-inspector-worker_bg.wasm", { integrity: hashes.get("wasm") ?? "" }) });
  })
  // An error thrown from a task reaches the page's Worker.onerror.
  .catch((error) => fail(new Error(`the worker's files could not be verified (${error.message ?? error})`)));
