//! The episode rules of `carnets check` (see `check.rs`): titles, summaries, chapters,
//! transcripts, soundbites and audio, each broken in one episode of the fixture podcast.

use std::fs;

use crate::check::{assert_errors, assert_warnings, check, replace};

const EPISODE_1: &str = "episodes/001-cbr/episode.md";

#[test]
fn title_with_the_episode_number_is_a_warning() {
    let result = check(|root| {
        replace(
            root,
            EPISODE_1,
            "title: \"Bienvenue",
            "title: \"Épisode 1 : Bienvenue",
        );
    });
    assert_warnings(
        result,
        &[
            "episodes/001-cbr/episode.md:2:8: warning: the title repeats the episode number 1\n  help: Apple asks for titles without numbers: apps show `number:` themselves",
        ],
    );
}

#[test]
fn summary_of_more_than_4000_bytes() {
    let long = "Un résumé bien trop long. ".repeat(160);
    let result = check(|root| {
        replace(
            root,
            EPISODE_1,
            "Premier épisode, en CBR avec un en-tête Info.",
            &long,
        );
    });
    assert_errors(
        result,
        &[
            "episodes/001-cbr/episode.md:2:8: error: the summary is 4480 bytes; Apple accepts at most 4000",
            "  help: keep `summary:` to a sentence or two; details belong in the show notes",
        ],
    );
}

#[test]
fn chapter_times_must_increase() {
    let result = check(|root| replace(root, EPISODE_1, "\"00:02.500\"", "\"00:00\""));
    assert_errors(
        result,
        &[
            "episodes/001-cbr/episode.md:10:14: error: chapter « Les PME » starts at 00:00, not after the previous one (00:00)",
            "  help: chapters must be listed in order, each starting after the previous one",
        ],
    );
}

#[test]
fn chapters_must_start_inside_the_audio() {
    let result = check(|root| replace(root, EPISODE_1, "\"00:02.500\"", "\"09:00\""));
    let (code, stderr) = result;
    assert_eq!(code, 1);
    let line = stderr.lines().next().unwrap();
    assert!(
        line.starts_with("episodes/001-cbr/episode.md:10:5: error: chapter « Les PME » starts at 09:00, after the end of the audio (00:"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "\n  help: fix the start time, or check that `audio:` names the right file\n"
        ),
        "{stderr}"
    );
}

#[test]
fn transcripts_must_parse() {
    let result = check(|root| {
        fs::write(
            root.join("episodes/001-cbr/transcript.vtt"),
            "00:00:00.000 --> 00:00:01.000\nBonjour.\n",
        )
        .unwrap();
    });
    assert_errors(
        result,
        &[
            "episodes/001-cbr/transcript.vtt:1:1: error: a WebVTT transcript must start with a `WEBVTT` line",
            "  help: fix the transcript, or export it again from the transcription tool",
        ],
    );
}

#[test]
fn transcript_times_must_increase() {
    let result = check(|root| {
        fs::write(
            root.join("episodes/001-cbr/transcript.srt"),
            "1\n00:00:02,000 --> 00:00:03,000\nSuite.\n\n2\n00:00:00,000 --> 00:00:01,000\nDébut.\n",
        )
        .unwrap();
    });
    assert_errors(
        result,
        &[
            "episodes/001-cbr/transcript.srt:6:1: error: the cue starts before the previous one (line 2)",
            "  help: fix the transcript, or export it again from the transcription tool",
        ],
    );
}

/// Enclosure URLs are unique by construction (each comes from its episode's folder name);
/// what does happen is the same MP3 copied into two folders.
#[test]
fn the_same_audio_in_two_episodes_is_a_warning() {
    let result = check(|root| {
        fs::copy(
            root.join("episodes/001-cbr/audio.mp3"),
            root.join("episodes/003-mpeg2/audio.mp3"),
        )
        .unwrap();
    });
    assert_warnings(
        result,
        &[
            "episodes/003-mpeg2/audio.mp3: warning: this MP3 has the same bytes as the audio of episode `001-cbr`\n  help: put this episode's own MP3 in its folder",
        ],
    );
}

#[test]
fn soundbites_inside_the_audio_and_of_a_recommended_length() {
    let result = check(|root| {
        replace(
            root,
            EPISODE_1,
            "chapters:",
            "soundbites:\n  - { start: 0.5, duration: 4, title: Trop court }\n  - { start: \"00:02\", duration: 600 }\nchapters:",
        );
    });
    assert_errors(
        result,
        &[
            "episodes/001-cbr/episode.md:9:29: warning: the soundbite lasts 4.0 s; Podcasting 2.0 recommends 15 to 120 seconds",
            "  help: apps may skip or cut it: choose a passage of 15 seconds to 2 minutes",
            "episodes/001-cbr/episode.md:10:5: error: the soundbite starting at 00:02 ends at 10:02, after the end of the audio (00:05)",
            "  help: shorten it or start it earlier, or check that `audio:` names the right file",
            "episodes/001-cbr/episode.md:10:33: warning: the soundbite lasts 600.0 s; Podcasting 2.0 recommends 15 to 120 seconds",
            "  help: apps may skip or cut it: choose a passage of 15 seconds to 2 minutes",
        ],
    );
}
