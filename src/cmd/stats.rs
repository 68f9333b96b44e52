//! `carnets stats LOG… [--root DIR] [--format F] [--since D] [--until D] [--json F] [--html F]`:
//! loads the podcast as a build would (to know each published MP3's path and threshold),
//! counts the logs ([`crate::stats`]), prints the tables on stdout (per episode, per app, per
//! day, and what was left out), writes the JSON and HTML reports when asked, and the
//! warnings on stderr.

use std::fmt::Write;

use crate::cli::StatsArgs;
use crate::cli::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::stats::{self, agents::Agents, report::Report};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::i18n;

/// Runs the command; returns the exit code.
pub fn run(args: &StatsArgs, quiet: bool, now: jiff::Timestamp) -> u8 {
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since > until
    {
        let (since, until) = (since.to_string(), until.to_string());
        eprintln!(
            "error: {}\n  help: {}",
            t!("stats-since-after-until", since = since, until = until),
            t!("stats-since-after-until-help")
        );
        return EXIT_USAGE;
    }
    let (show, episodes, _warnings) = match crate::published(&args.root.root, now) {
        Ok(loaded) => loaded,
        Err(diagnostics) => return fail(diagnostics, true),
    };
    if episodes.is_empty() {
        let error = Diagnostic::error(&args.root.root, t!("stats-no-episode"))
            .help(t!("stats-no-episode-help"));
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
                let error =
                    Diagnostic::error(path, t!("stats-cannot-write", error = e.to_string()))
                        .help(t!("stats-cannot-write-help"));
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
        let (downloads, lines, logs) = (report.downloads, report.requests.lines, report.logs.len());
        let summary = match written.as_slice() {
            [] => t!(
                "stats-summary",
                downloads = downloads,
                lines = lines,
                logs = logs
            ),
            [file] => t!(
                "stats-summary-wrote",
                downloads = downloads,
                lines = lines,
                logs = logs,
                file = file.as_str()
            ),
            [first, second, ..] => t!(
                "stats-summary-wrote-two",
                downloads = downloads,
                lines = lines,
                logs = logs,
                first = first.as_str(),
                second = second.as_str()
            ),
        };
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
        "error: {}",
        t!("stats-failed", errors = diagnostics.error_count())
    );
    EXIT_CONTENT
}

/// Longest title shown in the episode table.
const TITLE_WIDTH: usize = 44;

/// The terminal's tables. A column is as wide as its English heading was, or as its heading in
/// the producer's language when that is longer.
pub fn tables(report: &Report) -> String {
    let mut out = String::new();
    let header = match (&report.period.from, &report.period.to) {
        (Some(from), Some(to)) => t!(
            "stats-header",
            show = report.show.as_str(),
            downloads = report.downloads,
            from = from.as_str(),
            to = to.as_str(),
            zone = report.time_zone.as_str()
        ),
        _ => t!(
            "stats-header-no-day",
            show = report.show.as_str(),
            downloads = report.downloads,
            zone = report.time_zone.as_str()
        ),
    };
    let _ = writeln!(out, "{header}\n");
    let heading = |text: String, width: usize| {
        let width = width.max(text.chars().count());
        (text, width)
    };
    let (episode, w_episode) = heading(t!("stats-column-episode"), TITLE_WIDTH);
    let (published, w_published) = heading(t!("stats-column-published"), 10);
    let (downloads, w_downloads) = heading(t!("stats-column-downloads"), 9);
    let (week, w_week) = heading(t!("stats-column-7-days"), 7);
    let (month, w_month) = heading(t!("stats-column-30-days"), 7);
    let _ = writeln!(
        out,
        "{episode:<w_episode$}  {published:<w_published$}  {downloads:>w_downloads$}  {week:>w_week$}  {month:>w_month$}"
    );
    for e in &report.episodes {
        let _ = writeln!(
            out,
            "{}  {:<w_published$}  {:>w_downloads$}  {:>w_week$}  {:>w_month$}",
            padded(&e.title, w_episode),
            e.date,
            e.downloads,
            e.first_7_days,
            e.first_30_days
        );
    }
    let (app, w_app) = heading(t!("stats-column-app"), 32);
    let shares: Vec<String> = report
        .apps
        .iter()
        .map(|app| {
            let share = 100.0 * app.downloads as f64 / report.downloads.max(1) as f64;
            t!("stats-share", share = i18n::decimal(share, 1))
        })
        .collect();
    let widest = shares.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let (share, w_share) = heading(t!("stats-column-share"), widest.max(6));
    let _ = writeln!(
        out,
        "\n{app:<w_app$}  {downloads:>w_downloads$}  {share:>w_share$}"
    );
    for (app, share) in report.apps.iter().zip(&shares) {
        let name = match app.name.as_str() {
            Agents::UNKNOWN => t!("stats-app-unknown"),
            name => name.to_string(),
        };
        let _ = writeln!(
            out,
            "{}  {:>w_downloads$}  {share:>w_share$}",
            padded(&name, w_app),
            app.downloads
        );
    }
    let (day, w_day) = heading(t!("stats-column-day"), 10);
    let _ = writeln!(out, "\n{day:<w_day$}  {downloads:>w_downloads$}");
    for day in &report.days {
        let _ = writeln!(out, "{:<w_day$}  {:>w_downloads$}", day.date, day.downloads);
    }
    let x = &report.excluded;
    let _ = writeln!(
        out,
        "\n{}",
        t!(
            "stats-left-out",
            bots = x.bots,
            watch = x.watch_duplicates,
            under = x.under_threshold,
            head = x.head,
            cached = x.not_modified,
            errors = x.errors,
            probes = x.probes,
            unparsed = x.unparsed_lines
        )
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
