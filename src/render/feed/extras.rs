//! What the feed says for listeners whose apps look beyond the enclosure: the alternate
//! encodings (`podcast:alternateEnclosure`, with `podcast:source` and `podcast:integrity`),
//! the chapters for Spotify (`psc:chapters`, Podlove Simple Chapters 1.2), and the 2025
//! namespace: `podcast:image`, `podroll`, `value`, `socialInteract`, `publisher`, `podping`
//! and `txt purpose="ai-content"`.

use super::xml::{XmlWriter, present};
use crate::model::{Episode, Extras, Image, ImageLocation, RemoteItem, Show, Value, kbits};

/// The Podlove Simple Chapters namespace.
pub const NS_PSC: &str = "http://podlove.org/simple-chapters";

/// The channel's elements.
pub fn channel(w: &mut XmlWriter, show: &Show) {
    common(w, show, &show.extras);
    if !show.podroll.is_empty() {
        w.open("podcast:podroll", &[]);
        for item in &show.podroll {
            remote_item(w, item, None);
        }
        w.close();
    }
    if let Some(publisher) = &show.publisher {
        w.open("podcast:publisher", &[]);
        remote_item(w, publisher, Some("publisher"));
        w.close();
    }
    if let Some(uses) = show.podping {
        w.empty("podcast:podping", &[("usesPodping", super::bool_str(uses))]);
    }
}

/// The item's elements.
pub fn item(w: &mut XmlWriter, show: &Show, episode: &Episode) {
    chapters(w, episode);
    if let Some(integrity) = &episode.integrity {
        let bitrate = episode.media.bitrate;
        let title = format!("MP3 {}", kbits(bitrate));
        let attrs = Enclosure {
            mime: "audio/mpeg",
            length: episode.published_size,
            bitrate,
            codecs: "mp3",
            title: &title,
            default: true,
        };
        alternate(w, &attrs, &show.enclosure_url(episode), integrity);
    }
    for alt in &episode.alternates {
        let attrs = Enclosure {
            mime: alt.format.codec.mime(),
            length: alt.size,
            bitrate: alt.format.bitrate,
            codecs: alt.format.codec.codecs(),
            title: &alt.format.title(),
            default: false,
        };
        alternate(w, &attrs, &show.download_url(&alt.path), &alt.integrity);
    }
    common(w, show, &episode.extras);
}

/// What the channel and an item may both have.
fn common(w: &mut XmlWriter, show: &Show, extras: &Extras) {
    images(w, show, &extras.images);
    if let Some(value) = &extras.value {
        self::value(w, value);
    }
    for social in &extras.social {
        let priority = social.priority.map(|p| p.to_string());
        let attrs = present([
            ("protocol", Some(social.protocol.as_str())),
            ("uri", social.uri.as_deref()),
            ("accountId", social.account_id.as_deref()),
            ("accountUrl", social.account_url.as_deref()),
            ("priority", priority.as_deref()),
        ]);
        w.empty("podcast:socialInteract", &attrs);
    }
    if let Some(text) = &extras.ai_content {
        w.text("podcast:txt", &[("purpose", "ai-content")], text);
    }
}

/// `psc:chapters`: each chapter's start as `HH:MM:SS.mmm`, its title, link and image.
fn chapters(w: &mut XmlWriter, episode: &Episode) {
    if episode.chapters.is_empty() {
        return;
    }
    w.open("psc:chapters", &[("version", "1.2")]);
    for chapter in &episode.chapters {
        let start = npt(chapter.start_ms);
        let mut attrs = vec![("start", start.as_str()), ("title", chapter.title.as_str())];
        if let Some(url) = &chapter.url {
            attrs.push(("href", url));
        }
        if let Some(img) = &chapter.img {
            attrs.push(("image", img));
        }
        w.empty("psc:chapter", &attrs);
    }
    w.close();
}

/// Normal play time, `HH:MM:SS.mmm`.
fn npt(ms: u64) -> String {
    let s = ms / 1000;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        s / 3600,
        s / 60 % 60,
        s % 60,
        ms % 1000
    )
}

/// The attributes of an alternate enclosure.
struct Enclosure<'a> {
    mime: &'a str,
    length: u64,
    bitrate: u32,
    codecs: &'a str,
    title: &'a str,
    default: bool,
}

fn alternate(w: &mut XmlWriter, e: &Enclosure<'_>, url: &str, integrity: &str) {
    let (length, bitrate) = (e.length.to_string(), e.bitrate.to_string());
    let mut attrs = vec![
        ("type", e.mime),
        ("length", length.as_str()),
        ("bitrate", bitrate.as_str()),
        ("codecs", e.codecs),
        ("title", e.title),
    ];
    if e.default {
        attrs.push(("default", "true"));
    }
    w.open("podcast:alternateEnclosure", &attrs);
    w.empty("podcast:source", &[("uri", url)]);
    w.empty(
        "podcast:integrity",
        &[("type", "sri"), ("value", integrity)],
    );
    w.close();
}

/// `podcast:image` for each image, then the artwork among them as the deprecated
/// `podcast:images` srcset, which Podcast Index's own parser (podcast-partytime) still reads in
/// place of the new element.
fn images(w: &mut XmlWriter, show: &Show, images: &[Image]) {
    let href = |image: &Image| match &image.location {
        ImageLocation::File(art) => show.url(&art.published),
        ImageLocation::Url(url) => url.clone(),
    };
    let mut srcset = Vec::new();
    for image in images {
        let url = href(image);
        let (width, height) = (
            image.width.map(|w| w.to_string()),
            image.height.map(|h| h.to_string()),
        );
        let ratio = image.aspect_ratio();
        let attrs = present([
            ("href", Some(url.as_str())),
            ("alt", image.alt.as_deref()),
            ("aspect-ratio", ratio.as_deref()),
            ("width", width.as_deref()),
            ("height", height.as_deref()),
            ("purpose", image.purpose.as_deref()),
        ]);
        w.empty("podcast:image", &attrs);
        let artwork = image
            .purpose
            .as_deref()
            .is_none_or(|p| p.split(' ').any(|t| t.eq_ignore_ascii_case("artwork")));
        if let (true, Some(width)) = (artwork, image.width) {
            srcset.push(format!("{url} {width}w"));
        }
    }
    if !srcset.is_empty() {
        w.empty("podcast:images", &[("srcset", &srcset.join(", "))]);
    }
}

fn value(w: &mut XmlWriter, value: &Value) {
    let suggested = value.suggested.map(|s| format!("{s:.11}"));
    let mut attrs = vec![("type", "lightning"), ("method", value.method.as_str())];
    if let Some(suggested) = &suggested {
        attrs.push(("suggested", suggested));
    }
    w.open("podcast:value", &attrs);
    for r in &value.recipients {
        let split = r.split.to_string();
        let mut attrs = Vec::new();
        if let Some(name) = &r.name {
            attrs.push(("name", name.as_str()));
        }
        attrs.extend([
            ("type", r.address.kind()),
            ("address", r.address.address()),
            ("split", split.as_str()),
        ]);
        if r.fee {
            attrs.push(("fee", "true"));
        }
        if let (Some(key), Some(value)) = (&r.custom_key, &r.custom_value) {
            attrs.extend([("customKey", key.as_str()), ("customValue", value.as_str())]);
        }
        w.empty("podcast:valueRecipient", &attrs);
    }
    w.close();
}

fn remote_item(w: &mut XmlWriter, item: &RemoteItem, medium: Option<&str>) {
    let attrs = present([
        ("medium", medium),
        ("feedGuid", Some(item.feed_guid.as_str())),
        ("feedUrl", item.feed_url.as_deref()),
        ("title", item.title.as_deref()),
    ]);
    w.empty("podcast:remoteItem", &attrs);
}

#[cfg(test)]
mod tests {
    #[test]
    fn normal_play_time_has_hours_and_milliseconds() {
        assert_eq!(super::npt(0), "00:00:00.000");
        assert_eq!(super::npt(3_723_045), "01:02:03.045");
    }
}
