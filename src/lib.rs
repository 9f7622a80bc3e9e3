//! Dossier: a customer-management system that runs entirely in the browser.

pub mod domain;
pub mod i18n;
pub mod storage;
