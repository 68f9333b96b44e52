//! The keys of the 2025 namespace and `formats:`, loaded and refused.

use super::*;
use crate::model::{Codec, ImageLocation, ValueAddress};
use crate::testutil::{SHOW_YAML, podcast};

/// A PNG header of `width` × `height` px: the loader reads only the header.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(b"\x08\x02\0\0\0\0\0\0\0");
    bytes
}

const REACH_YAML: &str = "\
formats: [{codec: opus, bitrate: 48k}, {codec: aac, bitrate: 64000}]
images:
  - { file: cover.jpg, alt: \"La pochette\", purpose: artwork }
  - { file: Bannière.png, alt: \"Le studio\", purpose: \"social  banner\" }
  - { href: \"https://cdn.example.fr/canvas.jpg\", width: 1080, height: 1920, purpose: canvas }
value:
  suggested: 0.00000005
  recipients:
    - { name: Hélène, lnaddress: helene@getalby.com, split: 90 }
    - { name: Nœud, node: 02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52, split: 10, fee: true, custom_key: 696969, custom_value: abc }
social_interact:
  - { protocol: bluesky, uri: \"at://did:plc:x/app.bsky.feed.post/1\", priority: 2 }
  - { protocol: activitypub, uri: \"https://podcastindex.social/@carnets/1\", account_id: \"@carnets\", account_url: \"https://podcastindex.social/@carnets\", priority: 1 }
ai_content: \"Transcriptions générées par IA, relues par l'équipe.\"
podroll:
  - { feed_guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810, feed_url: \"https://feeds.podcastindex.org/pc20.xml\", title: Podcasting 2.0, url: \"https://podcasting2.org/\" }
publisher: { feed_guid: 003af0a0-6a45-55cf-b765-68e3d349551a, feed_url: \"https://example.fr/publisher.xml\" }
podping: true
";

#[test]
fn every_key_of_the_2025_namespace_loads() {
    let dir = podcast(&format!("{SHOW_YAML}{REACH_YAML}"));
    std::fs::write(dir.path().join("Bannière.png"), png(1920, 1080)).unwrap();
    let (show, warnings) = load(dir.path(), None).unwrap();
    assert_eq!(warnings.iter().count(), 0, "{warnings:?}");
    let formats: Vec<(Codec, u32)> = show.formats.iter().map(|f| (f.codec, f.bitrate)).collect();
    assert_eq!(formats, [(Codec::Opus, 48_000), (Codec::Aac, 64_000)]);
    assert_eq!(show.formats[1].title(), "AAC 64 kbit/s");
    let images = &show.extras.images;
    assert_eq!(images[0].location, ImageLocation::File(show.image.clone()));
    assert_eq!(
        (images[0].width, images[0].height),
        (Some(1400), Some(1400))
    );
    match &images[1].location {
        ImageLocation::File(art) => assert_eq!(art.published, "images/banniere.png"),
        other => panic!("{other:?}"),
    }
    assert_eq!(images[1].purpose.as_deref(), Some("social banner"));
    assert_eq!(images[1].aspect_ratio().as_deref(), Some("16/9"));
    assert_eq!(images[2].aspect_ratio().as_deref(), Some("9/16"));
    let value = show.extras.value.as_ref().unwrap();
    assert_eq!(
        (value.method.as_str(), value.suggested),
        ("keysend", Some(0.00000005))
    );
    assert_eq!(
        value.recipients[0].address,
        ValueAddress::LnAddress("helene@getalby.com".into())
    );
    assert_eq!(value.recipients[1].custom_key.as_deref(), Some("696969"));
    assert!(value.recipients[1].fee);
    let protocols: Vec<&str> = show
        .extras
        .social
        .iter()
        .map(|s| s.protocol.as_str())
        .collect();
    assert_eq!(protocols, ["activitypub", "bluesky"], "by priority");
    assert!(
        show.extras
            .ai_content
            .as_deref()
            .unwrap()
            .starts_with("Transcriptions")
    );
    assert_eq!(show.podroll[0].title.as_deref(), Some("Podcasting 2.0"));
    assert_eq!(
        show.podroll[0].url.as_deref(),
        Some("https://podcasting2.org/")
    );
    let publisher = show.publisher.unwrap();
    assert_eq!(publisher.feed_guid, "003af0a0-6a45-55cf-b765-68e3d349551a");
    assert_eq!(show.podping, Some(true));
}

fn errors(yaml: &str) -> Vec<String> {
    let dir = podcast(&format!("{SHOW_YAML}{yaml}"));
    let mut found: Vec<String> = load(dir.path(), None)
        .expect_err("should fail")
        .iter()
        .map(|d| d.to_string())
        .collect();
    found.sort();
    found
}

/// Each bad value, alone after the minimal show (line 9 on), gives the error that starts as
/// written, at its line and column, with a `help:` line.
#[test]
fn every_bad_value_is_named_at_its_line_with_a_fix() {
    let cases: &[(&str, &str)] = &[
        (
            "formats: [{codec: mp3, bitrate: 128k}]",
            "9:19: error: carnets does not encode `mp3`",
        ),
        (
            "formats: [{codec: opus, bitrate: 900k}]",
            "9:34: error: Opus at 900 kbit/s is outside",
        ),
        (
            "formats: [{codec: aac, bitrate: fast}]",
            "9:33: error: `fast` is not a bitrate",
        ),
        (
            "formats: [{codec: opus, bitrate: 48k}, {codec: opus, bitrate: 32k}]",
            "9:48: error: `formats` lists Opus twice",
        ),
        (
            "formats: [{codec: opus}]",
            "9:12: error: missing required key `bitrate`",
        ),
        (
            "images: [{alt: x}]",
            "9:10: error: an image needs either `file` or `href`",
        ),
        (
            "images: [{file: cover.jpg, width: 10}]",
            "9:35: error: carnets measures the size",
        ),
        (
            "images: [{href: \"http://x.fr/a.jpg\"}]",
            "9:17: error: `http://x.fr/a.jpg` is not an absolute URL",
        ),
        (
            "value: {recipients: [{lnaddress: a@b.fr, split: 50}, {lnaddress: c@d.fr, split: 40}]}",
            "9:8: error: the splits of `value` add up to 90, not 100",
        ),
        (
            "value: {recipients: [{lnaddress: moi, split: 100}]}",
            "9:34: error: `moi` is not a Lightning address",
        ),
        (
            "value: {recipients: [{node: 12ab, split: 100}]}",
            "9:29: error: a Lightning node is named by its public key",
        ),
        (
            "value: {recipients: [{name: x, split: 100}]}",
            "9:22: error: a recipient is paid at a Lightning address or a node",
        ),
        (
            "value: {recipients: [{lnaddress: a@b.fr, split: 100, custom_key: 12, custom_value: x}]}",
            "9:66: error: `custom_key: 12` is not a keysend record number",
        ),
        (
            "value: {method: push, recipients: []}",
            "9:17: error: `push` is not a Lightning payment method",
        ),
        (
            "value: {suggested: 5, recipients: []}",
            "9:20: error: `suggested: 5` is not an amount",
        ),
        (
            "social_interact: [{protocol: facebook, uri: \"https://x.fr/1\"}]",
            "9:30: error: `facebook` is not a protocol",
        ),
        (
            "social_interact: [{protocol: activitypub}]",
            "9:19: error: `social_interact` needs the `uri`",
        ),
        (
            "social_interact: [{protocol: disabled, uri: \"https://x.fr/1\"}]",
            "9:19: error: `protocol: disabled` says there are no comments",
        ),
        (
            "social_interact: [{protocol: nostr, uri: \"pas une uri\"}]",
            "9:42: error: `pas une uri` is not a URI",
        ),
        (
            "ai_content: \"\"",
            "9:13: error: `ai_content` must not be empty",
        ),
        (
            "ai_content: IA\ntxt: [{purpose: ai-content, value: IA}]",
            "10:7: error: `ai_content` already writes the `podcast:txt`",
        ),
        (
            "podroll: [{feed_guid: pc20, title: X}]",
            "9:23: error: `pc20` is not a podcast GUID",
        ),
        (
            "podroll: [{feed_guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810}]",
            "9:11: error: a recommended show needs its `title`",
        ),
        (
            "podroll: [{feed_guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810, titel: X}]",
            "9:61: error: unknown key `titel`",
        ),
        (
            "publisher: {feed_guid: x}",
            "9:24: error: `x` is not a podcast GUID",
        ),
        ("podping: yes", "9:10: error: invalid boolean"),
    ];
    let mut wrong = Vec::new();
    for (yaml, want) in cases {
        let found = errors(&format!("{yaml}\n"));
        let Some(got) = found
            .iter()
            .find(|e| e.contains(&format!("podcast.yaml:{want}")))
        else {
            wrong.push(format!(
                "{yaml}\n  wanted podcast.yaml:{want}\n  got {found:#?}"
            ));
            continue;
        };
        let parse_error = want.contains("missing required key")
            || want.contains("unknown key")
            || want.contains("invalid boolean");
        if !parse_error && !got.contains("\n  help: ") {
            wrong.push(format!("no help line: {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_publisher_without_its_feed_url_is_a_warning() {
    let dir = podcast(&format!(
        "{SHOW_YAML}publisher: {{ feed_guid: 003af0a0-6a45-55cf-b765-68e3d349551a }}\n"
    ));
    let (show, warnings) = load(dir.path(), None).unwrap();
    assert!(show.publisher.is_some());
    let text = warnings.iter().next().unwrap().to_string();
    assert!(
        text.contains("podcast.yaml:9:12: warning: apps find a publisher"),
        "{text}"
    );
}
