//! A copy of the customer list's first screen, kept in the browser's
//! localStorage beside the archive: the first rows in name order, and the
//! staff (the list shows owners' names, and who the current user is decides
//! which rows the list shows). Start-up draws it before the browser has
//! opened the archive's IndexedDB, which for a large archive can take a
//! second; the rows read from the archive replace it as soon as they arrive.
//! The app writes it again whenever what it holds changes, so at worst it
//! is one change behind (the tab closed between a commit and the copy).
//!
//! The rows are kept as one row-log segment ([`rowlog`]), the staff as the
//! archive keeps them, both in one JSON value written by the browser's own
//! `JSON`. A copy that cannot be read is ignored: the archive is the truth.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

use super::browser::read_json;
use super::idb::{from_js, to_js};
use super::rowlog;
use crate::domain::{CustomerRow, Staff};

/// How many rows the list shows before the rest of the archive is read: more
/// than a tall screen holds.
pub const ROWS: usize = 60;

/// Also read by the loader in `index.html`, which leaves the archive to the
/// app when a copy exists.
const KEY: &str = "dossier.first-screen.";

/// What the copy holds.
#[derive(Debug, Default, PartialEq)]
pub struct FirstScreen {
    pub staff: Vec<Staff>,
    pub rows: Vec<CustomerRow>,
}

/// The copy as it is stored: compare two to know whether anything changed.
pub fn encode<'a>(staff: &[Staff], rows: impl IntoIterator<Item = &'a CustomerRow>) -> Option<String> {
    let value = js_sys::Object::new();
    let people = js_sys::Array::new();
    for s in staff {
        people.push(&to_js(s).ok()?);
    }
    js_sys::Reflect::set(&value, &"staff".into(), &people).ok()?;
    let rows = rowlog::encode(rows.into_iter().take(ROWS).map(|r| (r.id(), Some(r))));
    js_sys::Reflect::set(&value, &"rows".into(), &rows.into()).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// Keep `copy` (from [`encode`]) for the archive `db`. A full or blocked
/// storage loses only the copy.
pub fn write(db: &str, copy: &str) {
    let _ = LocalStorage::raw().set_item(&format!("{KEY}{db}"), copy);
}

/// The copy kept for the archive `db`, if there is one that reads.
pub fn read(db: &str) -> Option<FirstScreen> {
    let value = read_json(&LocalStorage::raw(), &format!("{KEY}{db}"))?.dyn_into::<js_sys::Object>().ok()?;
    let field = |name: &str| js_sys::Reflect::get(&value, &JsValue::from_str(name)).ok();
    let people: js_sys::Array = field("staff")?.dyn_into().ok()?;
    let staff = people.iter().map(from_js).collect::<Result<_, _>>().ok()?;
    let rows = rowlog::decode(&field("rows")?.as_string()?).ok()?;
    Some(FirstScreen { staff, rows })
}
