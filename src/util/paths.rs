//! Paths written by producers (`image:`, `audio:`, `transcript:`), resolved safely, and how a
//! file looked ([`Seen`]), to tell a changed one without reading it.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

use crate::t;

/// Resolves `relative` inside `base`: it must exist and stay inside `base`, symlinks included
/// (a podcast folder must never publish a file from elsewhere on the machine).
pub fn inside(base: &Path, relative: &str) -> Result<PathBuf, String> {
    let path = Path::new(relative);
    if relative.is_empty() || path.is_absolute() {
        let base = base.display().to_string();
        return Err(t!("util-path-absolute", relative = relative, base = base));
    }
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        let base = base.display().to_string();
        return Err(t!("util-path-leaves", relative = relative, base = base));
    }
    let joined = base.join(path);
    within(base, &joined)?;
    if !joined.is_file() {
        return Err(t!("util-path-not-a-file", relative = relative));
    }
    Ok(joined)
}

/// Checks that `path` (a file or folder found in `base`) exists and leads nowhere outside
/// `base` once every symlink is followed.
pub fn within(base: &Path, path: &Path) -> Result<(), String> {
    // Made only for an error: this runs for every file of the podcast.
    let name = || {
        path.strip_prefix(base)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    let shown = || base.display().to_string();
    let missing = || t!("util-path-missing", name = name(), base = shown());
    // The common case, cheaply: no link below `base`, so nothing can lead out of it.
    if let Ok(relative) = path.strip_prefix(base) {
        let mut links = false;
        let mut at = base.to_path_buf();
        for component in relative.components() {
            at.push(component);
            let meta = std::fs::symlink_metadata(&at).map_err(|_| missing())?;
            links |= meta.file_type().is_symlink();
        }
        if !links {
            return Ok(());
        }
    }
    let real = path.canonicalize().map_err(|_| missing())?;
    let real_base = base
        .canonicalize()
        .map_err(|e| t!("util-cannot-read", path = shown(), error = e.to_string()))?;
    if !real.starts_with(&real_base) {
        return Err(t!("util-path-link-outside", name = name(), base = shown()));
    }
    Ok(())
}

/// What a folder entry is once a link is followed, and whether it is a link.
pub struct EntryType {
    pub kind: std::fs::FileType,
    pub link: bool,
}

/// What a folder entry is, a link followed (to what it points to): the entry says it without a
/// `stat`, except for a link.
pub fn entry_type(entry: &std::fs::DirEntry) -> Option<EntryType> {
    let kind = entry.file_type().ok()?;
    match kind.is_symlink() {
        true => std::fs::metadata(entry.path()).ok().map(|m| EntryType {
            kind: m.file_type(),
            link: true,
        }),
        false => Some(EntryType { kind, link: false }),
    }
}

/// Reads a whole file, refusing anything that is not a regular file: a FIFO (or a device)
/// would block the build forever, waiting for a writer that never comes.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other(t!("util-not-regular")));
    }
    std::fs::read(path)
}

/// [`read`] as UTF-8 text.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    String::from_utf8(read(path)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// The lowercase extension of a path, if any.
pub fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// `time` in ns since the epoch, as [`Seen`] gives file times (0 before the epoch).
pub fn ns_since_epoch(time: std::time::SystemTime) -> i128 {
    time.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

/// How a file or folder looked: its size, inode, modification *and* change times (no tool can
/// set the change time back), so that a change is seen without reading the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Seen {
    pub size: u64,
    pub ino: u64,
    pub mtime_ns: i128,
    pub ctime_ns: i128,
}

impl Seen {
    /// How `path` looks now (links followed); `None` when it cannot be looked at.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = fs::metadata(path).ok()?;
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Some(Seen {
            // A folder's size says little; its times say whether its entries changed.
            size: if meta.is_dir() { 0 } else { meta.size() },
            ino: meta.ino(),
            mtime_ns: ns(meta.mtime(), meta.mtime_nsec()),
            ctime_ns: ns(meta.ctime(), meta.ctime_nsec()),
        })
    }

    /// True when the file may have changed after `started` (ns since the epoch). File times
    /// come from a clock that lags by up to a tick (10 ms), or are whole seconds (2 s on FAT).
    pub fn changed_since(&self, started: i128) -> bool {
        let slack = if self.ctime_ns % 1_000_000_000 == 0 {
            2_000_000_000
        } else {
            20_000_000
        };
        self.ctime_ns >= started - slack
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escapes_and_accepts_plain_names() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("ep");
        std::fs::create_dir(&base).unwrap();
        std::fs::write(base.join("a.mp3"), b"x").unwrap();
        std::fs::write(dir.path().join("secret"), b"x").unwrap();
        assert!(inside(&base, "a.mp3").is_ok());
        assert!(inside(&base, "./a.mp3").is_ok());
        assert!(inside(&base, "../secret").unwrap_err().contains("no `..`"));
        assert!(
            inside(&base, "/etc/passwd")
                .unwrap_err()
                .contains("relative")
        );
        assert!(
            inside(&base, "missing.mp3")
                .unwrap_err()
                .contains("does not exist")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret"), base.join("link.mp3")).unwrap();
            assert!(inside(&base, "link.mp3").unwrap_err().contains("outside"));
        }
    }
}
