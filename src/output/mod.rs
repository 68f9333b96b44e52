//! The only code that writes to disk. A build's files go into a staging folder on the same
//! filesystem as the output, which then takes the output's place in one atomic exchange:
//! whatever happens before (bad input, a full disk, a kill), the old output stays as it was.
//!
//! Incremental: a manifest in the cache records each published file's key (a hash of what it
//! was made from) and how the file looked on disk. When nothing at all changed, the output is
//! not touched. Otherwise the staging folder is the output of the build before last, kept
//! after the exchange (see `staging.rs`): it is brought up to date with a hard link for each
//! unchanged file and a new file for each changed one, so an edit costs what it changed, not
//! what the site holds.

pub mod cache;
mod encoded;
mod fragments;
mod identity;
mod listing;
mod run;
mod staging;
pub mod stamp;
mod write;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::t;
use crate::util::lock;
use cache::Identity;
pub use cache::SourceCache;
pub use encoded::{Fresh, Made, Recipe, Tally};
pub use fragments::Key as FragmentKey;
pub use run::{BuildReport, Run, Start};

/// What a published file holds.
#[derive(Clone, Debug)]
pub enum Content {
    /// Bytes rendered in memory (feed, pages, JSON).
    Bytes(Vec<u8>),
    /// A copy of a source file (artwork, transcript).
    Copy(PathBuf),
    /// A tagged MP3: an ID3 tag (`tag`, then the `cover` bytes that end it, when there is one),
    /// then the MPEG frames `start..end` of `source`.
    Audio {
        tag: Vec<u8>,
        cover: Option<Shared>,
        source: PathBuf,
        start: u64,
        end: u64,
    },
    /// A page rendered from inputs that hash to `from`.
    Page { bytes: Vec<u8>, from: String },
    /// A page not rendered again: its inputs hash to `from`, as when the output's copy (whose
    /// key is `key`) was rendered. See [`Previous::kept`].
    Kept { key: String, from: String },
}

impl Content {
    /// Rendered text as content, without the spare capacity its `String` grew (at thousands of
    /// pages, that slack is a good part of a build's memory).
    pub fn bytes(text: String) -> Self {
        let mut bytes = text.into_bytes();
        bytes.shrink_to_fit();
        Content::Bytes(bytes)
    }
}

/// Bytes shared by many files (the artwork embedded in every MP3), hashed once.
#[derive(Clone, Debug)]
pub struct Shared {
    bytes: Arc<Vec<u8>>,
    hash: blake3::Hash,
}

impl Shared {
    pub fn new(bytes: Arc<Vec<u8>>) -> Self {
        let hash = blake3::hash(&bytes);
        Shared { bytes, hash }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// One file of the output, at `path` relative to the output root (`/`-separated).
#[derive(Clone, Debug)]
pub struct OutputFile {
    pub path: String,
    pub content: Content,
}

/// The manifest of an output folder, in the cache (see [`Manifest`]).
const MANIFEST: &str = "manifest.bin";

/// The files the cache keeps for itself (its index, manifests, stamps) in postcard's compact
/// binary form: read at every build, they are read and written several times faster than
/// JSON.
pub(crate) fn encode<T: Serialize>(value: &T) -> io::Result<Vec<u8>> {
    postcard::to_allocvec(value).map_err(io::Error::other)
}

/// What [`encode`] wrote; `None` for anything else (an older cache, a cut file).
pub(crate) fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// What a publish did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files written (new or changed).
    pub written: usize,
    /// Files kept as they were.
    pub unchanged: usize,
}

/// The published files of the last build into one output folder: for each, its key, how it
/// looked on disk, and for a page what its inputs hashed to.
#[derive(Default, Serialize, Deserialize)]
struct Manifest {
    files: BTreeMap<String, (String, Identity, Option<String>)>,
}

/// What the last build published into an output folder.
pub struct Previous {
    out: PathBuf,
    manifest: Manifest,
    /// The pages [`Previous::kept`] found untouched, with how each looked then: publishing
    /// does not look at them again.
    kept: Mutex<HashMap<String, Identity>>,
}

impl Previous {
    pub fn read(out: &Path, cache: &SourceCache) -> io::Result<Self> {
        Ok(Previous::read_at(out, &cache.output_file(out, MANIFEST)?))
    }

    /// What the last build into `out` published, from its manifest at `path`.
    fn read_at(out: &Path, path: &Path) -> Self {
        let manifest = fs::read(path)
            .ok()
            .and_then(|b| decode(&b))
            .unwrap_or_default();
        Previous {
            out: out.to_path_buf(),
            manifest,
            kept: Mutex::default(),
        }
    }

    /// The key of the page at `path` when the last build rendered it from inputs that hashed
    /// to `from` and nobody touched it since: rendering it again would give the same bytes.
    pub fn kept(&self, path: &str, from: &str) -> Option<String> {
        let (key, _, made_from) = self.manifest.files.get(path)?;
        if made_from.as_deref() != Some(from) {
            return None;
        }
        let identity = unchanged(&self.out, &self.manifest, path, key)?;
        lock(&self.kept).insert(path.to_string(), identity);
        Some(key.clone())
    }
}

/// One file to publish, with its key and whether the output already holds it.
struct Keyed {
    file: OutputFile,
    key: String,
    /// The output's copy, when it is exactly what this build would write.
    unchanged: Option<Identity>,
}

/// Replaces the content of `out` (whose last build was `previous`) with `files`; `cache` holds
/// the manifest and source hashes.
pub fn publish(
    out: &Path,
    files: Vec<OutputFile>,
    cache: &SourceCache,
    previous: Previous,
) -> io::Result<Stats> {
    let manifest_path = cache.output_file(out, MANIFEST)?;
    let (old, kept) = (
        previous.manifest,
        previous
            .kept
            .into_inner()
            .unwrap_or_else(|e| e.into_inner()),
    );
    refuse_foreign(out, &old)?;
    let keyed: Vec<Keyed> = files
        .into_par_iter()
        .map(|file| {
            let key = key(&file.content, cache)?;
            let unchanged = match file.content {
                // Found untouched while the pages rendered.
                Content::Kept { .. } => kept.get(&file.path).copied(),
                _ => unchanged(out, &old, &file.path, &key),
            };
            if unchanged.is_none() && matches!(file.content, Content::Kept { .. }) {
                let path = out.join(&file.path).display().to_string();
                return Err(io::Error::other(t!(
                    "output-kept-page-changed",
                    path = path
                )));
            }
            Ok(Keyed {
                file,
                key,
                unchanged,
            })
        })
        .collect::<io::Result<_>>()?;
    let unchanged = keyed.iter().filter(|k| k.unchanged.is_some()).count();
    let stats = Stats {
        written: keyed.len() - unchanged,
        unchanged,
    };
    if old.files.len() == keyed.len() && stats.written == 0 {
        return Ok(stats);
    }
    fs::create_dir_all(manifest_path.parent().unwrap_or(Path::new(".")))?;
    let staging = staging::Staging::locate(out, cache)?;
    let first = fs::symlink_metadata(out).is_err();
    let identities = staging.prepare(out, &keyed, first)?;
    // A source rewritten during the build may have been copied half old, half new.
    cache.verify_all()?;
    staging.swap_in(out)?;
    let manifest = Manifest {
        files: keyed
            .into_iter()
            .zip(identities)
            .map(|(k, identity)| {
                let from = match k.file.content {
                    Content::Page { from, .. } | Content::Kept { from, .. } => Some(from),
                    _ => None,
                };
                (k.file.path, (k.key, identity, from))
            })
            .collect(),
    };
    write_atomically(&manifest_path, &encode(&manifest)?)?;
    Ok(stats)
}

/// True when `out` holds exactly the files the last publish wrote there, untouched since;
/// returns how many.
pub fn untouched(out: &Path, cache: &SourceCache) -> Option<usize> {
    let manifest: Manifest = decode(&fs::read(cache.output_file(out, MANIFEST).ok()?).ok()?)?;
    let same = manifest.files.par_iter().all(|(path, (_, identity, _))| {
        fs::symlink_metadata(out.join(path))
            .is_ok_and(|m| m.is_file() && Identity::of(&m) == *identity)
    });
    (same && !manifest.files.is_empty()).then_some(manifest.files.len())
}

/// The files the last publish wrote into `out`, with how each looked on disk then (what
/// [`untouched`] checks): the whole output, without walking it.
pub fn published(out: &Path, cache: &SourceCache) -> io::Result<BTreeMap<String, Identity>> {
    let bytes = fs::read(cache.output_file(out, MANIFEST)?)?;
    let manifest: Manifest = decode(&bytes)
        .ok_or_else(|| io::Error::other(t!("output-manifest-damaged", manifest = MANIFEST)))?;
    Ok(manifest
        .files
        .into_iter()
        .map(|(path, (_, identity, _))| (path, identity))
        .collect())
}

/// What a file is made from, as a hash: equal keys mean equal bytes.
fn key(content: &Content, cache: &SourceCache) -> io::Result<String> {
    Ok(match content {
        Content::Bytes(bytes) | Content::Page { bytes, .. } => {
            format!("b:{}", blake3::hash(bytes).to_hex())
        }
        Content::Kept { key, .. } => key.clone(),
        Content::Copy(source) => format!("c:{}", cache.hash(source)?),
        Content::Audio {
            tag,
            cover,
            source,
            start,
            end,
        } => {
            let cover = cover.as_ref().map(|c| c.hash.to_hex());
            format!(
                "a:{}:{}:{}:{start}:{end}",
                blake3::hash(tag).to_hex(),
                cover.as_deref().unwrap_or("-"),
                cache.audio_key(source)?
            )
        }
    })
}

/// The output's file at `path` when the last build published it from the same key and nobody
/// touched it since.
fn unchanged(out: &Path, old: &Manifest, path: &str, key: &str) -> Option<Identity> {
    let (old_key, identity, _) = old.files.get(path)?;
    let meta = fs::symlink_metadata(out.join(path)).ok()?;
    (old_key == key && meta.is_file() && Identity::of(&meta) == *identity).then_some(*identity)
}

/// Refuses an output folder that would swallow the podcast's own files.
pub fn check_target(root: &Path, out: &Path) -> io::Result<()> {
    let root = std::path::absolute(root)?;
    let out = std::path::absolute(out)?;
    let root = root.canonicalize().unwrap_or(root);
    let out = out
        .parent()
        .and_then(|p| p.canonicalize().ok())
        .map_or(out.clone(), |p| p.join(out.file_name().unwrap_or_default()));
    let sources = ["episodes", "theme", ".carnets"].map(|d| root.join(d));
    if root.starts_with(&out) || sources.iter().any(|s| out.starts_with(s)) {
        let out = out.display().to_string();
        return Err(io::Error::other(t!("output-holds-sources", out = out)));
    }
    Ok(())
}

/// A non-empty output folder that carnets did not write is somebody's files: refuse it.
fn refuse_foreign(out: &Path, old: &Manifest) -> io::Result<()> {
    let Ok(mut entries) = fs::read_dir(out) else {
        return Ok(());
    };
    if old.files.is_empty() && entries.next().is_some() && !out.join("feed.xml").is_file() {
        let out = out.display().to_string();
        return Err(io::Error::other(t!("output-foreign-files", out = out)));
    }
    Ok(())
}

/// Writes `bytes` at `path` (atomically) unless the file already holds exactly them.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    write_atomically(path, bytes)
}

/// Writes `bytes` to a temporary file next to `path`, then renames it over `path`.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    fs::write(&tmp, bytes)?;
    fs::rename(tmp, path)
}

/// One build at a time per output folder: a second one waits for the first. Released when
/// dropped (or when the process dies).
pub struct BuildLock {
    _file: fs::File,
}

impl BuildLock {
    pub fn acquire(out: &Path, cache: &SourceCache) -> io::Result<Self> {
        let path = cache.output_file(out, "lock")?;
        fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
        let file = fs::File::create(path)?;
        if file.try_lock().is_err() {
            eprintln!("{}", t!("output-waiting", out = out.display().to_string()));
            file.lock()?;
        }
        Ok(BuildLock { _file: file })
    }
}

#[cfg(test)]
mod tests;
