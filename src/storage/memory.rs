//! The in-memory store: the IndexedDB store's twin for native tests. Records
//! go through JSON as they go through structured clone in the browser, so a
//! field that does not survive storage fails here too.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::Value;

use super::{check, schema, Refreshed, Store, StoreError};
use crate::domain::change::{ChangeSet, Kind, Op, RawRecord, Record, Stored};
use crate::domain::{Contact, Customer, CustomerRow, Transaction};

type Table = BTreeMap<String, Value>;

#[derive(Default)]
pub struct MemoryStore {
    tables: RefCell<BTreeMap<Kind, Table>>,
    /// Fail the n-th write of the next `apply`, to test atomicity.
    fail_at: RefCell<Option<usize>>,
}

fn to_value(record: &Record) -> Result<Value, StoreError> {
    let v = match record {
        Record::Customer(r) => serde_json::to_value(r),
        Record::Row(r) => serde_json::to_value(r),
        Record::Contact(r) => serde_json::to_value(r),
        Record::Interaction(r) => serde_json::to_value(r),
        Record::History(r) => serde_json::to_value(r),
        Record::Trash(r) => serde_json::to_value(r),
        Record::Staff(r) => serde_json::to_value(r),
        Record::Setting(r) => serde_json::to_value(r),
        Record::Transaction(r) => serde_json::to_value(r),
        Record::Complaint(r) => serde_json::to_value(r),
        Record::Visit(r) => serde_json::to_value(r),
    };
    v.map_err(|e| StoreError::Failed { op: "put", detail: e.to_string() })
}

/// The records of `kind` that belong to the customer `id`.
fn owned_by<T: Stored>(tables: &BTreeMap<Kind, Table>, kind: Kind, id: &str) -> Result<Vec<T>, StoreError> {
    let Some(table) = tables.get(&kind) else { return Ok(Vec::new()) };
    table.values().filter(|v| v.get("customer_id").and_then(Value::as_str) == Some(id)).map(from_value).collect()
}

fn from_value<T: Stored>(v: &Value) -> Result<T, StoreError> {
    serde_json::from_value(v.clone()).map_err(|e| StoreError::Corrupt { kind: T::KIND, detail: e.to_string() })
}

fn rev_of(v: &Value) -> Option<u64> {
    v.get("rev").and_then(Value::as_u64)
}

fn index_key(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Make the `n`-th operation (0-based) of the next `apply`, or the `n`-th
    /// record of the next `replace_all`, fail.
    pub fn fail_next_apply_at(&self, n: usize) {
        *self.fail_at.borrow_mut() = Some(n);
    }
}

impl Store for MemoryStore {
    async fn get<T: Stored>(&self, id: &str) -> Result<Option<T>, StoreError> {
        let tables = self.tables.borrow();
        tables.get(&T::KIND).and_then(|t| t.get(id)).map(from_value).transpose()
    }

    async fn all<T: Stored>(&self) -> Result<Vec<T>, StoreError> {
        let tables = self.tables.borrow();
        tables.get(&T::KIND).map(|t| t.values().map(from_value).collect()).unwrap_or(Ok(Vec::new()))
    }

    async fn by_index<T: Stored>(&self, index: &str, key: &str) -> Result<Vec<T>, StoreError> {
        if !schema::indexes(T::KIND).contains(&index) {
            return Err(StoreError::Failed { op: "index lookup", detail: format!("no index {index}") });
        }
        let tables = self.tables.borrow();
        let Some(t) = tables.get(&T::KIND) else { return Ok(Vec::new()) };
        t.values()
            .filter(|v| v.get(index).and_then(index_key).as_deref() == Some(key))
            .map(from_value)
            .collect()
    }

    async fn count(&self, kind: Kind) -> Result<u64, StoreError> {
        Ok(self.tables.borrow().get(&kind).map_or(0, |t| t.len() as u64))
    }

    async fn apply(&self, changes: &ChangeSet) -> Result<Refreshed, StoreError> {
        let fail_at = self.fail_at.borrow_mut().take();
        // Work on a copy and swap it in at the end: all or nothing.
        let mut tables = self.tables.borrow().clone();
        let mut refreshed = Refreshed::new();
        for (n, op) in changes.ops.iter().enumerate() {
            if fail_at == Some(n) {
                return Err(StoreError::Failed { op: "put", detail: "injected failure".into() });
            }
            match op {
                Op::Put { record, expect } => {
                    let table = tables.entry(record.kind()).or_default();
                    check(record.kind(), record.id(), table.get(record.id()).map(rev_of), *expect)?;
                    table.insert(record.id().to_string(), to_value(record)?);
                }
                Op::Delete { kind, id, expect } => {
                    let table = tables.entry(*kind).or_default();
                    check(*kind, id, table.get(id).map(rev_of), *expect)?;
                    table.remove(id);
                }
                Op::DeleteWhere { kind, index, key } => {
                    let table = tables.entry(*kind).or_default();
                    table.retain(|_, v| v.get(*index).and_then(index_key).as_deref() != Some(key.as_str()));
                }
                Op::RefreshRow { customer_id } => {
                    let customer = tables.get(&Kind::Customer).and_then(|t| t.get(customer_id)).map(from_value::<Customer>).transpose()?;
                    let rows = tables.entry(Kind::Row).or_default();
                    let Some(customer) = customer else {
                        rows.remove(customer_id);
                        refreshed.push((customer_id.clone(), None));
                        continue;
                    };
                    let contacts: Vec<Contact> = owned_by(&tables, Kind::Contact, customer_id)?;
                    let transactions: Vec<Transaction> = owned_by(&tables, Kind::Transaction, customer_id)?;
                    let row = CustomerRow::of(&customer, &contacts, &transactions);
                    tables.entry(Kind::Row).or_default().insert(customer_id.clone(), to_value(&Record::Row(row.clone()))?);
                    refreshed.push((customer_id.clone(), Some(row)));
                }
            }
        }
        *self.tables.borrow_mut() = tables;
        Ok(refreshed)
    }

    async fn list_rows(&self) -> Result<Vec<CustomerRow>, StoreError> {
        self.all().await
    }

    async fn first_rows(&self, n: usize) -> Result<Vec<CustomerRow>, StoreError> {
        let mut rows: Vec<CustomerRow> = self.all().await?;
        rows.sort_unstable_by(|a, b| (a.sort(), a.id()).cmp(&(b.sort(), b.id())));
        rows.truncate(n);
        Ok(rows)
    }

    async fn clear_all(&self) -> Result<(), StoreError> {
        self.tables.borrow_mut().clear();
        Ok(())
    }

    async fn export(&self, kind: Kind) -> Result<Vec<RawRecord>, StoreError> {
        let tables = self.tables.borrow();
        let Some(t) = tables.get(&kind) else { return Ok(Vec::new()) };
        t.iter()
            .map(|(id, v)| {
                let json = serde_json::to_string(v).map_err(|e| StoreError::Failed { op: "export", detail: e.to_string() })?;
                Ok(RawRecord { id: id.clone(), rev: rev_of(v), json })
            })
            .collect()
    }

    async fn replace_all(&self, stores: &[(Kind, Vec<RawRecord>)], progress: &dyn Fn(usize, usize)) -> Result<(), StoreError> {
        let fail_at = self.fail_at.borrow_mut().take();
        let total = stores.iter().map(|(_, r)| r.len()).sum();
        let mut tables: BTreeMap<Kind, Table> = BTreeMap::new();
        let mut done = 0;
        for (kind, records) in stores {
            let table = tables.entry(*kind).or_default();
            for r in records {
                if fail_at == Some(done) {
                    return Err(StoreError::Failed { op: "restore", detail: "injected failure".into() });
                }
                let v: Value = serde_json::from_str(&r.json).map_err(|e| StoreError::Corrupt { kind: *kind, detail: e.to_string() })?;
                table.insert(r.id.clone(), v);
                done += 1;
            }
            progress(done, total);
        }
        let customers: Vec<Customer> = tables.get(&Kind::Customer).map(|t| t.values().map(from_value).collect()).transpose()?.unwrap_or_default();
        let contacts: Vec<Contact> = tables.get(&Kind::Contact).map(|t| t.values().map(from_value).collect()).transpose()?.unwrap_or_default();
        let transactions: Vec<Transaction> = tables.get(&Kind::Transaction).map(|t| t.values().map(from_value).collect()).transpose()?.unwrap_or_default();
        let rows = tables.entry(Kind::Row).or_default();
        for row in CustomerRow::all_of(&customers, &contacts, &transactions) {
            rows.insert(row.id().to_string(), to_value(&Record::Row(row))?);
        }
        *self.tables.borrow_mut() = tables;
        Ok(())
    }
}
