//! Long work under way: a bar and what is being done.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::app::AppState;

#[component]
pub fn ProgressLine(
    /// Done out of total, while the work runs (a total of 0: under way, how far
    /// unknown, as while one transaction commits); nothing shows otherwise.
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
                    {if total == 0 { view! { <progress></progress> }.into_any() } else { view! { <progress max=total value=done></progress> }.into_any() }}
                    {i.text(label)}
                </span>
            }
        })
    }
}
