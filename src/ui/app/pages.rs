//! The pages behind the customer list. In the release build (feature
//! `split`, built by `.ci/tools/build-wasm.sh`) `draw` is a split point: its
//! code, and all the code only it reaches (forms, import, backup, restore,
//! merge, printing), goes to a file of its own. The app fetches that file
//! once the list is in, or sooner when such a page is opened first, so the
//! download before the first rows is smaller and the app still works offline
//! afterwards. In debug builds and the wasm-bindgen tests it is a plain
//! function. The shell draws a page inside a `<Suspense>` for the load: a
//! page that reads a `Resource` would hide under its fallback while it
//! loads, so pages read the archive through their own signals instead.

use leptos::prelude::*;

use leptos::reactive::computed::ScopedFuture;

use super::{platform, AppState, Route};
use crate::domain::{ops, Customer};
use crate::storage::Store;
use crate::ui::customers::{CustomerForm, CustomerListPage, CustomerPage};
use crate::ui::analysis::AnalysisPage;
use crate::ui::grades::GradesPage;
use crate::ui::import::ImportPage;
use crate::ui::review::ReviewPage;
use crate::ui::service::{ServiceStatsPage, WorkPage};
use crate::ui::settings::SettingsPage;
use crate::ui::staff::StaffPage;
use crate::ui::trash::TrashPage;

/// The pages' file could not be fetched: the site is out of reach.
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(pages, wasm_split_path = ::leptos::wasm_split, preload(load), fallible)
)]
fn draw(route: Route) -> Result<AnyView, NotLoaded> {
    Ok(match route {
        Route::Customers => view! { <CustomerListPage/> }.into_any(),
        Route::NewCustomer => view! { <CustomerForm id=None/> }.into_any(),
        Route::EditCustomer(id) => view! { <CustomerForm id=Some(id)/> }.into_any(),
        Route::Customer(id) => view! { <CustomerPage id=id/> }.into_any(),
        Route::Import => view! { <ImportPage/> }.into_any(),
        Route::Review => view! { <ReviewPage/> }.into_any(),
        Route::Work => view! { <WorkPage/> }.into_any(),
        Route::Service => view! { <ServiceStatsPage/> }.into_any(),
        Route::Grades => view! { <GradesPage/> }.into_any(),
        Route::Analysis => view! { <AnalysisPage/> }.into_any(),
        Route::Trash => view! { <TrashPage/> }.into_any(),
        Route::Staff => view! { <StaffPage/> }.into_any(),
        Route::Settings => view! { <SettingsPage/> }.into_any(),
    })
}

/// The page for `route`, once its code is in.
pub async fn page(route: Route) -> Result<AnyView, NotLoaded> {
    #[cfg(feature = "split")]
    return draw(route).await;
    #[cfg(not(feature = "split"))]
    draw(route)
}

/// Fetches the pages' code ahead of need; false when it could not (a page
/// opened later tries again).
pub async fn preload() -> bool {
    #[cfg(feature = "split")]
    return load().await.is_ok();
    #[cfg(not(feature = "split"))]
    true
}

/// Draws one customer's page off screen, for the first customer in the list,
/// and drops it once the record shows. The browser compiles a page's code
/// the first time it runs, which made the first customer opened after
/// start-up take twice as long as the next (about 25 ms more at any size).
/// Run once the list is in and the pages' code fetched, this pays that
/// before anyone clicks. Then it writes a review of that customer in a
/// transaction it abandons, for a save's code. Nothing is stored.
pub async fn rehearse(state: AppState, owner: Owner) {
    let Some(id) = state.index.with_untracked(|idx| idx.get(0).map(|r| r.id().to_string())) else { return };
    let scope = owner.child();
    let Ok(view) = scope.with(|| ScopedFuture::new_untracked(page(Route::Customer(id.clone())))).await else { return };
    let holder = document().create_element("div").expect("a div");
    let mut drawn = scope.with(|| view.build());
    drawn.mount(&holder, None);
    // The record shows within a few frames; give up after about a second.
    for _ in 0..60 {
        if holder.query_selector(".customer-page h1").ok().flatten().is_some() {
            break;
        }
        platform::next_paint().await;
    }
    drop(drawn);
    scope.cleanup();
    // And a save's code, in a transaction that stores nothing.
    let store = state.store();
    if let Ok(Some(customer)) = store.get::<Customer>(&id).await {
        let (set, _) = state.run(|ctx| ops::mark_reviewed(ctx, &customer));
        store.rehearse(&set).await;
    }
}
