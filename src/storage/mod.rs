//! Where the archive lives: the [`Store`] trait, its in-memory twin for
//! native tests, and its IndexedDB twin for the app. Both pass one contract
//! test suite (`tests/contract/`).

use thiserror::Error;

use crate::domain::change::{ChangeSet, Expect, Kind, RawRecord, Stored};
use crate::domain::CustomerRow;

/// The list rows a change set rebuilt, as written: by customer id, `None`
/// where the customer is gone. The app shows them without reading them back.
pub type Refreshed = Vec<(String, Option<CustomerRow>)>;

pub mod rowlog;
pub mod schema;

#[cfg(not(target_arch = "wasm32"))]
pub mod memory;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod first_screen;
#[cfg(target_arch = "wasm32")]
pub mod idb;

/// Why the archive could not be read or written.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum StoreError {
    /// The browser offers no IndexedDB here (some private windows) or refused to open it.
    #[error("the browser's database is not available: {0}")]
    Unavailable(String),
    /// The disk is full or the browser's space for this site is used up.
    #[error("the browser has no more space for the archive")]
    QuotaExceeded,
    /// The record was changed or deleted elsewhere (another tab) since it was read.
    #[error("{kind:?} {id} was changed elsewhere since it was opened")]
    Conflict { kind: Kind, id: String },
    /// A stored record could not be read back.
    #[error("a stored {kind:?} record could not be read: {detail}")]
    Corrupt { kind: Kind, detail: String },
    /// An operation failed; `op` names it.
    #[error("{op} failed: {detail}")]
    Failed { op: &'static str, detail: String },
    /// The archive was written by a newer version of the app.
    #[error("the archive was written by a newer version of Dossier (schema {found}, this one knows {supported})")]
    TooNew { found: u32, supported: u32 },
    /// Another tab keeps an older version of the archive open.
    #[error("another tab keeps an older version of the archive open")]
    Blocked,
}

/// The archive's storage. Every write goes through [`Store::apply`]: all of
/// a change set or none of it.
#[allow(async_fn_in_trait)]
pub trait Store {
    /// One record by id.
    async fn get<T: Stored>(&self, id: &str) -> Result<Option<T>, StoreError>;
    /// Every record of a kind, in id order.
    async fn all<T: Stored>(&self) -> Result<Vec<T>, StoreError>;
    /// The records whose `index` (see [`schema`]) equals `key`, in id order.
    async fn by_index<T: Stored>(&self, index: &str, key: &str) -> Result<Vec<T>, StoreError>;
    /// How many records of a kind there are.
    async fn count(&self, kind: Kind) -> Result<u64, StoreError>;
    /// Apply the change set in one transaction. When a record is not at the
    /// revision an operation expects, nothing is written and the answer is
    /// [`StoreError::Conflict`]. Answers the list rows it rebuilt.
    async fn apply(&self, changes: &ChangeSet) -> Result<Refreshed, StoreError>;
    /// Every customer's list row, read the fast way: the same rows as
    /// `all::<CustomerRow>()`, in no set order.
    async fn list_rows(&self) -> Result<Vec<CustomerRow>, StoreError>;
    /// The first `n` list rows in name order (the normalised name, then the
    /// id): the list's first screen, read before the rest.
    async fn first_rows(&self, n: usize) -> Result<Vec<CustomerRow>, StoreError>;
    /// Empty every store (used to reset the demo archive).
    async fn clear_all(&self) -> Result<(), StoreError>;
    /// Every record of a kind as the archive holds it, in id order: what a
    /// backup holds.
    async fn export(&self, kind: Kind) -> Result<Vec<RawRecord>, StoreError>;
    /// Make the archive hold exactly `stores` (a store not among them ends
    /// up empty) and rebuild the list rows from them: one transaction, all
    /// or nothing. `progress(done, total)` counts the records written.
    async fn replace_all(&self, stores: &[(Kind, Vec<RawRecord>)], progress: &dyn Fn(usize, usize)) -> Result<(), StoreError>;
}

/// The customers `staff` owns or shares as second responsible, each once:
/// those owned first.
pub async fn customers_of(store: &impl Store, staff: &str) -> Result<Vec<crate::domain::Customer>, StoreError> {
    let mut customers: Vec<crate::domain::Customer> = store.by_index("owner", staff).await?;
    let shared: Vec<crate::domain::Customer> = store.by_index("co_owner", staff).await?;
    customers.extend(shared.into_iter().filter(|c| c.owner.as_deref() != Some(staff)));
    Ok(customers)
}

/// Whether the stored record (`None` when absent, else its revision) is what
/// an operation expects; a conflict otherwise. Both stores decide alike.
pub(crate) fn check(kind: Kind, id: &str, current: Option<Option<u64>>, expect: Expect) -> Result<(), StoreError> {
    let ok = match expect {
        Expect::Any => true,
        Expect::Absent => current.is_none(),
        Expect::Rev(r) => current.flatten() == Some(r),
    };
    if ok {
        Ok(())
    } else {
        Err(StoreError::Conflict { kind, id: id.to_string() })
    }
}
