//! What users do to the archive, as pure functions: each takes the records as
//! they are and returns the [`ChangeSet`] that does it, history included, so
//! that the record and its history are written together or not at all.

use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

use super::change::Setting;
use super::contact::ContactField;
use super::history::diff;
use super::classification::Class;
use super::grading;
use super::complaint::Complaint;
use super::interaction::Interaction;
use super::visit::Visit;
use super::transaction::{Transaction, TransactionField};
use super::{Action, Actor, ChangeSet, Contact, Customer, Expect, Field, FieldChange, HistoryEntry, Kind, Staff, TrashEntry};

/// Why an operation was refused before anything was written.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum OpError {
    /// Deleting needs a reason.
    #[error("a reason is required")]
    ReasonRequired,
    /// The edit changes nothing.
    #[error("nothing was changed")]
    NothingChanged,
    /// A handover to the person who is leaving.
    #[error("the successor must be someone else")]
    SameSuccessor,
    /// A customer with this id exists again, so the trash entry cannot come back.
    #[error("a customer with this id already exists")]
    AlreadyExists,
}

/// Who acts, when, and where new ids come from.
pub struct Ctx<'a> {
    pub now: DateTime<Utc>,
    pub by: Actor,
    pub next_id: &'a mut dyn FnMut() -> String,
}

impl Ctx<'_> {
    pub(crate) fn history(&mut self, customer_id: &str, entity: Kind, entity_id: &str, action: Action) -> HistoryEntry {
        HistoryEntry {
            id: (self.next_id)(),
            customer_id: customer_id.to_string(),
            entity,
            entity_id: entity_id.to_string(),
            at: self.now,
            by: self.by.clone(),
            action,
            changes: Vec::new(),
            reason: String::new(),
        }
    }
}

fn customer_changes(old: &Customer, new: &Customer) -> Vec<FieldChange> {
    diff(Field::ALL, Field::as_str, |f| old.get(f), |f| new.get(f))
}

fn contact_changes(old: &Contact, new: &Contact) -> Vec<FieldChange> {
    diff(ContactField::ALL, ContactField::as_str, |f| old.get(f), |f| new.get(f))
}

fn transaction_changes(old: &Transaction, new: &Transaction) -> Vec<FieldChange> {
    diff(TransactionField::ALL, TransactionField::as_str, |f| old.get(f), |f| new.get(f))
}

/// A new customer with its first contacts. `how` is `Created` or `Imported`;
/// `reason` says where it came from (an import's file name, say).
pub fn create_customer(
    ctx: &mut Ctx,
    mut customer: Customer,
    contacts: Vec<Contact>,
    how: Action,
    reason: &str,
) -> (ChangeSet, Customer) {
    customer.id = (ctx.next_id)();
    customer.rev = 1;
    customer.created_at = ctx.now;
    customer.updated_at = ctx.now;
    customer.reviewed_at = ctx.now;
    let mut set = ChangeSet::default();
    let mut contacts: Vec<Contact> = contacts
        .into_iter()
        .map(|mut c| {
            c.id = (ctx.next_id)();
            c.customer_id = customer.id.clone();
            c.rev = 1;
            c.updated_at = ctx.now;
            c
        })
        .collect();
    if !contacts.is_empty() && !contacts.iter().any(|c| c.primary) {
        contacts[0].primary = true;
    }
    let mut h = ctx.history(&customer.id, Kind::Customer, &customer.id, how);
    h.changes = customer_changes(&Customer::default(), &customer);
    h.reason = reason.to_string();
    set.put(customer.clone(), Expect::Absent);
    set.put(h, Expect::Absent);
    for c in contacts {
        let mut h = ctx.history(&customer.id, Kind::Contact, &c.id, how);
        h.changes = contact_changes(&Contact::default(), &c);
        h.reason = reason.to_string();
        set.put(c, Expect::Absent);
        set.put(h, Expect::Absent);
    }
    set.refresh_row(&customer.id);
    (set, customer)
}

/// Save an edit of the customer record, made on `old`, with the reason given.
pub fn update_customer(ctx: &mut Ctx, old: &Customer, mut new: Customer, reason: &str) -> Result<(ChangeSet, Customer), OpError> {
    let changes = customer_changes(old, &new);
    if changes.is_empty() {
        return Err(OpError::NothingChanged);
    }
    new.rev = old.rev + 1;
    new.updated_at = ctx.now;
    let mut h = ctx.history(&new.id, Kind::Customer, &new.id, Action::Updated);
    h.changes = changes;
    h.reason = reason.trim().to_string();
    let mut set = ChangeSet::default();
    set.put(new.clone(), Expect::Rev(old.rev)).put(h, Expect::Absent).refresh_row(&new.id);
    Ok((set, new))
}

/// Confirm the record is current (动态管理): clears it from "needs review".
pub fn mark_reviewed(ctx: &mut Ctx, customer: &Customer) -> (ChangeSet, Customer) {
    let mut new = customer.clone();
    new.rev += 1;
    new.reviewed_at = ctx.now;
    let h = ctx.history(&new.id, Kind::Customer, &new.id, Action::Reviewed);
    let mut set = ChangeSet::default();
    set.put(new.clone(), Expect::Rev(customer.rev)).put(h, Expect::Absent).refresh_row(&new.id);
    (set, new)
}

/// A grade as history records it: the tier's id, empty for none.
fn grade_text(g: &Option<String>) -> String {
    g.clone().unwrap_or_default()
}

/// Apply a re-grade ([`grading::preview`]): each customer moved gets its new
/// grade, with a history entry from what to what and `why` (which rule, on
/// what figures). A customer changed since the preview (another grade, or
/// one set by hand) is left out; one saved meanwhile makes the whole write a
/// conflict, and nothing is written.
pub fn regrade(ctx: &mut Ctx, customers: &[Customer], moves: &[grading::Move], why: impl Fn(&grading::Move) -> String) -> ChangeSet {
    let by_id: rustc_hash::FxHashMap<&str, &Customer> = customers.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut set = ChangeSet::default();
    for m in moves {
        let Some(&old) = by_id.get(m.customer_id.as_str()) else { continue };
        if old.grade != m.from || old.grade_override.is_some() {
            continue;
        }
        let mut new = old.clone();
        new.grade = m.to.clone();
        new.rev += 1;
        new.updated_at = ctx.now;
        let mut h = ctx.history(&new.id, Kind::Customer, &new.id, Action::Regraded);
        h.changes = vec![FieldChange { field: "grade".into(), old: grade_text(&old.grade), new: grade_text(&new.grade) }];
        h.reason = why(m);
        set.put(new, Expect::Rev(old.rev)).put(h, Expect::Absent).refresh_row(&old.id);
    }
    set
}

/// Lower the credit ratings a re-grade suggested ([`grading::rating_steps`]),
/// each with a history entry giving `why`. A customer whose rating changed
/// since the suggestion is left as it is.
pub fn lower_ratings(ctx: &mut Ctx, customers: &[Customer], steps: &[grading::RatingStep], why: impl Fn(&grading::RatingStep) -> String) -> ChangeSet {
    let by_id: rustc_hash::FxHashMap<&str, &Customer> = customers.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut set = ChangeSet::default();
    for step in steps {
        let Some(&old) = by_id.get(step.customer_id.as_str()) else { continue };
        if old.credit_rating != step.from {
            continue;
        }
        let mut new = old.clone();
        new.credit_rating = Some(step.to);
        new.rev += 1;
        new.updated_at = ctx.now;
        let mut h = ctx.history(&new.id, Kind::Customer, &new.id, Action::Updated);
        h.changes = customer_changes(old, &new);
        h.reason = why(step);
        set.put(new, Expect::Rev(old.rev)).put(h, Expect::Absent).refresh_row(&old.id);
    }
    set
}

/// Move every customer whose `class` is `from` to `to` (empty: none), as a
/// rename or removal of a value on the agency's list does, each with a
/// history entry giving `reason`. A customer saved since `customers` was
/// read makes the whole write a conflict, and nothing is written.
pub fn reclassify(ctx: &mut Ctx, customers: &[Customer], class: Class, from: &str, to: &str, reason: &str) -> ChangeSet {
    let field = class.field();
    let mut set = ChangeSet::default();
    for old in customers.iter().filter(|c| c.get(field) == from && from != to) {
        let mut new = old.clone();
        *new.class_mut(class) = to.to_string();
        new.rev += 1;
        new.updated_at = ctx.now;
        let mut h = ctx.history(&new.id, Kind::Customer, &new.id, Action::Updated);
        h.changes = customer_changes(old, &new);
        h.reason = reason.to_string();
        set.put(new, Expect::Rev(old.rev)).put(h, Expect::Absent).refresh_row(&old.id);
    }
    set
}

/// Set a customer's grade by hand (`grade` some, with the reason, which is
/// required), or give it back to the rules (`grade` none: it keeps its grade
/// until the next re-grade moves it).
pub fn set_grade(ctx: &mut Ctx, old: &Customer, grade: Option<&str>, reason: &str) -> Result<(ChangeSet, Customer), OpError> {
    let reason = reason.trim();
    let mut new = old.clone();
    match grade {
        Some(_) if reason.is_empty() => return Err(OpError::ReasonRequired),
        Some(g) => {
            new.grade = Some(g.to_string());
            new.grade_override = Some(reason.to_string());
        }
        None => new.grade_override = None,
    }
    let mut changes = Vec::new();
    if new.grade != old.grade {
        changes.push(FieldChange { field: "grade".into(), old: grade_text(&old.grade), new: grade_text(&new.grade) });
    }
    if new.grade_override != old.grade_override {
        changes.push(FieldChange { field: "grade_override".into(), old: grade_text(&old.grade_override), new: grade_text(&new.grade_override) });
    }
    if changes.is_empty() {
        return Err(OpError::NothingChanged);
    }
    new.rev += 1;
    new.updated_at = ctx.now;
    let mut h = ctx.history(&new.id, Kind::Customer, &new.id, Action::Updated);
    h.changes = changes;
    h.reason = reason.to_string();
    let mut set = ChangeSet::default();
    set.put(new.clone(), Expect::Rev(old.rev)).put(h, Expect::Absent).refresh_row(&new.id);
    Ok((set, new))
}

/// Add a contact (`old` is `None`) or save an edit of one. A customer's
/// contacts always have exactly one primary: making a contact primary makes
/// the others not, and the only primary cannot stop being it.
/// `all` is every current contact of the customer.
pub fn save_contact(
    ctx: &mut Ctx,
    customer_id: &str,
    all: &[Contact],
    old: Option<&Contact>,
    mut new: Contact,
) -> Result<ChangeSet, OpError> {
    let mut set = ChangeSet::default();
    let blank = Contact::default();
    let changes = contact_changes(old.unwrap_or(&blank), &new);
    if old.is_some() && changes.is_empty() {
        return Err(OpError::NothingChanged);
    }
    let others: Vec<&Contact> = all.iter().filter(|c| Some(c.id.as_str()) != old.map(|o| o.id.as_str())).collect();
    if !others.iter().any(|c| c.primary) {
        new.primary = true;
    }
    new.customer_id = customer_id.to_string();
    new.updated_at = ctx.now;
    let action = match old {
        Some(o) => {
            new.id = o.id.clone();
            new.rev = o.rev + 1;
            set.put(new.clone(), Expect::Rev(o.rev));
            Action::Updated
        }
        None => {
            new.id = (ctx.next_id)();
            new.rev = 1;
            set.put(new.clone(), Expect::Absent);
            Action::Created
        }
    };
    let mut after: Vec<Contact> = others.iter().map(|c| (*c).clone()).collect();
    if new.primary {
        for c in after.iter_mut().filter(|c| c.primary) {
            let before = c.clone();
            c.primary = false;
            c.rev += 1;
            c.updated_at = ctx.now;
            set.put(c.clone(), Expect::Rev(before.rev));
            // Its own entry, so that every change of a contact is in its history
            // (a merge reads who changed what from it).
            let mut h = ctx.history(customer_id, Kind::Contact, &c.id, Action::Updated);
            h.changes = contact_changes(&before, c);
            set.put(h, Expect::Absent);
        }
    }
    let mut h = ctx.history(customer_id, Kind::Contact, &new.id, action);
    h.changes = contact_changes(old.unwrap_or(&blank), &new);
    set.put(h, Expect::Absent).refresh_row(customer_id);
    Ok(set)
}

/// Remove a contact; if it was primary, the next one becomes primary.
pub fn delete_contact(ctx: &mut Ctx, customer_id: &str, all: &[Contact], contact: &Contact, reason: &str) -> ChangeSet {
    let mut set = ChangeSet::default();
    set.delete(Kind::Contact, &contact.id, Expect::Rev(contact.rev));
    let mut rest: Vec<Contact> = all.iter().filter(|c| c.id != contact.id).cloned().collect();
    if contact.primary && !rest.iter().any(|c| c.primary) {
        if let Some(first) = rest.first_mut() {
            let before = first.clone();
            first.primary = true;
            first.rev += 1;
            first.updated_at = ctx.now;
            set.put(first.clone(), Expect::Rev(before.rev));
            let mut h = ctx.history(customer_id, Kind::Contact, &first.id, Action::Updated);
            h.changes = contact_changes(&before, first);
            set.put(h, Expect::Absent);
        }
    }
    let mut h = ctx.history(customer_id, Kind::Contact, &contact.id, Action::Deleted);
    h.changes = contact_changes(contact, &Contact::default());
    h.reason = reason.trim().to_string();
    set.put(h, Expect::Absent).refresh_row(customer_id);
    set
}

/// Record a call, letter, fax, e-mail, meeting or visit.
pub fn add_interaction(ctx: &mut Ctx, customer_id: &str, mut entry: Interaction) -> (ChangeSet, Interaction) {
    entry.id = (ctx.next_id)();
    entry.customer_id = customer_id.to_string();
    entry.rev = 1;
    entry.created_at = ctx.now;
    let mut h = ctx.history(customer_id, Kind::Interaction, &entry.id, Action::Created);
    h.changes = [("date", entry.date.to_string()), ("channel", entry.channel.as_str().to_string()), ("summary", entry.summary.clone())]
        .into_iter()
        .map(|(field, new)| FieldChange { field: field.into(), old: String::new(), new })
        .collect();
    let mut set = ChangeSet::default();
    set.put(entry.clone(), Expect::Absent).put(h, Expect::Absent);
    (set, entry)
}

/// Record a new transaction for a customer (`old` is `None`), or change one;
/// either way with its history.
pub fn save_transaction(ctx: &mut Ctx, customer_id: &str, old: Option<&Transaction>, mut new: Transaction) -> Result<(ChangeSet, Transaction), OpError> {
    let blank = Transaction::default();
    let changes = transaction_changes(old.unwrap_or(&blank), &new);
    if old.is_some() && changes.is_empty() {
        return Err(OpError::NothingChanged);
    }
    new.customer_id = customer_id.to_string();
    let mut set = ChangeSet::default();
    let action = match old {
        Some(o) => {
            new.id = o.id.clone();
            new.rev = o.rev + 1;
            new.created_at = o.created_at;
            set.put(new.clone(), Expect::Rev(o.rev));
            Action::Updated
        }
        None => {
            new.id = (ctx.next_id)();
            new.rev = 1;
            new.created_at = ctx.now;
            set.put(new.clone(), Expect::Absent);
            Action::Created
        }
    };
    let mut h = ctx.history(customer_id, Kind::Transaction, &new.id, action);
    h.changes = changes;
    // The list row shows what the customer owes.
    set.put(h, Expect::Absent).refresh_row(customer_id);
    Ok((set, new))
}

/// Remove a transaction entered in error. A reason is required, and the
/// history keeps what it was.
pub fn delete_transaction(ctx: &mut Ctx, t: &Transaction, reason: &str) -> Result<ChangeSet, OpError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(OpError::ReasonRequired);
    }
    let mut set = ChangeSet::default();
    set.delete(Kind::Transaction, &t.id, Expect::Rev(t.rev));
    let mut h = ctx.history(&t.customer_id, Kind::Transaction, &t.id, Action::Deleted);
    h.changes = transaction_changes(t, &Transaction::default());
    h.reason = reason.to_string();
    set.put(h, Expect::Absent).refresh_row(&t.customer_id);
    Ok(set)
}

/// What goes to the trash with a customer: its contacts, log, transactions, complaints and visits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Belongings {
    pub contacts: Vec<Contact>,
    pub interactions: Vec<Interaction>,
    pub transactions: Vec<Transaction>,
    pub complaints: Vec<Complaint>,
    pub visits: Vec<Visit>,
}

/// Move a customer, its contacts, log and transactions to the trash. A reason is required.
pub fn delete_customer(ctx: &mut Ctx, customer: &Customer, belongings: Belongings, reason: &str) -> Result<ChangeSet, OpError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(OpError::ReasonRequired);
    }
    let mut set = ChangeSet::default();
    set.delete(Kind::Customer, &customer.id, Expect::Rev(customer.rev));
    set.delete(Kind::Row, &customer.id, Expect::Any);
    // By index, so nothing of the customer's is left behind.
    set.delete_where(Kind::Contact, "customer_id", &customer.id);
    set.delete_where(Kind::Interaction, "customer_id", &customer.id);
    set.delete_where(Kind::Transaction, "customer_id", &customer.id);
    set.delete_where(Kind::Complaint, "customer_id", &customer.id);
    set.delete_where(Kind::Visit, "customer_id", &customer.id);
    let mut h = ctx.history(&customer.id, Kind::Customer, &customer.id, Action::Deleted);
    h.reason = reason.to_string();
    set.put(h, Expect::Absent);
    set.put(
        TrashEntry {
            id: customer.id.clone(),
            customer: customer.clone(),
            contacts: belongings.contacts,
            interactions: belongings.interactions,
            transactions: belongings.transactions,
            complaints: belongings.complaints,
            visits: belongings.visits,
            deleted_at: ctx.now,
            by: ctx.by.clone(),
            reason: reason.to_string(),
        },
        Expect::Absent,
    );
    Ok(set)
}

/// Bring a deleted customer back, exactly as it was, with its contacts, log,
/// transactions, complaints and visits.
pub fn restore(ctx: &mut Ctx, entry: &TrashEntry) -> ChangeSet {
    let mut customer = entry.customer.clone();
    let before = customer.rev;
    customer.rev += 1;
    customer.updated_at = ctx.now;
    let mut set = ChangeSet::default();
    set.delete(Kind::Trash, &entry.id, Expect::Any);
    set.put(customer.clone(), Expect::Absent);
    for c in &entry.contacts {
        set.put(c.clone(), Expect::Absent);
    }
    for i in &entry.interactions {
        set.put(i.clone(), Expect::Absent);
    }
    for t in &entry.transactions {
        set.put(t.clone(), Expect::Absent);
    }
    for c in &entry.complaints {
        set.put(c.clone(), Expect::Absent);
    }
    for v in &entry.visits {
        set.put(v.clone(), Expect::Absent);
    }
    let mut h = ctx.history(&customer.id, Kind::Customer, &customer.id, Action::Restored);
    h.reason = entry.reason.clone();
    h.changes = vec![FieldChange { field: "rev".into(), old: before.to_string(), new: customer.rev.to_string() }];
    set.put(h, Expect::Absent).refresh_row(&customer.id);
    set
}

/// Remove trash entries for good, with their history.
pub fn purge<'a>(entries: impl IntoIterator<Item = &'a TrashEntry>) -> ChangeSet {
    let mut set = ChangeSet::default();
    for e in entries {
        set.delete(Kind::Trash, &e.id, Expect::Any);
        set.delete_where(Kind::History, "customer_id", &e.id);
        // What is left of it: that it was deleted, and when. A merge with an
        // older backup that still holds the customer reads this and leaves it
        // out, instead of bringing it back.
        set.put(
            HistoryEntry {
                id: format!("purged-{}", e.id),
                customer_id: e.id.clone(),
                entity: Kind::Customer,
                entity_id: e.id.clone(),
                at: e.deleted_at,
                by: Actor::default(),
                action: Action::Deleted,
                changes: Vec::new(),
                reason: String::new(),
            },
            Expect::Any,
        );
    }
    set
}

/// The entries whose 30 days are up.
pub fn expired(trash: &[TrashEntry], now: DateTime<Utc>) -> Vec<&TrashEntry> {
    trash.iter().filter(|e| e.is_expired(now)).collect()
}

/// Hand every customer of a leaving member of staff to a successor (员工调离),
/// recorded in each customer's history. `customers` are those whose owner or
/// second responsible person is `from`, with their rows. Optionally marks
/// `from` as having left.
pub fn handover(
    ctx: &mut Ctx,
    from: &Staff,
    to: &Staff,
    customers: &[Customer],
    mark_left: bool,
) -> Result<ChangeSet, OpError> {
    if from.id == to.id {
        return Err(OpError::SameSuccessor);
    }
    let reason = format!("{} → {}", from.name, to.name);
    let mut set = ChangeSet::default();
    for old in customers {
        let mut new = old.clone();
        if new.owner.as_deref() == Some(from.id.as_str()) {
            new.owner = Some(to.id.clone());
        }
        if new.co_owner.as_deref() == Some(from.id.as_str()) {
            new.co_owner = Some(to.id.clone());
        }
        if new.co_owner == new.owner {
            new.co_owner = None;
        }
        let changes = customer_changes(old, &new);
        if changes.is_empty() {
            continue;
        }
        new.rev = old.rev + 1;
        new.updated_at = ctx.now;
        let mut h = ctx.history(&new.id, Kind::Customer, &new.id, Action::HandedOver);
        h.changes = changes;
        h.reason = reason.clone();
        let id = new.id.clone();
        set.put(new, Expect::Rev(old.rev)).put(h, Expect::Absent).refresh_row(&id);
    }
    if mark_left && from.active {
        let mut left = from.clone();
        left.active = false;
        left.rev += 1;
        set.put(left, Expect::Rev(from.rev));
    }
    Ok(set)
}

/// Add or edit a member of staff.
pub fn save_staff(ctx: &mut Ctx, old: Option<&Staff>, mut new: Staff) -> ChangeSet {
    let mut set = ChangeSet::default();
    match old {
        Some(o) => {
            new.id = o.id.clone();
            new.rev = o.rev + 1;
            set.put(new, Expect::Rev(o.rev));
        }
        None => {
            new.id = (ctx.next_id)();
            new.rev = 1;
            set.put(new, Expect::Absent);
        }
    }
    set
}

/// Store a setting of the archive.
pub fn set_setting(key: &str, value: &str) -> ChangeSet {
    let mut set = ChangeSet::default();
    set.put(Setting { id: key.into(), value: value.into() }, Expect::Any);
    set
}

/// Today's date where the user is, from the instant and the browser's offset.
pub fn local_date(now: DateTime<Utc>, offset_minutes_east: i32) -> NaiveDate {
    (now + chrono::Duration::minutes(offset_minutes_east as i64)).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Op, Record};

    fn ctx(ids: &mut dyn FnMut() -> String) -> Ctx<'_> {
        Ctx { now: DateTime::from_timestamp(1_760_000_000, 0).unwrap(), by: Actor { id: None, name: "Tester".into() }, next_id: ids }
    }

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id{n}")
        }
    }

    fn puts(set: &ChangeSet) -> Vec<Kind> {
        set.ops.iter().filter_map(|op| if let Op::Put { record, .. } = op { Some(record.kind()) } else { None }).collect()
    }

    #[test]
    fn creating_writes_record_row_history_and_contacts_with_one_primary() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let contacts = vec![Contact { name: "A".into(), ..Contact::default() }, Contact { name: "B".into(), ..Contact::default() }];
        let (set, c) = create_customer(&mut ctx, Customer { name: "X".into(), ..Customer::default() }, contacts, Action::Created, "");
        assert_eq!(c.rev, 1);
        assert_eq!(puts(&set), vec![Kind::Customer, Kind::History, Kind::Contact, Kind::History, Kind::Contact, Kind::History]);
        assert_eq!(set.ops.last(), Some(&Op::RefreshRow { customer_id: c.id.clone() }));
        let primaries: Vec<bool> = set
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::Put { record: Record::Contact(c), .. } => Some(c.primary),
                _ => None,
            })
            .collect();
        assert_eq!(primaries, vec![true, false]);
    }

    #[test]
    fn an_edit_records_its_changes_and_reason_and_expects_the_old_revision() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let old = Customer { id: "c".into(), rev: 3, name: "Old".into(), ..Customer::default() };
        let new = Customer { name: "New".into(), ..old.clone() };
        let (set, saved) = update_customer(&mut ctx, &old, new, "renamed").unwrap();
        assert_eq!(saved.rev, 4);
        assert!(matches!(&set.ops[0], Op::Put { expect: Expect::Rev(3), .. }));
        let Op::Put { record: Record::History(h), .. } = &set.ops[1] else { panic!("history expected") };
        assert_eq!(h.reason, "renamed");
        assert_eq!(h.changes, vec![FieldChange { field: "name".into(), old: "Old".into(), new: "New".into() }]);
        assert_eq!(update_customer(&mut ctx, &old, old.clone(), "").unwrap_err(), OpError::NothingChanged);
    }

    #[test]
    fn deleting_needs_a_reason_and_moves_everything_to_the_trash() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let c = Customer { id: "c".into(), rev: 2, ..Customer::default() };
        let belongings = Belongings {
            contacts: vec![Contact { id: "k".into(), ..Contact::default() }],
            transactions: vec![Transaction { id: "t".into(), customer_id: "c".into(), rev: 1, ..Transaction::default() }],
            ..Belongings::default()
        };
        assert_eq!(delete_customer(&mut ctx, &c, belongings.clone(), " ").unwrap_err(), OpError::ReasonRequired);
        let set = delete_customer(&mut ctx, &c, belongings, "duplicate").unwrap();
        let trash = set.ops.iter().find_map(|op| match op {
            Op::Put { record: Record::Trash(t), .. } => Some(t.clone()),
            _ => None,
        });
        let trash = trash.unwrap();
        assert_eq!((trash.reason.as_str(), trash.contacts.len(), trash.transactions.len()), ("duplicate", 1, 1));
        let back = restore(&mut ctx, &trash);
        assert!(back.ops.iter().any(|op| matches!(op, Op::Put { record: Record::Customer(c), .. } if c.rev == 3)));
        assert!(back.ops.iter().any(|op| matches!(op, Op::Put { record: Record::Contact(_), .. })));
        assert!(back.ops.iter().any(|op| matches!(op, Op::Put { record: Record::Transaction(t), .. } if t.id == "t")));
    }

    #[test]
    fn transactions_are_recorded_changed_and_removed_with_their_history() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let date = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let amount = rust_decimal::Decimal::from(125_000);
        let first = Transaction { date, product: "年度代理".into(), amount, ..Transaction::default() };
        let (set, saved) = save_transaction(&mut ctx, "c", None, first).unwrap();
        assert_eq!((saved.customer_id.as_str(), saved.rev, saved.created_at), ("c", 1, ctx.now));
        assert!(matches!(&set.ops[0], Op::Put { record: Record::Transaction(t), expect: Expect::Absent } if t.id == saved.id));
        let Op::Put { record: Record::History(h), .. } = &set.ops[1] else { panic!("history expected") };
        assert_eq!((h.entity, h.entity_id.as_str(), h.action), (Kind::Transaction, saved.id.as_str(), Action::Created));
        let fields: Vec<&str> = h.changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["date", "product", "amount"], "what differs from a blank transaction");

        let paid = Transaction { paid: amount, paid_on: Some(date), ..saved.clone() };
        let (set, after) = save_transaction(&mut ctx, "c", Some(&saved), paid).unwrap();
        assert_eq!((after.id.as_str(), after.rev), (saved.id.as_str(), 2));
        assert!(matches!(&set.ops[0], Op::Put { expect: Expect::Rev(1), .. }));
        let Op::Put { record: Record::History(h), .. } = &set.ops[1] else { panic!("history expected") };
        assert_eq!(h.changes, vec![
            FieldChange { field: "paid".into(), old: String::new(), new: "125000".into() },
            FieldChange { field: "paid_on".into(), old: String::new(), new: "2026-11-03".into() },
        ]);
        assert_eq!(save_transaction(&mut ctx, "c", Some(&after), after.clone()).unwrap_err(), OpError::NothingChanged);

        assert_eq!(delete_transaction(&mut ctx, &after, "  ").unwrap_err(), OpError::ReasonRequired);
        let set = delete_transaction(&mut ctx, &after, "录错了").unwrap();
        assert_eq!(set.ops[0], Op::Delete { kind: Kind::Transaction, id: after.id.clone(), expect: Expect::Rev(2) });
        let Op::Put { record: Record::History(h), .. } = &set.ops[1] else { panic!("history expected") };
        assert_eq!((h.action, h.reason.as_str(), h.customer_id.as_str()), (Action::Deleted, "录错了", "c"));
        assert!(h.changes.iter().any(|c| c.field == "amount" && c.old == "125000" && c.new == "0"));
    }

    #[test]
    fn a_regrade_moves_each_customer_with_its_reason_and_skips_those_changed_since() {
        use crate::domain::grading::{preview, Figures, Grading};
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let customer = |id: &str, grade: Option<&str>| Customer { id: id.into(), rev: 3, grade: grade.map(Into::into), ..Customer::default() };
        let customers = [customer("a", Some("key")), customer("b", None), customer("c", Some("general"))];
        let figures = |sales: i64| Figures { sales: rust_decimal::Decimal::from(sales), transactions: 1, ..Figures::default() };
        let moves = preview(&Grading::default(), customers.iter().zip([figures(2_000_000), figures(500), figures(300_000)]));
        assert_eq!(moves.len(), 3);
        // c was set by hand after the preview: left as it is.
        let now = vec![customers[0].clone(), customers[1].clone(), Customer { grade_override: Some("总经理指定".into()), ..customers[2].clone() }];
        let set = regrade(&mut ctx, &now, &moves, |m| format!("rule {}", m.rule.map_or(0, |r| r + 1)));
        let saved: Vec<(String, Option<String>, u64)> = set
            .ops
            .iter()
            .filter_map(|op| if let Op::Put { record: Record::Customer(c), expect: Expect::Rev(3) } = op { Some((c.id.clone(), c.grade.clone(), c.rev)) } else { None })
            .collect();
        assert_eq!(saved, vec![("a".into(), Some("strategic".into()), 4), ("b".into(), Some("general".into()), 4)]);
        let entries: Vec<&HistoryEntry> = set.ops.iter().filter_map(|op| if let Op::Put { record: Record::History(h), .. } = op { Some(h) } else { None }).collect();
        assert_eq!(entries[0].action, Action::Regraded);
        assert_eq!(entries[0].changes, vec![FieldChange { field: "grade".into(), old: "key".into(), new: "strategic".into() }]);
        assert_eq!((entries[0].reason.as_str(), entries[1].reason.as_str()), ("rule 1", "rule 3"));
        assert_eq!(entries[1].changes[0].old, "", "from no grade");
        assert!(set.ops.contains(&Op::RefreshRow { customer_id: "a".into() }), "the list shows the new grade");
    }

    #[test]
    fn overdue_or_over_limit_customers_are_suggested_the_rating_their_credit_allows_and_lowering_records_why() {
        use crate::domain::customer::CreditRating;
        use crate::domain::grading::{rating_steps, Figures};
        use rust_decimal::Decimal;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let customer = |id: &str, rating: Option<CreditRating>, limit: Option<i64>| Customer {
            id: id.into(),
            rev: 5,
            credit_rating: rating,
            credit_limit: limit.map(Decimal::from),
            ..Customer::default()
        };
        let owing = |owed: i64, overdue: i64, days: Option<i64>| Figures { owed: Decimal::from(owed), overdue: Decimal::from(overdue), longest_overdue: days, ..Figures::default() };
        let customers = [
            customer("overdue-good", Some(CreditRating::Good), None),
            customer("over-limit-high", Some(CreditRating::High), Some(10_000)),
            customer("at-limit", Some(CreditRating::High), Some(10_000)),
            customer("overdue-unrated", None, None),
            customer("overdue-low", Some(CreditRating::Low), None),
            customer("paying-fair", Some(CreditRating::Fair), Some(0)),
            customer("overdue-fair", Some(CreditRating::Fair), None),
            customer("long-overdue-fair", Some(CreditRating::Fair), None),
            customer("just-90-days", Some(CreditRating::Good), None),
        ];
        let figures = [
            owing(5_000, 1, Some(5)),
            owing(10_001, 0, None),
            owing(10_000, 0, None),
            owing(300, 300, Some(40)),
            owing(9_000, 9_000, Some(200)),
            owing(0, 0, None),
            owing(800, 800, Some(10)),
            owing(800, 800, Some(91)),
            owing(800, 800, Some(90)),
        ];
        let steps = rating_steps(customers.iter().zip(figures.iter()), today);
        let got: Vec<(&str, Option<CreditRating>, CreditRating)> = steps.iter().map(|s| (s.customer_id.as_str(), s.from, s.to)).collect();
        assert_eq!(
            got,
            vec![
                ("overdue-good", Some(CreditRating::Good), CreditRating::Fair),
                ("over-limit-high", Some(CreditRating::High), CreditRating::Fair),
                ("overdue-unrated", None, CreditRating::Fair),
                ("long-overdue-fair", Some(CreditRating::Fair), CreditRating::Low),
                ("just-90-days", Some(CreditRating::Good), CreditRating::Fair),
            ],
            "owing exactly the limit is not over it; low has nowhere lower; fair is what a short delay allows; over 90 days late allows low"
        );
        assert_eq!(steps[1].warning.over_limit, Some((Decimal::from(10_001), Decimal::from(10_000))));
        assert!(steps[0].warning.overdue && steps[1].warning.over_limit.is_some() && !steps[1].warning.overdue);

        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        // over-limit-high was rated by hand since: left as it is.
        let now = vec![customers[0].clone(), Customer { credit_rating: Some(CreditRating::Good), ..customers[1].clone() }, customers[3].clone()];
        let set = lower_ratings(&mut ctx, &now, &steps, |s| format!("overdue {}", s.overdue));
        let saved: Vec<(&str, Option<CreditRating>, u64)> = set
            .ops
            .iter()
            .filter_map(|op| if let Op::Put { record: Record::Customer(c), expect: Expect::Rev(5) } = op { Some((c.id.as_str(), c.credit_rating, c.rev)) } else { None })
            .collect();
        assert_eq!(saved, vec![("overdue-good", Some(CreditRating::Fair), 6), ("overdue-unrated", Some(CreditRating::Fair), 6)]);
        let entries: Vec<&HistoryEntry> = set.ops.iter().filter_map(|op| if let Op::Put { record: Record::History(h), .. } = op { Some(h) } else { None }).collect();
        assert_eq!(entries[0].changes, vec![FieldChange { field: "credit_rating".into(), old: "good".into(), new: "fair".into() }]);
        assert_eq!(entries[0].reason, "overdue 1");
        assert_eq!(entries[1].changes[0].old, "", "from no rating");
        assert!(set.ops.contains(&Op::RefreshRow { customer_id: "overdue-good".into() }), "the list shows the save");
        // Lowered, the same debt suggests nothing more.
        let lowered = [Customer { credit_rating: Some(CreditRating::Fair), ..customers[0].clone() }];
        assert!(rating_steps(lowered.iter().zip(figures.iter()), today).is_empty());
    }

    #[test]
    fn reclassifying_moves_exactly_the_customers_with_the_value_and_records_why() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let customer = |id: &str, industry: &str, kind: &str| Customer { id: id.into(), rev: 2, industry: industry.into(), customer_type: kind.into(), ..Customer::default() };
        let customers = [customer("a", "汽车", "广告主"), customer("b", "Retail", ""), customer("c", "汽车", ""), customer("d", "汽车行业", "")];
        let set = reclassify(&mut ctx, &customers, Class::Industry, "汽车", "汽车 / 出行", "Renamed in Settings");
        let moved: Vec<(&str, &str, &str, u64)> = set
            .ops
            .iter()
            .filter_map(|op| if let Op::Put { record: Record::Customer(c), expect: Expect::Rev(2) } = op { Some((c.id.as_str(), c.industry.as_str(), c.customer_type.as_str(), c.rev)) } else { None })
            .collect();
        assert_eq!(moved, vec![("a", "汽车 / 出行", "广告主", 3), ("c", "汽车 / 出行", "", 3)], "not the similar 汽车行业, nothing else changed");
        let entries: Vec<&HistoryEntry> = set.ops.iter().filter_map(|op| if let Op::Put { record: Record::History(h), .. } = op { Some(h) } else { None }).collect();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].changes, vec![FieldChange { field: "industry".into(), old: "汽车".into(), new: "汽车 / 出行".into() }]);
        assert_eq!(entries[0].reason, "Renamed in Settings");
        assert!(set.ops.contains(&Op::RefreshRow { customer_id: "c".into() }), "the list shows the new value");
        // Removed with nothing to move to: the value is cleared.
        let cleared = reclassify(&mut ctx, &customers, Class::CustomerType, "广告主", "", "Removed");
        let Op::Put { record: Record::Customer(a), .. } = &cleared.ops[0] else { panic!("customer expected") };
        assert_eq!((a.id.as_str(), a.customer_type.as_str(), a.industry.as_str()), ("a", "", "汽车"));
        assert_eq!(cleared.puts(Kind::Customer), 1);
        // A value renamed to itself moves nobody.
        assert!(reclassify(&mut ctx, &customers, Class::Industry, "Retail", "Retail", "").ops.is_empty());
    }

    #[test]
    fn a_grade_set_by_hand_needs_a_reason_and_can_go_back_to_the_rules() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let c = Customer { id: "c".into(), rev: 1, grade: Some("general".into()), ..Customer::default() };
        assert_eq!(set_grade(&mut ctx, &c, Some("strategic"), " ").unwrap_err(), OpError::ReasonRequired);
        let (set, by_hand) = set_grade(&mut ctx, &c, Some("strategic"), "集团客户，总经理指定").unwrap();
        assert_eq!((by_hand.grade.as_deref(), by_hand.grade_override.as_deref(), by_hand.rev), (Some("strategic"), Some("集团客户，总经理指定"), 2));
        let Op::Put { record: Record::History(h), .. } = &set.ops[1] else { panic!("history expected") };
        let fields: Vec<&str> = h.changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!((fields, h.reason.as_str()), (vec!["grade", "grade_override"], "集团客户，总经理指定"));
        let (_, released) = set_grade(&mut ctx, &by_hand, None, "").unwrap();
        assert_eq!((released.grade.as_deref(), released.grade_override.as_deref()), (Some("strategic"), None), "kept until the next re-grade");
        assert_eq!(set_grade(&mut ctx, &released, None, "").unwrap_err(), OpError::NothingChanged);
    }

    #[test]
    fn handover_moves_owner_and_second_person_and_records_it() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let from = Staff { id: "old".into(), name: "老张".into(), ..Staff::default() };
        let to = Staff { id: "new".into(), name: "小李".into(), ..Staff::default() };
        let owned = Customer { id: "a".into(), owner: Some("old".into()), co_owner: Some("x".into()), ..Customer::default() };
        let second = Customer { id: "b".into(), owner: Some("new".into()), co_owner: Some("old".into()), ..Customer::default() };
        let list = vec![owned, second];
        let set = handover(&mut ctx, &from, &to, &list, true).unwrap();
        let saved: Vec<Customer> = set
            .ops
            .iter()
            .filter_map(|op| if let Op::Put { record: Record::Customer(c), .. } = op { Some(c.clone()) } else { None })
            .collect();
        assert_eq!(saved[0].owner.as_deref(), Some("new"));
        assert_eq!(saved[0].co_owner.as_deref(), Some("x"));
        assert_eq!(saved[1].owner.as_deref(), Some("new"));
        assert_eq!(saved[1].co_owner, None);
        let reasons: Vec<String> = set
            .ops
            .iter()
            .filter_map(|op| if let Op::Put { record: Record::History(h), .. } = op { Some(h.reason.clone()) } else { None })
            .collect();
        assert_eq!(reasons, vec!["老张 → 小李", "老张 → 小李"]);
        assert!(set.ops.iter().any(|op| matches!(op, Op::Put { record: Record::Staff(s), .. } if !s.active)));
        assert_eq!(handover(&mut ctx, &from, &from, &list, false).unwrap_err(), OpError::SameSuccessor);
    }

    #[test]
    fn a_new_primary_contact_demotes_the_old_one() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let first = Contact { id: "k1".into(), customer_id: "c".into(), rev: 1, name: "A".into(), primary: true, ..Contact::default() };
        let set = save_contact(&mut ctx, "c", std::slice::from_ref(&first), None, Contact { name: "B".into(), primary: true, ..Contact::default() }).unwrap();
        let contacts: Vec<&Contact> = set
            .ops
            .iter()
            .filter_map(|op| if let Op::Put { record: Record::Contact(c), .. } = op { Some(c) } else { None })
            .collect();
        assert_eq!(contacts.iter().map(|c| (c.name.as_str(), c.primary)).collect::<Vec<_>>(), vec![("B", true), ("A", false)]);
        assert!(set.ops.contains(&Op::RefreshRow { customer_id: "c".into() }));
        // The demoted contact's change is in its own history too.
        let history = |set: &ChangeSet, id: &str| {
            set.ops.iter().any(|op| matches!(op, Op::Put { record: Record::History(h), .. }
                if h.entity_id == id && h.changes.iter().any(|c| c.field == "primary")))
        };
        assert!(history(&set, "k1"), "the demotion is recorded for A");
        let demoted = Contact { primary: false, rev: 2, ..first };
        let del = delete_contact(&mut ctx, "c", &[demoted.clone(), (*contacts[0]).clone()], contacts[0], "left");
        assert!(del.ops.iter().any(|op| matches!(op, Op::Put { record: Record::Contact(c), .. } if c.id == "k1" && c.primary)));
        assert!(history(&del, "k1"), "the promotion is recorded for A");
    }

    #[test]
    fn the_only_primary_contact_stays_primary() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let only = Contact { id: "k1".into(), customer_id: "c".into(), rev: 1, name: "A".into(), primary: true, ..Contact::default() };
        let other = Contact { id: "k2".into(), customer_id: "c".into(), rev: 1, name: "B".into(), ..Contact::default() };
        let unticked = Contact { primary: false, title: "经理".into(), ..only.clone() };
        let set = save_contact(&mut ctx, "c", &[only.clone(), other.clone()], Some(&only), unticked).unwrap();
        let saved: Vec<&Contact> =
            set.ops.iter().filter_map(|op| if let Op::Put { record: Record::Contact(c), .. } = op { Some(c) } else { None }).collect();
        assert_eq!(saved.len(), 1);
        assert!(saved[0].primary, "unticking the only primary leaves it primary");
        // A new contact on a customer whose contacts have no primary becomes it.
        let set = save_contact(&mut ctx, "c", &[other], None, Contact { name: "C".into(), ..Contact::default() }).unwrap();
        assert!(set.ops.iter().any(|op| matches!(op, Op::Put { record: Record::Contact(c), .. } if c.name == "C" && c.primary)));
    }

    #[test]
    fn deleting_a_customer_removes_its_contacts_log_transactions_complaints_and_visits_by_index() {
        let mut ids = counter();
        let mut ctx = ctx(&mut ids);
        let c = Customer { id: "c".into(), rev: 1, ..Customer::default() };
        let set = delete_customer(&mut ctx, &c, Belongings::default(), "合并").unwrap();
        for kind in [Kind::Contact, Kind::Interaction, Kind::Transaction, Kind::Complaint, Kind::Visit] {
            assert!(set.ops.contains(&Op::DeleteWhere { kind, index: "customer_id", key: "c".into() }), "{kind:?}");
        }
    }

    #[test]
    fn local_dates_follow_the_browser_offset() {
        let t = DateTime::from_timestamp(1_763_830_800, 0).unwrap(); // 2025-11-22T17:00:00Z
        assert_eq!(local_date(t, 8 * 60), NaiveDate::from_ymd_opt(2025, 11, 23).unwrap());
        assert_eq!(local_date(t, 0), NaiveDate::from_ymd_opt(2025, 11, 22).unwrap());
    }
}
