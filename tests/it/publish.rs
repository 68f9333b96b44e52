//! A podcast the code was not written against (`tests/fixtures/podcast`: CBR with an Info
//! header, VBR without any header, MPEG-2, MPEG-2.5 pre-tagged with ID3v2.4 + ID3v1), built by
//! the real binary, then read back by what podcast apps and tag readers use.

use std::path::{Path, PathBuf};

use carnets::audio::probe;
use serde_json::Value;

use crate::common::{self, carnets, podcast, run};
use crate::feed_readers::{read_with_partytime, read_with_python};
use crate::feed_w3c::{assert_valid, check_at};
use crate::tag::readers;

const FEED_URL: &str = "https://essais.example.fr/podcast/feed.xml";

/// Builds the fixture podcast; returns (temp dir guard, podcast root, output).
fn built() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (tmp, root) = podcast("podcast");
    let (code, _, stderr) = run(carnets().arg("build").arg("--root").arg(&root));
    assert_eq!(code, 0, "{stderr}");
    let public = root.join("public");
    (tmp, root, public)
}

/// (slug, source MP3) of every fixture episode.
fn episodes(root: &Path) -> Vec<(String, PathBuf)> {
    let mut list: Vec<(String, PathBuf)> = std::fs::read_dir(root.join("episodes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|dir| {
            (
                dir.file_name().unwrap().to_string_lossy().into_owned(),
                dir.join("audio.mp3"),
            )
        })
        .collect();
    list.sort();
    list
}

#[test]
fn the_feed_passes_the_w3c_rules() {
    let (_tmp, _, public) = built();
    let now = jiff::Timestamp::now().as_second().to_string();
    let Some(reports) = check_at(&[public.join("feed.xml")], FEED_URL, &now) else {
        return;
    };
    assert_valid(&reports[0], "the fixture podcast's feed");
}

#[test]
fn three_podcast_parsers_read_the_same_items_with_exact_lengths_and_durations() {
    let (_tmp, root, public) = built();
    let feed = public.join("feed.xml");
    let mut reads: Vec<(&str, Value)> = Vec::new();
    for (name, module) in [
        ("podcastparser", "podcastparser"),
        ("feedparser", "feedparser"),
    ] {
        reads.extend(read_with_python(name, module, &feed, FEED_URL).map(|v| (name, v)));
    }
    reads.extend(read_with_partytime(&feed).map(|v| ("partytime", v)));
    let Some(ffmpeg) = common::tool("ffmpeg") else {
        return;
    };
    for (slug, source) in episodes(&root) {
        let mp3 = public.join(format!("episodes/{slug}/{slug}.mp3"));
        let size = std::fs::metadata(&mp3).unwrap().len();
        let info = probe(&source).unwrap();
        let decoded =
            common::decoded_samples(&ffmpeg, &source) as f64 / f64::from(info.sample_rate);
        for (reader, read) in &reads {
            let item = read["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| {
                    i["link"]
                        .as_str()
                        .unwrap_or_default()
                        .ends_with(&format!("/{slug}/"))
                })
                .unwrap_or_else(|| panic!("{reader} has no item for {slug}"));
            assert_eq!(
                item["enclosure"]["length"], size,
                "{reader} {slug}: enclosure length = file size"
            );
            let duration = item["duration"].as_f64().unwrap();
            assert!(
                (duration - decoded).abs() <= 1.0,
                "{reader} {slug}: {duration} s vs {decoded} s decoded"
            );
        }
    }
    assert_eq!(reads.len(), 3, "all three parsers ran");
}

#[test]
fn every_mp3_reads_back_as_id3v2_3_with_its_frames_unchanged() {
    let (tmp, root, public) = built();
    for (slug, source) in episodes(&root) {
        let mp3 = public.join(format!("episodes/{slug}/{slug}.mp3"));
        let published = std::fs::read(&mp3).unwrap();
        let info = probe(&source).unwrap();
        let original = std::fs::read(&source).unwrap();
        let frames = &original[info.audio_start as usize..info.audio_end as usize];
        assert!(
            published.ends_with(frames),
            "{slug}: the MPEG frames are the source's, byte for byte"
        );
        assert_eq!(probe(&mp3).unwrap().frames, info.frames, "{slug}");
        if let (Some(a), Some(b)) = (
            readers::ffmpeg_audio_md5(&source),
            readers::ffmpeg_audio_md5(&mp3),
        ) {
            assert_eq!(a, b, "{slug}: ffmpeg's md5 of the audio packets");
        }
        let Some(tag) = readers::mutagen(&mp3, &readers::apic_path(tmp.path())) else {
            continue;
        };
        assert_eq!(tag["version"], serde_json::json!([2, 3, 0]), "{slug}");
        assert_eq!(readers::text(&tag, "TALB"), "Essais & Mesures <IA>");
        assert_eq!(readers::text(&tag, "TCON"), "Podcast");
        assert_eq!(
            readers::frame(&tag, "APIC")["type"],
            3,
            "{slug}: front cover"
        );
        assert!(
            readers::all(&tag, "TXXX").is_empty() && readers::all(&tag, "TSSE").is_empty(),
            "{slug}: old tags dropped"
        );
        let has_chapters = slug == "001-cbr";
        assert_eq!(
            readers::all(&tag, "CHAP").len(),
            if has_chapters { 2 } else { 0 },
            "{slug}"
        );
        assert_eq!(
            readers::all(&tag, "CTOC").len(),
            usize::from(has_chapters),
            "{slug}"
        );
        assert_eq!(
            published.len() as u64,
            std::fs::metadata(&mp3).unwrap().len()
        );
    }
    let titles: Vec<String> = episodes(&root)
        .iter()
        .filter_map(|(slug, _)| {
            let mp3 = public.join(format!("episodes/{slug}/{slug}.mp3"));
            readers::mutagen(&mp3, &readers::apic_path(tmp.path()))
                .map(|t| readers::text(&t, "TIT2"))
        })
        .collect();
    if !titles.is_empty() {
        assert!(
            titles.contains(&"MPEG-2.5, étiqueté d'avance".to_string()),
            "{titles:?}"
        );
        assert!(
            !titles.contains(&"Ancien titre".to_string()),
            "the source's old title is gone"
        );
    }
}
