//! Episode folders → validated [`Episode`]s, measured with the audio prober.
//!
//! Each folder is loaded on its own (in parallel: measuring the audio reads every MP3), then
//! the checks that need all episodes (unique numbers and GUIDs) run, and the published ones
//! come back newest first.

mod front_matter;
pub mod times;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::audio::{AudioInfo, ProbeError};
use crate::config::{self, Checker};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Chapter, Episode, EpisodeType, Positions, Show, Transcript, TranscriptFormat};
use crate::yaml::{self, Spanned};
use crate::{markdown, paths, transcript, validate};
use front_matter::{RawChapter, RawEpisode, Time};

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

/// Measures an MP3.
pub type Prober<'a> = dyn Fn(&Path) -> Result<AudioInfo, ProbeError> + Sync + 'a;

/// Loads every `episodes/<slug>/` folder of `root`; returns the published ones newest first.
pub fn load_all(
    root: &Path,
    show: &Show,
    selection: &Selection,
    probe: &Prober<'_>,
) -> (Vec<Episode>, Diagnostics) {
    let mut found = Diagnostics::default();
    let dirs = match episode_dirs(&root.join("episodes")) {
        Ok(dirs) => dirs,
        Err(diagnostic) => {
            found.push(diagnostic);
            return (Vec::new(), found);
        }
    };
    let results: Vec<(Option<Episode>, Diagnostics)> = dirs
        .par_iter()
        .map(|dir| load_one(dir, show, selection, probe))
        .collect();
    let mut episodes = Vec::new();
    for (episode, diagnostics) in results {
        found.extend(diagnostics);
        episodes.extend(episode);
    }
    check_unique(&episodes, &mut found);
    episodes.sort_by(|a, b| {
        b.date
            .timestamp()
            .cmp(&a.date.timestamp())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    (episodes, found)
}

/// The episode folders, sorted by name (hidden entries and plain files are ignored).
fn episode_dirs(episodes: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = std::fs::read_dir(episodes).map_err(|e| {
        Diagnostic::error(episodes, format!("cannot read the episodes folder: {e}"))
            .help("create `episodes/` with one folder per episode; `carnets new \"Titre\"` does it")
    })?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| e.path().is_dir())
        .map(|e| e.path())
        .collect();
    dirs.sort();
    Ok(dirs)
}

fn load_one(
    dir: &Path,
    show: &Show,
    selection: &Selection,
    probe: &Prober<'_>,
) -> (Option<Episode>, Diagnostics) {
    let mut found = Diagnostics::default();
    let slug = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !validate::is_slug(&slug) {
        let suggestion = validate::slugify(&slug);
        found.push(
            Diagnostic::error(
                dir,
                format!(
                    "`{slug}` is not a valid folder name: use lowercase letters, digits and hyphens"
                ),
            )
            .help(format!("rename the folder to `{suggestion}`")),
        );
        return (None, found);
    }
    if let Some(Err(e)) = dir.parent().map(|episodes| paths::within(episodes, dir)) {
        found.push(Diagnostic::error(dir, e).help("move the episode folder into `episodes/`"));
        return (None, found);
    }
    let file = dir.join("episode.md");
    let text = match paths::read_text(&file) {
        Ok(text) => text,
        Err(e) => {
            found.push(
                Diagnostic::error(&file, format!("cannot read the episode: {e}"))
                    .help("every episode folder needs an episode.md"),
            );
            return (None, found);
        }
    };
    let parts = match split(&text) {
        Ok(parts) => parts,
        Err((line, message)) => {
            found.push(Diagnostic::error(&file, message).at(line, 1));
            return (None, found);
        }
    };
    let raw: RawEpisode = match yaml::parse(parts.yaml, &file, parts.line_offset) {
        Ok(raw) => raw,
        Err(diagnostic) => {
            found.push(diagnostic);
            return (None, found);
        }
    };
    let mut check = Checker {
        path: &file,
        line_offset: parts.line_offset,
        found,
    };
    let loaded = convert(
        raw, dir, &slug, parts.body, show, selection, probe, &mut check,
    );
    let found = check.found;
    (loaded.filter(|_| !found.has_errors()), found)
}

#[allow(clippy::too_many_arguments)]
fn convert(
    raw: RawEpisode,
    dir: &Path,
    slug: &str,
    body: &str,
    show: &Show,
    selection: &Selection,
    probe: &Prober<'_>,
    check: &mut Checker,
) -> Option<Episode> {
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
                format!("unknown episode type `{other}`"),
                "write `full`, `trailer` or `bonus`",
            );
            EpisodeType::Full
        }
    };
    let guid = match &raw.guid {
        Some(value) if value.value.trim().is_empty() => {
            check.error_help(
                value,
                "`guid` must not be empty",
                "remove the line, or keep the GUID this episode was first published with",
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
    let transcript = transcript_file(dir, raw.transcript.as_ref(), check);
    let chapters = chapters(raw.chapters, check);
    let persons = check.persons(raw.persons);
    if let Some(number) = &raw.number
        && title_has_number(&raw.title.value, number.value)
    {
        check.warning(
            &raw.title,
            format!("the title repeats the episode number {}", number.value),
            "Apple asks for titles without numbers: apps show `number:` themselves",
        );
    }
    if let Some(summary) = raw.summary.as_ref().filter(|s| s.len() > MAX_SUMMARY_BYTES) {
        check.error_help(
            &raw.title,
            format!(
                "the summary is {} bytes; Apple accepts at most {MAX_SUMMARY_BYTES}",
                summary.len()
            ),
            "keep `summary:` to a sentence or two; details belong in the show notes",
        );
    }
    let title = check.required(raw.title, "title");
    let date = date?;
    let published = selection.drafts || (!raw.draft && date.timestamp() <= selection.now);
    if !published {
        // A draft may not have its audio yet; everything else about it was checked above.
        return None;
    }
    let audio = audio_file(dir, raw.audio.as_ref(), check);
    if check.found.has_errors() {
        return None;
    }
    let audio = audio?;
    let media = match probe(&audio) {
        Ok(media) => media,
        Err(e) => {
            check.found.push(Diagnostic::error(&audio, e.to_string()));
            return None;
        }
    };
    for chapter in &chapters {
        if chapter.start_ms >= media.duration_ms() {
            check.found.push(
                Diagnostic::error(
                    check.path,
                    format!(
                        "chapter « {} » starts at {}, after the end of the audio ({})",
                        chapter.title,
                        times::clock(chapter.start_ms),
                        times::clock(media.duration_ms())
                    ),
                )
                .at_pos(chapter.pos)
                .help("fix the start time, or check that `audio:` names the right file"),
            );
        }
    }
    let positions = Positions {
        guid: raw.guid.as_ref().map(|g| yaml::pos(g, offset)),
        date: yaml::pos(&raw.date, offset),
        number: raw
            .number
            .as_ref()
            .map(|n| yaml::pos(n, offset))
            .unwrap_or_default(),
    };
    Some(Episode {
        slug: slug.to_string(),
        dir: dir.to_path_buf(),
        title,
        date,
        guid,
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
        keywords: raw
            .keywords
            .map(config::Keywords::into_vec)
            .unwrap_or_default(),
        draft: raw.draft,
        notes: body.to_string(),
        notes_html: markdown::to_html(body, &format!("fn-{slug}"), !show.unsafe_html),
        media,
        published_size: 0,
        positions,
    })
}

/// The MP3 named by `audio:`, or the only `.mp3` of the folder.
fn audio_file(dir: &Path, named: Option<&Spanned<String>>, check: &mut Checker) -> Option<PathBuf> {
    if let Some(value) = named {
        return match paths::inside(dir, value.value.trim()) {
            Ok(path) if paths::extension(&path).as_deref() == Some("mp3") => Some(path),
            Ok(_) => {
                check.error_help(
                    value,
                    format!("`{}` is not an .mp3 file", value.value),
                    "export the episode as MP3",
                );
                None
            }
            Err(e) => {
                check.error(value, e);
                None
            }
        };
    }
    let mp3s = files_with(dir, &["mp3"]);
    match mp3s.as_slice() {
        [one] => found_inside(dir, one, check),
        [] => {
            check.found.push(
                Diagnostic::error(dir, "no .mp3 file in this episode folder")
                    .help("add the episode's MP3 to the folder"),
            );
            None
        }
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|p| {
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect();
            check.found.push(
                Diagnostic::error(
                    dir,
                    format!(
                        "several .mp3 files ({}): which one is the episode?",
                        names.join(", ")
                    ),
                )
                .help(format!(
                    "add `audio: {}` to episode.md, or remove the others",
                    names[0]
                )),
            );
            None
        }
    }
}

/// The transcript named by `transcript:`, or the only `.vtt`/`.srt` of the folder.
fn transcript_file(
    dir: &Path,
    named: Option<&Spanned<String>>,
    check: &mut Checker,
) -> Option<Transcript> {
    let source = match named {
        Some(value) => match paths::inside(dir, value.value.trim()) {
            Ok(path) => path,
            Err(e) => {
                check.error(value, e);
                return None;
            }
        },
        None => match files_with(dir, &["vtt", "srt"]).as_slice() {
            [one] => found_inside(dir, one, check)?,
            [] => return None,
            _ => {
                check.found.push(
                    Diagnostic::error(
                        dir,
                        "several transcripts (.vtt/.srt) in this episode folder",
                    )
                    .help("name the one to publish with `transcript:` in episode.md"),
                );
                return None;
            }
        },
    };
    let format = match paths::extension(&source).as_deref() {
        Some("vtt") => TranscriptFormat::Vtt,
        Some("srt") => TranscriptFormat::Srt,
        _ => {
            let value = named.expect("found files have a known extension");
            check.error_help(
                value,
                format!("`{}` is not a .vtt or .srt transcript", value.value),
                "export the transcript as WebVTT (.vtt) or SubRip (.srt)",
            );
            return None;
        }
    };
    let text = match std::fs::read_to_string(&source) {
        Ok(text) => text,
        Err(e) => {
            check.found.push(Diagnostic::error(
                &source,
                format!("cannot read the transcript as UTF-8 text: {e}"),
            ));
            return None;
        }
    };
    match transcript::parse(&text, format) {
        Ok(cues) => Some(Transcript {
            source,
            format,
            cues,
        }),
        Err((line, message)) => {
            check.found.push(
                Diagnostic::error(&source, message)
                    .at(line, 1)
                    .help("fix the transcript, or export it again from the transcription tool"),
            );
            None
        }
    }
}

/// `file`, found in `dir`, unless it is a link out of the folder (an error then).
fn found_inside(dir: &Path, file: &Path, check: &mut Checker) -> Option<PathBuf> {
    match paths::within(dir, file) {
        Ok(_) => Some(file.to_path_buf()),
        Err(e) => {
            check.found.push(Diagnostic::error(file, e));
            None
        }
    }
}

/// Files of `dir` whose lowercase extension is one of `extensions`, sorted.
fn files_with(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file() && paths::extension(p).is_some_and(|e| extensions.contains(&e.as_str()))
        })
        .collect();
    files.sort();
    files
}

fn chapters(raw: Vec<Spanned<RawChapter>>, check: &mut Checker) -> Vec<Chapter> {
    let mut chapters: Vec<Chapter> = Vec::with_capacity(raw.len());
    for item in raw {
        let pos = yaml::pos(&item, check.line_offset);
        let chapter = item.value;
        let start = match &chapter.start.value {
            Time::Seconds(s) if s.is_finite() && *s >= 0.0 => Ok((s * 1000.0).round() as u64),
            Time::Seconds(s) => Err(format!("`{s}` is not a time")),
            Time::Text(text) => times::chapter(text),
        };
        let start_ms = match start {
            Ok(ms) => ms,
            Err(e) => {
                check.error(&chapter.start, e);
                continue;
            }
        };
        if let Some(previous) = chapters.last().filter(|p| p.start_ms >= start_ms) {
            check.error_help(
                &chapter.start,
                format!(
                    "chapter « {} » starts at {}, not after the previous one ({})",
                    chapter.title,
                    times::clock(start_ms),
                    times::clock(previous.start_ms)
                ),
                "chapters must be listed in order, each starting after the previous one",
            );
        }
        let url = chapter.url.as_ref().and_then(|u| check.url(u, false));
        let img = chapter.img.as_ref().and_then(|u| check.url(u, false));
        chapters.push(Chapter {
            start_ms,
            title: chapter.title.trim().to_string(),
            url,
            img,
            pos,
        });
    }
    chapters
}

/// True when a title says its own number: « Épisode 12 : … », « #12 », « Ep. 12 – … ».
fn title_has_number(title: &str, number: u32) -> bool {
    let lower = deunicode::deunicode(title).to_lowercase();
    ["episode", "ep.", "ep", "#", "n°", "no."]
        .iter()
        .any(|marker| {
            lower.match_indices(marker).any(|(at, m)| {
                let rest = lower[at + m.len()..].trim_start();
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let starts_word =
                    at == 0 || !lower[..at].ends_with(|c: char| c.is_ascii_alphanumeric());
                starts_word && digits.parse::<u32>().is_ok_and(|n| n == number)
            })
        })
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
                    format!(
                        "GUID `{}` is already used by episode `{}`",
                        item.guid, first.slug
                    ),
                )
                .at_pos(item.positions.guid.unwrap_or_default())
                .help("every episode needs its own GUID; `carnets new` writes a fresh one"),
            );
        }
        if let Some(number) = item.number
            && let Some(first) = numbers.insert((item.season, number), item)
        {
            found.push(
                Diagnostic::error(
                    item.file(),
                    format!(
                        "episode number {number} is already used by episode `{}`",
                        first.slug
                    ),
                )
                .at_pos(item.positions.number)
                .help("give each episode of a season its own number"),
            );
        }
    }
}

#[cfg(test)]
mod tests;
