//! 交易资料 — what a customer bought and what it has paid: contract, date,
//! cooperation mode, product or service, amount, payment method, due date,
//! payments. From these come the receivables: what each customer owes, what
//! is overdue and by how many days, and what falls due before the month ends
//! (the seeds warn mid-month about what will be overdue at month end).
//!
//! Amounts are in the customer's currency ([`super::Customer::currency`]),
//! like every amount on the record.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::validate::{self, Errors, FieldError};

/// The credit term when a customer has none of its own: the seeds use 30 days.
pub const DEFAULT_TERM_DAYS: u32 = 30;

key_enum! {
    pub enum PaymentMethod {
        Transfer = "transfer",
        Cash = "cash",
        Cheque = "cheque",
        Card = "card",
        Online = "online",
        Acceptance = "acceptance",
        Other = "other",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Transaction {
    pub id: String,
    pub customer_id: String,
    pub rev: u64,
    pub contract_no: String,
    /// When the deal was made (signed, ordered).
    #[serde(with = "super::as_text::required")]
    pub date: NaiveDate,
    /// 合作方式: the agency's own words (annual retainer, per project…).
    pub mode: String,
    /// The product or service sold.
    pub product: String,
    #[serde(with = "super::as_text::required")]
    pub amount: Decimal,
    pub payment_method: PaymentMethod,
    /// When payment is due; without one, the customer's credit term after `date`.
    #[serde(with = "super::as_text::optional")]
    pub due: Option<NaiveDate>,
    /// What has been paid so far, and when the last payment came.
    #[serde(with = "super::as_text::required")]
    pub paid: Decimal,
    #[serde(with = "super::as_text::optional")]
    pub paid_on: Option<NaiveDate>,
    pub notes: String,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub created_at: DateTime<Utc>,
}

impl Default for Transaction {
    fn default() -> Self {
        Transaction {
            id: String::new(),
            customer_id: String::new(),
            rev: 0,
            contract_no: String::new(),
            date: NaiveDate::default(),
            mode: String::new(),
            product: String::new(),
            amount: Decimal::ZERO,
            payment_method: PaymentMethod::Transfer,
            due: None,
            paid: Decimal::ZERO,
            paid_on: None,
            notes: String::new(),
            created_at: DateTime::UNIX_EPOCH,
        }
    }
}

/// The last day of `d`'s month.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).and_then(|first| first.pred_opt()).unwrap_or(d)
}

impl Transaction {
    /// The order transactions are listed in: the latest first.
    pub fn latest_first(a: &Transaction, b: &Transaction) -> std::cmp::Ordering {
        (b.date, b.created_at, &b.id).cmp(&(a.date, a.created_at, &a.id))
    }

    /// A field as text: as the form shows it and as history records it.
    pub fn get(&self, field: TransactionField) -> String {
        use TransactionField as F;
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        match field {
            F::ContractNo => self.contract_no.clone(),
            F::Date => self.date.to_string(),
            F::Mode => self.mode.clone(),
            F::Product => self.product.clone(),
            F::Amount => self.amount.to_string(),
            F::PaymentMethod => self.payment_method.as_str().to_string(),
            F::Due => date(self.due),
            F::Paid if self.paid.is_zero() => String::new(),
            F::Paid => self.paid.to_string(),
            F::PaidOn => date(self.paid_on),
            F::Notes => self.notes.clone(),
        }
    }

    /// What is still to be paid (nothing when paid in full or more).
    pub fn outstanding(&self) -> Decimal {
        (self.amount - self.paid).max(Decimal::ZERO)
    }

    /// When payment is due: the date agreed, or `term_days` after the deal.
    pub fn due_on(&self, term_days: u32) -> NaiveDate {
        self.due.unwrap_or_else(|| self.date + Duration::days(i64::from(term_days)))
    }

    /// Days past due on `today` with something still owed (none when not overdue).
    /// The due day itself is not overdue.
    pub fn days_overdue(&self, today: NaiveDate, term_days: u32) -> Option<i64> {
        let days = (today - self.due_on(term_days)).num_days();
        (days > 0 && self.outstanding() > Decimal::ZERO).then_some(days)
    }

    /// Still owed, not yet overdue, and due by the end of `today`'s month.
    pub fn due_this_month(&self, today: NaiveDate, term_days: u32) -> bool {
        let due = self.due_on(term_days);
        self.outstanding() > Decimal::ZERO && due >= today && due <= month_end(today)
    }
}

/// What one customer owes on `today`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Receivables {
    /// Everything still to be paid.
    pub owed: Decimal,
    /// Of that, what is past its due date.
    pub overdue: Decimal,
    /// The longest any of it has been overdue, in days (0 when none is).
    pub most_days_overdue: i64,
    /// Not overdue yet, but due by the end of the month.
    pub due_this_month: Decimal,
    /// Transactions with something overdue.
    pub overdue_count: usize,
}

impl Receivables {
    pub fn of<'a>(transactions: impl IntoIterator<Item = &'a Transaction>, today: NaiveDate, term_days: u32) -> Self {
        let mut r = Receivables::default();
        for t in transactions {
            let owed = t.outstanding();
            r.owed += owed;
            if let Some(days) = t.days_overdue(today, term_days) {
                r.overdue += owed;
                r.overdue_count += 1;
                r.most_days_overdue = r.most_days_overdue.max(days);
            } else if t.due_this_month(today, term_days) {
                r.due_this_month += owed;
            }
        }
        r
    }
}

/// What the transaction form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TransactionDraft {
    pub contract_no: String,
    pub date: String,
    pub mode: String,
    pub product: String,
    pub amount: String,
    pub payment_method: String,
    pub due: String,
    pub paid: String,
    pub paid_on: String,
    pub notes: String,
}

key_enum! {
    pub enum TransactionField {
        ContractNo = "contract_no",
        Date = "date",
        Mode = "mode",
        Product = "product",
        Amount = "amount",
        PaymentMethod = "payment_method",
        Due = "due",
        Paid = "paid",
        PaidOn = "paid_on",
        Notes = "notes",
    }
}

impl TransactionDraft {
    /// The form filled from a stored transaction.
    pub fn of(t: &Transaction) -> Self {
        use TransactionField as F;
        TransactionDraft {
            contract_no: t.get(F::ContractNo),
            date: t.get(F::Date),
            mode: t.get(F::Mode),
            product: t.get(F::Product),
            amount: t.get(F::Amount),
            payment_method: t.get(F::PaymentMethod),
            due: t.get(F::Due),
            paid: t.get(F::Paid),
            paid_on: t.get(F::PaidOn),
            notes: t.get(F::Notes),
        }
    }

    /// The transaction the form describes, or every field's error. Payments
    /// cannot be dated in the future, nor before the deal; a due date cannot
    /// come before the deal either.
    pub fn parse(&self, base: &Transaction, today: NaiveDate) -> Result<Transaction, Vec<(TransactionField, FieldError)>> {
        use TransactionField as F;
        let mut out = base.clone();
        let mut errors = Errors::new();
        if let Some(s) = errors.take(F::ContractNo, validate::max_len(&self.contract_no, 100)) {
            out.contract_no = s;
        }
        if let Some(d) = errors.take(F::Date, validate::required_date(&self.date, None)) {
            out.date = d;
        }
        if let Some(s) = errors.take(F::Mode, validate::max_len(&self.mode, 200)) {
            out.mode = s;
        }
        if let Some(s) = errors.take(F::Product, validate::required(&self.product, 500)) {
            out.product = s;
        }
        match validate::amount(&self.amount) {
            Ok(Some(a)) => out.amount = a,
            Ok(None) => errors.push(F::Amount, FieldError::Required),
            Err(e) => errors.push(F::Amount, e),
        }
        match PaymentMethod::parse(self.payment_method.trim()) {
            Some(m) => out.payment_method = m,
            None => errors.push(F::PaymentMethod, FieldError::Unknown),
        }
        if let Some(due) = errors.take(F::Due, validate::date(&self.due, None)) {
            out.due = due;
        }
        if let Some(paid) = errors.take(F::Paid, validate::amount(&self.paid)) {
            out.paid = paid.unwrap_or(Decimal::ZERO);
        }
        if let Some(paid_on) = errors.take(F::PaidOn, validate::date(&self.paid_on, Some(today))) {
            out.paid_on = paid_on;
        }
        if let Some(s) = errors.take(F::Notes, validate::max_len(&self.notes, 2000)) {
            out.notes = s;
        }
        if !errors.has(F::Date) {
            if out.due.is_some_and(|d| d < out.date) && !errors.has(F::Due) {
                errors.push(F::Due, FieldError::BeforeDeal);
            }
            if out.paid_on.is_some_and(|d| d < out.date) && !errors.has(F::PaidOn) {
                errors.push(F::PaidOn, FieldError::BeforeDeal);
            }
        }
        if !errors.has(F::Paid) && !errors.has(F::PaidOn) && out.paid > Decimal::ZERO && out.paid_on.is_none() {
            errors.push(F::PaidOn, FieldError::Required);
        }
        errors.finish(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        validate::date(s, None).unwrap().unwrap()
    }

    fn money(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn deal(date: &str, due: Option<&str>, amount: &str, paid: &str) -> Transaction {
        Transaction { date: d(date), due: due.map(d), amount: money(amount), paid: money(paid), ..Transaction::default() }
    }

    #[test]
    fn month_ends_across_lengths_leap_years_and_the_year_end() {
        let cases = [
            ("2026-01-15", "2026-01-31"),
            ("2026-02-01", "2026-02-28"),
            ("2028-02-10", "2028-02-29"),
            ("2100-02-10", "2100-02-28"),
            ("2000-02-29", "2000-02-29"),
            ("2026-04-30", "2026-04-30"),
            ("2026-12-01", "2026-12-31"),
        ];
        for (day, end) in cases {
            assert_eq!(month_end(d(day)), d(end), "{day}");
        }
    }

    #[test]
    fn due_dates_overdue_days_and_month_end_warnings_as_a_table() {
        // (deal date, agreed due date, amount, paid, today, term) ->
        // (due on, days overdue, due by the month's end)
        type Case<'a> = (&'a str, Option<&'a str>, &'a str, &'a str, &'a str, u32, &'a str, Option<i64>, bool);
        let cases: &[Case] = &[
            // 30 days after 31 January is 2 March (28-day February)...
            ("2026-01-31", None, "1000", "0", "2026-03-02", 30, "2026-03-02", None, true),
            ("2026-01-31", None, "1000", "0", "2026-03-03", 30, "2026-03-02", Some(1), false),
            // ...and 1 March in a leap year.
            ("2028-01-31", None, "1000", "0", "2028-03-02", 30, "2028-03-01", Some(1), false),
            // An agreed date overrides the term.
            ("2026-11-01", Some("2026-11-10"), "500", "0", "2026-11-22", 30, "2026-11-10", Some(12), false),
            // Paid in full: never overdue, never due.
            ("2026-09-01", None, "500", "500", "2026-11-22", 30, "2026-10-01", None, false),
            // Overpaid is owed nothing.
            ("2026-09-01", None, "500", "600.50", "2026-11-22", 30, "2026-10-01", None, false),
            // Part paid: the rest is overdue.
            ("2026-09-01", None, "500", "499.99", "2026-11-22", 30, "2026-10-01", Some(52), false),
            // Mid-month: due on the 30th, not overdue yet, but warned.
            ("2026-11-01", Some("2026-11-30"), "800", "0", "2026-11-15", 30, "2026-11-30", None, true),
            // Due next month: not warned this month.
            ("2026-11-01", Some("2026-12-01"), "800", "0", "2026-11-15", 30, "2026-12-01", None, false),
            // Across the year end.
            ("2026-12-15", None, "800", "0", "2027-01-20", 30, "2027-01-14", Some(6), false),
            ("2026-12-15", None, "800", "0", "2026-12-20", 15, "2026-12-30", None, true),
            // A zero term: due the day of the deal, overdue the next.
            ("2026-11-21", None, "1", "0", "2026-11-22", 0, "2026-11-21", Some(1), false),
        ];
        for &(date, due, amount, paid, today, term, due_on, overdue, this_month) in cases {
            let t = deal(date, due, amount, paid);
            let ctx = format!("{date} due {due:?} {amount}/{paid} on {today}, term {term}");
            assert_eq!(t.due_on(term), d(due_on), "{ctx}");
            assert_eq!(t.days_overdue(d(today), term), overdue, "{ctx}");
            assert_eq!(t.due_this_month(d(today), term), this_month, "{ctx}");
        }
    }

    #[test]
    fn receivables_add_up_to_the_cent() {
        let today = d("2026-11-22");
        let all = [
            deal("2026-08-01", None, "10000.10", "0.05", ), // overdue 83 days: 10000.05
            deal("2026-10-01", Some("2026-11-20"), "2500", "1000"), // overdue 2 days: 1500
            deal("2026-11-05", Some("2026-11-30"), "3333.33", "0"), // due this month
            deal("2026-11-20", None, "700", "0"),                   // due 20 December
            deal("2026-06-01", None, "900", "900"),                 // paid
        ];
        let r = Receivables::of(&all, today, 30);
        assert_eq!(r.owed, money("15533.38"));
        assert_eq!(r.overdue, money("11500.05"));
        assert_eq!(r.overdue_count, 2);
        assert_eq!(r.most_days_overdue, 83);
        assert_eq!(r.due_this_month, money("3333.33"));
        assert_eq!(Receivables::of(&[], today, 30), Receivables::default());
    }

    fn draft() -> TransactionDraft {
        TransactionDraft {
            contract_no: "HT-2026-031".into(),
            date: "2026年11月3日".into(),
            mode: "年度代理".into(),
            product: "品牌年度整合传播".into(),
            amount: "12.5万".into(),
            payment_method: "transfer".into(),
            due: "2026/12/3".into(),
            paid: "50,000".into(),
            paid_on: "2026-11-10".into(),
            notes: String::new(),
        }
    }

    #[test]
    fn a_transaction_is_read_from_the_form_and_back() {
        let today = d("2026-11-22");
        let t = draft().parse(&Transaction::default(), today).unwrap();
        assert_eq!((t.date, t.due, t.paid_on), (d("2026-11-03"), Some(d("2026-12-03")), Some(d("2026-11-10"))));
        assert_eq!((t.amount, t.paid), (money("125000"), money("50000")));
        assert_eq!(t.outstanding(), money("75000"));
        assert_eq!(TransactionDraft::of(&t).parse(&Transaction::default(), today).unwrap(), t);
    }

    #[test]
    fn every_bad_field_of_a_transaction_is_named() {
        use TransactionField as F;
        let today = d("2026-11-22");
        let errors = |draft: TransactionDraft| -> Vec<(TransactionField, FieldError)> { draft.parse(&Transaction::default(), today).unwrap_err() };
        assert_eq!(errors(TransactionDraft::default()), vec![
            (F::Date, FieldError::Required),
            (F::Product, FieldError::Required),
            (F::Amount, FieldError::Required),
            (F::PaymentMethod, FieldError::Unknown),
        ]);
        let bad = TransactionDraft { date: "2026-13-01".into(), amount: "-5".into(), paid: "1.234".into(), paid_on: "2026-12-01".into(), ..draft() };
        assert_eq!(errors(bad), vec![(F::Date, FieldError::Date), (F::Amount, FieldError::Negative), (F::Paid, FieldError::Precision), (F::PaidOn, FieldError::FutureDate)]);
        let early = TransactionDraft { due: "2026-11-01".into(), paid_on: "2026-11-02".into(), ..draft() };
        assert_eq!(errors(early), vec![(F::Due, FieldError::BeforeDeal), (F::PaidOn, FieldError::BeforeDeal)]);
        let undated = TransactionDraft { paid_on: String::new(), ..draft() };
        assert_eq!(errors(undated), vec![(F::PaidOn, FieldError::Required)]);
    }
}
