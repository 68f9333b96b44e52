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
//!
//! In the cache folder, what the staging folder no longer wants is not deleted on the spot but
//! moved into a trash folder beside it, which the next build empties on a spare thread: with
//! `discard`, deleting the old 4 MB feed costs 6 ms, a rename a few µs, and an edit replaces
//! the feed, the search index and the search page.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::cache::{Identity, SourceCache};
use super::listing::{self, Entry, Listing, Listings, Tree};
use super::{Keyed, write};
use crate::t;
use crate::util::paths::Seen;

pub struct Staging {
    dir: PathBuf,
    /// Where replaced files go, in the cache folder (`None` next to the output: nothing is
    /// left there but the staging folder).
    trash: Option<PathBuf>,
    /// Names the files moved into the trash.
    thrown: AtomicU64,
    /// The file of the folders' listings (see `listing.rs`).
    listings: PathBuf,
}

impl Staging {
    /// The staging folder of `out`.
    pub fn locate(out: &Path, cache: &SourceCache) -> io::Result<Self> {
        let parent = parent(out);
        fs::create_dir_all(parent)?;
        let in_cache = cache.output_file(out, "staging")?;
        let cache_dir = in_cache.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(cache_dir)?;
        let (dir, trash) = if fs::metadata(cache_dir)?.dev() == fs::metadata(parent)?.dev() {
            let mut trash = in_cache.clone().into_os_string();
            trash.push("-trash");
            (in_cache, Some(PathBuf::from(trash)))
        } else {
            (sibling(out, "staging")?, None)
        };
        Ok(Staging {
            dir,
            trash,
            thrown: AtomicU64::new(0),
            listings: cache.output_file(out, "listings.bin")?,
        })
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
        self.empty_trash();
        // Read, then removed: a build that fails from here on leaves none to mislead the next.
        let listings = Listings::read(&self.listings);
        let _ = fs::remove_file(&self.listings);
        let top = Seen::of(&self.dir).map(|seen| seen.ino);
        let known = top.and_then(|top| listings.tree(top));
        let started = crate::util::paths::ns_since_epoch(std::time::SystemTime::now());
        let present = self.scan("", &wanted, &dirs, known, started)?;
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
        // Each folder's files, and whether the mirror holds them all.
        let placed: Vec<(Vec<(usize, Identity)>, bool)> = folders
            .into_par_iter()
            .map(|(folder, indices)| {
                if !folder.is_empty() && !present.dirs.contains(folder) {
                    fs::create_dir_all(self.dir.join(folder))?;
                }
                // Best effort: the next build makes whatever is missing.
                let mirror = mirror
                    .as_ref()
                    .filter(|m| folder.is_empty() || fs::create_dir_all(m.join(folder)).is_ok());
                let mut mirrored = mirror.is_some();
                let placed = indices
                    .into_iter()
                    .map(|i| {
                        writing.step();
                        let path = files[i].file.path.as_str();
                        let identity =
                            self.place(out, &files[i], present.files.get(path).copied())?;
                        if let Some(mirror) = mirror {
                            let linked = fs::hard_link(self.dir.join(path), mirror.join(path));
                            mirrored &= linked.is_ok();
                        }
                        Ok((i, identity))
                    })
                    .collect::<io::Result<_>>()?;
                Ok((placed, mirrored))
            })
            .collect::<io::Result<_>>()?;
        let whole = placed.iter().all(|(_, mirrored)| *mirrored);
        let mut identities: Vec<(usize, Identity)> =
            placed.into_iter().flat_map(|(placed, _)| placed).collect();
        identities.sort_unstable_by_key(|(i, _)| *i);
        // Best effort: without them, the next builds read the folders.
        let _ = match (top, &mirror) {
            // A first build made both trees, every folder of them: how each looks now that it
            // is made, unless that is moments ago, so that the next two builds (one staging in
            // each tree) need not read them. The mirror is listed only when it is whole.
            (Some(top), Some(mirror)) => {
                let mirrored = Seen::of(mirror).filter(|_| whole);
                let trees = [
                    mirrored.map(|seen| (seen.ino, looks(mirror, &dirs))),
                    Some((top, looks(&self.dir, &dirs))),
                ];
                let trees = trees
                    .into_iter()
                    .flatten()
                    .map(|(top, seen)| (top, tree(seen, files, &identities, &dirs)));
                listings.save(trees)
            }
            (Some(top), None) => {
                listings.save([(top, tree(present.seen, files, &identities, &dirs))])
            }
            (None, _) => Ok(()),
        };
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
            self.discard_if(there.is_some(), &target)?;
            if fs::hard_link(out.join(path), &target).is_ok() {
                return Ok(identity);
            }
        } else {
            self.discard_if(there.is_some(), &target)?;
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
    /// How the folders looked before this build changed them, those not changed moments
    /// before (see `listing.rs`).
    seen: BTreeMap<String, Seen>,
}

/// How the folders `dirs` of `top` (and `top` itself) look, those not changed moments before.
fn looks(top: &Path, dirs: &BTreeSet<&str>) -> BTreeMap<String, Seen> {
    let started = crate::util::paths::ns_since_epoch(std::time::SystemTime::now());
    let all: Vec<&str> = std::iter::once("").chain(dirs.iter().copied()).collect();
    all.into_par_iter()
        .filter_map(|dir| {
            let seen = Seen::of(&top.join(dir))?;
            (!seen.changed_since(started)).then(|| (dir.to_string(), seen))
        })
        .collect()
}

/// The listing of the staging folder once it holds `files` (whose identities are in the same
/// order) in the folders `dirs`: for each folder `seen`, how it looked when scanned (by a first
/// build, once made), and its entries now. A folder this build changed no longer looks as it
/// was seen: the next scan of this tree reads it.
fn tree<'a>(
    seen: BTreeMap<String, Seen>,
    files: &'a [Keyed],
    identities: &[(usize, Identity)],
    dirs: &BTreeSet<&'a str>,
) -> Tree {
    let mut entries: BTreeMap<&str, Vec<(String, Entry)>> = BTreeMap::new();
    let mut add = |path: &'a str, entry: Entry| {
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
        entries
            .entry(folder)
            .or_default()
            .push((name.to_string(), entry));
    };
    for (i, identity) in identities {
        add(&files[*i].file.path, Entry::File(identity.ino));
    }
    for dir in dirs {
        add(dir, Entry::Folder);
    }
    seen.into_iter()
        .map(|(folder, seen)| {
            let entries = entries.remove(folder.as_str()).unwrap_or_default();
            (folder, Listing { seen, entries })
        })
        .collect()
}

impl Staging {
    /// Walks `rel` in the staging folder, discarding whatever is not wanted, and reports what
    /// is. A folder that looks as `known` (the tree's listing, when there is one) says it looked
    /// is not read: its entries are those the listing gives. `started` is when the scan began
    /// (ns since the epoch).
    fn scan(
        &self,
        rel: &str,
        wanted: &BTreeSet<&str>,
        dirs: &BTreeSet<&str>,
        known: Option<&Tree>,
        started: i128,
    ) -> io::Result<Present> {
        let mut present = Present::default();
        let dir = self.dir.join(rel);
        let seen = Seen::of(&dir);
        let listed = known
            .and_then(|tree| tree.get(rel))
            .filter(|listing| Some(listing.seen) == seen);
        let entries = match listed {
            Some(listing) => listing
                .entries
                .iter()
                .map(|(name, entry)| (Ok(name.clone()), *entry))
                .collect(),
            None => listing::read(&dir)?,
        };
        if let Some(seen) = seen.filter(|seen| !seen.changed_since(started)) {
            present.seen.insert(rel.to_string(), seen);
        }
        let mut subdirs = Vec::new();
        for (name, entry) in entries {
            let name = match name {
                Ok(name) => name,
                Err(not_utf8) => {
                    self.discard(&not_utf8)?;
                    continue;
                }
            };
            let path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            match entry {
                Entry::Folder if dirs.contains(path.as_str()) => subdirs.push(path),
                Entry::File(ino) if wanted.contains(path.as_str()) => {
                    present.files.insert(path, ino);
                }
                _ => self.discard(&self.dir.join(&path))?,
            }
        }
        let found: Vec<Present> = subdirs
            .par_iter()
            .map(|sub| self.scan(sub, wanted, dirs, known, started))
            .collect::<io::Result<_>>()?;
        for (sub, inner) in subdirs.into_iter().zip(found) {
            present.dirs.insert(sub);
            present.dirs.extend(inner.dirs);
            present.files.extend(inner.files);
            present.seen.extend(inner.seen);
        }
        Ok(present)
    }

    /// Moves `path` (a file or a folder) into the trash, or deletes it when there is none.
    fn discard(&self, path: &Path) -> io::Result<()> {
        if let Some(trash) = &self.trash {
            let name = self.thrown.fetch_add(1, Ordering::Relaxed).to_string();
            if fs::rename(path, trash.join(name)).is_ok() {
                return Ok(());
            }
        }
        remove(path)
    }

    fn discard_if(&self, there: bool, path: &Path) -> io::Result<()> {
        if there {
            self.discard(path)?;
        }
        Ok(())
    }

    /// Empties what the last builds threw away, on a thread of its own that nobody waits for
    /// (what a build that ends first leaves, the next one deletes), and makes the trash
    /// ready for this build. Best effort: without a trash, files are deleted on the spot.
    fn empty_trash(&self) {
        let Some(trash) = &self.trash else {
            return;
        };
        let mut old = trash.clone().into_os_string();
        old.push(format!("-{}", std::process::id()));
        let old = PathBuf::from(old);
        let _ = fs::rename(trash, &old);
        let _ = fs::create_dir(trash);
        let (Some(folder), Some(name)) = (trash.parent(), trash.file_name()) else {
            return;
        };
        let prefix = format!("{}-", name.to_string_lossy());
        let leftovers: Vec<PathBuf> = fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
            .map(|e| e.path())
            .collect();
        if !leftovers.is_empty() {
            std::thread::spawn(move || {
                for dir in leftovers {
                    let _ = fs::remove_dir_all(dir);
                }
            });
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What a first build lists of the trees it made: the folders made long enough ago, as
    /// they look; not one made moments before (a change in the same tick would not show), nor
    /// one that is not there.
    #[test]
    fn the_folders_made_moments_before_are_not_listed() {
        let top = tempfile::tempdir().unwrap();
        fs::create_dir_all(top.path().join("episodes/a")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(40));
        fs::create_dir_all(top.path().join("episodes/b")).unwrap();
        let dirs = BTreeSet::from(["episodes", "episodes/a", "episodes/b", "episodes/c"]);
        let seen = looks(top.path(), &dirs);
        let listed: Vec<&str> = seen.keys().map(String::as_str).collect();
        // The top is listed too; `episodes` changed when `b` was made in it.
        assert_eq!(listed, ["", "episodes/a"]);
        assert_eq!(
            seen["episodes/a"],
            Seen::of(&top.path().join("episodes/a")).unwrap()
        );
    }
}
