//! Opening the data with the 管理者 passphrase, the same way for the app and
//! the CLI: wrong passphrases slow down further attempts (the count is kept
//! in the desk, so restarting does not reset it).

use crate::{Desk, Store, StoreError};
use std::path::Path;
use std::time::Duration;

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
    let now = chrono::Local::now().fixed_offset();
    let wait = remaining_wait(desk, now)?;
    if !wait.is_zero() {
        return Err(StoreError::TooSoon { seconds: wait.as_secs().max(1) });
    }
    match Store::open_dir_with(data_dir, Some(passphrase)) {
        Ok(store) => {
            let failed_before = desk.clear_unlock_failures()?;
            Ok(Unlocked { store, failed_before })
        }
        Err(e @ StoreError::WrongPassphrase { .. }) => {
            desk.record_unlock_failure(&chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, false))?;
            Err(e)
        }
        Err(e) => Err(e),
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
}
