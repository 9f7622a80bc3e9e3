//! My work (我的工作): the open complaints the current user has to act on,
//! because it is their turn or because an overdue one has gone up to them
//! (the department's head, then the director); and the calls, visits,
//! answers owed and care dates due for their customers to the end of the
//! week. With nobody chosen under *I am*, everyone's.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{load_setting, Setup};
use crate::domain::complaint::{Complaint, Deadline, Level};
use crate::domain::visit::{self, Due, DueItem, Visit, VisitPlan, When};
use crate::domain::work::{self, WorkItem};
use crate::domain::{Contact, Customer, Interaction};
use crate::i18n::{self, Msg};
use crate::storage::{customers_of, Store, StoreError};
use crate::ui::app::{platform, AppState, Route};

async fn read(state: AppState) -> Result<(Vec<Complaint>, Setup), StoreError> {
    Ok((state.store().all::<Complaint>().await?, Setup::load(state).await?))
}

/// What the due list is worked out from: the customers `me` owns or shares
/// (everyone's when nobody is chosen), their contacts, visits and
/// communication log, and the plan (the calendar comes with the complaints' setup).
struct DueData {
    customers: Vec<Customer>,
    contacts: Vec<Contact>,
    visits: Vec<Visit>,
    log: Vec<Interaction>,
    plan: VisitPlan,
}

async fn read_due(state: AppState, me: Option<String>) -> Result<DueData, StoreError> {
    let store = state.store();
    let plan = load_setting::<VisitPlan>(state, visit::SETTING).await?;
    let Some(me) = me else {
        let (customers, contacts, visits, log) = (store.all().await?, store.all().await?, store.all().await?, store.all().await?);
        return Ok(DueData { customers, contacts, visits, log, plan });
    };
    let customers = customers_of(&*store, &me).await?;
    // Every customer's contacts, visits and log asked for at once, one
    // transaction a kind, then read.
    let ids: Vec<&str> = customers.iter().map(|c| c.id.as_str()).collect();
    let (contacts, visits, log) = (
        store.ask_by_index_each::<Contact>("customer_id", &ids)?,
        store.ask_by_index_each::<Visit>("customer_id", &ids)?,
        store.ask_by_index_each::<Interaction>("customer_id", &ids)?,
    );
    let (contacts, visits, log) = (contacts.answer().await?, visits.answer().await?, log.answer().await?);
    Ok(DueData { customers, contacts, visits, log, plan })
}

#[component]
pub fn WorkPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let loaded = RwSignal::new(None::<(Vec<Complaint>, Setup)>);
    let error = RwSignal::new(None::<String>);
    // Again when another tab changes anything.
    Effect::new(move |_| {
        state.remote.track();
        spawn_local(async move {
            match read(state).await {
                Ok(l) => loaded.set(Some(l)),
                Err(e) => error.set(Some(state.error_text(&e))),
            }
        });
    });
    // The due list: read again when someone else is chosen, or another tab changes anything.
    let due_data = RwSignal::new(None::<DueData>);
    let due_error = RwSignal::new(None::<String>);
    state.want_key_accounts();
    // Only the answer to the last read is shown: reading everyone's takes
    // longer than one person's, and may come back after it.
    let reads = StoredValue::new(0u64);
    Effect::new(move |was: Option<Option<String>>| {
        state.remote.track();
        let me = state.me.get();
        let n = reads.get_value() + 1;
        reads.set_value(n);
        if was.as_ref().is_some_and(|w| *w != me) {
            due_data.set(None);
        }
        let who = me.clone();
        spawn_local(async move {
            let read = read_due(state, who).await;
            if reads.get_value() != n {
                return;
            }
            match read {
                Ok(d) => {
                    due_error.set(None);
                    due_data.set(Some(d));
                }
                Err(e) => due_error.set(Some(state.error_text(&e))),
            }
        });
        me
    });
    let due = Memo::new(move |_| {
        let today = platform::today();
        let keys = state.key_accounts.get();
        let is_key = |id: &str| keys.as_ref().is_some_and(|k| k.contains(id));
        due_data.with(|d| {
            let d = d.as_ref()?;
            // Without the complaints and the calendar (a failed read, said
            // above), nobody comes first for a complaint and no festival shows.
            Some(loaded.with(|l| {
                let none = (Vec::new(), Setup::default());
                let (complaints, setup) = l.as_ref().unwrap_or(&none);
                work::due_list(&d.customers, &d.contacts, &d.visits, &d.log, complaints, is_key, &d.plan, &setup.calendar, today)
            }))
        })
    });
    let items = Memo::new(move |_| {
        let me = state.me.get();
        let today = platform::today();
        loaded.with(|l| {
            l.as_ref().map(|(complaints, s)| state.staff.with(|staff| work::complaints_for(complaints, me.as_deref(), staff, today, &s.rules, &s.calendar)))
        })
    });
    let customer_name = move |id: &str| state.index.with_untracked(|idx| idx.find(id).map(|r| r.name().to_string())).unwrap_or_else(|| id.to_string());
    let row = move |w: WorkItem| {
        let c = w.complaint;
        let name = customer_name(&c.customer_id);
        let category = c.category.clone();
        let stage = c.stage;
        let due = w.next.map(|(d, on)| {
            let what = if d == Deadline::Investigate { Msg::InvestigateBy } else { Msg::ReplyBy };
            view! { <span class="muted">{i.text(what)}" "</span>{on.to_string()} }
        });
        let flag = w.overdue.map(|o| {
            let text = if o.level == Level::Director { Msg::OverdueDirector } else { Msg::OverdueHead };
            view! { <span class="pill overdue">{i.text(text)}</span> }
        });
        view! {
            <tr>
                <td><a href=Route::Customer(c.customer_id.clone()).href()>{name}</a></td>
                <td class="nowrap">{c.received_on.to_string()}</td>
                <td>{c.complainant.clone()}</td>
                <td>{move || i18n::complaint_category(i.locale.get(), &category)}</td>
                <td><span class=format!("pill stage-{}", stage.as_str())>{move || i.label(stage)}</span></td>
                <td class="nowrap">{due}</td>
                <td>{flag}</td>
            </tr>
        }
    };
    let due_row = move |item: DueItem| {
        let what = {
            let due = item.due.clone();
            move || match &due {
                Due::Contact(mode) => i.label(*mode).to_string(),
                Due::Answer { question, .. } => i.t(Msg::DueAnswer).replace("{q}", question),
                Due::Birthday { contact } => i.t(Msg::DueBirthday).replace("{name}", contact),
                Due::Festival { name } => i.t(Msg::DueFestival).replace("{name}", name),
            }
        };
        let customer = (!item.customer_id.is_empty()).then(|| {
            let name = customer_name(&item.customer_id);
            view! { <a href=Route::Customer(item.customer_id.clone()).href()>{name}</a> }
        });
        let p = item.priority;
        let pills = [(p.key_account, Msg::PriorityKey), (p.new, Msg::PriorityNew), (p.complained, Msg::PriorityComplained)]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, m)| view! { <span class="pill">{i.text(m)}</span> })
            .collect_view();
        view! {
            <tr class=format!("due-{}", if matches!(item.due, Due::Contact(_)) { "contact" } else { "care" })>
                <td class="nowrap">{item.on.to_string()}</td>
                <td>{customer}</td>
                <td>{what}</td>
                <td class="priority">{pills}</td>
            </tr>
        }
    };
    let group = move |when: When, items: Vec<DueItem>| {
        let title = match when {
            When::Overdue => Msg::DueOverdue,
            When::Today => Msg::DueToday,
            When::ThisWeek => Msg::DueThisWeek,
        };
        let n = items.len();
        (n > 0).then(|| view! {
            <tbody class=format!("due-group when-{}", if when == When::Overdue { "overdue" } else { "upcoming" })>
                <tr class="group-head"><th colspan="4">{i.text(title)}" · "{n}</th></tr>
                {items.into_iter().map(due_row).collect_view()}
            </tbody>
        })
    };
    view! {
        <section class="page work">
            <div class="page-head"><h1>{i.text(Msg::NavWork)}</h1></div>
            <Show when=move || state.me.with(Option::is_none)>
                <p class="notice">{i.text(Msg::WorkNobody)}</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            <section class="card-section due-list" aria-labelledby="work-due">
                <h3 id="work-due">{i.text(Msg::DueList)}</h3>
                <p class="muted">{move || match state.me.get() {
                    Some(id) => i.t(Msg::DueListFor).replace("{name}", &state.staff_name(&id)),
                    None => i.t(Msg::DueListAll).to_string(),
                }}</p>
                {move || due_error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
                {move || match due.get() {
                    None => view! { <p class="muted" role="status">{i.text(Msg::Loading)}</p> }.into_any(),
                    Some(list) if list.is_empty() => view! { <p class="muted">{i.text(Msg::NothingDue)}</p> }.into_any(),
                    Some(list) => {
                        let mut groups = [(When::Overdue, Vec::new()), (When::Today, Vec::new()), (When::ThisWeek, Vec::new())];
                        for item in list {
                            if let Some(g) = groups.iter_mut().find(|(w, _)| *w == item.when) {
                                g.1.push(item);
                            }
                        }
                        view! {
                            <table class="table due-table" aria-labelledby="work-due">
                                <thead><tr>
                                    <th>{i.text(Msg::DueOn)}</th>
                                    <th>{i.text(Msg::CustomerCol)}</th>
                                    <th>{i.text(Msg::DueWhat)}</th>
                                    <th>{i.text(Msg::ComesFirst)}</th>
                                </tr></thead>
                                {groups.into_iter().map(|(w, items)| group(w, items)).collect_view()}
                            </table>
                        }.into_any()
                    }
                }}
            </section>
            <section class="card-section" aria-labelledby="work-complaints">
                <h3 id="work-complaints">{i.text(Msg::WorkComplaints)}</h3>
                {move || match items.get() {
                    None => view! { <p class="muted" role="status">{i.text(Msg::Loading)}</p> }.into_any(),
                    Some(list) if list.is_empty() => view! { <p class="muted">{i.text(Msg::WorkNone)}</p> }.into_any(),
                    Some(list) => view! {
                        <table class="table">
                            <thead><tr>
                                <th>{i.text(Msg::CustomerCol)}</th>
                                <th>{i.text(Msg::ReceivedOn)}</th>
                                <th>{i.text(Msg::Complainant)}</th>
                                <th>{i.text(Msg::ComplaintCategory)}</th>
                                <th>{i.text(Msg::Status)}</th>
                                <th>{i.text(Msg::DueOn)}</th>
                                <th>{i.text(Msg::DueOverdue)}</th>
                            </tr></thead>
                            <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    }.into_any(),
                }}
            </section>
        </section>
    }
}
