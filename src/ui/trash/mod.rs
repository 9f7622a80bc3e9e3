//! Deleted customers, restorable for 30 days.

mod trash_page;

pub use trash_page::TrashPage;
