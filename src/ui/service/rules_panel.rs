//! Settings → Complaint rules: each severity's deadlines in working days,
//! when the director is told of an overdue complaint, and the agency's own
//! complaint categories beside the built-in ones.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{load_setting, save_setting};
use crate::domain::complaint::{self, ComplaintRules, Deadlines, RuleError, Severity, CATEGORIES};
use crate::i18n::{self, Locale, Msg};
use crate::ui::app::{AppState, ToastKind};
use crate::ui::common::{InputKind, TextField};

/// A whole number of working days as typed.
fn whole(raw: &str) -> Option<u32> {
    raw.trim().parse().ok()
}

#[component]
pub fn ComplaintRulesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let rules = RwSignal::new(None::<ComplaintRules>);
    // Each severity's two deadlines as typed, and when the director is told.
    let typed: Vec<(Severity, RwSignal<String>, RwSignal<String>)> = Severity::ALL.iter().map(|&s| (s, RwSignal::new(String::new()), RwSignal::new(String::new()))).collect();
    let typed = StoredValue::new(typed);
    let director = RwSignal::new(String::new());
    let new_category = RwSignal::new(String::new());
    // Errors beside the boxes, by box: "investigate-low", "reply-low", "director", "category".
    let errors = RwSignal::new(HashMap::<String, String>::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let show = move |r: &ComplaintRules| {
        typed.with_value(|t| {
            for (s, inv, rep) in t {
                let d = r.for_severity(*s);
                inv.set(d.investigate.to_string());
                rep.set(d.reply.to_string());
            }
        });
        director.set(r.director_after.to_string());
    };
    spawn_local(async move {
        match load_setting::<ComplaintRules>(state, complaint::SETTING).await {
            Ok(r) => {
                show(&r);
                rules.set(Some(r));
            }
            Err(e) => error.set(Some(state.error_text(&e))),
        }
    });
    let rule_error = move |e: RuleError| i18n::rule_error(i.locale.get_untracked(), &e).to_string();
    let write = move |next: ComplaintRules, done: Msg, then: Box<dyn FnOnce()>| {
        busy.set(true);
        spawn_local(async move {
            match save_setting(state, complaint::SETTING, &next).await {
                Ok(()) => {
                    rules.set(Some(next));
                    state.toast(ToastKind::Done, i.t_untracked(done));
                    then();
                }
                Err(e) => error.set(Some(state.error_text(&e))),
            }
            busy.set(false);
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut next) = rules.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        let mut bad = HashMap::new();
        let days = |key: String, raw: String, bad: &mut HashMap<String, String>| {
            let n = whole(&raw);
            if n.is_none() {
                bad.insert(key, i.t_untracked(Msg::WholeDays).to_string());
            }
            n
        };
        for (s, inv, rep) in typed.get_value() {
            let k = s.as_str();
            let investigate = days(format!("investigate-{k}"), inv.get_untracked(), &mut bad);
            let reply = days(format!("reply-{k}"), rep.get_untracked(), &mut bad);
            // Each box over the longest deadline is marked; then a reply due before the investigation.
            for (key, n) in [("investigate", investigate), ("reply", reply)] {
                if n.is_some_and(|n| n > complaint::MAX_DEADLINE) {
                    bad.insert(format!("{key}-{k}"), rule_error(RuleError::TooLong));
                }
            }
            if let (Some(investigate), Some(reply)) = (investigate, reply) {
                if let Err(e) = next.set_deadlines(Deadlines { severity: s, investigate, reply }) {
                    bad.entry(format!("reply-{k}")).or_insert_with(|| rule_error(e));
                }
            }
        }
        if let Some(n) = days("director".into(), director.get_untracked(), &mut bad) {
            if let Err(e) = next.set_director_after(n) {
                bad.insert("director".into(), rule_error(e));
            }
        }
        let refused = !bad.is_empty();
        errors.set(bad);
        if !refused {
            error.set(None);
            write(next, Msg::ComplaintRulesSaved, Box::new(|| {}));
        }
    };
    let add_category = move |_| {
        let Some(mut next) = rules.get_untracked() else { return };
        // Nor the name a built-in category has in any language.
        let typed = new_category.get_untracked().trim().to_lowercase();
        let built_in = CATEGORIES.iter().any(|k| Locale::ALL.iter().any(|&l| i18n::complaint_category(l, k).to_lowercase() == typed));
        let added = if built_in { Err(RuleError::CategoryExists) } else { next.add_category(&new_category.get_untracked()) };
        match added {
            Ok(_) => {
                errors.update(|e| {
                    e.remove("category");
                });
                write(next, Msg::ComplaintRulesSaved, Box::new(move || new_category.set(String::new())));
            }
            Err(e) => errors.update(|errs| {
                errs.insert("category".into(), rule_error(e));
            }),
        }
    };
    let remove_category = move |name: String| {
        let Some(mut next) = rules.get_untracked() else { return };
        next.remove_category(&name);
        write(next, Msg::ComplaintRulesSaved, Box::new(|| {}));
    };
    let err = move |key: String| Signal::derive(move || errors.with(|e| e.get(&key).cloned()));
    let cell = move |value: RwSignal<String>, key: String, label: Signal<String>| {
        let error_id = format!("rule-{key}-error");
        let message = err(key);
        let described = error_id.clone();
        view! {
            <td>
                <input type="text" inputmode="numeric" size="3" class:invalid=move || message.with(Option::is_some)
                    aria-invalid=move || message.with(Option::is_some).then_some("true")
                    aria-describedby=move || message.with(Option::is_some).then(|| described.clone())
                    aria-label=move || label.get()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))/>
                {move || message.get().map(|m| view! { <p class="field-error" id=error_id.clone() role="alert">{m}</p> })}
            </td>
        }
    };
    let director_error = err("director".into());
    let category_error = err("category".into());
    view! {
        <section class="card-section rules-panel" aria-labelledby="rules-title">
            <h3 id="rules-title">{i.text(Msg::ComplaintRulesTitle)}</h3>
            <p class="muted">{i.text(Msg::ComplaintRulesExplain)}</p>
            <form on:submit=save novalidate=true>
                <table class="table plan-table">
                    <thead><tr>
                        <th>{i.text(Msg::Severity)}</th>
                        <th>{i.text(Msg::InvestigateWithin)}</th>
                        <th>{i.text(Msg::ReplyWithin)}</th>
                    </tr></thead>
                    <tbody>
                        {typed.get_value().into_iter().map(|(s, inv, rep)| {
                            let k = s.as_str();
                            let label = move |m: Msg| Signal::derive(move || format!("{} · {}", i.label(s), i.t(m)));
                            view! {
                                <tr>
                                    <th scope="row">{move || i.label(s)}</th>
                                    {cell(inv, format!("investigate-{k}"), label(Msg::InvestigateWithin))}
                                    {cell(rep, format!("reply-{k}"), label(Msg::ReplyWithin))}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <div class="director-after">
                    <TextField label=i.sig(Msg::DirectorAfter) value=director error=director_error kind=InputKind::Decimal id="director-after"/>
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button class="btn primary" type="submit" disabled=move || busy.get() || rules.with(Option::is_none)>{i.text(Msg::Save)}</button>
                </div>
            </form>
            <h4>{i.text(Msg::OwnCategories)}</h4>
            <ul class="categories">
                {move || {
                    let own = rules.with(|r| r.as_ref().map(|r| r.categories.clone()).unwrap_or_default());
                    CATEGORIES
                        .iter()
                        .map(|k| view! { <li>{move || i18n::complaint_category(i.locale.get(), k)}" "<span class="muted">{i.text(Msg::BuiltIn)}</span></li> }.into_any())
                        .chain(own.into_iter().map(|name| {
                            let label = format!("{} {}", i.t(Msg::Remove), name);
                            let gone = name.clone();
                            view! {
                                <li>
                                    {name}" "
                                    <button class="btn small danger-text" type="button" aria-label=label disabled=move || busy.get() on:click=move |_| remove_category(gone.clone())>
                                        {i.text(Msg::Remove)}
                                    </button>
                                </li>
                            }
                            .into_any()
                        }))
                        .collect_view()
                }}
            </ul>
            <div class="form-grid">
                <TextField label=i.sig(Msg::NewCategory) value=new_category error=category_error id="new-category"/>
                <div class="field action">
                    <button class="btn" type="button" disabled=move || busy.get() || rules.with(Option::is_none) on:click=add_category>{i.text(Msg::AddCategory)}</button>
                </div>
            </div>
        </section>
    }
}
