//! The page's Web Worker: the full analysis (keys, signature verification,
//! Keystone CMS) behind `postMessage`, loaded only when the light build in
//! the page needs it. See `jwt_inspector::worker`.

#[cfg(target_arch = "wasm32")]
fn main() {
    jwt_inspector::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("jwt-inspector-worker runs in the browser as the page's Web Worker (see README.md).");
    std::process::exit(2);
}
