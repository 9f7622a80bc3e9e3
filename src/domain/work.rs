//! "My work": the open complaints a member of staff has to act on, because
//! it is their turn or because an overdue one has gone up to them; and the
//! calls, visits, answers and care dates due for their customers.

use chrono::{Duration, NaiveDate};
use rustc_hash::FxHashSet;

use super::calendar::WorkCalendar;
use super::complaint::{Complaint, ComplaintRules, Deadline, Overdue};
use super::customer::{Customer, Status};
use super::sorting;
use super::staff::Staff;
use super::visit::{self, DueItem, Mode, Planned, Visit, VisitPlan};
use super::{Channel, Contact, Interaction};

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

/// Everything due for `customers` (one person's, say) to the end of the
/// week, in the order it is worked: the calls and visits the plan asks for,
/// counted from the last call or visit recorded, on the visits or in the
/// communication log (or from when the customer became one); the answers promised at their visits; their contacts'
/// birthdays; and the calendar's festivals. Lost customers and those not
/// cooperating get no calls. `contacts`, `visits` and `complaints` may hold
/// other customers' records too.
#[allow(clippy::too_many_arguments)]
pub fn due_list(
    customers: &[Customer],
    contacts: &[Contact],
    visits: &[Visit],
    log: &[Interaction],
    complaints: &[Complaint],
    is_key: impl Fn(&str) -> bool,
    plan: &VisitPlan,
    calendar: &WorkCalendar,
    today: NaiveDate,
) -> Vec<DueItem> {
    let ids: FxHashSet<&str> = customers.iter().map(|c| c.id.as_str()).collect();
    let planned: Vec<Planned> = customers
        .iter()
        .filter(|c| matches!(c.status, Status::Potential | Status::Active))
        .map(|c| Planned {
            id: &c.id,
            grade: c.grade.as_deref(),
            since: c.trading_since.unwrap_or_else(|| c.created_at.date_naive()),
            key_account: is_key(&c.id),
        })
        .collect();
    let mine = |id: &str| ids.contains(id);
    // A call or visit counts wherever it was written down: on the Calls &
    // visits tab, or as a call, meeting or visit in the communication log.
    let logged = log.iter().filter(|e| mine(&e.customer_id)).filter_map(|e| {
        let mode = match e.channel {
            Channel::Call => Mode::Call,
            Channel::Visit | Channel::Meeting => Mode::Visit,
            _ => return None,
        };
        Some((e.customer_id.as_str(), e.date, mode))
    });
    let last = visit::last_contacts(visits.iter().filter(|v| mine(&v.customer_id)).map(|v| (v.customer_id.as_str(), v.date, v.mode)).chain(logged));
    let recent = today - Duration::days(visit::COMPLAINED_DAYS);
    let complained: FxHashSet<&str> = complaints.iter().filter(|c| c.received_on >= recent && mine(&c.customer_id)).map(|c| c.customer_id.as_str()).collect();
    let mut items = visit::due_contacts(&planned, &last, &complained, plan, today);
    items.extend(visit::due_answers(visits.iter().filter(|v| mine(&v.customer_id)), today));
    let birthdays = contacts.iter().filter(|c| mine(&c.customer_id)).filter_map(|c| Some((c.customer_id.as_str(), c.name.as_str(), c.birthday?)));
    items.extend(visit::care_dates(birthdays, &calendar.festivals(), today));
    visit::order(&mut items);
    items
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

    #[test]
    fn a_visit_plan_produces_due_calls_and_visits_and_a_recorded_visit_clears_one() {
        use crate::domain::calendar::DayKind;
        use crate::domain::visit::{Due, Mode, Promise, When};
        let customer = |id: &str, grade: Option<&str>, since: &str, status: Status| Customer {
            id: id.into(),
            grade: grade.map(str::to_string),
            trading_since: Some(d(since)),
            status,
            ..Customer::default()
        };
        let customers = vec![
            customer("a", Some("key"), "2026-01-01", Status::Active),
            customer("b", Some("key"), "2026-01-01", Status::Active),
            // New, and the plan calls potential customers monthly: not this week.
            customer("c", Some("potential"), "2026-09-20", Status::Potential),
            customer("lost", Some("key"), "2026-01-01", Status::Lost),
            // No grade, no plan.
            customer("e", None, "2026-01-01", Status::Active),
        ];
        let visit = |id: &str, customer: &str, date: &str, mode: Mode, promises: Vec<Promise>| Visit {
            id: id.into(),
            customer_id: customer.into(),
            date: d(date),
            mode,
            promises,
            ..Visit::default()
        };
        let promise = Promise { question: "明年报价".into(), answer_by: d("2026-10-09"), answered_on: None };
        let mut visits = vec![
            visit("v1", "b", "2026-10-01", Mode::Visit, vec![promise.clone()]),
            // Someone else's customer: not on this list.
            visit("v2", "other", "2026-01-01", Mode::Visit, vec![Promise { answer_by: d("2026-10-08"), ..promise.clone() }]),
        ];
        let contacts = vec![Contact { id: "k".into(), customer_id: "a".into(), name: "王芳".into(), birthday: Some(d("1980-10-10")), ..Contact::default() }];
        let complaints = vec![Complaint { customer_id: "b".into(), received_on: d("2026-09-30"), ..Complaint::default() }];
        let mut calendar = WorkCalendar::default();
        calendar.set_range(d("2026-10-11"), d("2026-10-11"), DayKind::Holiday, "重阳节").unwrap();
        let plan = VisitPlan::default();
        // Wednesday the 7th of October, in the busy season: key accounts are called weekly, visited fortnightly.
        let today = d("2026-10-07");
        let list = |visits: &[Visit]| {
            due_list(&customers, &contacts, visits, &[], &complaints, |id| id == "a", &plan, &calendar, today)
                .into_iter()
                .map(|i| (i.customer_id, i.due, i.on.to_string(), i.when))
                .collect::<Vec<_>>()
        };
        let answer = Due::Answer { visit_id: "v1".into(), question: "明年报价".into() };
        assert_eq!(
            list(&visits),
            vec![
                // Never called since January: overdue since a week after.
                ("a".into(), Due::Contact(Mode::Call), "2026-01-08".into(), When::Overdue),
                // Visited on the 1st: called a week later. It complained lately, so it comes first in the week.
                ("b".into(), Due::Contact(Mode::Call), "2026-10-08".into(), When::ThisWeek),
                ("b".into(), answer.clone(), "2026-10-09".into(), When::ThisWeek),
                ("a".into(), Due::Birthday { contact: "王芳".into() }, "2026-10-10".into(), When::ThisWeek),
                (String::new(), Due::Festival { name: "重阳节".into() }, "2026-10-11".into(), When::ThisWeek),
            ]
        );
        // A visit today clears the overdue call; the next call is due next week.
        visits.push(visit("v3", "a", "2026-10-07", Mode::Visit, Vec::new()));
        // And the answer, once given, leaves the list.
        visits[0].promises[0].answered_on = Some(today);
        let left = list(&visits);
        assert!(left.iter().all(|(id, due, _, _)| !(id == "a" && matches!(due, Due::Contact(_)))), "{left:?}");
        assert!(!left.iter().any(|(_, due, _, _)| *due == answer), "{left:?}");
        assert_eq!(left.len(), 3);
        // A visit due no later than the call stands for both: with the call
        // made but no visit since January, the visit is what is overdue.
        let plan_visits_first = VisitPlan { grades: vec![visit::GradePlan { grade: "key".into(), busy: visit::Cadence { call_days: Some(30), visit_days: Some(14) }, quiet: Default::default() }], ..VisitPlan::default() };
        let called = [visit("v4", "a", "2026-10-07", Mode::Call, Vec::new())];
        let due_for_a = due_list(&customers[..1], &contacts, &called, &[], &complaints, |_| false, &plan_visits_first, &calendar, today);
        assert_eq!(due_for_a.first().map(|i| (i.due.clone(), i.on)), Some((Due::Contact(Mode::Visit), d("2026-01-15"))));
        // A visit written in the communication log counts as one; an e-mail does not.
        let entry = |channel: Channel| Interaction { id: "i".into(), customer_id: "a".into(), date: d("2026-10-06"), channel, ..Interaction::default() };
        let after_email = due_list(&customers[..1], &contacts, &called, &[entry(Channel::Email)], &complaints, |_| false, &plan_visits_first, &calendar, today);
        assert_eq!(after_email.first().map(|i| i.due.clone()), Some(Due::Contact(Mode::Visit)));
        let after_visit = due_list(&customers[..1], &contacts, &called, &[entry(Channel::Visit)], &complaints, |_| false, &plan_visits_first, &calendar, today);
        assert!(after_visit.iter().all(|i| !matches!(i.due, Due::Contact(_))), "{after_visit:?}");
    }
}
