//! JSON text in and out of Rust values, on either platform: natively by
//! serde_json, in the browser by the browser's own `JSON` (serde_json would
//! add about 10 KB gzipped to the download).

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value` as JSON text.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_text<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

/// The value `text` holds, or why it cannot be read.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
pub fn to_text<T: Serialize>(value: &T) -> Result<String, String> {
    let js = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&js).ok().and_then(|t| t.as_string()).ok_or_else(|| "not representable as JSON".to_string())
}

#[cfg(target_arch = "wasm32")]
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let js = js_sys::JSON::parse(text).map_err(|e| e.as_string().unwrap_or_else(|| "not JSON".to_string()))?;
    serde_wasm_bindgen::from_value(js).map_err(|e| e.to_string())
}
