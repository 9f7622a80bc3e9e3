//! The app shell: start-up, state, routes, layout.

mod app_root;
mod backup_reminder;
mod i18n;
mod pages;
pub mod platform;
pub mod prefs;
pub mod route;
mod shell;
mod state;

pub use app_root::App;
pub use shell::switch_archive;
pub use i18n::I18n;
pub use route::{navigate, Route};
pub use state::{AppState, KeySet, ToastKind};
