//! The `carnets` binary: parse the command line, run it, print the report, exit.

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // The help comes from the catalogues, in the producer's language (`cli::command`).
    let cli = carnets::cli::parse();
    ExitCode::from(carnets::cmd::run(cli))
}
