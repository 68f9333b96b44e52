//! MPEG audio frame reader: exact duration and byte range of the frames of an MP3.
//!
//! The whole stream is always walked frame by frame, even when a Xing/Info/VBRI header gives
//! the frame count: it is the only way to notice a file cut short, the walk runs at the speed
//! of the disk, and it makes the returned count the true one rather than what a header claims.
//!
//! Samples are counted the way gapless players (ffmpeg among them) play them. A decoder
//! outputs `frames × samples_per_frame` samples, the source's first sample coming out after
//! the encoder delay plus the decoder delay of 529 samples (528 + 1). The LAME tag (written by
//! LAME and by ffmpeg) gives the encoder delay and the padding at the end, which LAME counts
//! with the decoder delay in it; players keep the decoded samples from `delay + 529` up to
//! `frames × spf − padding + 529`. So normally the 529 cancels out and
//! `samples = frames × spf − delay − padding`, exactly the source's samples. But a padding
//! below 529 (ffmpeg writes 0/0 when it remuxes a stream it did not encode) would put the end
//! past the last decoded sample: the end is clipped there and the 529 samples skipped at the
//! start stay skipped, so `samples = frames × spf − delay − max(padding, 529)`. That is what
//! ffmpeg decodes, to the sample, for every fixture. Without a LAME tag nothing is trimmed and
//! every decoded sample is played (the decoder delay is silence inside the count).

use std::fs::File;
use std::io::{Read, Seek};
use std::path::Path;

use super::frame::{FrameHeader, MAX_FRAME_LEN, STREAM_MASK, frame_len, is_free_format};
use super::stream::{BUF_LEN, Stream};
use super::{AudioInfo, tags, xing};
use crate::t;

mod error;
pub use error::ProbeError;

/// Samples an MPEG Layer III decoder outputs before the first encoded one (528 + 1).
const DECODER_DELAY: u16 = 529;

/// Consecutive frames (same version, layer and sample rate) that must chain up, each starting
/// where the previous one ends, before a sync word is believed: one 0xFFE in album art or junk
/// is common, four chained ones by chance are not.
const CONFIRM_FRAMES: usize = 4;

/// Bytes needed to check [`CONFIRM_FRAMES`] frames whatever their size.
const CONFIRM_WINDOW: usize = CONFIRM_FRAMES * MAX_FRAME_LEN + 4;

const _: () = assert!(CONFIRM_WINDOW <= BUF_LEN);

#[inline(always)]
fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// Measures the MPEG stream of `path` without reading it whole into memory.
pub fn probe(path: &Path) -> Result<AudioInfo, ProbeError> {
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    probe_reader(file, len)
}

/// Measures the MPEG stream of an MP3 held in memory (the fuzzer's entry point).
pub fn probe_bytes(bytes: &[u8]) -> Result<AudioInfo, ProbeError> {
    probe_reader(std::io::Cursor::new(bytes), bytes.len() as u64)
}

/// Measures the MPEG stream of the first `len` bytes of `src`.
fn probe_reader<R: Read + Seek>(mut src: R, len: u64) -> Result<AudioInfo, ProbeError> {
    if len == 0 {
        return Err(ProbeError::NotMpeg(t!("audio-probe-empty")));
    }
    let region_end = tags::audio_region_end(&mut src, len)?;
    scan(Stream::new(src, region_end))
}

/// Measures the stream of `s`, whose region already excludes the tags at the end.
fn scan<R: Read + Seek>(mut s: Stream<R>) -> Result<AudioInfo, ProbeError> {
    // ID3v2 tags at the start, possibly several; each is at least 10 bytes, so this ends.
    let mut pos = 0u64;
    while let Some(n) = tags::id3v2_len(s.window(pos, 10)?.bytes) {
        pos += n;
    }
    if pos >= s.end() {
        return Err(ProbeError::NotMpeg(t!("audio-probe-only-tags")));
    }
    let tags_end = pos;
    if let Some(kind) = sniff(s.window(pos, 16)?.bytes) {
        return Err(ProbeError::NotMpeg(t!(
            "audio-probe-other-format",
            kind = kind
        )));
    }
    let Some((start, word)) = sync(&mut s, pos, None)? else {
        return Err(no_stream(&mut s, pos)?);
    };
    let first = FrameHeader::parse(word).ok_or(ProbeError::FreeFormat)?; // never: sync checked it
    let key = word & STREAM_MASK;

    // A Xing/Info/VBRI frame is part of the stream but holds no audio.
    let w = s.window(start, first.len)?;
    let vbr_header = w
        .bytes
        .get(..first.len)
        .and_then(|f| xing::parse(f, &first));
    let header_frame_len = if vbr_header.is_some() { first.len } else { 0 };
    pos = start + header_frame_len as u64;

    let mut frames = 0u64;
    let mut audio_bytes = 0u64;
    let mut junk = start - tags_end;
    // Junk between two frames (not before the first or after the last): damage, which may
    // explain frames missing from what a header announced without the file being cut short.
    let mut gap_junk = 0u64;
    let mut audio_end = pos;
    // VBR means: some audio frame's bitrate differs from the first audio frame's.
    let next = s.window(pos, 4)?.bytes.get(..4).map(be32);
    let next = next.filter(|&h| frame_len(h) != 0 && h & STREAM_MASK == key);
    let bitrate_bits = next.unwrap_or(word) & 0xF000;
    let mut bitrates_differ = 0u32;
    loop {
        let w = s.window(pos, MAX_FRAME_LEN + 4)?;
        let (bytes, last) = (w.bytes, w.last);
        // The hot loop: one table lookup per frame, no branch on the bitrate.
        let mut i = 0;
        let mut n = 0u64;
        while i + 4 <= bytes.len() {
            let h = be32(&bytes[i..]);
            let len = frame_len(h);
            if len == 0 || h & STREAM_MASK != key || i + len > bytes.len() {
                break;
            }
            bitrates_differ |= (h & 0xF000) ^ bitrate_bits;
            i += len;
            n += 1;
        }
        frames += n;
        audio_bytes += i as u64;
        pos += i as u64;
        if i > 0 {
            audio_end = pos;
        }
        let rest = &bytes[i..];
        let incomplete = rest.len() < 4 || {
            let h = be32(rest);
            frame_len(h) != 0 && h & STREAM_MASK == key
        };
        if incomplete {
            if last {
                // A partial frame or a few stray bytes at the very end.
                junk += rest.len() as u64;
                break;
            }
            // The window guarantees room for a whole frame, so `i > 0` here: we progressed.
            continue;
        }
        // Lost sync in the middle of the stream: skip to the next run of good frames.
        match sync(&mut s, pos + 1, Some(key))? {
            Some((next, _)) => {
                junk += next - pos;
                gap_junk += next - pos;
                pos = next;
            }
            None => {
                junk += s.end() - pos;
                break;
            }
        }
    }

    if frames == 0 {
        return Err(ProbeError::NotMpeg(t!("audio-probe-header-only")));
    }
    let spf = u64::from(first.samples_per_frame());
    let rate = u64::from(first.sample_rate);
    let ms = |frames: u64| frames * spf * 1000 / rate;
    // Junk is counted from the end of the ID3v2 tags to the tags at the end: leading junk,
    // junk between frames and a partial frame at the end. Some is normal; most is not.
    let total = s.end() - tags_end;
    if junk > total / 2 {
        return Err(ProbeError::Damaged {
            junk_bytes: junk,
            total_bytes: total,
        });
    }
    let mut delay_padding = 0;
    if let Some(v) = vbr_header {
        // Cut short: fewer frames than announced with no damage to account for them, or fewer
        // bytes than announced. Encoders disagree on whether the byte count includes the
        // header frame (or more): allow a frame of slack.
        let found_bytes = audio_end - start;
        let bytes_short = v
            .bytes
            .is_some_and(|b| u64::from(b) > found_bytes + MAX_FRAME_LEN as u64);
        let expected = match v.frames {
            Some(n) => u64::from(n),
            // No frame count: estimate it from the bytes, for the message.
            None => v
                .bytes
                .map_or(0, |b| frames * u64::from(b) / found_bytes.max(1)),
        };
        let frames_short = v.frames.is_some() && expected > frames && gap_junk == 0;
        if expected > frames && (frames_short || bytes_short) {
            return Err(ProbeError::Truncated {
                expected_frames: expected,
                found_frames: frames,
                expected_ms: ms(expected),
                found_ms: ms(frames),
            });
        }
        if let Some((delay, padding)) = v.delay_padding {
            // See the module doc: the decoder delay is skipped even when the padding is short.
            delay_padding = u64::from(delay) + u64::from(padding.max(DECODER_DELAY));
        }
    }
    Ok(AudioInfo {
        version: first.version,
        layer: first.layer,
        sample_rate: first.sample_rate,
        channels: first.channels,
        frames,
        samples: (frames * spf).saturating_sub(delay_padding),
        audio_start: start,
        audio_end,
        vbr: bitrates_differ != 0,
        bitrate: if bitrates_differ != 0 {
            let bits = u128::from(audio_bytes) * 8 * u128::from(rate);
            u32::try_from(bits / u128::from(frames * spf)).unwrap_or(u32::MAX)
        } else {
            // CBR: the nominal rate, which the padding bytes only approach on average.
            FrameHeader::parse((word & !0xF000) | bitrate_bits).map_or(first.bitrate, |h| h.bitrate)
        },
    })
}

/// Finds the first offset at or after `from` where [`CONFIRM_FRAMES`] frames chain up (or fewer
/// that end exactly at the end of the region), with the stream `key` when given. Returns the
/// offset and its header word.
fn sync<R: Read + Seek>(
    s: &mut Stream<R>,
    from: u64,
    key: Option<u32>,
) -> std::io::Result<Option<(u64, u32)>> {
    let mut at = from;
    loop {
        let w = s.window(at, CONFIRM_WINDOW)?;
        if w.bytes.len() < 4 {
            return Ok(None);
        }
        // Candidates are 0xFF followed by 3 more sync bits, with a whole header in the window.
        let candidates = w.bytes.len() - 3;
        // memchr skips junk (a hole, silence, a picture) many bytes at a time.
        let mut next = 0;
        let candidate = loop {
            match memchr::memchr(0xFF, &w.bytes[next..candidates]) {
                Some(j) if w.bytes[next + j + 1] >= 0xE0 => break Some(next + j),
                Some(j) => next += j + 1,
                None => break None,
            }
        };
        let Some(i) = candidate else {
            // Keep the last 3 bytes: a header may straddle the window's end.
            at += candidates as u64;
            continue;
        };
        let found = at + i as u64;
        let w = s.window(found, CONFIRM_WINDOW)?;
        if let Some(word) = chains(w.bytes, w.last, key) {
            return Ok(Some((found, word)));
        }
        at = found + 1;
    }
}

/// Checks the candidate frame at `bytes[0]`: returns its header word when [`CONFIRM_FRAMES`]
/// frames with the same version, layer and sample rate follow each other, or when the chain
/// ends exactly where the region ends (`last`: `bytes` runs to the end).
fn chains(bytes: &[u8], last: bool, key: Option<u32>) -> Option<u32> {
    let word = be32(bytes.get(..4)?);
    let this_key = word & STREAM_MASK;
    if frame_len(word) == 0 || key.is_some_and(|k| k != this_key) {
        return None;
    }
    let mut at = frame_len(word);
    for _ in 1..CONFIRM_FRAMES {
        if at == bytes.len() && last {
            return Some(word);
        }
        let h = be32(bytes.get(at..at + 4)?);
        if frame_len(h) == 0 || h & STREAM_MASK != this_key {
            return None;
        }
        at += frame_len(h);
    }
    Some(word)
}

/// Recognizes common files that are not MPEG audio from their first bytes: the kind's key in
/// the catalogue's `audio-probe-other-format`.
fn sniff(head: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| head.starts_with(magic);
    Some(match () {
        _ if starts(b"RIFF") && head.get(8..12) == Some(b"WAVE") => "wav",
        _ if starts(b"RIFF") => "riff",
        _ if starts(b"fLaC") => "flac",
        _ if starts(b"OggS") => "ogg",
        _ if head.get(4..8) == Some(b"ftyp") => "mp4",
        _ if starts(b"FORM") => "aiff",
        _ if starts(b"\x89PNG") => "png",
        _ if starts(b"\xFF\xD8\xFF") => "jpeg",
        _ if starts(b"GIF8") => "gif",
        _ if starts(b"%PDF") => "pdf",
        _ if starts(b"PK\x03\x04") => "zip",
        _ => return None,
    })
}

/// The error for a region with no MPEG stream, saying what it looks like instead.
fn no_stream<R: Read + Seek>(s: &mut Stream<R>, from: u64) -> std::io::Result<ProbeError> {
    let head = s.window(from, 512)?.bytes;
    if head.len() >= 4 && is_free_format(be32(head)) {
        return Ok(ProbeError::FreeFormat);
    }
    let why = if head.iter().all(|&b| b == 0) {
        t!("audio-probe-zeros")
    } else if is_text(head) {
        t!("audio-probe-text")
    } else {
        t!("audio-probe-no-frames")
    };
    Ok(ProbeError::NotMpeg(why))
}

/// True when `head` reads as UTF-8 text (a cut in the middle of a character at the end allowed).
fn is_text(head: &[u8]) -> bool {
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    valid && !head.contains(&0)
}

#[cfg(test)]
mod tests;
