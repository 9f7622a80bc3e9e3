//! When to remind about the monthly backup (每月1日备份): on the 1st of each
//! month, and whenever the last backup is more than 31 days old (or there
//! has never been one), unless the user put it off for today.

use chrono::{Datelike, NaiveDate};

/// Days after which a backup is overdue whatever the date.
pub const BACKUP_DAYS: i64 = 31;

/// Whether to offer the backup today. `last`: the local date of the last
/// backup; `put_off`: the day the user last chose "later".
pub fn backup_due(today: NaiveDate, last: Option<NaiveDate>, put_off: Option<NaiveDate>) -> bool {
    if put_off == Some(today) {
        return false;
    }
    match last {
        None => true,
        Some(last) => (today.day() == 1 && last < today) || (today - last).num_days() > BACKUP_DAYS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_backup_is_offered_on_the_first_and_when_overdue() {
        let cases = [
            // today, last backup, put off, due
            ("2026-11-01", Some("2026-10-31"), None, true),
            ("2026-11-01", Some("2026-11-01"), None, false),
            ("2026-11-02", Some("2026-10-31"), None, false),
            ("2026-11-15", None, None, true),
            ("2026-12-02", Some("2026-11-01"), None, false),
            ("2026-12-03", Some("2026-11-01"), None, true),
            ("2024-03-31", Some("2024-02-29"), None, false),
            ("2024-04-01", Some("2024-02-29"), None, true),
            ("2027-01-01", Some("2026-12-15"), None, true),
            ("2026-11-01", Some("2026-10-31"), Some("2026-11-01"), false),
            ("2026-11-15", None, Some("2026-11-14"), true),
            ("2026-12-20", Some("2026-11-01"), Some("2026-12-19"), true),
        ];
        for (today, last, put_off, due) in cases {
            assert_eq!(backup_due(d(today), last.map(d), put_off.map(d)), due, "{today} {last:?} {put_off:?}");
        }
    }
}
