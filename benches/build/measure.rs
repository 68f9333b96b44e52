//! Timing a command: wall-clock time, CPU time (the command's and that of the children it
//! waited for, ffmpeg's included) and peak memory (max RSS; both from GNU time), after a
//! `sync` so that no earlier command's writeback lands in its time.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

/// One timed run.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    pub secs: f64,
    /// User and system CPU time, over every core.
    pub cpu_secs: f64,
    pub rss_mib: f64,
}

/// Runs `command` (which must succeed) under `/usr/bin/time`, and times it.
pub fn run(command: &mut Command) -> Sample {
    run_with_stderr(command).0
}

/// [`run`], and what the command printed on stderr.
pub fn run_with_stderr(command: &mut Command) -> (Sample, String) {
    let _ = Command::new("sync").status();
    let report = std::env::temp_dir().join(format!("carnets-bench-rss-{}", std::process::id()));
    let mut timed = Command::new("/usr/bin/time");
    timed
        .arg("-f")
        .arg("%M %U %S")
        .arg("-o")
        .arg(&report)
        .arg(command.get_program())
        .args(command.get_args());
    let start = Instant::now();
    let output = timed.output().expect("run /usr/bin/time");
    let secs = start.elapsed().as_secs_f64();
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report_text = std::fs::read_to_string(&report).expect("GNU time's report");
    let numbers: Vec<f64> = report_text
        .split_whitespace()
        .map(|n| n.parse().expect("GNU time's report holds numbers"))
        .collect();
    let _ = std::fs::remove_file(PathBuf::from(&report));
    let [kib, user, system] = numbers[..] else {
        panic!("GNU time's report: {report_text}");
    };
    let sample = Sample {
        secs,
        cpu_secs: user + system,
        rss_mib: kib / 1024.0,
    };
    (sample, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Median time of the samples, in seconds.
pub fn median(samples: &[Sample]) -> f64 {
    median_of(samples.iter().map(|s| s.secs).collect())
}

/// Median CPU time of the samples, in seconds.
pub fn median_cpu(samples: &[Sample]) -> f64 {
    median_of(samples.iter().map(|s| s.cpu_secs).collect())
}

/// Median of the values.
pub fn median_of(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// Largest peak RSS of the samples, in MiB.
pub fn max_rss(samples: &[Sample]) -> f64 {
    samples.iter().map(|s| s.rss_mib).fold(0.0, f64::max)
}

/// `nproc` and the CPU model.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cores} cores, {model}")
}
