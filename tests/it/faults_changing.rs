//! A source MP3 rewritten in place, over and over, while builds read it: every build either
//! publishes what the file held at one moment, measured from those same bytes (frames,
//! enclosure length, duration), or fails and leaves the previous output as it was. Before the
//! fix, builds published the frames of one version measured from another.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use carnets::audio::probe_bytes;

use crate::common::{carnets, repo, tree};
use crate::reliability_support::{build, episode_dir, one_episode};

/// One version of the source: its bytes and its MPEG frames.
struct Version {
    bytes: Vec<u8>,
    frames: Vec<u8>,
}

fn version(path: PathBuf) -> Version {
    let bytes = fs::read(path).unwrap();
    let info = probe_bytes(&bytes).unwrap();
    Version {
        frames: bytes[info.audio_start as usize..info.audio_end as usize].to_vec(),
        bytes,
    }
}

/// Rewrites `path` in place with each version in turn, in small writes, until `stop`.
fn rewrite_in_place(path: &Path, versions: &[Vec<u8>], stop: &AtomicBool) {
    let mut turn = 0;
    while !stop.load(Ordering::Relaxed) {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(path)
            .unwrap();
        for chunk in versions[turn % versions.len()].chunks(8192) {
            file.write_all(chunk).unwrap();
            std::thread::yield_now();
        }
        drop(file);
        // Sometimes a quick succession of saves, sometimes a pause long enough for a build.
        let pause = if turn % 4 == 3 { 30 } else { 1 };
        std::thread::sleep(std::time::Duration::from_millis(pause));
        turn += 1;
    }
}

/// What the feed says of the episode: enclosure length and duration.
fn feed_says(public: &Path) -> (u64, u64) {
    let feed = fs::read_to_string(public.join("feed.xml")).unwrap();
    let xml = roxmltree::Document::parse(&feed).unwrap();
    let length = xml
        .descendants()
        .find(|n| n.has_tag_name("enclosure"))
        .and_then(|n| n.attribute("length"))
        .unwrap()
        .parse()
        .unwrap();
    let duration = xml
        .descendants()
        .find(|n| n.tag_name().name() == "duration")
        .and_then(|n| n.text())
        .unwrap()
        .parse()
        .unwrap();
    (length, duration)
}

#[test]
fn an_mp3_rewritten_while_being_read_is_published_whole_or_refused() {
    let (tmp, root) = one_episode();
    let versions = [
        version(repo().join("episodes/001-premier-bilan/premier-bilan.mp3")),
        version(repo().join("episodes/002-ia-dans-les-pme/ia-dans-les-pme.mp3")),
    ];
    let audio = episode_dir(&root).join("audio.mp3");
    fs::write(&audio, &versions[0].bytes).unwrap();
    assert_eq!(build(&root).code, Some(0));
    let public = root.join("public");
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (audio, stop) = (audio.clone(), stop.clone());
        let bytes: Vec<Vec<u8>> = versions.iter().map(|v| v.bytes.clone()).collect();
        std::thread::spawn(move || rewrite_in_place(&audio, &bytes, &stop))
    };
    let (mut published, mut whole, mut refused) = (0, 0, 0);
    for round in 0..100 {
        let before = tree(&public);
        let outcome = build(&root);
        let mp3 = fs::read(public.join("episodes/001-cbr/001-cbr.mp3")).unwrap();
        match outcome.code {
            Some(0) => {
                // The file is, at every moment, a prefix of one version (it is rewritten from
                // the start): the published frames must be one such snapshot, never a splice,
                // and the feed must describe the published file itself.
                let info = probe_bytes(&mp3).expect("the published MP3 measures");
                let frames = &mp3[info.audio_start as usize..info.audio_end as usize];
                assert!(
                    versions.iter().any(|v| v.frames.starts_with(frames)),
                    "round {round}: the published frames are a splice ({outcome:?})"
                );
                let seconds = (info.duration_ms() + 500) / 1000;
                assert_eq!(
                    feed_says(&public),
                    (mp3.len() as u64, seconds),
                    "round {round}: the feed describes another file"
                );
                published += 1;
                whole += usize::from(versions.iter().any(|v| v.frames == frames));
            }
            Some(1) => {
                assert_eq!(before, tree(&public), "round {round}: a failed build wrote");
                refused += 1;
            }
            _ => panic!("round {round}: {outcome:?}"),
        }
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    eprintln!(
        "100 builds of a changing MP3: {published} published ({whole} of a whole version), {refused} refused"
    );
    // At rest, the next build is a clean build's twin.
    fs::write(&audio, &versions[1].bytes).unwrap();
    assert_eq!(build(&root).code, Some(0));
    let clean = tmp.path().join("clean");
    let status = carnets()
        .args(["build", "--root"])
        .arg(&root)
        .arg("--out")
        .arg(&clean)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(tree(&public), tree(&clean));
}
