//! Settings → Visit plan (回访计划): the months of the busy season, and how
//! often each grade's customers are called and visited in the busy and the
//! quiet season. The due list on My work follows it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{load_setting, save_setting};
use crate::domain::visit::{self, Cadence, GradePlan, VisitPlan};
use crate::i18n::{self, Msg};
use crate::ui::app::{AppState, ToastKind};
use crate::ui::common::CheckList;

/// One grade's four intervals as typed: busy call, busy visit, quiet call, quiet visit.
type Row = (String, [RwSignal<String>; 4]);

fn typed(days: Option<u32>) -> RwSignal<String> {
    RwSignal::new(days.map(|d| d.to_string()).unwrap_or_default())
}

/// An interval as typed: empty for never, else a whole number of days from 1 to [`visit::MAX_INTERVAL`].
fn days(raw: &str) -> Result<Option<u32>, ()> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse::<u32>().ok().filter(|d| (1..=visit::MAX_INTERVAL).contains(d)).map(Some).ok_or(()),
    }
}

#[component]
pub fn VisitPlanPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let plan = RwSignal::new(None::<VisitPlan>);
    let months = RwSignal::new(Vec::<u32>::new());
    let rows = RwSignal::new(Vec::<Row>::new());
    let error = RwSignal::new(None::<String>);
    // The cells whose interval is not one: (row, column).
    let invalid = RwSignal::new(Vec::<(usize, usize)>::new());
    let busy = RwSignal::new(false);
    // The agency's grades, then customers with none; a grade the plan has
    // that is no longer one of the agency's is kept as it is.
    let fill = move |p: &VisitPlan| {
        months.set(p.busy_months.clone());
        let mut grades: Vec<(String, String)> = state.tier_options();
        grades.push((String::new(), i.t_untracked(Msg::NoGrade).to_string()));
        rows.set(
            grades
                .into_iter()
                .map(|(id, _)| {
                    let g = p.grades.iter().find(|g| g.grade == id);
                    let c = |f: fn(&GradePlan) -> Option<u32>| typed(g.and_then(f));
                    (id, [c(|g| g.busy.call_days), c(|g| g.busy.visit_days), c(|g| g.quiet.call_days), c(|g| g.quiet.visit_days)])
                })
                .collect(),
        );
    };
    spawn_local(async move {
        match load_setting::<VisitPlan>(state, visit::SETTING).await {
            Ok(p) => {
                fill(&p);
                plan.set(Some(p));
            }
            Err(e) => error.set(Some(state.error_text(&e))),
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(old) = plan.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        let mut next = VisitPlan { busy_months: months.get_untracked(), grades: Vec::new() };
        tidy_months(&mut next.busy_months);
        let mut bad = Vec::new();
        for (r, (id, cells)) in rows.get_untracked().into_iter().enumerate() {
            let mut read = |c: usize| days(&cells[c].get_untracked()).unwrap_or_else(|()| {
                bad.push((r, c));
                None
            });
            let (bc, bv, qc, qv) = (read(0), read(1), read(2), read(3));
            next.grades.push(GradePlan { grade: id, busy: Cadence { call_days: bc, visit_days: bv }, quiet: Cadence { call_days: qc, visit_days: qv } });
        }
        invalid.set(bad.clone());
        if !bad.is_empty() || next.check().is_err() {
            return error.set(Some(i.t_untracked(Msg::PlanIntervalError).to_string()));
        }
        let gone: Vec<GradePlan> = old.grades.iter().filter(|g| !next.grades.iter().any(|n| n.grade == g.grade)).cloned().collect();
        next.grades.extend(gone);
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            match save_setting(state, visit::SETTING, &next).await {
                Ok(()) => {
                    plan.set(Some(next));
                    state.toast(ToastKind::Done, i.t_untracked(Msg::PlanSaved));
                }
                Err(e) => error.set(Some(state.error_text(&e))),
            }
            busy.set(false);
        });
    };
    let columns = [Msg::BusyCallDays, Msg::BusyVisitDays, Msg::QuietCallDays, Msg::QuietVisitDays];
    view! {
        <section class="card-section visit-plan" aria-labelledby="visit-plan-title">
            <h3 id="visit-plan-title">{i.text(Msg::VisitPlan)}</h3>
            <p class="muted">{i.text(Msg::VisitPlanExplain)}</p>
            <form on:submit=save novalidate=true>
                <CheckList
                    legend=i.sig(Msg::BusyMonths)
                    options=(1..=12u32).map(|m| (m, Signal::derive(move || i18n::month(i.locale.get(), m).to_string()))).collect()
                    chosen=months
                    class="months"
                />
                <table class="table plan-table">
                    <thead><tr>
                        <th>{i.text(Msg::PlanGrade)}</th>
                        {columns.iter().map(|&c| view! { <th>{i.text(c)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().enumerate().map(|(r, (id, cells))| {
                            let name = if id.is_empty() { i.t(Msg::NoGrade).to_string() } else { state.tier_name(&id) };
                            let label = name.clone();
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    {cells.into_iter().zip(columns).enumerate().map(|(c, (value, col))| {
                                        let label = label.clone();
                                        let wrong = move || invalid.with(|b| b.contains(&(r, c)));
                                        view! {
                                            <td>
                                                <input type="text" inputmode="numeric" size="4" class:invalid=wrong
                                                    aria-invalid=move || wrong().then_some("true")
                                                    aria-label=move || format!("{label} · {}", i.t(col))
                                                    prop:value=move || value.get()
                                                    on:input=move |ev| value.set(event_target_value(&ev))/>
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button class="btn primary" type="submit" disabled=move || busy.get() || plan.with(Option::is_none)>{i.text(Msg::Save)}</button>
                </div>
            </form>
        </section>
    }
}

fn tidy_months(months: &mut Vec<u32>) {
    crate::domain::sorting::sort(months);
    months.dedup();
}
