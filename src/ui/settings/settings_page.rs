//! Settings: storage used and available, persistence, the classification
//! lists, backup and restore, and the demo archive.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::Msg;
use crate::storage::browser;
use super::{BackupPanel, ClassificationPanel, RestorePanel};
use crate::ui::app::AppState;
use crate::ui::service::{CalendarPanel, ComplaintRulesPanel, VisitPlanPanel};

/// Bytes as megabytes or gigabytes with one decimal, in integer arithmetic
/// (float formatting would add to the download).
fn megabytes(bytes: f64) -> String {
    let (unit, size) = if bytes >= 1e9 { ("GB", 1e9) } else { ("MB", 1e6) };
    let tenths = (bytes / size * 10.0).round() as u64;
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
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
            <div class="page-head"><h1>{i.text(Msg::NavSettings)}</h1></div>
            <section class="card-section">
                <h3>{i.text(Msg::Storage)}</h3>
                <dl class="kv-grid">
                    <div class="kv"><dt>{i.text(Msg::StorageUsed)}</dt><dd>{move || usage.get().map(|(u, _)| megabytes(u)).unwrap_or_else(|| "—".into())}</dd></div>
                    <div class="kv"><dt>{i.text(Msg::StorageAvailable)}</dt><dd>{move || usage.get().map(|(u, q)| megabytes((q - u).max(0.0))).unwrap_or_else(|| "—".into())}</dd></div>
                    <div class="kv"><dt>{i.text(Msg::Persistent)}</dt><dd>{move || match persisted.get() {
                        Some(true) => i.t(Msg::PersistentYes),
                        Some(false) => i.t(Msg::PersistentNo),
                        None => "—",
                    }}</dd></div>
                </dl>
                {move || usage.get().map(|(u, q)| {
                    // Hundredths of a percent, formatted as integers (no float formatting in the bundle).
                    let bp = if q > 0.0 { (u / q * 10_000.0).round().clamp(0.0, 10_000.0) as u32 } else { 0 };
                    view! { <div class="meter" role="meter" aria-valuenow=format!("{}.{}", bp / 100, bp % 100 / 10) aria-valuemin="0" aria-valuemax="100" aria-label=i.text(Msg::StorageUsed)><span style=format!("width: {}.{:02}%", bp / 100, bp % 100)></span></div> }
                })}
                <p class="muted">{i.text(Msg::StorageNote)}</p>
            </section>
            <ClassificationPanel/>
            <CalendarPanel/>
            <ComplaintRulesPanel/>
            <VisitPlanPanel/>
            <BackupPanel/>
            <RestorePanel/>
            <section class="card-section">
                <h3>{i.text(Msg::DemoArchive)}</h3>
                <p>{i.text(Msg::DemoExplain)}</p>
                <div class="actions">
                    <Show when=move || state.demo.get() fallback=|| view! {
                        <button class="btn" on:click=move |_| crate::ui::app::switch_archive(true)>{move || expect_context::<AppState>().i18n.t(Msg::OpenDemo)}</button>
                    }>
                        <button class="btn" on:click=move |_| crate::ui::app::switch_archive(false)>{i.text(Msg::LeaveDemo)}</button>
                    </Show>
                </div>
            </section>
            <section class="card-section">
                <h3>{i.text(Msg::About)}</h3>
                <p>{i.text(Msg::WorkingViewNote)}</p>
                <p class="muted">{concat!("Dossier ", env!("CARGO_PKG_VERSION"))}</p>
            </section>
        </section>
    }
}
