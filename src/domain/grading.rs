//! 等级分类 — grading customers by value: tiers the agency names, rules on
//! measurable figures tried in order, and the key accounts (大客户) that
//! together bring 80% of sales.
//!
//! A rule is a list of conditions joined by *and* and *or*, *and* binding
//! tighter (as people read "A and B or C"): the rule holds when any of its
//! *and*-runs holds whole. The first rule that holds gives the grade; when
//! none does, the grade set for that case (or none).

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::transaction::Transaction;
use super::customer::{CreditRating, CreditWarning};
use super::{sorting, Customer};

key_enum! {
    /// What a condition measures.
    pub enum Metric {
        /// Sales (or fees) in the period: the transactions' amounts.
        Sales = "sales",
        /// Transactions in the period.
        Transactions = "transactions",
        /// Registered capital, from the record.
        Capital = "capital",
        /// Annual revenue, from the record.
        Revenue = "revenue",
        /// Days since the last transaction.
        DaysSinceLast = "days_since_last",
        /// What is overdue today.
        Overdue = "overdue",
    }
}

key_enum! {
    pub enum Op { Lt = "lt", Le = "le", Gt = "gt", Ge = "ge", Eq = "eq", Ne = "ne" }
}

key_enum! {
    /// How a condition joins the one before it.
    pub enum Join { And = "and", Or = "or" }
}

impl Op {
    pub fn holds(self, a: Decimal, b: Decimal) -> bool {
        match self {
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Gt => a > b,
            Op::Ge => a >= b,
            Op::Eq => a == b,
            Op::Ne => a != b,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// How it joins the condition before it (the first one's is not read).
    pub join: Join,
    pub metric: Metric,
    pub op: Op,
    #[serde(with = "super::as_text::required")]
    pub value: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// The tier's id.
    pub grade: String,
    pub conditions: Vec<Condition>,
}

/// A grade the agency uses. The four defaults have their names in each
/// language; a tier the agency adds or renames has the name it was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    pub id: String,
    /// Empty for a default tier not renamed.
    pub name: String,
}

/// The [`super::change::Setting`] the grades and rules are kept in, as JSON.
pub const SETTING: &str = "grading";

/// The ids of the default tiers, highest first.
pub const DEFAULT_TIERS: [&str; 4] = ["strategic", "key", "general", "potential"];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Grading {
    /// Highest first.
    pub tiers: Vec<Tier>,
    /// Tried in order.
    pub rules: Vec<Rule>,
    /// The grade when no rule holds; none leaves the customer ungraded.
    pub otherwise: Option<String>,
    /// The period sales and transactions are counted over, in months back from today.
    pub months: u32,
    /// When a re-grade was last applied.
    #[serde(with = "super::as_text::optional")]
    pub regraded_on: Option<NaiveDate>,
}

impl Default for Grading {
    fn default() -> Self {
        let tier = |id: &str| Tier { id: id.into(), name: String::new() };
        let when = |metric, op, value: i64| Condition { join: Join::And, metric, op, value: Decimal::from(value) };
        Grading {
            tiers: DEFAULT_TIERS.iter().map(|id| tier(id)).collect(),
            rules: vec![
                Rule { grade: "strategic".into(), conditions: vec![when(Metric::Sales, Op::Ge, 1_000_000)] },
                Rule { grade: "key".into(), conditions: vec![when(Metric::Sales, Op::Ge, 200_000)] },
                Rule { grade: "general".into(), conditions: vec![when(Metric::Transactions, Op::Ge, 1)] },
            ],
            otherwise: Some("potential".into()),
            months: 12,
            regraded_on: None,
        }
    }
}

/// The quarter `d` falls in, counted from year 0: one more each quarter.
fn quarter(d: NaiveDate) -> i32 {
    d.year() * 4 + d.month0() as i32 / 3
}

/// Whether to offer a re-grade on `today` (the seeds re-grade quarterly):
/// none has been applied this quarter, and it was not put off today.
pub fn regrade_due(today: NaiveDate, regraded_on: Option<NaiveDate>, put_off: Option<NaiveDate>) -> bool {
    regraded_on.is_none_or(|last| quarter(last) < quarter(today)) && put_off != Some(today)
}

/// What the rules look at, for one customer on one day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub sales: Decimal,
    pub transactions: u32,
    pub capital: Option<Decimal>,
    pub revenue: Option<Decimal>,
    /// None when the customer has never traded.
    pub days_since_last: Option<i64>,
    pub overdue: Decimal,
    /// Everything still to be paid, due or not, as the list's flags count it
    /// (not a figure rules look at).
    pub owed: Decimal,
    /// Days the longest overdue payment is late (none when nothing is).
    pub longest_overdue: Option<i64>,
}

/// The first day of the period that ends on `today` and is `months` long:
/// the same day `months` months back, plus one (the last day of a shorter
/// month where that day does not exist).
pub fn period_start(today: NaiveDate, months: u32) -> NaiveDate {
    let total = today.year() * 12 + today.month0() as i32 - months as i32;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let same = (0..4).find_map(|back| NaiveDate::from_ymd_opt(y, m, today.day() - back)).unwrap_or(today);
    same + Duration::days(1)
}

impl Figures {
    /// The figures of `customer` on `today`, from its transactions.
    pub fn of(customer: &Customer, transactions: &[&Transaction], today: NaiveDate, months: u32) -> Self {
        let from = period_start(today, months);
        let mut f = Figures { capital: customer.registered_capital, revenue: customer.annual_revenue, ..Figures::default() };
        let mut last: Option<NaiveDate> = None;
        // Owed as the list's flags count it: a deal dated ahead is owed too.
        f.owed = transactions.iter().map(|t| t.outstanding()).sum();
        for t in transactions.iter().filter(|t| t.date <= today) {
            if t.date >= from {
                f.sales += t.amount;
                f.transactions += 1;
            }
            last = last.max(Some(t.date));
            if let Some(days) = t.days_overdue(today, customer.term_days()) {
                f.overdue += t.outstanding();
                f.longest_overdue = f.longest_overdue.max(Some(days));
            }
        }
        f.days_since_last = last.map(|d| (today - d).num_days());
        f
    }

    pub fn get(&self, m: Metric) -> Option<Decimal> {
        match m {
            Metric::Sales => Some(self.sales),
            Metric::Transactions => Some(Decimal::from(self.transactions)),
            Metric::Capital => self.capital,
            Metric::Revenue => self.revenue,
            Metric::DaysSinceLast => self.days_since_last.map(Decimal::from),
            Metric::Overdue => Some(self.overdue),
        }
    }
}

impl Condition {
    /// A figure the record does not have satisfies no condition.
    pub fn holds(&self, f: &Figures) -> bool {
        f.get(self.metric).is_some_and(|v| self.op.holds(v, self.value))
    }
}

impl Rule {
    pub fn holds(&self, f: &Figures) -> bool {
        let mut any = false;
        let mut run = true;
        for (k, c) in self.conditions.iter().enumerate() {
            if k > 0 && c.join == Join::Or {
                any |= run;
                run = true;
            }
            run &= c.holds(f);
        }
        !self.conditions.is_empty() && (any || run)
    }
}

/// Which grade the rules give, and by which rule (none: no rule held).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Graded {
    pub grade: Option<String>,
    pub rule: Option<usize>,
}

impl Grading {
    pub fn grade(&self, f: &Figures) -> Graded {
        match self.rules.iter().position(|r| r.holds(f)) {
            Some(at) => Graded { grade: Some(self.rules[at].grade.clone()), rule: Some(at) },
            None => Graded { grade: self.otherwise.clone(), rule: None },
        }
    }

    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.id == id)
    }
}

/// One customer whose grade a re-grade would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub customer_id: String,
    pub from: Option<String>,
    pub to: Option<String>,
    /// The rule that decided it (none: no rule held).
    pub rule: Option<usize>,
    pub figures: Figures,
}

/// What a re-grade would change: every customer whose grade the rules now
/// give differently, in the order given. Customers graded by hand keep
/// their grade and are left out.
pub fn preview<'a>(grading: &Grading, customers: impl IntoIterator<Item = (&'a Customer, Figures)>) -> Vec<Move> {
    customers
        .into_iter()
        .filter(|(c, _)| c.grade_override.is_none())
        .filter_map(|(c, figures)| {
            let Graded { grade, rule } = grading.grade(&figures);
            (grade != c.grade).then(|| Move { customer_id: c.id.clone(), from: c.grade.clone(), to: grade, rule, figures })
        })
        .collect()
}

/// Payments this many days late call for the lowest rating.
pub const LOW_AFTER_DAYS: i64 = 90;

/// A lower credit rating the re-grade suggests for a customer whose credit
/// needs attention (DOMAIN §2: overdue receivables suggest a downgrade).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatingStep {
    pub customer_id: String,
    pub from: Option<CreditRating>,
    pub to: CreditRating,
    pub warning: CreditWarning,
    /// What is overdue.
    pub overdue: Decimal,
    /// Days the longest overdue payment is late.
    pub longest_overdue: Option<i64>,
}

/// The customers, with their figures on `today`, whose credit needs
/// attention, each with the highest rating its credit allows where its own
/// is higher (or it has none): fair for something overdue or owing more than
/// the limit in force, low for a payment more than [`LOW_AFTER_DAYS`] late.
/// A customer already at or below that is left out, so the same debt does
/// not lower a rating again at every re-grade.
pub fn rating_steps<'a>(customers: impl IntoIterator<Item = (&'a Customer, &'a Figures)>, today: NaiveDate) -> Vec<RatingStep> {
    customers
        .into_iter()
        .filter_map(|(c, f)| {
            let warning = c.credit_warning(today, f.owed, !f.overdue.is_zero());
            if !warning.any() {
                return None;
            }
            let allowed = if f.longest_overdue.is_some_and(|d| d > LOW_AFTER_DAYS) { CreditRating::Low } else { CreditRating::Fair };
            if c.credit_rating.is_some_and(|r| !r.above(allowed)) {
                return None;
            }
            Some(RatingStep { customer_id: c.id.clone(), from: c.credit_rating, to: allowed, warning, overdue: f.overdue, longest_overdue: f.longest_overdue })
        })
        .collect()
}

/// Each customer's sales dated within `from..=to`, for [`key_accounts`].
pub fn sales_between(transactions: &[Transaction], from: NaiveDate, to: NaiveDate) -> Vec<(String, Decimal)> {
    let mut by: rustc_hash::FxHashMap<&str, Decimal> = rustc_hash::FxHashMap::default();
    for t in transactions.iter().filter(|t| t.date >= from && t.date <= to) {
        *by.entry(t.customer_id.as_str()).or_default() += t.amount;
    }
    by.into_iter().map(|(id, s)| (id.to_string(), s)).collect()
}

/// 大客户: the fewest customers that together bring `share` (0.8 for the
/// 80/20 rule) of all sales, largest first; between equal sales, the lower
/// id first, so the set is always the same. No sales, no key accounts; a
/// customer with no sales is never one.
pub fn key_accounts(sales: &[(String, Decimal)], share: Decimal) -> Vec<String> {
    let total: Decimal = sales.iter().map(|(_, s)| *s).filter(|s| *s > Decimal::ZERO).sum();
    if total <= Decimal::ZERO {
        return Vec::new();
    }
    let mut ranked: Vec<&(String, Decimal)> = sales.iter().filter(|(_, s)| *s > Decimal::ZERO).collect();
    sorting::sort_by(&mut ranked, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let goal = total * share;
    let mut sum = Decimal::ZERO;
    let mut out = Vec::new();
    for (id, s) in ranked {
        if sum >= goal {
            break;
        }
        sum += *s;
        out.push(id.clone());
    }
    out
}

/// The key accounts of each currency, together: amounts in different
/// currencies are never added up, so each currency's customers are ranked
/// among themselves ([`key_accounts`]). `currency_of` gives a customer's.
pub fn key_accounts_by_currency<'a>(sales: &[(String, Decimal)], currency_of: impl Fn(&str) -> &'a str, share: Decimal) -> Vec<String> {
    let mut groups: Vec<(&str, Vec<(String, Decimal)>)> = Vec::new();
    for (id, s) in sales {
        let currency = currency_of(id);
        match groups.iter_mut().find(|(c, _)| *c == currency) {
            Some((_, list)) => list.push((id.clone(), *s)),
            None => groups.push((currency, vec![(id.clone(), *s)])),
        }
    }
    groups.iter().flat_map(|(_, list)| key_accounts(list, share)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn cond(join: Join, metric: Metric, op: Op, value: &str) -> Condition {
        Condition { join, metric, op, value: dec(value) }
    }

    fn figures(sales: &str, transactions: u32, capital: Option<&str>) -> Figures {
        Figures { sales: dec(sales), transactions, capital: capital.map(dec), ..Figures::default() }
    }

    #[test]
    fn every_operator_at_its_boundary() {
        let cases = [
            (Op::Lt, "99.99", true), (Op::Lt, "100", false), (Op::Lt, "100.01", false),
            (Op::Le, "99.99", true), (Op::Le, "100", true), (Op::Le, "100.01", false),
            (Op::Gt, "99.99", false), (Op::Gt, "100", false), (Op::Gt, "100.01", true),
            (Op::Ge, "99.99", false), (Op::Ge, "100", true), (Op::Ge, "100.01", true),
            (Op::Eq, "99.99", false), (Op::Eq, "100.00", true), (Op::Eq, "100.01", false),
            (Op::Ne, "99.99", true), (Op::Ne, "100", false), (Op::Ne, "100.01", true),
        ];
        for (op, sales, holds) in cases {
            let c = cond(Join::And, Metric::Sales, op, "100");
            assert_eq!(c.holds(&figures(sales, 0, None)), holds, "{sales} {op:?} 100");
        }
    }

    #[test]
    fn every_metric_reads_its_figure_and_a_missing_one_satisfies_nothing() {
        let f = Figures {
            sales: dec("5"),
            transactions: 3,
            capital: None,
            revenue: Some(dec("7")),
            days_since_last: Some(40),
            overdue: dec("2.5"),
            owed: dec("9"),
            longest_overdue: Some(3),
        };
        let read: Vec<Option<Decimal>> = Metric::ALL.iter().map(|m| f.get(*m)).collect();
        assert_eq!(read, vec![Some(dec("5")), Some(dec("3")), None, Some(dec("7")), Some(dec("40")), Some(dec("2.5"))]);
        for op in Op::ALL {
            assert!(!cond(Join::And, Metric::Capital, *op, "0").holds(&f), "{op:?} on no capital");
        }
        let never = Figures { days_since_last: None, ..f };
        assert!(!cond(Join::And, Metric::DaysSinceLast, Op::Gt, "365").holds(&never));
    }

    #[test]
    fn and_binds_tighter_than_or() {
        // A and B or C: holds when A and B both hold, or when C does.
        let (a, b, c) = (
            cond(Join::And, Metric::Sales, Op::Ge, "100"),
            cond(Join::And, Metric::Transactions, Op::Ge, "2"),
            cond(Join::Or, Metric::Capital, Op::Ge, "1000"),
        );
        let rule = Rule { grade: "x".into(), conditions: vec![a, b, c] };
        let cases = [
            (("100", 2, None), true),
            (("100", 1, None), false),
            (("99", 2, None), false),
            (("0", 0, Some("1000")), true),
            (("0", 0, Some("999")), false),
            (("100", 1, Some("5000")), true),
        ];
        for ((sales, n, capital), holds) in cases {
            assert_eq!(rule.holds(&figures(sales, n, capital)), holds, "{sales} {n} {capital:?}");
        }
        // A or B and C: A alone is enough; B needs C.
        let rule = Rule {
            grade: "y".into(),
            conditions: vec![
                cond(Join::And, Metric::Sales, Op::Ge, "100"),
                cond(Join::Or, Metric::Transactions, Op::Ge, "2"),
                cond(Join::And, Metric::Capital, Op::Ge, "1000"),
            ],
        };
        assert!(rule.holds(&figures("100", 0, None)));
        assert!(!rule.holds(&figures("0", 5, None)));
        assert!(rule.holds(&figures("0", 5, Some("1000"))));
        assert!(!Rule { grade: "z".into(), conditions: vec![] }.holds(&figures("1", 1, None)), "an empty rule holds for nobody");
    }

    #[test]
    fn rules_are_tried_in_order_and_otherwise_applies() {
        let g = Grading::default();
        let graded = |sales: &str, n: u32| g.grade(&figures(sales, n, None));
        assert_eq!(graded("1000000", 3), Graded { grade: Some("strategic".into()), rule: Some(0) });
        assert_eq!(graded("999999.99", 3), Graded { grade: Some("key".into()), rule: Some(1) });
        assert_eq!(graded("200000", 1), Graded { grade: Some("key".into()), rule: Some(1) });
        assert_eq!(graded("5", 1), Graded { grade: Some("general".into()), rule: Some(2) });
        assert_eq!(graded("0", 0), Graded { grade: Some("potential".into()), rule: None });
        let ungraded = Grading { otherwise: None, ..Grading::default() };
        assert_eq!(ungraded.grade(&figures("0", 0, None)), Graded { grade: None, rule: None });
    }

    /// The futures broker's four classes (seed 000, 篇3): by yearly fees and funds.
    fn futures() -> Grading {
        use {Join::*, Metric::*, Op::*};
        let tier = |id: &str, name: &str| Tier { id: id.into(), name: name.into() };
        Grading {
            tiers: vec![tier("priority", "重点服务客户"), tier("key", "关键客户"), tier("small", "小散户"), tier("frequent", "炒单客户")],
            rules: vec![
                // 第四类 炒单客户: fees low, funds whatever they are; many trades. Tried
                // first, or the small traders' rule would take them.
                Rule { grade: "frequent".into(), conditions: vec![cond(And, Sales, Lt, "20000"), cond(And, Transactions, Ge, "200")] },
                // 第三类 重点服务客户: fees over 1,000,000 a year and funds over 10,000,000.
                Rule { grade: "priority".into(), conditions: vec![cond(And, Sales, Gt, "1000000"), cond(And, Capital, Gt, "10000000")] },
                // 第二类 关键客户: fees 20,000 to 1,000,000 and funds 100,000 to 10,000,000.
                Rule {
                    grade: "key".into(),
                    conditions: vec![
                        cond(And, Sales, Ge, "20000"),
                        cond(And, Sales, Le, "1000000"),
                        cond(And, Capital, Ge, "100000"),
                        cond(And, Capital, Le, "10000000"),
                    ],
                },
                // 第一类 小散户: fees under 20,000 and funds under 100,000.
                Rule { grade: "small".into(), conditions: vec![cond(And, Sales, Lt, "20000"), cond(And, Capital, Lt, "100000")] },
            ],
            otherwise: None,
            months: 12,
            regraded_on: None,
        }
    }

    #[test]
    fn the_futures_brokers_four_classes_are_expressed_exactly() {
        let g = futures();
        let cases: &[(&str, u32, Option<&str>, Option<&str>)] = &[
            ("19999.99", 10, Some("99999.99"), Some("small")),
            ("19999.99", 199, Some("50000"), Some("small")),
            ("19999.99", 200, Some("50000"), Some("frequent")),
            ("100", 500, None, Some("frequent")),
            ("20000", 10, Some("100000"), Some("key")),
            ("1000000", 10, Some("10000000"), Some("key")),
            // Fees over the key band, funds not over the priority line: neither.
            ("1000000.01", 10, Some("10000000"), None),
            ("1000000.01", 10, Some("10000000.01"), Some("priority")),
            ("5000000", 10, Some("20000000"), Some("priority")),
            // Between the classes (high fees, little capital; or no capital on record): none.
            ("50000", 10, Some("50000"), None),
            ("50000", 10, None, None),
            ("19999.99", 10, None, None),
        ];
        for &(sales, n, capital, grade) in cases {
            let got = g.grade(&figures(sales, n, capital)).grade;
            assert_eq!(got.as_deref(), grade, "fees {sales}, {n} trades, funds {capital:?}");
        }
    }

    #[test]
    fn the_period_counts_back_whole_months_and_figures_come_from_transactions() {
        assert_eq!(period_start(d("2026-11-22"), 12), d("2025-11-23"));
        assert_eq!(period_start(d("2026-03-31"), 1), d("2026-03-01"), "29 February does not exist in 2026: from 1 March");
        assert_eq!(period_start(d("2028-03-31"), 1), d("2028-03-01"), "from the day after 29 February");
        assert_eq!(period_start(d("2027-01-15"), 3), d("2026-10-16"));
        assert_eq!(period_start(d("2029-02-28"), 12), d("2028-02-29"), "leap day");
        let today = d("2026-11-22");
        let deal = |date: &str, amount: &str, paid: &str| Transaction {
            date: d(date),
            amount: dec(amount),
            paid: dec(paid),
            ..Transaction::default()
        };
        let all = [
            deal("2025-11-22", "1000", "1000"),   // a day before the period: out
            deal("2025-11-23", "2000", "2000"),   // its first day: in
            deal("2026-09-01", "3000.50", "0"),   // in; overdue since 1 October
            deal("2026-11-22", "400", "0"),       // today: in, not overdue
            deal("2026-12-01", "99999", "0"),     // not yet: out, and not the last
        ];
        let refs: Vec<&Transaction> = all.iter().collect();
        let c = Customer { registered_capital: Some(dec("500000")), ..Customer::default() };
        let f = Figures::of(&c, &refs, today, 12);
        assert_eq!(f, Figures {
            sales: dec("5400.50"),
            transactions: 3,
            capital: Some(dec("500000")),
            revenue: None,
            days_since_last: Some(0),
            overdue: dec("3000.50"),
            owed: dec("103399.50"),
            longest_overdue: Some(52),
        });
        assert_eq!(Figures::of(&c, &[], today, 12).days_since_last, None);
    }

    #[test]
    fn a_preview_lists_only_the_customers_whose_grade_changes() {
        let g = Grading::default();
        let customer = |id: &str, grade: Option<&str>, manual: bool| Customer {
            id: id.into(),
            grade: grade.map(Into::into),
            grade_override: manual.then(|| "老客户，保持战略级".to_string()),
            ..Customer::default()
        };
        let list = [
            (customer("a", Some("key"), false), figures("1500000", 4, None)),     // key -> strategic
            (customer("b", Some("key"), false), figures("300000", 2, None)),      // stays key
            (customer("c", None, false), figures("0", 0, None)),                  // ungraded -> potential
            (customer("d", Some("strategic"), true), figures("0", 0, None)),      // by hand: kept
            (customer("e", Some("general"), false), figures("0", 0, None)),       // general -> potential
        ];
        let moves = preview(&g, list.iter().map(|(c, f)| (c, f.clone())));
        let summary: Vec<_> = moves.iter().map(|m| (m.customer_id.as_str(), m.from.as_deref(), m.to.as_deref(), m.rule)).collect();
        assert_eq!(summary, vec![
            ("a", Some("key"), Some("strategic"), Some(0)),
            ("c", None, Some("potential"), None),
            ("e", Some("general"), Some("potential"), None),
        ]);
        assert_eq!(moves[0].figures.sales, dec("1500000"), "with the figures that decided it");
    }

    #[test]
    fn a_regrade_is_offered_once_a_quarter_unless_put_off_for_the_day() {
        let cases = [
            ("2026-11-22", None, None, true),
            ("2026-11-22", Some("2026-10-01"), None, false),
            ("2026-12-31", Some("2026-10-01"), None, false),
            ("2027-01-01", Some("2026-12-31"), None, true),
            ("2026-10-01", Some("2026-09-30"), None, true),
            ("2026-07-01", Some("2026-06-30"), None, true),
            ("2026-04-01", Some("2026-03-31"), None, true),
            ("2026-04-01", Some("2025-04-01"), None, true),
            ("2026-04-01", Some("2026-03-31"), Some("2026-04-01"), false),
            ("2026-04-02", Some("2026-03-31"), Some("2026-04-01"), true),
        ];
        for (today, last, put_off, due) in cases {
            assert_eq!(regrade_due(d(today), last.map(d), put_off.map(d)), due, "{today} last {last:?} put off {put_off:?}");
        }
    }

    #[test]
    fn sales_of_a_period_by_customer() {
        let deal = |c: &str, date: &str, amount: i64| Transaction { customer_id: c.into(), date: d(date), amount: Decimal::from(amount), ..Transaction::default() };
        let all = [deal("a", "2026-01-01", 5), deal("a", "2026-06-30", 7), deal("b", "2025-12-31", 100), deal("b", "2026-03-01", 1)];
        let mut got = sales_between(&all, d("2026-01-01"), d("2026-06-30"));
        got.sort();
        assert_eq!(got, vec![("a".to_string(), Decimal::from(12)), ("b".to_string(), Decimal::ONE)]);
        assert_eq!(key_accounts(&got, Decimal::new(8, 1)), ["a"]);
    }

    #[test]
    fn key_accounts_are_ranked_within_each_currency() {
        let sales: Vec<(String, Decimal)> =
            [("cny-big", "900000"), ("cny-small", "100000"), ("usd-a", "60000"), ("usd-b", "40000")].iter().map(|(id, s)| (id.to_string(), dec(s))).collect();
        let currency = |id: &str| if id.starts_with("usd") { "USD" } else { "CNY" };
        let mut got = key_accounts_by_currency(&sales, currency, Decimal::new(8, 1));
        got.sort();
        // Added up as one sum, the USD customers would never be key accounts.
        assert_eq!(key_accounts(&sales, Decimal::new(8, 1)), ["cny-big"]);
        assert_eq!(got, ["cny-big", "usd-a", "usd-b"]);
    }

    #[test]
    fn key_accounts_are_the_fewest_that_bring_eighty_percent() {
        let share = dec("0.8");
        let sales = |list: &[(&str, &str)]| -> Vec<(String, Decimal)> { list.iter().map(|(id, s)| (id.to_string(), dec(s))).collect() };
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            // The classic: two of five bring 80%.
            (&[("a", "50"), ("b", "30"), ("c", "10"), ("d", "6"), ("e", "4")], &["a", "b"]),
            // Just short of 80% needs one more.
            (&[("a", "50"), ("b", "29.99"), ("c", "10"), ("d", "10.01")], &["a", "b", "d"]),
            // Ties: the lower id first, whichever order they come in.
            (&[("z", "25"), ("y", "25"), ("x", "25"), ("w", "25")], &["w", "x", "y", "z"]),
            (&[("b", "40"), ("a", "40"), ("c", "20")], &["a", "b"]),
            // One customer is all of it.
            (&[("solo", "12.5")], &["solo"]),
            // No sales at all: nobody.
            (&[("a", "0"), ("b", "0")], &[]),
            (&[], &[]),
            // Customers with no sales are never key accounts.
            (&[("a", "100"), ("b", "0")], &["a"]),
        ];
        for (list, want) in cases {
            assert_eq!(key_accounts(&sales(list), share), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{list:?}");
        }
    }
}
