//! A change set: every write the app makes, as plain data. Domain operations
//! build one; a `Store` applies it in a single transaction, all or nothing,
//! refusing it when a record's revision is not the one the change was made on.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::sorting;
use super::complaint::Complaint;
use super::visit::Visit;
use super::{Contact, Customer, CustomerRow, HistoryEntry, Interaction, Staff, Transaction, TrashEntry};

key_enum! {
    /// The kinds of record, one object store each.
    pub enum Kind {
        Customer = "customers",
        Row = "customer_rows",
        Contact = "contacts",
        Interaction = "interactions",
        History = "history",
        Trash = "trash",
        Staff = "staff",
        Setting = "settings",
        Transaction = "transactions",
        Complaint = "complaints",
        Visit = "visits",
    }
}

/// A small named value kept with the archive (not a browser preference).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Setting {
    pub id: String,
    pub value: String,
}

/// One record of any kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    Customer(Customer),
    Row(CustomerRow),
    Contact(Contact),
    Interaction(Interaction),
    History(HistoryEntry),
    Trash(TrashEntry),
    Staff(Staff),
    Setting(Setting),
    Transaction(Transaction),
    Complaint(Complaint),
    Visit(Visit),
}

/// A record type kept in its own store.
pub trait Stored: Serialize + DeserializeOwned + Clone + 'static {
    const KIND: Kind;
    fn id(&self) -> &str;
    /// The revision, for records that carry one.
    fn rev(&self) -> Option<u64> {
        None
    }
    fn into_record(self) -> Record;
}

macro_rules! stored {
    ($t:ty, $kind:ident, rev) => {
        impl Stored for $t {
            const KIND: Kind = Kind::$kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn rev(&self) -> Option<u64> {
                Some(self.rev)
            }
            fn into_record(self) -> Record {
                Record::$kind(self)
            }
        }
    };
    ($t:ty, $kind:ident) => {
        impl Stored for $t {
            const KIND: Kind = Kind::$kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn into_record(self) -> Record {
                Record::$kind(self)
            }
        }
    };
}

stored!(Customer, Customer, rev);
stored!(Contact, Contact, rev);
stored!(Interaction, Interaction, rev);
stored!(HistoryEntry, History);
stored!(TrashEntry, Trash);
stored!(Staff, Staff, rev);
stored!(Setting, Setting);
stored!(Transaction, Transaction, rev);
stored!(Complaint, Complaint, rev);
stored!(Visit, Visit, rev);

impl Stored for CustomerRow {
    const KIND: Kind = Kind::Row;
    fn id(&self) -> &str {
        CustomerRow::id(self)
    }
    fn into_record(self) -> Record {
        Record::Row(self)
    }
}

impl Record {
    pub fn kind(&self) -> Kind {
        match self {
            Record::Customer(_) => Kind::Customer,
            Record::Row(_) => Kind::Row,
            Record::Contact(_) => Kind::Contact,
            Record::Interaction(_) => Kind::Interaction,
            Record::History(_) => Kind::History,
            Record::Trash(_) => Kind::Trash,
            Record::Staff(_) => Kind::Staff,
            Record::Setting(_) => Kind::Setting,
            Record::Transaction(_) => Kind::Transaction,
            Record::Complaint(_) => Kind::Complaint,
            Record::Visit(_) => Kind::Visit,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Record::Customer(r) => r.id(),
            Record::Row(r) => r.id(),
            Record::Contact(r) => r.id(),
            Record::Interaction(r) => r.id(),
            Record::History(r) => r.id(),
            Record::Trash(r) => r.id(),
            Record::Staff(r) => r.id(),
            Record::Setting(r) => r.id(),
            Record::Transaction(r) => r.id(),
            Record::Complaint(r) => r.id(),
            Record::Visit(r) => r.id(),
        }
    }
}

/// A record as a backup carries it: its id, its revision (for records that
/// carry one) and its JSON text, exactly as the archive holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRecord {
    pub id: String,
    pub rev: Option<u64>,
    pub json: String,
}

/// What the stored record must be for an operation to go ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Anything, or nothing.
    Any,
    /// No record with this id yet.
    Absent,
    /// A record at exactly this revision.
    Rev(u64),
}

// Records are large and ops short-lived; boxing them is left to the benchmark issue to judge.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Put { record: Record, expect: Expect },
    Delete { kind: Kind, id: String, expect: Expect },
    /// Delete every record of `kind` whose `index` equals `key`.
    DeleteWhere { kind: Kind, index: &'static str, key: String },
    /// Rebuild a customer's list row from its record and contacts as they
    /// stand at this point of the transaction (or remove it, if the customer
    /// is gone), so a row is never written from a stale copy.
    RefreshRow { customer_id: String },
}

/// Writes that succeed or fail together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangeSet {
    pub ops: Vec<Op>,
}

impl ChangeSet {
    pub fn put(&mut self, record: impl Stored, expect: Expect) -> &mut Self {
        self.ops.push(Op::Put { record: record.into_record(), expect });
        self
    }

    pub fn delete(&mut self, kind: Kind, id: &str, expect: Expect) -> &mut Self {
        self.ops.push(Op::Delete { kind, id: id.to_string(), expect });
        self
    }

    pub fn delete_where(&mut self, kind: Kind, index: &'static str, key: &str) -> &mut Self {
        self.ops.push(Op::DeleteWhere { kind, index, key: key.to_string() });
        self
    }

    pub fn refresh_row(&mut self, customer_id: &str) -> &mut Self {
        self.ops.push(Op::RefreshRow { customer_id: customer_id.to_string() });
        self
    }

    /// How many records of `kind` the set writes (customers moved by a
    /// bulk change, say).
    pub fn puts(&self, kind: Kind) -> usize {
        self.ops.iter().filter(|op| matches!(op, Op::Put { record, .. } if record.kind() == kind)).count()
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The stores the change writes to, each once, for opening its transaction.
    pub fn kinds(&self) -> Vec<Kind> {
        let mut kinds: Vec<Kind> = self
            .ops
            .iter()
            .flat_map(|op| match op {
                Op::Put { record, .. } => vec![record.kind()],
                Op::Delete { kind, .. } | Op::DeleteWhere { kind, .. } => vec![*kind],
                Op::RefreshRow { .. } => vec![Kind::Customer, Kind::Contact, Kind::Transaction, Kind::Row],
            })
            .collect();
        sorting::sort(&mut kinds);
        kinds.dedup();
        kinds
    }

    /// Ids of the customers the change touches, for telling other tabs.
    pub fn customer_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::Put { record: Record::Customer(c), .. } => Some(c.id.clone()),
                Op::Put { record: Record::Row(r), .. } => Some(r.id().to_string()),
                Op::Put { record: Record::Contact(c), .. } => Some(c.customer_id.clone()),
                Op::Put { record: Record::Interaction(i), .. } => Some(i.customer_id.clone()),
                Op::Put { record: Record::Transaction(t), .. } => Some(t.customer_id.clone()),
                Op::Put { record: Record::Complaint(c), .. } => Some(c.customer_id.clone()),
                Op::Put { record: Record::Visit(v), .. } => Some(v.customer_id.clone()),
                Op::Delete { kind: Kind::Customer | Kind::Row, id, .. } => Some(id.clone()),
                Op::RefreshRow { customer_id } => Some(customer_id.clone()),
                _ => None,
            })
            .collect();
        sorting::sort(&mut ids);
        ids.dedup();
        ids
    }
}
