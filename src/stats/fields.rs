//! Our field splitter: a cursor over one log line that takes a bare word, a `[bracketed]`
//! field or a `"quoted"` one (a `\"` inside does not end it). Made for the Common/Combined
//! Log Format and S3's, whose fields are separated by one space. Most fields are a few bytes
//! long, where a plain search finds their end sooner than memchr, whose setup costs more
//! than it saves on them: [`find`] reads the first bytes a word at a time, then calls memchr.

use super::clock::CLF;

/// Reads the fields of one line, left to right.
pub struct Cursor<'a> {
    line: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(line: &'a [u8]) -> Self {
        Cursor { line, pos: 0 }
    }

    /// The next field up to a space (or the end of the line).
    pub fn word(&mut self) -> Option<&'a [u8]> {
        let rest = self.line.get(self.pos..).filter(|r| !r.is_empty())?;
        let len = find(b' ', rest).unwrap_or(rest.len());
        self.pos += len + 1;
        Some(&rest[..len])
    }

    /// The inside of the next `[…]` field, wherever it starts (a user name before it may hold
    /// spaces).
    pub fn bracketed(&mut self) -> Option<&'a [u8]> {
        let rest = self.line.get(self.pos..)?;
        let open = find(b'[', rest)?;
        let inside = &rest[open + 1..];
        // A time is 26 bytes long: where its `]` most often is, seen without a search (a `]`
        // before it makes a text that no time is, as the shorter text would be).
        let close = open
            + 1
            + match inside.get(CLF) {
                Some(b']') => CLF,
                _ => memchr::memchr(b']', inside)?,
            };
        self.pos += close + 2;
        Some(&rest[open + 1..close])
    }

    /// The inside of the next `"…"` field, which must start here.
    pub fn quoted(&mut self) -> Option<&'a [u8]> {
        let rest = self.line.get(self.pos..)?;
        if rest.first() != Some(&b'"') {
            return None;
        }
        if rest.starts_with(b"\"-\"") {
            self.pos += 4;
            return Some(&rest[1..2]);
        }
        let mut from = 1;
        loop {
            let end = from + memchr::memchr(b'"', &rest[from..])?;
            // Apache writes `\"` for a quote inside; nginx writes `\x22`, which needs nothing.
            let backslashes = rest[..end]
                .iter()
                .rev()
                .take_while(|&&b| b == b'\\')
                .count();
            if backslashes % 2 == 0 {
                self.pos += end + 2;
                return Some(&rest[1..end]);
            }
            from = end + 1;
        }
    }
}

/// Bytes looked at a word at a time before memchr is called.
const SHORT: usize = 16;

/// Where `byte` first is in `hay`.
pub fn find(byte: u8, hay: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::MAX / 255;
    let mut at = 0;
    // Eight bytes at a time: a byte equal to `byte` is a zero byte of `x`, and the lowest zero
    // byte of `x` is the lowest one whose high bit `(x - ONES) & !x` sets (a higher one may be
    // set falsely by the borrow, never a lower one).
    while at < SHORT
        && let Some(word) = hay.get(at..at + 8)
    {
        let x = u64::from_le_bytes(word.try_into().expect("8 bytes")) ^ (ONES * u64::from(byte));
        let zeros = x.wrapping_sub(ONES) & !x & (ONES << 7);
        if zeros != 0 {
            return Some(at + zeros.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    memchr::memchr(byte, &hay[at..]).map(|i| at + i)
}

/// Splits a tab-separated line (CloudFront) into `fields`, returning how many it holds.
pub fn tabs<'a>(line: &'a [u8], fields: &mut [&'a [u8]]) -> usize {
    let mut count = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\t', line).chain([line.len()]) {
        if count == fields.len() {
            break;
        }
        fields[count] = &line[start..end];
        count += 1;
        start = end + 1;
    }
    count
}

/// A decimal number (a status, a byte count); `-` is 0, as servers write it for nothing.
pub fn number(text: &[u8]) -> Option<u64> {
    if text == b"-" {
        return Some(0);
    }
    if text.is_empty() || text.len() > 19 {
        return None;
    }
    text.iter().try_fold(0u64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u64::from(c - b'0'))
    })
}

/// Decodes `%XX` escapes (CloudFront's User-Agents and paths); other bytes are kept.
pub fn percent_decoded(text: &[u8]) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match (
            text[i],
            text.get(i + 1).copied().and_then(hex),
            text.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push(high << 4 | low);
                i += 3;
            }
            (byte, ..) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_combined_line_splits_into_its_fields() {
        let line = br#"2001:db8::1 - jean dupont [10/Oct/2026:13:55:36 +0200] "GET /a.mp3 HTTP/1.1" 206 1024 "-" "Say \"hi\" \x22 App/1.0" extra"#;
        let mut c = Cursor::new(line);
        assert_eq!(c.word(), Some(&b"2001:db8::1"[..]));
        assert_eq!(c.bracketed(), Some(&b"10/Oct/2026:13:55:36 +0200"[..]));
        assert_eq!(c.quoted(), Some(&b"GET /a.mp3 HTTP/1.1"[..]));
        assert_eq!(c.word(), Some(&b"206"[..]));
        assert_eq!(c.word(), Some(&b"1024"[..]));
        assert_eq!(c.quoted(), Some(&b"-"[..]));
        assert_eq!(c.quoted(), Some(&br#"Say \"hi\" \x22 App/1.0"#[..]));
        assert_eq!(c.word(), Some(&b"extra"[..]));
        assert_eq!(c.word(), None);
    }

    #[test]
    fn unterminated_fields_are_none() {
        assert_eq!(Cursor::new(b"\"GET / HTTP/1.1").quoted(), None);
        assert_eq!(Cursor::new(b"x [10/Oct").bracketed(), None);
        assert_eq!(Cursor::new(b"GET").quoted(), None);
    }

    #[test]
    fn find_agrees_with_a_plain_search() {
        let text = b"a b\x01 \x00 c  x\x01\x01 y                 z";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let hay = &text[start..end];
                for byte in [b' ', b'x', 1, 0, b'z', b'q'] {
                    let plain = hay.iter().position(|&b| b == byte);
                    assert_eq!(find(byte, hay), plain, "{byte} in {hay:?}");
                }
            }
        }
    }

    #[test]
    fn numbers_and_escapes() {
        assert_eq!(number(b"200"), Some(200));
        assert_eq!(number(b"-"), Some(0));
        assert_eq!(number(b"12a"), None);
        assert_eq!(number(b""), None);
        assert_eq!(
            percent_decoded(b"Podcasts/1.0%20(iPhone)%2"),
            b"Podcasts/1.0 (iPhone)%2"
        );
        let mut fields = [&b""[..]; 3];
        assert_eq!(tabs(b"a\tb\t\tc", &mut fields), 3);
        assert_eq!(fields, [&b"a"[..], b"b", b""]);
    }
}
