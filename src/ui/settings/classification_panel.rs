//! The agency's classification lists: industry, organisation form, region
//! and customer type. Each value shows how many customers have it; renaming
//! one renames it on those customers, removing one in use asks where they
//! go, and a value customers have that is on no list (an import brought it)
//! can be added to the list or its customers moved.

use leptos::prelude::*;
use leptos::task::spawn_local;
use rustc_hash::FxHashMap;

use crate::domain::change::{ChangeSet, Setting};
use crate::domain::classification::{self, Class, Classifications, ListError};
use crate::domain::{ops, Customer, Expect, Kind};
use crate::i18n::Msg;
use crate::storage::{Store, StoreError};
use crate::ui::app::{AppState, ToastKind};
use crate::ui::common::{Dialog, SelectField, TextField};

/// A read of customers by id one at a time is quicker than reading them all
/// up to about this many.
const READ_ONE_BY_ONE: usize = 200;

/// The move dialog's choice that clears the field (no list value is empty,
/// nor starts with this control character).
const CLEAR: &str = "\u{1}clear";

/// What a dialog is asking about.
#[derive(Clone, Debug, PartialEq)]
enum Ask {
    Rename(String),
    /// Take a value off the list (`listed`) or only move its customers.
    Remove { value: String, listed: bool },
}

#[derive(Debug)]
enum Failure {
    /// The lists changed in another tab since this one showed them.
    ChangedElsewhere,
    Store(StoreError),
}

fn list_error(e: ListError) -> Msg {
    match e {
        ListError::Empty => Msg::ValueEmpty,
        ListError::TooLong => Msg::ValueTooLong,
        ListError::Duplicate => Msg::ValueDuplicate,
        ListError::Missing => Msg::ListChangedElsewhere,
    }
}

/// Store `lists`, moving the customers whose `class` is `from` to `to` with
/// `reason` in their history, all in one write; how many customers moved.
/// Refused when the lists are no longer `before` (another tab changed them).
async fn commit(state: AppState, class: Class, before: Classifications, lists: Classifications, moved: Option<(String, String, String)>) -> Result<usize, Failure> {
    if untrack(|| state.class_lists()) != before {
        return Err(Failure::ChangedElsewhere);
    }
    let mut set = ChangeSet::default();
    if let Some((from, to, reason)) = moved {
        let (ids, complete) = state.index.with_untracked(|index| {
            let ids: Vec<String> = index.rows().iter().filter(|r| r.class(class) == from).map(|r| r.id().to_string()).collect();
            (ids, index.is_complete())
        });
        let store = state.store();
        let customers = if complete && ids.len() <= READ_ONE_BY_ONE {
            let mut out = Vec::with_capacity(ids.len());
            for id in &ids {
                out.extend(store.get::<Customer>(id).await.map_err(Failure::Store)?);
            }
            out
        } else {
            store.all::<Customer>().await.map_err(Failure::Store)?
        };
        set = state.run(|ctx| ops::reclassify(ctx, &customers, class, &from, &to, &reason));
        // The reads took a while: another tab may have changed the lists meanwhile.
        if untrack(|| state.class_lists()) != before {
            return Err(Failure::ChangedElsewhere);
        }
    }
    let moved = set.puts(Kind::Customer);
    let value = crate::io::json::to_text(&lists).map_err(|e| Failure::Store(StoreError::Failed { op: "save", detail: e.to_string() }))?;
    set.put(Setting { id: classification::SETTING.into(), value }, Expect::Any);
    state.apply(&set).await.map_err(Failure::Store)?;
    Ok(moved)
}

#[component]
pub fn ClassificationPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let class = RwSignal::new(Class::Industry);
    let new_value = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let ask = RwSignal::new(None::<Ask>);
    // The dialogs' fields.
    let rename_to = RwSignal::new(String::new());
    let move_to = RwSignal::new(String::new());
    let dialog_error = RwSignal::new(None::<String>);

    // How many customers have each value of the class shown.
    let usage = Memo::new(move |_| {
        let c = class.get();
        state.index.with(|index| {
            let mut counts: FxHashMap<String, usize> = FxHashMap::default();
            for r in index.rows() {
                let v = r.class(c);
                if !v.is_empty() {
                    *counts.entry(v.to_string()).or_default() += 1;
                }
            }
            counts
        })
    });
    let count = move |v: &str| usage.with(|u| u.get(v).copied().unwrap_or(0));
    // The counts, and which customers a change moves, need the whole list.
    let loading = Memo::new(move |_| !state.index.with(|index| index.is_complete()));
    let busy = Signal::derive(move || working.get() || loading.get());
    let listed = Memo::new(move |_| state.class_lists().values(class.get()).to_vec());
    // Values customers have that the list lacks, most used first.
    let unlisted = Memo::new(move |_| {
        let list = listed.get();
        let mut out: Vec<(String, usize)> = usage.with(|u| u.iter().filter(|(v, _)| !list.contains(v)).map(|(v, n)| (v.clone(), *n)).collect());
        crate::domain::sorting::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    });

    // Run an edit of the lists (and maybe a move of customers), then report.
    let run = move |lists: Classifications, moved: Option<(String, String, String)>, done: Box<dyn FnOnce(usize)>| {
        let before = state.class_lists();
        let c = class.get_untracked();
        working.set(true);
        spawn_local(async move {
            let result = commit(state, c, before, lists, moved).await;
            working.set(false);
            match result {
                Ok(n) => done(n),
                Err(Failure::ChangedElsewhere) => {
                    ask.set(None);
                    state.toast(ToastKind::Error, i.t_untracked(Msg::ListChangedElsewhere));
                }
                Err(Failure::Store(e)) => {
                    dialog_error.set(Some(state.error_text(&e)));
                    state.toast(ToastKind::Error, state.error_text(&e));
                }
            }
        });
    };
    let edit = move |f: &dyn Fn(&mut Classifications) -> Result<String, ListError>| -> Option<(Classifications, String)> {
        let mut lists = untrack(|| state.class_lists());
        match f(&mut lists) {
            Ok(v) => Some((lists, v)),
            Err(e) => {
                let text = i.t_untracked(list_error(e)).to_string();
                if ask.get_untracked().is_some() {
                    dialog_error.set(Some(text));
                } else {
                    add_error.set(Some(text));
                }
                None
            }
        }
    };

    // A value typed in (`typed`), or one customers have (added as they have it).
    let add = move |value: String, typed: bool| {
        add_error.set(None);
        let c = class.get_untracked();
        let Some((lists, added)) = edit(&|l| if typed { l.add(c, &value) } else { l.adopt(c, &value) }) else { return };
        run(lists, None, Box::new(move |_| {
            if typed {
                new_value.set(String::new());
            }
            state.toast(ToastKind::Done, i.t_untracked(Msg::ValueAdded).replace("{value}", &added));
        }));
    };
    let shift = move |value: String, up: bool| {
        let c = class.get_untracked();
        if let Some((lists, _)) = edit(&|l| l.shift(c, &value, up).map(|()| String::new())) {
            run(lists, None, Box::new(|_| {}));
        }
    };
    let open = move |a: Ask| {
        dialog_error.set(None);
        match &a {
            Ask::Rename(v) => rename_to.set(v.clone()),
            Ask::Remove { .. } => move_to.set(String::new()),
        }
        ask.set(Some(a));
    };
    let confirm_rename = move |from: String| {
        dialog_error.set(None);
        let c = class.get_untracked();
        let to = rename_to.get_untracked();
        let Some((lists, to)) = edit(&|l| l.rename(c, &from, &to)) else { return };
        let reason = i.t_untracked(Msg::RenamedInSettings).replace("{from}", &from).replace("{to}", &to);
        let moved = (from != to).then(|| (from.clone(), to.clone(), reason));
        run(lists, moved, Box::new(move |n| {
            ask.set(None);
            state.toast(ToastKind::Done, i.t_untracked(Msg::ValueRenamed).replace("{value}", &to).replace("{n}", &n.to_string()));
        }));
    };
    // Take `value` off the list (`listed`), or only move its customers. The
    // dialog's choice: "" keeps their value (a removal only) or is no choice
    // yet (a move), CLEAR clears it, anything else is the value they move to.
    let confirm_remove = move |value: String, listed: bool| {
        dialog_error.set(None);
        let c = class.get_untracked();
        let choice = move_to.get_untracked();
        if !listed && choice.is_empty() && count(&value) > 0 {
            dialog_error.set(Some(i.t_untracked(Msg::ChooseWhere).to_string()));
            return;
        }
        let lists = if listed {
            match edit(&|l| l.remove(c, &value).map(|()| String::new())) {
                Some((lists, _)) => lists,
                None => return,
            }
        } else {
            untrack(|| state.class_lists())
        };
        let to = if choice == CLEAR { String::new() } else { choice.clone() };
        let reason = i.t_untracked(if listed { Msg::RemovedInSettings } else { Msg::MovedInSettings }).replace("{from}", &value);
        let moved = (count(&value) > 0 && !choice.is_empty()).then(|| (value.clone(), to, reason));
        run(lists, moved, Box::new(move |n| {
            ask.set(None);
            let done = i.t_untracked(if listed { Msg::ValueRemoved } else { Msg::ValueMoved });
            state.toast(ToastKind::Done, done.replace("{value}", &value).replace("{n}", &n.to_string()));
        }));
    };
    let tabs = move || {
        Class::ALL.iter().map(|&c| {
            view! {
                <button class="btn small" class:primary=move || class.get() == c aria-pressed=move || (class.get() == c).to_string()
                    on:click=move |_| { class.set(c); add_error.set(None); }>
                    {move || i.label(c.field())}
                </button>
            }
        }).collect_view()
    };
    let value_rows = move || {
        let list = listed.get();
        let last = list.len().saturating_sub(1);
        list.into_iter().enumerate().map(|(k, v)| {
            let (v1, v2, v3, v4) = (v.clone(), v.clone(), v.clone(), v.clone());
            let up_label = format!("{} {}", i.t(Msg::MoveUp), v);
            let down_label = format!("{} {}", i.t(Msg::MoveDown), v);
            let n = count(&v);
            view! {
                <tr>
                    <td>{v.clone()}</td>
                    <td class="right muted">{move || i.t(Msg::InUseBy).replace("{n}", &n.to_string())}</td>
                    <td class="right row-actions">
                        <button class="btn small" title=i.text(Msg::MoveUp) aria-label=up_label disabled=move || k == 0 || busy.get() on:click=move |_| shift(v1.clone(), true)>"↑"</button>
                        <button class="btn small" title=i.text(Msg::MoveDown) aria-label=down_label disabled=move || k == last || busy.get() on:click=move |_| shift(v2.clone(), false)>"↓"</button>
                        <button class="btn small" disabled=move || busy.get() on:click=move |_| open(Ask::Rename(v3.clone()))>{i.text(Msg::RenameValue)}</button>
                        <button class="btn small" disabled=move || busy.get() on:click=move |_| open(Ask::Remove { value: v4.clone(), listed: true })>{i.text(Msg::Remove)}</button>
                    </td>
                </tr>
            }
        }).collect_view()
    };
    let unlisted_rows = move || {
        unlisted.get().into_iter().map(|(v, n)| {
            let (v1, v2) = (v.clone(), v.clone());
            view! {
                <tr>
                    <td>{v.clone()}</td>
                    <td class="right muted">{move || i.t(Msg::InUseBy).replace("{n}", &n.to_string())}</td>
                    <td class="right row-actions">
                        <button class="btn small" disabled=move || busy.get() on:click=move |_| add(v1.clone(), false)>{i.text(Msg::AddToList)}</button>
                        <button class="btn small" disabled=move || busy.get() on:click=move |_| open(Ask::Remove { value: v2.clone(), listed: false })>{i.text(Msg::MoveValue)}</button>
                    </td>
                </tr>
            }
        }).collect_view()
    };
    let dialog = move || {
        ask.get().map(|a| match a {
            Ask::Rename(from) => {
                let title = i.t(Msg::RenameValue).to_string() + ": " + &from;
                let n = count(&from);
                view! {
                    <Dialog title=title on_close=Callback::new(move |()| ask.set(None))>
                        <form on:submit=move |ev| { ev.prevent_default(); confirm_rename(from.clone()); }>
                            <TextField label=i.sig(Msg::NewName) value=rename_to error=dialog_error required=true/>
                            <p class="muted">{move || i.t(Msg::InUseBy).replace("{n}", &n.to_string())}</p>
                            {move || working.get().then(|| view! { <p class="muted" role="status">{i.text(Msg::Updating)}</p> })}
                            <div class="actions">
                                <button class="btn primary" type="submit" disabled=move || busy.get()>{i.text(Msg::RenameValue)}</button>
                                <button class="btn" type="button" on:click=move |_| ask.set(None)>{i.text(Msg::Cancel)}</button>
                            </div>
                        </form>
                    </Dialog>
                }.into_any()
            }
            Ask::Remove { value, listed } => {
                let title = i.t(if listed { Msg::RemoveValueTitle } else { Msg::MoveValueTitle }).replace("{value}", &value);
                let n = count(&value);
                let from = value.clone();
                let targets = Signal::derive(move || {
                    let first = if listed { Msg::KeepValue } else { Msg::ChooseValue };
                    std::iter::once((String::new(), i.t(first).to_string()))
                        .chain(state.class_lists().values(class.get()).iter().filter(|v| **v != from).map(|v| (v.clone(), v.clone())))
                        .chain(std::iter::once((CLEAR.to_string(), i.t(Msg::LeaveEmpty).to_string())))
                        .collect::<Vec<_>>()
                });
                let go = move |_| confirm_remove(value.clone(), listed);
                view! {
                    <Dialog title=title on_close=Callback::new(move |()| ask.set(None))>
                        {if n > 0 {
                            view! {
                                <p>{move || i.t(Msg::RemoveValueInUse).replace("{n}", &n.to_string())}</p>
                                <SelectField label=i.sig(Msg::MoveThemTo) value=move_to options=targets error=dialog_error/>
                            }.into_any()
                        } else {
                            view! {
                                <p>{i.text(Msg::RemoveValueUnused)}</p>
                                {move || dialog_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                            }.into_any()
                        }}
                        {move || working.get().then(|| view! { <p class="muted" role="status">{i.text(Msg::Updating)}</p> })}
                        <div class="actions">
                            <button class=if listed { "btn danger" } else { "btn primary" } disabled=move || busy.get() on:click=go>{i.text(if listed { Msg::Remove } else { Msg::MoveNow })}</button>
                            <button class="btn" on:click=move |_| ask.set(None)>{i.text(Msg::Cancel)}</button>
                        </div>
                    </Dialog>
                }.into_any()
            }
        })
    };

    view! {
        <section class="card-section classification-lists" aria-labelledby="class-lists-title">
            <h3 id="class-lists-title">{i.text(Msg::ClassLists)}</h3>
            <p class="muted">{i.text(Msg::ClassListsExplain)}</p>
            <Show when=move || loading.get()>
                <p class="muted" role="status">{i.text(Msg::LoadingList)}</p>
            </Show>
            <div class="class-tabs" role="group" aria-label=i.text(Msg::ClassLists)>{tabs}</div>
            <table class="table compact class-values" aria-label=move || i.label(class.get().field())>
                <tbody>{value_rows}</tbody>
            </table>
            <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add(new_value.get_untracked(), true); }>
                <TextField label=i.sig(Msg::AddValue) value=new_value error=add_error id="class-new-value"/>
                <button class="btn" type="submit" disabled=move || busy.get()>{i.text(Msg::AddValue)}</button>
            </form>
            <Show when=move || !unlisted.with(Vec::is_empty)>
                <h4>{i.text(Msg::NotOnList)}</h4>
                <table class="table compact class-values" aria-label=i.text(Msg::NotOnList)>
                    <tbody>{unlisted_rows}</tbody>
                </table>
            </Show>
            {dialog}
        </section>
    }
}
