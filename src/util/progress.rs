//! Progress of the stages that can take a while (measuring MP3s, tagging them, measuring
//! loudness): a bar on stderr when it is a terminal and the stage has lasted more than a
//! moment, nothing otherwise (scripts and logs get the report only; `--verbose` adds the
//! timing of each stage).

use std::io::IsTerminal;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a stage runs before its bar appears.
const MOMENT: Duration = Duration::from_millis(400);

/// One stage's progress; safe to share between the threads doing the work.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    shown: OnceLock<()>,
    terminal: bool,
}

impl Progress {
    /// A stage of `total` steps, labelled `label` (« mesure des MP3 »…, from the catalogue).
    pub fn new(label: impl Into<std::borrow::Cow<'static, str>>, total: u64) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template("{msg:>18} [{bar:30}] {pos}/{len} ({eta})")
            .expect("a valid template")
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(label);
        Progress {
            bar,
            start: Instant::now(),
            shown: OnceLock::new(),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// One step done.
    pub fn step(&self) {
        if self.terminal && self.start.elapsed() > MOMENT {
            self.shown
                .get_or_init(|| self.bar.set_draw_target(ProgressDrawTarget::stderr()));
        }
        self.bar.inc(1);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
