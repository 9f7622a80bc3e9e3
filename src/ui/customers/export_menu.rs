//! Export the customers the list shows (its filter and its order) to a CSV
//! file: the customers themselves, their contacts, or their communication log.

use leptos::prelude::*;
use leptos::task::spawn_local;
use rustc_hash::FxHashMap;

use crate::domain::{sorting, Contact, Customer, Interaction};
use crate::i18n::Msg;
use crate::io::csv::Writer;
use crate::io::files;
use crate::io::sheets::{self, Sheet};
use crate::storage::Store;
use crate::ui::app::{platform, AppState, ToastKind};
use crate::ui::common::ProgressLine;

/// Rows written between two looks at the page (progress drawn, input handled).
const CHUNK: usize = 2_000;

/// Records of one kind, grouped by the customer they belong to.
fn by_customer<T>(records: Vec<T>, customer: fn(&T) -> &str) -> FxHashMap<String, Vec<T>> {
    let mut map: FxHashMap<String, Vec<T>> = FxHashMap::default();
    for r in records {
        map.entry(customer(&r).to_string()).or_default().push(r);
    }
    map
}

/// Write `sheet` for the customers `ids` (in the list's order); answers the
/// file's name and how many rows it holds.
async fn export(state: AppState, sheet: Sheet, ids: Vec<String>, progress: RwSignal<Option<(usize, usize)>>) -> Result<(String, usize), String> {
    let l = state.i18n.locale.get_untracked();
    let store = state.store();
    let failed = |e| state.error_text(&e);
    progress.set(Some((0, ids.len())));
    let customers: FxHashMap<String, Customer> = store.all::<Customer>().await.map_err(failed)?.into_iter().map(|c| (c.id.clone(), c)).collect();
    let staff = |id: &str| state.staff_name(id);
    let mut contacts = if sheet == Sheet::Log { FxHashMap::default() } else { by_customer(store.all::<Contact>().await.map_err(failed)?, |c| &c.customer_id) };
    let mut log = if sheet == Sheet::Log { by_customer(store.all::<Interaction>().await.map_err(failed)?, |e| &e.customer_id) } else { FxHashMap::default() };
    let mut file = Writer::new(&sheets::headings(sheet, l));
    let mut rows = 0;
    for (n, id) in ids.iter().enumerate() {
        let Some(c) = customers.get(id) else { continue };
        match sheet {
            Sheet::Customers => {
                let own = contacts.get(id).map(Vec::as_slice).unwrap_or_default();
                let primary = own.iter().find(|p| p.primary).or(own.first());
                file.row(&sheets::customer_row(c, primary, &staff, l));
                rows += 1;
            }
            Sheet::Contacts => {
                let mut own = contacts.remove(id).unwrap_or_default();
                // As the customer's page lists them: the primary contact first.
                sorting::sort_by(&mut own, Contact::list_order);
                for p in &own {
                    file.row(&sheets::contact_row(&c.name, p, l));
                }
                rows += own.len();
            }
            Sheet::Log => {
                let mut own = log.remove(id).unwrap_or_default();
                // As the customer's page lists them: the latest first.
                sorting::sort_by(&mut own, Interaction::latest_first);
                for e in &own {
                    file.row(&sheets::log_row(&c.name, e, &staff, l));
                }
                rows += own.len();
            }
        }
        if n % CHUNK == CHUNK - 1 {
            progress.set(Some((n + 1, ids.len())));
            platform::next_paint().await;
        }
    }
    let stamp = platform::format_time(platform::now()).replace([' ', ':'], "-");
    let name = format!("dossier-{}-{stamp}.csv", sheet.as_str());
    files::download(file.finish().as_bytes(), &name, "text/csv;charset=utf-8").map_err(|e| state.i18n.t_untracked(Msg::DownloadFailed).replace("{name}", &e))?;
    Ok((name, rows))
}

#[component]
pub fn ExportMenu(
    /// Ids of the customers the list shows, in its order; asked for when an export starts.
    shown: Callback<(), Vec<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let progress = RwSignal::new(None::<(usize, usize)>);
    let menu = NodeRef::<leptos::html::Details>::new();
    let start = move |sheet: Sheet| {
        if progress.get_untracked().is_some() || !state.ready.get_untracked() {
            return;
        }
        if let Some(m) = menu.get_untracked() {
            m.set_open(false);
        }
        let ids = shown.run(());
        spawn_local(async move {
            let done = export(state, sheet, ids, progress).await;
            progress.set(None);
            match done {
                Ok((name, rows)) => state.toast(ToastKind::Done, i.t_untracked(Msg::Exported).replace("{name}", &name).replace("{n}", &rows.to_string())),
                Err(e) => state.toast(ToastKind::Error, e),
            }
        });
    };
    let item = move |sheet: Sheet, label: Msg| {
        view! { <button type="button" class="menu-item" on:click=move |_| start(sheet)>{i.text(label)}</button> }
    };
    view! {
        <details class="menu" node_ref=menu on:keydown=move |ev| if ev.key() == "Escape" { if let Some(m) = menu.get_untracked() { m.set_open(false) } }>
            <summary class="btn" class:disabled=move || !state.ready.get() || progress.get().is_some()>{i.text(Msg::Export)}</summary>
            <div class="menu-list">
                {item(Sheet::Customers, Msg::NavCustomers)}
                {item(Sheet::Contacts, Msg::TabContacts)}
                {item(Sheet::Log, Msg::TabLog)}
            </div>
        </details>
        <ProgressLine progress=progress label=Msg::Exporting/>
    }
}
