//! Sealing and opening evidence chunks (the 256 KiB pieces a blob file is made of).
//!
//! Two formats, told apart by each sealed chunk's first byte (docs/keys.md):
//!
//! - **1** (vigil before 23 November 2026): XChaCha20-Poly1305 under the data key,
//!   a random 24-byte nonce stored with the chunk. Still read; no longer written.
//! - **2**: AES-256-GCM under a key of the blob's own, derived from the data key and
//!   the blob's random `blob_ref` (BLAKE3 `derive_key`); the nonce is the chunk's
//!   index. A blob's chunks are sealed once each (an upload hands every index over
//!   once, whichever thread seals it; moving a blob copies its sealed bytes), and no
//!   two blobs share a key, so no key ever sees a nonce twice — by construction, not
//!   by chance. The nonce is also stored, in the place format 1 keeps its nonce
//!   (12 bytes, then 12 zero bytes), so both formats have the same length and a file
//!   is `size + chunks × 45` bytes in either; a chunk whose stored nonce is not its
//!   index's does not open.
//!
//! Why format 2: sealing was the largest cost of an upload after SHA-256 (RustCrypto's
//! XChaCha20-Poly1305 ran at about 0.7 GB/s here, its AES-GCM no faster); ring's
//! AES-256-GCM, with AES-NI and carry-less multiplication, seals the same bytes about
//! seven times faster. In both formats the associated data binds the blob, the chunk's
//! index and whether it is the last, so a blob cut short, reordered or mixed with
//! another blob's chunks fails to open.

use chacha20poly1305::aead::{Aead, AeadInPlace, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN as GCM_NONCE};
use zeroize::Zeroize;

use super::{CryptoError, SecretKey, NONCE_LEN};

/// Format 1: XChaCha20-Poly1305 under the data key, random nonce.
pub(super) const CHUNK_V1: u8 = 1;
/// Format 2: AES-256-GCM under the blob's key, the chunk's index as nonce.
pub(super) const CHUNK_V2: u8 = 2;
const TAG: usize = 16;

/// Where a chunk's plaintext starts in its frame: the frame's length field (`u32`,
/// little-endian), the version byte and the nonce come first.
pub const FRAME_HEAD: usize = 4 + 1 + NONCE_LEN;

enum Cipher {
    V1(XChaCha20Poly1305),
    /// Boxed: ring's expanded key schedule is about 540 bytes.
    V2(Box<LessSafeKey>),
}

/// Seals the chunks of one evidence blob (see the module's header). Shared by the
/// threads of an upload (`Send + Sync`).
pub struct ChunkSealer {
    cipher: Cipher,
    blob_ref: String,
}

/// The key of blob `blob_ref` in format 2.
fn blob_key(data: &SecretKey, blob_ref: &str) -> Result<LessSafeKey, CryptoError> {
    let mut material = Vec::with_capacity(32 + blob_ref.len());
    material.extend_from_slice(data.bytes());
    material.extend_from_slice(blob_ref.as_bytes());
    let mut key = blake3::derive_key("vigil v2 evidence chunk key", &material);
    material.zeroize();
    let unbound = UnboundKey::new(&AES_256_GCM, &key);
    key.zeroize();
    unbound
        .map(LessSafeKey::new)
        .map_err(|_| CryptoError::Tampered)
}

/// The nonce of chunk `index` in format 2: four zero bytes, then the index (`u64`,
/// big-endian).
fn gcm_nonce(index: u64) -> [u8; GCM_NONCE] {
    let mut n = [0u8; GCM_NONCE];
    for (slot, b) in n.iter_mut().skip(4).zip(index.to_be_bytes()) {
        *slot = b;
    }
    n
}

/// The associated data of a chunk: its format, its blob, its index and whether it is
/// the last.
fn chunk_ad(version: u8, blob_ref: &str, index: u64, last: bool) -> String {
    format!(
        "vigil/v{version}/evidence/{blob_ref}/{index}/{}",
        u8::from(last)
    )
}

impl ChunkSealer {
    /// A sealer writing format 2 (what uploads use).
    pub(super) fn new(data: &SecretKey, blob_ref: &str) -> Result<Self, CryptoError> {
        Ok(ChunkSealer {
            cipher: Cipher::V2(Box::new(blob_key(data, blob_ref)?)),
            blob_ref: blob_ref.to_string(),
        })
    }

    /// A sealer writing format 1, as vigil did before format 2: only so that tests can
    /// make the files older versions left behind and check they are still read.
    pub(super) fn v1(data: &SecretKey, blob_ref: &str) -> Self {
        ChunkSealer {
            cipher: Cipher::V1(XChaCha20Poly1305::new(data.bytes().into())),
            blob_ref: blob_ref.to_string(),
        }
    }

    /// A frame to fill with up to `capacity` bytes of plaintext: [`FRAME_HEAD`] bytes
    /// kept free, room for the tag.
    pub fn frame(capacity: usize) -> Vec<u8> {
        let mut f = Vec::with_capacity(FRAME_HEAD + capacity + TAG);
        f.resize(FRAME_HEAD, 0);
        f
    }

    /// Seals the plaintext after a frame's head in place and fills the head, giving
    /// the chunk as a blob file holds it: its sealed length (`u32`, little-endian)
    /// then the sealed chunk (version, nonce, ciphertext, tag), the layout
    /// [`open_chunk`] reads after the length. In place: no copy of the chunk. Each
    /// `index` of a blob is sealed once (format 2's nonce is the index).
    pub fn seal_frame(&self, index: u64, last: bool, frame: &mut Vec<u8>) {
        let mut nonce = [0u8; NONCE_LEN];
        let (version, tag) = match &self.cipher {
            Cipher::V1(cipher) => {
                rand::thread_rng().fill_bytes(&mut nonce);
                let ad = chunk_ad(CHUNK_V1, &self.blob_ref, index, last);
                let tag = match frame.get_mut(FRAME_HEAD..) {
                    Some(plain) => cipher
                        .encrypt_in_place_detached(XNonce::from_slice(&nonce), ad.as_bytes(), plain)
                        // Encryption only fails beyond 256 GiB; a chunk is 256 KiB.
                        .map(|t| t.to_vec())
                        .unwrap_or_default(),
                    None => Vec::new(),
                };
                (CHUNK_V1, tag)
            }
            Cipher::V2(key) => {
                let n = gcm_nonce(index);
                for (slot, b) in nonce.iter_mut().zip(n) {
                    *slot = b;
                }
                let ad = chunk_ad(CHUNK_V2, &self.blob_ref, index, last);
                let tag = match frame.get_mut(FRAME_HEAD..) {
                    Some(plain) => key
                        .seal_in_place_separate_tag(
                            Nonce::assume_unique_for_key(n),
                            Aad::from(ad.as_bytes()),
                            plain,
                        )
                        // Sealing only fails beyond 64 GiB; a chunk is 256 KiB.
                        .map(|t| t.as_ref().to_vec())
                        .unwrap_or_default(),
                    None => Vec::new(),
                };
                (CHUNK_V2, tag)
            }
        };
        frame.extend_from_slice(&tag);
        let sealed_len = u32::try_from(frame.len().saturating_sub(4)).unwrap_or(u32::MAX);
        let mut head = Vec::with_capacity(FRAME_HEAD);
        head.extend_from_slice(&sealed_len.to_le_bytes());
        head.push(version);
        head.extend_from_slice(&nonce);
        for (slot, b) in frame.iter_mut().zip(head) {
            *slot = b;
        }
    }
}

/// Opens chunk `index` of blob `blob_ref` (a sealed chunk without its length field),
/// in either format.
pub(super) fn open_chunk(
    data: &SecretKey,
    blob_ref: &str,
    index: u64,
    last: bool,
    sealed: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let (version, rest) = sealed.split_first().ok_or(CryptoError::Tampered)?;
    if rest.len() < NONCE_LEN + TAG {
        return Err(CryptoError::Tampered);
    }
    let (nonce, body) = rest.split_at(NONCE_LEN);
    match *version {
        CHUNK_V1 => {
            let ad = chunk_ad(CHUNK_V1, blob_ref, index, last);
            XChaCha20Poly1305::new(data.bytes().into())
                .decrypt(
                    XNonce::from_slice(nonce),
                    Payload {
                        msg: body,
                        aad: ad.as_bytes(),
                    },
                )
                .map_err(|_| CryptoError::Tampered)
        }
        CHUNK_V2 => {
            let n = gcm_nonce(index);
            let mut expected = [0u8; NONCE_LEN];
            for (slot, b) in expected.iter_mut().zip(n) {
                *slot = b;
            }
            if nonce != expected {
                return Err(CryptoError::Tampered);
            }
            let ad = chunk_ad(CHUNK_V2, blob_ref, index, last);
            let mut buf = body.to_vec();
            let len = blob_key(data, blob_ref)?
                .open_in_place(
                    Nonce::assume_unique_for_key(n),
                    Aad::from(ad.as_bytes()),
                    &mut buf,
                )
                .map_err(|_| CryptoError::Tampered)?
                .len();
            buf.truncate(len);
            Ok(buf)
        }
        _ => Err(CryptoError::Tampered),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn data() -> SecretKey {
        SecretKey::random()
    }

    fn sealed(s: &ChunkSealer, index: u64, last: bool, plain: &[u8]) -> Vec<u8> {
        let mut frame = ChunkSealer::frame(plain.len());
        frame.extend_from_slice(plain);
        s.seal_frame(index, last, &mut frame);
        assert_eq!(frame.len(), 4 + plain.len() + super::super::SEALED_OVERHEAD);
        let (len, sealed) = frame.split_at(4);
        assert_eq!(
            u32::from_le_bytes(len.try_into().unwrap()) as usize,
            sealed.len()
        );
        sealed.to_vec()
    }

    #[test]
    fn both_formats_open_only_in_their_place_and_are_the_same_length() {
        let k = data();
        let plain: Vec<u8> = (0..1000u32).map(|i| (i % 251) as u8).collect();
        for (s, version) in [
            (ChunkSealer::new(&k, "blob-a").unwrap(), CHUNK_V2),
            (ChunkSealer::v1(&k, "blob-a"), CHUNK_V1),
        ] {
            let c = sealed(&s, 3, false, &plain);
            assert_eq!(c[0], version);
            assert_eq!(open_chunk(&k, "blob-a", 3, false, &c).unwrap(), plain);
            assert!(open_chunk(&k, "blob-a", 3, true, &c).is_err());
            assert!(open_chunk(&k, "blob-a", 4, false, &c).is_err());
            assert!(open_chunk(&k, "blob-b", 3, false, &c).is_err());
            assert!(open_chunk(&data(), "blob-a", 3, false, &c).is_err());
            assert!(!c.windows(64).any(|w| plain.windows(64).any(|p| p == w)));
            // Any flipped bit (version, nonce, ciphertext, tag) is caught.
            for at in [0, 1, 20, 24, 25, 500, c.len() - 1] {
                let mut bad = c.clone();
                bad[at] ^= 1;
                assert!(open_chunk(&k, "blob-a", 3, false, &bad).is_err(), "{at}");
            }
            assert!(open_chunk(&k, "blob-a", 3, false, &c[..c.len() - 1]).is_err());
        }
    }

    #[test]
    fn format_two_nonces_are_the_index_under_a_key_per_blob() {
        let k = data();
        let plain = vec![7u8; 64];
        let s = ChunkSealer::new(&k, "blob-a").unwrap();
        let a = sealed(&s, 5, false, &plain);
        assert_eq!(
            &a[1..25],
            &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        );
        // Deterministic for one blob and index; another blob's key differs.
        assert_eq!(a, sealed(&s, 5, false, &plain));
        let b = sealed(&ChunkSealer::new(&k, "blob-b").unwrap(), 5, false, &plain);
        assert_ne!(a[25..], b[25..]);
        // Format 1 draws a fresh nonce each time.
        let v1 = ChunkSealer::v1(&k, "blob-a");
        assert_ne!(sealed(&v1, 5, false, &plain), sealed(&v1, 5, false, &plain));
    }

    /// Opens a format-2 chunk with another implementation of AES-256-GCM (RustCrypto's),
    /// following only what docs/keys.md says: key = BLAKE3 `derive_key("vigil v2
    /// evidence chunk key", data key ‖ blob_ref)`, nonce = 4 zero bytes ‖ index (u64,
    /// big-endian), associated data `vigil/v2/evidence/{blob_ref}/{index}/{0|1}`.
    #[test]
    fn format_two_is_standard_aes_256_gcm_as_documented() {
        use aes_gcm::aead::{Aead as _, KeyInit as _, Payload};
        let k = data();
        let plain: Vec<u8> = (0..300_000u32).map(|i| (i % 253) as u8).collect();
        let c = sealed(&ChunkSealer::new(&k, "r3f").unwrap(), 9, true, &plain);
        let mut material = k.bytes().to_vec();
        material.extend_from_slice(b"r3f");
        let key = blake3::derive_key("vigil v2 evidence chunk key", &material);
        let gcm = aes_gcm::Aes256Gcm::new((&key).into());
        let mut nonce = [0u8; 12];
        nonce[4..].copy_from_slice(&9u64.to_be_bytes());
        let opened = gcm
            .decrypt(
                (&nonce).into(),
                Payload {
                    msg: &c[25..],
                    aad: b"vigil/v2/evidence/r3f/9/1",
                },
            )
            .unwrap();
        assert_eq!(opened, plain);
    }
}
