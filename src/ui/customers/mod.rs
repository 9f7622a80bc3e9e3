//! The customer archive: the list, a customer's page, the record form,
//! contacts, the communication log, transactions and history, and the list's export.

mod archive_card;
mod contact_form;
mod contacts_panel;
mod customer_form;
mod customer_list_page;
mod customer_page;
mod delete_dialog;
mod export_menu;
mod grade_dialog;
mod history_panel;
mod log_panel;
mod print_list;
mod record_view;
mod transaction_form;
mod transactions_panel;
mod values;

pub use customer_form::CustomerForm;
pub use customer_list_page::CustomerListPage;
pub use customer_page::CustomerPage;
