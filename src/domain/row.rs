//! The compact line the customer list shows and searches. Kept in its own
//! store beside the full records, written in the same transaction, so that
//! start-up reads a few hundred bytes per customer instead of whole records.

use chrono::{DateTime, Duration, Utc};
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
    fn staleness_after_thirty_days() {
        let t0 = DateTime::from_timestamp(1_760_000_000, 0).unwrap();
        let row = CustomerRow { reviewed_at: t0, ..CustomerRow::default() };
        assert!(!row.needs_review(t0 + Duration::days(29)));
        assert!(row.needs_review(t0 + Duration::days(30)));
        assert_eq!(row.days_since_review(t0 + Duration::days(45)), 45);
    }
}
