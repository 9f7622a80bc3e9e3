//! The `Store` contract: what any store must do, run against the in-memory
//! store natively (`store_memory.rs`) and the IndexedDB store in headless
//! Chromium (`store_idb.rs`). Each case takes an empty store.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use dossier::domain::change::{Setting, Stored};
use dossier::domain::complaint::{Complaint, Entry, Stage, Step};
use dossier::domain::interaction::Interaction;
use dossier::domain::service;
use dossier::domain::visit::Visit;
use dossier::domain::transaction::Transaction;
use dossier::domain::ops::{self, Ctx};
use dossier::domain::{
    Action, Actor, ChangeSet, Contact, Customer, CustomerRow, Expect, Field, HistoryEntry, Kind, Staff, Status, TrashEntry,
};
use dossier::domain::change::RawRecord;
use dossier::io::backup;
use dossier::storage::{Store, StoreError};

/// Lists every contract case for a runner macro.
macro_rules! contract_cases {
    ($run:ident) => {
        $run!(every_kind_round_trips);
        $run!(index_lookups_find_exactly_the_matching_records);
        $run!(a_stale_revision_is_a_conflict_and_writes_nothing);
        $run!(absent_means_absent);
        $run!(deletes_check_revisions_and_delete_where_removes_by_index);
        $run!(create_edit_delete_restore_through_domain_operations);
        $run!(user_text_money_and_dates_survive_storage);
        $run!(clear_all_empties_every_store);
        $run!(list_rows_are_rebuilt_from_what_is_stored_not_from_stale_copies);
        $run!(the_bulk_rows_and_the_first_screen_agree_with_the_row_records);
        $run!(a_restore_brings_back_exactly_what_was_backed_up);
    };
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_763_800_000, 0).unwrap()
}

fn customer(id: &str, name: &str) -> Customer {
    Customer { id: id.into(), rev: 1, name: name.into(), created_at: now(), updated_at: now(), reviewed_at: now(), ..Customer::default() }
}

/// Ids `{prefix}001`, `{prefix}002`… for domain operations.
fn numbered(prefix: &'static str) -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("{prefix}{n:03}")
    }
}

fn one(record: impl Stored, expect: Expect) -> ChangeSet {
    let mut set = ChangeSet::default();
    set.put(record, expect);
    set
}

pub async fn every_kind_round_trips<S: Store>(s: &S) {
    let c = customer("c1", "华联广告");
    let k = Contact { id: "k1".into(), customer_id: "c1".into(), rev: 1, name: "王芳".into(), primary: true, ..Contact::default() };
    let i = Interaction {
        id: "i1".into(),
        customer_id: "c1".into(),
        rev: 1,
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        summary: "电话".into(),
        ..Interaction::default()
    };
    let h = HistoryEntry { id: "h1".into(), customer_id: "c1".into(), entity_id: "c1".into(), at: now(), action: Action::Created, ..HistoryEntry::default() };
    let t = TrashEntry { id: "c9".into(), customer: customer("c9", "旧"), deleted_at: now(), reason: "重复".into(), ..TrashEntry::default() };
    let st = Staff { id: "s1".into(), rev: 1, name: "张伟".into(), ..Staff::default() };
    let set_ = Setting { id: "k".into(), value: "v".into() };
    let x = Transaction {
        id: "x1".into(),
        customer_id: "c1".into(),
        rev: 1,
        date: NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
        product: "年度代理「品牌」".into(),
        amount: "1234567.89".parse().unwrap(),
        paid: "0.01".parse().unwrap(),
        due: NaiveDate::from_ymd_opt(2024, 3, 31),
        ..Transaction::default()
    };
    let complaint = Complaint {
        id: "q1".into(),
        customer_id: "c1".into(),
        rev: 2,
        received_on: NaiveDate::from_ymd_opt(2026, 2, 13).unwrap(),
        investigate_by: NaiveDate::from_ymd_opt(2026, 2, 14).unwrap(),
        reply_by: NaiveDate::from_ymd_opt(2026, 2, 24).unwrap(),
        what_happened: "展台「延误」\n两小时".into(),
        stage: Stage::Accepted,
        entries: vec![Entry { step: Step::Accept, at: now(), on: NaiveDate::from_ymd_opt(2026, 2, 13).unwrap(), note: "属实".into(), ..Entry::default() }],
        ..Complaint::default()
    };
    let v = Visit { id: "v1".into(), customer_id: "c1".into(), rev: 1, date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), satisfaction: Some(4), feedback: "满意".into(), created_at: now(), ..Visit::default() };
    let row = CustomerRow::of(&c, std::slice::from_ref(&k), &[]);
    let mut set = ChangeSet::default();
    set.put(c.clone(), Expect::Absent)
        .put(row.clone(), Expect::Any)
        .put(k.clone(), Expect::Absent)
        .put(i.clone(), Expect::Absent)
        .put(h.clone(), Expect::Absent)
        .put(t.clone(), Expect::Absent)
        .put(st.clone(), Expect::Absent)
        .put(set_.clone(), Expect::Any)
        .put(x.clone(), Expect::Absent)
        .put(complaint.clone(), Expect::Absent)
        .put(v.clone(), Expect::Absent);
    s.apply(&set).await.unwrap();
    assert_eq!(s.get::<Customer>("c1").await.unwrap(), Some(c));
    assert_eq!(s.get::<CustomerRow>("c1").await.unwrap(), Some(row));
    assert_eq!(s.get::<Contact>("k1").await.unwrap(), Some(k));
    assert_eq!(s.get::<Interaction>("i1").await.unwrap(), Some(i));
    assert_eq!(s.get::<HistoryEntry>("h1").await.unwrap(), Some(h));
    assert_eq!(s.get::<TrashEntry>("c9").await.unwrap(), Some(t));
    assert_eq!(s.get::<Staff>("s1").await.unwrap(), Some(st));
    assert_eq!(s.get::<Setting>("k").await.unwrap(), Some(set_));
    assert_eq!(s.get::<Transaction>("x1").await.unwrap(), Some(x));
    assert_eq!(s.get::<Complaint>("q1").await.unwrap(), Some(complaint));
    assert_eq!(s.get::<Visit>("v1").await.unwrap(), Some(v));
    assert_eq!(s.get::<Customer>("nope").await.unwrap(), None);
    for kind in Kind::ALL {
        assert_eq!(s.count(*kind).await.unwrap(), 1, "{kind:?}");
    }
}

pub async fn index_lookups_find_exactly_the_matching_records<S: Store>(s: &S) {
    let mut set = ChangeSet::default();
    for (id, cust) in [("k1", "a"), ("k2", "b"), ("k3", "a")] {
        set.put(Contact { id: id.into(), customer_id: cust.into(), rev: 1, name: id.into(), ..Contact::default() }, Expect::Absent);
    }
    let mut lost = customer("c1", "x");
    lost.status = Status::Lost;
    lost.owner = Some("s1".into());
    set.put(lost, Expect::Absent).put(customer("c2", "y"), Expect::Absent);
    s.apply(&set).await.unwrap();
    let of_a: Vec<String> = s.by_index::<Contact>("customer_id", "a").await.unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(of_a, vec!["k1", "k3"]);
    assert!(s.by_index::<Contact>("customer_id", "zzz").await.unwrap().is_empty());
    let lost: Vec<String> = s.by_index::<Customer>("status", "lost").await.unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(lost, vec!["c1"]);
    let owned: Vec<String> = s.by_index::<Customer>("owner", "s1").await.unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(owned, vec!["c1"]);
    let all: Vec<String> = s.all::<Customer>().await.unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(all, vec!["c1", "c2"]);
}

pub async fn a_stale_revision_is_a_conflict_and_writes_nothing<S: Store>(s: &S) {
    s.apply(&one(customer("c1", "v1"), Expect::Absent)).await.unwrap();
    // Another tab saves revision 2.
    let mut theirs = customer("c1", "theirs");
    theirs.rev = 2;
    s.apply(&one(theirs.clone(), Expect::Rev(1))).await.unwrap();
    // This tab still edits revision 1; its change set also adds a contact.
    let mut mine = customer("c1", "mine");
    mine.rev = 2;
    let mut set = ChangeSet::default();
    set.put(Contact { id: "k1".into(), customer_id: "c1".into(), rev: 1, name: "n".into(), ..Contact::default() }, Expect::Absent);
    set.put(mine, Expect::Rev(1));
    // Writes after the stale one are asked for before its check is answered.
    set.put(Contact { id: "k2".into(), customer_id: "c1".into(), rev: 1, name: "m".into(), ..Contact::default() }, Expect::Any);
    set.refresh_row("c1");
    let mut refresh = ChangeSet::default();
    refresh.refresh_row("c1");
    s.apply(&refresh).await.unwrap();
    let rows_before = s.list_rows().await.unwrap();
    assert_eq!(rows_before.iter().map(|r| r.name()).collect::<Vec<_>>(), ["theirs"]);
    let err = s.apply(&set).await.unwrap_err();
    assert_eq!(err, StoreError::Conflict { kind: Kind::Customer, id: "c1".into() });
    assert_eq!(s.get::<Customer>("c1").await.unwrap(), Some(theirs));
    assert_eq!(s.get::<Contact>("k1").await.unwrap(), None, "the contact put before the conflict must not be written");
    assert_eq!(s.get::<Contact>("k2").await.unwrap(), None, "nor the one put after it");
    assert_eq!(s.list_rows().await.unwrap(), rows_before, "nor the row refreshed after it");
}

pub async fn absent_means_absent<S: Store>(s: &S) {
    s.apply(&one(customer("c1", "a"), Expect::Absent)).await.unwrap();
    let err = s.apply(&one(customer("c1", "b"), Expect::Absent)).await.unwrap_err();
    assert_eq!(err, StoreError::Conflict { kind: Kind::Customer, id: "c1".into() });
    assert_eq!(s.get::<Customer>("c1").await.unwrap().unwrap().name, "a");
    // A revision expected on a record that does not exist is a conflict too (deleted elsewhere).
    let err = s.apply(&one(customer("c2", "b"), Expect::Rev(1))).await.unwrap_err();
    assert_eq!(err, StoreError::Conflict { kind: Kind::Customer, id: "c2".into() });
}

pub async fn deletes_check_revisions_and_delete_where_removes_by_index<S: Store>(s: &S) {
    let mut set = one(customer("c1", "a"), Expect::Absent);
    for (id, cust) in [("h1", "c1"), ("h2", "c1"), ("h3", "c2")] {
        set.put(HistoryEntry { id: id.into(), customer_id: cust.into(), at: now(), ..HistoryEntry::default() }, Expect::Absent);
    }
    s.apply(&set).await.unwrap();
    let mut stale = ChangeSet::default();
    stale.delete(Kind::Customer, "c1", Expect::Rev(7));
    assert!(matches!(s.apply(&stale).await, Err(StoreError::Conflict { .. })));
    let mut del = ChangeSet::default();
    del.delete(Kind::Customer, "c1", Expect::Rev(1)).delete_where(Kind::History, "customer_id", "c1");
    s.apply(&del).await.unwrap();
    assert_eq!(s.get::<Customer>("c1").await.unwrap(), None);
    let left: Vec<String> = s.all::<HistoryEntry>().await.unwrap().into_iter().map(|h| h.id).collect();
    assert_eq!(left, vec!["h3"]);
}

pub async fn create_edit_delete_restore_through_domain_operations<S: Store>(s: &S) {
    let mut n = 0;
    let mut ids = move || {
        n += 1;
        format!("id{n:03}")
    };
    let mut ctx = Ctx { now: now(), by: Actor { id: Some("s1".into()), name: "张伟".into() }, next_id: &mut ids };
    let contacts = vec![Contact { name: "王芳".into(), ..Contact::default() }, Contact { name: "Li Lei".into(), ..Contact::default() }];
    let (set, created) = ops::create_customer(&mut ctx, customer("", "星河会展"), contacts, Action::Created, "");
    s.apply(&set).await.unwrap();
    let row = s.get::<CustomerRow>(&created.id).await.unwrap().unwrap();
    assert_eq!(row.contacts().collect::<Vec<_>>(), vec!["王芳", "Li Lei"]);

    let mut edited = created.clone();
    edited.texts.insert(Field::Plans, "明年扩张".into());
    let (set, saved) = ops::update_customer(&mut ctx, &created, edited, "年度回顾").unwrap();
    s.apply(&set).await.unwrap();
    let history = s.by_index::<HistoryEntry>("customer_id", &created.id).await.unwrap();
    let update = history.iter().find(|h| h.action == Action::Updated).unwrap();
    assert_eq!(update.reason, "年度回顾");
    assert_eq!(update.changes[0].field, "plans");

    let deal = Transaction { date: NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(), product: "展会搭建".into(), amount: Decimal::from(80_000), ..Transaction::default() };
    let (set, deal) = ops::save_transaction(&mut ctx, &created.id, None, deal).unwrap();
    s.apply(&set).await.unwrap();
    let deals = s.by_index::<Transaction>("customer_id", &created.id).await.unwrap();
    assert_eq!(deals, vec![deal.clone()]);
    // The list row knows what the customer owes, in both its forms.
    let owed = |r: &CustomerRow| r.standing.as_ref().map(|s| s.owed);
    assert_eq!(owed(&s.get::<CustomerRow>(&created.id).await.unwrap().unwrap()), Some(Decimal::from(80_000)));
    let listed = s.list_rows().await.unwrap();
    assert_eq!(listed.iter().find(|r| r.id() == created.id).and_then(owed), Some(Decimal::from(80_000)));

    let complaint = Complaint { customer_id: created.id.clone(), what_happened: "发票开错".into(), ..Complaint::default() };
    let (set, complaint) = service::receive_complaint(&mut ctx, complaint);
    s.apply(&set).await.unwrap();
    let visit = Visit { customer_id: created.id.clone(), topics: vec![dossier::domain::visit::Topic::ComplaintHandling], ..Visit::default() };
    let (set, visit) = service::record_visit(&mut ctx, visit, None, NaiveDate::from_ymd_opt(2026, 11, 5).unwrap()).unwrap();
    s.apply(&set).await.unwrap();
    let complaints = s.by_index::<Complaint>("customer_id", &created.id).await.unwrap();
    let visits = s.by_index::<Visit>("customer_id", &created.id).await.unwrap();
    assert_eq!((complaints, visits.clone()), (vec![complaint.clone()], vec![visit.clone()]));

    let contacts = s.by_index::<Contact>("customer_id", &created.id).await.unwrap();
    let belongings = ops::Belongings { contacts: contacts.clone(), transactions: deals.clone(), complaints: vec![complaint.clone()], visits, ..Default::default() };
    let set = ops::delete_customer(&mut ctx, &saved, belongings, "客户合并").unwrap();
    s.apply(&set).await.unwrap();
    assert!(s.by_index::<Complaint>("customer_id", &created.id).await.unwrap().is_empty());
    assert!(s.by_index::<Visit>("customer_id", &created.id).await.unwrap().is_empty());
    assert_eq!(s.get::<Customer>(&created.id).await.unwrap(), None);
    assert_eq!(s.get::<CustomerRow>(&created.id).await.unwrap(), None);
    assert!(s.by_index::<Contact>("customer_id", &created.id).await.unwrap().is_empty());
    assert!(s.by_index::<Transaction>("customer_id", &created.id).await.unwrap().is_empty());
    let entry = s.get::<TrashEntry>(&created.id).await.unwrap().unwrap();
    assert_eq!(entry.reason, "客户合并");

    assert_eq!(entry.complaints, vec![complaint.clone()]);
    s.apply(&ops::restore(&mut ctx, &entry)).await.unwrap();
    assert_eq!(s.get::<Complaint>(&complaint.id).await.unwrap(), Some(complaint));
    assert_eq!(s.get::<Visit>(&visit.id).await.unwrap(), Some(visit));
    let back = s.get::<Customer>(&created.id).await.unwrap().unwrap();
    assert_eq!(back.texts.get(&Field::Plans).map(String::as_str), Some("明年扩张"));
    assert_eq!(s.by_index::<Contact>("customer_id", &created.id).await.unwrap(), contacts);
    assert_eq!(s.by_index::<Transaction>("customer_id", &created.id).await.unwrap(), deals);
    assert_eq!(owed(&s.get::<CustomerRow>(&created.id).await.unwrap().unwrap()), Some(Decimal::from(80_000)), "restored with what it owes");
    assert_eq!(s.get::<TrashEntry>(&created.id).await.unwrap(), None);
    assert!(s.get::<CustomerRow>(&created.id).await.unwrap().is_some());

    // Purging removes the entry and its history, but for a bare note that the
    // customer was deleted, and when (a merge with an older backup reads it).
    let set = ops::delete_customer(&mut ctx, &back, ops::Belongings { contacts, transactions: deals, ..Default::default() }, "again").unwrap();
    s.apply(&set).await.unwrap();
    let entry = s.get::<TrashEntry>(&created.id).await.unwrap().unwrap();
    s.apply(&ops::purge([&entry])).await.unwrap();
    assert_eq!(s.count(Kind::Trash).await.unwrap(), 0);
    let left = s.by_index::<HistoryEntry>("customer_id", &created.id).await.unwrap();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!((left[0].action, left[0].at, left[0].changes.len(), left[0].reason.as_str()), (Action::Deleted, entry.deleted_at, 0, ""));
}

pub async fn user_text_money_and_dates_survive_storage<S: Store>(s: &S) {
    let mut c = customer("c1", "<img src=x onerror=alert(1)>");
    c.short_name = "\"quotes\" & 'apostrophes' \\ 🚀 ＡＢＣ 繁體".into();
    c.registered_capital = Some("12345678901234.56".parse::<Decimal>().unwrap());
    c.assets = Some(Decimal::ZERO);
    c.founded = NaiveDate::from_ymd_opt(1999, 12, 31);
    c.lost_on = NaiveDate::from_ymd_opt(2024, 2, 29);
    c.texts.insert(Field::Notes, "line 1\nline 2\r\n\ttab".into());
    s.apply(&one(c.clone(), Expect::Absent)).await.unwrap();
    assert_eq!(s.get::<Customer>("c1").await.unwrap(), Some(c));
}

pub async fn clear_all_empties_every_store<S: Store>(s: &S) {
    let mut set = one(customer("c1", "a"), Expect::Absent);
    set.put(Staff { id: "s1".into(), rev: 1, ..Staff::default() }, Expect::Absent);
    s.apply(&set).await.unwrap();
    s.clear_all().await.unwrap();
    for kind in Kind::ALL {
        assert_eq!(s.count(*kind).await.unwrap(), 0, "{kind:?}");
    }
}

pub async fn list_rows_are_rebuilt_from_what_is_stored_not_from_stale_copies<S: Store>(s: &S) {
    let mut ids = numbered("r");
    let mut ctx = Ctx { now: now(), by: Actor::default(), next_id: &mut ids };
    let (set, c) = ops::create_customer(&mut ctx, customer("", "恒通传媒"), vec![], Action::Created, "");
    s.apply(&set).await.unwrap();
    // Two tabs each add a contact, both working from the same (empty) list.
    let a = ops::save_contact(&mut ctx, &c.id, &[], None, Contact { name: "甲".into(), mobile: "13900000001".into(), ..Contact::default() }).unwrap();
    let b = ops::save_contact(&mut ctx, &c.id, &[], None, Contact { name: "乙".into(), ..Contact::default() }).unwrap();
    s.apply(&a).await.unwrap();
    let answered = s.apply(&b).await.unwrap();
    let row = s.get::<CustomerRow>(&c.id).await.unwrap().unwrap();
    assert_eq!(answered, vec![(c.id.clone(), Some(row.clone()))], "apply answers the row as it wrote it");
    let mut names: Vec<&str> = row.contacts().collect();
    names.sort();
    assert_eq!(names, vec!["乙", "甲"], "both contacts are searchable");
    assert_eq!(row.contact_phones().collect::<Vec<_>>(), vec!["13900000001"]);
    // An edit renames the row too; a deletion removes it.
    let mut renamed = c.clone();
    renamed.name = "恒通文化传媒".into();
    let (set, renamed) = ops::update_customer(&mut ctx, &c, renamed, "更名").unwrap();
    s.apply(&set).await.unwrap();
    assert_eq!(s.get::<CustomerRow>(&c.id).await.unwrap().unwrap().name(), "恒通文化传媒");
    let set = ops::delete_customer(&mut ctx, &renamed, ops::Belongings::default(), "test").unwrap();
    assert!(s.apply(&set).await.unwrap().is_empty(), "a deletion removes the row without rebuilding it");
    assert_eq!(s.get::<CustomerRow>(&c.id).await.unwrap(), None);
    assert!(s.by_index::<Contact>("customer_id", &c.id).await.unwrap().is_empty(), "contacts go with the customer");
}

pub async fn the_bulk_rows_and_the_first_screen_agree_with_the_row_records<S: Store>(s: &S) {
    let mut ids = numbered("b");
    let mut ctx = Ctx { now: now(), by: Actor::default(), next_id: &mut ids };
    let mut made = Vec::new();
    for name in ["Zenith Media", "安徽广告", "alpha events", "Ｂｅｔａ Studio", "Delta"] {
        let (set, c) = ops::create_customer(&mut ctx, customer("", name), vec![], Action::Created, "");
        s.apply(&set).await.unwrap();
        made.push(c);
    }
    // Rename one (it moves in name order), delete another, add a contact to a third.
    let mut renamed = made[0].clone();
    renamed.name = "Able Zenith".into();
    s.apply(&ops::update_customer(&mut ctx, &made[0], renamed, "更名").unwrap().0).await.unwrap();
    s.apply(&ops::delete_customer(&mut ctx, &made[4], ops::Belongings::default(), "dup").unwrap()).await.unwrap();
    let k = Contact { name: "王芳".into(), mobile: "13900000002".into(), ..Contact::default() };
    s.apply(&ops::save_contact(&mut ctx, &made[1].id, &[], None, k).unwrap()).await.unwrap();

    let by_id = |mut rows: Vec<CustomerRow>| {
        rows.sort_by(|a, b| a.id().cmp(b.id()));
        rows
    };
    let records = by_id(s.all::<CustomerRow>().await.unwrap());
    assert_eq!(records.len(), 4);
    assert_eq!(by_id(s.list_rows().await.unwrap()), records, "the bulk form holds exactly the row records");
    assert_eq!(records.iter().find(|r| r.id() == made[1].id).unwrap().contacts().collect::<Vec<_>>(), vec!["王芳"]);
    let first: Vec<String> = s.first_rows(3).await.unwrap().iter().map(|r| r.name().to_string()).collect();
    assert_eq!(first, ["Able Zenith", "alpha events", "Ｂｅｔａ Studio"], "name order ignores case and width");
    assert_eq!(s.first_rows(10).await.unwrap().len(), 4);
    s.clear_all().await.unwrap();
    assert!(s.list_rows().await.unwrap().is_empty());
    assert!(s.first_rows(3).await.unwrap().is_empty());
}

/// An archive with a record in every store a backup holds: two customers
/// with contacts, a log entry and a transaction, one deleted to the trash,
/// staff, a setting.
pub async fn fill_every_store<S: Store>(s: &S) {
    let mut ids = numbered("f");
    let mut ctx = Ctx { now: now(), by: Actor { id: Some("s1".into()), name: "张伟".into() }, next_id: &mut ids };
    let mut kept = Vec::new();
    for (name, contact) in [("华联广告「北京」", "王芳"), ("Sunrise Events", "Li Lei"), ("待删除", "赵六")] {
        let (set, c) = ops::create_customer(&mut ctx, customer("", name), vec![Contact { name: contact.into(), phone: "139 0000 1111".into(), ..Contact::default() }], Action::Created, "");
        s.apply(&set).await.unwrap();
        kept.push(c);
    }
    let log = Interaction { id: "i1".into(), customer_id: kept[0].id.clone(), rev: 1, summary: "报价 ¥12,000.50\n下周回访".into(), ..Interaction::default() };
    s.apply(&one(log, Expect::Absent)).await.unwrap();
    let deal = Transaction { date: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(), product: "媒介投放".into(), amount: "12000.50".parse().unwrap(), ..Transaction::default() };
    s.apply(&ops::save_transaction(&mut ctx, &kept[0].id, None, deal).unwrap().0).await.unwrap();
    let complaint = Complaint { customer_id: kept[0].id.clone(), what_happened: "物料送错".into(), ..Complaint::default() };
    let (set, complaint) = service::receive_complaint(&mut ctx, complaint);
    s.apply(&set).await.unwrap();
    let step = Entry { step: Step::Accept, on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(), ..Entry::default() };
    s.apply(&service::take_step(&mut ctx, &complaint, step).unwrap().0).await.unwrap();
    let visit = Visit { customer_id: kept[0].id.clone(), date: NaiveDate::from_ymd_opt(2026, 11, 5).unwrap(), feedback: "下月再访".into(), ..Visit::default() };
    s.apply(&service::record_visit(&mut ctx, visit, None, NaiveDate::from_ymd_opt(2026, 11, 5).unwrap()).unwrap().0).await.unwrap();
    let gone = kept.pop().unwrap();
    let contacts = s.by_index::<Contact>("customer_id", &gone.id).await.unwrap();
    s.apply(&ops::delete_customer(&mut ctx, &gone, ops::Belongings { contacts, ..Default::default() }, "重复录入").unwrap()).await.unwrap();
    s.apply(&one(Staff { id: "s1".into(), rev: 1, name: "张伟".into(), ..Staff::default() }, Expect::Absent)).await.unwrap();
    s.apply(&one(Setting { id: "locale".into(), value: "zh-CN".into() }, Expect::Any)).await.unwrap();
}

/// Every store a backup holds, as the store exports it.
pub async fn export_all<S: Store>(s: &S) -> Vec<(Kind, Vec<RawRecord>)> {
    backup::snapshot(s, |_, _| ()).await.unwrap()
}

/// Every list row, in id order.
pub async fn sorted_rows<S: Store>(s: &S) -> Vec<CustomerRow> {
    let mut rows = s.list_rows().await.unwrap();
    rows.sort_unstable_by(|a, b| a.id().cmp(b.id()));
    rows
}

pub async fn a_restore_brings_back_exactly_what_was_backed_up<S: Store>(s: &S) {
    fill_every_store(s).await;
    let saved = export_all(s).await;
    for (kind, records) in &saved {
        assert!(!records.is_empty(), "{kind:?} has a record to back up");
        assert!(records.windows(2).all(|w| w[0].id < w[1].id), "{kind:?} in id order");
    }
    let customer_json = &saved.iter().find(|(k, _)| *k == Kind::Customer).unwrap().1[0];
    assert_eq!(customer_json.rev, Some(1));
    let rows = sorted_rows(s).await;
    let first = s.first_rows(10).await.unwrap();

    // Then the archive changes: a new customer, an edit, everything in a store gone.
    let mut ids = numbered("g");
    let mut ctx = Ctx { now: now(), by: Actor::default(), next_id: &mut ids };
    let (set, _) = ops::create_customer(&mut ctx, customer("", "New after the backup"), vec![], Action::Created, "");
    s.apply(&set).await.unwrap();
    let mut set = ChangeSet::default();
    set.delete(Kind::Setting, "locale", Expect::Any);
    s.apply(&set).await.unwrap();

    let seen = std::cell::RefCell::new(Vec::new());
    s.replace_all(&saved, &|done, total| seen.borrow_mut().push((done, total))).await.unwrap();
    assert_eq!(export_all(s).await, saved);
    assert_eq!(sorted_rows(s).await, rows, "the list rows are rebuilt");
    assert_eq!(s.first_rows(10).await.unwrap(), first);
    assert_eq!(s.count(Kind::Row).await.unwrap(), 2);
    let total: usize = saved.iter().map(|(_, r)| r.len()).sum();
    assert_eq!(seen.borrow().last(), Some(&(total, total)));
    assert!(seen.borrow().windows(2).all(|w| w[0].0 <= w[1].0));

    // A customer that does not read as one refuses the whole restore.
    let mut bad = saved.clone();
    let customers = &mut bad.iter_mut().find(|(k, _)| *k == Kind::Customer).unwrap().1;
    customers[0].json = customers[0].json.replacen("\"rev\":1", "\"rev\":\"one\"", 1);
    assert!(customers[0].json.contains("\"one\""));
    assert!(s.replace_all(&bad, &|_, _| ()).await.is_err());
    assert_eq!(export_all(s).await, saved);
    assert_eq!(sorted_rows(s).await, rows);

    // An empty backup empties the archive.
    let empty: Vec<(Kind, Vec<RawRecord>)> = backup::stores().into_iter().map(|k| (k, Vec::new())).collect();
    s.replace_all(&empty, &|_, _| ()).await.unwrap();
    for kind in Kind::ALL {
        assert_eq!(s.count(*kind).await.unwrap(), 0, "{kind:?}");
    }
    assert!(s.list_rows().await.unwrap().is_empty());
}

/// A restore that fails at its `n`-th record (injected by `fail_at`) leaves
/// the archive exactly as it was.
pub async fn a_failed_restore_changes_nothing<S: Store>(s: &S, fail_at: impl FnOnce(&S, usize)) {
    fill_every_store(s).await;
    let before = export_all(s).await;
    let rows = sorted_rows(s).await;
    let mut other = before.clone();
    for (_, records) in &mut other {
        records.retain(|r| r.id.starts_with('f'));
    }
    let total: usize = other.iter().map(|(_, r)| r.len()).sum();
    fail_at(s, total - 1);
    assert!(s.replace_all(&other, &|_, _| ()).await.is_err());
    assert_eq!(export_all(s).await, before);
    assert_eq!(sorted_rows(s).await, rows);
}
