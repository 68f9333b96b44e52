use super::marks::title_has_number;
use super::*;
use crate::model::MpegVersion;
use crate::model::TranscriptFormat;
use crate::testutil::{SHOW_YAML, podcast, write};

/// 60 seconds of audio, whatever the file: the real prober is tested on real MP3s elsewhere.
fn one_minute(_: &Path) -> Result<AudioInfo, String> {
    Ok(AudioInfo {
        version: MpegVersion::Mpeg1,
        layer: 3,
        sample_rate: 48_000,
        channels: 1,
        frames: 2500,
        samples: 2_880_000,
        audio_start: 0,
        audio_end: 1000,
        vbr: false,
        bitrate: 64_000,
    })
}

const EPISODE: &str = "---
title: \"L'IA dans les PME : par où commencer ?\"
date: 2026-11-20 08:00
guid: 3f0e8c0e-8a55-4d0e-9b2e-5b7a1c3e1f00
number: 12
season: 2
summary: Une phrase.
chapters:
  - { start: \"00:00\", title: Introduction }
  - { start: \"00:45.5\", title: Suite, url: \"https://example.fr\" }
keywords: [PME, formation]
---
Des **notes**[^1].

[^1]: Une note.
";

fn now() -> jiff::Timestamp {
    "2026-11-25T12:00:00Z".parse().unwrap()
}

fn run(dir: &Path, drafts: bool) -> (Vec<Episode>, Diagnostics) {
    let (show, _) = config::load(dir, None).expect("show loads");
    let notes = |source: &str, prefix: &str, sanitize: bool| {
        crate::show::markdown::to_html(source, prefix, sanitize).into()
    };
    let sources = Sources {
        probe: Box::new(one_minute),
        notes: Box::new(notes),
        memo: None,
    };
    let loaded = load_all(dir, &show, &Selection { drafts, now: now() }, &sources);
    (loaded.episodes, loaded.found)
}

fn messages(found: &Diagnostics, root: &Path) -> Vec<String> {
    let mut lines: Vec<String> = found
        .iter()
        .map(|d| d.to_string().replace(&format!("{}/", root.display()), ""))
        .collect();
    lines.sort();
    lines
}

fn with_episode(slug: &str, text: &str) -> tempfile::TempDir {
    let dir = podcast(SHOW_YAML);
    write(dir.path(), &format!("episodes/{slug}/episode.md"), text);
    write(dir.path(), &format!("episodes/{slug}/audio.mp3"), "fake");
    dir
}

#[test]
fn a_complete_episode_loads() {
    let dir = with_episode("012-pme", EPISODE);
    let (episodes, found) = run(dir.path(), false);
    assert!(!found.has_errors(), "{found:?}");
    let e = &episodes[0];
    assert_eq!(e.title, "L'IA dans les PME : par où commencer ?");
    assert_eq!(e.slug, "012-pme");
    assert_eq!(e.date.timestamp().to_string(), "2026-11-20T07:00:00Z");
    assert_eq!((e.number, e.season), (Some(12), Some(2)));
    assert_eq!(e.chapters[1].start_ms, 45_500);
    assert_eq!(e.chapters[1].pos.line, 10);
    assert_eq!(e.keywords, ["PME", "formation"]);
    assert!(
        e.notes_html.contains("id=\"fn-012-pme-1\""),
        "{}",
        e.notes_html
    );
    assert_eq!(e.audio_path(), "episodes/012-pme/012-pme.mp3");
    assert_eq!(e.duration_secs(), 60);
}

#[test]
fn yaml_errors_point_at_the_line_of_episode_md() {
    let dir = with_episode("001-a", &EPISODE.replace("season: 2", "saison: 2"));
    let (_, found) = run(dir.path(), false);
    assert_eq!(
        messages(&found, dir.path()),
        [
            "episodes/001-a/episode.md:6:1: error: unknown key `saison`, expected one of title, date, guid, guid_permalink, number, season, type, summary, explicit, image, audio, transcript, persons, chapters, soundbites, location, block, keywords, draft, images, value, social_interact, ai_content"
        ]
    );
}

#[test]
fn every_problem_of_every_episode_is_reported() {
    let dir = podcast(SHOW_YAML);
    let bad_values = EPISODE
        .replace("2026-11-20 08:00", "20/11/2026")
        .replace("\"00:45.5\"", "\"00:00\"")
        .replace("https://example.fr", "example.fr");
    write(dir.path(), "episodes/001-a/episode.md", &bad_values);
    write(dir.path(), "episodes/001-a/audio.mp3", "fake");
    write(
        dir.path(),
        "episodes/002-b/episode.md",
        "---\ntitle: B\ndate: 2026-01-01\n---\n",
    );
    write(
        dir.path(),
        "episodes/003-c/episode.md",
        "---\ntitle: C\ndate: 2026-01-01\n---\n",
    );
    write(dir.path(), "episodes/003-c/a.mp3", "");
    write(dir.path(), "episodes/003-c/b.mp3", "");
    write(dir.path(), "episodes/Episode 4/episode.md", "");
    write(dir.path(), "episodes/005-e/episode.md", "title: E\n");
    let (_, found) = run(dir.path(), false);
    let lines = messages(&found, dir.path());
    let expected = [
        "episodes/001-a/episode.md:10:14: error: chapter « Suite » starts at 00:00, not after the previous one (00:00)",
        "episodes/001-a/episode.md:10:42: error: `example.fr` is not an absolute URL",
        "episodes/001-a/episode.md:3:7: error: `20/11/2026` is not a date",
        "episodes/002-b: error: no .mp3 file in this episode folder",
        "episodes/003-c: error: several .mp3 files (a.mp3, b.mp3): which one is the episode?",
        "episodes/005-e/episode.md:1:1: error: episode.md must start with a `---` line",
        "episodes/Episode 4: error: `Episode 4` is not a valid folder name",
    ];
    assert_eq!(lines.len(), expected.len(), "{lines:#?}");
    for (line, want) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(want),
            "{line}\n  should start with\n{want}"
        );
    }
    assert!(lines[6].contains("rename the folder to `episode-4`"));
}

#[test]
fn chapter_after_the_end_of_the_audio_is_an_error() {
    let dir = with_episode("001-a", &EPISODE.replace("\"00:45.5\"", "\"01:00\""));
    let (_, found) = run(dir.path(), false);
    assert_eq!(
        messages(&found, dir.path())[0].lines().next().unwrap(),
        "episodes/001-a/episode.md:10:5: error: chapter « Suite » starts at 01:00, after the end of the audio (01:00)"
    );
}

#[test]
fn drafts_and_future_episodes_wait_unless_asked() {
    let dir = podcast(SHOW_YAML);
    for (slug, extra) in [("001-a", "draft: true\n"), ("002-b", ""), ("003-c", "")] {
        let date = if slug == "003-c" {
            "2026-12-01 08:00"
        } else {
            "2026-11-01 08:00"
        };
        let text = format!(
            "---\ntitle: {slug}\ndate: {date}\nnumber: {}\n{extra}---\n",
            &slug[2..3]
        );
        write(dir.path(), &format!("episodes/{slug}/episode.md"), &text);
        write(dir.path(), &format!("episodes/{slug}/x.mp3"), "");
    }
    let (published, found) = run(dir.path(), false);
    assert!(!found.has_errors());
    assert_eq!(
        published
            .iter()
            .map(|e| e.slug.as_str())
            .collect::<Vec<_>>(),
        ["002-b"]
    );
    let (all, _) = run(dir.path(), true);
    assert_eq!(
        all.iter().map(|e| e.slug.as_str()).collect::<Vec<_>>(),
        ["003-c", "001-a", "002-b"]
    );
}

#[test]
fn duplicate_numbers_and_guids_name_both_episodes() {
    let dir = podcast(SHOW_YAML);
    for slug in ["001-a", "002-b"] {
        write(
            dir.path(),
            &format!("episodes/{slug}/episode.md"),
            &EPISODE.replace("summary", "# summary"),
        );
        write(dir.path(), &format!("episodes/{slug}/x.mp3"), "");
    }
    let (_, found) = run(dir.path(), false);
    let lines = messages(&found, dir.path());
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines[0].starts_with("episodes/002-b/episode.md:4:7: error: GUID `3f0e8c0e-8a55-4d0e-9b2e-5b7a1c3e1f00` is already used by episode `001-a`"));
    assert!(lines[1].starts_with(
        "episodes/002-b/episode.md:5:9: error: episode number 12 is already used by episode `001-a`"
    ));
}

#[test]
fn an_episode_without_guid_gets_a_stable_one() {
    let dir = with_episode("001-a", &EPISODE.replace("guid:", "# guid:"));
    let (first, _) = run(dir.path(), false);
    let (second, _) = run(dir.path(), false);
    assert_eq!(first[0].guid, second[0].guid);
    assert_eq!(first[0].guid.len(), 36);
}

#[test]
fn audio_outside_the_folder_is_refused() {
    let dir = with_episode(
        "001-a",
        &EPISODE.replace("summary:", "audio: ../../podcast.yaml\nsummary:"),
    );
    let (_, found) = run(dir.path(), false);
    assert!(messages(&found, dir.path())[0].contains("must not leave"));
}

#[test]
fn transcripts_are_found_parsed_and_checked() {
    let dir = with_episode("001-a", EPISODE);
    write(
        dir.path(),
        "episodes/001-a/transcript.vtt",
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Camille>Bonjour.\n",
    );
    let (episodes, found) = run(dir.path(), false);
    assert!(!found.has_errors(), "{found:?}");
    let transcript = episodes[0].transcript.as_ref().unwrap();
    assert_eq!(
        (transcript.format, transcript.cues[0].speaker.as_deref()),
        (TranscriptFormat::Vtt, Some("Camille"))
    );
    write(
        dir.path(),
        "episodes/001-a/transcript.vtt",
        "WEBVTT\n\n00:03.000 --> 00:02.000\nx\n",
    );
    let (_, found) = run(dir.path(), false);
    assert_eq!(
        messages(&found, dir.path())[0].lines().next().unwrap(),
        "episodes/001-a/transcript.vtt:3:1: error: the cue ends before it starts"
    );
}

#[test]
fn titles_that_repeat_their_number_get_a_warning() {
    assert!(title_has_number("Épisode 12 : l'IA", 12));
    assert!(title_has_number("#12 – PME", 12));
    assert!(title_has_number("Ep. 012, formations", 12));
    assert!(!title_has_number("Les 12 travaux de l'IA", 12));
    assert!(!title_has_number("Épisode 13", 12));
    let dir = with_episode(
        "012-pme",
        &EPISODE.replace("L'IA dans les PME", "Épisode 12 : L'IA dans les PME"),
    );
    let (episodes, found) = run(dir.path(), false);
    assert_eq!(episodes.len(), 1, "a warning does not stop the build");
    assert!(messages(&found, dir.path())[0].starts_with(
        "episodes/012-pme/episode.md:2:8: warning: the title repeats the episode number 12"
    ));
}

#[test]
fn person_roles_follow_the_podcasting_2_0_taxonomy() {
    let text = EPISODE.replace(
        "summary:",
        "persons:\n  - { name: Hélène, role: invitée }\nsummary:",
    );
    let dir = with_episode("001-a", &text);
    let (_, found) = run(dir.path(), false);
    assert!(
        messages(&found, dir.path())[0].starts_with(
            "episodes/001-a/episode.md:8:27: error: `invitée` is not a Podcasting 2.0 person role"
        ),
        "{found:?}"
    );
}

#[test]
fn soundbites_and_location_load_and_are_checked_against_the_audio() {
    let text = EPISODE.replace(
        "keywords: [PME, formation]\n",
        "keywords: [PME, formation]\nlocation: { name: Roubaix, geo: \"geo:50.69,3.17\" }\nblock: true\nsoundbites:\n  - { start: \"00:10\", duration: 30, title: Le passage }\n  - { start: 20.5, duration: 8 }\n  - { start: \"00:50\", duration: \"00:20\" }\n",
    );
    let dir = with_episode("012-pme", &text);
    let (_, found) = run(dir.path(), false);
    assert_eq!(
        messages(&found, dir.path()),
        [
            "episodes/012-pme/episode.md:16:30: warning: the soundbite lasts 8.0 s; Podcasting 2.0 recommends 15 to 120 seconds\n  help: apps may skip or cut it: choose a passage of 15 seconds to 2 minutes",
            "episodes/012-pme/episode.md:17:5: error: the soundbite starting at 00:50 ends at 01:10, after the end of the audio (01:00)\n  help: shorten it or start it earlier, or check that `audio:` names the right file",
        ]
    );
    let fixed = text.replace(
        "\"00:50\", duration: \"00:20\"",
        "\"00:40\", duration: \"00:20\"",
    );
    let dir = with_episode("012-pme", &fixed);
    let (episodes, found) = run(dir.path(), false);
    assert!(!found.has_errors(), "{found:?}");
    let e = &episodes[0];
    assert!(e.block);
    assert_eq!(
        e.location.as_ref().unwrap().geo.as_deref(),
        Some("geo:50.69,3.17")
    );
    let bites: Vec<(u64, u64, Option<&str>)> = e
        .soundbites
        .iter()
        .map(|b| (b.start_ms, b.duration_ms, b.title.as_deref()))
        .collect();
    assert_eq!(
        bites,
        [
            (10_000, 30_000, Some("Le passage")),
            (20_500, 8_000, None),
            (40_000, 20_000, None)
        ]
    );
}

#[test]
fn a_draft_without_audio_waits_and_a_preview_says_so() {
    let dir = podcast(SHOW_YAML);
    write(
        dir.path(),
        "episodes/001-a/episode.md",
        "---\ntitle: A\ndate: 2026-11-01\ndraft: true\n---\n",
    );
    let (published, found) = run(dir.path(), false);
    assert!(published.is_empty() && found.iter().count() == 0);
    let (preview, found) = run(dir.path(), true);
    assert!(preview.is_empty() && !found.has_errors());
    assert!(
        messages(&found, dir.path())[0]
            .starts_with("episodes/001-a: warning: this draft has no MP3 yet")
    );
}

/// Loads `dir` with a memo kept in `store`, counting the notes rendered.
fn run_kept(
    dir: &Path,
    store: &std::sync::Mutex<HashMap<memo::Key, Arc<[u8]>>>,
    rendered: &std::sync::atomic::AtomicUsize,
) -> (Vec<Episode>, Diagnostics) {
    let (show, _) = config::load(dir, None).expect("show loads");
    let notes = |source: &str, prefix: &str, sanitize: bool| {
        rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        crate::show::markdown::to_html(source, prefix, sanitize).into()
    };
    let sources = Sources {
        probe: Box::new(one_minute),
        notes: Box::new(notes),
        memo: Some(Memo {
            recall: Box::new(|key| store.lock().unwrap().get(&key).cloned()),
            remember: Box::new(|key, bytes| {
                store.lock().unwrap().insert(key, bytes.into());
            }),
        }),
    };
    let loaded = load_all(
        dir,
        &show,
        &Selection {
            drafts: false,
            now: now(),
        },
        &sources,
    );
    (loaded.episodes, loaded.found)
}

#[test]
fn an_unchanged_folder_is_recalled_and_a_file_that_changed_is_read_again() {
    let title = "title: \"L'IA dans les PME : par où commencer ?\"";
    let text = EPISODE.replace(title, "title: \"Épisode 12 : l'IA\"");
    let dir = with_episode("012-pme", &text);
    let settle = || std::thread::sleep(std::time::Duration::from_millis(60));
    write(
        dir.path(),
        "episodes/012-pme/transcript.vtt",
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Camille>Bonjour.\n",
    );
    settle();
    let store = std::sync::Mutex::default();
    let rendered = std::sync::atomic::AtomicUsize::new(0);
    let count = || rendered.load(std::sync::atomic::Ordering::Relaxed);
    let (first, warnings) = run_kept(dir.path(), &store, &rendered);
    assert_eq!((first.len(), count()), (1, 1));
    // Recalled: the same episode and the same warnings, nothing read or rendered again.
    let (again, recalled) = run_kept(dir.path(), &store, &rendered);
    assert_eq!(count(), 1);
    assert_eq!(again[0].title, first[0].title);
    assert_eq!(again[0].notes_html, first[0].notes_html);
    assert_eq!(
        again[0].transcript,
        first[0].transcript.as_ref().map(|t| {
            let mut t = t.clone();
            t.cues.iter_mut().for_each(|c| c.line = 0);
            t
        })
    );
    assert_eq!(
        messages(&recalled, dir.path()),
        messages(&warnings, dir.path())
    );
    assert!(
        warnings.iter().next().is_some(),
        "the title repeats the number: a warning to say again"
    );
    // A transcript rewritten in place (the folder's times do not move) is read again.
    write(
        dir.path(),
        "episodes/012-pme/transcript.vtt",
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Dominique>Au revoir.\n",
    );
    settle();
    let (changed, _) = run_kept(dir.path(), &store, &rendered);
    assert_eq!(count(), 2);
    let cue = &changed[0].transcript.as_ref().unwrap().cues[0];
    assert_eq!(cue.speaker.as_deref(), Some("Dominique"));
    // So is an episode.md just saved, and it is not kept while its change is that recent.
    let md = dir.path().join("episodes/012-pme/episode.md");
    let text = std::fs::read_to_string(&md).unwrap();
    std::fs::write(&md, text.replace("Des **notes**", "Les **notes**")).unwrap();
    run_kept(dir.path(), &store, &rendered);
    run_kept(dir.path(), &store, &rendered);
    assert_eq!(count(), 4);
}

#[test]
fn an_image_of_podcast_image_rewritten_in_place_is_measured_again() {
    let png = |width: u32, height: u32| {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend_from_slice(&width.to_be_bytes());
        bytes.extend_from_slice(&height.to_be_bytes());
        bytes.extend_from_slice(b"\x08\x02\0\0\0\0\0\0\0");
        bytes
    };
    let text = EPISODE.replace(
        "keywords:",
        "images: [{ file: banniere.png, alt: Bannière }]\nkeywords:",
    );
    let dir = with_episode("012-pme", &text);
    let banner = dir.path().join("episodes/012-pme/banniere.png");
    std::fs::write(&banner, png(1920, 1080)).unwrap();
    let settle = || std::thread::sleep(std::time::Duration::from_millis(60));
    settle();
    let (store, rendered) = (
        std::sync::Mutex::default(),
        std::sync::atomic::AtomicUsize::new(0),
    );
    let width = |episodes: &[Episode]| episodes[0].extras.images[0].width;
    assert_eq!(
        width(&run_kept(dir.path(), &store, &rendered).0),
        Some(1920)
    );
    assert_eq!(
        width(&run_kept(dir.path(), &store, &rendered).0),
        Some(1920)
    );
    assert_eq!(
        rendered.load(std::sync::atomic::Ordering::Relaxed),
        1,
        "recalled"
    );
    // Rewritten in place: the folder's times do not move, the image's do.
    std::fs::write(&banner, png(1200, 600)).unwrap();
    settle();
    assert_eq!(
        width(&run_kept(dir.path(), &store, &rendered).0),
        Some(1200)
    );
}
