//! Opening the data with the 管理者 passphrase, the same way for the app and
//! the CLI: wrong passphrases slow down further attempts (the count is kept
//! in the desk, so restarting does not reset it).
//!
//! The wait is checked and the attempt made under one lock on a file beside
//! the data, so programs started side by side (eight CLI processes at once)
//! get one guess per wait between them, not one each. A backup's passphrase
//! (restore) is counted the same way. The wait only slows someone at the
//! keyboard of this PC: whoever copies the file away guesses at the speed of
//! Argon2id, which is what protects the data (SECURITY.md).

use crate::{Desk, Store, StoreError};
use std::path::Path;
use std::time::Duration;

/// The lock file beside the data that makes "is the wait over? then try"
/// one step for every Tebiki program on this PC.
pub const ATTEMPT_LOCK_FILE: &str = "unlock.lock";

/// How long to wait after `failures` wrong passphrases in a row: 1 s after
/// the first, doubling, at most 5 minutes. A typo costs a second; guessing
/// through even a short list takes days.
pub fn unlock_delay(failures: u32) -> Duration {
    if failures == 0 {
        return Duration::ZERO;
    }
    Duration::from_secs((1u64 << (failures - 1).min(16)).min(300))
}

/// What remains of the wait before the next attempt is taken.
pub fn remaining_wait(desk: &Desk, now: chrono::DateTime<chrono::FixedOffset>) -> Result<Duration, StoreError> {
    let (failures, last) = desk.unlock_failures()?;
    let Some(last) = last.and_then(|l| chrono::DateTime::parse_from_rfc3339(&l).ok()) else {
        return Ok(Duration::ZERO);
    };
    let until = last + chrono::Duration::from_std(unlock_delay(failures)).unwrap_or_default();
    Ok((until - now).to_std().unwrap_or(Duration::ZERO))
}

/// A successful unlock: the store, and how many wrong passphrases came
/// before it (recorded in the 操作記録 by the caller).
pub struct Unlocked {
    pub store: Store,
    pub failed_before: u32,
}

/// Opens the database in `data_dir` with `passphrase`. Refused with
/// `TooSoon` while the wait after wrong attempts runs; a wrong passphrase
/// is counted.
pub fn unlock(data_dir: &Path, desk: &Desk, passphrase: &str) -> Result<Unlocked, StoreError> {
    counted_attempt(data_dir, desk, || {
        let store = Store::open_dir_with(data_dir, Some(passphrase))?;
        let failed_before = desk.clear_unlock_failures()?;
        Ok(Unlocked { store, failed_before })
    })
}

/// Runs `attempt` (something that tries a passphrase) holding the lock
/// beside the data in `data_dir`: refused with `TooSoon` while the wait
/// runs, and a `WrongPassphrase` counted before the lock is let go.
pub(crate) fn counted_attempt<T>(data_dir: &Path, desk: &Desk, attempt: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
    tebiki_core::private_file::create_dir(data_dir).map_err(|e| StoreError::io(data_dir, e))?;
    let lock_path = data_dir.join(ATTEMPT_LOCK_FILE);
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).map_err(|e| StoreError::io(&lock_path, e))?;
    // Blocks while another program checks and tries; released when `lock` is dropped.
    lock.lock().map_err(|e| StoreError::io(&lock_path, e))?;
    let wait = remaining_wait(desk, chrono::Local::now().fixed_offset())?;
    if !wait.is_zero() {
        return Err(StoreError::TooSoon { seconds: wait.as_secs().max(1) });
    }
    match attempt() {
        Err(e @ StoreError::WrongPassphrase { .. }) => {
            desk.record_unlock_failure(&chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, false))?;
            Err(e)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_and_is_capped() {
        let secs: Vec<u64> = (0..12).map(|n| unlock_delay(n).as_secs()).collect();
        assert_eq!(secs, [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
        assert_eq!(unlock_delay(u32::MAX).as_secs(), 300);
    }

    #[test]
    fn wrong_passphrases_make_the_next_attempt_wait_even_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        Store::open_dir(dir.path()).unwrap().set_passphrase("正しいパスフレーズです").unwrap();
        let desk = Desk::open_dir(dir.path()).unwrap();
        assert!(matches!(unlock(dir.path(), &desk, "違うパスフレーズです"), Err(StoreError::WrongPassphrase { .. })));
        // At once again: refused without even trying, right passphrase or not.
        let desk = Desk::open_dir(dir.path()).unwrap();
        assert!(matches!(unlock(dir.path(), &desk, "正しいパスフレーズです"), Err(StoreError::TooSoon { .. })));
        std::thread::sleep(Duration::from_millis(1100));
        let ok = unlock(dir.path(), &desk, "正しいパスフレーズです").unwrap();
        assert_eq!(ok.failed_before, 1);
        assert_eq!(desk.unlock_failures().unwrap().0, 0);
    }

    /// Eight attempts at once (threads here; the CLI test does it with
    /// processes): one guess is tried, the seven others are told to wait.
    #[test]
    fn parallel_attempts_get_one_guess_per_wait() {
        let dir = tempfile::tempdir().unwrap();
        Store::open_dir(dir.path()).unwrap().set_passphrase("正しいパスフレーズです").unwrap();
        let results: Vec<Result<(), StoreError>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|i| {
                    let path = dir.path().to_owned();
                    s.spawn(move || {
                        let desk = Desk::open_dir(&path).unwrap();
                        unlock(&path, &desk, &format!("違うパスフレーズです{i}")).map(|_| ())
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let tried = results.iter().filter(|r| matches!(r, Err(StoreError::WrongPassphrase { .. }))).count();
        let told_to_wait = results.iter().filter(|r| matches!(r, Err(StoreError::TooSoon { .. }))).count();
        assert_eq!((tried, told_to_wait), (1, 7), "{results:?}");
        assert_eq!(Desk::open_dir(dir.path()).unwrap().unlock_failures().unwrap().0, 1);
    }
}
