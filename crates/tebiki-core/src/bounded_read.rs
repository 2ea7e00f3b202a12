//! Reading a file a user chose, with a size limit checked before reading:
//! first from the file's length, then by reading at most one byte past the
//! limit (a file that grows, or a device that reports no length, cannot slip
//! through). A hostile or mistaken 300 MB file costs nothing.

use crate::message::Message;
use std::io::Read;
use std::path::Path;

/// A roster or attendance CSV: 50,000 people at the widest real rows we have
/// seen (about 300 bytes in UTF-8 with a long 所属名 and e-mail) is 15 MB;
/// 64 MiB leaves room for extra columns an HR system adds.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum BoundedReadError {
    #[error("the file is larger than {max} bytes")]
    TooLarge { max: u64 },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl BoundedReadError {
    /// `error-file-too-large` (path, max_mb) or `error-io` (path, detail).
    pub fn message(&self, path: &Path) -> Message {
        match self {
            BoundedReadError::TooLarge { max } => Message::new("error-file-too-large").arg("path", path.display()).arg("max_mb", max / (1024 * 1024)),
            BoundedReadError::Io(e) => Message::new("error-io").arg("path", path.display()).arg("detail", e),
        }
    }
}

/// The whole file at `path`, refused as `TooLarge` without reading it when
/// it holds more than `max` bytes.
pub fn read_at_most(path: &Path, max: u64) -> Result<Vec<u8>, BoundedReadError> {
    let file = std::fs::File::open(path)?;
    let len = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
    read_bounded(file, len, max)
}

/// `reader` holding `len` bytes (when known): refused at once when `len` is
/// over `max`, else read through a limit of `max + 1` bytes.
pub fn read_bounded(reader: impl Read, len: Option<u64>, max: u64) -> Result<Vec<u8>, BoundedReadError> {
    if len.is_some_and(|l| l > max) {
        return Err(BoundedReadError::TooLarge { max });
    }
    // The length is only a hint for the first allocation, and never above the limit.
    let mut bytes = Vec::with_capacity(len.unwrap_or(0).min(max) as usize);
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(BoundedReadError::TooLarge { max });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A reader of endless zeros that counts what is taken from it.
    struct Counting<'a>(&'a Cell<u64>);
    impl Read for Counting<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            buf.fill(0);
            self.0.set(self.0.get() + buf.len() as u64);
            Ok(buf.len())
        }
    }

    #[test]
    fn a_file_longer_than_the_limit_is_refused_without_reading_a_byte() {
        let read = Cell::new(0);
        let r = read_bounded(Counting(&read), Some(300 * 1024 * 1024), 1024);
        assert!(matches!(r, Err(BoundedReadError::TooLarge { max: 1024 })));
        assert_eq!(read.get(), 0);
    }

    #[test]
    fn a_reader_that_hides_its_length_is_cut_off_just_past_the_limit() {
        let read = Cell::new(0);
        let r = read_bounded(Counting(&read), None, 1024);
        assert!(matches!(r, Err(BoundedReadError::TooLarge { .. })));
        assert!(read.get() <= 1025 + 8192, "read {} bytes", read.get());
    }

    #[test]
    fn a_sparse_300_mb_file_on_disk_is_refused_and_a_small_one_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.csv");
        std::fs::File::create(&big).unwrap().set_len(300 * 1024 * 1024).unwrap();
        let e = read_at_most(&big, MAX_CSV_BYTES).unwrap_err();
        assert_eq!(e.message(&big).key, "error-file-too-large");
        let small = dir.path().join("small.csv");
        std::fs::write(&small, "職員番号\n1001\n").unwrap();
        assert_eq!(read_at_most(&small, MAX_CSV_BYTES).unwrap(), "職員番号\n1001\n".as_bytes());
    }
}
