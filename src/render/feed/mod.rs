//! The podcast RSS feed: RSS 2.0 with the itunes, content, atom and podcast namespaces.
//!
//! [`render`] writes the channel here and the items in `item`, their Podcasting 2.0 elements
//! in `namespace` and `extras` (alternate enclosures, Podlove chapters, the 2025 elements);
//! `xml` holds the escaping writer, `html` the HTML helpers, and `date` the RFC 2822 dates.
//! The output depends on the show and its episodes only (no build time, stable order), so the
//! same input always gives the same bytes.
//!
//! What the feed promises, and the conformance tests check (`tests/it/feed.rs`): gPodder's
//! podcastparser, feedparser and Podcast Index's podcast-partytime read the same values from it,
//! equal to the model's, and it passes the W3C Feed Validation Service's rules.

mod date;
mod extras;
mod html;
mod item;
mod namespace;
mod xml;

pub use date::rfc2822;

use super::Fragment;
use crate::model::{Category, Episode, Show};
use crate::util::hash::fingerprint;
use xml::XmlWriter;

/// What `<generator>` says.
pub const GENERATOR: &str = "carnets";

const NS_ITUNES: &str = "http://www.itunes.com/dtds/podcast-1.0.dtd";
const NS_CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const NS_ATOM: &str = "http://www.w3.org/2005/Atom";
const NS_PODCAST: &str = "https://podcastindex.org/namespace/1.0";

/// Renders `feed.xml` for the published episodes, given newest first (they keep that order).
pub fn render(show: &Show, episodes: &[Episode]) -> String {
    render_kept(show, episodes, &|_, make| make().into())
}

/// [`render`], each item taken from `fragment` when an earlier build wrote it from the same
/// show and episode.
pub fn render_kept(show: &Show, episodes: &[Episode], fragment: &Fragment<'_>) -> String {
    let mut w = XmlWriter::new();
    let mut namespaces = vec![
        ("version", "2.0"),
        ("xmlns:itunes", NS_ITUNES),
        ("xmlns:content", NS_CONTENT),
        ("xmlns:atom", NS_ATOM),
        ("xmlns:podcast", NS_PODCAST),
    ];
    // Podlove Simple Chapters, for Spotify, only in a feed that has chapters.
    if episodes.iter().any(|e| !e.chapters.is_empty()) {
        namespaces.push(("xmlns:psc", extras::NS_PSC));
    }
    w.open("rss", &namespaces);
    w.open("channel", &[]);
    channel(&mut w, show, episodes);
    let show_hash = fingerprint(show);
    for episode in episodes {
        let make = || {
            let mut part = w.part();
            item::write(&mut part, show, episode);
            part.finish_part(&w)
        };
        let item = match (show_hash, fingerprint(episode)) {
            (Some(show_hash), Some(episode_hash)) => {
                let mut key = blake3::Hasher::new_derive_key("carnets feed item");
                key.update(&show_hash).update(&episode_hash);
                fragment(*key.finalize().as_bytes(), &make)
            }
            _ => make().into(),
        };
        w.append(&item);
    }
    w.close();
    w.close();
    w.finish()
}

/// The channel's own elements; they all come before the first item (RSS Best Practices).
fn channel(w: &mut XmlWriter, show: &Show, episodes: &[Episode]) {
    let feed_url = show.feed_url();
    let image_url = show.url(&show.image.published);

    w.text("title", &[], &show.title);
    w.text("link", &[], &show.base_url);
    // feedparser files itunes:subtitle and description under one key, the last one read
    // winning: the description comes second so that it is the one kept.
    if let Some(subtitle) = &show.subtitle {
        w.text("itunes:subtitle", &[], subtitle);
    }
    w.text("description", &[], &channel_description(show));
    w.text("language", &[], &show.language);
    if let Some(copyright) = &show.copyright {
        w.text("copyright", &[], copyright);
    }
    w.text("generator", &[], GENERATOR);
    // The newest episode's date, never the build time: the output must be reproducible.
    if let Some(newest) = episodes.iter().map(|e| &e.date).max() {
        let date = rfc2822(newest);
        w.text("pubDate", &[], &date);
        w.text("lastBuildDate", &[], &date);
    }
    w.empty(
        "atom:link",
        &[
            ("href", &feed_url),
            ("rel", "self"),
            ("type", "application/rss+xml"),
        ],
    );
    for hub in &show.websub {
        w.empty("atom:link", &[("href", hub), ("rel", "hub")]);
    }
    // RSS's own image, for the readers that ignore itunes:image; its title and link must be
    // the channel's.
    w.open("image", &[]);
    w.text("url", &[], &image_url);
    w.text("title", &[], &show.title);
    w.text("link", &[], &show.base_url);
    w.close();

    // The owner before the author: feedparser lets the owner's name overwrite the author
    // read before it.
    w.open("itunes:owner", &[]);
    w.text("itunes:name", &[], &show.owner.name);
    w.text("itunes:email", &[], &show.owner.email);
    w.close();
    w.text("itunes:author", &[], &show.author);
    w.empty("itunes:image", &[("href", &image_url)]);
    itunes_categories(w, &show.categories);
    w.text("itunes:explicit", &[], bool_str(show.explicit));
    w.text("itunes:type", &[], show.show_type.as_str());
    if !show.keywords.is_empty() {
        w.text("itunes:keywords", &[], &show.keywords.join(", "));
    }
    if let Some(url) = &show.new_feed_url {
        w.text("itunes:new-feed-url", &[], url);
    }
    // Apple reads only `Yes`; the element is left out otherwise.
    if show.block {
        w.text("itunes:block", &[], "Yes");
    }
    if show.complete {
        w.text("itunes:complete", &[], "Yes");
    }

    w.text("podcast:guid", &[], &show.guid.to_string());
    if let Some(locked) = show.locked {
        let value = if locked { "yes" } else { "no" };
        w.text("podcast:locked", &[("owner", &show.owner.email)], value);
    }
    for funding in &show.funding {
        w.text("podcast:funding", &[("url", &funding.url)], &funding.text);
    }
    for person in &show.persons {
        item::person(w, person);
    }
    namespace::channel(w, show, episodes);
    extras::channel(w, show);
}

/// The channel `<description>` is plain text for RSS (the W3C validator warns about HTML in
/// it), so the rendered description is reduced to text, paragraphs kept as blank lines.
fn channel_description(show: &Show) -> String {
    if show.description_html.trim().is_empty() {
        show.description.trim().to_string()
    } else {
        crate::util::html::to_plain_text(&show.description_html)
    }
}

/// `itunes:category`, subcategories nested in their category; categories keep the order of
/// `podcast.yaml` (the first is the primary one) and two subcategories of one category share
/// its element.
fn itunes_categories(w: &mut XmlWriter, categories: &[Category]) {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for category in categories {
        let index = match groups.iter().position(|(name, _)| *name == category.name) {
            Some(index) => index,
            None => {
                groups.push((&category.name, Vec::new()));
                groups.len() - 1
            }
        };
        if let Some(sub) = &category.sub
            && !groups[index].1.contains(&sub.as_str())
        {
            groups[index].1.push(sub);
        }
    }
    for (name, subs) in groups {
        if subs.is_empty() {
            w.empty("itunes:category", &[("text", name)]);
        } else {
            w.open("itunes:category", &[("text", name)]);
            for sub in subs {
                w.empty("itunes:category", &[("text", sub)]);
            }
            w.close();
        }
    }
}

fn bool_str(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(name: &str, sub: Option<&str>) -> Category {
        Category {
            name: name.into(),
            sub: sub.map(Into::into),
        }
    }

    #[test]
    fn subcategories_nest_under_their_category_in_the_given_order() {
        let mut w = XmlWriter::new();
        itunes_categories(
            &mut w,
            &[
                category("Technology", None),
                category("Business", Some("Entrepreneurship")),
                category("Society & Culture", None),
                category("Business", Some("Marketing")),
                category("Business", Some("Entrepreneurship")),
            ],
        );
        let xml = w.finish();
        let body = xml.split_once('\n').unwrap().1;
        assert_eq!(
            body,
            "<itunes:category text=\"Technology\"/>\n\
             <itunes:category text=\"Business\">\n\
             \x20 <itunes:category text=\"Entrepreneurship\"/>\n\
             \x20 <itunes:category text=\"Marketing\"/>\n\
             </itunes:category>\n\
             <itunes:category text=\"Society &amp; Culture\"/>\n"
        );
    }
}
