//! The Grades page: what the grades are and how they are given, and the
//! re-grade, with the quarter's reminder on top when one is due.

use leptos::prelude::*;

use super::regrade_panel::RegradePanel;
use super::rules_editor::RulesEditor;
use crate::domain::grading::regrade_due;
use crate::i18n::Msg;
use crate::ui::app::{platform, AppState};

#[component]
pub fn GradesPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let due = move || {
        let last = state.grading.with(|g| g.regraded_on);
        regrade_due(platform::today(), last, None).then(|| {
            let date = last.map(|d| d.to_string()).unwrap_or_else(|| i.t(Msg::Never).to_string());
            i.t(Msg::RegradeDue).replace("{date}", &date)
        })
    };
    view! {
        <section class="page grades-page">
            <div class="page-head">
                <h1>{i.text(Msg::NavGrades)}</h1>
            </div>
            {move || due().map(|text| view! { <p class="notice warn" role="status">{text}</p> })}
            <p class="muted explain">{i.text(Msg::GradesExplain)}</p>
            <RulesEditor/>
            <RegradePanel/>
        </section>
    }
}
