//! The app-wide handle: the open archive, the in-memory list index, staff,
//! the current user and notifications. One `Copy` value in context.

use std::rc::Rc;

use leptos::prelude::*;

use super::{platform, prefs};
use crate::domain::change::{ChangeSet, Op, Record, Setting};
use crate::domain::classification::{self, Class, Classifications};
use crate::domain::grading::{self, Grading};
use crate::domain::ops::Ctx;
use crate::domain::search::{CustomerIndex, ListQuery};
use crate::domain::staff::{departments, Viewer, Visibility};
use crate::domain::{Actor, CustomerRow, Kind, Role, Scope, Staff};
use super::I18n;
use crate::i18n::Msg;
use crate::storage::idb::{Announcement, IdbStore};
use crate::storage::{first_screen, rowlog};
use crate::storage::{Store, StoreError};

/// A set of customer ids, shared with the list's query.
pub type KeySet = std::sync::Arc<rustc_hash::FxHashSet<String>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Done,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub i18n: I18n,
    store: StoredValue<Option<Rc<IdbStore>>, LocalStorage>,
    /// The list rows of every customer, searchable.
    pub index: RwSignal<CustomerIndex>,
    pub staff: RwSignal<Vec<Staff>>,
    /// Staff id of the current user ("who am I"); none means no working view.
    pub me: RwSignal<Option<String>>,
    pub demo: RwSignal<bool>,
    /// The archive is open and the list's first screen is in. Until then the
    /// layout and the customer list show (empty, loading) and other pages wait.
    pub ready: RwSignal<bool>,
    /// What another tab changed last, and a counter that moves with each change.
    pub remote: RwSignal<(u64, Announcement)>,
    /// Moves when this tab puts something in the trash or takes it out, and
    /// when it reads the whole archive again: the trash's count is then out of date.
    pub trash_changes: RwSignal<u64>,
    pub toasts: RwSignal<Vec<Toast>>,
    /// When this archive was last backed up from this browser.
    pub last_backup: RwSignal<Option<chrono::DateTime<chrono::Utc>>>,
    /// The customer list's search, filters and order, kept while the user
    /// opens a customer and comes back.
    pub list_query: RwSignal<ListQuery>,
    /// The agency's grades and the rules that give them.
    pub grading: RwSignal<Grading>,
    /// The agency's classification lists as stored; none until it edits
    /// them, when the defaults in the interface's language stand.
    pub classes: RwSignal<Option<Classifications>>,
    /// The key accounts of the grading period (大客户), worked out from every
    /// transaction when a page first asks ([`AppState::want_key_accounts`]);
    /// none until then, and again after any transaction or the period changes.
    pub key_accounts: RwSignal<Option<KeySet>>,
    /// A working-out of the key accounts is under way.
    key_accounts_busy: StoredValue<bool, LocalStorage>,
    /// Moves with every change that makes the key accounts out of date, so a
    /// working-out that read the transactions before it is not kept.
    key_accounts_generation: StoredValue<u64, LocalStorage>,
    /// Rows written while only the first screen is loaded, to lay over the
    /// whole list when it arrives.
    pending: StoredValue<Vec<(String, Option<CustomerRow>)>, LocalStorage>,
}

impl AppState {
    pub fn new(i18n: I18n, demo: bool) -> Self {
        AppState {
            i18n,
            store: StoredValue::new_local(None),
            index: RwSignal::new(CustomerIndex::default()),
            staff: RwSignal::new(Vec::new()),
            me: RwSignal::new(None),
            demo: RwSignal::new(demo),
            ready: RwSignal::new(false),
            remote: RwSignal::new((0, Announcement::default())),
            trash_changes: RwSignal::new(0),
            toasts: RwSignal::new(Vec::new()),
            last_backup: RwSignal::new(prefs::last_backup(prefs::db_name(demo))),
            list_query: RwSignal::new(ListQuery::default()),
            grading: RwSignal::new(Grading::default()),
            classes: RwSignal::new(None),
            key_accounts: RwSignal::new(None),
            key_accounts_busy: StoredValue::new_local(false),
            key_accounts_generation: StoredValue::new_local(0),
            pending: StoredValue::new_local(Vec::new()),
        }
    }

    pub fn db_name(&self) -> &'static str {
        prefs::db_name(self.demo.get_untracked())
    }

    pub fn set_store(&self, store: Rc<IdbStore>) {
        self.store.set_value(Some(store));
    }

    /// The open archive. The UI only renders pages once it is open.
    pub fn store(&self) -> Rc<IdbStore> {
        self.store.get_value().expect("the archive is opened before any page renders")
    }

    /// Load the staff and every list row into memory.
    pub async fn load(&self) -> Result<(), StoreError> {
        self.forget_key_accounts();
        self.trash_changes.update(|n| *n += 1);
        self.load_staff().await?;
        self.load_rest().await
    }

    /// Load the staff and the list's first screen: enough to show the app.
    /// [`AppState::load_rest`] reads the other rows.
    pub async fn load_first_screen(&self) -> Result<(), StoreError> {
        self.load_staff().await?;
        self.pending.set_value(Vec::new());
        let store = self.store();
        // `both` starts the first future first: the first screen's rows are
        // asked for before the whole row log, which the browser then reads
        // while the first screen paints.
        let (first, ()) = platform::both(store.first_rows(first_screen::ROWS), async { store.prefetch_row_log() }).await;
        self.index.set(CustomerIndex::first_screen(first?));
        Ok(())
    }

    /// Once the first screen is painted, read every list row and make the whole
    /// list searchable, with what was written meanwhile laid over it.
    pub async fn load_rest(&self) -> Result<(), StoreError> {
        let store = self.store();
        // Ask for the rows first, so the browser reads them while it paints the first screen.
        let (log, ()) = platform::both(store.read_row_log(), platform::next_paint()).await;
        let rows = store.rows_from_log(log?, || platform::mark("dossier:log-read")).await?;
        platform::mark("dossier:rows-parsed");
        let mut index = CustomerIndex::new(rows);
        platform::mark("dossier:index-built");
        for (id, row) in self.pending.try_update_value(std::mem::take).unwrap_or_default() {
            match row {
                Some(r) => index.upsert(r),
                None => index.remove(&id),
            }
        }
        self.index.set(index);
        platform::mark("dossier:list-complete");
        // Once the list has painted, run one search over every row and drop
        // the result: the browser compiles a function's fast form only once
        // it has run a while, so the first search someone types would
        // otherwise run its slow first form over 100,000 rows.
        // The haystacks are laid side by side first (they are the search's
        // quick form, not needed to show the list).
        platform::next_paint().await;
        self.index.update_untracked(CustomerIndex::prepare_search);
        self.index.with_untracked(|index| index.query(&ListQuery { text: "00".into(), ..ListQuery::default() }, None, &|_| String::new()).len());
        let unordered = self.index.with_untracked(CustomerIndex::held_out_of_name_order);
        let compacted = store.compact_rows_if_worth_it(unordered, || self.index.with_untracked(|index| rowlog::compact(&mut index.in_name_order()))).await;
        platform::mark("dossier:settled");
        compacted
    }

    async fn load_staff(&self) -> Result<(), StoreError> {
        let store = self.store();
        let settings = platform::both(store.get::<Setting>(grading::SETTING), store.get::<Setting>(classification::SETTING));
        let (staff, (grading, classes)) = platform::both(store.all::<Staff>(), settings).await;
        self.set_staff(staff?);
        self.set_grading(grading?.as_ref());
        self.set_classes(classes?.as_ref());
        Ok(())
    }

    /// Work out the key accounts if they are not known (or no longer): a
    /// page that filters by them calls this from an effect.
    pub fn want_key_accounts(&self) {
        if self.key_accounts.with_untracked(Option::is_some) || self.key_accounts_busy.get_value() {
            return;
        }
        self.key_accounts_busy.set_value(true);
        let state = *self;
        let generation = self.key_accounts_generation.get_value();
        leptos::task::spawn_local(async move {
            let result = state.store().all::<crate::domain::Transaction>().await;
            state.key_accounts_busy.set_value(false);
            // A transaction written while they were read: work them out again.
            if state.key_accounts_generation.get_value() != generation {
                return state.want_key_accounts();
            }
            match result {
                Ok(all) => {
                    let today = platform::today();
                    let months = state.grading.with_untracked(|g| g.months);
                    let sales = grading::sales_between(&all, grading::period_start(today, months), today);
                    let ids = state.index.with_untracked(|index| {
                        let currency_of = |id: &str| index.find(id).map_or(crate::domain::customer::DEFAULT_CURRENCY, CustomerRow::currency);
                        grading::key_accounts_by_currency(&sales, currency_of, rust_decimal::Decimal::new(8, 1))
                    });
                    state.key_accounts.set(Some(std::sync::Arc::new(ids.into_iter().collect())));
                }
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
        });
    }

    /// The key accounts are out of date: a page that shows them works them out again.
    fn forget_key_accounts(&self) {
        self.key_accounts_generation.update_value(|g| *g += 1);
        if self.key_accounts.with_untracked(Option::is_some) {
            self.key_accounts.set(None);
        }
    }

    /// The classification lists as stored (none: the defaults stand).
    fn set_classes(&self, stored: Option<&Setting>) {
        let classes = stored.and_then(|s| crate::io::json::from_text::<Classifications>(&s.value).ok());
        if self.classes.with_untracked(|c| *c != classes) {
            self.classes.set(classes);
        }
    }

    /// The classification lists in force: the agency's, or the defaults in
    /// the interface's language.
    pub fn class_lists(&self) -> Classifications {
        self.classes.get().unwrap_or_else(|| {
            let locale = self.i18n.locale.get();
            Classifications::from_defaults(|c| crate::i18n::class_defaults(locale, c))
        })
    }

    /// The values the customer form offers for `class`, as a select's
    /// options: none, the list, and `current` if the list lacks it.
    pub fn class_options(&self, class: Class, current: &str) -> Vec<(String, String)> {
        std::iter::once((String::new(), "—".to_string()))
            .chain(self.class_lists().options(class, current).into_iter().map(|v| (v.clone(), v)))
            .collect()
    }

    /// The grades and rules as stored; the defaults when none are (or the
    /// stored ones cannot be read, which a save then replaces).
    fn set_grading(&self, stored: Option<&Setting>) {
        let grading = stored.and_then(|s| crate::io::json::from_text::<Grading>(&s.value).ok()).unwrap_or_default();
        if self.grading.with_untracked(|g| g.months != grading.months) {
            self.forget_key_accounts();
        }
        if self.grading.with_untracked(|g| *g != grading) {
            self.grading.set(grading);
        }
    }

    /// Every grade as a select's options: (id, name), highest first.
    pub fn tier_options(&self) -> Vec<(String, String)> {
        let ids: Vec<String> = self.grading.with(|g| g.tiers.iter().map(|t| t.id.clone()).collect());
        ids.into_iter().map(|id| {
            let name = self.tier_name(&id);
            (id, name)
        }).collect()
    }

    /// The grade filter's options: all, every grade, not graded ("-").
    pub fn grade_filter_options(&self) -> Vec<(String, String)> {
        let mut v = vec![(String::new(), self.i18n.t(Msg::All).to_string())];
        v.extend(self.tier_options());
        v.push(("-".into(), self.i18n.t(Msg::NotGraded).to_string()));
        v
    }

    /// A grade's name as people read it: the agency's own, or the default
    /// tier's in the current language; the id of a tier since removed.
    pub fn tier_name(&self, id: &str) -> String {
        let named = self.grading.with(|g| g.tier(id).map(|t| t.name.clone())).filter(|n| !n.is_empty());
        named.unwrap_or_else(|| match id {
            "strategic" => self.i18n.t(Msg::GradeStrategic).to_string(),
            "key" => self.i18n.t(Msg::GradeKey).to_string(),
            "general" => self.i18n.t(Msg::GradeGeneral).to_string(),
            "potential" => self.i18n.t(Msg::GradePotential).to_string(),
            other => other.to_string(),
        })
    }

    /// The staff, and the current user if they are among them.
    fn set_staff(&self, staff: Vec<Staff>) {
        let me = prefs::me(self.db_name()).filter(|id| staff.iter().any(|s| &s.id == id));
        self.staff.set(staff);
        self.me.set(me);
    }

    /// Before the archive is open: show the copy of the list's first screen
    /// kept from last time, if there is one ([`first_screen`]).
    pub fn show_first_screen_copy(&self) {
        if let Some(copy) = first_screen::read(self.db_name()) {
            self.set_staff(copy.staff);
            self.index.set(CustomerIndex::first_screen(copy.rows));
        }
    }

    /// Keep that copy in step: once the whole list is in, write it again
    /// whenever its first rows or the staff change. It is written in a task
    /// of its own, once the change has shown: a save's answer comes first.
    pub fn keep_first_screen_copy(&self) {
        let state = *self;
        let written = StoredValue::new_local(String::new());
        let due = StoredValue::new_local(false);
        let write = move || {
            due.set_value(false);
            let copy = state.index.with_untracked(|index| match index.is_complete() {
                true => state.staff.with_untracked(|staff| first_screen::encode(staff, index.in_name_order())),
                false => None,
            });
            if let Some(copy) = copy.filter(|c| written.with_value(|w| w != c)) {
                first_screen::write(state.db_name(), &copy);
                written.set_value(copy);
            }
        };
        Effect::new(move |_| {
            state.index.track();
            state.staff.track();
            if !due.get_value() {
                due.set_value(true);
                set_timeout(write, std::time::Duration::ZERO);
            }
        });
    }

    /// Write a change set, then show it in memory: staff as written, and the
    /// list rows as the store rebuilt them in the same transaction.
    pub async fn apply(&self, set: &ChangeSet) -> Result<(), StoreError> {
        let refreshed = self.store().apply(set).await?;
        self.reflect(set);
        self.upsert_rows(refreshed);
        Ok(())
    }

    /// Write a dialog's change set: `busy` while it is written; then `done`
    /// as a toast and `then`, or the reason it failed in `error` (the dialog
    /// stays open, with what was typed).
    pub fn apply_from_dialog(&self, set: ChangeSet, busy: RwSignal<bool>, error: RwSignal<Option<String>>, done: Msg, then: impl FnOnce() + 'static) {
        let state = *self;
        busy.set(true);
        leptos::task::spawn_local(async move {
            match state.apply(&set).await {
                Ok(()) => {
                    state.toast(ToastKind::Done, state.i18n.t_untracked(done));
                    then();
                }
                Err(e) => {
                    busy.set(false);
                    error.set(Some(state.error_text(&e)));
                }
            }
        });
    }

    /// Put fresh rows into the list (a `None` row is a customer that is gone), in one update.
    fn upsert_rows(&self, rows: Vec<(String, Option<CustomerRow>)>) {
        if rows.is_empty() {
            return;
        }
        if !self.index.with_untracked(CustomerIndex::is_complete) {
            self.pending.update_value(|p| p.extend(rows.iter().cloned()));
        }
        self.index.update(|index| {
            for (id, row) in rows {
                match row {
                    Some(r) => index.upsert(r),
                    None => index.remove(&id),
                }
            }
        });
    }

    /// Bring the in-memory rows and staff in line with a committed change set.
    fn reflect(&self, set: &ChangeSet) {
        let mut rows = Vec::new();
        let mut staff_changed = false;
        let mut trash_changed = false;
        for op in &set.ops {
            match op {
                Op::Put { record: Record::Trash(_), .. } | Op::Delete { kind: Kind::Trash, .. } | Op::DeleteWhere { kind: Kind::Trash, .. } => {
                    trash_changed = true
                }
                Op::Put { record: Record::Row(r), .. } => rows.push((r.id().to_string(), Some(r.clone()))),
                Op::Delete { kind: Kind::Row, id, .. } => rows.push((id.clone(), None)),
                Op::Put { record: Record::Staff(_), .. } | Op::Delete { kind: Kind::Staff, .. } => staff_changed = true,
                Op::Put { record: Record::Setting(s), .. } if s.id == grading::SETTING => self.set_grading(Some(s)),
                Op::Put { record: Record::Setting(s), .. } if s.id == classification::SETTING => self.set_classes(Some(s)),
                Op::Put { record: Record::Transaction(_), .. }
                | Op::Delete { kind: Kind::Transaction, .. }
                | Op::DeleteWhere { kind: Kind::Transaction, .. } => self.forget_key_accounts(),
                _ => {}
            }
        }
        self.upsert_rows(rows);
        if trash_changed {
            self.trash_changes.update(|n| *n += 1);
        }
        if staff_changed {
            self.staff.update(|staff| {
                for op in &set.ops {
                    match op {
                        Op::Put { record: Record::Staff(s), .. } => match staff.iter_mut().find(|x| x.id == s.id) {
                            Some(x) => *x = s.clone(),
                            None => staff.push(s.clone()),
                        },
                        Op::Delete { kind: Kind::Staff, id, .. } => staff.retain(|x| &x.id != id),
                        _ => {}
                    }
                }
            });
        }
    }

    /// Another tab committed a change: refresh what it touched.
    pub async fn on_remote(&self, a: Announcement) {
        let store = self.store();
        let cleared = a.kinds.len() > 1 && a.customers.is_empty() && a.kinds.iter().any(|k| k == Kind::Row.as_str());
        let result: Result<(), StoreError> = async {
            if cleared {
                return self.load().await;
            }
            let mut rows = Vec::new();
            for id in &a.customers {
                rows.push((id.clone(), store.get::<CustomerRow>(id).await?));
            }
            self.upsert_rows(rows);
            if a.kinds.iter().any(|k| k == Kind::Staff.as_str()) {
                self.staff.set(store.all::<Staff>().await?);
            }
            if a.kinds.iter().any(|k| k == Kind::Transaction.as_str()) {
                self.forget_key_accounts();
            }
            if a.kinds.iter().any(|k| k == Kind::Setting.as_str()) {
                self.set_grading(store.get::<Setting>(grading::SETTING).await?.as_ref());
                self.set_classes(store.get::<Setting>(classification::SETTING).await?.as_ref());
            }
            Ok(())
        }
        .await;
        if let Err(e) = result {
            self.toast(ToastKind::Error, self.error_text(&e));
        }
        self.remote.update(|(n, last)| {
            *n += 1;
            *last = a;
        });
    }

    /// Run a domain operation with the current time, user and fresh ids.
    pub fn run<R>(&self, f: impl FnOnce(&mut Ctx) -> R) -> R {
        let mut ids = platform::new_id;
        let mut ctx = Ctx { now: platform::now(), by: self.actor(), next_id: &mut ids };
        f(&mut ctx)
    }

    pub fn current_staff(&self) -> Option<Staff> {
        let me = self.me.get()?;
        self.staff.with(|s| s.iter().find(|x| x.id == me).cloned())
    }

    pub fn actor(&self) -> Actor {
        match self.me.get_untracked().and_then(|id| self.staff.with_untracked(|s| s.iter().find(|x| x.id == id).cloned())) {
            Some(s) => Actor { id: Some(s.id), name: s.name },
            None => Actor { id: None, name: self.i18n.t_untracked(Msg::Nobody).to_string() },
        }
    }

    pub fn set_me(&self, id: Option<String>) {
        prefs::set_me(self.db_name(), id.as_deref());
        self.me.set(id);
    }

    /// A staff member's name, or the id if they are unknown.
    /// The staff still with the agency, as (id, name).
    pub fn active_staff(&self) -> Vec<(String, String)> {
        self.staff.with(|s| s.iter().filter(|x| x.active).map(|x| (x.id.clone(), x.name.clone())).collect())
    }

    /// A select's options for choosing one of them, `none` first (no one).
    pub fn staff_options(&self, none: &str) -> Vec<(String, String)> {
        std::iter::once((String::new(), none.to_string())).chain(self.active_staff()).collect()
    }

    pub fn staff_name(&self, id: &str) -> String {
        self.staff.with(|s| s.iter().find(|x| x.id == id).map(|x| x.name.clone())).unwrap_or_else(|| id.to_string())
    }

    /// The scopes the current user may choose (all, with no user set).
    pub fn scopes(&self) -> Vec<Scope> {
        match self.current_staff() {
            Some(s) => s.role.scopes().to_vec(),
            None => vec![Scope::All],
        }
    }

    /// Whether the current user's working view shows a record in a scope;
    /// the user and departments are looked up once, so it can run over every row.
    pub fn visibility(&self) -> impl Fn(&Visibility, Scope) -> bool {
        let me = self.current_staff();
        let depts = self.staff.with(|s| departments(s));
        move |v, scope| me.as_ref().is_none_or(|me| Viewer::new(me, &depts).shows(v, scope))
    }

    pub fn role(&self) -> Option<Role> {
        self.current_staff().map(|s| s.role)
    }

    pub fn toast(&self, kind: ToastKind, text: impl Into<String>) {
        let id = js_sys::Date::now() as u64 ^ (js_sys::Math::random() * 1e9) as u64;
        self.toasts.update(|t| t.push(Toast { id, kind, text: text.into() }));
        let toasts = self.toasts;
        set_timeout(move || toasts.update(|t| t.retain(|x| x.id != id)), std::time::Duration::from_millis(if kind == ToastKind::Error { 8000 } else { 3500 }));
    }

    /// What a storage error means for the user, in their language.
    pub fn error_text(&self, e: &StoreError) -> String {
        let i = self.i18n;
        match e {
            StoreError::QuotaExceeded => i.t(Msg::ErrQuota).to_string(),
            StoreError::Conflict { .. } => i.t(Msg::ErrConflict).to_string(),
            StoreError::TooNew { .. } => i.t(Msg::ErrTooNew).to_string(),
            StoreError::Blocked => i.t(Msg::ErrBlocked).to_string(),
            StoreError::Unavailable(d) => format!("{} ({d})", i.t(Msg::ErrUnavailable)),
            StoreError::Corrupt { detail, .. } => format!("{} ({detail})", i.t(Msg::ErrCorrupt)),
            StoreError::Failed { op, detail } => format!("{} ({op}: {detail})", i.t(Msg::ErrFailed)),
        }
    }
}
