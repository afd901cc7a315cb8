//! Keys and field encryption.
//!
//! The *master key* (32 random bytes) lives outside the database: in
//! `VIGIL_MASTER_KEY` or a key file. It never encrypts data itself; it only wraps the
//! *keyring*: the data key, the blind-index key, the audit MAC key and the checkpoint
//! signing key, which are stored in the database as XChaCha20-Poly1305 ciphertext. A
//! seized disk therefore yields nothing readable, and rotating the master key means
//! re-wrapping four small blobs, not re-encrypting the record (see docs/keys.md).
//!
//! Personal fields are sealed with XChaCha20-Poly1305 under the data key; the
//! associated data binds table, column and row, so a ciphertext copied to another row
//! or column no longer opens. Evidence files are sealed in chunks (see [`chunks`]).

use std::fmt;

use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use zeroize::{Zeroize, ZeroizeOnDrop};

mod chunks;
pub use chunks::{ChunkSealer, FRAME_HEAD};

const SEALED_V1: u8 = 1;
const NONCE_LEN: usize = 24;
/// What sealing adds to a plaintext: the version byte, the nonce and the tag (the same
/// for fields and for evidence chunks in either format).
pub const SEALED_OVERHEAD: usize = 1 + NONCE_LEN + 16;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("the master key must be 32 bytes written as 64 hexadecimal characters")]
    BadMasterKey,
    #[error("the master key does not open this database's keyring (wrong key?)")]
    WrongMasterKey,
    #[error("a sealed value could not be opened: it was altered or moved")]
    Tampered,
    #[error("the keyring is incomplete: {0} is missing")]
    MissingKey(&'static str),
}

/// 32 secret bytes that zeroize on drop and never print.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SecretKey([u8; 32]);

impl SecretKey {
    pub fn random() -> Self {
        let mut k = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut k);
        SecretKey(k)
    }

    pub fn from_bytes(b: &[u8]) -> Option<Self> {
        <[u8; 32]>::try_from(b).ok().map(SecretKey)
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// The master key, as read from the environment or a key file.
pub struct MasterKey(SecretKey);

impl MasterKey {
    pub fn generate() -> Self {
        MasterKey(SecretKey::random())
    }

    /// Parses the text form: 64 hex characters; lines starting with `#` (the comment
    /// a key file carries) and surrounding whitespace are ignored.
    pub fn parse(text: &str) -> Result<Self, CryptoError> {
        let hexpart: String = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let mut bytes = hex::decode(hexpart.trim()).map_err(|_| CryptoError::BadMasterKey)?;
        let key = SecretKey::from_bytes(&bytes).ok_or(CryptoError::BadMasterKey);
        bytes.zeroize();
        key.map(MasterKey)
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0.bytes())
    }

    /// A short public fingerprint, to tell keys apart without revealing them.
    pub fn fingerprint(&self) -> String {
        let mac = hmac_sha256(self.0.bytes(), b"vigil master key fingerprint");
        hex::encode(mac.get(..6).unwrap_or_default())
    }

    fn kek(&self) -> XChaCha20Poly1305 {
        let k = hmac_sha256(self.0.bytes(), b"vigil/v1/key-encryption-key");
        XChaCha20Poly1305::new((&k).into())
    }

    /// Wraps a keyring entry; `purpose` is bound as associated data.
    pub fn wrap(&self, purpose: &str, key: &SecretKey) -> Vec<u8> {
        seal_with(&self.kek(), key.bytes(), wrap_ad(purpose).as_bytes())
    }

    pub fn unwrap_key(&self, purpose: &str, wrapped: &[u8]) -> Result<SecretKey, CryptoError> {
        let mut plain = open_with(&self.kek(), wrapped, wrap_ad(purpose).as_bytes())
            .map_err(|_| CryptoError::WrongMasterKey)?;
        let k = SecretKey::from_bytes(&plain).ok_or(CryptoError::WrongMasterKey);
        plain.zeroize();
        k
    }
}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MasterKey({})", self.fingerprint())
    }
}

fn wrap_ad(purpose: &str) -> String {
    format!("vigil/v1/keyring/{purpose}")
}

/// The purposes of the keyring entries, as stored in the `keyring` table.
pub const KEY_PURPOSES: [&str; 4] = ["data", "blind-index", "audit-mac", "checkpoint-signing"];

/// The unwrapped keyring, held in memory by a running vigil.
#[derive(Clone)]
pub struct Keyring {
    data: SecretKey,
    signing: ed25519_dalek::SigningKey,
    /// HMAC under the blind-index key with the key already absorbed: an import tags
    /// several names and a document per person, and re-keying was a third of the cost.
    /// It holds the inner and outer hash states of the key, not the key's bytes; like
    /// the key, it lives only in this process's memory.
    blind_mac: Hmac<Sha256>,
    /// The audit MAC key, absorbed the same way (one entry per registered person).
    audit_mac: Hmac<Sha256>,
    /// Names evidence blob files (derived from the data key, so existing keyrings need
    /// no new entry): whoever holds the evidence directory cannot tell from a file's
    /// name whether a file they know is in the record.
    blob_address: SecretKey,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Keyring(<redacted>)")
    }
}

impl Keyring {
    /// A new random keyring (first start of a database).
    pub fn generate() -> Vec<(&'static str, SecretKey)> {
        KEY_PURPOSES
            .iter()
            .map(|p| (*p, SecretKey::random()))
            .collect()
    }

    pub fn from_entries(entries: &[(String, SecretKey)]) -> Result<Self, CryptoError> {
        let get = |p: &'static str| {
            entries
                .iter()
                .find(|(name, _)| name == p)
                .map(|(_, k)| k.clone())
                .ok_or(CryptoError::MissingKey(p))
        };
        let signing_seed = get("checkpoint-signing")?;
        let blind = get("blind-index")?;
        let data = get("data")?;
        let blob_address = SecretKey(blake3::derive_key(
            "vigil v1 evidence blob file address",
            data.bytes(),
        ));
        Ok(Keyring {
            blob_address,
            data,
            blind_mac: <Hmac<Sha256> as Mac>::new_from_slice(blind.bytes())
                .unwrap_or_else(|_| unreachable_hmac()),
            audit_mac: <Hmac<Sha256> as Mac>::new_from_slice(get("audit-mac")?.bytes())
                .unwrap_or_else(|_| unreachable_hmac()),
            signing: ed25519_dalek::SigningKey::from_bytes(signing_seed.bytes()),
        })
    }

    /// Seals a personal value for `table.column` of row `row`.
    pub fn seal(&self, table: &str, column: &str, row: i64, plain: &str) -> Vec<u8> {
        let cipher = XChaCha20Poly1305::new(self.data.bytes().into());
        seal_with(
            &cipher,
            plain.as_bytes(),
            field_ad(table, column, row).as_bytes(),
        )
    }

    pub fn open(
        &self,
        table: &str,
        column: &str,
        row: i64,
        sealed: &[u8],
    ) -> Result<String, CryptoError> {
        let cipher = XChaCha20Poly1305::new(self.data.bytes().into());
        let plain = open_with(&cipher, sealed, field_ad(table, column, row).as_bytes())?;
        String::from_utf8(plain).map_err(|_| CryptoError::Tampered)
    }

    /// A keyed blind index of an already normalised value: equal inputs give equal
    /// tags, and the tag says nothing about the value without the key. `purpose`
    /// separates indexes (a name tag cannot be matched against a document tag).
    pub fn blind_index(&self, purpose: &str, normalised: &str) -> String {
        let mut mac = self.blind_mac.clone();
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(normalised.as_bytes());
        let tag = mac.finalize().into_bytes();
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(tag.get(..16).unwrap_or_default())
    }

    /// Seals the chunks of evidence blob `blob_ref` in the current format (see
    /// [`ChunkSealer`]).
    pub fn chunk_sealer(&self, blob_ref: &str) -> Result<ChunkSealer, CryptoError> {
        ChunkSealer::new(&self.data, blob_ref)
    }

    /// Seals chunks in format 1, as vigil did before format 2 (see [`chunks`]): for
    /// tests that make the files an older vigil left behind. Nothing else writes it.
    pub fn chunk_sealer_v1(&self, blob_ref: &str) -> ChunkSealer {
        ChunkSealer::v1(&self.data, blob_ref)
    }

    /// Opens chunk `index` of blob `blob_ref`, in whichever format it was sealed.
    pub fn open_chunk(
        &self,
        blob_ref: &str,
        index: u64,
        last: bool,
        sealed: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        chunks::open_chunk(&self.data, blob_ref, index, last, sealed)
    }

    /// The file name of the evidence blob whose SHA-256 is `sha256` (hex): a keyed
    /// BLAKE3 of it, in hex. Equal contents get the same name (stored once); the name
    /// says nothing about the content without the key.
    pub fn blob_address(&self, sha256: &str) -> String {
        blake3::keyed_hash(self.blob_address.bytes(), sha256.as_bytes())
            .to_hex()
            .to_string()
    }

    /// The MAC that binds an audit entry's details (which are not stored in clear).
    pub fn audit_mac(&self, details: &[u8]) -> String {
        let mut mac = self.audit_mac.clone();
        mac.update(details);
        hex::encode(mac.finalize().into_bytes())
    }

    pub fn signing_key(&self) -> &ed25519_dalek::SigningKey {
        &self.signing
    }

    pub fn verifying_key_hex(&self) -> String {
        hex::encode(self.signing.verifying_key().as_bytes())
    }
}

fn field_ad(table: &str, column: &str, row: i64) -> String {
    format!("vigil/v1/field/{table}/{column}/{row}")
}

/// HMAC-SHA256 accepts keys of any length, so `new_from_slice` cannot fail; this is
/// the branch the type system makes us write.
fn unreachable_hmac() -> Hmac<Sha256> {
    #[allow(clippy::expect_used)]
    <Hmac<Sha256> as Mac>::new_from_slice(&[0u8; 32]).expect("HMAC accepts any key length")
}

pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable_hmac());
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

fn seal_with(cipher: &XChaCha20Poly1305, plain: &[u8], ad: &[u8]) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_LEN];
    // The thread's generator is a CSPRNG (ChaCha, reseeded from the operating system);
    // asking the kernel for every field's nonce was a system call per field. A random
    // 192-bit nonce does not repeat by chance.
    rand::thread_rng().fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: ad,
            },
        )
        // Encryption only fails for messages beyond 256 GiB; vigil's fields are small.
        .unwrap_or_default();
    let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
    out.push(SEALED_V1);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    out
}

fn open_with(cipher: &XChaCha20Poly1305, sealed: &[u8], ad: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let (version, rest) = sealed.split_first().ok_or(CryptoError::Tampered)?;
    if *version != SEALED_V1 || rest.len() < NONCE_LEN + 16 {
        return Err(CryptoError::Tampered);
    }
    let (nonce, body) = rest.split_at(NONCE_LEN);
    cipher
        .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad: ad })
        .map_err(|_| CryptoError::Tampered)
}

/// A random token of `n` bytes as URL-safe base64 (sessions, CSRF, API tokens).
pub fn random_token(n: usize) -> String {
    let mut b = vec![0u8; n];
    rand::rngs::OsRng.fill_bytes(&mut b);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

/// SHA-256 of a token, hex: what the database keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn keyring() -> Keyring {
        let entries: Vec<(String, SecretKey)> = Keyring::generate()
            .into_iter()
            .map(|(p, k)| (p.to_string(), k))
            .collect();
        Keyring::from_entries(&entries).unwrap()
    }

    #[test]
    fn sealed_fields_open_only_in_their_own_place() {
        let k = keyring();
        let sealed = k.seal("users", "full_name", 7, "Canary Zeta");
        assert_eq!(
            k.open("users", "full_name", 7, &sealed).unwrap(),
            "Canary Zeta"
        );
        assert!(k.open("users", "full_name", 8, &sealed).is_err());
        assert!(k.open("users", "contact", 7, &sealed).is_err());
        let mut flipped = sealed.clone();
        if let Some(b) = flipped.last_mut() {
            *b ^= 1;
        }
        assert!(k.open("users", "full_name", 7, &flipped).is_err());
        assert!(!sealed.windows(6).any(|w| w == b"Canary"));
    }

    #[test]
    fn wrapped_keys_need_the_same_master_key_and_purpose() {
        let m = MasterKey::generate();
        let k = SecretKey::random();
        let w = m.wrap("data", &k);
        assert_eq!(m.unwrap_key("data", &w).unwrap().bytes(), k.bytes());
        assert!(m.unwrap_key("audit-mac", &w).is_err());
        assert!(MasterKey::generate().unwrap_key("data", &w).is_err());
    }

    #[test]
    fn master_key_text_form_round_trips_and_rejects_junk() {
        let m = MasterKey::generate();
        let text = format!("# vigil master key\n{}\n", m.to_hex());
        assert_eq!(MasterKey::parse(&text).unwrap().to_hex(), m.to_hex());
        assert!(MasterKey::parse("abc").is_err());
        assert!(MasterKey::parse(&"zz".repeat(32)).is_err());
        assert!(!format!("{m:?}").contains(&m.to_hex()));
    }

    #[test]
    fn blind_indexes_are_keyed_and_separated_by_purpose() {
        let k = keyring();
        assert_eq!(k.blind_index("name", "ali"), k.blind_index("name", "ali"));
        assert_ne!(k.blind_index("name", "ali"), k.blind_index("doc", "ali"));
        assert_ne!(
            k.blind_index("name", "ali"),
            keyring().blind_index("name", "ali")
        );
    }
}
