//! Merge a backup into the archive: what it takes from the backup, and each
//! record changed on both sides, for the user to decide, then all at once.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::Msg;
use crate::domain::Kind;
use crate::io::backup::{self, Backup};
use crate::io::merge::{self, Merge};
use crate::storage::Store;
use crate::ui::app::{AppState, ToastKind};
use crate::ui::common::ProgressLine;

#[component]
pub fn MergeReview(
    /// The merge worked out from the archive and the backup, for the review.
    merged: Rc<Merge>,
    /// The backup's stores: the merge is worked out again from the archive as
    /// it is when the user confirms, so that nothing saved since is lost.
    incoming: Rc<Backup>,
    /// Called once the archive holds the merge, or the user gives up on it.
    on_done: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    // For each conflict, whether to take the backup's version.
    let take = RwSignal::new(vec![false; merged.conflicts.len()]);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let error = RwSignal::new(None::<String>);
    let m = merged.clone();
    let run = move |_| {
        if progress.get_untracked().is_some() {
            return;
        }
        let chosen = take.get_untracked();
        // The records the user decided for, by store and id.
        let backup_wins: Vec<(Kind, String)> = m.conflicts.iter().zip(&chosen).filter(|(_, t)| **t).map(|(c, _)| (c.kind, c.id.clone())).collect();
        let incoming = incoming.clone();
        spawn_local(async move {
            let result = async {
                let store = state.store();
                let now = backup::snapshot(&*store, |_, _| ()).await.map_err(|e| state.error_text(&e))?;
                let unreadable = |e: String| i.t_untracked(Msg::MergeUnreadable).replace("{name}", &e);
                let m = merge::merge(&now, &incoming.stores).map_err(unreadable)?;
                let stores = merge::resolve(&m, |c| backup_wins.iter().any(|(k, id)| *k == c.kind && *id == c.id)).map_err(unreadable)?;
                store.replace_all(&stores, &|done, total| progress.set(Some((done, total)))).await.map_err(|e| state.error_text(&e))?;
                state.load().await.map_err(|e| state.error_text(&e))?;
                Ok::<_, String>(m)
            }
            .await;
            progress.set(None);
            match result {
                Ok(m) => {
                    let text = i.t_untracked(Msg::MergeDone).replace("{n}", &m.taken.to_string()).replace("{m}", &m.conflicts.len().to_string());
                    state.toast(ToastKind::Done, text);
                    on_done.run(());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let rows = merged
        .conflicts
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let how = match (&c.current, &c.incoming) {
                (None, _) => Msg::ConflictDeletedHere,
                (_, None) => Msg::ConflictDeletedThere,
                _ => Msg::ConflictBoth,
            };
            let kind = c.kind;
            view! {
                <tr>
                    <td>{move || i.label(kind)}</td>
                    <td>{c.name()}</td>
                    <td class="muted">{i.text(how)}</td>
                    <td>
                        <select aria-label=c.name() on:change=move |ev| {
                            let backup = event_target_value(&ev) == "backup";
                            take.update(|t| t[k] = backup);
                        }>
                            <option value="mine" selected=move || !take.with(|t| t[k])>{i.text(Msg::KeepMine)}</option>
                            <option value="backup" selected=move || take.with(|t| t[k])>{i.text(Msg::TakeBackup)}</option>
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let summary = i.t_untracked(Msg::MergeSummary).replace("{n}", &merged.taken.to_string()).replace("{m}", &merged.conflicts.len().to_string());
    let any = !merged.conflicts.is_empty();
    view! {
        <div class="merge-review">
            <p role="status" class="summary-line">{summary}</p>
            {any.then(|| view! {
                <table class="table merge-conflicts">
                    <thead><tr>
                        <th scope="col">{i.text(Msg::StoreCol)}</th>
                        <th scope="col">{i.text(Msg::Name)}</th>
                        <th scope="col">{i.text(Msg::Changed)}</th>
                        <th scope="col">{i.text(Msg::KeepMine)}" / "{i.text(Msg::TakeBackup)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            <div class="actions">
                <button class="btn primary" disabled=move || progress.get().is_some() on:click=run>{i.text(Msg::MergeNow)}</button>
                <button class="btn" disabled=move || progress.get().is_some() on:click=move |_| on_done.run(())>{i.text(Msg::Cancel)}</button>
                <ProgressLine progress=progress label=Msg::Merging/>
            </div>
        </div>
    }
}
