//! Pieces every feature uses: labelled fields, dialogs, progress, printing, charts.

mod chart_panel;
mod charts;
mod dialog;
mod field;
mod period;
mod printing;
mod progress_line;

pub use chart_panel::{download_table, Chart, ChartPanel, Table, BARS};
pub use charts::{Bar, BarChart, ColumnChart, ParetoChart};
pub use dialog::{Dialog, ReasonDialog};
pub use period::{BadPeriodNotice, Period, PeriodFields};
pub use field::{next_id, CheckList, FormActions, InputKind, SelectField, TextArea, TextField};
pub use printing::{printing, Printing};
pub use progress_line::ProgressLine;
