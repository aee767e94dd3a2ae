//! The store's reader/writer lock.

use crate::error::{Error, Result};
use std::path::Path;

/// newsgraph's own lock file inside the store directory. Oxigraph calls a
/// read-only open while another process writes the store undefined
/// behaviour (and RocksDB then fails reads on files compacted away under
/// them, or loops on them), so readers hold this lock shared and a writer
/// holds it exclusively: several queries at once, or one ingest alone.
const LOCK_FILE: &str = "newsgraph.lock";

/// Take the store's lock without waiting: shared for reading, exclusive for
/// writing. `Ok(None)` when a read-only directory cannot hold a lock file
/// (then no writer can work there either).
pub(super) fn lock(path: &Path, write: bool) -> Result<Option<std::fs::File>> {
    let file = path.join(LOCK_FILE);
    let opened = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&file)
        .or_else(|e| {
            if write {
                Err(e)
            } else {
                std::fs::File::open(&file)
            }
        });
    let f = match opened {
        Ok(f) => f,
        Err(e)
            if !write
                && matches!(
                    e.kind(),
                    std::io::ErrorKind::PermissionDenied
                        | std::io::ErrorKind::ReadOnlyFilesystem
                        | std::io::ErrorKind::NotFound
                ) =>
        {
            return Ok(None)
        }
        Err(e) => return Err(Error::io(&file, e)),
    };
    let taken = if write {
        f.try_lock()
    } else {
        f.try_lock_shared()
    };
    match taken {
        Ok(()) => Ok(Some(f)),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Busy {
            path: path.to_path_buf(),
            reading: !write,
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&file, e)),
    }
}
