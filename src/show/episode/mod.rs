//! Episode folders → validated [`Episode`]s, measured with the audio prober.
//!
//! Each folder is loaded on its own (in parallel: measuring the audio reads every MP3), then
//! the checks that need all episodes (unique numbers and GUIDs) run, and the published ones
//! come back newest first.

mod files;
mod front_matter;
mod marks;
mod memo;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::model::{AudioInfo, Episode, EpisodeType, Positions, Show};
use crate::show::checker::Checker;
use crate::show::config;
use crate::show::times;
use crate::show::validate;
use crate::show::yaml;
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::hash::fingerprint;
use crate::util::paths;
use crate::util::progress::Progress;
use front_matter::RawEpisode;

pub use front_matter::{Split, parse_header, split};

/// Longest episode description Apple accepts, in bytes.
const MAX_SUMMARY_BYTES: usize = 4000;

/// Which episodes a build publishes.
#[derive(Clone, Copy, Debug)]
pub struct Selection {
    /// Publish drafts and future-dated episodes too.
    pub drafts: bool,
    /// The build's notion of now.
    pub now: jiff::Timestamp,
}

/// Measures an MP3 (`crate::audio::probe`), or says why it cannot.
pub type Prober<'a> = dyn Fn(&Path) -> Result<AudioInfo, String> + Sync + 'a;

/// Renders show notes as [`crate::show::markdown::to_html`] does (a build keeps them between
/// runs).
pub type NotesRenderer<'a> = dyn Fn(&str, &str, bool) -> Arc<str> + Sync + 'a;

/// What an earlier build kept for a key.
pub type Recall<'a> = dyn Fn(memo::Key) -> Option<Arc<[u8]>> + Sync + 'a;

/// Keeps bytes for a key, for the next build.
pub type Remember<'a> = dyn Fn(memo::Key, &[u8]) + Sync + 'a;

/// The store of what builds keep for the next ones (the cache's fragments).
pub struct Memo<'a> {
    pub recall: Box<Recall<'a>>,
    pub remember: Box<Remember<'a>>,
}

/// What loading asks of the build: measuring the MP3s, rendering the notes, and what earlier
/// builds loaded (see `memo.rs`), when there is a cache.
pub struct Sources<'a> {
    pub probe: Box<Prober<'a>>,
    pub notes: Box<NotesRenderer<'a>>,
    pub memo: Option<Memo<'a>>,
}

/// The episodes of a podcast folder.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The published ones, newest first.
    pub episodes: Vec<Episode>,
    pub found: Diagnostics,
    /// When the next scheduled episode is due: the earliest date of the episodes that are
    /// neither drafts nor published (a build before then publishes the same episodes).
    pub next_release: Option<jiff::Timestamp>,
}

/// Loads every `episodes/<slug>/` folder of `root`.
pub fn load_all(root: &Path, show: &Show, selection: &Selection, sources: &Sources<'_>) -> Loaded {
    let mut loaded = Loaded::default();
    let dirs = match episode_dirs(&root.join("episodes")) {
        Ok(dirs) => dirs,
        Err(diagnostic) => {
            loaded.found.push(diagnostic);
            return loaded;
        }
    };
    let measuring = Progress::new(t!("show-measuring"), dirs.len() as u64);
    let kept = Kept::new(show, sources);
    let results: Vec<(Folder, Diagnostics)> = dirs
        .par_iter()
        .map(|(dir, link)| {
            let result = kept.load(dir, *link, show, selection, sources);
            measuring.step();
            result
        })
        .collect();
    for (folder, diagnostics) in results {
        loaded.found.extend(diagnostics);
        match folder {
            Folder::Published(episode) => loaded.episodes.push(*episode),
            Folder::Due(due) => {
                loaded.next_release = Some(loaded.next_release.map_or(due, |next| next.min(due)))
            }
            Folder::Waiting => {}
        }
    }
    check_unique(&loaded.episodes, &mut loaded.found);
    loaded.episodes.sort_by(|a, b| {
        b.date
            .timestamp()
            .cmp(&a.date.timestamp())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    loaded
}

/// What one episode folder holds for this build.
enum Folder {
    Published(Box<Episode>),
    /// Scheduled: published from this instant on.
    Due(jiff::Timestamp),
    /// A draft, or a folder in error.
    Waiting,
}

/// The episode folders earlier builds kept.
struct Kept<'a> {
    memo: Option<&'a Memo<'a>>,
    /// The fingerprint of the show the folders are read with.
    show: Option<[u8; 16]>,
    /// When the loading started, in ns since the epoch: a file changed since is not kept.
    started: i128,
}

impl<'a> Kept<'a> {
    fn new(show: &Show, sources: &'a Sources<'a>) -> Self {
        let started = crate::util::paths::ns_since_epoch(std::time::SystemTime::now());
        Kept {
            memo: sources.memo.as_ref(),
            show: sources.memo.as_ref().and(fingerprint(show)),
            started,
        }
    }

    /// [`load_one`], or what an earlier build loaded from the same files (links to folders
    /// elsewhere are always read again).
    fn load(
        &self,
        dir: &Path,
        link: bool,
        show: &Show,
        selection: &Selection,
        sources: &Sources<'_>,
    ) -> (Folder, Diagnostics) {
        let (Some(memo), Some(show_hash), false) = (self.memo, &self.show, link) else {
            return load_one(dir, link, show, selection, sources);
        };
        let key = memo::key(dir, show_hash, selection, self.started);
        if let Some((episode, warnings)) = key
            .and_then(|key| (memo.recall)(key))
            .and_then(|bytes| memo::recall(&bytes, selection))
            // The MP3 is measured through the cache too, which keeps its measure warm.
            .filter(|(episode, _)| {
                (sources.probe)(&episode.audio).ok() == Some(episode.media.clone())
            })
        {
            return (Folder::Published(Box::new(episode)), warnings);
        }
        let (folder, found) = load_one(dir, link, show, selection, sources);
        if let (Some(key), Folder::Published(episode)) = (key, &folder)
            && !found.has_errors()
            && let Some(bytes) = memo::keep(episode, &found, self.started)
        {
            (memo.remember)(key, &bytes);
        }
        (folder, found)
    }
}

/// The episode folders, sorted by name (hidden entries and plain files are ignored), each with
/// whether it is a link.
fn episode_dirs(episodes: &Path) -> Result<Vec<(PathBuf, bool)>, Diagnostic> {
    let entries = std::fs::read_dir(episodes).map_err(|e| {
        Diagnostic::error(
            episodes,
            t!("show-episodes-unreadable", error = e.to_string()),
        )
        .help(t!("show-episodes-unreadable-help"))
    })?;
    let mut dirs: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            let t = paths::entry_type(&e)?;
            t.kind.is_dir().then(|| (e.path(), t.link))
        })
        .collect();
    dirs.sort();
    Ok(dirs)
}

/// The episode of `dir` (a `link` to a folder, maybe).
fn load_one(
    dir: &Path,
    link: bool,
    show: &Show,
    selection: &Selection,
    sources: &Sources<'_>,
) -> (Folder, Diagnostics) {
    let mut found = Diagnostics::default();
    let slug = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !validate::is_slug(&slug) {
        let suggestion = validate::slugify(&slug);
        found.push(
            Diagnostic::error(dir, t!("show-folder-name", slug = slug.as_str()))
                .help(t!("show-folder-name-help", suggestion = suggestion)),
        );
        return (Folder::Waiting, found);
    }
    if let Some(Err(e)) = dir
        .parent()
        .filter(|_| link)
        .map(|episodes| paths::within(episodes, dir))
    {
        found.push(Diagnostic::error(dir, e).help(t!("show-folder-outside-help")));
        return (Folder::Waiting, found);
    }
    let file = dir.join("episode.md");
    let text = match paths::read_text(&file) {
        Ok(text) => text,
        Err(e) => {
            found.push(
                Diagnostic::error(&file, t!("show-episode-unreadable", error = e.to_string()))
                    .help(t!("show-episode-unreadable-help")),
            );
            return (Folder::Waiting, found);
        }
    };
    let parts = match split(&text) {
        Ok(parts) => parts,
        Err((line, message)) => {
            found.push(Diagnostic::error(&file, message).at(line, 1));
            return (Folder::Waiting, found);
        }
    };
    let raw: RawEpisode = match yaml::parse(parts.yaml, &file, parts.line_offset) {
        Ok(raw) => raw,
        Err(diagnostic) => {
            found.push(diagnostic);
            return (Folder::Waiting, found);
        }
    };
    let mut check = Checker {
        path: &file,
        line_offset: parts.line_offset,
        found,
    };
    let loaded = convert(
        raw, dir, &slug, parts.body, show, selection, sources, &mut check,
    );
    let found = check.found;
    match loaded {
        Some(folder) if !found.has_errors() => (folder, found),
        _ => (Folder::Waiting, found),
    }
}

#[allow(clippy::too_many_arguments)]
fn convert(
    raw: RawEpisode,
    dir: &Path,
    slug: &str,
    body: &str,
    show: &Show,
    selection: &Selection,
    sources: &Sources<'_>,
    check: &mut Checker,
) -> Option<Folder> {
    let offset = check.line_offset;
    let date = times::date(&raw.date.value, &show.timezone)
        .map_err(|e| check.error(&raw.date, e))
        .ok();
    let episode_type = match raw.episode_type.as_ref().map(|t| t.value.as_str()) {
        None | Some("full") => EpisodeType::Full,
        Some("trailer") => EpisodeType::Trailer,
        Some("bonus") => EpisodeType::Bonus,
        Some(other) => {
            let value = raw.episode_type.as_ref().expect("matched Some");
            check.error_help(
                value,
                t!("show-episode-type", value = other),
                &t!("show-episode-type-help"),
            );
            EpisodeType::Full
        }
    };
    let guid = match &raw.guid {
        Some(value) if value.value.trim().is_empty() => {
            check.error_help(
                value,
                t!("show-text-empty", key = "guid"),
                &t!("show-guid-empty-help"),
            );
            String::new()
        }
        Some(value) => value.value.trim().to_string(),
        None => uuid::Uuid::new_v5(&show.guid, slug.as_bytes()).to_string(),
    };
    let image = raw
        .image
        .as_ref()
        .and_then(|v| config::artwork(dir, v, &format!("episodes/{slug}/"), check));
    // The folder is listed once: finding the audio and the transcript both look at it.
    let listing = files::Listing::of(dir);
    let transcript = files::transcript_file(dir, &listing, raw.transcript.as_ref(), check);
    let chapters = marks::chapters(raw.chapters, check);
    let soundbites = marks::soundbites(raw.soundbites, check);
    let location = config::namespace::location(raw.location.as_ref(), check);
    let shared = config::extras::RawExtras {
        images: raw.images,
        value: raw.value,
        social_interact: raw.social_interact,
        ai_content: raw.ai_content,
    };
    let dir_in_output = format!("episodes/{slug}/");
    let extras = config::extras::extras(shared, dir, &dir_in_output, image.as_ref(), check);
    let persons = config::persons(raw.persons, check);
    if let Some(number) = &raw.number
        && marks::title_has_number(&raw.title.value, number.value)
    {
        check.warning(
            &raw.title,
            t!("show-title-has-number", number = number.value),
            &t!("show-title-has-number-help"),
        );
    }
    if let Some(summary) = raw.summary.as_ref().filter(|s| s.len() > MAX_SUMMARY_BYTES) {
        check.error_help(
            &raw.title,
            t!(
                "show-summary-too-long",
                bytes = summary.len(),
                max = MAX_SUMMARY_BYTES
            ),
            &t!("show-summary-too-long-help"),
        );
    }
    let title = check.required(raw.title, "title");
    let date = date?;
    let waiting = raw.draft || date.timestamp() > selection.now;
    if waiting && (!selection.drafts || (raw.audio.is_none() && files::mp3s(&listing).is_empty())) {
        // A draft may not have its audio yet: a preview shows it once it has. Everything
        // else about it was checked above.
        if selection.drafts {
            check.found.push(
                Diagnostic::warning(dir, t!("show-draft-without-mp3"))
                    .help(t!("show-add-mp3-help")),
            );
        }
        return Some(match raw.draft || selection.drafts {
            true => Folder::Waiting,
            false => Folder::Due(date.timestamp()),
        });
    }
    let audio = files::audio_file(dir, &listing, raw.audio.as_ref(), check);
    if check.found.has_errors() {
        return None;
    }
    let audio = audio?;
    let media = match (sources.probe)(&audio) {
        Ok(media) => media,
        Err(e) => {
            check.found.push(Diagnostic::error(&audio, e));
            return None;
        }
    };
    marks::check_in_audio(&chapters, &soundbites, media.duration_ms(), check);
    let positions = Positions {
        guid: raw.guid.as_ref().map(|g| yaml::pos(g, offset)),
        date: yaml::pos(&raw.date, offset),
        number: raw
            .number
            .as_ref()
            .map(|n| yaml::pos(n, offset))
            .unwrap_or_default(),
    };
    Some(Folder::Published(Box::new(Episode {
        slug: slug.to_string(),
        dir: dir.to_path_buf(),
        title,
        date,
        guid,
        guid_permalink: raw.guid_permalink,
        number: raw.number.map(|n| n.value),
        season: raw.season.map(|s| s.value),
        episode_type,
        summary: raw
            .summary
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        explicit: raw.explicit,
        image,
        audio,
        transcript,
        persons,
        chapters,
        soundbites,
        location,
        block: raw.block,
        keywords: raw
            .keywords
            .map(config::Keywords::into_vec)
            .unwrap_or_default(),
        draft: raw.draft,
        notes_html: (sources.notes)(body, &format!("fn-{slug}"), !show.unsafe_html),
        media,
        published_size: 0,
        integrity: None,
        alternates: Vec::new(),
        extras,
        positions,
    })))
}

/// Two published episodes must not share a GUID, nor a number within a season.
fn check_unique(episodes: &[Episode], found: &mut Diagnostics) {
    let mut guids: HashMap<&str, &Episode> = HashMap::new();
    let mut numbers: HashMap<(Option<u32>, u32), &Episode> = HashMap::new();
    for item in episodes {
        if let Some(first) = guids.insert(&item.guid, item) {
            found.push(
                Diagnostic::error(
                    item.file(),
                    t!(
                        "show-guid-taken",
                        guid = item.guid.as_str(),
                        first = first.slug.as_str()
                    ),
                )
                .at_pos(item.positions.guid.unwrap_or_default())
                .help(t!("show-guid-taken-help")),
            );
        }
        if let Some(number) = item.number
            && let Some(first) = numbers.insert((item.season, number), item)
        {
            found.push(
                Diagnostic::error(
                    item.file(),
                    t!(
                        "show-number-taken",
                        number = number,
                        first = first.slug.as_str()
                    ),
                )
                .at_pos(item.positions.number)
                .help(t!("show-number-taken-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests;

/// Two published episodes whose MP3s have the same bytes (`hash` gives a file's content
/// hash): their enclosure URLs differ (each comes from its folder's name), but podcast apps
/// and Apple would list the same audio twice, usually a copied folder whose MP3 was never
/// replaced.
pub fn same_audio(
    episodes: &[Episode],
    hash: &dyn Fn(&Path) -> std::io::Result<String>,
) -> Diagnostics {
    let mut found = Diagnostics::default();
    let mut seen: HashMap<String, &Episode> = HashMap::new();
    let mut oldest_first: Vec<&Episode> = episodes.iter().collect();
    oldest_first.sort_by(|a, b| a.slug.cmp(&b.slug));
    for episode in oldest_first {
        let Ok(hash) = hash(&episode.audio) else {
            continue;
        };
        if let Some(first) = seen.get(&hash) {
            found.push(
                Diagnostic::warning(
                    &episode.audio,
                    t!("show-same-audio", first = first.slug.as_str()),
                )
                .help(t!("show-same-audio-help")),
            );
        } else {
            seen.insert(hash, episode);
        }
    }
    found
}
