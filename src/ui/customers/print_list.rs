//! The list as it is filtered and sorted, printed as a table (drawn only
//! while the page is printed).

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::app::{platform, AppState};
use crate::ui::common::printing;

/// Rows a printed list holds at most (some 50 pages).
const PRINT_LIMIT: usize = 2_000;

#[component]
pub fn PrintList(
    /// Positions of the rows the list shows, in its order.
    #[prop(into)]
    hits: Signal<Vec<usize>>,
    /// Whether the list is on screen: a list kept under a customer's page
    /// is not printed with it.
    #[prop(into)]
    visible: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let printing = printing();
    let table = move || {
        (printing.on.get() && visible.get_untracked()).then(|| {
            let rows = hits.with_untracked(|h| {
                state.index.with_untracked(|idx| {
                    h.iter()
                        .take(PRINT_LIMIT)
                        .filter_map(|&at| idx.get(at))
                        .map(|r| {
                            view! {
                                <tr>
                                    <td>{r.name().to_string()}</td>
                                    <td>{i.label(r.kind)}</td>
                                    <td>{i.label(r.status)}</td>
                                    <td>{r.owner().map(|o| state.staff_name(o)).unwrap_or_default()}</td>
                                    <td>{r.industry().to_string()}</td>
                                    <td>{r.region().to_string()}</td>
                                    <td>{r.contacts().next().unwrap_or_default().to_string()}</td>
                                    <td>{if r.phone().is_empty() { r.contact_phones().next().unwrap_or_default() } else { r.phone() }.to_string()}</td>
                                    <td>{platform::format_date(r.reviewed_at)}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
            });
            let total = hits.with_untracked(Vec::len);
            let note = i.t(Msg::PrintedCount).replace("{n}", &total.min(PRINT_LIMIT).to_string()).replace("{total}", &total.to_string());
            view! {
                <div class="print-list">
                    <h1>{i.text(Msg::NavCustomers)}</h1>
                    <p class="printed">{note}" · "{platform::format_time(platform::now())}</p>
                    <table>
                        <thead><tr>
                            <th>{i.text(Msg::Name)}</th><th>{i.text(Msg::Kind)}</th><th>{i.text(Msg::Status)}</th>
                            <th>{i.text(Msg::Owner)}</th><th>{i.text(Msg::Industry)}</th><th>{i.text(Msg::Region)}</th>
                            <th>{i.text(Msg::PrimaryContact)}</th><th>{i.text(Msg::Phone)}</th><th>{i.text(Msg::LastReviewed)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };
    printing.button_and_paper(Msg::PrintList, table)
}
