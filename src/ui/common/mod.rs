//! Pieces every feature uses: labelled fields, dialogs, progress.

mod dialog;
mod field;
mod progress_line;

pub use dialog::Dialog;
pub use field::{next_id, InputKind, SelectField, TextArea, TextField};
pub use progress_line::ProgressLine;
