//! The CRM itself: plain data and pure functions. Nothing here knows about the
//! browser, so every rule compiles and is tested natively.

#[macro_use]
mod keys;

pub mod analysis;
pub mod calendar;
pub mod as_text;
pub mod change;
pub mod classification;
pub mod complaint;
pub mod complaint_stats;
pub mod contact;
pub mod customer;
pub mod demo;
pub mod grading;
pub mod history;
pub mod import;
pub mod ids;
pub mod interaction;
pub mod ops;
pub mod reminder;
pub mod row;
pub mod search;
pub mod service;
pub mod sorting;
pub mod staff;
pub mod trash;
pub mod transaction;
pub mod validate;
pub mod work;
pub mod visit;

pub use change::{ChangeSet, Expect, Kind, Op, Record};
pub use contact::Contact;
pub use customer::{Confidentiality, Customer, CustomerKind, Field, Status};
pub use history::{Action, Actor, FieldChange, HistoryEntry};
pub use interaction::{Channel, Interaction};
pub use row::{CustomerRow, RowFields, RowSet};
pub use staff::{Role, Scope, Staff};
pub use trash::TrashEntry;
pub use transaction::{PaymentMethod, Receivables, Transaction};
