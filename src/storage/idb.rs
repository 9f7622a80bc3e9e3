//! The IndexedDB store the app runs on. One database per archive (the real
//! one and the demo), upgraded step by step from any older schema version;
//! every change set is one read-write transaction; every committed change is
//! announced to the app's other tabs over a BroadcastChannel.

use std::cell::{Cell, RefCell};
use std::future::IntoFuture;
use std::marker::PhantomData;

use idb::request::futures::{GetAllKeysStoreRequestFuture, GetAllStoreRequestFuture, GetStoreRequestFuture};
use idb::{
    Database, DatabaseEvent, Event, Factory, KeyPath, KeyRange, ObjectStore, ObjectStoreParams, Query, Request, Transaction,
    TransactionMode,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

use super::rowlog::{self, Replay};
use super::schema::{self, Step, ROW_LOG};
use super::{check, Refreshed, Store, StoreError};
use crate::domain::change::{ChangeSet, Expect, Kind, Op, RawRecord, Record, Stored};
use crate::domain::sorting;
use crate::domain::search::CustomerIndex;
use crate::domain::{Contact, Customer, CustomerRow, RowSet};

pub struct IdbStore {
    db: Database,
    name: String,
    channel: Option<BroadcastChannel>,
    /// Fail the n-th operation of the next `apply`, to test atomicity.
    fail_at: Cell<Option<usize>>,
    log_worth_compacting: Cell<bool>,
    /// A read of the row log started ahead ([`IdbStore::prefetch_row_log`]).
    early_log: RefCell<Option<LogRead>>,
    /// How many segments the last read of the row log found, and its last key.
    log_seen: Cell<Option<(usize, f64)>>,
    /// False on an archive opened at a version before the row log (tests only).
    has_log: bool,
    /// False on one opened at a version before transactions (tests only).
    has_transactions: bool,
}

/// What a committed change set tells the other tabs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Announcement {
    /// The stores written.
    pub kinds: Vec<String>,
    /// The customers touched.
    pub customers: Vec<String>,
}

fn dom_name(e: &idb::Error) -> Option<String> {
    match e {
        idb::Error::DomException(d) => Some(d.name()),
        _ => None,
    }
}

/// Turn an idb error into ours, naming the operation.
fn fail(op: &'static str) -> impl Fn(idb::Error) -> StoreError {
    move |e| {
        let text = e.to_string();
        if dom_name(&e).as_deref() == Some("QuotaExceededError") || text.contains("QuotaExceeded") {
            StoreError::QuotaExceeded
        } else {
            StoreError::Failed { op, detail: text }
        }
    }
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StoreError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| StoreError::Failed { op: "put", detail: e.to_string() })
}

fn record_to_js(record: &Record) -> Result<JsValue, StoreError> {
    match record {
        Record::Customer(r) => to_js(r),
        Record::Row(r) => to_js(r),
        Record::Contact(r) => to_js(r),
        Record::Interaction(r) => to_js(r),
        Record::History(r) => to_js(r),
        Record::Trash(r) => to_js(r),
        Record::Staff(r) => to_js(r),
        Record::Setting(r) => to_js(r),
        Record::Transaction(r) => to_js(r),
        Record::Complaint(r) => to_js(r),
        Record::Visit(r) => to_js(r),
    }
}

pub(crate) fn from_js<T: Stored>(value: JsValue) -> Result<T, StoreError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| StoreError::Corrupt { kind: T::KIND, detail: e.to_string() })
}

/// Why a write failed: the reason the browser gave when it aborted the
/// transaction, if it did, else `otherwise`.
fn refused(reason: Option<web_sys::DomException>, otherwise: StoreError) -> StoreError {
    match reason {
        Some(e) if e.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
        Some(e) => StoreError::Failed { op: "save", detail: format!("{}: {}", e.name(), e.message()) },
        None => otherwise,
    }
}

fn rev_of(value: &JsValue) -> Option<u64> {
    js_sys::Reflect::get(value, &JsValue::from_str("rev")).ok().and_then(|v| v.as_f64()).map(|f| f as u64)
}

/// Commit `tx` once its writes have gone out, or abort it if they failed. A
/// write the browser refused aborts the transaction and fails the requests
/// after it too, so the error is then the refused write's reason.
async fn finish<T>(tx: Transaction, raw: &web_sys::IdbTransaction, written: Result<T, StoreError>, op: &'static str) -> Result<T, StoreError> {
    let value = match written {
        Ok(v) => v,
        Err(e) => {
            let refusal = raw.error();
            let _ = tx.abort();
            return Err(refused(refusal, e));
        }
    };
    let done = tx.commit().map_err(fail(op))?.await.map_err(fail(op))?;
    if done.is_aborted() {
        return Err(refused(raw.error(), StoreError::Failed { op, detail: "the transaction was aborted".into() }));
    }
    Ok(value)
}

/// Ask `store` for the records whose `index` is `key`; the answer comes later.
fn index_lookup(store: &ObjectStore, index: &str, key: JsValue) -> Result<GetAllStoreRequestFuture, StoreError> {
    Ok(store.index(index).map_err(fail("index lookup"))?.get_all(Some(Query::Key(key)), None).map_err(fail("index lookup"))?.into_future())
}

/// Records asked for by [`IdbStore::ask_by_index`] or [`IdbStore::ask_by_index_each`].
pub struct Asked<T> {
    values: Vec<GetAllStoreRequestFuture>,
    _tx: Transaction,
    kind: PhantomData<T>,
}

impl<T: Stored> Asked<T> {
    /// The records, key by key in the order asked, each key's by id.
    pub async fn answer(self) -> Result<Vec<T>, StoreError> {
        let mut out: Vec<T> = Vec::new();
        for values in self.values {
            let values = values.await.map_err(fail("index lookup"))?;
            let mut these: Vec<T> = values.into_iter().map(from_js).collect::<Result<_, _>>()?;
            sorting::sort_by(&mut these, |a, b| a.id().cmp(b.id()));
            out.append(&mut these);
        }
        Ok(out)
    }
}

/// One record asked for by [`IdbStore::ask`].
pub struct AskedOne<T> {
    value: GetStoreRequestFuture,
    _tx: Transaction,
    kind: PhantomData<T>,
}

impl<T: Stored> AskedOne<T> {
    /// The record, if there is one.
    pub async fn answer(self) -> Result<Option<T>, StoreError> {
        self.value.await.map_err(fail("read"))?.map(from_js).transpose()
    }
}

impl IdbStore {
    /// Open (creating or upgrading) the archive called `name`. The page's
    /// loader (`index.html`) starts opening the archive while the app
    /// downloads; its connection is taken when it is this archive at this
    /// schema version, which saves the slow first open of a cold browser.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        if let Some(db) = early_connection(name).await {
            return Ok(Self::wrap(db, name));
        }
        Self::open_at(name, schema::VERSION).await
    }

    /// Open at an older schema version: for migration tests only.
    pub async fn open_at(name: &str, version: u32) -> Result<Self, StoreError> {
        let factory = Factory::new().map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let mut request = factory.open(name, Some(version)).map_err(|e| StoreError::Unavailable(e.to_string()))?;
        request.on_upgrade_needed(move |event| {
            if let Err(e) = upgrade(&event, version) {
                web_sys::console::error_1(&format!("archive upgrade failed: {e}").into());
                if let Some(tx) = event.target().ok().and_then(|r| r.transaction()) {
                    let _ = tx.abort();
                }
            }
        });
        let db = match request.await {
            Ok(db) => db,
            Err(e) if dom_name(&e).as_deref() == Some("VersionError") => {
                let found = match factory.open(name, None) {
                    Ok(r) => match r.await {
                        Ok(db) => {
                            let v = db.version().unwrap_or(0);
                            db.close();
                            v
                        }
                        Err(_) => 0,
                    },
                    Err(_) => 0,
                };
                return Err(StoreError::TooNew { found, supported: version });
            }
            Err(e) => return Err(StoreError::Unavailable(e.to_string())),
        };
        Ok(Self::wrap(db.into(), name))
    }

    fn wrap(raw: web_sys::IdbDatabase, name: &str) -> Self {
        // Another tab upgrading the archive: step aside so it is not blocked.
        let closer = raw.clone();
        let on_change = Closure::<dyn Fn()>::new(move || closer.close());
        raw.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let db = Database::from(raw);
        let has_log = db.store_names().iter().any(|n| n == ROW_LOG);
        let has_transactions = db.store_names().iter().any(|n| n == Kind::Transaction.as_str());
        let channel = BroadcastChannel::new(&format!("dossier:{name}")).ok();
        IdbStore { db, name: name.to_string(), channel, fail_at: Cell::new(None), log_worth_compacting: Cell::new(false), early_log: RefCell::new(None), log_seen: Cell::new(None), has_log, has_transactions }
    }

    /// Delete a whole archive (used by tests and by resetting the demo).
    pub async fn delete_database(name: &str) -> Result<(), StoreError> {
        let factory = Factory::new().map_err(|e| StoreError::Unavailable(e.to_string()))?;
        factory.delete(name).map_err(fail("delete archive"))?.await.map_err(fail("delete archive"))
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn close(&self) {
        self.db.close();
    }

    /// Make the `n`-th operation (0-based) of the next `apply`, or the `n`-th
    /// record of the next `replace_all`, fail after the earlier ones were issued.
    pub fn fail_next_apply_at(&self, n: usize) {
        self.fail_at.set(Some(n));
    }

    /// Call `f` with what other tabs changed, as they commit.
    pub fn on_remote_change(&self, f: impl Fn(Announcement) + 'static) {
        let Some(channel) = &self.channel else { return };
        let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Ok(a) = serde_wasm_bindgen::from_value::<Announcement>(event.data()) {
                f(a);
            }
        });
        channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
    }

    fn announce(&self, changes: &ChangeSet) {
        self.tell(Announcement {
            kinds: changes.kinds().iter().map(|k| k.as_str().to_string()).collect(),
            customers: changes.customer_ids(),
        });
    }

    /// Tell the other tabs that every store changed: they read the archive afresh.
    fn announce_everything(&self, names: &[&str]) {
        self.tell(Announcement { kinds: names.iter().map(|s| s.to_string()).collect(), customers: Vec::new() });
    }

    fn tell(&self, a: Announcement) {
        let Some(channel) = &self.channel else { return };
        if let Ok(v) = to_js(&a) {
            let _ = channel.post_message(&v);
        }
    }

    /// A read-write transaction over `names`, with a handle on the browser's
    /// own: when the browser aborts it (a full disk, say), the reason is only there.
    fn writing(&self, names: &[&str], op: &'static str) -> Result<(Transaction, web_sys::IdbTransaction), StoreError> {
        let raw: web_sys::IdbTransaction = self.db.transaction(names, TransactionMode::ReadWrite).map_err(fail(op))?.into();
        Ok((Transaction::from(raw.clone()), raw))
    }

    /// The stores a change set writes to.
    fn stores_for(&self, changes: &ChangeSet) -> Vec<&'static str> {
        let kinds = changes.kinds();
        let mut names: Vec<&str> = kinds.iter().filter(|k| self.has_transactions || **k != Kind::Transaction).map(|k| k.as_str()).collect();
        if self.has_log && kinds.contains(&Kind::Row) {
            names.push(ROW_LOG);
        }
        names
    }

    /// Writes `changes` in a transaction that is then abandoned: nothing is
    /// stored and no other tab is told. It runs a save's code once before
    /// the first real save (see `ui::app::pages::rehearse`).
    pub async fn rehearse(&self, changes: &ChangeSet) {
        if changes.is_empty() {
            return;
        }
        let Ok((tx, _)) = self.writing(&self.stores_for(changes), "save") else { return };
        // A failure a test has set up is for a real save.
        let armed = self.fail_at.take();
        let _ = self.write(&tx, changes).await;
        self.fail_at.set(armed);
        let _ = tx.abort();
    }

    /// Writes every change set `next` gives in one transaction, as a restore
    /// or an import writes its records: the benchmark fills its archives so.
    /// After each set it waits for the browser to have stored it.
    #[cfg(feature = "bench")]
    pub async fn apply_all(&self, mut next: impl FnMut() -> Option<ChangeSet>) -> Result<(), StoreError> {
        let (tx, raw) = self.writing(&self.every_store(), "save")?;
        let written: Result<(), StoreError> = async {
            while let Some(set) = next() {
                self.write(&tx, &set).await?;
                let customers = tx.object_store(Kind::Customer.as_str()).map_err(fail("save"))?;
                customers.count(None).map_err(fail("save"))?.await.map_err(fail("save"))?;
            }
            Ok(())
        }
        .await;
        finish(tx, &raw, written, "save").await?;
        self.announce_everything(&self.every_store());
        Ok(())
    }

    /// Every store's name, the row log's among them.
    fn every_store(&self) -> Vec<&'static str> {
        let mut names: Vec<&str> = schema::stores().iter().map(|k| k.as_str()).collect();
        if self.has_log {
            names.push(ROW_LOG);
        }
        names
    }

    /// Ask for the records of `kind` whose `index` is `key` now, and read the
    /// answer later: several asked for together are read side by side.
    pub fn ask_by_index<T: Stored>(&self, index: &str, key: &str) -> Result<Asked<T>, StoreError> {
        self.ask_by_index_each(index, &[key])
    }

    /// [`IdbStore::ask_by_index`] for many keys, in one transaction.
    pub fn ask_by_index_each<T: Stored>(&self, index: &str, keys: &[&str]) -> Result<Asked<T>, StoreError> {
        let (tx, store) = self.read(T::KIND)?;
        let values = keys.iter().map(|k| index_lookup(&store, index, JsValue::from_str(k))).collect::<Result<_, _>>()?;
        Ok(Asked { values, _tx: tx, kind: PhantomData })
    }

    /// Ask for one record now, to be answered later: the request is with the
    /// browser before anything else the caller does (see [`IdbStore::ask_by_index`]).
    pub fn ask<T: Stored>(&self, id: &str) -> Result<AskedOne<T>, StoreError> {
        let (tx, store) = self.read(T::KIND)?;
        Ok(AskedOne { value: store.get(JsValue::from_str(id)).map_err(fail("read"))?.into_future(), _tx: tx, kind: PhantomData })
    }

    fn read(&self, kind: Kind) -> Result<(Transaction, ObjectStore), StoreError> {
        let tx = self.db.transaction(&[kind.as_str()], TransactionMode::ReadOnly).map_err(fail("read"))?;
        let store = tx.object_store(kind.as_str()).map_err(fail("read"))?;
        Ok((tx, store))
    }

    /// Issue every operation without waiting for the browser's answers, so a
    /// change set streams into the transaction. A revision check asks for the
    /// record ahead of its write, and the answers are looked at before the
    /// commit: the transaction runs requests in order, so each sees the
    /// record as it was, and a failed check aborts everything. Only rebuilding
    /// a list row (and deleting by index) waits, for what it reads.
    async fn write(&self, tx: &Transaction, changes: &ChangeSet) -> Result<Refreshed, StoreError> {
        let fail_at = self.fail_at.take();
        let mut refreshed = Refreshed::new();
        // Rows written or removed other than by a refresh, for the row log.
        let mut direct: Vec<(String, Option<CustomerRow>)> = Vec::new();
        let mut checks = Vec::new();
        for (n, op) in changes.ops.iter().enumerate() {
            if fail_at == Some(n) {
                return Err(StoreError::Failed { op: "put", detail: "injected failure".into() });
            }
            match op {
                Op::Put { record, expect } => {
                    let store = tx.object_store(record.kind().as_str()).map_err(fail("put"))?;
                    if *expect != Expect::Any {
                        let current = store.get(JsValue::from_str(record.id())).map_err(fail("read"))?.into_future();
                        checks.push((record.kind(), record.id(), *expect, current));
                    }
                    store.put(&record_to_js(record)?, None).map_err(fail("put"))?;
                    if let Record::Row(r) = record {
                        direct.push((r.id().to_string(), Some(r.clone())));
                    }
                }
                Op::Delete { kind, id, expect } => {
                    let store = tx.object_store(kind.as_str()).map_err(fail("delete"))?;
                    if *expect != Expect::Any {
                        let current = store.get(JsValue::from_str(id)).map_err(fail("read"))?.into_future();
                        checks.push((*kind, id, *expect, current));
                    }
                    store.delete(JsValue::from_str(id)).map_err(fail("delete"))?;
                    if *kind == Kind::Row {
                        direct.push((id.clone(), None));
                    }
                }
                Op::DeleteWhere { kind, index, key } => {
                    let store = tx.object_store(kind.as_str()).map_err(fail("delete"))?;
                    let keys = store
                        .index(index)
                        .map_err(fail("delete"))?
                        .get_all_keys(Some(Query::Key(JsValue::from_str(key))), None)
                        .map_err(fail("delete"))?
                        .await
                        .map_err(fail("delete"))?;
                    for k in keys {
                        store.delete(k).map_err(fail("delete"))?;
                    }
                }
                Op::RefreshRow { customer_id } => {
                    let key = JsValue::from_str(customer_id);
                    let rows = tx.object_store(Kind::Row.as_str()).map_err(fail("save"))?;
                    // The three reads asked for before any is awaited: one wait, not three.
                    let customer = tx.object_store(Kind::Customer.as_str()).map_err(fail("read"))?.get(key.clone()).map_err(fail("read"))?.into_future();
                    let contacts = index_lookup(&tx.object_store(Kind::Contact.as_str()).map_err(fail("read"))?, "customer_id", key.clone())?;
                    let transactions = match self.has_transactions {
                        true => Some(index_lookup(&tx.object_store(Kind::Transaction.as_str()).map_err(fail("read"))?, "customer_id", key.clone())?),
                        false => None,
                    };
                    let Some(customer) = customer.await.map_err(fail("read"))? else {
                        rows.delete(key).map_err(fail("delete"))?;
                        refreshed.push((customer_id.clone(), None));
                        continue;
                    };
                    let contacts: Vec<Contact> = contacts.await.map_err(fail("read"))?.into_iter().map(from_js).collect::<Result<_, _>>()?;
                    let transactions: Vec<crate::domain::Transaction> = match transactions {
                        Some(t) => t.await.map_err(fail("read"))?.into_iter().map(from_js).collect::<Result<_, _>>()?,
                        None => Vec::new(),
                    };
                    let row = CustomerRow::of(&from_js::<Customer>(customer)?, &contacts, &transactions);
                    rows.put(&to_js(&row)?, None).map_err(fail("save"))?;
                    refreshed.push((customer_id.clone(), Some(row)));
                }
            }
        }
        for (kind, id, expect, current) in checks {
            let current = current.await.map_err(fail("read"))?;
            check(kind, id, current.as_ref().map(rev_of), expect)?;
        }
        let touched = direct.iter().chain(&refreshed);
        if self.has_log && touched.clone().next().is_some() {
            let log = tx.object_store(ROW_LOG).map_err(fail("save"))?;
            for segment in rowlog::segments(touched.map(|(id, row)| (id.as_str(), row.as_ref()))) {
                log.add(&segment_value(&segment), None).map_err(fail("save"))?;
            }
        }
        Ok(refreshed)
    }

    /// Ask the browser for the row log's segments, in commit order: once its
    /// keys are in, one request per [`LOG_CHUNK`] segments, all at once, so
    /// that [`IdbStore::rows_from_log`] replays each chunk while the browser
    /// reads the next. Reading is the part of loading the list that the
    /// browser does on its own threads, so it can start while the page paints.
    pub async fn read_row_log(&self) -> Result<LogChunks, StoreError> {
        let LogRead { log, keys, _tx } = match self.early_log.take() {
            Some(read) => read,
            None => self.start_row_log_read()?,
        };
        let keys = keys.await.map_err(fail("read"))?;
        self.log_seen.set(keys.last().and_then(JsValue::as_f64).map(|last| (keys.len(), last)));
        let chunks = keys
            .chunks(LOG_CHUNK)
            .map(|chunk| {
                let range = KeyRange::bound(&chunk[0], &chunk[chunk.len() - 1], Some(false), Some(false)).map_err(fail("read"))?;
                Ok(log.get_all(Some(Query::KeyRange(range)), None).map_err(fail("read"))?.into_future())
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(LogChunks { chunks, segments: keys.len(), _tx })
    }

    /// Ask the browser for the row log now; the next [`IdbStore::read_row_log`]
    /// takes the answer. Start-up asks right after the first screen's rows, so
    /// the browser reads the log while the page paints.
    pub fn prefetch_row_log(&self) {
        if let Ok(read) = self.start_row_log_read() {
            *self.early_log.borrow_mut() = Some(read);
        }
    }

    fn start_row_log_read(&self) -> Result<LogRead, StoreError> {
        let tx = self.db.transaction(&[ROW_LOG], TransactionMode::ReadOnly).map_err(fail("read"))?;
        let log = tx.object_store(ROW_LOG).map_err(fail("read"))?;
        let keys = log.get_all_keys(None, None).map_err(fail("read"))?.into_future();
        Ok(LogRead { log, keys, _tx: tx })
    }

    /// The rows the row log leaves, replayed a chunk at a time as the browser
    /// hands the chunks over; `on_read` runs when the last has arrived. When a
    /// segment is not one this version can read, the log is rebuilt from the
    /// row records.
    pub async fn rows_from_log(&self, log: LogChunks, on_read: impl FnOnce()) -> Result<RowSet, StoreError> {
        let mut replay = Replay::default();
        let mut on_read = Some(on_read);
        let last = log.chunks.len();
        for (n, chunk) in log.chunks.into_iter().enumerate() {
            let segments = chunk.await.map_err(fail("read"))?;
            if n + 1 == last {
                if let Some(f) = on_read.take() {
                    f();
                }
            }
            if !replay_into(&mut replay, segments) {
                return self.compact_rows().await;
            }
            if n == 0 {
                replay.expect_segments(log.segments);
            }
        }
        if let Some(f) = on_read {
            f();
        }
        self.log_worth_compacting.set(replay.worth_compacting());
        Ok(replay.finish())
    }

    /// Rewrite the row log compactly and in name order, from itself, or from
    /// the row records when it cannot be read. One transaction: another tab's
    /// save waits for it.
    pub async fn compact_rows(&self) -> Result<RowSet, StoreError> {
        let tx = self.db.transaction(&[Kind::Row.as_str(), ROW_LOG], TransactionMode::ReadWrite).map_err(fail("save"))?;
        let log = tx.object_store(ROW_LOG).map_err(fail("save"))?;
        let segments = log.get_all(None, None).map_err(fail("read"))?.await.map_err(fail("read"))?;
        let rows = match replay(segments) {
            Some(rows) => rows,
            None => {
                let values = tx.object_store(Kind::Row.as_str()).map_err(fail("read"))?.get_all(None, None).map_err(fail("read"))?.await.map_err(fail("read"))?;
                values.into_iter().map(from_js).collect::<Result<Vec<CustomerRow>, _>>()?.into()
            }
        };
        let index = CustomerIndex::new(rows);
        write_log(&log, &rowlog::compact(&mut index.in_name_order()))?;
        tx.commit().map_err(fail("save"))?.await.map_err(fail("save"))?;
        Ok(index.into_row_set())
    }

    /// Whether the last read of the row log found it worth rewriting.
    pub fn log_worth_compacting(&self) -> bool {
        self.log_worth_compacting.get()
    }

    /// Rewrite the row log if the last [`IdbStore::rows_from_log`] found it
    /// much longer than its rows need, as `in_hand()`: the rows that read
    /// left, encoded by the caller from what it already holds, so start-up
    /// does not read and replay the whole log a second time. If the log
    /// changed since that read (a save here or in another tab), it is
    /// compacted from itself instead. `unordered`: the caller found the rows
    /// far from name order, which a rewrite puts them in.
    pub async fn compact_rows_if_worth_it(&self, unordered: bool, in_hand: impl FnOnce() -> Vec<String>) -> Result<(), StoreError> {
        if !self.log_worth_compacting.take() && !unordered {
            return Ok(());
        }
        let segments = in_hand();
        let tx = self.db.transaction(&[ROW_LOG], TransactionMode::ReadWrite).map_err(fail("save"))?;
        let log = tx.object_store(ROW_LOG).map_err(fail("save"))?;
        let keys = log.get_all_keys(None, None).map_err(fail("read"))?.await.map_err(fail("read"))?;
        let now = keys.last().and_then(JsValue::as_f64).map(|last| (keys.len(), last));
        if now.is_none() || now != self.log_seen.get() {
            drop(tx);
            return self.compact_rows().await.map(drop);
        }
        write_log(&log, &segments)?;
        tx.commit().map_err(fail("save"))?.await.map_err(fail("save"))?;
        Ok(())
    }

    /// How many segments the row log holds.
    pub async fn row_log_segments(&self) -> Result<u32, StoreError> {
        let tx = self.db.transaction(&[ROW_LOG], TransactionMode::ReadOnly).map_err(fail("read"))?;
        tx.object_store(ROW_LOG).map_err(fail("read"))?.count(None).map_err(fail("count"))?.await.map_err(fail("count"))
    }
}

/// Segments asked for per request when the row log is read: few enough that
/// the first chunk arrives soon, enough that the requests cost little.
const LOG_CHUNK: usize = 16;

/// A read of the row log under way: its keys asked for, in the transaction
/// that will read the segments.
struct LogRead {
    log: ObjectStore,
    keys: GetAllKeysStoreRequestFuture,
    _tx: Transaction,
}

/// The row log's segments asked for, a chunk of them per request, in commit order.
pub struct LogChunks {
    chunks: Vec<GetAllStoreRequestFuture>,
    /// How many segments the chunks hold together.
    segments: usize,
    _tx: Transaction,
}

/// The connection the page's loader opened early (`window.__dossierOpen`,
/// taken once), if it is the archive `name` at this schema version.
async fn early_connection(name: &str) -> Option<web_sys::IdbDatabase> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("__dossierOpen");
    let early = js_sys::Reflect::get(&window, &key).ok().filter(|v| v.is_object())?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let same_name = js_sys::Reflect::get(&early, &"name".into()).ok()?.as_string()? == name;
    let promise: js_sys::Promise = js_sys::Reflect::get(&early, &"db".into()).ok()?.dyn_into().ok()?;
    let db: web_sys::IdbDatabase = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    if same_name && db.version() as u32 == schema::VERSION {
        Some(db)
    } else {
        db.close();
        None
    }
}

/// Run the migration steps from the stored version up to `target`.
fn upgrade(event: &idb::event::VersionChangeEvent, target: u32) -> Result<(), idb::Error> {
    let old = event.old_version()?;
    let db = event.database()?;
    let tx = event.target()?.transaction().ok_or(idb::Error::EventTargetNotFound)?;
    let mut rebuild = false;
    for v in (old + 1)..=target {
        for step in schema::steps(v) {
            match step {
                Step::CreateRowLog => {
                    let mut params = ObjectStoreParams::new();
                    params.auto_increment(true);
                    db.create_object_store(ROW_LOG, params)?;
                }
                Step::CreateStore(kind) => {
                    let mut params = ObjectStoreParams::new();
                    params.key_path(Some(KeyPath::new_single("id")));
                    db.create_object_store(kind.as_str(), params)?;
                }
                Step::CreateIndex(def) => {
                    tx.object_store(def.kind.as_str())?.create_index(def.name, KeyPath::new_single(def.name), None)?;
                }
                Step::BuildRows => rebuild = true,
            }
        }
    }
    if rebuild {
        let customers = tx.object_store(Kind::Customer.as_str())?;
        let contacts = tx.object_store(Kind::Contact.as_str())?;
        let rows = tx.object_store(Kind::Row.as_str())?;
        // The row log arrives with version 3; an archive opened at an older
        // version (in tests) has only the rows.
        let log = tx.object_store(ROW_LOG).ok();
        // Transactions arrive with version 4.
        let transactions = tx.object_store(Kind::Transaction.as_str()).ok();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = build_rows(&customers, &contacts, transactions.as_ref(), &rows, log.as_ref()).await {
                web_sys::console::error_1(&format!("building list rows failed: {e}").into());
                let _ = rows.transaction().abort();
            }
        });
    }
    Ok(())
}

/// Replay the row log's segments in commit order into the rows they leave,
/// or `None` when a segment is not one this version can read.
pub(crate) fn replay(segments: Vec<JsValue>) -> Option<RowSet> {
    let mut replay = Replay::default();
    replay_into(&mut replay, segments).then(|| replay.finish())
}

/// Replay more segments; false when one is not one this version can read.
fn replay_into(replay: &mut Replay, segments: Vec<JsValue>) -> bool {
    segments.into_iter().all(|s| segment_text(s).is_some_and(|text| replay.segment(&text).is_ok()))
}

/// A segment as stored: its UTF-8 bytes (small values that the browser keeps
/// in the database itself).
pub(crate) fn segment_value(segment: &str) -> JsValue {
    js_sys::Uint8Array::from(segment.as_bytes()).into()
}

/// A stored segment's text: UTF-8 bytes, or a string as the first version of
/// the log stored it.
fn segment_text(value: JsValue) -> Option<String> {
    match value.dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => String::from_utf8(bytes.to_vec()).ok(),
        Err(value) => value.as_string(),
    }
}

/// Replace the row log with `segments`.
fn write_log(log: &ObjectStore, segments: &[String]) -> Result<(), StoreError> {
    log.clear().map_err(fail("save"))?;
    for segment in segments {
        log.add(&segment_value(segment), None).map_err(fail("save"))?;
    }
    Ok(())
}

/// Migration step: derive every customer's list row from its record, contacts and transactions.
async fn build_rows(
    customers: &ObjectStore,
    contacts: &ObjectStore,
    transactions: Option<&ObjectStore>,
    rows: &ObjectStore,
    log: Option<&ObjectStore>,
) -> Result<(), StoreError> {
    let all_customers = customers.get_all(None, None).map_err(fail("migrate"))?;
    let all_contacts = contacts.get_all(None, None).map_err(fail("migrate"))?;
    let all_transactions = transactions.map(|t| t.get_all(None, None)).transpose().map_err(fail("migrate"))?;
    let customers: Vec<Customer> = all_customers.await.map_err(fail("migrate"))?.into_iter().map(from_js).collect::<Result<_, _>>()?;
    let contacts: Vec<Contact> = all_contacts.await.map_err(fail("migrate"))?.into_iter().map(from_js).collect::<Result<_, _>>()?;
    let transactions: Vec<crate::domain::Transaction> = match all_transactions {
        Some(all) => all.await.map_err(fail("migrate"))?.into_iter().map(from_js).collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    let built = CustomerRow::all_of(&customers, &contacts, &transactions);
    for row in &built {
        rows.put(&to_js(row)?, None).map_err(fail("migrate"))?;
    }
    if let Some(log) = log {
        write_log(log, &rowlog::compact(&mut CustomerIndex::new(built).in_name_order()))?;
    }
    Ok(())
}

impl Store for IdbStore {
    async fn get<T: Stored>(&self, id: &str) -> Result<Option<T>, StoreError> {
        self.ask::<T>(id)?.answer().await
    }

    async fn all<T: Stored>(&self) -> Result<Vec<T>, StoreError> {
        let (_tx, store) = self.read(T::KIND)?;
        let values = store.get_all(None, None).map_err(fail("read"))?.await.map_err(fail("read"))?;
        values.into_iter().map(from_js).collect()
    }

    async fn by_index<T: Stored>(&self, index: &str, key: &str) -> Result<Vec<T>, StoreError> {
        self.ask_by_index::<T>(index, key)?.answer().await
    }

    async fn count(&self, kind: Kind) -> Result<u64, StoreError> {
        let (_tx, store) = self.read(kind)?;
        Ok(store.count(None).map_err(fail("count"))?.await.map_err(fail("count"))? as u64)
    }

    async fn apply(&self, changes: &ChangeSet) -> Result<Refreshed, StoreError> {
        if changes.is_empty() {
            return Ok(Refreshed::new());
        }
        let (tx, raw) = self.writing(&self.stores_for(changes), "save")?;
        let written = self.write(&tx, changes).await;
        let refreshed = finish(tx, &raw, written, "save").await?;
        self.announce(changes);
        Ok(refreshed)
    }

    async fn list_rows(&self) -> Result<Vec<CustomerRow>, StoreError> {
        let log = self.read_row_log().await?;
        Ok(self.rows_from_log(log, || ()).await?.into_rows())
    }

    async fn first_rows(&self, n: usize) -> Result<Vec<CustomerRow>, StoreError> {
        let (_tx, store) = self.read(Kind::Row)?;
        let values = store
            .index("sort")
            .map_err(fail("read"))?
            .get_all(None, Some(n as u32))
            .map_err(fail("read"))?
            .await
            .map_err(fail("read"))?;
        values.into_iter().map(from_js).collect()
    }

    async fn clear_all(&self) -> Result<(), StoreError> {
        let names = self.every_store();
        let tx = self.db.transaction(&names, TransactionMode::ReadWrite).map_err(fail("clear"))?;
        for name in &names {
            tx.object_store(name).map_err(fail("clear"))?.clear().map_err(fail("clear"))?;
        }
        tx.commit().map_err(fail("clear"))?.await.map_err(fail("clear"))?;
        self.announce_everything(&names);
        Ok(())
    }

    async fn export(&self, kind: Kind) -> Result<Vec<RawRecord>, StoreError> {
        let (_tx, store) = self.read(kind)?;
        let values = store.get_all(None, None).map_err(fail("export"))?.await.map_err(fail("export"))?;
        values
            .into_iter()
            .map(|v| {
                let id = js_sys::Reflect::get(&v, &JsValue::from_str("id")).ok().and_then(|id| id.as_string());
                let json = js_sys::JSON::stringify(&v).ok().and_then(|t| t.as_string());
                match (id, json) {
                    (Some(id), Some(json)) => Ok(RawRecord { id, rev: rev_of(&v), json }),
                    _ => Err(StoreError::Corrupt { kind, detail: "a record without an id".into() }),
                }
            })
            .collect()
    }

    /// Records are written a batch at a time: after each, the transaction
    /// waits for the browser to store it, and the page can draw the progress.
    async fn replace_all(&self, stores: &[(Kind, Vec<RawRecord>)], progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        const BATCH: usize = 2_000;
        let fail_at = self.fail_at.take();
        let names = self.every_store();
        let (tx, raw) = self.writing(&names, "restore")?;
        let total = stores.iter().map(|(_, r)| r.len()).sum();
        let written: Result<(), StoreError> = async {
            for name in &names {
                tx.object_store(name).map_err(fail("restore"))?.clear().map_err(fail("restore"))?;
            }
            let mut done = 0;
            for (kind, records) in stores {
                let store = tx.object_store(kind.as_str()).map_err(fail("restore"))?;
                for batch in records.chunks(BATCH) {
                    let mut last = None;
                    for r in batch {
                        if fail_at == Some(done) {
                            return Err(StoreError::Failed { op: "restore", detail: "injected failure".into() });
                        }
                        let value = js_sys::JSON::parse(&r.json).map_err(|_| StoreError::Corrupt { kind: *kind, detail: format!("record {} is not JSON", r.id) })?;
                        last = Some(store.put(&value, None).map_err(fail("restore"))?);
                        done += 1;
                    }
                    if let Some(last) = last {
                        last.await.map_err(fail("restore"))?;
                    }
                    progress(done, total);
                }
            }
            let log = if self.has_log { Some(tx.object_store(ROW_LOG).map_err(fail("restore"))?) } else { None };
            let store = |k: Kind| tx.object_store(k.as_str()).map_err(fail("restore"));
            build_rows(&store(Kind::Customer)?, &store(Kind::Contact)?, Some(&store(Kind::Transaction)?), &store(Kind::Row)?, log.as_ref()).await
        }
        .await;
        finish(tx, &raw, written, "restore").await?;
        self.announce_everything(&names);
        Ok(())
    }
}
