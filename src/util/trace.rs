//! Stage timers for profiling a build: with `--verbose` or `CARNETS_TRACE=1`, each stage of the
//! pipeline prints its wall time, the CPU time its threads took (twice the wall time when both
//! cores were busy throughout) and the peak memory so far on stderr. Off, it costs one branch.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Set by `--verbose`: trace every build of this process.
static VERBOSE: AtomicBool = AtomicBool::new(false);

/// Turns the stage timers on for the rest of the process (`--verbose`).
pub fn enable() {
    VERBOSE.store(true, Ordering::Relaxed);
}

/// Times the stages of one build.
pub struct Trace {
    on: bool,
    start: Instant,
    last: Instant,
    /// [`cpu_ns`] at `last`.
    cpu: u64,
}

impl Trace {
    /// A timer that prints only under `--verbose` or when `CARNETS_TRACE` is set (not to `0`).
    pub fn new() -> Self {
        let now = Instant::now();
        let on = VERBOSE.load(Ordering::Relaxed)
            || std::env::var_os("CARNETS_TRACE").is_some_and(|v| v != "0");
        Trace {
            on,
            start: now,
            last: now,
            // `/proc` is read only when tracing.
            cpu: if on { cpu_ns() } else { 0 },
        }
    }

    /// Ends the stage `name`.
    pub fn stage(&mut self, name: &str) {
        if !self.on {
            return;
        }
        let now = Instant::now();
        let cpu = cpu_ns();
        eprintln!(
            "trace: {name:<10} {:>8.1} ms, CPU {:>7.1} ms  (total {:>8.1} ms, peak RSS {})",
            (now - self.last).as_secs_f64() * 1e3,
            cpu.saturating_sub(self.cpu) as f64 / 1e6,
            (now - self.start).as_secs_f64() * 1e3,
            peak_rss()
        );
        self.last = now;
        self.cpu = cpu;
    }
}

impl Default for Trace {
    fn default() -> Self {
        Trace::new()
    }
}

/// Nanoseconds the threads of this process have run on a CPU (the threads alive now: rayon's
/// live as long as the process), as Linux's scheduler counts them.
fn cpu_ns() -> u64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|stat| stat.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

/// `VmHWM` of this process, as Linux reports it.
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:").map(|v| v.trim().to_string()))
        })
        .unwrap_or_else(|| "?".into())
}
