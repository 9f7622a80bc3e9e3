//! Stored values as the user reads them: keys become labels in their
//! language, staff ids become names.

use crate::domain::complaint::Stage;
use crate::domain::contact::ContactField;
use crate::domain::customer::{format_money, CreditRating, Input};
use crate::domain::interaction::Channel;
use crate::domain::transaction::{PaymentMethod, TransactionField};
use crate::domain::{Confidentiality, Customer, CustomerKind, Field, Kind, Status};
use crate::i18n::Msg;
use crate::ui::app::AppState;

/// A customer field's value for display.
pub fn show_field(state: &AppState, field: Field, raw: &str) -> String {
    let i = state.i18n;
    if raw.is_empty() {
        return String::new();
    }
    match field.input() {
        Input::Kind => CustomerKind::parse(raw).map(|v| i.label(v).to_string()),
        Input::Status => Status::parse(raw).map(|v| i.label(v).to_string()),
        Input::Confidentiality => Confidentiality::parse(raw).map(|v| i.label(v).to_string()),
        Input::CreditRating => CreditRating::parse(raw).map(|v| i.label(v).to_string()),
        Input::Staff => Some(state.staff_name(raw)),
        _ => None,
    }
    .unwrap_or_else(|| raw.to_string())
}

/// A field of the record as its page shows it: amounts grouped, with the currency.
pub fn record_value(state: &AppState, c: &Customer, field: Field) -> String {
    let amount = match field {
        Field::RegisteredCapital => c.registered_capital,
        Field::Assets => c.assets,
        Field::AnnualRevenue => c.annual_revenue,
        Field::CreditLimit => c.credit_limit,
        Field::TempLimit => c.temp_limit,
        _ => None,
    };
    match amount {
        Some(a) => format_money(a, &c.currency),
        None => show_field(state, field, &c.get(field)),
    }
}

/// A history entry's field name and values for display.
pub fn show_change(state: &AppState, entity: Kind, field: &str, raw: &str) -> (String, String) {
    let i = state.i18n;
    match entity {
        Kind::Customer => match Field::parse(field) {
            Some(f) => (i.label(f).to_string(), show_field(state, f, raw)),
            None if field == "grade" => (i.t(Msg::Grade).to_string(), if raw.is_empty() { String::new() } else { state.tier_name(raw) }),
            None if field == "grade_override" => (i.t(Msg::GradeOverride).to_string(), raw.to_string()),
            None if field == "rev" => (i.t(Msg::Revision).to_string(), raw.to_string()),
            None => (field.to_string(), raw.to_string()),
        },
        Kind::Contact => match ContactField::parse(field) {
            Some(ContactField::Primary) => {
                (i.label(ContactField::Primary).to_string(), if raw.is_empty() { String::new() } else { i.t(Msg::Yes).to_string() })
            }
            Some(f) => (i.label(f).to_string(), raw.to_string()),
            None => (field.to_string(), raw.to_string()),
        },
        Kind::Interaction => match field {
            "date" => (i.t(Msg::Date).to_string(), raw.to_string()),
            "channel" => (i.t(Msg::Channel).to_string(), Channel::parse(raw).map(|c| i.label(c).to_string()).unwrap_or_else(|| raw.to_string())),
            _ => (i.t(Msg::Summary).to_string(), raw.to_string()),
        },
        Kind::Transaction => match TransactionField::parse(field) {
            Some(TransactionField::PaymentMethod) => {
                (i.label(TransactionField::PaymentMethod).to_string(), PaymentMethod::parse(raw).map(|m| i.label(m).to_string()).unwrap_or_else(|| raw.to_string()))
            }
            Some(f) => (i.label(f).to_string(), raw.to_string()),
            None => (field.to_string(), raw.to_string()),
        },
        Kind::Complaint => match field {
            "stage" => (i.t(Msg::StageLabel).to_string(), Stage::parse(raw).map(|s| i.label(s).to_string()).unwrap_or_else(|| raw.to_string())),
            "department" => (i.t(Msg::Department).to_string(), raw.to_string()),
            _ => (field.to_string(), raw.to_string()),
        },
        _ => (field.to_string(), raw.to_string()),
    }
}
