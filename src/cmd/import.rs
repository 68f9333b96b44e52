//! `carnets import`: runs the import and reports it — every finding with its place in the old
//! feed, a summary, and the next steps of the move.

use std::path::Path;
use std::time::Duration;

use crate::cli::ImportArgs;
use crate::cli::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::import::{self, Failure, Report};
use crate::show::validate;
use crate::util::diag::Diagnostic;

/// Runs `carnets import` and returns its exit code: 0 all imported, 1 some episodes (or the
/// whole show) could not be, 2 a usage error.
pub fn run(args: &ImportArgs, quiet: bool) -> u8 {
    if let Some(url) = &args.base_url
        && let Err(e) = validate::url(url, true)
    {
        let usage = Diagnostic::error("--base-url", e)
            .help("give the https:// address where the new site will be served");
        eprintln!("{}", usage.render());
        return EXIT_USAGE;
    }
    let options = import::Options {
        source: args.source.clone(),
        root: args.root.clone(),
        base_url: args.base_url.as_ref().map(|u| {
            if u.ends_with('/') {
                u.clone()
            } else {
                format!("{u}/")
            }
        }),
        jobs: usize::from(args.jobs),
        force: args.force,
        timeout: Duration::from_secs(args.timeout),
    };
    match import::run(&options) {
        Err(Failure::Usage(diagnostic)) => {
            eprintln!("{}", diagnostic.render());
            EXIT_USAGE
        }
        Err(Failure::Content(mut diagnostics)) => {
            diagnostics.sort();
            for diagnostic in diagnostics.iter().filter(|d| !quiet || d.is_error()) {
                eprintln!("{}", diagnostic.render());
            }
            eprintln!(
                "error: nothing more was imported; run the same command again once this is fixed"
            );
            EXIT_CONTENT
        }
        Ok(mut report) => {
            report.findings.sort();
            for diagnostic in report.findings.iter().filter(|d| !quiet || d.is_error()) {
                eprintln!("{}", diagnostic.render());
            }
            if !quiet {
                eprintln!("{}", summary(&report, &options.root));
                eprintln!("{}", next_steps(&report, &options));
            }
            if report.failed > 0 {
                EXIT_CONTENT
            } else {
                EXIT_OK
            }
        }
    }
}

fn summary(report: &Report, root: &Path) -> String {
    let mut text = format!(
        "imported {} episode(s) into {}",
        report.imported,
        root.display()
    );
    if report.already > 0 {
        text.push_str(&format!(" ({} already there)", report.already));
    }
    if report.failed > 0 {
        text.push_str(&format!("; {} could not be imported (see the errors above): fix them, then run the same command again, which imports only what is missing", report.failed));
    }
    text
}

/// What to do next, in order: the move of the README's "Move an existing show to carnets".
fn next_steps(report: &Report, options: &import::Options) -> String {
    let root = options.root.display();
    let feed = match &options.base_url {
        Some(url) => format!("{url}feed.xml"),
        None => "the new feed.xml".into(),
    };
    let mut steps = Vec::new();
    if report.base_url_missing {
        steps.push(format!(
            "write the https:// address of the new site as `base_url:` in {root}/podcast.yaml"
        ));
    }
    steps.push(format!(
        "check the podcast: `carnets check --root {root}` (and read the warnings above)"
    ));
    steps.push(format!("build it, `carnets build --root {root}`, and put {root}/public online; commit {root}/carnets.lock"));
    steps.push(format!("at the old host, redirect the old feed ({}) to {feed} with a permanent redirect (HTTP 301), and set its itunes:new-feed-url to {feed} if it offers it; keep the redirect for a year at least", options.source));
    steps.push("tell Apple Podcasts Connect and the Podcast Index the new address (both follow the redirect, and keep the show and its episodes by their GUIDs)".into());
    let mut text = String::from("next steps (the README's \"Move an existing show to carnets\"):");
    for (i, step) in steps.iter().enumerate() {
        text.push_str(&format!("\n  {}. {step}", i + 1));
    }
    text
}
