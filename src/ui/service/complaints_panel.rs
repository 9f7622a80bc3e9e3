//! A customer's complaints (客户投诉): record one, see each with its
//! deadlines and whole timeline, and take the next step of its procedure.
//! Only the steps the procedure allows from where a complaint stands are
//! offered; each asks for what it records.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{rating_options, Setup};
use crate::domain::complaint::{self, Complaint, Deadline, Entry, Kept, Level, Severity, Step, StepError};
use crate::domain::service::{self, ComplaintDraft, ComplaintField};
use crate::domain::{sorting, Customer};
use crate::i18n::{self, Msg};
use crate::ui::app::{platform, AppState, ToastKind};
use crate::ui::common::{CheckList, FormActions, InputKind, SelectField, TextArea, TextField};

#[component]
pub fn ComplaintsPanel(
    customer: Signal<Customer>,
    complaints: Signal<Vec<Complaint>>,
    /// Called after anything was written.
    on_changed: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let setup = RwSignal::new(None::<Setup>);
    let adding = RwSignal::new(false);
    spawn_local(async move {
        match Setup::load(state).await {
            Ok(s) => setup.set(Some(s)),
            Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
        }
    });
    let done = Callback::new(move |()| {
        adding.set(false);
        on_changed.run(());
    });
    view! {
        <div class="panel complaints">
            <div class="panel-head split">
                <span></span>
                <button class="btn" disabled=move || setup.with(Option::is_none) on:click=move |_| adding.set(true)>{i.text(Msg::RecordComplaint)}</button>
            </div>
            {move || (adding.get()).then(|| setup.get().map(|s| view! {
                <ComplaintForm customer=customer.get_untracked() setup=s on_done=done on_cancel=Callback::new(move |()| adding.set(false))/>
            }))}
            <Show when=move || !complaints.with(Vec::is_empty) fallback=move || view! { <p class="muted">{i.text(Msg::NoComplaints)}</p> }>
                {move || {
                    let mut list = complaints.get();
                    sorting::sort_by(&mut list, |a, b| (b.received_on, b.received_at, &b.id).cmp(&(a.received_on, a.received_at, &a.id)));
                    let s = setup.get().unwrap_or_default();
                    list.into_iter().map(|c| view! { <ComplaintCard complaint=c setup=s.clone() on_changed=on_changed/> }).collect_view()
                }}
            </Show>
        </div>
    }
}

/// Recording a complaint as received: its deadlines follow from the day, the severity and the calendar.
#[component]
fn ComplaintForm(customer: Customer, setup: Setup, on_done: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    use ComplaintField as F;
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let me = state.me.get_untracked().unwrap_or_default();
    let value = |s: &str| RwSignal::new(s.to_string());
    let received_on = value(&platform::today().to_string());
    let channel = value(complaint::Channel::Phone.as_str());
    let complainant = value("");
    let category = value(complaint::CATEGORIES[0]);
    let what_happened = value("");
    let asks_for = value("");
    let severity = value(Severity::Normal.as_str());
    let received_by = value(&me);
    let errors = RwSignal::new(HashMap::<ComplaintField, String>::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let err = move |f: ComplaintField| Signal::derive(move || errors.with(|e| e.get(&f).cloned()));
    let channels = Signal::derive(move || complaint::Channel::ALL.iter().map(|c| (c.as_str().to_string(), i.label(*c).to_string())).collect::<Vec<_>>());
    let severities = Signal::derive(move || Severity::ALL.iter().map(|s| (s.as_str().to_string(), i.label(*s).to_string())).collect::<Vec<_>>());
    let categories = {
        let keys = setup.rules.categories();
        Signal::derive(move || keys.iter().map(|k| (k.clone(), i18n::complaint_category(i.locale.get(), k))).collect::<Vec<_>>())
    };
    let staff = Signal::derive(move || state.staff_options(i.t(Msg::ChooseStaff)));
    let customer_id = customer.id.clone();
    let setup = StoredValue::new(setup);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let draft = ComplaintDraft {
            received_on: received_on.get_untracked(),
            channel: channel.get_untracked(),
            complainant: complainant.get_untracked(),
            category: category.get_untracked(),
            what_happened: what_happened.get_untracked(),
            asks_for: asks_for.get_untracked(),
            severity: severity.get_untracked(),
            received_by: received_by.get_untracked(),
        };
        let parsed = setup.with_value(|s| draft.parse(&customer_id, platform::today(), &s.rules, &s.calendar));
        let complaint = match parsed {
            Ok(c) => c,
            Err(list) => {
                let l = i.locale.get_untracked();
                return errors.set(list.into_iter().map(|(f, e)| (f, i18n::field_error(l, &e))).collect());
            }
        };
        errors.set(HashMap::new());
        let (set, _) = state.run(|ctx| service::receive_complaint(ctx, complaint));
        state.apply_from_dialog(set, busy, error, Msg::ComplaintSaved, move || on_done.run(()));
    };
    view! {
        <form class="subform" on:submit=save novalidate=true aria-label=i.text(Msg::RecordComplaint)>
            <h3>{i.text(Msg::RecordComplaint)}</h3>
            <div class="form-grid">
                <TextField label=i.sig(Msg::ReceivedOn) value=received_on kind=InputKind::Date error=err(F::ReceivedOn) required=true/>
                <SelectField label=i.sig(Msg::Channel) value=channel options=channels error=err(F::Channel)/>
                <TextField label=i.sig(Msg::Complainant) value=complainant error=err(F::Complainant) required=true/>
                <SelectField label=i.sig(Msg::ComplaintCategory) value=category options=categories error=err(F::Category)/>
                <SelectField label=i.sig(Msg::Severity) value=severity options=severities error=err(F::Severity)/>
                <SelectField label=i.sig(Msg::ReceivedBy) value=received_by options=staff error=err(F::ReceivedBy)/>
                <TextArea label=i.sig(Msg::WhatHappened) value=what_happened error=err(F::WhatHappened) required=true rows=3/>
                <TextArea label=i.sig(Msg::AsksFor) value=asks_for error=err(F::AsksFor) rows=2/>
            </div>
            <FormActions submit=i.sig(Msg::RecordComplaint) busy=busy on_cancel=on_cancel error=error/>
        </form>
    }
}

/// One complaint: what it is about, its deadlines, its timeline and its next step.
#[component]
fn ComplaintCard(complaint: Complaint, setup: Setup, on_changed: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let today = platform::today();
    let step = RwSignal::new(None::<Step>);
    let c = complaint.clone();
    let overdue = c.overdue(today, &setup.rules, &setup.calendar);
    let deadline = move |d: Deadline, label: Msg| {
        let due = c.due(d);
        let kept = c.kept(d, today);
        view! {
            <div class="kv">
                <dt>{i.text(label)}</dt>
                <dd>
                    {due.to_string()}
                    {kept.map(|k| match k {
                        Kept::OnTime => view! { <span class="pill ok">{i.text(Msg::KeptOnTime)}</span> }.into_any(),
                        Kept::Late => view! { <span class="pill warn">{i.text(Msg::KeptLate)}</span> }.into_any(),
                    })}
                </dd>
            </div>
        }
    };
    let names = |ids: &[String]| ids.iter().map(|id| state.staff_name(id)).collect::<Vec<_>>().join(", ");
    let heading = format!("{} · {}", complaint.received_on, complaint.complainant);
    let stage = complaint.stage;
    let timeline = complaint.entries.iter().map(|e| {
        let extra = match e.step {
            Step::Assign => e.department.clone(),
            Step::Propose => names(&e.responsible),
            _ => String::new(),
        };
        let (step, on, by, note, evaluation, satisfaction) = (e.step, e.on, e.by.name.clone(), e.note.clone(), e.evaluation.clone(), e.satisfaction);
        view! {
            <li class="timeline-entry">
                <span class="when">{on.to_string()}</span>
                <strong>{move || i.label(step)}</strong>
                <span class="muted">{by}</span>
                {(!extra.is_empty()).then(|| view! { <span class="extra">{extra}</span> })}
                {satisfaction.map(|n| view! { <span class="extra">{move || i.t(Msg::SatisfactionOf).replace("{n}", &n.to_string())}</span> })}
                {(!note.is_empty()).then(|| view! { <p class="note">{note}</p> })}
                {(!evaluation.is_empty()).then(|| view! { <p class="note"><span class="muted">{i.text(Msg::Evaluation)}": "</span>{evaluation}</p> })}
            </li>
        }
    }).collect_view();
    let category = complaint.category.clone();
    let responsible = names(&complaint.responsible);
    let department = complaint.department.clone();
    let complaint = StoredValue::new(complaint);
    view! {
        <article class="complaint-card" aria-label=heading.clone()>
            <header class="complaint-head">
                <h4>{heading.clone()}</h4>
                <span class=format!("pill stage-{}", stage.as_str())>{move || i.label(stage)}</span>
            </header>
            <p class="badges">
                <span class="pill">{move || i18n::complaint_category(i.locale.get(), &category)}</span>
                <span class="pill">{move || complaint.with_value(|c| i.label(c.severity))}</span>
                <span class="muted">{move || complaint.with_value(|c| i.label(c.channel))}</span>
            </p>
            {overdue.map(|o| view! {
                <p class="notice error overdue">
                    {i.text(if o.level == Level::Director { Msg::OverdueDirector } else { Msg::OverdueHead })}
                    " · "{o.due.to_string()}
                </p>
            })}
            <dl class="kv-grid">
                {deadline(Deadline::Investigate, Msg::InvestigateBy)}
                {deadline(Deadline::Reply, Msg::ReplyBy)}
                {(!department.is_empty()).then(|| view! { <div class="kv"><dt>{i.text(Msg::Department)}</dt><dd>{department.clone()}</dd></div> })}
                {(!responsible.is_empty()).then(|| view! { <div class="kv"><dt>{i.text(Msg::Responsible)}</dt><dd>{responsible.clone()}</dd></div> })}
            </dl>
            <dl class="complaint-text">
                <dt>{i.text(Msg::WhatHappened)}</dt>
                <dd>{complaint.with_value(|c| c.what_happened.clone())}</dd>
                {complaint.with_value(|c| (!c.asks_for.is_empty()).then(|| {
                    let asks = c.asks_for.clone();
                    view! { <dt>{i.text(Msg::AsksFor)}</dt><dd>{asks}</dd> }
                }))}
            </dl>
            <h5>{i.text(Msg::Timeline)}</h5>
            <ol class="timeline">{timeline}</ol>
            {(!stage.steps().is_empty()).then(|| view! {
                <div class="actions next-steps" role="group" aria-label=i.text(Msg::ComplaintSteps)>
                    {stage.steps().iter().map(|&s| view! {
                        <button class="btn" class:primary=move || step.get() == Some(s) type="button" on:click=move |_| step.set(Some(s))>{move || i.label(s)}</button>
                    }).collect_view()}
                </div>
            })}
            {move || step.get().map(|s| view! {
                <StepForm
                    complaint=complaint.get_value()
                    step=s
                    on_done=Callback::new(move |()| {
                        step.set(None);
                        on_changed.run(());
                    })
                    on_cancel=Callback::new(move |()| step.set(None))
                />
            })}
        </article>
    }
}

/// What one step records: the note its step needs, a department, the
/// people responsible, the customer's satisfaction, an evaluation.
#[component]
fn StepForm(complaint: Complaint, step: Step, on_done: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let note = RwSignal::new(String::new());
    let department = RwSignal::new(complaint.department.clone());
    let responsible = RwSignal::new(complaint.responsible.clone());
    let satisfaction = RwSignal::new(String::new());
    let evaluation = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let note_label = match step {
        Step::Decline => Msg::NoteDecline,
        Step::Propose => Msg::NotePropose,
        Step::Reject => Msg::NoteReject,
        Step::Reply => Msg::NoteReply,
        Step::FollowUp => Msg::NoteFollowUp,
        Step::Close => Msg::NoteClose,
        _ => Msg::NoteOptional,
    };
    let needs_note = note_label != Msg::NoteOptional;
    let departments = Signal::derive(move || {
        let mut names: Vec<String> = state.staff.with(|s| s.iter().filter(|x| x.active && !x.department.is_empty()).map(|x| x.department.clone()).collect());
        sorting::sort(&mut names);
        names.dedup();
        let mut out = vec![(String::new(), i.t(Msg::ChooseStaff).to_string())];
        out.extend(names.into_iter().map(|d| (d.clone(), d)));
        out
    });
    let ratings = rating_options(i);
    let complaint = StoredValue::new(complaint);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let entry = Entry {
            step,
            on: platform::today(),
            note: note.get_untracked(),
            department: department.get_untracked(),
            responsible: responsible.get_untracked(),
            satisfaction: satisfaction.get_untracked().parse().ok(),
            evaluation: evaluation.get_untracked(),
            ..Entry::default()
        };
        let taken = complaint.with_value(|c| state.run(|ctx| service::take_step(ctx, c, entry)));
        let set = match taken {
            Ok((set, _)) => set,
            Err(e) => return error.set(Some(step_error(state, e))),
        };
        error.set(None);
        state.apply_from_dialog(set, busy, error, Msg::StepRecorded, move || on_done.run(()));
    };
    let staff = untrack(|| state.active_staff());
    view! {
        <form class="subform step-form" on:submit=save novalidate=true aria-label=move || i.label(step)>
            <h4>{move || i.label(step)}</h4>
            <div class="form-grid">
                {(step == Step::Assign).then(|| view! { <SelectField label=i.sig(Msg::Department) value=department options=departments/> })}
                {(step == Step::FollowUp).then(|| view! { <SelectField label=i.sig(Msg::SatisfactionLabel) value=satisfaction options=ratings/> })}
                {(step == Step::Propose).then(|| view! {
                    <CheckList
                        legend=i.sig(Msg::Responsible)
                        options=staff.into_iter().map(|(id, name)| (id, Signal::stored(name))).collect()
                        chosen=responsible
                        class="field wide responsible"
                    />
                })}
                <TextArea label=i.sig(note_label) value=note required=needs_note rows=2/>
                {(step == Step::Close).then(|| view! { <TextArea label=i.sig(Msg::Evaluation) value=evaluation rows=2/> })}
            </div>
            <FormActions submit=i.sig_label(step) busy=busy on_cancel=on_cancel error=error/>
        </form>
    }
}

fn step_error(state: AppState, e: StepError) -> String {
    i18n::step_error(state.i18n.locale.get_untracked(), &e).to_string()
}
