//! `carnets deploy`: build, then put `public/` online at a target (`s3://`, `sftp://`,
//! `webdav://`, `file://`) so that no podcast app ever sees a broken episode.
//!
//! [`run`] reads top to bottom: build (a build with errors deploys nothing), open the target
//! (`store.rs`, through Apache OpenDAL), read what it holds (`remote.rs`: its manifest, or a
//! listing), compare with the output (`local.rs`), plan (`plan.rs`: what to upload, keep and
//! delete, in the only safe order), carry the plan out (`transfer.rs`), then check the live
//! show as Apple's crawler would (`live.rs`) and tell the directories (`notify.rs`).

mod errors;
mod headers;
mod live;
mod local;
mod notify;
pub mod plan;
pub mod remote;
mod sftp;
mod store;
mod transfer;

use std::path::PathBuf;
use std::sync::Arc;

use tokio::signal::unix::{SignalKind, signal};

pub use crate::model::Target;
pub use plan::Plan;
pub use remote::Source;
pub use transfer::{Outcome, Progress};

use crate::output::SourceCache;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::{BuildOptions, CACHE_DIR, t};

/// What to deploy, once the command line is read.
pub struct Options {
    pub root: PathBuf,
    /// `--to`, which wins over `deploy:` in `podcast.yaml`.
    pub to: Option<String>,
    pub dry_run: bool,
    pub jobs: usize,
    pub allow_deletes: bool,
    pub now: jiff::Timestamp,
}

/// What a deploy did (or, with `--dry-run`, would do).
pub struct Report {
    pub target: Target,
    /// Where the picture of the target came from.
    pub source: Source,
    pub plan: Plan,
    /// Empty for a dry run.
    pub outcome: Outcome,
    /// The build's, the live check's, the notifications'.
    pub warnings: Diagnostics,
}

/// Why a deploy stopped, and what it did before.
pub struct Failed {
    pub errors: Diagnostics,
    /// The plan, when one was made.
    pub plan: Option<Box<Plan>>,
    pub outcome: Outcome,
    /// Ctrl-C (or SIGTERM) stopped it.
    pub interrupted: bool,
}

impl From<Diagnostics> for Failed {
    fn from(errors: Diagnostics) -> Self {
        Failed {
            errors,
            plan: None,
            outcome: Outcome::default(),
            interrupted: false,
        }
    }
}

impl From<Diagnostic> for Failed {
    fn from(error: Diagnostic) -> Self {
        Diagnostics::from(error).into()
    }
}

/// Builds the podcast of `options.root` into its `public/`, then deploys it.
pub fn run(options: &Options, progress: Arc<dyn Progress>) -> Result<Report, Failed> {
    let out = options.root.join("public");
    let built = crate::build(&BuildOptions {
        root: options.root.clone(),
        out: out.clone(),
        base_url: None,
        drafts: false,
        now: options.now,
    })?;
    let (show, _) = crate::show::config::load(&options.root, None)?;
    let target = match (&options.to, &show.deploy) {
        (Some(url), _) => Target::parse(url)
            .map_err(|e| Diagnostic::error("--to", e).help(t!("deploy-to-help")))?,
        (None, Some(target)) => target.clone(),
        (None, None) => {
            return Err(Diagnostic::error(
                options.root.join("podcast.yaml"),
                t!("deploy-no-target"),
            )
            .help(t!("deploy-no-target-help"))
            .into());
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            Diagnostic::error(
                target.to_string(),
                t!("deploy-cannot-start", error = e.to_string()),
            )
        })?;
    let mut report = runtime.block_on(publish(options, &out, &target, &show, progress))?;
    let mut warnings = built.warnings;
    warnings.extend(report.warnings);
    report.warnings = warnings;
    Ok(report)
}

/// Everything after the build.
async fn publish(
    options: &Options,
    out: &std::path::Path,
    target: &Target,
    show: &crate::model::Show,
    progress: Arc<dyn Progress>,
) -> Result<Report, Failed> {
    let mut trace = crate::util::trace::Trace::new();
    let at = |e: String| Failed::from(Diagnostic::error(target.to_string(), e));
    // Registered now, so that a Ctrl-C from here on stops the deploy cleanly.
    let (mut interrupt, mut terminate) = signal(SignalKind::interrupt())
        .and_then(|i| Ok((i, signal(SignalKind::terminate())?)))
        .map_err(|e| at(t!("deploy-cannot-watch", error = e.to_string())))?;
    let mut stop = Box::pin(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    });
    let client = store::client().map_err(at)?;
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let (op, abilities) = store::open(target, &client, &env).map_err(at)?;
    // An SFTP host's connection for the uploads opens while the manifest is read.
    let connect = async {
        match target {
            Target::Sftp {
                user,
                host,
                port,
                path,
            } => Some(
                sftp::Host::connect(&store::sftp_endpoint(host, *port), user.as_deref(), path)
                    .await,
            ),
            _ => None,
        }
    };
    let (remote, host) = tokio::select! {
        both = async { tokio::join!(remote::read(&op), connect) } => both,
        () = &mut stop => return Err(interrupted(None, Outcome::default())),
    };
    let remote_error =
        |e| Failed::from(errors::describe(target, None, &transfer::Fault::Remote(e)));
    let remote = remote.map_err(remote_error)?;
    let host = host.transpose().map_err(remote_error)?;
    trace.stage("remote");
    let cache = SourceCache::open(&options.root.join(CACHE_DIR));
    let io_error = |e: std::io::Error| {
        Failed::from(
            Diagnostic::error(out, t!("deploy-output-unreadable", error = e.to_string()))
                .help(t!("deploy-output-unreadable-help")),
        )
    };
    let (mut files, hashes) = local::read(out, &cache).map_err(io_error)?;
    local::hash_missing(out, &mut files, |f| plan::needs_hash(f, &remote)).map_err(io_error)?;
    let plan = plan::make(&files, &remote, options.allow_deletes);
    trace.stage("plan");
    if options.dry_run {
        hashes.save(&files);
        return Ok(Report {
            target: target.clone(),
            source: remote.source,
            plan,
            outcome: Outcome::default(),
            warnings: Diagnostics::default(),
        });
    }
    if plan.deletes_too_much() && !options.allow_deletes {
        let error = Diagnostic::error(
            target.to_string(),
            t!(
                "deploy-too-many-deletes",
                deletes = plan.deletions(),
                files = plan.remote_files,
                share = plan::DELETE_SHARE
            ),
        )
        .help(t!("deploy-too-many-deletes-help"));
        return Err(Failed {
            plan: Some(Box::new(plan)),
            ..Failed::from(error)
        });
    }
    // What a listing found and the output does not have is somebody else's: the manifest,
    // which lists what deploys put there, leaves it out.
    let mut manifest = remote.manifest;
    for path in &plan.left {
        manifest.files.remove(path);
    }
    let transfer = transfer::Transfer::new(
        op,
        host,
        abilities,
        out.to_path_buf(),
        manifest,
        options.jobs,
        progress,
    );
    let (outcome, result) = transfer.run(&plan, &mut stop).await;
    trace.stage("transfer");
    for (path, entry) in &outcome.uploaded {
        if let Some(file) = files.iter_mut().find(|f| f.path == *path) {
            file.hash.clone_from(&entry.hash);
        }
    }
    hashes.save(&files);
    match result {
        Ok(()) => {}
        Err(transfer::Stop::Interrupted) => return Err(interrupted(Some(Box::new(plan)), outcome)),
        Err(transfer::Stop::Failed { path, fault }) => {
            return Err(Failed {
                errors: errors::describe(target, path.as_deref(), &fault).into(),
                plan: Some(Box::new(plan)),
                outcome,
                interrupted: false,
            });
        }
    }
    let feed_url = format!("{}feed.xml", show.base_url);
    let feed = std::fs::read(out.join("feed.xml")).map_err(io_error)?;
    let changed: Vec<&str> = outcome
        .uploaded
        .iter()
        .map(|(path, _)| path.as_str())
        .filter(|p| p.ends_with(".mp3"))
        .collect();
    let feed_sent = outcome.uploaded.iter().any(|(p, _)| p == "feed.xml");
    let after = async {
        let mut found = live::check(&client, &feed_url, &feed, &changed).await;
        if feed_sent {
            found.extend(
                notify::notify(&client, &feed_url, &show.websub, show.pubnotify.as_deref()).await,
            );
        }
        found
    };
    let mut warnings = Diagnostics::default();
    tokio::select! {
        found = after => warnings.extend(found),
        () = &mut stop => {}
    }
    trace.stage("live");
    Ok(Report {
        target: target.clone(),
        source: remote.source,
        plan,
        outcome,
        warnings,
    })
}

fn interrupted(plan: Option<Box<Plan>>, outcome: Outcome) -> Failed {
    Failed {
        errors: Diagnostics::default(),
        plan,
        outcome,
        interrupted: true,
    }
}
