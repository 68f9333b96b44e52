//! The errors of the frame reader, worded for the producer who reads them after
//! "`episodes/<slug>/<file>.mp3: error: `".

use std::fmt;

use crate::t;

/// Why a file could not be measured. The `Display` text follows "`<file>: error: `".
#[derive(Debug)]
pub enum ProbeError {
    Io(std::io::Error),
    /// No MPEG audio stream in the file; the reason is in plain words.
    NotMpeg(String),
    /// The stream uses a free-format bitrate, which we do not measure.
    FreeFormat,
    /// The Xing/Info/VBRI header announces more audio than the file holds.
    Truncated {
        /// Audio frames the header announces.
        expected_frames: u64,
        /// Audio frames actually in the file.
        found_frames: u64,
        /// Duration of the announced frames, in milliseconds.
        expected_ms: u64,
        /// Duration of the frames found, in milliseconds.
        found_ms: u64,
    },
    /// More than half of the file (tags aside) is not MPEG audio frames.
    Damaged {
        /// Bytes that are not frames: before the first, between frames, after the last.
        junk_bytes: u64,
        /// Bytes between the ID3v2 tags at the start and the tags at the end.
        total_bytes: u64,
    },
}

impl fmt::Display for ProbeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ProbeError::Io(e) => t!("audio-probe-cannot-read", error = e.to_string()),
            ProbeError::NotMpeg(why) => t!("audio-probe-not-mp3", why = why.as_str()),
            ProbeError::FreeFormat => t!("audio-probe-free-format"),
            ProbeError::Truncated {
                expected_frames,
                found_frames,
                expected_ms,
                found_ms,
            } => t!(
                "audio-probe-truncated",
                expected = clock(*expected_ms),
                expected_frames = *expected_frames,
                found = clock(*found_ms),
                found_frames = *found_frames
            ),
            ProbeError::Damaged {
                junk_bytes,
                total_bytes,
            } => t!(
                "audio-probe-damaged",
                percent = junk_bytes * 100 / (*total_bytes).max(1),
                junk = *junk_bytes,
                total = *total_bytes
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ProbeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ProbeError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for ProbeError {
    fn from(e: std::io::Error) -> Self {
        ProbeError::Io(e)
    }
}

/// `m:ss` or `h:mm:ss`, for messages.
fn clock(ms: u64) -> String {
    let s = ms / 1000;
    match s / 3600 {
        0 => format!("{}:{:02}", s / 60, s % 60),
        h => format!("{h}:{:02}:{:02}", s / 60 % 60, s % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_is_wrong_and_what_to_do() {
        let truncated = ProbeError::Truncated {
            expected_frames: 138_000,
            found_frames: 69_000,
            expected_ms: 3_605_000,
            found_ms: 1_802_500,
        };
        assert_eq!(
            truncated.to_string(),
            "the MP3 is cut short: its header announces 1:00:05 of audio (138000 frames) but \
             the file holds only 30:02 (69000 frames); the export, download or copy was \
             interrupted: export or copy it again"
        );
        let damaged = ProbeError::Damaged {
            junk_bytes: 61,
            total_bytes: 100,
        };
        assert!(
            damaged
                .to_string()
                .starts_with("the MP3 is damaged: 61% of it (61 of 100 bytes)")
        );
        let wav = ProbeError::NotMpeg("it is a WAV file".into());
        assert_eq!(
            wav.to_string(),
            "not an MP3 file: it is a WAV file; export the episode as MP3 (MPEG audio) and try again"
        );
        assert!(
            ProbeError::FreeFormat
                .to_string()
                .contains("standard bitrate")
        );
    }
}
