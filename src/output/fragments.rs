//! What a build made before, kept for the next one in a file of `<root>/.carnets/`, each by
//! the hash of what it was made from: in `fragments.bin` the show notes as HTML (Markdown to
//! sanitised HTML is the largest part of loading an unchanged episode), the search index's
//! entries, the feed's items and the heads of the MP3s' ID3 tags; in `episodes.bin` the
//! episodes as loaded (see `show::episode::memo`), in a file of their own because loading
//! waits for them, and not for the rest, which is read meanwhile. A rebuild makes again only
//! the fragments whose sources changed.
//!
//! The file is read only by the carnets executable that wrote it (its first line names it):
//! another version may make the same fragment differently. After that line come the fragments,
//! each as its 32-byte key, its length (`u32`, little-endian) and its text. A build appends the
//! fragments it made (kept meanwhile in a file of its own, not in memory); the file is written
//! afresh when most of what it holds is no longer used, or when it cannot be read to its end.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::util::lock;

/// The hash of what a fragment is made from.
pub type Key = [u8; 32];

/// The fragments of the file: its bytes, and where each fragment is in them.
#[derive(Default)]
struct Known {
    bytes: Vec<u8>,
    ranges: HashMap<Key, Range<usize>>,
}

pub struct Fragments {
    file: PathBuf,
    /// The file's first line for this executable; `None` when it cannot be told apart from
    /// another one (then nothing is kept).
    header: Option<String>,
    /// Read on first use.
    known: OnceLock<Known>,
    /// Fragments this run used.
    used: Mutex<HashSet<Key>>,
    /// Fragments this run made, written as they are made (to an unnamed file: a build's
    /// fragments are megabytes, better not held until the end).
    made: Mutex<Made>,
}

enum Made {
    Nothing,
    Writing(BufWriter<fs::File>),
    /// A fragment could not be written: none is kept.
    Failed,
}

impl Fragments {
    /// The fragments of the file `name` in `dir`.
    pub fn open(dir: &Path, name: &str) -> Self {
        Fragments {
            file: dir.join(name),
            header: super::stamp::executable().map(|exe| format!("carnets fragments {exe}\n")),
            known: OnceLock::new(),
            used: Mutex::default(),
            made: Mutex::new(Made::Nothing),
        }
    }

    /// Reads the file, if that is not done yet (a build calls it early, on a spare core).
    pub fn read(&self) {
        self.known();
    }

    fn known(&self) -> &Known {
        self.known.get_or_init(|| {
            let Some(header) = &self.header else {
                return Known::default();
            };
            let bytes = fs::read(&self.file).unwrap_or_default();
            match index(&bytes, header) {
                Some(ranges) => Known { bytes, ranges },
                None => Known::default(),
            }
        })
    }

    /// The text of `key`: the one an earlier run made, or else `make()`'s.
    pub fn get(&self, key: Key, make: impl FnOnce() -> String) -> Arc<str> {
        let text = match self
            .kept(&key)
            .and_then(|b| simdutf8::basic::from_utf8(b).ok())
        {
            Some(text) => Arc::from(text),
            None => {
                let text = make();
                self.write_made(&key, text.as_bytes());
                Arc::from(text)
            }
        };
        lock(&self.used).insert(key);
        text
    }

    /// The bytes of `key`: those an earlier run made, or else `make()`'s.
    pub fn get_bytes(&self, key: Key, make: impl FnOnce() -> Vec<u8>) -> Arc<[u8]> {
        let bytes = match self.kept(&key) {
            Some(bytes) => Arc::from(bytes),
            None => {
                let bytes = make();
                self.write_made(&key, &bytes);
                Arc::from(bytes)
            }
        };
        lock(&self.used).insert(key);
        bytes
    }

    /// The bytes an earlier run kept for `key`, if any (see [`Fragments::remember`]).
    pub fn recall(&self, key: Key) -> Option<Arc<[u8]>> {
        let kept = self.kept(&key).map(Arc::from);
        if kept.is_some() {
            lock(&self.used).insert(key);
        }
        kept
    }

    /// Keeps `bytes` for `key`, for the next runs: in place of what an earlier run kept for it
    /// (the last one written wins when the file is read).
    pub fn remember(&self, key: Key, bytes: &[u8]) {
        self.write_made(&key, bytes);
        lock(&self.used).insert(key);
    }

    /// What an earlier run made for `key`.
    fn kept(&self, key: &Key) -> Option<&[u8]> {
        let known = self.known();
        known
            .ranges
            .get(key)
            .map(|range| &known.bytes[range.clone()])
    }

    fn write_made(&self, key: &Key, bytes: &[u8]) {
        if self.header.is_none() {
            return;
        }
        let mut made = lock(&self.made);
        if let Made::Nothing = *made {
            *made = match self.unnamed_file() {
                Ok(file) => Made::Writing(BufWriter::new(file)),
                Err(_) => Made::Failed,
            };
        }
        if let Made::Writing(out) = &mut *made
            && encode(out, key, bytes).is_err()
        {
            *made = Made::Failed;
        }
    }

    /// A new file with no name, next to the cache file.
    fn unnamed_file(&self) -> io::Result<fs::File> {
        let path = self.tmp("made");
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)?;
        fs::remove_file(&path)?;
        Ok(file)
    }

    fn tmp(&self, what: &str) -> PathBuf {
        let name = self.file.file_name().unwrap_or_default().to_string_lossy();
        self.file
            .with_file_name(format!(".{name}.{what}.{}.tmp", std::process::id()))
    }

    /// Adds the fragments this run made to the file, or writes it afresh with only those this
    /// run used when most of it is stale.
    pub fn save(&self) -> io::Result<()> {
        let (Some(header), Some(known)) = (&self.header, self.known.get()) else {
            return Ok(());
        };
        let used = lock(&self.used);
        let made = match std::mem::replace(&mut *lock(&self.made), Made::Nothing) {
            Made::Nothing => None,
            Made::Writing(out) => {
                let mut file = out.into_inner().map_err(io::Error::other)?;
                file.seek(SeekFrom::Start(0))?;
                Some(file)
            }
            Made::Failed => return Ok(()),
        };
        let fresh = known.bytes.is_empty() || known.ranges.len() > 2 * used.len() + 64;
        match (fresh, made) {
            (false, None) => Ok(()),
            (false, Some(mut made)) => {
                // One write, so that two builds appending at once cannot interleave.
                let mut bytes = Vec::new();
                made.read_to_end(&mut bytes)?;
                fs::OpenOptions::new()
                    .append(true)
                    .open(&self.file)?
                    .write_all(&bytes)
            }
            (true, made) => {
                let tmp = self.tmp("new");
                let mut out = BufWriter::new(fs::File::create(&tmp)?);
                out.write_all(header.as_bytes())?;
                let mut kept: Vec<(&Key, &Range<usize>)> = known
                    .ranges
                    .iter()
                    .filter(|(key, _)| used.contains(*key))
                    .collect();
                kept.sort_by_key(|(_, range)| range.start);
                for (key, range) in kept {
                    encode(&mut out, key, &known.bytes[range.clone()])?;
                }
                let mut out = out.into_inner().map_err(io::Error::other)?;
                if let Some(mut made) = made {
                    io::copy(&mut made, &mut out)?;
                }
                fs::rename(&tmp, &self.file)
            }
        }
    }
}

fn encode(out: &mut impl Write, key: &Key, text: &[u8]) -> io::Result<()> {
    let len = u32::try_from(text.len()).map_err(io::Error::other)?;
    out.write_all(key)?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(text)
}

/// Where each fragment is in a file written by the executable that `header` names; `None` when it
/// is another's, or cut short (a build killed while writing it): it is then written afresh.
fn index(bytes: &[u8], header: &str) -> Option<HashMap<Key, Range<usize>>> {
    let mut ranges = HashMap::new();
    let mut at = header.len();
    if !bytes.starts_with(header.as_bytes()) {
        return None;
    }
    while at < bytes.len() {
        let (key, tail) = bytes[at..].split_first_chunk::<32>()?;
        let (len, _) = tail.split_first_chunk::<4>()?;
        let start = at + 36;
        let end = start.checked_add(u32::from_le_bytes(*len) as usize)?;
        if end > bytes.len() {
            return None;
        }
        ranges.insert(*key, start..end);
        at = end;
    }
    Some(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_made_once_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let made = |text: &str| {
            let text = text.to_string();
            move || text
        };
        let fragments = Fragments::open(dir.path(), "fragments.bin");
        assert_eq!(&*fragments.get([1; 32], made("un")), "un");
        fragments.save().unwrap();

        let again = Fragments::open(dir.path(), "fragments.bin");
        assert_eq!(&*again.get([1; 32], || unreachable!("kept")), "un");
        assert_eq!(&*again.get([2; 32], made("deux")), "deux");
        again.save().unwrap();
        let third = Fragments::open(dir.path(), "fragments.bin");
        assert_eq!(third.known().ranges.len(), 2);
        assert_eq!(&*third.get([2; 32], || unreachable!("appended")), "deux");
    }

    #[test]
    fn a_foreign_or_cut_file_is_not_read() {
        let header = "carnets fragments x\n";
        let mut bytes = header.as_bytes().to_vec();
        for (key, html) in [([7u8; 32], "<p>"), ([8u8; 32], "<p>a</p>")] {
            bytes.extend(key);
            bytes.extend((html.len() as u32).to_le_bytes());
            bytes.extend(html.as_bytes());
        }
        assert_eq!(index(&bytes, header).map(|n| n.len()), Some(2));
        assert_eq!(index(&bytes, "carnets fragments y\n"), None);
        assert_eq!(index(&bytes[..bytes.len() - 1], header), None);
    }
}
