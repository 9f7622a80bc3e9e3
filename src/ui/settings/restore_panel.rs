//! Restore the archive from a backup file: what the file holds, how it
//! differs from the archive, then replace the archive with it or merge it in,
//! all or nothing.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::domain::Kind;
use crate::i18n::{self, Msg};
use crate::io::backup::{self, Backup, Header, StoreDiff};
use crate::io::merge::{self, Merge};
use crate::io::files;
use crate::io::webcrypto::WebCrypto;
use crate::storage::Store;
use crate::ui::app::{platform, AppState, ToastKind};
use crate::ui::common::ProgressLine;

use super::merge_review::MergeReview;

/// A picked file, its header read.
#[derive(Clone)]
struct Picked {
    name: String,
    bytes: Rc<Vec<u8>>,
    header: Header,
}

/// A backup read whole and compared with the archive.
#[derive(Clone)]
struct Checked {
    backup: Rc<Backup>,
    /// The archive as it was when the file was checked.
    current: Rc<backup::Stores>,
    diff: Vec<StoreDiff>,
}

/// Read and check the whole file, and compare it with the archive.
async fn check(state: AppState, picked: Picked, passphrase: String) -> Result<Checked, String> {
    let l = state.i18n.locale.get_untracked();
    let crypto = WebCrypto::new().map_err(|e| i18n::backup_error(l, &e.into()))?;
    let backup = backup::read(&crypto, &picked.bytes, Some(passphrase.as_str())).await.map_err(|e| i18n::backup_error(l, &e))?;
    let current = backup::snapshot(&*state.store(), |_, _| ()).await.map_err(|e| state.error_text(&e))?;
    let diff = backup::diff(&current, &backup.stores);
    Ok(Checked { backup: Rc::new(backup), current: Rc::new(current), diff })
}

#[component]
pub fn RestorePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let picked = RwSignal::new_local(None::<Picked>);
    let checked = RwSignal::new_local(None::<Checked>);
    let error = RwSignal::new(None::<String>);
    let pass = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let merging = RwSignal::new_local(None::<Rc<Merge>>);

    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        picked.set(None);
        checked.set(None);
        merging.set(None);
        error.set(None);
        confirming.set(false);
        pass.set(String::new());
        spawn_local(async move {
            let l = state.i18n.locale.get_untracked();
            match files::picked(&input).await {
                None => {}
                Some(Err(e)) => error.set(Some(i.t_untracked(Msg::FileUnreadable).replace("{name}", &e))),
                Some(Ok((name, bytes))) => match backup::peek(&bytes) {
                    Ok((header, _)) => picked.set(Some(Picked { name, bytes: Rc::new(bytes), header })),
                    Err(e) => error.set(Some(i18n::backup_error(l, &e))),
                },
            }
        });
    };
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = picked.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match check(state, file, pass.get_untracked()).await {
                Ok(c) => checked.set(Some(c)),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let replace = move |_| {
        let Some(c) = checked.get_untracked() else { return };
        confirming.set(false);
        busy.set(true);
        spawn_local(async move {
            let store = state.store();
            let result = store.replace_all(&c.backup.stores, &|done, total| progress.set(Some((done, total)))).await;
            progress.set(None);
            match result {
                Ok(()) => {
                    if let Err(e) = state.load().await {
                        state.toast(ToastKind::Error, state.error_text(&e));
                    }
                    let n = c.backup.header.records(Kind::Customer);
                    state.toast(ToastKind::Done, i.t_untracked(Msg::RestoreDone).replace("{n}", &n.to_string()));
                    picked.set(None);
                    checked.set(None);
                }
                Err(e) => error.set(Some(state.error_text(&e))),
            }
            busy.set(false);
        });
    };

    // Work out the merge; the review shows what it takes and what conflicts.
    let start_merge = move |_| {
        let Some(c) = checked.get_untracked() else { return };
        confirming.set(false);
        match merge::merge(&c.current, &c.backup.stores) {
            Ok(m) => merging.set(Some(Rc::new(m))),
            Err(e) => error.set(Some(i.t_untracked(Msg::MergeUnreadable).replace("{name}", &e))),
        }
    };
    let header_view = move || {
        picked.get().map(|p| {
            let h = p.header.clone();
            let encrypted = h.is_encrypted();
            // The file's first line: its format and version.
            let magic = String::from_utf8_lossy(p.bytes.split(|&b| b == b'\n').next().unwrap_or_default()).trim().to_string();
            view! {
                <dl class="kv-grid backup-header">
                    <div class="kv"><dt>{i.text(Msg::BackupFile)}</dt><dd>{p.name.clone()}</dd></div>
                    <div class="kv"><dt>{i.text(Msg::WrittenAt)}</dt><dd>{platform::format_time(h.created_at)}</dd></div>
                    <div class="kv"><dt>{i.text(Msg::WrittenBy)}</dt><dd>{format!("Dossier {}", h.app)}</dd></div>
                    <div class="kv"><dt>{i.text(Msg::BackupFormat)}</dt><dd>{move || i.t(Msg::BackupFormatValue).replace("{name}", &magic).replace("{n}", &h.schema.to_string())}</dd></div>
                    <div class="kv"><dt>{i.text(Msg::Encrypted)}</dt><dd>{move || i.t(if encrypted { Msg::Yes } else { Msg::No })}</dd></div>
                </dl>
                <form class="form-grid" on:submit=open>
                    {encrypted.then(|| view! {
                        <div class="field">
                            <label for="restore-pass">{i.text(Msg::Passphrase)}</label>
                            <input id="restore-pass" type="password" autocomplete="off" prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
                        </div>
                    })}
                    <div class="actions wide">
                        <button class="btn" type="submit" disabled=move || busy.get()>{i.text(Msg::OpenBackup)}</button>
                    </div>
                </form>
            }
        })
    };
    let diff_view = move || {
        checked.get().map(|c| {
            let rows = c
                .diff
                .iter()
                .map(|d| {
                    let kind = d.kind;
                    view! {
                        <tr>
                            <th scope="row">{move || i.label(kind)}</th>
                            <td class="right">{d.incoming}</td>
                            <td class="right">{d.current}</td>
                            <td class="right">{d.added}</td>
                            <td class="right">{d.changed}</td>
                            <td class="right">{d.removed}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="table restore-diff">
                    <thead><tr>
                        <th scope="col">{i.text(Msg::StoreCol)}</th>
                        <th scope="col" class="right">{i.text(Msg::InBackup)}</th>
                        <th scope="col" class="right">{i.text(Msg::InArchive)}</th>
                        <th scope="col" class="right">{i.text(Msg::Added)}</th>
                        <th scope="col" class="right">{i.text(Msg::Changed)}</th>
                        <th scope="col" class="right">{i.text(Msg::Removed)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <Show when=move || merging.with(Option::is_some)>
                    {move || merging.get().zip(checked.get()).map(|(m, c)| view! { <MergeReview merged=m incoming=c.backup on_done=Callback::new(move |_| { merging.set(None); picked.set(None); checked.set(None); })/> })}
                </Show>
                <div class="actions" class:hidden=move || merging.with(Option::is_some)>
                    <button class="btn" disabled=move || busy.get() on:click=start_merge>{i.text(Msg::MergeIn)}</button>
                    <Show when=move || confirming.get() fallback=move || view! {
                        <button class="btn danger" disabled=move || busy.get() on:click=move |_| confirming.set(true)>{i.text(Msg::ReplaceAll)}</button>
                    }>
                        <p class="confirm" role="alert">{i.text(Msg::ReplaceConfirm)}</p>
                        <button class="btn danger" on:click=replace>{i.text(Msg::Yes)}</button>
                        <button class="btn" on:click=move |_| confirming.set(false)>{i.text(Msg::Cancel)}</button>
                    </Show>
                </div>
            }
        })
    };
    view! {
        <section class="card-section" aria-labelledby="restore-title">
            <h3 id="restore-title">{i.text(Msg::RestoreTitle)}</h3>
            <p>{i.text(Msg::RestoreExplain)}</p>
            <div class="field">
                <label for="restore-file">{i.text(Msg::BackupFile)}</label>
                <input id="restore-file" type="file" accept=".dossier" disabled=move || busy.get() on:change=on_pick/>
            </div>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            {header_view}
            {diff_view}
            <ProgressLine progress=progress label=Msg::Restoring/>
        </section>
    }
}
