//! The app's lists as spreadsheets: headings in the user's language, values
//! as the screens show them (labels rather than stored keys, staff by name,
//! dates as YYYY-MM-DD, amounts as plain numbers).

use crate::domain::contact::ContactField;
use crate::domain::import::{heading_key, Target};
use crate::domain::{Confidentiality, Contact, Customer, CustomerKind, Field, Interaction, Status};
use crate::i18n::{self, Label, Locale, Msg};

/// Which list a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// One row per customer, with its primary contact.
    Customers,
    /// One row per contact person.
    Contacts,
    /// One row per entry of the communication log.
    Log,
}

impl Sheet {
    /// The list's name in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Sheet::Customers => "customers",
            Sheet::Contacts => "contacts",
            Sheet::Log => "log",
        }
    }
}

/// Fields of the primary contact that the customer sheet carries.
pub const PRIMARY_FIELDS: &[ContactField] =
    &[ContactField::Name, ContactField::Title, ContactField::Mobile, ContactField::Phone, ContactField::Email, ContactField::Messaging];

/// The heading of a primary-contact column, e.g. "Primary contact · Mobile".
pub fn primary_heading(field: ContactField, l: Locale) -> String {
    format!("{} · {}", i18n::t(l, Msg::PrimaryContact), field.label(l))
}

/// The sheet's headings.
pub fn headings(sheet: Sheet, l: Locale) -> Vec<String> {
    let customer = Field::Name.label(l).to_string();
    match sheet {
        Sheet::Customers => {
            Field::ALL.iter().map(|f| f.label(l).to_string()).chain(PRIMARY_FIELDS.iter().map(|&f| primary_heading(f, l))).collect()
        }
        Sheet::Contacts => std::iter::once(customer).chain(ContactField::ALL.iter().map(|f| f.label(l).to_string())).collect(),
        Sheet::Log => std::iter::once(customer)
            .chain([Msg::Date, Msg::StaffMember, Msg::Channel, Msg::Summary, Msg::NextStep].iter().map(|&m| i18n::t(l, m).to_string()))
            .collect(),
    }
}

/// A customer's row: every field, then its primary contact's.
/// `staff` turns a staff id into a name.
pub fn customer_row(c: &Customer, primary: Option<&Contact>, staff: &dyn Fn(&str) -> String, l: Locale) -> Vec<String> {
    let field = |f: Field| match f {
        Field::Kind => c.kind.label(l).to_string(),
        Field::Status => c.status.label(l).to_string(),
        Field::Confidentiality => c.confidentiality.label(l).to_string(),
        Field::Owner => c.owner.as_deref().map(staff).unwrap_or_default(),
        Field::CoOwner => c.co_owner.as_deref().map(staff).unwrap_or_default(),
        f => c.get(f),
    };
    let contact = |f: ContactField| primary.map(|p| p.get(f)).unwrap_or_default();
    Field::ALL.iter().map(|&f| field(f)).chain(PRIMARY_FIELDS.iter().map(|&f| contact(f))).collect()
}

/// A contact's row, after the name of its customer.
pub fn contact_row(customer: &str, c: &Contact, l: Locale) -> Vec<String> {
    let field = |f: ContactField| match f {
        ContactField::Primary => if c.primary { i18n::t(l, Msg::Yes) } else { "" }.to_string(),
        f => c.get(f),
    };
    std::iter::once(customer.to_string()).chain(ContactField::ALL.iter().map(|&f| field(f))).collect()
}

/// A log entry's row, after the name of its customer.
pub fn log_row(customer: &str, e: &Interaction, staff: &dyn Fn(&str) -> String, l: Locale) -> Vec<String> {
    vec![
        customer.to_string(),
        e.date.to_string(),
        e.staff.as_deref().map(staff).unwrap_or_default(),
        e.channel.label(l).to_string(),
        e.summary.clone(),
        e.next_step.clone(),
    ]
}

/// Every heading the app itself writes or shows, in every language, keyed
/// for matching: a file exported by Dossier maps itself.
pub fn own_headings() -> Vec<(String, Target)> {
    let mut own = Vec::new();
    for &l in Locale::ALL {
        own.extend(Field::ALL.iter().map(|&f| (heading_key(f.label(l)), Target::Customer(f))));
        own.extend(PRIMARY_FIELDS.iter().map(|&f| (heading_key(&primary_heading(f, l)), Target::Contact(f))));
        own.extend(ContactField::ALL.iter().filter(|&&f| f != ContactField::Primary).map(|&f| (heading_key(f.label(l)), Target::Contact(f))));
    }
    own
}

/// The key of a status, kind or confidentiality written as its key or as its
/// label in any language.
pub fn choice_key(field: Field, value: &str) -> Option<&'static str> {
    fn find<T: Label + Copy>(all: &[T], key: fn(T) -> &'static str, value: &str) -> Option<&'static str> {
        all.iter().find(|&&v| key(v) == value || Locale::ALL.iter().any(|&l| v.label(l) == value)).map(|&v| key(v))
    }
    match field {
        Field::Status => find(Status::ALL, Status::as_str, value),
        Field::Kind => find(CustomerKind::ALL, CustomerKind::as_str, value),
        Field::Confidentiality => find(Confidentiality::ALL, Confidentiality::as_str, value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, Status};
    use crate::io::csv::{self, Writer};
    use chrono::NaiveDate;

    fn staff(id: &str) -> String {
        match id {
            "s1" => "王芳".to_string(),
            _ => String::new(),
        }
    }

    fn customer() -> Customer {
        let mut c = Customer { id: "c1".into(), name: "华联广告".into(), status: Status::Active, owner: Some("s1".into()), ..Customer::default() };
        c.phone = "+86 21 5555 0101".into();
        c.annual_revenue = Some("1200000.50".parse().unwrap());
        c.founded = NaiveDate::from_ymd_opt(2009, 3, 1);
        c
    }

    fn primary() -> Contact {
        Contact { id: "p1".into(), customer_id: "c1".into(), name: "李明".into(), mobile: "13800138000".into(), primary: true, ..Contact::default() }
    }

    /// The cell under `heading` in a sheet of one row.
    fn cell<'a>(headings: &[String], row: &'a [String], heading: &str) -> &'a str {
        let at = headings.iter().position(|h| h == heading).unwrap_or_else(|| panic!("no heading {heading} in {headings:?}"));
        &row[at]
    }

    #[test]
    fn a_customer_row_shows_labels_names_dates_and_amounts_under_headings_in_the_users_language() {
        let (c, p) = (customer(), primary());
        for (l, status, heading, owner_heading, mobile_heading) in [
            (Locale::En, "Active", "Customer name", "Owner", "Primary contact · Mobile"),
            (Locale::ZhCn, "已合作", "客户名称", "负责人", "主要联系人 · 手机"),
        ] {
            let h = headings(Sheet::Customers, l);
            let row = customer_row(&c, Some(&p), &staff, l);
            assert_eq!(h.len(), row.len());
            assert_eq!(cell(&h, &row, heading), "华联广告", "{l:?}");
            assert_eq!(cell(&h, &row, Field::Status.label(l)), status, "{l:?}");
            assert_eq!(cell(&h, &row, owner_heading), "王芳", "{l:?}");
            assert_eq!(cell(&h, &row, mobile_heading), "13800138000", "{l:?}");
            assert_eq!(cell(&h, &row, Field::AnnualRevenue.label(l)), "1200000.5", "{l:?}");
            assert_eq!(cell(&h, &row, Field::Founded.label(l)), "2009-03-01", "{l:?}");
        }
        // Without a primary contact its columns are empty.
        let row = customer_row(&c, None, &staff, Locale::En);
        assert_eq!(cell(&headings(Sheet::Customers, Locale::En), &row, "Primary contact · Contact name"), "");
    }

    #[test]
    fn contact_and_log_rows_start_with_their_customer() {
        let l = Locale::ZhCn;
        let h = headings(Sheet::Contacts, l);
        let row = contact_row("华联广告", &primary(), l);
        assert_eq!((h.len(), row[0].as_str()), (row.len(), "华联广告"));
        assert_eq!(cell(&h, &row, ContactField::Primary.label(l)), "是");
        let entry = Interaction {
            date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            staff: Some("s1".into()),
            channel: Channel::Visit,
            summary: "=谈续约".into(),
            ..Interaction::default()
        };
        let h = headings(Sheet::Log, l);
        let row = log_row("华联广告", &entry, &staff, l);
        assert_eq!(row, ["华联广告", "2026-11-02", "王芳", Channel::Visit.label(l), "=谈续约", ""]);
        assert_eq!(h.len(), row.len());
        // Written out, the summary that looks like a formula is neutralised.
        let mut w = Writer::new(&h);
        w.row(&row);
        let text = w.finish();
        assert!(text.starts_with(csv::BOM));
        assert!(text.contains("\"'=谈续约\""), "{text}");
        assert_eq!(csv::parse(&text).unwrap()[1], row);
    }
}
