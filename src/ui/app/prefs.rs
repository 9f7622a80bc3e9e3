//! Small preferences kept in the browser (gloo-storage): the language, which
//! archive is open (real or demo), and who the current user is per archive.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, SessionStorage, Storage};

use crate::i18n::Locale;

const LOCALE: &str = "dossier.locale";
/// Also read by the loader in `index.html`, which opens the archive early.
const ARCHIVE: &str = "dossier.archive";

/// The real archive's database name.
pub const REAL_DB: &str = "dossier";
/// The demo archive's database: separate, so a demo never touches real data.
pub const DEMO_DB: &str = "dossier-demo";

pub fn locale() -> Option<Locale> {
    LocalStorage::get::<String>(LOCALE).ok().and_then(|s| Locale::parse(&s))
}

pub fn set_locale(l: Locale) {
    let _ = LocalStorage::set(LOCALE, l.as_str());
}

pub fn demo() -> bool {
    LocalStorage::get::<String>(ARCHIVE).ok().as_deref() == Some("demo")
}

pub fn set_demo(on: bool) {
    let _ = LocalStorage::set(ARCHIVE, if on { "demo" } else { "real" });
}

pub fn me(db: &str) -> Option<String> {
    LocalStorage::get::<String>(format!("dossier.me.{db}")).ok().filter(|s| !s.is_empty())
}

pub fn set_me(db: &str, id: Option<&str>) {
    let _ = LocalStorage::set(format!("dossier.me.{db}"), id.unwrap_or(""));
}

/// The browser's preferred language, mapped to one we have.
pub fn browser_locale() -> Locale {
    let langs: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    langs.iter().find_map(|l| Locale::from_tag(l)).unwrap_or(Locale::En)
}

fn draft_key(db: &str, form: &str) -> String {
    format!("dossier.draft.{db}.{form}")
}

/// An unsaved form's fields (key → text), kept for this tab so that leaving the
/// page or reloading it loses nothing.
pub fn draft(db: &str, form: &str) -> Option<BTreeMap<String, String>> {
    SessionStorage::get(draft_key(db, form)).ok()
}

pub fn set_draft(db: &str, form: &str, fields: &BTreeMap<String, String>) {
    let _ = SessionStorage::set(draft_key(db, form), fields);
}

pub fn clear_draft(db: &str, form: &str) {
    SessionStorage::delete(draft_key(db, form));
}
