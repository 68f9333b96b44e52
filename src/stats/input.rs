//! The logs as a stream of blocks of whole lines: each file plain or gzip-compressed (told by
//! its first bytes, not its name; concatenated gzip members too), the files read one after
//! the other in the order of their first request, so that a rotated set given in any order
//! (`access.log.2.gz access.log.1 access.log`) reads as one log. Memory stays one block per
//! reader, whatever the size of the logs.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

use super::clock::Clock;
use super::formats::{Format, LineParser};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};

/// Bytes read at a time: a block holds a few thousand lines.
pub const BLOCK: usize = 1 << 20;

/// A longer "line" is cut here, so that a file without newlines cannot fill the memory.
const LONGEST_LINE: usize = 64 << 20;

/// Bytes read at the start of each file to find its first request.
const HEAD: u64 = 64 << 10;

/// One log file, ready to read.
#[derive(Debug)]
pub struct Log {
    pub path: PathBuf,
    pub parser: LineParser,
    /// The time of its first request, when one of its first lines parses.
    pub first: Option<i64>,
}

/// Opens every log, finds its first request, and sorts them by it (the files none of whose
/// first lines parse come last, in the order given). Every file that cannot be read is an
/// error.
pub fn order(paths: &[PathBuf], format: Format) -> Result<Vec<Log>, Diagnostics> {
    let mut logs = Vec::new();
    let mut found = Diagnostics::default();
    for path in paths {
        match head(path) {
            Ok(head) => {
                let parser = LineParser::for_file(format, &head);
                let mut clock = Clock::default();
                let first = head
                    .split(|&b| b == b'\n')
                    .find_map(|line| parser.parse(line, &mut clock))
                    .map(|request| request.time);
                logs.push(Log {
                    path: path.clone(),
                    parser,
                    first,
                });
            }
            Err(e) => found.push(unreadable(path, &e)),
        }
    }
    found.check()?;
    logs.sort_by_key(|log| (log.first.is_none(), log.first));
    Ok(logs)
}

/// The error for a log that cannot be read.
pub fn unreadable(path: &Path, error: &io::Error) -> Diagnostic {
    Diagnostic::error(path, t!("stats-unreadable", error = error.to_string()))
        .help(t!("stats-unreadable-help"))
}

/// The first bytes of a log, decompressed.
pub fn head(path: &Path) -> io::Result<Vec<u8>> {
    let mut head = Vec::new();
    open(path)?.take(HEAD).read_to_end(&mut head)?;
    Ok(head)
}

/// A log's bytes, decompressed when it starts like gzip. A plain file is read straight into
/// the blocks, with no buffer between.
pub fn open(path: &Path) -> io::Result<Box<dyn Read + Send>> {
    let mut file = File::open(path)?;
    let mut magic = Vec::with_capacity(2);
    (&mut file).take(2).read_to_end(&mut magic)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(match magic == [0x1f, 0x8b] {
        true => Box::new(MultiGzDecoder::new(BufReader::with_capacity(BLOCK, file))),
        false => Box::new(file),
    })
}

/// A log read as blocks that end at a newline.
pub struct Blocks {
    reader: Box<dyn Read + Send>,
    /// The start of a line that the last block cut.
    carry: Vec<u8>,
    /// Blocks given back, to read into again: fresh memory costs a page fault a page.
    spare: Vec<Vec<u8>>,
}

impl Blocks {
    pub fn open(path: &Path) -> io::Result<Self> {
        Ok(Blocks {
            reader: open(path)?,
            carry: Vec::new(),
            spare: Vec::new(),
        })
    }

    /// Takes back blocks that are done with.
    pub fn recycle(&mut self, blocks: Vec<Vec<u8>>) {
        self.spare.extend(blocks);
    }

    /// The next block of whole lines (the last one may lack its newline), or `None` at the end.
    pub fn next_block(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut block = self.spare.pop().unwrap_or_default();
        block.clear();
        block.append(&mut self.carry);
        loop {
            let want = (BLOCK.saturating_sub(block.len())).max(BLOCK / 4);
            block.reserve(want);
            let read = (&mut self.reader)
                .take(want as u64)
                .read_to_end(&mut block)?;
            if read == 0 {
                return Ok((!block.is_empty()).then_some(block));
            }
            if block.len() < BLOCK {
                continue;
            }
            if let Some(end) = memchr::memrchr(b'\n', &block) {
                self.carry.extend_from_slice(&block[end + 1..]);
                block.truncate(end + 1);
                return Ok(Some(block));
            }
            if block.len() >= LONGEST_LINE {
                return Ok(Some(block));
            }
        }
    }

    /// Up to `count` blocks.
    pub fn next_blocks(&mut self, count: usize) -> io::Result<Vec<Vec<u8>>> {
        let mut blocks = Vec::with_capacity(count);
        while blocks.len() < count {
            match self.next_block()? {
                Some(block) => blocks.push(block),
                None => break,
            }
        }
        Ok(blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn blocks_hold_whole_lines_of_plain_and_gzip_logs() {
        let dir = tempfile::tempdir().unwrap();
        let text: Vec<u8> = (0..200_000)
            .flat_map(|i| format!("line {i} {}\n", "x".repeat(i % 13)).into_bytes())
            .chain(*b"last line without newline")
            .collect();
        let plain = dir.path().join("access.log");
        std::fs::write(&plain, &text).unwrap();
        // Two gzip members, as `cat a.gz b.gz` makes.
        let gz = dir.path().join("access.log.1.gz");
        let mut bytes = Vec::new();
        for half in text.chunks(text.len() / 2 + 1) {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(half).unwrap();
            bytes.extend(e.finish().unwrap());
        }
        std::fs::write(&gz, bytes).unwrap();
        for path in [plain, gz] {
            let mut blocks = Blocks::open(&path).unwrap();
            let mut all = Vec::new();
            let mut count = 0;
            while let Some(block) = blocks.next_block().unwrap() {
                assert!(block.len() <= BLOCK + BLOCK / 4 || !block.ends_with(b"\n"));
                if !all.is_empty() || count > 0 {
                    assert!(all.ends_with(b"\n"), "a block starts mid-line");
                }
                all.extend_from_slice(&block);
                count += 1;
            }
            assert!(count > 2, "{count} blocks");
            assert_eq!(all, text, "{}", path.display());
        }
    }

    #[test]
    fn logs_are_read_in_the_order_of_their_first_request() {
        let dir = tempfile::tempdir().unwrap();
        let line = |day: u32| {
            format!(
                "192.0.2.1 - - [{day:02}/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\"\n"
            )
        };
        let write = |name: &str, text: String| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let paths = vec![
            write("access.log", line(20)),
            write("junk.log", "not a log\n".into()),
            write("access.log.2", format!("garbage\n{}", line(10))),
            write("access.log.1", line(15)),
        ];
        let names: Vec<String> = order(&paths, Format::Combined)
            .unwrap()
            .iter()
            .map(|l| l.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["access.log.2", "access.log.1", "access.log", "junk.log"]
        );
        let missing = order(&[dir.path().join("nope.log")], Format::Combined).unwrap_err();
        let text = missing.iter().next().unwrap().to_string();
        assert!(
            text.contains("nope.log: error: cannot read this log"),
            "{text}"
        );
    }
}
