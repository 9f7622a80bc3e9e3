//! Every row of the file and what becomes of it: a new customer, a duplicate
//! to skip, create or update, or the reasons it cannot be imported.

use leptos::prelude::*;
use rustc_hash::FxHashMap;

use super::import_page::{choice_for, target_error, Outcome};
use crate::domain::import::{Choice, Duplicate, Parsed};
use crate::i18n::Msg;
use crate::ui::app::AppState;

/// New rows shown (a file of 10,000 would take the page seconds to draw);
/// every row to decide or that cannot be imported is shown.
const NEW_SHOWN: usize = 200;

#[component]
pub fn PreviewTable(
    /// Each row's outcome, by its position among the data rows (`None` until the name has a column).
    #[prop(into)]
    outcomes: Signal<Option<Vec<(usize, Outcome)>>>,
    /// Choices made for single duplicate rows, by row.
    overrides: RwSignal<FxHashMap<usize, Choice>>,
    /// The choice for every other duplicate.
    every: RwSignal<Choice>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let cells = move |p: &Parsed| {
        let contact = p.contact.as_ref().map(|c| format!("{} {}", c.name, c.mobile).trim().to_string()).unwrap_or_default();
        (p.customer.name.clone(), p.customer.phone.clone(), contact)
    };
    let row_view = move |row: usize, outcome: Outcome| {
        let l = i.locale.get_untracked();
        let (class, what, (name, phone, contact), detail) = match outcome {
            Outcome::New(p) => ("new", i.t_untracked(Msg::WillCreate).to_string(), cells(&p), None),
            Outcome::Repeats(p, d, other) => {
                let what = match &d {
                    Duplicate::Archive(_) => i.t_untracked(Msg::SameAsArchive).replace("{name}", &other),
                    Duplicate::File(k) => i.t_untracked(Msg::SameAsRow).replace("{n}", &(k + 2).to_string()),
                };
                let can_update = matches!(d, Duplicate::Archive(_));
                let chosen = Memo::new(move |_| overrides.with(|ov| choice_for(row, &d, ov, every.get())));
                let select = view! {
                    <select aria-label=format!("{} {}", i.t_untracked(Msg::RowCol), row + 2) on:change=move |ev| {
                        let c = match event_target_value(&ev).as_str() { "create" => Choice::Create, "update" => Choice::Update, _ => Choice::Skip };
                        overrides.update(|ov| { ov.insert(row, c); });
                    }>
                        <option value="skip" selected=move || chosen.get() == Choice::Skip>{i.text(Msg::SkipRow)}</option>
                        <option value="create" selected=move || chosen.get() == Choice::Create>{i.text(Msg::CreateRow)}</option>
                        {can_update.then(|| view! { <option value="update" selected=move || chosen.get() == Choice::Update>{i.text(Msg::UpdateRow)}</option> })}
                    </select>
                };
                ("repeats", what, cells(&p), Some(select.into_any()))
            }
            Outcome::Refused(errors) => {
                let reasons = errors.iter().map(|(t, e)| view! { <li>{target_error(*t, e, l)}</li> }).collect_view();
                ("refused", i.t_untracked(Msg::CannotImport).to_string(), (String::new(), String::new(), String::new()), Some(view! { <ul class="reasons">{reasons}</ul> }.into_any()))
            }
        };
        view! {
            <tr class=class>
                <td class="right mono">{row + 2}</td>
                <td>{what}</td>
                <td>{name}</td>
                <td class="mono">{phone}</td>
                <td>{contact}</td>
                <td>{detail}</td>
            </tr>
        }
    };
    view! {
        <div class="preview-scroll">
            <table class="table preview-table">
                <thead><tr>
                    <th scope="col" class="right">{i.text(Msg::RowCol)}</th>
                    <th scope="col">{i.text(Msg::OutcomeCol)}</th>
                    <th scope="col">{i.text(Msg::Name)}</th>
                    <th scope="col">{i.text(Msg::Phone)}</th>
                    <th scope="col">{i.text(Msg::PrimaryContact)}</th>
                    <th scope="col"></th>
                </tr></thead>
                <tbody>
                    {move || {
                        // Every row to decide or that cannot be imported; the new ones up to a limit.
                        let mut new = 0;
                        outcomes.get().unwrap_or_default().into_iter().filter(|(_, o)| {
                            new += matches!(o, Outcome::New(_)) as usize;
                            !matches!(o, Outcome::New(_)) || new <= NEW_SHOWN
                        }).map(|(row, o)| row_view(row, o)).collect_view()
                    }}
                </tbody>
            </table>
            {move || {
                let more = outcomes.with(|o| o.as_ref().map_or(0, |o| o.iter().filter(|(_, o)| matches!(o, Outcome::New(_))).count())).saturating_sub(NEW_SHOWN);
                (more > 0).then(|| view! { <p class="muted more-rows">{i.t(Msg::MoreNewRows).replace("{n}", &more.to_string())}</p> })
            }}
        </div>
    }
}
