//! Putting a finished file or folder in place by renaming it, the same way on
//! Linux and Windows. On Windows a file another handle holds open cannot be
//! renamed, replaced or removed; the caller closes its own handles first.
//! What is left is other programs holding a brand-new file for a moment
//! (antivirus scanners, the search indexer, a backup agent): Windows then
//! answers "access denied" or "sharing violation", so the rename is retried
//! for up to about two seconds before the error is reported.

use std::io;
use std::path::Path;
use std::time::Duration;

/// `std::fs::rename`, which replaces an existing file at `to` on both systems
/// (MoveFileExW with MOVEFILE_REPLACE_EXISTING on Windows), retried while
/// Windows reports the file as in use.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    retry_while_in_use(|| std::fs::rename(from, to))
}

/// Runs `op` again while it fails because another program holds the file.
pub fn retry_while_in_use(mut op: impl FnMut() -> io::Result<()>) -> io::Result<()> {
    const TRIES: u32 = 20;
    const PAUSE: Duration = Duration::from_millis(100);
    let mut tries = 1;
    loop {
        match op() {
            Err(e) if tries < TRIES && held_by_another_program(&e) => {
                tries += 1;
                std::thread::sleep(PAUSE);
            }
            result => return result,
        }
    }
}

/// ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33):
/// what Windows answers while another handle has the file open. Never on Unix,
/// where such an error is final.
fn held_by_another_program(e: &io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_replaces_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("新しい.db.part"), dir.path().join("手引き.db"));
        std::fs::write(&a, "new").unwrap();
        std::fs::write(&b, "old").unwrap();
        rename(&a, &b).unwrap();
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "new");
        assert!(!a.exists());
    }

    #[test]
    fn a_final_error_is_returned_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut calls = 0;
        let started = std::time::Instant::now();
        let r = retry_while_in_use(|| {
            calls += 1;
            std::fs::rename(dir.path().join("missing"), dir.path().join("x"))
        });
        assert_eq!(r.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(calls, 1);
        assert!(started.elapsed() < Duration::from_millis(100));
    }

    #[test]
    fn an_in_use_error_is_retried_on_windows_only() {
        let mut calls = 0;
        let r = retry_while_in_use(|| {
            calls += 1;
            if calls < 3 {
                Err(io::Error::from_raw_os_error(32))
            } else {
                Ok(())
            }
        });
        if cfg!(windows) {
            assert!(r.is_ok());
            assert_eq!(calls, 3);
        } else {
            assert!(r.is_err());
            assert_eq!(calls, 1);
        }
    }
}
