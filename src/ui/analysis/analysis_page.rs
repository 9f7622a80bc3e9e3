//! The composition dashboard (客户构成分析): for a period and the customers
//! in view, the key accounts on a Pareto chart, sales by grade, by product
//! or service and by region, the sales trend by month or quarter, customers
//! counted by each classification, and the top customers. Every chart has
//! its table beside it, and every table exports to CSV.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::domain::analysis::{percent, By, Composition};
use crate::domain::customer::format_amount;
use crate::domain::grading::period_start;
use crate::domain::{CustomerKind, Field, Scope, Status, Transaction};
use crate::i18n::Msg;
use crate::storage::Store;
use crate::ui::app::{platform, AppState, Route, ToastKind};
use crate::ui::common::{download_table, BadPeriodNotice, Bar, Chart, ChartPanel as Panel, ParetoChart, Period, PeriodFields, SelectField, Table, BARS};

const PARETO_BARS: usize = 40;

fn number(d: Decimal) -> f64 {
    d.to_f64().unwrap_or_default()
}

#[component]
pub fn AnalysisPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let today = platform::today();
    let picked = Period::last_12_months(today);
    let grade = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    // Amounts in different currencies are not added up: the dashboard shows
    // one currency at a time, the one most customers trade in unless chosen.
    let currency = RwSignal::new(String::new());
    let trend_by = RwSignal::new("month".to_string());
    let count_by = RwSignal::new("grade".to_string());
    let transactions = RwSignal::new(None::<Arc<Vec<Transaction>>>);
    spawn_local(async move {
        match state.store().all::<Transaction>().await {
            Ok(t) => transactions.set(Some(Arc::new(t))),
            Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
        }
    });
    let period = picked.days;
    let period_text = picked.text();
    // The currencies the customers in view trade in, most customers first.
    let currencies = Memo::new(move |_| {
        let visible = state.visibility();
        let mut counts: Vec<(String, usize)> = Vec::new();
        state.index.with(|idx| {
            for r in idx.rows().iter().filter(|r| visible(&r.visibility(), Scope::All)) {
                match counts.iter_mut().find(|(c, _)| c == r.currency()) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((r.currency().to_string(), 1)),
                }
            }
        });
        crate::domain::sorting::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    });
    let shown_currency = Memo::new(move |_| {
        let chosen = currency.get();
        if !chosen.is_empty() && currencies.with(|c| c.iter().any(|(code, _)| *code == chosen)) {
            return chosen;
        }
        currencies.with(|c| c.first().map(|(code, _)| code.clone())).unwrap_or_else(|| crate::domain::customer::DEFAULT_CURRENCY.to_string())
    });
    // The select shows the currency in use, chosen or not.
    Effect::new(move |_| {
        let shown = shown_currency.get();
        if currency.get_untracked() != shown {
            currency.set(shown);
        }
    });
    // Amount columns name their currency, and so do the files they export to.
    let sales_heading = move || format!("{} ({})", i.t(Msg::TotalSales), shown_currency.get());
    let money_period = Signal::derive(move || format!("{}-{}", period_text.get(), shown_currency.get()));
    let comp = Memo::new(move |_| {
        let all = transactions.get()?;
        let (a, b) = period.get()?;
        let visible = state.visibility();
        let (grade, region, money) = (grade.get(), region.get(), shown_currency.get());
        Some(state.index.with(|idx| {
            let rows = idx.rows().iter().filter(|r| {
                visible(&r.visibility(), Scope::All)
                    && (grade.is_empty() || By::Grade.of(r) == grade || (grade == "-" && r.grade().is_none()))
                    && (region.is_empty() || r.region() == region)
            });
            Composition::of(rows, &all, a, b, &money)
        }))
    });
    let names = move |id: &str| state.index.with(|idx| idx.find(id).map(|r| r.name().to_string())).unwrap_or_else(|| id.to_string());
    let value_name = move |by: By, v: &str| -> String {
        if v.is_empty() {
            return match by {
                By::Grade => i.t(Msg::NotGraded).to_string(),
                _ => i.t(Msg::Unspecified).to_string(),
            };
        }
        match by {
            By::Grade => state.tier_name(v),
            By::Kind => CustomerKind::parse(v).map(|k| i.label(k).to_string()).unwrap_or_else(|| v.to_string()),
            By::Status => Status::parse(v).map(|s| i.label(s).to_string()).unwrap_or_else(|| v.to_string()),
            _ => v.to_string(),
        }
    };
    // A sales split as bars and as a table: value, sales, share.
    let split = move |rows: Vec<(String, Decimal)>, head: String| -> (Vec<Bar>, Table) {
        let percent = |d: Decimal| comp.with_untracked(|c| c.as_ref().map(|c| c.percent(d))).unwrap_or_default();
        let bars = rows.iter().take(BARS).map(|(k, v)| Bar { label: k.clone(), value: number(*v), text: format_amount(*v), strong: false }).collect();
        let table = Table {
            headings: vec![head, sales_heading(), i.t(Msg::Share).to_string()],
            rows: rows.iter().map(|(k, v)| vec![k.clone(), format_amount(*v), format!("{}%", percent(*v))]).collect(),
        };
        (bars, table)
    };
    let sales_by = move |by: By, head: Msg| {
        Memo::new(move |_| {
            comp.with(|c| c.as_ref().map(|c| c.sales_by.get(&by).cloned().unwrap_or_default()))
                .map(|rows| split(rows.into_iter().map(|(k, v)| (value_name(by, &k), v)).collect(), i.t(head).to_string()))
                .unwrap_or_default()
        })
    };
    let by_grade = sales_by(By::Grade, Msg::Grade);
    let by_region = sales_by(By::Region, Msg::Region);
    let by_product = Memo::new(move |_| {
        comp.with(|c| c.as_ref().map(|c| c.sales_by_product.clone())).map(|rows| split(rows, i.t(Msg::SalesByProduct).to_string())).unwrap_or_default()
    });
    let top = Memo::new(move |_| {
        comp.with(|c| c.as_ref().map(|c| c.by_customer.iter().take(10).map(|(id, v)| (names(id), *v)).collect::<Vec<_>>()))
            .map(|rows| split(rows, i.t(Msg::CustomerCol).to_string()))
            .unwrap_or_default()
    });
    let trend = Memo::new(move |_| {
        let quarterly = trend_by.get() == "quarter";
        comp.with(|c| {
            let c = c.as_ref()?;
            let points: Vec<(String, Decimal)> = if quarterly {
                c.by_quarter.iter().map(|(y, q, s)| (i.t(Msg::QuarterLabel).replace("{y}", &y.to_string()).replace("{q}", &q.to_string()), *s)).collect()
            } else {
                c.by_month.iter().map(|(y, m, s)| (format!("{y}-{m:02}"), *s)).collect()
            };
            // The ticks without the century: 26-03, 26 Q1.
            let tick = |k: &str| k.get(2..).unwrap_or(k).to_string();
            let bars = points.iter().map(|(k, v)| Bar { label: tick(k), value: number(*v), text: format_amount(*v), strong: false }).collect::<Vec<_>>();
            let head = i.t(if quarterly { Msg::ByQuarter } else { Msg::ByMonth }).to_string();
            let table = Table { headings: vec![head, sales_heading()], rows: points.iter().map(|(k, v)| vec![k.clone(), format_amount(*v)]).collect() };
            Some((bars, table))
        })
        .unwrap_or_default()
    });
    let counts = Memo::new(move |_| {
        let by = match count_by.get().as_str() {
            "industry" => By::Industry,
            "org_form" => By::OrgForm,
            "region" => By::Region,
            "customer_type" => By::CustomerType,
            "kind" => By::Kind,
            "status" => By::Status,
            _ => By::Grade,
        };
        comp.with(|c| {
            let c = c.as_ref()?;
            let rows = c.counts_by.get(&by).cloned().unwrap_or_default();
            let bars = rows.iter().take(BARS).map(|(k, n)| Bar { label: value_name(by, k), value: *n as f64, text: n.to_string(), strong: false }).collect();
            let table = Table {
                headings: vec![i.t(Msg::Name).to_string(), i.t(Msg::CustomersShown).to_string()],
                rows: rows.iter().map(|(k, n)| vec![value_name(by, k), n.to_string()]).collect(),
            };
            Some((bars, table))
        })
        .unwrap_or_default()
    });
    let pareto = Memo::new(move |_| {
        comp.with(|c| {
            let c = c.as_ref()?;
            let curve = c.pareto();
            let keys = c.key_accounts.len();
            let bars = curve.iter().take(PARETO_BARS).enumerate().map(|(k, (id, s, _))| Bar { label: names(id), value: number(*s), text: format_amount(*s), strong: k < keys }).collect::<Vec<_>>();
            let shares = curve.iter().take(PARETO_BARS).map(|(_, _, share)| number(*share)).collect::<Vec<_>>();
            let table = Table {
                headings: vec![i.t(Msg::CustomerCol).to_string(), sales_heading(), i.t(Msg::Share).to_string(), i.t(Msg::Cumulative).to_string()],
                rows: curve
                    .iter()
                    .take(keys)
                    .map(|(id, s, share)| vec![names(id), format_amount(*s), format!("{}%", c.percent(*s)), format!("{}%", percent(*share, Decimal::ONE))])
                    .collect(),
            };
            Some((bars, shares, table, keys, c.by_customer.len(), c.key_accounts.clone()))
        })
    });
    let presets = move |which: &str| {
        let (a, b) = match which {
            "year" => (NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today), today),
            "quarter" => {
                let q = today.month0() / 3;
                let end = NaiveDate::from_ymd_opt(today.year(), q * 3 + 1, 1).and_then(|d| d.pred_opt()).unwrap_or(today);
                (NaiveDate::from_ymd_opt(end.year(), end.month() - 2, 1).unwrap_or(end), end)
            }
            _ => (period_start(today, 12), today),
        };
        picked.from.set(a.to_string());
        picked.to.set(b.to_string());
    };
    let grades = Signal::derive(move || state.grade_filter_options());
    let regions = Signal::derive(move || {
        std::iter::once((String::new(), i.t(Msg::All).to_string())).chain(state.index.with(|idx| idx.values(|r| r.region())).into_iter().map(|v| (v.clone(), v))).collect::<Vec<_>>()
    });
    let currency_options = Signal::derive(move || currencies.get().into_iter().map(|(c, _)| (c.clone(), c)).collect::<Vec<_>>());
    let trend_options = Signal::derive(move || vec![("month".to_string(), i.t(Msg::ByMonth).to_string()), ("quarter".to_string(), i.t(Msg::ByQuarter).to_string())]);
    let count_options = Signal::derive(move || {
        vec![
            ("grade".to_string(), i.t(Msg::Grade).to_string()),
            ("industry".to_string(), i.t(Msg::Industry).to_string()),
            ("org_form".to_string(), i.t(Msg::OrgFormCol).to_string()),
            ("region".to_string(), i.t(Msg::Region).to_string()),
            ("customer_type".to_string(), i.label(Field::CustomerType).to_string()),
            ("kind".to_string(), i.t(Msg::Kind).to_string()),
            ("status".to_string(), i.t(Msg::Status).to_string()),
        ]
    });
    let figure = move |label: Msg, value: Signal<String>| view! {
        <div class="figure"><dt>{i.text(label)}</dt><dd>{move || value.get()}</dd></div>
    };
    let total = Signal::derive(move || comp.with(|c| c.as_ref().map(|c| format_amount(c.total))).unwrap_or_default());
    let count = Signal::derive(move || comp.with(|c| c.as_ref().map(|c| c.transactions.to_string())).unwrap_or_default());
    let customers = Signal::derive(move || comp.with(|c| c.as_ref().map(|c| c.customers.to_string())).unwrap_or_default());
    let keys = Signal::derive(move || comp.with(|c| c.as_ref().map(|c| c.key_accounts.len().to_string())).unwrap_or_default());
    let title = move |m: Msg| Signal::derive(move || i.t(m).to_string());

    view! {
        <section class="page analysis-page">
            <div class="page-head">
                <h1>{i.text(Msg::NavAnalysis)}</h1>
            </div>
            <div class="filters analysis-filters">
                <PeriodFields period=picked/>
                <div class="presets">
                    <button class="btn small" on:click=move |_| presets("12")>{i.text(Msg::Last12Months)}</button>
                    <button class="btn small" on:click=move |_| presets("year")>{i.text(Msg::ThisYear)}</button>
                    <button class="btn small" on:click=move |_| presets("quarter")>{i.text(Msg::LastQuarter)}</button>
                </div>
                <SelectField label=i.sig(Msg::Grade) value=grade options=grades/>
                <SelectField label=i.sig(Msg::Region) value=region options=regions/>
                <Show when=move || currencies.with(|c| c.len() > 1)>
                    <SelectField label=i.sig_label(Field::Currency) value=currency options=currency_options/>
                </Show>
            </div>
            <BadPeriodNotice period=picked/>
            <Show when=move || transactions.with(Option::is_none)>
                <p class="muted" role="status">{i.text(Msg::ReadingArchive)}</p>
            </Show>
            <Show when=move || comp.with(Option::is_some)>
                <dl class="figures">
                    {figure(Msg::TotalSales, total)}
                    {figure(Msg::TransactionsCount, count)}
                    {figure(Msg::CustomersShown, customers)}
                    {figure(Msg::KeyAccounts, keys)}
                </dl>
                <p class="muted small">{move || i.t(Msg::AmountsNote).replace("{currency}", &shown_currency.get())}</p>
                <Show when=move || comp.with(|c| c.as_ref().is_some_and(|c| c.total.is_zero()))>
                    <p class="notice" role="status">{i.text(Msg::NoSales)}</p>
                </Show>
                {move || pareto.get().map(|(bars, shares, table, keys, with_sales, ids)| {
                    let csv = table.clone();
                    view! {
                    <section class="card-section chart-panel key-accounts" aria-label=i.text(Msg::KeyAccounts)>
                        <div class="panel-title">
                            <h2>{i.text(Msg::KeyAccounts)}</h2>
                            <span class="spacer"></span>
                            <a class="btn small" href=Route::Customers.href()>{i.text(Msg::NavCustomers)}</a>
                            <button class="btn small" on:click=move |_| download_table(&state, &csv, "key-accounts", &money_period.get_untracked())>{i.text(Msg::ExportCsv)}</button>
                        </div>
                        <p class="muted">{i.t(Msg::KeyAccountsExplain).replace("{n}", &keys.to_string()).replace("{total}", &with_sales.to_string())}</p>
                        <div class="chart-and-table">
                            <div class="chart-box">
                                <ParetoChart bars=bars shares=shares label=i.t(Msg::KeyAccounts).to_string()/>
                            </div>
                            <div class="table-box">
                                <table class="table compact">
                                    <thead><tr>{table.headings.iter().map(|h| view! { <th>{h.clone()}</th> }).collect_view()}</tr></thead>
                                    <tbody>
                                        {table.rows.into_iter().zip(ids).map(|(r, id)| view! {
                                            <tr>
                                                <td><a href=Route::Customer(id).href()>{r[0].clone()}</a></td>
                                                {r[1..].iter().map(|c| view! { <td class="num">{c.clone()}</td> }).collect_view()}
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </div>
                    </section>
                    }
                })}
                <div class="panels">
                    <Panel title=title(Msg::SalesByGrade) chart=Chart::Bars figures=by_grade file="sales-by-grade" period=money_period/>
                    <Panel title=title(Msg::SalesTrend) chart=Chart::Columns figures=trend file="sales-trend" period=money_period>
                        <SelectField label=i.sig(Msg::Period) value=trend_by options=trend_options/>
                    </Panel>
                    <Panel title=title(Msg::SalesByProduct) chart=Chart::Bars figures=by_product file="sales-by-product" period=money_period/>
                    <Panel title=title(Msg::SalesByRegion) chart=Chart::Bars figures=by_region file="sales-by-region" period=money_period/>
                    <Panel title=title(Msg::CustomersBy) chart=Chart::Bars figures=counts file="customers-by" period=period_text>
                        <SelectField label=i.sig(Msg::CustomersBy) value=count_by options=count_options/>
                    </Panel>
                    <Panel title=title(Msg::TopCustomers) chart=Chart::Bars figures=top file="top-customers" period=money_period/>
                </div>
            </Show>
        </section>
    }
}
