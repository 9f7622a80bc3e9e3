//! Hooks the benchmark calls from the page (Trunk exposes them as
//! `window.wasmBindings`): fill an archive with generated customers through
//! the app's own store, a batch per transaction, as an import would.

use chrono::DateTime;
use wasm_bindgen::prelude::*;

use crate::domain::demo::{self, Generator};
use crate::domain::{ChangeSet, Expect};
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
    store.close();
    Ok(done)
}
