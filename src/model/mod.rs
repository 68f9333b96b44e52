//! The domain model: what is true about the show and its episodes once loaded and validated.
//!
//! Only the loaders (`config`, `episode`) build these types, and they validate everything on
//! the way in; renderers (`feed`, `site`, `audio::tag`) trust them.

use std::path::PathBuf;

use jiff::Zoned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::util::diag::Pos;

mod alternate;
mod media;
mod namespace;
pub use alternate::{Alternate, Codec, Format, kbits};
pub use media::{AudioInfo, Loudness, MpegVersion};
pub use namespace::{
    Extras, Image, ImageLocation, Location, RemoteItem, SocialInteract, Soundbite, Txt,
    UpdateFrequency, Value, ValueAddress, ValueRecipient, seconds,
};
mod target;
pub use target::Target;

/// The show, from `podcast.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Show {
    pub title: String,
    /// Markdown source of the description.
    pub description: String,
    /// The description rendered to HTML.
    pub description_html: String,
    /// Absolute `https://` URL of the published site, always ending in `/`.
    pub base_url: String,
    /// BCP 47 tag, e.g. `fr-FR`.
    pub language: String,
    pub author: String,
    pub owner: Owner,
    pub image: Artwork,
    /// Apple categories, the first one primary.
    pub categories: Vec<Category>,
    pub explicit: bool,
    pub show_type: ShowType,
    pub copyright: Option<String>,
    pub subtitle: Option<String>,
    pub keywords: Vec<String>,
    /// `podcast:guid`.
    pub guid: Uuid,
    /// True when `podcast.yaml` sets `guid:` (otherwise it is derived, or recorded in the lock).
    pub guid_is_set: bool,
    /// `podcast:locked`, when set.
    pub locked: Option<bool>,
    pub funding: Vec<Funding>,
    pub persons: Vec<Person>,
    /// `podcast:license`: an SPDX identifier such as `cc-by-4.0`.
    pub license: Option<String>,
    /// The licence text, for the identifiers carnets knows or when `podcast.yaml` gives it.
    pub license_url: Option<String>,
    #[serde(with = "zone")]
    pub timezone: jiff::tz::TimeZone,
    /// Where the audio is served from, ending in `/` (defaults to `base_url`).
    pub media_base_url: String,
    pub new_feed_url: Option<String>,
    /// Prepended to enclosure URLs, e.g. `https://op3.dev/e/`.
    pub analytics_prefix: Option<String>,
    /// The show in podcast apps, for the subscribe block.
    pub links: Vec<AppLink>,
    /// Keep raw HTML of the show notes as written (otherwise it is sanitised to a safe subset).
    pub unsafe_html: bool,
    /// `podcast:medium` (`podcast`, `music`, `audiobook`…), when set.
    pub medium: Option<String>,
    pub location: Option<Location>,
    pub txt: Vec<Txt>,
    pub update_frequency: Option<UpdateFrequency>,
    /// `itunes:block`: keep the show out of Apple Podcasts.
    pub block: bool,
    /// `itunes:complete`: no episode will ever be added.
    pub complete: bool,
    /// The encodings published beside each MP3.
    pub formats: Vec<Format>,
    /// Images, value, comments, AI disclosure of the show.
    pub extras: Extras,
    /// `podcast:podroll`: the shows it recommends.
    pub podroll: Vec<RemoteItem>,
    /// `podcast:publisher`: the feed of its publisher.
    pub publisher: Option<RemoteItem>,
    /// `podcast:podping usesPodping`, when set.
    pub podping: Option<bool>,
    /// `deploy:`: where `carnets deploy` publishes without `--to`.
    pub deploy: Option<Target>,
    /// `websub:`: the WebSub hubs the feed names (`atom:link rel="hub"`) and deploy pings.
    pub websub: Vec<String>,
    /// `pubnotify:`: the Podcast Index address deploy notifies of a new feed.
    pub pubnotify: Option<String>,
}

/// A time zone as its IANA name (a zone without one, as UTC).
mod zone {
    use jiff::tz::TimeZone;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(tz: &TimeZone, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(tz.iana_name().unwrap_or("UTC"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TimeZone, D::Error> {
        let name = String::deserialize(d)?;
        TimeZone::get(&name).map_err(serde::de::Error::custom)
    }
}

/// An empty show in UTC, for tests that set only what they check.
impl Default for Show {
    fn default() -> Self {
        Show {
            title: String::new(),
            description: String::new(),
            description_html: String::new(),
            base_url: String::new(),
            language: String::new(),
            author: String::new(),
            owner: Owner::default(),
            image: Artwork::default(),
            categories: Vec::new(),
            explicit: false,
            show_type: ShowType::default(),
            copyright: None,
            subtitle: None,
            keywords: Vec::new(),
            guid: Uuid::nil(),
            guid_is_set: false,
            locked: None,
            funding: Vec::new(),
            persons: Vec::new(),
            license: None,
            license_url: None,
            timezone: jiff::tz::TimeZone::UTC,
            media_base_url: String::new(),
            new_feed_url: None,
            analytics_prefix: None,
            links: Vec::new(),
            unsafe_html: false,
            medium: None,
            location: None,
            txt: Vec::new(),
            update_frequency: None,
            block: false,
            complete: false,
            formats: Vec::new(),
            extras: Extras::default(),
            podroll: Vec::new(),
            publisher: None,
            podping: None,
            deploy: None,
            websub: Vec::new(),
            pubnotify: None,
        }
    }
}

/// Where to find the show in one podcast app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppLink {
    /// The key of `links:` (`apple`, `spotify`…).
    pub app: String,
    /// The app's name, as listeners know it.
    pub name: String,
    pub url: String,
}

impl Show {
    /// Absolute URL of the feed.
    pub fn feed_url(&self) -> String {
        format!("{}feed.xml", self.base_url)
    }

    /// Where an episode's MP3 is served: `media_base_url` + `episodes/<slug>/<slug>.mp3`.
    pub fn media_url(&self, episode: &Episode) -> String {
        format!("{}{}", self.media_base_url, episode.audio_path())
    }

    /// The enclosure URL of an episode: [`Show::media_url`] behind the analytics prefix when
    /// there is one (see [`with_analytics_prefix`]). Only enclosures are measured: other links
    /// to the audio (`podcast:trailer`) are not downloads by a subscriber.
    pub fn enclosure_url(&self, episode: &Episode) -> String {
        self.download_url(&episode.audio_path())
    }

    /// Where a listener downloads a published file of the audio (`path`, relative to the
    /// output root): under `media_base_url`, behind the analytics prefix when there is one.
    pub fn download_url(&self, path: &str) -> String {
        let url = format!("{}{path}", self.media_base_url);
        match &self.analytics_prefix {
            Some(prefix) => with_analytics_prefix(prefix, &url),
            None => url,
        }
    }

    /// Absolute URL of a path of the published site (`path` has no leading `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

/// Puts `url` behind a measurement prefix the way OP3, Podtrac, Chartable and the like expect
/// it: the prefix, then the URL without its `https://` (`https://op3.dev/e/` +
/// `https://cdn.example.org/a.mp3` gives `https://op3.dev/e/cdn.example.org/a.mp3`). A URL in
/// another scheme keeps it (`https://op3.dev/e/http://…`), since the prefix service could not
/// guess it, and a `/` is added after a prefix that lacks one.
pub fn with_analytics_prefix(prefix: &str, url: &str) -> String {
    let rest = url.strip_prefix("https://").unwrap_or(url);
    let slash = if prefix.ends_with('/') { "" } else { "/" };
    format!("{prefix}{slash}{rest}")
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub name: String,
    pub email: String,
}

/// An Apple Podcasts category, with its optional subcategory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub name: String,
    pub sub: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShowType {
    #[default]
    Episodic,
    Serial,
}

impl ShowType {
    pub fn as_str(self) -> &'static str {
        match self {
            ShowType::Episodic => "episodic",
            ShowType::Serial => "serial",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funding {
    pub url: String,
    pub text: String,
}

/// A `podcast:person`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// Podcasting 2.0 role, lowercase (`host`, `guest`, …).
    pub role: String,
    /// Podcasting 2.0 group, lowercase (`cast`, …).
    pub group: String,
    pub href: Option<String>,
    pub img: Option<String>,
}

/// An image file to publish: where it is and the name it gets in the output.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Artwork {
    /// Source file.
    pub source: PathBuf,
    /// Path of the published copy, relative to the output root (e.g. `cover.jpg`,
    /// `episodes/001-bienvenue/cover.jpg`).
    pub published: String,
}

/// One episode, from `episodes/<slug>/episode.md` and its audio.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Episode {
    /// The folder name, `[a-z0-9-]+`.
    pub slug: String,
    /// The episode folder.
    pub dir: PathBuf,
    pub title: String,
    /// Publication date, in the show's timezone.
    pub date: Zoned,
    /// The item GUID, never changed once published.
    pub guid: String,
    /// The GUID is the episode's permanent URL (`isPermaLink="true"`, kept from an old feed).
    pub guid_permalink: bool,
    pub number: Option<u32>,
    pub season: Option<u32>,
    pub episode_type: EpisodeType,
    pub summary: Option<String>,
    pub explicit: Option<bool>,
    pub image: Option<Artwork>,
    /// The source MP3.
    pub audio: PathBuf,
    pub transcript: Option<Transcript>,
    pub persons: Vec<Person>,
    pub chapters: Vec<Chapter>,
    pub soundbites: Vec<Soundbite>,
    pub location: Option<Location>,
    /// `itunes:block`: keep this episode out of Apple Podcasts.
    pub block: bool,
    pub keywords: Vec<String>,
    pub draft: bool,
    /// The show notes rendered to HTML (footnote ids unique to this episode); shared, not
    /// copied, by the pages that show them.
    pub notes_html: std::sync::Arc<str>,
    /// What the MPEG stream says: exact duration, frames, byte range.
    pub media: AudioInfo,
    /// Byte size of the published (tagged) MP3: the enclosure length.
    pub published_size: u64,
    /// The SRI hash of the published MP3, when it has alternates to be listed with.
    pub integrity: Option<String>,
    /// The audio in the show's `formats`, published beside the MP3.
    pub alternates: Vec<Alternate>,
    /// Images, value, comments, AI disclosure of the episode.
    pub extras: Extras,
    /// Where the episode's identity is written in `episode.md`, for messages.
    pub positions: Positions,
}

/// Lines of `episode.md` that messages about an episode's identity point at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Positions {
    /// `guid:`, or `None` when the GUID is derived (not written in the file).
    pub guid: Option<Pos>,
    pub date: Pos,
    pub number: Pos,
}

impl Episode {
    /// Path of the episode page, relative to the output root, ending in `/`.
    pub fn page_path(&self) -> String {
        format!("episodes/{}/", self.slug)
    }

    /// Path of the published `chapters.json`, when the episode has chapters.
    pub fn chapters_path(&self) -> Option<String> {
        (!self.chapters.is_empty()).then(|| format!("episodes/{}/chapters.json", self.slug))
    }

    /// Path of the published transcript (as written: `.vtt` or `.srt`), when there is one.
    pub fn transcript_path(&self) -> Option<String> {
        self.transcript
            .as_ref()
            .map(|t| format!("episodes/{}/transcript.{}", self.slug, t.format.extension()))
    }

    /// Path of the published JSON transcript, when there is a transcript.
    pub fn transcript_json_path(&self) -> Option<String> {
        self.transcript
            .as_ref()
            .map(|_| format!("episodes/{}/transcript.json", self.slug))
    }

    /// The episode's `episode.md`.
    pub fn file(&self) -> PathBuf {
        self.dir.join("episode.md")
    }

    /// Path of the published MP3, relative to the output root.
    pub fn audio_path(&self) -> String {
        format!("episodes/{0}/{0}.mp3", self.slug)
    }

    /// Path of the audio published in `codec`, relative to the output root.
    pub fn alternate_path(&self, codec: Codec) -> String {
        format!("episodes/{0}/{0}.{1}", self.slug, codec.extension())
    }

    /// Where chapter `index` ends: at the next chapter's start, or at the end of the audio.
    pub fn chapter_end_ms(&self, index: usize) -> u64 {
        self.chapters
            .get(index + 1)
            .map_or(self.media.duration_ms(), |next| next.start_ms)
    }

    /// Duration in whole seconds, rounded to the nearest (what `itunes:duration` says).
    pub fn duration_secs(&self) -> u64 {
        (self.media.duration_ms() + 500) / 1000
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EpisodeType {
    #[default]
    Full,
    Trailer,
    Bonus,
}

impl EpisodeType {
    pub fn as_str(self) -> &'static str {
        match self {
            EpisodeType::Full => "full",
            EpisodeType::Trailer => "trailer",
            EpisodeType::Bonus => "bonus",
        }
    }
}

/// A chapter mark; its end is the next chapter's start, or the end of the audio.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    /// Start time in milliseconds.
    pub start_ms: u64,
    pub title: String,
    pub url: Option<String>,
    /// Absolute URL of the chapter's image.
    pub img: Option<String>,
    /// Where the chapter is written in `episode.md`.
    pub pos: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TranscriptFormat {
    Vtt,
    Srt,
}

impl TranscriptFormat {
    pub fn extension(self) -> &'static str {
        match self {
            TranscriptFormat::Vtt => "vtt",
            TranscriptFormat::Srt => "srt",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            TranscriptFormat::Vtt => "text/vtt",
            TranscriptFormat::Srt => "application/x-subrip",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    pub source: PathBuf,
    pub format: TranscriptFormat,
    /// The parsed cues, in order.
    pub cues: Vec<Cue>,
}

/// One cue of a transcript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub start_ms: u64,
    pub end_ms: u64,
    /// The speaker, from a WebVTT voice tag (`<v Hélène>`).
    pub speaker: Option<String>,
    /// Plain text: markup removed, entities decoded, lines joined by spaces.
    pub text: String,
    /// Line of the cue's timing line, for messages.
    #[serde(skip)]
    pub line: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analytics_prefix_takes_the_url_without_https() {
        assert_eq!(
            with_analytics_prefix("https://op3.dev/e/", "https://cdn.example.org/e/a.mp3"),
            "https://op3.dev/e/cdn.example.org/e/a.mp3"
        );
        assert_eq!(
            with_analytics_prefix(
                "https://dts.podtrac.com/redirect.mp3",
                "https://cdn.example.org/a.mp3"
            ),
            "https://dts.podtrac.com/redirect.mp3/cdn.example.org/a.mp3"
        );
        assert_eq!(
            with_analytics_prefix("https://op3.dev/e/", "http://old.example.org/a.mp3"),
            "https://op3.dev/e/http://old.example.org/a.mp3"
        );
    }
}
