//! The reactive side of the message tables: the chosen language as a signal.

use leptos::prelude::*;

use super::prefs;
use crate::i18n::{self, Label, Locale, Msg};

#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    pub fn new() -> Self {
        I18n { locale: RwSignal::new(prefs::locale().unwrap_or_else(prefs::browser_locale)) }
    }

    /// A message in the current language (re-renders when it changes).
    pub fn t(self, m: Msg) -> &'static str {
        i18n::t(self.locale.get(), m)
    }

    /// A message that follows the language, for view text and attributes.
    /// Every message shares this one closure type, so one copy of the
    /// rendering code serves them all.
    pub fn text(self, m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(m)
    }

    pub fn t_untracked(self, m: Msg) -> &'static str {
        i18n::t(self.locale.get_untracked(), m)
    }

    /// The label of a stored value (a status, a field, a role…).
    pub fn label<L: Label>(self, v: L) -> &'static str {
        v.label(self.locale.get())
    }

    pub fn set(self, l: Locale) {
        prefs::set_locale(l);
        self.locale.set(l);
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.html_lang());
        }
    }
}

impl Default for I18n {
    fn default() -> Self {
        Self::new()
    }
}

impl I18n {
    /// A message as a signal, for component props.
    pub fn sig(self, m: Msg) -> Signal<&'static str> {
        Signal::derive(move || self.t(m))
    }

    /// A label as a signal, for component props.
    pub fn sig_label<L: Label + Copy + Send + Sync + 'static>(self, v: L) -> Signal<&'static str> {
        Signal::derive(move || self.label(v))
    }
}
