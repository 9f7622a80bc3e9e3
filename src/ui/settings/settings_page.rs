//! Settings: the language, storage used and available, persistence, and the
//! demo archive.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::Msg;
use crate::storage::browser;
use crate::ui::app::AppState;

fn megabytes(bytes: f64) -> String {
    if bytes >= 1e9 {
        format!("{:.1} GB", bytes / 1e9)
    } else {
        format!("{:.1} MB", bytes / 1e6)
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let usage = RwSignal::new(None::<(f64, f64)>);
    let persisted = RwSignal::new(None::<bool>);
    spawn_local(async move {
        usage.set(browser::estimate().await);
        persisted.set(Some(browser::request_persistence().await));
    });
    view! {
        <section class="page settings">
            <div class="page-head"><h1>{move || i.t(Msg::NavSettings)}</h1></div>
            <section class="card-section">
                <h3>{move || i.t(Msg::Storage)}</h3>
                <dl class="kv-grid">
                    <div class="kv"><dt>{move || i.t(Msg::StorageUsed)}</dt><dd>{move || usage.get().map(|(u, _)| megabytes(u)).unwrap_or_else(|| "—".into())}</dd></div>
                    <div class="kv"><dt>{move || i.t(Msg::StorageAvailable)}</dt><dd>{move || usage.get().map(|(u, q)| megabytes((q - u).max(0.0))).unwrap_or_else(|| "—".into())}</dd></div>
                    <div class="kv"><dt>{move || i.t(Msg::Persistent)}</dt><dd>{move || match persisted.get() {
                        Some(true) => i.t(Msg::PersistentYes),
                        Some(false) => i.t(Msg::PersistentNo),
                        None => "—",
                    }}</dd></div>
                </dl>
                {move || usage.get().map(|(u, q)| {
                    let pct = if q > 0.0 { (u / q * 100.0).min(100.0) } else { 0.0 };
                    view! { <div class="meter" role="meter" aria-valuenow=format!("{pct:.1}") aria-valuemin="0" aria-valuemax="100" aria-label=move || i.t(Msg::StorageUsed)><span style=format!("width: {pct:.2}%")></span></div> }
                })}
                <p class="muted">{move || i.t(Msg::StorageNote)}</p>
            </section>
            <section class="card-section">
                <h3>{move || i.t(Msg::DemoArchive)}</h3>
                <p>{move || i.t(Msg::DemoExplain)}</p>
                <div class="actions">
                    <Show when=move || state.demo.get() fallback=|| view! {
                        <button class="btn" on:click=move |_| crate::ui::app::switch_archive(true)>{move || expect_context::<AppState>().i18n.t(Msg::OpenDemo)}</button>
                    }>
                        <button class="btn" on:click=move |_| crate::ui::app::switch_archive(false)>{move || i.t(Msg::LeaveDemo)}</button>
                    </Show>
                </div>
            </section>
            <section class="card-section">
                <h3>{move || i.t(Msg::About)}</h3>
                <p>{move || i.t(Msg::WorkingViewNote)}</p>
                <p class="muted">{concat!("Dossier ", env!("CARGO_PKG_VERSION"))}</p>
            </section>
        </section>
    }
}
