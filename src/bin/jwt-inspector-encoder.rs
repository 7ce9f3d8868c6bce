//! The encoder ("Edit & sign"): a second wasm module that the page loads
//! the first time the person opens it (static/boot.js), so the page's first
//! download does not carry it. See `jwt_inspector::ui::encoder`.

#[cfg(target_arch = "wasm32")]
fn main() {
    jwt_inspector::ui::encoder::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("jwt-inspector-encoder runs in the browser, opened from the page (see README.md).");
    std::process::exit(2);
}
