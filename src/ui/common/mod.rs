//! Pieces every feature uses: labelled fields, dialogs.

mod dialog;
mod field;

pub use dialog::Dialog;
pub use field::{next_id, InputKind, SelectField, TextArea, TextField};
