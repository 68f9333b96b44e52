//! MPEG audio frame headers: the 4 bytes in front of every frame, decoded through lookup tables.
//!
//! The frame scanner calls [`frame_len`] millions of times a second, so everything it needs
//! (validity and length) comes from one 4096-entry table indexed by the header bits that
//! matter, built at compile time. [`FrameHeader::parse`] gives the full picture for the few
//! frames that are looked at closely (the first one, the Xing/VBRI frame).

use super::MpegVersion;

/// Longest possible frame: MPEG-2.5 Layer II at 160 kbps and 8 kHz (144 × 160000 / 8000 + 1).
pub const MAX_FRAME_LEN: usize = 2881;

/// Bits of a header that must stay the same from frame to frame of one stream: sync, version,
/// layer and sample rate. Bitrate, padding and channel mode may change (VBR, joint stereo).
pub const STREAM_MASK: u32 = 0xFFFE_0C00;

/// Bitrates in kbps, by `[lsf][layer - 1][index]`; `lsf` is 1 for MPEG-2 and MPEG-2.5.
/// Index 0 is "free format" and 15 is forbidden: both map to 0 (not accepted).
const BITRATES: [[[u16; 16]; 3]; 2] = [
    [
        [
            0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, 0,
        ],
        [
            0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 0,
        ],
        [
            0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0,
        ],
    ],
    [
        [
            0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, 0,
        ],
        [
            0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0,
        ],
        [
            0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0,
        ],
    ],
];

/// Sample rates by `[version bits][index]`; version bits 01 are reserved (all zeros).
const SAMPLE_RATES: [[u32; 4]; 4] = [
    [11025, 12000, 8000, 0],
    [0, 0, 0, 0],
    [22050, 24000, 16000, 0],
    [44100, 48000, 32000, 0],
];

/// Index into [`FRAME_LENS`]: header bits 9..=20, i.e. padding, sample rate, bitrate,
/// protection, layer and version (protection is carried along because it sits in between).
#[inline(always)]
fn len_index(header: u32) -> usize {
    ((header >> 9) & 0xFFF) as usize
}

/// Frame length in bytes (padding included) for every [`len_index`]; 0 when the header is
/// invalid or free-format.
static FRAME_LENS: [u16; 4096] = build_frame_lens();

const fn build_frame_lens() -> [u16; 4096] {
    let mut table = [0u16; 4096];
    let mut i = 0;
    while i < 4096 {
        let padding = (i & 1) as u32;
        let rate_idx = (i >> 1) & 3;
        let bitrate_idx = (i >> 3) & 15;
        let layer_bits = (i >> 8) & 3;
        let version_bits = (i >> 10) & 3;
        let sample_rate = SAMPLE_RATES[version_bits][rate_idx];
        let layer = 4 - layer_bits; // bits 11 = Layer I, 10 = Layer II, 01 = Layer III
        let lsf = (version_bits != 3) as usize;
        let kbps = if layer_bits == 0 {
            0
        } else {
            BITRATES[lsf][layer - 1][bitrate_idx] as u32
        };
        // Free format (kbps 0) must stay 0 here, not become a 1-byte "frame" of padding.
        if sample_rate != 0 && kbps != 0 {
            let bps = kbps * 1000;
            table[i] = match layer {
                1 => ((12 * bps / sample_rate + padding) * 4) as u16,
                2 => (144 * bps / sample_rate + padding) as u16,
                // MPEG-2/2.5 Layer III frames hold 576 samples, half of MPEG-1's 1152.
                _ if lsf == 1 => (72 * bps / sample_rate + padding) as u16,
                _ => (144 * bps / sample_rate + padding) as u16,
            };
        }
        i += 1;
    }
    table
}

/// Length of the frame that starts with `header`, or 0 when `header` is not a usable frame
/// header (no sync, reserved version/layer/sample rate, free-format or forbidden bitrate).
#[inline(always)]
pub fn frame_len(header: u32) -> usize {
    if header & 0xFFE0_0000 != 0xFFE0_0000 {
        return 0;
    }
    usize::from(FRAME_LENS[len_index(header)])
}

/// True when `header` has the sync word and legal version, layer and sample rate but the
/// free-format bitrate (index 0), which we do not measure.
pub fn is_free_format(header: u32) -> bool {
    header & 0xFFE0_0000 == 0xFFE0_0000
        && (header >> 19) & 3 != 1
        && (header >> 17) & 3 != 0
        && (header >> 10) & 3 != 3
        && (header >> 12) & 15 == 0
}

/// A decoded frame header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameHeader {
    pub version: MpegVersion,
    /// 1, 2 or 3.
    pub layer: u8,
    /// Bits per second.
    pub bitrate: u32,
    pub sample_rate: u32,
    /// 1 for mono, 2 for stereo, joint stereo and dual channel.
    pub channels: u8,
    /// True when a 16-bit CRC follows the header.
    pub protected: bool,
    /// Frame length in bytes, header and padding included.
    pub len: usize,
}

impl FrameHeader {
    /// Decodes a big-endian header word; `None` when it is not a usable frame header.
    pub fn parse(header: u32) -> Option<FrameHeader> {
        let len = frame_len(header);
        if len == 0 {
            return None;
        }
        let version_bits = ((header >> 19) & 3) as usize;
        let layer = 4 - ((header >> 17) & 3) as u8;
        let lsf = usize::from(version_bits != 3);
        let bitrate_idx = ((header >> 12) & 15) as usize;
        Some(FrameHeader {
            version: match version_bits {
                3 => MpegVersion::Mpeg1,
                2 => MpegVersion::Mpeg2,
                _ => MpegVersion::Mpeg25,
            },
            layer,
            bitrate: u32::from(BITRATES[lsf][usize::from(layer) - 1][bitrate_idx]) * 1000,
            sample_rate: SAMPLE_RATES[version_bits][((header >> 10) & 3) as usize],
            channels: if (header >> 6) & 3 == 3 { 1 } else { 2 },
            protected: header & 0x0001_0000 == 0,
            len,
        })
    }

    /// Decoded samples per channel in one frame.
    pub fn samples_per_frame(&self) -> u32 {
        match (self.layer, self.version) {
            (1, _) => 384,
            (2, _) | (3, MpegVersion::Mpeg1) => 1152,
            _ => 576,
        }
    }

    /// Size of the Layer III side information, which sits between the header (and CRC) and
    /// the Xing/Info tag of the first frame.
    pub fn side_info_len(&self) -> usize {
        match (self.version, self.channels) {
            (MpegVersion::Mpeg1, 1) => 17,
            (MpegVersion::Mpeg1, _) => 32,
            (_, 1) => 9,
            _ => 17,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(bytes: [u8; 4]) -> FrameHeader {
        FrameHeader::parse(u32::from_be_bytes(bytes)).expect("valid header")
    }

    #[test]
    fn mpeg1_layer3_128k_44100_stereo() {
        let h = header([0xFF, 0xFB, 0x90, 0x00]);
        assert_eq!(h.version, MpegVersion::Mpeg1);
        assert_eq!(
            (h.layer, h.bitrate, h.sample_rate, h.channels),
            (3, 128_000, 44100, 2)
        );
        assert_eq!(h.len, 417);
        assert_eq!(h.samples_per_frame(), 1152);
        assert!(!h.protected);
        // The padding bit adds one byte.
        assert_eq!(header([0xFF, 0xFB, 0x92, 0x00]).len, 418);
    }

    #[test]
    fn mpeg2_and_mpeg25_layer3_hold_576_samples() {
        // MPEG-2, 64 kbps, 24 kHz, mono: 72 * 64000 / 24000 = 192.
        let h = header([0xFF, 0xF3, 0x84, 0xC0]);
        assert_eq!(
            (h.version, h.sample_rate, h.channels),
            (MpegVersion::Mpeg2, 24000, 1)
        );
        assert_eq!((h.len, h.samples_per_frame()), (192, 576));
        assert_eq!(h.side_info_len(), 9);
        // MPEG-2.5, 16 kbps, 8 kHz, stereo: 72 * 16000 / 8000 = 144.
        let h = header([0xFF, 0xE3, 0x28, 0x00]);
        assert_eq!(
            (h.version, h.sample_rate, h.bitrate),
            (MpegVersion::Mpeg25, 8000, 16000)
        );
        assert_eq!((h.len, h.samples_per_frame()), (144, 576));
        assert_eq!(h.side_info_len(), 17);
    }

    #[test]
    fn layer2_and_layer1_lengths() {
        // MPEG-1 Layer II, 192 kbps, 48 kHz, CRC: 144 * 192000 / 48000 = 576, 1152 samples.
        let h = header([0xFF, 0xFC, 0xA4, 0x00]);
        assert_eq!(
            (h.layer, h.len, h.samples_per_frame(), h.protected),
            (2, 576, 1152, true)
        );
        // MPEG-2 Layer II, 32 kbps, 24 kHz: still 144 * br / sr and 1152 samples.
        let h = header([0xFF, 0xF5, 0x44, 0x00]);
        assert_eq!((h.layer, h.len, h.samples_per_frame()), (2, 192, 1152));
        // MPEG-1 Layer I, 384 kbps, 44.1 kHz, padded: (12 * 384000 / 44100 + 1) * 4 = 420.
        let h = header([0xFF, 0xFF, 0xC2, 0x00]);
        assert_eq!((h.layer, h.len, h.samples_per_frame()), (1, 420, 384));
    }

    #[test]
    fn rejects_reserved_and_free_format_headers() {
        for bad in [
            [0xFF, 0xEB, 0x90, 0x00], // version 01 reserved
            [0xFF, 0xF9, 0x90, 0x00], // layer 00 reserved
            [0xFF, 0xFB, 0xF0, 0x00], // bitrate index 15
            [0xFF, 0xFB, 0x9C, 0x00], // sample rate index 3
            [0xFF, 0xFB, 0x00, 0x00], // free format
            [0xFE, 0xFB, 0x90, 0x00], // no sync
        ] {
            assert_eq!(
                FrameHeader::parse(u32::from_be_bytes(bad)),
                None,
                "{bad:02X?}"
            );
        }
        assert!(is_free_format(u32::from_be_bytes([0xFF, 0xFB, 0x00, 0x00])));
        assert!(!is_free_format(u32::from_be_bytes([
            0xFF, 0xFB, 0x90, 0x00
        ])));
    }

    #[test]
    fn no_valid_header_is_shorter_than_a_header_or_longer_than_max() {
        for i in 0..4096u32 {
            let len = frame_len(0xFFE0_0000 | (i << 9));
            assert!(
                len == 0 || (len > 4 + 17 && len <= MAX_FRAME_LEN),
                "index {i}: {len}"
            );
        }
        assert_eq!(FRAME_LENS.iter().copied().max(), Some(MAX_FRAME_LEN as u16));
    }
}
