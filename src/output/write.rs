//! Writing one new file of the staging folder from its [`Content`].

use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::Content;

/// Writes `content` at `target`, which must not exist: a file left in the staging folder may
/// be a hard link to the output's copy, which must never be written through.
pub fn content(target: &Path, content: &Content) -> io::Result<()> {
    match content {
        Content::Bytes(bytes) | Content::Page { bytes, .. } => new_file(target)?.write_all(bytes),
        // Only an unchanged page is kept, and the staging folder links to it.
        Content::Kept { .. } => Err(io::Error::other(format!(
            "{} cannot be linked from the output",
            target.display()
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
            let mut output = new_file(target)?;
            output.write_all(tag)?;
            if let Some(cover) = cover {
                output.write_all(cover.bytes())?;
            }
            // std copies File to File with copy_file_range: the frames never come to user space.
            let copied = io::copy(&mut input.take(end - start), &mut output)?;
            if copied != end - start {
                return Err(io::Error::other(format!(
                    "{} changed while it was being published",
                    source.display()
                )));
            }
            Ok(())
        }
    }
}

fn new_file(path: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}
