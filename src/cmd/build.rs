//! `carnets build`: the podcast into its output folder.

use super::Outcome;
use crate::BuildOptions;
use crate::cli::BuildArgs;

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
    let mut summary = format!(
        "built {} episode(s) into {}: {} file(s) written, {} unchanged",
        report.episodes,
        options.out.display(),
        report.written.written,
        report.written.unchanged
    );
    if let Some(encoded) = report.encoded {
        summary += &format!(
            "; {} file(s) encoded, {} retagged",
            encoded.made, encoded.remade
        );
    }
    Ok((report.warnings, summary))
}
