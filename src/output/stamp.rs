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
    /// Each input as it was, `None` when absent (a `theme/` or `carnets.lock` that appears
    /// changes the build too), the most recently modified first.
    inputs: Vec<(PathBuf, Option<Seen>)>,
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

/// The stamp at `path` when it says the last build is still what these inputs would give.
pub fn fresh(path: &Path, build: &str, now: jiff::Timestamp) -> Option<Fresh> {
    let stamp: Stamp = super::decode(&fs::read(path).ok()?)?;
    let due = stamp.until.is_some_and(|until| now.as_second() >= until);
    if stamp.build != build || due {
        return None;
    }
    let same = stamp
        .inputs
        .par_iter()
        .all(|(path, seen)| Seen::of(path) == *seen);
    same.then(|| {
        let mut warnings = Diagnostics::default();
        warnings.extend(stamp.warnings);
        Fresh {
            episodes: stamp.episodes,
            warnings,
        }
    })
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
}

/// The stamp of a build that read its inputs, or `None` when one of them changed after the
/// build started. Done while the build renders; written once it has published.
pub fn collect(made: Made<'_>) -> Option<Stamp> {
    let mut paths = vec![
        made.root.join("podcast.yaml"),
        made.root.join("carnets.lock"),
    ];
    walk(&made.root.join("episodes"), &mut paths);
    walk(&made.root.join("theme"), &mut paths);
    paths.extend(made.sources);
    // The stamp keeps paths as text, which cannot hold one that is not UTF-8: with such a file
    // among the inputs, no stamp (every build runs in full) rather than a failed build.
    if paths.iter().any(|path| path.to_str().is_none()) {
        return None;
    }
    // By bytes: any order that puts equal paths side by side will do, and comparing paths
    // component by component costs more than the rest of the stamp.
    paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    paths.dedup();
    let started = crate::util::paths::ns_since_epoch(made.started);
    let inputs: Option<Vec<(PathBuf, Option<Seen>)>> = paths
        .into_par_iter()
        .map(|path| match Seen::of(&path) {
            Some(seen) if seen.changed_since(started) => None,
            Some(seen) => Some((path, Some(seen))),
            // Not there (no `theme/`, no `carnets.lock` yet), or there and unreadable.
            None if fs::symlink_metadata(&path).is_err() => Some((path, None)),
            None => None,
        })
        .collect();
    // The most recently changed first: the file a producer is working on is the likeliest to
    // have changed again, and the next build's check stops at the first that did.
    let mut inputs = inputs?;
    inputs.sort_by_key(|(_, seen)| std::cmp::Reverse(seen.map(|seen| seen.mtime_ns)));
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

/// Every folder and file under `dir`, `dir` included (even when it does not exist).
fn walk(dir: &Path, paths: &mut Vec<PathBuf>) {
    paths.push(dir.to_path_buf());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut dirs = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        // A link is followed, as the build follows it.
        if crate::util::paths::entry_type(&entry).is_some_and(|t| t.kind.is_dir()) {
            dirs.push(entry.path());
        } else {
            paths.push(entry.path());
        }
    }
    let found: Vec<Vec<PathBuf>> = dirs
        .par_iter()
        .map(|dir| {
            let mut paths = Vec::new();
            walk(dir, &mut paths);
            paths
        })
        .collect();
    paths.extend(found.into_iter().flatten());
}
