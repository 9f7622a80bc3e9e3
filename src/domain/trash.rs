//! The trash: a deleted customer with its contacts, log, transactions,
//! complaints and visits, kept for 30 days
//! (一个月保留期) with the reason it was deleted.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::complaint::Complaint;
use super::visit::Visit;
use super::{Actor, Contact, Customer, Interaction, Transaction};

/// How long a deleted customer can be restored.
pub const RETENTION_DAYS: i64 = 30;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrashEntry {
    /// The customer's id.
    pub id: String,
    pub customer: Customer,
    pub contacts: Vec<Contact>,
    pub interactions: Vec<Interaction>,
    pub transactions: Vec<Transaction>,
    pub complaints: Vec<Complaint>,
    pub visits: Vec<Visit>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub deleted_at: DateTime<Utc>,
    pub by: Actor,
    pub reason: String,
}

impl TrashEntry {
    pub fn expires_at(&self) -> DateTime<Utc> {
        self.deleted_at + Duration::days(RETENTION_DAYS)
    }

    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        now >= self.expires_at()
    }

    /// Days left before it is purged, counting a part-day as a day: 30 just
    /// after deleting, 1 on its last day, 0 once expired.
    pub fn days_left(&self, now: DateTime<Utc>) -> i64 {
        let secs = (self.expires_at() - now).num_seconds().max(0);
        (secs + 86_399) / 86_400
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_after_thirty_days() {
        let t0 = DateTime::from_timestamp(1_760_000_000, 0).unwrap();
        let e = TrashEntry { deleted_at: t0, ..TrashEntry::default() };
        let cases = [
            (Duration::zero(), false, 30),
            (Duration::hours(1), false, 30),
            (Duration::days(29), false, 1),
            (Duration::days(30) - Duration::seconds(1), false, 1),
            (Duration::days(30), true, 0),
            (Duration::days(45), true, 0),
        ];
        for (after, expired, left) in cases {
            assert_eq!(e.is_expired(t0 + after), expired, "{after:?}");
            assert_eq!(e.days_left(t0 + after), left, "{after:?}");
        }
    }
}
