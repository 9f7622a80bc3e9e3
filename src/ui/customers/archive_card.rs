//! The customer archive card (客户档案卡) on paper, kept beside the electronic
//! record (两套制): the dealer's or the end customer's card, with every field of
//! the kind (empty ones left blank to fill in by hand), the contacts and the
//! latest log entries. It is drawn only while the page is printed.

use leptos::prelude::*;

use super::customer_page::Loaded;
use super::values::record_value;
use crate::domain::contact::ContactField;
use crate::domain::customer::Section;
use crate::domain::{sorting, Contact, CustomerKind, Field, Interaction};
use crate::i18n::Msg;
use crate::ui::app::{platform, AppState};
use crate::ui::common::printing;

/// Log entries the card carries, latest first.
const LOG_ON_CARD: usize = 12;

#[component]
/// The print button, and the card while the page is printed.
pub fn ArchiveCard(
    /// The customer, its contacts and log.
    #[prop(into)]
    data: Signal<Option<Loaded>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let printing = printing();
    let card = move || {
        printing.on.get().then(|| data.get()).flatten().map(|d| {
            let c = d.customer;
            let title = if c.kind == CustomerKind::Dealer { Msg::CardDealer } else { Msg::CardEndCustomer };
            let sections = Section::ALL
                .iter()
                .map(|&s| {
                    let rows = Field::in_section(s)
                        .filter(|f| f.applies_to(c.kind))
                        .map(|f| view! { <tr><th scope="row">{i.label(f)}</th><td>{record_value(&state, &c, f)}</td></tr> })
                        .collect_view();
                    view! { <h3>{i.label(s)}</h3><table class="card-fields">{rows}</table> }
                })
                .collect_view();
            let contact_fields = [ContactField::Name, ContactField::Title, ContactField::Mobile, ContactField::Phone, ContactField::Email, ContactField::Birthday];
            let mut contacts = d.contacts;
            sorting::sort_by(&mut contacts, Contact::list_order);
            let contact_rows = contacts
                .iter()
                .map(|p| view! { <tr>{contact_fields.iter().map(|&f| view! { <td>{p.get(f)}</td> }).collect_view()}</tr> })
                .collect_view();
            let mut log = d.log;
            sorting::sort_by(&mut log, Interaction::latest_first);
            let log_rows = log
                .iter()
                .take(LOG_ON_CARD)
                .map(|e| {
                    view! {
                        <tr>
                            <td>{e.date.to_string()}</td>
                            <td>{e.staff.as_deref().map(|s| state.staff_name(s)).unwrap_or_default()}</td>
                            <td>{i.label(e.channel)}</td>
                            <td>{e.summary.clone()}</td>
                            <td>{e.next_step.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let printed = i
                .t(Msg::PrintedAt)
                .replace("{date}", &platform::format_time(platform::now()))
                .replace("{name}", &state.current_staff().map(|s| s.name).unwrap_or_default());
            view! {
                <article class="archive-card">
                    <h1>{i.text(title)}</h1>
                    <h2>{c.name.clone()}</h2>
                    {sections}
                    <h3>{i.text(Msg::TabContacts)}</h3>
                    <table class="card-list">
                        <thead><tr>{contact_fields.iter().map(|&f| view! { <th>{i.label(f)}</th> }).collect_view()}</tr></thead>
                        <tbody>{contact_rows}</tbody>
                    </table>
                    <h3>{i.text(Msg::TabLog)}</h3>
                    <table class="card-list">
                        <thead><tr>
                            <th>{i.text(Msg::Date)}</th><th>{i.text(Msg::StaffMember)}</th><th>{i.text(Msg::Channel)}</th>
                            <th>{i.text(Msg::Summary)}</th><th>{i.text(Msg::NextStep)}</th>
                        </tr></thead>
                        <tbody>{log_rows}</tbody>
                    </table>
                    <p class="printed">{printed}</p>
                </article>
            }
        })
    };
    printing.button_and_paper(Msg::PrintCard, card)
}
