//! 客户回访 — follow-up visits and calls, the plan that says when each
//! customer is due one, and the due list each member of staff works from:
//! calls and visits due, answers promised, contacts' birthdays and the
//! festivals of the agency's calendar.
//!
//! The plan is per grade and season: in the busy season a call every week
//! and a visit every two weeks, in the quiet season a call every two weeks
//! and a visit a month, for the top grades (the seed's 第三条); the agency
//! sets the months of its busy season and each grade's cadence. Key
//! accounts, new customers (their first 90 days) and customers who
//! complained in the last 30 days come first (第四条).

use chrono::{Datelike, Duration, NaiveDate, Utc};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::sorting;

/// The plan is one Setting.
pub const SETTING: &str = "visit_plan";

/// A customer this new is among the first to visit.
pub const NEW_DAYS: i64 = 90;
/// A customer who complained this recently is among the first to visit.
pub const COMPLAINED_DAYS: i64 = 30;
/// The longest interval a plan can set, in days.
pub const MAX_INTERVAL: u32 = 366;

key_enum! {
    pub enum Mode { Call = "call", Visit = "visit" }
}

key_enum! {
    /// What a visit asked about (the seed's 第五条).
    pub enum Topic {
        ProductQuality = "product_quality",
        ServiceQuality = "service_quality",
        ComplaintHandling = "complaint_handling",
        NewNeeds = "new_needs",
    }
}

/// A question the customer asked that could not be answered at once, and
/// the day they were promised an answer by (件件有落实,事事有回音).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promise {
    pub question: String,
    #[serde(with = "super::as_text::required")]
    pub answer_by: NaiveDate,
    /// When it was answered; none while it is still owed.
    #[serde(default, with = "super::as_text::optional")]
    pub answered_on: Option<NaiveDate>,
}

/// One follow-up call or visit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visit {
    pub id: String,
    pub customer_id: String,
    pub rev: u64,
    #[serde(with = "super::as_text::required")]
    pub date: NaiveDate,
    pub mode: Mode,
    /// Staff id of who made it.
    pub staff: Option<String>,
    pub topics: Vec<Topic>,
    pub feedback: String,
    /// 1 (very dissatisfied) to 5 (very satisfied), when asked.
    pub satisfaction: Option<u8>,
    pub promises: Vec<Promise>,
    /// The complaint whose follow-up this visit was.
    pub complaint_id: Option<String>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub created_at: chrono::DateTime<Utc>,
}

impl Default for Visit {
    fn default() -> Self {
        Visit {
            id: String::new(),
            customer_id: String::new(),
            rev: 0,
            date: NaiveDate::default(),
            mode: Mode::Call,
            staff: None,
            topics: Vec::new(),
            feedback: String::new(),
            satisfaction: None,
            promises: Vec::new(),
            complaint_id: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
        }
    }
}

/// How often a customer is called and visited in one season, in days; none is never.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cadence {
    pub call_days: Option<u32>,
    pub visit_days: Option<u32>,
}

impl Cadence {
    const fn every(call: u32, visit: u32) -> Cadence {
        Cadence { call_days: Some(call), visit_days: Some(visit) }
    }

    fn days(self, mode: Mode) -> Option<u32> {
        match mode {
            Mode::Call => self.call_days,
            Mode::Visit => self.visit_days,
        }
    }
}

/// One grade's cadence in the busy and the quiet season.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradePlan {
    /// The grade's id; empty for customers with no grade.
    pub grade: String,
    pub busy: Cadence,
    pub quiet: Cadence,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitPlan {
    /// The months of the busy season, 1 to 12.
    pub busy_months: Vec<u32>,
    pub grades: Vec<GradePlan>,
}

impl Default for VisitPlan {
    /// The seed's cadence for the two top grades, half as often for the
    /// general grade, calls only for the potential one, none for customers
    /// without a grade. Spring and autumn are an agency's busy seasons.
    fn default() -> Self {
        let plan = |grade: &str, busy: Cadence, quiet: Cadence| GradePlan { grade: grade.into(), busy, quiet };
        let calls = |days| Cadence { call_days: Some(days), visit_days: None };
        VisitPlan {
            busy_months: vec![3, 4, 5, 9, 10, 11],
            grades: vec![
                plan("strategic", Cadence::every(7, 14), Cadence::every(14, 30)),
                plan("key", Cadence::every(7, 14), Cadence::every(14, 30)),
                plan("general", Cadence::every(14, 30), Cadence::every(30, 60)),
                plan("potential", calls(30), calls(60)),
            ],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("an interval from 1 to {MAX_INTERVAL} days")]
    Interval,
    #[error("a month from 1 to 12")]
    Month,
}

impl VisitPlan {
    pub fn is_busy(&self, date: NaiveDate) -> bool {
        self.busy_months.contains(&date.month())
    }

    /// A grade's cadence on `date`; none where the grade has no plan.
    pub fn cadence(&self, grade: Option<&str>, date: NaiveDate) -> Option<Cadence> {
        let g = self.grades.iter().find(|p| p.grade == grade.unwrap_or(""))?;
        Some(if self.is_busy(date) { g.busy } else { g.quiet })
    }

    /// Check a plan as edited: intervals of 1 to [`MAX_INTERVAL`] days, months 1 to 12.
    pub fn check(&self) -> Result<(), PlanError> {
        if self.busy_months.iter().any(|m| !(1..=12).contains(m)) {
            return Err(PlanError::Month);
        }
        let ok = |d: Option<u32>| d.is_none_or(|d| (1..=MAX_INTERVAL).contains(&d));
        for g in &self.grades {
            for c in [g.busy, g.quiet] {
                if !ok(c.call_days) || !ok(c.visit_days) {
                    return Err(PlanError::Interval);
                }
            }
        }
        Ok(())
    }
}

/// What the due list needs of one customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned<'a> {
    pub id: &'a str,
    pub grade: Option<&'a str>,
    /// When the customer became one: the plan's first call counts from here.
    pub since: NaiveDate,
    pub key_account: bool,
}

/// When a customer was last called (or visited: a visit is a call too) and visited.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LastContact {
    pub any: Option<NaiveDate>,
    pub visit: Option<NaiveDate>,
}

impl LastContact {
    pub fn record(&mut self, date: NaiveDate, mode: Mode) {
        self.any = self.any.max(Some(date));
        if mode == Mode::Visit {
            self.visit = self.visit.max(Some(date));
        }
    }
}

/// The last contacts of every customer, from visits (and any other record
/// of a call or visit, such as the communication log).
pub fn last_contacts<'a>(contacts: impl IntoIterator<Item = (&'a str, NaiveDate, Mode)>) -> FxHashMap<&'a str, LastContact> {
    let mut out: FxHashMap<&str, LastContact> = FxHashMap::default();
    for (id, date, mode) in contacts {
        out.entry(id).or_default().record(date, mode);
    }
    out
}

/// Why a customer comes first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Priority {
    pub key_account: bool,
    pub new: bool,
    pub complained: bool,
}

impl Priority {
    pub fn any(self) -> bool {
        self.key_account || self.new || self.complained
    }
}

/// Something on the due list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Due {
    /// A call or visit the plan asks for.
    Contact(Mode),
    /// An answer promised at a visit: the visit and the question.
    Answer { visit_id: String, question: String },
    /// A contact's birthday.
    Birthday { contact: String },
    /// A festival of the calendar: greet the customers.
    Festival { name: String },
}

/// Where an item falls, as of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    Overdue,
    Today,
    ThisWeek,
}

impl When {
    /// Overdue, today, or later this week (to Sunday); none after that.
    pub fn of(date: NaiveDate, today: NaiveDate) -> Option<When> {
        let sunday = today + Duration::days(7 - today.weekday().number_from_monday() as i64);
        match date {
            d if d < today => Some(When::Overdue),
            d if d == today => Some(When::Today),
            d if d <= sunday => Some(When::ThisWeek),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    /// The customer; empty for a festival.
    pub customer_id: String,
    pub due: Due,
    pub on: NaiveDate,
    pub when: When,
    pub priority: Priority,
}

/// The calls and visits the plan has due by the end of the week, for the
/// customers given (one member of staff's, say). A visit due no later than
/// the call stands for both. `complained` holds the customers with a
/// complaint received in the last [`COMPLAINED_DAYS`].
pub fn due_contacts(
    customers: &[Planned<'_>],
    last: &FxHashMap<&str, LastContact>,
    complained: &rustc_hash::FxHashSet<&str>,
    plan: &VisitPlan,
    today: NaiveDate,
) -> Vec<DueItem> {
    let mut out = Vec::new();
    for c in customers {
        let Some(cadence) = plan.cadence(c.grade, today) else { continue };
        let contact = last.get(c.id).copied().unwrap_or_default();
        let due = |mode: Mode, since: Option<NaiveDate>| cadence.days(mode).map(|d| since.unwrap_or(c.since) + Duration::days(d as i64));
        let call = due(Mode::Call, contact.any);
        let visit = due(Mode::Visit, contact.visit);
        let (mode, on) = match (call, visit) {
            (_, Some(v)) if call.is_none_or(|c| v <= c) => (Mode::Visit, v),
            (Some(c), _) => (Mode::Call, c),
            (None, None) => continue,
            (None, Some(v)) => (Mode::Visit, v),
        };
        let Some(when) = When::of(on, today) else { continue };
        let priority = Priority {
            key_account: c.key_account,
            new: today - c.since < Duration::days(NEW_DAYS),
            complained: complained.contains(c.id),
        };
        out.push(DueItem { customer_id: c.id.to_string(), due: Due::Contact(mode), on, when, priority });
    }
    out
}

/// The answers promised at visits and not yet given, due by the end of the week.
pub fn due_answers<'a>(visits: impl IntoIterator<Item = &'a Visit>, today: NaiveDate) -> Vec<DueItem> {
    let mut out = Vec::new();
    for v in visits {
        for p in v.promises.iter().filter(|p| p.answered_on.is_none()) {
            if let Some(when) = When::of(p.answer_by, today) {
                let due = Due::Answer { visit_id: v.id.clone(), question: p.question.clone() };
                out.push(DueItem { customer_id: v.customer_id.clone(), due, on: p.answer_by, when, priority: Priority::default() });
            }
        }
    }
    out
}

/// The birthday of someone born on `born` in `year` (the 28th of February
/// for the 29th in other years).
pub fn birthday_in(born: NaiveDate, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, born.month(), born.day()).unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 2, 28).expect("a date"))
}

/// Care dates from today to the end of the week: contacts' birthdays (the
/// customer, the contact's name, the birthday) and the calendar's festivals.
pub fn care_dates<'a>(
    birthdays: impl IntoIterator<Item = (&'a str, &'a str, NaiveDate)>,
    festivals: &[(NaiveDate, &str)],
    today: NaiveDate,
) -> Vec<DueItem> {
    let mut out = Vec::new();
    let upcoming = |d: NaiveDate| matches!(When::of(d, today), Some(When::Today | When::ThisWeek));
    for (customer, contact, born) in birthdays {
        // This year's, or next year's when the week runs into January.
        let on = [birthday_in(born, today.year()), birthday_in(born, today.year() + 1)].into_iter().find(|&d| upcoming(d));
        if let Some(on) = on {
            let when = When::of(on, today).expect("upcoming");
            out.push(DueItem { customer_id: customer.to_string(), due: Due::Birthday { contact: contact.to_string() }, on, when, priority: Priority::default() });
        }
    }
    for &(on, name) in festivals.iter().filter(|(d, _)| upcoming(*d)) {
        let when = When::of(on, today).expect("upcoming");
        out.push(DueItem { customer_id: String::new(), due: Due::Festival { name: name.to_string() }, on, when, priority: Priority::default() });
    }
    out
}

/// The due list in the order it is worked: overdue, today, this week; within
/// each, customers who come first, then by date.
pub fn order(items: &mut [DueItem]) {
    sorting::sort_by(items, |a, b| (a.when, !a.priority.any(), a.on, &a.customer_id).cmp(&(b.when, !b.priority.any(), b.on, &b.customer_id)));
}

/// Everyone's satisfaction by month: [`satisfaction_by_month`] under one key.
pub fn satisfaction_months(ratings: impl IntoIterator<Item = (NaiveDate, u8)>) -> Vec<(NaiveDate, f64, u32)> {
    satisfaction_by_month(ratings.into_iter().map(|(d, n)| ((), d, n))).into_iter().next().map(|(_, m)| m).unwrap_or_default()
}

/// Average satisfaction by month (first day of the month) for each key:
/// a customer, a member of staff or a grade. Months without a rating are left out.
pub fn satisfaction_by_month<K: Eq + std::hash::Hash + Clone + Ord>(ratings: impl IntoIterator<Item = (K, NaiveDate, u8)>) -> Vec<(K, Vec<(NaiveDate, f64, u32)>)> {
    let mut sums: FxHashMap<(K, NaiveDate), (u32, u32)> = FxHashMap::default();
    for (key, date, s) in ratings {
        let month = date.with_day(1).expect("the first of a month");
        let e = sums.entry((key, month)).or_default();
        e.0 += s as u32;
        e.1 += 1;
    }
    let mut by_key: FxHashMap<K, Vec<(NaiveDate, f64, u32)>> = FxHashMap::default();
    for ((key, month), (sum, n)) in sums {
        by_key.entry(key).or_default().push((month, sum as f64 / n as f64, n));
    }
    let mut out: Vec<(K, Vec<(NaiveDate, f64, u32)>)> = by_key.into_iter().collect();
    for (_, months) in &mut out {
        sorting::sort_by(months, |a, b| a.0.cmp(&b.0));
    }
    sorting::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashSet;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn customer<'a>(id: &'a str, grade: Option<&'a str>, since: &str) -> Planned<'a> {
        Planned { id, grade, since: d(since), key_account: false }
    }

    #[test]
    fn the_cadence_follows_grade_and_season() {
        let plan = VisitPlan::default();
        // October is busy: the key grade is called weekly and visited fortnightly.
        assert_eq!(plan.cadence(Some("key"), d("2026-10-12")), Some(Cadence::every(7, 14)));
        // July is quiet.
        assert_eq!(plan.cadence(Some("key"), d("2026-07-13")), Some(Cadence::every(14, 30)));
        assert_eq!(plan.cadence(Some("potential"), d("2026-07-13")), Some(Cadence { call_days: Some(60), visit_days: None }));
        assert_eq!(plan.cadence(None, d("2026-07-13")), None);
        assert_eq!(plan.cadence(Some("gone"), d("2026-07-13")), None);
        let mut bad = VisitPlan::default();
        bad.grades[0].busy.call_days = Some(0);
        assert_eq!(bad.check(), Err(PlanError::Interval));
        let bad = VisitPlan { busy_months: vec![13], ..VisitPlan::default() };
        assert_eq!(bad.check(), Err(PlanError::Month));
        assert_eq!(VisitPlan::default().check(), Ok(()));
    }

    #[test]
    fn calls_and_visits_fall_due_from_the_last_contact() {
        let plan = VisitPlan::default();
        // Wednesday the 14th of October 2026, in the busy season.
        let today = d("2026-10-14");
        let customers = [
            // Visited on the 1st: the weekly call was due on the 8th, before
            // the visit due on the 15th, so the call is overdue.
            customer("a", Some("key"), "2025-01-01"),
            // Called on the 12th, visited on the 2nd: the visit is due on the
            // 16th, before the call (the 19th), and stands for it.
            customer("b", Some("key"), "2025-01-01"),
            // Never contacted, a customer since the 1st: the call was due on the 8th.
            customer("c", Some("key"), "2026-10-01"),
            // General grade: the visit is due on the 20th, after this week.
            customer("d", Some("general"), "2025-01-01"),
            // No grade: no plan.
            customer("e", None, "2025-01-01"),
            // Visited today: the next call is a week away.
            customer("f", Some("strategic"), "2025-01-01"),
        ];
        let last = last_contacts([
            ("a", d("2026-10-01"), Mode::Visit),
            ("b", d("2026-10-02"), Mode::Visit),
            ("b", d("2026-10-12"), Mode::Call),
            ("d", d("2026-10-10"), Mode::Call),
            ("d", d("2026-09-20"), Mode::Visit),
            ("f", d("2026-10-14"), Mode::Visit),
        ]);
        let mut items = due_contacts(&customers, &last, &FxHashSet::default(), &plan, today);
        order(&mut items);
        let got: Vec<(&str, Due, String, When)> = items.iter().map(|i| (i.customer_id.as_str(), i.due.clone(), i.on.to_string(), i.when)).collect();
        assert_eq!(
            got,
            vec![
                ("c", Due::Contact(Mode::Call), "2026-10-08".into(), When::Overdue),
                ("a", Due::Contact(Mode::Call), "2026-10-08".into(), When::Overdue),
                ("b", Due::Contact(Mode::Visit), "2026-10-16".into(), When::ThisWeek),
            ]
        );
        // c comes first: new (since the 1st of October).
        assert!(items[0].priority.new);
        // A visit recorded clears the call that was due.
        let last = last_contacts([("a", d("2026-10-14"), Mode::Visit)]);
        let items = due_contacts(&customers[..1], &last, &FxHashSet::default(), &plan, today);
        assert!(items.is_empty(), "{items:?}");
    }

    #[test]
    fn key_new_and_complaining_customers_come_first() {
        let plan = VisitPlan::default();
        let today = d("2026-10-14");
        let mut key = customer("k", Some("key"), "2025-01-01");
        key.key_account = true;
        let customers = [customer("old", Some("key"), "2025-01-01"), customer("angry", Some("key"), "2025-01-01"), key];
        // All three were called on the 5th: each call was due on the 12th.
        let last = last_contacts(customers.iter().map(|c| (c.id, d("2026-10-05"), Mode::Call)).chain([("old", d("2026-09-20"), Mode::Visit), ("angry", d("2026-09-20"), Mode::Visit), ("k", d("2026-09-20"), Mode::Visit)]));
        let complained: FxHashSet<&str> = ["angry"].into_iter().collect();
        let mut items = due_contacts(&customers, &last, &complained, &plan, today);
        order(&mut items);
        let ids: Vec<&str> = items.iter().map(|i| i.customer_id.as_str()).collect();
        // Visits were due on the 4th (14 days after the 20th): all overdue,
        // the two that come first before the other.
        assert_eq!(ids, vec!["angry", "k", "old"]);
        assert!(items.iter().all(|i| i.due == Due::Contact(Mode::Visit) && i.when == When::Overdue));
        assert!(items[0].priority.complained && items[1].priority.key_account && !items[2].priority.any());
    }

    #[test]
    fn this_week_runs_to_sunday() {
        let wed = d("2026-10-14");
        assert_eq!(When::of(d("2026-10-13"), wed), Some(When::Overdue));
        assert_eq!(When::of(wed, wed), Some(When::Today));
        assert_eq!(When::of(d("2026-10-18"), wed), Some(When::ThisWeek));
        assert_eq!(When::of(d("2026-10-19"), wed), None);
        let sun = d("2026-10-18");
        assert_eq!(When::of(d("2026-10-19"), sun), None);
    }

    #[test]
    fn care_dates_are_birthdays_and_festivals_this_week() {
        let today = d("2026-12-28"); // a Monday
        let festivals = [(d("2027-01-01"), "元旦"), (d("2027-02-06"), "春节")];
        let birthdays = [
            ("c1", "王芳", d("1980-12-30")),
            ("c2", "李雷", d("1975-01-02")),
            ("c3", "韩梅", d("1990-06-01")),
            // Already past this year.
            ("c4", "张伟", d("1985-12-27")),
        ];
        let mut items = care_dates(birthdays, &festivals, today);
        order(&mut items);
        let got: Vec<(String, String)> = items
            .iter()
            .map(|i| {
                let what = match &i.due {
                    Due::Birthday { contact } => contact.clone(),
                    Due::Festival { name } => name.clone(),
                    other => format!("{other:?}"),
                };
                (i.on.to_string(), what)
            })
            .collect();
        assert_eq!(got, vec![("2026-12-30".into(), "王芳".into()), ("2027-01-01".into(), "元旦".into()), ("2027-01-02".into(), "李雷".into())]);
        // The 29th of February, in a year without one.
        assert_eq!(birthday_in(d("1992-02-29"), 2027), d("2027-02-28"));
        assert_eq!(birthday_in(d("1992-02-29"), 2028), d("2028-02-29"));
    }

    #[test]
    fn promised_answers_are_due_until_given() {
        let today = d("2026-10-14");
        let v = Visit {
            id: "v1".into(),
            customer_id: "c".into(),
            promises: vec![
                Promise { question: "price for 2027".into(), answer_by: d("2026-10-13"), answered_on: None },
                Promise { question: "venue size".into(), answer_by: d("2026-10-16"), answered_on: Some(d("2026-10-14")) },
                Promise { question: "next year's plan".into(), answer_by: d("2026-11-30"), answered_on: None },
            ],
            ..Visit::default()
        };
        let items = due_answers([&v], today);
        assert_eq!(items.len(), 1);
        assert_eq!((items[0].when, &items[0].due), (When::Overdue, &Due::Answer { visit_id: "v1".into(), question: "price for 2027".into() }));
    }

    #[test]
    fn satisfaction_is_averaged_per_month() {
        let trend = satisfaction_by_month([
            ("ann", d("2026-09-03"), 4),
            ("ann", d("2026-09-20"), 5),
            ("ann", d("2026-11-02"), 2),
            ("bo", d("2026-10-01"), 3),
        ]);
        assert_eq!(
            trend,
            vec![
                ("ann", vec![(d("2026-09-01"), 4.5, 2), (d("2026-11-01"), 2.0, 1)]),
                ("bo", vec![(d("2026-10-01"), 3.0, 1)]),
            ]
        );
    }
}
