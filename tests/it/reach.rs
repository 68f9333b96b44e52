//! Issue 15's done-when, on a podcast the tests did not grow up with (`reach_support.rs`):
//! the W3C rules still pass; podcast-partytime reads every alternate enclosure with its source
//! and integrity, the value blocks, the podroll and the images; ffprobe reads every alternate
//! file, as long as the MP3 and as long (in bytes) as the feed says; each integrity is the
//! file's SRI hash as Python's hashlib computes it. The chapters are `reach_chapters.rs`'s,
//! the pages `reach_site.rs`'s.

use std::process::Command;

use serde_json::Value;

use crate::common;
use crate::feed_readers::run_json;
use crate::feed_w3c::{assert_valid, check_at};
use crate::reach_support::{BASE_URL, built, ffprobe, front_matter_chapters, items, number, sri};

#[test]
fn the_feed_with_formats_chapters_and_the_2025_namespace_passes_the_w3c_rules() {
    let Some(built) = built() else { return };
    let Some(reports) = check_at(
        &[built.feed()],
        &format!("{BASE_URL}feed.xml"),
        "1798761600",
    ) else {
        return;
    };
    assert_valid(&reports[0], "the Ondes courtes feed");
}

#[test]
fn every_alternate_file_is_what_the_feed_says_for_ffprobe_and_hashlib() {
    let (Some(built), Some(probe), Some(python)) =
        (built(), common::tool("ffprobe"), common::tool("python3"))
    else {
        return;
    };
    let xml = std::fs::read_to_string(built.feed()).unwrap();
    let items = items(&xml);
    assert_eq!(items.len(), 3);
    for (guid, alternates, _) in &items {
        let mimes: Vec<&str> = alternates.iter().map(|a| a.mime.as_str()).collect();
        assert_eq!(mimes, ["audio/mpeg", "audio/ogg", "audio/mp4"], "{guid}");
        let defaults: Vec<bool> = alternates.iter().map(|a| a.default).collect();
        assert_eq!(
            defaults,
            [true, false, false],
            "only the MP3 is the enclosure's: {guid}"
        );
        let mp3 = built.file(&alternates[0].source);
        let mp3_duration = number(&ffprobe(&probe, &mp3)["format"]["duration"]);
        for alt in alternates {
            let file = built.file(&alt.source);
            let size = std::fs::metadata(&file).unwrap().len();
            assert_eq!(alt.length, size, "declared length of {}", file.display());
            assert_eq!(
                alt.integrity,
                sri(&python, &file),
                "integrity of {}",
                file.display()
            );
            let read = ffprobe(&probe, &file);
            let duration = number(&read["format"]["duration"]);
            assert!(
                (duration - mp3_duration).abs() < 1.0,
                "{}: {duration} s against the MP3's {mp3_duration} s",
                file.display()
            );
            let codec = read["streams"][0]["codec_name"].as_str().unwrap();
            let expected = match alt.mime.as_str() {
                "audio/mpeg" => "mp3",
                "audio/ogg" => "opus",
                _ => "aac",
            };
            assert_eq!(codec, expected, "{}", file.display());
            // The tags and chapters are in the container, as in the MP3's ID3 tag.
            let chapters = read["chapters"].as_array().unwrap();
            let want = &front_matter_chapters()[guid.as_str()];
            assert_eq!(chapters.len(), want.len(), "chapters of {}", file.display());
            for (chapter, (start, title)) in chapters.iter().zip(want) {
                assert_eq!(chapter["tags"]["title"], *title, "{}", file.display());
                let at = number(&chapter["start_time"]);
                assert!(
                    (at - *start as f64 / 1000.0).abs() < 0.001,
                    "{}",
                    file.display()
                );
            }
            let tags = match expected {
                "opus" => &read["streams"][0]["tags"],
                _ => &read["format"]["tags"],
            };
            let title = tags
                .as_object()
                .and_then(|t| t.get("title").or(t.get("TITLE")));
            assert!(
                title.is_some(),
                "no title tag in {}: {read:#}",
                file.display()
            );
        }
    }
}

#[test]
fn partytime_reads_the_alternates_with_sources_and_integrity_the_value_the_podroll_and_the_images()
{
    let (Some(built), Some(node)) = (built(), common::tool("node")) else {
        return;
    };
    let mut command = Command::new(node);
    command
        .arg(common::repo().join("tests/js/read-reach.mjs"))
        .arg(built.feed());
    let read = run_json(command);
    let xml = std::fs::read_to_string(built.feed()).unwrap();
    for ((guid, alternates, _), item) in items(&xml).iter().zip(read["items"].as_array().unwrap()) {
        assert_eq!(item["guid"], *guid);
        let got = item["alternates"].as_array().unwrap();
        assert_eq!(got.len(), alternates.len(), "{guid}: {item:#}");
        for (alt, seen) in alternates.iter().zip(got) {
            assert_eq!(seen["type"], alt.mime.as_str());
            assert_eq!(seen["length"], alt.length);
            assert_eq!(seen["default"], alt.default);
            assert_eq!(seen["sources"], serde_json::json!([alt.source]));
            assert_eq!(seen["integrity"]["type"], "sri");
            assert_eq!(seen["integrity"]["value"], alt.integrity.as_str());
        }
    }
    let recipients = |value: &Value| -> Vec<(String, String, u64)> {
        value["recipients"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let field = |k: &str| r[k].as_str().unwrap().to_string();
                (
                    field("type"),
                    field("address"),
                    r["split"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let show = &read["value"];
    assert_eq!(
        (&show["type"], &show["method"]),
        (&"lightning".into(), &"keysend".into())
    );
    assert_eq!(show["suggested"].as_f64(), Some(0.0000001));
    let node_key = "03ae9f91a0cb8ff43840e3c322c4c61f019d8c1c3cea15a25cfc425ac605e61a4a";
    assert_eq!(
        recipients(show),
        [
            ("lnaddress".into(), "lise@getalby.com".into(), 85),
            ("node".into(), node_key.into(), 10),
            ("lnaddress".into(), "frais@ondes.example.org".into(), 5),
        ]
    );
    assert_eq!(show["recipients"][1]["customKey"], "696969");
    assert_eq!(show["recipients"][2]["fee"], true);
    let item = |guid: &str| {
        let items = read["items"].as_array().unwrap();
        let found = items
            .iter()
            .find(|i| i["guid"].as_str().unwrap().ends_with(guid));
        found.unwrap().clone()
    };
    // Episode 2 has its own value block, which replaces the show's.
    assert_eq!(
        recipients(&item("5f02")["value"]),
        [
            ("lnaddress".into(), "lise@getalby.com".into(), 60),
            ("lnaddress".into(), "paul@walletofsatoshi.com".into(), 40),
        ]
    );
    let podroll: Vec<(&str, &str)> = read["podroll"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["feedGuid"].as_str().unwrap(),
                r["title"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        podroll,
        [
            ("917393e3-1b1e-5cef-ace4-edaa54e1f810", "Podcasting 2.0"),
            ("29cdca4a-32d8-56ba-b48b-09a011c5daa9", "Buzzcast")
        ]
    );
    assert_eq!(
        read["images"][0]["parsed"],
        serde_json::json!({"url": format!("{BASE_URL}cover.jpg"), "width": 1400})
    );
    assert_eq!(
        item("5f01")["images"][0]["parsed"]["url"],
        format!("{BASE_URL}episodes/001-premiere-antenne/antenne.jpg")
    );
    assert_eq!(
        read["publisher"]["feedGuid"],
        "003af0a0-6a45-55cf-b765-68e3d349551a"
    );
    assert_eq!(
        item("5f01")["social"][0]["url"],
        "https://mastodon.example.org/@ondes/101"
    );
    assert_eq!(read["txt"][0]["purpose"], "ai-content");
    // The new element itself, which partytime does not read yet: every image, with its size.
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let images: Vec<(&str, Option<&str>, Option<&str>)> = doc
        .descendants()
        .filter(|n| n.has_tag_name(("https://podcastindex.org/namespace/1.0", "image")))
        .map(|n| {
            (
                n.attribute("href").unwrap(),
                n.attribute("width"),
                n.attribute("aspect-ratio"),
            )
        })
        .collect();
    assert_eq!(
        images,
        [
            (
                format!("{BASE_URL}cover.jpg").as_str(),
                Some("1400"),
                Some("1/1")
            ),
            (
                format!("{BASE_URL}images/banniere.png").as_str(),
                Some("1920"),
                Some("16/9")
            ),
            (
                format!("{BASE_URL}episodes/001-premiere-antenne/antenne.jpg").as_str(),
                Some("1400"),
                Some("1/1")
            ),
            (
                "https://cdn.ondes.example.org/antenne-16-9.jpg",
                Some("1920"),
                Some("16/9")
            ),
        ]
    );
    assert!(built.public.join("images/banniere.png").is_file());
}
