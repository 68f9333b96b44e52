//! Property tests (proptest): tagging never touches the audio frames, durations add up over
//! concatenated frames, the feed's escaping survives a real XML parser for any Unicode text,
//! and slugs are always `[a-z0-9-]+`.

use std::fs;
use std::path::PathBuf;

use carnets::audio::{AudioInfo, build_tag, probe_bytes};
use carnets::model::{Chapter, Episode, Funding, Show};
use carnets::show::validate::{is_slug, slugify};
use carnets::util::text::strip_control_chars;
use proptest::prelude::*;

use crate::common::fixtures;

/// Every fixture MP3 that measures, with what it measures.
fn mp3s() -> Vec<(PathBuf, Vec<u8>, AudioInfo)> {
    let mut found = Vec::new();
    for dir in ["audio", "tag"] {
        for entry in fs::read_dir(fixtures().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let bytes = fs::read(&path).unwrap();
            if let Ok(info) = probe_bytes(&bytes) {
                found.push((path, bytes, info));
            }
        }
    }
    assert!(found.len() >= 10, "fixtures missing: {}", found.len());
    found
}

/// Text with the characters escaping gets wrong: markup, CDATA ends, controls, carriage
/// returns, right-to-left marks, emoji, non-characters, anything.
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        Just("]]>".to_string()),
        Just("]]".to_string()),
        Just("&amp;".to_string()),
        Just("<b>".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\u{200F}\u{202E}".to_string()),
        Just("🎙️👩🏽‍💻".to_string()),
        Just("\u{0}\u{1B}\u{7F}\u{85}".to_string()),
        Just("\u{FFFE}\u{FFFF}".to_string()),
        "[a-zA-Z \"'&<>]{0,8}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

fn show_with(text: &str) -> Show {
    Show {
        title: text.into(),
        author: text.into(),
        base_url: "https://carnets.example.org/".into(),
        media_base_url: "https://carnets.example.org/".into(),
        language: "fr-FR".into(),
        funding: vec![Funding {
            url: format!("https://carnets.example.org/?q={text}"),
            text: text.into(),
        }],
        ..Show::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// A fresh tag, whatever it holds (pictures full of sync words included), in front of a
    /// source's frames: the published file measures the same and carries the same bytes.
    #[test]
    fn audio_frames_are_unchanged_by_tagging(
        which in 0usize..64,
        title in nasty_text(),
        cover in prop::collection::vec(prop_oneof![Just(0xFFu8), any::<u8>()], 0..4096),
        chapters in 0usize..20,
    ) {
        let sources = mp3s();
        let (path, bytes, info) = &sources[which % sources.len()];
        let episode = Episode {
            slug: "001-x".into(),
            title: title.clone(),
            chapters: (0..chapters)
                .map(|i| Chapter { start_ms: i as u64 * 10, title: title.clone(), ..Chapter::default() })
                .collect(),
            media: info.clone(),
            ..Episode::default()
        };
        let tag = build_tag(&show_with(&title), &episode, Some(&cover));
        let frames = &bytes[info.audio_start as usize..info.audio_end as usize];
        let published = [tag.as_slice(), frames].concat();
        let again = probe_bytes(&published).expect("the published MP3 measures");
        prop_assert_eq!(again.audio_start, tag.len() as u64, "{}", path.display());
        prop_assert_eq!(&published[again.audio_start as usize..again.audio_end as usize], frames);
        prop_assert_eq!(
            (again.frames, again.samples, again.sample_rate),
            (info.frames, info.samples, info.sample_rate),
            "{}", path.display()
        );
    }

    /// Streams without a Xing/LAME header (nothing trimmed): frames and samples of a
    /// concatenation are the sums of its parts'.
    #[test]
    fn durations_add_up_over_concatenated_frames(which in 0usize..16, n in 1usize..5, m in 1usize..5) {
        let plain: Vec<_> = ["cbr-64-noxing.mp3", "vbr-noxing.mp3", "mpeg2-16000-mono-noxing.mp3"]
            .iter()
            .map(|name| {
                let bytes = fs::read(fixtures().join("audio").join(name)).unwrap();
                let info = probe_bytes(&bytes).unwrap();
                bytes[info.audio_start as usize..info.audio_end as usize].to_vec()
            })
            .collect();
        let frames = &plain[which % plain.len()];
        let a = probe_bytes(&frames.repeat(n)).unwrap();
        let b = probe_bytes(&frames.repeat(m)).unwrap();
        let ab = probe_bytes(&frames.repeat(n + m)).unwrap();
        prop_assert_eq!(ab.frames, a.frames + b.frames);
        prop_assert_eq!(ab.samples, a.samples + b.samples);
        prop_assert_eq!(ab.duration_ms(), ab.samples * 1000 / u64::from(ab.sample_rate));
        prop_assert_eq!(ab.audio_len(), a.audio_len() + b.audio_len());
    }

    /// Any text through the feed and back through a real XML parser: the same text, less the
    /// characters XML cannot carry; in attributes, tab and line ends become spaces.
    #[test]
    fn feed_escaping_round_trips_through_an_xml_parser(text in nasty_text(), notes in nasty_text()) {
        let notes = notes.replace('<', "");
        let show = show_with(&text);
        let episode = Episode {
            slug: "001-x".into(),
            title: text.clone(),
            guid: text.clone(),
            summary: Some(format!("x{text}")),
            notes_html: format!("x{notes}").into(),
            ..Episode::default()
        };
        let feed = carnets::render::feed::render(&show, &[episode]);
        let xml = roxmltree::Document::parse(&feed).map_err(|e| TestCaseError::fail(format!("{e}: {feed}")))?;
        let clean = strip_control_chars(&text).into_owned();
        let text_of = |parent: &str, name: &str| -> String {
            xml.descendants()
                .find(|n| n.tag_name().name() == name && n.parent().is_some_and(|p| p.tag_name().name() == parent))
                .map(|n| n.text().unwrap_or("").to_string())
                .unwrap_or_else(|| panic!("no {parent}/{name}"))
        };
        prop_assert_eq!(text_of("channel", "title"), clean.clone());
        prop_assert_eq!(text_of("channel", "author"), clean.clone());
        prop_assert_eq!(text_of("item", "title"), clean.clone());
        prop_assert_eq!(text_of("item", "guid"), clean.clone());
        prop_assert_eq!(text_of("item", "summary"), format!("x{clean}"));
        prop_assert_eq!(text_of("channel", "funding"), clean.clone());
        prop_assert_eq!(text_of("item", "encoded"), strip_control_chars(&format!("x{notes}")).into_owned());
        let funding = xml.descendants().find(|n| n.tag_name().name() == "funding").unwrap();
        let spaced = clean.replace(['\t', '\n', '\r'], " ");
        let url = format!("https://carnets.example.org/?q={spaced}");
        prop_assert_eq!(funding.attribute("url"), Some(url.as_str()));
    }

    /// A slug from any title is `[a-z0-9]` words joined by single hyphens (or nothing at all
    /// when the title has no letter or digit), and slugifying it again changes nothing.
    #[test]
    fn slugs_are_always_lowercase_ascii_digits_and_hyphens(title in nasty_text(), other in any::<String>()) {
        for source in [&title, &other] {
            let slug = slugify(source);
            if !slug.is_empty() {
                prop_assert!(is_slug(&slug), "{:?} → {:?}", source, slug);
                prop_assert!(
                    !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"),
                    "{:?} → {:?}", source, slug
                );
            }
            prop_assert_eq!(slugify(&slug), slug.clone());
        }
    }
}
