//! Hash routes (`#/customers/…`), so the app works from any static host and
//! under any sub-path without server rewrites.

use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Customers,
    NewCustomer,
    /// Customers from a spreadsheet.
    Import,
    Customer(String),
    EditCustomer(String),
    Review,
    /// The current user's complaints to act on, and calls and visits due.
    Work,
    /// Complaint and follow-up statistics.
    Service,
    Grades,
    Analysis,
    Trash,
    Staff,
    Settings,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["customers", "new"] => Route::NewCustomer,
            ["customers", "import"] => Route::Import,
            ["customers", id] => Route::Customer(id.to_string()),
            ["customers", id, "edit"] => Route::EditCustomer(id.to_string()),
            ["review"] => Route::Review,
            ["work"] => Route::Work,
            ["service"] => Route::Service,
            ["grades"] => Route::Grades,
            ["analysis"] => Route::Analysis,
            ["trash"] => Route::Trash,
            ["staff"] => Route::Staff,
            ["settings"] => Route::Settings,
            _ => Route::Customers,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Customers => "#/customers".into(),
            Route::NewCustomer => "#/customers/new".into(),
            Route::Import => "#/customers/import".into(),
            Route::Customer(id) => format!("#/customers/{id}"),
            Route::EditCustomer(id) => format!("#/customers/{id}/edit"),
            Route::Review => "#/review".into(),
            Route::Work => "#/work".into(),
            Route::Service => "#/service".into(),
            Route::Grades => "#/grades".into(),
            Route::Analysis => "#/analysis".into(),
            Route::Trash => "#/trash".into(),
            Route::Staff => "#/staff".into(),
            Route::Settings => "#/settings".into(),
        }
    }
}

fn current() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// The current route, following the address bar.
pub fn route_signal() -> ReadSignal<Route> {
    let (route, set_route) = signal(current());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| set_route.set(current()));
    on_cleanup(move || handle.remove());
    route
}

pub fn navigate(route: Route) {
    let _ = window().location().set_hash(&route.href());
}
