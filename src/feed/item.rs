//! One `<item>` per episode, and the enclosure URL (with its analytics prefix).

use super::html::{absolutize_urls, escape_html};
use super::xml::XmlWriter;
use super::{bool_str, rfc2822};
use crate::model::{Episode, Person, Show};

/// The URL of an episode's published MP3 as the feed gives it: `media_base_url` followed by
/// `episodes/<slug>/<slug>.mp3`, behind the show's analytics prefix when it has one (see
/// [`with_analytics_prefix`]).
pub fn enclosure_url(show: &Show, episode: &Episode) -> String {
    let url = format!("{}{}", show.media_base_url, episode.audio_path());
    match &show.analytics_prefix {
        Some(prefix) => with_analytics_prefix(prefix, &url),
        None => url,
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

/// Writes the `<item>` of one episode.
pub fn write(w: &mut XmlWriter, show: &Show, episode: &Episode) {
    let page_url = show.url(&episode.page_path());
    let notes = absolutize_urls(&episode.notes_html, &page_url);
    let has_notes = !notes.trim().is_empty();

    w.open("item", &[]);
    w.text("title", &[], &episode.title);
    w.text("link", &[], &page_url);
    w.text("guid", &[("isPermaLink", "false")], &episode.guid);
    w.text("pubDate", &[], &rfc2822(&episode.date));
    // `description` is HTML: the summary, escaped into a paragraph, is the short text apps
    // show in lists; without one, the show notes. itunes:summary repeats the summary as plain
    // text for the readers (gPodder's, Podcast Index's, feedparser) that take it over
    // `description` as the text to show.
    let summary = episode.summary.as_deref().filter(|s| !s.trim().is_empty());
    match summary {
        Some(summary) => w.html("description", &format!("<p>{}</p>", escape_html(summary))),
        None if has_notes => w.html("description", &notes),
        None => {}
    }
    if has_notes {
        w.html("content:encoded", &notes);
    }
    if let Some(summary) = summary {
        w.text("itunes:summary", &[], summary);
    }
    w.empty(
        "enclosure",
        &[
            ("url", &enclosure_url(show, episode)),
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
    if !episode.chapters.is_empty() {
        let url = format!("{page_url}chapters.json");
        let attrs = [("url", url.as_str()), ("type", "application/json+chapters")];
        w.empty("podcast:chapters", &attrs);
    }
    if let Some(transcript) = &episode.transcript {
        let url = format!("{page_url}transcript.{}", transcript.format.extension());
        let attrs = [("url", url.as_str()), ("type", transcript.format.mime())];
        w.empty("podcast:transcript", &attrs);
    }
    for someone in &episode.persons {
        person(w, someone);
    }
    w.close();
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
