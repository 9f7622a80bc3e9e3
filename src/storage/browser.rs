//! What the browser tells about storage: persistence and space.

use wasm_bindgen::JsCast;
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
