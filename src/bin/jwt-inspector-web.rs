//! The browser app's entry point; Trunk builds it (index.html, data-bin).

#[cfg(target_arch = "wasm32")]
fn main() {
    // What was pasted into the prerendered first view, read before Yew
    // empties <body> (src/ui/shell.rs).
    jwt_inspector::ui::shell::capture();
    match jwt_inspector::ui::shell::app_root() {
        Some(root) => yew::Renderer::<jwt_inspector::ui::App>::with_root(root).render(),
        None => yew::Renderer::<jwt_inspector::ui::App>::new().render(),
    };
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "jwt-inspector-web is the browser app: build and serve it with `trunk serve` (see README.md)."
    );
    std::process::exit(2);
}
