//! `carnets build`: the podcast into its output folder.

use super::Outcome;
use crate::BuildOptions;
use crate::cli::BuildArgs;
use crate::t;

pub fn run(args: BuildArgs, now: jiff::Timestamp) -> Outcome {
    let root = args.root.root;
    let options = BuildOptions {
        out: args.out.unwrap_or_else(|| root.join("public")),
        root,
        base_url: args.base_url,
        drafts: args.drafts,
        now,
    };
    let report = crate::build(&options)?;
    let (episodes, out) = (report.episodes, options.out.display().to_string());
    let (written, unchanged) = (report.written.written, report.written.unchanged);
    let summary = match report.encoded {
        None => t!(
            "cmd-build-summary",
            episodes = episodes,
            out = out,
            written = written,
            unchanged = unchanged
        ),
        Some(encoded) => t!(
            "cmd-build-summary-encoded",
            episodes = episodes,
            out = out,
            written = written,
            unchanged = unchanged,
            made = encoded.made,
            remade = encoded.remade
        ),
    };
    Ok((report.warnings, summary))
}
