//! Recording a transaction, or changing one (a payment came in, the due date
//! moved). What was typed stays in the form until it is saved.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::ops::{self, OpError};
use crate::domain::transaction::{PaymentMethod, Transaction, TransactionDraft, TransactionField};
use crate::i18n::{self, Msg};
use crate::storage::{Store, StoreError};
use crate::ui::app::{platform, AppState, ToastKind};
use crate::ui::common::{next_id, FormActions, InputKind, SelectField, TextArea, TextField};

#[component]
pub fn TransactionForm(
    customer_id: String,
    /// The transaction changed, or none to record a new one.
    existing: Option<Transaction>,
    /// What this customer's earlier transactions were for, offered as the form is filled.
    products: Vec<String>,
    modes: Vec<String>,
    /// Called after a successful save.
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    use TransactionField as F;
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let title = if existing.is_some() { Msg::EditTransaction } else { Msg::AddTransaction };
    let draft = existing.as_ref().map(TransactionDraft::of).unwrap_or_else(|| TransactionDraft {
        date: platform::today().to_string(),
        payment_method: PaymentMethod::Transfer.as_str().to_string(),
        ..TransactionDraft::default()
    });
    // What the save is made on; replaced by the stored version after a conflict.
    let existing = StoredValue::new(existing);
    let value = |s: &String| RwSignal::new(s.clone());
    let (contract_no, date, mode, product, amount) = (value(&draft.contract_no), value(&draft.date), value(&draft.mode), value(&draft.product), value(&draft.amount));
    let (payment_method, due, paid, paid_on, notes) = (value(&draft.payment_method), value(&draft.due), value(&draft.paid), value(&draft.paid_on), value(&draft.notes));
    let errors = RwSignal::new(HashMap::<TransactionField, String>::new());
    let busy = RwSignal::new(false);
    let err = move |f: TransactionField| Signal::derive(move || errors.with(|e| e.get(&f).cloned()));
    let methods = Signal::derive(move || PaymentMethod::ALL.iter().map(|m| (m.as_str().to_string(), i.label(*m).to_string())).collect::<Vec<_>>());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let draft = TransactionDraft {
            contract_no: contract_no.get_untracked(),
            date: date.get_untracked(),
            mode: mode.get_untracked(),
            product: product.get_untracked(),
            amount: amount.get_untracked(),
            payment_method: payment_method.get_untracked(),
            due: due.get_untracked(),
            paid: paid.get_untracked(),
            paid_on: paid_on.get_untracked(),
            notes: notes.get_untracked(),
        };
        let locale = i.locale.get_untracked();
        let base = existing.get_value().unwrap_or_default();
        let parsed = match draft.parse(&base, platform::today()) {
            Ok(t) => t,
            Err(list) => {
                errors.set(list.into_iter().map(|(f, e)| (f, i18n::field_error(locale, &e))).collect());
                return;
            }
        };
        errors.set(HashMap::new());
        let set = match state.run(|ctx| ops::save_transaction(ctx, &customer_id, existing.get_value().as_ref(), parsed)) {
            Ok((set, _)) => set,
            Err(OpError::NothingChanged) => return on_done.run(()),
            Err(e) => return state.toast(ToastKind::Error, e.to_string()),
        };
        busy.set(true);
        spawn_local(async move {
            let result = state.apply(&set).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    state.toast(ToastKind::Done, i.t_untracked(Msg::TransactionSaved));
                    on_done.run(());
                }
                Err(StoreError::Conflict { .. }) => {
                    // Changed elsewhere meanwhile: the next save goes on the stored version.
                    let id = existing.get_value().map(|t| t.id).unwrap_or_default();
                    match state.store().get::<Transaction>(&id).await {
                        Ok(Some(fresh)) => {
                            existing.set_value(Some(fresh));
                            state.toast(ToastKind::Error, i.t_untracked(Msg::ConflictReloaded));
                        }
                        // Removed meanwhile: saving would make it anew. Say so, and show the list as it is.
                        Ok(None) => {
                            state.toast(ToastKind::Error, i.t_untracked(Msg::TransactionGone));
                            on_done.run(());
                        }
                        Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
                    }
                }
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
        });
    };
    let suggestions = |id: &str, values: Vec<String>| {
        view! { <datalist id=id.to_string()>{values.into_iter().map(|v| view! { <option value=v/> }).collect_view()}</datalist> }
    };
    let (products_id, modes_id) = (next_id("products"), next_id("modes"));
    view! {
        <form class="subform" on:submit=save aria-label=i.text(title)>
            <h3>{i.text(title)}</h3>
            {suggestions(&products_id, products)}
            {suggestions(&modes_id, modes)}
            <div class="form-grid">
                <TextField label=i.sig_label(F::Date) value=date kind=InputKind::Date error=err(F::Date) required=true/>
                <TextField label=i.sig_label(F::ContractNo) value=contract_no error=err(F::ContractNo)/>
                <TextField label=i.sig_label(F::Product) value=product error=err(F::Product) required=true list=products_id/>
                <TextField label=i.sig_label(F::Mode) value=mode error=err(F::Mode) list=modes_id/>
                <TextField label=i.sig_label(F::Amount) value=amount kind=InputKind::Decimal error=err(F::Amount) required=true/>
                <SelectField label=i.sig_label(F::PaymentMethod) value=payment_method options=methods error=err(F::PaymentMethod)/>
                <TextField label=i.sig_label(F::Due) value=due kind=InputKind::Date error=err(F::Due)/>
                <TextField label=i.sig_label(F::Paid) value=paid kind=InputKind::Decimal error=err(F::Paid)/>
                <TextField label=i.sig_label(F::PaidOn) value=paid_on kind=InputKind::Date error=err(F::PaidOn)/>
                <TextArea label=i.sig_label(F::Notes) value=notes error=err(F::Notes) rows=2/>
            </div>
            <FormActions submit=i.sig(Msg::SaveTransaction) busy=busy on_cancel=on_cancel/>
        </form>
    }
}
