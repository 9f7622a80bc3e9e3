//! 客户档案 — the customer record, with the metadata that lets the form, the
//! validation, the history and the labels all work from one list of fields.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::classification::Class;
use super::validate::{self, Errors, FieldError};

key_enum! {
    /// The two archive cards the seeds keep: 经销商 and 终端客户.
    pub enum CustomerKind { Dealer = "dealer", EndCustomer = "end_customer" }
}

key_enum! {
    /// Relationship status: 潜在 / 已合作 / 未合作 / 流失.
    pub enum Status { Potential = "potential", Active = "active", NotCooperating = "not_cooperating", Lost = "lost" }
}

key_enum! {
    /// 保密 — who may see the record: the company, the owner's department, or the owner alone.
    pub enum Confidentiality { Company = "company", Department = "department", Personal = "personal" }
}

key_enum! {
    /// 信用等级: how far the agency trusts the customer to pay.
    pub enum CreditRating { High = "high", Good = "good", Fair = "fair", Low = "low" }
}

impl CreditRating {
    /// Whether `self` trusts the customer more than `other` does.
    pub fn above(self, other: CreditRating) -> bool {
        let at = |r: CreditRating| CreditRating::ALL.iter().position(|x| *x == r);
        at(self) < at(other)
    }
}

key_enum! {
    /// The four sections of a record (seed 000 篇1 第三条), plus the kind-specific card.
    pub enum Section {
        Basic = "basic",
        Characteristics = "characteristics",
        Business = "business",
        Transactions = "transactions",
        Card = "card",
    }
}

/// How a field is entered and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Text,
    LongText,
    Date,
    /// A non-negative amount in the record's currency.
    Amount,
    Count,
    Phone,
    Email,
    Postcode,
    Url,
    Currency,
    Kind,
    Status,
    Confidentiality,
    CreditRating,
    /// A member of staff, by id.
    Staff,
}

key_enum! {
    /// Every field the customer form edits. The key is what history records.
    pub enum Field {
        Name = "name",
        ShortName = "short_name",
        Kind = "kind",
        Status = "status",
        LostOn = "lost_on",
        LostReason = "lost_reason",
        Owner = "owner",
        CoOwner = "co_owner",
        Confidentiality = "confidentiality",
        Industry = "industry",
        Region = "region",
        OrgForm = "org_form",
        CustomerType = "customer_type",
        Address = "address",
        Postcode = "postcode",
        Phone = "phone",
        Fax = "fax",
        Email = "email",
        Website = "website",
        LegalRep = "legal_rep",
        Founded = "founded",
        TradingSince = "trading_since",
        Currency = "currency",
        RegisteredCapital = "registered_capital",
        Assets = "assets",
        BusinessScope = "business_scope",
        ServiceArea = "service_area",
        SalesCapacity = "sales_capacity",
        GrowthPotential = "growth_potential",
        Philosophy = "philosophy",
        Culture = "culture",
        Employees = "employees",
        AnnualRevenue = "annual_revenue",
        ManagementStyle = "management_style",
        PurchaseDecision = "purchase_decision",
        SalesPerformance = "sales_performance",
        StaffQuality = "staff_quality",
        CompetitorRelations = "competitor_relations",
        CooperationAttitude = "cooperation_attitude",
        SalesActivity = "sales_activity",
        Problems = "problems",
        Strengths = "strengths",
        Plans = "plans",
        Reputation = "reputation",
        CreditRating = "credit_rating",
        CreditLimit = "credit_limit",
        TempLimit = "temp_limit",
        TempLimitUntil = "temp_limit_until",
        CreditTerm = "credit_term",
        CreditStatus = "credit_status",
        TradeTerms = "trade_terms",
        CreditProblems = "credit_problems",
        Brands = "brands",
        SalesNetwork = "sales_network",
        Logistics = "logistics",
        SubDealers = "sub_dealers",
        Needs = "needs",
        PurchaseCycle = "purchase_cycle",
        Notes = "notes",
    }
}

impl Field {
    /// Which section of the card the field belongs to.
    pub fn section(self) -> Section {
        use Field::*;
        match self {
            Name | ShortName | Kind | Status | LostOn | LostReason | Owner | CoOwner | Confidentiality
            | Industry | Region | OrgForm | CustomerType | Address | Postcode | Phone | Fax | Email | Website | LegalRep
            | Founded | TradingSince | Currency | RegisteredCapital | Assets | BusinessScope | Notes => {
                Section::Basic
            }
            ServiceArea | SalesCapacity | GrowthPotential | Philosophy | Culture | Employees
            | AnnualRevenue | ManagementStyle | PurchaseDecision => Section::Characteristics,
            SalesPerformance | StaffQuality | CompetitorRelations | CooperationAttitude => Section::Business,
            SalesActivity | Problems | Strengths | Plans | Reputation | CreditRating | CreditLimit | TempLimit
            | TempLimitUntil | CreditTerm | CreditStatus | TradeTerms | CreditProblems => Section::Transactions,
            Brands | SalesNetwork | Logistics | SubDealers | Needs | PurchaseCycle => Section::Card,
        }
    }

    pub fn input(self) -> Input {
        use Field::*;
        match self {
            Kind => Input::Kind,
            Status => Input::Status,
            Confidentiality => Input::Confidentiality,
            Owner | CoOwner => Input::Staff,
            CreditRating => Input::CreditRating,
            LostOn | Founded | TradingSince | TempLimitUntil => Input::Date,
            Postcode => Input::Postcode,
            Phone | Fax => Input::Phone,
            Email => Input::Email,
            Website => Input::Url,
            Currency => Input::Currency,
            RegisteredCapital | Assets | AnnualRevenue | CreditLimit | TempLimit => Input::Amount,
            Employees | CreditTerm => Input::Count,
            Name | ShortName | Industry | Region | OrgForm | CustomerType | Address | LegalRep | LostReason => Input::Text,
            _ => Input::LongText,
        }
    }

    /// Whether the field appears on the card of this kind of customer.
    pub fn applies_to(self, kind: CustomerKind) -> bool {
        use Field::*;
        match self {
            Brands | SalesNetwork | Logistics | SubDealers => kind == CustomerKind::Dealer,
            Needs | PurchaseCycle => kind == CustomerKind::EndCustomer,
            _ => true,
        }
    }

    /// Whether the field is shown at all for a record in this status.
    pub fn applies_to_status(self, status: Status) -> bool {
        !matches!(self, Field::LostOn | Field::LostReason) || status == Status::Lost
    }

    /// The fields of a section, in form order.
    pub fn in_section(section: Section) -> impl Iterator<Item = Field> {
        Field::ALL.iter().copied().filter(move |f| f.section() == section)
    }
}

/// A customer record. Free-text profile fields live in `texts` so that the
/// archive can grow new ones without a migration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Customer {
    pub id: String,
    /// Revision, raised on every save; a save over a newer revision is a conflict.
    pub rev: u64,
    pub kind: CustomerKind,
    pub status: Status,
    pub name: String,
    pub short_name: String,
    #[serde(with = "super::as_text::optional")]
    pub lost_on: Option<NaiveDate>,
    pub lost_reason: String,
    /// Staff ids of the owner and of the second person who knows the account.
    pub owner: Option<String>,
    pub co_owner: Option<String>,
    pub confidentiality: Confidentiality,
    pub industry: String,
    pub region: String,
    pub org_form: String,
    /// 顾客类型: what the customer is to the agency (advertiser, event client…),
    /// from the agency's own list.
    pub customer_type: String,
    pub address: String,
    pub postcode: String,
    pub phone: String,
    pub fax: String,
    pub email: String,
    pub website: String,
    pub legal_rep: String,
    #[serde(with = "super::as_text::optional")]
    pub founded: Option<NaiveDate>,
    #[serde(with = "super::as_text::optional")]
    pub trading_since: Option<NaiveDate>,
    /// ISO 4217 code of every amount on the record.
    pub currency: String,
    #[serde(with = "super::as_text::optional")]
    pub registered_capital: Option<Decimal>,
    #[serde(with = "super::as_text::optional")]
    pub assets: Option<Decimal>,
    #[serde(with = "super::as_text::optional")]
    pub annual_revenue: Option<Decimal>,
    pub employees: Option<u32>,
    /// The tier's id ([`super::grading`]), as the last re-grade or a person set it.
    pub grade: Option<String>,
    /// Why the grade was set by hand; a re-grade leaves such a grade alone.
    pub grade_override: Option<String>,
    pub credit_rating: Option<CreditRating>,
    /// 信用额度: the most the customer may owe.
    #[serde(with = "super::as_text::optional")]
    pub credit_limit: Option<Decimal>,
    /// A temporary limit, in force until the end of `temp_limit_until`.
    #[serde(with = "super::as_text::optional")]
    pub temp_limit: Option<Decimal>,
    #[serde(with = "super::as_text::optional")]
    pub temp_limit_until: Option<NaiveDate>,
    /// Days to pay; none means the usual [`DEFAULT_TERM_DAYS`].
    pub credit_term: Option<u32>,
    pub texts: BTreeMap<Field, String>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
    /// When someone last confirmed the record is current (动态管理).
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub reviewed_at: DateTime<Utc>,
}

impl Default for Customer {
    fn default() -> Self {
        Customer {
            id: String::new(),
            rev: 0,
            kind: CustomerKind::EndCustomer,
            status: Status::Potential,
            name: String::new(),
            short_name: String::new(),
            lost_on: None,
            lost_reason: String::new(),
            owner: None,
            co_owner: None,
            confidentiality: Confidentiality::Company,
            industry: String::new(),
            region: String::new(),
            org_form: String::new(),
            customer_type: String::new(),
            address: String::new(),
            postcode: String::new(),
            phone: String::new(),
            fax: String::new(),
            email: String::new(),
            website: String::new(),
            legal_rep: String::new(),
            founded: None,
            trading_since: None,
            currency: DEFAULT_CURRENCY.to_string(),
            registered_capital: None,
            assets: None,
            annual_revenue: None,
            employees: None,
            grade: None,
            grade_override: None,
            credit_rating: None,
            credit_limit: None,
            temp_limit: None,
            temp_limit_until: None,
            credit_term: None,
            texts: BTreeMap::new(),
            created_at: DateTime::UNIX_EPOCH,
            updated_at: DateTime::UNIX_EPOCH,
            reviewed_at: DateTime::UNIX_EPOCH,
        }
    }
}

pub const DEFAULT_CURRENCY: &str = "CNY";

pub use super::transaction::DEFAULT_TERM_DAYS;

/// The currencies offered in the form; CNY first.
pub const CURRENCIES: &[&str] = &["CNY", "HKD", "TWD", "USD", "EUR", "JPY", "GBP", "SGD"];

/// What the user typed into the customer form, field by field. Kept as text so
/// that nothing typed is lost when a value does not validate.
pub type Draft = BTreeMap<Field, String>;

/// An amount with its currency, as pages show money: `125,000 CNY`.
pub fn format_money(d: Decimal, currency: &str) -> String {
    format!("{} {currency}", format_amount(d))
}

/// An amount as people read it: thousands grouped, cents shown when there are any.
pub fn format_amount(d: Decimal) -> String {
    let d = d.round_dp(2);
    let text = if d.fract().is_zero() { d.trunc().to_string() } else { format!("{:.2}", d) };
    let (sign, text) = text.strip_prefix('-').map_or(("", text.as_str()), |t| ("-", t));
    let (int, frac) = text.split_once('.').map_or((text, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn opt_amount(a: Option<Decimal>) -> String {
    a.map(|a| a.normalize().to_string()).unwrap_or_default()
}

/// The credit limit in force on `today`: a temporary limit until its last
/// day, else the standing one.
pub fn limit_in_force(limit: Option<Decimal>, temp: Option<Decimal>, until: Option<NaiveDate>, today: NaiveDate) -> Option<Decimal> {
    match (temp, until) {
        (Some(temp), Some(until)) if today <= until => Some(temp),
        _ => limit,
    }
}

/// Why a customer's credit needs attention on a day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreditWarning {
    /// Owed beyond the limit in force: (owed, limit).
    pub over_limit: Option<(Decimal, Decimal)>,
    /// Something is past its due date.
    pub overdue: bool,
}

impl CreditWarning {
    pub fn any(&self) -> bool {
        self.over_limit.is_some() || self.overdue
    }
}

impl Customer {
    /// Days the customer has to pay.
    pub fn term_days(&self) -> u32 {
        self.credit_term.unwrap_or(DEFAULT_TERM_DAYS)
    }

    /// The limit in force on `today` ([`limit_in_force`]).
    pub fn limit_on(&self, today: NaiveDate) -> Option<Decimal> {
        limit_in_force(self.credit_limit, self.temp_limit, self.temp_limit_until, today)
    }

    /// What needs attention, given what it `owed` and whether any of it is `overdue`.
    pub fn credit_warning(&self, today: NaiveDate, owed: Decimal, overdue: bool) -> CreditWarning {
        let over_limit = self.limit_on(today).filter(|limit| owed > *limit).map(|limit| (owed, limit));
        CreditWarning { over_limit, overdue }
    }

    /// The value of a field as the form shows it and history records it.
    pub fn get(&self, field: Field) -> String {
        use Field::*;
        match field {
            Name => self.name.clone(),
            ShortName => self.short_name.clone(),
            Kind => self.kind.as_str().into(),
            Status => self.status.as_str().into(),
            LostOn => opt_date(self.lost_on),
            LostReason => self.lost_reason.clone(),
            Owner => self.owner.clone().unwrap_or_default(),
            CoOwner => self.co_owner.clone().unwrap_or_default(),
            Confidentiality => self.confidentiality.as_str().into(),
            Industry => self.industry.clone(),
            Region => self.region.clone(),
            OrgForm => self.org_form.clone(),
            CustomerType => self.customer_type.clone(),
            Address => self.address.clone(),
            Postcode => self.postcode.clone(),
            Phone => self.phone.clone(),
            Fax => self.fax.clone(),
            Email => self.email.clone(),
            Website => self.website.clone(),
            LegalRep => self.legal_rep.clone(),
            Founded => opt_date(self.founded),
            TradingSince => opt_date(self.trading_since),
            Currency => self.currency.clone(),
            RegisteredCapital => opt_amount(self.registered_capital),
            Assets => opt_amount(self.assets),
            AnnualRevenue => opt_amount(self.annual_revenue),
            Employees => self.employees.map(|n| n.to_string()).unwrap_or_default(),
            CreditRating => self.credit_rating.map(|r| r.as_str().to_string()).unwrap_or_default(),
            CreditLimit => opt_amount(self.credit_limit),
            TempLimit => opt_amount(self.temp_limit),
            TempLimitUntil => opt_date(self.temp_limit_until),
            CreditTerm => self.credit_term.map(|n| n.to_string()).unwrap_or_default(),
            text => self.texts.get(&text).cloned().unwrap_or_default(),
        }
    }

    /// The value of a classification by nature.
    pub fn class_mut(&mut self, class: Class) -> &mut String {
        match class {
            Class::Industry => &mut self.industry,
            Class::OrgForm => &mut self.org_form,
            Class::Region => &mut self.region,
            Class::CustomerType => &mut self.customer_type,
        }
    }

    /// Every field's current value, for filling the form.
    pub fn to_draft(&self) -> Draft {
        let mut draft = Draft::new();
        draft.extend(Field::ALL.iter().map(|&f| (f, self.get(f))));
        draft
    }

    /// The record the draft describes, built over `self`, or every field's error.
    /// `today` bounds dates that cannot lie in the future.
    pub fn with_draft(&self, draft: &Draft, today: NaiveDate) -> Result<Customer, Vec<(Field, FieldError)>> {
        let mut out = self.clone();
        let mut errors = Errors::new();
        let text = |f: Field| draft.get(&f).map(|s| s.trim().to_string()).unwrap_or_default();
        // Fields the form hides for the chosen kind and status keep their stored
        // value and are not checked: a hidden field must never block a save.
        let kind = CustomerKind::parse(&text(Field::Kind)).unwrap_or(self.kind);
        let status = self::Status::parse(&text(Field::Status)).unwrap_or(self.status);
        for &field in Field::ALL {
            if !field.applies_to(kind) || !field.applies_to_status(status) {
                continue;
            }
            let raw = text(field);
            let result: Result<(), FieldError> = (|| {
                use Field::*;
                match field {
                    Name => out.name = validate::required(&raw, 200)?,
                    ShortName => out.short_name = validate::max_len(&raw, 100)?,
                    Kind => out.kind = CustomerKind::parse(&raw).ok_or(FieldError::Unknown)?,
                    Status => out.status = self::Status::parse(&raw).ok_or(FieldError::Unknown)?,
                    Confidentiality => {
                        out.confidentiality = self::Confidentiality::parse(&raw).ok_or(FieldError::Unknown)?
                    }
                    LostOn => out.lost_on = validate::date(&raw, Some(today))?,
                    LostReason => out.lost_reason = validate::max_len(&raw, 2000)?,
                    Owner => out.owner = Some(raw).filter(|s| !s.is_empty()),
                    CoOwner => out.co_owner = Some(raw).filter(|s| !s.is_empty()),
                    Postcode => out.postcode = validate::postcode(&raw)?,
                    Phone => out.phone = validate::phone(&raw)?,
                    Fax => out.fax = validate::phone(&raw)?,
                    Email => out.email = validate::email(&raw)?,
                    Website => out.website = validate::url(&raw)?,
                    Founded => out.founded = validate::date(&raw, Some(today))?,
                    TradingSince => out.trading_since = validate::date(&raw, Some(today))?,
                    Currency => out.currency = validate::currency(&raw)?,
                    RegisteredCapital => out.registered_capital = validate::amount(&raw)?,
                    Assets => out.assets = validate::amount(&raw)?,
                    AnnualRevenue => out.annual_revenue = validate::amount(&raw)?,
                    Employees => out.employees = validate::count(&raw)?,
                    CreditRating if raw.is_empty() => out.credit_rating = None,
                    CreditRating => out.credit_rating = Some(self::CreditRating::parse(&raw).ok_or(FieldError::Unknown)?),
                    CreditLimit => out.credit_limit = validate::amount(&raw)?,
                    TempLimit => out.temp_limit = validate::amount(&raw)?,
                    TempLimitUntil => out.temp_limit_until = validate::date(&raw, None)?,
                    CreditTerm => out.credit_term = validate::count(&raw)?.map(|n| n.min(3650)),
                    Industry => out.industry = validate::max_len(&raw, 100)?,
                    Region => out.region = validate::max_len(&raw, 100)?,
                    OrgForm => out.org_form = validate::max_len(&raw, 100)?,
                    CustomerType => out.customer_type = validate::max_len(&raw, 100)?,
                    Address => out.address = validate::max_len(&raw, 500)?,
                    LegalRep => out.legal_rep = validate::max_len(&raw, 100)?,
                    other => {
                        let value = validate::max_len(&raw, 20_000)?;
                        if value.is_empty() {
                            out.texts.remove(&other);
                        } else {
                            out.texts.insert(other, value);
                        }
                    }
                }
                Ok(())
            })();
            errors.take(field, result);
        }
        if out.status == Status::Lost {
            if out.lost_on.is_none() && !errors.has(Field::LostOn) {
                errors.push(Field::LostOn, FieldError::RequiredWhenLost);
            }
            if out.lost_reason.is_empty() && !errors.has(Field::LostReason) {
                errors.push(Field::LostReason, FieldError::RequiredWhenLost);
            }
        }
        // A temporary limit needs the day it ends, and an end needs a limit.
        if out.temp_limit.is_some() && out.temp_limit_until.is_none() && !errors.has(Field::TempLimitUntil) {
            errors.push(Field::TempLimitUntil, FieldError::Required);
        }
        if out.temp_limit_until.is_some() && out.temp_limit.is_none() && !errors.has(Field::TempLimit) {
            errors.push(Field::TempLimit, FieldError::Required);
        }
        if out.owner.is_some() && out.owner == out.co_owner && !errors.has(Field::CoOwner) {
            errors.push(Field::CoOwner, FieldError::SameAsOwner);
        }
        errors.finish(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn draft_round_trips_every_field() {
        let mut c = Customer { name: "华联广告".into(), employees: Some(12), ..Customer::default() };
        c.registered_capital = Some(Decimal::new(1_000_050, 2));
        c.founded = NaiveDate::from_ymd_opt(2001, 2, 3);
        c.texts.insert(Field::Culture, "务实".into());
        let back = Customer::default().with_draft(&c.to_draft(), today()).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn every_bad_field_is_reported_and_the_draft_is_untouched() {
        let mut draft = Customer::default().to_draft();
        draft.insert(Field::Name, "  ".into());
        draft.insert(Field::Email, "not-an-email".into());
        draft.insert(Field::Postcode, "12".into());
        let before = draft.clone();
        let errors = Customer::default().with_draft(&draft, today()).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec![Field::Name, Field::Postcode, Field::Email]);
        assert_eq!(draft, before);
    }

    #[test]
    fn the_limit_in_force_and_the_credit_warning() {
        let d = |s: &str| validate::date(s, None).unwrap().unwrap();
        let money = |s: &str| Decimal::from_str_exact(s).unwrap();
        let c = Customer {
            credit_limit: Some(money("100000")),
            temp_limit: Some(money("150000")),
            temp_limit_until: Some(d("2026-11-30")),
            ..Customer::default()
        };
        // (today, owed, overdue) -> (limit in force, over it by, warned)
        let cases = [
            ("2026-11-30", "150000", false, Some("150000"), None, false),
            ("2026-11-30", "150000.01", false, Some("150000"), Some(("150000.01", "150000")), true),
            ("2026-12-01", "120000", false, Some("100000"), Some(("120000", "100000")), true),
            ("2026-12-01", "100000", false, Some("100000"), None, false),
            ("2026-12-01", "0", true, Some("100000"), None, true),
        ];
        for (today, owed, overdue, limit, over, warned) in cases {
            assert_eq!(c.limit_on(d(today)), limit.map(money), "{today}");
            let w = c.credit_warning(d(today), money(owed), overdue);
            assert_eq!(w.over_limit, over.map(|(a, b)| (money(a), money(b))), "{today} {owed}");
            assert_eq!(w.any(), warned, "{today} {owed} {overdue}");
        }
        let none = Customer::default();
        assert_eq!(none.limit_on(d("2026-11-22")), None);
        assert!(!none.credit_warning(d("2026-11-22"), money("99999999"), false).any(), "no limit, nothing over it");
        assert_eq!((none.term_days(), Customer { credit_term: Some(45), ..none }.term_days()), (30, 45));
    }

    #[test]
    fn credit_fields_read_from_the_form_and_a_temporary_limit_needs_its_end() {
        let mut draft = Customer { name: "A".into(), ..Customer::default() }.to_draft();
        draft.insert(Field::CreditRating, "good".into());
        draft.insert(Field::CreditLimit, "50万".into());
        draft.insert(Field::CreditTerm, "45".into());
        let c = Customer::default().with_draft(&draft, today()).unwrap();
        assert_eq!((c.credit_rating, c.credit_limit, c.credit_term), (Some(CreditRating::Good), Some(Decimal::from(500_000)), Some(45)));
        assert_eq!(Customer::default().with_draft(&c.to_draft(), today()).unwrap(), c);
        draft.insert(Field::TempLimit, "80万".into());
        assert_eq!(Customer::default().with_draft(&draft, today()).unwrap_err(), vec![(Field::TempLimitUntil, FieldError::Required)]);
        draft.insert(Field::TempLimit, String::new());
        draft.insert(Field::TempLimitUntil, "2027-01-31".into());
        draft.insert(Field::CreditRating, "excellent".into());
        assert_eq!(
            Customer::default().with_draft(&draft, today()).unwrap_err(),
            vec![(Field::CreditRating, FieldError::Unknown), (Field::TempLimit, FieldError::Required)]
        );
    }

    #[test]
    fn a_lost_customer_needs_date_and_reason() {
        let mut draft = Customer { name: "A".into(), ..Customer::default() }.to_draft();
        draft.insert(Field::Status, "lost".into());
        let errors = Customer::default().with_draft(&draft, today()).unwrap_err();
        assert_eq!(
            errors,
            vec![(Field::LostOn, FieldError::RequiredWhenLost), (Field::LostReason, FieldError::RequiredWhenLost)]
        );
        draft.insert(Field::LostOn, "2026-10-01".into());
        draft.insert(Field::LostReason, "价格".into());
        assert!(Customer::default().with_draft(&draft, today()).is_ok());
    }

    #[test]
    fn amounts_read_with_grouped_thousands() {
        let cases = [
            ("130550000", "130,550,000"),
            ("1234.5", "1,234.50"),
            ("999", "999"),
            ("1000", "1,000"),
            ("0.05", "0.05"),
            ("12345678901234.56", "12,345,678,901,234.56"),
            ("-1500", "-1,500"),
        ];
        for (raw, want) in cases {
            assert_eq!(format_amount(raw.parse().unwrap()), want, "{raw}");
        }
    }

    #[test]
    fn hidden_fields_are_neither_checked_nor_changed() {
        let base = Customer {
            name: "A".into(),
            status: Status::Lost,
            lost_on: NaiveDate::from_ymd_opt(2026, 1, 1),
            lost_reason: "价格".into(),
            ..Customer::default()
        };
        let mut draft = base.to_draft();
        draft.insert(Field::Status, "active".into());
        draft.insert(Field::LostOn, "2099-01-01".into()); // typed, then hidden by the status change
        draft.insert(Field::Brands, "not a dealer field for an end customer".into());
        let saved = base.with_draft(&draft, today()).unwrap();
        assert_eq!(saved.status, Status::Active);
        assert_eq!(saved.lost_on, base.lost_on);
        assert!(!saved.texts.contains_key(&Field::Brands));
    }

    #[test]
    fn the_loss_is_reported_together_with_other_errors() {
        let mut draft = Customer::default().to_draft();
        draft.insert(Field::Status, "lost".into());
        let fields: Vec<Field> = Customer::default().with_draft(&draft, today()).unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec![Field::Name, Field::LostOn, Field::LostReason]);
    }

    #[test]
    fn owner_and_second_owner_must_differ() {
        let mut draft = Customer { name: "A".into(), ..Customer::default() }.to_draft();
        draft.insert(Field::Owner, "s1".into());
        draft.insert(Field::CoOwner, "s1".into());
        let errors = Customer::default().with_draft(&draft, today()).unwrap_err();
        assert_eq!(errors, vec![(Field::CoOwner, FieldError::SameAsOwner)]);
    }

    #[test]
    fn cards_show_the_fields_of_their_kind() {
        assert!(Field::Brands.applies_to(CustomerKind::Dealer));
        assert!(!Field::Brands.applies_to(CustomerKind::EndCustomer));
        assert!(Field::Needs.applies_to(CustomerKind::EndCustomer));
        assert!(Field::Name.applies_to(CustomerKind::Dealer));
        assert!(!Field::LostReason.applies_to_status(Status::Active));
    }
}
