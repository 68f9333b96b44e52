//! Audio: measuring MPEG streams exactly and writing the ID3 tag of the published copy.

pub mod cover;
mod frame;
mod probe;
mod stream;
pub mod tag;
mod tags;
mod xing;

pub use cover::{CoverError, prepare_cover};
pub use probe::{ProbeError, probe, probe_bytes};
pub use tag::build_tag;

/// MPEG audio version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MpegVersion {
    #[default]
    Mpeg1,
    Mpeg2,
    Mpeg25,
}

/// What the MPEG stream of a file says, measured from its frames.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
