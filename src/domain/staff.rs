//! Staff and what each role's working view shows. On one shared browser this
//! is a convenience, not a security boundary: anyone at the keyboard can
//! switch "who am I".

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::customer::Confidentiality;
use super::validate::{self, Errors, FieldError};

key_enum! {
    pub enum Role {
        SalesRep = "sales_rep",
        DepartmentManager = "department_manager",
        Director = "director",
        CustomerService = "customer_service",
        GeneralManager = "general_manager",
    }
}

key_enum! {
    /// Which customers a list shows: mine, my department's, or all I may see.
    pub enum Scope { Mine = "mine", Department = "department", All = "all" }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Staff {
    pub id: String,
    pub rev: u64,
    pub name: String,
    pub department: String,
    pub role: Role,
    pub phone: String,
    pub email: String,
    /// False once the person has left; kept so history still names them.
    pub active: bool,
}

impl Default for Staff {
    fn default() -> Self {
        Staff {
            id: String::new(),
            rev: 0,
            name: String::new(),
            department: String::new(),
            role: Role::SalesRep,
            phone: String::new(),
            email: String::new(),
            active: true,
        }
    }
}

impl Role {
    /// The scopes this role may choose; the widest first.
    pub fn scopes(self) -> &'static [Scope] {
        match self {
            Role::SalesRep => &[Scope::Mine],
            Role::DepartmentManager => &[Scope::Department, Scope::Mine],
            Role::CustomerService | Role::Director | Role::GeneralManager => &[Scope::All, Scope::Department, Scope::Mine],
        }
    }

    /// Sees every record whatever its confidentiality (营销总监, 总经理).
    pub fn sees_everything(self) -> bool {
        matches!(self, Role::Director | Role::GeneralManager)
    }
}

/// The few facts about a record that visibility depends on.
pub struct Visibility<'a> {
    pub owner: Option<&'a str>,
    pub co_owner: Option<&'a str>,
    pub confidentiality: Confidentiality,
}

/// Who is looking, with the staff directory to find departments.
pub struct Viewer<'a> {
    pub me: &'a Staff,
    pub departments: &'a HashMap<String, String>,
}

impl<'a> Viewer<'a> {
    pub fn new(me: &'a Staff, departments: &'a HashMap<String, String>) -> Self {
        Viewer { me, departments }
    }

    fn is_mine(&self, v: &Visibility) -> bool {
        v.owner == Some(self.me.id.as_str()) || v.co_owner == Some(self.me.id.as_str())
    }

    fn in_my_department(&self, v: &Visibility) -> bool {
        [v.owner, v.co_owner]
            .into_iter()
            .flatten()
            .any(|id| self.departments.get(id).is_some_and(|d| !d.is_empty() && *d == self.me.department))
    }

    /// Whether the record's confidentiality lets this viewer see it at all.
    pub fn may_see(&self, v: &Visibility) -> bool {
        if self.me.role.sees_everything() || self.is_mine(v) {
            return true;
        }
        match v.confidentiality {
            Confidentiality::Personal => false,
            Confidentiality::Department => self.me.role == Role::DepartmentManager && self.in_my_department(v),
            Confidentiality::Company => match self.me.role {
                Role::SalesRep => false,
                Role::DepartmentManager => self.in_my_department(v),
                _ => true,
            },
        }
    }

    /// Whether the record is in the chosen scope (and may be seen).
    pub fn shows(&self, v: &Visibility, scope: Scope) -> bool {
        self.may_see(v)
            && match scope {
                Scope::Mine => self.is_mine(v),
                Scope::Department => self.is_mine(v) || self.in_my_department(v),
                Scope::All => true,
            }
    }
}

/// Staff id → department, for [`Viewer`].
pub fn departments(staff: &[Staff]) -> HashMap<String, String> {
    staff.iter().map(|s| (s.id.clone(), s.department.clone())).collect()
}

/// What the staff form holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StaffDraft {
    pub name: String,
    pub department: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

key_enum! {
    pub enum StaffField { Name = "name", Department = "department", Role = "role", Phone = "phone", Email = "email" }
}

impl StaffDraft {
    pub fn of(s: &Staff) -> Self {
        StaffDraft {
            name: s.name.clone(),
            department: s.department.clone(),
            role: s.role.as_str().into(),
            phone: s.phone.clone(),
            email: s.email.clone(),
        }
    }

    pub fn parse(&self, base: &Staff) -> Result<Staff, Vec<(StaffField, FieldError)>> {
        let mut out = base.clone();
        let mut errors = Errors::new();
        if let Some(v) = errors.take(StaffField::Name, validate::required(&self.name, 100)) {
            out.name = v;
        }
        if let Some(v) = errors.take(StaffField::Department, validate::max_len(&self.department, 100)) {
            out.department = v;
        }
        if let Some(r) = errors.take(StaffField::Role, Role::parse(self.role.trim()).ok_or(FieldError::Unknown)) {
            out.role = r;
        }
        if let Some(v) = errors.take(StaffField::Phone, validate::phone(&self.phone)) {
            out.phone = v;
        }
        if let Some(v) = errors.take(StaffField::Email, validate::email(&self.email)) {
            out.email = v;
        }
        errors.finish(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Confidentiality::*;

    fn staff(id: &str, dept: &str, role: Role) -> Staff {
        Staff { id: id.into(), name: id.into(), department: dept.into(), role, ..Staff::default() }
    }

    /// (viewer, record owner, confidentiality, scope, shown)
    #[test]
    fn role_views() {
        let people = vec![
            staff("rep_a", "east", Role::SalesRep),
            staff("rep_b", "east", Role::SalesRep),
            staff("rep_c", "west", Role::SalesRep),
            staff("mgr_east", "east", Role::DepartmentManager),
            staff("dir", "hq", Role::Director),
            staff("gm", "hq", Role::GeneralManager),
            staff("cs", "service", Role::CustomerService),
        ];
        let depts = departments(&people);
        let who = |id: &str| people.iter().find(|s| s.id == id).unwrap();
        let cases: &[(&str, &str, Confidentiality, Scope, bool)] = &[
            ("rep_a", "rep_a", Personal, Scope::Mine, true),
            ("rep_a", "rep_b", Company, Scope::Mine, false),
            ("rep_a", "rep_b", Company, Scope::All, false),
            ("mgr_east", "rep_b", Department, Scope::Department, true),
            ("mgr_east", "rep_b", Company, Scope::Department, true),
            ("mgr_east", "rep_b", Personal, Scope::Department, false),
            ("mgr_east", "rep_c", Company, Scope::Department, false),
            ("mgr_east", "rep_c", Company, Scope::All, false),
            ("mgr_east", "rep_b", Department, Scope::Mine, false),
            ("dir", "rep_c", Personal, Scope::All, true),
            ("dir", "rep_c", Personal, Scope::Mine, false),
            ("gm", "rep_a", Department, Scope::All, true),
            ("cs", "rep_a", Company, Scope::All, true),
            ("cs", "rep_a", Department, Scope::All, false),
            ("cs", "rep_a", Personal, Scope::All, false),
        ];
        for &(viewer, owner, conf, scope, shown) in cases {
            let v = Visibility { owner: Some(owner), co_owner: None, confidentiality: conf };
            let got = Viewer::new(who(viewer), &depts).shows(&v, scope);
            assert_eq!(got, shown, "{viewer} looking at {owner}'s {conf:?} record in scope {scope:?}");
        }
    }

    #[test]
    fn the_second_responsible_person_sees_the_record_as_their_own() {
        let people = vec![staff("rep_a", "east", Role::SalesRep), staff("rep_c", "west", Role::SalesRep)];
        let depts = departments(&people);
        let v = Visibility { owner: Some("rep_a"), co_owner: Some("rep_c"), confidentiality: Personal };
        assert!(Viewer::new(&people[1], &depts).shows(&v, Scope::Mine));
    }

    #[test]
    fn scopes_by_role() {
        assert_eq!(Role::SalesRep.scopes(), &[Scope::Mine]);
        assert_eq!(Role::Director.scopes()[0], Scope::All);
    }

    #[test]
    fn staff_draft_validates() {
        let d = StaffDraft { name: "".into(), role: "boss".into(), email: "x".into(), ..StaffDraft::default() };
        let errs = d.parse(&Staff::default()).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec![StaffField::Name, StaffField::Role, StaffField::Email]);
    }
}
