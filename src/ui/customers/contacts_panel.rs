//! A customer's contacts: the primary first, each with its profile.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::contact_form::ContactForm;
use crate::domain::contact::ContactField;
use crate::domain::{ops, sorting};
use crate::domain::{Contact, Customer};
use crate::i18n::Msg;
use crate::ui::app::{AppState, ToastKind};

#[derive(Clone, PartialEq)]
enum Editing {
    None,
    New,
    Existing(Contact),
}

#[component]
pub fn ContactsPanel(
    #[prop(into)] customer: Signal<Customer>,
    #[prop(into)] contacts: Signal<Vec<Contact>>,
    /// Called after any change, to reload.
    on_changed: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let editing = RwSignal::new(Editing::None);
    let done = Callback::new(move |_| {
        editing.set(Editing::None);
        on_changed.run(());
    });
    let cancel = Callback::new(move |_| editing.set(Editing::None));
    let remove = move |c: Contact| {
        let question = i.t_untracked(Msg::RemoveContactConfirm).replace("{name}", &c.name);
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        let all = contacts.get_untracked();
        let set = state.run(|ctx| ops::delete_contact(ctx, &customer.get_untracked().id, &all, &c, ""));
        spawn_local(async move {
            match state.apply(&set).await {
                Ok(()) => on_changed.run(()),
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
        });
    };
    let card = move |c: Contact| {
        let edit_c = c.clone();
        let del_c = c.clone();
        let profile: Vec<(ContactField, String)> = ContactField::ALL
            .iter()
            .filter(|f| !matches!(f, ContactField::Name | ContactField::Title | ContactField::Primary))
            .map(|f| (*f, c.get(*f)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        view! {
            <article class="contact-card" aria-label=c.name.clone()>
                <header>
                    <strong>{c.name.clone()}</strong>
                    <span class="muted">{c.title.clone()}</span>
                    {c.primary.then(|| view! { <span class="pill accent">{move || i.label(ContactField::Primary)}</span> })}
                </header>
                <dl class="kv-grid compact">
                    {profile.into_iter().map(|(f, v)| view! { <div class="kv"><dt>{move || i.label(f)}</dt><dd>{v}</dd></div> }).collect_view()}
                </dl>
                <div class="actions">
                    <button class="btn small" on:click=move |_| editing.set(Editing::Existing(edit_c.clone()))>{i.text(Msg::Edit)}</button>
                    <button class="btn small danger-text" on:click=move |_| remove(del_c.clone())>{i.text(Msg::Remove)}</button>
                </div>
            </article>
        }
    };
    view! {
        <div class="panel">
            <div class="panel-head">
                <button class="btn" on:click=move |_| editing.set(Editing::New)>{i.text(Msg::AddContact)}</button>
            </div>
            {move || match editing.get() {
                Editing::None => ().into_any(),
                Editing::New => view! {
                    <ContactForm customer=customer.get_untracked() all=contacts.get_untracked() existing=None on_done=done on_cancel=cancel/>
                }.into_any(),
                Editing::Existing(c) => view! {
                    <ContactForm customer=customer.get_untracked() all=contacts.get_untracked() existing=Some(c) on_done=done on_cancel=cancel/>
                }.into_any(),
            }}
            <div class="contact-list">
                {move || {
                    let mut list = contacts.get();
                    sorting::sort_by(&mut list, Contact::list_order);
                    if list.is_empty() {
                        view! { <p class="muted">{i.text(Msg::NoContacts)}</p> }.into_any()
                    } else {
                        list.into_iter().map(card).collect_view().into_any()
                    }
                }}
            </div>
        </div>
    }
}
