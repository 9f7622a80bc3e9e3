//! Hooks the benchmark calls from the page (Trunk exposes them as
//! `window.wasmBindings`): fill an archive with generated customers through
//! the app's own store, a batch per transaction, as an import would.

use chrono::DateTime;
use wasm_bindgen::prelude::*;

use crate::domain::demo::{self, Generator};
use crate::domain::{ChangeSet, Expect};
use crate::storage::first_screen;
use crate::storage::idb::IdbStore;
use crate::storage::Store;

fn js_err(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

/// Write `customers` generated customers (each with `contacts` contacts and
/// `log` log entries, from `seed`) and the demo staff into the archive `db`,
/// `batch` customers per transaction. Answers how many were written.
#[wasm_bindgen(js_name = benchFill)]
pub async fn bench_fill(db: String, customers: u32, contacts: u32, log: u32, seed: u32, batch: u32) -> Result<u32, JsValue> {
    let store = IdbStore::open(&db).await.map_err(js_err)?;
    let now = DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    let mut staff = ChangeSet::default();
    for s in demo::demo_staff() {
        staff.put(s, Expect::Any);
    }
    store.apply(&staff).await.map_err(js_err)?;
    let mut generator = Generator::new(contacts as usize, log as usize, seed as u64, now);
    // Each transaction is written 2,000 customers at a time, as a restore
    // writes its records.
    let mut done = 0;
    while done < customers {
        let end = done + batch.max(1).min(customers - done);
        store
            .apply_all(|| {
                let n = (end - done).min(2_000);
                (n > 0).then(|| {
                    done += n;
                    demo::into_changeset(generator.batch(n as usize))
                })
            })
            .await
            .map_err(js_err)?;
    }
    // The copy of the list's first screen, as the app keeps it once it has
    // shown the list (the app that imported these customers would have).
    let staff = store.all::<crate::domain::Staff>().await.map_err(js_err)?;
    let rows = store.first_rows(first_screen::ROWS).await.map_err(js_err)?;
    if let Some(copy) = first_screen::encode(&staff, &rows) {
        first_screen::write(&db, &copy);
    }
    store.close();
    Ok(done)
}

/// Time, in the page, what start-up does with the row log once it is read:
/// replay `customers` generated rows from their stored segments, then build
/// the search index (and lay its haystacks side by side, as the app does
/// once the list has painted), then search it for a name, a phone and a Chinese
/// fragment. Answers [replay ms, index ms, search ms (all three)].
#[wasm_bindgen(js_name = benchLoad)]
pub fn bench_load(customers: u32, seed: u32) -> Vec<f64> {
    use crate::domain::search::CustomerIndex;
    use crate::storage::idb::{replay, segment_value};
    use crate::storage::rowlog::compact;
    let now = DateTime::from_timestamp_millis(1_760_000_000_000).unwrap_or_default();
    let archive = Generator::new(3, 0, seed as u64, now).batch(customers as usize);
    let rows = demo::rows(&archive.customers, &archive.contacts, &archive.transactions);
    let segments: Vec<JsValue> = compact(&mut rows.iter()).iter().map(|s| segment_value(s)).collect();
    drop((archive, rows));
    let performance = web_sys::window().and_then(|w| w.performance());
    let clock = || performance.as_ref().map_or_else(js_sys::Date::now, |p| p.now());
    let t0 = clock();
    let rows = replay(segments).unwrap_or_default();
    let t1 = clock();
    let mut index = CustomerIndex::new(rows);
    index.prepare_search();
    let t2 = clock();
    let mut found = 0;
    for text in ["harbour", "1390", "华联"] {
        let q = crate::domain::search::ListQuery { text: text.into(), ..Default::default() };
        found += index.query(&q, None, &|_| String::new()).len();
    }
    let t3 = clock();
    drop(index);
    vec![t1 - t0, t2 - t1, t3 - t2, found as f64]
}

/// Time, in the page, the composition dashboard's figures for `customers`
/// generated customers with `per_customer` transactions each (from `seed`),
/// over the last 12 months: every split, count, trend and the key accounts,
/// as the Analysis page works them out. Answers [ms, transactions].
#[wasm_bindgen(js_name = benchAnalysis)]
pub fn bench_analysis(customers: u32, per_customer: u32, seed: u32) -> Vec<f64> {
    use crate::domain::analysis::Composition;
    let now = DateTime::from_timestamp_millis(1_760_000_000_000).unwrap_or_default();
    let archive = Generator::new(0, 0, seed as u64, now).batch(customers as usize);
    let transactions = demo::transactions_for(&archive.customers, per_customer as usize, seed as u64, now);
    let rows = demo::rows(&archive.customers, &archive.contacts, &transactions);
    let performance = web_sys::window().and_then(|w| w.performance());
    let clock = || performance.as_ref().map_or_else(js_sys::Date::now, |p| p.now());
    let today = now.date_naive();
    let t0 = clock();
    let c = Composition::of(&rows, &transactions, crate::domain::grading::period_start(today, 12), today, crate::domain::customer::DEFAULT_CURRENCY);
    let curve = c.pareto().len();
    let t1 = clock();
    vec![t1 - t0, transactions.len() as f64, curve as f64]
}

/// Time, in the page, the archive's trips out to files and back, on the
/// archive `db`: a backup written (plain, and sealed with a passphrase), that
/// backup read and restored into a scratch archive, the customers exported to
/// CSV, and that CSV imported into another scratch archive (read, mapped,
/// checked for duplicates, written in one transaction). Answers
/// [backup ms, sealed backup ms, restore ms, export ms, import ms,
/// backup bytes, customers imported].
#[wasm_bindgen(js_name = benchFiles)]
pub async fn bench_files(db: String) -> Result<Vec<f64>, JsValue> {
    use crate::domain::import::{self, Lookups};
    use crate::domain::ops::Ctx;
    use crate::domain::{Contact, Customer};
    use crate::i18n::Locale;
    use crate::io::{backup, csv, sheets, webcrypto::WebCrypto};
    use crate::storage::schema;
    let performance = web_sys::window().and_then(|w| w.performance());
    let clock = || performance.as_ref().map_or_else(js_sys::Date::now, |p| p.now());
    let now = DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    let crypto = WebCrypto::new().map_err(js_err)?;
    let store = IdbStore::open(&db).await.map_err(js_err)?;

    let t0 = clock();
    let stores = backup::snapshot(&store, |_, _| ()).await.map_err(js_err)?;
    let file = backup::write(&crypto, &stores, schema::VERSION, now, None).await.map_err(js_err)?;
    let t1 = clock();
    backup::write(&crypto, &stores, schema::VERSION, now, Some("每月1日 backup")).await.map_err(js_err)?;
    let t2 = clock();
    drop(stores);
    let scratch = IdbStore::open("bench-restore").await.map_err(js_err)?;
    let read = backup::read(&crypto, &file, None).await.map_err(js_err)?;
    scratch.replace_all(&read.stores, &|_, _| ()).await.map_err(js_err)?;
    let t3 = clock();
    drop(read);
    scratch.close();

    // The customers sheet, as the list's Export writes it.
    let l = Locale::ZhCn;
    let customers = store.all::<Customer>().await.map_err(js_err)?;
    let contacts = store.all::<Contact>().await.map_err(js_err)?;
    let mut primary: rustc_hash::FxHashMap<&str, &Contact> = rustc_hash::FxHashMap::default();
    for p in contacts.iter().filter(|p| p.primary) {
        primary.insert(&p.customer_id, p);
    }
    let staff = store.all::<crate::domain::Staff>().await.map_err(js_err)?;
    let name_of = |id: &str| staff.iter().find(|s| s.id == id).map(|s| s.name.clone()).unwrap_or_default();
    let mut sheet = csv::Writer::new(&sheets::headings(sheets::Sheet::Customers, l));
    for c in &customers {
        sheet.row(&sheets::customer_row(c, primary.get(c.id.as_str()).copied(), &name_of, l));
    }
    let text = sheet.finish();
    let t4 = clock();
    drop((customers, contacts));

    // That sheet imported into an empty archive, as Import does it.
    let rows = csv::parse(&text).map_err(js_err)?;
    let mapping = import::guess(&rows[0], &sheets::own_headings());
    let by_name = |n: &str| staff.iter().find(|s| s.name == n).map(|s| s.id.clone());
    let look = Lookups { choice: &sheets::choice_key, staff: &by_name };
    let today = now.date_naive();
    let parsed: Vec<import::Parsed> = rows[1..].iter().filter_map(|r| import::read_row(r, &mapping, &look, today).ok()).collect();
    let _ = import::duplicates(&parsed, &[]);
    let n = parsed.len();
    let target = IdbStore::open("bench-import").await.map_err(js_err)?;
    let mut k = 0u64;
    let mut next = || {
        k += 1;
        format!("imp{k:08}")
    };
    let mut ctx = Ctx { now, by: Default::default(), next_id: &mut next };
    let set = import::plan(&mut ctx, "bench.csv", parsed, Vec::new());
    target.apply(&set).await.map_err(js_err)?;
    let t5 = clock();
    target.close();
    store.close();
    Ok(vec![t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, file.len() as f64, n as f64])
}

/// Time, in the page, the service views for `customers` customers with
/// `complaints` complaints: the complaint statistics, a department head's
/// work list, and every staff member's due list (calls and visits due from
/// the visit plan, with the customers who complained lately first).
/// Answers [total ms, statistics ms, work list ms, due lists ms,
/// complaints counted, complaints on the work list, due items].
#[wasm_bindgen(js_name = benchService)]
pub fn bench_service(customers: u32, complaints: u32, seed: u32) -> Vec<f64> {
    use crate::domain::complaint::ComplaintRules;
    use crate::domain::visit::{self, Planned, VisitPlan};
    use crate::domain::{complaint_stats, work, Role};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let s = demo::service_sample(customers as usize, complaints as usize, seed as u64, today);
    let performance = web_sys::window().and_then(|w| w.performance());
    let clock = || performance.as_ref().map_or_else(js_sys::Date::now, |p| p.now());
    let rules = ComplaintRules::default();
    let plan = VisitPlan::default();
    let head = s.staff.iter().find(|x| x.role == Role::DepartmentManager).map(|x| x.id.clone());
    let t0 = clock();
    let stats = complaint_stats::stats(&s.complaints, None, None, today);
    let t1 = clock();
    let mine = work::complaints_for(&s.complaints, head.as_deref(), &s.staff, today, &rules, &s.calendar);
    let t2 = clock();
    let last = visit::last_contacts(s.visits.iter().map(|v| (v.customer_id.as_str(), v.date, v.mode)));
    let recent = today - chrono::Duration::days(visit::COMPLAINED_DAYS);
    let complained: rustc_hash::FxHashSet<&str> = s.complaints.iter().filter(|c| c.received_on >= recent).map(|c| c.customer_id.as_str()).collect();
    let mut due = 0;
    for member in &s.staff {
        let theirs: Vec<Planned> = s
            .customers
            .iter()
            .filter(|c| c.3 == member.id)
            .map(|(id, grade, since, _)| Planned { id, grade: grade.as_deref(), since: *since, key_account: false })
            .collect();
        let mut items = visit::due_contacts(&theirs, &last, &complained, &plan, today);
        visit::order(&mut items);
        due += items.len();
    }
    let t3 = clock();
    vec![t3 - t0, t1 - t0, t2 - t1, t3 - t2, stats.total as f64, mine.len() as f64, due as f64]
}
