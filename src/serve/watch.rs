//! Watching the sources: `podcast.yaml` and the artwork (the podcast folder itself, not its
//! subfolders), `episodes/` and `theme/` (with everything in them). A burst of changes (an
//! editor saving through a temporary file, a `git checkout`) makes one rebuild, once the
//! folder has been quiet for a moment. The build is incremental, so a rebuild rewrites only
//! what changed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind, RenameMode};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::Live;
use crate::BuildOptions;
use crate::t;

/// How long the sources must be quiet before a rebuild starts: long enough to take in an
/// editor's save (a temporary file, a rename: a few milliseconds apart), short beside the
/// rebuild itself. A longer burst (a `git checkout`) may make two rebuilds; the second one
/// builds what the first one missed.
const QUIET: Duration = Duration::from_millis(30);

/// How long to wait instead when the last change completes a save (a file closed after
/// writing, a name given, a removal): only for what may follow it at once (the rename after
/// an editor's temporary file is closed).
const SETTLED: Duration = Duration::from_millis(5);

/// The folders watched with everything in them.
const FOLDERS: [&str; 2] = ["episodes", "theme"];

/// Keeps the watcher and its thread alive; dropping it stops watching.
pub struct Watching {
    _thread: std::thread::JoinHandle<()>,
}

/// Starts watching `options.root`, rebuilding into `options.out` on every change.
pub fn start(options: BuildOptions, live: Arc<Live>) -> notify::Result<Watching> {
    let (sender, events) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(sender)?;
    watcher.watch(&options.root, RecursiveMode::NonRecursive)?;
    let mut watched = BTreeSet::new();
    watch_folders(&mut watcher, &options.root, &mut watched);
    let thread = std::thread::Builder::new()
        .name("carnets-watch".into())
        .spawn(move || rebuild_loop(&options, &live, watcher, &events, watched))
        .map_err(|e| notify::Error::generic(&e.to_string()))?;
    Ok(Watching { _thread: thread })
}

fn rebuild_loop(
    options: &BuildOptions,
    live: &Live,
    mut watcher: RecommendedWatcher,
    events: &Receiver<notify::Result<notify::Event>>,
    mut watched: BTreeSet<PathBuf>,
) {
    loop {
        // Wait for a change that matters, then for the burst it belongs to to end.
        let mut changed: Vec<PathBuf> = Vec::new();
        let mut quiet = QUIET;
        loop {
            let received = if changed.is_empty() {
                events.recv().map_err(|_| RecvTimeoutError::Disconnected)
            } else {
                events.recv_timeout(quiet)
            };
            match received {
                Ok(Ok(event)) => {
                    let paths = relevant(&options.root, &event);
                    if !paths.is_empty() {
                        quiet = if completes(&event.kind) {
                            SETTLED
                        } else {
                            QUIET
                        };
                    }
                    for path in paths {
                        if !changed.contains(&path) {
                            changed.push(path);
                        }
                    }
                    if matches!(event.kind, EventKind::Remove(_)) {
                        // A watched folder that goes away loses its watch: watch it again
                        // once it is back.
                        watched.retain(|dir| !event.paths.contains(dir));
                    }
                }
                Ok(Err(e)) => {
                    let warning = t!("serve-watch-failed", error = e.to_string());
                    eprintln!("warning: {warning}");
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        watch_folders(&mut watcher, &options.root, &mut watched);
        // Editors and `sed -i` save through temporary files: name what is still there.
        let existing: Vec<&PathBuf> = changed.iter().filter(|p| p.exists()).collect();
        let shown = if existing.is_empty() {
            changed.iter().collect()
        } else {
            existing
        };
        let names: Vec<String> = shown
            .iter()
            .map(|p| {
                p.strip_prefix(&options.root)
                    .unwrap_or(p)
                    .display()
                    .to_string()
            })
            .collect();
        eprintln!("{}", t!("serve-changed", files = names.join(", ")));
        super::rebuild(options, live, true);
    }
}

/// Watches `episodes/` and `theme/` with their subfolders, when they exist and are not yet.
fn watch_folders(watcher: &mut RecommendedWatcher, root: &Path, watched: &mut BTreeSet<PathBuf>) {
    for name in FOLDERS {
        let dir = root.join(name);
        if dir.is_dir() && !watched.contains(&dir) {
            match watcher.watch(&dir, RecursiveMode::Recursive) {
                Ok(()) => {
                    watched.insert(dir);
                }
                Err(e) => {
                    let path = dir.display().to_string();
                    let warning = t!("serve-cannot-watch", path = path, error = e.to_string());
                    eprintln!("warning: {warning}");
                }
            }
        }
    }
}

/// Whether a change of this kind ends a save: the file is closed after writing, has its new
/// name, or is gone.
fn completes(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
            | EventKind::Remove(_)
    )
}

/// The paths of an event that should trigger a rebuild: a change of content, name or
/// permissions, not a read (the build itself reads every source), and not in a hidden file
/// or folder (`.carnets/`, `.git/`, an editor's swap file) nor in `public/`.
fn relevant(root: &Path, event: &notify::Event) -> Vec<PathBuf> {
    let changes = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    };
    if !changes {
        return Vec::new();
    }
    event
        .paths
        .iter()
        .filter(|path| {
            let Ok(relative) = path.strip_prefix(root) else {
                return false;
            };
            let mut parts = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy());
            let first = parts.clone().next();
            first.is_some_and(|f| f != "public")
                && !parts.any(|part| part.starts_with('.') || part.ends_with('~'))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, RemoveKind};

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn reads_hidden_files_and_the_output_do_not_rebuild() {
        let root = Path::new("/p");
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        let keep = |kind, path: &str| !relevant(root, &event(kind, path)).is_empty();
        assert!(keep(write, "/p/podcast.yaml"));
        assert!(keep(write, "/p/episodes/001-a/episode.md"));
        assert!(keep(EventKind::Create(CreateKind::Folder), "/p/theme"));
        assert!(keep(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            "/p/cover.jpg"
        ));
        assert!(!keep(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            "/p/episodes/001-a/a.mp3"
        ));
        assert!(!keep(write, "/p/.carnets/cache.json"));
        assert!(!keep(write, "/p/episodes/001-a/.episode.md.swp"));
        assert!(!keep(write, "/p/episodes/001-a/episode.md~"));
        assert!(!keep(write, "/p/public/index.html"));
        assert!(!keep(write, "/elsewhere/podcast.yaml"));
    }

    #[test]
    fn a_file_closed_renamed_or_removed_ends_a_save_and_a_write_does_not() {
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert!(completes(&closed));
        assert!(completes(&EventKind::Modify(ModifyKind::Name(
            RenameMode::To
        ))));
        assert!(completes(&EventKind::Remove(RemoveKind::File)));
        assert!(!completes(&EventKind::Modify(ModifyKind::Name(
            RenameMode::From
        ))));
        assert!(!completes(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(!completes(&EventKind::Create(CreateKind::File)));
    }
}
