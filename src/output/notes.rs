//! Show notes already rendered. Markdown to sanitised HTML is the largest part of loading an
//! unchanged episode, so the HTML is kept in `<root>/.carnets/notes.bin`, keyed by the hash of
//! what it was rendered from, and a rebuild renders only the notes that changed.
//!
//! The file is read only by the carnets executable that wrote it (its first line names it):
//! another version may render the same Markdown differently. After that line come the notes,
//! each as its 32-byte key, its length (`u32`, little-endian) and its HTML. A build appends the
//! notes it rendered; the file is written afresh when most of what it holds is no longer used, or when it
//! cannot be read to its end.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::cache::lock;
use crate::markdown;

const FILE: &str = "notes.bin";

type Key = [u8; 32];

/// The notes of the file: its bytes, and where each note is in them.
#[derive(Default)]
struct Known {
    bytes: Vec<u8>,
    notes: HashMap<Key, Range<usize>>,
}

pub struct NotesCache {
    file: PathBuf,
    /// The file's first line for this executable; `None` when it cannot be told apart from
    /// another one (then nothing is kept).
    header: Option<String>,
    /// Read on first use.
    known: OnceLock<Known>,
    /// Notes this run used, and whether it rendered them.
    used: Mutex<HashMap<Key, (Arc<str>, bool)>>,
}

impl NotesCache {
    pub fn open(dir: &Path) -> Self {
        NotesCache {
            file: dir.join(FILE),
            header: super::stamp::executable().map(|exe| format!("carnets notes {exe}\n")),
            known: OnceLock::new(),
            used: Mutex::default(),
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
                Some(notes) => Known { bytes, notes },
                None => Known::default(),
            }
        })
    }

    /// The HTML of `source` (see [`markdown::to_html`]), rendered now only if no earlier run did.
    pub fn html(&self, source: &str, id_prefix: &str, sanitize: bool) -> Arc<str> {
        let mut hasher = blake3::Hasher::new();
        for part in [
            &[u8::from(sanitize)],
            id_prefix.as_bytes(),
            source.as_bytes(),
        ] {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        let key = *hasher.finalize().as_bytes();
        let known = self.known();
        let kept = known
            .notes
            .get(&key)
            .and_then(|range| std::str::from_utf8(&known.bytes[range.clone()]).ok());
        let (html, rendered): (Arc<str>, bool) = match kept {
            Some(html) => (Arc::from(html), false),
            None => (markdown::to_html(source, id_prefix, sanitize).into(), true),
        };
        lock(&self.used).insert(key, (html.clone(), rendered));
        html
    }

    /// Adds the notes this run rendered to the file, or writes it afresh with only the notes
    /// this run used when most of it is stale.
    pub fn save(&self) -> io::Result<()> {
        let (Some(header), Some(known)) = (&self.header, self.known.get()) else {
            return Ok(());
        };
        let used = lock(&self.used);
        let mut new: Vec<(&Key, &Arc<str>)> = used
            .iter()
            .filter(|(_, (_, rendered))| *rendered)
            .map(|(key, (html, _))| (key, html))
            .collect();
        let fresh = known.bytes.is_empty() || known.notes.len() > 2 * used.len() + 64;
        if !fresh && new.is_empty() {
            return Ok(());
        }
        if fresh {
            new = used.iter().map(|(key, (html, _))| (key, html)).collect();
        }
        new.sort_by_key(|(key, _)| *key);
        if !fresh {
            // One write, so that two builds appending at once cannot interleave their notes.
            let mut bytes = Vec::new();
            encode(&mut bytes, &new)?;
            return fs::OpenOptions::new()
                .append(true)
                .open(&self.file)?
                .write_all(&bytes);
        }
        let tmp = self
            .file
            .with_file_name(format!(".{FILE}.{}.tmp", std::process::id()));
        // Written as it goes: the notes of thousands of episodes are megabytes.
        let mut out = BufWriter::new(fs::File::create(&tmp)?);
        out.write_all(header.as_bytes())?;
        encode(&mut out, &new)?;
        out.into_inner().map_err(io::Error::other)?;
        fs::rename(&tmp, &self.file)
    }
}

fn encode(out: &mut impl Write, notes: &[(&Key, &Arc<str>)]) -> io::Result<()> {
    for (key, html) in notes {
        let len = u32::try_from(html.len()).map_err(io::Error::other)?;
        out.write_all(*key)?;
        out.write_all(&len.to_le_bytes())?;
        out.write_all(html.as_bytes())?;
    }
    Ok(())
}

/// Where each note is in a file written by the executable that `header` names; `None` when it
/// is another's, or cut short (a build killed while writing it): it is then written afresh.
fn index(bytes: &[u8], header: &str) -> Option<HashMap<Key, Range<usize>>> {
    let mut notes = HashMap::new();
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
        notes.insert(*key, start..end);
        at = end;
    }
    Some(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_rendered_once_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let cache = NotesCache::open(dir.path());
        let html = cache.html("*Bonjour*", "fn-a", true);
        assert_eq!(&*html, "<p><em>Bonjour</em></p>\n");
        cache.save().unwrap();

        let again = NotesCache::open(dir.path());
        assert_eq!(again.html("*Bonjour*", "fn-a", true), html);
        assert_eq!(again.known().notes.len(), 1);
        // Another prefix is another note, appended to the file.
        let footnote = "[^1]\n\n[^1]: x";
        assert_ne!(
            again.html(footnote, "fn-a", true),
            again.html(footnote, "fn-b", true)
        );
        again.save().unwrap();
        assert_eq!(NotesCache::open(dir.path()).known().notes.len(), 3);
    }

    #[test]
    fn a_foreign_or_cut_file_is_not_read() {
        let header = "carnets notes x\n";
        let mut bytes = header.as_bytes().to_vec();
        for (key, html) in [([7u8; 32], "<p>"), ([8u8; 32], "<p>a</p>")] {
            bytes.extend(key);
            bytes.extend((html.len() as u32).to_le_bytes());
            bytes.extend(html.as_bytes());
        }
        assert_eq!(index(&bytes, header).map(|n| n.len()), Some(2));
        assert_eq!(index(&bytes, "carnets notes y\n"), None);
        assert_eq!(index(&bytes[..bytes.len() - 1], header), None);
    }
}
