//! Settings: storage, classification lists, backup and restore, demo archive.

mod backup_panel;
mod classification_panel;
mod merge_review;
mod restore_panel;
mod settings_page;

pub use backup_panel::BackupPanel;
pub use classification_panel::ClassificationPanel;
pub use restore_panel::RestorePanel;
pub use settings_page::SettingsPage;
