//! One item → one episode folder. Everything is made in a folder of its own under
//! `.carnets/import/` (downloads resumed there after an interruption) and renamed into
//! `episodes/` only once complete, so an episode folder is either whole or absent.

use std::path::{Path, PathBuf};

use super::artwork::Whose;
use super::download::{self, Bars};
use super::fetch::{FetchError, Fetcher, What};
use super::old::{Item, Link, TranscriptLink};
use super::plan::Planned;
use super::write::{self, Yaml};
use super::{Found, marks, notes, show};
use crate::model::TranscriptFormat;
use crate::show::transcript;
use crate::t;
use crate::util::diag::Diagnostic;

/// Largest chapters file, transcript or artwork accepted.
const MAX_SIDE_FILE: u64 = 32 << 20;

/// What every episode's import shares.
pub struct Context<'a> {
    pub fetcher: &'a Fetcher,
    /// The podcast folder.
    pub root: &'a Path,
    /// Where episodes are made before they move into `episodes/`.
    pub work: &'a Path,
    /// The show's artwork address (items that repeat it get no artwork of their own).
    pub show_image: &'a str,
    pub show_license: Option<&'a Link>,
    pub bars: &'a Bars,
}

/// Imports one episode; returns what was found (an error: the episode is not imported), and
/// the old host whose footer was taken off its notes.
pub fn import(
    ctx: &Context<'_>,
    planned: &Planned,
    number: Option<u32>,
) -> (Vec<Diagnostic>, Option<&'static str>) {
    let mut found = Found::item(&planned.item);
    if let Err(e) = make(ctx, planned, number, &mut found) {
        found.failed(e);
    }
    let footer = found.footer;
    (found.done(), footer)
}

fn make(
    ctx: &Context<'_>,
    planned: &Planned,
    number: Option<u32>,
    found: &mut Found,
) -> Result<(), FetchError> {
    let item = &planned.item;
    let slug = &planned.slug;
    let dir = ctx.work.join(slug);
    let io = |e: std::io::Error, path: &Path| FetchError {
        url: path.display().to_string(),
        message: t!("import-cannot-write-it", error = e.to_string()),
        help: t!("import-space-help"),
    };
    std::fs::create_dir_all(&dir).map_err(|e| io(e, &dir))?;
    let mut front = Yaml::default();
    let title = [&item.title, &item.itunes_title]
        .into_iter()
        .find(|t| !t.is_empty())
        .cloned()
        .unwrap_or_else(|| slug.clone());
    front
        .text("title", &title)
        .plain("date", planned.date.rfc3339())
        .text("guid", &planned.guid);
    if planned.permalink {
        front.plain("guid_permalink", true);
    }
    if let Some(number) = number {
        front.plain("number", number);
    }
    if let Ok(season) = item.season.parse::<u32>() {
        front.plain("season", season);
    }
    let kind = item.episode_type.to_ascii_lowercase();
    if kind == "trailer" || kind == "bonus" {
        front.plain("type", kind);
    }
    let (notes, summary) = notes::episode_words(item, found);
    if let Some(summary) = summary {
        front.text("summary", &summary);
    }
    if !item.explicit.is_empty() {
        front.plain("explicit", show::is_yes(&item.explicit));
    }
    let duration_ms = match &item.enclosure {
        Some(enclosure) => {
            let url = absolute(&enclosure.url, &item.page)?;
            let part = ctx.work.join(format!("{slug}.mp3.part"));
            let info = download::audio(
                ctx.fetcher,
                &url,
                &part,
                &dir.join(format!("{slug}.mp3")),
                ctx.bars,
            )?;
            Some(info.duration_ms())
        }
        None => {
            found.warn(t!("import-no-audio"), t!("import-no-audio-help"));
            None
        }
    };
    if let Some(image) = artwork(ctx, item, &dir, found)? {
        front.text("image", &image);
    }
    let end = duration_ms.unwrap_or(u64::MAX);
    front.list("persons", &show::persons(&item.persons, found));
    let chapters = chapters(ctx, item, found);
    front.list("chapters", &marks::chapter_entries(chapters, end, found));
    front.list(
        "soundbites",
        &marks::soundbite_entries(&item.soundbites, end, found),
    );
    if let Some(location) = item
        .location
        .as_ref()
        .and_then(|l| show::location(l, found))
    {
        front.plain("location", location);
    }
    if !item.keywords.trim().is_empty() {
        front.text("keywords", item.keywords.trim());
    }
    if show::is_yes(&item.block) {
        front.plain("block", true);
    }
    if duration_ms.is_none() {
        front.plain("draft", true);
    }
    if let Some(license) = item
        .license
        .as_ref()
        .filter(|l| Some(*l) != ctx.show_license)
    {
        found.warn(
            t!("import-license-differs", license = license.text.as_str()),
            t!("import-license-differs-help"),
        );
    }
    transcript(ctx, item, &dir, found);
    let episode_md = write::episode_md(&front.finish(), &notes);
    let md = dir.join("episode.md");
    write::file(&md, episode_md.as_bytes()).map_err(|e| io(e, &md))?;
    let episodes = ctx.root.join("episodes");
    std::fs::create_dir_all(&episodes).map_err(|e| io(e, &episodes))?;
    std::fs::rename(&dir, episodes.join(slug)).map_err(|e| io(e, &episodes.join(slug)))
}

/// An address of the feed made absolute against the page it is on; only `http(s)://` (a
/// `file://` or a relative path of a local feed is refused).
fn absolute(url: &str, page: &str) -> Result<String, FetchError> {
    let joined = url::Url::parse(page)
        .ok()
        .filter(|p| p.scheme().starts_with("http"))
        .and_then(|p| p.join(url.trim()).ok());
    let parsed = joined.or_else(|| url::Url::parse(url.trim()).ok());
    match parsed {
        Some(u) if u.scheme() == "http" || u.scheme() == "https" => Ok(u.to_string()),
        _ => Err(FetchError {
            url: url.to_string(),
            message: t!("import-not-web-address"),
            help: t!("import-not-web-address-help"),
        }),
    }
}

/// The item's own artwork, downloaded; named in the front matter only when Apple's rules
/// accept it (otherwise kept in the folder, with a warning).
fn artwork(
    ctx: &Context<'_>,
    item: &Item,
    dir: &Path,
    found: &mut Found,
) -> Result<Option<String>, FetchError> {
    if item.image.is_empty() || item.image == ctx.show_image {
        return Ok(None);
    }
    let url = absolute(&item.image, &item.page)?;
    let Some(super::artwork::Saved { name, problems, .. }) =
        super::artwork::save(ctx.fetcher, &url, dir, Whose::Episode, found)
    else {
        return Ok(None);
    };
    if problems.is_empty() {
        return Ok(Some(name));
    }
    found.warn(
        t!(
            "import-artwork-left-out",
            name = name,
            problems = problems.join(&t!("import-list-separator"))
        ),
        t!("import-artwork-left-out-help"),
    );
    Ok(None)
}

fn chapters(ctx: &Context<'_>, item: &Item, found: &mut Found) -> Vec<marks::Chapter> {
    let Some((url, _)) = &item.chapters else {
        return marks::from_psc(&item.psc, found);
    };
    let fetched = absolute(url, &item.page)
        .and_then(|url| ctx.fetcher.bytes(&url, MAX_SIDE_FILE, What::Chapters));
    match fetched.map(|(_, bytes)| marks::from_json(&bytes)) {
        Ok(Ok(chapters)) => chapters,
        Ok(Err(why)) => {
            found.warn(
                t!(
                    "import-chapters-unreadable",
                    url = url.as_str(),
                    error = why
                ),
                t!("import-chapters-unreadable-help"),
            );
            marks::from_psc(&item.psc, found)
        }
        Err(e) => {
            found.warn(
                t!(
                    "import-chapters-not-downloaded",
                    url = e.url,
                    error = e.message
                ),
                t!("import-chapters-not-downloaded-help"),
            );
            marks::from_psc(&item.psc, found)
        }
    }
}

/// The transcript, WebVTT or SubRip preferred, downloaded into the folder. One that does not
/// parse, or of another kind, is kept under a name carnets does not publish, with a warning.
fn transcript(ctx: &Context<'_>, item: &Item, dir: &Path, found: &mut Found) {
    let rank = |t: &TranscriptLink| match kind(t) {
        Some(TranscriptFormat::Vtt) => 0,
        Some(TranscriptFormat::Srt) => 1,
        None => 2,
    };
    let Some(best) = item.transcripts.iter().min_by_key(|t| rank(t)) else {
        return;
    };
    let got = absolute(&best.url, &item.page)
        .and_then(|url| ctx.fetcher.bytes(&url, MAX_SIDE_FILE, What::Transcript));
    let bytes = match got {
        Ok((_, bytes)) => bytes,
        Err(e) => {
            found.warn(
                t!(
                    "import-transcript-not-downloaded",
                    url = e.url,
                    error = e.message
                ),
                t!("import-transcript-not-downloaded-help"),
            );
            return;
        }
    };
    let (name, problem) = match kind(best) {
        Some(format) => match std::str::from_utf8(&bytes)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                transcript::parse(text, format)
                    .map_err(|(line, why)| t!("import-at-line", line = line, error = why))
            }) {
            Ok(_) => (format!("transcript.{}", format.extension()), None),
            Err(why) => (
                format!("transcript-old.{}.txt", format.extension()),
                Some(Unpublished::Unparsed(why)),
            ),
        },
        None => (
            format!(
                "transcript-old.{}.txt",
                best.mime.rsplit('/').next().unwrap_or("txt")
            ),
            Some(Unpublished::OtherKind),
        ),
    };
    let path: PathBuf = dir.join(&name);
    if !write::file_or_warn(&path, &bytes, found) {
        return;
    }
    if let Some(problem) = problem {
        let message = match problem {
            Unpublished::Unparsed(why) => {
                t!(
                    "import-transcript-unparsed",
                    name = name.as_str(),
                    error = why
                )
            }
            Unpublished::OtherKind => t!(
                "import-transcript-other-kind",
                name = name.as_str(),
                mime = best.mime.as_str()
            ),
        };
        found.warn(message, t!("import-transcript-help"));
    }
}

/// Why a transcript is kept but not published.
enum Unpublished {
    /// It does not parse (why).
    Unparsed(String),
    /// It is neither WebVTT nor SubRip.
    OtherKind,
}

fn kind(link: &TranscriptLink) -> Option<TranscriptFormat> {
    match link.mime.to_ascii_lowercase().as_str() {
        "text/vtt" => Some(TranscriptFormat::Vtt),
        "application/x-subrip" | "application/srt" | "text/srt" => Some(TranscriptFormat::Srt),
        _ => None,
    }
}
