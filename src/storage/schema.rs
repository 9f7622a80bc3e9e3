//! The archive's schema: one object store per [`Kind`], keyed by `id`, with
//! secondary indexes for what lists filter and sort on, and the forward
//! migration steps that take an archive from any older version to this one.

use crate::domain::change::Kind;

/// The schema version this build writes.
pub const VERSION: u32 = 6;

/// The store of list-row segments ([`super::rowlog`]): keyed by an increasing
/// number, so reading it in key order replays the writes in commit order.
pub const ROW_LOG: &str = "row_log";

/// A secondary index: its name and the top-level field it indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexDef {
    pub kind: Kind,
    pub name: &'static str,
}

/// What one migration step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    CreateStore(Kind),
    CreateIndex(IndexDef),
    CreateRowLog,
    /// Fill `customer_rows` from `customers` and `contacts`, and the row log
    /// from those rows. Runs once however many versions ask for it.
    BuildRows,
}

const fn ix(kind: Kind, name: &'static str) -> Step {
    Step::CreateIndex(IndexDef { kind, name })
}

/// Version 1: the first archive: records, contacts, log, history, trash, staff, settings.
const V1: &[Step] = &[
    Step::CreateStore(Kind::Customer),
    ix(Kind::Customer, "status"),
    ix(Kind::Customer, "kind"),
    ix(Kind::Customer, "owner"),
    ix(Kind::Customer, "industry"),
    ix(Kind::Customer, "region"),
    ix(Kind::Customer, "confidentiality"),
    ix(Kind::Customer, "updated_at"),
    Step::CreateStore(Kind::Contact),
    ix(Kind::Contact, "customer_id"),
    Step::CreateStore(Kind::Interaction),
    ix(Kind::Interaction, "customer_id"),
    Step::CreateStore(Kind::History),
    ix(Kind::History, "customer_id"),
    Step::CreateStore(Kind::Trash),
    ix(Kind::Trash, "deleted_at"),
    Step::CreateStore(Kind::Staff),
    Step::CreateStore(Kind::Setting),
];

/// Version 2: the compact list rows (so start-up never reads whole records),
/// the second responsible person and review date as indexes, log by date.
const V2: &[Step] = &[
    Step::CreateStore(Kind::Row),
    ix(Kind::Customer, "co_owner"),
    ix(Kind::Customer, "reviewed_at"),
    ix(Kind::Interaction, "date"),
    ix(Kind::History, "at"),
    Step::BuildRows,
];

/// Version 3: the rows sorted by name for the first screen, and the rows'
/// bulk form, so the list opens at once and is whole in a fraction of the time
/// reading every row record takes.
const V3: &[Step] = &[ix(Kind::Row, "sort"), Step::CreateRowLog, Step::BuildRows];

/// Version 4: transactions (交易资料), by customer and by date; the list rows
/// built again, for what they now hold beside their text (the organisation
/// form, the grade, what is owed).
const V4: &[Step] = &[Step::CreateStore(Kind::Transaction), ix(Kind::Transaction, "customer_id"), ix(Kind::Transaction, "date"), Step::BuildRows];

/// Version 5: the list rows built again, for the customer type and the
/// currency they now hold.
const V5: &[Step] = &[Step::BuildRows];

/// Version 6: complaints (客户投诉) and follow-up visits (客户回访), each by
/// customer and by date.
const V6: &[Step] = &[
    Step::CreateStore(Kind::Complaint),
    ix(Kind::Complaint, "customer_id"),
    ix(Kind::Complaint, "received_on"),
    Step::CreateStore(Kind::Visit),
    ix(Kind::Visit, "customer_id"),
    ix(Kind::Visit, "date"),
];

/// The steps that take version `v - 1` to `v`.
pub fn steps(v: u32) -> &'static [Step] {
    match v {
        1 => V1,
        2 => V2,
        3 => V3,
        4 => V4,
        5 => V5,
        6 => V6,
        _ => &[],
    }
}

/// Every index of the current schema on a kind of record.
pub fn indexes(kind: Kind) -> Vec<&'static str> {
    (1..=VERSION)
        .flat_map(steps)
        .filter_map(|s| match s {
            Step::CreateIndex(d) if d.kind == kind => Some(d.name),
            _ => None,
        })
        .collect()
}

/// Whether a store holds only what is derived from the others (the list
/// rows, from the customers and their contacts): backups leave it out and
/// restores rebuild it.
pub fn derived(kind: Kind) -> bool {
    kind == Kind::Row
}

/// Every store of the current schema.
pub fn stores() -> Vec<Kind> {
    (1..=VERSION)
        .flat_map(steps)
        .filter_map(|s| if let Step::CreateStore(k) = s { Some(*k) } else { None })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_store_and_indexes_come_after_their_store() {
        let mut all = stores();
        all.sort();
        assert_eq!(all, Kind::ALL.to_vec());
        let mut created = Vec::new();
        for v in 1..=VERSION {
            for s in steps(v) {
                match s {
                    Step::CreateStore(k) => created.push(*k),
                    Step::CreateIndex(d) => assert!(created.contains(&d.kind), "{d:?} before its store"),
                    Step::BuildRows => assert!(created.contains(&Kind::Row)),
                    Step::CreateRowLog => {}
                }
            }
        }
        assert_eq!(indexes(Kind::Contact), vec!["customer_id"]);
    }
}
