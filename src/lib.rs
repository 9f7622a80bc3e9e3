//! Dossier: a customer-management system that runs entirely in the browser.
//! Data flows one way: `ui -> storage -> domain`, and `io -> domain`.

#[macro_use]
pub mod domain;
pub mod i18n;
pub mod io;
pub mod storage;

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
#[cfg(target_arch = "wasm32")]
pub mod ui;
