//! The published MP3 of every episode: a fresh ID3 tag (with the episode's artwork, or else
//! the show's) before the source's MPEG frames, as a file for `output` to write.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::CoverError;
use crate::model::{Episode, Show};
use crate::output::{Content, FragmentKey, OutputFile, Shared};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::hash::fingerprint;

/// The artwork of a file as it goes into the tags (see [`super::prepare_cover`]).
pub type Covers<'a> = dyn Fn(&Path) -> Result<Arc<Vec<u8>>, CoverError> + Sync + 'a;

/// Bytes made from what hashes to a key: by an earlier build, or else now by the function
/// given.
pub type Kept<'a> = dyn Fn(FragmentKey, &dyn Fn() -> Vec<u8>) -> Arc<[u8]> + Sync + 'a;

/// The MP3 of every episode, each tagged with its artwork from `covers` (the tag's head taken
/// from `kept` when an earlier build made it from the same); sets each episode's
/// `published_size` (the enclosure length).
pub fn publish(
    show: &Show,
    episodes: &mut [Episode],
    covers: &Covers<'_>,
    kept: &Kept<'_>,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let artwork = |e: &Episode| e.image.as_ref().unwrap_or(&show.image).source.clone();
    // Each distinct artwork is prepared once (most episodes share the show's).
    let sources: BTreeSet<PathBuf> = episodes.iter().map(artwork).collect();
    let mut found = Diagnostics::default();
    let mut prepared = BTreeMap::new();
    for (source, result) in sources
        .par_iter()
        .map(|source| (source, covers(source).map(Shared::new)))
        .collect::<Vec<_>>()
    {
        match result {
            Ok(cover) => {
                prepared.insert(source.clone(), cover);
            }
            Err(e) => {
                found.push(Diagnostic::error(source, e.to_string()).help(t!("audio-cover-help")))
            }
        }
    }
    found.check()?;
    let show_hash = fingerprint(show);
    // The tag ends with the artwork: each episode keeps only the tag's head, and the published
    // file gets the shared artwork written after it (a thousand copies would fill the memory).
    Ok(episodes
        .par_iter_mut()
        .map(|episode| {
            let cover = prepared[&artwork(episode)].clone();
            let cover_len = cover.bytes().len();
            let make = || super::tag::tag_head(show, episode, Some(cover_len));
            let tag = match (show_hash, fingerprint(&*episode)) {
                (Some(show_hash), Some(episode_hash)) => {
                    let mut key = blake3::Hasher::new_derive_key("carnets ID3 tag head");
                    key.update(&show_hash).update(&episode_hash);
                    key.update(&(cover_len as u64).to_le_bytes());
                    kept(*key.finalize().as_bytes(), &make).to_vec()
                }
                _ => make(),
            };
            episode.published_size =
                (tag.len() + cover.bytes().len()) as u64 + episode.media.audio_len();
            OutputFile {
                path: episode.audio_path(),
                content: Content::Audio {
                    tag,
                    cover: Some(cover),
                    source: episode.audio.clone(),
                    start: episode.media.audio_start,
                    end: episode.media.audio_end,
                },
            }
        })
        .collect())
}
