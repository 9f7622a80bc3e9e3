//! 联系人 — the people at a customer, with the personal profile the seeds ask
//! for (personality, hobbies, family, education, birthday). One is primary.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::validate::{self, Errors, FieldError};

key_enum! {
    /// Every field of the contact form; the key is what history records.
    pub enum ContactField {
        Name = "name",
        Title = "title",
        Mobile = "mobile",
        Phone = "phone",
        Email = "email",
        Messaging = "messaging",
        Birthday = "birthday",
        Primary = "primary",
        Personality = "personality",
        Hobbies = "hobbies",
        Family = "family",
        Education = "education",
        Preferences = "preferences",
        Notes = "notes",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub id: String,
    pub customer_id: String,
    pub rev: u64,
    pub name: String,
    pub title: String,
    pub mobile: String,
    pub phone: String,
    pub email: String,
    /// WeChat, QQ or another messaging handle.
    pub messaging: String,
    #[serde(with = "super::as_text::optional")]
    pub birthday: Option<NaiveDate>,
    pub primary: bool,
    pub personality: String,
    pub hobbies: String,
    pub family: String,
    pub education: String,
    pub preferences: String,
    pub notes: String,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
}

impl Default for Contact {
    fn default() -> Self {
        Contact {
            id: String::new(),
            customer_id: String::new(),
            rev: 0,
            name: String::new(),
            title: String::new(),
            mobile: String::new(),
            phone: String::new(),
            email: String::new(),
            messaging: String::new(),
            birthday: None,
            primary: false,
            personality: String::new(),
            hobbies: String::new(),
            family: String::new(),
            education: String::new(),
            preferences: String::new(),
            notes: String::new(),
            updated_at: DateTime::UNIX_EPOCH,
        }
    }
}

pub type ContactDraft = BTreeMap<ContactField, String>;

impl ContactField {
    pub fn is_long(self) -> bool {
        use ContactField::*;
        matches!(self, Personality | Hobbies | Family | Education | Preferences | Notes)
    }
}

impl Contact {
    /// The order a customer's contacts are listed in: the primary first.
    pub fn list_order(a: &Contact, b: &Contact) -> std::cmp::Ordering {
        (!a.primary, &a.id).cmp(&(!b.primary, &b.id))
    }

    pub fn get(&self, field: ContactField) -> String {
        use ContactField::*;
        match field {
            Name => self.name.clone(),
            Title => self.title.clone(),
            Mobile => self.mobile.clone(),
            Phone => self.phone.clone(),
            Email => self.email.clone(),
            Messaging => self.messaging.clone(),
            Birthday => self.birthday.map(|d| d.to_string()).unwrap_or_default(),
            Primary => if self.primary { "yes" } else { "" }.into(),
            Personality => self.personality.clone(),
            Hobbies => self.hobbies.clone(),
            Family => self.family.clone(),
            Education => self.education.clone(),
            Preferences => self.preferences.clone(),
            Notes => self.notes.clone(),
        }
    }

    pub fn to_draft(&self) -> ContactDraft {
        let mut draft = ContactDraft::new();
        draft.extend(ContactField::ALL.iter().map(|&f| (f, self.get(f))));
        draft
    }

    /// The contact the draft describes, or every field's error.
    pub fn with_draft(&self, draft: &ContactDraft, today: NaiveDate) -> Result<Contact, Vec<(ContactField, FieldError)>> {
        let mut out = self.clone();
        let mut errors = Errors::new();
        for &field in ContactField::ALL {
            let raw = draft.get(&field).map(String::as_str).unwrap_or_default();
            let long = |s: &str| validate::max_len(s, 5000);
            use ContactField::*;
            let result = match field {
                Name => validate::required(raw, 100).map(|v| out.name = v),
                Title => validate::max_len(raw, 100).map(|v| out.title = v),
                Mobile => validate::phone(raw).map(|v| out.mobile = v),
                Phone => validate::phone(raw).map(|v| out.phone = v),
                Email => validate::email(raw).map(|v| out.email = v),
                Messaging => validate::max_len(raw, 100).map(|v| out.messaging = v),
                Birthday => validate::date(raw, Some(today)).map(|v| out.birthday = v),
                Primary => {
                    out.primary = !raw.trim().is_empty();
                    Ok(())
                }
                Personality => long(raw).map(|v| out.personality = v),
                Hobbies => long(raw).map(|v| out.hobbies = v),
                Family => long(raw).map(|v| out.family = v),
                Education => long(raw).map(|v| out.education = v),
                Preferences => long(raw).map(|v| out.preferences = v),
                Notes => long(raw).map(|v| out.notes = v),
            };
            errors.take(field, result);
        }
        errors.finish(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_draft_round_trip_and_errors() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let c = Contact {
            name: "王芳".into(),
            mobile: "13900001111".into(),
            birthday: NaiveDate::from_ymd_opt(1980, 5, 1),
            primary: true,
            hobbies: "羽毛球".into(),
            ..Contact::default()
        };
        assert_eq!(Contact::default().with_draft(&c.to_draft(), today).unwrap(), c);
        let mut bad = c.to_draft();
        bad.insert(ContactField::Mobile, "12ab".into());
        bad.insert(ContactField::Birthday, "2030-01-01".into());
        let errs = Contact::default().with_draft(&bad, today).unwrap_err();
        assert_eq!(errs, vec![(ContactField::Mobile, FieldError::Phone), (ContactField::Birthday, FieldError::FutureDate)]);
    }
}
