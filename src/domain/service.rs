//! The service workflows as writes: a complaint received, each step taken on
//! it, a visit recorded (completing a complaint's follow-up when it is one),
//! a promised answer given. Each is one change set with its history entry,
//! and the forms' drafts they are read from.

use chrono::NaiveDate;

use super::calendar::WorkCalendar;
use super::complaint::{self, Complaint, ComplaintRules, Entry, Severity, Stage, Step, StepError};
use super::history::{Action, FieldChange};
use super::ops::Ctx;
use super::validate::{self, Errors, FieldError};
use super::visit::{Mode, Promise, Topic, Visit};
use super::{ChangeSet, Expect, Kind};

/// The longest name of a complainant or category, in characters.
pub const MAX_NAME: usize = 100;

key_enum! {
    pub enum ComplaintField {
        ReceivedOn = "received_on",
        Channel = "channel",
        Complainant = "complainant",
        Category = "category",
        WhatHappened = "what_happened",
        AsksFor = "asks_for",
        Severity = "severity",
        ReceivedBy = "received_by",
    }
}

/// What the complaint form holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComplaintDraft {
    pub received_on: String,
    pub channel: String,
    pub complainant: String,
    pub category: String,
    pub what_happened: String,
    pub asks_for: String,
    pub severity: String,
    pub received_by: String,
}

impl ComplaintDraft {
    /// The complaint the form describes, its deadlines set, or every field's error.
    pub fn parse(&self, customer_id: &str, today: NaiveDate, rules: &ComplaintRules, calendar: &WorkCalendar) -> Result<Complaint, Vec<(ComplaintField, FieldError)>> {
        use ComplaintField as F;
        let mut e = Errors::new();
        let received_on = e.take(F::ReceivedOn, validate::required_date(&self.received_on, Some(today)));
        let channel = e.take(F::Channel, complaint::Channel::parse(self.channel.trim()).ok_or(FieldError::Unknown));
        let complainant = e.take(F::Complainant, validate::required(&self.complainant, MAX_NAME));
        let category = e.take(F::Category, validate::required(&self.category, MAX_NAME));
        let what_happened = e.take(F::WhatHappened, validate::required(&self.what_happened, complaint::MAX_TEXT));
        let asks_for = e.take(F::AsksFor, validate::max_len(&self.asks_for, complaint::MAX_TEXT));
        let severity = e.take(F::Severity, Severity::parse(self.severity.trim()).ok_or(FieldError::Unknown));
        let (Some(on), Some(channel), Some(complainant), Some(category), Some(what_happened), Some(asks_for), Some(severity)) =
            (received_on, channel, complainant, category, what_happened, asks_for, severity)
        else {
            return e.finish(Complaint::default());
        };
        let c = Complaint {
            customer_id: customer_id.to_string(),
            channel,
            complainant,
            category,
            what_happened,
            asks_for,
            severity,
            received_by: Some(self.received_by.trim().to_string()).filter(|s| !s.is_empty()),
            ..Complaint::default()
        };
        e.finish(c.received(on, rules, calendar))
    }
}

key_enum! {
    pub enum VisitField {
        Date = "date",
        Mode = "mode",
        Staff = "staff",
        Topics = "topics",
        Feedback = "feedback",
        Satisfaction = "satisfaction",
        Promises = "promises",
    }
}

/// A question promised an answer, as the form holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PromiseDraft {
    pub question: String,
    pub answer_by: String,
}

/// What the visit form holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VisitDraft {
    pub date: String,
    pub mode: String,
    pub staff: String,
    pub topics: Vec<String>,
    pub feedback: String,
    pub satisfaction: String,
    pub promises: Vec<PromiseDraft>,
    /// The complaint whose follow-up this visit is; empty for none.
    pub complaint_id: String,
}

impl VisitDraft {
    /// The visit the form describes, or every field's error. A visit that is
    /// a complaint's follow-up needs the customer's opinion and satisfaction.
    pub fn parse(&self, customer_id: &str, today: NaiveDate) -> Result<Visit, Vec<(VisitField, FieldError)>> {
        use VisitField as F;
        let mut e = Errors::new();
        let follow_up = !self.complaint_id.trim().is_empty();
        let date = e.take(F::Date, validate::required_date(&self.date, Some(today)));
        let mode = e.take(F::Mode, Mode::parse(self.mode.trim()).ok_or(FieldError::Unknown));
        let mut topics = Vec::new();
        for t in &self.topics {
            match Topic::parse(t.trim()) {
                Some(t) if !topics.contains(&t) => topics.push(t),
                Some(_) => {}
                None => e.push(F::Topics, FieldError::Unknown),
            }
        }
        let feedback = match follow_up {
            true => e.take(F::Feedback, validate::required(&self.feedback, complaint::MAX_TEXT)),
            false => e.take(F::Feedback, validate::max_len(&self.feedback, complaint::MAX_TEXT)),
        };
        let satisfaction = match self.satisfaction.trim() {
            "" if follow_up => {
                e.push(F::Satisfaction, FieldError::Required);
                None
            }
            "" => Some(None),
            s => match s.parse::<u8>() {
                Ok(n) if (1..=5).contains(&n) => Some(Some(n)),
                _ => {
                    e.push(F::Satisfaction, FieldError::Rating);
                    None
                }
            },
        };
        let mut promises = Vec::new();
        for p in self.promises.iter().filter(|p| !p.question.trim().is_empty() || !p.answer_by.trim().is_empty()) {
            let question = e.take(F::Promises, validate::required(&p.question, MAX_NAME * 2));
            let answer_by = validate::required_date(&p.answer_by, None).and_then(|d| match date {
                Some(visit) if d < visit => Err(FieldError::BeforeVisit),
                _ => Ok(d),
            });
            let answer_by = e.take(F::Promises, answer_by);
            if let (Some(question), Some(answer_by)) = (question, answer_by) {
                promises.push(Promise { question, answer_by, answered_on: None });
            }
        }
        let (Some(date), Some(mode), Some(feedback), Some(satisfaction)) = (date, mode, feedback, satisfaction) else {
            return e.finish(Visit::default());
        };
        e.finish(Visit {
            customer_id: customer_id.to_string(),
            date,
            mode,
            staff: Some(self.staff.trim().to_string()).filter(|s| !s.is_empty()),
            topics,
            feedback,
            satisfaction,
            promises,
            complaint_id: Some(self.complaint_id.trim().to_string()).filter(|s| !s.is_empty()),
            ..Visit::default()
        })
    }
}

/// Record a complaint as received (its deadlines already set by the draft).
pub fn receive_complaint(ctx: &mut Ctx, complaint: Complaint) -> (ChangeSet, Complaint) {
    let mut new = complaint;
    new.id = (ctx.next_id)();
    new.rev = 1;
    new.received_at = ctx.now;
    new.stage = Stage::Received;
    new.entries.clear();
    let mut h = ctx.history(&new.customer_id, Kind::Complaint, &new.id, Action::ComplaintReceived);
    h.reason = new.what_happened.clone();
    let mut set = ChangeSet::default();
    set.put(new.clone(), Expect::Absent).put(h, Expect::Absent);
    (set, new)
}

/// Take a step on a complaint, on the agency's day `on`: the complaint as it
/// is after it, written over the revision it was taken on.
pub fn take_step(ctx: &mut Ctx, complaint: &Complaint, entry: Entry) -> Result<(ChangeSet, Complaint), StepError> {
    let entry = Entry { at: ctx.now, by: ctx.by.clone(), ..entry };
    let mut new = complaint.take(entry)?;
    new.rev = complaint.rev + 1;
    let mut set = ChangeSet::default();
    set.put(new.clone(), Expect::Rev(complaint.rev));
    set.put(step_history(ctx, complaint, &new), Expect::Absent);
    Ok((set, new))
}

fn step_history(ctx: &mut Ctx, old: &Complaint, new: &Complaint) -> super::HistoryEntry {
    let mut h = ctx.history(&new.customer_id, Kind::Complaint, &new.id, Action::ComplaintStep);
    h.changes = vec![FieldChange { field: "stage".into(), old: old.stage.as_str().into(), new: new.stage.as_str().into() }];
    if new.department != old.department {
        h.changes.push(FieldChange { field: "department".into(), old: old.department.clone(), new: new.department.clone() });
    }
    h.reason = new.entries.last().map(|e| e.note.clone()).unwrap_or_default();
    h
}

/// Record a visit. When it is the follow-up of `complaint` (replied, and
/// named by the visit), the follow-up step is taken in the same write, with
/// the visit's feedback as the customer's final opinion.
pub fn record_visit(ctx: &mut Ctx, visit: Visit, complaint: Option<&Complaint>, on: NaiveDate) -> Result<(ChangeSet, Visit), StepError> {
    let mut new = visit;
    new.id = (ctx.next_id)();
    new.rev = 1;
    new.created_at = ctx.now;
    let mut set = ChangeSet::default();
    if let Some(id) = new.complaint_id.clone() {
        // A visit named as a complaint's follow-up is that step, or nothing is written.
        let c = complaint.filter(|c| c.id == id).ok_or(StepError::NotNow)?;
        let entry = Entry { step: Step::FollowUp, on, note: new.feedback.clone(), satisfaction: new.satisfaction, visit_id: Some(new.id.clone()), ..Entry::default() };
        let (steps, _) = take_step(ctx, c, entry)?;
        set.ops.extend(steps.ops);
    }
    let mut h = ctx.history(&new.customer_id, Kind::Visit, &new.id, Action::VisitRecorded);
    h.reason = new.feedback.clone();
    set.put(new.clone(), Expect::Absent).put(h, Expect::Absent);
    Ok((set, new))
}

/// Mark the answer promised at a visit (its `index`th question) as given on
/// `on`, with the question in the customer's history.
pub fn answer_promise(ctx: &mut Ctx, visit: &Visit, index: usize, on: NaiveDate) -> Option<(ChangeSet, Visit)> {
    let mut new = visit.clone();
    let p = new.promises.get_mut(index).filter(|p| p.answered_on.is_none())?;
    p.answered_on = Some(on);
    let question = p.question.clone();
    new.rev = visit.rev + 1;
    let mut h = ctx.history(&new.customer_id, Kind::Visit, &new.id, Action::AnswerGiven);
    h.reason = question;
    let mut set = ChangeSet::default();
    set.put(new.clone(), Expect::Rev(visit.rev)).put(h, Expect::Absent);
    Some((set, new))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::{Op, Record};
    use crate::domain::history::Actor;
    use chrono::{TimeZone, Utc};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn with_ctx<R>(f: impl FnOnce(&mut Ctx) -> R) -> R {
        let mut n = 0;
        let mut ids = move || {
            n += 1;
            format!("id{n}")
        };
        let mut ctx = Ctx { now: Utc.with_ymd_and_hms(2026, 9, 25, 8, 0, 0).unwrap(), by: Actor { id: Some("rep".into()), name: "Rep".into() }, next_id: &mut ids };
        f(&mut ctx)
    }

    fn draft() -> ComplaintDraft {
        ComplaintDraft {
            received_on: "2026-09-25".into(),
            channel: "phone".into(),
            complainant: "王经理".into(),
            category: "efficiency".into(),
            what_happened: "展台搭建延误两小时".into(),
            asks_for: "减免部分费用".into(),
            severity: "high".into(),
            received_by: "rep".into(),
        }
    }

    #[test]
    fn a_complaint_form_is_read_with_every_error_at_once() {
        let today = d("2026-09-25");
        let c = draft().parse("cust", today, &ComplaintRules::default(), &WorkCalendar::default()).unwrap();
        // Friday: due Monday and Tuesday.
        assert_eq!((c.investigate_by, c.reply_by), (d("2026-09-28"), d("2026-09-29")));
        assert_eq!((c.customer_id.as_str(), c.severity, c.received_by.as_deref()), ("cust", Severity::High, Some("rep")));
        let bad = ComplaintDraft { received_on: "2026-09-26".into(), channel: "fax".into(), complainant: " ".into(), what_happened: "".into(), severity: "x".into(), ..draft() };
        let errors = bad.parse("cust", today, &ComplaintRules::default(), &WorkCalendar::default()).unwrap_err();
        assert_eq!(
            errors,
            vec![
                (ComplaintField::ReceivedOn, FieldError::FutureDate),
                (ComplaintField::Channel, FieldError::Unknown),
                (ComplaintField::Complainant, FieldError::Required),
                (ComplaintField::WhatHappened, FieldError::Required),
                (ComplaintField::Severity, FieldError::Unknown),
            ]
        );
    }

    #[test]
    fn receiving_and_each_step_are_written_with_their_history() {
        let c = draft().parse("cust", d("2026-09-25"), &ComplaintRules::default(), &WorkCalendar::default()).unwrap();
        let (set, c) = with_ctx(|ctx| receive_complaint(ctx, c));
        assert_eq!((c.id.as_str(), c.rev, c.stage), ("id1", 1, Stage::Received));
        assert!(matches!(&set.ops[0], Op::Put { record: Record::Complaint(x), expect: Expect::Absent } if x.id == "id1"));
        assert!(matches!(&set.ops[1], Op::Put { record: Record::History(h), .. } if h.action == Action::ComplaintReceived && h.entity == Kind::Complaint && h.customer_id == "cust"));
        assert_eq!(set.customer_ids(), vec!["cust".to_string()]);

        let (set, after) = with_ctx(|ctx| take_step(ctx, &c, Entry { step: Step::Accept, on: d("2026-09-25"), ..Entry::default() })).unwrap();
        assert_eq!((after.rev, after.stage), (2, Stage::Accepted));
        assert_eq!(after.entries[0].by.id.as_deref(), Some("rep"));
        assert!(matches!(&set.ops[0], Op::Put { record: Record::Complaint(_), expect: Expect::Rev(1) }));
        let Op::Put { record: Record::History(h), .. } = &set.ops[1] else { panic!("history") };
        assert_eq!(h.changes, vec![FieldChange { field: "stage".into(), old: "received".into(), new: "accepted".into() }]);
        // A step the stage does not allow writes nothing.
        assert_eq!(with_ctx(|ctx| take_step(ctx, &after, Entry { step: Step::Close, note: "x".into(), ..Entry::default() })).unwrap_err(), StepError::NotNow);
    }

    fn visit_draft() -> VisitDraft {
        VisitDraft {
            date: "2026-10-08".into(),
            mode: "visit".into(),
            staff: "cs".into(),
            topics: vec!["complaint_handling".into(), "new_needs".into(), "new_needs".into()],
            feedback: "满意,明年继续合作".into(),
            satisfaction: "5".into(),
            promises: vec![PromiseDraft { question: "2027年报价".into(), answer_by: "2026-10-15".into() }, PromiseDraft::default()],
            complaint_id: String::new(),
        }
    }

    #[test]
    fn a_visit_form_is_read_with_every_error_at_once() {
        let today = d("2026-10-08");
        let v = visit_draft().parse("cust", today).unwrap();
        assert_eq!(v.topics, vec![Topic::ComplaintHandling, Topic::NewNeeds]);
        assert_eq!((v.mode, v.satisfaction, v.promises.len()), (Mode::Visit, Some(5), 1));
        // No satisfaction is fine for an ordinary call.
        let call = VisitDraft { mode: "call".into(), satisfaction: "".into(), feedback: "".into(), ..visit_draft() };
        assert_eq!(call.parse("cust", today).unwrap().satisfaction, None);
        let bad = VisitDraft {
            date: "".into(),
            mode: "fax".into(),
            topics: vec!["gossip".into()],
            satisfaction: "6".into(),
            promises: vec![PromiseDraft { question: "".into(), answer_by: "2026-10-01".into() }],
            ..visit_draft()
        };
        assert_eq!(
            bad.parse("cust", today).unwrap_err(),
            vec![
                (VisitField::Date, FieldError::Required),
                (VisitField::Mode, FieldError::Unknown),
                (VisitField::Topics, FieldError::Unknown),
                (VisitField::Satisfaction, FieldError::Rating),
                (VisitField::Promises, FieldError::Required),
            ]
        );
        let early = VisitDraft { promises: vec![PromiseDraft { question: "q".into(), answer_by: "2026-10-01".into() }], ..visit_draft() };
        assert_eq!(early.parse("cust", today).unwrap_err(), vec![(VisitField::Promises, FieldError::BeforeVisit)]);
        // A complaint's follow-up needs the customer's opinion and satisfaction.
        let follow = VisitDraft { complaint_id: "c1".into(), feedback: " ".into(), satisfaction: "".into(), ..visit_draft() };
        assert_eq!(
            follow.parse("cust", today).unwrap_err(),
            vec![(VisitField::Feedback, FieldError::Required), (VisitField::Satisfaction, FieldError::Required)]
        );
    }

    #[test]
    fn a_follow_up_visit_completes_the_complaints_step() {
        let replied = Complaint { id: "c1".into(), customer_id: "cust".into(), rev: 7, stage: Stage::Replied, ..Complaint::default() };
        let v = VisitDraft { complaint_id: "c1".into(), ..visit_draft() }.parse("cust", d("2026-10-08")).unwrap();
        let (set, v) = with_ctx(|ctx| record_visit(ctx, v, Some(&replied), d("2026-10-08"))).unwrap();
        let Op::Put { record: Record::Complaint(c), expect } = &set.ops[0] else { panic!("the complaint first") };
        assert_eq!((c.stage, c.rev, *expect), (Stage::FollowedUp, 8, Expect::Rev(7)));
        assert_eq!(c.satisfaction(), Some(5));
        assert_eq!(c.entries[0].visit_id.as_deref(), Some(v.id.as_str()));
        assert_eq!(c.entries[0].note, "满意,明年继续合作");
        assert!(set.ops.iter().any(|op| matches!(op, Op::Put { record: Record::Visit(x), .. } if x.id == v.id)));
        // A visit that names no complaint leaves it alone.
        let plain = visit_draft().parse("cust", d("2026-10-08")).unwrap();
        let (set, _) = with_ctx(|ctx| record_visit(ctx, plain, Some(&replied), d("2026-10-08"))).unwrap();
        assert!(!set.ops.iter().any(|op| matches!(op, Op::Put { record: Record::Complaint(_), .. })));
        // One that names a complaint it was not given writes nothing.
        let other = VisitDraft { complaint_id: "c2".into(), ..visit_draft() }.parse("cust", d("2026-10-08")).unwrap();
        assert_eq!(with_ctx(|ctx| record_visit(ctx, other, Some(&replied), d("2026-10-08"))).unwrap_err(), StepError::NotNow);
        // A complaint not yet replied cannot be followed up.
        let early = Complaint { stage: Stage::Agreed, ..replied };
        let v = VisitDraft { complaint_id: "c1".into(), ..visit_draft() }.parse("cust", d("2026-10-08")).unwrap();
        assert_eq!(with_ctx(|ctx| record_visit(ctx, v, Some(&early), d("2026-10-08"))).unwrap_err(), StepError::NotNow);
    }

    #[test]
    fn a_promised_answer_is_given_once() {
        let v = visit_draft().parse("cust", d("2026-10-08")).unwrap();
        let v = Visit { id: "v".into(), rev: 1, ..v };
        let (set, after) = with_ctx(|ctx| answer_promise(ctx, &v, 0, d("2026-10-12"))).unwrap();
        assert_eq!(after.promises[0].answered_on, Some(d("2026-10-12")));
        assert!(matches!(&set.ops[0], Op::Put { expect: Expect::Rev(1), .. }));
        // The customer's history says which question was answered.
        let Op::Put { record: Record::History(h), .. } = &set.ops[1] else { panic!("a history entry") };
        assert_eq!((h.action, h.customer_id.as_str(), h.reason.as_str()), (Action::AnswerGiven, "cust", "2027年报价"));
        assert!(with_ctx(|ctx| answer_promise(ctx, &after, 0, d("2026-10-13"))).is_none());
        assert!(with_ctx(|ctx| answer_promise(ctx, &v, 5, d("2026-10-13"))).is_none());
    }
}
