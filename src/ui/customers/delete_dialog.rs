//! Deleting a customer: a reason is required; the record goes to the trash.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::complaint::Complaint;
use crate::domain::visit::Visit;
use crate::domain::interaction::Interaction;
use crate::domain::transaction::Transaction;
use crate::domain::ops::{self, OpError};
use crate::domain::{Contact, Customer};
use crate::i18n::Msg;
use crate::storage::Store;
use crate::ui::app::{navigate, AppState, Route};
use crate::ui::common::ReasonDialog;

#[component]
pub fn DeleteDialog(
    customer: Customer,
    contacts: Vec<Contact>,
    log: Vec<Interaction>,
    transactions: Vec<Transaction>,
    /// Called when the dialog is dismissed without deleting.
    on_close: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let name = customer.name.clone();
    let confirm = Callback::new(move |()| {
        busy.set(true);
        let customer = customer.clone();
        let (contacts, log, transactions) = (contacts.clone(), log.clone(), transactions.clone());
        spawn_local(async move {
            // What goes to the trash is read afresh now, so a contact, log entry or transaction
            // added meanwhile in another tab is kept with the rest.
            let store = state.store();
            let contacts = store.by_index::<Contact>("customer_id", &customer.id).await.unwrap_or(contacts);
            let interactions = store.by_index::<Interaction>("customer_id", &customer.id).await.unwrap_or(log);
            let transactions = store.by_index::<Transaction>("customer_id", &customer.id).await.unwrap_or(transactions);
            // Complaints and visits have no copy on the page to fall back on:
            // when they cannot be read, nothing is deleted.
            let complaints = store.by_index::<Complaint>("customer_id", &customer.id).await;
            let visits = store.by_index::<Visit>("customer_id", &customer.id).await;
            let (complaints, visits) = match (complaints, visits) {
                (Ok(c), Ok(v)) => (c, v),
                (Err(e), _) | (_, Err(e)) => {
                    busy.set(false);
                    error.set(Some(state.error_text(&e)));
                    return;
                }
            };
            let belongings = ops::Belongings { contacts, interactions, transactions, complaints, visits };
            let set = state.run(|ctx| ops::delete_customer(ctx, &customer, belongings, &reason.get_untracked()));
            match set {
                Err(OpError::ReasonRequired) => {
                    busy.set(false);
                    error.set(Some(i.t_untracked(Msg::ReasonRequired).to_string()));
                }
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e.to_string()));
                }
                Ok(set) => state.apply_from_dialog(set, busy, error, Msg::MovedToTrash, || navigate(Route::Customers)),
            }
        });
    });
    view! {
        <ReasonDialog
            title=Signal::derive(move || i.t(Msg::DeleteTitle).replace("{name}", &name))
            explain=Msg::DeleteExplain
            reason_label=Msg::DeleteReason
            confirm=Msg::MoveToTrash
            reason=reason
            error=error
            busy=busy
            on_confirm=confirm
            on_close=on_close
        />
    }
}
