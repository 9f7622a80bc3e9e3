//! A chart with its table beside it and the table's export to CSV, in one
//! card: how the Analysis and Service pages show every figure.

use leptos::prelude::*;

use super::{Bar, BarChart, ColumnChart};
use crate::i18n::Msg;
use crate::io::csv::Writer;
use crate::io::files;
use crate::ui::app::{AppState, ToastKind};

/// How many bars a chart draws before the rest are left to its table.
pub const BARS: usize = 12;

/// A table as the page shows it and a CSV file holds it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub headings: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Bars,
    /// Bars of percentages, a full bar being 100%.
    Shares,
    Columns,
}

/// A table as a CSV file named for what it shows and its period.
pub fn download_table(state: &AppState, t: &Table, file: &str, period: &str) {
    let mut w = Writer::new(&t.headings);
    for r in &t.rows {
        w.row(r);
    }
    let name = format!("dossier-{file}-{period}.csv");
    if let Err(e) = files::download(w.finish().as_bytes(), &name, "text/csv;charset=utf-8") {
        state.toast(ToastKind::Error, state.i18n.t_untracked(Msg::DownloadFailed).replace("{name}", &e));
    }
}

/// A chart with its table and the table's export, in one card.
#[component]
pub fn ChartPanel(
    title: Signal<String>,
    chart: Chart,
    /// The bars drawn, and the table beside them (which may hold more rows).
    #[prop(into)]
    figures: Signal<(Vec<Bar>, Table)>,
    /// The CSV file's name, without the period or extension.
    file: &'static str,
    #[prop(into)] period: Signal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let bars = Signal::derive(move || figures.with(|f| f.0.clone()));
    let table = Signal::derive(move || figures.with(|f| f.1.clone()));
    let export = move |_| figures.with_untracked(|f| download_table(&state, &f.1, file, &period.get_untracked()));
    view! {
        <section class="card-section chart-panel" aria-label=move || title.get()>
            <div class="panel-title">
                <h2>{move || title.get()}</h2>
                {children.map(|c| c())}
                <span class="spacer"></span>
                <button class="btn small" on:click=export>{i.text(Msg::ExportCsv)}</button>
            </div>
            <div class="chart-and-table">
                <div class="chart-box">
                    {match chart {
                        Chart::Bars => view! { <BarChart bars=bars label=title/> }.into_any(),
                        Chart::Shares => view! { <BarChart bars=bars label=title full=100.0/> }.into_any(),
                        Chart::Columns => view! { <ColumnChart bars=bars label=title/> }.into_any(),
                    }}
                </div>
                <div class="table-box">
                    <table class="table compact">
                        <thead><tr>{move || table.with(|t| t.headings.iter().map(|h| view! { <th>{h.clone()}</th> }).collect_view())}</tr></thead>
                        <tbody>
                            {move || table.with(|t| t.rows.iter().map(|r| view! {
                                <tr>{r.iter().enumerate().map(|(k, c)| view! { <td class:num={k > 0}>{c.clone()}</td> }).collect_view()}</tr>
                            }).collect_view())}
                        </tbody>
                    </table>
                </div>
            </div>
        </section>
    }
}

