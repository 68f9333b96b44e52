//! What templates see: plain serializable values built from the domain model, with every
//! URL, date and duration already computed, so themes hold no logic beyond layout.
//! URLs come from `urls.rs`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::extras::{self, CommentsCtx, RecommendationCtx, SourceCtx, ValueCtx};
use super::locale::Locale;
use super::text::{excerpt, iso_duration};
use super::transcript::{ParagraphCtx, clock, paragraphs, seconds};
pub use super::urls::{Link, SEARCH_INDEX, SEARCH_PAGE, Urls};
use crate::model::{Chapter, Episode, Person, Show};
use crate::util::html::to_one_line;
use crate::util::typography::smart_punctuation;

/// The show, given to every template as `site`.
#[derive(Clone, Debug, Serialize)]
pub struct SiteCtx {
    /// With the notes' typography (`l’IA`); the feed keeps it as written.
    pub title: String,
    pub subtitle: Option<String>,
    /// The description rendered from Markdown: print with `|safe`.
    pub description_html: String,
    /// The description as plain text, for `<meta name="description">`.
    pub description_text: String,
    /// BCP 47 tag as written in `podcast.yaml` (`fr-FR`).
    pub language: String,
    /// The primary language subtag, for `<html lang>` (`fr`).
    pub lang: String,
    /// OpenGraph locale (`fr_FR`).
    pub og_locale: String,
    /// Absolute URL of the site, ending in `/`.
    pub base_url: String,
    /// Root-relative URL of the site's home (`/`, or `/sub/`).
    pub root: String,
    pub author: String,
    pub copyright: Option<String>,
    pub license: Option<String>,
    /// A link to the license text, for the Creative Commons licenses.
    pub license_url: Option<String>,
    pub explicit: bool,
    pub keywords: Vec<String>,
    /// Apple categories as written (`Business/Entrepreneurship`).
    pub categories: Vec<String>,
    /// Hosts and other credits of the show.
    pub persons: Vec<PersonCtx>,
    pub funding: Vec<LinkText>,
    /// The show in podcast apps (`links:` of `podcast.yaml`), in a fixed order.
    pub links: Vec<AppLinkCtx>,
    pub image: ImageCtx,
    pub feed: Link,
    /// The search page.
    pub search: Link,
    /// Published theme assets by name (`style.css`) → root-relative URL with a content hash.
    pub assets: BTreeMap<String, String>,
    /// The shows it recommends (`podroll:`).
    pub podroll: Vec<RecommendationCtx>,
    /// Who listeners can pay in Lightning (`value:`).
    pub value: Option<ValueCtx>,
    /// Where the show's comments are.
    pub comments: Vec<CommentsCtx>,
    /// What AI did in making the show.
    pub ai_content: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LinkText {
    pub url: String,
    pub text: String,
}

/// Where to find the show in one podcast app.
#[derive(Clone, Debug, Serialize)]
pub struct AppLinkCtx {
    /// The key of `links:` (`apple`, `spotify`…), e.g. for a CSS class.
    pub app: String,
    /// The app's name, as listeners know it (« Apple Podcasts »).
    pub name: String,
    pub url: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ImageCtx {
    pub url: String,
    pub abs_url: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct PersonCtx {
    pub name: String,
    /// `host`, `guest`…
    pub role: String,
    /// The role in the show's language (« Invité·e »).
    pub role_label: String,
    pub group: String,
    pub href: Option<String>,
    pub img: Option<String>,
}

/// One episode, given as `episode` on its page and in `episodes` on archive pages.
#[derive(Clone, Debug, Serialize)]
pub struct EpisodeCtx {
    pub slug: String,
    /// With the notes' typography (`l’IA`); the feed keeps it as written.
    pub title: String,
    pub url: String,
    pub abs_url: String,
    pub guid: String,
    pub date: DateCtx,
    pub duration: DurationCtx,
    pub number: Option<u32>,
    pub season: Option<u32>,
    /// `full`, `trailer` or `bonus`.
    pub episode_type: String,
    pub summary: Option<String>,
    /// The summary, or the start of the notes, as plain text for `<meta name="description">`.
    pub description: String,
    pub explicit: bool,
    /// The episode's artwork, or the show's when it has none.
    pub image: ImageCtx,
    pub has_own_image: bool,
    pub audio: AudioCtx,
    /// The show notes rendered from Markdown: print with `|safe`.
    pub notes_html: std::sync::Arc<str>,
    pub chapters: Vec<ChapterCtx>,
    pub persons: Vec<PersonCtx>,
    pub keywords: Vec<String>,
    pub transcript: Option<TranscriptCtx>,
    /// The audio in the show's `formats`, offered by the player before the MP3.
    pub sources: Vec<SourceCtx>,
    /// Who listeners can pay for this episode, when it has its own `value:`.
    pub value: Option<ValueCtx>,
    /// Where the episode's comments are.
    pub comments: Vec<CommentsCtx>,
    /// What AI did in making the episode (its own `ai_content:`, else the show's).
    pub ai_content: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DateCtx {
    /// RFC 3339 with the offset, for `<time datetime>`.
    pub iso: String,
    /// `YYYY-MM-DD`.
    pub day: String,
    /// As a reader says it (« 1er janvier 2026 »).
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct DurationCtx {
    pub secs: u64,
    /// ISO 8601 duration (`PT42M10S`), for `<time datetime>`.
    pub iso: String,
    /// As a listener reads it (« 42 min »).
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct AudioCtx {
    pub url: String,
    pub abs_url: String,
    pub mime: String,
    /// Byte size of the published MP3.
    pub size: u64,
    /// The size as a reader reads it (« 147 ko »).
    pub size_text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChapterCtx {
    pub start_ms: u64,
    /// Start in whole seconds.
    pub start_secs: u64,
    /// Start in seconds with the milliseconds (`10.374`), for a media fragment (`#t=10.374`)
    /// and the player's `data-start`.
    pub start: String,
    /// `0:10`, `12:05`, `1:02:03`.
    pub timestamp: String,
    /// ISO 8601 duration from the start, for `<time datetime>`.
    pub iso: String,
    pub title: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TranscriptCtx {
    pub url: String,
    pub abs_url: String,
    pub mime: String,
    /// `vtt` or `srt`.
    pub format: String,
    /// The cues as readable paragraphs: consecutive cues of one speaker together.
    pub paragraphs: Vec<ParagraphCtx>,
}

pub fn site(show: &Show, locale: Locale, urls: &Urls, assets: BTreeMap<String, String>) -> SiteCtx {
    let lang = show
        .language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let og_locale = show.language.replace('-', "_");
    let image = urls.link(&show.image.published);
    SiteCtx {
        title: smart_punctuation(&show.title),
        subtitle: show.subtitle.clone(),
        description_html: show.description_html.clone(),
        description_text: excerpt(&to_one_line(&show.description_html), 200),
        language: show.language.clone(),
        lang,
        og_locale,
        base_url: show.base_url.clone(),
        root: urls.root().to_string(),
        author: show.author.clone(),
        copyright: show.copyright.clone(),
        license_url: show.license_url.clone(),
        license: show.license.clone(),
        explicit: show.explicit,
        keywords: show.keywords.clone(),
        categories: show
            .categories
            .iter()
            .map(|c| match &c.sub {
                Some(sub) => format!("{}/{sub}", c.name),
                None => c.name.clone(),
            })
            .collect(),
        persons: show.persons.iter().map(|p| person(p, locale)).collect(),
        funding: show
            .funding
            .iter()
            .map(|f| LinkText {
                url: f.url.clone(),
                text: f.text.clone(),
            })
            .collect(),
        links: show
            .links
            .iter()
            .map(|l| AppLinkCtx {
                app: l.app.clone(),
                name: l.name.clone(),
                url: l.url.clone(),
            })
            .collect(),
        image: ImageCtx {
            url: image.url,
            abs_url: image.abs_url,
        },
        feed: urls.link("feed.xml"),
        search: urls.link(SEARCH_PAGE),
        assets,
        podroll: extras::podroll(&show.podroll),
        value: extras::value(show.extras.value.as_ref()),
        comments: extras::comments(&show.extras.social),
        ai_content: show.extras.ai_content.clone(),
    }
}

pub fn episode(episode: &Episode, site: &SiteCtx, locale: Locale, urls: &Urls) -> EpisodeCtx {
    let page = urls.link(&episode.page_path());
    let audio = urls.media(&episode.audio_path());
    let secs = episode.duration_secs();
    let image = match &episode.image {
        Some(art) => {
            let link = urls.link(&art.published);
            ImageCtx {
                url: link.url,
                abs_url: link.abs_url,
            }
        }
        None => site.image.clone(),
    };
    let description = match &episode.summary {
        Some(summary) => summary.clone(),
        None => excerpt(&to_one_line(&episode.notes_html), 200),
    };
    let transcript = episode
        .transcript
        .as_ref()
        .zip(episode.transcript_path())
        .map(|(t, path)| {
            let link = urls.link(&path);
            TranscriptCtx {
                url: link.url,
                abs_url: link.abs_url,
                mime: t.format.mime().to_string(),
                format: t.format.extension().to_string(),
                paragraphs: paragraphs(&t.cues),
            }
        });
    EpisodeCtx {
        slug: episode.slug.clone(),
        title: smart_punctuation(&episode.title),
        url: page.url,
        abs_url: page.abs_url,
        guid: episode.guid.clone(),
        date: DateCtx {
            iso: episode.date.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            day: episode.date.strftime("%Y-%m-%d").to_string(),
            text: locale.date(&episode.date),
        },
        duration: DurationCtx {
            secs,
            iso: iso_duration(secs),
            text: locale.duration(secs),
        },
        number: episode.number,
        season: episode.season,
        episode_type: episode.episode_type.as_str().to_string(),
        summary: episode.summary.clone(),
        description,
        explicit: episode.explicit.unwrap_or(site.explicit),
        has_own_image: episode.image.is_some(),
        image,
        audio: AudioCtx {
            url: audio.url,
            abs_url: audio.abs_url,
            mime: "audio/mpeg".to_string(),
            size: episode.published_size,
            size_text: locale.size(episode.published_size),
        },
        notes_html: episode.notes_html.clone(),
        chapters: episode.chapters.iter().map(chapter).collect(),
        persons: episode.persons.iter().map(|p| person(p, locale)).collect(),
        keywords: episode.keywords.clone(),
        transcript,
        sources: extras::sources(episode, locale, urls),
        value: extras::value(episode.extras.value.as_ref()),
        comments: extras::comments(&episode.extras.social),
        ai_content: episode
            .extras
            .ai_content
            .clone()
            .or_else(|| site.ai_content.clone()),
    }
}

fn person(p: &Person, locale: Locale) -> PersonCtx {
    PersonCtx {
        name: p.name.clone(),
        role: p.role.clone(),
        role_label: locale.role(&p.role),
        group: p.group.clone(),
        href: p.href.clone(),
        img: p.img.clone(),
    }
}

fn chapter(c: &Chapter) -> ChapterCtx {
    let secs = c.start_ms / 1000;
    ChapterCtx {
        start_ms: c.start_ms,
        start_secs: secs,
        start: seconds(c.start_ms),
        timestamp: clock(c.start_ms),
        iso: iso_duration(secs),
        title: smart_punctuation(&c.title),
        url: c.url.clone(),
    }
}
