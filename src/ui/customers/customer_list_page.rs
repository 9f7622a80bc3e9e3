//! The customer list: search as you type, filters, sorting, and a windowed
//! body that renders only the rows in view, so 100,000 customers scroll as
//! smoothly as 100.

use std::collections::HashMap;

use leptos::html;
use leptos::prelude::*;

use crate::domain::search::{ListQuery, OwnerFilter, SortKey};
use crate::domain::staff::{departments, Viewer};
use crate::domain::{Confidentiality, CustomerKind, CustomerRow, Scope, Staff, Status};
use crate::i18n::Msg;
use crate::ui::app::{navigate, platform, AppState, Route};
use super::export_menu::ExportMenu;
use super::print_list::PrintList;
use crate::ui::common::{InputKind, SelectField, TextField};

const ROW_HEIGHT: f64 = 36.0;
const OVERSCAN: usize = 8;

fn options<T: Copy + Send + Sync + crate::i18n::Label + 'static>(state: AppState, all: &'static [T], key: fn(T) -> &'static str) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let i = state.i18n;
        std::iter::once((String::new(), i.t(Msg::All).to_string()))
            .chain(all.iter().map(|v| (key(*v).to_string(), i.label(*v).to_string())))
            .collect()
    })
}

/// The row's credit flag today, if any: overdue first, else over its limit.
fn flag(r: &CustomerRow) -> Option<(&'static str, Msg)> {
    let s = r.standing.as_deref()?;
    let today = platform::today();
    if s.overdue(today) {
        Some(("overdue", Msg::FlagOverdue))
    } else if s.over_limit(today) {
        Some(("over-limit", Msg::FlagOverLimit))
    } else {
        None
    }
}

#[component]
fn Filters(visible: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let q = state.list_query;
    let initial = q.get_untracked();
    let text = RwSignal::new(initial.text.clone());
    let status = RwSignal::new(initial.status.map(|s| s.as_str().to_string()).unwrap_or_default());
    let kind = RwSignal::new(initial.kind.map(|s| s.as_str().to_string()).unwrap_or_default());
    let conf = RwSignal::new(initial.confidentiality.map(|s| s.as_str().to_string()).unwrap_or_default());
    let owner = RwSignal::new(match &initial.owner {
        OwnerFilter::Any => String::new(),
        OwnerFilter::Unassigned => "-".into(),
        OwnerFilter::Staff(id) => id.clone(),
    });
    let industry = RwSignal::new(initial.industry.clone().unwrap_or_default());
    let region = RwSignal::new(initial.region.clone().unwrap_or_default());
    let scope = RwSignal::new(initial.scope.as_str().to_string());
    // "-" for customers not graded.
    let grade = RwSignal::new(initial.grade.clone().map(|g| if g.is_empty() { "-".to_string() } else { g }).unwrap_or_default());
    let attention = RwSignal::new(if initial.attention_on.is_some() { "attention".to_string() } else { String::new() });
    // The key accounts of the grading period, worked out from every
    // transaction when the filter is chosen, and again after a transaction
    // changes them (AppState::key_accounts).
    let key_only = RwSignal::new(if initial.among.is_some() { "key".to_string() } else { String::new() });
    Effect::new(move |_| {
        if key_only.get() == "key" && state.key_accounts.with(Option::is_none) {
            state.want_key_accounts();
        }
    });
    Effect::new(move |_| {
        let scopes = state.scopes();
        let chosen = Scope::parse(&scope.get()).filter(|s| scopes.contains(s)).unwrap_or(scopes[0]);
        let owner_filter = match owner.get().as_str() {
            "" => OwnerFilter::Any,
            "-" => OwnerFilter::Unassigned,
            id => OwnerFilter::Staff(id.to_string()),
        };
        let non_empty = |s: String| Some(s).filter(|s| !s.is_empty());
        let mut next = q.get_untracked();
        next.text = text.get();
        next.status = Status::parse(&status.get());
        next.kind = CustomerKind::parse(&kind.get());
        next.confidentiality = Confidentiality::parse(&conf.get());
        next.owner = owner_filter;
        next.industry = non_empty(industry.get());
        next.region = non_empty(region.get());
        next.scope = chosen;
        next.grade = match grade.get().as_str() {
            "" => None,
            "-" => Some(String::new()),
            id => Some(id.to_string()),
        };
        next.attention_on = (attention.get() == "attention").then(platform::today);
        // While the key accounts are worked out again, the last set stands.
        next.among = if key_only.get() == "key" { state.key_accounts.get().or_else(|| q.with_untracked(|q| q.among.clone())) } else { None };
        // A staff change that leaves the query as it was must not send the list to the top.
        if next != q.get_untracked() {
            q.set(next);
        }
    });
    // Every industry (region) in the archive: a pass over every row, so not
    // while the list is hidden.
    let values = move |col: fn(&CustomerRow) -> &str| {
        Signal::from(Memo::new(move |last: Option<&Vec<(String, String)>>| {
            if let Some(last) = last.filter(|_| !visible.get()) {
                return last.clone();
            }
            std::iter::once((String::new(), i.t(Msg::All).to_string()))
                .chain(state.index.with(|idx| idx.values(col)).into_iter().map(|v| (v.clone(), v)))
                .collect::<Vec<_>>()
        }))
    };
    let owners = Signal::derive(move || {
        let mut v = vec![(String::new(), i.t(Msg::All).to_string()), ("-".to_string(), i.t(Msg::Unassigned).to_string())];
        v.extend(state.staff.get().into_iter().map(|s| (s.id, s.name)));
        v
    });
    let scopes = Signal::derive(move || state.scopes().into_iter().map(|s| (s.as_str().to_string(), i.label(s).to_string())).collect::<Vec<_>>());
    let grades = Signal::derive(move || state.grade_filter_options());
    let credit = Signal::derive(move || vec![(String::new(), i.t(Msg::All).to_string()), ("attention".to_string(), i.t(Msg::NeedsAttention).to_string())]);
    let key_options = Signal::derive(move || vec![(String::new(), i.t(Msg::All).to_string()), ("key".to_string(), i.t(Msg::KeyAccounts).to_string())]);
    view! {
        <div class="filters">
            <div class="search">
                <TextField label=i.sig(Msg::Search) value=text kind=InputKind::Search id="customer-search"/>
            </div>
            <SelectField label=i.sig(Msg::Scope) value=scope options=scopes/>
            <SelectField label=i.sig(Msg::Status) value=status options=options(state, Status::ALL, Status::as_str)/>
            <SelectField label=i.sig(Msg::Kind) value=kind options=options(state, CustomerKind::ALL, CustomerKind::as_str)/>
            <SelectField label=i.sig(Msg::Owner) value=owner options=owners/>
            <SelectField label=i.sig(Msg::Industry) value=industry options=values(CustomerRow::industry)/>
            <SelectField label=i.sig(Msg::Region) value=region options=values(CustomerRow::region)/>
            <SelectField label=i.sig(Msg::Confidentiality) value=conf options=options(state, Confidentiality::ALL, Confidentiality::as_str)/>
            <SelectField label=i.sig(Msg::Grade) value=grade options=grades/>
            <SelectField label=i.sig(Msg::Credit) value=attention options=credit/>
            <SelectField label=i.sig(Msg::KeyAccountsFilter) value=key_only options=key_options/>
        </div>
    }
}

#[component]
fn SortHeader(key: SortKey, label: Msg) -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = state.list_query;
    let active = move || q.with(|q| q.sort == key);
    let arrow = move || if !active() { "" } else if q.with(|q| q.descending) { " ▼" } else { " ▲" };
    view! {
        <span role="columnheader" class="cell" aria-sort=move || if !active() { "none" } else if q.with(|q| q.descending) { "descending" } else { "ascending" }>
            <button class="sort" on:click=move |_| q.update(|q| {
                if q.sort == key { q.descending = !q.descending } else { q.sort = key; q.descending = false }
            })>{state.i18n.text(label)}{arrow}</button>
        </span>
    }
}

/// The list. The shell keeps it, hidden (`visible` false), under a customer's
/// page opened from it, so that opening a customer does not pay for taking
/// the list down, and Back finds it as it was left, scrolled where it was.
/// While hidden it follows no change to the archive: what a pass over every
/// row works out (the hits, the filters' values) keeps its last value and is
/// worked out again once the list is shown.
#[component]
pub fn CustomerListPage(#[prop(into, default = Signal::stored(true))] visible: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    // What the last hits were found with: while only the search text grows
    // (someone typing), the next hits are picked out of the last ones.
    let found_with = StoredValue::new(None::<(ListQuery, u64, Vec<Staff>, Option<String>)>);
    let hits = Memo::new(move |last: Option<&Vec<usize>>| {
        if let Some(last) = last.filter(|_| !visible.get()) {
            return last.clone();
        }
        let q = state.list_query.get();
        let me = state.current_staff();
        let staff = state.staff.get();
        let depts = departments(&staff);
        let viewer = me.as_ref().map(|m| Viewer::new(m, &depts));
        let key = (q, state.index.with(|idx| idx.generation()), staff, me.as_ref().map(|m| m.id.clone()));
        let refine = found_with.with_value(|f| {
            f.as_ref().is_some_and(|(fq, generation, staff, me)| (generation, staff, me) == (&key.1, &key.2, &key.3) && key.0.narrows(fq))
        });
        let names: HashMap<&str, &str> = key.2.iter().map(|x| (x.id.as_str(), x.name.as_str())).collect();
        let owner_name = |id: &str| names.get(id).map(|n| n.to_string()).unwrap_or_default();
        let hits = state.index.with(|idx| match last {
            Some(last) if refine => idx.refine(last, &key.0, viewer.as_ref(), &owner_name),
            _ => idx.query(&key.0, viewer.as_ref(), &owner_name),
        });
        found_with.set_value(Some(key));
        hits
    });
    let total = Memo::new(move |_| state.index.with(|i| i.len()));
    let complete = Memo::new(move |_| state.index.with(|i| i.is_complete()));
    let scroll_top = RwSignal::new(0.0f64);
    // The list's own height, once measured after the first paint: measuring
    // before it would make the browser lay the page out an extra time, which
    // delays the first rows. Until then the window's height stands in, and
    // only the rows in view are drawn (no overscan).
    let window_height = || web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(600.0);
    let measured = RwSignal::new(None::<f64>);
    let viewport = move || measured.get().unwrap_or_else(window_height);
    let selected = RwSignal::new(0usize);
    let body = NodeRef::<html::Div>::new();
    let measure = move || {
        if let Some(el) = body.get_untracked() {
            measured.set(Some(el.client_height().max(200) as f64));
        }
    };
    Effect::new(move |_| {
        if body.get().is_some() {
            leptos::task::spawn_local(async move {
                platform::next_paint().await;
                measure();
            });
        }
    });
    // Shown again (Back from a customer): before the frame is painted, put
    // the list back where it was scrolled to (hiding it lost that), measure
    // it again, and give it the keyboard unless something else has it.
    Effect::new(move |was: Option<bool>| {
        let now = visible.get();
        if now && was == Some(false) {
            request_animation_frame(move || {
                let Some(el) = body.get_untracked() else { return };
                el.set_scroll_top(scroll_top.get_untracked() as i32);
                measure();
                if document().active_element().map_or(true, |a| a.tag_name() == "BODY") {
                    let _ = el.focus();
                }
            });
        }
        now
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // A new search starts at the top.
    // Only what has moved is reset: setting the scroll position makes the
    // browser lay the page out there and then, which costs a keystroke.
    Effect::new(move |_| {
        state.list_query.track();
        if selected.get_untracked() != 0 {
            selected.set(0);
        }
        if scroll_top.get_untracked() != 0.0 {
            if let Some(el) = body.get_untracked() {
                el.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
    });
    let window_range = move || {
        let n = hits.with(Vec::len);
        let top = (scroll_top.get() / ROW_HEIGHT) as usize;
        // The rows in view (the first and last may show in part), and the overscan on either side.
        let shown = (viewport() / ROW_HEIGHT).ceil() as usize + 1;
        let extra = if measured.get().is_some() { OVERSCAN } else { 0 };
        top.saturating_sub(extra).min(n)..(top + shown + extra).min(n)
    };
    let keep_in_view = move |pos: usize| {
        if let Some(el) = body.get_untracked() {
            let top = pos as f64 * ROW_HEIGHT;
            let h = el.client_height() as f64;
            let st = el.scroll_top() as f64;
            if top < st {
                el.set_scroll_top(top as i32);
            } else if top + ROW_HEIGHT > st + h {
                el.set_scroll_top((top + ROW_HEIGHT - h) as i32);
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = hits.with(Vec::len);
        if n == 0 {
            return;
        }
        let page = (untrack(viewport) / ROW_HEIGHT) as usize;
        let cur = selected.get_untracked().min(n - 1);
        let next = match ev.key().as_str() {
            "ArrowDown" => (cur + 1).min(n - 1),
            "ArrowUp" => cur.saturating_sub(1),
            "PageDown" => (cur + page).min(n - 1),
            "PageUp" => cur.saturating_sub(page),
            "Home" => 0,
            "End" => n - 1,
            "Enter" => {
                if let Some(id) = hits.with(|h| state.index.with(|idx| idx.get(h[cur]).map(|r| r.id().to_string()))) {
                    navigate(Route::Customer(id));
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        selected.set(next);
        keep_in_view(next);
    };
    // What an export writes: the customers shown, in the list's order.
    let shown = Callback::new(move |()| {
        hits.with_untracked(|h| state.index.with_untracked(|idx| h.iter().filter_map(|&at| idx.get(at).map(|r| r.id().to_string())).collect()))
    });
    let now = platform::now();
    // The window's rows are slots, built once: scrolling or a new search
    // changes what each slot shows, text by text, and does not build rows
    // again (which would set every attribute of every cell anew on each
    // keystroke). Slot `k` shows the `k`th row of the window.
    let start = Memo::new(move |_| window_range().start);
    let slots = Memo::new(move |_| window_range().len());
    let slot = move |k: usize| {
        let pos = move || start.get() + k;
        let row = Memo::new(move |last: Option<&Option<CustomerRow>>| {
            if let Some(last) = last.filter(|_| !visible.get()) {
                return last.clone();
            }
            hits.with(|h| h.get(pos()).copied()).and_then(|at| state.index.with(|idx| idx.get(at).cloned()))
        });
        // Every text and attribute that changes with the row, through one
        // kind of closure (each kind is code in the download).
        let show = move |f: fn(&CustomerRow, &AppState) -> String| move || row.with(|r| r.as_ref().map(|r| f(r, &state)).unwrap_or_default());
        view! {
            <a
                role="row"
                class="row"
                class:selected=move || selected.get() == pos()
                href=show(|r, _| Route::Customer(r.id().to_string()).href())
                aria-rowindex=move || pos() + 2
                style=move || format!("transform: translateY({}px)", (pos() as f64 * ROW_HEIGHT) as u64)
                tabindex="-1"
            >
                <span role="cell" class="cell name">
                    <span class="primary-text">{show(|r, _| r.name().to_string())}</span>
                    <span class="muted">{show(|r, _| r.short_name().to_string())}</span>
                </span>
                <span role="cell" class="cell">{show(|r, s| s.i18n.label(r.kind).to_string())}</span>
                <span role="cell" class="cell">
                    <span class=show(|r, _| format!("pill status-{}", r.status.as_str()))>{show(|r, s| s.i18n.label(r.status).to_string())}</span>
                </span>
                <span role="cell" class="cell grade">
                    {show(|r, s| r.grade().map(|g| s.tier_name(g)).unwrap_or_default())}
                    <span class=show(|r, _| flag(r).map_or("flag".to_string(), |(class, _)| format!("flag {class}")))>{show(|r, s| flag(r).map(|(_, m)| s.i18n.t(m).to_string()).unwrap_or_default())}</span>
                </span>
                <span role="cell" class="cell">{show(|r, s| r.owner().map(|o| s.staff_name(o)).unwrap_or_default())}</span>
                <span role="cell" class="cell">{show(|r, _| r.industry().to_string())}</span>
                <span role="cell" class="cell">{show(|r, _| r.region().to_string())}</span>
                <span role="cell" class="cell">{show(|r, _| r.contacts().next().unwrap_or_default().to_string())}</span>
                <span role="cell" class="cell mono">
                    {show(|r, _| if r.phone().is_empty() { r.contact_phones().next().unwrap_or_default() } else { r.phone() }.to_string())}
                </span>
                <span role="cell" class="cell" class:stale=move || row.with(|r| r.as_ref().is_some_and(|r| r.needs_review(now)))>
                    {show(|r, _| platform::format_date(r.reviewed_at))}
                </span>
            </a>
        }
    };
    view! {
        <section class="page list-page">
            <div class="page-head">
                <h1>{i.text(Msg::NavCustomers)}</h1>
                <span class="count" role="status">
                    {move || if complete.get() {
                        i.t(Msg::CountOf).replace("{n}", &hits.with(Vec::len).to_string()).replace("{total}", &total.get().to_string())
                    } else {
                        i.t(Msg::LoadingList).to_string()
                    }}
                </span>
                <a class="btn" href=Route::Import.href()>{i.text(Msg::Import)}</a>
                <ExportMenu shown=shown/>
                <PrintList hits=hits visible=visible/>
                <a class="btn primary" href=Route::NewCustomer.href()>{i.text(Msg::NewCustomer)}</a>
            </div>
            <Filters visible=visible/>
            <div class="grid" role="table" aria-label=i.text(Msg::NavCustomers) aria-rowcount=move || hits.with(Vec::len) + 1>
                <div class="grid-head" role="row" aria-rowindex="1">
                    <SortHeader key=SortKey::Name label=Msg::Name/>
                    <span role="columnheader" class="cell">{i.text(Msg::Kind)}</span>
                    <SortHeader key=SortKey::Status label=Msg::Status/>
                    <span role="columnheader" class="cell">{i.text(Msg::Grade)}</span>
                    <SortHeader key=SortKey::Owner label=Msg::Owner/>
                    <SortHeader key=SortKey::Industry label=Msg::Industry/>
                    <SortHeader key=SortKey::Region label=Msg::Region/>
                    <span role="columnheader" class="cell">{i.text(Msg::PrimaryContact)}</span>
                    <span role="columnheader" class="cell">{i.text(Msg::Phone)}</span>
                    <SortHeader key=SortKey::Reviewed label=Msg::LastReviewed/>
                </div>
                <div
                    class="grid-body"
                    node_ref=body
                    tabindex="0"
                    aria-label=i.text(Msg::ListKeysHint)
                    on:scroll=move |_| if let Some(el) = body.get_untracked().filter(|_| visible.get_untracked()) { scroll_top.set(el.scroll_top() as f64) }
                    on:keydown=on_key
                >
                    <div class="grid-spacer" style=move || format!("height: {}px", (hits.with(Vec::len) as f64 * ROW_HEIGHT) as u64)>
                        {move || (0..slots.get()).map(slot).collect_view()}
                    </div>
                    <Show when=move || complete.get() && total.get() == 0>
                        <div class="empty">
                            <p>{i.text(Msg::NoCustomersYet)}</p>
                            <a class="btn primary" href=Route::NewCustomer.href()>{i.text(Msg::NewCustomer)}</a>
                        </div>
                    </Show>
                    <Show when=move || { complete.get() && total.get() > 0 && hits.with(Vec::is_empty) }>
                        <div class="empty"><p>{i.text(Msg::NoMatches)}</p></div>
                    </Show>
                </div>
            </div>
        </section>
    }
}
