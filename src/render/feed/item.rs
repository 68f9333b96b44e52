//! One `<item>` per episode, and the enclosure URL (with its analytics prefix).

use super::html::absolutize_urls;
use super::xml::XmlWriter;
use super::{bool_str, rfc2822};
use crate::model::{Episode, Person, Show, TranscriptFormat};
use crate::util::html::escape_html;

/// Writes the `<item>` of one episode.
pub fn write(w: &mut XmlWriter, show: &Show, episode: &Episode) {
    let page_url = show.url(&episode.page_path());
    let notes = absolutize_urls(&episode.notes_html, &page_url);
    let has_notes = !notes.trim().is_empty();

    w.open("item", &[]);
    w.text("title", &[], &episode.title);
    w.text("link", &[], &page_url);
    let permalink = if episode.guid_permalink {
        "true"
    } else {
        "false"
    };
    w.text("guid", &[("isPermaLink", permalink)], &episode.guid);
    w.text("pubDate", &[], &rfc2822(&episode.date));
    // `description` is HTML: the summary, escaped into a paragraph, is the short text apps
    // show in lists; without one, the show notes. itunes:summary repeats the summary as plain
    // text for the readers (gPodder's, Podcast Index's, feedparser) that take it over
    // `description` as the text to show.
    // Both start with the chapters as timestamps, for the apps that read them there.
    let timestamps = crate::render::timestamps::block(episode);
    let timestamps = timestamps.as_deref();
    let summary = episode.summary.as_deref().filter(|s| !s.trim().is_empty());
    match summary {
        Some(summary) => w.html(
            "description",
            &after(timestamps, &format!("<p>{}</p>", escape_html(summary))),
        ),
        None if has_notes => w.html("description", &after(timestamps, &notes)),
        None => {
            if let Some(block) = timestamps {
                w.html("description", block);
            }
        }
    }
    if has_notes {
        w.html("content:encoded", &after(timestamps, &notes));
    }
    if let Some(summary) = summary {
        w.text("itunes:summary", &[], summary);
    }
    w.empty(
        "enclosure",
        &[
            ("url", &show.enclosure_url(episode)),
            ("length", &episode.published_size.to_string()),
            ("type", "audio/mpeg"),
        ],
    );
    w.text("itunes:duration", &[], &episode.duration_secs().to_string());
    // Apple and the W3C validator want positive numbers; an episode 0 (a pilot, a trailer)
    // keeps its number in podcast:episode only.
    if let Some(number) = episode.number.filter(|&n| n > 0) {
        w.text("itunes:episode", &[], &number.to_string());
    }
    if let Some(season) = episode.season.filter(|&n| n > 0) {
        w.text("itunes:season", &[], &season.to_string());
    }
    w.text("itunes:episodeType", &[], episode.episode_type.as_str());
    if let Some(explicit) = episode.explicit {
        w.text("itunes:explicit", &[], bool_str(explicit));
    }
    if let Some(image) = &episode.image {
        w.empty("itunes:image", &[("href", &show.url(&image.published))]);
    }
    if episode.block {
        w.text("itunes:block", &[], "Yes");
    }
    if !episode.keywords.is_empty() {
        w.text("itunes:keywords", &[], &episode.keywords.join(", "));
    }
    if let Some(season) = episode.season {
        w.text("podcast:season", &[], &season.to_string());
    }
    if let Some(number) = episode.number {
        w.text("podcast:episode", &[], &number.to_string());
    }
    // The files that SPEC §4 publishes beside the episode page.
    if let Some(path) = episode.chapters_path() {
        let url = show.url(&path);
        let attrs = [("url", url.as_str()), ("type", "application/json+chapters")];
        w.empty("podcast:chapters", &attrs);
    }
    if let (Some(transcript), Some(path), Some(json)) = (
        &episode.transcript,
        episode.transcript_path(),
        episode.transcript_json_path(),
    ) {
        // The JSON first and the captions last: readers that keep one transcript (feedparser)
        // keep the last, and the captions are what players show.
        let language = show.language.as_str();
        let url = show.url(&json);
        let attrs = [
            ("url", url.as_str()),
            ("type", "application/json"),
            ("language", language),
        ];
        w.empty("podcast:transcript", &attrs);
        let url = show.url(&path);
        let mut attrs = vec![
            ("url", url.as_str()),
            ("type", transcript.format.mime()),
            ("language", language),
        ];
        if transcript.format == TranscriptFormat::Vtt {
            attrs.push(("rel", "captions"));
        }
        w.empty("podcast:transcript", &attrs);
    }
    for someone in &episode.persons {
        person(w, someone);
    }
    super::namespace::item(w, episode);
    super::extras::item(w, show, episode);
    w.close();
}

/// `html` after the `block` before it, if there is one.
fn after<'a>(block: Option<&str>, html: &'a str) -> std::borrow::Cow<'a, str> {
    match block {
        Some(block) => format!("{block}{html}").into(),
        None => html.into(),
    }
}

/// Writes a `podcast:person`, at channel or item level.
pub fn person(w: &mut XmlWriter, person: &Person) {
    let mut attrs = vec![
        ("role", person.role.as_str()),
        ("group", person.group.as_str()),
    ];
    if let Some(img) = &person.img {
        attrs.push(("img", img));
    }
    if let Some(href) = &person.href {
        attrs.push(("href", href));
    }
    w.text("podcast:person", &attrs, &person.name);
}
