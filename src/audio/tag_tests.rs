//! Unit tests of the ID3v2.3 tag: the pure rules, and the bytes walked by hand (not by the
//! `id3` crate that wrote them) so a wrong frame size or encoding cannot hide.

use std::path::PathBuf;

use id3::{Encoding, TagLike};

use super::*;
use crate::audio::{AudioInfo, MpegVersion};
use crate::model::{EpisodeType, Person};
use crate::util::diag::Pos;

fn show() -> Show {
    crate::testutil::show()
}

fn chapter(start_ms: u64, title: &str, url: Option<&str>) -> Chapter {
    Chapter {
        start_ms,
        title: title.into(),
        url: url.map(Into::into),
        pos: Pos { line: 1, column: 1 },
        ..Default::default()
    }
}

fn person(name: &str, role: &str) -> Person {
    Person {
        name: name.into(),
        role: role.into(),
        group: "cast".into(),
        href: None,
        img: None,
    }
}

/// Six seconds of 44.1 kHz audio.
fn media() -> AudioInfo {
    AudioInfo {
        version: MpegVersion::Mpeg1,
        layer: 3,
        sample_rate: 44_100,
        channels: 1,
        frames: 230,
        samples: 264_600,
        audio_start: 0,
        audio_end: 24_137,
        vbr: false,
        bitrate: 32_000,
    }
}

fn episode() -> Episode {
    Episode {
        slug: "012-pme".into(),
        dir: PathBuf::from("episodes/012-pme"),
        title: "L'IA dans les PME : par où commencer ?".into(),
        date: "2026-11-20T08:00[Europe/Paris]".parse().unwrap(),
        guid: "3f0e8c0e-8a55-4d0e-9b2e-5b7a1c3e1f00".into(),
        number: Some(12),
        season: Some(2),
        episode_type: EpisodeType::Full,
        summary: Some("Une phrase qui donne envie d'écouter.".into()),
        audio: PathBuf::from("episodes/012-pme/pme.mp3"),
        persons: vec![person("Hélène Van Waes", "guest")],
        chapters: vec![
            chapter(0, "Introduction", None),
            chapter(
                2_000,
                "Le podcast qui a tout changé",
                Some("https://example.org/a"),
            ),
            chapter(4_500, "Conclusion", None),
        ],
        media: media(),
        published_size: 0,
        ..Default::default()
    }
}

/// A raw ID3v2.3 frame: id, flags, body.
#[derive(Debug)]
struct RawFrame {
    id: String,
    flags: u16,
    body: Vec<u8>,
}

/// Walks v2.3 frames by hand: 4-byte id, 4-byte plain (not syncsafe) size, 2-byte flags.
/// Panics on anything but frames laid end to end up to exactly the end (so no padding either).
fn walk_frames(mut bytes: &[u8]) -> Vec<RawFrame> {
    let mut frames = Vec::new();
    while !bytes.is_empty() {
        assert!(bytes.len() >= 10, "truncated frame header: {bytes:?}");
        let id = std::str::from_utf8(&bytes[..4])
            .expect("ASCII frame id")
            .to_string();
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
            "frame id {id:?}"
        );
        let size = u32::from_be_bytes(bytes[4..8].try_into().unwrap()) as usize;
        let flags = u16::from_be_bytes([bytes[8], bytes[9]]);
        assert!(
            bytes.len() >= 10 + size,
            "frame {id} overruns its container"
        );
        frames.push(RawFrame {
            id,
            flags,
            body: bytes[10..10 + size].to_vec(),
        });
        bytes = &bytes[10 + size..];
    }
    frames
}

/// Checks the tag header and returns its top-level frames.
fn walk_tag(tag: &[u8]) -> Vec<RawFrame> {
    assert_eq!(&tag[..5], b"ID3\x03\x00", "an ID3v2.3.0 header");
    assert_eq!(
        tag[5], 0,
        "no unsynchronisation, extended header or experimental flag"
    );
    assert!(
        tag[6..10].iter().all(|b| b & 0x80 == 0),
        "tag size is syncsafe"
    );
    let size = tag[6..10]
        .iter()
        .fold(0usize, |n, b| (n << 7) | usize::from(*b));
    assert_eq!(
        size + 10,
        tag.len(),
        "the tag size covers exactly the frames"
    );
    walk_frames(&tag[10..])
}

fn frame<'a>(frames: &'a [RawFrame], id: &str) -> &'a RawFrame {
    let mut found = frames.iter().filter(|f| f.id == id);
    let first = found.next().unwrap_or_else(|| panic!("no {id} frame"));
    assert!(found.next().is_none(), "more than one {id} frame");
    first
}

/// Decodes a v2.3 text frame body: encoding byte 0 (ISO-8859-1) or 1 (UTF-16 with BOM).
fn text(body: &[u8]) -> String {
    match body[0] {
        0 => body[1..].iter().map(|&b| char::from(b)).collect(),
        1 => {
            let units: Vec<u16> = match &body[1..3] {
                [0xFF, 0xFE] => body[3..]
                    .chunks(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect(),
                [0xFE, 0xFF] => body[3..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect(),
                bom => panic!("UTF-16 text without a BOM: {bom:?}"),
            };
            String::from_utf16(&units).unwrap()
        }
        other => panic!("text encoding {other} does not exist in ID3v2.3"),
    }
}

/// A CHAP body: element id, start, end, start offset, end offset, sub-frames.
fn chap(body: &[u8]) -> (String, [u32; 4], Vec<RawFrame>) {
    let nul = body.iter().position(|&b| b == 0).unwrap();
    let id = String::from_utf8(body[..nul].to_vec()).unwrap();
    let mut times = [0u32; 4];
    for (i, t) in times.iter_mut().enumerate() {
        let at = nul + 1 + 4 * i;
        *t = u32::from_be_bytes(body[at..at + 4].try_into().unwrap());
    }
    (id, times, walk_frames(&body[nul + 17..]))
}

/// A CTOC body: element id, flags, child ids (sub-frames must be empty here).
fn ctoc(body: &[u8]) -> (String, u8, Vec<String>) {
    let mut parts = body.split(|&b| b == 0);
    let id = String::from_utf8(parts.next().unwrap().to_vec()).unwrap();
    let flags = body[id.len() + 1];
    let count = usize::from(body[id.len() + 2]);
    let children: Vec<String> = body[id.len() + 3..]
        .split(|&b| b == 0)
        .take(count)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    let used = id.len() + 3 + children.iter().map(|c| c.len() + 1).sum::<usize>();
    assert_eq!(
        used,
        body.len(),
        "CTOC {id}: entry count matches the entries, nothing after"
    );
    (id, flags, children)
}

#[test]
fn chapter_ends_are_the_next_start_then_the_end_of_the_audio() {
    let chapters = episode().chapters;
    assert_eq!(
        chapter_spans(&chapters, 6_000),
        vec![(0, 2_000), (2_000, 4_500), (4_500, 6_000)]
    );
    assert_eq!(chapter_spans(&[], 6_000), vec![]);
    // A start past the measured end never gives an end before the start.
    assert_eq!(
        chapter_spans(&[chapter(7_000, "x", None)], 6_000),
        vec![(7_000, 7_000)]
    );
}

#[test]
fn tlan_is_iso_639_2_from_the_bcp47_language() {
    assert_eq!(iso639_2("fr-FR"), "fre");
    assert_eq!(iso639_2("fr"), "fre");
    assert_eq!(iso639_2("FR-be"), "fre");
    assert_eq!(iso639_2("en-GB"), "eng");
    assert_eq!(iso639_2("de_CH"), "ger");
    assert_eq!(iso639_2("nl-BE"), "dut");
    assert_eq!(iso639_2("gsw-CH"), "gsw", "a three-letter code is kept");
    assert_eq!(iso639_2("x-klingon"), "und");
    assert_eq!(iso639_2("zz"), "und");
    assert_eq!(iso639_2(""), "und");
}

#[test]
fn tyer_tdat_time_are_the_local_date() {
    let date: Zoned = "2026-11-20T08:05[Europe/Paris]".parse().unwrap();
    let d = Id3Date::from(&date);
    assert_eq!(
        (
            d.year.as_str(),
            d.day_month.as_str(),
            d.hour_minute.as_str()
        ),
        ("2026", "2011", "0805")
    );
    // 00:30 in Paris on 1 March is still 28 February in UTC: the producer's date wins.
    let date: Zoned = "2026-03-01T00:30[Europe/Paris]".parse().unwrap();
    let d = Id3Date::from(&date);
    assert_eq!(
        (d.day_month.as_str(), d.hour_minute.as_str()),
        ("0103", "0030")
    );
}

#[test]
fn text_encoding_is_latin1_only_when_lossless() {
    assert_eq!(text_encoding(&["Podcast"]), Encoding::Latin1);
    assert_eq!(text_encoding(&["Hélène « à » ç"]), Encoding::Latin1);
    assert_eq!(
        text_encoding(&["L’IA"]),
        Encoding::UTF16,
        "U+2019 is not Latin-1"
    );
    assert_eq!(text_encoding(&["prix 5 €"]), Encoding::UTF16);
    assert_eq!(text_encoding(&["🚀"]), Encoding::UTF16);
    assert_eq!(
        text_encoding(&["\u{85}"]),
        Encoding::UTF16,
        "C1 controls read differently in cp1252"
    );
    assert_eq!(
        text_encoding(&["abc", "ś"]),
        Encoding::UTF16,
        "one encoding for the whole frame"
    );
}

#[test]
fn urls_are_percent_encoded_to_ascii() {
    assert!(matches!(ascii_url("https://a.org/x?y=1"), Cow::Borrowed(_)));
    assert_eq!(
        ascii_url("https://fr.wikipedia.org/wiki/Hélène"),
        "https://fr.wikipedia.org/wiki/H%C3%A9l%C3%A8ne"
    );
    assert_eq!(ascii_url("https://a.org/a b"), "https://a.org/a%20b");
}

#[test]
fn author_is_the_episode_hosts_else_the_show_author() {
    let show = show();
    let mut episode = episode();
    assert_eq!(
        author(&show, &episode),
        "Cité de l'IA",
        "a guest is not the author"
    );
    episode.persons.push(person("Ada", "host"));
    episode.persons.push(person("Grace", "host"));
    assert_eq!(author(&show, &episode), "Ada/Grace");
}

#[test]
fn the_tag_is_deterministic() {
    let cover = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
    let a = build_tag(&show(), &episode(), Some(&cover));
    let b = build_tag(&show(), &episode(), Some(&cover));
    assert_eq!(a, b);
    let mut other = episode();
    other.title.push('!');
    assert_ne!(a, build_tag(&show(), &other, Some(&cover)));
}

#[test]
fn every_frame_is_written_as_id3v23() {
    let cover: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let tag = build_tag(&show(), &episode(), Some(&cover));
    let frames = walk_tag(&tag);

    let ids: Vec<&str> = frames.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "TIT2", "TPE1", "TALB", "TRCK", "TPOS", "TYER", "TDAT", "TIME", "TCON", "TLAN", "COMM",
            "WOAF", "CTOC", "CHAP", "CHAP", "CHAP", "APIC"
        ]
    );
    assert!(frames.iter().all(|f| f.flags == 0));
    let text_of = |id| text(&frame(&frames, id).body);
    assert_eq!(text_of("TIT2"), "L'IA dans les PME : par où commencer ?");
    assert_eq!(text_of("TPE1"), "Cité de l'IA");
    assert_eq!(text_of("TALB"), "Les Carnets de l'IA");
    assert_eq!(text_of("TRCK"), "12");
    assert_eq!(text_of("TPOS"), "2");
    assert_eq!(text_of("TYER"), "2026");
    assert_eq!(text_of("TDAT"), "2011");
    assert_eq!(text_of("TIME"), "0800");
    assert_eq!(text_of("TCON"), "Podcast");
    assert_eq!(text_of("TLAN"), "fre");
    assert_eq!(
        frame(&frames, "TIT2").body[0],
        0,
        "Latin-1 when it is enough"
    );

    let comm = &frame(&frames, "COMM").body;
    assert_eq!(&comm[..4], b"\x00fre", "Latin-1, language fre");
    assert_eq!(&comm[4..5], b"\x00", "empty description");
    assert_eq!(
        text(&[&[0][..], &comm[5..]].concat()),
        "Une phrase qui donne envie d'écouter."
    );

    assert_eq!(
        frame(&frames, "WOAF").body,
        b"https://carnets.example.fr/episodes/012-pme/"
    );

    // APIC: encoding, MIME, NUL, picture type 3, empty description, then the JPEG verbatim. Its
    // size is over 2^16, so a syncsafe size (the v2.4 rule) would not have walked.
    let apic = &frame(&frames, "APIC").body;
    let head = b"\x00image/jpeg\x00\x03\x00";
    assert_eq!(&apic[..head.len()], head);
    assert_eq!(&apic[head.len()..], &cover[..]);

    let (id, flags, children) = ctoc(&frame(&frames, "CTOC").body);
    assert_eq!((id.as_str(), flags), ("toc", 0b11), "top-level and ordered");
    assert_eq!(children, ["chp0", "chp1", "chp2"]);

    let chaps: Vec<_> = frames
        .iter()
        .filter(|f| f.id == "CHAP")
        .map(|f| chap(&f.body))
        .collect();
    let expected = [
        ("chp0", 0, 2_000, "Introduction", None),
        (
            "chp1",
            2_000,
            4_500,
            "Le podcast qui a tout changé",
            Some("https://example.org/a"),
        ),
        ("chp2", 4_500, 6_000, "Conclusion", None),
    ];
    for ((id, times, sub), (want_id, start, end, title, url)) in chaps.iter().zip(expected) {
        assert_eq!(id, want_id);
        assert_eq!(*times, [start, end, u32::MAX, u32::MAX]);
        assert_eq!(text(&frame(sub, "TIT2").body), title);
        match url {
            Some(url) => assert_eq!(
                frame(sub, "WXXX").body,
                [b"\x00\x00", url.as_bytes()].concat()
            ),
            None => assert_eq!(sub.len(), 1, "only TIT2 without a URL"),
        }
    }
}

#[test]
fn text_beyond_latin1_is_utf16_with_a_bom() {
    let mut episode = episode();
    episode.title = "« L’IA » \"vraiment\" 🚀 — déjà".into();
    episode.chapters[1].title = "Ça marche ✓".into();
    let frames = walk_tag(&build_tag(&show(), &episode, None));
    let tit2 = &frame(&frames, "TIT2").body;
    assert_eq!(tit2[0], 1, "UTF-16");
    assert_eq!(text(tit2), episode.title);
    let chaps: Vec<_> = frames
        .iter()
        .filter(|f| f.id == "CHAP")
        .map(|f| chap(&f.body))
        .collect();
    assert_eq!(text(&frame(&chaps[1].2, "TIT2").body), "Ça marche ✓");
}

#[test]
fn no_cover_no_apic_no_chapters_no_toc_no_summary_no_comm() {
    let mut episode = episode();
    episode.chapters.clear();
    episode.summary = None;
    episode.number = None;
    episode.season = None;
    let frames = walk_tag(&build_tag(&show(), &episode, None));
    for absent in ["APIC", "CHAP", "CTOC", "COMM", "TRCK", "TPOS"] {
        assert!(frames.iter().all(|f| f.id != absent), "{absent} written");
    }
    assert_eq!(text(&frame(&frames, "TIT2").body), episode.title);
}

#[test]
fn more_than_255_chapters_nest_tables_of_contents() {
    let mut episode = episode();
    episode.media.samples = 44_100 * 400;
    episode.chapters = (0..300)
        .map(|i| chapter(i * 1_000, &format!("c{i}"), None))
        .collect();
    let frames = walk_tag(&build_tag(&show(), &episode, None));
    let tocs: Vec<_> = frames
        .iter()
        .filter(|f| f.id == "CTOC")
        .map(|f| ctoc(&f.body))
        .collect();
    assert_eq!(tocs.len(), 3);
    assert_eq!((tocs[0].0.as_str(), tocs[0].1), ("toc", 0b11));
    assert_eq!(tocs[0].2, ["toc0", "toc1"]);
    assert_eq!(
        (tocs[1].0.as_str(), tocs[1].1, tocs[1].2.len()),
        ("toc0", 0b01, 255)
    );
    assert_eq!(
        (tocs[2].0.as_str(), tocs[2].1, tocs[2].2.len()),
        ("toc1", 0b01, 45)
    );
    let listed: Vec<String> = tocs[1].2.iter().chain(&tocs[2].2).cloned().collect();
    let expected: Vec<String> = (0..300).map(chapter_id).collect();
    assert_eq!(listed, expected);
    assert_eq!(frames.iter().filter(|f| f.id == "CHAP").count(), 300);
}

#[test]
fn the_id3_crate_reads_it_back() {
    // A second opinion on the same bytes from a real reader.
    let cover = [0xFF, 0xD8, 0xFF, 0xD9];
    let bytes = build_tag(&show(), &episode(), Some(&cover));
    let tag = id3::Tag::read_from2(std::io::Cursor::new(&bytes)).unwrap();
    assert_eq!(tag.version(), Version::Id3v23);
    assert_eq!(tag.title(), Some("L'IA dans les PME : par où commencer ?"));
    assert_eq!(tag.pictures().next().unwrap().data, cover);
    assert_eq!(tag.chapters().count(), 3);
}

#[test]
fn the_cover_frame_is_the_one_the_id3_crate_writes() {
    // `tag_head` writes the APIC frame's header itself so that the cover can be written after
    // it from a shared buffer: the frame must be the crate's, to the byte.
    let cover: Vec<u8> = (0..=255u8).cycle().take(200_000).collect();
    let mut only_apic = id3::Tag::with_version(Version::Id3v23);
    only_apic.add_frame(
        Frame::with_content(
            "APIC",
            Content::Picture(id3::frame::Picture {
                mime_type: "image/jpeg".into(),
                picture_type: id3::frame::PictureType::CoverFront,
                description: String::new(),
                data: cover.clone(),
            }),
        )
        .set_encoding(Some(Encoding::Latin1)),
    );
    let mut by_the_crate = Vec::new();
    Encoder::new()
        .version(Version::Id3v23)
        .unsynchronisation(false)
        .compression(false)
        .encode(&only_apic, &mut by_the_crate)
        .unwrap();
    let without = tag_head(&show(), &episode(), None);
    let with = build_tag(&show(), &episode(), Some(&cover));
    assert!(
        with[10..without.len()] == without[10..],
        "the other frames come first, unchanged"
    );
    assert!(
        with[without.len()..] == by_the_crate[10..],
        "then the crate's APIC frame"
    );
    assert_eq!(walk_tag(&with).last().unwrap().id, "APIC");
    assert!(
        tag_head(&show(), &episode(), Some(cover.len()))[..] == with[..with.len() - cover.len()]
    );
}
