//! The trash: who deleted what, when and why; restore, or delete for good.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::staff::Visibility;
use crate::domain::{ops, sorting, Scope, TrashEntry};
use crate::i18n::Msg;
use crate::storage::Store;
use crate::ui::app::{navigate, platform, AppState, Route, ToastKind};

#[component]
pub fn TrashPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let entries = RwSignal::new(Vec::<TrashEntry>::new());
    let load = move || {
        spawn_local(async move {
            match state.store().all::<TrashEntry>().await {
                Ok(mut list) => {
                    // The working view applies here too: a personal record stays its owner's.
                    let visible = state.visibility();
                    list.retain(|e| {
                        let c = &e.customer;
                        let v = Visibility { owner: c.owner.as_deref(), co_owner: c.co_owner.as_deref(), confidentiality: c.confidentiality };
                        visible(&v, Scope::All)
                    });
                    sorting::sort_by(&mut list, |a, b| (b.deleted_at, &b.id).cmp(&(a.deleted_at, &a.id)));
                    entries.set(list);
                }
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
        });
    };
    Effect::new(move |prev: Option<u64>| {
        // Reload when another tab changes something, or the current user changes.
        state.me.track();
        let n = state.remote.get().0;
        let _ = prev;
        load();
        n
    });
    let restore = move |e: TrashEntry| {
        let set = state.run(|ctx| ops::restore(ctx, &e));
        spawn_local(async move {
            match state.apply(&set).await {
                Ok(()) => {
                    state.toast(ToastKind::Done, i.t_untracked(Msg::Restored));
                    navigate(Route::Customer(e.id.clone()));
                }
                Err(err) => state.toast(ToastKind::Error, state.error_text(&err)),
            }
        });
    };
    let purge = move |e: TrashEntry| {
        let confirm = i.t_untracked(Msg::PurgeConfirm).replace("{name}", &e.customer.name);
        if !window().confirm_with_message(&confirm).unwrap_or(false) {
            return;
        }
        let set = ops::purge([&e]);
        spawn_local(async move {
            match state.apply(&set).await {
                Ok(()) => {
                    state.toast(ToastKind::Done, i.t_untracked(Msg::Purged));
                    load();
                }
                Err(err) => state.toast(ToastKind::Error, state.error_text(&err)),
            }
        });
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{i.text(Msg::NavTrash)}</h1>
                <span class="count">{i.text(Msg::TrashExplain)}</span>
            </div>
            <Show when=move || entries.with(Vec::is_empty) fallback=move || {
                let now = platform::now();
                view! {
                    <table class="table">
                        <thead><tr>
                            <th>{i.text(Msg::Name)}</th>
                            <th>{i.text(Msg::DeletedAt)}</th>
                            <th>{i.text(Msg::DeletedBy)}</th>
                            <th>{i.text(Msg::Reason)}</th>
                            <th>{i.text(Msg::DaysLeft)}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>
                            {move || entries.get().into_iter().map(|e| {
                                let (r, p) = (e.clone(), e.clone());
                                view! {
                                    <tr>
                                        <td>{e.customer.name.clone()}</td>
                                        <td class="nowrap">{platform::format_time(e.deleted_at)}</td>
                                        <td>{e.by.name.clone()}</td>
                                        <td class="pre">{e.reason.clone()}</td>
                                        <td>{e.days_left(now)}</td>
                                        <td class="right nowrap">
                                            <button class="btn small" on:click=move |_| restore(r.clone())>{i.text(Msg::Restore)}</button>
                                            <button class="btn small danger-text" on:click=move |_| purge(p.clone())>{i.text(Msg::DeleteForever)}</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            }>
                <p class="empty">{i.text(Msg::TrashEmpty)}</p>
            </Show>
        </section>
    }
}
