//! Every string the user sees, in English, Simplified Chinese and
//! Traditional Chinese. Each table is an exhaustive `match`, so a message
//! missing from one language does not compile.

mod en;
mod zh_cn;
mod zh_tw;

use crate::domain::classification::Class;
use crate::domain::contact::ContactField;
use crate::domain::customer::{CreditRating, Section};
use crate::domain::grading::{Join, Metric, Op};
use crate::domain::interaction::Channel;
use crate::domain::transaction::{PaymentMethod, TransactionField};
use crate::domain::calendar::{CalendarError, DayKind};
use crate::domain::complaint::{RuleError, Severity, Stage, Step, StepError};
use crate::domain::validate::FieldError;
use crate::io::backup::BackupError;
use crate::io::csv::CsvError;
use crate::domain::{Action, Confidentiality, CustomerKind, Field, Kind, Role, Scope, Status};

key_enum! {
    /// A language of the interface.
    pub enum Locale { En = "en", ZhCn = "zh-CN", ZhTw = "zh-TW" }
}

impl Locale {
    /// The language's name in itself, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhCn => "简体中文",
            Locale::ZhTw => "繁體中文",
        }
    }

    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-Hans",
            Locale::ZhTw => "zh-Hant",
        }
    }

    /// The language for a BCP 47 tag from the browser, if we have it.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let t = tag.to_ascii_lowercase();
        if t.starts_with("zh") {
            let traditional = ["zh-tw", "zh-hk", "zh-mo", "zh-hant"].iter().any(|p| t.starts_with(p));
            Some(if traditional { Locale::ZhTw } else { Locale::ZhCn })
        } else if t.starts_with("en") {
            Some(Locale::En)
        } else {
            None
        }
    }
}

/// Messages of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    About, AddContact, AddLogEntry, AddStaff, All, Cancel, ChangedElsewhere, Channel, ChooseSuccessor, CoOwner,
    Confidentiality, ConflictBothFields, ConflictExplain, ConflictReloaded, ConflictTheirFields, ConflictTitle, CountOf, CustomerMissing,
    CustomersOwned, Date, DaysAgo, DaysLeft, Delete, DeleteExplain, DeleteForever, DeleteReason, DeleteTitle, DeletedAt,
    DeletedBy, DemoArchive, DemoBanner, DiscardChanges, DraftRestored, DemoExplain, DemoResetDone, Department, Edit, EditContact, EditCustomer,
    EditReason, EditStaff, Email, ErrBlocked, ErrConflict, ErrCorrupt, ErrFailed, ErrQuota, ErrTooNew, ErrUnavailable,
    FieldName, FixFields, HandOver, HandedOver, HandoverExplain, HandoverTitle, History, Industry, Kind, Language,
    LastReviewed, LeaveDemo, Left, ListKeysHint, Loading, LoadingList, LogAdded, LogEntry, MarkAsLeft, MarkReviewed, MarkedReviewed,
    MoveToTrash, MovedToTrash, Name, NavCustomers, NavReview, NavSettings, NavStaff, NavTrash, Navigation, NewCustomer,
    NewValue, NextStep, NoContacts, NoCustomersYet, NoHistory, NoLog, NoMatches, NoStaff, Nobody, NobodySelected, NothingToReview,
    OldValue, OpenDemo, OpenFailed, Opening, Owner, PageLoading, PageNotLoaded, PageTryAgain, Persistent, PersistentNo, PersistentYes, Phone, PrimaryContact,
    PurgeConfirm, Purged, Reason, ReasonRequired, Region, Remove, RemoveContactConfirm, ResetDemo, Restore, Restored, ReviewExplain, Revision,
    Role, Save, SaveContact, SaveMerged, Saved, Scope, Search, StaffMember, StaffName, Status, Storage,
    StorageAvailable, StorageNote, StorageUsed, Successor, Summary, TabContacts, TabLog, TabRecord, TrashEmpty,
    TrashExplain, Unassigned, WhoAmI, WorkingViewNote, Yes, No,
    BackupTitle, BackupExplain, LastBackup, Never, Passphrase, PassphraseAgain, PassphraseMismatch, PassphraseNote, BackupNow,
    BackingUp, BackupSaved, BackupDue, Later, RestoreTitle, RestoreExplain, BackupFile, WrittenAt, WrittenBy, Encrypted,
    OpenBackup, StoreCol, InBackup, InArchive, Added, Changed, Removed, ReplaceAll, ReplaceConfirm, Restoring, RestoreDone,
    Export, Exporting, Exported,
    BackupFormat, BackupFormatValue,
    DownloadFailed, FileUnreadable, MergeUnreadable,
    MoreNewRows,
    MergeIn, MergeSummary, KeepMine, TakeBackup, ConflictBoth, ConflictDeletedHere, ConflictDeletedThere, MergeNow, Merging, MergeDone,
    PrintCard, CardDealer, CardEndCustomer, PrintedAt, PrintList, PrintedCount,
    Import, ImportTitle, ImportExplain, SpreadsheetFile, Encoding, EncUtf8, EncGb18030, EncBig5, ColumnInFile, FirstValue, GoesTo, NotImported, SaveMapping, MappingSaved, MappingRemembered, NameNotMapped, RowCol, OutcomeCol, WillCreate, SameAsArchive, SameAsRow, CannotImport, SkipRow, CreateRow, UpdateRow, AllDuplicates, ImportSummary, ImportNow, ImportingRows, ImportDone, NothingToImport, ImportFrom,
    OrgStateOwned, OrgPrivate, OrgForeign, OrgJointVenture, OrgIndividual, OrgGovernment, OrgNonProfit,
    TabTransactions, AddTransaction, EditTransaction, SaveTransaction, NoTransactions, TransactionSaved, TransactionRemoved, RemoveTransactionTitle, RemoveTransactionExplain, Owed, OverdueAmount, DueThisMonth, Outstanding, DueOn, PaidInFull, OverdueDays, DueSoon, NotDue, LongestOverdue, TermNote,
    CreditOverLimit, CreditOverdue,
    GradeStrategic, GradeKey, GradeGeneral, GradePotential, Grade, NotGraded, Credit, NeedsAttention, FlagOverdue, FlagOverLimit, GradedByHand,
    NavGrades, GradesExplain, Tiers, AddTier, TierInUse, Rules, RuleN, AddRule, AddCondition, MoveUp, MoveDown, GivesGrade, Otherwise, PeriodMonths, SaveRules, RulesSaved, RuleNeedsCondition, BadMonths, TierNameRequired, RegradeTitle, RegradeExplain, PreviewRegrade, ReadingArchive, RegradeNone, RegradeCount, ApplyRegrade, Regraded, FromGrade, ToGrade, ByRule, NoRuleHeld, RegradeReason, RegradeDue, SetGrade, SetGradeTitle, SetGradeExplain, BackToRules, GradeSaved, GradeOverride,
    When, Join, Metric, Comparison, Value,
    NavAnalysis, PeriodFrom, PeriodTo, Last12Months, ThisYear, LastQuarter, TotalSales, TransactionsCount, CustomersShown, KeyAccounts, KeyAccountsExplain, SalesByGrade, SalesByProduct, SalesByRegion, SalesTrend, ByMonth, ByQuarter, CustomersBy, TopCustomers, Share, Cumulative, Period, ExportCsv, Unspecified, AmountsNote, NoSales, BadPeriod, OrgFormCol, CustomerCol,
    QuarterLabel, TransactionGone, RulesChangedElsewhere,
    KeyAccountsFilter,
    ClassLists, ClassListsExplain, AddValue, RenameValue, InUseBy, NotOnList, AddToList, RemoveValueTitle, RemoveValueInUse, RemoveValueUnused, LeaveEmpty, ValueAdded, ValueRenamed, ValueRemoved, ValueEmpty, ValueTooLong, ValueDuplicate, ListChangedElsewhere, RenamedInSettings, RemovedInSettings, Updating, NewName, MoveThemTo, MoveValue, MoveValueTitle, MoveNow, ValueMoved, MovedInSettings,
    RatingsTitle, RatingsExplain, RatingNow, RatingSuggested, NotRated, LowerRatings, RatingsLowered, OverdueAmountText, OverLimitText, RatingReason, KeepValue, ChooseValue, ChooseWhere,
    WorkCalendar, CalendarExplain, WeeklyDaysOff, DayFrom, DayTo, DayKindLabel, AddDays, CalendarSaved, LoadCalendar, ExportCalendar, CalendarLoaded, CalendarLineError, CalendarFileRefused, NoCalendarDays, DeadlinePreview, Weekday, Year, TabComplaints, RecordComplaint, NoComplaints, ReceivedOn, Complainant, ComplaintCategory, WhatHappened, AsksFor, Severity, ReceivedBy, ComplaintSaved, InvestigateBy, ReplyBy, StepRecorded, Responsible, SatisfactionLabel, Evaluation, Timeline, NoteDecline, NotePropose, NoteReject, NoteReply, NoteFollowUp, NoteClose, NoteOptional, OverdueHead, OverdueDirector, KeptOnTime, KeptLate, ChooseStaff, ComplaintSteps,
    NavWork, WorkNobody, WorkComplaints, WorkNone,
    StageLabel,
    TabVisits, RecordVisit, NoVisits, VisitSaved, VisitDate, VisitMode, VisitBy, VisitTopics, VisitFeedback, FollowUpOf, NotAFollowUp, FollowUpHint, Promises, PromiseQuestion, AnswerBy, AddQuestion, RemoveQuestion, MarkAnswered, AnsweredOn, AnswerOwed, AnswerSaved, FollowUpOfComplaint, DueList, DueListFor, DueListAll, DueOverdue, DueToday, DueThisWeek, DueAnswer, DueBirthday, DueFestival, PriorityKey, PriorityNew, PriorityComplained, NothingDue, VisitPlan, VisitPlanExplain, BusyMonths, PlanGrade, NoGrade, BusyCallDays, BusyVisitDays, QuietCallDays, QuietVisitDays, PlanSaved, PlanIntervalError,
    DueWhat,
    NavService, ServiceTitle, ComplaintsReceived, ComplaintsOpen, ComplaintsOverdue, InvestigateOnTime, ReplyOnTime, FollowUpSatisfaction, ComplaintsByCategory, ComplaintsByDepartment, ComplaintsByResponsible, ComplaintsByMonth, DeadlinesKept, Deadline, KeptCount, MissedCount, RateCol, Complaints, NotYetAssigned, RatingCol, FollowUps, SatisfactionTrend, TrendOf, Everyone, AverageCol, RatingsCol, SatisfactionByStaff, SatisfactionByGrade, StaffCol, NoneYet, CustomerSatisfactionTrend,
    ComplaintRulesTitle, ComplaintRulesExplain, InvestigateWithin, ReplyWithin, DirectorAfter, OwnCategories, BuiltIn, NewCategory, AddCategory, ComplaintRulesSaved, WholeDays,
    ComesFirst, SatisfactionOf, RemoveQuestionNamed,
}

/// Organisation forms (企业性质) offered as suggestions.
pub const ORG_FORMS: &[Msg] = &[
    Msg::OrgStateOwned,
    Msg::OrgPrivate,
    Msg::OrgForeign,
    Msg::OrgJointVenture,
    Msg::OrgIndividual,
    Msg::OrgGovernment,
    Msg::OrgNonProfit,
];

/// A classification list as a new archive has it, in `l`.
pub fn class_defaults(l: Locale, c: Class) -> Vec<String> {
    let list = match (c, l) {
        (Class::OrgForm, _) => return ORG_FORMS.iter().map(|m| t(l, *m).to_string()).collect(),
        (Class::Industry, Locale::En) => en::INDUSTRIES,
        (Class::Industry, Locale::ZhCn) => zh_cn::INDUSTRIES,
        (Class::Industry, Locale::ZhTw) => zh_tw::INDUSTRIES,
        (Class::Region, Locale::En) => en::REGIONS,
        (Class::Region, Locale::ZhCn) => zh_cn::REGIONS,
        (Class::Region, Locale::ZhTw) => zh_tw::REGIONS,
        (Class::CustomerType, Locale::En) => en::CUSTOMER_TYPES,
        (Class::CustomerType, Locale::ZhCn) => zh_cn::CUSTOMER_TYPES,
        (Class::CustomerType, Locale::ZhTw) => zh_tw::CUSTOMER_TYPES,
    };
    list.iter().map(|s| s.to_string()).collect()
}

pub fn t(l: Locale, m: Msg) -> &'static str {
    match l {
        Locale::En => en::msg(m),
        Locale::ZhCn => zh_cn::msg(m),
        Locale::ZhTw => zh_tw::msg(m),
    }
}

/// Why a value was refused, in the user's language.
pub fn field_error(l: Locale, e: &FieldError) -> String {
    let text = match l {
        Locale::En => en::field_error(e),
        Locale::ZhCn => zh_cn::field_error(e),
        Locale::ZhTw => zh_tw::field_error(e),
    };
    match e {
        FieldError::TooLong(n) => text.replace("{n}", &n.to_string()),
        _ => text.to_string(),
    }
}

/// Why a backup file cannot be restored, in the user's language.
pub fn backup_error(l: Locale, e: &BackupError) -> String {
    let text = match l {
        Locale::En => en::backup_error(e),
        Locale::ZhCn => zh_cn::backup_error(e),
        Locale::ZhTw => zh_tw::backup_error(e),
    };
    let (n, m, name) = match e {
        BackupError::FormatTooNew(v) => (*v as u64, 0, String::new()),
        BackupError::SchemaTooNew { found, supported } => (*found as u64, *supported as u64, String::new()),
        BackupError::CutShort { expected, found } => (*found, *expected, String::new()),
        BackupError::TrailingBytes(n) => (*n, 0, String::new()),
        BackupError::CountMismatch { store, expected, found } => (*found, *expected, store.clone()),
        BackupError::BadRecord { store, number, detail } => (*number as u64, 0, format!("{store}: {detail}")),
        BackupError::DuplicateId { store, id } => (0, 0, format!("{store}: {id}")),
        BackupError::UnknownStore(s) | BackupError::BadHeader(s) | BackupError::Crypto(s) => (0, 0, s.clone()),
        _ => (0, 0, String::new()),
    };
    text.replace("{n}", &n.to_string()).replace("{m}", &m.to_string()).replace("{name}", &name)
}

/// Why a spreadsheet file cannot be read, in the user's language.
pub fn csv_error(l: Locale, e: &CsvError) -> String {
    let text = match l {
        Locale::En => en::csv_error(e),
        Locale::ZhCn => zh_cn::csv_error(e),
        Locale::ZhTw => zh_tw::csv_error(e),
    };
    let (n, m, name) = match e {
        CsvError::Undecodable(enc) => (0, 0, enc.as_str().to_uppercase()),
        CsvError::UnclosedQuote { row } => (*row, 0, String::new()),
        CsvError::CellTooLong { row, limit } => (*row, *limit, String::new()),
        _ => (0, 0, String::new()),
    };
    text.replace("{n}", &n.to_string()).replace("{m}", &m.to_string()).replace("{name}", &name)
}

/// Why a calendar edit or file line is refused, in the user's language.
pub fn calendar_error(l: Locale, e: &CalendarError) -> &'static str {
    match l {
        Locale::En => en::calendar_error(e),
        Locale::ZhCn => zh_cn::calendar_error(e),
        Locale::ZhTw => zh_tw::calendar_error(e),
    }
}

/// Why a complaint step is refused, in the user's language.
pub fn step_error(l: Locale, e: &StepError) -> &'static str {
    match l {
        Locale::En => en::step_error(e),
        Locale::ZhCn => zh_cn::step_error(e),
        Locale::ZhTw => zh_tw::step_error(e),
    }
}

pub fn rule_error(l: Locale, e: &RuleError) -> &'static str {
    match l {
        Locale::En => en::rule_error(e),
        Locale::ZhCn => zh_cn::rule_error(e),
        Locale::ZhTw => zh_tw::rule_error(e),
    }
}

/// A complaint category's name: a built-in one's in the user's language, an agency's own as typed.
pub fn complaint_category(l: Locale, key: &str) -> String {
    let builtin = match l {
        Locale::En => en::complaint_category(key),
        Locale::ZhCn => zh_cn::complaint_category(key),
        Locale::ZhTw => zh_tw::complaint_category(key),
    };
    builtin.map(str::to_string).unwrap_or_else(|| key.to_string())
}

/// A weekday's short name, Monday 1 to Sunday 7.
pub fn weekday(l: Locale, n: u32) -> &'static str {
    let names = match l {
        Locale::En => en::WEEKDAYS,
        Locale::ZhCn => zh_cn::WEEKDAYS,
        Locale::ZhTw => zh_tw::WEEKDAYS,
    };
    names[(n.clamp(1, 7) - 1) as usize]
}

/// A month's short name, January 1 to December 12.
pub fn month(l: Locale, n: u32) -> &'static str {
    let names = match l {
        Locale::En => en::MONTHS,
        Locale::ZhCn => zh_cn::MONTHS,
        Locale::ZhTw => zh_tw::MONTHS,
    };
    names[(n.clamp(1, 12) - 1) as usize]
}

/// A stored value with a label in each language.
pub trait Label {
    fn label(self, l: Locale) -> &'static str;
}

macro_rules! label {
    ($t:ty, $f:ident) => {
        impl Label for $t {
            fn label(self, l: Locale) -> &'static str {
                match l {
                    Locale::En => en::$f(self),
                    Locale::ZhCn => zh_cn::$f(self),
                    Locale::ZhTw => zh_tw::$f(self),
                }
            }
        }
    };
}

label!(Status, status);
label!(CustomerKind, kind);
label!(Confidentiality, confidentiality);
label!(Role, role);
label!(Channel, channel);
label!(Scope, scope);
label!(Section, section);
label!(Action, action);
label!(Field, field);
label!(ContactField, contact_field);
label!(Kind, entity);
label!(TransactionField, transaction_field);
label!(PaymentMethod, payment_method);
label!(CreditRating, credit_rating);
label!(Metric, metric);
label!(Join, join);
label!(Op, op);
label!(DayKind, day_kind);
label!(crate::domain::complaint::Channel, complaint_channel);
label!(Severity, severity);
label!(Stage, stage);
label!(Step, step);
label!(crate::domain::visit::Mode, visit_mode);
label!(crate::domain::visit::Topic, visit_topic);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::classification::Classifications;

    const ALL_MSGS: &[Msg] = &[Msg::About, Msg::Save, Msg::WorkingViewNote, Msg::CountOf, Msg::DeleteTitle];

    #[test]
    fn browser_tags_map_to_our_languages() {
        let cases = [
            ("zh-CN", Some(Locale::ZhCn)),
            ("zh", Some(Locale::ZhCn)),
            ("zh-SG", Some(Locale::ZhCn)),
            ("zh-TW", Some(Locale::ZhTw)),
            ("zh-HK", Some(Locale::ZhTw)),
            ("zh-Hant-TW", Some(Locale::ZhTw)),
            ("en-GB", Some(Locale::En)),
            ("fr-FR", None),
        ];
        for (tag, want) in cases {
            assert_eq!(Locale::from_tag(tag), want, "{tag}");
        }
    }

    #[test]
    fn every_label_exists_and_differs_between_english_and_chinese() {
        for l in Locale::ALL {
            for f in Field::ALL {
                assert!(!f.label(*l).is_empty(), "{f:?} in {l:?}");
            }
            for f in ContactField::ALL {
                assert!(!f.label(*l).is_empty(), "{f:?} in {l:?}");
            }
            for m in ALL_MSGS.iter().chain(ORG_FORMS) {
                assert!(!t(*l, *m).is_empty(), "{m:?} in {l:?}");
            }
        }
        for f in Field::ALL {
            assert_ne!(f.label(Locale::En), f.label(Locale::ZhCn), "{f:?} is not translated");
        }
        assert_eq!(Status::Lost.label(Locale::ZhCn), "流失");
        assert_eq!(Status::Lost.label(Locale::ZhTw), "流失");
        assert_eq!(Field::Region.label(Locale::ZhTw), "地區");
    }

    #[test]
    fn every_language_starts_every_classification_list_with_the_same_count_of_clean_values() {
        for &c in Class::ALL {
            let en = class_defaults(Locale::En, c);
            assert!(en.len() >= 5, "{c:?}");
            for &l in Locale::ALL {
                let list = class_defaults(l, c);
                assert_eq!(list.len(), en.len(), "{c:?} in {l:?}");
                // Each value would go on the list as it is: no duplicates, no stray spaces.
                let mut lists = Classifications::default();
                for v in &list {
                    assert_eq!(lists.add(c, v).as_ref(), Ok(v), "{v} in {l:?}");
                }
            }
        }
        assert_eq!(class_defaults(Locale::ZhCn, Class::OrgForm)[0], "国有企业");
        assert_eq!(class_defaults(Locale::ZhTw, Class::Region)[0], "華北");
    }

    #[test]
    fn placeholders_survive_translation() {
        for l in Locale::ALL {
            assert!(t(*l, Msg::CountOf).contains("{n}") && t(*l, Msg::CountOf).contains("{total}"), "{l:?}");
            assert!(t(*l, Msg::DeleteTitle).contains("{name}"), "{l:?}");
            assert!(t(*l, Msg::HandedOver).contains("{n}"), "{l:?}");
            assert!(field_error(*l, &FieldError::TooLong(7)).contains('7'), "{l:?}");
            let keeps = |m: Msg, holes: &[&str]| {
                for h in holes {
                    assert!(t(*l, m).contains(h), "{m:?} in {l:?} lacks {h}");
                }
            };
            keeps(Msg::InUseBy, &["{n}"]);
            keeps(Msg::RemoveValueTitle, &["{value}"]);
            keeps(Msg::RemoveValueInUse, &["{n}"]);
            keeps(Msg::MoveValueTitle, &["{value}"]);
            keeps(Msg::ValueAdded, &["{value}"]);
            keeps(Msg::ValueRenamed, &["{value}", "{n}"]);
            keeps(Msg::ValueRemoved, &["{value}", "{n}"]);
            keeps(Msg::ValueMoved, &["{value}", "{n}"]);
            keeps(Msg::RenamedInSettings, &["{from}", "{to}"]);
            keeps(Msg::RemovedInSettings, &["{from}"]);
            keeps(Msg::MovedInSettings, &["{from}"]);
            keeps(Msg::RatingsLowered, &["{n}"]);
            keeps(Msg::OverdueAmountText, &["{amount}"]);
            keeps(Msg::OverLimitText, &["{owed}", "{limit}"]);
            keeps(Msg::RatingReason, &["{why}"]);
            keeps(Msg::AmountsNote, &["{currency}"]);
        }
    }
}
