//! The monthly backup reminder (每月1日备份): above every page on the 1st of
//! the month and whenever the last backup is over 31 days old, until the
//! user backs up or puts it off for the day. Not in the demo archive.

use leptos::prelude::*;

use super::{platform, prefs, AppState, Route};
use crate::domain::ops::local_date;
use crate::domain::reminder::backup_due;
use crate::i18n::Msg;

#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let put_off = RwSignal::new(prefs::backup_put_off(state.db_name()));
    let due = move || {
        let last = state.last_backup.get().map(|t| local_date(t, platform::offset_minutes()));
        state.ready.get() && !state.demo.get() && !state.index.with(|x| x.is_empty()) && backup_due(platform::today(), last, put_off.get())
    };
    let later = move |_| {
        let today = platform::today();
        prefs::set_backup_put_off(state.db_name(), today);
        put_off.set(Some(today));
    };
    view! {
        <Show when=due>
            <div class="notice warn backup-due" role="status">
                <span>{i.text(Msg::BackupDue)}</span>
                <a class="btn small primary" href=Route::Settings.href()>{i.text(Msg::BackupNow)}</a>
                <button class="btn small" on:click=later>{i.text(Msg::Later)}</button>
            </div>
        </Show>
    }
}
