//! Reading the podcast folder: `podcast.yaml`, the episode folders and their front matter,
//! `carnets.lock`, and every check of what they say. What comes out is the domain model
//! (`crate::model`), validated once; nothing here renders or writes the output.
//!
//! - `config/` — `podcast.yaml` → [`Show`](crate::model::Show);
//! - `episode/` — `episodes/<slug>/` → [`Episode`](crate::model::Episode)s, measured;
//! - `lock` — `carnets.lock`: GUIDs and dates podcast apps have already seen;
//! - `checker`, `yaml`, `times`, `validate`, `categories`, `artwork` — what the loaders share:
//!   YAML with positions, dates and chapter times, value checks, Apple's categories, artwork
//!   headers;
//! - `markdown`, `transcript` — show notes and transcripts as parsed;
//! - `scaffold` — the folders `carnets new` and `carnets init` write for the producer.

pub mod artwork;
pub mod categories;
pub(crate) mod checker;
pub mod config;
pub mod episode;
pub mod lock;
pub(crate) mod markdown;
pub mod scaffold;
pub mod times;
pub mod transcript;
pub mod validate;
pub(crate) mod yaml;

use std::path::Path;

use crate::model::{Episode, Show};
use crate::util::diag::Diagnostics;
pub use episode::{Selection, Sources};

/// A podcast folder, loaded.
pub struct Loaded {
    pub show: Show,
    /// The published episodes, newest first.
    pub episodes: Vec<Episode>,
    pub warnings: Diagnostics,
    /// The lock to record when it changed (never for previews: `--base-url`, `--drafts`).
    pub lock: Option<lock::Lock>,
    /// When the next scheduled episode is due, if one is.
    pub next_release: Option<jiff::Timestamp>,
}

/// Loads the show and its episodes, measuring the audio and checking them against
/// `carnets.lock`; stops with every error found. `base_url` overrides `podcast.yaml`'s;
/// `meanwhile` runs on another core while the episodes load, once the show is known.
pub fn load(
    root: &Path,
    base_url: Option<&str>,
    selection: &Selection,
    sources: &Sources<'_>,
    meanwhile: &(dyn Fn(&Show) + Sync),
) -> Result<Loaded, Diagnostics> {
    let (mut show, mut found) = config::load(root, base_url)?;
    let recorded = lock::Lock::load(root)?;
    recorded.apply_to_show(root, &mut show)?;
    let (mut loaded, ()) = rayon::join(
        || episode::load_all(root, &show, selection, sources),
        || meanwhile(&show),
    );
    found.extend(loaded.found);
    let preview = selection.drafts || base_url.is_some();
    let (next, lock_findings) = recorded.reconcile(root, &show, &mut loaded.episodes, !preview);
    // An episode that failed to load is not gone: say nothing of it beside its errors.
    let failed = found.has_errors();
    found.extend(
        lock_findings
            .into_iter()
            .filter(|d| !failed || d.is_error()),
    );
    let warnings = found.check()?;
    let lock = (!preview && next != recorded).then_some(next);
    Ok(Loaded {
        show,
        episodes: loaded.episodes,
        warnings,
        lock,
        next_release: loaded.next_release,
    })
}
