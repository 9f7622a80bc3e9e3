//! 修改记录 — every change keeps who, when, each field's old and new value,
//! and why.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::change::Kind;

key_enum! {
    pub enum Action {
        Created = "created",
        Updated = "updated",
        Deleted = "deleted",
        Restored = "restored",
        HandedOver = "handed_over",
        Reviewed = "reviewed",
        Imported = "imported",
        Regraded = "regraded",
        ComplaintReceived = "complaint_received",
        ComplaintStep = "complaint_step",
        VisitRecorded = "visit_recorded",
        AnswerGiven = "answer_given",
    }
}

/// Who made a change; the name is kept so history reads right after the
/// person leaves or is renamed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: Option<String>,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HistoryEntry {
    pub id: String,
    /// The customer the entry belongs to (empty for staff changes).
    pub customer_id: String,
    pub entity: Kind,
    pub entity_id: String,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    pub by: Actor,
    pub action: Action,
    pub changes: Vec<FieldChange>,
    pub reason: String,
}

impl Default for HistoryEntry {
    fn default() -> Self {
        HistoryEntry {
            id: String::new(),
            customer_id: String::new(),
            entity: Kind::Customer,
            entity_id: String::new(),
            at: DateTime::UNIX_EPOCH,
            by: Actor::default(),
            action: Action::Updated,
            changes: Vec::new(),
            reason: String::new(),
        }
    }
}

/// The fields whose value differs between `old` and `new`, in field order.
pub fn diff<F: Copy>(
    fields: &[F],
    key: impl Fn(F) -> &'static str,
    old: impl Fn(F) -> String,
    new: impl Fn(F) -> String,
) -> Vec<FieldChange> {
    fields
        .iter()
        .filter_map(|&f| {
            let (o, n) = (old(f), new(f));
            (o != n).then(|| FieldChange { field: key(f).to_string(), old: o, new: n })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Customer, Field};

    #[test]
    fn diff_lists_exactly_the_changed_fields_with_old_and_new() {
        let old = Customer { name: "旧名".into(), phone: "010-1234567".into(), ..Customer::default() };
        let mut new = old.clone();
        new.name = "新名".into();
        new.texts.insert(Field::Plans, "扩张".into());
        let changes = diff(Field::ALL, Field::as_str, |f| old.get(f), |f| new.get(f));
        assert_eq!(
            changes,
            vec![
                FieldChange { field: "name".into(), old: "旧名".into(), new: "新名".into() },
                FieldChange { field: "plans".into(), old: "".into(), new: "扩张".into() },
            ]
        );
        assert!(diff(Field::ALL, Field::as_str, |f| old.get(f), |f| old.get(f)).is_empty());
    }
}
