//! Customers brought in from a spreadsheet: which column is which field, each
//! row checked as the form checks it, duplicates found against the archive
//! and within the file, and the import as one change with its history.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::contact::{ContactDraft, ContactField};
use super::customer::Draft;
use super::ops::{create_customer, update_customer, Ctx};
use super::search::{fold_width, normalize};
use super::validate::FieldError;
use super::{Action, ChangeSet, Contact, Customer, Field};

/// Where a column's values go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Customer(Field),
    /// A field of the customer's primary contact.
    Contact(ContactField),
}

impl Target {
    /// Every target a column can have, customer fields first.
    pub fn all() -> impl Iterator<Item = Target> {
        Field::ALL.iter().map(|&f| Target::Customer(f)).chain(ContactField::ALL.iter().filter(|&&f| f != ContactField::Primary).map(|&f| Target::Contact(f)))
    }

    /// A stable key, for menus and saved mappings: `customer.name`, `contact.mobile`.
    pub fn key(self) -> String {
        match self {
            Target::Customer(f) => format!("customer.{}", f.as_str()),
            Target::Contact(f) => format!("contact.{}", f.as_str()),
        }
    }

    pub fn parse(key: &str) -> Option<Target> {
        match key.split_once('.')? {
            ("customer", f) => Field::parse(f).map(Target::Customer),
            ("contact", f) => ContactField::parse(f).filter(|&f| f != ContactField::Primary).map(Target::Contact),
            _ => None,
        }
    }
}

/// A heading as headings are compared: full-width folded, lower case, without
/// spaces and the marks spreadsheets decorate headings with (`*`, `:`, brackets).
pub fn heading_key(heading: &str) -> String {
    fold_width(heading)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | ':' | '：' | '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】' | '_' | '-' | '.' | '/' | '·'))
        .flat_map(char::to_lowercase)
        .collect()
}

use ContactField as C;
use Field as F;

/// The names agencies' spreadsheets give their columns, in Chinese and English.
/// The app's own headings (every field's label in every language) are matched
/// too: the caller passes them, so a file the app exported comes back as it was.
const ALIASES: &[(&str, Target)] = &[
    ("客户名称", Target::Customer(F::Name)),
    ("客户", Target::Customer(F::Name)),
    ("公司名称", Target::Customer(F::Name)),
    ("公司", Target::Customer(F::Name)),
    ("单位名称", Target::Customer(F::Name)),
    ("企业名称", Target::Customer(F::Name)),
    ("名称", Target::Customer(F::Name)),
    ("company", Target::Customer(F::Name)),
    ("companyname", Target::Customer(F::Name)),
    ("customer", Target::Customer(F::Name)),
    ("customername", Target::Customer(F::Name)),
    ("name", Target::Customer(F::Name)),
    ("简称", Target::Customer(F::ShortName)),
    ("客户简称", Target::Customer(F::ShortName)),
    ("shortname", Target::Customer(F::ShortName)),
    ("电话", Target::Customer(F::Phone)),
    ("联系电话", Target::Customer(F::Phone)),
    ("公司电话", Target::Customer(F::Phone)),
    ("座机", Target::Customer(F::Phone)),
    ("phone", Target::Customer(F::Phone)),
    ("tel", Target::Customer(F::Phone)),
    ("telephone", Target::Customer(F::Phone)),
    ("传真", Target::Customer(F::Fax)),
    ("fax", Target::Customer(F::Fax)),
    ("邮箱", Target::Customer(F::Email)),
    ("电子邮箱", Target::Customer(F::Email)),
    ("电子邮件", Target::Customer(F::Email)),
    ("email", Target::Customer(F::Email)),
    ("地址", Target::Customer(F::Address)),
    ("公司地址", Target::Customer(F::Address)),
    ("详细地址", Target::Customer(F::Address)),
    ("通讯地址", Target::Customer(F::Address)),
    ("address", Target::Customer(F::Address)),
    ("邮编", Target::Customer(F::Postcode)),
    ("邮政编码", Target::Customer(F::Postcode)),
    ("postcode", Target::Customer(F::Postcode)),
    ("zip", Target::Customer(F::Postcode)),
    ("网址", Target::Customer(F::Website)),
    ("网站", Target::Customer(F::Website)),
    ("website", Target::Customer(F::Website)),
    ("行业", Target::Customer(F::Industry)),
    ("所属行业", Target::Customer(F::Industry)),
    ("industry", Target::Customer(F::Industry)),
    ("地区", Target::Customer(F::Region)),
    ("区域", Target::Customer(F::Region)),
    ("所在地区", Target::Customer(F::Region)),
    ("城市", Target::Customer(F::Region)),
    ("region", Target::Customer(F::Region)),
    ("city", Target::Customer(F::Region)),
    ("企业性质", Target::Customer(F::OrgForm)),
    ("顾客类型", Target::Customer(F::CustomerType)),
    ("客户类型", Target::Customer(F::CustomerType)),
    ("customer type", Target::Customer(F::CustomerType)),
    ("法人", Target::Customer(F::LegalRep)),
    ("法人代表", Target::Customer(F::LegalRep)),
    ("法定代表人", Target::Customer(F::LegalRep)),
    ("成立日期", Target::Customer(F::Founded)),
    ("成立时间", Target::Customer(F::Founded)),
    ("注册资本", Target::Customer(F::RegisteredCapital)),
    ("员工人数", Target::Customer(F::Employees)),
    ("人数", Target::Customer(F::Employees)),
    ("employees", Target::Customer(F::Employees)),
    ("年营业额", Target::Customer(F::AnnualRevenue)),
    ("年销售额", Target::Customer(F::AnnualRevenue)),
    ("状态", Target::Customer(F::Status)),
    ("客户状态", Target::Customer(F::Status)),
    ("status", Target::Customer(F::Status)),
    ("类型", Target::Customer(F::Kind)),
    ("客户类别", Target::Customer(F::Kind)),
    ("type", Target::Customer(F::Kind)),
    ("负责人", Target::Customer(F::Owner)),
    ("业务员", Target::Customer(F::Owner)),
    ("客户经理", Target::Customer(F::Owner)),
    ("owner", Target::Customer(F::Owner)),
    ("备注", Target::Customer(F::Notes)),
    ("说明", Target::Customer(F::Notes)),
    ("notes", Target::Customer(F::Notes)),
    ("remarks", Target::Customer(F::Notes)),
    ("联系人", Target::Contact(C::Name)),
    ("联系人姓名", Target::Contact(C::Name)),
    ("contact", Target::Contact(C::Name)),
    ("contactname", Target::Contact(C::Name)),
    ("contactperson", Target::Contact(C::Name)),
    ("职务", Target::Contact(C::Title)),
    ("职位", Target::Contact(C::Title)),
    ("title", Target::Contact(C::Title)),
    ("position", Target::Contact(C::Title)),
    ("手机", Target::Contact(C::Mobile)),
    ("手机号", Target::Contact(C::Mobile)),
    ("手机号码", Target::Contact(C::Mobile)),
    ("移动电话", Target::Contact(C::Mobile)),
    ("联系人电话", Target::Contact(C::Mobile)),
    ("mobile", Target::Contact(C::Mobile)),
    ("cell", Target::Contact(C::Mobile)),
    ("微信", Target::Contact(C::Messaging)),
    ("微信号", Target::Contact(C::Messaging)),
    ("qq", Target::Contact(C::Messaging)),
    ("wechat", Target::Contact(C::Messaging)),
];

/// The field each column goes to, guessed from its heading: first among
/// `own` (the app's labels, already keyed by [`heading_key`]), then the
/// common names. A field is given to one column only, the first.
pub fn guess(headings: &[String], own: &[(String, Target)]) -> Vec<Option<Target>> {
    let mut taken: Vec<Target> = Vec::new();
    headings
        .iter()
        .map(|h| {
            let key = heading_key(h);
            let found = own.iter().find(|(k, _)| *k == key).map(|(_, t)| *t).or_else(|| ALIASES.iter().find(|(k, _)| *k == key).map(|(_, t)| *t));
            let target = found.filter(|t| !taken.contains(t));
            taken.extend(target);
            target
        })
        .collect()
}

/// What cell values mean beyond their text.
pub struct Lookups<'a> {
    /// The stored key of a status, kind or confidentiality written as a label
    /// in any language, or as its key.
    pub choice: &'a dyn Fn(Field, &str) -> Option<&'static str>,
    /// The id of a member of staff, by name.
    pub staff: &'a dyn Fn(&str) -> Option<String>,
}

/// A row of the file, read into records that have no id yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub customer: Customer,
    /// The primary contact, when the row names one.
    pub contact: Option<Contact>,
    /// The customer fields the row gives a value for, as the form holds them
    /// (status by key, owner by staff id).
    pub given: Vec<(Field, String)>,
}

/// A row read, or every cell's reason for refusing it.
pub type RowResult = Result<Parsed, Vec<(Target, FieldError)>>;

/// Read one row as the customer form would read it.
pub fn read_row(cells: &[String], mapping: &[Option<Target>], look: &Lookups, today: NaiveDate) -> RowResult {
    let mut errors = Vec::new();
    let mut draft: Draft = Customer::default().to_draft();
    let mut contact: ContactDraft = ContactDraft::new();
    let mut given: Vec<Field> = Vec::new();
    for (cell, target) in cells.iter().zip(mapping) {
        let value = cell.trim();
        match target {
            None => {}
            Some(_) if value.is_empty() => {}
            Some(Target::Customer(f @ (Field::Status | Field::Kind | Field::Confidentiality))) => match (look.choice)(*f, value) {
                Some(key) => {
                    draft.insert(*f, key.to_string());
                    given.push(*f);
                }
                None => errors.push((Target::Customer(*f), FieldError::Unknown)),
            },
            Some(Target::Customer(f @ (Field::Owner | Field::CoOwner))) => match (look.staff)(value) {
                Some(id) => {
                    draft.insert(*f, id);
                    given.push(*f);
                }
                None => errors.push((Target::Customer(*f), FieldError::Unknown)),
            },
            Some(Target::Customer(f)) => {
                draft.insert(*f, value.to_string());
                given.push(*f);
            }
            Some(Target::Contact(f)) => drop(contact.insert(*f, value.to_string())),
        }
    }
    let given: Vec<(Field, String)> = given.into_iter().map(|f| (f, draft.get(&f).cloned().unwrap_or_default())).collect();
    let customer = Customer::default().with_draft(&draft, today).map_err(|e| errors.extend(e.into_iter().map(|(f, e)| (Target::Customer(f), e))));
    let contact = if contact.is_empty() {
        Ok(None)
    } else {
        contact.insert(ContactField::Primary, "yes".into());
        Contact::default().with_draft(&contact, today).map(Some).map_err(|e| errors.extend(e.into_iter().map(|(f, e)| (Target::Contact(f), e))))
    };
    match (customer, contact) {
        (Ok(customer), Ok(contact)) if errors.is_empty() => Ok(Parsed { customer, contact, given }),
        _ => Err(errors),
    }
}

/// A phone number as duplicates are told by: its digits before any extension,
/// without China's country code; one too short to tell a customer by is none.
pub fn phone_key(phone: &str) -> Option<String> {
    let folded = fold_width(phone);
    let main = folded.split(|c: char| c.is_alphabetic() || c == '#').next().unwrap_or_default();
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.strip_prefix("0086").or_else(|| digits.strip_prefix("86").filter(|d| d.len() == 11)) {
        Some(rest) => rest.to_string(),
        None => digits,
    };
    (digits.len() >= 7).then_some(digits)
}

/// How a customer is told apart: its name as search compares names, and its
/// phone numbers (its own and its contacts').
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub phones: Vec<String>,
}

impl Identity {
    pub fn new<'a>(name: &str, phones: impl IntoIterator<Item = &'a str>) -> Identity {
        Identity { name: normalize(name), phones: phones.into_iter().filter_map(phone_key).collect() }
    }

    fn of(p: &Parsed) -> Identity {
        let contact = p.contact.iter().flat_map(|c| [c.mobile.as_str(), c.phone.as_str()]);
        Identity::new(&p.customer.name, std::iter::once(p.customer.phone.as_str()).chain(contact))
    }

}

/// What a row repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Duplicate {
    /// A customer in the archive, by id.
    Archive(String),
    /// An earlier row of the file, by its position among the rows.
    File(usize),
}

/// For each row, the customer in the archive it repeats (same name after
/// normalisation, else a shared phone number), or else the earlier row of the
/// file it repeats. `known` is every customer in the archive, by id.
pub fn duplicates(rows: &[Parsed], known: &[(String, Identity)]) -> Vec<Option<Duplicate>> {
    // Looked up by name and by phone: an archive of 100,000 against a file of
    // 10,000 rows must not compare every pair.
    let mut archive_names: FxHashMap<&str, &str> = FxHashMap::default();
    let mut archive_phones: FxHashMap<&str, &str> = FxHashMap::default();
    for (id, k) in known {
        if !k.name.is_empty() {
            archive_names.entry(&k.name).or_insert(id);
        }
        for p in &k.phones {
            archive_phones.entry(p).or_insert(id);
        }
    }
    let ids: Vec<Identity> = rows.iter().map(Identity::of).collect();
    let mut file_names: FxHashMap<&str, usize> = FxHashMap::default();
    let mut file_phones: FxHashMap<&str, usize> = FxHashMap::default();
    let mut out = Vec::with_capacity(ids.len());
    for (i, me) in ids.iter().enumerate() {
        let name = Some(me.name.as_str()).filter(|n| !n.is_empty());
        let in_archive = name.and_then(|n| archive_names.get(n)).or_else(|| me.phones.iter().find_map(|p| archive_phones.get(p.as_str())));
        let in_file = name.and_then(|n| file_names.get(n)).or_else(|| me.phones.iter().find_map(|p| file_phones.get(p.as_str())));
        out.push(match (in_archive, in_file) {
            (Some(id), _) => Some(Duplicate::Archive(id.to_string())),
            (None, Some(&row)) => Some(Duplicate::File(row)),
            (None, None) => None,
        });
        if let Some(n) = name {
            file_names.entry(n).or_insert(i);
        }
        for p in &me.phones {
            file_phones.entry(p).or_insert(i);
        }
    }
    out
}

/// What to do with a row that repeats a customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Leave it out.
    Skip,
    /// Create a customer of it all the same.
    Create,
    /// Write the row's values over those of the customer it repeats in the
    /// archive (fields the row leaves empty keep theirs).
    Update,
}

/// `old` with the values `row` gives (checked for `old`'s kind and status,
/// so a field the row's own defaults would hide is not emptied); `None` when
/// that changes nothing.
pub fn updated(old: &Customer, row: &Parsed, today: NaiveDate) -> Result<Option<Customer>, Vec<(Target, FieldError)>> {
    let mut draft = old.to_draft();
    for (f, v) in &row.given {
        draft.insert(*f, v.clone());
    }
    let new = old.with_draft(&draft, today).map_err(|e| e.into_iter().map(|(f, e)| (Target::Customer(f), e)).collect::<Vec<_>>())?;
    Ok((new != *old).then_some(new))
}

/// The change that imports the rows: each row to create becomes a customer
/// with its primary contact and "imported from FILE" in its history; each row
/// to update writes its values over the customer it repeats (`old`), with the
/// file's name as the reason in its history. One change: applied in one
/// transaction, it imports every row or none.
pub fn plan(ctx: &mut Ctx, file: &str, creates: Vec<Parsed>, updates: Vec<(&Customer, Customer)>) -> ChangeSet {
    let mut set = ChangeSet::default();
    for row in creates {
        let (one, _) = create_customer(ctx, row.customer, row.contact.into_iter().collect(), Action::Imported, file);
        set.ops.extend(one.ops);
    }
    for (old, new) in updates {
        if let Ok((one, _)) = update_customer(ctx, old, new, file) {
            set.ops.extend(one.ops);
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{change::Record, CustomerKind, Op, Status};
    use chrono::{TimeZone, Utc};

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn choice(f: Field, v: &str) -> Option<&'static str> {
        match (f, v) {
            (Field::Status, "已合作" | "Active" | "active") => Some("active"),
            (Field::Kind, "经销商" | "dealer") => Some("dealer"),
            _ => None,
        }
    }

    fn staff(name: &str) -> Option<String> {
        (name == "王芳").then(|| "s1".to_string())
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn read(headings: &[&str], cells: &[&str]) -> RowResult {
        let mapping = guess(&strings(headings), &[]);
        read_row(&strings(cells), &mapping, &Lookups { choice: &choice, staff: &staff }, today())
    }

    #[test]
    fn chinese_and_english_headings_find_their_fields() {
        let cases: &[(&str, Option<Target>)] = &[
            ("客户名称", Some(Target::Customer(F::Name))),
            ("公司名称", Some(Target::Customer(F::Name))),
            ("Company name", Some(Target::Customer(F::Name))),
            ("* 客户名称：", Some(Target::Customer(F::Name))),
            ("电话", Some(Target::Customer(F::Phone))),
            ("联系电话", Some(Target::Customer(F::Phone))),
            ("Phone", Some(Target::Customer(F::Phone))),
            ("ＰＨＯＮＥ", Some(Target::Customer(F::Phone))),
            ("手机号码", Some(Target::Contact(C::Mobile))),
            ("联系人", Some(Target::Contact(C::Name))),
            ("E-mail", Some(Target::Customer(F::Email))),
            ("地址（详细）", None),
            ("序号", None),
        ];
        for (heading, want) in cases {
            assert_eq!(guess(&strings(&[heading]), &[])[0], *want, "{heading}");
        }
        // Saved mappings keep targets by key.
        for t in Target::all() {
            assert_eq!(Target::parse(&t.key()), Some(t));
        }
        assert_eq!(Target::parse("contact.primary"), None);
        // The app's own labels come first, and a field goes to the first column that names it.
        let own = vec![(heading_key("Primary contact · Mobile"), Target::Contact(C::Mobile))];
        assert_eq!(
            guess(&strings(&["客户名称", "Primary contact · Mobile", "公司名称"]), &own),
            [Some(Target::Customer(F::Name)), Some(Target::Contact(C::Mobile)), None]
        );
    }

    #[test]
    fn a_row_becomes_a_customer_and_its_primary_contact() {
        let p = read(
            &["客户名称", "类型", "状态", "负责人", "电话", "联系人", "手机", "序号"],
            &[" 华联广告 ", "经销商", "已合作", "王芳", "021-5555 0101", "李明", "138 0013 8000", "1"],
        )
        .unwrap();
        assert_eq!(p.customer.name, "华联广告");
        assert_eq!((p.customer.kind, p.customer.status), (CustomerKind::Dealer, Status::Active));
        assert_eq!(p.customer.owner.as_deref(), Some("s1"));
        let contact = p.contact.unwrap();
        assert_eq!((contact.name.as_str(), contact.primary), ("李明", true));
        // Without contact columns there is no contact.
        assert_eq!(read(&["客户名称"], &["Sunrise"]).unwrap().contact, None);
    }

    #[test]
    fn a_bad_row_gives_every_reason() {
        let errors = read(&["客户名称", "状态", "负责人", "电话", "手机", "成立日期"], &["", "也许", "无名", "call me", "138", "2099-01-01"]).unwrap_err();
        let want = [
            (Target::Customer(F::Status), FieldError::Unknown),
            (Target::Customer(F::Owner), FieldError::Unknown),
            (Target::Customer(F::Name), FieldError::Required),
            (Target::Customer(F::Phone), FieldError::Phone),
            (Target::Customer(F::Founded), FieldError::FutureDate),
            (Target::Contact(C::Name), FieldError::Required),
            (Target::Contact(C::Mobile), FieldError::Phone),
        ];
        for w in &want {
            assert!(errors.contains(w), "{w:?} missing from {errors:?}");
        }
        assert_eq!(errors.len(), want.len(), "{errors:?}");
    }

    #[test]
    fn duplicates_are_found_by_normalised_name_or_phone_in_the_archive_then_in_the_file() {
        let row = |name: &str, phone: &str| read(&["客户名称", "电话"], &[name, phone]).unwrap();
        let rows = vec![
            row("ＨＡＲＢＯＵＲ Events", ""),
            row("New One", "+86 021 5555 0101"),
            row("Fresh", "13800138000"),
            row("fresh", ""),
            row("Another", "0086 138-0013-8000"),
            row("Lone", "12345"),
        ];
        let known = vec![("c1".to_string(), Identity::new("Harbour events", [])), ("c2".to_string(), Identity::new("Old", ["021 5555 0101"]))];
        assert_eq!(phone_key("+86 021 5555 0101"), Some("02155550101".into()));
        assert_eq!(phone_key("021 5555 0101 分机 12"), Some("02155550101".into()));
        assert_eq!(phone_key("8601"), None);
        assert_eq!(
            duplicates(&rows, &known),
            [Some(Duplicate::Archive("c1".into())), Some(Duplicate::Archive("c2".into())), None, Some(Duplicate::File(2)), Some(Duplicate::File(2)), None]
        );
    }

    #[test]
    fn the_plan_creates_new_rows_and_updates_repeated_ones_with_the_file_in_their_history() {
        let a = read(&["客户名称", "联系人"], &["华联广告", "李明"]).unwrap();
        let b = read(&["客户名称"], &["Skipped"]).unwrap();
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("id{n}")
        };
        let mut ctx = Ctx { now: Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(), by: Default::default(), next_id: &mut next };
        let old = Customer { id: "c9".into(), rev: 3, name: "Old Name Co".into(), phone: "021 5555 0101".into(), region: "上海".into(), ..Customer::default() };
        let new = updated(&old, &b, today()).unwrap().unwrap();
        assert_eq!((new.name.as_str(), new.phone.as_str(), new.region.as_str()), ("Skipped", "021 5555 0101", "上海"), "only the given fields change");
        assert_eq!(updated(&new, &b, today()), Ok(None), "nothing to change");
        // A dealer's own field, from a file without a kind column (whose rows
        // read as end customers), is written to the dealer, not emptied.
        let dealer = Customer { id: "c8".into(), rev: 1, name: "Dealer".into(), kind: CustomerKind::Dealer, ..Customer::default() };
        let mapping = [Some(Target::Customer(F::Name)), Some(Target::Customer(F::Brands))];
        let brands = read_row(&strings(&["Dealer", "天马"]), &mapping, &Lookups { choice: &choice, staff: &staff }, today()).unwrap();
        assert_eq!(updated(&dealer, &brands, today()).unwrap().unwrap().get(F::Brands), "天马");
        let set = plan(&mut ctx, "客户.csv", vec![a], vec![(&old, new)]);
        let records = || set.ops.iter().filter_map(|op| if let Op::Put { record, .. } = op { Some(record) } else { None });
        let customers: Vec<&Customer> = records().filter_map(|r| if let Record::Customer(c) = r { Some(c) } else { None }).collect();
        assert_eq!(customers.iter().map(|c| (c.name.as_str(), c.rev)).collect::<Vec<_>>(), [("华联广告", 1), ("Skipped", 4)]);
        let history: Vec<_> = records().filter_map(|r| if let Record::History(h) = r { Some(h) } else { None }).collect();
        assert_eq!(history.len(), 3, "the new customer's, its contact's, and the update's");
        assert!(history[..2].iter().all(|h| h.action == Action::Imported && h.reason == "客户.csv"));
        assert_eq!((history[2].action, history[2].reason.as_str(), history[2].changes.len()), (Action::Updated, "客户.csv", 1));
        assert!(records().any(|r| matches!(r, Record::Contact(c) if c.name == "李明" && c.primary)));
    }
}
