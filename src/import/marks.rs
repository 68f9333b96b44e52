//! Marks in time from the old feed — chapters (Podcasting 2.0 JSON or Podlove Simple
//! Chapters), soundbites — as front-matter entries, held to what `carnets check` accepts once
//! the audio is measured: in order, inside the audio. The rest is left out, with a warning.

use serde::Deserialize;

use super::Found;
use super::old::{PscChapter, Soundbite};
use super::write::{flow, quote};
use crate::show::times;
use crate::show::validate;
use crate::t;
use crate::util::i18n;

/// A chapter read from the old feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    pub start_ms: u64,
    pub title: String,
    pub url: String,
    pub img: String,
}

#[derive(Deserialize)]
struct JsonChapters {
    chapters: Vec<JsonChapter>,
}

#[derive(Deserialize)]
struct JsonChapter {
    #[serde(rename = "startTime")]
    start_time: f64,
    #[serde(default)]
    title: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    img: String,
    /// `false` marks a chapter that players do not list (a change of artwork only).
    #[serde(default = "listed")]
    toc: bool,
}

fn listed() -> bool {
    true
}

/// Podcasting 2.0 JSON chapters (`application/json+chapters`).
pub fn from_json(bytes: &[u8]) -> Result<Vec<Chapter>, String> {
    let parsed: JsonChapters = serde_json::from_slice(bytes)
        .map_err(|e| t!("import-json-chapters-invalid", error = e.to_string()))?;
    Ok(parsed
        .chapters
        .into_iter()
        .filter(|c| c.toc && c.start_time.is_finite() && c.start_time >= 0.0)
        .map(|c| Chapter {
            start_ms: (c.start_time * 1000.0).round() as u64,
            title: c.title,
            url: c.url,
            img: c.img,
        })
        .collect())
}

/// Podlove Simple Chapters; a start that is not a time is left out.
pub fn from_psc(raw: &[PscChapter], found: &mut Found) -> Vec<Chapter> {
    raw.iter()
        .filter_map(|c| match psc_time(&c.start) {
            Some(start_ms) => Some(Chapter {
                start_ms,
                title: c.title.clone(),
                url: c.href.clone(),
                img: c.image.clone(),
            }),
            None => {
                found.warn(
                    t!(
                        "import-chapter-bad-time",
                        title = c.title.as_str(),
                        start = c.start.as_str()
                    ),
                    t!("import-chapter-bad-time-help"),
                );
                None
            }
        })
        .collect()
}

/// Normal Play Time as Podlove writes it: `HH:MM:SS.mmm`, `MM:SS`, `SS`, the fraction of any
/// length.
fn psc_time(text: &str) -> Option<u64> {
    let (clock, fraction) = match text.trim().split_once('.') {
        Some((clock, fraction)) => (clock, fraction),
        None => (text.trim(), ""),
    };
    let millis = format!("{:0<3}", fraction.get(..fraction.len().min(3))?);
    let millis: u64 = if fraction.is_empty() {
        0
    } else {
        millis.parse().ok()?
    };
    let seconds = times::chapter(clock).ok()? / 1000;
    Some(seconds * 1000 + millis)
}

/// The chapters as front-matter entries: sorted, one per start, each inside `duration_ms`.
pub fn chapter_entries(
    mut chapters: Vec<Chapter>,
    duration_ms: u64,
    found: &mut Found,
) -> Vec<String> {
    chapters.sort_by_key(|c| c.start_ms);
    chapters.dedup_by_key(|c| c.start_ms);
    let past: Vec<&Chapter> = chapters
        .iter()
        .filter(|c| c.start_ms >= duration_ms)
        .collect();
    if let Some(first) = past.first() {
        found.warn(
            t!(
                "import-chapters-past-end",
                count = past.len(),
                duration = times::clock(duration_ms),
                title = first.title.as_str(),
                start = times::clock(first.start_ms)
            ),
            t!("import-chapters-past-end-help"),
        );
    }
    chapters
        .iter()
        .filter(|c| c.start_ms < duration_ms)
        .enumerate()
        .map(|(index, c)| {
            let title = if c.title.trim().is_empty() {
                format!("Chapitre {}", index + 1)
            } else {
                c.title.trim().to_string()
            };
            flow(&[
                ("start", quote(&clock_ms(c.start_ms))),
                ("title", quote(&title)),
                ("url", web(&c.url)),
                ("img", web(&c.img)),
            ])
        })
        .collect()
}

/// Soundbites as front-matter entries, each ending inside the audio.
pub fn soundbite_entries(raw: &[Soundbite], duration_ms: u64, found: &mut Found) -> Vec<String> {
    raw.iter()
        .filter_map(|bite| {
            let seconds = |t: &str| {
                t.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .map(|s| (s * 1000.0).round() as u64)
            };
            let (Some(start), Some(length)) = (seconds(&bite.start), seconds(&bite.duration))
            else {
                found.warn(
                    t!(
                        "import-soundbite-not-seconds",
                        start = bite.start.as_str(),
                        length = bite.duration.as_str()
                    ),
                    t!("import-soundbite-not-seconds-help"),
                );
                return None;
            };
            if length == 0 || start + length > duration_ms {
                // As `soundbites:` writes it (`12.5`), with the language's decimal separator.
                let lasting = crate::model::seconds(length);
                let lasting = match i18n::lang() {
                    i18n::Lang::En => lasting,
                    i18n::Lang::Fr => lasting.replace('.', ","),
                };
                found.warn(
                    t!(
                        "import-soundbite-outside",
                        start = times::clock(start),
                        length = lasting,
                        duration = times::clock(duration_ms)
                    ),
                    t!("import-soundbite-outside-help"),
                );
                return None;
            }
            let title: String = bite.title.trim().chars().take(128).collect();
            Some(flow(&[
                ("start", quote(&clock_ms(start))),
                ("duration", crate::model::seconds(length)),
                (
                    "title",
                    if title.is_empty() {
                        title
                    } else {
                        quote(&title)
                    },
                ),
            ]))
        })
        .collect()
}

/// `H:MM:SS.mmm`, a chapter time carnets reads back exactly.
fn clock_ms(ms: u64) -> String {
    let s = ms / 1000;
    format!(
        "{}:{:02}:{:02}.{:03}",
        s / 3600,
        s / 60 % 60,
        s % 60,
        ms % 1000
    )
}

/// A quoted `http(s)://` address, or nothing (what carnets would refuse).
fn web(url: &str) -> String {
    if validate::url(url.trim(), false).is_ok() {
        quote(url.trim())
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_chapters_and_podlove_chapters_read_the_same() {
        let json = br#"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Intro"},{"startTime":75.5,"title":"Suite","url":"https://exemple.fr"},{"startTime":80,"toc":false,"img":"https://x/i.jpg"}]}"#;
        let from_json = from_json(json).unwrap();
        let mut found = Found::channel("feed");
        let psc = [
            PscChapter {
                start: "00:00:00.000".into(),
                title: "Intro".into(),
                ..PscChapter::default()
            },
            PscChapter {
                start: "01:15.5".into(),
                title: "Suite".into(),
                href: "https://exemple.fr".into(),
                ..PscChapter::default()
            },
        ];
        assert_eq!(from_json, from_psc(&psc, &mut found));
        let entries = chapter_entries(from_json, 60_000 * 2, &mut found);
        assert_eq!(
            entries[1],
            "{ start: \"0:01:15.500\", title: \"Suite\", url: \"https://exemple.fr\" }"
        );
        assert_eq!(crate::show::times::chapter("0:01:15.500"), Ok(75_500));
    }

    #[test]
    fn chapters_and_soundbites_past_the_end_are_left_out_with_a_warning() {
        let mut found = Found::channel("feed");
        let chapters = vec![
            Chapter {
                start_ms: 0,
                title: "a".into(),
                url: "javascript:alert(1)".into(),
                img: String::new(),
            },
            Chapter {
                start_ms: 90_000,
                title: "b".into(),
                url: String::new(),
                img: String::new(),
            },
        ];
        let entries = chapter_entries(chapters, 60_000, &mut found);
        assert_eq!(entries, ["{ start: \"0:00:00.000\", title: \"a\" }"]);
        let bites = [
            Soundbite {
                start: "50".into(),
                duration: "20".into(),
                title: String::new(),
            },
            Soundbite {
                start: "10".into(),
                duration: "30.5".into(),
                title: "Le moment".into(),
            },
        ];
        let entries = soundbite_entries(&bites, 60_000, &mut found);
        assert_eq!(
            entries,
            ["{ start: \"0:00:10.000\", duration: 30.5, title: \"Le moment\" }"]
        );
        assert_eq!(found.done().len(), 2);
    }
}
