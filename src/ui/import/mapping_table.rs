//! Which field each column of the file goes to: guessed from the headings,
//! confirmed or changed by the user.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::import::Target;
use crate::i18n::{Label, Msg};
use crate::io::sheets;
use crate::ui::app::AppState;

#[component]
pub fn MappingTable(
    /// The file's rows, headings first.
    rows: Arc<Vec<Vec<String>>>,
    /// Each column's target; `None` leaves the column out.
    mapping: RwSignal<Vec<Option<Target>>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    // The menu's entries: every field of the customer, then of its primary contact.
    let options = Signal::derive(move || {
        let l = i.locale.get();
        Target::all()
            .map(|t| {
                let text = match t {
                    Target::Customer(f) => f.label(l).to_string(),
                    Target::Contact(f) => sheets::primary_heading(f, l),
                };
                (t.key(), text)
            })
            .collect::<Vec<_>>()
    });
    // A field goes to one column: choosing it for this one takes it from any other.
    let choose = move |col: usize, key: String| {
        let target = Target::parse(&key);
        mapping.update(|m| {
            for (k, t) in m.iter_mut().enumerate() {
                if k != col && target.is_some() && *t == target {
                    *t = None;
                }
            }
            m[col] = target;
        });
    };
    let headings = rows[0].clone();
    let first = rows.get(1).cloned().unwrap_or_default();
    view! {
        <table class="table mapping-table">
            <thead><tr>
                <th scope="col">{i.text(Msg::ColumnInFile)}</th>
                <th scope="col">{i.text(Msg::FirstValue)}</th>
                <th scope="col">{i.text(Msg::GoesTo)}</th>
            </tr></thead>
            <tbody>
                {headings.into_iter().enumerate().map(|(col, heading)| {
                    let current = move || mapping.with(|m| m.get(col).copied().flatten().map(Target::key).unwrap_or_default());
                    view! {
                        <tr>
                            <th scope="row">{heading.clone()}</th>
                            <td class="muted">{first.get(col).cloned().unwrap_or_default()}</td>
                            <td>
                                <select aria-label=heading prop:value=current on:change=move |ev| choose(col, event_target_value(&ev))>
                                    <option value="" selected=move || current().is_empty()>{i.text(Msg::NotImported)}</option>
                                    {move || options.get().into_iter().map(|(key, text)| {
                                        let k = key.clone();
                                        view! { <option value=key selected=move || current() == k>{text}</option> }
                                    }).collect_view()}
                                </select>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
