//! Episode folders an earlier build loaded, kept for the next build: after an edit of one
//! episode, a build of a thousand reads one `episode.md` and its YAML, not a thousand.
//!
//! An entry is found by what the folder is (its path, how the folder and its `episode.md`
//! look: a file added, removed or renamed moves the folder's times), what it is read with
//! (the show, whether drafts are published), and it holds the loaded episode, its warnings
//! and how each other file it read looked (the MP3, the artwork, the transcript, the images
//! of `podcast:image`). It is used only when those files look the same and the episode is
//! still published at this build's date. Only a published episode without errors is kept, and only when none of its files
//! changed since the loading started (one being saved meanwhile may have been read half old).
//!
//! Files are known by size, inode, modification and change times (see [`Seen`]), as the
//! build's stamp knows them; the executable that wrote an entry is the only one to read it
//! (the cache's fragments file names it).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Selection;
use crate::model::{Episode, ImageLocation};
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::paths::Seen;

/// What an entry is found by.
pub type Key = [u8; 32];

#[derive(Serialize, Deserialize)]
struct Kept {
    episode: Episode,
    warnings: Vec<Diagnostic>,
    inputs: Vec<(PathBuf, Seen)>,
}

/// The key of the folder `dir` read with the show that hashes to `show` (`None` when its
/// `episode.md` cannot be looked at, or changed after `started`, ns since the epoch).
pub fn key(dir: &Path, show: &[u8; 16], selection: &Selection, started: i128) -> Option<Key> {
    let folder = Seen::of(dir)?;
    let notes = Seen::of(&dir.join("episode.md"))?;
    if folder.changed_since(started) || notes.changed_since(started) {
        return None;
    }
    let mut key = blake3::Hasher::new_derive_key("carnets episode folder");
    key.update(dir.as_os_str().as_encoded_bytes());
    key.update(show);
    key.update(&[u8::from(selection.drafts)]);
    for seen in [folder, notes] {
        key.update(&postcard::to_allocvec(&seen).ok()?);
    }
    Some(*key.finalize().as_bytes())
}

/// The entry for an episode just loaded, unless one of the files it read changed after
/// `started`.
pub fn keep(episode: &Episode, warnings: &Diagnostics, started: i128) -> Option<Vec<u8>> {
    let mut paths = vec![episode.audio.clone()];
    paths.extend(episode.image.as_ref().map(|i| i.source.clone()));
    paths.extend(episode.transcript.as_ref().map(|t| t.source.clone()));
    // The images of `podcast:image`, measured from their files.
    paths.extend(
        episode
            .extras
            .images
            .iter()
            .filter_map(|i| match &i.location {
                ImageLocation::File(art) => Some(art.source.clone()),
                ImageLocation::Url(_) => None,
            }),
    );
    let inputs = paths
        .into_iter()
        .map(|path| {
            let seen = Seen::of(&path).filter(|seen| !seen.changed_since(started))?;
            Some((path, seen))
        })
        .collect::<Option<_>>()?;
    let kept = Kept {
        episode: episode.clone(),
        warnings: warnings.iter().cloned().collect(),
        inputs,
    };
    postcard::to_allocvec(&kept).ok()
}

/// The episode and warnings of an entry, when its files look as they did and the episode is
/// published at `selection`'s date.
pub fn recall(bytes: &[u8], selection: &Selection) -> Option<(Episode, Diagnostics)> {
    let kept: Kept = postcard::from_bytes(bytes).ok()?;
    let published =
        selection.drafts || (!kept.episode.draft && kept.episode.date.timestamp() <= selection.now);
    let same = kept
        .inputs
        .iter()
        .all(|(path, seen)| Seen::of(path).as_ref() == Some(seen));
    (published && same).then(|| {
        let mut warnings = Diagnostics::default();
        warnings.extend(kept.warnings);
        (kept.episode, warnings)
    })
}
