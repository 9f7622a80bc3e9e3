//! [`Crypto`] by the browser's WebCrypto: native code, off the page's thread,
//! and nothing added to the download but these calls.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use super::crypto::{Crypto, CryptoError};

/// The browser's WebCrypto.
pub struct WebCrypto {
    crypto: web_sys::Crypto,
    subtle: SubtleCrypto,
}

fn unavailable(e: JsValue) -> CryptoError {
    let text = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string());
    CryptoError::Unavailable(text.unwrap_or_else(|| "WebCrypto failed".into()))
}

/// A plain object with these properties.
fn object(props: &[(&str, &JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in props {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

async fn settled(p: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(p?).await
}

fn bytes(v: JsValue) -> Vec<u8> {
    Uint8Array::new(&v).to_vec()
}

impl WebCrypto {
    /// The page's WebCrypto; unavailable outside a secure context (a page
    /// served over plain HTTP from another machine).
    pub fn new() -> Result<Self, CryptoError> {
        let crypto = web_sys::window().ok_or_else(|| CryptoError::Unavailable("no window".into()))?.crypto().map_err(unavailable)?;
        let subtle = crypto.subtle();
        if subtle.is_undefined() {
            return Err(CryptoError::Unavailable("WebCrypto needs a secure context (https or localhost)".into()));
        }
        Ok(WebCrypto { crypto, subtle })
    }

    fn gcm(iv: &[u8], aad: &[u8]) -> Object {
        object(&[("name", &"AES-GCM".into()), ("iv", &Uint8Array::from(iv).into()), ("additionalData", &Uint8Array::from(aad).into())])
    }
}

impl Crypto for WebCrypto {
    type Key = CryptoKey;

    async fn sha256(&self, data: &[u8]) -> Result<[u8; 32], CryptoError> {
        let digest = settled(self.subtle.digest_with_str_and_u8_array("SHA-256", data)).await.map_err(unavailable)?;
        bytes(digest).try_into().map_err(|_| CryptoError::Unavailable("SHA-256 gave the wrong length".into()))
    }

    async fn derive_key(&self, passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, CryptoError> {
        let secret = Uint8Array::from(passphrase.as_bytes());
        let usages: JsValue = Array::of1(&"deriveKey".into()).into();
        let base = settled(self.subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &usages)).await.map_err(unavailable)?;
        let params = object(&[
            ("name", &"PBKDF2".into()),
            ("hash", &"SHA-256".into()),
            ("salt", &Uint8Array::from(salt).into()),
            ("iterations", &iterations.into()),
        ]);
        let aes = object(&[("name", &"AES-GCM".into()), ("length", &256.into())]);
        let usages: JsValue = Array::of2(&"encrypt".into(), &"decrypt".into()).into();
        let key = settled(self.subtle.derive_key_with_object_and_object(&params, &base.unchecked_into(), &aes, false, &usages)).await.map_err(unavailable)?;
        Ok(key.unchecked_into())
    }

    async fn seal(&self, key: &CryptoKey, iv: &[u8], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let sealed = settled(self.subtle.encrypt_with_object_and_u8_array(&Self::gcm(iv, aad), key, plain)).await.map_err(unavailable)?;
        Ok(bytes(sealed))
    }

    async fn open(&self, key: &CryptoKey, iv: &[u8], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        match settled(self.subtle.decrypt_with_object_and_u8_array(&Self::gcm(iv, aad), key, sealed)).await {
            Ok(plain) => Ok(bytes(plain)),
            // The tag did not match: the browser says OperationError and no more.
            Err(e) if e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "OperationError") => Err(CryptoError::Refused),
            Err(e) => Err(unavailable(e)),
        }
    }

    fn random(&self, out: &mut [u8]) -> Result<(), CryptoError> {
        self.crypto.get_random_values_with_u8_array(out).map(drop).map_err(unavailable)
    }
}
