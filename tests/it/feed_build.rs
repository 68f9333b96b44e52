//! A podcast whose `podcast.yaml` and front matter use every Podcasting 2.0 and Apple key
//! carnets knows, built by the real binary: the feed says them all as podcast-partytime and
//! xml.etree read them, and `chapters.json` has what the JSON chapters spec requires.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::common::{self, carnets, run};
use crate::feed_readers::{read_with_partytime, read_with_python};

const SHOW_KEYS: &str = "
analytics_prefix: https://op3.dev/e/
license: cc-by-sa-4.0
medium: podcast
location: { name: \"Lille, Hauts-de-France\", geo: \"geo:50.6292,3.0573\", osm: R58404 }
txt:
  - { purpose: applepodcastsverify, value: 6a1c2f0e-1b2c-4d5e-8f90-123456789abc }
update_frequency: { text: \"Un épisode par mois\", rrule: \"FREQ=MONTHLY;BYDAY=3TH\", dtstart: 2026-01-15 08:00 }
block: true
complete: true
";

fn append(path: &Path, text: &str) {
    let mut all = fs::read_to_string(path).unwrap();
    all.push_str(text);
    fs::write(path, all).unwrap();
}

fn replace(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn every_key_reaches_the_feed_and_the_apps() {
    let (_tmp, root) = common::podcast("podcast");
    append(&root.join("podcast.yaml"), SHOW_KEYS);
    let first = root.join("episodes/001-cbr/episode.md");
    replace(
        &first,
        "season: 1\n",
        "season: 1\ntype: trailer\nblock: true\nlocation: { name: Roubaix, geo: \"geo:50.69,3.17\" }\nsoundbites:\n  - { start: 0.5, duration: 3, title: \"L'accroche\" }\n",
    );
    let (code, _, stderr) = run(carnets().arg("build").arg("--root").arg(&root));
    assert_eq!(code, 0, "{stderr}");
    let public = root.join("public");
    let feed = public.join("feed.xml");
    let xml = fs::read_to_string(&feed).unwrap();
    for line in [
        "<podcast:license url=\"https://creativecommons.org/licenses/by-sa/4.0/\">cc-by-sa-4.0</podcast:license>",
        "<podcast:updateFrequency dtstart=\"2026-01-15T07:00:00Z\" rrule=\"FREQ=MONTHLY;BYDAY=3TH\">Un épisode par mois</podcast:updateFrequency>",
        "<podcast:trailer url=\"https://essais.example.fr/podcast/episodes/001-cbr/001-cbr.mp3\"",
        "<enclosure url=\"https://op3.dev/e/essais.example.fr/podcast/episodes/001-cbr/001-cbr.mp3\"",
    ] {
        assert!(xml.contains(line), "no {line} in\n{xml}");
    }

    let trailer_length = fs::metadata(public.join("episodes/001-cbr/001-cbr.mp3"))
        .unwrap()
        .len();
    let expected_channel = json!({
        "license": "cc-by-sa-4.0",
        "license_url": "https://creativecommons.org/licenses/by-sa/4.0/",
        "medium": "podcast",
        "location": {"name": "Lille, Hauts-de-France", "geo": "geo:50.6292,3.0573", "osm": "R58404"},
        "txt": [{"purpose": "applepodcastsverify", "value": "6a1c2f0e-1b2c-4d5e-8f90-123456789abc"}],
        "trailers": [{
            "title": "Bienvenue : l'IA dans les PME",
            "url": "https://essais.example.fr/podcast/episodes/001-cbr/001-cbr.mp3",
            "pubdate": 1_768_460_400,
            "length": trailer_length,
            "type": "audio/mpeg",
            "season": 1,
        }],
        "block": true,
        "complete": true,
    });
    let expected_item = json!({
        "location": {"name": "Roubaix", "geo": "geo:50.69,3.17"},
        "soundbites": [{"start": 0.5, "duration": 3.0, "title": "L'accroche"}],
    });
    let url = "https://essais.example.fr/podcast/feed.xml";
    let readers = [
        ("podcast-partytime", read_with_partytime(&feed)),
        (
            "etree",
            read_with_python("etree", "xml.etree.ElementTree", &feed, url),
        ),
    ];
    for (name, read) in readers {
        let Some(read) = read else { continue };
        for (key, want) in expected_channel.as_object().unwrap() {
            assert_same(name, &format!("channel.{key}"), want, &read["channel"][key]);
        }
        let items = read["items"].as_array().unwrap();
        let first = items
            .iter()
            .find(|i| i["guid"] == "0b9b4f4e-6a4e-4d39-9a51-0c1d4f2b7a01")
            .unwrap();
        for (key, want) in expected_item.as_object().unwrap() {
            assert_same(name, &format!("item.{key}"), want, &first[key]);
        }
        if name == "etree" {
            assert_eq!(first["block"], true);
            let frequency = &read["channel"]["update_frequency"];
            assert_eq!(frequency["rrule"], "FREQ=MONTHLY;BYDAY=3TH");
            assert_eq!(frequency["dtstart"], "2026-01-15T07:00:00Z");
        }
    }

    // chapters.json: what the Podcasting 2.0 JSON chapters spec requires (a version, a list of
    // chapters each with a numeric startTime), the titles we always write, and the audio
    // named without the analytics prefix.
    let chapters: Value =
        serde_json::from_slice(&fs::read(public.join("episodes/001-cbr/chapters.json")).unwrap())
            .unwrap();
    assert_eq!(chapters["version"], "1.2.0");
    assert_eq!(
        chapters["fileName"],
        "https://essais.example.fr/podcast/episodes/001-cbr/001-cbr.mp3"
    );
    let list = chapters["chapters"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    let starts: Vec<f64> = list
        .iter()
        .map(|c| c["startTime"].as_f64().unwrap())
        .collect();
    assert_eq!(starts, [0.0, 2.5]);
    for chapter in list {
        assert!(
            chapter["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{chapter}"
        );
        assert!(chapter["endTime"].as_f64().unwrap() > chapter["startTime"].as_f64().unwrap());
    }
}

fn assert_same(reader: &str, key: &str, want: &Value, got: &Value) {
    let as_f64 = |v: &Value| v.to_string().parse::<f64>().ok();
    let same = match (want, got) {
        (Value::Number(_), Value::Number(_)) => as_f64(want) == as_f64(got),
        (Value::Array(w), Value::Array(g)) => {
            w.len() == g.len()
                && w.iter().zip(g).all(|(w, g)| match (w, g) {
                    (Value::Object(wo), Value::Object(go)) => wo.iter().all(|(k, v)| {
                        go.get(k).is_some_and(|gv| {
                            v == gv || as_f64(v).is_some() && as_f64(v) == as_f64(gv)
                        })
                    }),
                    _ => w == g,
                })
        }
        _ => want == got,
    };
    assert!(same, "{reader}: {key}: expected {want}, read {got}");
}
