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

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io;
use std::os::unix::fs::{DirEntryExt, MetadataExt};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::cache::{Identity, SourceCache};
use super::{Keyed, write};
use crate::t;

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
    ///
    /// With `mirror` (a first build: there is no output yet, so the exchange will leave no
    /// staging folder behind), every file is also linked into a second tree as it is written,
    /// which [`Staging::swap_in`] then makes the staging folder: the next build finds its
    /// folders made.
    pub fn prepare(&self, out: &Path, files: &[Keyed], mirror: bool) -> io::Result<Vec<Identity>> {
        let wanted: BTreeSet<&str> = files.iter().map(|k| k.file.path.as_str()).collect();
        let dirs: BTreeSet<&str> = wanted.iter().flat_map(|path| ancestors(path)).collect();
        fs::create_dir_all(&self.dir)?;
        let present = scan(&self.dir, "", &wanted, &dirs)?;
        let mirror = self.fresh_mirror(mirror)?;
        let writing = crate::util::progress::Progress::new(
            t!("output-progress-publishing"),
            files.len() as u64,
        );
        // The files by folder: each folder is made once, by the task that fills it.
        let mut folders: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, keyed) in files.iter().enumerate() {
            let folder = ancestors(&keyed.file.path).last().unwrap_or("");
            folders.entry(folder).or_default().push(i);
        }
        let placed: Vec<Vec<(usize, Identity)>> = folders
            .into_par_iter()
            .map(|(folder, indices)| {
                if !folder.is_empty() && !present.dirs.contains(folder) {
                    fs::create_dir_all(self.dir.join(folder))?;
                }
                // Best effort: the next build makes whatever is missing.
                let mirror = mirror
                    .as_ref()
                    .filter(|m| folder.is_empty() || fs::create_dir_all(m.join(folder)).is_ok());
                indices
                    .into_iter()
                    .map(|i| {
                        writing.step();
                        let path = files[i].file.path.as_str();
                        let identity =
                            self.place(out, &files[i], present.files.get(path).copied())?;
                        if let Some(mirror) = mirror {
                            let _ = fs::hard_link(self.dir.join(path), mirror.join(path));
                        }
                        Ok((i, identity))
                    })
                    .collect()
            })
            .collect::<io::Result<_>>()?;
        let mut identities: Vec<(usize, Identity)> = placed.into_iter().flatten().collect();
        identities.sort_unstable_by_key(|(i, _)| *i);
        Ok(identities
            .into_iter()
            .map(|(_, identity)| identity)
            .collect())
    }

    /// Puts the file `keyed` in the staging folder, where the inode `there` may stand.
    fn place(&self, out: &Path, keyed: &Keyed, there: Option<u64>) -> io::Result<Identity> {
        let path = keyed.file.path.as_str();
        let target = self.dir.join(path);
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
    }

    /// Puts the staging folder in the place of `out` in one step; it then holds the old output,
    /// or, after a first build, the mirror [`Staging::prepare`] made.
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
            fs::rename(&self.dir, out)?;
            // Best effort, as the mirror is.
            let _ = fs::rename(self.mirror_dir(), &self.dir);
            Ok(())
        }
    }

    /// When `wanted`, an empty folder for the mirror, beside the staging folder. A build
    /// killed between the two renames of [`Staging::swap_in`] leaves one behind: it goes.
    fn fresh_mirror(&self, wanted: bool) -> io::Result<Option<PathBuf>> {
        let mirror = self.mirror_dir();
        if fs::symlink_metadata(&mirror).is_ok() {
            remove(&mirror)?;
        }
        if !wanted {
            return Ok(None);
        }
        fs::create_dir(&mirror)?;
        Ok(Some(mirror))
    }

    fn mirror_dir(&self) -> PathBuf {
        let mut name = self.dir.clone().into_os_string();
        name.push("-mirror");
        PathBuf::from(name)
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
    let name = out.file_name().ok_or_else(|| {
        io::Error::other(t!(
            "output-not-a-folder-name",
            out = out.display().to_string()
        ))
    })?;
    Ok(parent(out).join(format!(".{}.carnets-{what}", name.to_string_lossy())))
}
