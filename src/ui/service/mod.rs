//! Complaints and follow-up visits (issue 6): the working-day calendar in
//! Settings, a customer's complaints with every step of their procedure,
//! and each person's work.

mod calendar_panel;
mod complaints_panel;
mod rules_panel;
mod stats_page;
mod visit_plan_panel;
mod visits_panel;
mod work_page;

pub use calendar_panel::CalendarPanel;
pub use complaints_panel::ComplaintsPanel;
pub use rules_panel::ComplaintRulesPanel;
pub use stats_page::ServiceStatsPage;
pub use visit_plan_panel::VisitPlanPanel;
pub use visits_panel::VisitsPanel;
pub use work_page::WorkPage;

use chrono::{Datelike, NaiveDate};
use serde::{de::DeserializeOwned, Serialize};

use crate::domain::calendar::{self, WorkCalendar};
use crate::domain::change::Setting;
use crate::domain::complaint::{self, ComplaintRules};
use crate::domain::{ChangeSet, Expect};
use crate::storage::{Store, StoreError};
use crate::ui::app::AppState;

/// A setting kept as JSON text, or its default when there is none yet (or
/// it cannot be read: the defaults are what the agency saw before).
pub async fn load_setting<T: DeserializeOwned + Default>(state: AppState, id: &str) -> Result<T, StoreError> {
    let stored = state.store().get::<Setting>(id).await?;
    Ok(stored.and_then(|s| crate::io::json::from_text::<T>(&s.value).ok()).unwrap_or_default())
}

/// Write a setting as JSON text.
pub async fn save_setting<T: Serialize>(state: AppState, id: &str, value: &T) -> Result<(), StoreError> {
    let value = crate::io::json::to_text(value).map_err(|detail| StoreError::Failed { op: "save", detail })?;
    let mut set = ChangeSet::default();
    set.put(Setting { id: id.into(), value }, Expect::Any);
    state.apply(&set).await
}

/// The calendar and the rules a complaint's deadlines come from.
#[derive(Clone, Default, PartialEq)]
pub struct Setup {
    pub calendar: WorkCalendar,
    pub rules: ComplaintRules,
}

impl Setup {
    /// Both, as stored (the calendar put in order).
    pub async fn load(state: AppState) -> Result<Setup, StoreError> {
        let calendar = load_setting::<WorkCalendar>(state, calendar::SETTING).await?.tidy();
        let rules = load_setting::<ComplaintRules>(state, complaint::SETTING).await?;
        Ok(Setup { calendar, rules })
    }
}

/// A month as "2026-11"; `short` as "26-11", for a chart's ticks.
pub fn month_text(m: NaiveDate, short: bool) -> String {
    match short {
        true => format!("{:02}-{:02}", m.year() % 100, m.month()),
        false => format!("{:04}-{:02}", m.year(), m.month()),
    }
}

/// The choices of a satisfaction rating, 5 first, after a blank one.
pub fn rating_options(i: crate::ui::app::I18n) -> leptos::prelude::Signal<Vec<(String, String)>> {
    leptos::prelude::Signal::derive(move || {
        let mut out = vec![(String::new(), i.t(crate::i18n::Msg::ChooseStaff).to_string())];
        out.extend((1..=5).rev().map(|n: u8| (n.to_string(), n.to_string())));
        out
    })
}

/// An average rating with one decimal: "4.2".
pub fn rating(avg: f64) -> String {
    let tenths = (avg * 10.0).round() as u32;
    format!("{}.{}", tenths / 10, tenths % 10)
}
