//! `carnets import`: runs the import and reports it — every finding with its place in the old
//! feed, a summary, and the next steps of the move.

use std::path::Path;
use std::time::Duration;

use crate::cli::ImportArgs;
use crate::cli::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::import::{self, Failure, Report};
use crate::show::validate;
use crate::t;
use crate::util::diag::Diagnostic;

/// Runs `carnets import` and returns its exit code: 0 all imported, 1 some episodes (or the
/// whole show) could not be, 2 a usage error.
pub fn run(args: &ImportArgs, quiet: bool) -> u8 {
    if let Some(url) = &args.base_url
        && let Err(e) = validate::url(url, true)
    {
        let usage = Diagnostic::error("--base-url", e).help(t!("import-base-url-help"));
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
            eprintln!("error: {}", t!("import-nothing-more"));
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
    t!(
        "import-summary",
        imported = report.imported,
        root = root.display().to_string(),
        already = report.already,
        failed = report.failed
    )
}

/// What to do next, in order: the move of the README's "Move an existing show to carnets".
fn next_steps(report: &Report, options: &import::Options) -> String {
    let root = options.root.display().to_string();
    let old = options.source.as_str();
    let mut steps = Vec::new();
    if report.base_url_missing {
        steps.push(t!("import-step-base-url", root = root.as_str()));
    }
    steps.push(t!("import-step-check", root = root.as_str()));
    steps.push(t!("import-step-build", root = root.as_str()));
    steps.push(match &options.base_url {
        Some(url) => t!(
            "import-step-redirect",
            old = old,
            feed = format!("{url}feed.xml")
        ),
        None => t!("import-step-redirect-new-feed", old = old),
    });
    steps.push(t!("import-step-tell"));
    let mut text = t!("import-next-steps");
    for (i, step) in steps.iter().enumerate() {
        text.push_str(&format!("\n  {}. {step}", i + 1));
    }
    text
}
