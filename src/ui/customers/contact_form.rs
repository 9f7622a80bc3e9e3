//! Adding or editing a contact, with the personal profile the seeds ask for.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::contact::{ContactDraft, ContactField};
use crate::domain::ops::{self, OpError};
use crate::domain::{Contact, Customer};
use crate::i18n::{self, Msg};
use crate::storage::{Store, StoreError};
use crate::ui::app::{platform, AppState, ToastKind};
use crate::ui::common::{FormActions, InputKind, TextArea, TextField};

#[component]
pub fn ContactForm(
    customer: Customer,
    /// Every current contact of the customer.
    all: Vec<Contact>,
    /// The contact edited, or none to add one.
    existing: Option<Contact>,
    /// Called after a successful save.
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let base = existing.clone().unwrap_or_default();
    let title = if existing.is_some() { Msg::EditContact } else { Msg::AddContact };
    // What the save is made on; replaced by the stored versions after a conflict.
    let existing = StoredValue::new(existing);
    let all = StoredValue::new(all);
    let customer_id = customer.id.clone();
    let values: HashMap<ContactField, RwSignal<String>> =
        ContactField::ALL.iter().map(|f| (*f, RwSignal::new(base.get(*f)))).collect();
    let errors = RwSignal::new(HashMap::<ContactField, String>::new());
    let busy = RwSignal::new(false);
    let primary = RwSignal::new(base.primary || all.with_value(Vec::is_empty));
    let err = move |f: ContactField| Signal::derive(move || errors.with(|e| e.get(&f).cloned()));
    let values2 = values.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut draft = ContactDraft::new();
        draft.extend(values2.iter().map(|(f, v)| (*f, v.get_untracked())));
        draft.insert(ContactField::Primary, if primary.get_untracked() { "yes".into() } else { String::new() });
        let locale = i.locale.get_untracked();
        let base = existing.get_value().unwrap_or_else(|| base.clone());
        match base.with_draft(&draft, platform::today()) {
            Err(list) => {
                errors.set(list.into_iter().map(|(f, e)| (f, i18n::field_error(locale, &e))).collect());
            }
            Ok(contact) => {
                errors.set(HashMap::new());
                let set = state.run(|ctx| ops::save_contact(ctx, &customer_id, &all.get_value(), existing.get_value().as_ref(), contact));
                match set {
                    Err(OpError::NothingChanged) => on_done.run(()),
                    Err(e) => state.toast(ToastKind::Error, e.to_string()),
                    Ok(set) => {
                        busy.set(true);
                        let customer_id = customer_id.clone();
                        spawn_local(async move {
                            let result = state.apply(&set).await;
                            busy.set(false);
                            match result {
                                Ok(()) => {
                                    state.toast(ToastKind::Done, i.t_untracked(Msg::Saved));
                                    on_done.run(());
                                }
                                Err(StoreError::Conflict { .. }) => {
                                    // Someone else changed the contacts: save on their latest version next time.
                                    match state.store().by_index::<Contact>("customer_id", &customer_id).await {
                                        Ok(fresh) => {
                                            let id = existing.get_value().map(|c| c.id);
                                            existing.set_value(id.and_then(|id| fresh.iter().find(|c| c.id == id).cloned()));
                                            all.set_value(fresh);
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
            }
        }
    };
    let field = move |f: ContactField| {
        let v = values[&f];
        let label = i.sig_label(f);
        if f.is_long() {
            view! { <TextArea label=label value=v error=err(f) rows=2/> }.into_any()
        } else {
            let kind = match f {
                ContactField::Mobile | ContactField::Phone => InputKind::Tel,
                ContactField::Email => InputKind::Email,
                ContactField::Birthday => InputKind::Date,
                _ => InputKind::Text,
            };
            view! { <TextField label=label value=v error=err(f) kind=kind required=f == ContactField::Name/> }.into_any()
        }
    };
    view! {
        <form class="subform" on:submit=save aria-label=i.text(title)>
            <h3>{i.text(title)}</h3>
            <div class="form-grid">
                {ContactField::ALL.iter().copied().filter(|f| *f != ContactField::Primary).map(field).collect_view()}
                <label class="check">
                    <input type="checkbox" prop:checked=move || primary.get() on:change=move |ev| primary.set(event_target_checked(&ev))/>
                    {move || i.label(ContactField::Primary)}
                </label>
            </div>
            <FormActions submit=i.sig(Msg::SaveContact) busy=busy on_cancel=on_cancel/>
        </form>
    }
}
