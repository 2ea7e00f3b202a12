//! Files and folders that hold personal data: on Unix the data folder is
//! created 0700 and the database, its backups and every export 0600, so
//! other accounts on the PC cannot read them. On Windows a file created in
//! the user's profile already inherits an ACL that only that user (and
//! administrators) can read; nothing is changed there.

use std::io::Write;
use std::path::Path;

/// Creates `dir` (and missing parents) readable by the owner only on Unix.
/// A folder that already exists is left as it is: it may be one the
/// 管理者 chose and shares on purpose.
pub fn create_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Makes an existing file readable and writable by its owner only (Unix);
/// a missing file is not an error.
pub fn restrict(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)) {
            if e.kind() != std::io::ErrorKind::NotFound {
                return Err(e);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// `std::fs::write` for a file with personal data: created 0600 on Unix
/// (and made 0600 when it existed already).
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> std::io::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let mut f = o.open(path)?;
    restrict(path)?;
    f.write_all(bytes.as_ref())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_are_0700_and_files_0600() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("a/data");
        create_dir(&data).unwrap();
        assert_eq!(mode(&data), 0o700);
        let f = data.join("x.csv");
        std::fs::write(&f, "old").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
        write(&f, b"new").unwrap();
        assert_eq!((mode(&f), std::fs::read(&f).unwrap()), (0o600, b"new".to_vec()));
        let g = data.join("y.csv");
        write(&g, b"y").unwrap();
        assert_eq!(mode(&g), 0o600);
    }
}
