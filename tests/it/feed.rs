//! The podcast feed, read back by the parsers of real podcast apps.
//!
//! The fixture show (`feed_fixture.rs`) is rendered to a temporary `feed.xml`, then read by
//! gPodder's `podcastparser`, `feedparser`, Podcast Index's `podcast-partytime` and Python's
//! `xml.etree` (see `feed_readers.rs`). Every reader must read exactly the model's values:
//! the same titles, durations, lengths and timestamps, so they all agree with each other.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::feed_fixture::{self, clean};
use crate::feed_readers::{
    ETREE, FEEDPARSER, PARTYTIME, PODCASTPARSER, Reader, check_reader, read_with_partytime,
    read_with_python,
};
use carnets::model::{Episode, Person, Show};

/// Renders the fixture show into `dir/feed.xml`.
pub fn write_fixture_feed(dir: &Path) -> PathBuf {
    let path = dir.join("feed.xml");
    let xml = carnets::render::feed::render(&feed_fixture::show(), &feed_fixture::episodes());
    std::fs::write(&path, xml).expect("write feed.xml");
    path
}

fn persons(persons: &[Person]) -> Value {
    let list = persons
        .iter()
        .map(|p| {
            let mut person = json!({"name": clean(&p.name), "role": p.role, "group": p.group});
            if let Some(href) = &p.href {
                person["href"] = json!(href);
            }
            if let Some(img) = &p.img {
                person["img"] = json!(img);
            }
            person
        })
        .collect();
    Value::Array(list)
}

/// Text of the HTML the fixture uses (tags dropped, the five references it contains decoded).
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_references(&text)
}

fn decode_references(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The show notes as the feed must give them: every relative link resolved against the
/// episode page.
fn expected_notes(show: &Show, episode: &Episode) -> String {
    let page = format!("{}episodes/{}/", show.base_url, episode.slug);
    episode
        .notes_html
        .replace("href=\"#", &format!("href=\"{page}#"))
        .replace("src=\"schema.png\"", &format!("src=\"{page}schema.png\""))
        .replace(
            "href=\"../001-bienvenue/\"",
            &format!("href=\"{}episodes/001-bienvenue/\"", show.base_url),
        )
}

/// What every reader must read: the model's values, written out independently of the code
/// under test (URLs, durations and dates spelled out).
fn expected(show: &Show, episodes: &[Episode]) -> Value {
    let channel = json!({
        "title": clean(&show.title),
        "link": "https://cite-ia.example/carnets/",
        "description": "Le podcast de la Cité de l'IA (Lille) : l'IA concrète pour les PME & ETI.\n\nUn épisode par mois.",
        "language": "fr-FR",
        "author": show.author,
        "owner_name": show.owner.name,
        "owner_email": show.owner.email,
        "image": "https://cite-ia.example/carnets/cover.jpg",
        "explicit": false,
        "type": "episodic",
        "keywords": show.keywords,
        "categories": ["Technology", "Business/Entrepreneurship", "Business/Management", "Education/Courses"],
        "podcast_guid": show.guid.to_string(),
        "locked": true,
        "locked_owner": show.owner.email,
        "funding": [{"url": "https://cite-ia.example/soutenir?via=podcast&format=court", "text": "Soutenir les Carnets & la Cité"}],
        "persons": persons(&show.persons),
        "license": "cc-by-4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "self_url": "https://cite-ia.example/carnets/feed.xml",
        "copyright": show.copyright,
        "subtitle": show.subtitle,
        "medium": "podcast",
        "location": {"name": "Lille & Hauts-de-France <Nord>", "geo": "geo:50.6292,3.0573", "osm": "R58404"},
        "txt": [
            {"purpose": "applepodcastsverify", "value": "6a1c2f0e-1b2c-4d5e-8f90-123456789abc"},
            {"value": "Vérification & <test>"},
        ],
        "update_frequency": {
            "text": "Un épisode par mois & des hors-séries",
            "rrule": "FREQ=MONTHLY;BYDAY=3TH",
            "complete": false,
            "dtstart": "2025-01-16T07:00:00Z",
        },
        // The trailer (episode 1) at its own URL: no analytics prefix outside enclosures.
        "trailers": [{
            "title": "Bienvenue dans « Les Carnets » !",
            "url": "https://media.cite-ia.example/carnets/episodes/001-bienvenue/001-bienvenue.mp3",
            "pubdate": 1_736_962_200,
            "length": 4_823_117,
            "type": "audio/mpeg",
            "season": 1,
        }],
        "block": true,
        "complete": true,
    });
    let items = episodes.iter().map(|episode| {
        let slug = &episode.slug;
        let page = format!("https://cite-ia.example/carnets/episodes/{slug}/");
        let (duration, pubdate_text) = match slug.as_str() {
            "012-par-ou-commencer" => (3724, "Thu, 20 Nov 2025 08:00:00 +0100"),
            "007-ete-hors-serie" => (1499, "Sun, 06 Jul 2025 08:00:00 +0200"),
            "001-bienvenue" => (300, "Wed, 15 Jan 2025 18:30:00 +0100"),
            other => panic!("no expectations for {other}"),
        };
        let notes = expected_notes(show, episode);
        let summary = episode.summary.as_deref().map(clean);
        let mut item = json!({
            "title": clean(&episode.title),
            "guid": episode.guid,
            "link": page,
            "pubdate": episode.date.timestamp().as_second(),
            "pubdate_text": pubdate_text,
            "summary": summary,
            "description": summary.clone().unwrap_or_else(|| html_text(&notes)),
            "description_html": match &summary {
                Some(s) => format!("<p>{}</p>", s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")),
                None => notes.clone(),
            },
            "content_html": notes,
            "content_text": html_text(&notes),
            "enclosure": {
                "url": format!("https://op3.dev/e/media.cite-ia.example/carnets/episodes/{slug}/{slug}.mp3"),
                "length": episode.published_size,
                "type": "audio/mpeg",
            },
            "duration": duration,
            "number": episode.number,
            "season": episode.season,
            "episode_type": episode.episode_type.as_str(),
            "explicit": episode.explicit,
            "image": episode.image.as_ref().map(|_| format!("{page}cover.png")),
            "persons": persons(&episode.persons),
            "transcript_url": episode.transcript.as_ref().map(|_| format!("{page}transcript.vtt")),
            "chapters_url": (!episode.chapters.is_empty()).then(|| format!("{page}chapters.json")),
            "podcast_season": episode.season,
            "podcast_episode": episode.number,
        });
        if slug == "012-par-ou-commencer" {
            item["location"] = json!({"name": "EuraTechnologies, Lille", "geo": "geo:50.6326,3.0197"});
            item["soundbites"] = json!([
                {"start": 73.0, "duration": 45.5, "title": "Le diagnostic en 2 jours & sans <jargon>"},
                {"start": 1804.25, "duration": 60.0},
            ]);
            item["block"] = json!(true);
        }
        strip_nulls(&mut item);
        item
    });
    let mut expected = json!({"channel": channel, "items": items.collect::<Vec<_>>()});
    strip_nulls(&mut expected["channel"]);
    expected
}

fn strip_nulls(value: &mut Value) {
    if let Value::Object(map) = value {
        map.retain(|_, v| !v.is_null());
    }
}

/// What `reader` must read, given its known quirks (see the module docs).
fn expected_for(reader: &Reader, base: &Value, show: &Show) -> Value {
    let mut expected = base.clone();
    if reader.name == PARTYTIME.name {
        for item in expected["items"].as_array_mut().unwrap() {
            let notes = item["content_html"].as_str().unwrap().trim().to_string();
            item["content_decoded"] = json!(decode_references(&notes));
            if item.get("explicit").is_none() {
                item["explicit"] = json!(show.explicit);
            }
            let bites = item.get_mut("soundbites").and_then(Value::as_array_mut);
            for bite in bites.into_iter().flatten() {
                if bite.get("title").is_none() {
                    bite["title"] = json!(clean(&show.title));
                }
            }
        }
    }
    if reader.name != ETREE.name {
        // Readers other than the raw XML trim the HTML they return.
        for item in expected["items"].as_array_mut().unwrap() {
            let notes = item["content_html"].as_str().unwrap().trim().to_string();
            item["content_html"] = json!(notes);
        }
    }
    expected
}

#[test]
fn podcast_apps_parsers_read_the_models_values() {
    let dir = tempfile::tempdir().unwrap();
    let feed = write_fixture_feed(dir.path());
    let show = feed_fixture::show();
    let url = show.feed_url();
    let base = expected(&show, &feed_fixture::episodes());

    let mut read = Vec::new();
    if let Some(v) = read_with_python("podcastparser", "podcastparser", &feed, &url) {
        read.push((&PODCASTPARSER, v));
    }
    if let Some(v) = read_with_python("feedparser", "feedparser", &feed, &url) {
        read.push((&FEEDPARSER, v));
    }
    if let Some(v) = read_with_partytime(&feed) {
        read.push((&PARTYTIME, v));
    }
    if let Some(v) = read_with_python("etree", "xml.etree.ElementTree", &feed, &url) {
        read.push((&ETREE, v));
    }
    let failures: Vec<String> = read
        .iter()
        .flat_map(|(reader, value)| {
            check_reader(reader, value, &expected_for(reader, &base, &show))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "the readers disagree with the model:\n{}",
        failures.join("\n")
    );
}

/// Every character readers trip on, and the ones the feed must drop.
const NASTY: &str = "A & B < C > D \"E\" 'F' ]]> G\r\nH\tI 🎙️ é\u{0}\u{8}\u{B}\u{1F}\u{7F}\u{85}\u{9F}\u{FFFE}\u{FFFF}";
/// `NASTY` as it must come back from element text: the controls gone, nothing else touched.
const NASTY_TEXT: &str = "A & B < C > D \"E\" 'F' ]]> G\r\nH\tI 🎙️ é";
/// `NASTY` as it must come back from an attribute: also single-line.
const NASTY_ATTR: &str = "A & B < C > D \"E\" 'F' ]]> G  H I 🎙️ é";

#[test]
fn every_text_field_round_trips_through_an_xml_parser() {
    let mut show = feed_fixture::show();
    show.title = NASTY.into();
    show.description = NASTY.into();
    show.description_html.clear();
    show.author = NASTY.into();
    show.owner.name = NASTY.into();
    show.copyright = Some(NASTY.into());
    show.subtitle = Some(NASTY.into());
    show.keywords = vec![NASTY.into(), "PME".into()];
    show.license = Some(NASTY.into());
    show.funding[0].text = NASTY.into();
    show.funding[0].url = format!("https://cite-ia.example/?q={NASTY}");
    show.persons[0].name = NASTY.into();
    show.persons[0].href = Some(NASTY.into());
    let mut episodes = feed_fixture::episodes();
    episodes[0].title = NASTY.into();
    episodes[0].guid = NASTY.into();
    episodes[0].summary = Some(NASTY.into());
    episodes[0].persons[0].name = NASTY.into();
    episodes[0].notes_html = format!("<p>{NASTY}</p>").into();

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.xml");
    std::fs::write(&path, carnets::render::feed::render(&show, &episodes)).unwrap();
    let Some(read) = read_with_python("etree", "xml.etree.ElementTree", &path, &show.feed_url())
    else {
        return;
    };
    let (channel, item) = (&read["channel"], &read["items"][0]);
    for key in [
        "title",
        "description",
        "author",
        "owner_name",
        "copyright",
        "subtitle",
        "license",
    ] {
        assert_eq!(channel[key], NASTY_TEXT, "channel {key}");
    }
    assert_eq!(channel["keywords"], json!([NASTY_TEXT, "PME"]));
    assert_eq!(channel["funding"][0]["text"], NASTY_TEXT);
    assert_eq!(
        channel["funding"][0]["url"],
        format!("https://cite-ia.example/?q={NASTY_ATTR}")
    );
    assert_eq!(channel["persons"][0]["name"], NASTY_TEXT);
    assert_eq!(channel["persons"][0]["href"], NASTY_ATTR);
    for key in ["title", "guid", "summary"] {
        assert_eq!(item[key], NASTY_TEXT, "item {key}");
    }
    assert_eq!(item["persons"][0]["name"], NASTY_TEXT);
    assert_eq!(item["content_html"], format!("<p>{NASTY_TEXT}</p>"));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let (show, episodes) = (feed_fixture::show(), feed_fixture::episodes());
    let first = carnets::render::feed::render(&show, &episodes);
    assert_eq!(first, carnets::render::feed::render(&show, &episodes));
    // Nothing in it comes from the build: the channel dates are the newest episode's.
    assert!(first.contains("<lastBuildDate>Thu, 20 Nov 2025 08:00:00 +0100</lastBuildDate>"));
    assert!(first.contains("<pubDate>Thu, 20 Nov 2025 08:00:00 +0100</pubDate>"));
}

#[test]
fn the_feed_says_what_the_spec_promises() {
    let xml = carnets::render::feed::render(&feed_fixture::show(), &feed_fixture::episodes());
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "));
    for line in [
        // Plain text: `&` and `<` as hexadecimal references; the control character gone.
        "    <title>Les Carnets de l'IA : R&#x26;D, PME &#x3C;enfin&#x3E; \"pratique\" 🎙️</title>",
        "      <title>L'IA dans les PME : par où commencer ? R&#x26;D &#x3C;vraiment&#x3E; \"concret\" 🚀</title>",
        // Winter and summer time in Paris.
        "      <pubDate>Thu, 20 Nov 2025 08:00:00 +0100</pubDate>",
        "      <pubDate>Sun, 06 Jul 2025 08:00:00 +0200</pubDate>",
        // The enclosure behind the analytics prefix, its length the published file's.
        "      <enclosure url=\"https://op3.dev/e/media.cite-ia.example/carnets/episodes/012-par-ou-commencer/012-par-ou-commencer.mp3\" length=\"59637812\" type=\"audio/mpeg\"/>",
        "      <itunes:duration>3724</itunes:duration>",
        "      <guid isPermaLink=\"false\">6002623c-c07f-55c3-a62a-db8e0cb4bd73</guid>",
        "    <atom:link href=\"https://cite-ia.example/carnets/feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>",
        "    <podcast:locked owner=\"podcast@cite-ia.example\">yes</podcast:locked>",
        "      <itunes:category text=\"Entrepreneurship\"/>",
        "<p>Fin du bloc : ]]]]><![CDATA[> et on continue.</p>",
        // Podcasting 2.0 and Apple tags beyond the basics.
        "    <podcast:license url=\"https://creativecommons.org/licenses/by/4.0/\">cc-by-4.0</podcast:license>",
        "    <podcast:medium>podcast</podcast:medium>",
        "    <podcast:location geo=\"geo:50.6292,3.0573\" osm=\"R58404\">Lille &#x26; Hauts-de-France &#x3C;Nord&#x3E;</podcast:location>",
        "    <podcast:txt purpose=\"applepodcastsverify\">6a1c2f0e-1b2c-4d5e-8f90-123456789abc</podcast:txt>",
        "    <podcast:updateFrequency complete=\"false\" dtstart=\"2025-01-16T07:00:00Z\" rrule=\"FREQ=MONTHLY;BYDAY=3TH\">Un épisode par mois &#x26; des hors-séries</podcast:updateFrequency>",
        "    <podcast:trailer url=\"https://media.cite-ia.example/carnets/episodes/001-bienvenue/001-bienvenue.mp3\" pubdate=\"Wed, 15 Jan 2025 18:30:00 +0100\" length=\"4823117\" type=\"audio/mpeg\" season=\"1\">Bienvenue dans « Les Carnets » !</podcast:trailer>",
        "    <itunes:block>Yes</itunes:block>",
        "    <itunes:complete>Yes</itunes:complete>",
        "      <itunes:block>Yes</itunes:block>",
        "      <podcast:soundbite startTime=\"73.0\" duration=\"45.5\">Le diagnostic en 2 jours &#x26; sans &#x3C;jargon&#x3E;</podcast:soundbite>",
        "      <podcast:soundbite startTime=\"1804.25\" duration=\"60.0\"/>",
    ] {
        assert!(xml.contains(line), "no line {line:?} in:\n{xml}");
    }
    assert!(!xml.contains('\u{7}'));
    for ns in [
        "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"",
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"",
        "xmlns:atom=\"http://www.w3.org/2005/Atom\"",
        "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"",
    ] {
        assert!(
            xml.lines().nth(1).unwrap().contains(ns),
            "{ns} not declared"
        );
    }
}
