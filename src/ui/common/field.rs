//! Labelled form fields with their error beside them. The label is the
//! field's accessible name; what the user typed stays in its signal whatever
//! the validation says.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

static NEXT: AtomicUsize = AtomicUsize::new(1);

/// A fresh element id, for tying labels and errors to their inputs.
pub fn next_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputKind {
    #[default]
    Text,
    Date,
    Email,
    Tel,
    Url,
    /// Free text that the browser should offer a numeric keypad for.
    Decimal,
    Search,
}

impl InputKind {
    fn as_str(self) -> &'static str {
        match self {
            InputKind::Text | InputKind::Decimal => "text",
            InputKind::Date => "date",
            InputKind::Email => "email",
            InputKind::Tel => "tel",
            InputKind::Url => "url",
            InputKind::Search => "search",
        }
    }
}

#[component]
pub fn TextField(
    /// The visible label, also the input's accessible name.
    #[prop(into)]
    label: Signal<&'static str>,
    /// What the user typed.
    value: RwSignal<String>,
    /// The message shown beside the field when its value is refused.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    #[prop(optional)] kind: InputKind,
    #[prop(optional)] required: bool,
    /// Id of a datalist offering values.
    #[prop(optional, into)]
    list: Option<String>,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| next_id("f"));
    let err_id = format!("{id}-err");
    let err_id2 = err_id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}{required.then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            <input
                id=id
                type=kind.as_str()
                inputmode=(kind == InputKind::Decimal).then_some("decimal")
                list=list
                required=required
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=move || error.with(Option::is_some).then(|| err_id.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || error.get().map(|e| view! { <p class="field-error" id=err_id2.clone() role="alert">{e}</p> })}
        </div>
    }
}

#[component]
pub fn TextArea(
    /// The visible label, also the accessible name.
    #[prop(into)]
    label: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
    #[prop(default = 2)] rows: u32,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| next_id("t"));
    view! {
        <div class="field wide" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}{required.then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            <textarea
                id=id
                rows=rows
                required=required
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}

#[component]
pub fn SelectField(
    /// The visible label, also the accessible name.
    #[prop(into)]
    label: Signal<&'static str>,
    value: RwSignal<String>,
    /// (value, text) pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| next_id("s"));
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                {move || {
                    let current = value.get();
                    options.get().into_iter().map(|(v, t)| {
                        let selected = v == current;
                        view! { <option value=v selected=selected>{t}</option> }
                    }).collect_view()
                }}
            </select>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}

/// Checkboxes in a fieldset named by `legend`: each of `options` (a value
/// and its label) is on while `chosen` holds its value.
#[component]
pub fn CheckList<T>(
    #[prop(into)] legend: Signal<&'static str>,
    options: Vec<(T, Signal<String>)>,
    chosen: RwSignal<Vec<T>>,
    #[prop(optional)] class: &'static str,
    #[prop(into, optional)] invalid: Signal<bool>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset class=class class:invalid=move || invalid.get()>
            <legend>{legend}</legend>
            {options.into_iter().map(|(value, label)| {
                let this = value.clone();
                view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || chosen.with(|c| c.contains(&this))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let value = value.clone();
                                chosen.update(|c| {
                                    c.retain(|x| *x != value);
                                    if on {
                                        c.push(value);
                                    }
                                });
                            }/>
                        {move || label.get()}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A form's submit and cancel buttons, with what went wrong on submitting
/// (when the form has such a message) above them. Submitting waits while
/// `busy`.
#[component]
pub fn FormActions(
    submit: Signal<&'static str>,
    #[prop(into)] busy: Signal<bool>,
    on_cancel: Callback<()>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let i = expect_context::<crate::ui::app::AppState>().i18n;
    view! {
        {move || error.and_then(|e| e.get()).map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <div class="actions">
            <button class="btn primary" type="submit" disabled=move || busy.get()>{move || submit.get()}</button>
            <button class="btn" type="button" on:click=move |_| on_cancel.run(())>{i.text(crate::i18n::Msg::Cancel)}</button>
        </div>
    }
}
