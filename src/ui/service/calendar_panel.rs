//! Settings → Working-day calendar: the days off every week, the public
//! holidays and make-up working days (调休), a year at a time; loaded from a
//! file (all or nothing) and downloaded as one.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::{save_setting, Setup};
use crate::domain::calendar::{self, CalendarError, DayKind, WorkCalendar};
use crate::domain::complaint::{ComplaintRules, Severity};
use crate::domain::validate;
use crate::i18n::{self, Msg};
use crate::io::files;
use crate::ui::app::{platform, AppState, ToastKind};

#[component]
pub fn CalendarPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let cal = RwSignal::new(None::<WorkCalendar>);
    let rules = RwSignal::new(ComplaintRules::default());
    let today = platform::today();
    let year = RwSignal::new(today.year());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let kind = RwSignal::new(DayKind::Holiday);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let file_errors = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    spawn_local(async move {
        match Setup::load(state).await {
            Ok(s) => {
                rules.set(s.rules);
                cal.set(Some(s.calendar));
            }
            Err(e) => error.set(Some(state.error_text(&e))),
        }
    });
    // Every edit is written at once; the panel shows what was written.
    let save = move |next: WorkCalendar, done: Msg| {
        busy.set(true);
        spawn_local(async move {
            match save_setting(state, calendar::SETTING, &next).await {
                Ok(()) => {
                    cal.set(Some(next));
                    state.toast(ToastKind::Done, i.t_untracked(done));
                }
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
            busy.set(false);
        });
    };
    let cal_error = move |e: CalendarError| i18n::calendar_error(i.locale.get_untracked(), &e).to_string();
    let add = move |_| {
        error.set(None);
        let Some(mut next) = cal.get_untracked() else { return };
        let date = |raw: &str| match validate::date(raw, None) {
            Ok(Some(d)) => Ok(Some(d)),
            Ok(None) => Ok(None),
            Err(_) => Err(CalendarError::Date),
        };
        let range = match (date(&from.get_untracked()), date(&to.get_untracked())) {
            (Ok(Some(a)), Ok(b)) => Ok((a, b.unwrap_or(a))),
            (Ok(None), _) | (Err(_), _) | (_, Err(_)) => Err(CalendarError::Date),
        };
        let result = range.and_then(|(a, b)| next.set_range(a, b, kind.get_untracked(), &name.get_untracked()).map(|()| a));
        match result {
            Ok(first) => {
                year.set(first.year());
                from.set(String::new());
                to.set(String::new());
                name.set(String::new());
                save(next, Msg::CalendarSaved);
            }
            Err(e) => error.set(Some(cal_error(e))),
        }
    };
    let toggle_weekday = move |day: u32, off: bool| {
        let Some(mut next) = cal.get_untracked() else { return };
        let mut days: Vec<u32> = next.weekend.iter().copied().filter(|d| *d != day).collect();
        if off {
            days.push(day);
        }
        match next.set_weekend(&days) {
            Ok(()) => save(next, Msg::CalendarSaved),
            Err(e) => {
                error.set(Some(cal_error(e)));
                // Put the box back as it was.
                cal.update(|_| {});
            }
        }
    };
    let remove = move |date: NaiveDate| {
        let Some(mut next) = cal.get_untracked() else { return };
        next.remove(date);
        save(next, Msg::CalendarSaved);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        file_errors.set(Vec::new());
        spawn_local(async move {
            let picked = files::picked(&input).await;
            input.set_value("");
            let Some(picked) = picked else { return };
            let text = match picked {
                Ok((_, bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => {
                    file_errors.set(vec![i.t_untracked(Msg::FileUnreadable).replace("{name}", &e)]);
                    return;
                }
            };
            match calendar::parse_file(&text) {
                Ok(lines) => {
                    let Some(mut next) = cal.get_untracked() else { return };
                    next.merge(&lines);
                    if let Some(first) = lines.first() {
                        year.set(first.from.year());
                    }
                    let n = lines.len();
                    busy.set(true);
                    match save_setting(state, calendar::SETTING, &next).await {
                        Ok(()) => {
                            cal.set(Some(next));
                            state.toast(ToastKind::Done, i.t_untracked(Msg::CalendarLoaded).replace("{n}", &n.to_string()));
                        }
                        Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
                    }
                    busy.set(false);
                }
                Err(errors) => {
                    let l = i.locale.get_untracked();
                    let mut out = vec![i.t_untracked(Msg::CalendarFileRefused).to_string()];
                    out.extend(errors.iter().map(|e| {
                        i.t_untracked(Msg::CalendarLineError).replace("{n}", &e.line.to_string()).replace("{error}", i18n::calendar_error(l, &e.error))
                    }));
                    file_errors.set(out);
                }
            }
        });
    };
    let download = move |_| {
        let Some(c) = cal.get_untracked() else { return };
        if let Err(e) = files::download(calendar::to_file(&c).as_bytes(), "dossier-calendar.csv", "text/csv") {
            state.toast(ToastKind::Error, i.t_untracked(Msg::DownloadFailed).replace("{name}", &e));
        }
    };
    let years = move || {
        let mut ys: Vec<i32> = cal.with(|c| c.as_ref().map(|c| c.days.iter().map(|d| d.date.year()).collect()).unwrap_or_default());
        ys.extend([today.year(), today.year() + 1, year.get()]);
        ys.sort_unstable();
        ys.dedup();
        ys
    };
    let preview = move || {
        cal.with(|c| {
            let c = c.as_ref()?;
            let d = rules.with(|r| r.for_severity(Severity::Normal));
            let a = c.add_working_days(today, d.investigate);
            let b = c.add_working_days(today, d.reply);
            Some(i.t(Msg::DeadlinePreview).replace("{a}", &a.to_string()).replace("{b}", &b.to_string()))
        })
    };
    view! {
        <section class="card-section calendar-panel" aria-labelledby="calendar-title">
            <h3 id="calendar-title">{i.text(Msg::WorkCalendar)}</h3>
            <p class="muted">{i.text(Msg::CalendarExplain)}</p>
            <fieldset class="weekdays" disabled=move || busy.get() || cal.with(Option::is_none)>
                <legend>{i.text(Msg::WeeklyDaysOff)}</legend>
                {(1..=7u32).map(|day| view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || cal.with(|c| c.as_ref().is_some_and(|c| c.weekend.contains(&day)))
                            on:change=move |ev| toggle_weekday(day, event_target_checked(&ev))/>
                        {move || i18n::weekday(i.locale.get(), day)}
                    </label>
                }).collect_view()}
            </fieldset>
            <p class="preview" role="status">{preview}</p>
            <div class="form-grid calendar-add">
                <div class="field">
                    <label for="calendar-from">{i.text(Msg::DayFrom)}</label>
                    <input id="calendar-from" type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="calendar-to">{i.text(Msg::DayTo)}</label>
                    <input id="calendar-to" type="date" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="calendar-kind">{i.text(Msg::DayKindLabel)}</label>
                    <select id="calendar-kind" on:change=move |ev| kind.set(DayKind::parse(&event_target_value(&ev)).unwrap_or(DayKind::Holiday))>
                        {DayKind::ALL.iter().map(|&k| view! {
                            <option value=k.as_str() selected=move || kind.get() == k>{move || i.label(k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="calendar-name">{i.text(Msg::Name)}</label>
                    <input id="calendar-name" type="text" maxlength="40" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field action">
                    <button class="btn" type="button" disabled=move || busy.get() || cal.with(Option::is_none) on:click=add>{i.text(Msg::AddDays)}</button>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="calendar-year">
                <label for="calendar-year">{i.text(Msg::Year)}</label>
                <select id="calendar-year" on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }>
                    {move || years().into_iter().map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> }).collect_view()}
                </select>
            </div>
            {move || {
                let y = year.get();
                let days: Vec<calendar::Day> = cal.with(|c| c.as_ref().map(|c| c.year(y).cloned().collect()).unwrap_or_default());
                if days.is_empty() {
                    return view! { <p class="muted">{i.t(Msg::NoCalendarDays).replace("{n}", &y.to_string())}</p> }.into_any();
                }
                view! {
                    <table class="table calendar-days">
                        <thead><tr>
                            <th>{i.text(Msg::Date)}</th>
                            <th>{i.text(Msg::Weekday)}</th>
                            <th>{i.text(Msg::DayKindLabel)}</th>
                            <th>{i.text(Msg::Name)}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>
                            {days.into_iter().map(|d| {
                                let date = d.date;
                                view! {
                                    <tr class=format!("day-{}", d.kind.as_str())>
                                        <td>{date.to_string()}</td>
                                        <td>{move || i18n::weekday(i.locale.get(), date.weekday().number_from_monday())}</td>
                                        <td>{move || i.label(d.kind)}</td>
                                        <td>{d.name.clone()}</td>
                                        <td><button class="btn small danger-text" type="button" aria-label=move || format!("{} {}", i.t(Msg::Remove), date) disabled=move || busy.get() on:click=move |_| remove(date)>{i.text(Msg::Remove)}</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <div class="form-grid calendar-files">
                <div class="field">
                    <label for="calendar-file">{i.text(Msg::LoadCalendar)}</label>
                    <input id="calendar-file" type="file" accept=".csv,.txt,text/csv,text/plain" disabled=move || busy.get() on:change=on_file/>
                </div>
                <div class="field action">
                    <button class="btn" type="button" on:click=download>{i.text(Msg::ExportCalendar)}</button>
                </div>
            </div>
            {move || {
                let errors = file_errors.get();
                (!errors.is_empty()).then(|| view! {
                    <div class="notice error" role="alert">
                        {errors.into_iter().map(|e| view! { <p>{e}</p> }).collect_view()}
                    </div>
                })
            }}
        </section>
    }
}
