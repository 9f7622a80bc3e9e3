//! Values records store as their own text, written and read here rather
//! than through the crates' serde support: calendar dates as "YYYY-MM-DD"
//! (chrono's goes through its general date parser) and amounts as the
//! decimal's text, which reads back exactly (rust_decimal's also takes floats
//! and scientific notation, never in an archive). Each would add its parsers
//! to the download for the one form the app ever writes; amounts are read by
//! the same exact parser as the forms' amount fields, so the download carries
//! one. Fields name `#[serde(with = "as_text::required")]` or `as_text::optional`.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};

/// A value kept as text.
pub trait AsText: Sized {
    /// What a refused text should have been, for the error.
    const EXPECTED: &'static str;
    fn to_text(&self) -> String;
    fn from_text(s: &str) -> Option<Self>;
}

fn parse<T: AsText, E: serde::de::Error>(s: &str) -> Result<T, E> {
    T::from_text(s).ok_or_else(|| E::custom(format_args!("not {}: {s}", T::EXPECTED)))
}

/// `#[serde(with = "as_text::required")]` for a value.
pub mod required {
    use super::*;

    pub fn serialize<T: AsText, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_text())
    }

    pub fn deserialize<'de, T: AsText, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        parse(&String::deserialize(d)?)
    }
}

/// `#[serde(with = "as_text::optional")]` for an optional value.
pub mod optional {
    use super::*;

    pub fn serialize<T: AsText, S: Serializer>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_some(&v.to_text()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: AsText, D: Deserializer<'de>>(d: D) -> Result<Option<T>, D::Error> {
        Option::<String>::deserialize(d)?.map(|s| parse(&s)).transpose()
    }
}

impl AsText for NaiveDate {
    const EXPECTED: &'static str = "a date (YYYY-MM-DD)";

    /// YYYY-MM-DD (what chrono writes too, for years 0 to 9999).
    fn to_text(&self) -> String {
        if (0..=9999).contains(&self.year()) {
            format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
        } else {
            self.to_string()
        }
    }

    /// A date written by [`AsText::to_text`]; anything else is none.
    fn from_text(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let n = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r.clone()].iter().all(u8::is_ascii_digit).then(|| s[r].parse().ok()).flatten()
        };
        NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?)
    }
}

impl AsText for Decimal {
    const EXPECTED: &'static str = "an amount";

    fn to_text(&self) -> String {
        self.to_string()
    }

    fn from_text(s: &str) -> Option<Self> {
        Decimal::from_str_exact(s).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn parse(s: &str) -> Option<NaiveDate> {
        NaiveDate::from_text(s)
    }


    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Ours {
        #[serde(with = "required")]
        a: NaiveDate,
        #[serde(with = "optional")]
        b: Option<NaiveDate>,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Chronos {
        a: NaiveDate,
        b: Option<NaiveDate>,
    }

    #[test]
    fn dates_are_written_and_read_as_chrono_writes_them() {
        let mut d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        while d < end {
            let ours = Ours { a: d, b: Some(d) };
            let theirs = Chronos { a: d, b: Some(d) };
            let json = serde_json::to_string(&ours).unwrap();
            assert_eq!(json, serde_json::to_string(&theirs).unwrap());
            assert_eq!(serde_json::from_str::<Ours>(&json).unwrap(), ours);
            d += chrono::Duration::days(97);
        }
        let none = Ours { a: end, b: None };
        let json = serde_json::to_string(&none).unwrap();
        assert_eq!(json, r#"{"a":"9999-12-31","b":null}"#);
        assert_eq!(serde_json::from_str::<Ours>(&json).unwrap(), none);
    }

    #[test]
    fn anything_but_a_real_date_is_refused() {
        for bad in ["2024-02-30", "2024-2-03", "2024/02/03", "20240-02-03", "2024-02-0x", "", "+2024-02-03", "２０２４-02-03"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(parse("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert!(serde_json::from_str::<Ours>(r#"{"a":"2024-13-01","b":null}"#).is_err());
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Money {
        #[serde(with = "required")]
        due: Decimal,
        #[serde(with = "optional")]
        paid: Option<Decimal>,
    }

    #[test]
    fn amounts_are_text_and_come_back_exactly() {
        let m = Money { due: Decimal::new(1_000_050, 2), paid: Some(Decimal::new(-12_345_678_901_234, 4)) };
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"due":"10000.50","paid":"-1234567890.1234"}"#);
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
        let none: Money = serde_json::from_str(r#"{"due":"0","paid":null}"#).unwrap();
        assert_eq!(none, Money { due: Decimal::ZERO, paid: None });
    }

    #[test]
    fn anything_but_decimal_text_is_refused() {
        for bad in [r#"{"due":"1e5","paid":null}"#, r#"{"due":"12,5","paid":null}"#, r#"{"due":"","paid":null}"#, r#"{"due":10,"paid":null}"#, r#"{"due":"1","paid":"abc"}"#, r#"{"due":"1.2.3","paid":null}"#] {
            assert!(serde_json::from_str::<Money>(bad).is_err(), "{bad}");
        }
    }
}
