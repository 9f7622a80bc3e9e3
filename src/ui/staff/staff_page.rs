//! The staff list: who works here, in which department and role, how many
//! customers each owns; add, edit, hand over.

use leptos::prelude::*;

use super::handover_dialog::HandoverDialog;
use super::staff_form::StaffForm;
use crate::domain::Staff;
use crate::i18n::Msg;
use crate::ui::app::AppState;

#[derive(Clone, PartialEq)]
enum Editing {
    None,
    New,
    Existing(Staff),
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let editing = RwSignal::new(Editing::None);
    let handing = RwSignal::new(None::<Staff>);
    let done = Callback::new(move |_| editing.set(Editing::None));
    let owned = move |id: &str| state.index.with(|idx| idx.rows().iter().filter(|r| r.owner() == Some(id)).count());
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{i.text(Msg::NavStaff)}</h1>
                <button class="btn primary" on:click=move |_| editing.set(Editing::New)>{i.text(Msg::AddStaff)}</button>
            </div>
            <p class="notice">{i.text(Msg::WorkingViewNote)}</p>
            {move || match editing.get() {
                Editing::None => ().into_any(),
                Editing::New => view! { <StaffForm existing=None on_done=done/> }.into_any(),
                Editing::Existing(s) => view! { <StaffForm existing=Some(s) on_done=done/> }.into_any(),
            }}
            <table class="table">
                <thead><tr>
                    <th>{i.text(Msg::StaffName)}</th>
                    <th>{i.text(Msg::Department)}</th>
                    <th>{i.text(Msg::Role)}</th>
                    <th>{i.text(Msg::Phone)}</th>
                    <th>{i.text(Msg::Email)}</th>
                    <th>{i.text(Msg::CustomersOwned)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    {move || state.staff.get().into_iter().map(|s| {
                        let (e, h) = (s.clone(), s.clone());
                        let n = owned(&s.id);
                        view! {
                            <tr class:inactive=!s.active>
                                <td>{s.name.clone()}{(!s.active).then(|| view! { " " <span class="pill">{i.text(Msg::Left)}</span> })}</td>
                                <td>{s.department.clone()}</td>
                                <td>{i.label(s.role)}</td>
                                <td>{s.phone.clone()}</td>
                                <td>{s.email.clone()}</td>
                                <td>{n}</td>
                                <td class="right nowrap">
                                    <button class="btn small" on:click=move |_| editing.set(Editing::Existing(e.clone()))>{i.text(Msg::Edit)}</button>
                                    <button class="btn small" on:click=move |_| handing.set(Some(h.clone()))>{i.text(Msg::HandOver)}</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <Show when=move || state.staff.with(Vec::is_empty)>
                <p class="empty">{i.text(Msg::NoStaff)}</p>
            </Show>
            {move || handing.get().map(|s| view! { <HandoverDialog from=s on_close=Callback::new(move |_| handing.set(None))/> })}
        </section>
    }
}
