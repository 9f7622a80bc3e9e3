//! Paper: whether the page is being printed.

use leptos::prelude::*;

/// True from the browser's `beforeprint` to its `afterprint` (Ctrl+P, or a
/// print button calling `window.print()`), so that what goes on paper is
/// drawn only then. While it is, the root element has the class `printing`,
/// which the print stylesheet uses to put it in place of the screen's layout.
pub fn printing() -> ReadSignal<bool> {
    let (on, set) = signal(false);
    let switch = move |value: bool| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("printing", value);
        }
        set.set(value);
    };
    let before = window_event_listener_untyped("beforeprint", move |_| switch(true));
    let after = window_event_listener_untyped("afterprint", move |_| switch(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
        switch(false);
    });
    on
}
