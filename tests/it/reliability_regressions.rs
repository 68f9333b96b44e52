//! Regression tests for the bugs the fuzzers found, each named after its bug. The inputs are
//! the fuzzers' crashes, minimised and written out.

use std::io::Cursor;

use carnets::audio::{AudioInfo, MpegVersion, build_tag};
use carnets::model::{Chapter, Episode, Show};
use id3::TagLike;

fn read_back(show: &Show, episode: &Episode) -> id3::Tag {
    id3::Tag::read_from2(Cursor::new(build_tag(show, episode, None))).expect("tag reads back")
}

/// fuzz/id3_roundtrip, crash-c62686c3…: a show titled "\0\0" came back from the tag as "//":
/// ID3 separates the values of a text frame with NUL, so a NUL in a title split it in two.
#[test]
fn nul_in_a_title_split_the_id3_text_frame() {
    let show = Show {
        title: "\0\0".into(),
        author: "Cité\0de l'IA".into(),
        language: "fr-FR".into(),
        base_url: "https://carnets.example.org/".into(),
        ..Show::default()
    };
    let episode = Episode {
        slug: "001-x".into(),
        title: "Bien\u{0}venue\u{7} à tous".into(),
        summary: Some("\0".into()),
        chapters: vec![Chapter {
            start_ms: 0,
            title: "Intro\0duction".into(),
            ..Chapter::default()
        }],
        media: AudioInfo {
            version: MpegVersion::Mpeg1,
            layer: 3,
            sample_rate: 44_100,
            samples: 441_000,
            ..AudioInfo::default()
        },
        ..Episode::default()
    };
    let tag = read_back(&show, &episode);
    assert_eq!(tag.album(), Some(""));
    assert_eq!(tag.artist(), Some("Citéde l'IA"));
    assert_eq!(tag.title(), Some("Bienvenue à tous"));
    assert_eq!(
        tag.comments().count(),
        0,
        "a summary of controls only is no comment"
    );
    let chapter = tag.chapters().next().expect("CHAP");
    let title = chapter
        .frames
        .iter()
        .find(|f| f.id() == "TIT2")
        .expect("TIT2");
    assert_eq!(title.content().text(), Some("Introduction"));
}
