//! Settings: language, storage, demo archive.

mod settings_page;

pub use settings_page::SettingsPage;
