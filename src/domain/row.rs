//! The compact line the customer list shows and searches. Kept in its own
//! store beside the full records, written in the same transaction, so that
//! start-up reads a few hundred bytes per customer instead of whole records.

use std::collections::hash_map::Entry;

use chrono::{DateTime, Duration, Utc};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::search::normalize;
use super::staff::Visibility;
use super::{Confidentiality, Contact, Customer, CustomerKind, Status};

/// A record not reviewed for this long is stale (each record is reviewed at least monthly).
pub const REVIEW_DAYS: i64 = 30;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerRow {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub kind: CustomerKind,
    pub status: Status,
    pub owner: Option<String>,
    pub co_owner: Option<String>,
    pub confidentiality: Confidentiality,
    pub industry: String,
    pub region: String,
    pub phone: String,
    /// The primary contact first.
    pub contacts: Vec<String>,
    pub contact_phones: Vec<String>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub reviewed_at: DateTime<Utc>,
    /// The name as the list sorts it ([`normalize`]d); indexed in the store, so
    /// the first screen of the list can be read before the rest.
    pub sort: String,
}

impl Default for CustomerRow {
    fn default() -> Self {
        CustomerRow::of(&Customer::default(), &[])
    }
}

impl CustomerRow {
    pub fn of(c: &Customer, contacts: &[Contact]) -> Self {
        let mut row = CustomerRow {
            id: String::new(),
            name: String::new(),
            short_name: String::new(),
            kind: c.kind,
            status: c.status,
            owner: None,
            co_owner: None,
            confidentiality: c.confidentiality,
            industry: String::new(),
            region: String::new(),
            phone: String::new(),
            contacts: Vec::new(),
            contact_phones: Vec::new(),
            updated_at: c.updated_at,
            reviewed_at: c.reviewed_at,
            sort: String::new(),
        };
        row.set_customer(c);
        row.set_contacts(contacts);
        row
    }

    /// Refresh what comes from the customer record, keeping the contacts.
    pub fn set_customer(&mut self, c: &Customer) {
        self.id = c.id.clone();
        self.name = c.name.clone();
        self.sort = normalize(&c.name);
        self.short_name = c.short_name.clone();
        self.kind = c.kind;
        self.status = c.status;
        self.owner = c.owner.clone();
        self.co_owner = c.co_owner.clone();
        self.confidentiality = c.confidentiality;
        self.industry = c.industry.clone();
        self.region = c.region.clone();
        self.phone = c.phone.clone();
        self.updated_at = c.updated_at;
        self.reviewed_at = c.reviewed_at;
    }

    /// Refresh what comes from the contacts.
    pub fn set_contacts(&mut self, contacts: &[Contact]) {
        let mut sorted: Vec<&Contact> = contacts.iter().collect();
        sorted.sort_by_key(|c| !c.primary);
        self.contacts = sorted.iter().map(|c| c.name.clone()).collect();
        self.contact_phones = sorted
            .iter()
            .flat_map(|c| [c.mobile.clone(), c.phone.clone()])
            .filter(|p| !p.is_empty())
            .collect();
    }

    /// Give a row without a sort key (stored by an older version) its key.
    pub fn fill_sort_key(&mut self) {
        if self.sort.is_empty() {
            self.sort = normalize(&self.name);
        }
    }

    pub fn visibility(&self) -> Visibility<'_> {
        Visibility { owner: self.owner.as_deref(), co_owner: self.co_owner.as_deref(), confidentiality: self.confidentiality }
    }

    /// Not reviewed within [`REVIEW_DAYS`].
    pub fn needs_review(&self, now: DateTime<Utc>) -> bool {
        now - self.reviewed_at >= Duration::days(REVIEW_DAYS)
    }

    pub fn days_since_review(&self, now: DateTime<Utc>) -> i64 {
        (now - self.reviewed_at).num_days()
    }
}

/// Rows by id: the rows in storage order, and where each id stands. What the
/// row log replays into and the search index keeps, so the 100,000 ids are
/// hashed once at start-up.
#[derive(Clone, Debug, Default)]
pub struct RowSet {
    rows: Vec<CustomerRow>,
    position: FxHashMap<String, usize>,
}

/// What [`RowSet::upsert`] did.
pub enum Upserted {
    /// A new row, put at this position.
    Added(usize),
    /// The row at this position was replaced by one with another sort key.
    Moved(usize),
    /// The row at this position was replaced in place.
    Replaced(usize),
}

impl RowSet {
    pub fn with_capacity(n: usize) -> Self {
        RowSet { rows: Vec::with_capacity(n), position: FxHashMap::with_capacity_and_hasher(n, Default::default()) }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn rows(&self) -> &[CustomerRow] {
        &self.rows
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.position.get(id).copied()
    }

    pub fn reserve(&mut self, more: usize) {
        self.rows.reserve(more);
        self.position.reserve(more);
    }

    /// Insert or replace the row with this id.
    pub fn upsert(&mut self, row: CustomerRow) -> Upserted {
        // One lookup: replaying 100,000 rows at start-up adds nearly all of them.
        match self.position.entry(row.id.clone()) {
            Entry::Occupied(at) => {
                let i = *at.get();
                let moved = self.rows[i].sort != row.sort;
                self.rows[i] = row;
                if moved { Upserted::Moved(i) } else { Upserted::Replaced(i) }
            }
            Entry::Vacant(slot) => {
                let i = self.rows.len();
                slot.insert(i);
                self.rows.push(row);
                Upserted::Added(i)
            }
        }
    }

    /// Take out the row with this id; the last row moves into its place.
    /// Answers the position it had.
    pub fn remove(&mut self, id: &str) -> Option<usize> {
        let i = self.position.remove(id)?;
        self.rows.swap_remove(i);
        if let Some(moved) = self.rows.get(i) {
            self.position.insert(moved.id.clone(), i);
        }
        Some(i)
    }

    /// Give every row without a sort key its key (rows stored by older versions).
    pub fn fill_sort_keys(&mut self) {
        self.rows.iter_mut().for_each(CustomerRow::fill_sort_key);
    }

    pub fn into_rows(self) -> Vec<CustomerRow> {
        self.rows
    }
}

impl From<Vec<CustomerRow>> for RowSet {
    /// Later rows with an id already seen replace the earlier ones.
    fn from(rows: Vec<CustomerRow>) -> Self {
        let mut set = RowSet::with_capacity(rows.len());
        for row in rows {
            set.upsert(row);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_puts_the_primary_contact_first() {
        let c = Customer { id: "c1".into(), name: "甲".into(), ..Customer::default() };
        let contacts = vec![
            Contact { name: "乙".into(), mobile: "13900000001".into(), ..Contact::default() },
            Contact { name: "丙".into(), primary: true, phone: "010-5555555".into(), ..Contact::default() },
        ];
        let row = CustomerRow::of(&c, &contacts);
        assert_eq!(row.contacts, vec!["丙", "乙"]);
        assert_eq!(row.contact_phones, vec!["010-5555555", "13900000001"]);
    }

    #[test]
    fn a_row_set_finds_rows_by_id_after_replacing_and_removing() {
        let row = |id: &str, name: &str| CustomerRow { id: id.into(), name: name.into(), sort: normalize(name), ..CustomerRow::default() };
        let mut set = RowSet::from(vec![row("a", "Alpha"), row("b", "Beta"), row("c", "Gamma")]);
        assert!(matches!(set.upsert(row("b", "Bravo")), Upserted::Moved(1)));
        assert!(matches!(set.upsert(row("b", "bravo")), Upserted::Replaced(1)));
        assert!(matches!(set.upsert(row("d", "Delta")), Upserted::Added(3)));
        assert_eq!(set.remove("a"), Some(0));
        assert_eq!(set.remove("a"), None);
        // The last row took the gap, and is found there.
        assert_eq!(set.position("d"), Some(0));
        let names: Vec<&str> = ["b", "c", "d"].iter().map(|id| set.rows()[set.position(id).unwrap()].name.as_str()).collect();
        assert_eq!(names, ["bravo", "Gamma", "Delta"]);
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn staleness_after_thirty_days() {
        let t0 = DateTime::from_timestamp(1_760_000_000, 0).unwrap();
        let row = CustomerRow { reviewed_at: t0, ..CustomerRow::default() };
        assert!(!row.needs_review(t0 + Duration::days(29)));
        assert!(row.needs_review(t0 + Duration::days(30)));
        assert_eq!(row.days_since_review(t0 + Duration::days(45)), 45);
    }
}
