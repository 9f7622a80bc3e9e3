//! Charts drawn as SVG: horizontal bars for shares, columns for a trend, and
//! the Pareto chart (columns with the cumulative share as a line). Each is
//! drawn from plain numbers, with its figures in `<title>` for a pointer and
//! in the table the page shows beside it for everyone else.

use leptos::prelude::*;

/// One bar: its label, its value, and the value as people read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
    /// Drawn in the accent colour (a key account, say).
    pub strong: bool,
}

const ROW: f64 = 22.0;

/// Horizontal bars, longest first as given, each with its label and value.
#[component]
pub fn BarChart(
    #[prop(into)] bars: Signal<Vec<Bar>>,
    #[prop(into)] label: Signal<String>,
    /// The value a full-length bar stands for (100 for percentages); the largest bar's when none.
    #[prop(optional)]
    full: Option<f64>,
) -> impl IntoView {
    view! {
        {move || {
            let bars = bars.get();
            let max = full.unwrap_or_else(|| bars.iter().map(|b| b.value).fold(0.0f64, f64::max)).max(f64::MIN_POSITIVE);
            let height = (bars.len().max(1) as f64) * ROW;
            view! {
                <svg class="chart bars" viewBox=format!("0 0 600 {height}") role="img" aria-label=label.get()>
                    {bars.into_iter().enumerate().map(|(k, b)| {
                        let y = k as f64 * ROW;
                        let w = (b.value.max(0.0) / max * 340.0).max(if b.value > 0.0 { 1.0 } else { 0.0 });
                        view! {
                            <g>
                                <title>{format!("{}: {}", b.label, b.text)}</title>
                                <text x="0" y=y + 15.0 class="label">{truncate(&b.label, 12)}</text>
                                <rect x="160" y=y + 4.0 width=w height=ROW - 8.0 rx="2" class:strong=b.strong/>
                                <text x=166.0 + w y=y + 15.0 class="value">{b.text}</text>
                            </g>
                        }
                    }).collect_view()}
                </svg>
            }
        }}
    }
}

/// Vertical columns over time, each labelled below.
#[component]
pub fn ColumnChart(#[prop(into)] bars: Signal<Vec<Bar>>, #[prop(into)] label: Signal<String>) -> impl IntoView {
    view! {
        {move || {
            let bars = bars.get();
            let n = bars.len().max(1) as f64;
            let max = bars.iter().map(|b| b.value).fold(0.0f64, f64::max).max(f64::MIN_POSITIVE);
            let slot = 600.0 / n;
            // Every label when they fit, else every few.
            let every = ((n * 40.0) / 600.0).ceil().max(1.0) as usize;
            view! {
                <svg class="chart columns" viewBox="0 0 600 180" role="img" aria-label=label.get()>
                    <line x1="0" y1="150" x2="600" y2="150" class="axis"/>
                    {bars.into_iter().enumerate().map(|(k, b)| {
                        let h = b.value.max(0.0) / max * 140.0;
                        let x = k as f64 * slot;
                        view! {
                            <g>
                                <title>{format!("{}: {}", b.label, b.text)}</title>
                                <rect x=x + slot * 0.15 y=150.0 - h width=slot * 0.7 height=h rx="1.5"/>
                                {(k % every == 0).then(|| view! { <text x=x + slot / 2.0 y="166" class="tick">{b.label.clone()}</text> })}
                            </g>
                        }
                    }).collect_view()}
                </svg>
            }
        }}
    }
}

/// The Pareto chart: each customer's sales as a column, largest first, the
/// share of all sales the customers up to it bring as a line, and the 80%
/// line. `shares` run from 0 to 1, one per bar.
#[component]
pub fn ParetoChart(#[prop(into)] bars: Signal<Vec<Bar>>, #[prop(into)] shares: Signal<Vec<f64>>, #[prop(into)] label: Signal<String>) -> impl IntoView {
    view! {
        {move || {
            let bars = bars.get();
            let shares = shares.get();
            let n = bars.len().max(1) as f64;
            let max = bars.iter().map(|b| b.value).fold(0.0f64, f64::max).max(f64::MIN_POSITIVE);
            let slot = 560.0 / n;
            let line: Vec<String> = shares.iter().enumerate().map(|(k, s)| format!("{:.1},{:.1}", k as f64 * slot + slot / 2.0, 150.0 - s * 140.0)).collect();
            view! {
                <svg class="chart pareto" viewBox="0 0 600 170" role="img" aria-label=label.get()>
                    <line x1="0" y1="150" x2="560" y2="150" class="axis"/>
                    <line x1="0" y1=150.0 - 0.8 * 140.0 x2="560" y2=150.0 - 0.8 * 140.0 class="goal"/>
                    <text x="564" y=154.0 - 0.8 * 140.0 class="tick">"80%"</text>
                    {bars.into_iter().enumerate().map(|(k, b)| {
                        let h = b.value.max(0.0) / max * 140.0;
                        view! {
                            <g>
                                <title>{format!("{}: {}", b.label, b.text)}</title>
                                <rect x=k as f64 * slot + slot * 0.12 y=150.0 - h width=slot * 0.76 height=h rx="1" class:strong=b.strong/>
                            </g>
                        }
                    }).collect_view()}
                    <polyline points=line.join(" ") class="cumulative"/>
                </svg>
            }
        }}
    }
}

/// At most `n` characters, with an ellipsis when cut.
fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}
