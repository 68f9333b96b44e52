//! The frame reader on synthetic streams: sync, resync, truncation, garbage, odd inputs.

use std::io::Cursor;

use super::*;
use crate::audio::MpegVersion;

/// MPEG-1 Layer III, 128 kbps, 44.1 kHz, joint stereo: 417 bytes, 418 with padding.
const L3_128: [u8; 4] = [0xFF, 0xFB, 0x90, 0x40];
/// The same at 64 kbps (208 bytes), to make VBR streams.
const L3_64: [u8; 4] = [0xFF, 0xFB, 0x50, 0x40];

/// One frame starting with `header`, its body filled with bytes that never look like a sync.
fn frame(header: [u8; 4]) -> Vec<u8> {
    let len = frame_len(u32::from_be_bytes(header));
    let mut f = header.to_vec();
    f.resize(len, 0x55);
    f
}

fn frames(header: [u8; 4], n: usize) -> Vec<u8> {
    (0..n).flat_map(|_| frame(header)).collect()
}

/// An Info frame (128 kbps) announcing `count` frames, with a LAME tag when `lame` is given.
fn info_frame(count: u32, lame: Option<(u16, u16)>) -> Vec<u8> {
    let mut f = frame(L3_128);
    f[4..36].fill(0);
    let mut tag = b"Info".to_vec();
    tag.extend(1u32.to_be_bytes());
    tag.extend(count.to_be_bytes());
    if let Some((delay, padding)) = lame {
        tag.extend(b"LAME3.100");
        tag.extend([0; 12]);
        let v = (u32::from(delay) << 12) | u32::from(padding);
        tag.extend(&v.to_be_bytes()[1..]);
    }
    f[36..36 + tag.len()].copy_from_slice(&tag);
    f
}

fn run(bytes: &[u8]) -> Result<AudioInfo, ProbeError> {
    probe_reader(Cursor::new(bytes), bytes.len() as u64)
}

fn ok(bytes: &[u8]) -> AudioInfo {
    run(bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn not_mpeg(bytes: &[u8]) -> String {
    match run(bytes) {
        Err(ProbeError::NotMpeg(why)) => why,
        other => panic!("expected NotMpeg, got {other:?}"),
    }
}

/// Deterministic pseudo-random bytes (xorshift), for garbage and fuzzing.
fn noise(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn plain_cbr_stream() {
    let info = ok(&frames(L3_128, 100));
    assert_eq!(
        (info.version, info.layer, info.sample_rate, info.channels),
        (MpegVersion::Mpeg1, 3, 44100, 2)
    );
    assert_eq!((info.frames, info.samples), (100, 100 * 1152));
    assert_eq!((info.audio_start, info.audio_end), (0, 100 * 417));
    assert_eq!((info.vbr, info.bitrate), (false, 128_000));
    assert_eq!(info.duration_ms(), 100 * 1152 * 1000 / 44100);
}

#[test]
fn a_stream_larger_than_the_buffer_is_counted_exactly() {
    // Frames straddle every buffer refill: 5000 × 417 bytes is about 8 buffers.
    let mut stream = frames(L3_128, 2500);
    stream.extend(frames(L3_64, 2500));
    let info = ok(&stream);
    assert_eq!((info.frames, info.audio_end), (5000, stream.len() as u64));
    assert!(info.vbr);
    // The average of what the bytes carry: unpadded frames are a little under their rate.
    assert_eq!(
        u64::from(info.bitrate),
        (417 + 208) * 2500 * 8 * 44100 / (5000 * 1152)
    );
}

#[test]
fn very_short_streams_are_accepted_when_they_end_exactly() {
    for n in 1..=5 {
        assert_eq!(ok(&frames(L3_128, n)).frames, n as u64);
    }
    // One frame and a half: not enough to believe the sync.
    let mut f = frames(L3_128, 1);
    f.extend(&frame(L3_128)[..100]);
    assert!(matches!(run(&f), Err(ProbeError::NotMpeg(_))));
}

#[test]
fn id3v2_tags_zeros_and_false_syncs_before_the_first_frame() {
    let mut f = b"ID3\x03\x00\x00\x00\x00\x01\x00".to_vec(); // 128-byte body
    f.extend([0; 128]);
    f.extend(b"ID3\x04\x00\x10\x00\x00\x00\x20"); // 32-byte body and a footer
    f.extend([0; 32]);
    f.extend(b"3DI\x04\x00\x10\x00\x00\x00\x20");
    // Junk holding a lone valid header followed by one more: a false sync, not a stream.
    f.extend([0; 50]);
    f.extend(frames(L3_128, 2));
    f.extend([0x12; 300]);
    let start = f.len() as u64;
    f.extend(frames(L3_128, 20));
    let info = ok(&f);
    assert_eq!((info.audio_start, info.frames), (start, 20));
}

#[test]
fn id3v1_and_ape_tags_at_the_end_are_not_frames() {
    let mut f = frames(L3_128, 20);
    let end = f.len() as u64;
    // An APE tag whose items contain a frame header: it must not be read as audio.
    let mut body = frame(L3_128);
    body.truncate(40);
    f.extend(b"APETAGEX");
    for x in [2000u32, body.len() as u32 + 32, 1, 0] {
        f.extend(x.to_le_bytes());
    }
    f.extend([0; 8]);
    let header_at = f.len() - 32;
    f.splice(header_at..header_at, body);
    f.extend(b"TAG");
    f.resize(f.len() + 125, b' ');
    let info = ok(&f);
    assert_eq!((info.audio_end, info.frames), (end, 20));
}

#[test]
fn garbage_in_the_middle_is_skipped() {
    let mut f = frames(L3_128, 40);
    f.extend(noise(7, 1000));
    f.extend(frames(L3_128, 40));
    // A frame cut short by the garbage that follows it.
    f.extend(&frame(L3_128)[..200]);
    f.extend(frames(L3_128, 40));
    let info = ok(&f);
    assert_eq!(info.frames, 120);
    assert_eq!(info.audio_end, f.len() as u64);
}

#[test]
fn a_stream_that_is_mostly_garbage_is_damaged() {
    let mut f = frames(L3_128, 10);
    f.extend(noise(3, 20_000));
    f.extend(frames(L3_128, 10));
    let err = run(&f).unwrap_err();
    assert!(matches!(err, ProbeError::Damaged { .. }), "{err:?}");
    assert!(err.to_string().contains("damaged"), "{err}");
}

#[test]
fn a_change_of_sample_rate_is_not_the_same_stream() {
    // 48 kHz frames after 44.1 kHz ones: junk to this stream, not a silent change of clock.
    let mut f = frames(L3_128, 30);
    f.extend(frames([0xFF, 0xFB, 0x94, 0x40], 10));
    let info = ok(&f);
    assert_eq!((info.frames, info.audio_end), (30, 30 * 417));
}

#[test]
fn info_frame_is_in_the_range_and_its_lame_tag_trims_samples() {
    let mut f = info_frame(50, Some((576, 1000)));
    f.extend(frames(L3_128, 50));
    let info = ok(&f);
    assert_eq!(
        (info.frames, info.audio_start, info.audio_end),
        (50, 0, f.len() as u64)
    );
    assert_eq!(info.samples, 50 * 1152 - 576 - 1000);
    // A padding shorter than the decoder delay: the delay is still skipped at the start.
    let mut f = info_frame(50, Some((0, 0)));
    f.extend(frames(L3_128, 50));
    assert_eq!(ok(&f).samples, 50 * 1152 - 529);
    // No LAME tag: nothing is trimmed.
    let mut f = info_frame(50, None);
    f.extend(frames(L3_128, 50));
    assert_eq!(ok(&f).samples, 50 * 1152);
}

#[test]
fn a_header_announcing_more_frames_than_there_are_is_truncation() {
    let mut f = info_frame(100, Some((576, 1000)));
    f.extend(frames(L3_128, 60));
    f.extend(&frame(L3_128)[..100]);
    match run(&f) {
        Err(ProbeError::Truncated {
            expected_frames: 100,
            found_frames: 60,
            expected_ms,
            found_ms,
        }) => {
            assert_eq!((expected_ms, found_ms), (2612, 1567));
        }
        other => panic!("{other:?}"),
    }
    // More frames than announced is not truncation: the true count wins.
    let mut f = info_frame(10, None);
    f.extend(frames(L3_128, 60));
    assert_eq!(ok(&f).frames, 60);
}

#[test]
fn a_lone_info_frame_has_no_audio() {
    let why = not_mpeg(&info_frame(0, None));
    assert!(why.contains("no audio frames"), "{why}");
}

#[test]
fn layer1_and_layer2_streams() {
    // MPEG-1 Layer I, 384 kbps, 44.1 kHz: 384 samples per frame.
    let info = ok(&frames([0xFF, 0xFF, 0xC0, 0x00], 30));
    assert_eq!((info.layer, info.samples), (1, 30 * 384));
    // MPEG-2 Layer II, 32 kbps, 24 kHz: 1152 samples per frame.
    let info = ok(&frames([0xFF, 0xF5, 0x44, 0xC0], 30));
    assert_eq!(
        (info.layer, info.version, info.samples, info.channels),
        (2, MpegVersion::Mpeg2, 30 * 1152, 1)
    );
}

#[test]
fn free_format_is_refused_with_its_own_error() {
    let mut f = vec![0xFF, 0xFB, 0x00, 0x40];
    f.resize(2000, 0x55);
    let err = run(&f).unwrap_err();
    assert!(matches!(err, ProbeError::FreeFormat), "{err:?}");
    assert!(err.to_string().contains("free format"));
}

#[test]
fn things_that_are_not_mp3_say_what_they_are() {
    assert!(not_mpeg(b"").contains("empty"));
    assert!(not_mpeg(b"RIFF\x24\x00\x00\x00WAVEfmt ").contains("WAV"));
    assert!(not_mpeg(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("PNG"));
    assert!(not_mpeg(b"ID3\x04\x00\x00\x00\x00\x00\x05\0\0\0\0\0").contains("no audio"));
    assert!(not_mpeg("Épisode 1 : notes de l'émission\n".repeat(50).as_bytes()).contains("text"));
    assert!(not_mpeg(&[0; 5000]).contains("zeros"));
    assert!(not_mpeg(&noise(11, 100_000)).contains("no MPEG audio"));
}

#[test]
fn never_panics_on_damaged_or_random_input() {
    let mut good = info_frame(30, Some((576, 600)));
    good.extend(frames(L3_128, 15));
    good.extend(frames(L3_64, 15));
    // Every truncation, and single bytes smashed at many offsets.
    for cut in (0..good.len()).step_by(7) {
        let _ = run(&good[..cut]);
    }
    let mut x = 1u64;
    for _ in 0..300 {
        let mut f = good.clone();
        for _ in 0..4 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let at = (x >> 33) as usize % f.len();
            f[at] = (x >> 13) as u8;
        }
        let _ = run(&f);
    }
    // Runs of sync-like bytes, which make every offset a candidate.
    for fill in [0xFF, 0xFB, 0xE0] {
        let _ = run(&vec![fill; 300_000]);
    }
    for seed in 1..40 {
        let _ = run(&noise(seed, (seed as usize * 7919) % 70_000));
    }
}

/// A VBRI frame (Fraunhofer) announcing `count` frames.
fn vbri_frame(count: u32, bytes: u32) -> Vec<u8> {
    let mut f = frame(L3_128);
    f[4..36].fill(0);
    let mut tag = b"VBRI\x00\x01\x04\x52\x00\x4b".to_vec();
    tag.extend(bytes.to_be_bytes());
    tag.extend(count.to_be_bytes());
    f[36..36 + tag.len()].copy_from_slice(&tag);
    f
}

#[test]
fn vbri_frame_is_not_audio_and_its_count_is_checked() {
    let mut f = vbri_frame(30, 31 * 417);
    f.extend(frames(L3_128, 30));
    let info = ok(&f);
    // No LAME tag: nothing trimmed, and the VBRI frame is in the range but not counted.
    assert_eq!(
        (info.frames, info.samples, info.audio_start),
        (30, 30 * 1152, 0)
    );
    let mut f = vbri_frame(60, 61 * 417);
    f.extend(frames(L3_128, 30));
    assert!(matches!(
        run(&f),
        Err(ProbeError::Truncated {
            expected_frames: 60,
            found_frames: 30,
            ..
        })
    ));
}

#[test]
fn a_byte_count_alone_also_reveals_truncation() {
    // Xing with only the bytes flag, announcing 101 frames' worth of bytes; 50 are there.
    let xing = |bytes: u32| {
        let mut f = frame(L3_128);
        f[4..36].fill(0);
        f[36..44].copy_from_slice(b"Xing\0\0\0\x02");
        f[44..48].copy_from_slice(&bytes.to_be_bytes());
        f
    };
    let mut f = xing(101 * 417);
    f.extend(frames(L3_128, 50));
    match run(&f) {
        Err(ProbeError::Truncated {
            expected_frames,
            found_frames: 50,
            ..
        }) => {
            assert!((99..=101).contains(&expected_frames), "{expected_frames}");
        }
        other => panic!("{other:?}"),
    }
    // Encoders disagree on what the byte count covers: up to a frame too many is tolerated.
    let mut f = xing(52 * 417);
    f.extend(frames(L3_128, 50));
    assert_eq!(ok(&f).frames, 50);
}

#[test]
fn frames_lost_to_damage_are_not_truncation() {
    // The Info frame announces 50 frames and the right byte count; a smashed header in the
    // middle loses one. The file is whole: measure what is there.
    let mut f = info_frame(50, None);
    f[40..44].copy_from_slice(&3u32.to_be_bytes()); // flags: frames and bytes
    f[48..52].copy_from_slice(&(51 * 417u32).to_be_bytes());
    f.extend(frames(L3_128, 50));
    let smashed = 417 * 20;
    f[smashed] = 0;
    assert_eq!(ok(&f).frames, 49);
    // Damaged and also cut short: the byte count gives it away.
    f.truncate(417 * 40);
    assert!(matches!(
        run(&f),
        Err(ProbeError::Truncated {
            expected_frames: 50,
            found_frames: 38,
            ..
        })
    ));
}
