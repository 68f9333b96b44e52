//! A forward-moving window over a file through one fixed buffer, so that measuring an MP3 of
//! any size takes the same memory and reads each byte once.

use std::io::{self, Read, Seek, SeekFrom};

/// Size of the reused read buffer: large enough that reads are few and cheap, small enough to
/// stay in the L2 cache of most machines.
pub const BUF_LEN: usize = 256 * 1024;

/// Bytes of the file available from a given offset.
pub struct Window<'a> {
    pub bytes: &'a [u8],
    /// True when `bytes` runs up to the end of the region: no more bytes will come.
    pub last: bool,
}

/// Reads `src` up to `end` (exclusive) through a fixed buffer.
pub struct Stream<R> {
    src: R,
    buf: Box<[u8]>,
    /// File offset of `buf[0]`.
    base: u64,
    /// Valid bytes in `buf`.
    len: usize,
    /// End of the region to read; lowered if the file turns out shorter than announced.
    end: u64,
    /// Where the cursor of `src` is, to seek only when we jump.
    cursor: u64,
}

impl<R: Read + Seek> Stream<R> {
    /// A stream over `src[..end]`; `src`'s cursor may be anywhere.
    pub fn new(src: R, end: u64) -> Self {
        Stream {
            src,
            buf: vec![0; BUF_LEN].into_boxed_slice(),
            base: 0,
            len: 0,
            end,
            cursor: u64::MAX,
        }
    }

    /// End of the region (exclusive).
    pub fn end(&self) -> u64 {
        self.end
    }

    /// The bytes from offset `at`: at least `want` of them (`want` ≤ [`BUF_LEN`]) unless the
    /// region ends first, and as many as are buffered. Moving backwards re-reads.
    pub fn window(&mut self, at: u64, want: usize) -> io::Result<Window<'_>> {
        let buffered_end = self.base + self.len as u64;
        let in_buffer = at >= self.base && at <= buffered_end;
        let enough = in_buffer && (buffered_end - at >= want as u64 || buffered_end >= self.end);
        if !enough {
            self.refill(at, in_buffer)?;
        }
        let start = usize::try_from(at.saturating_sub(self.base))
            .unwrap_or(self.len)
            .min(self.len);
        Ok(Window {
            bytes: &self.buf[start..self.len],
            last: self.base + self.len as u64 >= self.end,
        })
    }

    /// Moves `at` to the front of the buffer (keeping what is already read) and fills the rest.
    fn refill(&mut self, at: u64, in_buffer: bool) -> io::Result<()> {
        if in_buffer {
            let start = (at - self.base) as usize;
            self.buf.copy_within(start..self.len, 0);
            self.len -= start;
        } else {
            self.len = 0;
        }
        self.base = at;
        let mut next = self.base + self.len as u64;
        if next >= self.end {
            return Ok(());
        }
        if self.cursor != next {
            self.src.seek(SeekFrom::Start(next))?;
            self.cursor = next;
        }
        while self.len < self.buf.len() && next < self.end {
            let room = (self.buf.len() - self.len)
                .min(usize::try_from(self.end - next).unwrap_or(usize::MAX));
            let n = match self.src.read(&mut self.buf[self.len..self.len + room]) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                // The file shrank under us: what we have is all there is.
                self.end = next;
                break;
            }
            self.len += n;
            next += n as u64;
            self.cursor = next;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn data(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i % 251) as u8).collect()
    }

    #[test]
    fn windows_follow_the_offsets_across_refills() {
        let d = data(3 * BUF_LEN + 17);
        let mut s = Stream::new(Cursor::new(d.clone()), d.len() as u64);
        let mut at = 0u64;
        while at < d.len() as u64 {
            let w = s.window(at, 3000).unwrap();
            assert!(w.bytes.len() >= 3000 || w.last);
            assert_eq!(w.bytes[0], d[at as usize]);
            at += 2999;
        }
        assert!(s.window(d.len() as u64, 10).unwrap().bytes.is_empty());
        assert!(s.window(d.len() as u64 + 5, 10).unwrap().last);
    }

    #[test]
    fn jumps_forward_and_back_and_stops_at_the_end() {
        let d = data(10_000);
        let mut s = Stream::new(Cursor::new(d.clone()), 9_000);
        assert_eq!(s.window(8_000, 100).unwrap().bytes, &d[8_000..9_000]);
        assert_eq!(s.window(5, 4).unwrap().bytes[..4], d[5..9]);
        assert!(s.window(5, 4).unwrap().last);
    }

    #[test]
    fn a_file_shorter_than_announced_ends_the_region() {
        let d = data(100);
        let mut s = Stream::new(Cursor::new(d), 1_000);
        let w = s.window(0, 500).unwrap();
        assert_eq!((w.bytes.len(), w.last), (100, true));
        assert_eq!(s.end(), 100);
    }
}
