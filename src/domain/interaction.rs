//! 沟通记录 — the communication log: every call, letter, fax, e-mail, meeting
//! and visit with a customer.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::validate::{self, Errors, FieldError};

key_enum! {
    pub enum Channel { Call = "call", Letter = "letter", Fax = "fax", Email = "email", Meeting = "meeting", Visit = "visit" }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interaction {
    pub id: String,
    pub customer_id: String,
    pub rev: u64,
    #[serde(with = "super::as_text::required")]
    pub date: NaiveDate,
    /// Staff id of who spoke with the customer.
    pub staff: Option<String>,
    pub channel: Channel,
    pub summary: String,
    pub next_step: String,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub created_at: DateTime<Utc>,
}

impl Default for Interaction {
    fn default() -> Self {
        Interaction {
            id: String::new(),
            customer_id: String::new(),
            rev: 0,
            date: NaiveDate::default(),
            staff: None,
            channel: Channel::Call,
            summary: String::new(),
            next_step: String::new(),
            created_at: DateTime::UNIX_EPOCH,
        }
    }
}

impl Interaction {
    /// The order the log is listed in: the latest first.
    pub fn latest_first(a: &Interaction, b: &Interaction) -> std::cmp::Ordering {
        (b.date, b.created_at, &b.id).cmp(&(a.date, a.created_at, &a.id))
    }
}

/// What the log form holds: date, staff, channel, summary, next step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InteractionDraft {
    pub date: String,
    pub staff: String,
    pub channel: String,
    pub summary: String,
    pub next_step: String,
}

key_enum! {
    pub enum InteractionField { Date = "date", Staff = "staff", Channel = "channel", Summary = "summary", NextStep = "next_step" }
}

impl InteractionDraft {
    /// The entry the form describes, or every field's error.
    pub fn parse(&self, base: &Interaction, today: NaiveDate) -> Result<Interaction, Vec<(InteractionField, FieldError)>> {
        let mut out = base.clone();
        let mut errors = Errors::new();
        if let Some(d) = errors.take(InteractionField::Date, validate::required_date(&self.date, Some(today))) {
            out.date = d;
        }
        out.staff = Some(self.staff.trim().to_string()).filter(|s| !s.is_empty());
        match Channel::parse(self.channel.trim()) {
            Some(c) => out.channel = c,
            None => errors.push(InteractionField::Channel, FieldError::Unknown),
        }
        if let Some(s) = errors.take(InteractionField::Summary, validate::required(&self.summary, 5000)) {
            out.summary = s;
        }
        if let Some(s) = errors.take(InteractionField::NextStep, validate::max_len(&self.next_step, 2000)) {
            out.next_step = s;
        }
        errors.finish(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_entry_needs_date_channel_and_summary() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let draft = InteractionDraft {
            date: "2026-11-20".into(),
            staff: "s1".into(),
            channel: "visit".into(),
            summary: "上门拜访，确认年度计划".into(),
            next_step: "月底报价".into(),
        };
        let i = draft.parse(&Interaction::default(), today).unwrap();
        assert_eq!(i.channel, Channel::Visit);
        assert_eq!(i.staff.as_deref(), Some("s1"));
        let empty = InteractionDraft::default().parse(&Interaction::default(), today).unwrap_err();
        let fields: Vec<_> = empty.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec![InteractionField::Date, InteractionField::Channel, InteractionField::Summary]);
    }
}
