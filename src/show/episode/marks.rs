//! Marks in time of an episode, from the front matter: chapters and soundbites, checked
//! against each other here and against the audio once it is measured (`check_in_audio`).

use super::front_matter::{RawChapter, RawSoundbite, Time};
use crate::model::{Chapter, Soundbite};
use crate::show::checker::Checker;
use crate::show::times;
use crate::show::yaml::{self, Spanned};
use crate::t;
use crate::util::diag::Diagnostic;
use crate::util::i18n::{self, Lang};

/// Soundbites the Podcasting 2.0 namespace recommends last 15 to 120 seconds.
const SOUNDBITE_MS: std::ops::RangeInclusive<u64> = 15_000..=120_000;
/// Longest soundbite title.
const MAX_SOUNDBITE_TITLE: usize = 128;

/// A time as written: `"03:15"`, `"03:15.250"` or a number of seconds.
fn time_ms(time: &Time) -> Result<u64, String> {
    match time {
        Time::Seconds(s) if s.is_finite() && *s >= 0.0 => Ok((s * 1000.0).round() as u64),
        Time::Seconds(s) => Err(t!("show-seconds-invalid", value = s.to_string())),
        Time::Text(text) => times::chapter(text),
    }
}

pub(super) fn chapters(raw: Vec<Spanned<RawChapter>>, check: &mut Checker) -> Vec<Chapter> {
    let mut chapters: Vec<Chapter> = Vec::with_capacity(raw.len());
    for item in raw {
        let pos = yaml::pos(&item, check.line_offset);
        let chapter = item.value;
        let start_ms = match time_ms(&chapter.start.value) {
            Ok(ms) => ms,
            Err(e) => {
                check.error(&chapter.start, e);
                continue;
            }
        };
        if let Some(previous) = chapters.last().filter(|p| p.start_ms >= start_ms) {
            check.error_help(
                &chapter.start,
                t!(
                    "show-chapter-order",
                    title = chapter.title.as_str(),
                    start = times::clock(start_ms),
                    previous = times::clock(previous.start_ms)
                ),
                &t!("show-chapter-order-help"),
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
pub(super) fn title_has_number(title: &str, number: u32) -> bool {
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

/// `soundbites:` of the front matter; the end of each is checked against the audio later.
pub(super) fn soundbites(raw: Vec<Spanned<RawSoundbite>>, check: &mut Checker) -> Vec<Soundbite> {
    let mut soundbites = Vec::with_capacity(raw.len());
    for item in raw {
        let pos = yaml::pos(&item, check.line_offset);
        let bite = item.value;
        let start = time_ms(&bite.start.value).map_err(|e| check.error(&bite.start, e));
        let duration = time_ms(&bite.duration.value).map_err(|e| check.error(&bite.duration, e));
        let title = match &bite.title {
            Some(t) => check.short_text(t, "soundbites.title", MAX_SOUNDBITE_TITLE, false),
            None => None,
        };
        let (Ok(start_ms), Ok(duration_ms)) = (start, duration) else {
            continue;
        };
        if duration_ms == 0 {
            check.error(&bite.duration, t!("show-soundbite-empty"));
            continue;
        }
        if !SOUNDBITE_MS.contains(&duration_ms) {
            check.warning(
                &bite.duration,
                t!("show-soundbite-length", seconds = seconds(duration_ms)),
                &t!("show-soundbite-length-help"),
            );
        }
        soundbites.push(Soundbite {
            start_ms,
            duration_ms,
            title: title.filter(|t| !t.is_empty()),
            pos,
        });
    }
    soundbites
}

/// Seconds as the namespace writes them (`73.5`), with the language's decimal separator.
fn seconds(ms: u64) -> String {
    let text = crate::model::seconds(ms);
    match i18n::lang() {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

/// Chapters must start, and soundbites end, inside the audio (`duration_ms` long).
pub(super) fn check_in_audio(
    chapters: &[Chapter],
    soundbites: &[Soundbite],
    duration_ms: u64,
    check: &mut Checker,
) {
    let end = times::clock(duration_ms);
    for chapter in chapters.iter().filter(|c| c.start_ms >= duration_ms) {
        check.found.push(
            Diagnostic::error(
                check.path,
                t!(
                    "show-chapter-after-end",
                    title = chapter.title.as_str(),
                    start = times::clock(chapter.start_ms),
                    end = end.as_str()
                ),
            )
            .at_pos(chapter.pos)
            .help(t!("show-chapter-after-end-help")),
        );
    }
    for bite in soundbites
        .iter()
        .filter(|b| b.start_ms + b.duration_ms > duration_ms)
    {
        check.found.push(
            Diagnostic::error(
                check.path,
                t!(
                    "show-soundbite-after-end",
                    start = times::clock(bite.start_ms),
                    stop = times::clock(bite.start_ms + bite.duration_ms),
                    end = end.as_str()
                ),
            )
            .at_pos(bite.pos)
            .help(t!("show-soundbite-after-end-help")),
        );
    }
}
