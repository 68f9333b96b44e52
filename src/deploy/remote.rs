//! What the target holds, as its manifest says: `.carnets-manifest.json` at the target's root,
//! written by every deploy that changes something, listing each file (size and BLAKE3 hash of
//! its bytes) and the paths that may exist without being vouched for (`unsettled`: uploads and
//! deletions under way when a deploy stopped), which the next deploy settles.
//!
//! The manifest never claims more than the target holds: a file enters it once its upload is
//! complete and in place, and leaves it before it is deleted. When it is missing or damaged,
//! the target is listed instead (names and sizes, no hashes): a file of the same size counts
//! as the same, and nothing the listing finds is deleted unless the producer says so.

use std::collections::{BTreeMap, BTreeSet};

use opendal::{ErrorKind, Operator};
use serde::{Deserialize, Serialize};

use crate::t;

/// The manifest's name at the target's root.
pub const MANIFEST: &str = ".carnets-manifest.json";
/// Ends the name of a file being uploaded, until it is renamed over its real name.
const PART: &str = ".carnets-part";
/// Bumped when the manifest's meaning changes: an older one is then listed again.
const VERSION: u32 = 1;

/// One file of the target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub size: u64,
    /// `blake3:<hex>` of its bytes; none when only a listing vouched for it (its size).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

/// The target's manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub files: BTreeMap<String, Entry>,
    /// Paths that may exist at the target, left by a deploy that stopped: its uploads' partial
    /// files and its deletions.
    #[serde(default)]
    pub unsettled: BTreeSet<String>,
}

/// Where the picture of the target comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Manifest,
    /// No usable manifest: why, and the listing replaces it.
    Listing(String),
}

/// The target as this deploy starts.
#[derive(Debug)]
pub struct Remote {
    pub manifest: Manifest,
    pub source: Source,
}

/// Reads the target's manifest, or lists the target when it has none or a damaged one.
pub async fn read(op: &Operator) -> opendal::Result<Remote> {
    let why = match op.read(MANIFEST).await {
        Ok(bytes) => match serde_json::from_slice::<Manifest>(&bytes.to_vec()) {
            Ok(manifest) if manifest.version == VERSION => {
                return Ok(Remote {
                    manifest,
                    source: Source::Manifest,
                });
            }
            Ok(manifest) => t!(
                "deploy-manifest-version",
                manifest = MANIFEST,
                version = manifest.version
            ),
            Err(e) => t!(
                "deploy-manifest-damaged",
                manifest = MANIFEST,
                error = e.to_string()
            ),
        },
        Err(e) if e.kind() == ErrorKind::NotFound => {
            t!("deploy-manifest-missing", manifest = MANIFEST)
        }
        Err(e) => return Err(e),
    };
    Ok(Remote {
        manifest: list(op).await?,
        source: Source::Listing(why),
    })
}

/// Every file of the target, by size; partial uploads are unsettled.
async fn list(op: &Operator) -> opendal::Result<Manifest> {
    let mut manifest = Manifest {
        version: VERSION,
        ..Manifest::default()
    };
    for entry in op.list_with("").recursive(true).await? {
        let path = entry.path();
        if entry.metadata().is_dir() || path == MANIFEST {
            continue;
        }
        if path.ends_with(PART) {
            manifest.unsettled.insert(path.to_string());
            continue;
        }
        // Some services list names only; their sizes are then asked one by one.
        let size = match entry.metadata().content_length() {
            0 => op.stat(path).await?.content_length(),
            size => size,
        };
        manifest
            .files
            .insert(path.to_string(), Entry { size, hash: None });
    }
    Ok(manifest)
}

/// Writes the manifest at the target: in place at once where files are replaced by a rename,
/// in one PUT on S3, so that it is never seen half written.
pub async fn write(op: &Operator, manifest: &Manifest, rename: bool) -> opendal::Result<()> {
    let bytes = serde_json::to_vec(manifest).map_err(|e| {
        opendal::Error::new(ErrorKind::Unexpected, t!("deploy-manifest-unencodable")).set_source(e)
    })?;
    if rename {
        let part = part(MANIFEST);
        op.write(&part, bytes).await?;
        op.rename(&part, MANIFEST).await
    } else {
        op.write(MANIFEST, bytes).await.map(drop)
    }
}

/// The name under which `path` is uploaded before it takes its real name: hidden, in the same
/// folder (a rename across folders may cross filesystems).
pub fn part(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/.{name}{PART}"),
        None => format!(".{path}{PART}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_file_is_hidden_beside_its_file() {
        assert_eq!(part("episodes/a/a.mp3"), "episodes/a/.a.mp3.carnets-part");
        assert_eq!(part("feed.xml"), ".feed.xml.carnets-part");
    }

    #[test]
    fn the_manifest_reads_back_and_a_listing_entry_has_no_hash() {
        let mut manifest = Manifest {
            version: VERSION,
            ..Manifest::default()
        };
        manifest.files.insert(
            "feed.xml".into(),
            Entry {
                size: 3,
                hash: Some("blake3:00".into()),
            },
        );
        manifest.files.insert(
            "a.mp3".into(),
            Entry {
                size: 9,
                hash: None,
            },
        );
        manifest.unsettled.insert(part("a.mp3"));
        let text = serde_json::to_string(&manifest).unwrap();
        assert!(text.contains(r#""a.mp3":{"size":9}"#), "{text}");
        assert_eq!(serde_json::from_str::<Manifest>(&text).unwrap(), manifest);
    }
}
