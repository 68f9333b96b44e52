//! The build cache in `<root>/.carnets/`: what each source file's bytes hash to, what its audio
//! measured, and the prepared cover art, so a rebuild only redoes what changed.
//!
//! A source is recognised by its size, modification time and inode (the fast check); when
//! those change, its content is hashed again (the confirmation) and, if the bytes are the
//! same, nothing downstream is redone. MP3s are the exception: they are not hashed (a full
//! reading for nothing on a first build); what their frames measure is kept by path and
//! identity, and a changed identity means measuring again, which reads them once too.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use std::sync::Arc;

use super::encoded::{Fresh, Made, Recipe, Store};
use super::fragments::{self, Fragments};
pub use super::identity::Identity;
use crate::model::{AudioInfo, Loudness};
use crate::t;
use crate::util::hash::hash_parts;
use crate::util::lock;

/// File name of the cache index inside the cache folder.
const INDEX: &str = "sources.bin";
/// Folder of the prepared covers (JPEG, named by the hash of their source).
const COVERS: &str = "covers";
/// The loudness measurements (content hash → [`Loudness`]), written by `check` only.
const LOUDNESS: &str = "loudness.json";
/// Bumped when the cache's meaning changes, so old caches are ignored.
const VERSION: u32 = 3;

#[derive(Default, Serialize, Deserialize)]
struct Index {
    version: u32,
    /// Source path → its identity and content hash.
    sources: HashMap<PathBuf, (Identity, String)>,
    /// MP3 path → its identity and what its MPEG stream says.
    audio: HashMap<PathBuf, (Identity, AudioInfo)>,
}

/// The cache of one podcast folder; safe to share between threads.
pub struct SourceCache {
    dir: PathBuf,
    index: Mutex<Index>,
    /// Entries used by this run: only those are saved, so the cache never grows stale.
    used: Mutex<Index>,
    /// Covers prepared or read by this run, by content hash of their source.
    covers: Mutex<BTreeMap<String, Arc<Vec<u8>>>>,
    /// Loudness measurements: those on disk, and those this run used.
    loudness: Mutex<[BTreeMap<String, Loudness>; 2]>,
    fragments: Fragments,
    /// The episodes as loaded (see [`SourceCache::remember`]).
    episodes: Fragments,
    /// The alternate encodings and SRI hashes (see `encoded.rs`).
    encoded: Store,
}

impl SourceCache {
    /// Opens the cache in `dir` (nothing is created until [`SourceCache::save`]).
    pub fn open(dir: &Path) -> Self {
        let index = fs::read(dir.join(INDEX))
            .ok()
            .and_then(|bytes| super::decode::<Index>(&bytes))
            .filter(|index| index.version == VERSION)
            .unwrap_or_default();
        SourceCache {
            dir: dir.to_path_buf(),
            index: Mutex::new(index),
            used: Mutex::new(Index {
                version: VERSION,
                ..Index::default()
            }),
            covers: Mutex::default(),
            loudness: Mutex::new([
                fs::read(dir.join(LOUDNESS))
                    .ok()
                    .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                    .unwrap_or_default(),
                BTreeMap::new(),
            ]),
            fragments: Fragments::open(dir, "fragments.bin"),
            episodes: Fragments::open(dir, "episodes.bin"),
            encoded: Store::open(dir),
        }
    }

    /// The kept file of `recipe`, made by `make` unless an earlier build made it: `make`
    /// writes the file at the path it is given, from a file of the same family when there is
    /// one (see `encoded.rs`).
    pub fn made<E: From<io::Error>>(
        &self,
        recipe: &Recipe<'_>,
        make: impl FnOnce(&Path, Option<&Path>) -> Result<(), E>,
    ) -> Result<(Made, Fresh), E> {
        self.encoded.made(recipe, make)
    }

    /// The SRI hash of the file `content` publishes, computed by `compute` unless an earlier
    /// build computed it for the same content.
    pub fn integrity(
        &self,
        content: &super::Content,
        compute: impl FnOnce() -> io::Result<String>,
    ) -> io::Result<String> {
        let key = super::key(content, self)?;
        self.encoded.integrity(key, compute)
    }

    /// The BLAKE3 hash (hex) of a source file's content.
    pub fn hash(&self, path: &Path) -> io::Result<String> {
        let identity = Identity::of(&fs::metadata(path)?);
        if let Some((seen, _)) = lock(&self.used).sources.get(path)
            && *seen != identity
        {
            return Err(changed(path));
        }
        let hash = match self.known(path, identity) {
            Some(hash) => hash,
            None => {
                let mut hasher = blake3::Hasher::new();
                hasher.update_reader(fs::File::open(path)?)?;
                hasher.finalize().to_hex().to_string()
            }
        };
        lock(&self.used)
            .sources
            .insert(path.to_path_buf(), (identity, hash.clone()));
        Ok(hash)
    }

    /// The hash of `path` when this run or the last one hashed it as it is now.
    fn known(&self, path: &Path, identity: Identity) -> Option<String> {
        let seen = |index: &Index| {
            index
                .sources
                .get(path)
                .filter(|(seen, _)| *seen == identity)
                .map(|(_, hash)| hash.clone())
        };
        seen(&lock(&self.used)).or_else(|| seen(&lock(&self.index)))
    }

    /// Show notes as HTML, rendered by `render` (`crate::show::markdown::to_html`) unless an
    /// earlier run rendered the same source.
    pub fn notes_html(
        &self,
        source: &str,
        id_prefix: &str,
        sanitize: bool,
        render: impl FnOnce() -> String,
    ) -> Arc<str> {
        let mut hasher = blake3::Hasher::new();
        hash_parts(
            &mut hasher,
            &[
                b"notes",
                &[u8::from(sanitize)],
                id_prefix.as_bytes(),
                source.as_bytes(),
            ],
        );
        self.fragments.get(*hasher.finalize().as_bytes(), render)
    }

    /// Text made from what hashes to `key`, made by `make` unless an earlier run made it.
    pub fn fragment(&self, key: fragments::Key, make: impl FnOnce() -> String) -> Arc<str> {
        self.fragments.get(key, make)
    }

    /// Bytes made from what hashes to `key`, made by `make` unless an earlier run made them.
    pub fn fragment_bytes(&self, key: fragments::Key, make: impl FnOnce() -> Vec<u8>) -> Arc<[u8]> {
        self.fragments.get_bytes(key, make)
    }

    /// What an earlier run kept for `key` with [`SourceCache::remember`], to be checked by the
    /// caller (a value that may have gone stale is kept with what it was made from).
    pub fn recall(&self, key: fragments::Key) -> Option<Arc<[u8]>> {
        self.episodes.recall(key)
    }

    /// Keeps `bytes` for `key` for the next runs.
    pub fn remember(&self, key: fragments::Key, bytes: &[u8]) {
        self.episodes.remember(key, bytes)
    }

    /// Reads the fragments made by earlier runs now rather than at the first use.
    pub fn read_fragments(&self) {
        self.fragments.read();
    }

    /// What `measure` (`crate::audio::probe`) says of an MP3, from the cache when the file is
    /// as it was when last measured.
    pub fn probe<E: From<io::Error>>(
        &self,
        path: &Path,
        measure: impl FnOnce(&Path) -> Result<AudioInfo, E>,
    ) -> Result<AudioInfo, E> {
        let identity = Identity::of(&fs::metadata(path)?);
        let cached = lock(&self.index)
            .audio
            .get(path)
            .filter(|(seen, _)| *seen == identity)
            .map(|(_, info)| info.clone());
        let info = match cached {
            Some(info) => info,
            None => {
                let info = measure(path)?;
                // What was measured must be the file as it is now, untouched since.
                if Identity::of(&fs::metadata(path)?) != identity {
                    return Err(changed(path).into());
                }
                info
            }
        };
        lock(&self.used)
            .audio
            .insert(path.to_path_buf(), (identity, info.clone()));
        Ok(info)
    }

    /// What identifies the content of an MP3 measured by this run: its identity when it was
    /// measured (equal identities, equal bytes: the assumption the whole cache makes).
    pub fn audio_key(&self, path: &Path) -> io::Result<String> {
        let identity = match lock(&self.used).audio.get(path) {
            Some((identity, _)) => *identity,
            None => Identity::of(&fs::metadata(path)?),
        };
        Ok(format!(
            "{}-{}-{}",
            identity.size, identity.mtime_ns, identity.ino
        ))
    }

    /// The artwork as it is embedded in the MP3s, prepared by `prepare`
    /// (`crate::audio::prepare_cover`) once per content and kept in the cache folder.
    pub fn cover<E: From<io::Error>>(
        &self,
        path: &Path,
        prepare: impl FnOnce(&Path) -> Result<Vec<u8>, E>,
    ) -> Result<Arc<Vec<u8>>, E> {
        let hash = self.hash(path)?;
        if let Some(bytes) = lock(&self.covers).get(&hash) {
            return Ok(bytes.clone());
        }
        let kept = self.dir.join(COVERS).join(format!("{hash}.jpg"));
        let bytes = match fs::read(&kept) {
            Ok(bytes) => bytes,
            Err(_) => prepare(path)?,
        };
        let bytes = Arc::new(bytes);
        lock(&self.covers).insert(hash, bytes.clone());
        Ok(bytes)
    }

    /// The loudness of an MP3 as `measure` (`crate::audio::loudness::measure`) finds it, from
    /// the cache when its bytes were measured before.
    pub fn loudness<E: From<io::Error>>(
        &self,
        path: &Path,
        measure: impl FnOnce() -> Result<Loudness, E>,
    ) -> Result<Loudness, E> {
        let hash = self.hash(path)?;
        let known = lock(&self.loudness)[0].get(&hash).copied();
        let measured = match known {
            Some(measured) => measured,
            None => measure()?,
        };
        lock(&self.loudness)[1].insert(hash, measured);
        Ok(measured)
    }

    /// Writes the loudness measurements this run used (the only file `check` writes).
    pub fn save_loudness(&self) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let bytes = serde_json::to_vec(&lock(&self.loudness)[1]).map_err(io::Error::other)?;
        super::write_atomically(&self.dir.join(LOUDNESS), &bytes)
    }

    /// Fails when a source this run read changed since (an editor or a sync tool rewriting it
    /// during the build): what was measured and what was published would differ.
    pub fn verify_all(&self) -> io::Result<()> {
        let seen: Vec<(PathBuf, Identity)> = {
            let used = lock(&self.used);
            let sources = used.sources.iter().map(|(p, (i, _))| (p.clone(), *i));
            sources
                .chain(used.audio.iter().map(|(p, (i, _))| (p.clone(), *i)))
                .collect()
        };
        seen.par_iter().try_for_each(|(path, identity)| {
            match Identity::of(&fs::metadata(path)?) == *identity {
                true => Ok(()),
                false => Err(changed(path)),
            }
        })
    }

    /// Every source this run read through the cache.
    pub fn read_paths(&self) -> Vec<PathBuf> {
        let used = lock(&self.used);
        used.sources
            .keys()
            .chain(used.audio.keys())
            .cloned()
            .collect()
    }

    /// A file of the cache that belongs to one output folder (its manifest, its lock).
    pub fn output_file(&self, out: &Path, name: &str) -> io::Result<PathBuf> {
        let absolute = std::path::absolute(out)?;
        // One output, one id, however its path is spelled (through a symlink, with `..`): two
        // builds must find the same lock.
        let real = match (absolute.parent(), absolute.file_name()) {
            (Some(parent), Some(leaf)) => parent.canonicalize().map(|p| p.join(leaf)).ok(),
            _ => None,
        }
        .unwrap_or(absolute);
        let id = blake3::hash(real.as_os_str().as_encoded_bytes()).to_hex();
        Ok(self.dir.join(format!("out-{}.{name}", &id[..16])))
    }

    /// Writes what this run used into the cache folder (and forgets covers it did not use).
    pub fn save(&self) -> io::Result<()> {
        let covers = self.dir.join(COVERS);
        fs::create_dir_all(&covers)?;
        let used = lock(&self.covers);
        for (hash, bytes) in used.iter() {
            let file = covers.join(format!("{hash}.jpg"));
            if !file.exists() {
                super::write_atomically(&file, bytes)?;
            }
        }
        for entry in fs::read_dir(&covers)?.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name
                .strip_suffix(".jpg")
                .is_some_and(|hash| used.contains_key(hash))
            {
                fs::remove_file(entry.path())?;
            }
        }
        let mut used = lock(&self.used);
        // Paths are kept as text: a source whose path is not UTF-8 is not remembered (it is simply
        // read again next time) rather than failing the build.
        used.sources.retain(|path, _| path.to_str().is_some());
        used.audio.retain(|path, _| path.to_str().is_some());
        let bytes = super::encode(&*used)?;
        super::write_atomically(&self.dir.join(INDEX), &bytes)?;
        self.encoded.save(&self.dir)?;
        self.episodes.save()?;
        self.fragments.save()
    }
}

fn changed(path: &Path) -> io::Error {
    let path = path.display().to_string();
    io::Error::other(t!("output-source-changed-reading", path = path))
}
