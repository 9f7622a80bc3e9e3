//! Small preferences kept in the browser (gloo-storage): the language, which
//! archive is open (real or demo), and who the current user is per archive.
//!
//! Values are JSON, written and read by the browser's own `JSON`
//! ([`read_json`]) rather than through gloo-storage's serde_json
//! helpers.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Locale;
use crate::storage::browser::{read_json, write_json};

const LOCALE: &str = "dossier.locale";
/// Also read by the loader in `index.html`, which opens the archive early.
const ARCHIVE: &str = "dossier.archive";

/// The real archive's database name.
pub const REAL_DB: &str = "dossier";
/// The demo archive's database: separate, so a demo never touches real data.
pub const DEMO_DB: &str = "dossier-demo";

fn get_text(key: &str) -> Option<String> {
    read_json(&LocalStorage::raw(), key).and_then(|v| v.as_string())
}

fn set_text(key: &str, value: &str) {
    write_json(&LocalStorage::raw(), key, &JsValue::from_str(value));
}

pub fn locale() -> Option<Locale> {
    get_text(LOCALE).and_then(|s| Locale::parse(&s))
}

pub fn set_locale(l: Locale) {
    set_text(LOCALE, l.as_str());
}

/// The database of the real archive or the demo.
pub fn db_name(demo: bool) -> &'static str {
    if demo {
        DEMO_DB
    } else {
        REAL_DB
    }
}

pub fn demo() -> bool {
    get_text(ARCHIVE).as_deref() == Some("demo")
}

pub fn set_demo(on: bool) {
    set_text(ARCHIVE, if on { "demo" } else { "real" });
}

pub fn me(db: &str) -> Option<String> {
    get_text(&format!("dossier.me.{db}")).filter(|s| !s.is_empty())
}

pub fn set_me(db: &str, id: Option<&str>) {
    set_text(&format!("dossier.me.{db}"), id.unwrap_or(""));
}

/// When the archive `db` was last backed up from this browser.
pub fn last_backup(db: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let millis = read_json(&LocalStorage::raw(), &format!("dossier.last-backup.{db}"))?.as_f64()?;
    chrono::DateTime::from_timestamp_millis(millis as i64)
}

pub fn set_last_backup(db: &str, at: chrono::DateTime<chrono::Utc>) {
    write_json(&LocalStorage::raw(), &format!("dossier.last-backup.{db}"), &JsValue::from_f64(at.timestamp_millis() as f64));
}

/// The day the user last put the backup reminder off.
/// Kept as a day number: parsing a written date would add chrono's parser
/// to the download.
pub fn backup_put_off(db: &str) -> Option<chrono::NaiveDate> {
    let day = read_json(&LocalStorage::raw(), &format!("dossier.backup-later.{db}"))?.as_f64()?;
    chrono::NaiveDate::from_num_days_from_ce_opt(day as i32)
}

pub fn set_backup_put_off(db: &str, day: chrono::NaiveDate) {
    use chrono::Datelike;
    write_json(&LocalStorage::raw(), &format!("dossier.backup-later.{db}"), &JsValue::from_f64(day.num_days_from_ce() as f64));
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
    let object = read_json(&SessionStorage::raw(), &draft_key(db, form))?.dyn_into::<js_sys::Object>().ok()?;
    let mut fields = BTreeMap::new();
    fields.extend(js_sys::Object::entries(&object).iter().filter_map(|entry| {
        let pair = entry.dyn_into::<js_sys::Array>().ok()?;
        Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
    }));
    Some(fields)
}

pub fn set_draft(db: &str, form: &str, fields: &BTreeMap<String, String>) {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    write_json(&SessionStorage::raw(), &draft_key(db, form), &object);
}

pub fn clear_draft(db: &str, form: &str) {
    SessionStorage::delete(draft_key(db, form));
}

/// The import mapping saved for a file's headings (`signature`): each
/// column's target key, empty for a column not imported.
pub fn mapping(db: &str, signature: &str) -> Option<Vec<String>> {
    let text = get_text(&format!("dossier.mapping.{db}.{signature}"))?;
    Some(text.split('\u{1f}').map(str::to_string).collect())
}

pub fn set_mapping(db: &str, signature: &str, targets: &[String]) {
    set_text(&format!("dossier.mapping.{db}.{signature}"), &targets.join("\u{1f}"));
}
