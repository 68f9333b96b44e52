//! The published MP3 (a fresh ID3v2.3 tag, then the source's MPEG frames) read back by real
//! readers: mutagen, ffprobe, music-metadata and ffmpeg. Sources are small MP3s made by lame
//! (`tests/fixtures/tag/generate.sh`); the file is written by `output::publish`, as a build does.

pub mod readers;

use std::path::{Path, PathBuf};

use carnets::audio::{AudioInfo, MpegVersion, build_tag, prepare_cover};
use carnets::model::{Chapter, Episode, EpisodeType, Person, Show};
use carnets::output::{Content, OutputFile, publish};
use carnets::util::diag::Pos;
use serde_json::Value;

use crate::common;
use readers::{all, frame, text};

/// One source MP3 of `tests/fixtures/tag/`, with what the frame reader would say of it.
struct Source {
    path: PathBuf,
    start: u64,
    end: u64,
    media: AudioInfo,
}

/// Byte length of the ID3v2 tag at the start of `bytes` (0 when none), computed from its
/// header: 10 bytes, the syncsafe size, 10 more when a v2.4 footer is flagged.
fn id3v2_len(bytes: &[u8]) -> u64 {
    if bytes.len() < 10 || &bytes[..3] != b"ID3" {
        return 0;
    }
    let size = bytes[6..10]
        .iter()
        .fold(0u64, |n, &b| (n << 7) | u64::from(b & 0x7F));
    let footer = if bytes[5] & 0x10 != 0 { 10 } else { 0 };
    10 + size + footer
}

/// The fixture `name`: its MPEG frames run from after any ID3v2 tag to before any ID3v1 tag.
/// They are six seconds long (`generate.sh` pads and cuts the speech to exactly that).
fn source(name: &str) -> Source {
    let path = common::fixtures().join("tag").join(name);
    let bytes = std::fs::read(&path).unwrap();
    let start = id3v2_len(&bytes);
    let len = bytes.len() as u64;
    let end = if bytes.len() >= 128 && &bytes[bytes.len() - 128..][..3] == b"TAG" {
        len - 128
    } else {
        len
    };
    assert_eq!(
        &bytes[start as usize..][..1],
        [0xFF],
        "{name}: MPEG sync right after the tag"
    );
    let mpeg2 = name.contains("mpeg2");
    let sample_rate = if mpeg2 { 22_050 } else { 44_100 };
    let media = AudioInfo {
        version: if mpeg2 {
            MpegVersion::Mpeg2
        } else {
            MpegVersion::Mpeg1
        },
        layer: 3,
        sample_rate,
        channels: 1,
        frames: 0,
        samples: u64::from(sample_rate) * 6,
        audio_start: start,
        audio_end: end,
        vbr: false,
        bitrate: if mpeg2 { 24_000 } else { 32_000 },
    };
    Source {
        path,
        start,
        end,
        media,
    }
}

fn show() -> Show {
    crate::site_model::show("https://carnets.example.org/")
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

fn episode(source: &Source) -> Episode {
    Episode {
        slug: "012-par-ou-commencer".into(),
        dir: PathBuf::from("episodes/012-par-ou-commencer"),
        title: "L'IA dans les PME : par où commencer ?".into(),
        date: "2026-11-20T08:00[Europe/Paris]".parse().unwrap(),
        guid: "3f0e8c0e-8a55-4d0e-9b2e-5b7a1c3e1f00".into(),
        number: Some(12),
        season: Some(2),
        episode_type: EpisodeType::Full,
        summary: Some("Une phrase qui donne envie d'écouter.".into()),
        audio: source.path.clone(),
        persons: vec![Person {
            name: "Hélène Van Waes".into(),
            role: "host".into(),
            group: "cast".into(),
            href: None,
            img: None,
        }],
        chapters: vec![
            chapter(0, "Introduction", None),
            chapter(
                2_000,
                "Le podcast qui a tout changé",
                Some("https://example.org/hélène"),
            ),
            chapter(4_250, "Conclusion", None),
        ],
        media: source.media.clone(),
        published_size: 0,
        ..Default::default()
    }
}

/// A build's output of one episode, in a temporary folder.
struct Published {
    dir: tempfile::TempDir,
    mp3: PathBuf,
    tag: Vec<u8>,
}

/// Writes `episode`'s MP3 as a build does: `output::publish` of tag + source frames.
fn publish_episode(
    show: &Show,
    episode: &Episode,
    source: &Source,
    cover: Option<&[u8]>,
) -> Published {
    let dir = tempfile::tempdir().unwrap();
    let tag = build_tag(show, episode, cover);
    let out = dir.path().join("public");
    let file = OutputFile {
        path: episode.audio_path(),
        content: Content::Audio {
            tag: carnets::audio::tag::tag_head(show, episode, cover.map(<[u8]>::len)),
            cover: cover.map(|c| carnets::output::Shared::new(std::sync::Arc::new(c.to_vec()))),
            source: source.path.clone(),
            start: source.start,
            end: source.end,
        },
    };
    let cache = carnets::output::SourceCache::open(&dir.path().join(".carnets"));
    let previous = carnets::output::Previous::read(&out, &cache).unwrap();
    publish(&out, vec![file], &cache, previous).unwrap();
    let mp3 = out.join(episode.audio_path());
    Published { dir, mp3, tag }
}

fn small_cover() -> Vec<u8> {
    std::fs::read(common::fixtures().join("tag/cover-600.jpg")).unwrap()
}

fn mutagen(published: &Published) -> Option<Value> {
    readers::mutagen(&published.mp3, &readers::apic_path(published.dir.path()))
}

/// Every text-bearing frame, sub-frames included, uses an encoding that exists in v2.3.
fn assert_v23_encodings(value: &Value) {
    match value {
        Value::Object(map) => {
            if let Some(encoding) = map.get("encoding").and_then(Value::as_u64) {
                assert!(
                    encoding <= 1,
                    "encoding {encoding} (UTF-16BE/UTF-8) is not ID3v2.3: {value}"
                );
            }
            map.values().for_each(assert_v23_encodings);
        }
        Value::Array(items) => items.iter().for_each(assert_v23_encodings),
        _ => {}
    }
}

#[test]
fn mutagen_reads_every_frame_of_the_v23_tag() {
    let source = source("speech-mpeg1.mp3");
    let (show, episode) = (show(), episode(&source));
    let cover = small_cover();
    let published = publish_episode(&show, &episode, &source, Some(&cover));
    let Some(tags) = mutagen(&published) else {
        return;
    };

    assert_eq!(tags["version"], serde_json::json!([2, 3, 0]));
    assert_eq!(
        tags["size"],
        published.tag.len(),
        "mutagen's tag size is ours: no padding after it"
    );
    assert_eq!(tags["unknown_frames"], 0);
    assert_v23_encodings(&tags);

    assert_eq!(
        text(&tags, "TIT2"),
        "L'IA dans les PME : par où commencer ?"
    );
    assert_eq!(
        text(&tags, "TPE1"),
        "Hélène Van Waes",
        "the host, not the show author"
    );
    assert_eq!(text(&tags, "TALB"), "Les Carnets de l'IA");
    assert_eq!(text(&tags, "TRCK"), "12");
    assert_eq!(text(&tags, "TPOS"), "2");
    assert_eq!(text(&tags, "TYER"), "2026");
    assert_eq!(text(&tags, "TDAT"), "2011");
    assert_eq!(text(&tags, "TIME"), "0800");
    assert_eq!(text(&tags, "TCON"), "Podcast");
    assert_eq!(text(&tags, "TLAN"), "fre");
    assert!(all(&tags, "TDRC").is_empty(), "TDRC is v2.4 only");

    let comm = frame(&tags, "COMM");
    assert_eq!(
        (comm["lang"].as_str(), comm["desc"].as_str()),
        (Some("fre"), Some(""))
    );
    assert_eq!(
        comm["text"],
        serde_json::json!(["Une phrase qui donne envie d'écouter."])
    );
    assert_eq!(
        frame(&tags, "WOAF")["url"],
        "https://carnets.example.org/episodes/012-par-ou-commencer/"
    );

    let apic = frame(&tags, "APIC");
    assert_eq!(
        (apic["mime"].as_str(), apic["type"].as_u64()),
        (Some("image/jpeg"), Some(3))
    );
    let embedded = std::fs::read(readers::apic_path(published.dir.path())).unwrap();
    assert_eq!(
        embedded, cover,
        "a JPEG within the limits is embedded byte for byte"
    );

    let tocs = all(&tags, "CTOC");
    assert_eq!(tocs.len(), 1);
    assert_eq!(tocs[0]["element_id"], "toc");
    assert_eq!(tocs[0]["flags"], 3, "top-level and ordered");
    assert_eq!(
        tocs[0]["child_element_ids"],
        serde_json::json!(["chp0", "chp1", "chp2"])
    );

    let chaps = all(&tags, "CHAP");
    let expected = [
        ("chp0", 0, 2_000, "Introduction", None),
        (
            "chp1",
            2_000,
            4_250,
            "Le podcast qui a tout changé",
            Some("https://example.org/h%C3%A9l%C3%A8ne"),
        ),
        ("chp2", 4_250, 6_000, "Conclusion", None),
    ];
    assert_eq!(chaps.len(), expected.len());
    for (chap, (id, start, end, title, url)) in chaps.iter().zip(expected) {
        assert_eq!(chap["element_id"], id);
        assert_eq!(
            (chap["start_time"].as_u64(), chap["end_time"].as_u64()),
            (Some(start), Some(end)),
            "{id}"
        );
        assert_eq!(chap["start_offset"], 0xFFFF_FFFFu32, "byte offsets unused");
        assert_eq!(chap["end_offset"], 0xFFFF_FFFFu32);
        assert_eq!(
            chap["sub_frames"]["TIT2"]["text"],
            serde_json::json!([title])
        );
        assert_eq!(chap["sub_frames"]["WXXX"]["url"].as_str(), url, "{id}");
    }
    assert_eq!(tags["mpeg"]["version"], 1.0);
    assert_eq!(tags["mpeg"]["sample_rate"], 44_100);
}

#[test]
fn ffprobe_reads_the_chapters_and_the_tags() {
    let source = source("speech-mpeg1.mp3");
    let (show, episode) = (show(), episode(&source));
    let published = publish_episode(&show, &episode, &source, Some(&small_cover()));
    let Some(probe) = readers::ffprobe(&published.mp3) else {
        return;
    };

    let chapters: Vec<(u64, u64, &str)> = probe["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c["time_base"], "1/1000");
            (
                c["start"].as_u64().unwrap(),
                c["end"].as_u64().unwrap(),
                c["tags"]["title"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        chapters,
        [
            (0, 2_000, "Introduction"),
            (2_000, 4_250, "Le podcast qui a tout changé"),
            (4_250, 6_000, "Conclusion")
        ]
    );
    let tags = &probe["format"]["tags"];
    assert_eq!(tags["title"], "L'IA dans les PME : par où commencer ?");
    assert_eq!(tags["artist"], "Hélène Van Waes");
    assert_eq!(tags["album"], "Les Carnets de l'IA");
    assert_eq!(tags["track"], "12");
    assert_eq!(tags["disc"], "2");
    assert_eq!(tags["genre"], "Podcast");
    assert_eq!(tags["language"], "fre");
    assert_eq!(tags["comment"], "Une phrase qui donne envie d'écouter.");
    // ffmpeg merges TYER + TDAT (DDMM) + TIME (HHMM): a swapped day and month would show here.
    assert_eq!(tags["date"], "2026-11-20 08:00");
    let cover = probe["streams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["codec_type"] == "video");
    let cover = cover.expect("ffprobe sees the APIC as an attached picture");
    assert_eq!(cover["codec_name"], "mjpeg");
    assert_eq!(cover["disposition"]["attached_pic"], 1);
    assert_eq!(
        (cover["width"].as_u64(), cover["height"].as_u64()),
        (Some(600), Some(600))
    );
}

#[test]
fn music_metadata_reads_the_chapters_and_the_common_tags() {
    let source = source("speech-mpeg1.mp3");
    let (show, episode) = (show(), episode(&source));
    let cover = small_cover();
    let published = publish_episode(&show, &episode, &source, Some(&cover));
    let Some(mm) = readers::music_metadata(&published.mp3) else {
        return;
    };

    assert_eq!(mm["tagTypes"], serde_json::json!(["ID3v2.3"]));
    assert_eq!(mm["codec"], "MPEG 1 Layer 3");
    let common = &mm["common"];
    assert_eq!(common["title"], "L'IA dans les PME : par où commencer ?");
    assert_eq!(common["artist"], "Hélène Van Waes");
    assert_eq!(common["album"], "Les Carnets de l'IA");
    assert_eq!(common["track"]["no"], 12);
    assert_eq!(common["disk"]["no"], 2);
    assert_eq!(common["year"], 2026);
    assert_eq!(common["genre"], serde_json::json!(["Podcast"]));
    assert_eq!(common["language"], "fre");
    assert_eq!(
        common["comment"][0]["text"],
        "Une phrase qui donne envie d'écouter."
    );
    assert_eq!(common["picture"][0]["format"], "image/jpeg");
    assert_eq!(common["picture"][0]["type"], "Cover (front)");
    assert_eq!(common["picture"][0]["size"], cover.len());

    let chapters: Vec<(f64, f64, &str, Option<&str>)> = mm["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let url = c["url"]["url"].as_str();
            (
                c["start"].as_f64().unwrap(),
                c["end"].as_f64().unwrap(),
                c["title"].as_str().unwrap(),
                url,
            )
        })
        .collect();
    assert_eq!(
        chapters,
        [
            (0.0, 2.0, "Introduction", None),
            (
                2.0,
                4.25,
                "Le podcast qui a tout changé",
                Some("https://example.org/h%C3%A9l%C3%A8ne")
            ),
            (4.25, 6.0, "Conclusion", None),
        ]
    );
}

#[test]
fn the_mpeg_frames_are_byte_identical_to_the_source() {
    for name in ["speech-mpeg1.mp3", "speech-mpeg2.mp3", "speech-tagged.mp3"] {
        let source = source(name);
        let (show, episode) = (show(), episode(&source));
        let published = publish_episode(&show, &episode, &source, Some(&small_cover()));
        let bytes = std::fs::read(&published.mp3).unwrap();
        let original = std::fs::read(&source.path).unwrap();
        assert_eq!(
            &bytes[..published.tag.len()],
            published.tag,
            "{name}: the tag comes first"
        );
        assert_eq!(
            id3v2_len(&bytes),
            published.tag.len() as u64,
            "{name}: its header gives its length"
        );
        assert!(
            bytes[published.tag.len()..] == original[source.start as usize..source.end as usize],
            "{name}: the bytes after the tag are the source's frames"
        );
        let (Some(before), Some(after)) = (
            readers::ffmpeg_audio_md5(&source.path),
            readers::ffmpeg_audio_md5(&published.mp3),
        ) else {
            return;
        };
        assert_eq!(
            before, after,
            "{name}: ffmpeg demuxes the same audio packets"
        );
    }
}

/// A 3000×3000 PNG with fine detail, far over both limits once decoded.
fn large_png(path: &Path) {
    let image = image::RgbImage::from_fn(3000, 3000, |x, y| {
        image::Rgb([
            (x ^ y) as u8,
            ((x * y) >> 9) as u8,
            ((x + 2 * y) % 251) as u8,
        ])
    });
    image
        .save_with_format(path, image::ImageFormat::Png)
        .unwrap();
}

#[test]
fn a_large_png_cover_is_embedded_as_a_jpeg_within_the_limits() {
    let scratch = tempfile::tempdir().unwrap();
    let png = scratch.path().join("cover.png");
    large_png(&png);
    assert!(
        std::fs::metadata(&png).unwrap().len() > 500_000,
        "the PNG alone is over the limit"
    );
    let cover = prepare_cover(&png).unwrap();

    let source = source("speech-mpeg1.mp3");
    let (show, episode) = (show(), episode(&source));
    let published = publish_episode(&show, &episode, &source, Some(&cover));
    let Some(tags) = mutagen(&published) else {
        return;
    };
    let apic = frame(&tags, "APIC");
    assert_eq!(
        (apic["mime"].as_str(), apic["type"].as_u64()),
        (Some("image/jpeg"), Some(3))
    );
    let embedded = std::fs::read(readers::apic_path(published.dir.path())).unwrap();
    assert_eq!(embedded, cover);
    assert!(embedded.len() <= 500_000, "{} bytes", embedded.len());
    let reader = image::ImageReader::new(std::io::Cursor::new(&embedded))
        .with_guessed_format()
        .unwrap();
    assert_eq!(reader.format(), Some(image::ImageFormat::Jpeg));
    assert_eq!(reader.into_dimensions().unwrap(), (1400, 1400));
}

#[test]
fn without_artwork_or_chapters_there_is_no_apic_chap_or_ctoc() {
    let source = source("speech-mpeg1.mp3");
    let (show, mut episode) = (show(), episode(&source));
    episode.chapters.clear();
    let published = publish_episode(&show, &episode, &source, None);
    let Some(tags) = mutagen(&published) else {
        return;
    };
    for id in ["APIC", "CHAP", "CTOC"] {
        assert!(all(&tags, id).is_empty(), "{id} written: {tags:#}");
    }
    assert_eq!(text(&tags, "TIT2"), episode.title);
    assert_eq!(tags["size"], published.tag.len());
    if let Some(probe) = readers::ffprobe(&published.mp3) {
        assert_eq!(probe["chapters"], serde_json::json!([]));
        assert_eq!(
            probe["format"]["nb_streams"], 1,
            "no attached picture stream"
        );
    }
    if let Some(mm) = readers::music_metadata(&published.mp3) {
        assert_eq!(mm["chapters"], serde_json::json!([]));
        assert_eq!(mm["common"]["picture"], serde_json::json!([]));
    }
}

#[test]
fn mpeg2_audio_is_tagged_and_read_back() {
    let source = source("speech-mpeg2.mp3");
    let (show, episode) = (show(), episode(&source));
    let published = publish_episode(&show, &episode, &source, Some(&small_cover()));
    let Some(tags) = mutagen(&published) else {
        return;
    };
    assert_eq!(tags["version"], serde_json::json!([2, 3, 0]));
    assert_eq!(
        tags["mpeg"]["version"], 2.0,
        "mutagen finds the MPEG-2 stream after the tag"
    );
    assert_eq!(tags["mpeg"]["sample_rate"], 22_050);
    let ends: Vec<u64> = all(&tags, "CHAP")
        .iter()
        .map(|c| c["end_time"].as_u64().unwrap())
        .collect();
    assert_eq!(
        ends,
        [2_000, 4_250, 6_000],
        "the last chapter ends with the audio"
    );
    if let Some(probe) = readers::ffprobe(&published.mp3) {
        assert_eq!(probe["chapters"].as_array().unwrap().len(), 3);
        let audio = probe["streams"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["codec_type"] == "audio")
            .unwrap();
        assert_eq!(
            (audio["codec_name"].as_str(), audio["sample_rate"].as_str()),
            (Some("mp3"), Some("22050"))
        );
    }
    if let Some(mm) = readers::music_metadata(&published.mp3) {
        assert_eq!(mm["codec"], "MPEG 2 Layer 3");
        assert_eq!(mm["chapters"].as_array().unwrap().len(), 3);
    }
}

#[test]
fn a_title_with_accents_quotes_and_emoji_round_trips() {
    let title = "« L’IA » \"vraiment\" 🚀 — déjà l'été, ça marche ?";
    let chapter_title = "Ça & <ça> : 日本語 ✓";
    let source = source("speech-mpeg1.mp3");
    let (show, mut episode) = (show(), episode(&source));
    episode.title = title.into();
    episode.chapters[1].title = chapter_title.into();
    episode.summary = Some("Résumé 🎙️ « entre guillemets »".into());
    let published = publish_episode(&show, &episode, &source, None);
    let Some(tags) = mutagen(&published) else {
        return;
    };
    assert_v23_encodings(&tags);
    assert_eq!(text(&tags, "TIT2"), title);
    assert_eq!(
        frame(&tags, "TIT2")["encoding"],
        1,
        "UTF-16 with BOM: v2.3 has no UTF-8"
    );
    assert_eq!(
        frame(&tags, "COMM")["text"],
        serde_json::json!(["Résumé 🎙️ « entre guillemets »"])
    );
    assert_eq!(
        all(&tags, "CHAP")[1]["sub_frames"]["TIT2"]["text"],
        serde_json::json!([chapter_title])
    );
    if let Some(probe) = readers::ffprobe(&published.mp3) {
        assert_eq!(probe["format"]["tags"]["title"], title);
        assert_eq!(probe["chapters"][1]["tags"]["title"], chapter_title);
    }
    if let Some(mm) = readers::music_metadata(&published.mp3) {
        assert_eq!(mm["common"]["title"], title);
        assert_eq!(mm["chapters"][1]["title"], chapter_title);
    }
}

#[test]
fn the_old_tags_of_a_tagged_source_are_dropped() {
    let source = source("speech-tagged.mp3");
    let original = std::fs::read(&source.path).unwrap();
    assert!(
        source.start > 0 && source.end < original.len() as u64,
        "the fixture has ID3v2 and ID3v1 tags"
    );
    let (show, episode) = (show(), episode(&source));
    let published = publish_episode(&show, &episode, &source, None);
    let bytes = std::fs::read(&published.mp3).unwrap();
    assert_eq!(
        bytes.len(),
        published.tag.len() + (source.end - source.start) as usize
    );
    assert!(
        !bytes.windows(6).any(|w| w == b"Ancien"),
        "an old title or artist survived"
    );
    assert_ne!(
        &bytes[bytes.len() - 128..][..3],
        b"TAG",
        "the ID3v1 tag is gone"
    );
    let Some(tags) = mutagen(&published) else {
        return;
    };
    assert_eq!(text(&tags, "TIT2"), episode.title);
    assert!(
        all(&tags, "TSSE").is_empty() && all(&tags, "TLEN").is_empty(),
        "lame's frames are gone"
    );
}
