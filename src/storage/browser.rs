//! What the browser tells about storage (persistence and space), and small
//! values kept in its local and session storage as JSON, written and read by
//! the browser's own `JSON` (serde_json and its float tables would add about
//! 10 KB gzipped to the download).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

/// Ask the browser to keep the archive even when space runs low. Answers
/// whether storage is persistent now.
pub async fn request_persistence() -> bool {
    let Some(m) = manager() else { return false };
    if let Ok(p) = m.persisted() {
        if JsFuture::from(p).await.ok().and_then(|v| v.as_bool()) == Some(true) {
            return true;
        }
    }
    match m.persist() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()).unwrap_or(false),
        Err(_) => false,
    }
}

/// Bytes used and bytes available to this site, when the browser says.
pub async fn estimate() -> Option<(f64, f64)> {
    let p = manager()?.estimate().ok()?;
    let v = JsFuture::from(p).await.ok()?;
    let e: web_sys::StorageEstimate = v.unchecked_into();
    Some((e.get_usage()?, e.get_quota()?))
}

/// The value kept under `key` in `storage` (local or session), parsed from its JSON.
pub fn read_json(storage: &web_sys::Storage, key: &str) -> Option<JsValue> {
    storage.get_item(key).ok().flatten().and_then(|text| js_sys::JSON::parse(&text).ok())
}

/// Keep `value` under `key` in `storage` as JSON. A full or blocked storage
/// loses only that value.
pub fn write_json(storage: &web_sys::Storage, key: &str, value: &JsValue) {
    if let Some(text) = js_sys::JSON::stringify(value).ok().and_then(|t| t.as_string()) {
        let _ = storage.set_item(key, &text);
    }
}
