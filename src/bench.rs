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
    let mut done = 0;
    while done < customers {
        let n = batch.max(1).min(customers - done);
        store.apply(&demo::into_changeset(generator.batch(n as usize))).await.map_err(js_err)?;
        done += n;
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
/// the search index, then search it for a name, a phone and a Chinese
/// fragment. Answers [replay ms, index ms, search ms (all three)].
#[wasm_bindgen(js_name = benchLoad)]
pub fn bench_load(customers: u32, seed: u32) -> Vec<f64> {
    use crate::domain::search::CustomerIndex;
    use crate::storage::idb::{replay, segment_value};
    use crate::storage::rowlog::compact;
    let now = DateTime::from_timestamp_millis(1_760_000_000_000).unwrap_or_default();
    let archive = Generator::new(3, 0, seed as u64, now).batch(customers as usize);
    let rows = demo::rows(&archive.customers, &archive.contacts);
    let segments: Vec<JsValue> = compact(&mut rows.iter()).iter().map(|s| segment_value(s)).collect();
    drop((archive, rows));
    let performance = web_sys::window().and_then(|w| w.performance());
    let clock = || performance.as_ref().map_or_else(js_sys::Date::now, |p| p.now());
    let t0 = clock();
    let rows = replay(segments).unwrap_or_default();
    let t1 = clock();
    let index = CustomerIndex::new(rows);
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
