//! The command line, parsed by clap; `///` comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Publish a podcast from a folder: tagged MP3s, a podcast RSS feed and an HTML archive.
#[derive(Debug, Parser)]
#[command(name = "carnets", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (public/ by default).
    Build(BuildArgs),
    /// Validate the podcast folder and report every problem; writes nothing.
    Check(RootArg),
}

#[derive(Debug, Args)]
pub struct RootArg {
    /// The podcast folder (the one holding podcast.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Output folder [default: <root>/public].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Publish under this URL instead of podcast.yaml's base_url.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Also publish drafts and future-dated episodes.
    #[arg(long)]
    pub drafts: bool,
}
