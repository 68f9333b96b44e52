//! The `carnets` binary: parse the command line, run it, print the report, exit.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = carnets::cli::Cli::parse();
    ExitCode::from(carnets::cmd::run(cli))
}
