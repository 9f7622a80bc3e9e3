//! 客户构成分析 — the archive's composition: sales by grade, by product or
//! service and by region; customers counted by every classification; sales
//! by month and quarter; the top customers; and the Pareto curve behind the
//! key accounts. Worked out in memory from the list rows and the
//! transactions, in one pass over each.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::grading::key_accounts;
use super::{sorting, CustomerRow, Transaction};

/// `part` of `whole` as a percentage to one decimal (0 of nothing).
pub fn percent(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        (part * Decimal::from(100) / whole).round_dp(1).normalize()
    }
}

/// A classification the customers are counted and sales are split by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum By {
    Grade,
    Industry,
    OrgForm,
    Region,
    CustomerType,
    Kind,
    Status,
}

impl By {
    pub const ALL: [By; 7] = [By::Grade, By::Industry, By::OrgForm, By::Region, By::CustomerType, By::Kind, By::Status];

    /// The row's value: a tier id, a key, or the text; empty when it has none.
    pub fn of(self, r: &CustomerRow) -> &str {
        match self {
            By::Grade => r.grade().unwrap_or_default(),
            By::Industry => r.industry(),
            By::OrgForm => r.org_form(),
            By::Region => r.region(),
            By::CustomerType => r.customer_type(),
            By::Kind => r.kind.as_str(),
            By::Status => r.status.as_str(),
        }
    }
}

/// What the dashboard looks at: transactions dated within `from..=to`, of
/// the customers `rows` holds (the working view, filtered).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Composition {
    pub total: Decimal,
    pub transactions: usize,
    pub customers: usize,
    /// Each split: (value, sales), largest first (ties by value).
    pub sales_by: FxHashMap<By, Vec<(String, Decimal)>>,
    pub sales_by_product: Vec<(String, Decimal)>,
    /// Each split: (value, customers), most first (ties by value).
    pub counts_by: FxHashMap<By, Vec<(String, usize)>>,
    /// (year, month, sales) for every month of the period, none left out.
    pub by_month: Vec<(i32, u32, Decimal)>,
    /// (year, quarter 1 to 4, sales) for every quarter the period touches.
    pub by_quarter: Vec<(i32, u32, Decimal)>,
    /// (customer id, sales), largest first, those with sales only.
    pub by_customer: Vec<(String, Decimal)>,
    /// The fewest customers bringing 80% of the period's sales.
    pub key_accounts: Vec<String>,
}

/// Sum `amount` under each key, then largest first (ties by key).
fn ranked(sums: FxHashMap<&str, Decimal>) -> Vec<(String, Decimal)> {
    let mut out: Vec<(String, Decimal)> = sums.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    sorting::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

impl Composition {
    /// The composition of `rows`: every row counted, and the sales dated
    /// within `from..=to` of those that trade in `currency` (amounts in
    /// different currencies are never added up).
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a CustomerRow>, transactions: &[Transaction], from: NaiveDate, to: NaiveDate, currency: &str) -> Self {
        let rows: FxHashMap<&str, &CustomerRow> = rows.into_iter().map(|r| (r.id(), r)).collect();
        let mut c = Composition { customers: rows.len(), ..Composition::default() };
        let mut counts: FxHashMap<By, FxHashMap<&str, usize>> = FxHashMap::default();
        for r in rows.values() {
            for by in By::ALL {
                *counts.entry(by).or_default().entry(by.of(r)).or_default() += 1;
            }
        }
        for (by, m) in counts {
            let mut v: Vec<(String, usize)> = m.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
            sorting::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            c.counts_by.insert(by, v);
        }
        let month_index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        let (first, last) = (month_index(from), month_index(to));
        let mut months = vec![Decimal::ZERO; (last - first + 1).max(0) as usize];
        let mut by: FxHashMap<By, FxHashMap<&str, Decimal>> = FxHashMap::default();
        let mut products: FxHashMap<&str, Decimal> = FxHashMap::default();
        let mut customers: FxHashMap<&str, Decimal> = FxHashMap::default();
        for t in transactions.iter().filter(|t| t.date >= from && t.date <= to) {
            let Some(r) = rows.get(t.customer_id.as_str()).filter(|r| r.currency() == currency) else { continue };
            c.total += t.amount;
            c.transactions += 1;
            months[(month_index(t.date) - first) as usize] += t.amount;
            for b in [By::Grade, By::Region, By::Industry] {
                *by.entry(b).or_default().entry(b.of(r)).or_default() += t.amount;
            }
            *products.entry(t.product.as_str()).or_default() += t.amount;
            *customers.entry(r.id()).or_default() += t.amount;
        }
        c.sales_by = by.into_iter().map(|(b, m)| (b, ranked(m))).collect();
        c.sales_by_product = ranked(products);
        c.by_customer = ranked(customers);
        c.key_accounts = key_accounts(&c.by_customer, Decimal::new(8, 1));
        for (k, sales) in months.into_iter().enumerate() {
            let m = first + k as i32;
            let (year, month) = (m.div_euclid(12), m.rem_euclid(12) as u32 + 1);
            c.by_month.push((year, month, sales));
            let quarter = (month - 1) / 3 + 1;
            match c.by_quarter.last_mut() {
                Some((y, q, s)) if *y == year && *q == quarter => *s += sales,
                _ => c.by_quarter.push((year, quarter, sales)),
            }
        }
        c
    }

    /// The Pareto curve: each customer's sales, largest first, with the
    /// share of all sales the customers up to it bring (0 to 1).
    pub fn pareto(&self) -> Vec<(String, Decimal, Decimal)> {
        let mut sum = Decimal::ZERO;
        self.by_customer
            .iter()
            .map(|(id, s)| {
                sum += *s;
                let share = if self.total.is_zero() { Decimal::ZERO } else { sum / self.total };
                (id.clone(), *s, share)
            })
            .collect()
    }

    /// A share of the total, as a percentage to one decimal.
    pub fn percent(&self, part: Decimal) -> Decimal {
        percent(part, self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::row::Standing;
    use crate::domain::{RowFields, Status};

    fn d(s: &str) -> NaiveDate {
        crate::domain::validate::date(s, None).unwrap().unwrap()
    }

    fn row(id: &str, grade: &str, region: &str, industry: &str) -> CustomerRow {
        RowFields {
            id: id.into(),
            name: id.into(),
            region: region.into(),
            industry: industry.into(),
            status: Status::Active,
            standing: (!grade.is_empty()).then(|| Standing { grade: Some(grade.into()), ..Standing::default() }),
            ..RowFields::default()
        }
        .into()
    }

    fn sale(customer: &str, date: &str, amount: i64, product: &str) -> Transaction {
        Transaction { customer_id: customer.into(), date: d(date), amount: Decimal::from(amount), product: product.into(), ..Transaction::default() }
    }

    #[test]
    fn sales_counts_trend_and_key_accounts_of_a_period() {
        let rows = [
            row("a", "strategic", "华东", "快消"),
            row("b", "key", "华东", "汽车"),
            row("c", "key", "华北", "快消"),
            row("d", "", "华南", ""),
        ];
        let all = [
            sale("a", "2026-01-15", 500, "品牌策划"),
            sale("a", "2026-02-28", 300, "媒介投放"),
            sale("b", "2026-03-31", 150, "品牌策划"),
            sale("c", "2026-04-01", 50, "活动执行"),
            sale("a", "2025-12-31", 9999, "品牌策划"),   // before the period
            sale("b", "2026-07-01", 9999, "品牌策划"),   // after it
            sale("gone", "2026-02-01", 9999, "品牌策划"), // a customer not shown
        ];
        let c = Composition::of(&rows, &all, d("2026-01-01"), d("2026-06-30"), "CNY");
        assert_eq!((c.total, c.transactions, c.customers), (Decimal::from(1000), 4, 4));
        let sales = |b: By| c.sales_by[&b].iter().map(|(k, v)| (k.as_str(), v.to_string())).collect::<Vec<_>>();
        assert_eq!(sales(By::Grade), [("strategic", "800".to_string()), ("key", "200".to_string())]);
        assert_eq!(sales(By::Region), [("华东", "950".to_string()), ("华北", "50".to_string())]);
        let products: Vec<(&str, i64)> = c.sales_by_product.iter().map(|(k, v)| (k.as_str(), (*v).try_into().unwrap())).collect();
        assert_eq!(products, [("品牌策划", 650), ("媒介投放", 300), ("活动执行", 50)]);
        let counts = |b: By| c.counts_by[&b].iter().map(|(k, n)| (k.as_str(), *n)).collect::<Vec<_>>();
        assert_eq!(counts(By::Grade), [("key", 2), ("", 1), ("strategic", 1)]);
        assert_eq!(counts(By::Industry), [("快消", 2), ("", 1), ("汽车", 1)]);
        assert_eq!(counts(By::Status), [("active", 4)]);
        let months: Vec<(i32, u32, i64)> = c.by_month.iter().map(|(y, m, s)| (*y, *m, (*s).try_into().unwrap())).collect();
        assert_eq!(months, [(2026, 1, 500), (2026, 2, 300), (2026, 3, 150), (2026, 4, 50), (2026, 5, 0), (2026, 6, 0)]);
        let quarters: Vec<(i32, u32, i64)> = c.by_quarter.iter().map(|(y, q, s)| (*y, *q, (*s).try_into().unwrap())).collect();
        assert_eq!(quarters, [(2026, 1, 950), (2026, 2, 50)]);
        assert_eq!(c.key_accounts, ["a"], "800 of 1000 is 80%");
        let curve: Vec<(String, String)> = c.pareto().into_iter().map(|(id, _, share)| (id, share.round_dp(2).to_string())).collect();
        assert_eq!(curve, [("a".to_string(), "0.80".to_string()), ("b".into(), "0.95".into()), ("c".into(), "1".into())]);
        assert_eq!(c.percent(Decimal::from(150)), Decimal::new(150, 1));
    }

    #[test]
    fn sales_in_another_currency_are_left_out_and_its_customers_still_counted() {
        let usd = CustomerRow::from(RowFields {
            id: "u".into(),
            name: "u".into(),
            region: "海外".into(),
            standing: Some(Standing { currency: "USD".into(), ..Standing::default() }),
            ..RowFields::default()
        });
        let rows = [row("a", "", "华东", ""), usd];
        let all = [sale("a", "2026-01-15", 100, "x"), sale("u", "2026-01-16", 70, "x")];
        let cny = Composition::of(&rows, &all, d("2026-01-01"), d("2026-01-31"), "CNY");
        assert_eq!((cny.total, cny.transactions, cny.customers), (Decimal::from(100), 1, 2));
        assert_eq!(cny.key_accounts, ["a"]);
        assert_eq!(cny.counts_by[&By::Region].len(), 2, "both customers counted by region");
        let usd = Composition::of(&rows, &all, d("2026-01-01"), d("2026-01-31"), "USD");
        assert_eq!((usd.total, usd.key_accounts.clone()), (Decimal::from(70), vec!["u".to_string()]));
    }

    #[test]
    fn a_period_across_the_year_end_and_an_empty_one() {
        let rows = [row("a", "", "", "")];
        let all = [sale("a", "2025-12-31", 10, "x"), sale("a", "2026-01-01", 20, "x")];
        let c = Composition::of(&rows, &all, d("2025-11-15"), d("2026-02-10"), "CNY");
        let quarters: Vec<(i32, u32, i64)> = c.by_quarter.iter().map(|(y, q, s)| (*y, *q, (*s).try_into().unwrap())).collect();
        assert_eq!(quarters, [(2025, 4, 10), (2026, 1, 20)]);
        assert_eq!(c.by_month.len(), 4);
        let none = Composition::of(&rows, &[], d("2026-01-01"), d("2026-12-31"), "CNY");
        assert_eq!((none.total, none.key_accounts.len(), none.percent(Decimal::ONE)), (Decimal::ZERO, 0, Decimal::ZERO));
        assert!(none.pareto().is_empty());
        assert_eq!(none.by_month.iter().map(|m| m.2).sum::<Decimal>(), Decimal::ZERO);
    }
}
