//! A customer's follow-up calls and visits (客户回访): record one, with its
//! topics, the customer's feedback and satisfaction, and the questions
//! promised an answer by a day; mark an answer given. A visit recorded as a
//! complaint's follow-up takes that step of the complaint in the same write.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::complaint::{Complaint, Step};
use crate::domain::service::{self, PromiseDraft, VisitDraft, VisitField};
use crate::domain::visit::{Mode, Topic, Visit};
use crate::domain::{sorting, Customer};
use crate::i18n::{self, Msg};
use crate::ui::app::{platform, AppState};
use super::{month_text, rating, rating_options};
use crate::domain::visit;
use crate::ui::common::{Bar, CheckList, ColumnChart, FormActions, InputKind, SelectField, TextArea, TextField};

#[component]
pub fn VisitsPanel(
    customer: Signal<Customer>,
    visits: Signal<Vec<Visit>>,
    complaints: Signal<Vec<Complaint>>,
    /// Called after anything was written.
    on_changed: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let adding = RwSignal::new(false);
    let done = Callback::new(move |()| {
        adding.set(false);
        on_changed.run(());
    });
    // The customer's satisfaction by month, once there are two months to compare.
    let trend = Signal::derive(move || {
        let months = visits.with(|vs| visit::satisfaction_months(vs.iter().filter_map(|v| Some((v.date, v.satisfaction?)))));
        months.iter().map(|(m, a, n)| Bar { label: month_text(*m, true), value: *a, text: format!("{} ({n})", rating(*a)), strong: false }).collect::<Vec<_>>()
    });
    view! {
        <div class="panel visits">
            <Show when=move || trend.with(|t| t.len() >= 2)>
                <div class="visit-trend">
                    <h4>{i.text(Msg::CustomerSatisfactionTrend)}</h4>
                    <ColumnChart bars=trend label=Signal::derive(move || i.t(Msg::CustomerSatisfactionTrend).to_string())/>
                </div>
            </Show>
            <div class="panel-head split">
                <span></span>
                <button class="btn" on:click=move |_| adding.set(true)>{i.text(Msg::RecordVisit)}</button>
            </div>
            {move || adding.get().then(|| view! {
                <VisitForm
                    customer_id=customer.with_untracked(|c| c.id.clone())
                    complaints=complaints.get_untracked()
                    on_done=done
                    on_cancel=Callback::new(move |()| adding.set(false))
                />
            })}
            <Show when=move || !visits.with(Vec::is_empty) fallback=move || view! { <p class="muted">{i.text(Msg::NoVisits)}</p> }>
                {move || {
                    let mut list = visits.get();
                    sorting::sort_by(&mut list, |a, b| (b.date, b.created_at, &b.id).cmp(&(a.date, a.created_at, &a.id)));
                    let complaints = complaints.get();
                    list.into_iter()
                        .map(|v| {
                            let of = v.complaint_id.as_ref().and_then(|id| complaints.iter().find(|c| &c.id == id)).map(|c| c.received_on);
                            view! { <VisitCard visit=v complaint_of=of on_changed=on_changed/> }
                        })
                        .collect_view()
                }}
            </Show>
        </div>
    }
}

/// The complaints a visit can be the follow-up of: those replied to.
fn awaiting_follow_up(complaints: &[Complaint]) -> Vec<&Complaint> {
    complaints.iter().filter(|c| c.stage.steps().contains(&Step::FollowUp)).collect()
}

#[component]
fn VisitForm(customer_id: String, complaints: Vec<Complaint>, on_done: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    use VisitField as F;
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let value = |s: &str| RwSignal::new(s.to_string());
    let date = value(&platform::today().to_string());
    let mode = value(Mode::Call.as_str());
    let staff = value(&state.me.get_untracked().unwrap_or_default());
    let topics = RwSignal::new(Vec::<Topic>::new());
    let feedback = value("");
    let satisfaction = value("");
    let complaint_id = value("");
    // Each question as a row of the form: a key for the list, and its two fields.
    let next_key = StoredValue::new(1usize);
    let promises = RwSignal::new(vec![(0usize, value(""), value(""))]);
    let errors = RwSignal::new(HashMap::<VisitField, String>::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let err = move |f: VisitField| Signal::derive(move || errors.with(|e| e.get(&f).cloned()));
    let modes = Signal::derive(move || Mode::ALL.iter().map(|m| (m.as_str().to_string(), i.label(*m).to_string())).collect::<Vec<_>>());
    let staff_options = Signal::derive(move || state.staff_options(i.t(Msg::ChooseStaff)));
    let ratings = rating_options(i);
    let follow_ups: Vec<(String, String)> = awaiting_follow_up(&complaints).iter().map(|c| (c.id.clone(), format!("{} · {}", c.received_on, c.complainant))).collect();
    let has_follow_ups = !follow_ups.is_empty();
    let follow_up_options = Signal::derive(move || {
        let mut out = vec![(String::new(), i.t(Msg::NotAFollowUp).to_string())];
        out.extend(follow_ups.iter().cloned());
        out
    });
    // A follow-up is about the complaint's handling.
    Effect::new(move |_| {
        if !complaint_id.get().is_empty() && !topics.with_untracked(|t| t.contains(&Topic::ComplaintHandling)) {
            topics.update(|t| t.push(Topic::ComplaintHandling));
        }
    });
    let complaints = StoredValue::new(complaints);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let draft = VisitDraft {
            date: date.get_untracked(),
            mode: mode.get_untracked(),
            staff: staff.get_untracked(),
            topics: topics.get_untracked().iter().map(|t| t.as_str().to_string()).collect(),
            feedback: feedback.get_untracked(),
            satisfaction: satisfaction.get_untracked(),
            promises: promises.get_untracked().iter().map(|(_, q, by)| PromiseDraft { question: q.get_untracked(), answer_by: by.get_untracked() }).collect(),
            complaint_id: complaint_id.get_untracked(),
        };
        let visit = match draft.parse(&customer_id, platform::today()) {
            Ok(v) => v,
            Err(list) => {
                let l = i.locale.get_untracked();
                return errors.set(list.into_iter().map(|(f, e)| (f, i18n::field_error(l, &e))).collect());
            }
        };
        errors.set(HashMap::new());
        let recorded = complaints.with_value(|cs| {
            let complaint = visit.complaint_id.as_ref().and_then(|id| cs.iter().find(|c| &c.id == id));
            state.run(|ctx| service::record_visit(ctx, visit, complaint, platform::today()))
        });
        match recorded {
            Ok((set, _)) => {
                error.set(None);
                state.apply_from_dialog(set, busy, error, Msg::VisitSaved, move || on_done.run(()));
            }
            Err(e) => error.set(Some(i18n::step_error(i.locale.get_untracked(), &e).to_string())),
        }
    };
    let add_question = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        promises.update(|p| p.push((key, RwSignal::new(String::new()), RwSignal::new(String::new()))));
    };
    view! {
        <form class="subform visit-form" on:submit=save novalidate=true aria-label=i.text(Msg::RecordVisit)>
            <h3>{i.text(Msg::RecordVisit)}</h3>
            <div class="form-grid">
                <TextField label=i.sig(Msg::VisitDate) value=date kind=InputKind::Date error=err(F::Date) required=true/>
                <SelectField label=i.sig(Msg::VisitMode) value=mode options=modes error=err(F::Mode)/>
                <SelectField label=i.sig(Msg::VisitBy) value=staff options=staff_options error=err(F::Staff)/>
                {has_follow_ups.then(|| view! { <SelectField label=i.sig(Msg::FollowUpOf) value=complaint_id options=follow_up_options/> })}
                {move || (!complaint_id.get().is_empty()).then(|| view! { <p class="hint wide">{i.text(Msg::FollowUpHint)}</p> })}
                <CheckList
                    legend=i.sig(Msg::VisitTopics)
                    options=Topic::ALL.iter().map(|&t| (t, Signal::derive(move || i.label(t).to_string()))).collect()
                    chosen=topics
                    class="field wide checks"
                    invalid=Signal::derive(move || errors.with(|e| e.contains_key(&F::Topics)))
                />
                <TextArea label=i.sig(Msg::VisitFeedback) value=feedback error=err(F::Feedback) rows=3/>
                <SelectField label=i.sig(Msg::SatisfactionLabel) value=satisfaction options=ratings error=err(F::Satisfaction)/>
                <fieldset class="field wide promises-edit" class:invalid=move || errors.with(|e| e.contains_key(&F::Promises))>
                    <legend>{i.text(Msg::Promises)}</legend>
                    <For each=move || promises.get() key=|(k, _, _)| *k let:row>
                        {
                            let (key, question, by) = row;
                            view! {
                                <div class="promise-row">
                                    <TextField label=i.sig(Msg::PromiseQuestion) value=question/>
                                    <TextField label=i.sig(Msg::AnswerBy) value=by kind=InputKind::Date/>
                                    <button class="btn small" type="button"
                                        aria-label=move || i.t(Msg::RemoveQuestionNamed).replace("{q}", &question.get())
                                        on:click=move |_| promises.update(|p| p.retain(|(k, _, _)| *k != key))>
                                        {i.text(Msg::RemoveQuestion)}
                                    </button>
                                </div>
                            }
                        }
                    </For>
                    <button class="btn small" type="button" on:click=add_question>{i.text(Msg::AddQuestion)}</button>
                    {move || errors.with(|e| e.get(&F::Promises).cloned()).map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </fieldset>
            </div>
            <FormActions submit=i.sig(Msg::RecordVisit) busy=busy on_cancel=on_cancel error=error/>
        </form>
    }
}

/// One call or visit: when, how, by whom, what was said, and the answers promised.
#[component]
fn VisitCard(visit: Visit, complaint_of: Option<chrono::NaiveDate>, on_changed: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let mode = visit.mode;
    let date = visit.date;
    let by = visit.staff.as_deref().map(|s| state.staff_name(s)).unwrap_or_default();
    let heading = move || format!("{date} · {}", i.label(mode));
    let topics = visit.topics.clone();
    let satisfaction = visit.satisfaction;
    let feedback = visit.feedback.clone();
    let visit = StoredValue::new(visit);
    let answer = move |index: usize| {
        if busy.get_untracked() {
            return;
        }
        let Some((set, _)) = visit.with_value(|v| state.run(|ctx| service::answer_promise(ctx, v, index, platform::today()))) else { return };
        state.apply_from_dialog(set, busy, error, Msg::AnswerSaved, move || on_changed.run(()));
    };
    let promises = visit.with_value(|v| v.promises.clone()).into_iter().enumerate().map(|(n, p)| {
        let (question, by, answered) = (p.question, p.answer_by, p.answered_on);
        let today = platform::today();
        view! {
            <li class="promise" class:owed=answered.is_none() class:late=answered.is_none() && by < today>
                <span class="question">{question}</span>
                <span class="muted">{move || match answered {
                    Some(d) => i.t(Msg::AnsweredOn).replace("{date}", &d.to_string()),
                    None => i.t(Msg::AnswerOwed).replace("{date}", &by.to_string()),
                }}</span>
                {answered.is_none().then(|| view! {
                    <button class="btn small" type="button" disabled=move || busy.get() on:click=move |_| answer(n)>{i.text(Msg::MarkAnswered)}</button>
                })}
            </li>
        }
    }).collect_view();
    view! {
        <article class="visit-card" aria-label=heading>
            <header class="complaint-head">
                <h4>{heading}</h4>
                <span class="muted">{by}</span>
            </header>
            <p class="badges">
                {topics.into_iter().map(|t| view! { <span class="pill">{move || i.label(t)}</span> }).collect_view()}
                {satisfaction.map(|n| view! { <span class="pill rating">{move || i.t(Msg::SatisfactionOf).replace("{n}", &n.to_string())}</span> })}
                {complaint_of.map(|d| view! { <span class="pill warn">{move || i.t(Msg::FollowUpOfComplaint).replace("{date}", &d.to_string())}</span> })}
            </p>
            {(!feedback.is_empty()).then(|| view! { <p class="note">{feedback}</p> })}
            {visit.with_value(|v| !v.promises.is_empty()).then(|| view! {
                <h5>{i.text(Msg::Promises)}</h5>
                <ul class="promises">{promises}</ul>
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </article>
    }
}
