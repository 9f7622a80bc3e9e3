//! The Store contract on IndexedDB in headless Chromium, plus what only a
//! real browser database can show: atomicity when a transaction fails,
//! migration from schema version 1, and change announcements across tabs.
#![cfg(target_arch = "wasm32")]

#[macro_use]
mod contract;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_test::*;

use chrono::NaiveDate;
use dossier::domain::complaint::Complaint;
use dossier::domain::visit::Visit;
use dossier::domain::{ChangeSet, Contact, Customer, CustomerRow, Expect, HistoryEntry, Kind, RowFields, Transaction};
use dossier::io::backup::{self, BackupError};
use dossier::io::webcrypto::WebCrypto;
use dossier::storage::idb::{Announcement, IdbStore};
use dossier::storage::{rowlog, schema, Store, StoreError};

wasm_bindgen_test_configure!(run_in_browser);

/// A new, empty database for one test.
async fn fresh(name: &str) -> IdbStore {
    let name = format!("test-{name}");
    IdbStore::delete_database(&name).await.unwrap();
    IdbStore::open(&name).await.unwrap()
}

/// A new, empty database created at an older schema version.
async fn fresh_at(name: &str, version: u32) -> IdbStore {
    IdbStore::delete_database(name).await.unwrap();
    IdbStore::open_at(name, version).await.unwrap()
}

macro_rules! browser {
    ($name:ident) => {
        #[wasm_bindgen_test]
        async fn $name() {
            let s = fresh(stringify!($name)).await;
            contract::$name(&s).await;
            s.close();
        }
    };
}

contract_cases!(browser);

fn customer(id: &str) -> Customer {
    Customer { id: id.into(), rev: 1, name: format!("客户 {id}"), ..Customer::default() }
}

#[wasm_bindgen_test]
async fn a_transaction_that_fails_midway_leaves_nothing_written() {
    let s = fresh("atomic").await;
    let mut set = ChangeSet::default();
    set.put(customer("a"), Expect::Absent).put(customer("b"), Expect::Absent).put(customer("c"), Expect::Absent);
    s.fail_next_apply_at(2);
    assert!(s.apply(&set).await.is_err());
    assert_eq!(s.count(Kind::Customer).await.unwrap(), 0, "the first two puts were issued and must be rolled back");
    // A real failure from the database itself: deleting through an index that does not exist.
    let mut bad = ChangeSet::default();
    bad.put(customer("a"), Expect::Absent).delete_where(Kind::History, "no_such_index", "a");
    assert!(matches!(s.apply(&bad).await, Err(StoreError::Failed { .. })));
    assert_eq!(s.get::<Customer>("a").await.unwrap(), None);
    // And the store still works afterwards.
    s.apply(&set).await.unwrap();
    assert_eq!(s.count(Kind::Customer).await.unwrap(), 3);
    s.close();
}

#[wasm_bindgen_test]
async fn a_rehearsed_save_stores_nothing_and_leaves_a_set_up_failure_for_the_real_one() {
    let s = fresh("rehearse").await;
    let mut first = ChangeSet::default();
    first.put(customer("a"), Expect::Absent).refresh_row("a");
    s.apply(&first).await.unwrap();
    let mut edit = ChangeSet::default();
    let mut renamed = customer("a");
    renamed.name = "改名".into();
    renamed.rev = 2;
    edit.put(renamed, Expect::Rev(1)).put(customer("b"), Expect::Absent).refresh_row("a").refresh_row("b");
    s.fail_next_apply_at(1);
    s.rehearse(&edit).await;
    assert_eq!(s.get::<Customer>("a").await.unwrap().map(|c| (c.name, c.rev)), Some(("客户 a".to_string(), 1)));
    assert_eq!(s.count(Kind::Customer).await.unwrap(), 1);
    assert_eq!(s.list_rows().await.unwrap().iter().map(|r| r.name().to_string()).collect::<Vec<_>>(), ["客户 a"]);
    // The failure set up for the next save is still there for it, and the
    // save after that goes through.
    assert!(s.apply(&edit).await.is_err());
    s.apply(&edit).await.unwrap();
    assert_eq!(s.count(Kind::Customer).await.unwrap(), 2);
    assert_eq!(s.get::<Customer>("a").await.unwrap().map(|c| c.name), Some("改名".to_string()));
    s.close();
}

#[wasm_bindgen_test]
async fn an_archive_created_at_schema_version_1_migrates_forward() {
    let name = "test-migrate-v1";
    let v1 = fresh_at(name, 1).await;
    let mut set = ChangeSet::default();
    let mut c = customer("c1");
    c.co_owner = Some("s2".into());
    set.put(c.clone(), Expect::Absent);
    set.put(Contact { id: "k1".into(), customer_id: "c1".into(), rev: 1, name: "王芳".into(), primary: true, ..Contact::default() }, Expect::Absent);
    set.put(HistoryEntry { id: "h1".into(), customer_id: "c1".into(), ..HistoryEntry::default() }, Expect::Absent);
    v1.apply(&set).await.unwrap();
    v1.close();

    let v2 = IdbStore::open(name).await.unwrap();
    assert_eq!(schema::VERSION, 6);
    let row = v2.get::<CustomerRow>("c1").await.unwrap().expect("the migration builds the list rows");
    assert_eq!(row.name(), "客户 c1");
    assert_eq!(row.contacts().collect::<Vec<_>>(), vec!["王芳"]);
    assert_eq!(v2.list_rows().await.unwrap(), vec![row.clone()], "and their bulk form");
    assert_eq!(v2.first_rows(5).await.unwrap(), vec![row]);
    // Indexes added in version 2 cover records written in version 1.
    let by_co_owner = v2.by_index::<Customer>("co_owner", "s2").await.unwrap();
    assert_eq!(by_co_owner, vec![c]);
    assert_eq!(v2.by_index::<HistoryEntry>("customer_id", "c1").await.unwrap().len(), 1);
    // The store added in version 4 is there, with its indexes.
    assert!(v2.by_index::<Transaction>("customer_id", "c1").await.unwrap().is_empty());
    let mut deal = ChangeSet::default();
    deal.put(Transaction { id: "x1".into(), customer_id: "c1".into(), rev: 1, product: "年度代理".into(), ..Transaction::default() }, Expect::Absent);
    v2.apply(&deal).await.unwrap();
    assert_eq!(v2.by_index::<Transaction>("customer_id", "c1").await.unwrap().len(), 1);
    assert_eq!(v2.by_index::<Transaction>("date", &NaiveDate::default().to_string()).await.unwrap().len(), 1);
    v2.close();
}

#[wasm_bindgen_test]
async fn an_archive_at_schema_version_2_gets_its_rows_sorted_and_in_bulk() {
    let name = "test-migrate-v2";
    let v2 = fresh_at(name, 2).await;
    let mut set = ChangeSet::default();
    for (id, name) in [("c1", "Zeta"), ("c2", "alpha"), ("c3", "北京")] {
        set.put(Customer { id: id.into(), rev: 1, name: name.into(), ..Customer::default() }, Expect::Absent);
        set.refresh_row(id);
    }
    v2.apply(&set).await.unwrap();
    v2.close();
    let v3 = IdbStore::open(name).await.unwrap();
    let first: Vec<String> = v3.first_rows(2).await.unwrap().iter().map(|r| r.name().to_string()).collect();
    assert_eq!(first, ["alpha", "Zeta"]);
    let mut bulk: Vec<String> = v3.list_rows().await.unwrap().iter().map(|r| r.id().to_string()).collect();
    bulk.sort();
    assert_eq!(bulk, ["c1", "c2", "c3"]);
    assert_eq!(v3.row_log_segments().await.unwrap(), 1);
    v3.close();
}

#[wasm_bindgen_test]
async fn an_archive_at_schema_version_3_gets_rows_that_know_the_organisation_form() {
    let name = "test-migrate-v3";
    let v3 = fresh_at(name, 3).await;
    let mut set = ChangeSet::default();
    set.put(Customer { id: "c1".into(), rev: 1, name: "华联".into(), org_form: "民营企业".into(), ..Customer::default() }, Expect::Absent);
    // The row as the version before this one wrote it: its text only.
    set.put(CustomerRow::from(RowFields { id: "c1".into(), name: "华联".into(), ..RowFields::default() }), Expect::Any);
    v3.apply(&set).await.unwrap();
    assert_eq!(v3.get::<CustomerRow>("c1").await.unwrap().unwrap().org_form(), "");
    v3.close();
    let v4 = IdbStore::open(name).await.unwrap();
    assert_eq!(v4.get::<CustomerRow>("c1").await.unwrap().unwrap().org_form(), "民营企业");
    let listed = v4.list_rows().await.unwrap();
    assert_eq!(listed.iter().map(|r| r.org_form()).collect::<Vec<_>>(), ["民营企业"], "and the row log too");
    v4.close();
}

#[wasm_bindgen_test]
async fn an_archive_at_schema_version_4_gets_rows_that_know_the_customer_type_and_currency() {
    let name = "test-migrate-v4";
    let v4 = fresh_at(name, 4).await;
    let mut set = ChangeSet::default();
    set.put(Customer { id: "c1".into(), rev: 1, name: "Golf Media".into(), currency: "USD".into(), customer_type: "广告主".into(), ..Customer::default() }, Expect::Absent);
    // The row as the version before this one wrote it: no type, no currency.
    set.put(CustomerRow::from(RowFields { id: "c1".into(), name: "Golf Media".into(), ..RowFields::default() }), Expect::Any);
    v4.apply(&set).await.unwrap();
    assert_eq!(v4.get::<CustomerRow>("c1").await.unwrap().unwrap().currency(), "CNY");
    v4.close();
    let v5 = IdbStore::open(name).await.unwrap();
    let row = v5.get::<CustomerRow>("c1").await.unwrap().unwrap();
    assert_eq!((row.currency(), row.customer_type()), ("USD", "广告主"));
    let listed = v5.list_rows().await.unwrap();
    assert_eq!(listed.iter().map(|r| (r.currency(), r.customer_type())).collect::<Vec<_>>(), [("USD", "广告主")], "and the row log too");
    v5.close();
}

#[wasm_bindgen_test]
async fn an_archive_at_schema_version_5_gets_complaints_and_visits() {
    let name = "test-migrate-v5";
    let v5 = fresh_at(name, 5).await;
    let mut set = ChangeSet::default();
    set.put(customer("c1"), Expect::Absent);
    v5.apply(&set).await.unwrap();
    v5.close();
    let v6 = IdbStore::open(name).await.unwrap();
    assert_eq!(v6.get::<Customer>("c1").await.unwrap().map(|c| c.id), Some("c1".to_string()), "what was there stays");
    let on = NaiveDate::from_ymd_opt(2026, 2, 13).unwrap();
    let mut set = ChangeSet::default();
    set.put(Complaint { id: "q1".into(), customer_id: "c1".into(), rev: 1, received_on: on, ..Complaint::default() }, Expect::Absent);
    set.put(Visit { id: "v1".into(), customer_id: "c1".into(), rev: 1, date: on, ..Visit::default() }, Expect::Absent);
    v6.apply(&set).await.unwrap();
    // Found by customer and by date.
    assert_eq!(v6.by_index::<Complaint>("customer_id", "c1").await.unwrap().len(), 1);
    assert_eq!(v6.by_index::<Complaint>("received_on", "2026-02-13").await.unwrap().len(), 1);
    assert_eq!(v6.by_index::<Visit>("customer_id", "c1").await.unwrap().len(), 1);
    assert_eq!(v6.by_index::<Visit>("date", "2026-02-13").await.unwrap().len(), 1);
    v6.close();
}

#[wasm_bindgen_test]
async fn a_long_row_log_is_compacted_and_a_foreign_one_rebuilt() {
    let s = fresh("row-log").await;
    for n in 0..40 {
        let id = format!("c{n:02}");
        let mut set = ChangeSet::default();
        set.put(Customer { id: id.clone(), rev: 1, name: format!("客户 {n}"), ..Customer::default() }, Expect::Absent);
        set.refresh_row(&id);
        s.apply(&set).await.unwrap();
    }
    let mut gone = ChangeSet::default();
    gone.delete(Kind::Customer, "c05", Expect::Any).refresh_row("c05");
    s.apply(&gone).await.unwrap();
    assert_eq!(s.row_log_segments().await.unwrap(), 41, "one segment per save");
    let by_id = |mut rows: Vec<CustomerRow>| {
        rows.sort_by(|a, b| a.id().cmp(b.id()));
        rows
    };
    let records = by_id(s.all::<CustomerRow>().await.unwrap());
    assert_eq!(records.len(), 39);
    assert_eq!(by_id(s.list_rows().await.unwrap()), records);
    s.compact_rows_if_worth_it(false, || rowlog::compact(&mut records.iter())).await.unwrap();
    assert_eq!(s.row_log_segments().await.unwrap(), 1, "41 segments for 39 rows are worth rewriting");
    assert_eq!(by_id(s.list_rows().await.unwrap()), records);

    // A segment this version cannot read (written by a newer one, say): the
    // rows are read from their records and the log is written anew.
    let db = idb::Factory::new().unwrap().open("test-row-log", None).unwrap().await.unwrap();
    let tx = db.transaction(&[schema::ROW_LOG], idb::TransactionMode::ReadWrite).unwrap();
    tx.object_store(schema::ROW_LOG).unwrap().add(&"dossier-rows 99\n[]".into(), None).unwrap();
    tx.commit().unwrap().await.unwrap();
    db.close();
    assert_eq!(by_id(s.list_rows().await.unwrap()), records);
    assert_eq!(s.row_log_segments().await.unwrap(), 1);
    s.close();
}

/// Rows held far from name order (as an import leaves them) are rewritten in
/// name order when the caller says so, though the log is short, so that the
/// next start has little to sort.
#[wasm_bindgen_test]
async fn a_log_far_from_name_order_is_rewritten_in_name_order() {
    let s = fresh("row-log-order").await;
    let mut set = ChangeSet::default();
    for n in 0..30 {
        let id = format!("c{n:02}");
        set.put(Customer { id: id.clone(), rev: 1, name: format!("客户 {:02}", (n * 7) % 30), ..Customer::default() }, Expect::Absent);
        set.refresh_row(&id);
    }
    s.apply(&set).await.unwrap();
    let names = |rows: &[CustomerRow]| rows.iter().map(|r| r.name().to_string()).collect::<Vec<_>>();
    let in_order = |names: &[String]| names.windows(2).all(|w| w[0] <= w[1]);
    let rows = s.list_rows().await.unwrap();
    assert!(!s.log_worth_compacting(), "one segment for 30 rows");
    assert!(!in_order(&names(&rows)));
    s.compact_rows_if_worth_it(false, || rowlog::compact(&mut rows.iter())).await.unwrap();
    assert!(!in_order(&names(&s.list_rows().await.unwrap())), "left as it was");
    // As start-up does: the rows in hand, in the name order the index keeps.
    let index = dossier::domain::search::CustomerIndex::new(rows.clone());
    s.compact_rows_if_worth_it(true, || rowlog::compact(&mut index.in_name_order())).await.unwrap();
    let after = names(&s.list_rows().await.unwrap());
    assert!(in_order(&after), "{after:?}");
    assert_eq!(after.len(), 30);
    s.close();
}

#[wasm_bindgen_test]
async fn start_up_compacts_from_the_rows_in_hand_only_while_the_log_is_unchanged() {
    let s = fresh("row-log-in-hand").await;
    let save = |n: usize| {
        let id = format!("c{n:03}");
        let mut set = ChangeSet::default();
        set.put(Customer { id: id.clone(), rev: 1, name: format!("客户 {n}"), ..Customer::default() }, Expect::Absent);
        set.refresh_row(&id);
        set
    };
    let ids = |rows: Vec<CustomerRow>| {
        let mut ids: Vec<String> = rows.iter().map(|r| r.id().to_string()).collect();
        ids.sort();
        ids
    };
    for n in 0..40 {
        s.apply(&save(n)).await.unwrap();
    }
    let rows = s.list_rows().await.unwrap();
    assert!(s.log_worth_compacting(), "40 one-row segments");
    s.compact_rows_if_worth_it(false, || rowlog::compact(&mut rows.iter())).await.unwrap();
    assert_eq!(s.row_log_segments().await.unwrap(), 1);
    assert_eq!(ids(s.list_rows().await.unwrap()), ids(rows));

    // A save after the log was read: the rows in hand lack it, so they are
    // not what gets written; the log is compacted from itself.
    for n in 40..80 {
        s.apply(&save(n)).await.unwrap();
    }
    let stale = s.list_rows().await.unwrap();
    assert!(s.log_worth_compacting());
    s.apply(&save(99)).await.unwrap();
    s.compact_rows_if_worth_it(false, || rowlog::compact(&mut stale.iter())).await.unwrap();
    assert_eq!(s.row_log_segments().await.unwrap(), 1);
    let now = ids(s.list_rows().await.unwrap());
    assert_eq!(now.len(), 81);
    assert!(now.contains(&"c099".to_string()));
    s.close();
}

#[wasm_bindgen_test]
async fn segments_stored_as_strings_by_the_first_log_are_still_read() {
    let s = fresh("row-log-strings").await;
    let mut set = ChangeSet::default();
    set.put(Customer { id: "c1".into(), rev: 1, name: "华联广告".into(), ..Customer::default() }, Expect::Absent);
    set.refresh_row("c1");
    s.apply(&set).await.unwrap();
    // The first version of the log stored each segment as a string.
    let renamed = CustomerRow::from(RowFields { id: "c1".into(), name: "华联传媒".into(), ..RowFields::default() });
    let db = idb::Factory::new().unwrap().open("test-row-log-strings", None).unwrap().await.unwrap();
    let tx = db.transaction(&[schema::ROW_LOG], idb::TransactionMode::ReadWrite).unwrap();
    tx.object_store(schema::ROW_LOG).unwrap().add(&rowlog::encode([("c1", Some(&renamed))]).into(), None).unwrap();
    tx.commit().unwrap().await.unwrap();
    db.close();
    let names: Vec<String> = s.list_rows().await.unwrap().iter().map(|r| r.name().to_string()).collect();
    assert_eq!(names, ["华联传媒"]);
    s.close();
}

#[wasm_bindgen_test]
async fn opening_an_archive_from_a_newer_version_is_refused_clearly() {
    let name = "test-too-new";
    IdbStore::delete_database(name).await.unwrap();
    IdbStore::open_at(name, schema::VERSION + 1).await.unwrap().close();
    match IdbStore::open(name).await {
        Err(StoreError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (schema::VERSION + 1, schema::VERSION));
        }
        Err(e) => panic!("expected TooNew, got {e:?}"),
        Ok(_) => panic!("expected TooNew, got an open store"),
    }
}

#[wasm_bindgen_test]
async fn a_commit_is_announced_to_the_other_tabs() {
    let name = "test-broadcast";
    IdbStore::delete_database(name).await.unwrap();
    let writer = IdbStore::open(name).await.unwrap();
    let reader = IdbStore::open(name).await.unwrap();
    let heard: Rc<RefCell<Vec<Announcement>>> = Rc::default();
    let sink = heard.clone();
    reader.on_remote_change(move |a| sink.borrow_mut().push(a));
    let mut set = ChangeSet::default();
    set.put(customer("c1"), Expect::Absent);
    writer.apply(&set).await.unwrap();
    for _ in 0..50 {
        if !heard.borrow().is_empty() {
            break;
        }
        sleep(20).await;
    }
    let heard = heard.borrow();
    assert_eq!(heard.len(), 1);
    assert_eq!(heard[0].customers, vec!["c1"]);
    assert_eq!(heard[0].kinds, vec!["customers"]);
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_benchmark_fill_writes_whole_customers_in_batches() {
    let name = "test-bench-fill";
    IdbStore::delete_database(name).await.unwrap();
    let written = dossier::bench::bench_fill(name.into(), 45, 2, 3, 7, 20).await.unwrap();
    assert_eq!(written, 45);
    let s = IdbStore::open(name).await.unwrap();
    assert_eq!(s.count(Kind::Customer).await.unwrap(), 45);
    assert_eq!(s.count(Kind::Row).await.unwrap(), 45);
    assert_eq!(s.count(Kind::Contact).await.unwrap(), 90);
    assert_eq!(s.count(Kind::Interaction).await.unwrap(), 135);
    assert_eq!(s.count(Kind::Staff).await.unwrap(), 8);
    // The last batch's customer has its row, with its primary contact first.
    let row = s.get::<CustomerRow>("demo-c000045").await.unwrap().unwrap();
    let primary = s.by_index::<Contact>("customer_id", "demo-c000045").await.unwrap().into_iter().find(|c| c.primary).unwrap();
    assert_eq!(row.contacts().next(), Some(primary.name.as_str()));
    s.close();
}

/// The copy of the list's first screen comes back as written (at most its
/// first screen of rows), and a copy that does not read is ignored.
#[wasm_bindgen_test]
fn first_screen_copy_round_trip_and_damage() {
    use dossier::domain::{Role, Staff};
    use dossier::storage::first_screen::{self, FirstScreen};
    let staff = vec![Staff { id: "s1".into(), rev: 2, name: "老张".into(), department: "华东销售部".into(), role: Role::SalesRep, ..Staff::default() }];
    let rows: Vec<CustomerRow> = (0..first_screen::ROWS + 5)
        .map(|i| RowFields { id: format!("c{i:03}"), name: format!("客户 \"{i}\"\n第二行"), owner: Some("s1".into()), ..RowFields::default() }.into())
        .collect();
    let copy = first_screen::encode(&staff, &rows).unwrap();
    first_screen::write("test-first-screen", &copy);
    let back = first_screen::read("test-first-screen").unwrap();
    assert!(back == FirstScreen { staff, rows: rows[..first_screen::ROWS].to_vec() }, "the copy read back differs");
    assert_eq!(first_screen::read("test-first-screen-none"), None);
    for damaged in ["", "{", "[]", "{\"staff\":[],\"rows\":\"something else\"}", &copy.replace("sales_rep", "astronaut")] {
        first_screen::write("test-first-screen", damaged);
        assert_eq!(first_screen::read("test-first-screen"), None, "{damaged:?}");
    }
}

#[wasm_bindgen_test]
async fn a_restore_failing_at_its_last_record_changes_nothing() {
    let s = fresh("restore-atomic").await;
    contract::a_failed_restore_changes_nothing(&s, |s, n| s.fail_next_apply_at(n)).await;
    s.close();
}

#[wasm_bindgen_test]
async fn a_sealed_backup_restores_into_a_fresh_archive_identically() {
    let from = fresh("backup-from").await;
    contract::fill_every_store(&from).await;
    let saved = contract::export_all(&from).await;
    let crypto = WebCrypto::new().unwrap();
    let now = chrono::DateTime::from_timestamp(1_763_800_000, 0).unwrap();
    let file = backup::write(&crypto, &saved, schema::VERSION, now, Some("passphrase 口令")).await.unwrap();
    assert_eq!(backup::read(&crypto, &file, Some("wrong")).await.map(|_| ()), Err(BackupError::WrongPassphrase));
    let back = backup::read(&crypto, &file, Some("passphrase 口令")).await.unwrap();
    assert_eq!(back.stores, saved);

    let to = fresh("backup-to").await;
    to.replace_all(&back.stores, &|_, _| ()).await.unwrap();
    assert_eq!(contract::export_all(&to).await, saved);
    assert_eq!(contract::sorted_rows(&to).await, contract::sorted_rows(&from).await);
    assert_eq!(to.first_rows(5).await.unwrap(), from.first_rows(5).await.unwrap());
    from.close();
    to.close();
}

#[wasm_bindgen_test]
async fn webcrypto_opens_a_backup_sealed_natively() {
    // Written by the native test `write_the_sealed_fixture` (src/io/backup.rs) with RustCrypto.
    let file = include_bytes!("fixtures/sealed-v1.dossier");
    let crypto = WebCrypto::new().unwrap();
    let back = backup::read(&crypto, file, Some("每月1日备份")).await.unwrap();
    let settings = &back.stores.iter().find(|(k, _)| *k == Kind::Setting).unwrap().1;
    assert_eq!(settings.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["greeting", "locale"]);
    assert!(settings[0].json.contains("你好, 世界"));
    assert_eq!(backup::read(&crypto, file, Some("每月2日备份")).await.map(|_| ()), Err(BackupError::WrongPassphrase));
}
