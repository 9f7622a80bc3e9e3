//! "My work": the open complaints a member of staff has to act on, because
//! it is their turn or because an overdue one has gone up to them.

use chrono::NaiveDate;

use super::calendar::WorkCalendar;
use super::complaint::{Complaint, ComplaintRules, Deadline, Overdue};
use super::sorting;
use super::staff::Staff;

/// An open complaint on someone's list, and why it is there.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkItem {
    pub complaint: Complaint,
    /// Its next deadline, and the day it is due.
    pub next: Option<(Deadline, NaiveDate)>,
    pub overdue: Option<Overdue>,
    /// It is this person's turn to take the next step.
    pub my_turn: bool,
    /// It is overdue and has gone up to this person.
    pub escalated: bool,
}

/// The open complaints for `me` (every open one when `me` is none), the
/// overdue first, the latest deadline last.
pub fn complaints_for(complaints: &[Complaint], me: Option<&str>, staff: &[Staff], today: NaiveDate, rules: &ComplaintRules, calendar: &WorkCalendar) -> Vec<WorkItem> {
    let mut out: Vec<WorkItem> = complaints
        .iter()
        .filter(|c| c.stage.is_open())
        .filter_map(|c| {
            let overdue = c.overdue(today, rules, calendar);
            let my_turn = me.is_none_or(|me| c.turn_of(staff).iter().any(|id| id == me));
            let escalated = match (me, overdue) {
                (Some(me), Some(o)) => c.escalated_to(o.level, staff).iter().any(|id| id == me),
                _ => false,
            };
            let next = [Deadline::Investigate, Deadline::Reply].into_iter().find(|d| c.met_on(*d).is_none()).map(|d| (d, c.due(d)));
            (my_turn || escalated).then(|| WorkItem { complaint: c.clone(), next, overdue, my_turn, escalated })
        })
        .collect();
    sorting::sort_by(&mut out, |a, b| {
        let key = |w: &WorkItem| (w.overdue.is_none(), w.next.map(|(_, d)| d), w.complaint.received_on);
        key(a).cmp(&key(b)).then_with(|| a.complaint.id.cmp(&b.complaint.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::complaint::{Level, Stage};
    use crate::domain::staff::Role;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn each_person_sees_their_turn_and_what_went_up_to_them() {
        let s = |id: &str, dept: &str, role: Role| Staff { id: id.into(), name: id.into(), department: dept.into(), role, ..Staff::default() };
        let staff = vec![s("rep", "Sales", Role::SalesRep), s("head", "Events", Role::DepartmentManager), s("dir", "Board", Role::Director)];
        let (rules, cal) = (ComplaintRules::default(), WorkCalendar::default());
        let received = |id: &str, on: &str, stage: Stage| Complaint {
            id: id.into(),
            received_by: Some("rep".into()),
            department: "Events".into(),
            stage,
            ..Complaint::default()
        }
        .received(d(on), &rules, &cal);
        // Received Monday the 5th of October: investigation by the 6th, reply by the 7th.
        let fresh = Complaint { stage: Stage::Received, ..received("fresh", "2026-10-05", Stage::Received) };
        let assigned = Complaint { stage: Stage::Assigned, ..received("assigned", "2026-10-05", Stage::Received) };
        let old = Complaint { stage: Stage::Assigned, ..received("old", "2026-09-28", Stage::Received) };
        let closed = Complaint { stage: Stage::Closed, ..received("closed", "2026-09-28", Stage::Received) };
        let all = [fresh, assigned, old, closed];
        let today = d("2026-10-05");
        let ids = |me: Option<&str>| complaints_for(&all, me, &staff, today, &rules, &cal).into_iter().map(|w| w.complaint.id).collect::<Vec<_>>();
        // The one who received it judges it; the head has the assigned ones,
        // the overdue one first; the director only the one gone up to them
        // (due the 29th, five working days late).
        assert_eq!(ids(Some("rep")), vec!["fresh"]);
        assert_eq!(ids(Some("head")), vec!["old", "assigned"]);
        assert_eq!(ids(Some("dir")), vec!["old"]);
        assert_eq!(ids(None), vec!["old", "assigned", "fresh"]);
        let dir = complaints_for(&all, Some("dir"), &staff, today, &rules, &cal);
        assert!(dir[0].escalated && !dir[0].my_turn);
        assert_eq!(dir[0].overdue.map(|o| o.level), Some(Level::Director));
        assert_eq!(dir[0].next, Some((Deadline::Investigate, d("2026-09-29"))));
    }
}
