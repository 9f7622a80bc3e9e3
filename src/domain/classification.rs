//! Classification by nature (性质分类): the agency's own lists of industries,
//! organisation forms, regions and customer types, which the customer form
//! offers and the list and analysis group by. Kept as JSON in one
//! [`super::change::Setting`]; until the agency edits them, the defaults in
//! its language (i18n) stand.
//!
//! A customer's value is its own text: a value taken off a list stays on the
//! customers that have it until they are moved (see [`super::ops::reclassify`]),
//! and a value that is on no list (an import brought it) is kept and shown.

use serde::{Deserialize, Serialize};

use super::Field;

key_enum! {
    /// A classification by nature, with its own list of values.
    pub enum Class {
        Industry = "industry",
        OrgForm = "org_form",
        Region = "region",
        CustomerType = "customer_type",
    }
}

impl Class {
    /// The customer field that holds the value.
    pub fn field(self) -> Field {
        match self {
            Class::Industry => Field::Industry,
            Class::OrgForm => Field::OrgForm,
            Class::Region => Field::Region,
            Class::CustomerType => Field::CustomerType,
        }
    }

    /// The classification a customer field is, if it is one.
    pub fn of_field(field: Field) -> Option<Class> {
        Class::ALL.iter().copied().find(|c| c.field() == field)
    }
}

/// The setting the lists are kept in.
pub const SETTING: &str = "classifications";

/// The longest value, in characters (the customer's field takes 100).
pub const MAX_CHARS: usize = 100;

/// The four lists, each in the order the agency put it in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Classifications {
    pub industry: Vec<String>,
    pub org_form: Vec<String>,
    pub region: Vec<String>,
    pub customer_type: Vec<String>,
}

/// Why a value cannot go on a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListError {
    Empty,
    TooLong,
    /// The list has it already (letter case aside).
    Duplicate,
    /// The value is not on the list (another tab took it off).
    Missing,
}

impl Classifications {
    /// Lists filled by `defaults`, one class at a time.
    pub fn from_defaults(defaults: impl Fn(Class) -> Vec<String>) -> Self {
        let mut out = Classifications::default();
        for &c in Class::ALL {
            *out.values_mut(c) = defaults(c);
        }
        out
    }

    pub fn values(&self, c: Class) -> &[String] {
        match c {
            Class::Industry => &self.industry,
            Class::OrgForm => &self.org_form,
            Class::Region => &self.region,
            Class::CustomerType => &self.customer_type,
        }
    }

    fn values_mut(&mut self, c: Class) -> &mut Vec<String> {
        match c {
            Class::Industry => &mut self.industry,
            Class::OrgForm => &mut self.org_form,
            Class::Region => &mut self.region,
            Class::CustomerType => &mut self.customer_type,
        }
    }

    /// Where `value` is on the list, letter case aside.
    fn position(&self, c: Class, value: &str) -> Option<usize> {
        let key = value.to_lowercase();
        self.values(c).iter().position(|v| v.to_lowercase() == key)
    }

    /// Add `value` at the end of the list; the value as added (trimmed).
    pub fn add(&mut self, c: Class, value: &str) -> Result<String, ListError> {
        let value = clean(value)?;
        if self.position(c, &value).is_some() {
            return Err(ListError::Duplicate);
        }
        self.values_mut(c).push(value.clone());
        Ok(value)
    }

    /// Put a value customers already have on the list exactly as they have
    /// it (trimmed only at the ends, which a customer's field never keeps),
    /// so that those customers match it.
    pub fn adopt(&mut self, c: Class, value: &str) -> Result<String, ListError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(ListError::Empty);
        }
        if self.values(c).iter().any(|v| v == value) {
            return Err(ListError::Duplicate);
        }
        self.values_mut(c).push(value.to_string());
        Ok(value.to_string())
    }

    /// Rename `from` to `to` in its place; the new value (trimmed). Changing
    /// only the letter case of a value is a rename too.
    pub fn rename(&mut self, c: Class, from: &str, to: &str) -> Result<String, ListError> {
        let to = clean(to)?;
        let at = self.values(c).iter().position(|v| v == from).ok_or(ListError::Missing)?;
        if self.position(c, &to).is_some_and(|other| other != at) {
            return Err(ListError::Duplicate);
        }
        self.values_mut(c)[at] = to.clone();
        Ok(to)
    }

    /// Take `value` off the list.
    pub fn remove(&mut self, c: Class, value: &str) -> Result<(), ListError> {
        let at = self.values(c).iter().position(|v| v == value).ok_or(ListError::Missing)?;
        self.values_mut(c).remove(at);
        Ok(())
    }

    /// Move `value` one place up (towards the top) or down.
    pub fn shift(&mut self, c: Class, value: &str, up: bool) -> Result<(), ListError> {
        let list = self.values_mut(c);
        let at = list.iter().position(|v| v == value).ok_or(ListError::Missing)?;
        let to = if up { at.checked_sub(1) } else { Some(at + 1).filter(|&t| t < list.len()) };
        if let Some(to) = to {
            list.swap(at, to);
        }
        Ok(())
    }

    /// The values a select offers for `c`: the list, and `current` after it
    /// when the customer has a value the list does not (it is kept, not lost).
    pub fn options(&self, c: Class, current: &str) -> Vec<String> {
        let mut out = self.values(c).to_vec();
        let current = current.trim();
        if !current.is_empty() && !out.iter().any(|v| v == current) {
            out.push(current.to_string());
        }
        out
    }
}

/// A value as it goes on a list: trimmed, inner runs of white space made one
/// space, not empty and not too long.
fn clean(value: &str) -> Result<String, ListError> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Err(ListError::Empty);
    }
    if value.chars().count() > MAX_CHARS {
        return Err(ListError::TooLong);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists() -> Classifications {
        Classifications::from_defaults(|c| match c {
            Class::Industry => vec!["汽车".into(), "Retail".into()],
            Class::Region => vec!["华东".into()],
            _ => Vec::new(),
        })
    }

    #[test]
    fn every_class_is_a_customer_field_and_back() {
        for &c in Class::ALL {
            assert_eq!(Class::of_field(c.field()), Some(c));
        }
        assert_eq!(Class::of_field(Field::Name), None);
    }

    #[test]
    fn adding_trims_and_refuses_empty_long_and_duplicate_values() {
        let mut l = lists();
        assert_eq!(l.add(Class::Industry, "  Real   estate "), Ok("Real estate".into()));
        assert_eq!(l.industry, vec!["汽车", "Retail", "Real estate"]);
        assert_eq!(l.add(Class::Industry, "   "), Err(ListError::Empty));
        assert_eq!(l.add(Class::Industry, "retail"), Err(ListError::Duplicate), "letter case aside");
        assert_eq!(l.add(Class::Industry, " 汽车"), Err(ListError::Duplicate));
        assert_eq!(l.add(Class::Industry, &"字".repeat(MAX_CHARS + 1)), Err(ListError::TooLong));
        assert_eq!(l.add(Class::Industry, &"字".repeat(MAX_CHARS)).map(|v| v.chars().count()), Ok(MAX_CHARS));
        // The same value on another list is no duplicate.
        assert_eq!(l.add(Class::Region, "Retail"), Ok("Retail".into()));
    }

    #[test]
    fn a_value_customers_have_is_adopted_exactly_as_they_have_it() {
        let mut l = lists();
        assert_eq!(l.adopt(Class::Industry, "Real  estate"), Ok("Real  estate".into()), "inner spaces kept, so its customers match");
        assert_eq!(l.adopt(Class::Industry, "Real  estate"), Err(ListError::Duplicate));
        assert_eq!(l.adopt(Class::Industry, " "), Err(ListError::Empty));
        assert_eq!(l.industry, vec!["汽车", "Retail", "Real  estate"]);
    }

    #[test]
    fn renaming_keeps_the_place_and_refuses_a_clash() {
        let mut l = lists();
        assert_eq!(l.rename(Class::Industry, "汽车", " 汽车 / 出行 "), Ok("汽车 / 出行".into()));
        assert_eq!(l.industry, vec!["汽车 / 出行", "Retail"]);
        assert_eq!(l.rename(Class::Industry, "Retail", "RETAIL"), Ok("RETAIL".into()), "its own letter case");
        assert_eq!(l.rename(Class::Industry, "RETAIL", "汽车 / 出行"), Err(ListError::Duplicate));
        assert_eq!(l.rename(Class::Industry, "Gone", "New"), Err(ListError::Missing));
        assert_eq!(l.rename(Class::Industry, "RETAIL", ""), Err(ListError::Empty));
        assert_eq!(l.industry, vec!["汽车 / 出行", "RETAIL"]);
    }

    #[test]
    fn removing_and_shifting() {
        let mut l = lists();
        l.add(Class::Industry, "Media").unwrap();
        assert_eq!(l.shift(Class::Industry, "Media", true), Ok(()));
        assert_eq!(l.industry, vec!["汽车", "Media", "Retail"]);
        assert_eq!(l.shift(Class::Industry, "汽车", true), Ok(()), "the top stays the top");
        assert_eq!(l.shift(Class::Industry, "Retail", false), Ok(()), "the bottom stays the bottom");
        assert_eq!(l.industry, vec!["汽车", "Media", "Retail"]);
        assert_eq!(l.remove(Class::Industry, "Media"), Ok(()));
        assert_eq!(l.remove(Class::Industry, "Media"), Err(ListError::Missing));
        assert_eq!(l.industry, vec!["汽车", "Retail"]);
    }

    #[test]
    fn a_value_off_the_list_is_still_offered_to_the_customer_that_has_it() {
        let l = lists();
        assert_eq!(l.options(Class::Industry, ""), vec!["汽车", "Retail"]);
        assert_eq!(l.options(Class::Industry, "Retail"), vec!["汽车", "Retail"]);
        assert_eq!(l.options(Class::Industry, "Shipping"), vec!["汽车", "Retail", "Shipping"]);
    }

    #[test]
    fn stored_lists_read_back_and_a_missing_list_reads_empty() {
        let l = lists();
        let text = serde_json::to_string(&l).unwrap();
        assert_eq!(serde_json::from_str::<Classifications>(&text).unwrap(), l);
        let partial: Classifications = serde_json::from_str(r#"{"region":["华南"]}"#).unwrap();
        assert_eq!(partial.region, vec!["华南"]);
        assert!(partial.industry.is_empty());
    }
}
