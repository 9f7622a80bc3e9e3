//! The communication log: record a call, letter, fax, e-mail, meeting or
//! visit, and read the log newest first.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::interaction::{Channel, Interaction, InteractionDraft, InteractionField};
use crate::domain::{ops, sorting};
use crate::i18n::{self, Msg};
use crate::ui::app::{AppState, ToastKind};
use crate::ui::app::platform;
use crate::ui::common::{InputKind, SelectField, TextArea, TextField};

#[component]
pub fn LogPanel(
    customer_id: String,
    #[prop(into)] entries: Signal<Vec<Interaction>>,
    /// Called after an entry is added, to reload.
    on_changed: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let date = RwSignal::new(platform::today().to_string());
    let staff = RwSignal::new(state.me.get_untracked().unwrap_or_default());
    let channel = RwSignal::new(Channel::Call.as_str().to_string());
    let summary = RwSignal::new(String::new());
    let next_step = RwSignal::new(String::new());
    let errors = RwSignal::new(HashMap::<InteractionField, String>::new());
    let busy = RwSignal::new(false);
    let err = move |f: InteractionField| Signal::derive(move || errors.with(|e| e.get(&f).cloned()));
    let channels = Signal::derive(move || Channel::ALL.iter().map(|c| (c.as_str().to_string(), i.label(*c).to_string())).collect::<Vec<_>>());
    let staff_options = Signal::derive(move || state.staff_options("—"));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let draft = InteractionDraft {
            date: date.get_untracked(),
            staff: staff.get_untracked(),
            channel: channel.get_untracked(),
            summary: summary.get_untracked(),
            next_step: next_step.get_untracked(),
        };
        let locale = i.locale.get_untracked();
        match draft.parse(&Interaction::default(), platform::today()) {
            Err(list) => errors.set(list.into_iter().map(|(f, e)| (f, i18n::field_error(locale, &e))).collect()),
            Ok(entry) => {
                errors.set(HashMap::new());
                let (set, _) = state.run(|ctx| ops::add_interaction(ctx, &customer_id, entry));
                busy.set(true);
                spawn_local(async move {
                    let result = state.apply(&set).await;
                    busy.set(false);
                    match result {
                        Ok(()) => {
                            summary.set(String::new());
                            next_step.set(String::new());
                            state.toast(ToastKind::Done, i.t_untracked(Msg::LogAdded));
                            on_changed.run(());
                        }
                        Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
                    }
                });
            }
        }
    };
    view! {
        <div class="panel">
            <form class="subform" on:submit=add aria-label=i.text(Msg::AddLogEntry)>
                <div class="form-grid">
                    <TextField label=i.sig(Msg::Date) value=date kind=InputKind::Date error=err(InteractionField::Date) required=true/>
                    <SelectField label=i.sig(Msg::StaffMember) value=staff options=staff_options/>
                    <SelectField label=i.sig(Msg::Channel) value=channel options=channels error=err(InteractionField::Channel)/>
                    <TextArea label=i.sig(Msg::Summary) value=summary error=err(InteractionField::Summary) required=true rows=2/>
                    <TextArea label=i.sig(Msg::NextStep) value=next_step error=err(InteractionField::NextStep) rows=2/>
                </div>
                <div class="actions">
                    <button class="btn primary" type="submit" disabled=move || busy.get()>{i.text(Msg::AddLogEntry)}</button>
                </div>
            </form>
            <table class="table">
                <thead><tr>
                    <th>{i.text(Msg::Date)}</th>
                    <th>{i.text(Msg::Channel)}</th>
                    <th>{i.text(Msg::StaffMember)}</th>
                    <th>{i.text(Msg::Summary)}</th>
                    <th>{i.text(Msg::NextStep)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let mut list = entries.get();
                        sorting::sort_by(&mut list, Interaction::latest_first);
                        list.into_iter().map(|e| view! {
                            <tr>
                                <td class="nowrap">{e.date.to_string()}</td>
                                <td>{i.label(e.channel)}</td>
                                <td>{e.staff.as_deref().map(|s| state.staff_name(s)).unwrap_or_default()}</td>
                                <td class="pre">{e.summary.clone()}</td>
                                <td class="pre">{e.next_step.clone()}</td>
                            </tr>
                        }).collect_view()
                    }}
                </tbody>
            </table>
            <Show when=move || entries.with(Vec::is_empty)>
                <p class="muted">{i.text(Msg::NoLog)}</p>
            </Show>
        </div>
    }
}
