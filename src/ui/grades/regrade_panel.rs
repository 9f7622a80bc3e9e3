//! The re-grade: every customer's grade worked out from the rules, the ones
//! that would change listed with the figures that decided them, and applied
//! only when the user says so, each move in the customer's history. Beside
//! it, the customers whose credit needs attention, with a lower rating
//! suggested, lowered only when the user says so.

use leptos::prelude::*;
use leptos::task::spawn_local;
use rustc_hash::FxHashMap;

use crate::domain::change::Setting;
use crate::domain::customer::{format_money, CreditRating};
use crate::domain::grading::{self, Figures, Move, RatingStep};
use crate::domain::{ops, Customer, Kind, Scope, Transaction};
use crate::i18n::Msg;
use crate::storage::Store;
use crate::ui::app::{platform, AppState, Route, ToastKind};

#[derive(Clone)]
enum Phase {
    Idle,
    Reading,
    Ready { customers: Vec<Customer>, moves: Vec<Move>, steps: Vec<RatingStep> },
    Applying,
}

/// The figures as a line of text, for the table and the history entry.
fn figures_text(state: &AppState, f: &Figures, currency: &str) -> String {
    use crate::domain::grading::Metric;
    let i = state.i18n;
    let money = |d: rust_decimal::Decimal| format_money(d, currency);
    let mut parts = vec![
        format!("{} {}", i.label(Metric::Sales), money(f.sales)),
        format!("{} {}", i.label(Metric::Transactions), f.transactions),
    ];
    if let Some(c) = f.capital {
        parts.push(format!("{} {}", i.label(Metric::Capital), money(c)));
    }
    if let Some(d) = f.days_since_last {
        parts.push(format!("{} {d}", i.label(Metric::DaysSinceLast)));
    }
    if !f.overdue.is_zero() {
        parts.push(format!("{} {}", i.label(Metric::Overdue), money(f.overdue)));
    }
    parts.join(" · ")
}

/// A customer moving from one grade or rating to another, as a table row.
struct MoveRow {
    id: String,
    name: String,
    from: String,
    to: String,
    /// The rule that decided it, for a grade.
    rule: Option<String>,
    /// The figures, or why.
    notes: String,
}

/// The customers a re-grade moves (grades or credit ratings): who, from
/// what, to what, and why; `headings` name the columns.
fn moves_table(class: &'static str, headings: &[Msg], rows: Vec<MoveRow>) -> impl IntoView {
    let i = expect_context::<AppState>().i18n;
    let headings: Vec<Msg> = headings.to_vec();
    view! {
        <table class=class>
            <thead><tr>{headings.into_iter().map(|h| view! { <th>{i.text(h)}</th> }).collect_view()}</tr></thead>
            <tbody>
                {rows.into_iter().map(|r| view! {
                    <tr>
                        <td><a href=Route::Customer(r.id).href()>{r.name}</a></td>
                        <td>{r.from}</td>
                        <td><strong>{r.to}</strong></td>
                        {r.rule.map(|rule| view! { <td class="nowrap">{rule}</td> })}
                        <td class="small">{r.notes}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn RegradePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let phase = RwSignal::new(Phase::Idle);
    let grade_name = move |g: &Option<String>| g.as_deref().map(|g| state.tier_name(g)).unwrap_or_else(|| i.t(Msg::NotGraded).to_string());
    let rule_name = move |m: &Move| match m.rule {
        Some(r) => i.t(Msg::RuleN).replace("{n}", &(r + 1).to_string()),
        None => i.t(Msg::NoRuleHeld).to_string(),
    };
    let preview = move |_| {
        phase.set(Phase::Reading);
        spawn_local(async move {
            let store = state.store();
            let (customers, transactions) = platform::both(store.all::<Customer>(), store.all::<Transaction>()).await;
            let (mut customers, transactions) = match (customers, transactions) {
                (Ok(c), Ok(t)) => (c, t),
                (Err(e), _) | (_, Err(e)) => {
                    phase.set(Phase::Idle);
                    return state.toast(ToastKind::Error, state.error_text(&e));
                }
            };
            // Those in the user's working view, as every other page shows them.
            let visible = state.visibility();
            customers.retain(|c| visible(&crate::domain::staff::Visibility { owner: c.owner.as_deref(), co_owner: c.co_owner.as_deref(), confidentiality: c.confidentiality }, Scope::All));
            crate::domain::sorting::sort_by(&mut customers, |a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
            let mut by_customer: FxHashMap<&str, Vec<&Transaction>> = FxHashMap::default();
            for t in &transactions {
                by_customer.entry(t.customer_id.as_str()).or_default().push(t);
            }
            let today = platform::today();
            let grading = state.grading.get_untracked();
            let figures: Vec<Figures> = customers
                .iter()
                .map(|c| Figures::of(c, by_customer.get(c.id.as_str()).map(Vec::as_slice).unwrap_or_default(), today, grading.months))
                .collect();
            let moves = grading::preview(&grading, customers.iter().zip(figures.iter().cloned()));
            let steps = grading::rating_steps(customers.iter().zip(figures.iter()), today);
            phase.set(Phase::Ready { customers, moves, steps });
        });
    };
    let apply = move |_| {
        let Phase::Ready { moves, customers: shown, steps } = phase.get_untracked() else { return };
        phase.set(Phase::Applying);
        spawn_local(async move {
            // The customers as they are now: one graded by hand or changed since
            // the preview is left as it is (see ops::regrade).
            let customers = match state.store().all::<Customer>().await {
                Ok(c) => c,
                Err(e) => {
                    phase.set(Phase::Idle);
                    return state.toast(ToastKind::Error, state.error_text(&e));
                }
            };
            let currency: FxHashMap<&str, &str> = customers.iter().map(|c| (c.id.as_str(), c.currency.as_str())).collect();
            let mut set = state.run(|ctx| {
                ops::regrade(ctx, &customers, &moves, |m| {
                    let figures = figures_text(&state, &m.figures, currency.get(m.customer_id.as_str()).copied().unwrap_or_default());
                    i.t_untracked(Msg::RegradeReason).replace("{rule}", &rule_name(m)).replace("{figures}", &figures)
                })
            });
            let n = set.puts(Kind::Customer);
            // The day of this re-grade, so the quarterly reminder rests.
            let mut grading = state.grading.get_untracked();
            grading.regraded_on = Some(platform::today());
            if let Ok(value) = crate::io::json::to_text(&grading) {
                set.put(Setting { id: grading::SETTING.into(), value }, crate::domain::Expect::Any);
            }
            match state.apply(&set).await {
                Ok(()) => {
                    state.toast(ToastKind::Done, i.t_untracked(Msg::Regraded).replace("{n}", &n.to_string()));
                    // The suggested ratings stay on show until dealt with.
                    phase.set(if steps.is_empty() { Phase::Idle } else { Phase::Ready { customers: shown, moves: Vec::new(), steps } });
                }
                Err(e) => {
                    state.toast(ToastKind::Error, state.error_text(&e));
                    phase.set(Phase::Idle);
                }
            }
        });
    };
    // Why a rating is suggested lower, in the customer's currency.
    let step_why = move |s: &RatingStep, currency: &str| -> String {
        let mut parts = Vec::new();
        if s.warning.overdue {
            parts.push(i.t(Msg::OverdueAmountText).replace("{amount}", &format_money(s.overdue, currency)));
        }
        if let Some((owed, limit)) = s.warning.over_limit {
            parts.push(i.t(Msg::OverLimitText).replace("{owed}", &format_money(owed, currency)).replace("{limit}", &format_money(limit, currency)));
        }
        parts.join(" · ")
    };
    let lower = move |_| {
        let Phase::Ready { moves, customers: shown, steps } = phase.get_untracked() else { return };
        phase.set(Phase::Applying);
        spawn_local(async move {
            // As they are now: a rating changed since the preview is left as it is.
            let customers = match state.store().all::<Customer>().await {
                Ok(c) => c,
                Err(e) => {
                    phase.set(Phase::Ready { customers: shown, moves, steps });
                    return state.toast(ToastKind::Error, state.error_text(&e));
                }
            };
            let currency: FxHashMap<&str, &str> = customers.iter().map(|c| (c.id.as_str(), c.currency.as_str())).collect();
            let set = state.run(|ctx| {
                ops::lower_ratings(ctx, &customers, &steps, |s| {
                    let why = untrack(|| step_why(s, currency.get(s.customer_id.as_str()).copied().unwrap_or_default()));
                    i.t_untracked(Msg::RatingReason).replace("{why}", &why)
                })
            });
            let n = set.puts(Kind::Customer);
            match state.apply(&set).await {
                Ok(()) => {
                    state.toast(ToastKind::Done, i.t_untracked(Msg::RatingsLowered).replace("{n}", &n.to_string()));
                    phase.set(if moves.is_empty() { Phase::Idle } else { Phase::Ready { customers: shown, moves, steps: Vec::new() } });
                }
                Err(e) => {
                    state.toast(ToastKind::Error, state.error_text(&e));
                    phase.set(Phase::Ready { customers: shown, moves, steps });
                }
            }
        });
    };
    let steps_table = move |customers: &[Customer], steps: &[RatingStep]| {
        let by_id: FxHashMap<&str, &Customer> = customers.iter().map(|c| (c.id.as_str(), c)).collect();
        let rating = move |r: Option<CreditRating>| r.map(|r| i.label(r).to_string()).unwrap_or_else(|| i.t(Msg::NotRated).to_string());
        let rows = steps
            .iter()
            .map(|s| {
                let c = by_id.get(s.customer_id.as_str());
                let why = step_why(s, c.map(|c| c.currency.as_str()).unwrap_or_default());
                MoveRow { id: s.customer_id.clone(), name: c.map(|c| c.name.clone()).unwrap_or_default(), from: rating(s.from), to: rating(Some(s.to)), rule: None, notes: why }
            })
            .collect();
        view! {
            <section class="rating-steps" aria-label=i.text(Msg::RatingsTitle)>
                <h3>{i.text(Msg::RatingsTitle)}</h3>
                <p class="muted">{i.text(Msg::RatingsExplain)}</p>
                <div class="actions">
                    <button class="btn" on:click=lower>{i.text(Msg::LowerRatings)}</button>
                </div>
                {moves_table("table ratings", &[Msg::Name, Msg::RatingNow, Msg::RatingSuggested, Msg::Reason], rows)}
            </section>
        }
    };
    let table = move |customers: Vec<Customer>, moves: Vec<Move>| {
        let by_id: FxHashMap<&str, &Customer> = customers.iter().map(|c| (c.id.as_str(), c)).collect();
        let rows = moves
            .iter()
            .map(|m| {
                let c = by_id.get(m.customer_id.as_str());
                let currency = c.map(|c| c.currency.clone()).unwrap_or_default();
                MoveRow {
                    id: m.customer_id.clone(),
                    name: c.map(|c| c.name.clone()).unwrap_or_default(),
                    from: grade_name(&m.from),
                    to: grade_name(&m.to),
                    rule: Some(rule_name(m)),
                    notes: figures_text(&state, &m.figures, &currency),
                }
            })
            .collect();
        moves_table("table regrade", &[Msg::Name, Msg::FromGrade, Msg::ToGrade, Msg::ByRule, Msg::Metric], rows)
    };
    view! {
        <section class="card-section regrade-panel" aria-label=i.text(Msg::RegradeTitle)>
            <h2>{i.text(Msg::RegradeTitle)}</h2>
            <p class="muted">{i.text(Msg::RegradeExplain)}</p>
            {move || match phase.get() {
                Phase::Idle => view! {
                    <button class="btn primary" on:click=preview>{i.text(Msg::PreviewRegrade)}</button>
                }.into_any(),
                Phase::Reading | Phase::Applying => view! { <p class="muted" role="status">{i.text(Msg::ReadingArchive)}</p> }.into_any(),
                Phase::Ready { customers, moves, steps } if moves.is_empty() => view! {
                    <p role="status">{i.text(Msg::RegradeNone)}</p>
                    <button class="btn" on:click=preview>{i.text(Msg::PreviewRegrade)}</button>
                    {(!steps.is_empty()).then(|| steps_table(&customers, &steps))}
                }.into_any(),
                Phase::Ready { customers, moves, steps } => {
                    let n = moves.len();
                    let ratings = (!steps.is_empty()).then(|| steps_table(&customers, &steps));
                    view! {
                        <p role="status">{move || i.t(Msg::RegradeCount).replace("{n}", &n.to_string())}</p>
                        <div class="actions">
                            <button class="btn primary" on:click=apply>{i.text(Msg::ApplyRegrade)}</button>
                            <button class="btn" on:click=move |_| phase.set(Phase::Idle)>{i.text(Msg::Cancel)}</button>
                        </div>
                        {table(customers, moves)}
                        {ratings}
                    }.into_any()
                }
            }}
        </section>
    }
}
