//! Adding or editing a member of staff.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::ops;
use crate::domain::staff::{StaffDraft, StaffField};
use crate::domain::{Role, Staff};
use crate::i18n::{self, Msg};
use crate::storage::{Store, StoreError};
use crate::ui::app::{AppState, ToastKind};
use crate::ui::common::{InputKind, SelectField, TextField};

#[component]
pub fn StaffForm(
    /// The person edited, or none to add one.
    existing: Option<Staff>,
    on_done: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let base = existing.clone().unwrap_or_default();
    let d = StaffDraft::of(&base);
    let name = RwSignal::new(d.name);
    let department = RwSignal::new(d.department);
    let role = RwSignal::new(d.role);
    let phone = RwSignal::new(d.phone);
    let email = RwSignal::new(d.email);
    let errors = RwSignal::new(HashMap::<StaffField, String>::new());
    let err = move |f: StaffField| Signal::derive(move || errors.with(|e| e.get(&f).cloned()));
    let roles = Signal::derive(move || Role::ALL.iter().map(|r| (r.as_str().to_string(), i.label(*r).to_string())).collect::<Vec<_>>());
    let is_new = existing.is_none();
    let existing = StoredValue::new(existing);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = StaffDraft {
            name: name.get_untracked(),
            department: department.get_untracked(),
            role: role.get_untracked(),
            phone: phone.get_untracked(),
            email: email.get_untracked(),
        };
        let locale = i.locale.get_untracked();
        let base = existing.get_value().unwrap_or_else(|| base.clone());
        match draft.parse(&base) {
            Err(list) => errors.set(list.into_iter().map(|(f, e)| (f, i18n::field_error(locale, &e))).collect()),
            Ok(staff) => {
                errors.set(HashMap::new());
                let set = state.run(|ctx| ops::save_staff(ctx, existing.get_value().as_ref(), staff));
                spawn_local(async move {
                    match state.apply(&set).await {
                        Ok(()) => {
                            state.toast(ToastKind::Done, i.t_untracked(Msg::Saved));
                            on_done.run(());
                        }
                        Err(StoreError::Conflict { .. }) => {
                            let id = existing.get_value().map(|s| s.id).unwrap_or_default();
                            match state.store().get::<Staff>(&id).await {
                                Ok(fresh) => {
                                    existing.set_value(fresh);
                                    state.toast(ToastKind::Error, i.t_untracked(Msg::ConflictReloaded));
                                }
                                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
                            }
                        }
                        Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
                    }
                });
            }
        }
    };
    view! {
        <form class="subform" on:submit=save aria-label=move || i.t(if is_new { Msg::AddStaff } else { Msg::EditStaff })>
            <div class="form-grid">
                <TextField label=i.sig(Msg::StaffName) value=name error=err(StaffField::Name) required=true/>
                <TextField label=i.sig(Msg::Department) value=department error=err(StaffField::Department)/>
                <SelectField label=i.sig(Msg::Role) value=role options=roles error=err(StaffField::Role)/>
                <TextField label=i.sig(Msg::Phone) value=phone kind=InputKind::Tel error=err(StaffField::Phone)/>
                <TextField label=i.sig(Msg::Email) value=email kind=InputKind::Email error=err(StaffField::Email)/>
            </div>
            <div class="actions">
                <button class="btn primary" type="submit">{i.text(Msg::Save)}</button>
                <button class="btn" type="button" on:click=move |_| on_done.run(())>{i.text(Msg::Cancel)}</button>
            </div>
        </form>
    }
}
