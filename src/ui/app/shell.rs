//! The layout around every page: navigation, the demo banner, who am I,
//! language, notifications.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::app_root::seed_demo;
use super::backup_reminder::BackupReminder;
use super::route::route_signal;
use super::{prefs, AppState, Route, ToastKind};
use crate::i18n::{Locale, Msg};
use crate::storage::Store;
use super::pages;
use crate::ui::customers::CustomerListPage;

#[component]
fn NavLink(route: Route, label: Msg, #[prop(into)] active: Signal<bool>, #[prop(optional, into)] badge: Signal<Option<usize>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <a href=route.href() class="nav-link" class:active=move || active.get() aria-current=move || active.get().then_some("page")>
            <span>{state.i18n.text(label)}</span>
            {move || badge.get().filter(|n| *n > 0).map(|n| view! { <span class="badge">{n}</span> })}
        </a>
    }
}

/// Reset the demo archive to its sample data.
fn reset_demo(state: AppState) {
    spawn_local(async move {
        let store = state.store();
        let result = async {
            store.clear_all().await?;
            seed_demo(&state).await?;
            state.load().await
        }
        .await;
        match result {
            Ok(()) => state.toast(ToastKind::Done, state.i18n.t_untracked(Msg::DemoResetDone)),
            Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
        }
    });
}

/// Switch between the real and the demo archive (reloads the page).
pub fn switch_archive(demo: bool) {
    prefs::set_demo(demo);
    let location = window().location();
    let _ = location.set_hash(&Route::Customers.href());
    let _ = location.reload();
}

#[component]
fn DemoBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    view! {
        <div class="demo-banner" role="note">
            <strong>"DEMO"</strong>
            <span>{i.text(Msg::DemoBanner)}</span>
            <button class="btn small" disabled=move || !state.ready.get() on:click=move |_| reset_demo(state)>{i.text(Msg::ResetDemo)}</button>
            <button class="btn small" on:click=move |_| switch_archive(false)>{i.text(Msg::LeaveDemo)}</button>
        </div>
    }
}

#[component]
fn WhoAmI() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    view! {
        <label class="topbar-field">
            <span>{i.text(Msg::WhoAmI)}</span>
            <select
                prop:value=move || state.me.get().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.set_me(Some(v).filter(|v| !v.is_empty()));
                }
            >
                <option value="" selected=move || state.me.get().is_none()>{i.text(Msg::NobodySelected)}</option>
                {move || state.staff.get().into_iter().filter(|s| s.active).map(|s| {
                    let text = format!("{} · {}", s.name, i.label(s.role));
                    let id = s.id.clone();
                    view! { <option value=s.id.clone() selected=move || state.me.get().as_deref() == Some(id.as_str())>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    view! {
        <label class="topbar-field">
            <span>{i.text(Msg::Language)}</span>
            <select
                prop:value=move || i.locale.get().as_str()
                on:change=move |ev| if let Some(l) = Locale::parse(&event_target_value(&ev)) { i.set(l) }
            >
                {Locale::ALL.iter().map(|l| {
                    let l = *l;
                    view! { <option value=l.as_str() selected=move || i.locale.get() == l>{l.native_name()}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn Toasts() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="toasts" aria-live="polite">
            <For each=move || state.toasts.get() key=|t| t.id let:t>
                <div class="toast" class:error=t.kind == ToastKind::Error role=if t.kind == ToastKind::Error { "alert" } else { "status" }>
                    {t.text.clone()}
                </div>
            </For>
        </div>
    }
}

#[component]
pub fn Shell() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let route = route_signal();
    let is = move |f: fn(&Route) -> bool| Signal::derive(move || f(&route.get()));
    let stale = Memo::new(move |_| {
        let now = super::platform::now();
        let visible = state.visibility();
        state.index.with(|idx| {
            // Counted once the whole list is in.
            if !idx.is_complete() {
                return 0;
            }
            idx.stale(now, |r| visible(&r.visibility(), crate::domain::Scope::All)).count()
        })
    });
    // The page to show: the customer list at once (it fills in as the archive
    // opens), any other page once the archive is open.
    let shown = Memo::new(move |_| {
        let route = route.get();
        (state.ready.get() || route == Route::Customers).then_some(route)
    });
    // The list stays, hidden, under a customer's page opened from it (see
    // CustomerListPage): it is taken down when any other page is opened.
    let list_shown = Memo::new(move |_| shown.get() == Some(Route::Customers));
    let list_kept = Memo::new(move |kept: Option<&bool>| match shown.get() {
        Some(Route::Customers) => true,
        Some(Route::Customer(_)) => kept.copied().unwrap_or(false),
        _ => false,
    });
    // Once the whole list is in, fetch the other pages' code (pages.rs);
    // after a failure, again when the browser is back online.
    let complete = Memo::new(move |_| state.index.with(|idx| idx.is_complete()));
    let back_online = RwSignal::new(0u32);
    let online = window_event_listener(leptos::ev::online, move |_| back_online.update(|n| *n += 1));
    on_cleanup(move || online.remove());
    let preloading = StoredValue::new(false);
    let owner = Owner::current().expect("the shell has an owner");
    Effect::new(move |_| {
        back_online.track();
        if complete.get() && !preloading.get_value() {
            preloading.set_value(true);
            let owner = owner.clone();
            spawn_local(async move {
                if !pages::preload().await {
                    preloading.set_value(false);
                    return;
                }
                pages::rehearse(state, owner).await;
            });
        }
    });
    // Bumped by "Try again" on a page whose code could not be fetched.
    let attempt = RwSignal::new(0u32);
    let trash_count = RwSignal::new(0usize);
    Effect::new(move |_| {
        state.remote.track();
        state.trash_changes.track();
        if !state.ready.get() {
            return;
        }
        spawn_local(async move {
            if let Ok(n) = state.store().count(crate::domain::Kind::Trash).await {
                trash_count.set(n as usize);
            }
        });
    });
    // "/" jumps to the search box, from anywhere but a text field.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
            .unwrap_or(false);
        if ev.key() == "/" && !typing {
            if let Some(el) = document().get_element_by_id("customer-search").filter(|_| list_shown.get_untracked()) {
                ev.prevent_default();
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
            }
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <div class="layout" class:demo=move || state.demo.get()>
            <Show when=move || state.demo.get()>
                <DemoBanner/>
            </Show>
            <header class="topbar">
                <a class="brand" href="#/customers">"Dossier"</a>
                <div class="topbar-right">
                    <WhoAmI/>
                    <LanguageSwitch/>
                </div>
            </header>
            <nav class="sidebar" aria-label=i.text(Msg::Navigation)>
                <NavLink route=Route::Customers label=Msg::NavCustomers active=is(|r| matches!(r, Route::Customers | Route::Customer(_) | Route::EditCustomer(_) | Route::NewCustomer | Route::Import))/>
                <NavLink route=Route::Review label=Msg::NavReview active=is(|r| *r == Route::Review) badge=Signal::derive(move || Some(stale.get()))/>
                <NavLink route=Route::Work label=Msg::NavWork active=is(|r| *r == Route::Work)/>
                <NavLink route=Route::Service label=Msg::NavService active=is(|r| *r == Route::Service)/>
                <NavLink route=Route::Grades label=Msg::NavGrades active=is(|r| *r == Route::Grades)/>
                <NavLink route=Route::Analysis label=Msg::NavAnalysis active=is(|r| *r == Route::Analysis)/>
                <NavLink route=Route::Trash label=Msg::NavTrash active=is(|r| *r == Route::Trash) badge=Signal::derive(move || Some(trash_count.get()))/>
                <NavLink route=Route::Staff label=Msg::NavStaff active=is(|r| *r == Route::Staff)/>
                <NavLink route=Route::Settings label=Msg::NavSettings active=is(|r| *r == Route::Settings)/>
                <p class="sidebar-note">{i.text(Msg::WorkingViewNote)}</p>
            </nav>
            <main class="content">
                <BackupReminder/>
                <Show when=move || list_kept.get()>
                    <div class="kept-page" style:display=move || if list_shown.get() { "contents" } else { "none" }>
                        <CustomerListPage visible=list_shown/>
                    </div>
                </Show>
                {move || {
                    attempt.track();
                    match shown.get() {
                        None => view! { <div class="splash" role="status">{i.text(Msg::Opening)}</div> }.into_any(),
                        Some(Route::Customers) => ().into_any(),
                        Some(route) => view! {
                            <Suspense fallback=move || view! { <div class="splash" role="status">{i.text(Msg::PageLoading)}</div> }>
                                {Suspend::new(async move {
                                    match pages::page(route).await {
                                        Ok(page) => page,
                                        Err(pages::NotLoaded) => view! {
                                            <div class="notice error" role="alert">
                                                <p>{i.text(Msg::PageNotLoaded)}</p>
                                                <button class="btn" type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                                                    {i.text(Msg::PageTryAgain)}
                                                </button>
                                            </div>
                                        }
                                        .into_any(),
                                    }
                                })}
                            </Suspense>
                        }
                        .into_any(),
                    }
                }}
            </main>
            <Toasts/>
        </div>
    }
}
