//! Setting a customer's grade by hand, with the reason (a re-grade then
//! leaves it alone), or giving it back to the rules.

use leptos::prelude::*;

use crate::domain::ops::{self, OpError};
use crate::domain::Customer;
use crate::i18n::Msg;
use crate::ui::app::AppState;
use crate::ui::common::{Dialog, SelectField, TextArea};

#[component]
pub fn GradeDialog(
    customer: Customer,
    /// Called with whether the grade was saved.
    on_close: Callback<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    // The empty choice gives the grade back to the rules.
    let choice = RwSignal::new(if customer.grade_override.is_some() { customer.grade.clone().unwrap_or_default() } else { String::new() });
    let reason = RwSignal::new(customer.grade_override.clone().unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let options = Signal::derive(move || {
        let mut v = vec![(String::new(), i.t(Msg::BackToRules).to_string())];
        v.extend(state.tier_options());
        v
    });
    let name = customer.name.clone();
    let customer = StoredValue::new(customer);
    let save = move |_| {
        let grade = Some(choice.get_untracked()).filter(|g| !g.is_empty());
        let result = customer.with_value(|c| state.run(|ctx| ops::set_grade(ctx, c, grade.as_deref(), &reason.get_untracked())));
        let set = match result {
            Ok((set, _)) => set,
            Err(OpError::NothingChanged) => return on_close.run(false),
            Err(OpError::ReasonRequired) => return error.set(Some(i.t_untracked(Msg::ReasonRequired).to_string())),
            Err(e) => return error.set(Some(e.to_string())),
        };
        state.apply_from_dialog(set, busy, error, Msg::GradeSaved, move || on_close.run(true));
    };
    view! {
        <Dialog title=Signal::derive(move || i.t(Msg::SetGradeTitle).replace("{name}", &name)) on_close=Callback::new(move |_| on_close.run(false))>
            <p class="muted">{i.text(Msg::SetGradeExplain)}</p>
            <SelectField label=i.sig(Msg::Grade) value=choice options=options/>
            <TextArea label=i.sig(Msg::Reason) value=reason error=error/>
            <div class="actions">
                <button class="btn primary" disabled=move || busy.get() on:click=save>{i.text(Msg::Save)}</button>
                <button class="btn" on:click=move |_| on_close.run(false)>{i.text(Msg::Cancel)}</button>
            </div>
        </Dialog>
    }
}
