//! What measuring an episode's audio found: the MPEG stream (exact duration, frames, byte
//! range) and, for `carnets check`, its loudness. Values only: `audio` measures them, the cache
//! keeps them, the loaders and renderers read them.

use serde::{Deserialize, Serialize};

/// MPEG audio version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MpegVersion {
    #[default]
    Mpeg1,
    Mpeg2,
    Mpeg25,
}

/// What the MPEG stream of a file says, measured from its frames.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudioInfo {
    pub version: MpegVersion,
    /// 1, 2 or 3.
    pub layer: u8,
    pub sample_rate: u32,
    pub channels: u8,
    /// Number of audio frames (the Xing/Info/VBRI frame excluded).
    pub frames: u64,
    /// Decoded samples per channel, after the encoder delay and padding are removed.
    pub samples: u64,
    /// Byte offset of the first MPEG frame (the Xing/Info frame included), after any ID3v2 tag.
    pub audio_start: u64,
    /// Byte offset just past the last MPEG frame, before any ID3v1/APEv2 tag or junk.
    pub audio_end: u64,
    /// True when frames do not all have the same bitrate.
    pub vbr: bool,
    /// Average bitrate in bits per second.
    pub bitrate: u32,
}

impl AudioInfo {
    /// Exact duration in milliseconds (rounded down).
    pub fn duration_ms(&self) -> u64 {
        (self.samples * 1000)
            .checked_div(u64::from(self.sample_rate))
            .unwrap_or(0)
    }

    /// Length of the MPEG frame range, in bytes.
    pub fn audio_len(&self) -> u64 {
        self.audio_end - self.audio_start
    }
}

/// What a measurement found.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Loudness {
    /// Integrated loudness in LUFS; `None` when nothing passes the gates (silence, or under
    /// 400 ms of audio).
    pub integrated: Option<f64>,
    /// The highest true peak of all channels, in dBTP; `None` for digital silence.
    pub true_peak: Option<f64>,
}
