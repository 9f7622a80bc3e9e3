//! A customer's history: who changed what, when, from what to what, and why.

use leptos::prelude::*;

use super::values::show_change;
use crate::domain::HistoryEntry;
use crate::i18n::Msg;
use crate::ui::app::{platform, AppState};

#[component]
pub fn HistoryPanel(
    /// The entries, newest first.
    #[prop(into)]
    entries: Signal<Vec<HistoryEntry>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    view! {
        <Show when=move || entries.with(Vec::is_empty)>
            <p class="muted">{i.text(Msg::NoHistory)}</p>
        </Show>
        <ol class="history" aria-label=i.text(Msg::History)>
            {move || entries.get().into_iter().map(|h| {
                let changes = h.changes.clone();
                let entity = h.entity;
                view! {
                    <li class="history-entry">
                        <div class="history-head">
                            <span class="when">{platform::format_time(h.at)}</span>
                            <span class="who">{h.by.name.clone()}</span>
                            <span class="pill">{i.label(h.action)}</span>
                            {(entity != crate::domain::Kind::Customer).then(|| view! { <span class="muted">{i.label(entity)}</span> })}
                        </div>
                        {(!h.reason.is_empty()).then(|| view! {
                            <p class="reason"><span class="muted">{i.text(Msg::Reason)}": "</span>{h.reason.clone()}</p>
                        })}
                        {(!changes.is_empty()).then(|| view! {
                            <table class="changes">
                                <thead><tr>
                                    <th>{i.text(Msg::FieldName)}</th>
                                    <th>{i.text(Msg::OldValue)}</th>
                                    <th>{i.text(Msg::NewValue)}</th>
                                </tr></thead>
                                <tbody>
                                    {changes.into_iter().map(|c| {
                                        let (label, old) = show_change(&state, entity, &c.field, &c.old);
                                        let (_, new) = show_change(&state, entity, &c.field, &c.new);
                                        view! { <tr><td>{label}</td><td class="old">{old}</td><td class="new">{new}</td></tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
