//! Two archives made one: a backup merged into the archive, record by record,
//! as when two staff members' archives, or a laptop's and a desktop's, are
//! brought together.
//!
//! For each record, the side that changed it since the two archives parted
//! wins. What changed is told by the history, which both sides share up to
//! the moment they parted: a side's history entries for a record that the
//! other side lacks are its changes (deleting a customer is one too). When
//! both sides changed a record, it is a conflict for the user to decide;
//! until they do, the archive's own version stays. Records without history
//! (settings) go by revision: the higher wins, equal ones that differ are a
//! conflict. History entries themselves are the union of both sides.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use super::backup::{stores, Stores};
use super::json::from_text;
use crate::domain::change::{Kind, RawRecord};

/// A record both sides changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub kind: Kind,
    pub id: String,
    /// The archive's version and the backup's (`None` where that side deleted it).
    pub current: Option<RawRecord>,
    pub incoming: Option<RawRecord>,
}

/// The merged archive, with each conflict resolved to the archive's own version.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    pub stores: Stores,
    pub conflicts: Vec<Conflict>,
    /// Records taken from the backup (new there, or changed only there), history apart.
    pub taken: usize,
    /// The stores before they are made whole, for resolving conflicts.
    untidy: Stores,
}

/// What a merge needs to read of a history entry.
#[derive(Deserialize)]
struct Trace {
    id: String,
    customer_id: String,
    entity: Kind,
    entity_id: String,
    /// Milliseconds since 1970.
    at: i64,
    action: crate::domain::Action,
}

/// One side's history, as a merge reads it.
#[derive(Default)]
struct Traces {
    /// Ids of every entry.
    ids: FxHashSet<String>,
    /// Entries (id, when) by the record they are about.
    by_record: FxHashMap<(Kind, String), Vec<(String, i64)>>,
    /// Entries (id, when) by customer, whatever they are about: a customer
    /// has changed when anything of it has (a contact, a log entry).
    by_customer: FxHashMap<String, Vec<(String, i64)>>,
    /// When each deleted customer was last deleted.
    deleted: FxHashMap<String, i64>,
}

impl Traces {
    fn read(records: &[RawRecord]) -> Result<Traces, String> {
        let mut t = Traces::default();
        for r in records {
            let e: Trace = from_text(&r.json)?;
            if e.entity == Kind::Customer && e.action == crate::domain::Action::Deleted {
                let at = t.deleted.entry(e.customer_id.clone()).or_insert(e.at);
                *at = (*at).max(e.at);
            }
            t.by_record.entry((e.entity, e.entity_id)).or_default().push((e.id.clone(), e.at));
            if !e.customer_id.is_empty() {
                t.by_customer.entry(e.customer_id).or_default().push((e.id.clone(), e.at));
            }
            t.ids.insert(e.id);
        }
        Ok(t)
    }

    /// Whether this side changed the record since the sides parted: it has
    /// entries about it that `other` lacks, made after `other` deleted its
    /// customer, if it did (what `other` deleted, or purged with its
    /// history, it had seen).
    fn changed(&self, other: &Traces, kind: Kind, id: &str, customer: Option<&str>) -> bool {
        let entries = if kind == Kind::Customer { self.by_customer.get(id) } else { self.by_record.get(&(kind, id.to_string())) };
        let since = customer.and_then(|c| other.deleted.get(c)).copied().unwrap_or(i64::MIN);
        entries.is_some_and(|es| es.iter().any(|(h, at)| !other.ids.contains(h) && *at > since))
    }
}

/// What a merge needs to read of a contact or log entry.
#[derive(Deserialize)]
struct Owned {
    customer_id: String,
}

fn of(stores: &Stores, kind: Kind) -> &[RawRecord] {
    stores.iter().find(|(k, _)| *k == kind).map_or(&[], |(_, r)| r.as_slice())
}

/// What a merge needs to read to name a record: a customer's, contact's or
/// staff member's name, a log entry's summary, a complaint's day and
/// complainant, a call or visit's day and feedback.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Named {
    name: String,
    summary: String,
    received_on: String,
    complainant: String,
    date: String,
    feedback: String,
}

impl Conflict {
    /// What the user knows the record by.
    pub fn name(&self) -> String {
        let r = self.current.as_ref().or(self.incoming.as_ref());
        r.and_then(|r| from_text::<Named>(&r.json).ok())
            .map(|n| match self.kind {
                Kind::Complaint => format!("{} · {}", n.received_on, n.complainant),
                Kind::Visit => format!("{} · {}", n.date, n.feedback.chars().take(30).collect::<String>()),
                _ if n.name.is_empty() => n.summary,
                _ => n.name,
            })
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| self.id.clone())
    }
}

/// Which side's version a record takes.
enum Pick {
    Current,
    Incoming,
    Conflict,
}

/// Merge `incoming` (a backup) into `current` (the archive); both in id order.
pub fn merge(current: &Stores, incoming: &Stores) -> Result<Merge, String> {
    let cur = Traces::read(of(current, Kind::History))?;
    let inc = Traces::read(of(incoming, Kind::History))?;
    let mut out = Merge { stores: Vec::new(), conflicts: Vec::new(), taken: 0, untidy: Vec::new() };
    for kind in stores() {
        let (now, new) = (of(current, kind), of(incoming, kind));
        let mut merged = Vec::with_capacity(now.len().max(new.len()));
        let (mut i, mut j) = (0, 0);
        while i < now.len() || j < new.len() {
            let (a, b) = match (now.get(i), new.get(j)) {
                (Some(a), Some(b)) if a.id == b.id => (Some(a), Some(b)),
                (Some(a), Some(b)) if a.id < b.id => (Some(a), None),
                (Some(a), None) => (Some(a), None),
                (_, b) => (None, b),
            };
            i += a.is_some() as usize;
            j += b.is_some() as usize;
            let id = a.or(b).map(|r| r.id.as_str()).unwrap_or_default();
            let pick = if kind == Kind::History || kind == Kind::Trash {
                // History entries never change once written, and a trash entry
                // follows its customer (see `tidy`): both sides' are kept.
                Pick::Current
            } else if a.zip(b).is_some_and(|(a, b)| a.json == b.json) {
                Pick::Current
            } else {
                // The customer a record belongs to, for deletions.
                let customer = match kind {
                    Kind::Customer | Kind::Trash => Some(id.to_string()),
                    Kind::Contact | Kind::Interaction | Kind::Transaction | Kind::Complaint | Kind::Visit => a.or(b).and_then(|r| from_text::<Owned>(&r.json).ok()).map(|o| o.customer_id),
                    _ => None,
                };
                let customer = customer.as_deref();
                match (cur.changed(&inc, kind, id, customer), inc.changed(&cur, kind, id, customer)) {
                    (true, true) => Pick::Conflict,
                    (true, false) => Pick::Current,
                    (false, true) => Pick::Incoming,
                    (false, false) => match (a, b) {
                        (Some(a), Some(b)) if b.rev > a.rev => Pick::Incoming,
                        (Some(a), Some(b)) if b.rev == a.rev => Pick::Conflict,
                        (Some(_), _) => Pick::Current,
                        (None, _) => Pick::Incoming,
                    },
                }
            };
            let kept = match pick {
                Pick::Current => a.or(if matches!(kind, Kind::History | Kind::Trash) { b } else { None }),
                Pick::Incoming => {
                    out.taken += b.is_some() as usize;
                    b
                }
                Pick::Conflict => {
                    out.conflicts.push(Conflict { kind, id: id.to_string(), current: a.cloned(), incoming: b.cloned() });
                    a
                }
            };
            merged.extend(kept.cloned());
        }
        out.untidy.push((kind, merged));
    }
    out.stores = out.untidy.clone();
    tidy(&mut out.stores)?;
    Ok(out)
}

/// Take the backup's version of the conflicts `take` picks.
pub fn resolve(m: &Merge, take: impl Fn(&Conflict) -> bool) -> Result<Stores, String> {
    let mut stores = m.untidy.clone();
    for c in m.conflicts.iter().filter(|c| take(c)) {
        let Some((_, records)) = stores.iter_mut().find(|(k, _)| *k == c.kind) else { continue };
        match (records.binary_search_by(|r| r.id.as_str().cmp(&c.id)), &c.incoming) {
            (Ok(at), Some(r)) => records[at] = r.clone(),
            (Ok(at), None) => drop(records.remove(at)),
            (Err(at), Some(r)) => records.insert(at, r.clone()),
            (Err(_), None) => {}
        }
    }
    tidy(&mut stores)?;
    Ok(stores)
}

/// Keep the merged archive whole: a customer is either in the list or in the
/// trash, and contacts, log entries, transactions, complaints and visits
/// belong to a customer in the list.
fn tidy(stores: &mut Stores) -> Result<(), String> {
    let live: FxHashSet<String> = of(stores, Kind::Customer).iter().map(|r| r.id.clone()).collect();
    for (kind, records) in stores.iter_mut() {
        match kind {
            Kind::Trash => records.retain(|r| !live.contains(&r.id)),
            Kind::Contact | Kind::Interaction | Kind::Transaction | Kind::Complaint | Kind::Visit => {
                let mut keep = Vec::with_capacity(records.len());
                for r in records.drain(..) {
                    if live.contains(&from_text::<Owned>(&r.json)?.customer_id) {
                        keep.push(r);
                    }
                }
                *records = keep;
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ops::{self, Ctx};
    use crate::domain::{Action, ChangeSet, Contact, Customer};
    use crate::io::backup::snapshot;
    use crate::storage::memory::MemoryStore;
    use crate::storage::Store;
    use chrono::{TimeZone, Utc};
    use pollster::block_on;

    static CLOCK: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

    /// An archive and the operations done to it, each with its own ids.
    struct Side {
        store: MemoryStore,
        prefix: &'static str,
        n: u32,
    }

    impl Side {
        fn new(prefix: &'static str) -> Side {
            Side { store: MemoryStore::new(), prefix, n: 0 }
        }

        fn run<R>(&mut self, f: impl FnOnce(&mut Ctx) -> R) -> R {
            let (prefix, n) = (self.prefix, &mut self.n);
            let mut next = || {
                *n += 1;
                format!("{prefix}{:04}", *n)
            };
            // One clock for both sides: each operation a minute after the last, on whichever side.
            let minutes = CLOCK.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let now = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap() + chrono::Duration::minutes(minutes);
            let mut ctx = Ctx { now, by: Default::default(), next_id: &mut next };
            f(&mut ctx)
        }

        fn apply(&self, set: &ChangeSet) {
            block_on(self.store.apply(set)).unwrap();
        }

        fn create(&mut self, name: &str, contact: &str) -> Customer {
            let c = Customer { name: name.into(), ..Customer::default() };
            let p = Contact { name: contact.into(), ..Contact::default() };
            let (set, c) = self.run(|ctx| ops::create_customer(ctx, c, vec![p], Action::Created, ""));
            self.apply(&set);
            c
        }

        fn rename(&mut self, id: &str, name: &str) {
            let old: Customer = block_on(self.store.get(id)).unwrap().unwrap();
            let new = Customer { name: name.into(), ..old.clone() };
            let (set, _) = self.run(|ctx| ops::update_customer(ctx, &old, new, "rename")).unwrap();
            self.apply(&set);
        }

        fn delete(&mut self, id: &str) {
            let c: Customer = block_on(self.store.get(id)).unwrap().unwrap();
            let contacts: Vec<Contact> = block_on(self.store.by_index("customer_id", id)).unwrap();
            let set = self.run(|ctx| ops::delete_customer(ctx, &c, ops::Belongings { contacts, ..Default::default() }, "gone")).unwrap();
            self.apply(&set);
        }

        fn log(&mut self, customer_id: &str, summary: &str) {
            let entry = crate::domain::Interaction { summary: summary.into(), ..Default::default() };
            let (set, _) = self.run(|ctx| ops::add_interaction(ctx, customer_id, entry));
            self.apply(&set);
        }

        /// Empty the trash, as start-up does once 30 days are up.
        fn purge(&mut self) {
            let trash: Vec<crate::domain::TrashEntry> = block_on(self.store.all()).unwrap();
            self.apply(&ops::purge(&trash));
        }

        fn stores(&self) -> Stores {
            block_on(snapshot(&self.store, |_, _| ())).unwrap()
        }

        /// A second archive that starts as a copy of this one (a laptop's, after a restore).
        fn copy(&self, prefix: &'static str) -> Side {
            let other = Side::new(prefix);
            block_on(other.store.replace_all(&self.stores(), &|_, _| ())).unwrap();
            other
        }
    }

    fn names(stores: &Stores) -> Vec<String> {
        of(stores, Kind::Customer).iter().map(|r| from_text::<Customer>(&r.json).unwrap().name).collect()
    }

    fn count(stores: &Stores, kind: Kind) -> usize {
        of(stores, kind).len()
    }

    #[test]
    fn records_new_or_changed_on_one_side_come_together() {
        let mut desk = Side::new("d");
        let a = desk.create("Alpha", "Ann");
        let b = desk.create("Beta", "Bob");
        let mut laptop = desk.copy("l");
        // After parting: each side adds one; the desk renames Alpha, the laptop Beta.
        desk.create("Desk New", "Dee");
        laptop.create("Laptop New", "Lee");
        desk.rename(&a.id, "Alpha (desk)");
        laptop.rename(&b.id, "Beta (laptop)");
        let m = merge(&desk.stores(), &laptop.stores()).unwrap();
        assert_eq!(m.conflicts, []);
        let mut got = names(&m.stores);
        got.sort();
        assert_eq!(got, ["Alpha (desk)", "Beta (laptop)", "Desk New", "Laptop New"]);
        // The laptop's new customer with its contact, and Beta's change (history is counted apart).
        assert_eq!(m.taken, 3);
        assert_eq!(count(&m.stores, Kind::Contact), 4);
        let history = count(&desk.stores(), Kind::History) + count(&laptop.stores(), Kind::History) - 4;
        assert_eq!(count(&m.stores, Kind::History), history, "both sides' entries, the shared ones once");
    }

    #[test]
    fn a_record_changed_on_both_sides_is_a_conflict_that_keeps_the_archive_until_decided() {
        let mut desk = Side::new("d");
        let a = desk.create("Alpha", "Ann");
        let mut laptop = desk.copy("l");
        desk.rename(&a.id, "Alpha (desk)");
        laptop.rename(&a.id, "Alpha (laptop)");
        let m = merge(&desk.stores(), &laptop.stores()).unwrap();
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!((m.conflicts[0].kind, m.conflicts[0].id.as_str()), (Kind::Customer, a.id.as_str()));
        assert_eq!(names(&m.stores), ["Alpha (desk)"]);
        assert_eq!(names(&resolve(&m, |_| true).unwrap()), ["Alpha (laptop)"]);
        assert_eq!(names(&resolve(&m, |_| false).unwrap()), ["Alpha (desk)"]);
    }

    #[test]
    fn a_deletion_on_either_side_wins_over_an_unchanged_record_and_brings_nothing_back() {
        let mut desk = Side::new("d");
        let a = desk.create("Alpha", "Ann");
        let b = desk.create("Beta", "Bob");
        let mut laptop = desk.copy("l");
        desk.delete(&a.id);
        laptop.delete(&b.id);
        let m = merge(&desk.stores(), &laptop.stores()).unwrap();
        assert_eq!(m.conflicts, []);
        assert_eq!(names(&m.stores), Vec::<String>::new());
        assert_eq!(count(&m.stores, Kind::Contact), 0, "no contact is left without its customer");
        assert_eq!(count(&m.stores, Kind::Trash), 2, "both are in the trash, to be restored");
    }

    #[test]
    fn deleted_here_and_changed_there_is_a_conflict_and_taking_the_backup_brings_it_out_of_the_trash() {
        let mut desk = Side::new("d");
        let a = desk.create("Alpha", "Ann");
        let mut laptop = desk.copy("l");
        desk.delete(&a.id);
        laptop.rename(&a.id, "Alpha (laptop)");
        let m = merge(&desk.stores(), &laptop.stores()).unwrap();
        assert_eq!(m.conflicts.len(), 1);
        assert!(m.conflicts[0].current.is_none() && m.conflicts[0].incoming.is_some());
        assert_eq!(count(&m.stores, Kind::Trash), 1);
        let taken = resolve(&m, |_| true).unwrap();
        assert_eq!(names(&taken), ["Alpha (laptop)"]);
        assert_eq!(count(&taken, Kind::Trash), 0);
        assert_eq!(count(&taken, Kind::Contact), 1, "with its contact");
    }

    #[test]
    fn a_customer_purged_here_does_not_come_back_from_an_older_backup() {
        let mut desk = Side::new("d");
        let a = desk.create("Alpha", "Ann");
        desk.create("Beta", "Bob");
        let old = desk.copy("o");
        desk.delete(&a.id);
        desk.purge();
        let m = merge(&desk.stores(), &old.stores()).unwrap();
        assert_eq!(m.conflicts, []);
        assert_eq!(names(&m.stores), ["Beta"]);
        assert_eq!(count(&m.stores, Kind::Contact), 1);
    }

    #[test]
    fn a_log_entry_added_there_to_a_customer_deleted_here_is_a_conflict() {
        let mut desk = Side::new("d");
        let a = desk.create("Alpha", "Ann");
        let mut laptop = desk.copy("l");
        desk.delete(&a.id);
        laptop.log(&a.id, "visited after all");
        let m = merge(&desk.stores(), &laptop.stores()).unwrap();
        assert_eq!(m.conflicts.iter().map(|c| (c.kind, c.id.as_str())).collect::<Vec<_>>(), [(Kind::Customer, a.id.as_str())]);
        assert_eq!(names(&m.stores), Vec::<String>::new(), "deleted until the user decides");
        let taken = resolve(&m, |_| true).unwrap();
        assert_eq!(names(&taken), ["Alpha"]);
        assert_eq!(count(&taken, Kind::Interaction), 1, "with the entry added there");
    }

    #[test]
    fn a_conflict_on_a_complaint_or_a_visit_is_named_as_people_know_it() {
        use crate::domain::complaint::Complaint;
        use crate::domain::visit::Visit;
        use crate::domain::change::RawRecord;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 2).unwrap();
        let raw = |json: String| Some(RawRecord { id: "x".into(), rev: Some(1), json });
        let complaint = Complaint { id: "x".into(), received_on: day, complainant: "王经理".into(), ..Complaint::default() };
        let c = Conflict { kind: Kind::Complaint, id: "x".into(), current: raw(crate::io::json::to_text(&complaint).unwrap()), incoming: None };
        assert_eq!(c.name(), "2026-10-02 · 王经理");
        let visit = Visit { id: "x".into(), date: day, feedback: "对上次布展满意,询问明年报价".into(), ..Visit::default() };
        let v = Conflict { kind: Kind::Visit, id: "x".into(), current: None, incoming: raw(crate::io::json::to_text(&visit).unwrap()) };
        assert_eq!(v.name(), "2026-10-02 · 对上次布展满意,询问明年报价");
    }
}
