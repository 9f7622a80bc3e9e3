//! Customers imported from a spreadsheet.

mod import_page;
mod mapping_table;
mod preview_table;

pub use import_page::ImportPage;
