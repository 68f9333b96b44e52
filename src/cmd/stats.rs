//! `carnets stats LOG… [--root DIR] [--format F] [--since D] [--until D] [--json F] [--html F]`:
//! loads the podcast as a build would (to know each published MP3's path and threshold),
//! counts the logs ([`crate::stats`]), prints the tables on stdout (per episode, per app, per
//! day, and what was left out), writes the JSON and HTML reports when asked, and the
//! warnings on stderr.

use std::fmt::Write;

use crate::cli::StatsArgs;
use crate::cli::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::stats::{self, report::Report};
use crate::util::diag::{Diagnostic, Diagnostics};

/// Runs the command; returns the exit code.
pub fn run(args: &StatsArgs, quiet: bool, now: jiff::Timestamp) -> u8 {
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since > until
    {
        eprintln!(
            "error: --since {since} is after --until {until}, so no day is left to count\n  help: give --since a day before --until"
        );
        return EXIT_USAGE;
    }
    let (show, episodes, _warnings) = match crate::published(&args.root.root, now) {
        Ok(loaded) => loaded,
        Err(diagnostics) => return fail(diagnostics, true),
    };
    if episodes.is_empty() {
        let error = Diagnostic::error(
            &args.root.root,
            "the podcast has no published episode, so no download to count",
        )
        .help("run `carnets stats` in the podcast folder, or give it with --root");
        return fail(Diagnostics::from(error), false);
    }
    let options = stats::Options {
        logs: args.logs.clone(),
        format: args.format,
        since: args.since,
        until: args.until,
    };
    let (report, warnings) = match stats::run(&show, &episodes, &options) {
        Ok(counted) => counted,
        Err(diagnostics) => return fail(diagnostics, false),
    };
    let mut written = Vec::new();
    for (path, content) in [
        (&args.json, args.json.as_ref().map(|_| report.to_json())),
        (
            &args.html,
            args.html.as_ref().map(|_| stats::html::render(&report)),
        ),
    ] {
        if let (Some(path), Some(content)) = (path, content) {
            if let Err(e) = crate::output::write_if_changed(path, content.as_bytes()) {
                let error = Diagnostic::error(path, format!("cannot write the report: {e}"))
                    .help("check that the folder exists and that you may write to it");
                return fail(Diagnostics::from(error), false);
            }
            written.push(path.display().to_string());
        }
    }
    if !quiet {
        for warning in warnings.iter() {
            // Not `render()`: it would read a log of gigabytes again to quote one line.
            eprintln!("{warning}");
        }
        print!("{}", tables(&report));
        let mut summary = format!(
            "counted {} download(s) in {} line(s) of {} log(s)",
            report.downloads,
            report.requests.lines,
            report.logs.len()
        );
        if !written.is_empty() {
            let _ = write!(summary, "; wrote {}", written.join(" and "));
        }
        eprintln!("{summary}");
    }
    EXIT_OK
}

/// Prints the diagnostics of a failed run (with the offending line of a podcast file when
/// `snippets`) and returns the exit code.
fn fail(mut diagnostics: Diagnostics, snippets: bool) -> u8 {
    diagnostics.sort();
    for d in diagnostics.iter() {
        match snippets {
            true => eprintln!("{}", d.render()),
            false => eprintln!("{d}"),
        }
    }
    eprintln!(
        "error: {} error(s); nothing was counted",
        diagnostics.error_count()
    );
    EXIT_CONTENT
}

/// Longest title shown in the episode table.
const TITLE_WIDTH: usize = 44;

/// The terminal's tables.
pub fn tables(report: &Report) -> String {
    let mut out = String::new();
    let period = match (&report.period.from, &report.period.to) {
        (Some(from), Some(to)) => format!("{from} to {to}"),
        _ => "no day".into(),
    };
    let _ = writeln!(
        out,
        "{}: {} download(s), {period} ({}); IAB v2.3 rules, rolling 24-hour window\n",
        report.show, report.downloads, report.time_zone
    );
    let _ = writeln!(
        out,
        "{:<TITLE_WIDTH$}  {:<10}  {:>9}  {:>7}  {:>7}",
        "Episode", "Published", "Downloads", "7 days", "30 days"
    );
    for e in &report.episodes {
        let _ = writeln!(
            out,
            "{}  {:<10}  {:>9}  {:>7}  {:>7}",
            padded(&e.title, TITLE_WIDTH),
            e.date,
            e.downloads,
            e.first_7_days,
            e.first_30_days
        );
    }
    let _ = writeln!(out, "\n{:<32}  {:>9}  {:>6}", "App", "Downloads", "Share");
    for app in &report.apps {
        let share = 100.0 * app.downloads as f64 / report.downloads.max(1) as f64;
        let _ = writeln!(
            out,
            "{}  {:>9}  {share:>5.1}%",
            padded(&app.name, 32),
            app.downloads
        );
    }
    let _ = writeln!(out, "\n{:<10}  {:>9}", "Day", "Downloads");
    for day in &report.days {
        let _ = writeln!(out, "{:<10}  {:>9}", day.date, day.downloads);
    }
    let x = &report.excluded;
    let _ = writeln!(
        out,
        "\nLeft out: {} bot download(s), {} Apple Watch duplicate(s), {} listener window(s) under the threshold, {} HEAD, {} not modified (304), {} error(s) (4xx, 5xx), {} bytes=0-1 probe(s), {} unparsed line(s)",
        x.bots,
        x.watch_duplicates,
        x.under_threshold,
        x.head,
        x.not_modified,
        x.errors,
        x.probes,
        x.unparsed_lines
    );
    out
}

/// `text` cut or padded to `width` characters.
fn padded(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count > width {
        let cut: String = text.chars().take(width - 1).collect();
        format!("{cut}…")
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}
