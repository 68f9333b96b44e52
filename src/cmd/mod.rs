//! The commands, one thin file each: it takes what clap parsed, calls the library and says
//! what happened. [`run`] only dispatches; [`report`] prints a command's outcome the same way
//! for all of them (warnings, then a summary; or every problem, then the count).

mod build;
mod check;
mod deploy;
mod import;
mod init;
mod new;
mod serve;
mod stats;

use crate::cli::{Cli, Command, EXIT_CONTENT, EXIT_OK};
use crate::t;
use crate::util::diag::Diagnostics;

/// What a command returns: its warnings and a summary, or every problem it found.
pub type Outcome = Result<(Diagnostics, String), Diagnostics>;

/// Runs a parsed command line, prints its report on stderr and returns the exit code.
pub fn run(cli: Cli) -> u8 {
    if cli.verbose {
        crate::util::trace::enable();
    }
    let now = jiff::Timestamp::now();
    let outcome = match cli.command {
        Command::Build(args) => build::run(args, now),
        Command::Check(args) => check::run(&args.root, now),
        Command::New(args) => new::run(&args, now),
        Command::Init(args) => init::run(&args, now),
        Command::Serve(args) => return serve::run(&args),
        Command::Import(args) => return import::run(&args, cli.quiet),
        Command::Deploy(args) => return deploy::run(&args, cli.quiet, now),
        Command::Stats(args) => return stats::run(&args, cli.quiet, now),
    };
    report(outcome, cli.quiet)
}

/// Prints `outcome` (only the errors when `quiet`) and returns the exit code.
fn report(outcome: Outcome, quiet: bool) -> u8 {
    match outcome {
        Ok((mut warnings, summary)) => {
            if !quiet {
                warnings.sort();
                for warning in warnings.iter() {
                    eprintln!("{}", warning.render());
                }
                eprintln!("{summary}");
            }
            EXIT_OK
        }
        Err(mut diagnostics) => {
            diagnostics.sort();
            for diagnostic in diagnostics.iter().filter(|d| !quiet || d.is_error()) {
                eprintln!("{}", diagnostic.render());
            }
            let failed = t!(
                "cmd-failed",
                errors = diagnostics.error_count(),
                warnings = diagnostics.warning_count()
            );
            eprintln!("error: {failed}");
            EXIT_CONTENT
        }
    }
}
