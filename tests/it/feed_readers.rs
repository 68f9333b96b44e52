//! Running the feed readers of the conformance tests and comparing what they read.
//!
//! Each reader (`tests/conformance/read_feed.py`, `tests/js/read-feed.mjs`) prints the same
//! normalized JSON; each declares here the keys it understands, and for those a missing or
//! different value fails. What a reader cannot read at all is left out, with the reason:
//! - podcastparser 0.6.11 knows the podcast namespace only by its GitHub URL, not by the
//!   canonical `https://podcastindex.org/namespace/1.0` we declare: it reads no `podcast:*`;
//! - feedparser 6 reads `itunes:explicit` only as `yes`/`clean` (Apple and the W3C validator
//!   want `true`/`false`), keeps only the attributes of the last `podcast:person` and
//!   `podcast:funding` and of `podcast:license` (so it gives the licence URL, not its
//!   identifier), and sanitizes HTML (the notes are compared as text);
//! - podcast-partytime decodes the character references of HTML content once more (its view
//!   of the notes is compared with the notes decoded once), reports an episode without
//!   `itunes:explicit` as having the channel's value and a soundbite without a title as having
//!   the show's title; its latest version (5.0.0) does not read `podcast:updateFrequency` nor
//!   an item's `itunes:block`, which the raw XML reader (etree) checks.
//!
//! Numbers are compared as numbers (`73` and `73.0` are the same start time).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Map, Value};

use crate::common;

/// The keys each reader understands; for these, what it reads must be the model's value.
pub struct Reader {
    pub name: &'static str,
    pub channel: &'static [&'static str],
    pub item: &'static [&'static str],
}

pub const PODCASTPARSER: Reader = Reader {
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

pub const FEEDPARSER: Reader = Reader {
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
        "license_url",
        "medium",
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

pub const PARTYTIME: Reader = Reader {
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
        "license_url",
        "self_url",
        "medium",
        "location",
        "txt",
        "trailers",
        "block",
        "complete",
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
        "location",
        "soundbites",
    ],
};

pub const ETREE: Reader = Reader {
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
        "license_url",
        "medium",
        "location",
        "txt",
        "update_frequency",
        "trailers",
        "block",
        "complete",
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
        "location",
        "soundbites",
        "block",
    ],
};

/// Keys holding text taken from HTML: readers lay out its whitespace differently, so they are
/// compared with all whitespace removed (every other character still in order).
const HTML_TEXT_KEYS: &[&str] = &["description", "content_text"];

fn conformance_dir() -> PathBuf {
    common::repo().join("tests/conformance")
}

/// Runs a reader script and parses its JSON.
pub fn run_json(mut command: Command) -> Value {
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
pub fn read_with_partytime(feed: &Path) -> Option<Value> {
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

fn squash(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(s.split_whitespace().collect()),
        other => other.clone(),
    }
}

/// `value` with every number as a float, so that `73` and `73.0` compare equal.
fn numeric(value: &Value) -> Value {
    match value {
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Number(n.clone()), Value::Number),
        Value::Array(a) => Value::Array(a.iter().map(numeric).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), numeric(v))).collect()),
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
            (Some(w), Some(g)) => numeric(w) == numeric(g),
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

/// Every difference between what `reader` read and what it should have.
pub fn check_reader(reader: &Reader, read: &Value, expected: &Value) -> Vec<String> {
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
