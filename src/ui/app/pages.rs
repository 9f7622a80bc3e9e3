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

use super::Route;
use crate::ui::customers::{CustomerForm, CustomerListPage, CustomerPage};
use crate::ui::analysis::AnalysisPage;
use crate::ui::grades::GradesPage;
use crate::ui::import::ImportPage;
use crate::ui::review::ReviewPage;
use crate::ui::service::WorkPage;
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
