//! Staff, roles and handover.

mod handover_dialog;
mod staff_form;
mod staff_page;

pub use staff_page::StaffPage;
