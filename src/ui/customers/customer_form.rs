//! Creating or editing a customer record. The form shows the fields of the
//! chosen kind's card; every error appears beside its field; nothing typed is
//! lost on an error, a full disk or a conflict with another tab.

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::customer::{CreditRating, Draft, Input, Section, CURRENCIES};
use crate::domain::ops::{self, OpError};
use crate::domain::classification::Class;
use crate::domain::{Action, Confidentiality, Contact, Customer, CustomerKind, Field, Status};
use crate::i18n::{self, Msg};
use crate::storage::{Store, StoreError};
use crate::ui::app::{navigate, platform, prefs, AppState, Route, ToastKind};
use crate::ui::common::{InputKind, SelectField, TextArea, TextField};

#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Missing,
    Failed(String),
    Ready(Box<Customer>),
}

#[component]
pub fn CustomerForm(
    /// The customer edited, or none for a new one.
    id: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let phase = RwSignal::new(Phase::Loading);
    match id.clone() {
        None => {
            let c = Customer { owner: state.me.get_untracked(), ..Customer::default() };
            phase.set(Phase::Ready(Box::new(c)));
        }
        Some(id) => spawn_local(async move {
            match state.store().get::<Customer>(&id).await {
                Ok(Some(c)) => phase.set(Phase::Ready(Box::new(c))),
                Ok(None) => phase.set(Phase::Missing),
                Err(e) => phase.set(Phase::Failed(state.error_text(&e))),
            }
        }),
    }
    move || match phase.get() {
        Phase::Loading => view! { <p class="muted" role="status">{i.text(Msg::Loading)}</p> }.into_any(),
        Phase::Missing => view! { <p role="alert">{i.text(Msg::CustomerMissing)}</p> }.into_any(),
        Phase::Failed(text) => view! { <p class="error" role="alert">{text}</p> }.into_any(),
        Phase::Ready(c) => view! { <FormBody base=*c is_new=id.is_none()/> }.into_any(),
    }
}

/// The fields another tab changed, and which of them this user changed too.
#[derive(Clone, Debug, PartialEq)]
struct Conflict {
    theirs: Vec<Field>,
    both: Vec<Field>,
}

#[component]
fn FormBody(base: Customer, is_new: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i = state.i18n;
    let base = RwSignal::new(base);
    let values: HashMap<Field, RwSignal<String>> =
        Field::ALL.iter().map(|f| (*f, RwSignal::new(base.get_untracked().get(*f)))).collect();
    let values = StoredValue::new(values);
    let value = move |f: Field| values.with_value(|v| v[&f]);
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(HashMap::<Field, String>::new());
    let conflict = RwSignal::new(None::<Conflict>);
    let busy = RwSignal::new(false);
    let changed_elsewhere = RwSignal::new(false);
    let kind = Signal::derive(move || CustomerKind::parse(&value(Field::Kind).get()).unwrap_or(CustomerKind::EndCustomer));
    let status = Signal::derive(move || Status::parse(&value(Field::Status).get()).unwrap_or(Status::Potential));
    // Another tab saved this customer while the form is open: say so now.
    Effect::new(move |prev: Option<u64>| {
        let (n, a) = state.remote.get();
        if prev.is_some_and(|p| p != n) && a.customers.contains(&base.get_untracked().id) && !is_new {
            changed_elsewhere.set(true);
        }
        n
    });
    let draft = move || {
        let mut draft = Draft::new();
        values.with_value(|v| draft.extend(v.iter().map(|(f, s)| (*f, s.get_untracked()))));
        draft
    };

    // Unsaved typing is kept for this tab: leaving the form, reloading or a
    // crash loses nothing. It comes back when the form opens again.
    let form_key = if is_new { "new".to_string() } else { base.get_untracked().id };
    let form_key = StoredValue::new(form_key);
    let db = state.db_name();
    const REASON: &str = "_reason";
    let restored = RwSignal::new(false);
    if let Some(kept) = prefs::draft(db, &form_key.get_value()) {
        let saved = base.get_untracked();
        let differs = Field::ALL.iter().any(|f| kept.get(f.as_str()).is_some_and(|v| *v != saved.get(*f)));
        if differs {
            for f in Field::ALL {
                if let Some(v) = kept.get(f.as_str()) {
                    value(*f).set(v.clone());
                }
            }
            reason.set(kept.get(REASON).cloned().unwrap_or_default());
            restored.set(true);
        }
    }
    Effect::new(move |first: Option<()>| {
        let mut kept = BTreeMap::new();
        values.with_value(|v| kept.extend(v.iter().map(|(f, s)| (f.as_str().to_string(), s.get()))));
        kept.insert(REASON.into(), reason.get());
        if first.is_some() {
            prefs::set_draft(db, &form_key.get_value(), &kept);
        }
    });
    let discard = move |_| {
        prefs::clear_draft(db, &form_key.get_value());
        let saved = base.get_untracked();
        for f in Field::ALL {
            value(*f).set(saved.get(*f));
        }
        reason.set(String::new());
        restored.set(false);
    };

    let on_conflict = move || {
        spawn_local(async move {
            let old = base.get_untracked();
            let Ok(Some(theirs)) = state.store().get::<Customer>(&old.id).await else {
                state.toast(ToastKind::Error, i.t_untracked(Msg::CustomerMissing));
                return;
            };
            let mine = draft();
            let mine_changed: Vec<Field> = Field::ALL.iter().copied().filter(|f| mine[f].trim() != old.get(*f)).collect();
            let theirs_changed: Vec<Field> = Field::ALL.iter().copied().filter(|f| theirs.get(*f) != old.get(*f)).collect();
            // Keep every field this user changed; take the rest from the other tab.
            for f in Field::ALL {
                if !mine_changed.contains(f) {
                    value(*f).set(theirs.get(*f));
                }
            }
            let both = theirs_changed.iter().copied().filter(|f| mine_changed.contains(f)).collect();
            conflict.set(Some(Conflict { theirs: theirs_changed, both }));
            base.set(theirs);
            changed_elsewhere.set(false);
        });
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let locale = i.locale.get_untracked();
        let old = base.get_untracked();
        let parsed = old.with_draft(&draft(), platform::today());
        let new = match parsed {
            Err(list) => {
                let first = list[0].0;
                errors.set(list.into_iter().map(|(f, e)| (f, i18n::field_error(locale, &e))).collect());
                state.toast(ToastKind::Error, i.t_untracked(Msg::FixFields));
                focus_field(first);
                return;
            }
            Ok(new) => new,
        };
        errors.set(HashMap::new());
        busy.set(true);
        spawn_local(async move {
            let result: Result<String, StoreError> = async {
                if is_new {
                    let (set, created) = state.run(|ctx| ops::create_customer(ctx, new, Vec::<Contact>::new(), Action::Created, ""));
                    state.apply(&set).await?;
                    Ok(created.id)
                } else {
                    match state.run(|ctx| ops::update_customer(ctx, &old, new, &reason.get_untracked())) {
                        Err(OpError::NothingChanged) => Ok(old.id.clone()),
                        Err(e) => Err(StoreError::Failed { op: "save", detail: e.to_string() }),
                        Ok((set, _)) => {
                            state.apply(&set).await?;
                            Ok(old.id.clone())
                        }
                    }
                }
            }
            .await;
            busy.set(false);
            match result {
                Ok(id) => {
                    prefs::clear_draft(db, &form_key.get_value());
                    state.toast(ToastKind::Done, i.t_untracked(Msg::Saved));
                    navigate(Route::Customer(id));
                }
                Err(StoreError::Conflict { .. }) => on_conflict(),
                Err(e) => state.toast(ToastKind::Error, state.error_text(&e)),
            }
        });
    };

    let staff_options = Signal::derive(move || state.staff_options("—"));
    let enum_options = move |f: Field| -> Signal<Vec<(String, String)>> {
        Signal::derive(move || match f.input() {
            Input::Kind => CustomerKind::ALL.iter().map(|v| (v.as_str().to_string(), i.label(*v).to_string())).collect(),
            Input::Status => Status::ALL.iter().map(|v| (v.as_str().to_string(), i.label(*v).to_string())).collect(),
            Input::Confidentiality => Confidentiality::ALL.iter().map(|v| (v.as_str().to_string(), i.label(*v).to_string())).collect(),
            Input::Currency => CURRENCIES.iter().map(|c| (c.to_string(), c.to_string())).collect(),
            Input::CreditRating => std::iter::once((String::new(), "—".to_string()))
                .chain(CreditRating::ALL.iter().map(|v| (v.as_str().to_string(), i.label(*v).to_string())))
                .collect(),
            _ => Vec::new(),
        })
    };
    // A classification offers the agency's list, and keeps a value the list
    // lacks (the record's own, or one a restored draft holds) selectable.
    let class_options = move |class: Class| -> Signal<Vec<(String, String)>> {
        Signal::derive(move || {
            let mut options = state.class_options(class, &value(class.field()).get());
            let stored = base.with(|b| b.get(class.field()));
            if !stored.is_empty() && !options.iter().any(|(v, _)| *v == stored) {
                options.push((stored.clone(), stored));
            }
            options
        })
    };
    let field_view = move |f: Field| {
        let v = value(f);
        let label = i.sig_label(f);
        let err = Signal::derive(move || errors.with(|e| e.get(&f).cloned()));
        let id = format!("field-{}", f.as_str());
        match f.input() {
            Input::Kind | Input::Status | Input::Confidentiality | Input::Currency | Input::CreditRating => {
                view! { <SelectField label=label value=v options=enum_options(f) error=err id=id/> }.into_any()
            }
            Input::Staff => view! { <SelectField label=label value=v options=staff_options error=err id=id/> }.into_any(),
            Input::Text if Class::of_field(f).is_some() => {
                let options = Class::of_field(f).map(class_options).unwrap_or_default();
                view! { <SelectField label=label value=v options=options error=err id=id/> }.into_any()
            }
            Input::LongText => view! { <TextArea label=label value=v error=err id=id/> }.into_any(),
            input => {
                let kind = match input {
                    Input::Date => InputKind::Date,
                    Input::Email => InputKind::Email,
                    Input::Phone => InputKind::Tel,
                    Input::Url => InputKind::Url,
                    Input::Amount | Input::Count => InputKind::Decimal,
                    _ => InputKind::Text,
                };
                view! { <TextField label=label value=v error=err kind=kind required=f == Field::Name id=id/> }.into_any()
            }
        }
    };
    let section_view = move |s: Section| {
        let fields = move || {
            Field::in_section(s)
                .filter(|f| f.applies_to(kind.get()) && f.applies_to_status(status.get()))
                .collect::<Vec<_>>()
        };
        view! {
            <fieldset class="form-section">
                <legend>{move || if s == Section::Card { i.label(kind.get()) } else { i.label(s) }}</legend>
                <div class="form-grid">
                    {move || fields().into_iter().map(field_view).collect_view()}
                </div>
            </fieldset>
        }
    };
    let title = if is_new { Msg::NewCustomer } else { Msg::EditCustomer };
    let cancel_to = if is_new { Route::Customers } else { Route::Customer(base.get_untracked().id) };
    view! {
        <section class="page form-page">
            <div class="page-head">
                <div>
                    <p class="crumbs"><a href=Route::Customers.href()>{i.text(Msg::NavCustomers)}</a></p>
                    <h1>{i.text(title)}</h1>
                </div>
            </div>
            <Show when=move || restored.get()>
                <div class="notice" role="status">
                    {i.text(Msg::DraftRestored)}" "
                    <button class="btn small" type="button" on:click=discard>{i.text(Msg::DiscardChanges)}</button>
                </div>
            </Show>
            <Show when=move || changed_elsewhere.get()>
                <div class="notice warn" role="status">{i.text(Msg::ChangedElsewhere)}</div>
            </Show>
            {move || conflict.get().map(|c| {
                let names = |fs: &[Field]| fs.iter().map(|f| i.label(*f)).collect::<Vec<_>>().join(", ");
                let theirs = names(&c.theirs);
                let both = names(&c.both);
                view! {
                    <div class="notice error" role="alert">
                        <strong>{i.text(Msg::ConflictTitle)}</strong>
                        <p>{i.text(Msg::ConflictExplain)}</p>
                        <p>{i.text(Msg::ConflictTheirFields)}": "{theirs.clone()}</p>
                        {(!c.both.is_empty()).then(|| view! { <p>{i.text(Msg::ConflictBothFields)}": "{both.clone()}</p> })}
                    </div>
                }
            })}
            <form class="customer-form" on:submit=save novalidate=true>
                {Section::ALL.iter().map(|s| section_view(*s)).collect_view()}
                {(!is_new).then(|| view! {
                    <fieldset class="form-section">
                        <legend>{i.text(Msg::Reason)}</legend>
                        <TextArea label=i.sig(Msg::EditReason) value=reason rows=2/>
                    </fieldset>
                })}
                <div class="actions sticky">
                    <button class="btn primary" type="submit" disabled=move || busy.get()>
                        {move || if conflict.get().is_some() { i.t(Msg::SaveMerged) } else { i.t(Msg::Save) }}
                    </button>
                    <a class="btn" href=cancel_to.href() on:click=move |_| prefs::clear_draft(db, &form_key.get_value())>{i.text(Msg::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}

fn focus_field(f: Field) {
    if let Some(el) = document().get_element_by_id(&format!("field-{}", f.as_str())) {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
    }
}
