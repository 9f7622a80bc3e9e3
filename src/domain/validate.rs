//! Checks for what users type. Each returns the cleaned value or a
//! [`FieldError`] that the UI shows beside the field in the user's language.
//! Full-width characters (typed with a Chinese input method) are accepted.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use thiserror::Error;

use super::search::fold_width;

/// Why a value was refused.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq)]
pub enum FieldError {
    /// Nothing was entered where a value is needed.
    #[error("required")]
    Required,
    /// Longer than the field allows.
    #[error("too long (at most {0} characters)")]
    TooLong(usize),
    /// Not a phone number.
    #[error("not a phone number")]
    Phone,
    /// Not an e-mail address.
    #[error("not an e-mail address")]
    Email,
    /// Not a postcode.
    #[error("not a postcode")]
    Postcode,
    /// Not a date.
    #[error("not a date (use YYYY-MM-DD)")]
    Date,
    /// A date that cannot lie in the future.
    #[error("lies in the future")]
    FutureDate,
    /// Not an amount.
    #[error("not an amount")]
    Amount,
    /// An amount below zero.
    #[error("cannot be negative")]
    Negative,
    /// More than two decimal places.
    #[error("at most two decimal places")]
    Precision,
    /// Not a whole number.
    #[error("not a whole number")]
    Count,
    /// Not a web address.
    #[error("not a web address")]
    Url,
    /// Not a known currency code.
    #[error("not a currency code")]
    Currency,
    /// A value outside the allowed list.
    #[error("unknown value")]
    Unknown,
    /// Lost customers need the date and the reason of the loss.
    #[error("required for a lost customer")]
    RequiredWhenLost,
    /// The second responsible person is the owner again.
    #[error("must differ from the owner")]
    SameAsOwner,
    /// A transaction's due or payment date before the deal itself.
    #[error("before the transaction date")]
    BeforeDeal,
    /// Not a rating from 1 to 5.
    #[error("a rating from 1 to 5")]
    Rating,
    /// A date promised before the visit it was promised at.
    #[error("before the visit")]
    BeforeVisit,
}

/// Gathers each field's error while a form is read, so that every bad field
/// is reported at once.
pub struct Errors<F>(Vec<(F, FieldError)>);

impl<F> Errors<F> {
    pub fn new() -> Self {
        Errors(Vec::new())
    }

    /// The checked value, or `None` with the error noted against `field`.
    pub fn take<T>(&mut self, field: F, checked: Result<T, FieldError>) -> Option<T> {
        checked.map_err(|e| self.0.push((field, e))).ok()
    }

    pub fn push(&mut self, field: F, e: FieldError) {
        self.0.push((field, e));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `field` was refused already.
    pub fn has(&self, field: F) -> bool
    where
        F: PartialEq,
    {
        self.0.iter().any(|(f, _)| *f == field)
    }

    /// `value` when nothing was refused, else every error.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<(F, FieldError)>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

impl<F> Default for Errors<F> {
    fn default() -> Self {
        Self::new()
    }
}

pub fn required(raw: &str, max: usize) -> Result<String, FieldError> {
    let v = max_len(raw, max)?;
    if v.is_empty() {
        Err(FieldError::Required)
    } else {
        Ok(v)
    }
}

pub fn max_len(raw: &str, max: usize) -> Result<String, FieldError> {
    let v = raw.trim();
    if v.chars().count() > max {
        Err(FieldError::TooLong(max))
    } else {
        Ok(v.to_string())
    }
}

/// Phone or fax: digits with the usual separators, an optional leading `+`
/// and an optional extension (`ext`, `x`, `#`, `转`/`轉`, `分机`/`分機`). Between 5 and 20 digits.
pub fn phone(raw: &str) -> Result<String, FieldError> {
    let v = fold_width(raw.trim());
    if v.is_empty() {
        return Ok(v);
    }
    let lower = v.to_ascii_lowercase();
    let (main, ext) = match ["ext.", "ext", "分机", "分機", "转", "轉", "x", "#"].iter().find_map(|sep| lower.split_once(sep)) {
        Some((m, e)) => (m.to_string(), Some(e.trim().to_string())),
        None => (lower.clone(), None),
    };
    let main_ok = main
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -()/.".contains(c) || (c == '+' && i == 0));
    let ext_ok = ext.as_deref().is_none_or(|e| !e.is_empty() && e.len() <= 6 && e.chars().all(|c| c.is_ascii_digit()));
    let digits = main.chars().filter(char::is_ascii_digit).count();
    if main_ok && ext_ok && (5..=20).contains(&digits) {
        Ok(v)
    } else {
        Err(FieldError::Phone)
    }
}

pub fn email(raw: &str) -> Result<String, FieldError> {
    let v = fold_width(raw.trim());
    if v.is_empty() {
        return Ok(v);
    }
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
                && !v.chars().any(|c| c.is_whitespace() || c == ',' || c == ';' || c == '<' || c == '>')
                && v.len() <= 254
        }
        None => false,
    };
    if ok {
        Ok(v)
    } else {
        Err(FieldError::Email)
    }
}

/// A mainland postcode is six digits, a Taiwanese one 3, 5 or 6; a foreign
/// one 3 to 10 letters and digits.
pub fn postcode(raw: &str) -> Result<String, FieldError> {
    let v = fold_width(raw.trim()).to_ascii_uppercase();
    if v.is_empty() {
        return Ok(v);
    }
    let ok = if v.chars().all(|c| c.is_ascii_digit()) {
        (3..=6).contains(&v.len())
    } else {
        (3..=10).contains(&v.len())
            && v.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
            && v.chars().any(|c| c.is_ascii_digit())
    };
    if ok {
        Ok(v)
    } else {
        Err(FieldError::Postcode)
    }
}

/// A date as YYYY-MM-DD, YYYY/M/D, YYYY.M.D or 2024年3月5日; empty is none.
pub fn date(raw: &str, not_after: Option<NaiveDate>) -> Result<Option<NaiveDate>, FieldError> {
    let v = fold_width(raw.trim());
    if v.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = v.split(['-', '/', '.', '年', '月', '日']).filter(|p| !p.is_empty()).collect();
    let d = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            let n = |s: &str| s.trim().parse::<u32>().ok();
            match (n(y), n(m), n(d)) {
                (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
                _ => None,
            }
        }
        _ => None,
    }
    .ok_or(FieldError::Date)?;
    match not_after {
        Some(limit) if d > limit => Err(FieldError::FutureDate),
        _ => Ok(Some(d)),
    }
}

/// A date that has to be given ([`date`]).
pub fn required_date(raw: &str, not_after: Option<NaiveDate>) -> Result<NaiveDate, FieldError> {
    date(raw, not_after)?.ok_or(FieldError::Required)
}

/// A non-negative amount with at most two decimals. Accepts thousands
/// separators, a currency sign, and the Chinese 万 (10,000) and 亿 (10^8).
pub fn amount(raw: &str) -> Result<Option<Decimal>, FieldError> {
    let v = fold_width(raw.trim());
    if v.is_empty() {
        return Ok(None);
    }
    let mut s: String = v.chars().filter(|c| !matches!(c, ',' | ' ' | '¥' | '￥' | '$' | '元')).collect();
    let mut scale = Decimal::ONE;
    if let Some(rest) = s.strip_suffix('万').or_else(|| s.strip_suffix('萬')) {
        scale = Decimal::from(10_000);
        s = rest.to_string();
    } else if let Some(rest) = s.strip_suffix('亿').or_else(|| s.strip_suffix('億')) {
        scale = Decimal::from(100_000_000);
        s = rest.to_string();
    }
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') {
        return Err(FieldError::Amount);
    }
    let d = Decimal::from_str_exact(&s).map_err(|_| FieldError::Amount)?;
    let d = d.checked_mul(scale).ok_or(FieldError::Amount)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(FieldError::Negative);
    }
    if d.normalize().scale() > 2 {
        return Err(FieldError::Precision);
    }
    Ok(Some(d.normalize()))
}

pub fn count(raw: &str) -> Result<Option<u32>, FieldError> {
    let v = fold_width(raw.trim()).replace(',', "");
    if v.is_empty() {
        return Ok(None);
    }
    v.parse::<u32>().map(Some).map_err(|_| FieldError::Count)
}

pub fn url(raw: &str) -> Result<String, FieldError> {
    let v = fold_width(raw.trim());
    if v.is_empty() {
        return Ok(v);
    }
    let host = v.strip_prefix("https://").or_else(|| v.strip_prefix("http://")).unwrap_or(&v);
    let host = host.split('/').next().unwrap_or_default();
    let ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !v.chars().any(char::is_whitespace)
        && host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == ':');
    if ok {
        Ok(v)
    } else {
        Err(FieldError::Url)
    }
}

pub fn currency(raw: &str) -> Result<String, FieldError> {
    let v = fold_width(raw.trim()).to_ascii_uppercase();
    if v.is_empty() {
        return Ok(super::customer::DEFAULT_CURRENCY.to_string());
    }
    if v.len() == 3 && v.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(v)
    } else {
        Err(FieldError::Currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        let ok = [
            "13812345678",
            "138 1234 5678",
            "010-12345678",
            "+86 21 6123 4567",
            "(0755) 8888-9999",
            "0755-88889999 转 123",
            "02-2345-6789 轉 12",
            "02-2345-6789 分機 12",
            "０２１－６１２３４５６７",
            "",
        ];
        for p in ok {
            assert!(phone(p).is_ok(), "{p} should be a phone");
        }
        let bad = ["1234", "abc-defg", "138-1234-5678-1234-5678-99", "12+345678", "0755 转", "phone: 123456"];
        for p in bad {
            assert_eq!(phone(p), Err(FieldError::Phone), "{p} should be refused");
        }
        assert_eq!(phone("０２１－６１２３４５６７").unwrap(), "021-61234567");
    }

    #[test]
    fn emails() {
        for e in ["a@b.cn", "li.wei+crm@example.com.cn", "ＡＢ＠ｅｘ.ｃｏｍ"] {
            assert!(email(e).is_ok(), "{e}");
        }
        for e in ["a@b", "@b.cn", "a b@c.cn", "a@@b.cn", "a@b..cn", "a@.b.cn", "a@b.cn,c@d.cn"] {
            assert_eq!(email(e), Err(FieldError::Email), "{e}");
        }
    }

    #[test]
    fn postcodes() {
        for p in ["100000", "518057", "SW1A 1AA", "10115", "M5V-3L9", "１０００００", "100", "10058"] {
            assert!(postcode(p).is_ok(), "{p}");
        }
        for p in ["12", "1234567", "ABC", "北京100"] {
            assert_eq!(postcode(p), Err(FieldError::Postcode), "{p}");
        }
    }

    #[test]
    fn dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let d = |y, m, dd| Some(NaiveDate::from_ymd_opt(y, m, dd).unwrap());
        assert_eq!(date("2024-03-05", None), Ok(d(2024, 3, 5)));
        assert_eq!(date("2024/3/5", None), Ok(d(2024, 3, 5)));
        assert_eq!(date("2024年3月5日", None), Ok(d(2024, 3, 5)));
        assert_eq!(date("2024-02-29", None), Ok(d(2024, 2, 29)));
        assert_eq!(date("", None), Ok(None));
        assert_eq!(date("2023-02-29", None), Err(FieldError::Date));
        assert_eq!(date("5/3/2024", None), Err(FieldError::Date));
        assert_eq!(date("yesterday", None), Err(FieldError::Date));
        assert_eq!(date("2026-11-23", Some(today)), Err(FieldError::FutureDate));
        assert_eq!(date("2026-11-22", Some(today)), Ok(Some(today)));
    }

    #[test]
    fn amounts() {
        let dec = |s: &str| Some(s.parse::<Decimal>().unwrap());
        assert_eq!(amount("1,234.50"), Ok(dec("1234.5")));
        assert_eq!(amount("¥500"), Ok(dec("500")));
        assert_eq!(amount("120万"), Ok(dec("1200000")));
        assert_eq!(amount("1.5亿"), Ok(dec("150000000")));
        assert_eq!(amount("120萬"), Ok(dec("1200000")));
        assert_eq!(amount("2億"), Ok(dec("200000000")));
        assert_eq!(amount("１２３"), Ok(dec("123")));
        assert_eq!(amount(""), Ok(None));
        assert_eq!(amount("-5"), Err(FieldError::Negative));
        assert_eq!(amount("1.234"), Err(FieldError::Precision));
        assert_eq!(amount("12abc"), Err(FieldError::Amount));
        assert_eq!(amount("1e5"), Err(FieldError::Amount));
    }

    #[test]
    fn counts_urls_currencies_lengths() {
        assert_eq!(count("1,200"), Ok(Some(1200)));
        assert_eq!(count("-1"), Err(FieldError::Count));
        assert_eq!(count("3.5"), Err(FieldError::Count));
        assert!(url("www.example.cn").is_ok());
        assert!(url("https://example.com/about").is_ok());
        assert_eq!(url("not a site"), Err(FieldError::Url));
        assert_eq!(url("http://localhost"), Err(FieldError::Url));
        assert_eq!(currency("usd"), Ok("USD".into()));
        assert_eq!(currency(""), Ok("CNY".into()));
        assert_eq!(currency("RMB1"), Err(FieldError::Currency));
        assert_eq!(required(" ", 5), Err(FieldError::Required));
        assert_eq!(max_len("广告广告广告", 5), Err(FieldError::TooLong(5)));
        assert_eq!(max_len("广告广告广", 5), Ok("广告广告广".into()));
    }
}
