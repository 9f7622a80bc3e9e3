//! 客户投诉 — complaints and the procedure every one goes through: received,
//! judged (accepted, or declined with an explanation for the customer),
//! handed to the department concerned, investigated by its head, who names
//! the people responsible and proposes a resolution, agreed with the
//! customer (or back to the investigation when the customer is not
//! satisfied), replied, followed up by a visit for the customer's final
//! opinion, and closed with a summary. Every step keeps who took it and when.
//!
//! Two deadlines run from the day a complaint is received, in working days
//! of the agency's calendar ([`WorkCalendar`]): the investigation starts
//! within one, the customer has a satisfactory reply within two (both set per
//! severity in [`ComplaintRules`]). A complaint past a deadline is overdue
//! and goes up: to the department's head, then to the director.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::WorkCalendar;
use super::history::Actor;
use super::staff::{Role, Staff};

/// The rules are one Setting.
pub const SETTING: &str = "complaint_rules";

/// The longest text of a step or a complaint's account, in characters.
pub const MAX_TEXT: usize = 4000;

key_enum! {
    /// How the complaint reached the agency.
    pub enum Channel { Phone = "phone", Email = "email", Letter = "letter", InPerson = "in_person", Online = "online" }
}

key_enum! {
    pub enum Severity { Low = "low", Normal = "normal", High = "high", Urgent = "urgent" }
}

key_enum! {
    /// Where a complaint stands.
    pub enum Stage {
        Received = "received",
        Declined = "declined",
        Accepted = "accepted",
        Assigned = "assigned",
        Investigating = "investigating",
        Proposed = "proposed",
        Agreed = "agreed",
        Replied = "replied",
        FollowedUp = "followed_up",
        Closed = "closed",
    }
}

key_enum! {
    /// A step someone takes on a complaint.
    pub enum Step {
        /// Judged well-founded.
        Accept = "accept",
        /// Judged unfounded; the note is the explanation given to the customer.
        Decline = "decline",
        /// Handed to a department (again, to hand it on).
        Assign = "assign",
        /// The department's head starts the investigation.
        Investigate = "investigate",
        /// The people responsible named, and a resolution put to the customer.
        Propose = "propose",
        /// The customer agrees to the resolution.
        Agree = "agree",
        /// The customer is not satisfied: back to the investigation.
        Reject = "reject",
        /// The customer has the agency's reply.
        Reply = "reply",
        /// The follow-up visit: the customer's final opinion and satisfaction.
        FollowUp = "follow_up",
        /// Archived, with a summary and an evaluation.
        Close = "close",
    }
}

/// The categories every agency starts with (服务态度, 专业素质, 服务效率,
/// product quality, other); the agency may add its own, kept as typed.
pub const CATEGORIES: &[&str] = &["attitude", "competence", "efficiency", "quality", "other"];

impl Stage {
    /// The steps that can be taken from here, in the order they are offered.
    pub fn steps(self) -> &'static [Step] {
        use Step::*;
        match self {
            Stage::Received => &[Accept, Decline],
            Stage::Declined => &[Close],
            Stage::Accepted => &[Assign],
            Stage::Assigned => &[Investigate, Assign],
            Stage::Investigating => &[Propose, Assign],
            Stage::Proposed => &[Agree, Reject],
            Stage::Agreed => &[Reply],
            Stage::Replied => &[FollowUp],
            Stage::FollowedUp => &[Close],
            Stage::Closed => &[],
        }
    }

    /// Where `step` leads from here, if it can be taken here.
    pub fn after(self, step: Step) -> Option<Stage> {
        if !self.steps().contains(&step) {
            return None;
        }
        Some(match step {
            Step::Accept => Stage::Accepted,
            Step::Decline => Stage::Declined,
            Step::Assign => Stage::Assigned,
            Step::Investigate => Stage::Investigating,
            Step::Propose => Stage::Proposed,
            Step::Agree => Stage::Agreed,
            Step::Reject => Stage::Investigating,
            Step::Reply => Stage::Replied,
            Step::FollowUp => Stage::FollowedUp,
            Step::Close => Stage::Closed,
        })
    }

    /// Whether the complaint is still being handled.
    pub fn is_open(self) -> bool {
        self != Stage::Closed
    }
}

/// One step taken: what, when, by whom, and what it recorded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    pub step: Step,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    /// The agency's day it was taken on, which the deadlines are kept against.
    #[serde(with = "super::as_text::required")]
    pub on: NaiveDate,
    pub by: Actor,
    /// The explanation, proposal, objection, reply, final opinion or summary.
    pub note: String,
    /// Assign: the department it goes to.
    pub department: String,
    /// Propose: the staff ids of the people responsible.
    pub responsible: Vec<String>,
    /// Follow-up: the customer's satisfaction, 1 to 5.
    pub satisfaction: Option<u8>,
    /// Follow-up: the visit that collected it.
    pub visit_id: Option<String>,
    /// Close: the evaluation of how the complaint was handled.
    pub evaluation: String,
}

impl Default for Entry {
    fn default() -> Self {
        Entry {
            step: Step::Accept,
            at: DateTime::UNIX_EPOCH,
            on: NaiveDate::default(),
            by: Actor::default(),
            note: String::new(),
            department: String::new(),
            responsible: Vec::new(),
            satisfaction: None,
            visit_id: None,
            evaluation: String::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Complaint {
    pub id: String,
    pub customer_id: String,
    pub rev: u64,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub received_at: DateTime<Utc>,
    /// The agency's day it was received on: the deadlines count from here.
    #[serde(with = "super::as_text::required")]
    pub received_on: NaiveDate,
    pub channel: Channel,
    /// Who complained (a name, as the customer gave it).
    pub complainant: String,
    /// One of [`CATEGORIES`] or the agency's own.
    pub category: String,
    pub what_happened: String,
    pub asks_for: String,
    pub severity: Severity,
    /// Staff id of who received it.
    pub received_by: Option<String>,
    pub stage: Stage,
    /// The department handling it, once assigned.
    pub department: String,
    /// Staff ids of the people responsible, once named.
    pub responsible: Vec<String>,
    /// The investigation has to start by the end of this day.
    #[serde(with = "super::as_text::required")]
    pub investigate_by: NaiveDate,
    /// The customer has to have a satisfactory reply by the end of this day.
    #[serde(with = "super::as_text::required")]
    pub reply_by: NaiveDate,
    /// Every step taken, oldest first.
    pub entries: Vec<Entry>,
}

impl Default for Complaint {
    fn default() -> Self {
        Complaint {
            id: String::new(),
            customer_id: String::new(),
            rev: 0,
            received_at: DateTime::UNIX_EPOCH,
            received_on: NaiveDate::default(),
            channel: Channel::Phone,
            complainant: String::new(),
            category: CATEGORIES[0].to_string(),
            what_happened: String::new(),
            asks_for: String::new(),
            severity: Severity::Normal,
            received_by: None,
            stage: Stage::Received,
            department: String::new(),
            responsible: Vec::new(),
            investigate_by: NaiveDate::default(),
            reply_by: NaiveDate::default(),
            entries: Vec::new(),
        }
    }
}

/// The deadlines, in working days from receipt, for one severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    pub severity: Severity,
    pub investigate: u32,
    pub reply: u32,
}

/// How the agency runs its complaints: the deadlines per severity, when an
/// overdue complaint goes past the department's head to the director, and
/// the categories it adds to [`CATEGORIES`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplaintRules {
    pub deadlines: Vec<Deadlines>,
    /// Working days past a deadline after which the director is told too.
    pub director_after: u32,
    pub categories: Vec<String>,
}

impl Default for ComplaintRules {
    fn default() -> Self {
        ComplaintRules {
            deadlines: Severity::ALL.iter().map(|&severity| Deadlines { severity, investigate: 1, reply: 2 }).collect(),
            director_after: 2,
            categories: Vec::new(),
        }
    }
}

/// The longest deadline that can be set, in working days.
pub const MAX_DEADLINE: u32 = 60;

impl ComplaintRules {
    /// The deadlines for `severity` (1 and 2 working days where none are set).
    pub fn for_severity(&self, severity: Severity) -> Deadlines {
        self.deadlines.iter().copied().find(|d| d.severity == severity).unwrap_or(Deadlines { severity, investigate: 1, reply: 2 })
    }

    /// Every category: the built-in ones, then the agency's.
    pub fn categories(&self) -> Vec<String> {
        CATEGORIES.iter().map(|c| c.to_string()).chain(self.categories.iter().cloned()).collect()
    }

    /// Set one severity's deadlines: the reply cannot be due before the
    /// investigation starts.
    pub fn set_deadlines(&mut self, d: Deadlines) -> Result<(), RuleError> {
        if d.investigate > MAX_DEADLINE || d.reply > MAX_DEADLINE {
            return Err(RuleError::TooLong);
        }
        if d.reply < d.investigate {
            return Err(RuleError::ReplyBeforeInvestigation);
        }
        match self.deadlines.iter_mut().find(|x| x.severity == d.severity) {
            Some(x) => *x = d,
            None => self.deadlines.push(d),
        }
        Ok(())
    }

    /// How many working days past a deadline the director is told too.
    pub fn set_director_after(&mut self, days: u32) -> Result<(), RuleError> {
        if days > MAX_DEADLINE {
            return Err(RuleError::TooLong);
        }
        self.director_after = days;
        Ok(())
    }

    /// Add a category of the agency's own (its name is its key), after the others.
    pub fn add_category(&mut self, name: &str) -> Result<String, RuleError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(RuleError::CategoryEmpty);
        }
        if name.chars().count() > MAX_CATEGORY {
            return Err(RuleError::CategoryTooLong);
        }
        let folded = name.to_lowercase();
        if self.categories().iter().any(|c| c.to_lowercase() == folded) {
            return Err(RuleError::CategoryExists);
        }
        self.categories.push(name.to_string());
        Ok(name.to_string())
    }

    /// Take one of the agency's own categories off the form; complaints
    /// already in it keep it. The built-in ones stay.
    pub fn remove_category(&mut self, name: &str) {
        self.categories.retain(|c| c != name);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("at most {MAX_DEADLINE} working days")]
    TooLong,
    #[error("the reply cannot be due before the investigation starts")]
    ReplyBeforeInvestigation,
    #[error("a category needs a name")]
    CategoryEmpty,
    #[error("at most {MAX_CATEGORY} characters")]
    CategoryTooLong,
    #[error("there is a category of that name")]
    CategoryExists,
}

/// The longest name of a category of the agency's own, in characters.
pub const MAX_CATEGORY: usize = 30;

/// What a step was refused for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    #[error("this step cannot be taken now")]
    NotNow,
    #[error("a note is required")]
    NoteRequired,
    #[error("a department is required")]
    DepartmentRequired,
    #[error("name at least one person responsible")]
    ResponsibleRequired,
    #[error("satisfaction from 1 to 5 is required")]
    SatisfactionRequired,
    #[error("an evaluation is required")]
    EvaluationRequired,
    #[error("at most {MAX_TEXT} characters")]
    TooLong,
}

/// The two deadlines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Deadline {
    Investigate,
    Reply,
}

/// Who an overdue complaint has gone up to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    DepartmentHead,
    Director,
}

/// A deadline that has passed with its step not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overdue {
    pub deadline: Deadline,
    pub due: NaiveDate,
    /// Working days past the deadline (0 on a day off right after it).
    pub late: u32,
    pub level: Level,
}

/// A deadline met or missed, once it can be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    OnTime,
    Late,
}

impl Complaint {
    /// A complaint received on `on`, its deadlines set from the rules and the calendar.
    pub fn received(mut self, on: NaiveDate, rules: &ComplaintRules, calendar: &WorkCalendar) -> Complaint {
        let d = rules.for_severity(self.severity);
        self.received_on = on;
        self.investigate_by = calendar.add_working_days(on, d.investigate);
        self.reply_by = calendar.add_working_days(on, d.reply);
        self.stage = Stage::Received;
        self
    }

    /// Take `entry` (its step, who, when and what it records): the complaint
    /// as it is after it, or why it cannot be taken.
    pub fn take(&self, entry: Entry) -> Result<Complaint, StepError> {
        let next = self.stage.after(entry.step).ok_or(StepError::NotNow)?;
        let note = entry.note.trim().to_string();
        if note.chars().count() > MAX_TEXT || entry.evaluation.chars().count() > MAX_TEXT {
            return Err(StepError::TooLong);
        }
        let needs_note = matches!(entry.step, Step::Decline | Step::Propose | Step::Reject | Step::Reply | Step::FollowUp | Step::Close);
        if needs_note && note.is_empty() {
            return Err(StepError::NoteRequired);
        }
        if entry.step == Step::Assign && entry.department.trim().is_empty() {
            return Err(StepError::DepartmentRequired);
        }
        if entry.step == Step::Propose && entry.responsible.is_empty() {
            return Err(StepError::ResponsibleRequired);
        }
        if entry.step == Step::FollowUp && !entry.satisfaction.is_some_and(|s| (1..=5).contains(&s)) {
            return Err(StepError::SatisfactionRequired);
        }
        // A complaint that was handled closes with an evaluation too; a declined one needs only its summary.
        if entry.step == Step::Close && self.stage == Stage::FollowedUp && entry.evaluation.trim().is_empty() {
            return Err(StepError::EvaluationRequired);
        }
        let mut out = self.clone();
        out.stage = next;
        match entry.step {
            Step::Assign => {
                out.department = entry.department.trim().to_string();
                out.responsible.clear();
            }
            Step::Propose => out.responsible = entry.responsible.clone(),
            _ => {}
        }
        // Each entry keeps only what its step records.
        let step = entry.step;
        let entry = Entry {
            note,
            department: if step == Step::Assign { entry.department.trim().to_string() } else { String::new() },
            responsible: if step == Step::Propose { entry.responsible } else { Vec::new() },
            satisfaction: entry.satisfaction.filter(|_| step == Step::FollowUp),
            visit_id: entry.visit_id.filter(|_| step == Step::FollowUp),
            evaluation: if step == Step::Close { entry.evaluation.trim().to_string() } else { String::new() },
            ..entry
        };
        out.entries.push(entry);
        Ok(out)
    }

    /// The first time `step` was taken.
    fn first(&self, step: Step) -> Option<&Entry> {
        self.entries.iter().find(|e| e.step == step)
    }

    /// When the step a deadline waits for was taken: the start of the
    /// investigation; the reply (a decline is the reply to a complaint
    /// that is not accepted).
    pub fn met_on(&self, deadline: Deadline) -> Option<NaiveDate> {
        match deadline {
            Deadline::Investigate => self.first(Step::Investigate).or_else(|| self.first(Step::Decline)).map(|e| e.on),
            Deadline::Reply => self.first(Step::Reply).or_else(|| self.first(Step::Decline)).map(|e| e.on),
        }
    }

    pub fn due(&self, deadline: Deadline) -> NaiveDate {
        match deadline {
            Deadline::Investigate => self.investigate_by,
            Deadline::Reply => self.reply_by,
        }
    }

    /// Whether a deadline was kept, as of `today`: unknown while it is still
    /// ahead and its step not taken.
    pub fn kept(&self, deadline: Deadline, today: NaiveDate) -> Option<Kept> {
        match self.met_on(deadline) {
            Some(on) if on <= self.due(deadline) => Some(Kept::OnTime),
            Some(_) => Some(Kept::Late),
            None if today > self.due(deadline) => Some(Kept::Late),
            None => None,
        }
    }

    /// The earliest deadline passed with its step not taken, as of `today`,
    /// and who it has gone up to: the department's head once it is late,
    /// the director too once it is `rules.director_after` working days late.
    pub fn overdue(&self, today: NaiveDate, rules: &ComplaintRules, calendar: &WorkCalendar) -> Option<Overdue> {
        if !self.stage.is_open() {
            return None;
        }
        [Deadline::Investigate, Deadline::Reply].into_iter().find_map(|deadline| {
            let due = self.due(deadline);
            (self.met_on(deadline).is_none() && today > due).then(|| {
                let late = calendar.working_days_between(due, today);
                let level = if late >= rules.director_after.max(1) { Level::Director } else { Level::DepartmentHead };
                Overdue { deadline, due, late, level }
            })
        })
    }

    /// The department the complaint belongs to: the one it was handed to,
    /// or, before that, the department of whoever received it.
    pub fn department_of<'a>(&'a self, staff: &'a [Staff]) -> &'a str {
        if !self.department.is_empty() {
            return &self.department;
        }
        self.received_by.as_deref().and_then(|id| staff.iter().find(|s| s.id == id)).map(|s| s.department.as_str()).unwrap_or("")
    }

    /// The staff whose turn it is: who received it (to judge it and to close
    /// a declined one), the department's heads (to investigate, propose and
    /// reply), the customer service staff (to follow up and close). Where no
    /// one fits, the directors.
    pub fn turn_of(&self, staff: &[Staff]) -> Vec<String> {
        let active = || staff.iter().filter(|s| s.active);
        let heads = |dept: &str| with_role(staff, Role::DepartmentManager, Some(dept));
        let mut ids: Vec<String> = match self.stage {
            Stage::Received | Stage::Declined => self.received_by.iter().filter(|id| active().any(|s| &s.id == *id)).cloned().collect(),
            Stage::Accepted => heads(self.department_of(staff)),
            Stage::Assigned | Stage::Investigating | Stage::Proposed | Stage::Agreed => heads(&self.department),
            Stage::Replied | Stage::FollowedUp => with_role(staff, Role::CustomerService, None),
            Stage::Closed => return Vec::new(),
        };
        if ids.is_empty() {
            ids = directors(staff);
        }
        ids
    }

    /// Who an overdue complaint has gone up to: the heads of its department,
    /// and at [`Level::Director`] the directors as well (the general manager
    /// where there is no director).
    pub fn escalated_to(&self, level: Level, staff: &[Staff]) -> Vec<String> {
        let mut ids = with_role(staff, Role::DepartmentManager, Some(self.department_of(staff)));
        if level == Level::Director || ids.is_empty() {
            ids.extend(directors(staff));
        }
        ids
    }

    /// The customer's satisfaction at the follow-up, if there was one.
    pub fn satisfaction(&self) -> Option<u8> {
        self.entries.iter().rev().find(|e| e.step == Step::FollowUp).and_then(|e| e.satisfaction)
    }
}

/// The active staff with `role`, in `department` when one is asked for
/// (none when it is asked for and empty).
fn with_role(staff: &[Staff], role: Role, department: Option<&str>) -> Vec<String> {
    staff
        .iter()
        .filter(|s| s.active && s.role == role && department.is_none_or(|d| !d.is_empty() && s.department == d))
        .map(|s| s.id.clone())
        .collect()
}

/// The active directors, or the general managers where there are none.
fn directors(staff: &[Staff]) -> Vec<String> {
    let d = with_role(staff, Role::Director, None);
    if d.is_empty() {
        with_role(staff, Role::GeneralManager, None)
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::DayKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn entry(step: Step, on: &str) -> Entry {
        Entry { step, on: d(on), note: "n".into(), ..Entry::default() }
    }

    fn staff() -> Vec<Staff> {
        let s = |id: &str, dept: &str, role: Role| Staff { id: id.into(), name: id.into(), department: dept.into(), role, ..Staff::default() };
        vec![
            s("rep", "Sales", Role::SalesRep),
            s("head-sales", "Sales", Role::DepartmentManager),
            s("head-events", "Events", Role::DepartmentManager),
            s("cs", "Service", Role::CustomerService),
            s("dir", "Board", Role::Director),
            s("gm", "Board", Role::GeneralManager),
        ]
    }

    /// Friday the 25th of September 2026 before National Day (Thursday the 1st
    /// of October to Wednesday the 7th), with Saturday the 10th worked.
    fn calendar() -> WorkCalendar {
        let mut c = WorkCalendar::default();
        c.set_range(d("2026-10-01"), d("2026-10-07"), DayKind::Holiday, "国庆节").unwrap();
        c.set_range(d("2026-10-10"), d("2026-10-10"), DayKind::Workday, "").unwrap();
        c
    }

    fn received(on: &str) -> Complaint {
        Complaint { received_by: Some("rep".into()), ..Complaint::default() }.received(d(on), &ComplaintRules::default(), &calendar())
    }

    #[test]
    fn every_step_is_allowed_only_where_the_procedure_has_it() {
        let allowed: &[(Stage, Step, Stage)] = &[
            (Stage::Received, Step::Accept, Stage::Accepted),
            (Stage::Received, Step::Decline, Stage::Declined),
            (Stage::Declined, Step::Close, Stage::Closed),
            (Stage::Accepted, Step::Assign, Stage::Assigned),
            (Stage::Assigned, Step::Assign, Stage::Assigned),
            (Stage::Assigned, Step::Investigate, Stage::Investigating),
            (Stage::Investigating, Step::Assign, Stage::Assigned),
            (Stage::Investigating, Step::Propose, Stage::Proposed),
            (Stage::Proposed, Step::Agree, Stage::Agreed),
            (Stage::Proposed, Step::Reject, Stage::Investigating),
            (Stage::Agreed, Step::Reply, Stage::Replied),
            (Stage::Replied, Step::FollowUp, Stage::FollowedUp),
            (Stage::FollowedUp, Step::Close, Stage::Closed),
        ];
        for &stage in Stage::ALL {
            for &step in Step::ALL {
                let expected = allowed.iter().find(|(s, t, _)| *s == stage && *t == step).map(|(_, _, to)| *to);
                assert_eq!(stage.after(step), expected, "{stage:?} + {step:?}");
                let complaint = Complaint { stage, ..Complaint::default() };
                let e = Entry { step, note: "n".into(), department: "Sales".into(), responsible: vec!["rep".into()], satisfaction: Some(4), evaluation: "e".into(), ..Entry::default() };
                match expected {
                    Some(to) => assert_eq!(complaint.take(e).unwrap().stage, to),
                    None => assert_eq!(complaint.take(e), Err(StepError::NotNow)),
                }
            }
        }
        assert!(Stage::Closed.steps().is_empty());
    }

    #[test]
    fn each_step_asks_for_what_it_records() {
        let c = received("2026-09-21");
        assert_eq!(c.take(Entry { step: Step::Decline, ..Entry::default() }), Err(StepError::NoteRequired));
        assert_eq!(c.take(Entry { step: Step::Decline, note: "x".repeat(MAX_TEXT + 1), ..Entry::default() }), Err(StepError::TooLong));
        let c = c.take(Entry { step: Step::Accept, ..Entry::default() }).unwrap();
        assert_eq!(c.take(Entry { step: Step::Assign, department: "  ".into(), ..Entry::default() }), Err(StepError::DepartmentRequired));
        let c = c.take(Entry { step: Step::Assign, department: " Events ".into(), ..Entry::default() }).unwrap();
        assert_eq!(c.department, "Events");
        let c = c.take(Entry { step: Step::Investigate, ..Entry::default() }).unwrap();
        assert_eq!(c.take(Entry { step: Step::Propose, note: "refund".into(), ..Entry::default() }), Err(StepError::ResponsibleRequired));
        let c = c.take(Entry { step: Step::Propose, note: "refund".into(), responsible: vec!["rep".into()], ..Entry::default() }).unwrap();
        assert_eq!(c.responsible, vec!["rep".to_string()]);
        let c = c.take(Entry { step: Step::Agree, ..Entry::default() }).unwrap();
        let c = c.take(Entry { step: Step::Reply, note: "refunded".into(), ..Entry::default() }).unwrap();
        for bad in [None, Some(0), Some(6)] {
            assert_eq!(c.take(Entry { step: Step::FollowUp, note: "ok".into(), satisfaction: bad, ..Entry::default() }), Err(StepError::SatisfactionRequired));
        }
        let c = c.take(Entry { step: Step::FollowUp, note: "satisfied".into(), satisfaction: Some(4), ..Entry::default() }).unwrap();
        assert_eq!(c.satisfaction(), Some(4));
        assert_eq!(c.take(Entry { step: Step::Close, note: "handled in time".into(), ..Entry::default() }), Err(StepError::EvaluationRequired));
        let c = c.take(Entry { step: Step::Close, note: "handled in time".into(), evaluation: "good".into(), ..Entry::default() }).unwrap();
        assert_eq!(c.stage, Stage::Closed);
        assert_eq!(c.entries.len(), 8);
        // Each entry keeps only what its step records.
        assert!(c.entries.iter().all(|e| (e.step == Step::Assign) != e.department.is_empty()));
        assert!(c.entries.iter().all(|e| (e.step == Step::Propose) != e.responsible.is_empty()));
        assert!(c.entries.iter().all(|e| (e.step == Step::FollowUp) == e.satisfaction.is_some()));
        // A declined complaint closes with its summary alone.
        let declined = Complaint { stage: Stage::Declined, ..Complaint::default() };
        assert_eq!(declined.take(Entry { step: Step::Close, note: "已向客户解释".into(), ..Entry::default() }).unwrap().stage, Stage::Closed);
        // Handed on to another department: the people named before are dropped.
        let mut handed = Complaint { stage: Stage::Investigating, department: "Events".into(), responsible: vec!["rep".into()], ..Complaint::default() };
        handed = handed.take(Entry { step: Step::Assign, department: "Sales".into(), ..Entry::default() }).unwrap();
        assert_eq!((handed.department.as_str(), handed.responsible.len()), ("Sales", 0));
    }

    #[test]
    fn deadlines_count_working_days_from_the_day_of_receipt() {
        // The Friday before the National Day week: the investigation starts
        // Monday, the reply is due Tuesday.
        let c = received("2026-09-25");
        assert_eq!((c.investigate_by, c.reply_by), (d("2026-09-28"), d("2026-09-29")));
        // Received on Wednesday the 30th: the week off does not count.
        let c = received("2026-09-30");
        assert_eq!((c.investigate_by, c.reply_by), (d("2026-10-08"), d("2026-10-09")));
        // Per severity.
        let mut rules = ComplaintRules::default();
        rules.set_deadlines(Deadlines { severity: Severity::Urgent, investigate: 0, reply: 1 }).unwrap();
        let urgent = Complaint { severity: Severity::Urgent, ..Complaint::default() }.received(d("2026-10-09"), &rules, &calendar());
        assert_eq!((urgent.investigate_by, urgent.reply_by), (d("2026-10-09"), d("2026-10-10")));
        assert_eq!(rules.set_deadlines(Deadlines { severity: Severity::Low, investigate: 3, reply: 2 }), Err(RuleError::ReplyBeforeInvestigation));
        assert_eq!(rules.set_deadlines(Deadlines { severity: Severity::Low, investigate: 3, reply: 61 }), Err(RuleError::TooLong));
    }

    #[test]
    fn the_agency_adds_its_own_categories_and_sets_when_the_director_is_told() {
        let mut rules = ComplaintRules::default();
        assert_eq!(rules.add_category(" 场地安全 "), Ok("场地安全".to_string()));
        assert_eq!(rules.categories().last().map(String::as_str), Some("场地安全"));
        assert_eq!(rules.add_category("场地安全"), Err(RuleError::CategoryExists));
        // A built-in key, in any case, is taken too.
        assert_eq!(rules.add_category("Quality"), Err(RuleError::CategoryExists));
        assert_eq!(rules.add_category("  "), Err(RuleError::CategoryEmpty));
        assert_eq!(rules.add_category(&"长".repeat(MAX_CATEGORY + 1)), Err(RuleError::CategoryTooLong));
        rules.remove_category("场地安全");
        rules.remove_category("quality");
        assert_eq!(rules.categories(), CATEGORIES.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        assert_eq!(rules.set_director_after(MAX_DEADLINE + 1), Err(RuleError::TooLong));
        rules.set_director_after(0).unwrap();
        // Told at once: an overdue complaint goes straight to the director.
        let c = received("2026-09-25");
        assert_eq!(c.overdue(d("2026-09-30"), &rules, &calendar()).map(|o| o.level), Some(Level::Director));
    }

    #[test]
    fn an_overdue_complaint_goes_to_the_head_then_the_director() {
        let rules = ComplaintRules::default();
        let cal = calendar();
        let c = received("2026-09-25");
        // Due Monday the 28th: not overdue that day.
        assert_eq!(c.overdue(d("2026-09-28"), &rules, &cal), None);
        // Tuesday: a working day late, the department's head hears of it.
        let o = c.overdue(d("2026-09-29"), &rules, &cal).unwrap();
        assert_eq!((o.deadline, o.late, o.level), (Deadline::Investigate, 1, Level::DepartmentHead));
        // Wednesday: two working days late, the director too (the default).
        let o = c.overdue(d("2026-09-30"), &rules, &cal).unwrap();
        assert_eq!((o.late, o.level), (2, Level::Director));
        // The holiday week adds no working days late.
        assert_eq!(c.overdue(d("2026-10-07"), &rules, &cal).unwrap().late, 2);
        assert_eq!(c.overdue(d("2026-10-08"), &rules, &cal).unwrap().late, 3);
        // An agency that tells the director at once.
        let strict = ComplaintRules { director_after: 1, ..ComplaintRules::default() };
        assert_eq!(c.overdue(d("2026-09-29"), &strict, &cal).unwrap().level, Level::Director);
        // Due Friday, looked at on Saturday: late, but no working day late yet.
        let fri = received("2026-10-15");
        assert_eq!(fri.investigate_by, d("2026-10-16"));
        let o = fri.overdue(d("2026-10-17"), &rules, &cal).unwrap();
        assert_eq!((o.late, o.level), (0, Level::DepartmentHead));

        // The investigation started on time: the reply is what is overdue next.
        let started = c
            .take(entry(Step::Accept, "2026-09-25"))
            .and_then(|c| c.take(Entry { department: "Events".into(), ..entry(Step::Assign, "2026-09-28") }))
            .and_then(|c| c.take(entry(Step::Investigate, "2026-09-28")))
            .unwrap();
        assert_eq!(started.kept(Deadline::Investigate, d("2026-09-28")), Some(Kept::OnTime));
        assert_eq!(started.kept(Deadline::Reply, d("2026-09-28")), None);
        let o = started.overdue(d("2026-09-30"), &rules, &cal).unwrap();
        assert_eq!((o.deadline, o.due, o.late, o.level), (Deadline::Reply, d("2026-09-29"), 1, Level::DepartmentHead));
        assert_eq!(started.kept(Deadline::Reply, d("2026-09-30")), Some(Kept::Late));
        assert_eq!(started.escalated_to(Level::DepartmentHead, &staff()), vec!["head-events".to_string()]);
        assert_eq!(started.escalated_to(Level::Director, &staff()), vec!["head-events".to_string(), "dir".to_string()]);
        // Before it is assigned, the head of the department of whoever received it.
        assert_eq!(c.escalated_to(Level::DepartmentHead, &staff()), vec!["head-sales".to_string()]);
        // A closed complaint is never overdue; a declined one's reply was the decline.
        let declined = c.take(entry(Step::Decline, "2026-09-25")).unwrap();
        assert_eq!(declined.overdue(d("2026-10-20"), &rules, &cal), None);
        assert_eq!(declined.kept(Deadline::Reply, d("2026-10-20")), Some(Kept::OnTime));
    }

    #[test]
    fn whose_turn_it_is_follows_the_stage() {
        let staff = staff();
        let c = received("2026-09-21");
        assert_eq!(c.turn_of(&staff), vec!["rep".to_string()]);
        let c = c.take(entry(Step::Accept, "2026-09-21")).unwrap();
        assert_eq!(c.turn_of(&staff), vec!["head-sales".to_string()]);
        let c = c.take(Entry { department: "Events".into(), ..entry(Step::Assign, "2026-09-21") }).unwrap();
        assert_eq!(c.turn_of(&staff), vec!["head-events".to_string()]);
        let replied = Complaint { stage: Stage::Replied, ..c.clone() };
        assert_eq!(replied.turn_of(&staff), vec!["cs".to_string()]);
        // A department without a head: the directors.
        let orphan = Complaint { stage: Stage::Assigned, department: "Design".into(), ..c };
        assert_eq!(orphan.turn_of(&staff), vec!["dir".to_string()]);
        let no_director: Vec<Staff> = staff.into_iter().filter(|s| s.role != Role::Director).collect();
        assert_eq!(orphan.turn_of(&no_director), vec!["gm".to_string()]);
    }
}
