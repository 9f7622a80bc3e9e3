//! The compact line the customer list shows and searches. Kept in its own
//! store beside the full records, written in the same transaction, so that
//! start-up reads a few hundred bytes per customer instead of whole records.
//!
//! In memory a row is one text holding its fields and what it is found by,
//! not a string per field: start-up builds 100,000 of them, and one
//! allocation per row instead of twenty is most of what that costs.

use std::collections::hash_map::Entry;

use chrono::{DateTime, Duration, Utc};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::search::normalize_into;
use super::staff::Visibility;
use super::transaction::Transaction;
use super::{Confidentiality, Contact, Customer, CustomerKind, Status};

/// A record not reviewed for this long is stale (each record is reviewed at least monthly).
pub const REVIEW_DAYS: i64 = 30;

/// The moment a review must be later than not to be overdue at `now`.
pub fn review_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(REVIEW_DAYS)
}

/// What ends each part of a row's text.
pub(crate) const FIELD: char = '\u{1F}';
/// What separates the items of a list part (the contacts, their phones).
pub(crate) const ITEM: char = '\u{1E}';

/// The text parts of a row, in the order its text holds them (the order the
/// row log writes them in, too).
#[derive(Clone, Copy)]
enum Part {
    Id,
    Name,
    ShortName,
    Owner,
    CoOwner,
    Industry,
    Region,
    Phone,
    Contacts,
    ContactPhones,
    /// The normalised name, then the rest of what the row is found by.
    Sort,
}

/// How many parts a row's text has before the sort key.
const TEXT_PARTS: usize = Part::Sort as usize;

/// One customer as the list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "RowFields", into = "RowFields")]
pub struct CustomerRow {
    /// The parts in [`Part`] order, each followed by U+001F (lists with their
    /// items joined by U+001E); then the normalised name, which the list
    /// sorts by; then, each after a U+001F, the normalised short name, phone,
    /// contacts and contact phones. From the name on it is the haystack a
    /// search looks through.
    text: String,
    /// Where each part ends.
    ends: [u32; TEXT_PARTS + 1],
    pub kind: CustomerKind,
    pub status: Status,
    pub confidentiality: Confidentiality,
    pub updated_at: DateTime<Utc>,
    pub reviewed_at: DateTime<Utc>,
    /// Grade, organisation form and money, for the list's columns, flags and
    /// filters; none for the many customers that have none of these.
    pub standing: Option<Box<Standing>>,
}

/// What a row knows of a customer beyond its text: its grade, organisation
/// form and type, and what it owes against its limit. Flags that depend on the day
/// (overdue, a temporary limit run out) are worked out when shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Standing {
    /// The tier's id.
    pub grade: Option<String>,
    /// The grade was set by hand.
    pub by_hand: bool,
    pub org_form: String,
    /// Everything still to be paid.
    #[serde(with = "super::as_text::required")]
    pub owed: Decimal,
    /// The earliest due date of what is still to be paid.
    #[serde(with = "super::as_text::optional")]
    pub first_due: Option<NaiveDate>,
    #[serde(with = "super::as_text::optional")]
    pub limit: Option<Decimal>,
    #[serde(with = "super::as_text::optional")]
    pub temp_limit: Option<Decimal>,
    #[serde(with = "super::as_text::optional")]
    pub temp_until: Option<NaiveDate>,
    pub customer_type: String,
    /// The currency the customer trades in; empty for the default (CNY),
    /// which most have.
    pub currency: String,
}

impl Standing {
    /// The standing of `c` with its `transactions`; none when it has nothing to say.
    pub fn of(c: &Customer, transactions: &[Transaction]) -> Option<Box<Standing>> {
        let term = c.term_days();
        let owing = transactions.iter().filter(|t| t.outstanding() > Decimal::ZERO);
        let s = Standing {
            grade: c.grade.clone(),
            by_hand: c.grade_override.is_some(),
            org_form: c.org_form.clone(),
            owed: owing.clone().map(Transaction::outstanding).sum(),
            first_due: owing.map(|t| t.due_on(term)).min(),
            limit: c.credit_limit,
            temp_limit: c.temp_limit,
            temp_until: c.temp_limit_until,
            customer_type: c.customer_type.clone(),
            currency: if c.currency == super::customer::DEFAULT_CURRENCY { String::new() } else { c.currency.clone() },
        };
        (s != Standing::default()).then(|| Box::new(s))
    }

    /// The limit in force on `today`.
    pub fn limit_on(&self, today: NaiveDate) -> Option<Decimal> {
        super::customer::limit_in_force(self.limit, self.temp_limit, self.temp_until, today)
    }

    /// Something is past its due date on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.first_due.is_some_and(|d| d < today)
    }

    /// Owes more than the limit in force on `today`.
    pub fn over_limit(&self, today: NaiveDate) -> bool {
        self.limit_on(today).is_some_and(|l| self.owed > l)
    }
}

/// A row as separate fields: how it is stored in the `customer_rows` store,
/// and how tests write one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RowFields {
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
    pub standing: Option<Standing>,
    /// The name as the list sorts it (normalised); indexed in the store, so
    /// the first screen of the list can be read before the rest. Worked out
    /// again when a row is read.
    pub sort: String,
}

/// Builds a row's text part by part, in [`Part`] order.
pub(crate) struct RowText {
    text: String,
    ends: [u32; TEXT_PARTS + 1],
    parts: usize,
}

impl RowText {
    /// Room for parts `parts` bytes long together, of which `searched` bytes
    /// are in the parts a search looks through (name, short name, phone,
    /// contacts and their phones), which are added again normalised. A row
    /// is built once and never grows, so it is given what it needs and no more.
    pub(crate) fn with_capacity(parts: usize, searched: usize) -> Self {
        RowText { text: String::with_capacity(parts + TEXT_PARTS + searched + 4), ends: [0; TEXT_PARTS + 1], parts: 0 }
    }

    /// A row's text from its eight single parts (id to phone, in [`Part`]
    /// order) and its two lists, with any U+001F or U+001E in them made a space.
    fn of_parts<'a>(single: [&str; 8], contacts: impl Iterator<Item = &'a str> + Clone, phones: impl Iterator<Item = &'a str> + Clone) -> Self {
        let joined = |items: &mut dyn Iterator<Item = &str>| items.map(|s| s.len() + 1).sum::<usize>();
        let lists = joined(&mut contacts.clone()) + joined(&mut phones.clone());
        let searched = [Part::Name, Part::ShortName, Part::Phone].iter().map(|&p| single[p as usize].len()).sum::<usize>() + lists;
        let mut text = RowText::with_capacity(single.iter().map(|s| s.len()).sum::<usize>() + lists, searched);
        for s in single {
            text.plain(s);
        }
        text.list(contacts);
        text.list(phones);
        text
    }

    fn end_part(&mut self) {
        if let Some(end) = self.ends.get_mut(self.parts) {
            *end = end_of(&self.text);
        }
        self.parts += 1;
        self.text.push(FIELD);
    }

    /// The next part, as it is (it holds no U+001F, and U+001E only between
    /// the items of a list).
    pub(crate) fn part(&mut self, s: &str) {
        self.text.push_str(s);
        self.end_part();
    }

    /// The next part, with any U+001F or U+001E in it made a space.
    pub(crate) fn plain(&mut self, s: &str) {
        push_plain(&mut self.text, s);
        self.end_part();
    }

    /// The next part: a list, each item with any U+001F or U+001E made a space.
    pub(crate) fn list<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        for (n, item) in items.into_iter().enumerate() {
            if n > 0 {
                self.text.push(ITEM);
            }
            push_plain(&mut self.text, item);
        }
        self.end_part();
    }

    /// The row, once every part before the sort key is in.
    pub(crate) fn finish(
        self,
        kind: CustomerKind,
        status: Status,
        confidentiality: Confidentiality,
        updated_at: DateTime<Utc>,
        reviewed_at: DateTime<Utc>,
    ) -> CustomerRow {
        // Every part in, so that every end is where a part ends.
        assert_eq!(self.parts, TEXT_PARTS, "a row's text lacks parts");
        let RowText { mut text, mut ends, .. } = self;
        thread_local! {
            /// Where a part is normalised before it joins the text it comes from.
            static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        SCRATCH.with_borrow_mut(|scratch| {
            let mut push_normalised = |text: &mut String, range: std::ops::Range<usize>| {
                scratch.clear();
                normalize_into(&text[range], scratch);
                text.push_str(scratch);
            };
            // The sort key, then the other parts a search looks through.
            push_normalised(&mut text, span(&ends, Part::Name as usize));
            ends[Part::Sort as usize] = end_of(&text);
            for p in [Part::ShortName, Part::Phone, Part::Contacts, Part::ContactPhones] {
                text.push(FIELD);
                push_normalised(&mut text, span(&ends, p as usize));
            }
        });
        CustomerRow { text, ends, kind, status, confidentiality, updated_at, reviewed_at, standing: None }
    }
}

/// Where a row's text ends now, as a part's end is kept.
fn end_of(text: &str) -> u32 {
    u32::try_from(text.len()).expect("a list row is far shorter than 4 GB")
}

/// Where part `p` lies in a row's text.
#[inline]
fn span(ends: &[u32; TEXT_PARTS + 1], p: usize) -> std::ops::Range<usize> {
    let start = if p == 0 { 0 } else { ends[p - 1] as usize + 1 };
    start..ends[p] as usize
}

fn push_plain(out: &mut String, s: &str) {
    if s.bytes().any(|b| b == FIELD as u8 || b == ITEM as u8) {
        out.extend(s.chars().map(|c| if c == FIELD || c == ITEM { ' ' } else { c }));
    } else {
        out.push_str(s);
    }
}

impl Default for CustomerRow {
    fn default() -> Self {
        CustomerRow::of(&Customer::default(), &[], &[])
    }
}

impl CustomerRow {
    /// The row of `c`, with its contacts and transactions.
    pub fn of(c: &Customer, contacts: &[Contact], transactions: &[Transaction]) -> Self {
        // The primary contact first, the others as they come.
        let sorted: Vec<&Contact> = contacts.iter().filter(|c| c.primary).chain(contacts.iter().filter(|c| !c.primary)).collect();
        RowText::of_parts(
            [&c.id, &c.name, &c.short_name, who(&c.owner), who(&c.co_owner), &c.industry, &c.region, &c.phone],
            sorted.iter().map(|c| c.name.as_str()),
            sorted.iter().flat_map(|c| [c.mobile.as_str(), c.phone.as_str()]).filter(|p| !p.is_empty()),
        )
        .finish(c.kind, c.status, c.confidentiality, c.updated_at, c.reviewed_at)
        .with_standing(Standing::of(c, transactions))
    }

    pub fn with_standing(mut self, standing: Option<Box<Standing>>) -> Self {
        self.standing = standing;
        self
    }

    /// Every customer's row, its contacts and transactions found among
    /// `contacts` and `transactions` (in any order): what a migration or a
    /// restore rebuilds the list from.
    pub fn all_of(customers: &[Customer], contacts: &[Contact], transactions: &[Transaction]) -> Vec<CustomerRow> {
        let mut by_customer: FxHashMap<&str, Vec<Contact>> = FxHashMap::default();
        for k in contacts {
            by_customer.entry(k.customer_id.as_str()).or_default().push(k.clone());
        }
        let mut deals: FxHashMap<&str, Vec<Transaction>> = FxHashMap::default();
        for t in transactions {
            deals.entry(t.customer_id.as_str()).or_default().push(t.clone());
        }
        fn of<'a, T>(map: &'a FxHashMap<&str, Vec<T>>, id: &str) -> &'a [T] {
            map.get(id).map(Vec::as_slice).unwrap_or_default()
        }
        customers.iter().map(|c| CustomerRow::of(c, of(&by_customer, &c.id), of(&deals, &c.id))).collect()
    }

    /// The tier's id, if graded.
    pub fn grade(&self) -> Option<&str> {
        self.standing.as_ref().and_then(|s| s.grade.as_deref())
    }

    pub fn org_form(&self) -> &str {
        self.standing.as_ref().map_or("", |s| s.org_form.as_str())
    }

    pub fn customer_type(&self) -> &str {
        self.standing.as_ref().map_or("", |s| s.customer_type.as_str())
    }

    /// The currency the customer trades in.
    pub fn currency(&self) -> &str {
        match self.standing.as_ref().map(|s| s.currency.as_str()) {
            None | Some("") => super::customer::DEFAULT_CURRENCY,
            Some(c) => c,
        }
    }

    /// The row's value of a classification by nature.
    pub fn class(&self, c: super::classification::Class) -> &str {
        use super::classification::Class;
        match c {
            Class::Industry => self.industry(),
            Class::OrgForm => self.org_form(),
            Class::Region => self.region(),
            Class::CustomerType => self.customer_type(),
        }
    }

    #[inline]
    fn part(&self, p: Part) -> &str {
        self.slice(span(&self.ends, p as usize))
    }

    /// The text in `range`, a range a part spans (or from a part's start).
    #[inline]
    fn slice(&self, range: impl std::slice::SliceIndex<str, Output = str> + Clone) -> &str {
        debug_assert!(self.text.get(range.clone()).is_some());
        // SAFETY: a row's text never changes once built ([`RowText::finish`]
        // makes sure every part is in), and each part's end was taken right
        // after a whole part was pushed, before the one-byte U+001F that
        // follows it: the ends rise, and they and the starts one past them are
        // character boundaries within the text. Checking that at every lookup
        // costs more than the lookup, across 100,000 rows.
        unsafe { self.text.get_unchecked(range) }
    }

    fn items(&self, p: Part) -> impl Iterator<Item = &str> + Clone {
        let s = self.part(p);
        s.split(ITEM).take(if s.is_empty() { 0 } else { usize::MAX })
    }

    pub fn id(&self) -> &str {
        self.part(Part::Id)
    }

    pub fn name(&self) -> &str {
        self.part(Part::Name)
    }

    pub fn short_name(&self) -> &str {
        self.part(Part::ShortName)
    }

    pub fn owner(&self) -> Option<&str> {
        Some(self.part(Part::Owner)).filter(|s| !s.is_empty())
    }

    pub fn co_owner(&self) -> Option<&str> {
        Some(self.part(Part::CoOwner)).filter(|s| !s.is_empty())
    }

    pub fn industry(&self) -> &str {
        self.part(Part::Industry)
    }

    pub fn region(&self) -> &str {
        self.part(Part::Region)
    }

    pub fn phone(&self) -> &str {
        self.part(Part::Phone)
    }

    /// The contacts' names, the primary contact first.
    pub fn contacts(&self) -> impl Iterator<Item = &str> + Clone {
        self.items(Part::Contacts)
    }

    /// The contacts' mobiles and phones, the primary contact's first.
    pub fn contact_phones(&self) -> impl Iterator<Item = &str> + Clone {
        self.items(Part::ContactPhones)
    }

    /// The name as the list sorts it: normalised.
    pub fn sort(&self) -> &str {
        self.part(Part::Sort)
    }

    /// Everything the row is found by, normalised: the sort key, then the
    /// short name, phone, contacts and contact phones, each after a U+001F.
    pub fn hay(&self) -> &str {
        self.slice(span(&self.ends, Part::Sort as usize).start..)
    }

    pub fn visibility(&self) -> Visibility<'_> {
        Visibility { owner: self.owner(), co_owner: self.co_owner(), confidentiality: self.confidentiality }
    }

    /// Not reviewed within [`REVIEW_DAYS`].
    pub fn needs_review(&self, now: DateTime<Utc>) -> bool {
        self.overdue(review_cutoff(now))
    }

    /// Last reviewed at or before `cutoff` ([`review_cutoff`]): for checking
    /// many rows against one moment without date arithmetic for each.
    pub fn overdue(&self, cutoff: DateTime<Utc>) -> bool {
        self.reviewed_at <= cutoff
    }

    pub fn days_since_review(&self, now: DateTime<Utc>) -> i64 {
        (now - self.reviewed_at).num_days()
    }
}

impl Default for RowFields {
    fn default() -> Self {
        CustomerRow::default().into()
    }
}

/// An owner as a row's text holds one: empty for none.
fn who(w: &Option<String>) -> &str {
    w.as_deref().unwrap_or_default()
}

impl From<RowFields> for CustomerRow {
    /// The sort key is worked out again from the name.
    fn from(f: RowFields) -> Self {
        RowText::of_parts(
            [&f.id, &f.name, &f.short_name, who(&f.owner), who(&f.co_owner), &f.industry, &f.region, &f.phone],
            f.contacts.iter().map(String::as_str),
            f.contact_phones.iter().map(String::as_str),
        )
        .finish(f.kind, f.status, f.confidentiality, f.updated_at, f.reviewed_at)
        .with_standing(f.standing.filter(|s| *s != Standing::default()).map(Box::new))
    }
}

impl From<CustomerRow> for RowFields {
    fn from(r: CustomerRow) -> Self {
        let own = |s: &str| s.to_string();
        RowFields {
            id: own(r.id()),
            name: own(r.name()),
            short_name: own(r.short_name()),
            kind: r.kind,
            status: r.status,
            owner: r.owner().map(own),
            co_owner: r.co_owner().map(own),
            confidentiality: r.confidentiality,
            industry: own(r.industry()),
            region: own(r.region()),
            phone: own(r.phone()),
            contacts: r.contacts().map(own).collect(),
            contact_phones: r.contact_phones().map(own).collect(),
            updated_at: r.updated_at,
            reviewed_at: r.reviewed_at,
            sort: own(r.sort()),
            standing: r.standing.map(|s| *s),
        }
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

    /// Make room for `more` rows.
    pub fn reserve(&mut self, more: usize) {
        self.rows.reserve(more);
        self.position.reserve(more);
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.position.get(id).copied()
    }

    /// Insert or replace the row with this id.
    pub fn upsert(&mut self, row: CustomerRow) -> Upserted {
        // One lookup: replaying 100,000 rows at start-up adds nearly all of them.
        match self.position.entry(row.id().to_string()) {
            Entry::Occupied(at) => {
                let i = *at.get();
                let moved = self.rows[i].sort() != row.sort();
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
            self.position.insert(moved.id().to_string(), i);
        }
        Some(i)
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
    use crate::domain::classification::Class;

    fn row(id: &str, name: &str) -> CustomerRow {
        RowFields { id: id.into(), name: name.into(), ..RowFields::default() }.into()
    }

    #[test]
    fn row_puts_the_primary_contact_first() {
        let c = Customer { id: "c1".into(), name: "甲".into(), ..Customer::default() };
        let contacts = vec![
            Contact { name: "乙".into(), mobile: "13900000001".into(), ..Contact::default() },
            Contact { name: "丙".into(), primary: true, phone: "010-5555555".into(), ..Contact::default() },
        ];
        let row = CustomerRow::of(&c, &contacts, &[]);
        assert_eq!(row.contacts().collect::<Vec<_>>(), vec!["丙", "乙"]);
        assert_eq!(row.contact_phones().collect::<Vec<_>>(), vec!["010-5555555", "13900000001"]);
    }

    #[test]
    fn a_row_knows_its_classes_and_currency_and_boxes_a_standing_only_when_it_has_one() {
        let plain = Customer { id: "a".into(), currency: "CNY".into(), industry: "汽车".into(), region: "华东".into(), ..Customer::default() };
        let row = CustomerRow::of(&plain, &[], &[]);
        assert_eq!(row.standing, None, "the default currency and no grade, form or type: nothing to box");
        assert_eq!((row.currency(), row.class(Class::Industry), row.class(Class::Region), row.class(Class::CustomerType)), ("CNY", "汽车", "华东", ""));
        let typed = Customer { currency: "USD".into(), org_form: "外资企业".into(), customer_type: "广告主".into(), ..plain };
        let row = CustomerRow::of(&typed, &[], &[]);
        assert_eq!((row.currency(), row.class(Class::OrgForm), row.class(Class::CustomerType)), ("USD", "外资企业", "广告主"));
    }

    #[test]
    fn a_row_gives_back_every_field_it_was_made_of() {
        let fields = RowFields {
            id: "c1".into(),
            name: "北京 ＨＡＲＢＯＵＲ 广告".into(),
            short_name: "Harbour".into(),
            kind: CustomerKind::Dealer,
            status: Status::Lost,
            owner: Some("s1".into()),
            co_owner: None,
            confidentiality: Confidentiality::Department,
            industry: "广告".into(),
            region: "华北".into(),
            phone: "010-6123 4567".into(),
            contacts: vec!["王芳".into(), String::new(), "Li Wei".into()],
            contact_phones: vec![],
            updated_at: DateTime::from_timestamp_millis(1_760_000_000_123).unwrap(),
            reviewed_at: DateTime::from_timestamp_millis(1_750_000_000_000).unwrap(),
            sort: "北京harbour广告".into(),
            standing: Some(Standing { grade: Some("key".into()), org_form: "民营企业".into(), owed: Decimal::new(12_345, 2), ..Standing::default() }),
        };
        let row = CustomerRow::from(fields.clone());
        assert_eq!(RowFields::from(row.clone()), fields);
        assert_eq!(row.hay(), "北京harbour广告\u{1F}harbour\u{1F}01061234567\u{1F}王芳\u{1E}\u{1E}liwei\u{1F}");
        assert_eq!(row.co_owner(), None);
        // A separator inside a field cannot break the row apart.
        let odd = row_with_contacts("a\u{1F}b", &["c\u{1E}d"]);
        assert_eq!(odd.name(), "a b");
        assert_eq!(odd.contacts().collect::<Vec<_>>(), ["c d"]);
        assert_eq!(odd.region(), "");
    }

    #[test]
    fn a_rows_standing_holds_grade_owed_first_due_and_limits() {
        let d = |s: &str| crate::domain::validate::date(s, None).unwrap().unwrap();
        let money = |s: &str| Decimal::from_str_exact(s).unwrap();
        let c = Customer {
            id: "c1".into(),
            grade: Some("key".into()),
            grade_override: Some("老客户".into()),
            credit_limit: Some(money("10000")),
            temp_limit: Some(money("20000")),
            temp_limit_until: Some(d("2026-11-30")),
            credit_term: Some(15),
            ..Customer::default()
        };
        let deal = |date: &str, due: Option<&str>, amount: &str, paid: &str| Transaction {
            customer_id: "c1".into(),
            date: d(date),
            due: due.map(d),
            amount: money(amount),
            paid: money(paid),
            ..Transaction::default()
        };
        let deals = [
            deal("2026-10-01", None, "9000", "9000"),                // paid: neither owed nor due
            deal("2026-10-20", None, "8000", "0"),                   // due 4 November (15 days)
            deal("2026-11-01", Some("2026-12-31"), "7000.50", "0"),  // due at the year end
        ];
        let row = CustomerRow::of(&c, &[], &deals);
        let s = row.standing.as_deref().unwrap();
        assert_eq!((row.grade(), s.by_hand, s.owed, s.first_due), (Some("key"), true, money("15000.50"), Some(d("2026-11-04"))));
        assert!(!s.overdue(d("2026-11-04")) && s.overdue(d("2026-11-05")));
        assert_eq!(s.limit_on(d("2026-11-30")), Some(money("20000")));
        assert!(!s.over_limit(d("2026-11-30")) && s.over_limit(d("2026-12-01")), "over the standing limit once the temporary one ends");
        // A customer with nothing of these has no standing, and costs no allocation.
        assert_eq!(CustomerRow::of(&Customer::default(), &[], &[deals[0].clone()]).standing, None);
        // It survives the store's form.
        assert_eq!(CustomerRow::from(RowFields::from(row.clone())), row);
    }

    fn row_with_contacts(name: &str, contacts: &[&str]) -> CustomerRow {
        RowFields { id: "x".into(), name: name.into(), contacts: contacts.iter().map(|c| c.to_string()).collect(), ..RowFields::default() }.into()
    }

    #[test]
    fn a_row_set_finds_rows_by_id_after_replacing_and_removing() {
        let mut set = RowSet::from(vec![row("a", "Alpha"), row("b", "Beta"), row("c", "Gamma")]);
        assert!(matches!(set.upsert(row("b", "Bravo")), Upserted::Moved(1)));
        assert!(matches!(set.upsert(row("b", "bravo")), Upserted::Replaced(1)));
        assert!(matches!(set.upsert(row("d", "Delta")), Upserted::Added(3)));
        assert_eq!(set.remove("a"), Some(0));
        assert_eq!(set.remove("a"), None);
        // The last row took the gap, and is found there.
        assert_eq!(set.position("d"), Some(0));
        let names: Vec<&str> = ["b", "c", "d"].iter().map(|id| set.rows()[set.position(id).unwrap()].name()).collect();
        assert_eq!(names, ["bravo", "Gamma", "Delta"]);
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn staleness_after_thirty_days() {
        let t0 = DateTime::from_timestamp(1_760_000_000, 0).unwrap();
        let row = CustomerRow::from(RowFields { reviewed_at: t0, ..RowFields::default() });
        assert!(!row.needs_review(t0 + Duration::days(29)));
        assert!(row.needs_review(t0 + Duration::days(30)));
        assert_eq!(row.days_since_review(t0 + Duration::days(45)), 45);
    }
}
