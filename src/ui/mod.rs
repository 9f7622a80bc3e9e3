//! Leptos components, one folder per feature. Components read and write the
//! archive through [`app::AppState`], a small `Copy` handle in context.

pub mod analysis;
pub mod app;
pub mod common;
pub mod customers;
pub mod grades;
pub mod import;
pub mod review;
pub mod service;
pub mod settings;
pub mod staff;
pub mod trash;
