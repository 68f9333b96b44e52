//! `carnets serve`: build a preview of the podcast, serve it on 127.0.0.1, rebuild it when
//! a source changes, and reload the pages open in a browser.
//!
//! [`run`] reads top to bottom: listen (on the loopback address only, so nobody else on the
//! network sees the drafts), build once, watch the sources in a thread of their own
//! (`watch.rs`), and serve the preview folder over HTTP (`http.rs`). Every build publishes
//! its outcome to [`Live`]: the pages ask for it through a small script that the server adds
//! to each page it sends (`live.rs`), never to the built files. A build that fails keeps the
//! last good preview on line, with its error on the terminal and on every page.
//!
//! The preview is built with `base_url` set to the local address, drafts included (unless
//! `--no-drafts`), into a folder of the system's temporary directory named after the podcast
//! folder: the build refuses an output inside the podcast's own `.carnets/` cache, and a
//! preview folder elsewhere in the podcast would be one more thing to keep out of git and
//! out of the watcher's way.

mod http;
mod live;
mod watch;

use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

pub use live::{Live, Status};

use crate::BuildOptions;
use crate::cli::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::t;

/// Serves the preview of the podcast at `root` on 127.0.0.1:`port` (0: any free port), with
/// the drafts when `drafts`, until the process is stopped; returns the exit code.
pub fn run(root: &Path, port: u16, drafts: bool) -> u8 {
    let root = match std::path::absolute(root) {
        Ok(root) => root,
        Err(e) => {
            eprintln!("error: {}: {e}", root.display());
            return EXIT_USAGE;
        }
    };
    let listener = match TcpListener::bind((Ipv4Addr::LOCALHOST, port)) {
        Ok(listener) => listener,
        Err(e) => {
            let error = t!("serve-cannot-listen", port = port, error = e.to_string());
            let help = t!("serve-cannot-listen-help");
            eprintln!("error: {error}\nhelp: {help}");
            return EXIT_USAGE;
        }
    };
    let address = match listener.local_addr() {
        Ok(address) => address,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let out = match preview_dir(&root) {
        Ok(out) => out,
        Err(e) => {
            let error = t!("serve-cannot-make-preview", error = e.to_string());
            eprintln!("error: {error}");
            return EXIT_CONTENT;
        }
    };
    let options = BuildOptions {
        root: root.clone(),
        out,
        base_url: Some(format!("http://{address}/")),
        drafts,
        now: jiff::Timestamp::now(),
    };
    let live = Arc::new(Live::new());
    rebuild(&options, &live, false);
    let (shown, at) = (root.display().to_string(), address.to_string());
    let serving = match options.drafts {
        true => t!("serve-serving-drafts", root = shown, address = at),
        false => t!("serve-serving-no-drafts", root = shown, address = at),
    };
    println!("{serving}");
    let watched = match watch::start(options.clone(), Arc::clone(&live)) {
        Ok(watched) => watched,
        Err(e) => {
            let path = root.display().to_string();
            let error = t!("serve-cannot-watch", path = path, error = e.to_string());
            eprintln!("error: {error}");
            return EXIT_CONTENT;
        }
    };
    let served = http::serve(listener, address, &options.out, live);
    drop(watched);
    match served {
        Ok(()) => EXIT_OK,
        Err(e) => {
            let error = t!("serve-server-stopped", error = e.to_string());
            eprintln!("error: {error}");
            EXIT_CONTENT
        }
    }
}

/// Builds the preview and tells the pages: on the terminal, a summary (« built », or « rebuilt »
/// when `again`) or every error.
fn rebuild(options: &BuildOptions, live: &Live, again: bool) {
    let started = Instant::now();
    let options = BuildOptions {
        now: jiff::Timestamp::now(),
        ..options.clone()
    };
    // A bug of carnets that panics must not take the watcher down with it: report it like an
    // error of the sources, and go on watching.
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| crate::build(&options)))
        .unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(crate::util::diag::Diagnostic::error(
                &options.root,
                t!("serve-internal-error", what = what),
            )
            .into())
        });
    match built {
        Ok(report) => {
            for warning in report.warnings.iter() {
                eprintln!("{warning}");
            }
            let (episodes, elapsed) = (report.episodes, elapsed(started));
            let (written, unchanged) = (report.written.written, report.written.unchanged);
            let summary = match again {
                false => t!(
                    "serve-built",
                    episodes = episodes,
                    elapsed = elapsed,
                    written = written,
                    unchanged = unchanged
                ),
                true => t!(
                    "serve-rebuilt",
                    episodes = episodes,
                    elapsed = elapsed,
                    written = written,
                    unchanged = unchanged
                ),
            };
            eprintln!("{summary}");
            live.succeeded(report.written.written > 0);
        }
        Err(mut diagnostics) => {
            diagnostics.sort();
            let text: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            for line in &text {
                eprintln!("{line}");
            }
            let failed = t!("serve-failed", errors = diagnostics.error_count());
            eprintln!("error: {failed}");
            live.failed(text.join("\n"));
        }
    }
}

/// `45 ms`, `2.3 s` (`2,3 s` in French).
fn elapsed(started: Instant) -> String {
    let elapsed = started.elapsed();
    if elapsed.as_millis() < 1000 {
        format!("{} ms", elapsed.as_millis())
    } else {
        format!("{} s", crate::util::i18n::decimal(elapsed.as_secs_f64(), 1))
    }
}

/// `<temp>/carnets-preview-<hash of the podcast folder>/site`: one preview per podcast, kept
/// between runs so a restart rebuilds only what changed. The parent is made private.
fn preview_dir(root: &Path) -> std::io::Result<PathBuf> {
    let canonical = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let hash = blake3::hash(canonical.as_os_str().as_encoded_bytes()).to_hex();
    let parent = std::env::temp_dir().join(format!("carnets-preview-{}", &hash[..16]));
    match std::fs::create_dir(&parent) {
        Ok(()) => {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o700))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            // A folder of the same name that is a link, or somebody else's, is not ours.
            let meta = std::fs::symlink_metadata(&parent)?;
            use std::os::unix::fs::MetadataExt;
            if !meta.is_dir() || meta.uid() != rustix::process::getuid().as_raw() {
                let path = parent.display().to_string();
                return Err(std::io::Error::other(t!(
                    "serve-preview-not-yours",
                    path = path
                )));
            }
        }
        Err(e) => return Err(e),
    }
    Ok(parent.join("site"))
}
