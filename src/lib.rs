//! carnets publishes a podcast from a folder: episode folders in, tagged MP3s, a podcast RSS
//! feed and an HTML archive out.
//!
//! The commands (`cmd/`, one file each: `build`, `check`, `new`, `init`, `serve`, `import`,
//! `deploy`, `stats`) call the library; a build is the stages of [`build`], one call each, data
//! flowing one way:
//!
//! - `show/` reads the podcast folder (`podcast.yaml`, `episodes/`, `carnets.lock`) into the
//!   domain model (`model/`), every value checked once;
//! - `audio/` measures the MPEG streams, writes the ID3 tags, measures loudness;
//! - `render/` turns the model into the feed, the site's pages and the JSON chapters and
//!   transcripts, as values;
//! - `output/` is the only code that writes the output: staging, atomic swap, and everything
//!   that spares work (the cache, the stamp, the manifest of kept pages);
//! - `import/` takes over a show from its old feed into a podcast folder (`carnets import`),
//!   `deploy/` puts the output online (`carnets deploy`), `stats/` counts the episodes'
//!   downloads in the host's access logs (`carnets stats`);
//! - `serve/` is the preview server; `util/` what every stage shares (diagnostics, paths,
//!   progress, trace, HTML and text escaping).

pub mod audio;
pub mod cli;
pub mod cmd;
pub mod deploy;
pub mod import;
pub mod model;
pub mod output;
pub mod render;
pub mod serve;
pub mod show;
pub mod stats;
#[cfg(test)]
mod testutil;
pub mod util;

use std::path::{Path, PathBuf};

pub use output::BuildReport;
use output::{Run, SourceCache, Start};
use render::site::Memo;
use util::diag::Diagnostics;

/// The cache folder, at the podcast root.
pub const CACHE_DIR: &str = ".carnets";

/// What to build, once the command line is read.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Episodes dated after this instant are left out unless `drafts`.
    pub now: jiff::Timestamp,
}

/// Builds the podcast of `options.root` into `options.out`.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let mut trace = util::trace::Trace::new();
    let root = &options.root;
    let run = match Run::start(root, &options.out, &options.identity(), options.now)? {
        Start::Spared(report) => {
            trace.stage("spared");
            return Ok(report);
        }
        Start::Changed(run) => run,
    };
    trace.stage("changed?");
    let cache = run.cache();
    // While the episodes load: what the last builds made, and the show's artwork for the tags.
    let meanwhile = |show: &model::Show| {
        cache.read_fragments();
        let _ = cache.cover(&show.image.source, audio::prepare_cover);
    };
    let (base_url, selection) = (options.base_url.as_deref(), options.selection());
    let mut loaded = show::load(root, base_url, &selection, &sources(cache), &meanwhile)?;
    trace.stage("load");
    let mut files = tag(cache, &mut loaded)?;
    trace.stage("tag");
    let (alternates, encoded) = encodings(cache, |cached| {
        audio::alternates(root, &loaded.show, &mut loaded.episodes, &files, cached)
    })?;
    files.extend(alternates);
    trace.stage("encode");
    let memo = Memo {
        kept: &|path, from| run.kept(path, from),
        fragment: &|key, make| cache.fragment(key, make),
    };
    let (rendered, stamp) = rayon::join(
        || render::render(&loaded.show, &loaded.episodes, &root.join("theme"), &memo),
        || run.stamp(loaded.episodes.len(), &loaded.warnings, loaded.next_release),
    );
    files.extend(rendered?);
    trace.stage("render");
    let lock = loaded
        .lock
        .take()
        .map(|l| (root.join(show::lock::FILE), l.to_bytes()));
    let written = run.finish(files, stamp, lock, &mut trace)?;
    let report = BuildReport {
        episodes: loaded.episodes.len(),
        written,
        warnings: std::mem::take(&mut loaded.warnings),
        encoded: (!loaded.show.formats.is_empty()).then_some(encoded),
    };
    util::free_later(loaded);
    Ok(report)
}

/// Loads and validates everything and measures the episodes' loudness; writes nothing of the
/// podcast or the output, only the loudness measurements into the cache (`.carnets/`), so that
/// the next check is instant. Returns the warnings and the episode count.
pub fn check(root: &Path, now: jiff::Timestamp) -> Result<(Diagnostics, usize), Diagnostics> {
    let cache = SourceCache::open(&root.join(CACHE_DIR));
    let selection = show::Selection { drafts: false, now };
    let loaded = show::load(root, None, &selection, &sources(&cache), &|_| ())?;
    let mut warnings = loaded.warnings;
    let episodes = loaded.episodes;
    warnings.extend(show::episode::same_audio(&episodes, &|path| {
        cache.hash(path)
    }));
    let measure = |e: &model::Episode| {
        let (start, end) = (e.media.audio_start, e.media.audio_end);
        cache.loudness(&e.audio, || audio::loudness::measure(&e.audio, start, end))
    };
    warnings.extend(audio::loudness::check(&episodes, &measure));
    warnings.extend(render::timestamps::check(&episodes));
    if !loaded.show.formats.is_empty()
        && let Err(missing) = audio::ffmpeg(root, &loaded.show)
    {
        warnings.push(missing);
        return Err(warnings);
    }
    // A cache that cannot be written (a read-only folder) only costs time on the next check.
    let _ = cache.save_loudness();
    warnings.sort();
    Ok((warnings, episodes.len()))
}

/// The show and its published episodes as `build` would publish them, each with its
/// `published_size` (tag and audio): the loading and tagging stages of a build, without
/// publishing and without writing anything.
pub fn published(
    root: &Path,
    now: jiff::Timestamp,
) -> Result<(model::Show, Vec<model::Episode>, Diagnostics), Diagnostics> {
    let cache = SourceCache::open(&root.join(CACHE_DIR));
    let selection = show::Selection { drafts: false, now };
    let mut loaded = show::load(root, None, &selection, &sources(&cache), &|_| ())?;
    tag(&cache, &mut loaded)?;
    Ok((loaded.show, loaded.episodes, loaded.warnings))
}

/// The tagging stage, its artwork and the heads of its tags taken from the cache.
fn tag(
    cache: &SourceCache,
    loaded: &mut show::Loaded,
) -> Result<Vec<output::OutputFile>, Diagnostics> {
    let covers = |artwork: &Path| cache.cover(artwork, audio::prepare_cover);
    let kept = |key, make: &dyn Fn() -> Vec<u8>| cache.fragment_bytes(key, make);
    audio::publish(&loaded.show, &mut loaded.episodes, &covers, &kept)
}

/// What loading asks of a build, answered from the cache: the MP3s' measures and the notes.
fn sources(cache: &SourceCache) -> show::Sources<'_> {
    show::Sources {
        probe: Box::new(|path| {
            let measured = cache.probe(path, audio::probe);
            measured.map_err(|e| e.to_string())
        }),
        notes: Box::new(|source, prefix, sanitize| {
            let render = || show::markdown::to_html(source, prefix, sanitize);
            cache.notes_html(source, prefix, sanitize, render)
        }),
        memo: Some(show::episode::Memo {
            recall: Box::new(|key| cache.recall(key)),
            remember: Box::new(|key, bytes| cache.remember(key, bytes)),
        }),
    }
}

/// Runs `stage` with what the alternate encodings take from the cache.
fn encodings<T>(cache: &SourceCache, stage: impl FnOnce(&audio::Cached<'_>) -> T) -> T {
    let hash = |path: &Path| cache.hash(path);
    let kept = |recipe: &output::Recipe<'_>,
                make: &dyn Fn(&Path, Option<&Path>) -> std::io::Result<()>| {
        cache.made(recipe, make)
    };
    let integrity = |content: &output::Content, compute: &dyn Fn() -> std::io::Result<String>| {
        cache.integrity(content, compute)
    };
    stage(&audio::Cached {
        hash: &hash,
        kept: &kept,
        integrity: &integrity,
    })
}

impl BuildOptions {
    fn selection(&self) -> show::Selection {
        show::Selection {
            drafts: self.drafts,
            now: self.now,
        }
    }

    /// What, besides its inputs, makes this build another one: the output and the options.
    fn identity(&self) -> String {
        let out = std::path::absolute(&self.out).unwrap_or_else(|_| self.out.clone());
        format!("{}|{:?}|{}", out.display(), self.base_url, self.drafts)
    }
}
