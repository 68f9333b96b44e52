//! Writing one new file of the staging folder from its [`Content`].

use std::cell::RefCell;
use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::Content;
use crate::t;

/// Writes `content` at `target`, which must not exist: a file left in the staging folder may
/// be a hard link to the output's copy, which must never be written through.
pub fn content(target: &Path, content: &Content) -> io::Result<()> {
    match content {
        Content::Bytes(bytes) | Content::Page { bytes, .. } => new_file(target)?.write_all(bytes),
        // Only an unchanged page is kept, and the staging folder links to it.
        Content::Kept { .. } => Err(io::Error::other(t!(
            "output-kept-not-linked",
            path = target.display().to_string()
        ))),
        Content::Copy(source) => fs::copy(source, target).map(drop),
        Content::Audio {
            tag,
            cover,
            source,
            start,
            end,
        } => {
            let mut input = fs::File::open(source)?;
            input.seek(SeekFrom::Start(*start))?;
            let cover = cover.as_ref().map_or(&[][..], |cover| cover.bytes());
            let copied = copy(&[tag, cover], input.take(end - start), new_file(target)?)?;
            if copied != end - start {
                let path = source.display().to_string();
                return Err(io::Error::other(t!(
                    "output-source-changed-publishing",
                    path = path
                )));
            }
            Ok(())
        }
    }
}

/// Writes `head` then `input` to `output` through a buffer of 256 KiB per thread; returns how
/// many bytes came from `input`. On ext4 this costs a sixth less CPU than `copy_file_range`,
/// which splices a page at a time where a large `write` fills large folios, and a little less
/// again when the writes end at multiples of 256 KiB (folios are aligned to their size).
/// Larger writes (1 MiB) cost as little for a thousand episodes, but more for five thousand,
/// when the memory must be found for the large folios (measured on the benchmark's podcasts).
fn copy(head: &[&[u8]], mut input: impl Read, mut output: fs::File) -> io::Result<u64> {
    thread_local! {
        static BUFFER: RefCell<Vec<u8>> = RefCell::new(vec![0; 256 << 10]);
    }
    let mut at = 0;
    for part in head {
        output.write_all(part)?;
        at += part.len();
    }
    BUFFER.with_borrow_mut(|buffer| {
        let mut copied = 0;
        loop {
            // The writes after the first end at multiples of the buffer's length.
            let room = buffer.len() - at % buffer.len();
            let n = match input.read(&mut buffer[..room]) {
                Ok(0) => return Ok(copied),
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            output.write_all(&buffer[..n])?;
            copied += n as u64;
            at += n;
        }
    })
}

fn new_file(path: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}
