//! A modal dialog: focus goes in, Escape closes it.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::app::AppState;

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

/// A dialog that asks why before a step that removes something: what it
/// does, a reason (required: an empty one is refused here with its message),
/// the button that does it and Cancel. `busy` and `error` are the caller's,
/// so the step it runs can report into the same dialog.
#[component]
pub fn ReasonDialog(
    #[prop(into)] title: Signal<String>,
    explain: Msg,
    reason_label: Msg,
    /// The button that goes ahead.
    confirm: Msg,
    reason: RwSignal<String>,
    error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    /// Called with a non-empty reason typed.
    on_confirm: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i = expect_context::<AppState>().i18n;
    let go = move |_| {
        if reason.get_untracked().trim().is_empty() {
            error.set(Some(i.t_untracked(Msg::ReasonRequired).to_string()));
        } else {
            on_confirm.run(());
        }
    };
    view! {
        <Dialog title=title on_close=on_close>
            <p>{i.text(explain)}</p>
            <super::TextArea label=i.sig(reason_label) value=reason error=error required=true/>
            <div class="actions">
                <button class="btn danger" disabled=move || busy.get() on:click=go>{i.text(confirm)}</button>
                <button class="btn" on:click=move |_| on_close.run(())>{i.text(Msg::Cancel)}</button>
            </div>
        </Dialog>
    }
}
