//! Finding the tags around the MPEG frames, so the frame scanner never mistakes them for audio.
//!
//! At the start: ID3v2 tags (several may follow each other when taggers stack them). At the
//! end, in any order: ID3v1 (and its `TAG+` extension), APEv2/APEv1, Lyrics3 v1/v2 and an
//! appended ID3v2 tag with a footer. Only the bytes of the tags are read, never the audio.

use std::io::{self, Read, Seek, SeekFrom};

/// Length of the ID3v2 tag that starts `head` (header, body and footer), or `None` when
/// `head` does not start with a well-formed ID3v2 header.
pub fn id3v2_len(head: &[u8]) -> Option<u64> {
    let h = head.get(..10)?;
    // Versions 2.2 to 2.4 exist; 0xFF is forbidden in version bytes, sizes are syncsafe.
    if &h[..3] != b"ID3" || h[3] == 0xFF || h[4] == 0xFF || h[6..10].iter().any(|b| b & 0x80 != 0) {
        return None;
    }
    let footer = if h[5] & 0x10 != 0 { 10 } else { 0 };
    Some(10 + syncsafe(&h[6..10]) + footer)
}

/// Decodes a 28-bit syncsafe integer (7 bits per byte, high bit clear).
fn syncsafe(b: &[u8]) -> u64 {
    b.iter().fold(0, |acc, &x| (acc << 7) | u64::from(x & 0x7F))
}

/// Bytes read from the end to look for tags: an ID3v1 (128) after an APE footer (32), or a
/// Lyrics3 v1 tag (at most 5100 + 20 bytes) before an ID3v1.
const TAIL_WINDOW: u64 = 5100 + 20 + 128 + 32;

/// Offset where the tags at the end of a file of `len` bytes begin: the end of the region
/// that may hold MPEG frames. Tags may be stacked in any order; each one found is peeled off.
pub fn audio_region_end<R: Read + Seek>(file: &mut R, len: u64) -> io::Result<u64> {
    let mut end = len;
    // Each pass peels one tag; a handful of passes covers every real-world stacking, and the
    // bound keeps a crafted file from making us loop.
    for _ in 0..8 {
        let from = end.saturating_sub(TAIL_WINDOW);
        let mut tail = vec![0; (end - from) as usize];
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(&mut tail)?;
        match trailing_tag_len(&tail) {
            Some(n) if n > 0 && n <= end => end -= n,
            _ => break,
        }
    }
    Ok(end)
}

/// Length of the tag that ends `tail` (the last bytes before the current end), if one does.
/// An APE or ID3v2 tag may be longer than `tail`: only its footer needs to be in it.
fn trailing_tag_len(tail: &[u8]) -> Option<u64> {
    let n = tail.len();
    let at = |back: usize, magic: &[u8]| n >= back && tail[n - back..].starts_with(magic);
    if at(128, b"TAG") {
        // An ID3v1 tag, possibly extended by a 227-byte "TAG+" block in front of it.
        return Some(if at(128 + 227, b"TAG+") {
            128 + 227
        } else {
            128
        });
    }
    if at(32, b"APETAGEX") {
        let footer = &tail[n - 32..];
        let size = u64::from(u32::from_le_bytes(footer[12..16].try_into().ok()?));
        let flags = u32::from_le_bytes(footer[20..24].try_into().ok()?);
        // The size counts the items and the footer; a header (flag bit 31) adds 32 bytes.
        let header = if flags & 0x8000_0000 != 0 { 32 } else { 0 };
        return (size >= 32).then_some(size + header);
    }
    if at(9, b"LYRICS200") && n >= 15 {
        // Lyrics3 v2: six ASCII digits give the size of everything before them.
        let digits = std::str::from_utf8(&tail[n - 15..n - 9]).ok()?;
        let size: u64 = digits.parse().ok()?;
        let start = (n as u64).checked_sub(size + 15)? as usize;
        return tail[start..]
            .starts_with(b"LYRICSBEGIN")
            .then_some(size + 15);
    }
    if at(9, b"LYRICSEND") {
        // Lyrics3 v1 has no size: it starts at the last LYRICSBEGIN within 5100 bytes.
        let from = n.saturating_sub(5100 + 9);
        let start = tail[from..]
            .windows(11)
            .rposition(|w| w == b"LYRICSBEGIN")?;
        return Some((n - from - start) as u64);
    }
    if at(10, b"3DI") {
        // An ID3v2.4 tag appended at the end, found by its footer.
        let size = id3v2_len(&[b"ID3", &tail[n - 7..]].concat())?;
        return Some(size);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn region_end(bytes: &[u8]) -> u64 {
        audio_region_end(&mut Cursor::new(bytes), bytes.len() as u64).unwrap()
    }

    fn ape_tag(with_header: bool) -> Vec<u8> {
        let body = b"\x03\0\0\0\0\0\0\0Title\0abc";
        let size = (body.len() + 32) as u32;
        let hf = |flags: u32| {
            let mut v = b"APETAGEX".to_vec();
            for x in [2000, size, 1, flags] {
                v.extend(u32::to_le_bytes(x));
            }
            v.extend([0; 8]);
            v
        };
        let mut tag = if with_header { hf(0xA000_0000) } else { vec![] };
        tag.extend(body);
        tag.extend(hf(if with_header { 0x8000_0000 } else { 0 }));
        tag
    }

    #[test]
    fn id3v2_size_is_syncsafe_and_footer_adds_ten() {
        assert_eq!(
            id3v2_len(b"ID3\x04\x00\x00\x00\x00\x02\x01"),
            Some(10 + 257)
        );
        assert_eq!(
            id3v2_len(b"ID3\x04\x00\x10\x00\x00\x02\x01"),
            Some(10 + 257 + 10)
        );
        assert_eq!(id3v2_len(b"ID3\x04\x00\x00\x00\x00\x02\x81"), None);
        assert_eq!(id3v2_len(b"ID3\x04\x00"), None);
        assert_eq!(id3v2_len(b"TAG\x04\x00\x00\x00\x00\x02\x01"), None);
    }

    #[test]
    fn peels_id3v1_ape_and_lyrics_in_any_order() {
        let audio = vec![0xAA; 1000];
        let mut v1 = b"TAG".to_vec();
        v1.resize(128, b' ');

        let mut f = audio.clone();
        f.extend(ape_tag(true));
        f.extend(&v1);
        assert_eq!(region_end(&f), 1000);

        let mut f = audio.clone();
        f.extend(ape_tag(false));
        assert_eq!(region_end(&f), 1000);

        let mut f = audio.clone();
        let lyrics = b"LYRICSBEGININD0000210";
        f.extend(lyrics);
        f.extend(format!("{:06}LYRICS200", lyrics.len()).as_bytes());
        f.extend(&v1);
        assert_eq!(region_end(&f), 1000);

        let mut f = audio.clone();
        f.extend(b"LYRICSBEGINsome words LYRICSEND");
        f.extend(&v1);
        assert_eq!(region_end(&f), 1000);
    }

    #[test]
    fn appended_id3v2_with_footer() {
        let mut f = vec![0xAA; 1000];
        f.extend(b"ID3\x04\x00\x10\x00\x00\x00\x05");
        f.extend([0; 5]);
        f.extend(b"3DI\x04\x00\x10\x00\x00\x00\x05");
        assert_eq!(region_end(&f), 1000);
    }

    #[test]
    fn nonsense_tag_sizes_do_not_underflow() {
        let mut f = vec![0xAA; 100];
        f.extend(b"APETAGEX");
        f.extend(u32::to_le_bytes(2000));
        f.extend(u32::to_le_bytes(u32::MAX));
        f.extend([0; 16]);
        assert_eq!(region_end(&f), f.len() as u64);
        assert_eq!(region_end(b"LYRICS200"), 9);
        assert_eq!(region_end(b"xx999999LYRICS200"), 17);
        assert_eq!(region_end(b""), 0);
    }
}
