//! The database key: Argon2id of the 管理者 passphrase.
//!
//! Nothing about the passphrase is stored. The Argon2id salt is the 16-byte
//! salt SQLCipher keeps at the start of every encrypted file, so a database or
//! a backup opens with the passphrase alone, and a wrong passphrase is told
//! apart by SQLCipher's page HMAC failing ("file is not a database").

use crate::StoreError;
use argon2::{Algorithm, Argon2, Params, Version};
use std::io::Read;
use std::path::Path;
use zeroize::Zeroizing;

/// SQLCipher's file salt length, and our Argon2id salt.
pub const SALT_LEN: usize = 16;
const KEY_LEN: usize = 32;
/// The shortest passphrase accepted (神戸市 7.4 asks for passwords that are
/// hard to guess; a passphrase of 10+ characters is what we ask for).
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Argon2id cost: 64 MiB, 3 passes, 1 lane (OWASP's recommended minimum is
/// 19 MiB / 2 passes). About 0.3 s on a 2-core office PC: unnoticeable once,
/// expensive for anyone guessing.
fn params() -> Params {
    Params::new(64 * 1024, 3, 1, Some(KEY_LEN)).expect("valid Argon2 parameters")
}

/// A derived key with the salt it was derived with. Wiped on drop.
#[derive(zeroize::ZeroizeOnDrop)]
pub struct DbKey {
    key: [u8; KEY_LEN],
    salt: [u8; SALT_LEN],
}

impl DbKey {
    pub fn derive(passphrase: &str, salt: [u8; SALT_LEN]) -> DbKey {
        let mut key = [0u8; KEY_LEN];
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params())
            .hash_password_into(passphrase.as_bytes(), &salt, &mut key)
            .expect("Argon2id with a 16-byte salt and a 32-byte output");
        DbKey { key, salt }
    }

    /// A key with a new random salt, for a new encrypted file.
    pub fn fresh(passphrase: &str) -> Result<DbKey, StoreError> {
        let mut salt = [0u8; SALT_LEN];
        getrandom::fill(&mut salt).map_err(|e| StoreError::io(Path::new("/dev/urandom"), std::io::Error::other(e.to_string())))?;
        Ok(DbKey::derive(passphrase, salt))
    }

    /// The key for an existing encrypted file (its salt is its first 16 bytes).
    pub fn for_file(passphrase: &str, path: &Path) -> Result<DbKey, StoreError> {
        Ok(DbKey::derive(passphrase, file_salt(path)?))
    }

    /// SQLCipher's raw-key form with an explicit salt: `x'<key><salt>'`. Raw,
    /// so SQLCipher does not run its own PBKDF2 on top of Argon2id.
    /// The text is wiped when dropped, like the key itself; it is written
    /// digit by digit into a buffer of its final size, so no copy is left
    /// behind by a reallocation or a temporary.
    pub(crate) fn sql_literal(&self) -> Zeroizing<String> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = Zeroizing::new(String::with_capacity(3 + 2 * (KEY_LEN + SALT_LEN)));
        s.push_str("x'");
        for b in self.key.iter().chain(self.salt.iter()) {
            s.push(HEX[usize::from(b >> 4)] as char);
            s.push(HEX[usize::from(b & 0xf)] as char);
        }
        s.push('\'');
        s
    }
}

/// The header every plain SQLite file starts with.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether the database file at `path` is encrypted (a passphrase is set).
/// A missing or empty file is not.
pub fn is_encrypted(path: &Path) -> bool {
    // An encrypted file is whole 4 KiB pages of random-looking bytes; any
    // other file (a text file chosen by mistake) is told to be "not a Tebiki
    // database" rather than "needs a passphrase".
    let whole_pages = std::fs::metadata(path).map(|m| m.len() >= 4096 && m.len() % 4096 == 0).unwrap_or(false);
    match read_head(path) {
        Ok(Some(head)) => whole_pages && &head != PLAIN_HEADER,
        _ => false,
    }
}

fn read_head(path: &Path) -> std::io::Result<Option<[u8; 16]>> {
    let mut f = std::fs::File::open(path)?;
    let mut head = [0u8; 16];
    match f.read_exact(&mut head) {
        Ok(()) => Ok(Some(head)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}

fn file_salt(path: &Path) -> Result<[u8; SALT_LEN], StoreError> {
    match read_head(path).map_err(|e| StoreError::io(path, e))? {
        Some(head) => Ok(head),
        None => Err(StoreError::NotTebikiDatabase { path: path.to_owned() }),
    }
}

/// Refuses a passphrase too short to protect personal data.
pub fn check_strength(passphrase: &str) -> Result<(), StoreError> {
    if passphrase.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(StoreError::WeakPassphrase { min: MIN_PASSPHRASE_CHARS });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_passphrase_and_salt_give_the_same_key() {
        let a = DbKey::derive("とても長い合言葉です", [7; 16]);
        let b = DbKey::derive("とても長い合言葉です", [7; 16]);
        let c = DbKey::derive("とても長い合言葉でず", [7; 16]);
        let d = DbKey::derive("とても長い合言葉です", [8; 16]);
        assert_eq!(a.sql_literal(), b.sql_literal());
        // The literal is wiped on drop: it is a Zeroizing buffer of its exact size.
        let lit: Zeroizing<String> = a.sql_literal();
        assert_eq!(lit.capacity(), lit.len());
        assert_ne!(a.sql_literal(), c.sql_literal());
        assert_ne!(a.sql_literal(), d.sql_literal());
        assert_eq!(a.sql_literal().len(), 3 + 96);
        assert!(a.sql_literal().ends_with("07070707070707070707070707070707'"));
    }

    #[test]
    fn short_passphrases_are_refused() {
        assert!(check_strength("short").is_err());
        assert!(check_strength("         a").is_err());
        assert!(check_strength("情報セキュリティ研修２０２６").is_ok());
    }
}
