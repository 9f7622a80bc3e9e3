//! The "needs review" view: every record not reviewed for 30 days, grouped
//! by owner, with "mark reviewed" on each; the key accounts alone on request.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{ops, Customer, Scope};
use crate::i18n::Msg;
use crate::storage::Store;
use crate::ui::app::{platform, AppState, Route, ToastKind};
use crate::ui::common::SelectField;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    // Only the key accounts (大客户), the ones whose records matter most.
    let key_only = RwSignal::new(String::new());
    Effect::new(move |_| {
        if key_only.get() == "key" && state.key_accounts.with(Option::is_none) {
            state.want_key_accounts();
        }
    });
    let groups = Memo::new(move |_| {
        let now = platform::now();
        let visible = state.visibility();
        let among = if key_only.get() == "key" { state.key_accounts.get() } else { None };
        let waiting = key_only.get() == "key" && among.is_none();
        state.index.with(|idx| {
            if !idx.is_complete() || waiting {
                return Vec::new();
            }
            idx.stale_by_owner(now, |r| visible(&r.visibility(), Scope::All) && among.as_ref().is_none_or(|ids| ids.contains(r.id())))
                .into_iter()
                .map(|(owner, rows)| {
                    (owner, rows.into_iter().map(|r| (r.id().to_string(), r.name().to_string(), r.reviewed_at, r.days_since_review(now))).collect::<Vec<_>>())
                })
                .collect::<Vec<_>>()
        })
    });
    let mark = move |id: String| {
        spawn_local(async move {
            let store = state.store();
            let c = match store.get::<Customer>(&id).await {
                Ok(Some(c)) => c,
                Ok(None) => return state.toast(ToastKind::Error, i.t_untracked(Msg::CustomerMissing)),
                Err(e) => return state.toast(ToastKind::Error, state.error_text(&e)),
            };
            let (set, _) = state.run(|ctx| ops::mark_reviewed(ctx, &c));
            match state.apply(&set).await {
                Ok(()) => state.toast(ToastKind::Done, i.t_untracked(Msg::MarkedReviewed)),
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
        });
    };
    // The whole list, and the key accounts when they filter it, are in.
    let loading = Signal::derive(move || !state.index.with(|idx| idx.is_complete()) || (key_only.get() == "key" && state.key_accounts.with(Option::is_none)));
    let key_options = Signal::derive(move || vec![(String::new(), i.t(Msg::All).to_string()), ("key".to_string(), i.t(Msg::KeyAccounts).to_string())]);
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{i.text(Msg::NavReview)}</h1>
                <span class="count">{i.text(Msg::ReviewExplain)}</span>
            </div>
            <div class="filters">
                <SelectField label=i.sig(Msg::KeyAccountsFilter) value=key_only options=key_options/>
            </div>
            <Show when=move || loading.get()>
                <p class="empty" role="status">{i.text(Msg::LoadingList)}</p>
            </Show>
            <Show when=move || groups.with(Vec::is_empty) && !loading.get()>
                <p class="empty">{i.text(Msg::NothingToReview)}</p>
            </Show>
            {move || groups.get().into_iter().map(|(owner, rows)| {
                let title = owner.as_deref().map(|o| state.staff_name(o)).unwrap_or_else(|| i.t(Msg::Unassigned).to_string());
                let n = rows.len();
                view! {
                    <section class="group" aria-label=title.clone()>
                        <h2>{title.clone()}<span class="badge">{n}</span></h2>
                        <table class="table">
                            <thead><tr>
                                <th>{i.text(Msg::Name)}</th>
                                <th>{i.text(Msg::LastReviewed)}</th>
                                <th>{i.text(Msg::DaysAgo)}</th>
                                <th></th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(id, name, at, days)| {
                                    let id2 = id.clone();
                                    view! {
                                        <tr>
                                            <td><a href=Route::Customer(id).href()>{name}</a></td>
                                            <td>{platform::format_date(at)}</td>
                                            <td>{days}</td>
                                            <td class="right"><button class="btn small" on:click=move |_| mark(id2.clone())>{i.text(Msg::MarkReviewed)}</button></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                }
            }).collect_view()}
        </section>
    }
}
