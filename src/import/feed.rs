//! An old feed's page → [`Channel`] and [`Item`]s: RSS 2.0 with the itunes, content, atom,
//! Podcasting 2.0 and Podlove Simple Chapters namespaces, told apart by their URIs.
//!
//! Elements of other namespaces (a host's own, `acast:`, `googleplay:`…) and the old host's
//! leftovers (`itunes:new-feed-url`, `atom:link rel="self"`, `generator`) are not read.

use std::io::BufRead;

use super::old::{
    Channel, Enclosure, Item, Link, Location, Person, PscChapter, Soundbite, TranscriptLink,
};
use super::xml::{self, Element, Handler, XmlError};
use crate::t;

const RSS: &str = "";
const ITUNES: &str = "http://www.itunes.com/dtds/podcast-1.0.dtd";
const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const PODCAST: &str = "https://podcastindex.org/namespace/1.0";
const PSC: &str = "http://podlove.org/simple-chapters";
const DC: &str = "http://purl.org/dc/elements/1.1/";

/// One page of a feed.
#[derive(Debug, Default)]
pub struct Page {
    pub channel: Channel,
    pub items: Vec<Item>,
}

/// Reads one page; `address` names it in the items (for messages).
pub fn read(input: impl BufRead, address: &str) -> Result<Page, XmlError> {
    let mut reader = Reader {
        page: Page::default(),
        item: None,
        address: address.to_string(),
        root_seen: false,
    };
    xml::walk(input, &mut reader)?;
    if !reader.root_seen {
        return Err(XmlError {
            line: 1,
            message: t!("import-not-rss"),
        });
    }
    Ok(reader.page)
}

struct Reader {
    page: Page,
    item: Option<Item>,
    address: String,
    root_seen: bool,
}

/// Where an element is: the names of its parents, innermost last (`rss/channel/item`).
fn parent(open: &[Element], depth_from_top: usize) -> Option<&Element> {
    open.len().checked_sub(depth_from_top + 1).map(|i| &open[i])
}

impl Handler for Reader {
    fn start(&mut self, open: &[Element], e: &Element) {
        if open.is_empty() {
            self.root_seen = e.is(RSS, "rss");
            return;
        }
        let Some(up) = parent(open, 0) else { return };
        if e.is(RSS, "item") && up.is(RSS, "channel") {
            self.item = Some(Item {
                line: e.line,
                page: self.address.clone(),
                ..Item::default()
            });
            return;
        }
        let channel = &mut self.page.channel;
        if e.is(ITUNES, "category") {
            let name = e.attr("text").to_string();
            if up.is(RSS, "channel") {
                channel.categories.push((name, None));
            } else if up.is(ITUNES, "category")
                && parent(open, 1).is_some_and(|p| p.is(RSS, "channel"))
            {
                let main = up.attr("text").to_string();
                // The category alone was pushed at its start: its first subcategory takes
                // its place, the next ones come after.
                match channel.categories.last_mut() {
                    Some(last) if last.0 == main && last.1.is_none() => last.1 = Some(name),
                    _ => channel.categories.push((main, Some(name))),
                }
            }
        }
    }

    fn end(&mut self, open: &[Element], e: Element) {
        let Some(up) = parent(open, 0) else { return };
        if e.is(RSS, "item") && up.is(RSS, "channel") {
            self.page.items.extend(self.item.take());
            return;
        }
        if let Some(item) = self.item.as_mut() {
            if up.is(RSS, "item") {
                item_element(item, e);
            } else if up.is(PSC, "chapters") && e.is(PSC, "chapter") {
                item.psc.push(PscChapter {
                    start: e.attr("start").into(),
                    title: e.attr("title").into(),
                    href: e.attr("href").into(),
                    image: e.attr("image").into(),
                });
            }
            return;
        }
        if up.is(RSS, "channel") {
            channel_element(&mut self.page.channel, e);
        } else if up.is(ITUNES, "owner") {
            let channel = &mut self.page.channel;
            match (e.ns.as_str(), e.name.as_str()) {
                (ITUNES, "name") => channel.owner_name = e.text.trim().into(),
                (ITUNES, "email") => channel.owner_email = e.text.trim().into(),
                _ => {}
            }
        } else if up.is(RSS, "image") && e.is(RSS, "url") && self.page.channel.image.is_empty() {
            self.page.channel.image = e.text.trim().into();
        }
    }
}

fn text(e: &Element) -> String {
    e.text.trim().to_string()
}

fn channel_element(channel: &mut Channel, e: Element) {
    match (e.ns.as_str(), e.name.as_str()) {
        (RSS, "title") => channel.title = text(&e),
        (RSS, "link") => channel.link = text(&e),
        (RSS, "description") => channel.description = e.text,
        (RSS, "language") | (DC, "language") => channel.language = text(&e),
        (RSS, "copyright") | (DC, "rights") => channel.copyright = text(&e),
        (RSS, "managingEditor") | (RSS, "webMaster") if channel.editor.is_empty() => {
            channel.editor = text(&e);
        }
        (ITUNES, "summary") => channel.itunes_summary = e.text,
        (ITUNES, "subtitle") => channel.subtitle = text(&e),
        (ITUNES, "author") => channel.author = text(&e),
        (ITUNES, "image") => channel.image = e.attr("href").into(),
        (ITUNES, "explicit") => channel.explicit = text(&e),
        (ITUNES, "type") => channel.show_type = text(&e),
        (ITUNES, "keywords") => channel.keywords = text(&e),
        (ITUNES, "block") => channel.block = text(&e),
        (ITUNES, "complete") => channel.complete = text(&e),
        (ATOM, "link") if e.attr("rel") == "next" => {
            channel.next_page = Some(e.attr("href").into())
        }
        (ATOM, "link") if e.attr("rel") == "self" => channel.self_link = e.attr("href").into(),
        (PODCAST, "guid") => channel.podcast_guid = text(&e),
        (PODCAST, "locked") => {
            channel.locked_owner = e.attr("owner").into();
            channel.locked = text(&e);
        }
        (PODCAST, "funding") => channel.funding.push(Link {
            url: e.attr("url").into(),
            text: text(&e),
        }),
        (PODCAST, "person") => channel.persons.push(person(&e)),
        (PODCAST, "license") => channel.license = Some(license(&e)),
        (PODCAST, "location") => channel.location = Some(location(&e)),
        (PODCAST, "medium") => channel.medium = text(&e),
        _ => {}
    }
}

fn item_element(item: &mut Item, e: Element) {
    match (e.ns.as_str(), e.name.as_str()) {
        (RSS, "title") => item.title = text(&e),
        (ITUNES, "title") => item.itunes_title = text(&e),
        (RSS, "link") => item.link = text(&e),
        (RSS, "guid") => {
            item.guid_permalink = match e.attr("isPermaLink").to_ascii_lowercase().as_str() {
                "" => None,
                value => Some(value == "true"),
            };
            // The GUID is the text exactly: apps compare it byte for byte. Only the
            // whitespace around it goes, as every reader strips it.
            item.guid = Some(text(&e)).filter(|g| !g.is_empty());
        }
        (RSS, "pubDate") | (DC, "date") if item.pub_date.is_empty() => item.pub_date = text(&e),
        (RSS, "enclosure") if item.enclosure.is_none() => {
            item.enclosure = Some(Enclosure {
                url: e.attr("url").into(),
                length: e.attr("length").into(),
                mime: e.attr("type").into(),
            });
        }
        (RSS, "description") => item.description = e.text,
        (CONTENT, "encoded") => item.content_encoded = e.text,
        (ITUNES, "summary") => item.itunes_summary = e.text,
        (ITUNES, "subtitle") => item.subtitle = text(&e),
        (ITUNES, "episode") => item.episode = text(&e),
        (ITUNES, "season") => item.season = text(&e),
        (PODCAST, "episode") if item.episode.is_empty() => item.episode = text(&e),
        (PODCAST, "season") if item.season.is_empty() => item.season = text(&e),
        (ITUNES, "episodeType") => item.episode_type = text(&e),
        (ITUNES, "explicit") => item.explicit = text(&e),
        (ITUNES, "image") => item.image = e.attr("href").into(),
        (ITUNES, "keywords") => item.keywords = text(&e),
        (ITUNES, "block") => item.block = text(&e),
        (PODCAST, "person") => item.persons.push(person(&e)),
        (PODCAST, "soundbite") => item.soundbites.push(Soundbite {
            start: e.attr("startTime").into(),
            duration: e.attr("duration").into(),
            title: text(&e),
        }),
        (PODCAST, "location") => item.location = Some(location(&e)),
        (PODCAST, "license") => item.license = Some(license(&e)),
        (PODCAST, "chapters") => {
            item.chapters = Some((e.attr("url").into(), e.attr("type").into()))
        }
        (PODCAST, "transcript") => item.transcripts.push(TranscriptLink {
            url: e.attr("url").into(),
            mime: e.attr("type").into(),
            language: e.attr("language").into(),
            rel: e.attr("rel").into(),
        }),
        _ => {}
    }
}

fn person(e: &Element) -> Person {
    Person {
        name: text(e),
        role: e.attr("role").into(),
        group: e.attr("group").into(),
        href: e.attr("href").into(),
        img: e.attr("img").into(),
    }
}

fn license(e: &Element) -> Link {
    Link {
        url: e.attr("url").into(),
        text: text(e),
    }
}

fn location(e: &Element) -> Location {
    Location {
        name: text(e),
        geo: e.attr("geo").into(),
        osm: e.attr("osm").into(),
    }
}

#[cfg(test)]
mod tests;
