//! 员工调离: hand every customer of a leaving member of staff to a successor.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{ops, Staff};
use crate::i18n::Msg;
use crate::storage::{customers_of, StoreError};
use crate::ui::app::{AppState, ToastKind};
use crate::ui::common::{Dialog, SelectField};

#[component]
pub fn HandoverDialog(from: Staff, on_close: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let successor = RwSignal::new(String::new());
    let mark_left = RwSignal::new(true);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let from_id = from.id.clone();
    let count = state.index.with_untracked(|idx| {
        idx.rows().iter().filter(|r| r.owner() == Some(&from_id) || r.co_owner() == Some(&from_id)).count()
    });
    let from_id2 = from.id.clone();
    let options = Signal::derive(move || {
        std::iter::once((String::new(), "—".to_string()))
            .chain(state.staff.get().into_iter().filter(|s| s.active && s.id != from_id2).map(|s| (s.id, s.name)))
            .collect::<Vec<_>>()
    });
    let name = from.name.clone();
    let go = move |_| {
        let Some(to) = state.staff.with_untracked(|s| s.iter().find(|x| x.id == successor.get_untracked()).cloned()) else {
            error.set(Some(i.t_untracked(Msg::ChooseSuccessor).to_string()));
            return;
        };
        let from = from.clone();
        busy.set(true);
        spawn_local(async move {
            let result: Result<usize, StoreError> = async {
                let store = state.store();
                let list = customers_of(&*store, &from.id).await?;
                let n = list.len();
                let set = state
                    .run(|ctx| ops::handover(ctx, &from, &to, &list, mark_left.get_untracked()))
                    .map_err(|e| StoreError::Failed { op: "handover", detail: e.to_string() })?;
                state.apply(&set).await?;
                Ok(n)
            }
            .await;
            busy.set(false);
            match result {
                Ok(n) => {
                    state.toast(ToastKind::Done, i.t_untracked(Msg::HandedOver).replace("{n}", &n.to_string()));
                    on_close.run(());
                }
                Err(e) => error.set(Some(state.error_text(&e))),
            }
        });
    };
    view! {
        <Dialog title=Signal::derive(move || i.t(Msg::HandoverTitle).replace("{name}", &name)) on_close=on_close>
            <p>{move || i.t(Msg::HandoverExplain).replace("{n}", &count.to_string())}</p>
            <SelectField label=i.sig(Msg::Successor) value=successor options=options error=error/>
            <label class="check">
                <input type="checkbox" prop:checked=move || mark_left.get() on:change=move |ev| mark_left.set(event_target_checked(&ev))/>
                {i.text(Msg::MarkAsLeft)}
            </label>
            <div class="actions">
                <button class="btn primary" disabled=move || busy.get() on:click=go>{i.text(Msg::HandOver)}</button>
                <button class="btn" on:click=move |_| on_close.run(())>{i.text(Msg::Cancel)}</button>
            </div>
        </Dialog>
    }
}
