//! carnets publishes a podcast from a folder: episode folders in, tagged MP3s, a podcast RSS
//! feed and an HTML archive out.
//!
//! The pipeline reads top to bottom in [`build`]: load the show, load and measure the episodes,
//! tag the audio, render the feed and the pages, then hand every file to `output`, the only
//! code that writes to disk.

pub mod artwork;
pub mod audio;
pub mod categories;
pub mod chapters;
pub mod cli;
pub mod config;
pub mod diag;
pub mod episode;
pub mod feed;
pub mod html;
pub mod lock;
pub mod loudness;
mod markdown;
pub mod model;
pub mod output;
mod paths;
mod progress;
pub mod scaffold;
pub mod serve;
pub mod site;
#[cfg(test)]
mod testutil;
mod trace;
pub mod transcript;
pub mod validate;
mod yaml;

use std::path::{Path, PathBuf};

use cli::{Cli, Command};
use diag::{Diagnostic, Diagnostics};
use output::{Content, OutputFile, SourceCache, stamp};

/// Exit code: success (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code: the content has errors.
pub const EXIT_CONTENT: u8 = 1;
/// Exit code: usage error.
pub const EXIT_USAGE: u8 = 2;

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

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub episodes: usize,
    pub written: output::Stats,
    pub warnings: Diagnostics,
}

/// Runs a parsed command line, prints its report on stderr and returns the exit code.
pub fn run(cli: Cli) -> u8 {
    let now = jiff::Timestamp::now();
    if cli.verbose {
        trace::enable();
    }
    let result = match cli.command {
        Command::Build(args) => {
            let root = args.root.root;
            let options = BuildOptions {
                out: args.out.unwrap_or_else(|| root.join("public")),
                root,
                base_url: args.base_url,
                drafts: args.drafts,
                now,
            };
            build(&options).map(|report| {
                let summary = format!(
                    "built {} episode(s) into {}: {} file(s) written, {} unchanged",
                    report.episodes,
                    options.out.display(),
                    report.written.written,
                    report.written.unchanged
                );
                (report.warnings, summary)
            })
        }
        Command::Check(args) => check(&args.root, now).map(|(warnings, episodes)| {
            (
                warnings,
                format!("checked {episodes} episode(s): no errors"),
            )
        }),
        Command::New(args) => scaffold::new_episode(&args.root.root, &args.title, now)
            .map(|dir| {
                let next = format!(
                    "created {}\nnext: put the MP3 in {}, write the show notes, set `draft: false`, then run `carnets check`",
                    dir.join("episode.md").display(),
                    dir.display()
                );
                (Diagnostics::default(), next)
            })
            .map_err(Diagnostics::from),
        Command::Init(args) => scaffold::init(&args.dir, now)
            .map(|()| {
                let next = format!(
                    "created a podcast in {0}\nnext: edit {0}/podcast.yaml, replace cover.jpg and the example episode, then run `carnets build --root {0}`",
                    args.dir.display()
                );
                (Diagnostics::default(), next)
            })
            .map_err(Diagnostics::from),
        Command::Serve(args) => return serve::run(&args),
    };
    match result {
        Ok((mut warnings, summary)) => {
            if !cli.quiet {
                warnings.sort();
                for warning in warnings.iter() {
                    eprintln!("{}", warning.render());
                }
                eprintln!("{summary}");
            }
            EXIT_OK
        }
        Err(mut diagnostics) => {
            diagnostics.sort();
            for diagnostic in diagnostics.iter().filter(|d| !cli.quiet || d.is_error()) {
                eprintln!("{}", diagnostic.render());
            }
            eprintln!(
                "error: {} error(s), {} warning(s); nothing was written",
                diagnostics.error_count(),
                diagnostics.warning_count()
            );
            EXIT_CONTENT
        }
    }
}

/// Loads and validates everything and measures the episodes' loudness; writes nothing of the
/// podcast or the output, only the loudness measurements into the cache (`.carnets/`), so that
/// the next check is instant. Returns the warnings and the episode count.
pub fn check(root: &Path, now: jiff::Timestamp) -> Result<(Diagnostics, usize), Diagnostics> {
    let cache = SourceCache::open(&root.join(CACHE_DIR));
    let (_show, episodes, mut warnings, _lock) = load(root, None, false, now, &cache, false)?;
    warnings.extend(episode::same_audio(&episodes, &|path| cache.hash(path)));
    warnings.extend(loudness::check(&episodes, &cache));
    // A cache that cannot be written (a read-only folder) only costs time on the next check.
    let _ = cache.save_loudness();
    warnings.sort();
    Ok((warnings, episodes.len()))
}

/// The cache folder, at the podcast root.
pub const CACHE_DIR: &str = ".carnets";

/// Builds the podcast of `options.root` into `options.out`.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = std::time::SystemTime::now();
    let mut trace = trace::Trace::new();
    let out = &options.out;
    let cache = SourceCache::open(&options.root.join(CACHE_DIR));
    let io_error = |e: std::io::Error| {
        Diagnostics::from(Diagnostic::error(
            out,
            format!("cannot write the output: {e}"),
        ))
    };
    output::check_target(&options.root, out).map_err(io_error)?;
    let _lock = output::BuildLock::acquire(out, &cache).map_err(io_error)?;
    // Nothing changed since the last build (inputs, options, carnets itself, the output)?
    // Then there is nothing to do, and nothing needs reading.
    let stamp_path = cache.output_file(out, "stamp.json").map_err(io_error)?;
    let build_id = stamp::build_id(&format!(
        "{}|{:?}|{}",
        std::path::absolute(out).map_err(io_error)?.display(),
        options.base_url,
        options.drafts
    ));
    if let Some(fresh) = build_id
        .as_deref()
        .and_then(|id| stamp::fresh(&stamp_path, id, options.now))
        && let Some(files) = output::untouched(out, &cache)
    {
        trace.stage("spared");
        return Ok(BuildReport {
            episodes: fresh.episodes,
            written: output::Stats {
                written: 0,
                unchanged: files,
            },
            warnings: fresh.warnings,
        });
    }
    trace.stage("changed?");
    // What the last build published is read meanwhile.
    let (loaded, previous) = rayon::join(
        || {
            load(
                &options.root,
                options.base_url.as_deref(),
                options.drafts,
                options.now,
                &cache,
                true,
            )
        },
        || output::Previous::read(out, &cache),
    );
    let (show, mut episodes, warnings, next_lock) = loaded?;
    let previous = previous.map_err(io_error)?;
    trace.stage("load");
    let mut files = tag_audio(&show, &mut episodes, &cache)?;
    trace.stage("tag");
    files.push(copy(&show.image.published, &show.image.source));
    for episode in &episodes {
        if let Some(image) = &episode.image {
            files.push(copy(&image.published, &image.source));
        }
        if let Some(path) = episode.chapters_path() {
            let json = chapters::to_json(&show, episode);
            files.push(OutputFile {
                path,
                content: Content::bytes(json),
            });
        }
        if let (Some(transcript), Some(path), Some(json_path)) = (
            &episode.transcript,
            episode.transcript_path(),
            episode.transcript_json_path(),
        ) {
            files.push(OutputFile {
                path,
                content: Content::Copy(transcript.source.clone()),
            });
            let json = transcript::to_json(&transcript.cues);
            files.push(OutputFile {
                path: json_path,
                content: Content::bytes(json),
            });
        }
    }
    let memo = site::Memo {
        kept: &|path, from| previous.kept(path, from),
        fragment: &|key, make| cache.fragment(key, make),
    };
    // The pages (the longest) render on this thread; the feed, then a look at what the build
    // read (for the stamp), on the other.
    let (pages, (feed, stamp)) = rayon::join(
        || site::render(&show, &episodes, &options.root.join("theme"), &memo),
        || {
            let feed = feed::render(&show, &episodes);
            let until = stamp::next_release(&options.root, &show, &episodes, options);
            let stamp = match (&build_id, until, &next_lock) {
                (Some(build), Ok(until), None) => stamp::collect(stamp::Made {
                    root: &options.root,
                    build: build.clone(),
                    until,
                    episodes: episodes.len(),
                    warnings: &warnings,
                    sources: cache.read_paths(),
                    started,
                }),
                // A new carnets.lock is written last: the next build stamps.
                _ => None,
            };
            (feed, stamp)
        },
    );
    files.push(OutputFile {
        path: "feed.xml".into(),
        content: Content::bytes(feed),
    });
    files.extend(pages?);
    trace.stage("render");
    let written = output::publish(out, files, &cache, previous).map_err(io_error)?;
    trace.stage("publish");
    cache.save().map_err(io_error)?;
    trace.stage("cache");
    stamp::write(&stamp_path, stamp).map_err(io_error)?;
    trace.stage("stamp");
    if let Some(next_lock) = next_lock {
        output::write_if_changed(&options.root.join(lock::FILE), &next_lock.to_bytes())
            .map_err(io_error)?;
    }
    Ok(BuildReport {
        episodes: episodes.len(),
        written,
        warnings,
    })
}

/// The published MP3 of every episode: a fresh ID3 tag (with the episode's artwork, or else
/// the show's) before the source's frames. Sets each episode's `published_size`.
fn tag_audio(
    show: &model::Show,
    episodes: &mut [model::Episode],
    cache: &SourceCache,
) -> Result<Vec<OutputFile>, Diagnostics> {
    use rayon::prelude::*;
    let artwork = |e: &model::Episode| e.image.as_ref().unwrap_or(&show.image).source.clone();
    // Each distinct artwork is prepared once (most episodes share the show's).
    let sources: std::collections::BTreeSet<PathBuf> = episodes.iter().map(artwork).collect();
    let mut found = Diagnostics::default();
    let mut covers = std::collections::BTreeMap::new();
    for (source, result) in sources
        .par_iter()
        .map(|source| (source, cache.cover(source).map(output::Shared::new)))
        .collect::<Vec<_>>()
    {
        match result {
            Ok(cover) => {
                covers.insert(source.clone(), cover);
            }
            Err(e) => found.push(
                Diagnostic::error(source, e.to_string())
                    .help("export the artwork again as a JPEG or PNG"),
            ),
        }
    }
    found.check()?;
    // The tag ends with the artwork: each episode keeps only the tag's head, and the published
    // file gets the shared artwork written after it (a thousand copies would fill the memory).
    episodes
        .par_iter_mut()
        .map(|episode| {
            let cover = covers[&artwork(episode)].clone();
            let tag = audio::tag::tag_head(show, episode, Some(cover.bytes().len()));
            episode.published_size =
                (tag.len() + cover.bytes().len()) as u64 + episode.media.audio_len();
            Ok(OutputFile {
                path: episode.audio_path(),
                content: Content::Audio {
                    tag,
                    cover: Some(cover),
                    source: episode.audio.clone(),
                    start: episode.media.audio_start,
                    end: episode.media.audio_end,
                },
            })
        })
        .collect()
}

fn copy(path: &str, source: &Path) -> OutputFile {
    OutputFile {
        path: path.to_string(),
        content: Content::Copy(source.to_path_buf()),
    }
}

/// The show, its published episodes newest first, the warnings, and the lock to record (none
/// for preview builds: `--base-url`, `--drafts`).
type Loaded = (
    model::Show,
    Vec<model::Episode>,
    Diagnostics,
    Option<lock::Lock>,
);

/// Loads the show and its episodes, measuring the audio and checking them against
/// `carnets.lock`; stops with every error found. With `covers`, the show's artwork is prepared
/// for the tags meanwhile.
fn load(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    now: jiff::Timestamp,
    cache: &SourceCache,
    covers: bool,
) -> Result<Loaded, Diagnostics> {
    let (mut show, mut found) = config::load(root, base_url)?;
    let recorded = lock::Lock::load(root)?;
    recorded.apply_to_show(root, &mut show)?;
    let selection = episode::Selection { drafts, now };
    // The show's artwork is prepared (decoded, scaled, encoded: a core for a while) while the
    // episodes load, the tags need it next; what the last run kept is read first.
    let measuring = progress::Progress::new("mesure des MP3", episode::count(root));
    let probe = |path: &Path| {
        let measured = cache.probe(path);
        measuring.step();
        measured
    };
    let notes =
        |source: &str, prefix: &str, sanitize: bool| cache.notes_html(source, prefix, sanitize);
    let sources = episode::Sources {
        probe: &probe,
        notes: &notes,
    };
    let ((mut episodes, episode_findings), _) = rayon::join(
        || episode::load_all(root, &show, &selection, &sources),
        || {
            cache.read_fragments();
            covers.then(|| cache.cover(&show.image.source))
        },
    );
    found.extend(episode_findings);
    let preview = drafts || base_url.is_some();
    let (next, lock_findings) = recorded.reconcile(root, &show, &mut episodes, !preview);
    // An episode that failed to load is not gone: say nothing of it beside its errors.
    let failed = found.has_errors();
    found.extend(
        lock_findings
            .into_iter()
            .filter(|d| !failed || d.is_error()),
    );
    let warnings = found.check()?;
    let lock = (!preview && next != recorded).then_some(next);
    Ok((show, episodes, warnings, lock))
}
