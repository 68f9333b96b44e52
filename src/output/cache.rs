//! The build cache in `<root>/.carnets/`: what each source file's bytes hash to, what its audio
//! measured, and the prepared cover art, so a rebuild only redoes what changed.
//!
//! A source is recognised by its size, modification time and inode (the fast check); when
//! those change, its content is hashed again (the confirmation) and, if the bytes are the
//! same, nothing downstream is redone.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use crate::audio::{self, AudioInfo, CoverError, ProbeError};

/// File name of the cache index inside the cache folder.
const INDEX: &str = "sources.json";
/// Folder of the prepared covers (JPEG, named by the hash of their source).
const COVERS: &str = "covers";
/// Bumped when the cache's meaning changes, so old caches are ignored.
const VERSION: u32 = 1;

/// How a file looked when it was hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub size: u64,
    pub mtime_ns: i128,
    pub ino: u64,
}

impl Identity {
    pub fn of(meta: &fs::Metadata) -> Self {
        Identity {
            size: meta.size(),
            mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
            ino: meta.ino(),
        }
    }
}

#[derive(Default, Serialize, Deserialize)]
struct Index {
    version: u32,
    /// Source path → its identity and content hash.
    sources: BTreeMap<PathBuf, (Identity, String)>,
    /// Content hash → what the MPEG stream says.
    probes: BTreeMap<String, AudioInfo>,
}

/// The cache of one podcast folder; safe to share between threads.
pub struct SourceCache {
    dir: PathBuf,
    index: Mutex<Index>,
    /// Entries used by this run: only those are saved, so the cache never grows stale.
    used: Mutex<Index>,
    /// Covers prepared or read by this run, by content hash of their source.
    covers: Mutex<BTreeMap<String, Arc<Vec<u8>>>>,
}

impl SourceCache {
    /// Opens the cache in `dir` (nothing is created until [`SourceCache::save`]).
    pub fn open(dir: &Path) -> Self {
        let index = fs::read(dir.join(INDEX))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
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
        }
    }

    /// The BLAKE3 hash (hex) of a source file's content.
    pub fn hash(&self, path: &Path) -> io::Result<String> {
        let identity = Identity::of(&fs::metadata(path)?);
        if let Some((seen, _)) = lock(&self.used).sources.get(path)
            && *seen != identity
        {
            return Err(changed(path));
        }
        let known = lock(&self.index).sources.get(path).cloned();
        let hash = match known {
            Some((seen, hash)) if seen == identity => hash,
            _ => {
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

    /// Measures an MP3, from the cache when its bytes were measured before.
    pub fn probe(&self, path: &Path) -> Result<AudioInfo, ProbeError> {
        let hash = self.hash(path).map_err(ProbeError::Io)?;
        let known = lock(&self.index).probes.get(&hash).cloned();
        let info = match known {
            Some(info) => info,
            None => {
                let info = audio::probe(path)?;
                // What was measured must be what was hashed: same file, untouched since.
                self.verify(path).map_err(ProbeError::Io)?;
                info
            }
        };
        lock(&self.used).probes.insert(hash, info.clone());
        Ok(info)
    }

    /// The artwork as it is embedded in the MP3s (see [`audio::prepare_cover`]), prepared once
    /// per content and kept in the cache folder.
    pub fn cover(&self, path: &Path) -> Result<Arc<Vec<u8>>, CoverError> {
        let hash = self.hash(path).map_err(CoverError::Io)?;
        if let Some(bytes) = lock(&self.covers).get(&hash) {
            return Ok(bytes.clone());
        }
        let kept = self.dir.join(COVERS).join(format!("{hash}.jpg"));
        let bytes = match fs::read(&kept) {
            Ok(bytes) => bytes,
            Err(_) => audio::prepare_cover(path)?,
        };
        let bytes = Arc::new(bytes);
        lock(&self.covers).insert(hash, bytes.clone());
        Ok(bytes)
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

    /// Fails when `path` changed since this run first looked at it (an editor or a sync tool
    /// rewriting it during the build): what was measured and what was published would differ.
    pub fn verify(&self, path: &Path) -> io::Result<()> {
        let seen = lock(&self.used)
            .sources
            .get(path)
            .map(|(identity, _)| *identity);
        match seen {
            Some(seen) if Identity::of(&fs::metadata(path)?) != seen => Err(changed(path)),
            _ => Ok(()),
        }
    }

    /// [`SourceCache::verify`] for every source this run read.
    pub fn verify_all(&self) -> io::Result<()> {
        let paths: Vec<PathBuf> = lock(&self.used).sources.keys().cloned().collect();
        paths.iter().try_for_each(|path| self.verify(path))
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
        // JSON keys are text: a source whose path is not UTF-8 is not remembered (it is simply
        // hashed again next time) rather than failing the build.
        used.sources.retain(|path, _| path.to_str().is_some());
        let bytes = serde_json::to_vec(&*used).map_err(io::Error::other)?;
        super::write_atomically(&self.dir.join(INDEX), &bytes)
    }
}

fn changed(path: &Path) -> io::Error {
    io::Error::other(format!(
        "{} changed while the build was reading it; build again once it is saved",
        path.display()
    ))
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic elsewhere cannot leave an index half-updated: every update is one insert.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
