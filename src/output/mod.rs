//! The only code that writes the output: everything goes into a staging folder next to the
//! output, which then replaces it in one step, so a failed build leaves the old output intact.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What a published file holds.
#[derive(Clone, Debug)]
pub enum Content {
    /// Bytes rendered in memory (feed, pages, JSON).
    Bytes(Vec<u8>),
    /// A copy of a source file (artwork, transcript).
    Copy(PathBuf),
    /// A tagged MP3: a fresh ID3 tag, then the MPEG frames `start..end` of `source`.
    Audio {
        tag: Vec<u8>,
        source: PathBuf,
        start: u64,
        end: u64,
    },
}

/// One file of the output, at `path` relative to the output root (`/`-separated).
#[derive(Clone, Debug)]
pub struct OutputFile {
    pub path: String,
    pub content: Content,
}

/// What a publish did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub written: usize,
    pub unchanged: usize,
}

/// Replaces the content of `out` with `files`.
pub fn publish(out: &Path, files: Vec<OutputFile>) -> io::Result<Stats> {
    let staging = sibling(out, "staging")?;
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    let mut stats = Stats::default();
    for file in &files {
        let target = staging.join(&file.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        match &file.content {
            Content::Bytes(bytes) => fs::write(&target, bytes)?,
            Content::Copy(source) => {
                fs::copy(source, &target)?;
            }
            Content::Audio {
                tag,
                source,
                start,
                end,
            } => write_audio(&target, tag, source, *start, *end)?,
        }
        stats.written += 1;
    }
    let old = sibling(out, "old")?;
    if out.exists() {
        fs::rename(out, &old)?;
    }
    fs::rename(&staging, out)?;
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(stats)
}

fn write_audio(target: &Path, tag: &[u8], source: &Path, start: u64, end: u64) -> io::Result<()> {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut input = fs::File::open(source)?;
    input.seek(SeekFrom::Start(start))?;
    let mut output = fs::File::create(target)?;
    output.write_all(tag)?;
    io::copy(&mut input.take(end - start), &mut output)?;
    Ok(())
}

/// `<parent>/.<name>.carnets-<what>`: next to the output, on the same filesystem.
fn sibling(out: &Path, what: &str) -> io::Result<PathBuf> {
    let name = out
        .file_name()
        .ok_or_else(|| io::Error::other(format!("{} is not a folder name", out.display())))?;
    let parent = out.parent().unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{}.carnets-{what}", name.to_string_lossy())))
}
