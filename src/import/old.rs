//! What an old feed says, as read (`feed`): raw text of the channel and of each item, before
//! anything is checked or converted (`convert`).

/// The channel of the old feed.
#[derive(Clone, Debug, Default)]
pub struct Channel {
    pub title: String,
    pub link: String,
    pub description: String,
    pub itunes_summary: String,
    pub subtitle: String,
    pub language: String,
    pub copyright: String,
    pub author: String,
    pub owner_name: String,
    pub owner_email: String,
    /// `managingEditor`, `webMaster`: `mail@example.org (Name)`, when there is no owner.
    pub editor: String,
    pub image: String,
    /// `(category, subcategory)` as nested `itunes:category` elements say.
    pub categories: Vec<(String, Option<String>)>,
    pub explicit: String,
    pub show_type: String,
    pub keywords: String,
    pub podcast_guid: String,
    pub locked: String,
    pub locked_owner: String,
    pub funding: Vec<Link>,
    pub persons: Vec<Person>,
    pub license: Option<Link>,
    pub location: Option<Location>,
    pub medium: String,
    pub block: String,
    pub complete: String,
    /// RFC 5005 `atom:link rel="next"`: the next page of a paged feed.
    pub next_page: Option<String>,
    /// `atom:link rel="self"`: the old feed's own address (not carried over; it names the
    /// feed when it is imported from a file).
    pub self_link: String,
}

/// A URL and its text: `podcast:funding`, `podcast:license`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: String,
    pub group: String,
    pub href: String,
    pub img: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub name: String,
    pub geo: String,
    pub osm: String,
}

/// One `<item>`.
#[derive(Clone, Debug, Default)]
pub struct Item {
    /// Line of the `<item>` in the page it came from, and that page's address.
    pub line: u64,
    pub page: String,
    pub title: String,
    pub itunes_title: String,
    pub link: String,
    /// The `<guid>` text exactly, and its `isPermaLink` as written (`None`: no attribute).
    pub guid: Option<String>,
    pub guid_permalink: Option<bool>,
    pub pub_date: String,
    pub enclosure: Option<Enclosure>,
    pub description: String,
    pub content_encoded: String,
    pub itunes_summary: String,
    pub subtitle: String,
    pub episode: String,
    pub season: String,
    pub episode_type: String,
    pub explicit: String,
    pub image: String,
    pub keywords: String,
    pub block: String,
    pub persons: Vec<Person>,
    pub soundbites: Vec<Soundbite>,
    pub location: Option<Location>,
    pub license: Option<Link>,
    /// `podcast:chapters` URL and type.
    pub chapters: Option<(String, String)>,
    /// Podlove Simple Chapters.
    pub psc: Vec<PscChapter>,
    pub transcripts: Vec<TranscriptLink>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Enclosure {
    /// Exactly as the feed wrote it (trimmed): apps stored it so when an item has no GUID.
    pub url: String,
    pub length: String,
    pub mime: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Soundbite {
    pub start: String,
    pub duration: String,
    pub title: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PscChapter {
    pub start: String,
    pub title: String,
    pub href: String,
    pub image: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TranscriptLink {
    pub url: String,
    pub mime: String,
    pub language: String,
    pub rel: String,
}
