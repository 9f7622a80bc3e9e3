//! One customer: the record, contacts, communication log, transactions and history, with
//! edit, mark reviewed and delete. Reloads when another tab changes it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::archive_card::ArchiveCard;
use super::contacts_panel::ContactsPanel;
use super::delete_dialog::DeleteDialog;
use super::grade_dialog::GradeDialog;
use super::history_panel::HistoryPanel;
use super::log_panel::LogPanel;
use super::record_view::RecordView;
use super::transactions_panel::TransactionsPanel;
use crate::domain::complaint::Complaint;
use crate::domain::interaction::Interaction;
use crate::domain::visit::Visit;
use crate::ui::service::{ComplaintsPanel, VisitsPanel};
use crate::domain::customer::format_money;
use crate::domain::transaction::{Receivables, Transaction};
use rust_decimal::Decimal;
use crate::domain::change::{Op, Record};
use crate::domain::{ops, sorting, Contact, Customer, HistoryEntry};
use crate::i18n::Msg;
use crate::storage::idb::{Asked, AskedOne};
use crate::storage::StoreError;
use crate::ui::app::{platform, AppState, Route, ToastKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub customer: Customer,
    pub contacts: Vec<Contact>,
    pub log: Vec<Interaction>,
    pub history: Vec<HistoryEntry>,
    pub transactions: Vec<Transaction>,
    pub complaints: Vec<Complaint>,
    pub visits: Vec<Visit>,
}

/// The page's seven reads, asked of the browser together, and as soon as the
/// page is created: the browser reads while the page before it is taken down.
struct Asking {
    customer: AskedOne<Customer>,
    contacts: Asked<Contact>,
    log: Asked<Interaction>,
    history: Asked<HistoryEntry>,
    transactions: Asked<Transaction>,
    complaints: Asked<Complaint>,
    visits: Asked<Visit>,
}

fn ask(state: AppState, id: &str) -> Result<Asking, StoreError> {
    let store = state.store();
    Ok(Asking {
        customer: store.ask::<Customer>(id)?,
        contacts: store.ask_by_index("customer_id", id)?,
        log: store.ask_by_index("customer_id", id)?,
        history: store.ask_by_index("customer_id", id)?,
        transactions: store.ask_by_index("customer_id", id)?,
        complaints: store.ask_by_index("customer_id", id)?,
        visits: store.ask_by_index("customer_id", id)?,
    })
}

impl Asking {
    async fn answer(self) -> Result<Option<Loaded>, StoreError> {
        let Some(customer) = self.customer.answer().await? else { return Ok(None) };
        let (contacts, log, mut history) = (self.contacts.answer().await?, self.log.answer().await?, self.history.answer().await?);
        let (transactions, complaints, visits) = (self.transactions.answer().await?, self.complaints.answer().await?, self.visits.answer().await?);
        sorting::sort_by(&mut history, newest_first);
        Ok(Some(Loaded { customer, contacts, log, history, transactions, complaints, visits }))
    }
}

/// History is shown newest first.
fn newest_first(a: &HistoryEntry, b: &HistoryEntry) -> std::cmp::Ordering {
    (b.at, &b.id).cmp(&(a.at, &a.id))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Record,
    Contacts,
    Log,
    Transactions,
    Complaints,
    Visits,
    History,
}

#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Missing,
    Failed(String),
    Ready,
}

#[component]
pub fn CustomerPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let data = RwSignal::new(None::<Loaded>);
    let phase = RwSignal::new(Phase::Loading);
    let tab = RwSignal::new(Tab::Record);
    let deleting = RwSignal::new(false);
    let grading = RwSignal::new(false);
    let id = StoredValue::new(id);
    let reload = Callback::new(move |_| {
        let asked = ask(state, &id.get_value());
        spawn_local(async move {
            let loaded = match asked {
                Ok(asked) => asked.answer().await,
                Err(e) => Err(e),
            };
            match loaded {
                Ok(Some(l)) => {
                    data.set(Some(l));
                    // Setting the phase again would rebuild the page and lose what is
                    // being typed in its forms; only a change of phase does that.
                    if phase.get_untracked() != Phase::Ready {
                        phase.set(Phase::Ready);
                    }
                }
                Ok(None) => phase.set(Phase::Missing),
                // A first load that fails replaces the page; a later one keeps it and says so.
                Err(e) if phase.get_untracked() == Phase::Loading => phase.set(Phase::Failed(state.error_text(&e))),
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
        });
    });
    reload.run(());
    // Another tab changed this customer: show the new state.
    Effect::new(move |prev: Option<u64>| {
        let (n, a) = state.remote.get();
        if prev.is_some_and(|p| p != n) && a.customers.contains(&id.get_value()) {
            reload.run(());
        }
        n
    });
    let customer = Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.customer.clone()).unwrap_or_default()));
    let contacts = Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.contacts.clone()).unwrap_or_default()));
    let log = Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.log.clone()).unwrap_or_default()));
    let history = Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.history.clone()).unwrap_or_default()));
    let transactions = Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.transactions.clone()).unwrap_or_default()));
    let complaints = Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.complaints.clone()).unwrap_or_default()));
    let visits = Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.visits.clone()).unwrap_or_default()));
    // Over the credit limit, or late paying: said at the top of the page.
    let credit_notice = move || {
        let today = platform::today();
        data.with(|d| {
            let d = d.as_ref()?;
            let c = &d.customer;
            let owed = Receivables::of(&d.transactions, today, c.term_days());
            let warning = c.credit_warning(today, owed.owed, owed.overdue > Decimal::ZERO);
            let money = |a: Decimal| format_money(a, &c.currency);
            let mut lines = Vec::new();
            if let Some((owed, limit)) = warning.over_limit {
                lines.push(i.t(Msg::CreditOverLimit).replace("{owed}", &money(owed)).replace("{limit}", &money(limit)));
            }
            if warning.overdue {
                lines.push(i.t(Msg::CreditOverdue).replace("{amount}", &money(owed.overdue)).replace("{n}", &owed.most_days_overdue.to_string()));
            }
            (!lines.is_empty()).then_some(lines)
        })
    };
    let reviewing = RwSignal::new(false);
    let mark_reviewed = move |_| {
        if reviewing.get_untracked() {
            return;
        }
        let Some(d) = data.get_untracked() else { return };
        reviewing.set(true);
        let (set, reviewed) = state.run(|ctx| ops::mark_reviewed(ctx, &d.customer));
        spawn_local(async move {
            let result = state.apply(&set).await;
            reviewing.set(false);
            match result {
                Ok(()) => {
                    // What was written is what the page shows: nothing to read back.
                    let entry = set.ops.iter().find_map(|op| match op {
                        Op::Put { record: Record::History(h), .. } => Some(h.clone()),
                        _ => None,
                    });
                    data.update(|d| {
                        if let Some(d) = d {
                            d.customer = reviewed;
                            d.history.extend(entry);
                            sorting::sort_by(&mut d.history, newest_first);
                        }
                    });
                    state.toast(ToastKind::Done, i.t_untracked(Msg::MarkedReviewed));
                }
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
        });
    };
    let tab_button = move |t: Tab, label: Msg, count: Signal<Option<usize>>| {
        view! {
            <button role="tab" class="tab" aria-selected=move || (tab.get() == t).to_string() on:click=move |_| tab.set(t)>
                {i.text(label)}
                {move || count.get().map(|n| view! { <span class="badge muted">{n}</span> })}
            </button>
        }
    };
    move || match phase.get() {
        Phase::Loading => view! { <p class="muted" role="status">{i.text(Msg::Loading)}</p> }.into_any(),
        Phase::Missing => view! {
            <section class="page">
                <h1>{i.text(Msg::CustomerMissing)}</h1>
                <p><a href=Route::Trash.href()>{i.text(Msg::NavTrash)}</a>" · "<a href=Route::Customers.href()>{i.text(Msg::NavCustomers)}</a></p>
            </section>
        }.into_any(),
        Phase::Failed(text) => view! { <p class="error" role="alert">{text}</p> }.into_any(),
        Phase::Ready => {
            let c = customer.get_untracked();
            let owner = Signal::derive(move || customer.with(|c| c.owner.as_deref().map(|o| state.staff_name(o))).unwrap_or_default());
            let co_owner = Signal::derive(move || customer.with(|c| c.co_owner.as_deref().map(|o| state.staff_name(o))).unwrap_or_default());
            view! {
                <section class="page customer-page">
                    <div class="page-head">
                        <div>
                            <p class="crumbs"><a href=Route::Customers.href()>{i.text(Msg::NavCustomers)}</a></p>
                            <h1>{move || customer.with(|c| c.name.clone())}</h1>
                            <p class="badges">
                                <span class="pill">{move || i.label(customer.with(|c| c.kind))}</span>
                                <span class=move || format!("pill status-{}", customer.with(|c| c.status.as_str()))>{move || i.label(customer.with(|c| c.status))}</span>
                                <span class="pill">{i.text(Msg::Confidentiality)}": "{move || i.label(customer.with(|c| c.confidentiality))}</span>
                                {move || customer.with(|c| c.grade.clone()).map(|g| view! {
                                    <span class="pill accent grade">
                                        {i.text(Msg::Grade)}": "{state.tier_name(&g)}
                                        {move || customer.with(|c| c.grade_override.is_some()).then(|| format!(" · {}", i.t(Msg::GradedByHand)))}
                                    </span>
                                })}
                                <span class="muted">{i.text(Msg::Owner)}": "{owner}</span>
                                <Show when=move || !co_owner.get().is_empty()>
                                    <span class="muted">{i.text(Msg::CoOwner)}": "{co_owner}</span>
                                </Show>
                            </p>
                            {move || credit_notice().map(|lines| view! {
                                <div class="notice error credit" role="alert">{lines.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}</div>
                            })}
                            <p class="muted" class:stale=move || customer.with(|c| c.reviewed_at <= crate::domain::row::review_cutoff(platform::now()))>
                                {i.text(Msg::LastReviewed)}": "{move || customer.with(|c| platform::format_date(c.reviewed_at))}
                            </p>
                        </div>
                        <div class="actions">
                            <a class="btn primary" href=Route::EditCustomer(c.id.clone()).href()>{i.text(Msg::Edit)}</a>
                            <button class="btn" disabled=move || reviewing.get() on:click=mark_reviewed>{i.text(Msg::MarkReviewed)}</button>
                            <button class="btn" on:click=move |_| grading.set(true)>{i.text(Msg::SetGrade)}</button>
                            <ArchiveCard data=data/>
                            <button class="btn danger-text" on:click=move |_| deleting.set(true)>{i.text(Msg::Delete)}</button>
                        </div>
                    </div>
                    <div role="tablist" class="tabs">
                        {tab_button(Tab::Record, Msg::TabRecord, Signal::derive(|| None))}
                        {tab_button(Tab::Contacts, Msg::TabContacts, Signal::derive(move || Some(contacts.with(Vec::len))))}
                        {tab_button(Tab::Log, Msg::TabLog, Signal::derive(move || Some(log.with(Vec::len))))}
                        {tab_button(Tab::Transactions, Msg::TabTransactions, Signal::derive(move || Some(transactions.with(Vec::len))))}
                        {tab_button(Tab::Complaints, Msg::TabComplaints, Signal::derive(move || Some(complaints.with(Vec::len))))}
                        {tab_button(Tab::Visits, Msg::TabVisits, Signal::derive(move || Some(visits.with(Vec::len))))}
                        {tab_button(Tab::History, Msg::History, Signal::derive(move || Some(history.with(Vec::len))))}
                    </div>
                    <div role="tabpanel">
                        {move || match tab.get() {
                            Tab::Record => view! { <RecordView customer=customer/> }.into_any(),
                            Tab::Contacts => view! { <ContactsPanel customer=customer contacts=contacts on_changed=reload/> }.into_any(),
                            Tab::Log => view! { <LogPanel customer_id=id.get_value() entries=log on_changed=reload/> }.into_any(),
                            Tab::Transactions => view! { <TransactionsPanel customer=customer transactions=transactions on_changed=reload/> }.into_any(),
                            Tab::Complaints => view! { <ComplaintsPanel customer=customer complaints=complaints on_changed=reload/> }.into_any(),
                            Tab::Visits => view! { <VisitsPanel customer=customer visits=visits complaints=complaints on_changed=reload/> }.into_any(),
                            Tab::History => view! { <HistoryPanel entries=history/> }.into_any(),
                        }}
                    </div>
                    <Show when=move || grading.get()>
                        {move || data.get_untracked().map(|d| view! {
                            <GradeDialog customer=d.customer on_close=Callback::new(move |saved: bool| {
                                grading.set(false);
                                if saved {
                                    reload.run(());
                                }
                            })/>
                        })}
                    </Show>
                    <Show when=move || deleting.get()>
                        {move || data.get_untracked().map(|d| view! {
                            <DeleteDialog customer=d.customer contacts=d.contacts log=d.log transactions=d.transactions on_close=Callback::new(move |_| deleting.set(false))/>
                        })}
                    </Show>
                </section>
            }.into_any()
        }
    }
}
