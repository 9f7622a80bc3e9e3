//! Pieces every feature uses: labelled fields, dialogs, progress, printing, charts.

mod chart_panel;
mod charts;
mod dialog;
mod field;
mod printing;
mod progress_line;

pub use chart_panel::{download_table, Chart, ChartPanel, Table};
pub use charts::{Bar, BarChart, ColumnChart, ParetoChart};
pub use dialog::{Dialog, ReasonDialog};
pub use field::{next_id, CheckList, InputKind, SelectField, TextArea, TextField};
pub use printing::{printing, Printing};
pub use progress_line::ProgressLine;
