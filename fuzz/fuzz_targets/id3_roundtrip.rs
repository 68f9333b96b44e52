//! The ID3v2.3 tag writer round trip: any titles, names, summary, chapters and cover bytes →
//! `build_tag` → read back with the `id3` crate → the same frames, in v2.3 (text without its
//! control characters, which the tag drops as the feed does).
#![no_main]

use std::io::Cursor;

use arbitrary::Arbitrary;
use carnets::audio::{AudioInfo, MpegVersion, build_tag};
use carnets::util::text::strip_control_chars as clean;
use carnets::model::{Chapter, Episode, Show};
use id3::{Content, TagLike, Version};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    show_title: String,
    author: String,
    language: String,
    title: String,
    summary: Option<String>,
    number: Option<u32>,
    season: Option<u32>,
    /// Gaps between chapter starts (ms), titles, URLs.
    chapters: Vec<(u16, String, Option<String>)>,
    cover: Option<Vec<u8>>,
    seconds: u32,
}

fuzz_target!(|input: Input| {
    let show = Show {
        title: input.show_title.clone(),
        author: input.author.clone(),
        language: input.language.clone(),
        base_url: "https://carnets.example.org/".into(),
        media_base_url: "https://carnets.example.org/".into(),
        ..Show::default()
    };
    let mut start = 0u64;
    let chapters: Vec<Chapter> = input
        .chapters
        .iter()
        .map(|(gap, title, url)| {
            start += u64::from(*gap) + 1;
            Chapter {
                start_ms: start,
                title: title.clone(),
                url: url.clone(),
                ..Chapter::default()
            }
        })
        .collect();
    let episode = Episode {
        slug: "001-x".into(),
        title: input.title.clone(),
        number: input.number,
        season: input.season,
        summary: input.summary.clone(),
        chapters,
        media: AudioInfo {
            version: MpegVersion::Mpeg1,
            layer: 3,
            sample_rate: 44_100,
            channels: 2,
            frames: 1,
            samples: u64::from(input.seconds) * 44_100,
            ..AudioInfo::default()
        },
        ..Episode::default()
    };
    let bytes = build_tag(&show, &episode, input.cover.as_deref());
    let tag = id3::Tag::read_from2(Cursor::new(&bytes)).expect("our tag reads back");
    assert_eq!(tag.version(), Version::Id3v23);
    assert_eq!(tag.title(), Some(clean(&input.title).as_ref()), "TIT2");
    assert_eq!(tag.album(), Some(clean(&input.show_title).as_ref()), "TALB");
    // ID3v2.3 lists several performers in TPE1 separated by `/` (carnets joins hosts so);
    // the id3 crate reads each `/` back as its NUL value separator.
    let artist = tag.artist().map(|a| a.replace('\0', "/"));
    assert_eq!(artist.as_deref(), Some(clean(&input.author).as_ref()), "TPE1");
    assert_eq!(tag.track(), input.number, "TRCK");
    assert_eq!(tag.disc(), input.season, "TPOS");
    match input.summary.as_deref().map(clean).filter(|s| !s.is_empty()) {
        Some(summary) => {
            let comment = tag.comments().next().expect("COMM");
            assert_eq!(comment.text, summary.as_ref(), "COMM");
        }
        None => assert_eq!(tag.comments().count(), 0),
    }
    let chaps: Vec<_> = tag.chapters().collect();
    assert_eq!(chaps.len(), episode.chapters.len(), "CHAP count");
    for (chap, chapter) in chaps.iter().zip(&episode.chapters) {
        assert_eq!(u64::from(chap.start_time), chapter.start_ms.min(u64::from(u32::MAX)));
        let title = chap.frames.iter().find(|f| f.id() == "TIT2").expect("TIT2");
        assert_eq!(title.content().text(), Some(clean(&chapter.title).as_ref()), "CHAP TIT2");
        let link = chap.frames.iter().find_map(|f| match f.content() {
            Content::ExtendedLink(link) => Some(link.link.clone()),
            _ => None,
        });
        assert_eq!(link.is_some(), chapter.url.is_some(), "CHAP WXXX");
    }
    let pictures: Vec<_> = tag.pictures().collect();
    match &input.cover {
        Some(cover) => assert_eq!(&pictures[0].data, cover, "APIC"),
        None => assert!(pictures.is_empty()),
    }
});
