//! The `carnets stats` benchmark: a generated combined log (`log.rs`) counted against the
//! same file's `wc -l` and `awk '$9 == 200'`, in the same run, from the page cache.
//!
//! ```text
//! cargo bench --bench stats -- [--lines N] [--runs R]
//! ```
//! N lines (default 10 000 000, ~2 GB) are counted R times (default 3), alternating the
//! commands, and the medians are compared:
//! - lines per second on one core (`taskset -c 0`, one thread) against `wc -l` and `awk`
//!   (both single-threaded), and on every core;
//! - peak memory (max RSS) at N lines and at N / 4: it must not grow with the log.
//!
//! Under `cargo test --all-targets` (no `--bench`) it runs at 20 000 lines, once: a check
//! that the harness works, not a measure.

mod log;
#[allow(dead_code)]
#[path = "../build/measure.rs"]
mod measure;

use std::path::Path;
use std::process::Command;

use measure::{Sample, max_rss, median, run};

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let (mut lines, mut runs) = if benching {
        (10_000_000u64, 3usize)
    } else {
        (20_000, 1)
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{arg} wants a number"))
        };
        match arg.as_str() {
            "--lines" => lines = value(),
            "--runs" => runs = value() as usize,
            "--bench" => {}
            other => panic!("unknown argument {other}: try --lines N --runs R"),
        }
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let slugs: Vec<String> = std::fs::read_dir(repo.join("episodes"))
        .expect("the repository's episodes")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let dir = repo.join("target/bench/stats");
    // A build first, so that the podcast's cache holds its prepared artwork: each count then
    // measures the logs, not the artwork.
    let out = dir.join("public");
    let built = Command::new(env!("CARGO_BIN_EXE_carnets"))
        .args(["build", "--quiet", "--root"])
        .arg(repo)
        .arg("--out")
        .arg(&out)
        .status()
        .expect("carnets build runs");
    assert!(
        built.success(),
        "carnets build of the repository's podcast failed"
    );
    let big = log::log(&dir, lines, &slugs);
    let small = log::log(&dir, lines / 4, &slugs);
    let bytes = std::fs::metadata(&big).expect("the log").len();
    // Into the page cache, for every command alike.
    let _ = run(&mut shell(&format!("cat '{}' > /dev/null", big.display())));

    let (mut wc, mut awk, mut one, mut all) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        wc.push(run(&mut shell(&format!(
            "exec wc -l '{}' > /dev/null",
            big.display()
        ))));
        one.push(run(&mut stats(&big, true)));
        awk.push(run(&mut shell(&format!(
            "exec awk '$9 == 200' '{}' > /dev/null",
            big.display()
        ))));
        all.push(run(&mut stats(&big, false)));
    }
    let quarter = run(&mut stats(&small, false));

    let rate = |samples: &[Sample]| lines as f64 / median(samples);
    println!(
        "carnets stats benchmark: {lines} lines ({:.2} GB), median of {runs} run(s); {}",
        bytes as f64 / 1e9,
        measure::machine()
    );
    println!();
    println!("| measure | lines/s | seconds | CPU seconds | vs `wc -l` | vs `awk '$9 == 200'` |");
    println!("|---|---|---|---|---|---|");
    for (name, samples) in [
        ("`wc -l`", &wc),
        ("`awk '$9 == 200'`", &awk),
        ("carnets stats, 1 core", &one),
        ("carnets stats, all cores", &all),
    ] {
        println!(
            "| {name} | {:.2} M | {:.3} | {:.3} | {:.2} | {:.2} |",
            rate(samples) / 1e6,
            median(samples),
            measure::median_cpu(samples),
            rate(samples) / rate(&wc),
            rate(samples) / rate(&awk)
        );
    }
    println!();
    println!(
        "peak RSS: {:.1} MiB at {lines} lines, {:.1} MiB at {} lines (ratio {:.2}); CPU of the all-core runs {:.2} s for {:.2} s of wall time",
        max_rss(&all),
        quarter.rss_mib,
        lines / 4,
        max_rss(&all) / quarter.rss_mib,
        measure::median_cpu(&all),
        median(&all)
    );
}

fn shell(script: &str) -> Command {
    let mut command = Command::new("sh");
    command.arg("-c").arg(script);
    command
}

/// `carnets stats` on the repository's podcast, its tables thrown away; on one core, with
/// one thread, when `one`.
fn stats(log: &Path, one: bool) -> Command {
    let carnets = env!("CARGO_BIN_EXE_carnets");
    let root = env!("CARGO_MANIFEST_DIR");
    let pin = if one {
        "RAYON_NUM_THREADS=1 exec taskset -c 0"
    } else {
        "exec"
    };
    shell(&format!(
        "{pin} '{carnets}' stats --quiet --root '{root}' '{}'",
        log.display()
    ))
}
