//! The command line, parsed by clap, and its exit codes. The `///` comments document the
//! fields; the help a producer reads comes from the catalogues (`cli-…` ids, see [`command`]),
//! in their language.

use std::path::PathBuf;

use clap::{Arg, Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::t;
use crate::util::i18n;

/// Exit code: success (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code: the content has errors.
pub const EXIT_CONTENT: u8 = 1;
/// Exit code: usage error.
pub const EXIT_USAGE: u8 = 2;

/// What `carnets --version` says after the name: the version and the commit it was built from
/// (`build.rs`; « unknown » from a tarball without git).
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("CARNETS_COMMIT"), ")");

/// Publish a podcast from a folder: tagged MP3s, a podcast RSS feed and an HTML archive.
#[derive(Debug, Parser)]
#[command(name = "carnets", version = VERSION, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors (no warnings, no summary on success).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print how long each stage of a build takes, and its memory.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (public/ by default).
    Build(BuildArgs),
    /// Validate the podcast folder and report every problem; writes nothing.
    Check(RootArg),
    /// Scaffold the next episode folder (a draft dated now, with a fresh GUID).
    New(NewArgs),
    /// Start a new podcast folder that builds at once.
    Init(InitArgs),
    /// Build a preview (drafts included), serve it on 127.0.0.1 and rebuild it on every change.
    Serve(ServeArgs),
    /// Take over an existing show from its feed: every episode, GUID and date.
    Import(ImportArgs),
    /// Build, then publish public/ to s3://, sftp://, webdav:// or file:// (feed last, nothing dangling).
    Deploy(DeployArgs),
    /// Count the episodes' downloads in the host's access logs, by the IAB v2.3 rules.
    Stats(StatsArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The show's current feed: its http(s):// address, or a saved copy of it.
    pub source: String,
    /// The podcast folder to make (absent or empty), or one imported before to bring up to date.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The https:// address where the new site will be served (written as base_url).
    #[arg(long)]
    pub base_url: Option<String>,
    /// How many downloads run at once.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// Import a feed that says podcast:locked yes (your own show).
    #[arg(long)]
    pub force: bool,
    /// Seconds to wait for the old host (to connect, to answer, between two reads).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct DeployArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Where to publish [default: `deploy:` in podcast.yaml]: s3://bucket/prefix,
    /// sftp://user@host[:port]/path, webdav://host/path (webdavs:// for HTTPS), file:///path.
    #[arg(long, value_name = "URL")]
    pub to: Option<String>,
    /// Print the plan (each upload and deletion, and why) and send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Files sent at once.
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// Let the deploy delete more than a fifth of the target's files, or files it finds at a
    /// target that carnets never deployed to.
    #[arg(long)]
    pub allow_deletes: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Access logs, plain or gzip-compressed: several files, or a rotated set in any order
    /// (access.log access.log.1 access.log.2.gz …).
    #[arg(required = true, value_name = "LOG")]
    pub logs: Vec<PathBuf>,
    #[command(flatten)]
    pub root: RootArg,
    /// The logs' format: combined (nginx, Apache), s3 (Amazon S3 server access logs) or
    /// cloudfront (CloudFront standard logs).
    #[arg(long, value_enum, default_value_t)]
    pub format: crate::stats::Format,
    /// Count from this day on (YYYY-MM-DD, in the show's time zone).
    #[arg(long, value_name = "DATE")]
    pub since: Option<jiff::civil::Date>,
    /// Count up to this day, included (YYYY-MM-DD, in the show's time zone).
    #[arg(long, value_name = "DATE")]
    pub until: Option<jiff::civil::Date>,
    /// Also write the figures as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Also write a one-page report in French, with charts, to this HTML file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Port to listen on, on 127.0.0.1 only; 0 picks a free one.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Leave out drafts and future-dated episodes, as `carnets build` does.
    #[arg(long)]
    pub no_drafts: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The episode's title, e.g. "L'IA dans les PME".
    pub title: String,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (absent or empty).
    pub dir: PathBuf,
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

/// Parses the process's arguments, with the help in the producer's language; clap prints the
/// help, the version and usage errors itself and exits.
pub fn parse() -> Cli {
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
}

/// The command line with every `about` and `help` from the catalogue: `cli-<command>-about`,
/// and for each argument `cli-<command>-<arg>` or, when all commands share it, `cli-<arg>`
/// (underscores as dashes). The defaults and possible values clap would print in English are
/// written by the catalogue too, and the headings clap lets a program name.
pub fn command() -> clap::Command {
    let mut command = localise(Cli::command(), "cli");
    for sub in command.get_subcommands_mut() {
        let prefix = format!("cli-{}", sub.get_name());
        *sub = localise(std::mem::take(sub), &prefix);
    }
    command.build();
    // The flags and the `help` command clap adds itself exist once the command is built.
    command = command.mut_subcommand("help", |help| {
        help.about(t!("cli-help-command")).help_template(template())
    });
    with_builtin_flags(command)
}

fn localise(command: clap::Command, prefix: &str) -> clap::Command {
    let about = i18n::message(&format!("{prefix}-about"), &[]);
    let command = command
        .about(about)
        .help_template(template())
        .subcommand_help_heading(t!("cli-commands-heading"));
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    ids.iter().fold(command, |command, id| {
        command.mut_arg(id, |arg| localise_arg(arg, prefix))
    })
}

/// clap's help template, with the usage heading of the catalogue.
fn template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("cli-usage-heading")
    )
}

fn localise_arg(arg: Arg, prefix: &str) -> Arg {
    let name = arg.get_id().as_str().replace('_', "-");
    let own = format!("{prefix}-{name}");
    let id = if i18n::has_message(i18n::lang(), &own) {
        own
    } else {
        format!("cli-{name}")
    };
    let mut help = i18n::message(&id, &[]);
    // As clap writes them: the default, then the possible values; none for a flag (whose
    // default, `false`, is no value a producer types).
    let takes_value = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        help.push(' ');
        help.push_str(&t!("cli-default", value = defaults.join(" ")));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_string())
        .collect();
    if takes_value && !values.is_empty() && !arg.is_hide_possible_values_set() {
        help.push(' ');
        help.push_str(&t!("cli-possible-values", values = values.join(", ")));
    }
    let heading = if arg.is_positional() {
        t!("cli-arguments-heading")
    } else {
        t!("cli-options-heading")
    };
    // Written above: clap would write them in English (it allows hiding them only on an
    // option that takes a value).
    let arg = arg.help(help).help_heading(heading);
    match takes_value {
        true => arg.hide_default_value(true).hide_possible_values(true),
        false => arg,
    }
}

/// `--help` and `--version`, on the command and every subcommand that has them (not the `help`
/// command), in the producer's language.
fn with_builtin_flags(mut command: clap::Command) -> clap::Command {
    let heading = t!("cli-options-heading");
    let has = |command: &clap::Command, id: &str| command.get_arguments().any(|a| a.get_id() == id);
    if has(&command, "help") {
        command = command.mut_arg("help", |arg| {
            arg.help(t!("cli-help-flag")).help_heading(heading.clone())
        });
    }
    if has(&command, "version") {
        command = command.mut_arg("version", |arg| {
            arg.help(t!("cli-version-flag"))
                .help_heading(heading.clone())
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    names.iter().fold(command, |command, name| {
        command.mut_subcommand(name, with_builtin_flags)
    })
}
