//! The cryptography a backup needs, behind one trait: SHA-256 for its
//! checksum, and for a passphrase PBKDF2-SHA256 and AES-256-GCM. The app
//! uses the browser's WebCrypto ([`super::webcrypto`]), which runs outside
//! the download and off the page's thread; native tests use [`Native`],
//! built from RustCrypto's crates, and the browser tests check that the two
//! read each other's files.

use thiserror::Error;

/// Why the cryptography failed.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum CryptoError {
    /// Decryption refused the data: a wrong key, or data changed since it was sealed.
    #[error("the data could not be decrypted with this key")]
    Refused,
    /// The browser could not do it (no WebCrypto, say, outside a secure context).
    #[error("encryption is not available: {0}")]
    Unavailable(String),
}

/// Hashing, key derivation and authenticated encryption.
#[allow(async_fn_in_trait)]
pub trait Crypto {
    /// A key derived from a passphrase.
    type Key;
    async fn sha256(&self, data: &[u8]) -> Result<[u8; 32], CryptoError>;
    /// An AES-256 key from `passphrase` by PBKDF2-SHA256.
    async fn derive_key(&self, passphrase: &str, salt: &[u8], iterations: u32) -> Result<Self::Key, CryptoError>;
    /// AES-256-GCM: the ciphertext with its 16-byte tag at the end.
    async fn seal(&self, key: &Self::Key, iv: &[u8], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError>;
    /// The plaintext, or [`CryptoError::Refused`] when the tag does not match.
    async fn open(&self, key: &Self::Key, iv: &[u8], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError>;
    /// Fill `out` with random bytes from a secure source.
    fn random(&self, out: &mut [u8]) -> Result<(), CryptoError>;
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::Native;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::cell::Cell;

    use aes_gcm::aead::{Aead, KeyInit, Payload};
    use aes_gcm::{Aes256Gcm, Nonce};
    use hmac::{Hmac, Mac};
    use sha2::digest::generic_array::GenericArray;
    use sha2::{Digest, Sha256};

    use super::{Crypto, CryptoError};

    /// RustCrypto's implementations, for native tests. Its "random" bytes
    /// come from a seeded generator, so a test's files are the same each run.
    pub struct Native {
        seed: Cell<u64>,
    }

    impl Native {
        pub fn seeded(seed: u64) -> Self {
            Native { seed: Cell::new(seed) }
        }
    }

    /// SHA-256's starting state.
    const IV: [u32; 8] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    /// The state after compressing one 64-byte block onto `state`.
    fn compressed(mut state: [u32; 8], block: &[u8; 64]) -> [u32; 8] {
        sha2::compress256(&mut state, &[*GenericArray::from_slice(block)]);
        state
    }

    /// The hash of a 32-byte message that follows one 64-byte block already
    /// compressed into `state` (an HMAC pad): one more block, padded by hand.
    fn finish(state: [u32; 8], message: &[u8; 32]) -> [u8; 32] {
        let mut block = [0u8; 64];
        block[..32].copy_from_slice(message);
        block[32] = 0x80;
        block[62..].copy_from_slice(&((64u16 + 32) * 8).to_be_bytes());
        let words = compressed(state, &block);
        let mut out = [0u8; 32];
        for (o, w) in out.chunks_exact_mut(4).zip(words) {
            o.copy_from_slice(&w.to_be_bytes());
        }
        out
    }

    /// PBKDF2-HMAC-SHA256 for one 32-byte block. Unoptimised test builds run
    /// generic hashing code slowly, so each round calls SHA-256's
    /// compression function (built optimised) on the HMAC pads' saved states:
    /// 600,000 rounds take a fraction of a second instead of seconds.
    fn pbkdf2_sha256(passphrase: &[u8], salt: &[u8], rounds: u32) -> [u8; 32] {
        let mut key = [0u8; 64];
        if passphrase.len() > 64 {
            key[..32].copy_from_slice(&Sha256::digest(passphrase));
        } else {
            key[..passphrase.len()].copy_from_slice(passphrase);
        }
        let pad = |byte: u8| compressed(IV, &key.map(|k| k ^ byte));
        let (inner, outer) = (pad(0x36), pad(0x5c));
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(passphrase).expect("any key length");
        mac.update(salt);
        mac.update(&1u32.to_be_bytes());
        let mut u: [u8; 32] = mac.finalize().into_bytes().into();
        let mut out = u;
        for _ in 1..rounds {
            u = finish(outer, &finish(inner, &u));
            for (o, b) in out.iter_mut().zip(u) {
                *o ^= b;
            }
        }
        out
    }

    impl Crypto for Native {
        type Key = [u8; 32];

        async fn sha256(&self, data: &[u8]) -> Result<[u8; 32], CryptoError> {
            Ok(Sha256::digest(data).into())
        }

        async fn derive_key(&self, passphrase: &str, salt: &[u8], iterations: u32) -> Result<[u8; 32], CryptoError> {
            Ok(pbkdf2_sha256(passphrase.as_bytes(), salt, iterations))
        }

        async fn seal(&self, key: &[u8; 32], iv: &[u8], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
            let cipher = Aes256Gcm::new(key.into());
            cipher.encrypt(Nonce::from_slice(iv), Payload { msg: plain, aad }).map_err(|e| CryptoError::Unavailable(e.to_string()))
        }

        async fn open(&self, key: &[u8; 32], iv: &[u8], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
            let cipher = Aes256Gcm::new(key.into());
            cipher.decrypt(Nonce::from_slice(iv), Payload { msg: sealed, aad }).map_err(|_| CryptoError::Refused)
        }

        fn random(&self, out: &mut [u8]) -> Result<(), CryptoError> {
            let mut rng = crate::domain::ids::SplitMix(self.seed.get());
            for b in out.iter_mut() {
                *b = rng.below(256) as u8;
            }
            self.seed.set(self.seed.get().wrapping_add(1));
            Ok(())
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn hex(bytes: &[u8]) -> String {
            bytes.iter().map(|b| format!("{b:02x}")).collect()
        }

        #[test]
        fn pbkdf2_gives_the_published_test_vectors() {
            // RFC 7914 section 11, and the SHA-256 vectors that follow RFC 6070.
            let cases: [(&[u8], &[u8], u32, &str); 4] = [
                (b"password", b"salt", 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
                (b"password", b"salt", 2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
                (b"password", b"salt", 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
                (b"passwordPASSWORDpassword", b"saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1"),
            ];
            for (pass, salt, rounds, want) in cases {
                assert_eq!(hex(&pbkdf2_sha256(pass, salt, rounds)), want, "{rounds}");
            }
            // A passphrase longer than a block is hashed first.
            let long = [b'x'; 100];
            let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&long).unwrap();
            mac.update(b"salt\0\0\0\x01");
            let u1: [u8; 32] = mac.finalize().into_bytes().into();
            assert_eq!(pbkdf2_sha256(&long, b"salt", 1), u1);
        }
    }
}
