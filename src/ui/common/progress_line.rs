//! Long work under way: a bar and what is being done.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::app::AppState;

#[component]
pub fn ProgressLine(
    /// Done out of total, while the work runs; nothing shows otherwise.
    #[prop(into)]
    progress: Signal<Option<(usize, usize)>>,
    /// What is being done.
    label: Msg,
) -> impl IntoView {
    let i = expect_context::<AppState>().i18n;
    move || {
        progress.get().map(|(done, total)| {
            view! {
                <span class="progress-line" role="status">
                    <progress max=total value=done></progress>
                    {i.text(label)}
                </span>
            }
        })
    }
}
