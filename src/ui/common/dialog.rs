//! A modal dialog: focus goes in, Escape closes it.

use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Dialog(
    /// The dialog's title, also its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// Called when the user dismisses the dialog.
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let title_id = super::next_id("dlg");
    let labelled_by = title_id.clone();
    let node = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let first = el.query_selector("input, textarea, select, button").ok().flatten();
            if let Some(f) = first {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(f).focus();
            }
        }
    });
    view! {
        <div class="backdrop" on:click=move |_| on_close.run(())>
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                node_ref=node
                on:click=|ev| ev.stop_propagation()
                on:keydown=move |ev| if ev.key() == "Escape" { on_close.run(()) }
            >
                <h2 id=title_id>{title}</h2>
                {children()}
            </div>
        </div>
    }
}
