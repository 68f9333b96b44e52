//! The staging folder: where a build's output is assembled before it takes the output's place.
//!
//! It is kept between builds: after the exchange it holds the previous output, whose files
//! are, for most of them, hard links to the same inodes as the new output's. So the next
//! build only replaces what changed since the build before last, and never creates or deletes
//! a folder for an unchanged episode. That matters more than it seems: on a filesystem that
//! discards freed blocks (ext4 mounted with `discard`), deleting a thousand folders costs
//! seconds, creating them a tenth of one.
//!
//! The folder lives in the cache folder when that is on the output's filesystem (hard links
//! and the exchange need one filesystem), otherwise next to the output. Nothing in it is
//! trusted: it is scanned, and every file that is not exactly what is wanted is replaced.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::os::unix::fs::{DirEntryExt, MetadataExt};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::cache::{Identity, SourceCache};
use super::{Keyed, write};

pub struct Staging {
    dir: PathBuf,
}

impl Staging {
    /// The staging folder of `out`.
    pub fn locate(out: &Path, cache: &SourceCache) -> io::Result<Self> {
        let parent = parent(out);
        fs::create_dir_all(parent)?;
        let in_cache = cache.output_file(out, "staging")?;
        let cache_dir = in_cache.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(cache_dir)?;
        let dir = if fs::metadata(cache_dir)?.dev() == fs::metadata(parent)?.dev() {
            in_cache
        } else {
            sibling(out, "staging")?
        };
        Ok(Staging { dir })
    }

    /// Makes the staging folder hold exactly `files`, each unchanged one a hard link to the
    /// output's copy. Returns each file's identity, in the order of `files`.
    pub fn prepare(&self, out: &Path, files: &[Keyed]) -> io::Result<Vec<Identity>> {
        let wanted: BTreeSet<&str> = files.iter().map(|k| k.file.path.as_str()).collect();
        let dirs: BTreeSet<&str> = wanted.iter().flat_map(|path| ancestors(path)).collect();
        fs::create_dir_all(&self.dir)?;
        let present = scan(&self.dir, "", &wanted, &dirs)?;
        for dir in &dirs {
            if !present.dirs.contains(*dir) {
                fs::create_dir_all(self.dir.join(dir))?;
            }
        }
        let writing = crate::progress::Progress::new("publication", files.len() as u64);
        files
            .par_iter()
            .map(|keyed| {
                writing.step();
                let path = keyed.file.path.as_str();
                let target = self.dir.join(path);
                let there = present.files.get(path).copied();
                if let Some(identity) = keyed.unchanged {
                    if there == Some(identity.ino) {
                        return Ok(identity);
                    }
                    remove_if(there.is_some(), &target)?;
                    if fs::hard_link(out.join(path), &target).is_ok() {
                        return Ok(identity);
                    }
                } else {
                    remove_if(there.is_some(), &target)?;
                }
                write::content(&target, &keyed.file.content)?;
                Ok(Identity::of(&fs::symlink_metadata(&target)?))
            })
            .collect()
    }

    /// Puts the staging folder in the place of `out` in one step; it then holds the old output.
    pub fn swap_in(&self, out: &Path) -> io::Result<()> {
        if fs::symlink_metadata(out).is_ok() {
            rustix::fs::renameat_with(
                rustix::fs::CWD,
                &self.dir,
                rustix::fs::CWD,
                out,
                rustix::fs::RenameFlags::EXCHANGE,
            )
            .map_err(io::Error::from)
        } else {
            fs::rename(&self.dir, out)
        }
    }

    /// After a first build, fills the (now missing) staging folder with links to every file
    /// of `out`, so that the next build finds its folders made. Best effort: the next build
    /// makes whatever is missing.
    pub fn mirror(&self, out: &Path, files: &[Keyed]) {
        let dirs: BTreeSet<&str> = files.iter().flat_map(|k| ancestors(&k.file.path)).collect();
        if fs::create_dir(&self.dir).is_err()
            || dirs
                .iter()
                .any(|dir| fs::create_dir(self.dir.join(dir)).is_err())
        {
            return;
        }
        files.par_iter().for_each(|k| {
            let _ = fs::hard_link(out.join(&k.file.path), self.dir.join(&k.file.path));
        });
    }
}

/// What a scan found in the staging folder.
#[derive(Default)]
struct Present {
    /// Wanted files that are there, with their inode.
    files: HashMap<String, u64>,
    /// Wanted folders that are there.
    dirs: BTreeSet<String>,
}

/// Walks `root/rel`, removing whatever is not wanted, and reports what is.
fn scan(
    root: &Path,
    rel: &str,
    wanted: &BTreeSet<&str>,
    dirs: &BTreeSet<&str>,
) -> io::Result<Present> {
    let mut present = Present::default();
    let mut subdirs = Vec::new();
    for entry in fs::read_dir(root.join(rel))? {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            remove(&entry.path())?;
            continue;
        };
        let path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let kind = entry.file_type()?;
        if kind.is_dir() && dirs.contains(path.as_str()) {
            subdirs.push(path);
        } else if kind.is_file() && wanted.contains(path.as_str()) {
            present.files.insert(path, entry.ino());
        } else {
            remove(&entry.path())?;
        }
    }
    let found: Vec<Present> = subdirs
        .par_iter()
        .map(|sub| scan(root, sub, wanted, dirs))
        .collect::<io::Result<_>>()?;
    for (sub, inner) in subdirs.into_iter().zip(found) {
        present.dirs.insert(sub);
        present.dirs.extend(inner.dirs);
        present.files.extend(inner.files);
    }
    Ok(present)
}

/// The folders above a `/`-separated relative path, nearest last: `a/b/c` → `a`, `a/b`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(|(i, _)| &path[..i])
}

fn remove(path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path)?.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}

fn remove_if(there: bool, path: &Path) -> io::Result<()> {
    if there {
        fs::remove_file(path)?;
    }
    Ok(())
}

fn parent(out: &Path) -> &Path {
    out.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `<parent>/.<name>.carnets-<what>`: next to the output, on the same filesystem.
fn sibling(out: &Path, what: &str) -> io::Result<PathBuf> {
    let name = out
        .file_name()
        .ok_or_else(|| io::Error::other(format!("{} is not a folder name", out.display())))?;
    Ok(parent(out).join(format!(".{}.carnets-{what}", name.to_string_lossy())))
}
