//! The frame reader against real encoders: every fixture's duration must match, to the
//! sample where the encoder left a LAME tag, the audio that ffmpeg actually decodes.
//!
//! The fixtures come from `tests/fixtures/audio/make.sh` (lame, ffmpeg, sox, espeak-ng).

use std::path::PathBuf;
use std::process::Command;

use carnets::audio::{AudioInfo, MpegVersion, ProbeError, probe};

use crate::common;

fn fixture(name: &str) -> PathBuf {
    common::fixtures().join("audio").join(name)
}

fn probed(name: &str) -> AudioInfo {
    probe(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn ffmpeg_samples(ffmpeg: &std::path::Path, name: &str) -> u64 {
    common::decoded_samples(ffmpeg, &fixture(name))
}

/// Every fixture that holds a good stream, with what we know of it from its encoder settings:
/// (file, version, layer, sample rate, channels, vbr, ffmpeg decodes exactly our sample count).
const GOOD: &[(&str, MpegVersion, u8, u32, u8, bool, bool)] = {
    use MpegVersion::*;
    &[
        ("cbr-128-info.mp3", Mpeg1, 3, 44100, 2, false, true),
        ("cbr-64-noxing.mp3", Mpeg1, 3, 44100, 1, false, true),
        ("vbr-xing.mp3", Mpeg1, 3, 44100, 2, true, true),
        ("vbr-noxing.mp3", Mpeg1, 3, 44100, 1, true, true),
        ("apev2.mp3", Mpeg1, 3, 44100, 2, true, true),
        ("id3v24-apic-id3v1.mp3", Mpeg1, 3, 44100, 1, false, true),
        // ffmpeg looks for the Info frame only right after the ID3v2 tags, not after the
        // zeros, so it decodes it as silence and skips no decoder delay: 529 more samples.
        ("id3v2-twice-zeros.mp3", Mpeg1, 3, 44100, 1, false, false),
        // 3000 bytes spliced into a frame: ffmpeg drops the damaged frame and the next ones
        // whose bit reservoir it held; we count the frames that are there (see below).
        ("junk-in-middle.mp3", Mpeg1, 3, 44100, 1, false, false),
        ("mpeg2-22050-mono-cbr.mp3", Mpeg2, 3, 22050, 1, false, true),
        ("mpeg2-24000-joint-vbr.mp3", Mpeg2, 3, 24000, 2, true, true),
        (
            "mpeg2-16000-mono-noxing.mp3",
            Mpeg2,
            3,
            16000,
            1,
            false,
            true,
        ),
        ("mpeg25-8000-mono-cbr.mp3", Mpeg25, 3, 8000, 1, false, true),
        (
            "mpeg25-11025-stereo-cbr.mp3",
            Mpeg25,
            3,
            11025,
            2,
            false,
            true,
        ),
        ("mpeg25-12000-mono-vbr.mp3", Mpeg25, 3, 12000, 1, true, true),
        ("layer2-44100-stereo.mp3", Mpeg1, 2, 44100, 2, false, true),
        ("layer2-24000-mono.mp3", Mpeg2, 2, 24000, 1, false, true),
    ]
};

#[test]
fn fixtures_have_the_expected_stream_parameters() {
    for &(name, version, layer, rate, channels, vbr, _) in GOOD {
        let info = probed(name);
        assert_eq!(
            (
                info.version,
                info.layer,
                info.sample_rate,
                info.channels,
                info.vbr
            ),
            (version, layer, rate, channels, vbr),
            "{name}: {info:?}"
        );
        let len = std::fs::metadata(fixture(name)).unwrap().len();
        assert!(
            info.audio_start < info.audio_end && info.audio_end <= len,
            "{name}: {info:?}"
        );
        let spf = match (layer, version) {
            (2, _) | (3, MpegVersion::Mpeg1) => 1152,
            _ => 576,
        };
        assert!(info.samples <= info.frames * spf, "{name}: {info:?}");
        assert!(
            info.samples + 3 * 1152 > info.frames * spf,
            "{name}: {info:?}"
        );
    }
}

#[test]
fn duration_matches_the_samples_ffmpeg_decodes() {
    let Some(ffmpeg) = common::tool("ffmpeg") else {
        return;
    };
    for &(name, .., exact) in GOOD {
        let info = probed(name);
        let decoded = ffmpeg_samples(&ffmpeg, name);
        if exact {
            assert_eq!(info.samples, decoded, "{name}: {info:?}");
        } else {
            let slack = if name.contains("junk") {
                4 * 1152
            } else {
                1152
            };
            assert!(
                info.samples.abs_diff(decoded) <= slack,
                "{name}: {info:?} vs {decoded}"
            );
        }
    }
}

fn len(name: &str) -> u64 {
    std::fs::metadata(fixture(name)).unwrap().len()
}

#[test]
fn the_info_frame_is_in_the_byte_range_but_not_counted() {
    // lame writes no ID3 tag: the Info frame is the first byte, the last frame the last.
    let info = probed("cbr-128-info.mp3");
    assert_eq!(
        (info.audio_start, info.audio_end),
        (0, len("cbr-128-info.mp3"))
    );
    // 85 is what the Info header announces; the frame holding it is not one of them.
    assert_eq!(info.frames, 85);
    assert_eq!(info.bitrate, 128_000);
    assert_eq!(info.duration_ms(), 2180);
}

#[test]
fn tags_at_both_ends_are_outside_the_byte_range() {
    let plain = probed("vbr-xing.mp3");
    let ape = probed("apev2.mp3");
    assert_eq!((ape.audio_start, ape.audio_end), (0, len("vbr-xing.mp3")));
    assert_eq!(ape.samples, plain.samples);

    // ID3v2.4 with a PNG picture in front, ID3v1 behind.
    let tagged = probed("id3v24-apic-id3v1.mp3");
    assert_eq!(tagged.audio_end, len("id3v24-apic-id3v1.mp3") - 128);
    // The same tag twice, then 700 zeros: the stream starts at the same Info frame.
    let twice = probed("id3v2-twice-zeros.mp3");
    assert_eq!(twice.audio_start, 2 * tagged.audio_start + 700);
    assert_eq!(twice.audio_len(), tagged.audio_len());
    assert_eq!(
        (twice.frames, twice.samples),
        (tagged.frames, tagged.samples)
    );
}

#[test]
fn junk_in_the_middle_is_skipped_and_the_frames_around_it_counted() {
    let source = probed("cbr-64-noxing.mp3");
    let damaged = probed("junk-in-middle.mp3");
    // The frame the junk was spliced into is counted once, in its first half.
    assert_eq!(damaged.frames, source.frames);
    assert_eq!(damaged.audio_len(), source.audio_len() + 3000);
}

/// Duration in seconds that ffprobe reports for the container (what most tools show).
fn ffprobe_duration(ffprobe: &std::path::Path, name: &str) -> f64 {
    let out = Command::new(ffprobe)
        .args([
            "-v",
            "error",
            "-show_entries",
            "format=duration",
            "-of",
            "csv=p=0",
        ])
        .arg(fixture(name))
        .output()
        .expect("run ffprobe");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a duration")
}

#[test]
fn vbr_without_xing_gets_its_true_duration_where_ffprobe_guesses() {
    let name = "vbr-noxing.mp3";
    let info = probed(name);
    let rate = f64::from(info.sample_rate);
    // 2 s of silence then 1.5 s of noise, plus lame's delay and padding (not removed: no tag).
    assert_eq!(info.samples, info.frames * 1152);
    assert!(info.vbr);
    let ours = info.samples as f64 / rate;
    assert!((3.5..3.6).contains(&ours), "{ours}");

    let (Some(ffmpeg), Some(ffprobe)) = (common::tool("ffmpeg"), common::tool("ffprobe")) else {
        return;
    };
    assert_eq!(info.samples, ffmpeg_samples(&ffmpeg, name));
    // ffprobe divides the size by the first frames' bitrate (32 kbps of silence).
    let guess = ffprobe_duration(&ffprobe, name);
    assert!(
        guess - ours > 1.0,
        "ffprobe now says {guess} s, we say {ours} s"
    );
}

#[test]
fn vbr_without_xing_mutagen_guesses_wrong_too() {
    let name = "vbr-noxing.mp3";
    let Some(python) = common::python_module("mutagen") else {
        return;
    };
    let out = Command::new(python)
        .args([
            "-c",
            "import sys, mutagen.mp3; print(mutagen.mp3.MP3(sys.argv[1]).info.length)",
        ])
        .arg(fixture(name))
        .output()
        .expect("run python");
    let guess: f64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a length");
    let info = probed(name);
    let ours = info.samples as f64 / f64::from(info.sample_rate);
    assert!(
        guess - ours > 1.0,
        "mutagen now says {guess} s, we say {ours} s"
    );
}

#[test]
fn a_file_cut_in_half_is_reported_as_truncated() {
    let err = probe(&fixture("truncated.mp3")).unwrap_err();
    let ProbeError::Truncated {
        expected_frames,
        found_frames,
        ..
    } = err
    else {
        panic!("not reported as truncated: {err:?}");
    };
    assert_eq!(expected_frames, probed("vbr-xing.mp3").frames);
    assert!(found_frames > 30 && found_frames < 50, "{found_frames}");
    let message = err.to_string();
    assert!(
        message.contains("cut short") && message.contains("again"),
        "{message}"
    );
}

#[test]
fn files_without_mpeg_audio_say_what_they_are() {
    for (name, says) in [
        ("wav-renamed.mp3", "a WAV file"),
        ("empty.mp3", "empty"),
        ("only-id3v2.mp3", "no audio"),
    ] {
        match probe(&fixture(name)) {
            Err(e @ ProbeError::NotMpeg(_)) => {
                assert!(e.to_string().contains(says), "{name}: {e}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    assert!(matches!(
        probe(&fixture("missing.mp3")),
        Err(ProbeError::Io(_))
    ));
}
