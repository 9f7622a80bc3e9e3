//! Paper: whether the page is being printed.

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::app::AppState;

/// Whether the page is being printed, and how to print it.
#[derive(Clone, Copy)]
pub struct Printing {
    pub on: ReadSignal<bool>,
    switch: Callback<bool>,
}

impl Printing {
    /// Print from a button: what goes on paper is drawn first, then the
    /// browser's print dialog opens (`window.print()` lays the page out at
    /// once, before anything drawn in the same click would show).
    pub fn print(self) {
        self.switch.run(true);
        leptos::task::spawn_local(async move {
            crate::ui::app::platform::next_paint().await;
            let _ = window().print();
            self.switch.run(false);
        });
    }

    /// The button that prints, and `paper` (drawn while printing) outside
    /// the app's layout, which printing hides.
    pub fn button_and_paper(self, label: Msg, paper: impl IntoView + Clone + Sync + 'static) -> impl IntoView {
        let i = expect_context::<AppState>().i18n;
        view! {
            <button class="btn" type="button" on:click=move |_| self.print()>{i.text(label)}</button>
            <Portal><div class="print-root">{paper.clone()}</div></Portal>
        }
    }
}

/// True from the browser's `beforeprint` to its `afterprint` (Ctrl+P), or
/// while [`Printing::print`] prints, so that what goes on paper is drawn only
/// then. While it is, the root element has the class `printing`, which the
/// print stylesheet uses to put it in place of the screen's layout.
pub fn printing() -> Printing {
    let (on, set) = signal(false);
    let switch = Callback::new(move |value: bool| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("printing", value);
        }
        set.set(value);
    });
    let before = window_event_listener_untyped("beforeprint", move |_| switch.run(true));
    let after = window_event_listener_untyped("afterprint", move |_| switch.run(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
        switch.run(false);
    });
    Printing { on, switch }
}
