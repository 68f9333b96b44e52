//! The podcast feed, read back by the parsers of real podcast apps.
//!
//! The fixture show (`feed_fixture.rs`) is rendered to a temporary `feed.xml`, then read by
//! gPodder's `podcastparser`, `feedparser`, Podcast Index's `podcast-partytime` and Python's
//! `xml.etree` (scripts `tests/conformance/read_feed.py` and `tests/js/read-feed.mjs`, which
//! print the same normalized JSON). Every reader must read exactly the model's values: the
//! same titles, durations, lengths and timestamps, so they all agree with each other.
//!
//! Each reader declares the keys it understands; for those, a missing or different value
//! fails. What a reader cannot read at all is left out, with the reason:
//! - podcastparser 0.6.11 knows the podcast namespace only by its GitHub URL, not by the
//!   canonical `https://podcastindex.org/namespace/1.0` we declare: it reads no `podcast:*`;
//! - feedparser 6 reads `itunes:explicit` only as `yes`/`clean` (Apple and the W3C validator
//!   want `true`/`false`), keeps only the attributes of the last `podcast:person` and
//!   `podcast:funding`, and sanitizes HTML (the notes are compared as text);
//! - podcast-partytime decodes the character references of HTML content once more (so its
//!   view of the notes is compared with the notes decoded once) and reports an episode
//!   without `itunes:explicit` as having the channel's value.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Map, Value, json};

use crate::common;
use crate::feed_fixture::{self, clean};
use carnets::model::{Episode, Person, Show};

/// The keys each reader understands; for these, what it reads must be the model's value.
struct Reader {
    name: &'static str,
    channel: &'static [&'static str],
    item: &'static [&'static str],
}

const PODCASTPARSER: Reader = Reader {
    name: "podcastparser",
    channel: &[
        "title",
        "link",
        "description",
        "language",
        "author",
        "owner_name",
        "owner_email",
        "image",
        "explicit",
        "type",
        "keywords",
        "categories",
    ],
    item: &[
        "title",
        "guid",
        "link",
        "pubdate",
        "description",
        "content_html",
        "enclosure",
        "duration",
        "number",
        "season",
        "episode_type",
        "explicit",
        "image",
    ],
};

const FEEDPARSER: Reader = Reader {
    name: "feedparser",
    channel: &[
        "title",
        "link",
        "description",
        "language",
        "author",
        "owner_name",
        "owner_email",
        "image",
        "type",
        "podcast_guid",
        "locked_owner",
        "license",
        "self_url",
    ],
    item: &[
        "title",
        "guid",
        "link",
        "pubdate",
        "summary",
        "description",
        "content_text",
        "enclosure",
        "duration",
        "number",
        "season",
        "episode_type",
        "image",
        "transcript_url",
        "chapters_url",
    ],
};

const PARTYTIME: Reader = Reader {
    name: "podcast-partytime",
    channel: &[
        "title",
        "link",
        "description",
        "language",
        "author",
        "owner_name",
        "owner_email",
        "image",
        "explicit",
        "type",
        "categories",
        "podcast_guid",
        "locked",
        "locked_owner",
        "funding",
        "persons",
        "license",
        "self_url",
    ],
    item: &[
        "title",
        "guid",
        "link",
        "pubdate",
        "summary",
        "description",
        "content_decoded",
        "enclosure",
        "duration",
        "number",
        "season",
        "episode_type",
        "explicit",
        "image",
        "persons",
        "transcript_url",
        "chapters_url",
        "podcast_season",
        "podcast_episode",
    ],
};

const ETREE: Reader = Reader {
    name: "etree",
    channel: &[
        "title",
        "link",
        "description",
        "language",
        "author",
        "owner_name",
        "owner_email",
        "image",
        "explicit",
        "type",
        "keywords",
        "categories",
        "podcast_guid",
        "locked",
        "locked_owner",
        "funding",
        "persons",
        "license",
        "self_url",
        "copyright",
        "subtitle",
    ],
    item: &[
        "title",
        "guid",
        "link",
        "pubdate",
        "pubdate_text",
        "summary",
        "description",
        "description_html",
        "content_html",
        "enclosure",
        "duration",
        "number",
        "season",
        "episode_type",
        "explicit",
        "image",
        "persons",
        "transcript_url",
        "chapters_url",
        "podcast_season",
        "podcast_episode",
    ],
};

/// Keys holding text taken from HTML: readers lay out its whitespace differently, so they are
/// compared with all whitespace removed (every other character still in order).
const HTML_TEXT_KEYS: &[&str] = &["description", "content_text"];

/// Renders the fixture show into `dir/feed.xml`.
pub fn write_fixture_feed(dir: &Path) -> PathBuf {
    let path = dir.join("feed.xml");
    let xml = carnets::feed::render(&feed_fixture::show(), &feed_fixture::episodes());
    std::fs::write(&path, xml).expect("write feed.xml");
    path
}

fn conformance_dir() -> PathBuf {
    common::repo().join("tests/conformance")
}

/// Runs a reader script and parses its JSON.
fn run_json(mut command: Command) -> Value {
    let output = command.output().expect("run the reader");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the reader prints JSON")
}

/// Reads `feed` with a Python reader (`podcastparser`, `feedparser`, `etree`), if installed.
pub fn read_with_python(reader: &str, module: &str, feed: &Path, url: &str) -> Option<Value> {
    let python = common::python_module(module)?;
    let mut command = Command::new(python);
    command
        .arg(conformance_dir().join("read_feed.py"))
        .arg(reader)
        .arg(feed)
        .arg(url);
    Some(run_json(command))
}

/// Reads `feed` with podcast-partytime, if node and `tests/js/node_modules` are there.
fn read_with_partytime(feed: &Path) -> Option<Value> {
    let node = common::tool("node")?;
    let js = common::repo().join("tests/js");
    if !js.join("node_modules/podcast-partytime").is_dir() {
        assert!(
            !common::conformance_required(),
            "podcast-partytime is required by CARNETS_CONFORMANCE=1: run `npm ci --prefix tests/js`"
        );
        eprintln!("skipping podcast-partytime: run `npm ci --prefix tests/js`");
        return None;
    }
    let mut command = Command::new(node);
    command.arg(js.join("read-feed.mjs")).arg(feed);
    Some(run_json(command))
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
        "self_url": "https://cite-ia.example/carnets/feed.xml",
        "copyright": show.copyright,
        "subtitle": show.subtitle,
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

fn squash(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(s.split_whitespace().collect()),
        other => other.clone(),
    }
}

/// Compares what a reader read with the expectations, on the keys it understands and on any
/// other key it gives; pushes every difference.
fn compare(
    reader: &str,
    understood: &[&str],
    expected: &Map<String, Value>,
    read: &Map<String, Value>,
    at: &str,
    failures: &mut Vec<String>,
) {
    let mut keys: Vec<&String> = expected.keys().chain(read.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let (want, got) = (expected.get(key), read.get(key));
        if !understood.contains(&key.as_str()) && got.is_none() {
            continue;
        }
        let same = match (want, got) {
            (None, None) => true,
            (Some(w), Some(g)) if HTML_TEXT_KEYS.contains(&key.as_str()) => squash(w) == squash(g),
            (Some(w), Some(g)) => w == g,
            // An empty list read where nothing was written (or the reverse) is the same.
            (None, Some(Value::Array(a))) | (Some(Value::Array(a)), None) => a.is_empty(),
            _ => false,
        };
        if !same {
            failures.push(format!(
                "{reader}: {at}.{key}: expected {}, read {}",
                want.map_or("nothing".into(), Value::to_string),
                got.map_or("nothing".into(), Value::to_string),
            ));
        }
    }
}

fn check_reader(reader: &Reader, read: &Value, base: &Value, show: &Show) -> Vec<String> {
    let expected = expected_for(reader, base, show);
    let mut failures = Vec::new();
    compare(
        reader.name,
        reader.channel,
        expected["channel"].as_object().unwrap(),
        read["channel"].as_object().unwrap(),
        "channel",
        &mut failures,
    );
    let (want, got) = (
        expected["items"].as_array().unwrap(),
        read["items"].as_array().unwrap(),
    );
    if want.len() != got.len() {
        failures.push(format!(
            "{}: {} items read, {} written",
            reader.name,
            got.len(),
            want.len()
        ));
    }
    for (i, (w, g)) in want.iter().zip(got).enumerate() {
        compare(
            reader.name,
            reader.item,
            w.as_object().unwrap(),
            g.as_object().unwrap(),
            &format!("items[{i}]"),
            &mut failures,
        );
    }
    failures
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
        .flat_map(|(reader, value)| check_reader(reader, value, &base, &show))
        .collect();
    assert!(
        failures.is_empty(),
        "the readers disagree with the model:\n{}",
        failures.join("\n")
    );
}
