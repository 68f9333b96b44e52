//! `carnets deploy`: runs [`crate::deploy::run`] with a progress bar (bytes and files, on a
//! terminal), then prints what was uploaded, kept and deleted; with `--dry-run`, the plan on
//! standard output, one line per upload and deletion, in the order they would go.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::DeployArgs;
use crate::cli::{EXIT_CONTENT, EXIT_OK};
use crate::deploy::plan::{Gone, Why};
use crate::deploy::{self, Failed, Plan, Progress, Report, Source};
use crate::t;
use crate::util::diag::Diagnostics;
use crate::util::i18n::{self, Lang};

/// Exit code of a deploy stopped by Ctrl-C (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: u8 = 130;

/// Deploys, prints the report on stderr (the plan of a dry run on stdout); returns the exit code.
pub fn run(args: &DeployArgs, quiet: bool, now: jiff::Timestamp) -> u8 {
    let options = deploy::Options {
        root: args.root.root.clone(),
        to: args.to.clone(),
        dry_run: args.dry_run,
        jobs: usize::from(args.jobs),
        allow_deletes: args.allow_deletes,
        now,
    };
    let bar = Arc::new(Bar::new(!quiet && std::io::stderr().is_terminal()));
    let result = deploy::run(&options, bar.clone());
    bar.bar.finish_and_clear();
    match result {
        Ok(mut report) => {
            if args.dry_run {
                print_plan(&report.plan);
            }
            if !quiet {
                print_diagnostics(std::mem::take(&mut report.warnings));
                eprintln!("{}", summary(&report, args.dry_run));
            }
            EXIT_OK
        }
        Err(failed) => {
            print_diagnostics(failed.errors);
            let Failed {
                plan,
                outcome,
                interrupted,
                ..
            } = failed;
            if let Some(plan) = &plan
                && plan.deletes_too_much()
            {
                for delete in &plan.deletes {
                    eprintln!(
                        "  {}",
                        t!("deploy-would-delete", path = delete.path.as_str())
                    );
                }
            }
            let (uploaded, deleted) = (outcome.uploaded.len(), outcome.deleted.len());
            if interrupted {
                eprintln!(
                    "{}",
                    t!("deploy-interrupted", uploaded = uploaded, deleted = deleted)
                );
                EXIT_INTERRUPTED
            } else {
                eprintln!(
                    "error: {}",
                    t!("deploy-stopped", uploaded = uploaded, deleted = deleted)
                );
                EXIT_CONTENT
            }
        }
    }
}

fn print_diagnostics(mut diagnostics: Diagnostics) {
    diagnostics.sort();
    for diagnostic in diagnostics.iter() {
        eprintln!("{}", diagnostic.render());
    }
}

/// The plan, one line per file, in the order the deploy sends them.
fn print_plan(plan: &Plan) {
    for upload in &plan.uploads {
        let (path, size) = (upload.path.as_str(), bytes(upload.size));
        println!(
            "{}",
            match upload.why {
                Why::New => t!("deploy-plan-new", path = path, size = size),
                Why::Changed => t!("deploy-plan-changed", path = path, size = size),
            }
        );
    }
    for delete in &plan.deletes {
        let path = delete.path.as_str();
        println!(
            "{}",
            match delete.why {
                Gone::Unpublished => t!("deploy-plan-unpublished", path = path),
                Gone::Unsettled => t!("deploy-plan-unsettled", path = path),
                Gone::Foreign => t!("deploy-plan-foreign", path = path),
            }
        );
    }
}

/// A size as indicatif writes it (`1.50 MiB`), in French with its comma and units (`1,50 Mio`).
fn bytes(size: u64) -> String {
    let text = HumanBytes(size).to_string();
    match i18n::lang() {
        Lang::En => text,
        Lang::Fr => text
            .replace('.', ",")
            .replace("iB", "io")
            .replace(" B", " o")
            .replace(' ', "\u{a0}"),
    }
}

/// The last lines of the report: how the target was read, what was done.
fn summary(report: &Report, dry_run: bool) -> String {
    let plan = &report.plan;
    let mut lines = Vec::new();
    if let Source::Listing(why) = &report.source
        && plan.remote_files > 0
    {
        lines.push(t!(
            "deploy-listed",
            target = report.target.to_string(),
            why = why.as_str(),
            kept = plan.kept_by_size
        ));
    }
    if !plan.left.is_empty() {
        lines.push(t!("deploy-left", files = plan.left.len()));
    }
    let deleted: Vec<&str> = if dry_run {
        plan.deletes.iter().map(|d| d.path.as_str()).collect()
    } else {
        report.outcome.deleted.iter().map(String::as_str).collect()
    };
    for &mp3 in deleted.iter().filter(|p| p.ends_with(".mp3")) {
        lines.push(match dry_run {
            true => t!("deploy-mp3-would-delete", path = mp3),
            false => t!("deploy-mp3-deleted", path = mp3),
        });
    }
    let target = report.target.to_string();
    lines.push(if dry_run {
        t!(
            "deploy-plan-summary",
            target = target,
            uploads = plan.uploads.len(),
            size = bytes(plan.bytes()),
            kept = plan.kept,
            deletes = plan.deletes.len()
        )
    } else {
        let sent: u64 = report.outcome.uploaded.iter().map(|(_, e)| e.size).sum();
        t!(
            "deploy-done",
            target = target,
            uploaded = report.outcome.uploaded.len(),
            size = bytes(sent),
            kept = plan.kept,
            deleted = report.outcome.deleted.len()
        )
    });
    lines.join("\n")
}

/// The progress bar: bytes sent out of the plan's, and files done.
struct Bar {
    bar: ProgressBar,
    files: AtomicUsize,
    total: AtomicUsize,
}

impl Bar {
    fn new(shown: bool) -> Self {
        let target = match shown {
            true => ProgressDrawTarget::stderr(),
            false => ProgressDrawTarget::hidden(),
        };
        let bar = ProgressBar::with_draw_target(Some(0), target);
        bar.set_style(
            ProgressStyle::with_template(
                "{msg:>16} [{bar:30}] {bytes}/{total_bytes} ({binary_bytes_per_sec}, {eta})",
            )
            .expect("a valid template")
            .progress_chars("=> "),
        );
        Bar {
            bar,
            files: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
        }
    }
}

impl Progress for Bar {
    fn start(&self, files: usize, bytes: u64) {
        self.total.store(files, Ordering::Relaxed);
        self.bar.set_length(bytes);
        self.bar
            .set_message(t!("deploy-progress", done = 0, total = files));
    }

    fn sent(&self, bytes: u64) {
        self.bar.inc(bytes);
    }

    fn done(&self, _path: &str) {
        let done = self.files.fetch_add(1, Ordering::Relaxed) + 1;
        let total = self.total.load(Ordering::Relaxed);
        self.bar
            .set_message(t!("deploy-progress", done = done, total = total));
    }
}
