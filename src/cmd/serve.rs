//! `carnets serve`: the preview server, until Ctrl-C; returns the exit code.

use crate::cli::ServeArgs;

pub fn run(args: &ServeArgs) -> u8 {
    crate::serve::run(&args.root.root, args.port, !args.no_drafts)
}
