//! The first view, prerendered into index.html (issue 15 §3): a static
//! copy of what the app renders first, so the page paints and its paste
//! box takes a paste before the WebAssembly has compiled. The copy is
//! written by `scripts/prerender.mjs` and kept equal to the app's first
//! render by tests/browser/shell.test.mjs; it needs no script or style of
//! its own, so the CSP stays as strict.
//!
//! When the app starts it takes over: the entry point reads what was
//! pasted or typed into the copy's paste and key boxes ([`capture`]) just
//! before Yew empties `<body>` for its first render, in the same task
//! (nothing flashes); the app starts from that input ([`typed`]), and the
//! box that had the focus gets it back ([`restore_focus`]).

use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

/// Marks the prerendered copy's root element.
const ROOT: &str = "[data-prerendered]";

/// What the person put into the prerendered copy before the app started.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Typed {
    /// The paste box (`#paste`).
    pub paste: String,
    /// The key box (`#key`).
    pub keys: String,
}

/// The id of the box that had the focus, for [`restore_focus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focused {
    Paste,
    Keys,
}

impl Focused {
    fn id(self) -> &'static str {
        match self {
            Focused::Paste => "paste",
            Focused::Keys => "key",
        }
    }
}

thread_local! {
    static FOCUSED: Cell<Option<Focused>> = const { Cell::new(None) };
    static TYPED: RefCell<Option<Typed>> = const { RefCell::new(None) };
}

/// Reads what was typed into the prerendered copy and removes the copy
/// (called by the entry point before the app's first render). Nothing
/// happens when the page has none (the single-file build).
pub fn capture() {
    let typed = read_and_remove();
    TYPED.with(|slot| *slot.borrow_mut() = typed);
}

/// What [`capture`] read, once.
pub fn typed() -> Option<Typed> {
    TYPED.with(|slot| slot.borrow_mut().take())
}

fn read_and_remove() -> Option<Typed> {
    let document = web_sys::window()?.document()?;
    let root = document.query_selector(ROOT).ok()??;
    let value = |id: &str| {
        root.query_selector(&format!("#{id}"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .map(|area| area.value())
            .unwrap_or_default()
    };
    let focused = document.active_element().and_then(|active| {
        [Focused::Paste, Focused::Keys]
            .into_iter()
            .find(|f| active.id() == f.id() && root.contains(Some(&active)))
    });
    FOCUSED.with(|slot| slot.set(focused));
    let typed = Typed {
        paste: value(Focused::Paste.id()),
        keys: value(Focused::Keys.id()),
    };
    root.remove();
    Some(typed)
}

/// Gives the focus back to the box that had it in the prerendered copy,
/// the caret at the end (after the app's first render).
pub fn restore_focus() {
    let Some(focused) = FOCUSED.with(Cell::take) else {
        return;
    };
    let area = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(focused.id()))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(area) = area {
        let _ = area.focus();
        let end = area.value().len() as u32;
        let _ = area.set_selection_range(end, end);
    }
}

/// The element the app renders into: `#app`, made first in `<body>` when
/// the page has none (the single-file build). The app must not take
/// `<body>` itself: the encoder, a second Yew app in its own wasm module,
/// mounts a `<dialog>` in the body, and Yew routes events by ids each
/// module numbers alone, so an app whose root held the dialog would take
/// the encoder's events for its own (a change of RSA size in the encoder
/// once reached the page's share buttons).
pub fn app_root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    if let Some(root) = document.get_element_by_id("app") {
        return Some(root);
    }
    let root = document.create_element("div").ok()?;
    root.set_id("app");
    let body = document.body()?;
    body.insert_before(&root, body.first_child().as_ref())
        .ok()?;
    Some(root)
}
