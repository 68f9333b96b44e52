//! Scanning speed of the frame reader on files already in the page cache.
//!
//! `cargo bench --bench probe`. Each file is a fixture repeated to about 64 MiB, so the figure
//! is the frame walk, not the open and the tag look-ups (the 64 kbps one also has a small
//! ID3 tag between copies: a resync every 17 KB).

use std::path::{Path, PathBuf};

use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// Writes `fixture` repeated to about 64 MiB under the build directory (reused by later runs,
/// removed by `cargo clean`), and returns its path.
fn big_file(fixture: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench data dir");
    let path = dir.join(fixture);
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/audio")
        .join(fixture);
    let one = std::fs::read(src).expect("fixture");
    let big = one.repeat((64 << 20) / one.len());
    if std::fs::metadata(&path).map(|m| m.len()).ok() != Some(big.len() as u64) {
        std::fs::write(&path, big).expect("write the big file");
    }
    path
}

/// 128 kbps stereo (418-byte frames) and 64 kbps mono (209-byte frames: twice the headers).
#[divan::bench(args = ["cbr-128-info.mp3", "cbr-64-noxing.mp3", "vbr-xing.mp3"], sample_count = 20)]
fn probe(bencher: Bencher, fixture: &str) {
    let path = big_file(fixture);
    let len = std::fs::metadata(&path).expect("size").len();
    carnets::audio::probe(&path).expect("a stream"); // warm the page cache
    bencher
        .counter(BytesCount::new(len))
        .bench(|| carnets::audio::probe(divan::black_box(&path)).expect("a stream"));
}
