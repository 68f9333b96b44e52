//! Files made by an outside program and kept between builds: the episodes' alternate encodings
//! (Opus, AAC), in `.carnets/encoded/`, each named by what it is made of, with its SRI hash;
//! and the SRI hashes of published files carnets writes itself (the tagged MP3s).
//!
//! A file is made of a *family* (what the slow part depends on: the source's content and the
//! format) and of the rest (the tags, cheap to rewrite). When no kept file has the whole key
//! but one of its family is there, the maker gets it to start from: a retitled episode is
//! retagged, never encoded again. The cache never calls a stage: the maker is given
//! (`SourceCache::made` and `SourceCache::integrity` are the door to this store).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::identity::Identity;
use super::write_atomically;
use crate::util::hash::sri_sha384;
use crate::util::lock;

/// Folder of the kept files, and their index, in the cache folder.
const FOLDER: &str = "encoded";
const INDEX: &str = "encoded.json";

/// What a kept file is made of.
pub struct Recipe<'a> {
    /// What a file must share with another to be made from it (source content, format).
    pub family: &'a str,
    /// Everything it is made of (the family included).
    pub key: &'a str,
    /// Its extension (`opus`, `m4a`).
    pub extension: &'a str,
}

/// A kept file.
#[derive(Clone, Debug)]
pub struct Made {
    pub path: PathBuf,
    pub size: u64,
    /// Its SRI hash (`sha384-…`).
    pub integrity: String,
}

/// How a kept file came to be in this build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fresh {
    /// Kept from an earlier build.
    Kept,
    /// Made from the start.
    Made,
    /// Made from a file of its family.
    Remade,
}

/// How many kept files a build made, and how many it made from one of their family.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub made: usize,
    pub remade: usize,
}

impl Tally {
    pub fn count(&mut self, fresh: Fresh) {
        match fresh {
            Fresh::Made => self.made += 1,
            Fresh::Remade => self.remade += 1,
            Fresh::Kept => {}
        }
    }

    pub fn add(&mut self, other: Tally) {
        self.made += other.made;
        self.remade += other.remade;
    }
}

#[derive(Clone, Serialize, Deserialize)]
struct Entry {
    family: String,
    identity: Identity,
    integrity: String,
}

#[derive(Default, Serialize, Deserialize)]
struct Index {
    /// File name → what it is.
    files: BTreeMap<String, Entry>,
    /// Content key of a published file → its SRI hash.
    digests: BTreeMap<String, String>,
}

/// The kept files of one cache folder: those on disk, and those this run used.
pub(super) struct Store {
    dir: PathBuf,
    known: Mutex<Index>,
    used: Mutex<Index>,
    temporaries: AtomicUsize,
}

impl Store {
    pub(super) fn open(cache: &Path) -> Self {
        let known = fs::read(cache.join(INDEX))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Store {
            dir: cache.join(FOLDER),
            known: Mutex::new(known),
            used: Mutex::default(),
            temporaries: AtomicUsize::new(0),
        }
    }

    /// Writes the index of what this run used and deletes the kept files it did not use.
    pub(super) fn save(&self, cache: &Path) -> io::Result<()> {
        let used = lock(&self.used);
        if used.files.is_empty() && used.digests.is_empty() && !self.dir.exists() {
            return Ok(());
        }
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !used.files.contains_key(&name) {
                    fs::remove_file(entry.path())?;
                }
            }
        }
        let bytes = serde_json::to_vec(&*used).map_err(io::Error::other)?;
        write_atomically(&cache.join(INDEX), &bytes)
    }

    /// The entry of `name` when its file is still as it was made.
    fn kept(&self, name: &str) -> Option<Entry> {
        let look = |index: &Index| index.files.get(name).cloned();
        let entry = look(&lock(&self.used)).or_else(|| look(&lock(&self.known)))?;
        let meta = fs::metadata(self.dir.join(name)).ok()?;
        (Identity::of(&meta) == entry.identity).then_some(entry)
    }

    /// A kept file of `family` still as it was made, to make another one from.
    fn relative(&self, family: &str) -> Option<PathBuf> {
        let names: Vec<String> = [&self.used, &self.known]
            .iter()
            .flat_map(|index| {
                let index = lock(index);
                let same = index.files.iter().filter(|(_, e)| e.family == family);
                same.map(|(name, _)| name.clone()).collect::<Vec<_>>()
            })
            .collect();
        names
            .into_iter()
            .find(|name| self.kept(name).is_some())
            .map(|name| self.dir.join(name))
    }
}

impl Store {
    /// See [`super::SourceCache::made`].
    pub(super) fn made<E: From<io::Error>>(
        &self,
        recipe: &Recipe<'_>,
        make: impl FnOnce(&Path, Option<&Path>) -> Result<(), E>,
    ) -> Result<(Made, Fresh), E> {
        let name = format!(
            "{}.{}",
            &blake3::hash(recipe.key.as_bytes()).to_hex()[..32],
            recipe.extension
        );
        let path = self.dir.join(&name);
        let (entry, fresh) = match self.kept(&name) {
            Some(entry) => (entry, Fresh::Kept),
            None => {
                fs::create_dir_all(&self.dir)?;
                let earlier = self.relative(recipe.family);
                let n = self.temporaries.fetch_add(1, Ordering::Relaxed);
                let temporary =
                    self.dir
                        .join(format!(".{}.{n}.{}", std::process::id(), recipe.extension));
                let made = make(&temporary, earlier.as_deref());
                if let Err(e) = made {
                    let _ = fs::remove_file(&temporary);
                    return Err(e);
                }
                fs::rename(&temporary, &path)?;
                let entry = Entry {
                    family: recipe.family.to_string(),
                    identity: Identity::of(&fs::metadata(&path)?),
                    integrity: sri_sha384(fs::File::open(&path)?)?,
                };
                let fresh = match earlier {
                    Some(_) => Fresh::Remade,
                    None => Fresh::Made,
                };
                (entry, fresh)
            }
        };
        let made = Made {
            path,
            size: entry.identity.size,
            integrity: entry.integrity.clone(),
        };
        lock(&self.used).files.insert(name, entry);
        Ok((made, fresh))
    }

    /// The SRI hash of the published file whose content key is `key`, computed by `compute`
    /// unless an earlier build computed it.
    pub(super) fn integrity(
        &self,
        key: String,
        compute: impl FnOnce() -> io::Result<String>,
    ) -> io::Result<String> {
        let known = lock(&self.known).digests.get(&key).cloned();
        let integrity = match known {
            Some(integrity) => integrity,
            None => compute()?,
        };
        lock(&self.used).digests.insert(key, integrity.clone());
        Ok(integrity)
    }
}
