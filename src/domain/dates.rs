//! Calendar dates as records store them: "YYYY-MM-DD", written and read here
//! by hand. chrono's own serde support goes through its general date parser,
//! which would add to the download for the one form the app ever writes.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serializer};

/// `d` as YYYY-MM-DD (what chrono writes too, for years 0 to 9999).
pub fn format(d: NaiveDate) -> String {
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.to_string()
    }
}

/// A date written by [`format()`]; anything else is none.
pub fn parse(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let n = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()].iter().all(u8::is_ascii_digit).then(|| s[r].parse().ok()).flatten()
    };
    NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?)
}

fn invalid<E: serde::de::Error>(s: &str) -> E {
    E::custom(format_args!("not a date (YYYY-MM-DD): {s}"))
}

/// `#[serde(with = "dates::required")]` for a `NaiveDate`.
pub mod required {
    use super::*;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).ok_or_else(|| invalid(&s))
    }
}

/// `#[serde(with = "dates::optional")]` for an `Option<NaiveDate>`.
pub mod optional {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&format(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(s) => parse(&s).map(Some).ok_or_else(|| invalid(&s)),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

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
}
