//! A period picked by its first and last day, as the statistics pages take it.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::{InputKind, TextField};
use crate::domain::grading::period_start;
use crate::domain::validate;
use crate::i18n::Msg;
use crate::ui::app::AppState;

/// The two days as typed, and the period they make: `None` while either is
/// not a date or the period runs backwards.
#[derive(Clone, Copy)]
pub struct Period {
    pub from: RwSignal<String>,
    pub to: RwSignal<String>,
    pub days: Memo<Option<(NaiveDate, NaiveDate)>>,
}

impl Period {
    /// The twelve months up to `today`.
    pub fn last_12_months(today: NaiveDate) -> Self {
        let from = RwSignal::new(period_start(today, 12).to_string());
        let to = RwSignal::new(today.to_string());
        let days = Memo::new(move |_| {
            let read = |s: String| validate::date(&s, None).ok().flatten();
            read(from.get()).zip(read(to.get())).filter(|(a, b)| a <= b)
        });
        Self { from, to, days }
    }

    /// The period as a file name's part: `2025-12-01-2026-11-30`.
    pub fn text(self) -> Signal<String> {
        Signal::derive(move || self.days.get().map(|(a, b)| format!("{a}-{b}")).unwrap_or_default())
    }
}

/// The period's two date fields.
#[component]
pub fn PeriodFields(period: Period) -> impl IntoView {
    let i = expect_context::<AppState>().i18n;
    view! {
        <TextField label=i.sig(Msg::PeriodFrom) value=period.from kind=InputKind::Date/>
        <TextField label=i.sig(Msg::PeriodTo) value=period.to kind=InputKind::Date/>
    }
}

/// Says so while the period is not one.
#[component]
pub fn BadPeriodNotice(period: Period) -> impl IntoView {
    let i = expect_context::<AppState>().i18n;
    view! {
        <Show when=move || period.days.get().is_none()>
            <p class="notice error" role="alert">{i.text(Msg::BadPeriod)}</p>
        </Show>
    }
}
