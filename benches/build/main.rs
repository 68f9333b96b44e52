//! The whole-build benchmark: carnets against the copy floor (`cp -r`) and against Hugo, on a
//! generated podcast of N episodes. `scripts/bench.sh` installs the tools and runs it.
//!
//! ```text
//! cargo bench --bench build -- [--episodes N] [--runs R] [--scale M] [--scale-runs S]
//! ```
//! N episodes (default 1000) are measured R times (default 5), alternating carnets and its
//! reference in each run, and the medians are compared:
//! - cold: `carnets build` into an empty output with no `.carnets` cache, against `cp -r` of
//!   the episode folders; both read from the page cache (the sources are read once before the
//!   runs), `sync` runs before each timed command so neither pays for the other's writeback,
//!   and outputs are moved aside rather than deleted until the end, and dropped from the page
//!   cache (see `Bench::discard`);
//! - no-op: `carnets build` again, against `hugo` building the same notes as pages and a feed;
//! - edit: one episode's notes changed, rebuilt, against the same Hugo build after the same edit;
//! - serve: `carnets serve` on the podcast, the time from saving an episode's notes to the
//!   reload message the open pages get (R saves);
//! - peak memory (max RSS) of the cold builds, at N and at M (default 5000; 0 skips it), and
//!   the cold time at M against N's, S times (default 1: each run keeps 11 GB on disk until
//!   the end);
//! - the frame scan alone, one core, over the N MP3s from the page cache.
//!
//! With `--formats`, it measures the alternate encodings instead (see `formats.rs`), at N (try
//! `--episodes 100 --runs 1`).
//!
//! Under `cargo test --all-targets` (no `--bench`), it runs at N = 10, once, without the
//! N = 5000 part, and the formats at N = 2: a check that the harness works, not a measure.

mod formats;
mod hugo;
mod measure;
mod podcast;
mod serve;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use measure::{Sample, median, run};

struct Args {
    episodes: usize,
    runs: usize,
    scale: usize,
    scale_runs: usize,
    formats: bool,
}

fn args() -> Args {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this harness without it,
    // as a test of the harness itself: a few episodes, once, in seconds.
    let benching = std::env::args().any(|a| a == "--bench");
    let mut args = match benching {
        true => Args {
            episodes: 1000,
            runs: 5,
            scale: 5000,
            scale_runs: 1,
            formats: false,
        },
        false => Args {
            episodes: 10,
            runs: 1,
            scale: 0,
            scale_runs: 1,
            formats: false,
        },
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{arg} wants a number"))
        };
        match arg.as_str() {
            "--episodes" | "-n" => args.episodes = value(),
            "--runs" => args.runs = value(),
            "--scale" => args.scale = value(),
            "--scale-runs" => args.scale_runs = value(),
            "--formats" => args.formats = true,
            "--bench" => {} // passed by `cargo bench`
            other => panic!(
                "unknown argument {other}: try --episodes N --runs R --scale M --scale-runs S, or --formats"
            ),
        }
    }
    args
}

fn main() {
    let args = args();
    for tool in ["ffmpeg", "hugo", "/usr/bin/time"] {
        if Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .map_or(true, |o| !o.status.success())
        {
            panic!("`{tool}` is missing: run scripts/bench.sh, which installs it");
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("create target/bench");
    let bench = Bench {
        trash: dir.join("trash"),
        discarded: std::cell::Cell::new(0),
        dir,
    };
    let n = args.episodes;
    let benching = std::env::args().any(|a| a == "--bench");
    if args.formats || !benching {
        let n = if benching { n } else { 2 };
        let root = podcast::podcast(&bench.dir, n);
        let edit = |root: &Path, edit: usize| {
            let md = root
                .join("episodes")
                .join(podcast::slug(n / 2))
                .join("episode.md");
            std::fs::write(md, podcast::episode_md(n / 2, edit)).expect("edit an episode");
        };
        formats::bench(&root, n, args.runs, &|root| bench.cold_build(root), &edit);
        if args.formats {
            remove(&bench.trash);
            return;
        }
    }
    let root = podcast::podcast(&bench.dir, n);
    let site = hugo::site(&bench.dir, n);
    let edited = n / 2;
    hugo_build(&site); // warm-up: Hugo's own files into the page cache
    warm(&root);

    let mut cold = Vec::new();
    let mut cp = Vec::new();
    let mut noop = Vec::new();
    let mut hugo_noop = Vec::new();
    let mut edit = Vec::new();
    let mut hugo_edit = Vec::new();
    for r in 0..args.runs {
        eprint!("\rrun {}/{} at N = {n}", r + 1, args.runs);
        // Alternate which of each pair goes first.
        let first = r.is_multiple_of(2);
        let cold_pair = (|| bench.cold_build(&root), || bench.copy_floor(&root));
        pair(first, &mut cold, &mut cp, cold_pair);
        let noop_pair = (|| carnets_build(&root), || hugo_build(&site));
        pair(first, &mut noop, &mut hugo_noop, noop_pair);
        edit_episode(&root, &site, edited, r + 1);
        let edit_pair = (|| carnets_build(&root), || hugo_build(&site));
        pair(first, &mut edit, &mut hugo_edit, edit_pair);
    }
    edit_episode(&root, &site, edited, 0);
    eprintln!();
    let carnets_exe = Path::new(env!("CARGO_BIN_EXE_carnets"));
    let reload = serve::reload_latency(carnets_exe, &root, edited, args.runs);
    let scan = frame_scan(&root, n);

    let mut scale_cold = Vec::new();
    let mut scale_cp = Vec::new();
    if args.scale > 0 {
        let big = podcast::podcast(&bench.dir, args.scale);
        warm(&big);
        for r in 0..args.scale_runs {
            eprint!("\rrun {}/{} at N = {}", r + 1, args.scale_runs, args.scale);
            let pair_ = (|| bench.cold_build(&big), || bench.copy_floor(&big));
            pair(r.is_multiple_of(2), &mut scale_cold, &mut scale_cp, pair_);
        }
        eprintln!();
        bench.discard(&big.join("public"));
        bench.discard(&big.join(".carnets"));
    }
    bench.discard(&bench.dir.join("cp"));
    bench.discard(&root.join("public"));
    bench.discard(&root.join(".carnets"));
    eprintln!(
        "deleting the outputs of the runs ({})",
        bench.trash.display()
    );
    remove(&bench.trash);

    let mp3_bytes: u64 = (0..n).map(|i| mp3_len(&root, i)).sum();
    println!();
    println!(
        "carnets build benchmark: N = {n} episodes ({:.2} GB of MP3), median of {} runs",
        mp3_bytes as f64 / 1e9,
        args.runs
    );
    println!("machine: {}", measure::machine());
    println!();
    println!("| measure | carnets | reference | ratio | target |");
    println!("|---|---|---|---|---|");
    let row = |name: &str, ours: &[Sample], theirs: &[Sample], reference: &str, target: &str| {
        let (a, b) = (median(ours), median(theirs));
        println!(
            "| {name} | {a:.3} s | {reference} {b:.3} s | {:.2} | {target} |",
            a / b
        );
    };
    row("cold build", &cold, &cp, "`cp -r`", "≤ 1.3");
    row("no-op rebuild", &noop, &hugo_noop, "hugo", "≤ 0.05");
    row("edit one episode", &edit, &hugo_edit, "hugo", "≤ 0.1");
    let reload_median = measure::median_of(reload.clone());
    println!("| `carnets serve`: save → reload message | {reload_median:.3} s | | | ≤ 0.150 s |");
    let rss = measure::max_rss(&cold);
    println!("| peak RSS, cold, N = {n} | {rss:.1} MiB | | | ≤ 100 MiB |");
    if args.scale > 0 {
        let m = args.scale;
        row(
            &format!("cold build, N = {m}"),
            &scale_cold,
            &scale_cp,
            "`cp -r`",
            "≤ 1.3",
        );
        let big_rss = measure::max_rss(&scale_cold);
        println!(
            "| peak RSS, cold, N = {m} | {big_rss:.1} MiB | N = {n}: {rss:.1} MiB | {:.2} | < 3 |",
            big_rss / rss
        );
        println!(
            "| cold N = {m} / cold N = {n} | {:.3} s | {:.3} s | {:.2} | ≤ {:.1} |",
            median(&scale_cold),
            median(&cold),
            median(&scale_cold) / median(&cold),
            5.5 * m as f64 / 5000.0
        );
        // The same in CPU time, which waiting for the disk does not inflate.
        println!(
            "| CPU time, cold N = {m} / cold N = {n} | {:.3} s | {:.3} s | {:.2} | (reference) |",
            measure::median_cpu(&scale_cold),
            measure::median_cpu(&cold),
            measure::median_cpu(&scale_cold) / measure::median_cpu(&cold),
        );
        // The same ratio for the copy floor: how much of it is the machine's.
        println!(
            "| `cp -r` N = {m} / `cp -r` N = {n} | {:.3} s | {:.3} s | {:.2} | (reference) |",
            median(&scale_cp),
            median(&cp),
            median(&scale_cp) / median(&cp),
        );
    }
    println!("| frame scan, 1 core, page cache | {scan:.2} GB/s | | | ≥ 1 GB/s |");
    let all: Vec<&[Sample]> = vec![&cold, &cp, &noop, &hugo_noop, &edit, &hugo_edit];
    println!();
    println!("every run, in seconds (cold, cp -r, no-op, hugo, edit, hugo, serve reload):");
    for r in 0..args.runs {
        let mut line: Vec<String> = all.iter().map(|s| format!("{:.3}", s[r].secs)).collect();
        line.push(format!("{:.3}", reload[r]));
        println!("  {}", line.join("  "));
    }
}

/// Runs both of a pair, `ours` first when `first`, and keeps each one's sample.
fn pair(
    first: bool,
    ours: &mut Vec<Sample>,
    theirs: &mut Vec<Sample>,
    (mut a, mut b): (impl FnMut() -> Sample, impl FnMut() -> Sample),
) {
    if first {
        ours.push(a());
        theirs.push(b());
    } else {
        theirs.push(b());
        ours.push(a());
    }
}

/// Where the runs happen, and where their outputs go once measured.
struct Bench {
    dir: PathBuf,
    trash: PathBuf,
    discarded: std::cell::Cell<usize>,
}

impl Bench {
    fn cold_build(&self, root: &Path) -> Sample {
        self.discard(&root.join("public"));
        self.discard(&root.join(".carnets"));
        carnets_build(root)
    }

    fn copy_floor(&self, root: &Path) -> Sample {
        let to = self.dir.join("cp");
        self.discard(&to);
        run(Command::new("cp")
            .arg("-r")
            .arg(root.join("episodes"))
            .arg(&to))
    }

    /// Moves an output out of the way, to be deleted at the end. Deleting it now would slow
    /// down the next run: ext4 without a journal (as on this machine) will not reuse an inode
    /// deleted less than 5 s ago, or 5 min when its block is dirty again, and scans past each
    /// one, so creating thousands of files after deleting thousands costs seconds, whoever
    /// does it. (A bench started less than 5 min after another one is slowed that way.)
    fn discard(&self, path: &Path) {
        if path.exists() {
            std::fs::create_dir_all(&self.trash).expect("create the trash folder");
            self.discarded.set(self.discarded.get() + 1);
            let to = self.trash.join(self.discarded.get().to_string());
            std::fs::rename(path, &to).expect("move an output to the trash folder");
            evict(&to);
        }
    }
}

/// Reads every source file of the podcast at `root`, so that the first timed command finds
/// them in the page cache as the others do (at N = 5000, they may have been evicted since
/// they were generated).
fn warm(root: &Path) {
    let mut buf = vec![0; 1 << 20];
    for entry in walkdir::WalkDir::new(root.join("episodes"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let mut file = std::fs::File::open(entry.path()).expect("open a source file");
        while std::io::Read::read(&mut file, &mut buf).expect("read a source file") > 0 {}
    }
}

/// Writes the files of `dir` to disk and drops them from the page cache: the outputs of the
/// runs before would otherwise fill it, and each run would find less free memory than the one
/// before (a copy that must wait for pages to be reclaimed is several times slower).
fn evict(dir: &Path) {
    rustix::fs::sync();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file()
            && let Ok(file) = std::fs::File::open(entry.path())
        {
            let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::DontNeed);
        }
    }
}

fn mp3_len(root: &Path, i: usize) -> u64 {
    std::fs::metadata(
        root.join("episodes")
            .join(podcast::slug(i))
            .join("audio.mp3"),
    )
    .map_or(0, |m| m.len())
}

fn carnets() -> Command {
    Command::new(env!("CARGO_BIN_EXE_carnets"))
}

fn carnets_build(root: &Path) -> Sample {
    run(carnets().arg("build").arg("--root").arg(root))
}

fn hugo_build(site: &Path) -> Sample {
    run(Command::new("hugo")
        .arg("--quiet")
        .arg("--source")
        .arg(site)
        .arg("--destination")
        .arg(site.join("public")))
}

fn edit_episode(root: &Path, site: &Path, i: usize, edit: usize) {
    let md = root
        .join("episodes")
        .join(podcast::slug(i))
        .join("episode.md");
    std::fs::write(md, podcast::episode_md(i, edit)).expect("edit an episode");
    hugo::write_page(site, i, edit);
}

fn remove(path: &Path) {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => panic!("remove {path:?}: {e}"),
        _ => {}
    }
}

/// GB/s of `carnets::audio::probe` over the N MP3s, on one thread, from the page cache.
fn frame_scan(root: &Path, n: usize) -> f64 {
    let files: Vec<PathBuf> = (0..n)
        .map(|i| {
            root.join("episodes")
                .join(podcast::slug(i))
                .join("audio.mp3")
        })
        .collect();
    let bytes: u64 = (0..n).map(|i| mp3_len(root, i)).sum();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        for file in &files {
            carnets::audio::probe(file).expect("a generated MP3 measures");
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    bytes as f64 / best / 1e9
}
