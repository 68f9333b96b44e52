//! The only code that writes to disk. A build's files go into a staging folder next to the
//! output, which then takes the output's place in one atomic exchange: whatever happens before
//! (bad input, a full disk, a kill), the old output stays as it was.
//!
//! Incremental: a manifest in the cache records each published file's key (a hash of what it
//! was made from) and how the file looked on disk. A file whose key did not change and whose
//! copy on disk is untouched is hard-linked into the staging folder instead of being written
//! again, and when nothing at all changed, the output is not touched.

pub mod cache;

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use cache::Identity;
pub use cache::SourceCache;

/// What a published file holds.
#[derive(Clone, Debug)]
pub enum Content {
    /// Bytes rendered in memory (feed, pages, JSON).
    Bytes(Vec<u8>),
    /// A copy of a source file (artwork, transcript).
    Copy(PathBuf),
    /// A tagged MP3: a fresh ID3 tag, then the MPEG frames `start..end` of `source`.
    Audio {
        tag: Vec<u8>,
        source: PathBuf,
        start: u64,
        end: u64,
    },
}

/// One file of the output, at `path` relative to the output root (`/`-separated).
#[derive(Clone, Debug)]
pub struct OutputFile {
    pub path: String,
    pub content: Content,
}

/// What a publish did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files written (new or changed).
    pub written: usize,
    /// Files kept as they were.
    pub unchanged: usize,
}

/// The published files of the last build into one output folder.
#[derive(Default, Serialize, Deserialize)]
struct Manifest {
    files: BTreeMap<String, (String, Identity)>,
}

/// Replaces the content of `out` with `files`; `cache` holds the manifest and source hashes.
pub fn publish(out: &Path, files: Vec<OutputFile>, cache: &SourceCache) -> io::Result<Stats> {
    let manifest_path = cache.output_file(out, "manifest.json")?;
    let old: Manifest = fs::read(&manifest_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    refuse_foreign(out, &old)?;
    let keyed: Vec<(OutputFile, String)> = files
        .into_par_iter()
        .map(|file| key(&file.content, cache).map(|k| (file, k)))
        .collect::<io::Result<_>>()?;
    let unchanged: Vec<bool> = keyed
        .par_iter()
        .map(|(file, key)| is_unchanged(out, &old, &file.path, key))
        .collect();
    let same_set = old.files.len() == keyed.len();
    let mut stats = Stats::default();
    if same_set && unchanged.iter().all(|&u| u) {
        stats.unchanged = keyed.len();
        return Ok(stats);
    }
    let staging = sibling(out, "staging")?;
    remove_if_exists(&staging)?;
    fs::create_dir_all(&staging)?;
    let dirs: std::collections::BTreeSet<PathBuf> = keyed
        .iter()
        .filter_map(|(f, _)| staging.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for dir in dirs {
        fs::create_dir_all(dir)?;
    }
    keyed
        .par_iter()
        .zip(&unchanged)
        .try_for_each(|((file, _), &same)| {
            let target = staging.join(&file.path);
            if same && fs::hard_link(out.join(&file.path), &target).is_ok() {
                return Ok(());
            }
            write_content(&target, &file.content)
        })?;
    stats.unchanged = unchanged.iter().filter(|&&u| u).count();
    stats.written = keyed.len() - stats.unchanged;
    // A source rewritten during the build may have been copied half old, half new.
    cache.verify_all()?;
    swap_in(&staging, out)?;
    let mut manifest = Manifest::default();
    for (file, key) in keyed {
        let identity = Identity::of(&fs::metadata(out.join(&file.path))?);
        manifest.files.insert(file.path, (key, identity));
    }
    fs::create_dir_all(manifest_path.parent().unwrap_or(Path::new(".")))?;
    write_atomically(
        &manifest_path,
        &serde_json::to_vec(&manifest).map_err(io::Error::other)?,
    )?;
    Ok(stats)
}

/// What a file is made from, as a hash: equal keys mean equal bytes.
fn key(content: &Content, cache: &SourceCache) -> io::Result<String> {
    Ok(match content {
        Content::Bytes(bytes) => format!("b:{}", blake3::hash(bytes).to_hex()),
        Content::Copy(source) => format!("c:{}", cache.hash(source)?),
        Content::Audio {
            tag,
            source,
            start,
            end,
        } => {
            format!(
                "a:{}:{}:{start}:{end}",
                blake3::hash(tag).to_hex(),
                cache.hash(source)?
            )
        }
    })
}

/// True when the last build published `path` from the same key and nobody touched it since.
fn is_unchanged(out: &Path, old: &Manifest, path: &str, key: &str) -> bool {
    old.files.get(path).is_some_and(|(old_key, identity)| {
        old_key == key
            && fs::symlink_metadata(out.join(path))
                .is_ok_and(|m| m.is_file() && Identity::of(&m) == *identity)
    })
}

fn write_content(target: &Path, content: &Content) -> io::Result<()> {
    match content {
        Content::Bytes(bytes) => fs::write(target, bytes),
        Content::Copy(source) => fs::copy(source, target).map(drop),
        Content::Audio {
            tag,
            source,
            start,
            end,
        } => {
            let mut input = fs::File::open(source)?;
            input.seek(SeekFrom::Start(*start))?;
            let mut output = fs::File::create(target)?;
            output.write_all(tag)?;
            // std copies File to File with copy_file_range (reflinks where the filesystem can).
            let copied = io::copy(&mut input.take(end - start), &mut output)?;
            if copied != end - start {
                return Err(io::Error::other(format!(
                    "{} changed while it was being published",
                    source.display()
                )));
            }
            Ok(())
        }
    }
}

/// Puts `staging` in the place of `out` in one step, then deletes the old output.
fn swap_in(staging: &Path, out: &Path) -> io::Result<()> {
    if out.exists() {
        rustix::fs::renameat_with(
            rustix::fs::CWD,
            staging,
            rustix::fs::CWD,
            out,
            rustix::fs::RenameFlags::EXCHANGE,
        )
        .map_err(io::Error::from)?;
        // `staging` now holds the old output.
        fs::remove_dir_all(staging)
    } else {
        fs::rename(staging, out)
    }
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
        return Err(io::Error::other(format!(
            "{} holds the podcast's own files and cannot be the output; choose another --out",
            out.display()
        )));
    }
    Ok(())
}

/// A non-empty output folder that carnets did not write is somebody's files: refuse it.
fn refuse_foreign(out: &Path, old: &Manifest) -> io::Result<()> {
    let Ok(mut entries) = fs::read_dir(out) else {
        return Ok(());
    };
    if old.files.is_empty() && entries.next().is_some() && !out.join("feed.xml").is_file() {
        return Err(io::Error::other(format!(
            "{} already holds files that carnets did not publish; move them away or choose another --out",
            out.display()
        )));
    }
    Ok(())
}

/// `<parent>/.<name>.carnets-<what>`: next to the output, on the same filesystem.
fn sibling(out: &Path, what: &str) -> io::Result<PathBuf> {
    let name = out
        .file_name()
        .ok_or_else(|| io::Error::other(format!("{} is not a folder name", out.display())))?;
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{}.carnets-{what}", name.to_string_lossy())))
}

fn remove_if_exists(dir: &Path) -> io::Result<()> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
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
    let tmp = path.with_extension("tmp");
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
            eprintln!(
                "waiting for another carnets build of {} to finish…",
                out.display()
            );
            file.lock()?;
        }
        Ok(BuildLock { _file: file })
    }
}

#[cfg(test)]
mod tests;
