//! Complaint statistics (投诉统计): how many, of what, where, by whom and
//! when; how often each deadline was kept; how satisfied the customers were
//! at the follow-up.

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;

use super::complaint::{Complaint, Deadline, Kept};
use super::sorting;

/// A deadline's record: kept, missed, and not yet due.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OnTime {
    pub kept: u32,
    pub missed: u32,
}

impl OnTime {
    /// The share kept, of those that can be told; none before any.
    pub fn rate(self) -> Option<f64> {
        let n = self.kept + self.missed;
        (n > 0).then(|| self.kept as f64 / n as f64)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComplaintStats {
    pub total: u32,
    pub open: u32,
    /// Open and past a deadline.
    pub overdue: u32,
    /// Counts, the largest first (ties by name).
    pub by_category: Vec<(String, u32)>,
    /// By the department handling it; empty for one not yet assigned.
    pub by_department: Vec<(String, u32)>,
    /// By staff id of each person named responsible (a complaint may name several).
    pub by_responsible: Vec<(String, u32)>,
    /// By the month it was received (its first day), in date order.
    pub by_month: Vec<(NaiveDate, u32)>,
    pub investigate: OnTime,
    pub reply: OnTime,
    /// How many follow-ups gave each satisfaction, 1 to 5.
    pub satisfaction: [u32; 5],
}

impl ComplaintStats {
    /// The average satisfaction at the follow-ups, if any were given.
    pub fn mean_satisfaction(&self) -> Option<f64> {
        let n: u32 = self.satisfaction.iter().sum();
        let sum: u32 = self.satisfaction.iter().enumerate().map(|(i, c)| (i as u32 + 1) * c).sum();
        (n > 0).then(|| sum as f64 / n as f64)
    }
}

fn counted<K: Ord + Clone>(map: FxHashMap<K, u32>) -> Vec<(K, u32)> {
    let mut out: Vec<(K, u32)> = map.into_iter().collect();
    sorting::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The statistics of the complaints received from `from` to `to` (either
/// open-ended), as of `today`.
pub fn stats<'a>(complaints: impl IntoIterator<Item = &'a Complaint>, from: Option<NaiveDate>, to: Option<NaiveDate>, today: NaiveDate) -> ComplaintStats {
    let mut out = ComplaintStats::default();
    let mut category: FxHashMap<&str, u32> = FxHashMap::default();
    let mut department: FxHashMap<&str, u32> = FxHashMap::default();
    let mut responsible: FxHashMap<&str, u32> = FxHashMap::default();
    let mut month: FxHashMap<NaiveDate, u32> = FxHashMap::default();
    for c in complaints {
        if from.is_some_and(|f| c.received_on < f) || to.is_some_and(|t| c.received_on > t) {
            continue;
        }
        out.total += 1;
        if c.stage.is_open() {
            out.open += 1;
            let late = |d: Deadline| c.met_on(d).is_none() && today > c.due(d);
            if late(Deadline::Investigate) || late(Deadline::Reply) {
                out.overdue += 1;
            }
        }
        *category.entry(&c.category).or_default() += 1;
        *department.entry(&c.department).or_default() += 1;
        for r in &c.responsible {
            *responsible.entry(r).or_default() += 1;
        }
        let first = NaiveDate::from_ymd_opt(c.received_on.year(), c.received_on.month(), 1).expect("the first of a month");
        *month.entry(first).or_default() += 1;
        for (deadline, tally) in [(Deadline::Investigate, &mut out.investigate), (Deadline::Reply, &mut out.reply)] {
            match c.kept(deadline, today) {
                Some(Kept::OnTime) => tally.kept += 1,
                Some(Kept::Late) => tally.missed += 1,
                None => {}
            }
        }
        if let Some(s) = c.satisfaction().filter(|s| (1..=5).contains(s)) {
            out.satisfaction[s as usize - 1] += 1;
        }
    }
    let owned = |m: FxHashMap<&str, u32>| counted(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
    out.by_category = owned(category);
    out.by_department = owned(department);
    out.by_responsible = owned(responsible);
    let mut months: Vec<(NaiveDate, u32)> = month.into_iter().collect();
    sorting::sort_by(&mut months, |a, b| a.0.cmp(&b.0));
    out.by_month = months;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::WorkCalendar;
    use crate::domain::complaint::{ComplaintRules, Entry, Stage, Step};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn complaint(on: &str, category: &str) -> Complaint {
        Complaint { category: category.into(), ..Complaint::default() }.received(d(on), &ComplaintRules::default(), &WorkCalendar::default())
    }

    fn step(c: Complaint, step: Step, on: &str) -> Complaint {
        let e = Entry { step, on: d(on), note: "n".into(), department: "Events".into(), responsible: vec!["ann".into(), "bo".into()], satisfaction: Some(4), ..Entry::default() };
        c.take(e).unwrap()
    }

    #[test]
    fn counts_rates_and_satisfaction() {
        // Monday the 7th of September 2026: investigation by the 8th, reply by the 9th.
        let done = [Step::Accept, Step::Assign, Step::Investigate, Step::Propose, Step::Agree, Step::Reply, Step::FollowUp]
            .into_iter()
            .fold(complaint("2026-09-07", "attitude"), |c, s| step(c, s, "2026-09-08"));
        // Investigated on the 8th, replied on the 14th: one deadline kept, one missed.
        let late = [Step::Accept, Step::Assign, Step::Investigate].into_iter().fold(complaint("2026-09-07", "attitude"), |c, s| step(c, s, "2026-09-08"));
        let late = [Step::Propose, Step::Agree, Step::Reply].into_iter().fold(late, |c, s| step(c, s, "2026-09-14"));
        // Received in October and left: overdue on the 20th.
        let left = complaint("2026-10-12", "efficiency");
        // Received in October, not yet due.
        let fresh = complaint("2026-10-19", "quality");
        let declined = step(complaint("2026-10-19", "quality"), Step::Decline, "2026-10-19");
        let all = [done, late, left, fresh, declined];
        let s = stats(&all, None, None, d("2026-10-20"));
        assert_eq!((s.total, s.open, s.overdue), (5, 5, 1));
        assert_eq!(s.by_category, vec![("attitude".into(), 2), ("quality".into(), 2), ("efficiency".into(), 1)]);
        assert_eq!(s.by_department, vec![("".into(), 3), ("Events".into(), 2)]);
        assert_eq!(s.by_responsible, vec![("ann".into(), 2), ("bo".into(), 2)]);
        assert_eq!(s.by_month, vec![(d("2026-09-01"), 2), (d("2026-10-01"), 3)]);
        // Investigation: both September ones on time, the declined one too
        // (a decline answers it); October's left one missed it.
        assert_eq!(s.investigate, OnTime { kept: 3, missed: 1 });
        assert_eq!(s.reply, OnTime { kept: 2, missed: 2 });
        assert_eq!(s.reply.rate(), Some(0.5));
        assert_eq!(s.satisfaction, [0, 0, 0, 1, 0]);
        assert_eq!(s.mean_satisfaction(), Some(4.0));
        // A closed complaint is not open.
        let closed = step(all[4].clone(), Step::Close, "2026-10-20");
        assert_eq!(closed.stage, Stage::Closed);
        assert_eq!(stats([&closed], None, None, d("2026-10-20")).open, 0);
        // A period: October only.
        let oct = stats(&all, Some(d("2026-10-01")), Some(d("2026-10-31")), d("2026-10-20"));
        assert_eq!(oct.total, 3);
        assert_eq!(OnTime::default().rate(), None);
        assert_eq!(ComplaintStats::default().mean_satisfaction(), None);
    }
}
