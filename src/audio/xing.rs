//! The VBR header some encoders put in the first frame: Xing/Info (with LAME's extension, which
//! carries the encoder delay and padding) or Fraunhofer's VBRI.
//!
//! That frame holds no audio (a decoder skips it), but it is part of the MPEG stream.

use super::frame::FrameHeader;

/// What the header frame announces about the stream that follows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VbrHeader {
    /// Audio frames in the stream, the header frame not counted.
    pub frames: Option<u32>,
    /// Bytes of the stream, the header frame counted.
    pub bytes: Option<u32>,
    /// Encoder delay and padding in samples, from a LAME tag (LAME, or ffmpeg's Lavc/Lavf).
    pub delay_padding: Option<(u16, u16)>,
}

/// Reads the Xing/Info or VBRI header from the complete first frame `frame`, if it holds one.
pub fn parse(frame: &[u8], header: &FrameHeader) -> Option<VbrHeader> {
    if header.layer != 3 {
        return None;
    }
    // The Xing tag follows the side information; a CRC, if any, comes first. LAME never
    // protects this frame, so the offset without CRC is tried first.
    let side = 4 + header.side_info_len();
    let tries = 1 + usize::from(header.protected);
    for at in [side, side + 2].into_iter().take(tries) {
        if let Some(tag) = frame
            .get(at..)
            .filter(|t| t.starts_with(b"Xing") || t.starts_with(b"Info"))
        {
            return Some(parse_xing(tag));
        }
    }
    // VBRI sits at a fixed offset: 32 bytes after the header, whatever the mode.
    let vbri = frame.get(36..36 + 18).filter(|t| t.starts_with(b"VBRI"))?;
    Some(VbrHeader {
        bytes: Some(be32(&vbri[10..])),
        frames: Some(be32(&vbri[14..])),
        delay_padding: None,
    })
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// Parses a Xing/Info tag starting at `tag` (the magic included); fields that the frame is
/// too short to hold are left out rather than read past its end.
fn parse_xing(tag: &[u8]) -> VbrHeader {
    let mut out = VbrHeader::default();
    let Some(flags) = tag.get(4..8).map(be32) else {
        return out;
    };
    let mut at = 8;
    let mut field = |present: bool, len: usize| -> Option<&[u8]> {
        if !present {
            return None;
        }
        let bytes = tag.get(at..at + len);
        at += len;
        bytes
    };
    out.frames = field(flags & 1 != 0, 4).map(be32);
    out.bytes = field(flags & 2 != 0, 4).map(be32);
    let _toc = field(flags & 4 != 0, 100);
    let _quality = field(flags & 8 != 0, 4);
    // The LAME extension: a 9-byte encoder string, then 12 bytes of settings, then the delay
    // and padding, 12 bits each. ffmpeg trusts it only from these three encoders; so do we,
    // so that our sample counts agree with what it decodes.
    if let Some(lame) = tag.get(at..at + 24) {
        let trusted = [b"LAME", b"Lavf", b"Lavc"]
            .iter()
            .any(|m| lame.starts_with(*m));
        if trusted {
            let v = u32::from_be_bytes([0, lame[21], lame[22], lame[23]]);
            out.delay_padding = Some(((v >> 12) as u16, (v & 0xFFF) as u16));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 417-byte MPEG-1 Layer III stereo frame carrying `tag` after the side information.
    fn frame_with(tag: &[u8], at: usize) -> (Vec<u8>, FrameHeader) {
        let word = u32::from_be_bytes([0xFF, 0xFB, 0x90, 0x00]);
        let mut f = word.to_be_bytes().to_vec();
        f.resize(417, 0);
        f[at..at + tag.len()].copy_from_slice(tag);
        (f, FrameHeader::parse(word).unwrap())
    }

    fn xing(magic: &[u8; 4], flags: u32, encoder: &[u8; 9], delay: u16, pad: u16) -> Vec<u8> {
        let mut t = magic.to_vec();
        t.extend(flags.to_be_bytes());
        t.extend(1234u32.to_be_bytes()); // frames
        t.extend(56789u32.to_be_bytes()); // bytes
        t.extend([0; 100]); // toc
        t.extend(50u32.to_be_bytes()); // quality
        t.extend(encoder);
        t.extend([0; 12]);
        let v = (u32::from(delay) << 12) | u32::from(pad);
        t.extend(&v.to_be_bytes()[1..]);
        t
    }

    #[test]
    fn xing_with_lame_tag() {
        let (f, h) = frame_with(&xing(b"Xing", 0xF, b"LAME3.100", 576, 1234), 36);
        let v = parse(&f, &h).unwrap();
        assert_eq!(v.frames, Some(1234));
        assert_eq!(v.bytes, Some(56789));
        assert_eq!(v.delay_padding, Some((576, 1234)));
    }

    #[test]
    fn info_without_lame_tag_removes_nothing() {
        let (f, h) = frame_with(&xing(b"Info", 0xF, b"GOGO-1.0 ", 576, 1234), 36);
        let v = parse(&f, &h).unwrap();
        assert_eq!((v.frames, v.delay_padding), (Some(1234), None));
    }

    #[test]
    fn xing_fields_follow_the_flags() {
        // Only the byte count is present: it is the first field after the flags.
        let mut t = b"Xing".to_vec();
        t.extend(2u32.to_be_bytes());
        t.extend(999u32.to_be_bytes());
        let (f, h) = frame_with(&t, 36);
        let v = parse(&f, &h).unwrap();
        assert_eq!((v.frames, v.bytes), (None, Some(999)));
    }

    #[test]
    fn xing_offset_depends_on_version_and_mode() {
        // MPEG-2 mono: 4 + 9. Looking at the MPEG-1 stereo offset finds nothing.
        let word = u32::from_be_bytes([0xFF, 0xF3, 0x84, 0xC0]);
        let h = FrameHeader::parse(word).unwrap();
        let mut f = word.to_be_bytes().to_vec();
        f.resize(h.len, 0);
        f[13..17].copy_from_slice(b"Xing");
        f[20] = 0; // flags: none
        assert_eq!(parse(&f, &h), Some(VbrHeader::default()));
        f[13..17].copy_from_slice(b"xxxx");
        f[36..40].copy_from_slice(b"Xing");
        assert_eq!(parse(&f, &h), None);
    }

    #[test]
    fn vbri_header() {
        let mut t = b"VBRI".to_vec();
        t.extend([0, 1, 0x04, 0x52, 0, 75]); // version, delay, quality
        t.extend(40000u32.to_be_bytes());
        t.extend(321u32.to_be_bytes());
        let (f, h) = frame_with(&t, 36);
        let v = parse(&f, &h).unwrap();
        assert_eq!(
            (v.frames, v.bytes, v.delay_padding),
            (Some(321), Some(40000), None)
        );
    }

    #[test]
    fn short_frames_do_not_panic() {
        let (f, h) = frame_with(&xing(b"Xing", 0xF, b"LAME3.100", 576, 1234), 36);
        for cut in 0..f.len() {
            let _ = parse(&f[..cut], &h);
        }
    }
}
