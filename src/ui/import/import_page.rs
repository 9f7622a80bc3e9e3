//! Import customers from a spreadsheet: pick the file, confirm which column
//! is which field, look over every row's outcome, then import them all at once.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use rustc_hash::FxHashMap;
use wasm_bindgen::JsCast;

use super::mapping_table::MappingTable;
use super::preview_table::PreviewTable;
use crate::domain::import::{self, heading_key, Choice, Duplicate, Identity, Lookups, Parsed, Target};
use crate::domain::validate::FieldError;
use crate::domain::{Customer, Field};
use crate::i18n::{self, Label, Locale, Msg};
use crate::io::csv::{self, Encoding};
use crate::io::{files, sheets};
use crate::storage::Store;
use crate::ui::app::{navigate, platform, prefs, AppState, Route, ToastKind};
use crate::ui::common::ProgressLine;

/// A picked file, read as a sheet: headings first.
#[derive(Clone, PartialEq)]
pub(super) struct Picked {
    pub name: String,
    bytes: Arc<Vec<u8>>,
    pub encoding: Encoding,
    pub rows: Arc<Vec<Vec<String>>>,
}

/// What becomes of one row of the file.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Outcome {
    New(Parsed),
    /// It repeats a customer of the archive or an earlier row (named here); the user chooses.
    Repeats(Parsed, Duplicate, String),
    /// Every cell's reason for refusing the row.
    Refused(Vec<(Target, FieldError)>),
}

/// What a duplicate row gets: the user's choice for it, else the one for
/// every duplicate. Only a customer of the archive can be updated.
pub(super) fn choice_for(row: usize, dup: &Duplicate, overrides: &FxHashMap<usize, Choice>, every: Choice) -> Choice {
    let c = overrides.get(&row).copied().unwrap_or(every);
    if c == Choice::Update && !matches!(dup, Duplicate::Archive(_)) {
        Choice::Skip
    } else {
        c
    }
}

/// The file's headings as a key for its saved mapping.
fn signature(headings: &[String]) -> String {
    headings.iter().map(|h| heading_key(h)).collect::<Vec<_>>().join("\u{1f}")
}

/// Read the file's bytes as a sheet, in `encoding`.
fn read_sheet(name: String, bytes: Arc<Vec<u8>>, encoding: Encoding, l: Locale) -> Result<Picked, String> {
    let text = csv::decode(&bytes, encoding, &files::decode_legacy).map_err(|e| i18n::csv_error(l, &e))?;
    let rows = csv::parse(&text).map_err(|e| i18n::csv_error(l, &e))?;
    Ok(Picked { name, bytes, encoding, rows: Arc::new(rows) })
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let picked = RwSignal::new(None::<Picked>);
    let error = RwSignal::new(None::<String>);
    let mapping = RwSignal::new(Vec::<Option<Target>>::new());
    let remembered = RwSignal::new(false);
    let overrides = RwSignal::new(FxHashMap::<usize, Choice>::default());
    let every = RwSignal::new(Choice::Skip);
    let progress = RwSignal::new(None::<(usize, usize)>);

    // Each customer of the archive as duplicates are told by, and its name: built once.
    let known = StoredValue::new(None::<Arc<(Vec<(String, Identity)>, FxHashMap<String, String>)>>);
    let archive = move || {
        if let Some(k) = known.get_value() {
            return k;
        }
        let (k, complete) = state.index.with(|idx| {
            let rows = idx.rows();
            let ids = rows.iter().map(|r| (r.id().to_string(), Identity::new(r.name(), std::iter::once(r.phone()).chain(r.contact_phones())))).collect();
            let names = rows.iter().map(|r| (r.id().to_string(), r.name().to_string())).collect();
            (Arc::new((ids, names)), idx.is_complete())
        });
        // Kept once the whole list is in; until then, read again (and the
        // preview follows the list as it fills in).
        if complete {
            known.set_value(Some(k.clone()));
        }
        k
    };

    let show = move |p: Picked| {
        let headings = p.rows[0].clone();
        let saved = prefs::mapping(state.db_name(), &signature(&headings)).filter(|m| m.len() == headings.len());
        remembered.set(saved.is_some());
        mapping.set(match saved {
            Some(keys) => keys.iter().map(|k| Target::parse(k)).collect(),
            None => import::guess(&headings, &sheets::own_headings()),
        });
        overrides.set(FxHashMap::default());
        picked.set(Some(p));
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        picked.set(None);
        error.set(None);
        spawn_local(async move {
            let l = state.i18n.locale.get_untracked();
            match files::picked(&input).await {
                None => {}
                Some(Err(e)) => error.set(Some(i.t_untracked(Msg::FileUnreadable).replace("{name}", &e))),
                Some(Ok((name, bytes))) => {
                    // Excel on a Traditional Chinese Windows writes Big5.
                    let encoding = match csv::detect(&bytes) {
                        Encoding::Gb18030 if l == Locale::ZhTw => Encoding::Big5,
                        e => e,
                    };
                    match read_sheet(name, Arc::new(bytes), encoding, l) {
                        Ok(p) => show(p),
                        Err(e) => error.set(Some(e)),
                    }
                }
            }
        });
    };
    // Read the same bytes again in the encoding the user chose.
    let on_encoding = move |ev: leptos::ev::Event| {
        let Some(encoding) = Encoding::parse(&event_target_value(&ev)) else { return };
        let Some(p) = picked.get_untracked() else { return };
        match read_sheet(p.name.clone(), p.bytes.clone(), encoding, state.i18n.locale.get_untracked()) {
            Ok(p) => {
                error.set(None);
                show(p);
            }
            Err(e) => {
                error.set(Some(e));
                picked.update(|p| if let Some(p) = p { p.encoding = encoding });
            }
        }
    };

    // Every row's outcome under the current mapping; none until the name has a column.
    let outcomes = Memo::new(move |_| {
        let p = picked.get()?;
        let map = mapping.get();
        if !map.contains(&Some(Target::Customer(Field::Name))) {
            return None;
        }
        let staff = state.staff.get();
        let by_name = |name: &str| staff.iter().find(|s| s.name == name).map(|s| s.id.clone());
        let look = Lookups { choice: &sheets::choice_key, staff: &by_name };
        let today = platform::today();
        // Rows by their position among the data rows; blank ones are passed over.
        let read: Vec<(usize, import::RowResult)> =
            p.rows[1..].iter().enumerate().filter(|(_, r)| !csv::is_blank(r)).map(|(n, r)| (n, import::read_row(r, &map, &look, today))).collect();
        let good: Vec<(usize, Parsed)> = read.iter().filter_map(|(n, r)| r.as_ref().ok().map(|p| (*n, p.clone()))).collect();
        let parsed: Vec<Parsed> = good.iter().map(|(_, p)| p.clone()).collect();
        let known = archive();
        let dups = import::duplicates(&parsed, &known.0);
        let mut dup_of: FxHashMap<usize, (Duplicate, String)> = FxHashMap::default();
        for ((n, _), d) in good.iter().zip(dups) {
            // A repeated row is named by its position in the file, not among the good rows.
            let named = match d {
                Some(Duplicate::Archive(id)) => Some((known.1.get(&id).cloned().unwrap_or_default(), Duplicate::Archive(id))),
                Some(Duplicate::File(k)) => Some((good[k].1.customer.name.clone(), Duplicate::File(good[k].0))),
                None => None,
            };
            if let Some((name, d)) = named {
                dup_of.insert(*n, (d, name));
            }
        }
        Some(
            read.into_iter()
                .map(|(n, r)| {
                    let outcome = match (r, dup_of.remove(&n)) {
                        (Err(e), _) => Outcome::Refused(e),
                        (Ok(p), Some((d, name))) => Outcome::Repeats(p, d, name),
                        (Ok(p), None) => Outcome::New(p),
                    };
                    (n, outcome)
                })
                .collect::<Vec<_>>(),
        )
    });
    // New, to update, skipped, refused.
    let counts = move || {
        outcomes.with(|o| {
            let (mut n, mut u, mut s, mut e) = (0, 0, 0, 0);
            overrides.with(|ov| {
                for (row, outcome) in o.iter().flatten().map(|(n, o)| (*n, o)) {
                    match outcome {
                        Outcome::New(_) => n += 1,
                        Outcome::Refused(_) => e += 1,
                        Outcome::Repeats(_, d, _) => match choice_for(row, d, ov, every.get()) {
                            Choice::Skip => s += 1,
                            Choice::Create => n += 1,
                            Choice::Update => u += 1,
                        },
                    }
                }
            });
            (n, u, s, e)
        })
    };

    let run = move |_| {
        let (Some(p), Some(all)) = (picked.get_untracked(), outcomes.get_untracked()) else { return };
        if progress.get_untracked().is_some() {
            return;
        }
        let ov = overrides.get_untracked();
        let every = every.get_untracked();
        let mut creates = Vec::new();
        let mut updates: Vec<(String, Parsed)> = Vec::new();
        for (row, o) in all {
            match o {
                Outcome::New(parsed) => creates.push(parsed),
                Outcome::Repeats(parsed, d, _) => match (choice_for(row, &d, &ov, every), d) {
                    (Choice::Create, _) => creates.push(parsed),
                    (Choice::Update, Duplicate::Archive(id)) => updates.push((id, parsed)),
                    _ => {}
                },
                Outcome::Refused(_) => {}
            }
        }
        if creates.is_empty() && updates.is_empty() {
            state.toast(ToastKind::Error, i.t_untracked(Msg::NothingToImport));
            return;
        }
        let total = creates.len() + updates.len();
        progress.set(Some((0, total)));
        spawn_local(async move {
            let result: Result<(usize, usize), String> = async {
                let store = state.store();
                let today = platform::today();
                let l = state.i18n.locale.get_untracked();
                // The customers to update, as they are now; rows that repeat the
                // same customer apply one after the other, to one new version.
                let mut olds: Vec<(Customer, Customer)> = Vec::new();
                for (k, (id, parsed)) in updates.iter().enumerate() {
                    let at = olds.iter().position(|(o, _)| o.id == *id);
                    let base = match at {
                        Some(at) => olds[at].1.clone(),
                        None => match store.get::<Customer>(id).await.map_err(|e| state.error_text(&e))? {
                            Some(old) => old,
                            None => continue,
                        },
                    };
                    match import::updated(&base, parsed, today) {
                        Ok(Some(new)) => match at {
                            Some(at) => olds[at].1 = new,
                            None => olds.push((base, new)),
                        },
                        Ok(None) => {}
                        Err(errors) => {
                            let (target, e) = errors[0];
                            return Err(format!("{}: {}", base.name, target_error(target, &e, l)));
                        }
                    }
                    progress.set(Some((creates.len() + k + 1, total)));
                }
                let (n, u) = (creates.len(), olds.len());
                // One transaction: under way, how far the browser cannot say.
                progress.set(Some((0, 0)));
                let set = state.run(|ctx| import::plan(ctx, &p.name, creates, olds.iter().map(|(o, n)| (o, n.clone())).collect()));
                state.apply(&set).await.map_err(|e| state.error_text(&e))?;
                Ok((n, u))
            }
            .await;
            progress.set(None);
            match result {
                Ok((n, u)) => {
                    state.toast(
                        ToastKind::Done,
                        i.t_untracked(Msg::ImportDone).replace("{name}", &p.name).replace("{n}", &n.to_string()).replace("{u}", &u.to_string()),
                    );
                    navigate(Route::Customers);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let save_mapping = move |_| {
        let Some(p) = picked.get_untracked() else { return };
        let keys: Vec<String> = mapping.get_untracked().iter().map(|t| t.map(Target::key).unwrap_or_default()).collect();
        prefs::set_mapping(state.db_name(), &signature(&p.rows[0]), &keys);
        state.toast(ToastKind::Done, i.t_untracked(Msg::MappingSaved));
    };

    view! {
        <section class="page import-page">
            <div class="page-head">
                <h1>{i.text(Msg::ImportTitle)}</h1>
            </div>
            <p class="muted">{i.text(Msg::ImportExplain)}</p>
            <div class="form-grid">
                <div class="field">
                    <label for="import-file">{i.text(Msg::SpreadsheetFile)}</label>
                    <input id="import-file" type="file" accept=".csv,.txt,text/csv" disabled=move || progress.get().is_some() on:change=on_pick/>
                </div>
                <Show when=move || picked.with(Option::is_some)>
                    <div class="field">
                        <label for="import-encoding">{i.text(Msg::Encoding)}</label>
                        <select id="import-encoding" on:change=on_encoding prop:value=move || picked.with(|p| p.as_ref().map(|p| p.encoding.as_str()).unwrap_or_default())>
                            {Encoding::ALL.iter().map(|&e| {
                                let label = match e { Encoding::Utf8 => Msg::EncUtf8, Encoding::Gb18030 => Msg::EncGb18030, Encoding::Big5 => Msg::EncBig5 };
                                view! { <option value=e.as_str() selected=move || picked.with(|p| p.as_ref().map(|p| p.encoding) == Some(e))>{i.text(label)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </Show>
            </div>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            {move || picked.get().map(|p| view! {
                <h2>{i.text(Msg::GoesTo)}</h2>
                {move || remembered.get().then(|| view! { <p class="muted">{i.text(Msg::MappingRemembered)}</p> })}
                <MappingTable rows=p.rows.clone() mapping=mapping/>
                <div class="actions">
                    <button class="btn" type="button" on:click=save_mapping>{i.text(Msg::SaveMapping)}</button>
                </div>
            })}
            {move || (picked.with(Option::is_some) && outcomes.with(Option::is_none)).then(|| view! {
                <p class="notice error" role="alert">{i.text(Msg::NameNotMapped)}</p>
            })}
            <Show when=move || outcomes.with(Option::is_some)>
                <div class="import-summary">
                    <p role="status" class="summary-line">{move || {
                        let (n, u, s, e) = counts();
                        i.t(Msg::ImportSummary).replace("{n}", &n.to_string()).replace("{u}", &u.to_string()).replace("{s}", &s.to_string()).replace("{e}", &e.to_string())
                    }}</p>
                    <label class="inline-field">
                        <span>{i.text(Msg::AllDuplicates)}</span>
                        <select on:change=move |ev| {
                            let c = match event_target_value(&ev).as_str() { "create" => Choice::Create, "update" => Choice::Update, _ => Choice::Skip };
                            overrides.set(FxHashMap::default());
                            every.set(c);
                        }>
                            <option value="skip" selected=move || every.get() == Choice::Skip>{i.text(Msg::SkipRow)}</option>
                            <option value="create" selected=move || every.get() == Choice::Create>{i.text(Msg::CreateRow)}</option>
                            <option value="update" selected=move || every.get() == Choice::Update>{i.text(Msg::UpdateRow)}</option>
                        </select>
                    </label>
                    <button class="btn primary" type="button" disabled=move || progress.get().is_some() on:click=run>{i.text(Msg::ImportNow)}</button>
                    <ProgressLine progress=progress label=Msg::ImportingRows/>
                </div>
                <PreviewTable outcomes=outcomes overrides=overrides every=every/>
            </Show>
        </section>
    }
}

/// "Field: reason" for one refused cell, in the user's language.
pub(super) fn target_error(target: Target, e: &FieldError, l: Locale) -> String {
    let field = match target {
        Target::Customer(f) => f.label(l).to_string(),
        Target::Contact(f) => sheets::primary_heading(f, l),
    };
    let colon = if l == Locale::En { ": " } else { "：" };
    format!("{field}{colon}{}", i18n::field_error(l, e))
}
