//! The errors of the frame reader, worded for the producer who reads them after
//! "`episodes/<slug>/<file>.mp3: error: `".

use std::fmt;

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
        expected_frames: u64,
        found_frames: u64,
        expected_ms: u64,
        found_ms: u64,
    },
    /// Much of the file between the first and the last frame is not MPEG audio.
    Damaged {
        junk_bytes: u64,
        total_bytes: u64,
    },
}

impl fmt::Display for ProbeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProbeError::Io(e) => write!(f, "cannot read the file: {e}"),
            ProbeError::NotMpeg(why) => write!(
                f,
                "not an MP3 file: {why}; export the episode as MP3 (MPEG audio) and try again"
            ),
            ProbeError::FreeFormat => write!(
                f,
                "the MP3 uses a \"free format\" bitrate, which podcast apps cannot seek in and \
                 carnets cannot measure; export it again at a standard bitrate (e.g. 128 kbps)"
            ),
            ProbeError::Truncated {
                expected_frames,
                found_frames,
                expected_ms,
                found_ms,
            } => {
                write!(
                    f,
                    "the MP3 is cut short: its header announces {expected_frames} frames ({}) \
                     but the file holds only {found_frames} ({}); it was not completely \
                     exported, downloaded or copied: export or copy it again",
                    clock(*expected_ms),
                    clock(*found_ms)
                )
            }
            ProbeError::Damaged {
                junk_bytes,
                total_bytes,
            } => write!(
                f,
                "the MP3 is damaged: {junk_bytes} of its {total_bytes} bytes are not MPEG audio \
                 frames; export the episode again from the original recording"
            ),
        }
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
