//! The agency's grades and the rules that give them, edited in place: rename,
//! add or remove a grade; add, reorder or remove rules and their conditions;
//! the period and the grade when no rule holds. Saved as one setting.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::change::{ChangeSet, Expect, Setting};
use crate::domain::grading::{self, Condition, Grading, Join, Metric, Op, Rule, Tier};
use crate::domain::validate;
use crate::i18n::{self, Msg};
use crate::ui::app::{platform, AppState, ToastKind};

use crate::domain::ids::next_local as next_key;

/// One grade as edited: its id stays, its name is typed.
#[derive(Clone)]
struct TierRow {
    key: u64,
    id: String,
    name: RwSignal<String>,
}

#[derive(Clone)]
struct CondRow {
    key: u64,
    join: RwSignal<String>,
    metric: RwSignal<String>,
    op: RwSignal<String>,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

#[derive(Clone)]
struct RuleRow {
    key: u64,
    grade: RwSignal<String>,
    conds: RwSignal<Vec<CondRow>>,
    error: RwSignal<Option<String>>,
}

fn cond_row(c: &Condition) -> CondRow {
    CondRow {
        key: next_key(),
        join: RwSignal::new(c.join.as_str().into()),
        metric: RwSignal::new(c.metric.as_str().into()),
        op: RwSignal::new(c.op.as_str().into()),
        value: RwSignal::new(c.value.normalize().to_string()),
        error: RwSignal::new(None),
    }
}

fn rule_row(r: &Rule) -> RuleRow {
    RuleRow { key: next_key(), grade: RwSignal::new(r.grade.clone()), conds: RwSignal::new(r.conditions.iter().map(cond_row).collect()), error: RwSignal::new(None) }
}

/// Options for a select over a key enum, labelled in the current language.
fn choices<T: Copy + Send + Sync + i18n::Label + 'static>(state: AppState, all: &'static [T], key: fn(T) -> &'static str) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || all.iter().map(|v| (key(*v).to_string(), state.i18n.label(*v).to_string())).collect())
}

/// Move the item at `at` by `by` places, if it stays in the list.
fn shift<T>(list: &mut [T], at: usize, by: isize) {
    let to = at as isize + by;
    if to >= 0 && (to as usize) < list.len() {
        list.swap(at, to as usize);
    }
}

#[component]
pub fn RulesEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let saved = state.grading.get_untracked();
    let tiers = RwSignal::new(saved.tiers.iter().map(|t| TierRow { key: next_key(), id: t.id.clone(), name: RwSignal::new(t.name.clone()) }).collect::<Vec<_>>());
    let rules = RwSignal::new(saved.rules.iter().map(rule_row).collect::<Vec<_>>());
    let otherwise = RwSignal::new(saved.otherwise.clone().unwrap_or_default());
    let months = RwSignal::new(saved.months.to_string());
    let months_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    // A grade's name as the selects show it: what is typed, else the default's.
    let tier_options = Signal::derive(move || {
        tiers.with(|t| t.iter().map(|t| (t.id.clone(), Some(t.name.get()).filter(|n| !n.trim().is_empty()).unwrap_or_else(|| state.tier_name(&t.id)))).collect::<Vec<_>>())
    });
    let otherwise_options = Signal::derive(move || {
        let mut v = vec![(String::new(), i.t(Msg::NotGraded).to_string())];
        v.extend(tier_options.get());
        v
    });
    let remove_tier = move |id: String| {
        let used = rules.with_untracked(|r| r.iter().any(|r| r.grade.get_untracked() == id)) || otherwise.get_untracked() == id;
        if used {
            state.toast(ToastKind::Error, i.t_untracked(Msg::TierInUse));
        } else {
            tiers.update(|t| t.retain(|t| t.id != id));
        }
    };
    let add_tier = move |_| tiers.update(|t| t.push(TierRow { key: next_key(), id: format!("g{}", platform::new_id()), name: RwSignal::new(String::new()) }));
    let add_rule = move |_| {
        let grade = tiers.with_untracked(|t| t.first().map(|t| t.id.clone())).unwrap_or_default();
        let first = Condition { join: Join::And, metric: Metric::Sales, op: Op::Ge, value: rust_decimal::Decimal::ZERO };
        rules.update(|r| r.push(rule_row(&Rule { grade, conditions: vec![first] })));
    };

    // The grading the form describes, or none (each bad field then says why).
    let read = move || -> Option<Grading> {
        let locale = i.locale.get_untracked();
        let mut ok = true;
        let months_value = months.get_untracked().trim().parse::<u32>().ok().filter(|m| (1..=120).contains(m));
        months_error.set(months_value.is_none().then(|| i.t_untracked(Msg::BadMonths).to_string()));
        ok &= months_value.is_some();
        let mut tier_list = Vec::new();
        for t in tiers.get_untracked() {
            let name = t.name.get_untracked().trim().to_string();
            if name.is_empty() && !grading::DEFAULT_TIERS.contains(&t.id.as_str()) {
                state.toast(ToastKind::Error, i.t_untracked(Msg::TierNameRequired));
                ok = false;
            }
            tier_list.push(Tier { id: t.id, name });
        }
        let mut rule_list = Vec::new();
        for r in rules.get_untracked() {
            let conds = r.conds.get_untracked();
            r.error.set(conds.is_empty().then(|| i.t_untracked(Msg::RuleNeedsCondition).to_string()));
            ok &= !conds.is_empty();
            let mut conditions = Vec::new();
            for c in conds {
                let value = match validate::amount(&c.value.get_untracked()) {
                    Ok(Some(v)) => Ok(v),
                    Ok(None) => Err(validate::FieldError::Required),
                    Err(e) => Err(e),
                };
                c.error.set(value.as_ref().err().map(|e| i18n::field_error(locale, e)));
                let value = value.ok();
                let (Some(join), Some(metric), Some(op), Some(value)) =
                    (Join::parse(&c.join.get_untracked()), Metric::parse(&c.metric.get_untracked()), Op::parse(&c.op.get_untracked()), value)
                else {
                    ok = false;
                    continue;
                };
                conditions.push(Condition { join, metric, op, value });
            }
            rule_list.push(Rule { grade: r.grade.get_untracked(), conditions });
        }
        let otherwise = Some(otherwise.get_untracked()).filter(|o| !o.is_empty());
        let regraded_on = state.grading.with_untracked(|g| g.regraded_on);
        ok.then(|| Grading { tiers: tier_list, rules: rule_list, otherwise, months: months_value.unwrap_or(12), regraded_on })
    };
    // What the editor started from: a save over rules another tab changed
    // since is refused (settings carry no revision to check).
    let started_from = StoredValue::new(saved.clone());
    let save = move |_| {
        let Some(grading) = read() else { return };
        let Ok(value) = crate::io::json::to_text(&grading) else { return };
        let mut set = ChangeSet::default();
        set.put(Setting { id: grading::SETTING.into(), value }, Expect::Any);
        busy.set(true);
        spawn_local(async move {
            if state.grading.with_untracked(|now| started_from.with_value(|from| now.rules != from.rules || now.tiers != from.tiers || now.otherwise != from.otherwise || now.months != from.months)) {
                busy.set(false);
                return state.toast(ToastKind::Error, i.t_untracked(Msg::RulesChangedElsewhere));
            }
            let result = state.apply(&set).await;
            if result.is_ok() {
                started_from.set_value(grading);
            }
            busy.set(false);
            match result {
                Ok(()) => state.toast(ToastKind::Done, i.t_untracked(Msg::RulesSaved)),
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
        });
    };

    // A condition: the first of a rule reads "when", the others say how they join the one before.
    let condition = move |conds: RwSignal<Vec<CondRow>>, c: CondRow| {
        let key = c.key;
        let first = move || conds.with(|l| l.first().map(|x| x.key)) == Some(key);
        view! {
            <div class="condition" class:invalid=move || c.error.with(Option::is_some)>
                <Show when=first fallback=move || view! {
                    <select class="join" aria-label=i.text(Msg::Join) prop:value=move || c.join.get() on:change=move |ev| c.join.set(event_target_value(&ev))>
                        {move || choices(state, Join::ALL, Join::as_str).get().into_iter().map(|(k, l)| view! { <option value=k.clone() selected=c.join.get_untracked() == k>{l}</option> }).collect_view()}
                    </select>
                }>
                    <span class="join muted">{i.text(Msg::When)}</span>
                </Show>
                <select aria-label=i.text(Msg::Metric) prop:value=move || c.metric.get() on:change=move |ev| c.metric.set(event_target_value(&ev))>
                    {move || choices(state, Metric::ALL, Metric::as_str).get().into_iter().map(|(k, l)| view! { <option value=k.clone() selected=c.metric.get_untracked() == k>{l}</option> }).collect_view()}
                </select>
                <select class="op" aria-label=i.text(Msg::Comparison) prop:value=move || c.op.get() on:change=move |ev| c.op.set(event_target_value(&ev))>
                    {move || choices(state, Op::ALL, Op::as_str).get().into_iter().map(|(k, l)| view! { <option value=k.clone() selected=c.op.get_untracked() == k>{l}</option> }).collect_view()}
                </select>
                <input class="value" inputmode="decimal" aria-label=i.text(Msg::Value) prop:value=move || c.value.get() on:input=move |ev| c.value.set(event_target_value(&ev))/>
                <button class="btn small danger-text" type="button" on:click=move |_| conds.update(|l| l.retain(|x| x.key != key))>{i.text(Msg::Remove)}</button>
                <Show when=move || c.error.with(Option::is_some)>
                    <p class="field-error">{move || c.error.get()}</p>
                </Show>
            </div>
        }
    };
    let rule_view = move |r: RuleRow| {
        let key = r.key;
        let number = move || rules.with(|l| l.iter().position(|x| x.key == key).map_or(0, |p| p + 1));
        let at = move || rules.with_untracked(|l| l.iter().position(|x| x.key == key).unwrap_or(0));
        let conds = r.conds;
        view! {
            <li class="rule" aria-label=move || i.t(Msg::RuleN).replace("{n}", &number().to_string())>
                <div class="rule-head">
                    <strong>{move || i.t(Msg::RuleN).replace("{n}", &number().to_string())}</strong>
                    <label class="inline">
                        {i.text(Msg::GivesGrade)}
                        <select prop:value=move || r.grade.get() on:change=move |ev| r.grade.set(event_target_value(&ev))>
                            {move || tier_options.get().into_iter().map(|(k, l)| view! { <option value=k.clone() selected=r.grade.get_untracked() == k>{l}</option> }).collect_view()}
                        </select>
                    </label>
                    <span class="spacer"></span>
                    <button class="btn small" type="button" on:click=move |_| rules.update(|l| shift(l, at(), -1))>{i.text(Msg::MoveUp)}</button>
                    <button class="btn small" type="button" on:click=move |_| rules.update(|l| shift(l, at(), 1))>{i.text(Msg::MoveDown)}</button>
                    <button class="btn small danger-text" type="button" on:click=move |_| rules.update(|l| l.retain(|x| x.key != key))>{i.text(Msg::Remove)}</button>
                </div>
                <div class="conditions">
                    <For each=move || conds.get() key=|c| c.key let:c>
                        {condition(conds, c)}
                    </For>
                </div>
                <Show when=move || r.error.with(Option::is_some)>
                    <p class="field-error">{move || r.error.get()}</p>
                </Show>
                <button class="btn small" type="button" on:click=move |_| {
                    let next = Condition { join: Join::And, metric: Metric::Sales, op: Op::Ge, value: rust_decimal::Decimal::ZERO };
                    conds.update(|l| l.push(cond_row(&next)));
                }>{i.text(Msg::AddCondition)}</button>
            </li>
        }
    };

    view! {
        <section class="card-section rules-editor" aria-label=i.text(Msg::Rules)>
            <h2>{i.text(Msg::Tiers)}</h2>
            <ul class="tiers">
                <For each=move || tiers.get() key=|t| t.key let:t>
                    {
                        let id = t.id.clone();
                        let placeholder = state.tier_name(&t.id);
                        view! {
                            <li class="tier">
                                <input aria-label=i.text(Msg::Name) placeholder=placeholder prop:value=move || t.name.get() on:input=move |ev| t.name.set(event_target_value(&ev))/>
                                <button class="btn small danger-text" type="button" on:click=move |_| remove_tier(id.clone())>{i.text(Msg::Remove)}</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <button class="btn small" type="button" on:click=add_tier>{i.text(Msg::AddTier)}</button>

            <h2>{i.text(Msg::Rules)}</h2>
            <div class="field months" class:invalid=move || months_error.with(Option::is_some)>
                <label for="grading-months">{i.text(Msg::PeriodMonths)}</label>
                <input id="grading-months" inputmode="numeric" prop:value=move || months.get() on:input=move |ev| months.set(event_target_value(&ev))/>
                <Show when=move || months_error.with(Option::is_some)>
                    <p class="field-error">{move || months_error.get()}</p>
                </Show>
            </div>
            <ol class="rules">
                <For each=move || rules.get() key=|r| r.key let:r>
                    {rule_view(r)}
                </For>
            </ol>
            <button class="btn small" type="button" on:click=add_rule>{i.text(Msg::AddRule)}</button>
            <div class="field otherwise">
                <label for="grading-otherwise">{i.text(Msg::Otherwise)}</label>
                <select id="grading-otherwise" prop:value=move || otherwise.get() on:change=move |ev| otherwise.set(event_target_value(&ev))>
                    {move || otherwise_options.get().into_iter().map(|(k, l)| view! { <option value=k.clone() selected=otherwise.get_untracked() == k>{l}</option> }).collect_view()}
                </select>
            </div>
            <div class="actions">
                <button class="btn primary" type="button" disabled=move || busy.get() on:click=save>{i.text(Msg::SaveRules)}</button>
            </div>
        </section>
    }
}
