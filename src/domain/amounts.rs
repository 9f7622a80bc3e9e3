//! Amounts as records store them: the decimal's own text ("10000.50"), which
//! reads back exactly. Written and read here rather than through
//! rust_decimal's serde support, which also takes floats and scientific
//! notation (never in an archive) and would add their parsers to the
//! download. Reading goes through the same exact parser as the amount fields
//! of the forms, so the download carries one.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};

fn parse<E: serde::de::Error>(s: &str) -> Result<Decimal, E> {
    Decimal::from_str_exact(s).map_err(|_| E::custom(format_args!("not an amount: {s}")))
}

/// `#[serde(with = "amounts::required")]` for a `Decimal`.
pub mod required {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        parse(&String::deserialize(d)?)
    }
}

/// `#[serde(with = "amounts::optional")]` for an `Option<Decimal>`.
pub mod optional {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Option::<String>::deserialize(d)?.map(|s| parse(&s)).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
