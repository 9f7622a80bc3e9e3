//! Back the archive up to a file, sealed with a passphrase if one is given.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{self, Msg};
use crate::io::backup;
use crate::io::files;
use crate::io::webcrypto::WebCrypto;
use crate::storage::schema;
use crate::ui::app::{platform, prefs, AppState, ToastKind};
use crate::ui::common::ProgressLine;

/// Read every store and write the backup file; answers the file's name.
/// `step` shows how far it got: stores read, out of stores and the writing.
async fn back_up(state: AppState, passphrase: Option<String>, step: RwSignal<Option<(usize, usize)>>) -> Result<String, String> {
    let l = state.i18n.locale.get_untracked();
    let stores = backup::snapshot(&*state.store(), |n, kinds| step.set(Some((n, kinds + 1)))).await.map_err(|e| state.error_text(&e))?;
    step.set(Some((stores.len(), stores.len() + 1)));
    let crypto = WebCrypto::new().map_err(|e| i18n::backup_error(l, &e.into()))?;
    let now = platform::now();
    let file = backup::write(&crypto, &stores, schema::VERSION, now, passphrase.as_deref()).await.map_err(|e| i18n::backup_error(l, &e))?;
    let stamp = platform::format_time(now).replace([' ', ':'], "-");
    let name = format!("{}-{stamp}.dossier", if state.demo.get_untracked() { "dossier-demo-backup" } else { "dossier-backup" });
    files::download(&file, &name, "application/octet-stream").map_err(|e| state.i18n.t_untracked(Msg::DownloadFailed).replace("{name}", &e))?;
    prefs::set_last_backup(state.db_name(), now);
    state.last_backup.set(Some(now));
    Ok(name)
}

#[component]
pub fn BackupPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let last = state.last_backup;
    let i = state.i18n;
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let step = RwSignal::new(None::<(usize, usize)>);
    let mismatch = move || pass.with(|p| !p.is_empty()) && pass.get() != again.get();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if mismatch() || step.get_untracked().is_some() {
            return;
        }
        let passphrase = Some(pass.get_untracked()).filter(|p| !p.is_empty());
        spawn_local(async move {
            let done = back_up(state, passphrase, step).await;
            step.set(None);
            match done {
                Ok(name) => {
                    pass.set(String::new());
                    again.set(String::new());
                    state.toast(ToastKind::Done, i.t_untracked(Msg::BackupSaved).replace("{name}", &name));
                }
                Err(e) => state.toast(ToastKind::Error, e),
            }
        });
    };
    view! {
        <section class="card-section" aria-labelledby="backup-title">
            <h3 id="backup-title">{i.text(Msg::BackupTitle)}</h3>
            <p>{i.text(Msg::BackupExplain)}</p>
            <dl class="kv-grid">
                <div class="kv"><dt>{i.text(Msg::LastBackup)}</dt><dd class="last-backup">{move || last.get().map(platform::format_time).unwrap_or_else(|| i.t(Msg::Never).to_string())}</dd></div>
            </dl>
            <form class="form-grid backup-form" on:submit=start>
                <div class="field">
                    <label for="backup-pass">{i.text(Msg::Passphrase)}</label>
                    <input id="backup-pass" type="password" autocomplete="new-password" prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
                </div>
                <Show when=move || pass.with(|p| !p.is_empty())>
                    <div class="field" class:invalid=mismatch>
                        <label for="backup-again">{i.text(Msg::PassphraseAgain)}</label>
                        <input id="backup-again" type="password" autocomplete="new-password" aria-invalid=move || mismatch().to_string()
                            prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
                        {move || mismatch().then(|| view! { <p class="field-error" role="alert">{i.text(Msg::PassphraseMismatch)}</p> })}
                    </div>
                    <p class="muted wide">{i.text(Msg::PassphraseNote)}</p>
                </Show>
                <div class="actions wide">
                    <button class="btn primary" type="submit" disabled=move || !state.ready.get() || step.get().is_some()>{i.text(Msg::BackupNow)}</button>
                    <ProgressLine progress=step label=Msg::BackingUp/>
                </div>
            </form>
        </section>
    }
}
