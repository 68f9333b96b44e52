//! Text that machines read back (the feed, the ID3 tags): the characters none of them should
//! ever get, found fast and dropped.

use std::borrow::Cow;

/// True for the characters the feed and the tags never carry (see the module docs).
pub fn is_stripped(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Whether UTF-8 `bytes` hold a character [`is_stripped`] is true for, looked for byte by byte
/// (the notes of a thousand episodes are megabytes): a C0 control is one byte below 0x20, DEL
/// is 0x7F, a C1 control is 0xC2 then 0x80–0x9F, U+FFFE and U+FFFF are EF BF BE and EF BF BF.
/// Blocks of 32 bytes with none of those first bytes are passed over at once (a test the
/// compiler makes on all 32 together).
pub fn has_stripped(bytes: &[u8]) -> bool {
    let may_start = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b >= 0x7F;
    let at = |i: usize| match bytes[i] {
        b'\t' | b'\n' | b'\r' => false,
        0..0x20 | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..0xA0).contains(n)),
        0xEF => bytes
            .get(i + 1..i + 3)
            .is_some_and(|n| n == [0xBF, 0xBE] || n == [0xBF, 0xBF]),
        _ => false,
    };
    bytes.chunks(32).enumerate().any(|(k, block)| {
        block.iter().fold(false, |any, &b| any | may_start(b))
            && (k * 32..k * 32 + block.len()).any(at)
    })
}

/// Removes the characters the feed and the tags never carry: control characters other than tab, newline
/// and carriage return, and the non-characters U+FFFE and U+FFFF.
pub fn strip_control_chars(text: &str) -> Cow<'_, str> {
    if has_stripped(text.as_bytes()) {
        Cow::Owned(text.chars().filter(|&c| !is_stripped(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}
