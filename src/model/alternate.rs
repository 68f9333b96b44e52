//! The alternate encodings of the episodes (`formats:` of `podcast.yaml`): what each format is,
//! and what publishing one for an episode gave. The MP3 stays the enclosure; these are
//! offered beside it (`podcast:alternateEnclosure`, the player's `<source>` elements).

use serde::{Deserialize, Serialize};

use crate::util::diag::Pos;

/// A codec carnets encodes with ffmpeg.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Codec {
    /// Opus in Ogg (`.opus`), ffmpeg's libopus.
    Opus,
    /// AAC-LC in MP4 (`.m4a`), ffmpeg's native AAC encoder.
    Aac,
}

impl Codec {
    /// The names `formats:` accepts, in the order they are listed.
    pub const ALL: [Codec; 2] = [Codec::Opus, Codec::Aac];

    /// As written in `podcast.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            Codec::Opus => "opus",
            Codec::Aac => "aac",
        }
    }

    /// As listeners know it.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Opus => "Opus",
            Codec::Aac => "AAC",
        }
    }

    /// The extension of the published file.
    pub fn extension(self) -> &'static str {
        match self {
            Codec::Opus => "opus",
            Codec::Aac => "m4a",
        }
    }

    /// The container's media type.
    pub fn mime(self) -> &'static str {
        match self {
            Codec::Opus => "audio/ogg",
            Codec::Aac => "audio/mp4",
        }
    }

    /// The RFC 6381 codecs string.
    pub fn codecs(self) -> &'static str {
        match self {
            Codec::Opus => "opus",
            Codec::Aac => "mp4a.40.2",
        }
    }

    /// The bitrates ffmpeg's encoder takes, in bits per second.
    pub fn bitrates(self) -> std::ops::RangeInclusive<u32> {
        match self {
            Codec::Opus => 6_000..=510_000,
            Codec::Aac => 16_000..=320_000,
        }
    }
}

/// One entry of `formats:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Format {
    pub codec: Codec,
    /// Bits per second.
    pub bitrate: u32,
    /// Where it is written in `podcast.yaml`, for messages.
    pub pos: Pos,
}

impl Format {
    /// `Opus 48 kbit/s`: the `title` of its alternate enclosure (apps show it).
    pub fn title(&self) -> String {
        format!("{} {}", self.codec.name(), kbits(self.bitrate))
    }
}

/// `48 kbit/s`, `128 kbit/s`, `40.5 kbit/s`.
pub fn kbits(bitrate: u32) -> String {
    match bitrate % 1000 {
        0 => format!("{} kbit/s", bitrate / 1000),
        rest => format!("{}.{} kbit/s", bitrate / 1000, rest / 100),
    }
}

/// An episode's audio published in one of the `formats`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternate {
    pub format: Format,
    /// Path of the published file, relative to the output root.
    pub path: String,
    /// Its byte size.
    pub size: u64,
    /// Its SRI hash (`sha384-…`).
    pub integrity: String,
}
