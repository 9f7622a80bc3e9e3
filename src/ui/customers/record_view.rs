//! The record's four sections and its kind's card, read-only.

use leptos::prelude::*;

use super::values::record_value;
use crate::domain::customer::Section;
use crate::domain::{Customer, Field};
use crate::ui::app::AppState;

#[component]
pub fn RecordView(
    /// The record shown.
    #[prop(into)]
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let section = move |s: Section| {
        let fields = move || {
            let c = customer.get();
            Field::in_section(s)
                .filter(|f| f.applies_to(c.kind) && f.applies_to_status(c.status) && *f != Field::Name)
                .map(|f| {
                    let value = record_value(&state, &c, f);
                    let empty = value.is_empty();
                    view! {
                        <div class="kv" class:long=f.input() == crate::domain::customer::Input::LongText>
                            <dt>{i.label(f)}</dt>
                            <dd class:muted=empty>{if empty { "—".to_string() } else { value }}</dd>
                        </div>
                    }
                })
                .collect_view()
        };
        view! {
            <section class="card-section">
                <h3>{move || {
                    let c = customer.get();
                    if s == Section::Card { i.label(c.kind).to_string() } else { i.label(s).to_string() }
                }}</h3>
                <dl class="kv-grid">{fields}</dl>
            </section>
        }
    };
    view! {
        <div class="record">
            {Section::ALL.iter().map(|s| section(*s)).collect_view()}
        </div>
    }
}
