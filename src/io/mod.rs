//! Files in and out of the archive: backups, with their encryption, and
//! the browser's downloads and file pickers.

pub mod backup;
pub mod crypto;
pub mod csv;
pub mod json;
pub mod merge;
pub mod sheets;
#[cfg(target_arch = "wasm32")]
pub mod files;
#[cfg(target_arch = "wasm32")]
pub mod webcrypto;
