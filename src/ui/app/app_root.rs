//! Start-up: open the archive (real or demo), load the list, purge expired
//! trash, ask for persistent storage, then show the shell.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::shell::Shell;
use super::{platform, prefs, AppState, I18n};
use crate::domain::{demo, ops, Kind, TrashEntry};
use crate::i18n::Msg;
use crate::storage::idb::IdbStore;
use crate::storage::{browser, Store, StoreError};

/// Fill an empty demo archive with the sample agency.
pub async fn seed_demo(state: &AppState) -> Result<(), StoreError> {
    let archive = demo::sample_agency(platform::now());
    state.store().apply(&demo::changeset(&archive)).await.map(|_| ())
}

/// Open the archive and read what the first screen needs.
async fn start(state: AppState) -> Result<(), StoreError> {
    let store = Rc::new(IdbStore::open(state.db_name()).await?);
    state.set_store(store.clone());
    platform::mark("dossier:opened");
    if state.demo.get_untracked() && store.count(Kind::Customer).await? == 0 {
        seed_demo(&state).await?;
    }
    store.on_remote_change(move |a| spawn_local(async move { state.on_remote(a).await }));
    state.load_first_screen().await
}

/// Once the app shows: the whole list, then housekeeping. Failures here are
/// reported and leave the archive open.
async fn settle(state: AppState) {
    if let Err(e) = state.load_rest().await {
        state.toast(super::ToastKind::Error, state.error_text(&e));
    }
    let store = state.store();
    // Purge what has been in the trash for more than 30 days.
    let purged: Result<(), StoreError> = async {
        let trash = store.all::<TrashEntry>().await?;
        let expired = ops::expired(&trash, platform::now());
        if !expired.is_empty() {
            store.apply(&ops::purge(expired)).await?;
            state.trash_changes.update(|n| *n += 1);
        }
        Ok(())
    }
    .await;
    if let Err(e) = purged {
        state.toast(super::ToastKind::Error, state.error_text(&e));
    }
    browser::request_persistence().await;
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::new();
    i18n.set(i18n.locale.get_untracked());
    let state = AppState::new(i18n, prefs::demo());
    provide_context(state);
    provide_context(i18n);
    state.show_first_screen_copy();
    state.keep_first_screen_copy();
    // Why the archive could not be opened, if it could not.
    let failed = RwSignal::new(None::<String>);
    spawn_local(async move {
        match start(state).await {
            Ok(()) => {
                state.ready.set(true);
                platform::mark("dossier:first-screen");
                settle(state).await;
            }
            Err(e) => failed.set(Some(state.error_text(&e))),
        }
    });
    // The layout and the list draw while the archive opens, so that only the
    // rows are left to draw when it is open.
    move || match failed.get() {
        Some(text) => view! {
            <div class="splash error" role="alert">
                <h1>{i18n.text(Msg::OpenFailed)}</h1>
                <p>{text}</p>
            </div>
        }
        .into_any(),
        None => view! { <Shell/> }.into_any(),
    }
}
