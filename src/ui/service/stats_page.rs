//! Service statistics (投诉与回访统计): the complaints received in a period
//! counted by category, department, person responsible and month; each
//! deadline's record; satisfaction at the follow-ups; and the satisfaction
//! the calls and visits recorded, by month for everyone, a member of staff
//! or a grade, and by staff and grade. Every chart has its table beside it,
//! and every table exports to CSV.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{month_text, rating};
use crate::domain::complaint::Complaint;
use crate::domain::complaint_stats::{self, ComplaintStats, OnTime};
use crate::domain::visit::{self, Visit};
use crate::i18n::{self, Msg};
use crate::storage::{Store, StoreError};
use crate::ui::app::{platform, AppState};
use crate::ui::common::{BadPeriodNotice, Bar, Chart, ChartPanel, Period, PeriodFields, SelectField, Table, BARS};

async fn read(state: AppState) -> Result<(Vec<Complaint>, Vec<Visit>), StoreError> {
    let store = state.store();
    Ok((store.all().await?, store.all().await?))
}

/// A share as people read it: "87%"; a dash before there is any.
fn percent(rate: Option<f64>) -> String {
    rate.map(|r| format!("{}%", (r * 100.0).round() as u32)).unwrap_or_else(|| "—".into())
}

/// Counts as bars and a two-column table.
fn counts(rows: &[(String, u32)], head: String, count: String) -> (Vec<Bar>, Table) {
    let bars = rows.iter().take(BARS).map(|(k, n)| Bar { label: k.clone(), value: *n as f64, text: n.to_string(), strong: false }).collect();
    let table = Table { headings: vec![head, count], rows: rows.iter().map(|(k, n)| vec![k.clone(), n.to_string()]).collect() };
    (bars, table)
}

/// Average ratings as bars and a table of the average and how many.
fn averages(rows: &[(String, f64, u32)], head: String, avg: String, n: String) -> (Vec<Bar>, Table) {
    let bars = rows.iter().take(BARS).map(|(k, a, _)| Bar { label: k.clone(), value: *a, text: rating(*a), strong: false }).collect();
    let table = Table { headings: vec![head, avg, n], rows: rows.iter().map(|(k, a, n)| vec![k.clone(), rating(*a), n.to_string()]).collect() };
    (bars, table)
}

/// The average of each key's ratings, best first.
fn by_key(ratings: impl IntoIterator<Item = (String, u8)>) -> Vec<(String, f64, u32)> {
    let mut sums: HashMap<String, (u32, u32)> = HashMap::new();
    for (k, s) in ratings {
        let e = sums.entry(k).or_default();
        e.0 += s as u32;
        e.1 += 1;
    }
    let mut out: Vec<(String, f64, u32)> = sums.into_iter().map(|(k, (sum, n))| (k, sum as f64 / n as f64, n)).collect();
    crate::domain::sorting::sort_by(&mut out, |a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// A chart's figures worked out from `from` once it is there; none before.
fn figures_of<S: Send + Sync + 'static>(from: Memo<Option<S>>, work: impl Fn(&S) -> (Vec<Bar>, Table) + Send + Sync + 'static) -> Memo<(Vec<Bar>, Table)> {
    Memo::new(move |_| from.with(|s| s.as_ref().map(&work)).unwrap_or_default())
}

#[component]
pub fn ServiceStatsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let today = platform::today();
    let picked = Period::last_12_months(today);
    let trend_of = RwSignal::new(String::new());
    let loaded = RwSignal::new(None::<(Vec<Complaint>, Vec<Visit>)>);
    let error = RwSignal::new(None::<String>);
    // Again when another tab changes anything.
    Effect::new(move |_| {
        state.remote.track();
        spawn_local(async move {
            match read(state).await {
                Ok(l) => {
                    error.set(None);
                    loaded.set(Some(l));
                }
                Err(e) => error.set(Some(state.error_text(&e))),
            }
        });
    });
    let period = picked.days;
    let period_text = picked.text();
    let stats = Memo::new(move |_| {
        let (a, b) = period.get()?;
        loaded.with(|l| l.as_ref().map(|(complaints, _)| complaint_stats::stats(complaints, Some(a), Some(b), today)))
    });
    // The calls and visits rated in the period: (staff, grade of the customer, date, rating).
    let rated = Memo::new(move |_| {
        let (a, b) = period.get()?;
        loaded.with(|l| {
            let (_, visits) = l.as_ref()?;
            Some(state.index.with(|idx| {
                visits
                    .iter()
                    .filter(|v| v.date >= a && v.date <= b)
                    .filter_map(|v| {
                        let grade = idx.find(&v.customer_id).and_then(|r| r.grade().map(str::to_string)).unwrap_or_default();
                        Some((v.staff.clone().unwrap_or_default(), grade, v.date, v.satisfaction?))
                    })
                    .collect::<Vec<_>>()
            }))
        })
    });
    let name_of_category = move |k: &str| i18n::complaint_category(i.locale.get(), k);
    let named = move |rows: &[(String, u32)], f: &dyn Fn(&str) -> String| rows.iter().map(|(k, n)| (f(k), *n)).collect::<Vec<_>>();
    let count_head = move || i.t(Msg::Complaints).to_string();
    let category = figures_of(stats, move |s| counts(&named(&s.by_category, &|k| name_of_category(k)), i.t(Msg::ComplaintCategory).to_string(), count_head()));
    let department = figures_of(stats, move |s| {
        let unassigned = i.t(Msg::NotYetAssigned).to_string();
        counts(&named(&s.by_department, &|k| if k.is_empty() { unassigned.clone() } else { k.to_string() }), i.t(Msg::Department).to_string(), count_head())
    });
    let responsible = figures_of(stats, move |s| counts(&named(&s.by_responsible, &|k| state.staff_name(k)), i.t(Msg::Responsible).to_string(), count_head()));
    let month = figures_of(stats, move |s| {
        let rows: Vec<(String, u32)> = s.by_month.iter().map(|(m, n)| (month_text(*m, false), *n)).collect();
        let (_, table) = counts(&rows, i.t(Msg::ByMonth).to_string(), count_head());
        let bars = s.by_month.iter().map(|(m, n)| Bar { label: month_text(*m, true), value: *n as f64, text: n.to_string(), strong: false }).collect();
        (bars, table)
    });
    let follow_up = figures_of(stats, move |s| {
        let rows: Vec<(String, u32)> = (1..=5).rev().map(|n| (format!("{n}/5"), s.satisfaction[n - 1])).collect();
        counts(&rows, i.t(Msg::RatingCol).to_string(), i.t(Msg::FollowUps).to_string())
    });
    let deadlines = figures_of(stats, move |s: &ComplaintStats| {
        let row = |m: Msg, o: OnTime| (i.t(m).to_string(), o);
        let rows = [row(Msg::InvestigateOnTime, s.investigate), row(Msg::ReplyOnTime, s.reply)];
        let bars = rows.iter().map(|(k, o)| Bar { label: k.clone(), value: o.rate().unwrap_or(0.0) * 100.0, text: percent(o.rate()), strong: false }).collect();
        let table = Table {
            headings: vec![i.t(Msg::Deadline).to_string(), i.t(Msg::KeptCount).to_string(), i.t(Msg::MissedCount).to_string(), i.t(Msg::RateCol).to_string()],
            rows: rows.iter().map(|(k, o)| vec![k.clone(), o.kept.to_string(), o.missed.to_string(), percent(o.rate())]).collect(),
        };
        (bars, table)
    });
    // The trend: everyone's, one member of staff's ("s:id") or one grade's ("g:id").
    let trend = figures_of(rated, move |r| {
        let of = trend_of.get();
        let chosen = r.iter().filter(|(s, g, _, _)| match of.split_once(':') {
            Some(("s", id)) => s == id,
            Some(("g", id)) => g == id,
            _ => true,
        });
        let months = visit::satisfaction_months(chosen.map(|(_, _, d, n)| (*d, *n)));
        let bars = months.iter().map(|(m, a, _)| Bar { label: month_text(*m, true), value: *a, text: rating(*a), strong: false }).collect();
        let table = Table {
            headings: vec![i.t(Msg::ByMonth).to_string(), i.t(Msg::AverageCol).to_string(), i.t(Msg::RatingsCol).to_string()],
            rows: months.iter().map(|(m, a, n)| vec![month_text(*m, false), rating(*a), n.to_string()]).collect(),
        };
        (bars, table)
    });
    let by_staff = figures_of(rated, move |r| {
        // By staff id, named afterwards: two people may share a name.
        let mut rows = by_key(r.iter().map(|(s, _, _, n)| (s.clone(), *n)));
        for row in &mut rows {
            row.0 = if row.0.is_empty() { i.t(Msg::Unspecified).to_string() } else { state.staff_name(&row.0) };
        }
        averages(&rows, i.t(Msg::StaffCol).to_string(), i.t(Msg::AverageCol).to_string(), i.t(Msg::RatingsCol).to_string())
    });
    let by_grade = figures_of(rated, move |r| {
        let name = |g: &str| if g.is_empty() { i.t(Msg::NotGraded).to_string() } else { state.tier_name(g) };
        averages(&by_key(r.iter().map(|(_, g, _, n)| (name(g), *n))), i.t(Msg::Grade).to_string(), i.t(Msg::AverageCol).to_string(), i.t(Msg::RatingsCol).to_string())
    });
    let trend_options = Signal::derive(move || {
        let mut out = vec![(String::new(), i.t(Msg::Everyone).to_string())];
        out.extend(state.active_staff().into_iter().map(|(id, name)| (format!("s:{id}"), name)));
        out.extend(state.tier_options().into_iter().map(|(id, name)| (format!("g:{id}"), format!("{} · {name}", i.t(Msg::Grade)))));
        out
    });
    let title = move |m: Msg| Signal::derive(move || i.t(m).to_string());
    let figure = move |label: Msg, value: Signal<String>| view! {
        <div class="figure"><dt>{i.text(label)}</dt><dd>{move || value.get()}</dd></div>
    };
    let of_stats = move |f: fn(&ComplaintStats) -> String| Signal::derive(move || stats.with(|s| s.as_ref().map(f)).unwrap_or_default());
    view! {
        <section class="page analysis-page service-stats">
            <div class="page-head">
                <h1>{i.text(Msg::ServiceTitle)}</h1>
            </div>
            <div class="filters analysis-filters">
                <PeriodFields period=picked/>
            </div>
            <BadPeriodNotice period=picked/>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            <Show when=move || loaded.with(Option::is_none) && error.with(Option::is_none)>
                <p class="muted" role="status">{i.text(Msg::ReadingArchive)}</p>
            </Show>
            <Show when=move || stats.with(Option::is_some)>
                <dl class="figures">
                    {figure(Msg::ComplaintsReceived, of_stats(|s| s.total.to_string()))}
                    {figure(Msg::ComplaintsOpen, of_stats(|s| s.open.to_string()))}
                    {figure(Msg::ComplaintsOverdue, of_stats(|s| s.overdue.to_string()))}
                    {figure(Msg::InvestigateOnTime, of_stats(|s| percent(s.investigate.rate())))}
                    {figure(Msg::ReplyOnTime, of_stats(|s| percent(s.reply.rate())))}
                    {figure(Msg::FollowUpSatisfaction, of_stats(|s| s.mean_satisfaction().map(rating).unwrap_or_else(|| "—".into())))}
                </dl>
                <Show when=move || stats.with(|s| s.as_ref().is_some_and(|s| s.total == 0)) && rated.with(|r| r.as_ref().is_some_and(Vec::is_empty))>
                    <p class="notice" role="status">{i.text(Msg::NoneYet)}</p>
                </Show>
                <div class="panels">
                    <ChartPanel title=title(Msg::ComplaintsByCategory) chart=Chart::Bars figures=category file="complaints-by-category" period=period_text/>
                    <ChartPanel title=title(Msg::ComplaintsByMonth) chart=Chart::Columns figures=month file="complaints-by-month" period=period_text/>
                    <ChartPanel title=title(Msg::ComplaintsByDepartment) chart=Chart::Bars figures=department file="complaints-by-department" period=period_text/>
                    <ChartPanel title=title(Msg::ComplaintsByResponsible) chart=Chart::Bars figures=responsible file="complaints-by-responsible" period=period_text/>
                    <ChartPanel title=title(Msg::DeadlinesKept) chart=Chart::Shares figures=deadlines file="complaint-deadlines" period=period_text/>
                    <ChartPanel title=title(Msg::FollowUpSatisfaction) chart=Chart::Bars figures=follow_up file="follow-up-satisfaction" period=period_text/>
                    <ChartPanel title=title(Msg::SatisfactionTrend) chart=Chart::Columns figures=trend file="satisfaction-trend" period=period_text>
                        <SelectField label=i.sig(Msg::TrendOf) value=trend_of options=trend_options/>
                    </ChartPanel>
                    <ChartPanel title=title(Msg::SatisfactionByStaff) chart=Chart::Bars figures=by_staff file="satisfaction-by-staff" period=period_text/>
                    <ChartPanel title=title(Msg::SatisfactionByGrade) chart=Chart::Bars figures=by_grade file="satisfaction-by-grade" period=period_text/>
                </div>
            </Show>
        </section>
    }
}
