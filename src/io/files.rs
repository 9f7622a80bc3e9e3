//! Files the user saves and picks: a download from bytes, the bytes of a
//! picked file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offer `bytes` to the user as a download called `name`.
pub fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    let err = |e: JsValue| e.as_string().unwrap_or_else(|| "the browser refused the download".into());
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(err)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser has taken the file once the click is handled.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// The first file picked in a file input, with its name and bytes.
pub async fn picked(input: &web_sys::HtmlInputElement) -> Option<Result<(String, Vec<u8>), String>> {
    let file = input.files()?.get(0)?;
    let read = JsFuture::from(file.array_buffer()).await;
    Some(match read {
        Ok(buffer) => Ok((file.name(), js_sys::Uint8Array::new(&buffer).to_vec())),
        Err(e) => Err(e.as_string().unwrap_or_else(|| "the file could not be read".into())),
    })
}

/// Text in a legacy encoding (GB18030, Big5), by the browser's own
/// `TextDecoder`, so the download carries no decoding tables. `None` when the
/// bytes are not valid in it.
pub fn decode_legacy(bytes: &[u8], encoding: crate::io::csv::Encoding) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options(encoding.as_str(), &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
