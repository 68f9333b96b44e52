//! `carnets stats`: the episodes' downloads, counted by the IAB Podcast Measurement Technical
//! Guidelines v2.3 from the host's own access logs.
//!
//! The pipeline: the published episodes ([`catalog`]: paths and byte thresholds, from the
//! build's loading and tagging stages) → the logs, in order ([`input`]) → blocks of lines
//! scanned in parallel into hits ([`scan`], with [`formats`], [`fields`], [`clock`] and
//! [`agents`]) → the hits counted in order ([`count`], with [`windows`]) → the figures
//! ([`report`]) → the terminal (`cmd::stats`), JSON and a French HTML page ([`html`]).

pub mod agents;
pub mod catalog;
mod clock;
pub mod count;
mod fields;
pub mod formats;
pub mod html;
pub mod input;
pub mod report;
pub mod scan;
mod svg;
mod windows;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::{Episode, Show};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use catalog::Catalog;
use count::Counter;
pub use formats::Format;
use report::Report;
use scan::{Counts, Period, Scanned, Scanner};

/// What to count.
#[derive(Clone, Debug)]
pub struct Options {
    pub logs: Vec<PathBuf>,
    pub format: Format,
    /// The first day to count, in the show's time zone.
    pub since: Option<jiff::civil::Date>,
    /// The last day to count, in the show's time zone.
    pub until: Option<jiff::civil::Date>,
}

/// Counts the downloads of `episodes` (as published: `published_size` set) in the logs.
/// Returns the figures and the warnings (lines that do not parse); fails when a log cannot
/// be read, or when no line of the logs parses.
pub fn run(
    show: &Show,
    episodes: &[Episode],
    options: &Options,
) -> Result<(Report, Diagnostics), Diagnostics> {
    let catalog = Catalog::new(episodes);
    let period = period(&show.timezone, options);
    let logs = input::order(&options.logs, options.format)?;
    let scanner = Scanner {
        catalog: &catalog,
        period,
    };
    // The count is shared out by address: all the listeners of an address (and its noisy-IP
    // window) are in one share, so the shares count apart, in parallel, and add up.
    let mut shares: Vec<Counter> = (0..rayon::current_num_threads())
        .map(|_| Counter::new(&catalog, show.timezone.clone()))
        .collect();
    let mut seen = Seen::default();
    for log in &logs {
        count_log(log, &scanner, &mut shares, &mut seen)
            .map_err(|e| Diagnostics::from(input::unreadable(&log.path, &e)))?;
    }
    let tally = shares
        .into_par_iter()
        .map(Counter::finish)
        .reduce_with(count::Tally::merged)
        .unwrap_or_default();
    if seen.counts.parsed == 0 {
        return Err(Diagnostics::from(nothing_parses(options, &seen)));
    }
    let mut warnings = Diagnostics::default();
    warnings.extend(seen.shown);
    warnings.extend(seen.summaries);
    let report = Report::new(show, &catalog, &tally, &seen.counts, options, &logs);
    Ok((report, warnings))
}

/// The range of instants `--since` and `--until` ask for.
fn period(tz: &jiff::tz::TimeZone, options: &Options) -> Period {
    let start = |date: jiff::civil::Date| {
        date.to_zoned(tz.clone())
            .map_or(i64::MIN, |z| z.timestamp().as_second())
    };
    Period {
        from: options.since.map_or(i64::MIN, start),
        to: options
            .until
            .and_then(|d| d.tomorrow().ok())
            .map_or(i64::MAX, start),
    }
}

/// What the scan saw of every log.
#[derive(Default)]
struct Seen {
    counts: Counts,
    /// The first lines that do not parse, as warnings.
    shown: Vec<Diagnostic>,
    /// How many lines of a log do not parse, when more than were shown.
    summaries: Vec<Diagnostic>,
}

/// Blocks read, then scanned, then counted, at once: while the blocks of one batch are
/// scanned in parallel, the next batch is read and the hits of the last one are counted, by
/// every share in parallel.
fn count_log(
    log: &input::Log,
    scanner: &Scanner,
    shares: &mut [Counter],
    seen: &mut Seen,
) -> std::io::Result<()> {
    let batch = 2 * rayon::current_num_threads();
    let mut blocks = input::Blocks::open(&log.path)?;
    let mut next = blocks.next_blocks(batch)?;
    let mut scanned: Vec<Scanned> = Vec::new();
    let mut line = 0u64;
    let (mut unparsed_here, mut shown_here) = (0, 0);
    while !next.is_empty() || !scanned.is_empty() {
        let current = std::mem::take(&mut next);
        let ((read, fresh), ()) = rayon::join(
            || {
                rayon::join(
                    || blocks.next_blocks(batch),
                    || {
                        current
                            .par_iter()
                            .map(|block| scanner.scan(&log.parser, block))
                            .collect::<Vec<_>>()
                    },
                )
            },
            || {
                let n = shares.len() as u64;
                shares.par_iter_mut().enumerate().for_each(|(i, share)| {
                    let hits = scanned.iter().flat_map(|s| &s.hits);
                    share.add_all(hits.filter(|hit| hit.address % n == i as u64));
                });
                for s in scanned.drain(..) {
                    seen.counts += s.counts;
                }
            },
        );
        next = read?;
        blocks.recycle(current);
        for s in fresh {
            for (index, text) in &s.unparsed {
                if seen.shown.len() < scan::SHOWN {
                    let format = log.parser.format();
                    seen.shown
                        .push(unparsed(&log.path, line + index + 1, text, format));
                    shown_here += 1;
                }
            }
            unparsed_here += s.counts.unparsed;
            line += s.lines;
            scanned.push(s);
        }
    }
    if unparsed_here > shown_here {
        let message = t!(
            "stats-unparsed-lines",
            lines = unparsed_here,
            format = log.parser.format().name()
        );
        seen.summaries.push(Diagnostic::warning(&log.path, message));
    }
    Ok(())
}

/// Longest part of an unparsed line that a warning shows.
const SHOWN_BYTES: usize = 200;

fn unparsed(path: &Path, line: u64, text: &[u8], format: Format) -> Diagnostic {
    let mut text = String::from_utf8_lossy(&text[..text.len().min(SHOWN_BYTES)]).into_owned();
    text.retain(|c| !c.is_control());
    Diagnostic::warning(
        path,
        t!("stats-unparsed-line", format = format.name(), line = text),
    )
    .at(line, 0)
    .help(t!("stats-unparsed-line-help"))
}

/// The error when no line parses, saying which format the lines look like, if any.
fn nothing_parses(options: &Options, seen: &Seen) -> Diagnostic {
    let path = options.logs.first().cloned().unwrap_or_default();
    if seen.counts.lines == 0 {
        return Diagnostic::error(path, t!("stats-no-line")).help(t!("stats-no-line-help"));
    }
    let looks_like = Format::ALL.into_iter().find(|format| {
        options.logs.iter().any(|log| {
            let head = input::head(log).unwrap_or_default();
            let parser = formats::LineParser::for_file(*format, &head);
            let mut clock = clock::Clock::default();
            head.split(|&b| b == b'\n')
                .any(|line| parser.parse(line, &mut clock).is_some())
        })
    });
    let help = match looks_like {
        Some(format) => t!("stats-looks-like-help", format = format.name()),
        None => t!("stats-no-format-help"),
    };
    Diagnostic::error(
        path,
        t!("stats-no-parsed-line", format = options.format.name()),
    )
    .help(help)
}
