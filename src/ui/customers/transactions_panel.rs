//! A customer's transactions (交易资料) and what it owes: the receivables on
//! top (owed, overdue and for how long, due by the month's end), then every
//! transaction, newest first, with what is left to pay and whether it is late.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::transaction_form::TransactionForm;
use crate::domain::customer::{format_amount, format_money};
use crate::domain::ops::{self, OpError};
use crate::domain::transaction::{Receivables, Transaction, TransactionField as F};
use crate::domain::{sorting, Customer};
use crate::i18n::Msg;
use crate::ui::app::{platform, AppState};
use crate::ui::common::ReasonDialog;

#[derive(Clone, PartialEq)]
enum Editing {
    None,
    New,
    Existing(Transaction),
}

/// Where a transaction stands on `today`, as its status pill shows it.
fn standing(t: &Transaction, today: chrono::NaiveDate, term: u32) -> (&'static str, Msg, Option<i64>) {
    match t.days_overdue(today, term) {
        Some(days) => ("pill overdue", Msg::OverdueDays, Some(days)),
        None if t.outstanding().is_zero() => ("pill paid", Msg::PaidInFull, None),
        None if t.due_this_month(today, term) => ("pill due-soon", Msg::DueSoon, None),
        None => ("pill", Msg::NotDue, None),
    }
}

/// Distinct non-empty values, in the order first met.
fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values.filter(|v| !v.is_empty()) {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

#[component]
pub fn TransactionsPanel(
    #[prop(into)] customer: Signal<Customer>,
    #[prop(into)] transactions: Signal<Vec<Transaction>>,
    /// Called after any change, to reload.
    on_changed: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let today = platform::today();
    // The customer's credit term: due dates left blank count from it.
    let term = Memo::new(move |_| customer.with(Customer::term_days));
    let editing = RwSignal::new(Editing::None);
    let removing = RwSignal::new(None::<Transaction>);
    let money = move |d: Decimal| customer.with(|c| format_money(d, &c.currency));
    let owed = Memo::new(move |_| transactions.with(|t| Receivables::of(t, today, term.get())));
    let done = Callback::new(move |_| {
        editing.set(Editing::None);
        on_changed.run(());
    });
    let cancel = Callback::new(move |_| editing.set(Editing::None));
    let form = move || {
        let existing = match editing.get() {
            Editing::None => return ().into_any(),
            Editing::New => None,
            Editing::Existing(t) => Some(t),
        };
        let (products, modes) = transactions.with_untracked(|all| {
            let mut all = all.clone();
            sorting::sort_by(&mut all, Transaction::latest_first);
            (distinct(all.iter().map(|t| t.product.clone())), distinct(all.iter().map(|t| t.mode.clone())))
        });
        view! {
            <TransactionForm customer_id=customer.with_untracked(|c| c.id.clone()) existing=existing products=products modes=modes on_done=done on_cancel=cancel/>
        }
        .into_any()
    };
    let row = move |t: Transaction| {
        let term = term.get_untracked();
        let (class, label, days) = standing(&t, today, term);
        let status = move || match days {
            Some(n) => i.t(label).replace("{n}", &n.to_string()),
            None => i.t(label).to_string(),
        };
        let (edit_t, remove_t) = (t.clone(), t.clone());
        view! {
            <tr>
                <td class="nowrap">{t.date.to_string()}</td>
                <td class="nowrap">{t.contract_no.clone()}</td>
                <td>{t.product.clone()}<div class="muted small">{t.mode.clone()}</div></td>
                <td class="num">{format_amount(t.amount)}</td>
                <td class="num">{format_amount(t.paid)}<div class="muted small">{t.paid_on.map(|d| d.to_string())}</div></td>
                <td class="num">{format_amount(t.outstanding())}</td>
                <td class="nowrap">{t.due_on(term).to_string()}</td>
                <td><span class=class>{status}</span></td>
                <td class="nowrap">
                    <button class="btn small" on:click=move |_| editing.set(Editing::Existing(edit_t.clone()))>{i.text(Msg::Edit)}</button>
                    " "
                    <button class="btn small danger-text" on:click=move |_| removing.set(Some(remove_t.clone()))>{i.text(Msg::Remove)}</button>
                </td>
            </tr>
        }
    };
    view! {
        <div class="panel transactions">
            <div class="panel-head split">
                <dl class="figures" aria-label=i.text(Msg::Owed)>
                    <div class="figure">
                        <dt>{i.text(Msg::Owed)}</dt>
                        <dd>{move || money(owed.get().owed)}</dd>
                    </div>
                    <div class="figure" class:overdue=move || owed.with(|r| r.overdue > Decimal::ZERO)>
                        <dt>{i.text(Msg::OverdueAmount)}</dt>
                        <dd>
                            {move || money(owed.get().overdue)}
                            <Show when=move || owed.with(|r| r.most_days_overdue > 0)>
                                <span class="small">" · "{move || i.t(Msg::LongestOverdue).replace("{n}", &owed.get().most_days_overdue.to_string())}</span>
                            </Show>
                        </dd>
                    </div>
                    <div class="figure" class:due-soon=move || owed.with(|r| r.due_this_month > Decimal::ZERO)>
                        <dt>{i.text(Msg::DueThisMonth)}</dt>
                        <dd>{move || money(owed.get().due_this_month)}</dd>
                    </div>
                </dl>
                <button class="btn" on:click=move |_| editing.set(Editing::New)>{i.text(Msg::AddTransaction)}</button>
            </div>
            {form}
            <Show
                when=move || !transactions.with(Vec::is_empty)
                fallback=move || view! { <p class="muted">{i.text(Msg::NoTransactions)}</p> }
            >
                <table class="table">
                    <thead><tr>
                        <th>{move || i.label(F::Date)}</th>
                        <th>{move || i.label(F::ContractNo)}</th>
                        <th>{move || i.label(F::Product)}</th>
                        <th class="num">{move || i.label(F::Amount)}</th>
                        <th class="num">{move || i.label(F::Paid)}</th>
                        <th class="num">{i.text(Msg::Outstanding)}</th>
                        <th>{i.text(Msg::DueOn)}</th>
                        <th>{i.text(Msg::Status)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            term.track();
                            let mut list = transactions.get();
                            sorting::sort_by(&mut list, Transaction::latest_first);
                            list.into_iter().map(row).collect_view()
                        }}
                    </tbody>
                </table>
            </Show>
            <p class="muted small">{move || i.t(Msg::TermNote).replace("{n}", &term.get().to_string())}</p>
            {move || removing.get().map(|t| view! { <RemoveDialog transaction=t on_close=Callback::new(move |removed: bool| {
                removing.set(None);
                if removed {
                    on_changed.run(());
                }
            })/> })}
        </div>
    }
}

/// Removing a transaction entered in error: a reason is required.
#[component]
fn RemoveDialog(
    transaction: Transaction,
    /// Called with whether it was removed.
    on_close: Callback<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let what = if transaction.contract_no.is_empty() { transaction.product.clone() } else { transaction.contract_no.clone() };
    let transaction = StoredValue::new(transaction);
    let confirm = Callback::new(move |()| {
        let set = match state.run(|ctx| transaction.with_value(|t| ops::delete_transaction(ctx, t, &reason.get_untracked()))) {
            Ok(set) => set,
            Err(OpError::ReasonRequired) => return error.set(Some(i.t_untracked(Msg::ReasonRequired).to_string())),
            Err(e) => return error.set(Some(e.to_string())),
        };
        state.apply_from_dialog(set, busy, error, Msg::TransactionRemoved, move || on_close.run(true));
    });
    view! {
        <ReasonDialog
            title=Signal::derive(move || i.t(Msg::RemoveTransactionTitle).replace("{what}", &what))
            explain=Msg::RemoveTransactionExplain
            reason_label=Msg::Reason
            confirm=Msg::Remove
            reason=reason
            error=error
            busy=busy
            on_confirm=confirm
            on_close=Callback::new(move |()| on_close.run(false))
        />
    }
}
