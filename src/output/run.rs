//! One build of one output folder, as the pipeline sees it. [`Run::start`] takes the output's
//! lock and asks the last build's stamp whether anything changed; when something did, the run
//! holds what that build left for this one to reuse (the cache, the manifest of the pages it
//! rendered, read while the episodes load). [`Run::finish`] publishes the files, then saves
//! the cache, the stamp and `carnets.lock`. Everything that spares work is behind these calls,
//! so the pipeline (`crate::build`) only says what is made.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::SystemTime;

use super::{BuildLock, OutputFile, Previous, SourceCache, Stats, stamp};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::lock;
use crate::util::trace::Trace;

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub episodes: usize,
    pub written: Stats,
    pub warnings: Diagnostics,
    /// The alternate encodings made, when the show has `formats`.
    pub encoded: Option<super::Tally>,
}

/// How a build starts.
pub enum Start {
    /// Nothing changed since the last build, which is reported again.
    Spared(BuildReport),
    /// Something changed: build.
    Changed(Box<Run>),
}

/// A build under way.
pub struct Run {
    root: PathBuf,
    out: PathBuf,
    cache: SourceCache,
    stamp_path: PathBuf,
    /// The stamp the last build left, if any.
    last_stamp: Option<stamp::Stamp>,
    /// `None` when the executable cannot be identified: then nothing is stamped.
    build_id: Option<String>,
    started: SystemTime,
    previous: Background<io::Result<Previous>>,
    _lock: BuildLock,
}

impl Run {
    /// Starts the build of `root` into `out`; `identity` is what else makes this build another
    /// one (its options), `now` the build's notion of the time (for scheduled episodes).
    pub fn start(
        root: &Path,
        out: &Path,
        identity: &str,
        now: jiff::Timestamp,
    ) -> Result<Start, Diagnostics> {
        let started = SystemTime::now();
        let fail = |e| cannot_write(out, e);
        let cache = SourceCache::open(&root.join(crate::CACHE_DIR));
        super::check_target(root, out).map_err(fail)?;
        let lock = BuildLock::acquire(out, &cache).map_err(fail)?;
        let stamp_path = cache.output_file(out, "stamp.bin").map_err(fail)?;
        let build_id = stamp::build_id(identity);
        let last_stamp = stamp::read(&stamp_path);
        if let Some(fresh) = build_id
            .as_deref()
            .zip(last_stamp.as_ref())
            .and_then(|(id, last)| last.fresh(id, now))
            && let Some(files) = super::untouched(out, &cache)
        {
            return Ok(Start::Spared(BuildReport {
                episodes: fresh.episodes,
                written: Stats {
                    written: 0,
                    unchanged: files,
                },
                warnings: fresh.warnings,
                encoded: None,
            }));
        }
        let manifest = cache.output_file(out, super::MANIFEST).map_err(fail)?;
        let owned = out.to_path_buf();
        let previous = std::thread::spawn(move || Ok(Previous::read_at(&owned, &manifest)));
        Ok(Start::Changed(Box::new(Run {
            root: root.to_path_buf(),
            out: out.to_path_buf(),
            cache,
            stamp_path,
            last_stamp,
            build_id,
            started,
            previous: Background::new(previous),
            _lock: lock,
        })))
    }

    /// The cache of the podcast folder: what the stages may take instead of redoing.
    pub fn cache(&self) -> &SourceCache {
        &self.cache
    }

    /// The key of the page at `path` when the last build rendered it from inputs that hashed
    /// to `from` and nobody touched it since (see [`Previous::kept`]).
    pub fn kept(&self, path: &str, from: &str) -> Option<String> {
        self.previous.get().as_ref().ok()?.kept(path, from)
    }

    /// The stamp of this build, from its inputs' metadata now (while the pages render): what
    /// it published (`episodes`, `warnings`) and when the next scheduled episode is due.
    pub fn stamp(
        &self,
        episodes: usize,
        warnings: &Diagnostics,
        next_release: Option<jiff::Timestamp>,
    ) -> Option<stamp::Stamp> {
        stamp::collect(stamp::Made {
            root: &self.root,
            build: self.build_id.clone()?,
            until: next_release,
            episodes,
            warnings,
            sources: self.cache.read_paths(),
            started: self.started,
            last: self.last_stamp.as_ref(),
        })
    }

    /// Publishes `files` in place of the output, then saves the cache, the `stamp` and `lock`
    /// (`carnets.lock`'s path and bytes, when it changed: the build after a new lock runs in
    /// full, so there is no stamp then).
    pub fn finish(
        self,
        files: Vec<OutputFile>,
        stamp: Option<stamp::Stamp>,
        lock: Option<(PathBuf, Vec<u8>)>,
        trace: &mut Trace,
    ) -> Result<Stats, Diagnostics> {
        let fail = |e| cannot_write(&self.out, e);
        let previous = self.previous.into_inner().map_err(fail)?;
        let written = super::publish(&self.out, files, &self.cache, previous).map_err(fail)?;
        trace.stage("publish");
        self.cache.save().map_err(fail)?;
        trace.stage("cache");
        let stamp = stamp.filter(|_| lock.is_none());
        stamp::write(&self.stamp_path, stamp).map_err(fail)?;
        trace.stage("stamp");
        if let Some((path, bytes)) = lock {
            super::write_if_changed(&path, &bytes).map_err(fail)?;
        }
        crate::util::free_later(self.cache);
        Ok(written)
    }
}

fn cannot_write(out: &Path, e: io::Error) -> Diagnostics {
    Diagnostics::from(Diagnostic::error(
        out,
        t!("output-cannot-write", error = e.to_string()),
    ))
}

/// A value made on another thread, waited for on first use.
struct Background<T> {
    thread: Mutex<Option<JoinHandle<T>>>,
    value: OnceLock<T>,
}

impl<T> Background<io::Result<T>> {
    fn new(thread: JoinHandle<io::Result<T>>) -> Self {
        Background {
            thread: Mutex::new(Some(thread)),
            value: OnceLock::new(),
        }
    }

    fn get(&self) -> &io::Result<T> {
        self.value.get_or_init(|| match lock(&self.thread).take() {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|_| Err(io::Error::other(t!("output-last-build-unread")))),
            None => Err(io::Error::other(t!("output-last-build-read-twice"))),
        })
    }

    fn into_inner(self) -> io::Result<T> {
        self.get();
        self.value.into_inner().expect("set by get")
    }
}
