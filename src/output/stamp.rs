//! The stamp of a build: what the last successful build of an output was made from, so that a
//! build with nothing changed stops after looking at the files' metadata, without reading or
//! rendering anything.
//!
//! The inputs are every folder and file under `episodes/` and `theme/` (a folder's times move
//! when an entry is added, removed or renamed), `podcast.yaml`, `carnets.lock` and every other
//! source the build read through the cache (the show's artwork). What is not a file is in the
//! stamp too: the carnets executable, the options, the warnings to print again, and the
//! instant from which a scheduled episode is due. The output must also be as the build left
//! it (see [`super::untouched`]).
//!
//! Two rules keep it honest: a file is known by its size, inode, modification *and* change
//! times (no tool can set the change time back), and a build whose inputs changed while it ran
//! (a change time after its start, give or take the clock's tick) leaves no stamp, since it
//! may have read the old content: the build after it runs in full, and stamps.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::paths::Seen;

/// What a spared build reports.
pub struct Fresh {
    pub episodes: usize,
    pub warnings: Diagnostics,
}

#[derive(Serialize, Deserialize)]
pub struct Stamp {
    /// The executable, the options and the output: anything else is another build.
    build: String,
    /// Seconds since the epoch from which a scheduled episode is due, if any is.
    until: Option<i64>,
    episodes: usize,
    warnings: Vec<Diagnostic>,
    /// Each input as it was, the most recently modified first.
    inputs: Vec<Input>,
}

/// A file or folder the build was made from.
#[derive(Serialize, Deserialize)]
struct Input {
    path: PathBuf,
    /// `None` when absent (a `theme/` or `carnets.lock` that appears changes the build too).
    seen: Option<Seen>,
    folder: bool,
}

/// What identifies a build besides its inputs: the executable (a new carnets may render
/// differently) and the options. `None` when the executable cannot be found.
pub fn build_id(options: &str) -> Option<String> {
    Some(format!("{}|{options}", executable()?))
}

/// This carnets executable: its version, the identity of its file, and the language of its
/// messages (the diagnostics a no-op build replays are in the language they were made in).
pub fn executable() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let seen = Seen::of(&exe)?;
    Some(format!(
        "{}|{}|{}|{}|{}",
        env!("CARGO_PKG_VERSION"),
        crate::util::i18n::lang().code(),
        seen.size,
        seen.ino,
        seen.mtime_ns
    ))
}

/// The stamp the last build left at `path`, if any.
pub fn read(path: &Path) -> Option<Stamp> {
    super::decode(&fs::read(path).ok()?)
}

impl Stamp {
    /// What to report when the stamp says the last build is still what these inputs would give.
    pub fn fresh(&self, build: &str, now: jiff::Timestamp) -> Option<Fresh> {
        let due = self.until.is_some_and(|until| now.as_second() >= until);
        if self.build != build || due {
            return None;
        }
        let same = self
            .inputs
            .par_iter()
            .all(|input| Seen::of(&input.path) == input.seen);
        same.then(|| {
            let mut warnings = Diagnostics::default();
            warnings.extend(self.warnings.iter().cloned());
            Fresh {
                episodes: self.episodes,
                warnings,
            }
        })
    }
}

/// What a finished build was made from.
pub struct Made<'a> {
    pub root: &'a Path,
    pub build: String,
    pub until: Option<jiff::Timestamp>,
    pub episodes: usize,
    pub warnings: &'a Diagnostics,
    /// Sources read outside `episodes/` and `theme/` (the show's artwork, …).
    pub sources: Vec<PathBuf>,
    /// When the build started.
    pub started: SystemTime,
    /// The stamp the last build left, whose folders that look as they did then are not read
    /// again: they hold what they held.
    pub last: Option<&'a Stamp>,
}

/// The stamp of a build that read its inputs, or `None` when one of them changed after the
/// build started. Done while the build renders; written once it has published.
pub fn collect(made: Made<'_>) -> Option<Stamp> {
    let listed = made.last.map(Listed::of).unwrap_or_default();
    let mut found = vec![
        Found::file(made.root.join("podcast.yaml")),
        Found::file(made.root.join("carnets.lock")),
    ];
    walk(&made.root.join("episodes"), &listed, &mut found);
    walk(&made.root.join("theme"), &listed, &mut found);
    found.extend(made.sources.into_iter().map(Found::file));
    // The stamp keeps paths as text, which cannot hold one that is not UTF-8: with such a file
    // among the inputs, no stamp (every build runs in full) rather than a failed build.
    if found.iter().any(|f| f.path.to_str().is_none()) {
        return None;
    }
    // By bytes: any order that puts equal paths side by side will do, and comparing paths
    // component by component costs more than the rest of the stamp.
    found.sort_unstable_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    found.dedup_by(|a, b| a.path == b.path);
    let started = crate::util::paths::ns_since_epoch(made.started);
    let inputs: Option<Vec<Input>> = found
        .into_par_iter()
        .map(|Found { path, seen, folder }| {
            match seen.or_else(|| Seen::of(&path)) {
                Some(seen) if seen.changed_since(started) => None,
                Some(seen) => Some(Input {
                    path,
                    seen: Some(seen),
                    folder,
                }),
                // Not there (no `theme/`, no `carnets.lock` yet), or there and unreadable.
                None if fs::symlink_metadata(&path).is_err() => Some(Input {
                    path,
                    seen: None,
                    folder,
                }),
                None => None,
            }
        })
        .collect();
    // The most recently changed first: the file a producer is working on is the likeliest to
    // have changed again, and the next build's check stops at the first that did.
    let mut inputs = inputs?;
    inputs.sort_by_key(|input| std::cmp::Reverse(input.seen.map(|seen| seen.mtime_ns)));
    Some(Stamp {
        build: made.build,
        until: made.until.map(|t| t.as_second()),
        episodes: made.episodes,
        warnings: made.warnings.iter().cloned().collect(),
        inputs,
    })
}

/// Writes the stamp at `path`, or removes the old one when there is none.
pub fn write(path: &Path, stamp: Option<Stamp>) -> io::Result<()> {
    match stamp {
        Some(stamp) => super::write_atomically(path, &super::encode(&stamp)?),
        None => remove(path),
    }
}

/// Removes the stamp: the next build runs in full.
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// A path found for the stamp, with how it looked when that was already looked at.
struct Found {
    path: PathBuf,
    seen: Option<Seen>,
    folder: bool,
}

impl Found {
    fn file(path: PathBuf) -> Self {
        Found {
            path,
            seen: None,
            folder: false,
        }
    }
}

/// An entry of a folder of the last stamp, with whether it is itself a folder.
type Entry<'a> = (&'a Path, bool);

/// The folders of the last stamp: how each looked, and its entries.
#[derive(Default)]
struct Listed<'a>(HashMap<&'a Path, (Seen, Vec<Entry<'a>>)>);

impl<'a> Listed<'a> {
    fn of(stamp: &'a Stamp) -> Self {
        let mut folders: HashMap<&Path, (Seen, Vec<Entry>)> = stamp
            .inputs
            .iter()
            .filter(|input| input.folder)
            .filter_map(|input| Some((input.path.as_path(), (input.seen?, Vec::new()))))
            .collect();
        for input in &stamp.inputs {
            if let Some(parent) = input.path.parent()
                && let Some((_, entries)) = folders.get_mut(parent)
            {
                entries.push((&input.path, input.folder));
            }
        }
        Listed(folders)
    }

    /// The entries of `dir`, when it looks as it did (`seen`) at the last stamp: a folder's
    /// times move when an entry is added, removed or renamed, and no tool sets them back.
    fn entries(&self, dir: &Path, seen: Option<Seen>) -> Option<&[Entry<'a>]> {
        let (then, entries) = self.0.get(dir)?;
        (seen? == *then).then_some(entries.as_slice())
    }
}

/// Every folder and file under `dir`, `dir` included (even when it does not exist); a folder
/// that looks as it did at the last stamp is not read again.
fn walk(dir: &Path, listed: &Listed<'_>, found: &mut Vec<Found>) {
    let seen = Seen::of(dir);
    found.push(Found {
        path: dir.to_path_buf(),
        seen,
        folder: true,
    });
    let mut dirs = Vec::new();
    if let Some(entries) = listed.entries(dir, seen) {
        for &(path, folder) in entries {
            match folder {
                true => dirs.push(path.to_path_buf()),
                false => found.push(Found::file(path.to_path_buf())),
            }
        }
    } else {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            // A link is followed, as the build follows it.
            if crate::util::paths::entry_type(&entry).is_some_and(|t| t.kind.is_dir()) {
                dirs.push(entry.path());
            } else {
                found.push(Found::file(entry.path()));
            }
        }
    }
    let within: Vec<Vec<Found>> = dirs
        .par_iter()
        .map(|dir| {
            let mut found = Vec::new();
            walk(dir, listed, &mut found);
            found
        })
        .collect();
    found.extend(within.into_iter().flatten());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect_at(root: &Path, last: Option<&Stamp>) -> Stamp {
        // Files changed moments before a build leave no stamp: let them age first.
        std::thread::sleep(std::time::Duration::from_millis(40));
        collect(Made {
            root,
            build: "test".into(),
            until: None,
            episodes: 2,
            warnings: &Diagnostics::default(),
            sources: Vec::new(),
            started: SystemTime::now(),
            last,
        })
        .expect("a stamp")
    }

    fn has(stamp: &Stamp, path: &Path) -> bool {
        stamp.inputs.iter().any(|input| input.path == path)
    }

    #[test]
    fn a_folder_that_looks_as_it_did_is_taken_from_the_last_stamp_and_read_again_once_it_changed() {
        let dir = tempfile::tempdir().unwrap();
        let (root, episodes) = (dir.path(), dir.path().join("episodes"));
        for name in ["a", "b"] {
            fs::create_dir_all(episodes.join(name)).unwrap();
            fs::write(episodes.join(name).join("episode.md"), name).unwrap();
        }
        let mut last = collect_at(root, None);
        assert!(has(&last, &episodes.join("b/episode.md")));
        // Entries the folders never held, written into the last stamp: only a folder taken
        // from it (not read again) can still name them.
        for name in ["a", "b"] {
            last.inputs.push(Input {
                path: episodes.join(name).join("ghost.md"),
                seen: None,
                folder: false,
            });
        }
        fs::write(episodes.join("b/notes.txt"), "new").unwrap();
        let stamp = collect_at(root, Some(&last));
        assert!(has(&stamp, &episodes.join("a/ghost.md")), "a is as it was");
        assert!(has(&stamp, &episodes.join("a/episode.md")));
        assert!(
            !has(&stamp, &episodes.join("b/ghost.md")),
            "b changed: read again"
        );
        assert!(has(&stamp, &episodes.join("b/notes.txt")));
        assert!(has(&stamp, &episodes.join("b/episode.md")));
        // And the stamp it makes is one the next build can take its folders from.
        let again = collect_at(root, Some(&stamp));
        assert!(has(&again, &episodes.join("a/ghost.md")));
        assert!(has(&again, &episodes.join("b/notes.txt")));
    }
}
