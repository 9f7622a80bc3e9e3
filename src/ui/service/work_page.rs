//! My work (我的工作): the open complaints the current user has to act on,
//! because it is their turn or because an overdue one has gone up to them
//! (the department's head, then the director). With nobody chosen under
//! *I am*, every open complaint.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Setup;
use crate::domain::complaint::{Complaint, Deadline, Level};
use crate::domain::work::{self, WorkItem};
use crate::i18n::{self, Msg};
use crate::storage::{Store, StoreError};
use crate::ui::app::{platform, AppState, Route};

async fn read(state: AppState) -> Result<(Vec<Complaint>, Setup), StoreError> {
    Ok((state.store().all::<Complaint>().await?, Setup::load(state).await?))
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
    let items = Memo::new(move |_| {
        let me = state.me.get();
        let today = platform::today();
        loaded.with(|l| {
            l.as_ref().map(|(complaints, s)| state.staff.with(|staff| work::complaints_for(complaints, me.as_deref(), staff, today, &s.rules, &s.calendar)))
        })
    });
    let row = move |w: WorkItem| {
        let c = w.complaint;
        let name = state.index.with_untracked(|idx| idx.find(&c.customer_id).map(|r| r.name().to_string())).unwrap_or_else(|| c.customer_id.clone());
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
    view! {
        <section class="page work">
            <div class="page-head"><h1>{i.text(Msg::NavWork)}</h1></div>
            <Show when=move || state.me.with(Option::is_none)>
                <p class="notice">{i.text(Msg::WorkNobody)}</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
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
                                <th></th>
                            </tr></thead>
                            <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    }.into_any(),
                }}
            </section>
        </section>
    }
}
